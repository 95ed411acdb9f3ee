"""One page's layout: its ruled grids and the text lines around them."""
from __future__ import annotations

from dataclasses import dataclass, field

from .grid import Grid, find_grids
from .lines import Line, assemble_lines


@dataclass
class PageLayout:
    page: int
    width: float
    height: float
    grids: list[Grid]
    lines: list[Line]  # text outside the grids
    captions: list[list[Line]] = field(default_factory=list)  # per grid: lines between it and the previous grid
    trailer: list[Line] = field(default_factory=list)  # lines below the last grid

    def zone_lines(self) -> None:
        self.captions = []
        prev_bottom = -1.0
        for g in self.grids:
            top = g.bbox[1]
            self.captions.append([ln for ln in self.lines if ln.top >= prev_bottom - 1 and ln.bottom <= top + 2])
            prev_bottom = g.bbox[3]
        self.trailer = [ln for ln in self.lines if ln.top >= prev_bottom - 1] if self.grids else list(self.lines)

    def lines_below(self, gi: int) -> list[Line]:
        bottom = self.grids[gi].bbox[3]
        nxt = self.grids[gi + 1].bbox[1] if gi + 1 < len(self.grids) else float("inf")
        return [ln for ln in self.lines if ln.top >= bottom - 1 and ln.bottom <= nxt + 2]


def read_page(page, page_no: int) -> PageLayout:
    chars = page.chars
    grids, rest = find_grids(page, page_no, chars)
    layout = PageLayout(page_no, float(page.width), float(page.height), grids, assemble_lines(rest))
    layout.zone_lines()
    return layout
