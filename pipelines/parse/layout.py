"""One page's layout: its ruled grids and the text lines around them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..pdf.lines import Line, assemble_lines
from .grid import Grid, find_grids
from .textgrid import SEP_FIGURE, extend_grid, text_grid, words_of

_TITLE_OR_UNIT = re.compile(r"(?:表|单位\s*[:：])\s*$|单位\s*[:：]")


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


ROW_GAP_LINES = 2.5  # rows of an unruled table are less than this many line heights apart
MIN_LINE_HEIGHT = 4.0  # pt: the least line height a gap is measured against
_PROSE = re.compile(r"[，。；：:;]")


def _tabular(line: Line) -> bool:
    """A line that reads as a table row: at least two words, one a separated figure, no prose punctuation."""
    ws = words_of(line)
    return len(ws) >= 2 and any(SEP_FIGURE.match(w.text) for w in ws) and not _PROSE.search(line.text)


def unruled_blocks(lines: list[Line], min_rows: int = 3) -> list[list[Line]]:
    """Runs of consecutive tabular lines (with up to 3 header lines above them) outside any ruling."""
    out: list[list[Line]] = []
    i = 0
    while i < len(lines):
        if not _tabular(lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) \
                and lines[j + 1].top - lines[j].bottom < ROW_GAP_LINES * max(lines[j].bottom - lines[j].top, MIN_LINE_HEIGHT) \
                and (_tabular(lines[j + 1]) or (j + 2 < len(lines) and _tabular(lines[j + 2]))):
            j += 1
        if sum(_tabular(ln) for ln in lines[i:j + 1]) >= min_rows:
            h = i
            while h > 0 and i - h < 6 and not _TITLE_OR_UNIT.search(lines[h - 1].text) and \
                    lines[h].top - lines[h - 1].bottom < ROW_GAP_LINES * max(lines[h].bottom - lines[h].top, MIN_LINE_HEIGHT) \
                    and not _PROSE.search(lines[h - 1].text):
                h -= 1
            out.append(lines[h:j + 1])
        i = j + 1
    return out


def read_page(page, page_no: int, ruling: bool = True) -> PageLayout:
    """`page`: a pdfium_page.PdfiumPage (production) or grid.PlumberPage (reference)."""
    """Grids and text lines of one page. Ruled grids first (`ruling=False` ignores the ruling, for
    tests of the text-position method); rows printed just outside a grid's ruling join the grid;
    runs of table rows with no ruling at all become text-position grids."""
    chars = page.chars
    grids, rest = find_grids(page, page_no, chars) if ruling else ([], list(chars))
    lines = assemble_lines(rest)
    used: set[int] = set()
    for gi, g in enumerate(grids):
        prev_bottom = grids[gi - 1].bbox[3] if gi else -1.0
        nxt_top = grids[gi + 1].bbox[1] if gi + 1 < len(grids) else float("inf")
        above = [ln for ln in lines if ln.bottom <= g.bbox[1] + 2 and ln.top >= prev_bottom - 1 and id(ln) not in used]
        below = [ln for ln in lines if ln.top >= g.bbox[3] - 2 and ln.bottom <= nxt_top + 1 and id(ln) not in used]
        used.update(id(ln) for ln in extend_grid(g, above, below))
    lines = [ln for ln in lines if id(ln) not in used]
    for block in unruled_blocks(lines):
        tg = text_grid(block, page_no)
        if tg is not None:
            grids.append(tg)
            used.update(id(ln) for ln in block)
    grids.sort(key=lambda g: (g.bbox[1], g.bbox[0]))
    lines = [ln for ln in lines if id(ln) not in used]
    layout = PageLayout(page_no, float(page.width), float(page.height), grids, lines)
    layout.zone_lines()
    return layout
