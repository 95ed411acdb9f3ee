"""Identity evidence printed with the tables themselves, for files with no cover (tables-only packs).

- the entity line of a table (部门：江苏省政协办公厅 单位：万元, 编制单位：…);
- a labelled cell inside a table (北京 预算13表: 部门名称 | 北京市财政局; 预算14表: 市级主管部门 | …);
- a year printed in a table caption (2019年政府采购预算表, （2026年度）, 2026年预算单位…表).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import catalogue
from ..textutil.normalize import key, squash
from .grid import Grid
from .layout import PageLayout

# in order of preference: the body's own name before the supervising department's
_CELL_FIELDS = catalogue.headers()["labelled_cells"]
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class TableSignals:
    entities: Counter = field(default_factory=Counter)  # entity -> number of tables printing it
    entity_pages: dict = field(default_factory=dict)  # entity -> first page
    cells: Counter = field(default_factory=Counter)  # labelled cell value -> count
    cell_pages: dict = field(default_factory=dict)
    cell_rank: dict = field(default_factory=dict)  # value -> best label rank (部门名称 before 主管部门)
    years: Counter = field(default_factory=Counter)  # year printed in table captions -> count
    year_pages: dict = field(default_factory=dict)

    def add_entity(self, name: str, page: int) -> None:
        if name:
            self.entities[name] += 1
            self.entity_pages.setdefault(name, page)

    def add_years(self, text: str, page: int) -> None:
        for y in _YEAR.findall(squash(text)):
            self.years[int(y)] += 1
            self.year_pages.setdefault(int(y), page)


def labelled_cells(grid: Grid) -> list[tuple[int, str]]:
    """(label rank, value) printed right of a 部门名称-like label cell in the same grid row."""
    out = []
    for r in range(grid.n_rows):
        texts = grid.row_texts(r)
        for c, t in enumerate(texts):
            if key(t) in _CELL_FIELDS:
                rest = [squash(x) for x in texts[c + 1:] if squash(x)]
                if rest and not re.search(r"\d", rest[0]):
                    out.append((_CELL_FIELDS.index(key(t)), rest[0]))
    return sorted(out)


def collect(layouts: list[PageLayout], chains) -> TableSignals:
    sig = TableSignals()
    for ch in chains:
        sig.add_entity(ch.entity, ch.page_start)
        sig.add_years(ch.title + " " + ch.caption_text, ch.page_start)
    for lay in layouts:
        for g in lay.grids:
            for rank, v in labelled_cells(g):
                sig.cells[v] += 1
                sig.cell_pages.setdefault(v, lay.page)
                sig.cell_rank[v] = min(rank, sig.cell_rank.get(v, rank))
    return sig
