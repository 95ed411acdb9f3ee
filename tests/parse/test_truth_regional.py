"""The hand-verified truth files of two templates the parser was not tuned to (tests/truth/README.md:
西安 部门综合预算 in 元, four blocks side by side, 部门/政府 economic classes, 三公 上年|当年|增减; 烟台 公开表
with 类|款|项 columns printing only their own part, rotated pages, cross-classified 基本支出表) must
match the parse 100 %: every printed amount of BUD_01-BUD_07 with its table, key, measure and page,
and nothing else in those tables."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

TRUTH = Path(__file__).resolve().parents[1] / "truth"
CASES = {
    "xian_xfj_2026_budget.csv": ("renwu/020_西安/2026年西安市信访局部门预算.pdf", 266),
    "yantai_xfj_2026_budget.csv": ("renwu/025_烟台/2026年烟台市信访局部门预算.pdf", 324),
}


def _key(table_id, scheme, code, item, measure, amount, page):
    return (table_id, scheme, code, item, measure, amount, int(page))


@pytest.mark.corpus
@pytest.mark.parametrize("truth_file", sorted(CASES))
def test_every_truth_amount_is_in_the_parse_and_nothing_else(truth_file, parse_corpus):
    pdf, n = CASES[truth_file]
    with open(TRUTH / truth_file, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n
    tables = {r["table_id"] for r in rows} | {"BUD_04"}  # 烟台 prints BUD_04 empty: no row, no fact
    want = Counter(_key(r["table_id"], r["account_scheme"], r["account_code"], r["line_item"], r["measure"],
                        r["amount_wan"], r["page"]) for r in rows)
    doc = parse_corpus(pdf)
    got = Counter(_key(f.table_id, f.account_scheme, f.account_code, f.line_item, f.measure, format(f.amount_wan, "f"),
                       f.page) for f in doc.facts if f.table_id in tables)
    assert not want - got, sorted(want - got)[:20]
    assert not got - want, sorted(got - want)[:20]


@pytest.mark.corpus
def test_yantai_tables_found_where_printed(parse_corpus):
    doc = parse_corpus(CASES["yantai_xfj_2026_budget.csv"][0])
    where = {t.table_id: (t.page_start, t.page_end, t.empty) for t in doc.tables if t.table_id}
    assert where["BUD_02"] == (7, 8, False) and where["BUD_06"] == (15, 17, False)
    assert where["BUD_04"][2] and where["BUD_08"][2] and where["BUD_09"][2]  # printed empty, with a note
    cross = {f.cross for f in doc.facts if f.table_id == "BUD_06" and f.account_code == "30101"}
    assert cross == {"50101", "50501"}  # the 政府经济 code printed beside the 部门经济 code


@pytest.mark.corpus
def test_xian_tables_by_meaning_and_contents(parse_corpus):
    doc = parse_corpus(CASES["xian_xfj_2026_budget.csv"][0])
    by_page = {t.page_start: t for t in doc.tables}
    assert by_page[19].table_id == "BUD_01" and by_page[27].table_id == "BUD_06"
    # 一般公共预算支出明细表（按支出经济分类科目） beside the 基本支出 one: not BUD_06 again, kept as BUD_X
    assert by_page[24].table_id == "BUD_X" and any(f.table_seq == by_page[24].seq for f in doc.facts)
    assert {f.unit_printed for f in doc.facts if f.table_id == "BUD_05"} == {"元"}
