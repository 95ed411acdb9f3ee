"""A ruled table grid: multi-row merged headers, body rows, pagination over pages.

Layout builders (layouts.py) turn a spec table into a ``Grid``; ``draw_grid`` paints it on a
``PageWriter`` page after page and reports the page of every figure it draws.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import fonts

PAD = 3.0  # horizontal cell padding (keeps figures apart from neighbours for text extraction)


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    align: str = "left"  # left | center | right
    fact: tuple | None = None  # (table_id, row_key, measure) when the cell is a printed figure


@dataclass
class HeaderCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


@dataclass
class Grid:
    widths: list[float]  # relative column widths
    header: list[HeaderCell]
    header_rows: int
    body: list[list[Cell]]
    font_size: float = 9.0
    repeat_header: bool = False
    head_body_rows: int = 0  # leading body rows (e.g. 栏次) repeated with the header


def header_from_paths(paths: Sequence[Sequence[str | None]]) -> tuple[list[HeaderCell], int]:
    """Merged header cells from one path per column.

    Equal prefixes of adjacent columns merge horizontally; a path shorter than the header
    depth extends its last cell down; a ``None`` entry extends the cell above it down.
    """
    depth = max(len(p) for p in paths)
    cells: list[HeaderCell] = []
    ncol = len(paths)
    for level in range(depth):
        j = 0
        while j < ncol:
            p = paths[j]
            if len(p) <= level or p[level] is None:
                j += 1
                continue
            k = j + 1
            while (k < ncol and len(paths[k]) > level and paths[k][:level + 1] == p[:level + 1]):
                k += 1
            group = paths[j:k]
            if all(len(g) == level + 1 for g in group):
                span_down = depth - level
            else:
                n = level + 1
                while all(len(g) > n and g[n] is None for g in group):
                    n += 1
                span_down = n - level
            cells.append(HeaderCell(level, j, span_down, k - j, p[level] or ""))
            j = k
    return cells, depth


class GridPainter:
    """Paints a grid on the writer's pages from the current cursor, page after page."""

    def __init__(self, writer, grid: Grid, left: float, width: float):
        self.w = writer
        self.g = grid
        total = sum(grid.widths)
        self.cols = [width * x / total for x in grid.widths]
        self.x = [left]
        for c in self.cols:
            self.x.append(self.x[-1] + c)
        self.size = grid.font_size
        self.leading = grid.font_size + 2.5

    # -- measuring
    def _span_width(self, col: int, span: int) -> float:
        return self.x[col + span] - self.x[col]

    def _lines(self, text: str, w: float) -> list[str]:
        return fonts.wrap(text, self.size, w - 2 * PAD)

    def _row_height(self, row: list[Cell]) -> float:
        col, n = 0, 1
        for c in row:
            n = max(n, len(self._lines(c.text, self._span_width(col, c.colspan))))
            col += c.colspan
        return n * self.leading + 6

    def _header_heights(self) -> list[float]:
        g = self.g
        heights = [self.leading + 6] * g.header_rows
        for hc in sorted(g.header, key=lambda c: c.rowspan):
            need = len(self._lines(hc.text, self._span_width(hc.col, hc.colspan))) * self.leading + 6
            have = sum(heights[hc.row:hc.row + hc.rowspan])
            if need > have:
                heights[hc.row + hc.rowspan - 1] += need - have
        return heights

    # -- drawing
    def _text(self, text: str, x0: float, x1: float, top: float, h: float, align: str) -> None:
        c = self.w.canvas
        lines = self._lines(text, x1 - x0)
        block = len(lines) * self.leading
        y = top - (h - block) / 2 - self.size
        for line in lines:
            font = fonts.font_for(line)
            size = self.size
            while fonts.width(line, size, font) > (x1 - x0) - 2 * PAD and size > 5:
                size -= 0.5
            c.setFont(font, size)
            if align == "right":
                c.drawRightString(x1 - PAD, y, line)
            elif align == "center":
                c.drawCentredString((x0 + x1) / 2, y, line)
            else:
                c.drawString(x0 + PAD, y, line)
            y -= self.leading

    def _draw_header(self, top: float, heights: list[float]) -> float:
        c = self.w.canvas
        ys = [top]
        for h in heights:
            ys.append(ys[-1] - h)
        for hc in self.g.header:
            x0, x1 = self.x[hc.col], self.x[hc.col + hc.colspan]
            y0, y1 = ys[hc.row], ys[hc.row + hc.rowspan]
            c.rect(x0, y1, x1 - x0, y0 - y1)
            self._text(hc.text, x0, x1, y0, y0 - y1, "center")
        return ys[-1]

    def _draw_row(self, row: list[Cell], top: float, h: float) -> None:
        c = self.w.canvas
        col = 0
        for cell in row:
            x0, x1 = self.x[col], self.x[col + cell.colspan]
            c.rect(x0, top - h, x1 - x0, h)
            if cell.text:
                self._text(cell.text, x0, x1, top, h, cell.align)
                if cell.fact is not None:
                    self.w.record(cell.fact)
            col += cell.colspan

    def paint(self) -> None:
        w, g = self.w, self.g
        w.canvas.setLineWidth(0.6)
        heights = self._header_heights()
        y = self._draw_header(w.y, heights)
        head = g.body[:g.head_body_rows]
        for i, row in enumerate(g.body):
            h = self._row_height(row)
            if y - h < w.bottom and i > g.head_body_rows:
                w.new_page()
                w.canvas.setLineWidth(0.6)
                y = w.y
                if g.repeat_header:
                    y = self._draw_header(y, heights)
                    for hr in head:
                        hh = self._row_height(hr)
                        self._draw_row(hr, y, hh)
                        y -= hh
            self._draw_row(row, y, h)
            y -= h
        w.y = y
