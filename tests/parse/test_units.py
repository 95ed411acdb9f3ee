"""元 vs 万元 per table from its page, and a wrong unit line caught by cross-checking the pack's totals."""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from pipelines.parse.units import crosscheck_units
from pipelines.textutil.numbers import to_wan

SH = "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf"  # tables in 元, 三公 in 万元
SZ = "renwu/003_深圳/2026年深圳市审计局部门预算.pdf"  # 万元


def _mislabel(doc, table_id):
    """The same pack with one table's unit line printed wrong (figures unchanged)."""
    d = copy.deepcopy(doc)
    tr = next(t for t in d.tables if t.table_id == table_id)
    wrong = "万元" if tr.unit_printed == "元" else "元"
    tr.unit_printed, tr.issues = wrong, []
    for f in d.facts:
        if f.table_seq == tr.seq:
            f.unit_printed, f.amount_wan = wrong, to_wan(f.amount, wrong)
    return d, tr


@pytest.mark.corpus
def test_units_read_from_each_page_and_no_false_alarm(parse_corpus):
    doc = parse_corpus(SH)
    units = {t.table_id: (t.unit_printed, t.unit_source) for t in doc.tables if t.table_id}
    assert units["BUD_01"] == ("元", "printed") and units["BUD_07"] == ("万元", "printed")
    assert not [i for i in doc.issues if "unit_crosscheck" in i]
    assert not [i for i in parse_corpus(SZ).issues if "unit_crosscheck" in i]


@pytest.mark.corpus
@pytest.mark.parametrize("rel,table_id", [(SH, "BUD_05"), (SH, "BUD_02"), (SZ, "BUD_05"), (SZ, "BUD_03")])
def test_a_10000x_unit_error_is_caught_and_corrected(rel, table_id, parse_corpus):
    good = parse_corpus(rel)
    doc, tr = _mislabel(good, table_id)
    done = crosscheck_units(doc)
    assert len(done) == 1 and done[0].startswith(f"table {tr.seq} {table_id}: unit_crosscheck")
    assert tr.unit_source == "cross-check" and tr.unit_printed in ("元", "万元")
    fixed = {(f.account_code, f.line_item, f.measure, f.row): f.amount_wan for f in doc.facts if f.table_seq == tr.seq}
    truth = {(f.account_code, f.line_item, f.measure, f.row): f.amount_wan for f in good.facts if f.table_seq == tr.seq}
    assert fixed == truth and all(isinstance(v, Decimal) for v in fixed.values())
