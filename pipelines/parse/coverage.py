"""Coverage: the share of the figures printed inside a table's area that became facts.

A figure is an amount printed in a cell of the table's grids: a number with decimals or with
thousands separators (codes, years, row numbers and counts are not; nor numbers inside a sentence
of a description cell), or any cell the reading took as an amount. A cell whose text looks like a
figure the text layer garbled (西安's "1080 . ." where 10.80 is printed) is a figure that became no
fact: it counts against coverage and is reported, never guessed. A table whose cells are targets,
not amounts (绩效目标表, `facts: false`), has none.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .grid import Grid

PROSE = re.compile(r"[，。；：！？;!?]")
PROSE_LENGTH = 30  # a longer cell is a description (项目说明), its numbers are words, not figures
FIGURE = re.compile(r"(?<![\d.,])-?\d[\d,]*(?:\.\d{1,6}|,\d+)(?![\d%])")  # decimals or separators, well formed or not
ATTENTION_BELOW = 0.95  # a document under this coverage needs attention


@dataclass
class Coverage:
    figures: int = 0
    covered: int = 0
    garbled: int = 0

    @property
    def share(self) -> float | None:
        return round(self.covered / self.figures, 4) if self.figures else None

    def add(self, other: Coverage) -> None:
        self.figures += other.figures
        self.covered += other.covered
        self.garbled += other.garbled


def _cell_key(page: int, bbox) -> tuple:
    return (page, *(round(v, 1) for v in bbox))


def measure(grids: list[Grid], taken: list[tuple[int, tuple]], garbled: Sequence[tuple[int, tuple]] = ()) -> Coverage:
    """Figures printed in the grids' cells, and how many became facts (`taken`: (page, cell box) of
    every fact and quantity read from these grids; `garbled`: value cells whose figure the text layer
    garbled)."""
    used: dict[tuple, int] = {}
    for page, bbox in taken:
        k = _cell_key(page, bbox)
        used[k] = used.get(k, 0) + 1
    bad = {_cell_key(page, bbox) for page, bbox in garbled}
    cov = Coverage()
    for g in grids:
        for cell in g.cells:
            text = cell.text.strip()
            if not text:
                continue
            flat = text.replace(" ", "").replace("\n", "")
            prose = len(flat) > PROSE_LENGTH or PROSE.search(flat)
            n = 0 if prose else len(FIGURE.findall(flat))
            k = _cell_key(g.page, cell.bbox)
            got = used.get(k, 0)
            if not n and not got and k in bad:
                cov.figures += 1
                cov.garbled += 1
                continue
            n = max(n, got)
            cov.figures += n
            cov.covered += min(got, n)
    return cov
