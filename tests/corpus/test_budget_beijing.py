"""北京: 附件2 预算NN表 tables-only packs (title and 金额单位 ruled inside the grid, 6-decimal 万元,
white cell backgrounds that are not ruling) and their 附件1 narratives."""
from __future__ import annotations

from decimal import Decimal

import pytest

TABLES = "renwu/002_北京/财政局_2026年部门预算.pdf"
NARRATIVE = "renwu/002_北京/2026年北京市财政局部门预算.pdf"


@pytest.mark.corpus
def test_tables_only_pack(parse_corpus, pinned, table_ids):
    doc = parse_corpus(TABLES)
    # no cover: the name is the 部门名称 cell of 预算13表, the year its （2026年度） caption
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2026, "北京市财政局")
    assert doc.evidence["department"].startswith("table cell: 北京市财政局 (p44")
    assert doc.evidence["fiscal_year"].startswith("table caption: 2026年")
    assert {f"BUD_0{i}" for i in range(1, 10)} | {"BUD_11", "BUD_12", "BUD_14"} <= table_ids(doc)
    pinned(doc, "BUD_01", "income_gpb", "budget", "44156.640120", 1, "44,156.640120")
    pinned(doc, "BUD_01", "income_total", "budget", "44156.640120", 2)  # the table continues on p2
    pinned(doc, "BUD_02", "total", "carry_in", "12.717412", 3)  # 上年结转结余/小计
    pinned(doc, "BUD_02", "total", "carry_in_gpb", "12.717412", 3)  # 上年结转结余/一般公共预算资金
    pinned(doc, "BUD_05", "total", "public", "2081.608329", 9)
    pinned(doc, "BUD_05", "total", "project_ex_capital", "16153.099211", 9)  # 项目支出/扣除基建项目后预算数
    # 预算06表 prints both economic schemes: keyed by the 部门 code, the 政府 one kept beside it
    pinned(doc, "BUD_06", "30101", "personnel", "1721.982000", 10, cross="50101-工资奖金津补贴")
    pinned(doc, "BUD_06", "30101", "personnel", "1919.140800", 10, cross="50501-工资福利支出")
    by_id = {t.table_id: t for t in doc.tables}
    assert by_id["BUD_08"].empty and by_id["BUD_09"].empty
    assert not [f for f in doc.facts if f.table_id == "BUD_14"]  # 绩效目标: targets, not amounts


@pytest.mark.corpus
def test_cross_classified_rows_keep_their_other_codes(parse_corpus):
    doc = parse_corpus(TABLES)
    rows = [f for f in doc.facts if f.table_id == "BUD_03" and f.account_code == "2010601" and f.measure == "total"]
    assert rows[0].cross == "50101-工资奖金津补贴|30101-基本工资" and rows[0].amount_wan == Decimal("1721.982")
    # each printed row once: 行政运行 is split over many economic classes
    assert len({f.cross for f in rows}) == len(rows) > 5


@pytest.mark.corpus
def test_narrative_has_no_tables(parse_corpus):
    doc = parse_corpus(NARRATIVE)
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2026, "北京市财政局")
    assert not [t for t in doc.tables if t.table_id]
