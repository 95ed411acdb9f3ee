"""Identification from content, with its evidence: covers, labelled fields, what the tables print,
narrative subjects, and the file name only as a flagged last resort."""
from __future__ import annotations

from collections import Counter

import pytest

from pipelines.intake.identify import cover_title, department_from_filename, identify
from pipelines.parse.signals import TableSignals


def test_cover_title_with_the_department_split_over_two_lines():
    texts = ["2018 年度江苏省高级\n人民法院预算公开\n2018 年 2 月 24 日", "目 录"]
    ct = cover_title(texts)
    assert ct[:2] == ("江苏省高级人民法院", 2018)


def test_cover_title_without_the_year_character():
    texts = ["北京市人民政府国有资产监督管理委员会\n2026 部门预算情况的说明\n一、部门情况说明"]
    assert cover_title(texts)[:2] == ("北京市人民政府国有资产监督管理委员会", 2026)


def test_narrative_subject_when_there_is_no_cover():
    texts = ["- 1 -", "目 录\n第一部分 部门概况",
             "江苏省政协办公厅 2019 年度收入、支出预算总计 13,377.11\n万元",
             "江苏省政协办公厅本年收入预算合计 13,377.11 万元\n江苏省政协办公厅 2019 年度财政拨款收、支预算"]
    ident = identify(texts, Counter({"budget": 0}))
    assert ident.department == "江苏省政协办公厅"
    assert ident.evidence["department"].startswith("narrative subject: 江苏省政协办公厅")


def test_table_signals_name_a_file_with_no_cover():
    sig = TableSignals()
    sig.cells.update({"北京市公安局交通管理局": 1, "北京市公安局": 1})
    sig.cell_rank.update({"北京市公安局交通管理局": 0, "北京市公安局": 6})  # 部门名称 before 市级主管部门
    sig.cell_pages.update({"北京市公安局交通管理局": 58, "北京市公安局": 60})
    sig.add_years("（2026年度）", 58)
    ident = identify(["预算01表 收支总表\n金额单位：万元"], Counter({"budget": 12}), sig, "x.pdf")
    assert (ident.department, ident.fiscal_year, ident.kind) == ("北京市公安局交通管理局", 2026, "budget")
    assert ident.evidence["department"] == "table cell: 北京市公安局交通管理局 (p58, 1 table)"
    assert ident.evidence["fiscal_year"] == "table caption: 2026年 (p58, 1 caption)"


def test_file_name_is_the_last_resort_and_says_so():
    ident = identify(["预算01表 收支总表\n金额单位：万元"], Counter({"budget": 12}), TableSignals(),
                     "政府办公厅_附件2：北京市信访办公室2026年度部门预算报表.pdf")
    assert (ident.department, ident.fiscal_year) == ("北京市信访办公室", 2026)
    assert ident.evidence["department"].startswith("filename (last resort): ")
    assert ident.evidence["fiscal_year"].startswith("filename (last resort): ")


@pytest.mark.parametrize("name,want", [
    ("附件2：中国共产党北京市委员会宣传部2026年度部门预算报表.pdf", ("中国共产党北京市委员会宣传部", 2026)),
    ("2026年北京市公安局部门预算.pdf", ("北京市公安局", 2026)),
    ("江苏省委办公厅2017年预算公开表格.pdf", ("江苏省委办公厅", 2017)),
    ("1769321433314-826553525.pdf", ("", None)),
])
def test_department_from_filename(name, want):
    assert department_from_filename(name) == want


@pytest.mark.corpus
def test_tables_only_file_identified_from_its_table_cells(parse_corpus):
    doc = parse_corpus("renwu/002_北京/公安局交通警察局_2026年部门预算.pdf")  # file name says 交通警察局
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2026, "北京市公安局交通管理局")
    assert doc.evidence["department"].startswith("table cell:")
