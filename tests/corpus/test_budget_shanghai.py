"""上海: 市级 单位预算 (元 tables, 万元 三公 table) and 普陀区 部门/单位 预算 packs."""
from __future__ import annotations

import pytest

CITY = "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf"  # unit 上海交通职业技术学院
PT_DEPT = "GovBudgetChecker/dept_budget.pdf"  # 普陀区司法局 2026 部门预算
PT_UNIT = "GovBudgetChecker/unit_budget.pdf"  # the same name, 单位预算


@pytest.mark.corpus
def test_city_unit_pack(parse_corpus, pinned, table_ids):
    doc = parse_corpus(CITY)
    assert (doc.kind, doc.fiscal_year, doc.department, doc.entity_level) == ("budget", 2026, "上海交通职业技术学院", "unit")
    assert {f"BUD_0{i}" for i in range(1, 10)} <= table_ids(doc)
    # 元 on the page: printed 326,658,710 元 is 32665.8710 万元, exactly
    pinned(doc, "BUD_01", "205", "total", "32665.8710", 7, "326,658,710")
    pinned(doc, "BUD_01", "income_grand_total", "budget", "40869.6000", 7)
    pinned(doc, "BUD_03", "20503", "project", "7238.5470", 10)
    pinned(doc, "BUD_03", "22102", "total", "1771.7000", 11)
    # the 三公 table on the same pack says 单位:万元
    t = next(t for t in doc.tables if t.table_id == "BUD_07")
    assert (t.unit_printed, t.unit_source) == ("万元", "printed")
    assert {t.unit_printed for t in doc.tables if t.table_id in ("BUD_01", "BUD_02", "BUD_03")} == {"元"}


@pytest.mark.corpus
def test_putuo_department_and_unit_packs_are_told_apart(parse_corpus, pinned, table_ids):
    dept, unit = parse_corpus(PT_DEPT), parse_corpus(PT_UNIT)
    assert (dept.department, dept.entity_level) == ("上海市普陀区司法局", "department")
    assert (unit.department, unit.entity_level) == ("上海市普陀区司法局", "unit")
    pinned(dept, "BUD_03", "204", "total", "8726.727244", 12, "87267272.44")
    pinned(dept, "BUD_03", "total", "total", "9628.221344", 13)
    pinned(dept, "BUD_01", "210", "budget", "114.967800", 10, "1,149,678.00")
    assert {f"BUD_0{i}" for i in range(1, 10)} <= table_ids(dept)
