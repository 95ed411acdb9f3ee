"""A table printed again with the same figures is loaded once.

A pack concatenated with itself (a download glued twice, a reprint in an appendix) prints every
table twice; loaded as read, every fact would be doubled and every sum the marts take would be
twice the truth. A table whose catalogue id and every figure (code or line, measure, amount,
sub-unit, side) equal an earlier table's of the same document is a repeat (so is, in such a pack,
a second table printed empty with the same note): its facts and
quantities are dropped, the table stays listed with an issue naming the table it repeats, and
the document gets a note (document.evidence["repeated_tables"]). Rules DI06 (a table yields figures)
and DI10 (figures printed on a table page became facts) leave out tables whose issues say
"repeat of table ".
"""
from __future__ import annotations

from .model import DocumentResult, TableResult


def _signature(facts) -> tuple:
    return tuple(sorted((f.account_scheme, f.account_code, f.line_item, f.measure, format(f.amount_wan, "f"),
                         f.entity, f.side, f.cross) for f in facts))


def drop_repeats(doc: DocumentResult) -> list[dict]:
    """Drop the facts of tables that repeat an earlier table; returns one record per repeat."""
    by_seq: dict[int, list] = {}
    for f in doc.facts:
        by_seq.setdefault(f.table_seq, []).append(f)
    first: dict[tuple, TableResult] = {}
    repeats: list[dict] = []
    empty: list[tuple[TableResult, TableResult]] = []  # (table, the table it repeats) of tables printed empty
    for t in doc.tables:
        facts = by_seq.get(t.seq, [])
        if not t.table_id or (not facts and not t.empty):
            continue
        key = (t.table_id, _signature(facts) if facts else ("printed empty", t.note))
        if key not in first:
            first[key] = t
            continue
        orig = first[key]
        if not facts:
            empty.append((t, orig))
            continue
        t.issues.append(f"repeat of table {orig.seq} ({orig.table_id}, pages {orig.page_start}-{orig.page_end}) "
                        f"with the same {len(facts)} figures: not loaded twice")
        repeats.append({"seq": t.seq, "table_id": t.table_id, "pages": [t.page_start, t.page_end],
                        "repeats_seq": orig.seq, "repeats_pages": [orig.page_start, orig.page_end],
                        "facts": len(facts)})
    # an empty table printed twice is no sign of a repeated pack (西安 packs print some twice); in a
    # pack whose tables repeat, it is one more repeat
    for t, orig in empty if repeats else ():
        t.issues.append(f"repeat of table {orig.seq} ({orig.table_id}, pages {orig.page_start}-{orig.page_end}) "
                        "printed empty")
        repeats.append({"seq": t.seq, "table_id": t.table_id, "pages": [t.page_start, t.page_end],
                        "repeats_seq": orig.seq, "repeats_pages": [orig.page_start, orig.page_end], "facts": 0})
    if repeats:
        dropped = {r["seq"] for r in repeats}
        doc.facts = [f for f in doc.facts if f.table_seq not in dropped]
        doc.quantities = [q for q in doc.quantities if q.table_seq not in dropped]
    return repeats


def note(repeats: list[dict]) -> str:
    """The load note for a document with repeated tables ('' for none)."""
    if not repeats:
        return ""
    pages = [p for r in repeats for p in r["pages"]]
    ids = sorted({r["table_id"] for r in repeats})
    shown = ", ".join(ids[:4]) + (f" and {len(ids) - 4} more" if len(ids) > 4 else "")
    return (f"{len(repeats)} tables printed twice with the same figures ({shown}, pages {min(pages)}-{max(pages)}): "
            f"loaded once, {sum(r['facts'] for r in repeats)} repeated figures not loaded")
