"""Grids (one table, possibly over several pages) -> a uniform list of body rows.

Every row is a list of `CellRef`, one per column of the table's first grid, so continuation pages
with slightly different column boundaries (or a column more or less) are mapped onto the first
page's columns by position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textutil.normalize import key, squash
from ..textutil.numbers import parse_cell
from .grid import Grid

_INT = re.compile(r"^\d{1,3}$")
_CODE = re.compile(r"^\d{2,7}$")
_YEAR = re.compile(r"^(19|20)\d{2}$")


@dataclass
class CellRef:
    text: str
    bbox: tuple[float, float, float, float]
    page: int
    c0: int  # first (mapped) column the cell covers
    c1: int  # exclusive
    grid_col: int  # column index on its own page grid
    first_row: bool = True  # False on the rows below a cell merged downwards (a group label, not this row's)


Row = list  # list[CellRef | None], one entry per table column


def is_index_row(texts: list[str]) -> bool:
    """'栏次 1 2 3 …' or a bare '1 2 3 … 12' column-number row."""
    vals = [squash(t) for t in texts if squash(t)]
    if len(vals) < 2:
        return False
    labels = [v for v in vals if not _INT.match(v)]
    ints = [int(v) for v in vals if _INT.match(v)]
    if len(ints) < 2 or any(key(lbl) not in ("栏次", "行次", "栏号", "序号") for lbl in labels):
        return False
    return ints == sorted(ints) and ints[0] <= 2 and len(set(ints)) == len(ints)


def is_data_row(texts: list[str]) -> bool:
    for t in texts:
        s = squash(t)
        if not s or _YEAR.match(s):
            continue
        cv = parse_cell(s)
        if cv.kind == "amount" and ("." in s or "," in s or len(s) >= 3):
            return True
        if _CODE.match(s):
            return True
    return False


FULL_WIDTH = 0.9  # a label cell spanning this share of the columns spans the table (a section row)


def _full_width_label(grid: Grid, r: int) -> bool:
    row = (grid.origin(r, c) for c in range(grid.n_cols))
    cells = [cell for cell in row if cell is not None and cell.text.strip()]
    return len(cells) == 1 and cells[0].c1 - cells[0].c0 >= max(2, FULL_WIDTH * grid.n_cols) and \
        bool(re.match(r"^[一二三四五六七八九十]+、", squash(cells[0].text)))


def split_header(grid: Grid, start: int = 0) -> tuple[list[int], list[int], int]:
    """Return (header rows, index rows, first body row) of a table's first grid."""
    header: list[int] = []
    index: list[int] = []
    for r in range(start, grid.n_rows):
        texts = grid.row_texts(r)
        if is_index_row(texts):
            index.append(r)
            continue
        if is_data_row(texts):
            return header, index, r
        if index:  # rows after a 栏次 row are body rows even without figures
            return header, index, r
        if header and _full_width_label(grid, r):  # "一、政府采购情况" below the header: a section row
            return header, index, r
        header.append(r)
    return header, index, grid.n_rows


def column_paths(grid: Grid, header_rows: list[int]) -> list[list[str]]:
    paths = []
    for c in range(grid.n_cols):
        path: list[str] = []
        for r in header_rows:
            cell = grid.at(r, c)
            if cell is None:
                continue
            t = squash(cell.text)
            if t and (not path or path[-1] != t):
                path.append(t)
        paths.append(path)
    return paths


def map_columns(main: Grid, other: Grid) -> list[int]:
    """Column index of `other` -> column index of `main`."""
    if other.n_cols == main.n_cols:
        return list(range(other.n_cols))
    out = []
    for c in range(other.n_cols):
        cx = (other.col_x[c] + other.col_x[c + 1]) / 2
        best, dist = 0, float("inf")
        for m in range(main.n_cols):
            lo, hi = main.col_x[m], main.col_x[m + 1]
            d = 0.0 if lo <= cx <= hi else min(abs(cx - lo), abs(cx - hi))
            if d < dist:
                best, dist = m, d
        out.append(best)
    if len(set(out)) < len(out):  # collisions: fall back to right-aligned mapping
        shift = main.n_cols - other.n_cols
        out = [min(max(c + shift, 0), main.n_cols - 1) for c in range(other.n_cols)]
    return out


def grid_rows(grid: Grid, rows: range | list[int], mapping: list[int], n_cols: int) -> list[Row]:
    out = []
    for r in rows:
        row: Row = [None] * n_cols
        for c in range(grid.n_cols):
            cell = grid.at(r, c)
            if cell is None:
                continue
            m0 = mapping[cell.c0]
            m1 = mapping[min(cell.c1, grid.n_cols) - 1] + 1
            ref = CellRef(cell.text, cell.bbox, grid.page, m0, m1, cell.c0, cell.r0 == r)
            mc = mapping[c]
            if row[mc] is None or (cell.c0 == c and row[mc].text == ""):
                row[mc] = ref
        out.append(row)
    return out


def same_header(main: Grid, main_header: list[int], other: Grid, n: int) -> bool:
    """Does `other` start by repeating the first grid's header text?"""
    if not main_header or other.n_rows < n:
        return False
    want = "".join(squash(t) for r in main_header for t in main.row_texts(r))
    got = "".join(squash(t) for r in range(n) for t in other.row_texts(r))
    if not want:
        return False
    common = sum(1 for ch in set(want) if ch in got)
    return common >= 0.8 * len(set(want))


def body_rows(chain: list[Grid]) -> tuple[list[list[str]], list[int], list[Row], list[int]]:
    """(column paths, header rows, body rows, row index -> source page) for a chain of grids."""
    main = chain[0]
    header, index, start = split_header(main)
    paths = column_paths(main, header)
    rows = grid_rows(main, range(start, main.n_rows), list(range(main.n_cols)), main.n_cols)
    for g in chain[1:]:
        mapping = map_columns(main, g)
        skip = 0
        h2, i2, s2 = split_header(g)
        if h2 and same_header(main, header, g, len(h2)):
            skip = s2
        else:
            # a repeated 栏次 row at the top of a continuation
            while skip < g.n_rows and is_index_row(g.row_texts(skip)):
                skip += 1
        rows.extend(grid_rows(g, range(skip, g.n_rows), mapping, main.n_cols))
    return paths, header + index, rows, []
