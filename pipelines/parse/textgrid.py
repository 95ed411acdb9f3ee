"""Tables from word positions, where the ruling is missing.

Two uses, one method (columns from where words sit, not from lines):

- `text_grid`: a whole table printed without ruling lines. Numeric columns are found from the right
  edges of the figures (figures are right-aligned), label columns from the left edges of the words
  to their left; header words above the first figure row are attached to the columns they overlap
  (a header over several columns becomes a merged cell). The result is an ordinary `Grid`, so
  stitching, header paths and facts work exactly as for ruled tables.
- `extend_grid`: rows printed just above or below a ruled grid without their own rule (a
  continuation page whose first row has no top line) are added to the grid, cut by its columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..pdf.lines import Line
from ..textutil.normalize import squash
from ..textutil.numbers import parse_cell
from .grid import Grid, GridCell, chars_to_text

# in line heights (h): how far apart the rows and column edges of an unruled table may be
EDGE_ROW_GAP = 1.5  # a body row joins a grid within this many row heights of its edge
SAME_EDGE = 0.5  # figures right-aligned, or codes on one line, within half a line height
CODE_INDENT = 3.0  # codes indented by up to three characters stay one column (类 / 款 / 项 indentation)
NAME_INDENT = 4.0  # labels indented by up to four characters stay one column

_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
SEP_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")  # 1,234 or 12.34: not a year, not a code
_CODE = re.compile(r"^(?:\d{2}|\d{3}(?:\d{2}){0,2})$")  # a whole code, or a 款/项 part of a split one
_TITLEISH = re.compile(r"(?:表|单位[:：]|^注|说明)")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[0-9]{1,2}[、.．](?![0-9]))")  # 三、其他资金 / 1.一般公共预算: body labels


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    chars: list


def words_of(line: Line, gap: float = 0.8) -> list[Word]:
    """Split a text line into words at horizontal gaps wider than `gap` × the line height (the
    line's, not a glyph's: a tight box of a comma or a 一 is much lower than its line)."""
    out: list[Word] = []
    cur: list[dict] = []
    h = max(line.bottom - line.top, 1.0)
    for ch in sorted(line.chars, key=lambda c: c["x0"]):
        if cur and ch["x0"] - cur[-1]["x1"] > gap * h:
            out.append(_word(cur))
            cur = []
        cur.append(ch)
    if cur:
        out.append(_word(cur))
    out = [w for w in out if w.text]
    # letter-spaced labels (合    计, 项    目): single characters a few widths apart are one word
    merged: list[Word] = []
    for w in out:
        prev = merged[-1] if merged else None
        if prev is not None and len(w.text) == 1 and not w.text.isdigit() and len(prev.text) <= 3 \
                and not prev.text[-1].isdigit() and w.x0 - prev.x1 < 3 * h:
            merged[-1] = _word(prev.chars + w.chars)
        else:
            merged.append(w)
    return merged


def _word(chars: list[dict]) -> Word:
    return Word(squash("".join(c["text"] for c in chars)), min(c["x0"] for c in chars), max(c["x1"] for c in chars),
                min(c["top"] for c in chars), max(c["bottom"] for c in chars), chars)


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(squash(text))) and parse_cell(text).kind == "amount"


# ---------------------------------------------------------------- rows next to a ruled grid


def _buckets(line: Line, grid: Grid) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for ch in line.chars:
        cx = (ch["x0"] + ch["x1"]) / 2
        for c in range(grid.n_cols):
            if grid.col_x[c] <= cx < grid.col_x[c + 1]:
                out.setdefault(c, []).append(ch)
                break
    return out


def table_row(line: Line, grid: Grid, relaxed: bool = False) -> dict[int, str] | None:
    """The line's text cut by the grid's columns, if it reads as a body row of that grid.

    `relaxed`: the grid starts with body rows (a continuation page whose first row lost its top
    rule), so a row of labels with a single figure (二、财政专户管理资金 | 四、公共安全支出 | 23,513.11) is one."""
    if line.x0 < grid.col_x[0] - 2 or line.x1 > grid.col_x[-1] + 2 or _TITLEISH.search(squash(line.text)):
        return None
    cells = {c: chars_to_text(chs) for c, chs in _buckets(line, grid).items()}
    cells = {c: t for c, t in cells.items() if squash(t)}
    figures = [c for c, t in cells.items() if SEP_FIGURE.match(squash(t))]
    codes = [c for c, t in cells.items() if _CODE.match(squash(t))]
    if len(cells) < 2 or not figures or (len(figures) < 2 and not codes and not relaxed):
        return None
    if any(not is_figure(t) and c in figures for c, t in cells.items()):
        return None
    return cells


def _adjacent_rows(grid: Grid, lines: list[Line], edge: float, upward: bool, row_h: float, relaxed: bool = False):
    """Consecutive body rows next to the grid edge (nearest first), each within 1.5 row heights."""
    out: list[tuple[Line, dict]] = []
    for ln in sorted(lines, key=lambda ln: -ln.bottom if upward else ln.top):
        if (edge - ln.bottom if upward else ln.top - edge) > EDGE_ROW_GAP * row_h:
            break
        cells = table_row(ln, grid, relaxed)
        if cells is None:
            break
        out.append((ln, cells))
        edge = ln.top if upward else ln.bottom
    return out


def extend_grid(grid: Grid, above: list[Line], below: list[Line]) -> list[Line]:
    """Add the unruled body rows printed right above / below the grid; returns the lines used."""
    used: list[Line] = []
    row_h = min((grid.row_y[i + 1] - grid.row_y[i] for i in range(grid.n_rows)), default=20.0)
    top = (grid.at(0, c) for c in range(grid.n_cols))
    first = [t for t in (squash(cell.text) if cell else "" for cell in top) if t]
    starts_with_body = bool(first) and (any(SEP_FIGURE.match(t) for t in first)
                                        or all(_ENUMERATED.match(t) or _CODE.match(t) for t in first))
    new_top = _adjacent_rows(grid, above, grid.row_y[0], True, row_h, relaxed=starts_with_body)
    new_bottom = _adjacent_rows(grid, below, grid.row_y[-1], False, row_h)
    if not new_top and not new_bottom:
        return used
    new_top.reverse()
    shift = len(new_top)
    cells_out = [GridCell(c.r0 + shift, c.r1 + shift, c.c0, c.c1, c.bbox, c.text) for c in grid.cells]
    row_y = list(grid.row_y)
    tops = []
    for i, (ln, cells) in enumerate(new_top):
        tops.append(ln.top - 1)
        for c, t in cells.items():
            cells_out.append(GridCell(i, i + 1, c, c + 1, (grid.col_x[c], ln.top - 1, grid.col_x[c + 1], ln.bottom + 1), t))
        used.append(ln)
    row_y = tops + row_y
    for ln, cells in new_bottom:
        r = len(row_y) - 1
        row_y[-1] = max(row_y[-1], ln.top - 1)
        row_y.append(ln.bottom + 1)
        for c, t in cells.items():
            cells_out.append(GridCell(r, r + 1, c, c + 1, (grid.col_x[c], ln.top - 1, grid.col_x[c + 1], ln.bottom + 1), t))
        used.append(ln)
    grid.row_y = row_y
    grid.cells = cells_out
    grid.bbox = (grid.col_x[0], row_y[0], grid.col_x[-1], row_y[-1])
    grid.index()
    return used


# ---------------------------------------------------------------- unruled tables


def _groups(items: list, key, tol: float) -> list[list]:
    out: list[list] = []
    for it in sorted(items, key=key):
        if out and key(it) - key(out[-1][-1]) <= tol:
            out[-1].append(it)
        else:
            out.append([it])
    return out


def _extent(ws: list[Word]) -> tuple[float, float]:
    return min(w.x0 for w in ws), max(w.x1 for w in ws)


def _columns(body_words: list[Word]) -> list[tuple[float, float, str]]:
    """Column contents (x0, x1, kind) from the body rows.

    Figures fix value columns by their right edges (figures are right-aligned). Codes form one
    column whatever their indentation, unless a line prints several (类|款|项 split over columns);
    other labels form columns by left edge, a few characters' indentation staying in one column."""
    h = max(sorted(w.bottom - w.top for w in body_words)[len(body_words) // 2], 4.0)
    figs = [w for w in body_words if SEP_FIGURE.match(w.text)]  # 1,234 / 12.34; bare integers may be codes
    values = [(*_extent(g), "value") for g in _groups(figs, lambda w: w.x1, SAME_EDGE * h)]

    def in_value(w: Word) -> bool:
        cx = (w.x0 + w.x1) / 2
        return any(a - 1 <= cx <= b + 1 for a, b, _ in values)
    rest = [w for w in body_words if not in_value(w)]
    codes = [w for w in rest if _CODE.match(w.text)]
    names = [w for w in rest if not _CODE.match(w.text)]
    cols = list(values)
    per_line = max((sum(1 for x in codes if abs(x.top - w.top) < SAME_EDGE * h) for w in codes), default=0)
    for g in _groups(codes, lambda w: w.x0, SAME_EDGE * h if per_line > 1 else CODE_INDENT * h):
        cols.append((*_extent(g), "label"))
    for g in _groups(names, lambda w: w.x0, NAME_INDENT * h):
        if len(g) >= 2 or not cols:
            cols.append((*_extent(g), "label"))
    return sorted(cols)


def _bounds(cols: list[tuple[float, float, str]], left: float, right: float) -> list[float]:
    """Cell boundaries: a value cell reaches left to the previous column's content (its figures are
    right-aligned, its header centred over the cell); a label cell starts just before its words."""
    bounds = [left]
    for (_a0, a1, ak), (b0, _b1, bk) in zip(cols, cols[1:]):
        if bk == "value":
            b = a1 + 1 if a1 < b0 else b0 - 0.5
        else:
            b = b0 - 1 if ak == "label" or a1 >= b0 else (a1 + b0) / 2
        if b > bounds[-1] + 1:
            bounds.append(b)
    bounds.append(right)
    return bounds


def _with_header_columns(bounds: list[float], header_lines: list[list[Word]], right: float) -> list[float]:
    """Columns printed with a header but no figure (an empty 上缴上级支出 column): a header word
    right of every column, or a second header word in one cell of a line, opens a column."""
    bounds = list(bounds)
    for ws in header_lines:
        for w in sorted(ws, key=lambda w: w.x0):
            if w.x0 > bounds[-2] + 1 and (w.x0 + w.x1) / 2 > bounds[-2] and _col_of(bounds, w.x0) == len(bounds) - 2:
                last_words = [x for x in ws if x is not w and _col_of(bounds, (x.x0 + x.x1) / 2) == len(bounds) - 2
                              and x.x1 < w.x0]
                if last_words:
                    bounds.insert(len(bounds) - 1, (max(x.x1 for x in last_words) + w.x0) / 2)
    # header words of all lines inside one cell that stand apart (no horizontal overlap, a character's
    # gap): a column without figures wedged beside one with figures (事业单位经营收入 next to 事业收入)
    inside: dict[int, list[Word]] = {}
    for ws in header_lines:
        for w in ws:
            c = _col_of(bounds, (w.x0 + w.x1) / 2)
            if bounds[c] <= w.x0 and w.x1 <= bounds[c + 1]:
                inside.setdefault(c, []).append(w)
    for group in inside.values():
        group.sort(key=lambda w: w.x0)
        reach = group[0].x1
        for w in group[1:]:
            if w.x0 - reach > (w.bottom - w.top):
                bounds.append((reach + w.x0) / 2)
            reach = max(reach, w.x1)
    return sorted(set(bounds))


def _col_of(bounds: list[float], x: float) -> int:
    for c in range(len(bounds) - 1):
        if x < bounds[c + 1]:
            return c
    return len(bounds) - 2


def _header_span(w: Word, bounds: list[float], claimed: set[int], subheaded: set[int]) -> tuple[int, int]:
    """Columns a header word stands over. A header over a group is centred on it: grow the span over
    neighbouring columns that have headers of their own further down, while the span's centre stays
    (or gets) closer to the word's centre, and never into a column another word of the line holds."""
    mid = (w.x0 + w.x1) / 2
    c0 = c1 = _col_of(bounds, mid)

    def dist(a: int, b: int) -> float:
        return abs((bounds[a] + bounds[b + 1]) / 2 - mid)

    def free(c: int) -> bool:
        return 0 <= c < len(bounds) - 1 and c in subheaded and c not in claimed
    while True:
        opts = [(a, b) for a, b in ((c0 - 1, c1 + 1), (c0 - 1, c1), (c0, c1 + 1))
                if free(a) and free(b) and (a, b) != (c0, c1)]
        best = min(opts, key=lambda ab: dist(*ab), default=None)
        if best is None or dist(*best) > dist(c0, c1) + 0.5 * (w.bottom - w.top):
            return c0, c1 + 1
        c0, c1 = best


def text_grid(lines: list[Line], page_no: int, min_rows: int = 2) -> Grid | None:
    """A grid from word positions for lines printed without ruling: header lines first, then rows.

    Returns None when fewer than `min_rows` lines carry a figure."""
    words = [words_of(ln) for ln in lines]
    body = [i for i, ws in enumerate(words) if any(SEP_FIGURE.match(w.text) for w in ws)]
    if len(body) < min_rows:
        return None
    first, last = body[0], body[-1]
    body_words = [w for i in range(first, last + 1) for w in words[i]]
    header_words = [w for i in range(0, first) for w in words[i]]
    everything = body_words + header_words
    right = max(w.x1 for w in everything) + 2
    bounds = _bounds(_columns(body_words), min(w.x0 for w in everything) - 2, right)
    bounds = _with_header_columns(bounds, words[:first], right)
    rows = list(range(0, last + 1))
    row_y = [lines[0].top - 1] + [(lines[i].bottom + lines[i + 1].top) / 2 for i in rows[:-1]] + [lines[last].bottom + 1]
    cells: list[GridCell] = []
    for ri in rows:
        centres = {_col_of(bounds, (w.x0 + w.x1) / 2) for w in words[ri]}
        below = {_col_of(bounds, (w.x0 + w.x1) / 2) for i in range(ri + 1, first) for w in words[i]}
        for w in words[ri]:
            own = _col_of(bounds, (w.x0 + w.x1) / 2)
            c0, c1 = _header_span(w, bounds, centres - {own}, below | {own}) if ri < first else (own, own + 1)
            same = next((x for x in cells if x.r0 == ri and x.c0 <= c0 < x.c1), None)
            if same is not None:
                same.text += w.text
                continue
            cells.append(GridCell(ri, ri + 1, c0, c1, (bounds[c0], row_y[ri], bounds[c1], row_y[ri + 1]), w.text))
    grid = Grid(page_no, (bounds[0], row_y[0], bounds[-1], row_y[-1]), bounds, row_y, cells, strategy="text")
    grid.index()
    return grid
