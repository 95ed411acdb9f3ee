"""One table (its grids over one or more pages) -> facts with lineage.

Steps: header/body split, column header paths, column roles, side-by-side blocks, then per body
row and block: the account code (one column, split 类|款|项 columns, or a code prefix in the name),
the printed name, and every printed value with its canonical measure. Blank cells stay absent;
text in a value column is never coerced to a number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import catalogue
from ..catalogue import TableSpec, label_key
from ..textutil.normalize import key, squash, strip_ordinal
from ..textutil.numbers import looks_numeric_garbled, parse_cell, to_wan
from .columns import Block, blocks, column_roles
from .grid import Grid
from .keys import (
    GENERIC_TOTALS,
    change_row,
    match_class,
    match_line_item,
    measure_of,
    names_a_measure,
    quantity_unit,
    scheme_of,
    split_code_prefix,
    wide_column_items,
    wide_item_of,
)
from .model import Fact, Quantity
from .rowctx import EntityTracker, looks_like_unit, primary_code, valid_account_code, year_of_row
from .rows import CellRef, Row, body_rows

_DIGITS = re.compile(r"^\d+$")
_SECTION = re.compile(r"^[一二三四五六七八九十]+、")
_OF_WHICH = re.compile(r"^其中[:：、]?")
_CODE_HEADER_WORDS = frozenset(catalogue.headers()["code_cell_words"])


@dataclass
class Interpretation:
    paths: list[list[str]]
    roles: list[str]
    blocks: list[Block]
    n_rows: int
    facts: list[Fact] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    has_values: bool = False
    body_text: str = ""
    garbled: list[tuple[int, tuple]] = field(default_factory=list)  # (page, cell box) of unreadable figures


def _text(ref: CellRef | None) -> str:
    return ref.text if ref is not None else ""


def _own(ref: CellRef | None, c: int) -> bool:
    """The cell starts in column c and on this row (not a merged cell spilling over from the left or above)."""
    return ref is not None and ref.c0 == c and ref.first_row


@dataclass
class _BlockState:
    """What reading a block's rows carries from one row to the next."""
    codes: list  # one _CodeState per code column group (类|款|项 parts carried down)
    previous: str = ""  # the last row's line item (`after` items, 其中 rows)
    seen: set = field(default_factory=set)  # line items met so far (收入合计 after 上年结转 is the grand total)
    carried: str = ""  # cross-classified tables: the last row's code, for rows under a merged code cell
    carried_name: str = ""
    crossed: bool = False
    group: str = ""  # the spend kind the current line qualifies the class rows below it with


class _CodeState:
    """Carries 类/款 forward when split code columns leave the parent blank."""

    def __init__(self) -> None:
        self.last: dict[int, str] = {}

    def build(self, parts: list[str]) -> str:
        parts = [squash(p) for p in parts]
        # a 款/项 part printed without its leading zero by a spreadsheet ("301 | 2 | 津贴补贴")
        parts = [p if i == 0 or len(p) != 1 or not p.isdigit() else "0" + p for i, p in enumerate(parts)]
        if len(parts) == 1:
            code = parts[0]
        else:
            if not any(parts):
                return ""
            filled = []
            for i, p in enumerate(parts):
                if p:
                    filled.append(p)
                elif any(parts[i + 1:]):
                    prev = self.last.get(i, "")
                    if not prev:
                        return ""
                    filled.append(prev)
                else:
                    break
            code = "".join(filled)
            for i, p in enumerate(filled):
                self.last[i] = p
        return code if _DIGITS.match(code) and len(code) in (3, 5, 7) else ""


