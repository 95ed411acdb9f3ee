"""江苏 省级 2017-2019: 12-table provincial template, 公开NN表 / 公开表一 / 一、… labels, tables-only
公开表 files whose title, 部门 and 单位 share the first grid cell, spreadsheet exports whose white cell
backgrounds are not ruling, rotated pages, a first row printed above the ruling of a continuation page."""
from __future__ import annotations

import pytest

FULL_2019 = "ae86jack-open-budget/2019年度部门预算公开.pdf"  # 检察院, 2 tables per page, 1,273 rects
TABLES_2018 = "ae86jack-open-budget/江苏省政协办公厅2018度部门预算公开表.pdf"
ROTATED = "ae86jack-open-budget/江苏省人大常委会办公厅2019年部门预算公开表.pdf"  # /Rotate 90 pages
COURT_2017 = "ae86jack-open-budget/省法院2017年度部门预算公开.pdf"


@pytest.mark.corpus
def test_full_pack_with_cell_per_rect_grids(parse_corpus, pinned, table_ids):
    doc = parse_corpus(FULL_2019)
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2019, "江苏省人民检察院")
    assert {f"BUD_0{i}" for i in range(1, 9)} | {"BUD_11", "BUD_13", "BUD_15", "BUD_16"} <= table_ids(doc)
    assert "BUD_09" not in table_ids(doc)  # the provincial template prints no 国有资本经营 table
    pinned(doc, "BUD_01", "income_gpb", "budget", "24169.74", 14)
    pinned(doc, "BUD_01", "expense_reserve", "budget", "3990.40", 14)  # 三、单位预留机动经 / 费 in one cell
    pinned(doc, "BUD_02", "income_gpb", "total", "24169.74", 15, "24169.74")
    pinned(doc, "BUD_03", "total", "basic", "15844.04", 15)  # one unlabelled row
    pinned(doc, "BUD_05", "22102", "total", "5686.35", 18)
    pinned(doc, "BUD_06", "30108", "total", "1064.46", 19)


@pytest.mark.corpus
def test_tables_only_file(parse_corpus, pinned):
    doc = parse_corpus(TABLES_2018)
    assert (doc.kind, doc.department) == ("budget", "江苏省政协办公厅")
    assert doc.evidence["department"].startswith("field: 部门:江苏省政协办公厅")
    # no year anywhere but in a table title: 2018年政府采购预算表
    assert doc.fiscal_year == 2018
    labels = [t.label for t in doc.tables if t.table_id]
    assert labels[:3] == ["公开01表", "公开02表", "公开03表"]
    pinned(doc, "BUD_01", "income_total", "budget", "10150.48", 1)
    pinned(doc, "BUD_05", "20805", "total", "823.76", 7)


@pytest.mark.corpus
def test_rotated_pages_read_in_order(parse_corpus, table_ids):
    doc = parse_corpus(ROTATED)
    assert doc.page_texts[0].startswith("收支预算总表\n公开表一\n部门：江苏省人大常委会办公厅")
    assert "1 8,330.37" not in doc.page_texts[0] and "18,330.37" in doc.page_texts[0]
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2019, "江苏省人大常委会办公厅")
    assert {t.label for t in doc.tables if t.table_id} >= {"公开表一", "公开表十二"}
    assert {f"BUD_0{i}" for i in range(1, 9)} <= table_ids(doc)


@pytest.mark.corpus
def test_row_above_the_ruling_of_a_continuation_page(parse_corpus, pinned):
    doc = parse_corpus(COURT_2017)
    # p14 starts with 2210201 住房公积金, printed above the grid's first ruling line
    f = pinned(doc, "BUD_15", "2210201", "total", "1029.15", 14)
    assert f.account_name == "住房公积金"
    pinned(doc, "BUD_15", "22102", "total", "2989.14", 13)
    # p12 starts with 二、财政专户管理资金 | 四、公共安全支出 | 23,513.11: labels and one figure above the ruling
    f = pinned(doc, "BUD_01", "204", "budget", "23513.11", 12)
    assert f.account_name == "四、公共安全支出"
    classes = sum(x.amount for x in doc.facts if x.table_id == "BUD_01" and len(x.account_code) == 3)
    assert str(classes) == "28849.38"  # = 当年支出小计: no class row lost at the page break


@pytest.mark.corpus
def test_title_wrapped_over_two_lines(parse_corpus, pinned):
    # p19: "公开 09 表：一般公共预算“三公”经费、会议费、培训费" / "支出预算表": the 三公 table, not 支出预算表
    doc = parse_corpus("ae86jack-open-budget/2018年省检察院部门预算公开.pdf")
    t = next(t for t in doc.tables if t.label == "公开09表")
    assert t.table_id == "BUD_07" and t.page_start == 19
    assert [x.table_id for x in doc.tables].count("BUD_03") == 1


@pytest.mark.corpus
def test_chinese_numeral_labels(parse_corpus, table_ids):
    doc = parse_corpus("ae86jack-open-budget/2017年度部门预算公开表.pdf")  # 表一 … 表十二, title on its own line
    labels = {t.label: t.table_id for t in doc.tables if t.table_id}
    assert (labels["表八"], labels["表十一"], labels["表十二"]) == ("BUD_05", "BUD_07", "BUD_11")
    assert {f"BUD_0{i}" for i in range(1, 9)} <= table_ids(doc)


@pytest.mark.corpus
def test_text_outside_the_page_box_is_not_printed(parse_corpus):
    # p11 carries two more tables below the page's bottom edge (y 842–2670 on an 842 pt page): in the
    # file, on no viewer's screen. Neither the page text nor the facts take them.
    doc = parse_corpus("ae86jack-open-budget/江苏省人大办公厅2017年度预算公开.pdf")
    text = doc.page_texts[10]
    assert "2210202提租补贴1,018.01" in text.replace(" ", "")
    assert "财政拨款基本支出预算表" not in text and "7,666.68" not in text
    assert not [f for f in doc.facts if f.page == 11 and f.printed == "7,666.68"]
