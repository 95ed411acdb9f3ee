"""The hand-verified truth file (tests/truth/, read off the page images) must match the parse 100 %."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

TRUTH = Path(__file__).resolve().parents[1] / "truth" / "shpt_czj_2024_final.csv"
PDF = "GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf"


def _key(table_id, scheme, code, item, measure):
    return (table_id, scheme, code, item, measure)


@pytest.mark.corpus
def test_every_truth_amount_is_in_the_parse_and_nothing_else(parse_corpus):
    doc = parse_corpus(PDF)
    with open(TRUTH, encoding="utf-8") as fh:
        truth = list(csv.DictReader(fh))
    assert len(truth) == 195
    want = defaultdict(list)
    for r in truth:
        want[_key(r["table_id"], r["account_scheme"], r["account_code"], r["line_item"], r["measure"])].append(
            (r["amount_wan"], int(r["page"])))
    got = defaultdict(list)
    for f in doc.facts:
        got[_key(f.table_id, f.account_scheme, f.account_code, f.line_item, f.measure)].append(
            (format(f.amount_wan, "f"), f.page))
    missing = {k: v for k, v in want.items() if sorted(got.get(k, [])) != sorted(v)}
    extra = {k: v for k, v in got.items() if k not in want}
    assert not missing, missing
    assert not extra, extra


@pytest.mark.corpus
def test_printed_names_and_units_kept(parse_corpus):
    doc = parse_corpus(PDF)
    names = {(f.table_id, f.account_code): f.account_name for f in doc.facts if f.account_code}
    assert names[("FIN_02", "2080505")] == "机关事业单位基本养老保险缴费支出"
    assert names[("FIN_06", "30299")] == "其他商品和服务支出"  # printed letter-spaced over two lines
    assert {f.unit_printed for f in doc.facts} == {"万元"}
    f = next(f for f in doc.facts if f.table_id == "FIN_01" and f.line_item == "income_total")
    assert (format(f.amount_wan, "f"), f.printed, f.page) == ("2946.25", "2,946.25", 6)
    x0, top, x1, bottom = f.bbox
    assert 0 < x0 < x1 <= 595 and 0 < top < bottom <= 842


@pytest.mark.corpus
def test_empty_tables_are_present_with_their_note(parse_corpus):
    doc = parse_corpus(PDF)
    by_id = {t.table_id: t for t in doc.tables if t.table_id}
    assert set(by_id) == {f"FIN_0{i}" for i in range(1, 10)}
    for tid in ("FIN_07", "FIN_08"):
        assert by_id[tid].empty and "本表无数据" in by_id[tid].note
    assert not any(f.table_id in ("FIN_07", "FIN_08") for f in doc.facts)
    assert (by_id["FIN_02"].page_start, by_id["FIN_02"].page_end) == (8, 9)
    assert (by_id["FIN_06"].page_start, by_id["FIN_06"].page_end) == (16, 17)