def _label(row: Row, block: Block, blocks_: list[Block]) -> tuple[str, list[str]]:
    """(name text, code parts) of a row within a block; falls back to a label to the left."""
    parts = []
    name = code_text = ""
    for c in block.code_cols:
        ref = row[c]
        t = squash(_text(ref)) if ref is not None and (ref.c0 == c or ref.c0 in block.label_cols) else ""
        if t and not _DIGITS.match(key(t)):
            if key(t) not in _CODE_HEADER_WORDS:
                code_text = code_text or t  # a merged label like 合计 over the code columns
            t = ""
        parts.append(t)
    group = ""
    for c in block.name_cols:
        ref = row[c]
        if ref is not None and (ref.c0 == c or ref.c0 in block.label_cols or ref.c1 > c):
            t = squash(ref.text)
            if t and not ref.first_row:  # a group label merged down over several rows (江苏 收入预算总表)
                group = group or t
            elif t and not name:
                name = t
    name = name or group
    name = name or code_text
    if not name and not any(parts):
        # a label merged across blocks (e.g. 公用经费合计 spanning three blocks) or printed further left
        for c in range(block.first_col - 1, -1, -1):
            ref = row[c]
            if ref is None or not ref.text.strip():
                continue
            cv = parse_cell(ref.text)
            if cv.kind != "text":
                break
            if ref.c1 > block.first_col or all(row[x] is None or not row[x].text.strip() or row[x] is ref
                                                for x in range(c + 1, block.first_col)):
                name = squash(ref.text)
            break
    return name, parts


def _spills_into(ref: CellRef | None, c: int, roles: list[str]) -> bool:
    """A figure in a cell merged from a label column into value column c, its first value column
    (北京 预算03表's 合计 row: the total sits in a cell that starts under the label columns)."""
    return ref is not None and ref.first_row and ref.c0 < c and roles[ref.c0] != "value" \
        and all(roles[x] != "value" for x in range(ref.c0, c)) and parse_cell(ref.text).kind == "amount"


def _entity_text(row: Row, blk: Block) -> str:
    parts = []
    for c in blk.entity_cols:
        ref = row[c]
        t = squash(_text(ref))
        if t and t not in parts:
            parts.append(t)
    return " ".join(parts)


def _label_texts(row: Row, blk: Block, merged: bool = False) -> list[str]:
    """Texts of the row's label cells; with `merged`, also cells merged down from a row above (the
    function code printed once over all its economic rows in 北京 预算03表)."""
    out = []
    for c in blk.name_cols:
        ref = row[c]
        if ref is not None and ref.c0 == c and (ref.first_row or merged) and squash(ref.text):
            out.append(squash(ref.text))
    return out


def _unmapped_columns(paths: list[list[str]], blks: list[Block], spec: TableSpec | None) -> set[int]:
    """Value columns whose printed header names no measure, in a block with several value columns
    (西安 上年实户资金余额, 备注): `unmapped`, not the table's value measure they would fall back to."""
    out: set[int] = set()
    for blk in blks:
        if len(blk.value_cols) < 2:
            continue
        out.update(c for c in blk.value_cols if any(paths[c]) and not names_a_measure(paths[c], spec))
    return out


def _grand_total_columns(mpaths: list[list[str]], blks: list[Block], spec: TableSpec | None) -> set[int]:
    """A block printing both a 总计 and a 合计 column (西安: 总计 | 部门预算 {合计 …} | 上年实户资金余额): the
    合计 is the total of the figures beside it, the 总计 the grand total over it and what is added."""
    out: set[int] = set()
    for blk in blks:
        totals = [c for c in blk.value_cols if measure_of(mpaths[c], spec) == "total"]
        grand = [c for c in totals if mpaths[c] and key(mpaths[c][-1]) == "总计"]
        if grand and len(totals) > len(grand):
            out.update(grand)
    return out


def _column_years(paths: list[list[str]], roles: list[str]) -> dict[int, int]:
    """Value columns under a year (2025年预算数 | 2026年预算数), when the header prints more than one year:
    the earlier years' columns are the prior year's figures."""
    years = {}
    for c, r in enumerate(roles):
        if r != "value":
            continue
        ys = [y for level in paths[c] if (y := year_of_row(level))]
        if ys:
            years[c] = ys[0]
    return years if len(set(years.values())) > 1 else {}


