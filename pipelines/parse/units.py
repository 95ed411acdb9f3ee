"""元 or 万元: each table's unit is read from its own page (单位：元 above it), and then checked
against the pack's other figures.

A table whose unit line is wrong (figures in 元 under 单位：万元, or the reverse) prints totals
10,000 times those of the rest of the pack. For every table with a sizeable total, its key totals
are compared with the other tables' totals and with the 万元 figures the narrative states: when none
agrees as printed but some agree at 10,000× (or 1/10,000×), the table's figures are converted with
the other unit and the table says so (unit_source `cross-check`, an issue naming the figures). The
printed unit stays on every fact; only amount_wan follows the evidence.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..textutil.numbers import UNIT_EXPONENT, to_wan
from .model import DocumentResult

_STATED = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?万元")
SWAP = {"元": "万元", "万元": "元"}
MIN_TOTAL = Decimal(100)  # 万元: small totals match too easily by chance
_TOTAL_ITEMS = ("total", "income_total", "expense_total", "income_grand_total", "expense_grand_total")


def _totals(doc: DocumentResult, seq: int) -> set[Decimal]:
    return {f.amount_wan for f in doc.facts
            if f.table_seq == seq and not f.entity and (f.line_item in _TOTAL_ITEMS or len(f.account_code) == 3)}


def _stated(doc: DocumentResult) -> set[tuple[Decimal, int]]:
    out = set()
    for t in doc.page_texts:
        for m in _STATED.finditer(re.sub(r"\s+", "", t)):
            frac = m.group(2) or ""
            out.add((Decimal(m.group(1).replace(",", "") + ("." + frac if frac else "")), len(frac)))
    return out


def _agrees(value: Decimal, refs: set[Decimal], stated: set[tuple[Decimal, int]]) -> list[str]:
    """Other figures of the pack equal to `value` (万元); figures under 1 万元 agree too easily."""
    if value < 1:
        return []
    hits = [str(r) for r in refs if r == value]
    for v, d in stated:
        if value.quantize(Decimal(1).scaleb(-d), ROUND_HALF_UP) == v:
            hits.append(f"{v}万元 stated")
    return hits


def _convert(doc: DocumentResult, tr, unit: str, source: str, msg: str) -> None:
    for f in doc.facts:
        if f.table_seq == tr.seq:
            f.amount_wan = to_wan(f.amount, unit)
            if tr.unit_source in ("document", "assumed"):
                f.unit_printed = unit
    if tr.unit_source in ("document", "assumed"):
        tr.unit_printed = unit
    tr.unit_source = source
    tr.issues.append(msg)


def crosscheck_assumed(doc: DocumentResult, stated: set[tuple[Decimal, int]]) -> list[str]:
    """No table prints its unit: the pack's totals against the 万元 figures its narrative states.

    When none of the totals agrees with a stated figure as 万元 but at least two agree once read as
    元, every table is read as 元 (the figures stay as printed; amount_wan follows the evidence)."""
    tables = [t for t in doc.tables if t.table_id]
    if not stated or not tables or any(t.unit_source not in ("document", "assumed") for t in tables):
        return []
    own = {v for t in tables for v in _totals(doc, t.seq) if v >= MIN_TOTAL}
    if not own or any(_agrees(v, set(), stated) for v in own):
        return []
    hits = {v: h for v in own if (h := _agrees(v.scaleb(-4), set(), stated)) and v.scaleb(-4) >= 1}
    if len(hits) < 2:
        return []
    v, h = next(iter(sorted(hits.items())))
    msg = (f"unit_crosscheck: no unit line printed; the totals agree with the narrative's 万元 figures only as 元 "
           f"({len(hits)} totals, e.g. {v} -> {v.scaleb(-4)} = {h[0]}); read as 元")
    for t in doc.tables:
        if t.table_id:
            _convert(doc, t, "元", "cross-check", msg)
    return [f"all tables: {msg}"]


def crosscheck_units(doc: DocumentResult) -> list[str]:
    """Convert the tables whose totals agree with the pack only at 10,000×; returns what was done."""
    stated = _stated(doc)
    done = crosscheck_assumed(doc, stated)
    if done:
        return done
    by_seq = {t.seq: t for t in doc.tables}
    totals = {seq: _totals(doc, seq) for seq in by_seq}
    for seq, tr in by_seq.items():
        if tr.unit_printed not in SWAP or not totals[seq]:
            continue
        own = {v for v in totals[seq] if v >= MIN_TOTAL or v * 10000 >= MIN_TOTAL}
        if not own:
            continue
        refs = {v for s, vals in totals.items() if s != seq and by_seq[s].unit_source != "cross-check" for v in vals}
        if any(_agrees(v, refs, stated) for v in own):
            continue
        other = SWAP[tr.unit_printed]
        shift = UNIT_EXPONENT[other] - UNIT_EXPONENT[tr.unit_printed]  # 元 read as 万元: ×10,000 …
        scaled = {v: v.scaleb(shift) for v in own}
        hits = {v: _agrees(s, refs, stated) for v, s in scaled.items() if s >= MIN_TOTAL}
        hits = {v: h for v, h in hits.items() if h}
        if not hits:
            continue
        for f in doc.facts:
            if f.table_seq == seq:
                f.amount_wan = to_wan(f.amount, other)
        tr.unit_source = "cross-check"
        v, h = next(iter(hits.items()))
        msg = (f"unit_crosscheck: printed 单位：{tr.unit_printed}, but its totals agree with the pack only as {other} "
               f"(total {v} -> {v.scaleb(shift)} = {h[0]}); converted as {other}")
        tr.issues.append(msg)
        done.append(f"table {seq} {tr.table_id}: {msg}")
    return done
