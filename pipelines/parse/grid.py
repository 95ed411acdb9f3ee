"""Ruled tables on a page -> grids of cells with spans, text and boxes (lineage to the cell).

pdfplumber finds the cell rectangles from the ruling lines; we rebuild the row/column lattice from
those rectangles so merged cells keep their span (a header cell over three columns covers all
three), and we assign every character to exactly one cell by its centre.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}


@dataclass
class GridCell:
    r0: int
    r1: int  # exclusive
    c0: int
    c1: int  # exclusive
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (pdfplumber coordinates)
    text: str = ""


@dataclass
class Grid:
    page: int  # 1-based
    bbox: tuple[float, float, float, float]
    col_x: list[float]
    row_y: list[float]
    cells: list[GridCell]
    strategy: str = "lines"
    _cover: dict = field(default_factory=dict, repr=False)

    @property
    def n_rows(self) -> int:
        return len(self.row_y) - 1

    @property
    def n_cols(self) -> int:
        return len(self.col_x) - 1

    def index(self) -> None:
        self._cover = {}
        for cell in self.cells:
            for r in range(cell.r0, cell.r1):
                for c in range(cell.c0, cell.c1):
                    self._cover[(r, c)] = cell

    def at(self, r: int, c: int) -> GridCell | None:
        if not self._cover:
            self.index()
        return self._cover.get((r, c))

    def origin(self, r: int, c: int) -> GridCell | None:
        """The cell whose top-left grid position is (r, c), i.e. not a continuation of a span."""
        cell = self.at(r, c)
        if cell is not None and cell.r0 == r and cell.c0 == c:
            return cell
        return None

    def row_texts(self, r: int) -> list[str]:
        out = []
        for c in range(self.n_cols):
            cell = self.origin(r, c)
            out.append(cell.text if cell else "")
        return out


def _cluster(values: list[float], tol: float) -> list[float]:
    vals = sorted(values)
    out: list[float] = []
    for v in vals:
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _snap(boundaries: list[float], v: float) -> int:
    i = bisect.bisect_left(boundaries, v)
    if i == 0:
        return 0
    if i == len(boundaries):
        return len(boundaries) - 1
    return i if boundaries[i] - v < v - boundaries[i - 1] else i - 1


def grid_from_cells(page_no: int, rects: list[tuple[float, float, float, float]], tol: float = 2.0) -> Grid | None:
    if not rects:
        return None
    col_x = _cluster([r[0] for r in rects] + [r[2] for r in rects], tol)
    row_y = _cluster([r[1] for r in rects] + [r[3] for r in rects], tol)
    if len(col_x) < 2 or len(row_y) < 2:
        return None
    cells = []
    seen = set()
    for x0, top, x1, bottom in rects:
        c0, c1 = _snap(col_x, x0), _snap(col_x, x1)
        r0, r1 = _snap(row_y, top), _snap(row_y, bottom)
        if c1 <= c0 or r1 <= r0 or (r0, c0) in seen:
            continue
        seen.add((r0, c0))
        cells.append(GridCell(r0, r1, c0, c1, (x0, top, x1, bottom)))
    bbox = (col_x[0], row_y[0], col_x[-1], row_y[-1])
    grid = Grid(page_no, bbox, col_x, row_y, cells)
    grid.index()
    return grid


def _join_lines(lines: list[list[dict]]) -> str:
    parts: list[str] = []
    for line in lines:
        text = "".join(ch["text"] for ch in sorted(line, key=lambda ch: ch["x0"]))
        if parts and parts[-1] and text and parts[-1][-1].isdigit() and text[0].isdigit():
            parts.append(" ")
        parts.append(text)
    return "".join(parts).strip()


def chars_to_text(chars: list[dict]) -> str:
    """Characters of one cell -> text; wrapped lines are joined (Chinese wraps anywhere)."""
    if not chars:
        return ""
    chars = sorted(chars, key=lambda ch: (ch["top"], ch["x0"]))
    lines: list[list[dict]] = []
    for ch in chars:
        mid = (ch["top"] + ch["bottom"]) / 2
        if lines:
            last = lines[-1]
            ref = last[0]
            if ref["top"] - 1 <= mid <= ref["bottom"] + 1:
                last.append(ch)
                continue
        lines.append([ch])
    return _join_lines(lines)


OVERFLOW_MIN = 0.5  # pt a character must reach above its cell's top ruling to belong to the cell above


def fill_text(grid: Grid, chars: list[dict]) -> list[dict]:
    """Assign characters to the grid's cells by their centre; returns the characters outside the grid.

    A character that is no digit and straddles the top ruling of the cell its centre falls in was
    printed by the cell above, overflowing it (a wrapped header's last character): figures never
    overflow their cell."""
    buckets: dict[int, list[dict]] = {}
    outside = []
    x0, top, x1, bottom = grid.bbox
    for ch in chars:
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            outside.append(ch)
            continue
        c = bisect.bisect_right(grid.col_x, cx) - 1
        r = bisect.bisect_right(grid.row_y, cy) - 1
        c = min(max(c, 0), grid.n_cols - 1)
        r = min(max(r, 0), grid.n_rows - 1)
        cell = grid.at(r, c)
        if cell is None:
            outside.append(ch)
            continue
        if r > 0 and not ch["text"].isdigit() and cell.r0 == r and ch["top"] < grid.row_y[r] - OVERFLOW_MIN:
            above = grid.at(r - 1, c)  # a header word wrapped past its cell's bottom ruling (…上缴收 / 入)
            if above is not None and above is not cell:
                cell = above
        buckets.setdefault(id(cell), []).append(ch)
    for cell in grid.cells:
        cell.text = chars_to_text(buckets.get(id(cell), []))
    return outside


def _is_white(color) -> bool:
    """A paint colour that does not show on a white page (gray 1, RGB 1/1/1, CMYK 0/0/0/0)."""
    if color is None or isinstance(color, str):
        return False
    vals = [color] if isinstance(color, (int, float)) else list(color)
    if not vals or not all(isinstance(v, (int, float)) for v in vals):
        return False
    if len(vals) == 4:
        return all(v <= 0.05 for v in vals)
    return all(v >= 0.95 for v in vals)


def visible_ruling(obj: dict) -> bool:
    """Keep every object except graphics that paint nothing visible.

    Spreadsheet exports draw a white filled rectangle behind every cell (and every padding strip
    inside it); taken as ruling they cut one printed cell into a lattice of sub-cells and split a
    wrapped label across rows. Only strokes and fills that show on the page are ruling lines."""
    if obj.get("object_type") not in ("rect", "line", "curve"):
        return True
    if obj.get("stroke") and not _is_white(obj.get("stroking_color")):
        return True
    return bool(obj.get("fill")) and not _is_white(obj.get("non_stroking_color"))


class PlumberPage:
    """A pdfplumber page behind the interface of pdfium_page.PdfiumPage (reference backend)."""

    def __init__(self, page):
        self.page = page
        self.width, self.height = float(page.width), float(page.height)
        # as the pdfium backend: text outside the page box is not printed
        self.chars = [c for c in page.chars if -1 <= (c["x0"] + c["x1"]) / 2 <= self.width + 1
                      and -1 <= (c["top"] + c["bottom"]) / 2 <= self.height + 1]

    def table_cells(self, settings: dict) -> list[list[tuple]]:
        return [list(t.cells) for t in self.page.filter(visible_ruling).find_tables(settings)]


def find_grids(page, page_no: int, chars: list[dict]) -> tuple[list[Grid], list[dict]]:
    """All ruled tables of a page (top to bottom) and the characters outside them.
    `page` offers table_cells(settings): pdfium_page.PdfiumPage or PlumberPage."""
    grids = []
    for cells in page.table_cells(TABLE_SETTINGS):
        grid = grid_from_cells(page_no, cells)
        if grid is None or grid.n_cols < 2 or grid.n_rows < 1:
            continue
        grids.append(grid)
    grids.sort(key=lambda g: (g.bbox[1], g.bbox[0]))
    rest = chars
    for grid in grids:
        rest = fill_text(grid, rest)
    return grids, rest


def drop_top_rows(grid: Grid, n: int) -> Grid | None:
    """A copy of the grid without its first n rows (e.g. a title printed inside the ruling)."""
    if n <= 0:
        return grid
    if n >= grid.n_rows:
        return None
    cells = []
    for cell in grid.cells:
        if cell.r1 <= n:
            continue
        cells.append(GridCell(max(cell.r0, n) - n, cell.r1 - n, cell.c0, cell.c1, cell.bbox, cell.text))
    row_y = grid.row_y[n:]
    g = Grid(grid.page, (grid.col_x[0], row_y[0], grid.col_x[-1], row_y[-1]), grid.col_x, row_y, cells, grid.strategy)
    g.index()
    return g