def _year_rows(rows: list[Row], blks: list[Block]) -> int | None:
    years = [y for row in rows for blk in blks for t in _label_texts(row, blk) if (y := year_of_row(t))]
    return max(years) if len(set(years)) > 1 else None


def _unit_structured(rows: list[Row], blks: list[Block], entity: str) -> bool:
    """Is the table broken down by unit (a unit-name row first, or an entity column)?"""
    if any(b.entity_cols for b in blks):
        return True
    for row in rows:
        for blk in blks:
            texts = _label_texts(row, blk)
            if texts and any(_own(row[c], c) and parse_cell(row[c].text).kind == "amount" for c in blk.value_cols):
                return texts[0] == key(entity) or looks_like_unit(texts[0])
    return False


def _without_banner(paths: list[list[str]], roles: list[str]) -> list[list[str]]:
    """Header paths minus the leading levels shared by every value column (预算数 / 本年一般公共预算基本支出
    over the whole table): a banner says what the table is, not what one column measures."""
    cols = [c for c, r in enumerate(roles) if r == "value" and paths[c]]
    if len(cols) < 2:
        return paths
    depth = 0
    while all(len(paths[c]) > depth + 1 for c in cols) and len({paths[c][depth] for c in cols}) == 1:
        depth += 1
    return [p[depth:] if c in cols else p for c, p in enumerate(paths)]


