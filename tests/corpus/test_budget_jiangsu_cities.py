"""苏州 and 无锡: one template, 公开NN表 labels, 部门：X (部门 pack) or 单位：X 单位：万元 (单位 pack),
3/6-digit 部门代码 rows in 公开02表 that are not account codes, 会议费/培训费 beside 三公."""
from __future__ import annotations

import pytest

SUZHOU = "renwu/006_苏州/2026年苏州市审计局部门预算.pdf"
SUZHOU_UNIT = "renwu/006_苏州/2026年苏州市水务局部门预算.pdf"
WUXI = "renwu/014_无锡/2026年无锡市统计局部门预算.pdf"
WUXI_2025 = "renwu/014_无锡/信访局_2026年部门预算.pdf"  # filed as 2026, printed 2025

EXTRAS = {"BUD_11", "BUD_13", "BUD_15", "BUD_16"}


@pytest.mark.corpus
def test_suzhou_department_pack(parse_corpus, pinned, table_ids):
    doc = parse_corpus(SUZHOU)
    assert (doc.kind, doc.fiscal_year, doc.department, doc.entity_level) == ("budget", 2026, "苏州市审计局", "department")
    assert {f"BUD_0{i}" for i in range(1, 10)} | EXTRAS <= table_ids(doc)
    pinned(doc, "BUD_01", "income_grand_total", "budget", "4651.67", 9)
    pinned(doc, "BUD_03", "20108", "project", "339.50", 11)
    pinned(doc, "BUD_06", "30101", "personnel", "469.17", 17)
    pinned(doc, "BUD_07", "training_fee", "budget", "43.00", 18)
    # 公开02表 rows by unit code: 合计 is the pack's, 024 / 024001 are its units, never function codes
    bud02 = [f for f in doc.facts if f.table_id == "BUD_02"]
    assert not [f for f in bud02 if f.account_code]
    assert {f.entity for f in bud02} == {"", "024苏州市审计局", "024001苏州市审计局"}
    pinned(doc, "BUD_02", "total", "income", "4651.67", 10)  # 本年收入/小计


@pytest.mark.corpus
def test_suzhou_unit_pack(parse_corpus):
    doc = parse_corpus(SUZHOU_UNIT)
    assert (doc.department, doc.entity_level) == ("苏州市水务局", "unit")


@pytest.mark.corpus
def test_wuxi_pack(parse_corpus, pinned, table_ids):
    doc = parse_corpus(WUXI)
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2026, "无锡市统计局")
    assert {f"BUD_0{i}" for i in range(1, 10)} | EXTRAS <= table_ids(doc)
    pinned(doc, "BUD_01", "income_gpb", "budget", "3210.10", 8)
    pinned(doc, "BUD_05", "total", "project", "975.06", 17)
    pinned(doc, "BUD_05", "20105", "public", "131.33", 17)


@pytest.mark.corpus
def test_year_from_the_text_not_the_file_name(parse_corpus):
    doc = parse_corpus(WUXI_2025)
    assert (doc.fiscal_year, doc.department) == (2025, "无锡市信访局")
