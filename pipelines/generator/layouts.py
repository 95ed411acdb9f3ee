"""Spec tables -> ruled grids, one builder per table layout, for the two pack styles.

Style "seed": one 科目代码 column (2240108), 栏次 numbering rows, figures without separators.
Style "shanghai": 类|款|项 split code columns, no 栏次 rows, figures with thousands separators.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import vocabulary as V
from .amounts import fmt
from .grid import Cell, Grid, header_from_paths
from .spec import DASH_RE, Row, Table


@dataclass
class Style:
    variant: str  # seed | shanghai
    thousands: bool
    kind: str = "final"
    blank: bool = False  # blank template: print no figures


def _value(t: Table, row: Row, measure: str, st: Style) -> Cell:
    v = row.values.get(measure, "")
    if not v or st.blank:
        return Cell("", align="right")
    if DASH_RE.match(v):
        return Cell(v, align="center")
    if row.count:
        return Cell(v, align="right")
    return Cell(fmt(v, st.thousands), align="right", fact=(t.table_id, row.key, measure))


def _is_total_line(row: Row) -> bool:
    return row.line_item in ("total", "income_total", "expense_total", "income_grand_total",
                             "expense_grand_total", "personnel_total", "public_total")


def _code_parts(code: str, n: int) -> list[str]:
    return [code[:3], code[3:5], code[5:7]][:n]


# ------------------------------------------------------------------ coded tables

def coded(t: Table, st: Style) -> Grid:
    econ = t.table_id in V.ECONOMIC_TABLES
    if st.variant == "seed":
        key_paths = [["项目", "科目代码"], ["项目", "科目名称"]]
        key_w = [1.3, 4.4]
        nparts = 0
    else:
        nparts = 2 if econ else 3
        if econ:
            label = "部门预算经济分类科目编码" if st.kind == "budget" else "经济分类科目编码"
        else:
            label = "功能分类科目编码" if st.kind == "budget" else "支出功能分类科目编码"
        key_paths = [["项目", label, p] for p in ["类", "款", "项"][:nparts]] + [["项目", "科目名称"]]
        key_w = [0.55] * nparts + [4.4]
    paths = key_paths + [list(c.path) for c in t.columns]
    header, depth = header_from_paths(paths)
    nkey = len(key_paths)
    body: list[list[Cell]] = []
    if t.column_numbers:
        body.append([Cell("栏次", colspan=nkey, align="center")]
                    + [Cell(str(i + 1), align="center") for i in range(len(t.columns))])
    for r in t.rows:
        if r.line_item == "total" or not r.code:
            keys = [Cell(r.name, colspan=nkey, align="center")]
        elif nparts:
            keys = [Cell(p, align="center") for p in _code_parts(r.code, nparts)] + [Cell(r.name)]
        else:
            keys = [Cell(r.code), Cell(r.name)]
        body.append(keys + [_value(t, r, c.measure, st) for c in t.columns])
    widths = key_w + [1.5] * len(t.columns)
    return Grid(widths, header, depth, body, repeat_header=t.repeat_header,
                head_body_rows=1 if t.column_numbers else 0)


# ------------------------------------------------------------------ two-sided summary tables

def _side_slots(rows: list[Row]) -> list[Row | None]:
    if rows and all(r.line_no for r in rows):
        first = min(int(r.line_no) for r in rows)
        last = max(int(r.line_no) for r in rows)
        slots: list[Row | None] = [None] * (last - first + 1)
        for r in rows:
            slots[int(r.line_no) - first] = r
        return slots
    return list(rows)


def _align(inc: list[Row | None], exp: list[Row | None]) -> tuple[list, list]:
    """Pad two sides: bodies to equal length, tails padded before their last (总计) row."""
    def split(side):
        for i, r in enumerate(side):
            if r is not None and r.line_item in ("income_total", "expense_total",
                                                 "income_grand_total", "expense_grand_total"):
                return side[:i], side[i:]
        return side, []
    bi, ti = split(inc)
    be, te = split(exp)
    n = max(len(bi), len(be))
    bi, be = bi + [None] * (n - len(bi)), be + [None] * (n - len(be))
    m = max(len(ti), len(te))
    if ti and len(ti) < m:
        ti = ti[:-1] + [None] * (m - len(ti)) + ti[-1:]
    if te and len(te) < m:
        te = te[:-1] + [None] * (m - len(te)) + te[-1:]
    return bi + ti, be + te


def two_sided(t: Table, st: Style) -> Grid:
    sides = ("income", "expense")
    cols = {s: t.columns_for(s) for s in sides}
    rows = {s: [r for r in t.rows if r.side == s] for s in sides}
    numbered = any(r.line_no for r in t.rows)
    paths, widths = [], []
    for s in sides:
        top = cols[s][0].path[0] if len(cols[s][0].path) > 1 else None
        pre = [top] if top else []
        paths.append(pre + ["项目"])
        widths.append(4.2 if len(cols[s]) == 1 else 3.6)
        if numbered:
            paths.append(pre + ["行次"])
            widths.append(0.6)
        for c in cols[s]:
            paths.append(list(c.path))
            widths.append(1.5)
    header, depth = header_from_paths(paths)
    body: list[list[Cell]] = []
    if t.column_numbers:
        row, n = [], 1
        for s in sides:
            row.append(Cell("栏次", align="center"))
            if numbered:
                row.append(Cell(""))
            for _ in cols[s]:
                row.append(Cell(str(n), align="center"))
                n += 1
        body.append(row)
    slots = {s: _side_slots(rows[s]) for s in sides}
    if numbered:
        n = max(len(slots["income"]), len(slots["expense"]))
        for s in sides:
            slots[s] += [None] * (n - len(slots[s]))
        firsts = {s: min(int(r.line_no) for r in rows[s]) for s in sides}
        lasts = {s: max(int(r.line_no) for r in rows[s]) for s in sides}
    else:
        slots["income"], slots["expense"] = _align(slots["income"], slots["expense"])
    for i in range(len(slots["income"])):
        line: list[Cell] = []
        for s in sides:
            r = slots[s][i]
            if r is None:
                line.append(Cell(""))
                if numbered:
                    no = firsts[s] + i
                    line.append(Cell(str(no) if no <= lasts[s] else "", align="center"))
                line += [Cell("", align="right") for _ in cols[s]]
                continue
            line.append(Cell(r.name, align="center" if _is_total_line(r) else "left"))
            if numbered:
                line.append(Cell(r.line_no, align="center"))
            line += [_value(t, r, c.measure, st) for c in cols[s]]
        body.append(line)
    return Grid(widths, header, depth, body, repeat_header=t.repeat_header,
                head_body_rows=1 if t.column_numbers else 0)


# ------------------------------------------------------------------ side-by-side blocks (FIN_06)

def blocks(t: Table, st: Style) -> Grid:
    nblocks = max(2, t.blocks)
    measure = t.columns[0]
    totals = [r for r in t.rows if r.line_item in ("personnel_total", "public_total")]
    pers = [r for r in t.rows if r.side == "personnel" and r not in totals]
    pub = [r for r in t.rows if r.side == "public" and r not in totals]
    per_block = max(len(pers), math.ceil(len(pub) / (nblocks - 1)) if pub else 0)
    flows = [pers] + [pub[k * per_block:(k + 1) * per_block] for k in range(nblocks - 1)]
    seed = st.variant == "seed"
    paths, widths = [], []
    for k in range(nblocks):
        grp = ["人员经费" if k == 0 else "公用经费"] if seed else []
        if seed:
            paths += [grp + ["科目代码"], grp + ["科目名称"], grp + list(measure.path)]
            widths += [0.9, 2.6, 1.1]
        else:
            paths += [["经济分类科目编码", "类"], ["经济分类科目编码", "款"], ["科目名称"],
                      list(measure.path)]
            widths += [0.5, 0.45, 2.6, 1.1]
    header, depth = header_from_paths(paths)
    # shanghai: the two code columns are printed 类 | 款 for every block
    ncols = 3 if seed else 4
    body = []
    for i in range(per_block):
        line: list[Cell] = []
        for k in range(nblocks):
            r = flows[k][i] if i < len(flows[k]) else None
            if r is None:
                line += [Cell("") for _ in range(ncols - 1)] + [Cell("", align="right")]
                continue
            code = [Cell(r.code)] if seed else [Cell(r.code[:3], align="center"),
                                                Cell(r.code[3:5], align="center")]
            line += code + [Cell(r.name), _value(t, r, measure.measure, st)]
        body.append(line)
    if totals:
        line = []
        for k, r in enumerate(totals):
            span = ncols - 1 if k == 0 else ncols * (nblocks - 1) - 1
            line += [Cell(r.name, colspan=span, align="center"), _value(t, r, measure.measure, st)]
        body.append(line)
    return Grid(widths, header, depth, body, font_size=8.5, repeat_header=t.repeat_header)


# ------------------------------------------------------------------ 三公 (one data row)

def sangong(t: Table, st: Style) -> Grid:
    group = ""
    items: list[tuple[str, Row]] = []
    for r in t.rows:
        if r.heading:
            group = r.name
            continue
        in_group = r.line_item.startswith("sangong_vehicle")
        items.append((group if in_group else "", r))
    measures = t.columns
    paths: list[Sequence[str | None]] = []
    cells = []
    seed = st.variant == "seed"
    if seed or len(measures) == 1:
        for c in measures:
            for g, r in items:
                paths.append(list(c.path) + ([g] if g else []) + [r.name])
                cells.append(_value(t, r, c.measure, st))
    else:
        for g, r in items:
            for c in measures:
                mid = [g, r.name] if g else [r.name, None]
                paths.append(["财政拨款“三公”经费"] + mid + list(c.path))
                cells.append(_value(t, r, c.measure, st))
    header, depth = header_from_paths(paths)
    body = []
    if t.column_numbers:
        body.append([Cell(str(i + 1), align="center") for i in range(len(paths))])
    body.append(cells)
    return Grid([1.0] * len(paths), header, depth, body, repeat_header=t.repeat_header,
                head_body_rows=1 if t.column_numbers else 0)


# ------------------------------------------------------------------ statistics (FIN_10)

def stats(t: Table, st: Style) -> Grid:
    numbered = any(r.line_no for r in t.rows)
    paths = [["项目"]] + ([["行次"]] if numbered else []) + [list(c.path) for c in t.columns]
    widths = [5.0] + ([0.8] if numbered else []) + [1.6] * len(t.columns)
    header, depth = header_from_paths(paths)
    body = []
    for r in t.rows:
        if r.heading:
            body.append([Cell(r.name, colspan=len(paths))])
            continue
        line = [Cell(r.name)] + ([Cell(r.line_no, align="center")] if numbered else [])
        body.append(line + [_value(t, r, c.measure, st) for c in t.columns])
    return Grid(widths, header, depth, body, repeat_header=t.repeat_header)


BUILDERS = {"coded": coded, "two_sided": two_sided, "blocks": blocks, "sangong": sangong,
            "stats": stats}


def build_grid(t: Table, st: Style) -> Grid:
    return BUILDERS[t.layout](t, st)