def interpret(chain: list[Grid], spec: TableSpec | None, unit: str, seq: int, entity: str = "") -> Interpretation:
    paths, header_rows, rows, _ = body_rows(chain)
    roles = column_roles(paths, rows)
    blks = blocks(paths, roles)
    mpaths = _without_banner(paths, roles)
    out = Interpretation(paths, roles, blks, len(rows))
    table_id = spec.id if spec else None
    wide = spec is not None and spec.rows == "wide"
    named = spec is not None and spec.rows == "named"
    scheme_want = spec.rows if spec is not None else ""
    value_measure = spec.value_measure if spec is not None else None
    state = [_BlockState([_CodeState() for _ in blk.code_groups]) for blk in blks]
    section = ""
    body_text = []
    latest_year = _year_rows(rows, blks)
    col_year = _column_years(paths, roles)
    latest_col_year = max(col_year.values()) if col_year else None
    grand = _grand_total_columns(mpaths, blks, spec)
    unmapped = set() if wide else _unmapped_columns(paths, blks, spec)
    for c in sorted(unmapped):
        out.issues.append(f"unmapped_column: {'/'.join(paths[c])!r}")
    units = _unit_structured(rows, blks, entity)
    tracker = EntityTracker(caption_entity=entity)
    col_items = wide_column_items({c: paths[c] for c, r in enumerate(roles) if r == "value"}, spec) if wide else {}
    n_value_rows = sum(1 for row in rows for blk in blks
                       if any(_own(row[c], c) and parse_cell(row[c].text).kind == "amount" for c in blk.value_cols))
    for ri, row in enumerate(rows):
        for blk, st in zip(blks, state):
            name, parts = _label(row, blk, blks)
            codes = []  # one code per code column group: 部门经济 | 政府经济 side by side (烟台 基本支出表)
            start = 0
            for gi, grp in enumerate(blk.code_groups):
                gparts = parts[start:start + len(grp)]
                start += len(grp)
                c_ = st.codes[gi].build(gparts) if any(gparts) else ""
                codes.append(c_ if c_ and valid_account_code(c_) else "")
            code = codes[0] if codes else ""
            cross = "|".join(c_ for c_ in codes[1:] if c_) if code else ""
            pc, pname, pcross = primary_code(_label_texts(row, blk, merged=True), scheme_want,
                                             st.carried if st.crossed else "")
            if pc:
                if pcross and pname:
                    st.crossed, st.carried = True, pc
                code, name, cross = pc, pname or st.carried_name, pcross
                st.carried_name = name
            if not code and name:
                c2, rest = split_code_prefix(name)
                if c2 and valid_account_code(c2):
                    code, name = c2, squash(rest)
            unit_name = key(_entity_text(row, blk)) if blk.entity_cols else ""
            if not unit_name and units and not code and name and looks_like_unit(name) \
                    and not match_line_item(name, spec, blk.side):
                unit_name = key(name)
            values = []
            for c in blk.value_cols:
                ref = row[c]
                if not (_own(ref, c) or _spills_into(ref, c, roles)):
                    continue
                cv = parse_cell(ref.text)
                if cv.kind == "amount":
                    values.append((c, ref, cv))
                elif cv.kind == "text" and cv.printed:
                    if looks_numeric_garbled(cv.printed):
                        out.issues.append(f"garbled_number p{ref.page}: {cv.printed!r} in row {name or code!r}")
                        out.garbled.append((ref.page, ref.bbox))
                    body_text.append(cv.printed)
            if name:
                body_text.append(name)
            if not values:
                if name and not code and _SECTION.match(name):
                    section = name
                if name or code:
                    st.previous = match_line_item(name, spec, blk.side, section, st.previous) if not code else ""
                    if st.previous:
                        st.seen.add(st.previous)
                continue
            out.has_values = True
            ent = tracker.unit_row(unit_name) if unit_name else tracker.current
            qty_unit = quantity_unit(name) if not code else ""
            line_item = ""
            of_which = False
            scheme = scheme_of(code)
            # a row keyed by a unit (its name, or its code in a unit column beside the name) is that unit's total
            unit_row = bool(unit_name) and not code and (not name or key(name) in unit_name or bool(blk.entity_cols))
            if unit_row:
                line_item = "total"
            elif not code and not wide:
                line_item = match_line_item(name, spec, blk.side, section, st.previous)
                if not line_item and _OF_WHICH.match(key(name)):
                    # 其中：X is X when X is a line of its own (其中：（一）因公出国（境）支出), else a part of the
                    # line above (其中：专项资金列入部门预算的项目 under (1)一般公共预算拨款)
                    line_item = match_line_item(_OF_WHICH.sub("", key(name)), spec, blk.side, section, st.previous)
                    if not line_item and st.previous:
                        line_item, of_which = st.previous, True
                if not line_item and spec is not None and spec.rows == "line" and blk.side != "income":
                    code, scheme = _class_row(name, blk.scheme)
                if not line_item and not code and not name and n_value_rows <= 2:
                    line_item = "total"  # the one unlabelled row of a one-row table (收入总表 of 北京/中央)
                line_item = _grand_total(line_item, st.seen)
                if not line_item and not code and not qty_unit and not named and not year_of_row(name):
                    out.issues.append(f"unmapped_row p{values[0][1].page}: {name!r}")
            if line_item in ("total", "income_total", "income_grand_total", "expense_grand_total") and not ent:
                tracker.total_row()
            if line_item and not of_which:
                st.seen.add(line_item)
                st.group = catalogue.line_item_by_id(line_item).qualifies or ""
            st.previous = line_item
            if line_item and (item_unit := catalogue.line_item_by_id(line_item).quantity):
                qty_unit = item_unit
            row_year = year_of_row(name) if latest_year else None
            row_change = wide and not code and change_row(name)
            # a wide table's rows may be its measures (三公: items are columns, rows 预算数 | 决算数)
            row_item = match_line_item(_OF_WHICH.sub("", key(name)), spec) if wide and not code and name else ""
            row_measure = measure_of([name], spec) if wide and not code and name and not row_change \
                and not row_item else ""
            row_measure = "" if row_measure == "of_which" else row_measure
            if wide and not code:
                # items are columns (因公出国 | 公务接待费 …) unless the row names one (行政经费 | “三公”经费 |
                # 其中：因公出国 rows of 广州 表8); a row of 合计, a unit (西安 121 西安市信访局), a year or a measure
                # (预算数 | 决算数) takes each column's item; a row naming something else is no item at all
                row_is_item_free = not name or label_key(name) in GENERIC_TOTALS or bool(
                    row_measure or row_change or row_year or unit_name or year_of_row(name))
                wide_row_items = {}
                for c, ref, _cv in values:
                    col_item = col_items[c] if c in col_items else wide_item_of(paths[c], spec)
                    wide_row_items[c] = (col_item or row_item) if row_is_item_free else row_item
                    if not wide_row_items[c]:
                        out.issues.append(f"unmapped_column p{ref.page}: {'/'.join(paths[c])!r} in row {name!r}")
            for c, ref, cv in values:
                measure = "grand_total" if c in grand else "unmapped" if c in unmapped else measure_of(mpaths[c], spec)
                if of_which:
                    measure = "of_which"
                elif row_measure and row_measure != value_measure and measure == value_measure:
                    measure = row_measure
                elif code and st.group and measure == value_measure:
                    measure = st.group  # (2)商品和服务支出 under 2、专项业务经费支出: its project part
                if (row_year and latest_year and row_year < latest_year
                        or col_year.get(c, latest_col_year) != latest_col_year) \
                        and not measure.startswith("prior_"):
                    measure = "prior_" + measure
                elif row_change:  # 增减变化金额 under the 2025年/2026年 rows
                    measure = row_change if measure == value_measure else f"{row_change}_{measure}"
                item = line_item
                if wide and not code:
                    item = wide_row_items[c]
                amount = cv.value
                assert amount is not None  # parse_cell gives every "amount" cell its value
                if qty_unit:
                    out.quantities.append(Quantity(seq, table_id, line_item, name, amount, qty_unit, ref.page,
                                                   ref.bbox))
                    continue
                out.facts.append(Fact(
                    table_seq=seq, table_id=table_id, account_scheme=scheme if code else "line",
                    account_code=code, line_item="" if code else item, account_name=name or unit_name,
                    measure=measure, amount=amount, amount_wan=to_wan(amount, unit), unit_printed=unit,
                    page=ref.page, bbox=ref.bbox, row=ri, col=ref.grid_col, printed=cv.printed, side=blk.side,
                    header="/".join(paths[c]), entity=ent, cross=cross,
                ))
    out.body_text = "".join(body_text)
    return out


