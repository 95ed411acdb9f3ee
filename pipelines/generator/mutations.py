"""Mutations: change one printed figure (table cell or narrative figure) before rendering."""
from __future__ import annotations

import copy
from dataclasses import dataclass

from .spec import DECIMAL_RE, PackSpec


@dataclass(frozen=True)
class CellMutation:
    """Print ``new_value`` (a decimal string in the table's unit; "" = blank) in one cell."""
    table_id: str
    row_key: str
    measure: str
    new_value: str


@dataclass(frozen=True)
class NarrativeMutation:
    """Replace the ``occurrence``-th (1-based) occurrence of ``old`` in the narrative text."""
    old: str
    new: str
    occurrence: int = 1


class MutationError(ValueError):
    pass


def _apply_cell(spec: PackSpec, m: CellMutation) -> None:
    table = spec.table(m.table_id)
    row = table.row(m.row_key)
    side = row.side if table.layout == "two_sided" else ""
    if not any(c.measure == m.measure and (not side or c.side == side) for c in table.columns):
        raise MutationError(f"{m.table_id}/{m.row_key}: no column {m.measure!r}")
    if m.new_value and not DECIMAL_RE.match(m.new_value):
        raise MutationError(f"not a decimal string: {m.new_value!r}")
    if m.new_value:
        row.values[m.measure] = m.new_value
    else:
        row.values.pop(m.measure, None)


def _apply_text(spec: PackSpec, m: NarrativeMutation) -> None:
    seen = 0
    for section in spec.narrative:
        for i, p in enumerate(section.paragraphs):
            start = 0
            while (pos := p.find(m.old, start)) >= 0:
                seen += 1
                if seen == m.occurrence:
                    section.paragraphs[i] = p[:pos] + m.new + p[pos + len(m.old):]
                    return
                start = pos + len(m.old)
    raise MutationError(f"narrative text {m.old!r} (occurrence {m.occurrence}) not found")


def apply_mutations(spec: PackSpec, mutations) -> PackSpec:
    out = copy.deepcopy(spec)
    for m in mutations or ():
        if isinstance(m, CellMutation):
            _apply_cell(out, m)
        elif isinstance(m, NarrativeMutation):
            _apply_text(out, m)
        else:
            raise MutationError(f"unknown mutation {m!r}")
    return out