_GRAND = {"income_total": ("income_grand_total", "carry_in"), "expense_total": ("expense_grand_total", "carry_out")}


def _class_row(name: str, block_scheme: str) -> tuple[str, str]:
    """(class code, scheme) of a summary-table row that names a 类 (一、一般公共服务支出 / (1)工资福利支出);
    a block whose header names its classification (西安: 支出功能分科目 | 部门预算支出经济科目 |
    政府预算支出经济科目 side by side) is read in that scheme only."""
    for scheme in ((block_scheme,) if block_scheme else ("function", "economic")):
        cls = match_class(name, scheme)
        if cls and scheme == "function" and not _class_form(name):
            cls = ""  # 住房保障 under 五、援助其他地区支出 is a 款 (21906), not 类 221
        if cls:
            return cls, "economic" if scheme.startswith("economic") else scheme
    return "", "line"


def _class_form(name: str) -> bool:
    """Does a label name a 类 by its form: numbered (六、住房保障), or the class name ending in 支出?
    A short name alone (住房保障, 教育) is also a 款 name and keys nothing by itself."""
    k = key(name)
    return strip_ordinal(k) != k or k.endswith("支出") or k.endswith("（类）")


def _grand_total(item: str, seen: set) -> str:
    """收入合计 printed after 当年收入小计 and 上年结转 is the grand total (江苏 收支预算总表)."""
    if item in _GRAND and item in seen and any(s.startswith(_GRAND[item][1]) for s in seen):
        return _GRAND[item][0]
    return item
