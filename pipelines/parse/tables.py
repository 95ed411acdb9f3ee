"""Page layouts -> tables: titles matched to the catalogue, continuations stitched across pages.

A grid starts a new table when a catalogue title (or a printed 公开NN表-style label) stands above
it; otherwise, as the first grid of a page right after a table, it continues that table when the
columns are compatible. Untitled grids that do not continue anything are identified by header
signature and body codes alone.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import catalogue
from ..catalogue import TableSpec
from ..pdf.lines import Line
from ..textutil.normalize import key
from .captions import TitleMatch, find_empty_note, find_label, find_unit, match_title, parse_caption
from .contents import label_number
from .grid import Grid, drop_top_rows
from .layout import PageLayout
from .meaning import is_title_text
from .rows import column_paths, is_data_row, split_header

CAPTION_SPAN = 0.6  # a caption row inside the ruling spans at least this share of the columns
RULING_BREAK_GAP = 30.0  # pt: a grid this close below another on the page continues it (a break in the ruling)
CAPTION_ROWS_MAX = 6  # top rows of a grid that may hold its caption (title, label, unit, entity)
BELOW_TITLE_GAP = 40.0  # pt: a title this close under a table with none above names that table
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_YEAR_ONLY = re.compile(r"^[（(]?(?:19|20)\d{2}年度?[)）]?$")


@dataclass
class TableChain:
    grids: list[Grid]
    title: str = ""
    label: str = ""
    unit: str = ""
    entity: str = ""  # 部门：X / 编制单位：X printed with the table
    entity_field: str = ""  # the field word: 部门 / 编制单位 / 单位 … (部门 vs 单位 pack)
    caption_text: str = ""  # everything printed above the table (and in its title rows), for identity evidence
    specs: list[TableSpec] = field(default_factory=list)
    identified_by: str = "none"
    notes: list[str] = field(default_factory=list)
    title_only: bool = False
    exact: bool = True  # the title fits its table's main meaning (not an alternative such as 支出表（按经济分类）)
    page_start: int = 0
    page_end: int = 0

    @property
    def spec(self) -> TableSpec | None:
        return self.specs[0] if len(self.specs) == 1 else None


def _title_in(lines: list[Line], kind: str | None):
    """Closest title to the grid (bottom-up), also trying two adjacent lines joined. Lines holding
    only the 部门/单位 fields are passed over (the title sits above them)."""
    lines = [ln for ln in lines if parse_caption(ln.text).title_text or not (
        parse_caption(ln.text).entity or parse_caption(ln.text).unit)]
    for i in range(len(lines) - 1, -1, -1):
        m = match_title(lines[i].text, kind)
        # a title wrapped over two lines (a line that is only a label, unit or entity wraps nothing)
        joined = match_title(lines[i - 1].text + lines[i].text, kind) \
            if i > 0 and parse_caption(lines[i].text).title_text else None
        if m and joined and joined.specs != m.specs and _title_head(lines[i - 1].text):
            return joined  # a wrapped title: "…“三公”经费、会议费、培训费" / "支出预算表" is not 支出预算表
        if m or joined:
            return m or joined
    return None


def _title_head(text: str) -> bool:
    """The first line of a title wrapped over two: title words that do not yet end the title."""
    t = parse_caption(text).title_text
    return len(t) >= 4 and not t.endswith(("表", "表格")) and match_title(text) is None


@dataclass
class CaptionInfo:
    """What is printed with a grid besides its title: label, unit, entity line (部门：X / 编制单位：X),
    and, for a caption printed inside the ruling, how many top rows it takes."""
    label: str = ""
    unit: str = ""
    entity: str = ""
    entity_field: str = ""  # the field word: 部门 / 编制单位 / 单位 …
    match: TitleMatch | None = None  # a title found among these rows (in-grid captions)
    title: str = ""
    n_rows: int = 0

    def take(self, text: str) -> None:
        """Fields of a caption line not yet known (the nearest printing wins)."""
        cap = parse_caption(text)
        self.label, self.unit = self.label or cap.label, self.unit or cap.unit
        if not self.entity and cap.entity:
            self.entity, self.entity_field = cap.entity, cap.entity_field

    def fill_from(self, other: CaptionInfo) -> None:
        self.label, self.unit = self.label or other.label, self.unit or other.unit
        if not self.entity and other.entity:
            self.entity, self.entity_field = other.entity, other.entity_field


@dataclass
class PendingTitle:
    """A title at the bottom of a page whose table starts on the next page."""
    match: TitleMatch
    label: str
    unit: str
    page: int


def _caption_fields(lines: list[Line]) -> CaptionInfo:
    """Label, unit and entity printed closest above the grid (the nearest wins)."""
    info = CaptionInfo()
    for ln in reversed(lines):
        info.take(ln.text)
    return info


def _title_like(text: str) -> bool:
    """A caption line that names some table (even one the catalogue does not know)."""
    k = key(text)
    return not re.search(r"(续表|续)$", k) and is_title_text(parse_caption(text).title_text)


def _caption_rows(grid: Grid, kind: str | None) -> CaptionInfo:
    """Title / label / unit / entity rows printed inside the top of the ruling.

    Spreadsheet exports often rule the title block with the table (北京 预算NN表, 苏州 公开02表,
    江苏 公开表 whose first cell holds title, 部门 and 单位 at once). Such rows hold one or two
    cells of caption text and no figures; empty rows above and between them are skipped."""
    info = CaptionInfo()
    for r in range(min(grid.n_rows, CAPTION_ROWS_MAX)):
        row = (grid.origin(r, c) for c in range(grid.n_cols))
        cells = [cell for cell in row if cell is not None and cell.text.strip()]
        if not cells:
            if r == info.n_rows:
                info.n_rows = r + 1
                continue
            break
        text = "".join(c.text for c in cells)
        wide = any(c.c1 - c.c0 >= max(2, CAPTION_SPAN * grid.n_cols) for c in cells) or grid.n_cols <= 2
        if len(cells) > 2 or is_data_row([c.text for c in cells]):
            break
        m = match_title(text, kind) if wide or len(cells) == 1 else None
        cap = parse_caption(text)
        if m:
            info.match, info.title = m, text
        elif not (cap.unit or cap.label or cap.entity or _YEAR_ONLY.match(key(text))):
            break
        info.take(text)
        info.n_rows = r + 1
    return info


def body_scheme(grid: Grid) -> str:
    """function | economic | line: the account codes the body rows are keyed by."""
    header, index, start = split_header(grid)
    digits = {"2": 0, "3": 0, "5": 0}
    for r in range(start, grid.n_rows):
        for t in grid.row_texts(r)[:4]:
            s = key(t)
            m = re.match(r"^(\d{3})(\d{2}){0,2}", s)
            if m and s[0] in digits and (_CODE.match(s) or len(s) >= 3):
                digits[s[0]] += 1
                break
    if digits["2"] > digits["3"] + digits["5"] and digits["2"] >= 2:
        return "function"
    if digits["3"] + digits["5"] > digits["2"] and digits["3"] + digits["5"] >= 2:
        return "economic"
    return "line"


def _signature_ok(spec: TableSpec, header_text: str) -> bool:
    if any(key(w) not in header_text for w in spec.signature_all):
        return False
    return not spec.signature_any or any(key(w) in header_text for w in spec.signature_any)


def _header_text(grid: Grid) -> str:
    header, _, _ = split_header(grid)
    return "".join("".join(p) for p in column_paths(grid, header))


def _rows_ok(spec: TableSpec, scheme: str) -> bool:
    if spec.rows in ("function", "economic"):
        return scheme in (spec.rows, "line")
    return scheme == "line" or spec.rows == "line"


def choose(specs: list[TableSpec], grid: Grid | None, kind: str | None) -> list[TableSpec]:
    """Narrow title candidates (or all catalogue tables) with header signature and body codes."""
    if grid is None:
        return specs
    header = _header_text(grid)
    scheme = body_scheme(grid)
    pool = [s for s in specs if kind not in ("final", "budget") or s.kind == kind] or specs
    ok = [s for s in pool if _signature_ok(s, header) and _rows_ok(s, scheme)]
    if len(ok) > 1:
        strict = [s for s in ok if s.rows == scheme]
        ok = strict or ok
    return ok or (pool if len(pool) == 1 else [])


def _compatible(prev: TableChain, grid: Grid) -> bool:
    last = prev.grids[-1]
    return abs(last.n_cols - grid.n_cols) <= 2 or abs(prev.grids[0].n_cols - grid.n_cols) <= 2


def _settle_kind(chains: list[TableChain], kind: str | None) -> None:
    """In a pack of unknown kind (a tables-only file), a title that fits a 预算 and a 决算 table alike
    (收支总表) takes the kind the pack's other tables say."""
    if kind in ("final", "budget"):
        return
    votes = Counter(ch.spec.kind for ch in chains if ch.spec is not None)
    if not votes:
        return
    major = votes.most_common(1)[0][0]
    for ch in chains:
        if len(ch.specs) > 1 and len({s.kind for s in ch.specs}) > 1:
            ch.specs = [s for s in ch.specs if s.kind == major] or ch.specs


def _identify(chain: TableChain, m: TitleMatch | None, grid: Grid, kind: str | None, source: str) -> None:
    """Catalogue table(s) of a new chain from its title (by meaning) confirmed by header and body, or
    from header and body alone when it has no title."""
    if m is not None:
        chain.title = m.title
        chain.specs = choose(m.specs, grid, kind) if len(m.specs) > 1 else list(m.specs)
        chain.identified_by = source
        chain.exact = m.exact
    else:
        chain.specs = choose(list(catalogue.tables()), grid, kind)
        chain.identified_by = "signature" if len(chain.specs) == 1 else "none"


def _from_contents(label: str, contents: dict[int, str], kind: str | None) -> TitleMatch | None:
    n = label_number(label) if label else None
    return match_title(contents[n], kind) if n in contents else None


def _settle_alternatives(chains: list[TableChain]) -> None:
    """A title that fits a table only in an alternative wording gives way to one that fits it exactly
    (西安 prints 一般公共预算支出明细表（按经济分类科目） beside 一般公共预算基本支出明细表（按经济分类科目）:
    the second is BUD_06, the first a table the catalogue does not know)."""
    exact = {ch.spec.id for ch in chains if ch.spec is not None and ch.exact}
    for ch in chains:
        if ch.spec is not None and not ch.exact and ch.spec.id in exact:
            ch.specs = []


def build_chains(layouts: list[PageLayout], kind: str | None, contents: dict[int, str] | None = None) -> list[TableChain]:
    """Grids of the table pages -> tables. `contents`: table number -> title from the 目录 (contents.py)."""
    contents = contents or {}
    chains: list[TableChain] = []
    where: dict[int, tuple[PageLayout, int]] = {}  # id(grid) -> (page layout, index on page)
    pending: PendingTitle | None = None  # a title with no grid yet
    for lay in layouts:
        for gi, grid in enumerate(lay.grids):
            caption = lay.captions[gi]
            m = _title_in(caption, kind)
            info = _caption_fields(caption)
            where[id(grid)] = (lay, gi)
            inside = _caption_rows(grid, kind)
            cap_text = " ".join([ln.text for ln in caption] + ["".join(grid.row_texts(r)) for r in range(inside.n_rows)])
            if inside.n_rows:
                g2 = drop_top_rows(grid, inside.n_rows)
                if g2 is None:
                    continue
                grid = g2
            where[id(grid)] = (lay, gi)
            m = m or inside.match
            info.fill_from(inside)
            source = "title"
            if m is None and pending is not None and gi == 0 and pending.page == lay.page - 1:
                m = pending.match
                info.label, info.unit = info.label or pending.label, info.unit or pending.unit
            pending = None
            label, unit, entity, efield = info.label, info.unit, info.entity, info.entity_field
            if m is None and label:
                m = _from_contents(label, contents, kind)
                source = "contents"
            prev = chains[-1] if chains else None
            if grid.strategy == "text" and m is None and not (
                    prev is not None and prev.grids and prev.grids[-1].strategy == "text" and gi == 0
                    and prev.page_end == lay.page - 1):
                continue  # figures set out without ruling: a table only under a catalogue title
            same = m is not None and prev is not None and (
                (prev.spec is not None and len(m.specs) == 1 and m.specs[0] is prev.spec)
                or (m.unknown and not prev.specs and key(m.title) == key(prev.title)))
            if same and prev is not None and gi == 0 and prev.page_end == lay.page - 1 and (not label or label == prev.label) \
                    and _compatible(prev, grid):
                prev.grids.append(grid)  # the title (and usually the header) repeated on every page
                prev.page_end = lay.page
                continue
            foreign_title = m is None and any(_title_like(ln.text) for ln in caption)
            if m is None and not label and not foreign_title and prev is not None and gi == 0 and prev.page_end == lay.page - 1 \
                    and _compatible(prev, grid):
                prev.grids.append(grid)
                prev.page_end = lay.page
                prev.unit = prev.unit or unit
                continue
            if m is None and prev is not None and gi > 0 and prev.page_end == lay.page and not label and not unit \
                    and prev.grids[-1].page == lay.page and _compatible(prev, grid) \
                    and grid.bbox[1] - prev.grids[-1].bbox[3] < RULING_BREAK_GAP:
                prev.grids.append(grid)  # a table split by a page-internal break in the ruling
                continue
            chain = TableChain([grid], label=label, unit=unit, entity=entity, entity_field=efield,
                               page_start=lay.page, page_end=lay.page, caption_text=cap_text)
            _identify(chain, m, grid, kind, source)
            chains.append(chain)
        # a title at the bottom of a page whose table starts on the next page, or a title with a note only
        tail = lay.trailer if lay.grids else lay.lines
        m = _title_in(tail, kind) if tail else None
        if m is not None and "目录" not in "".join(ln.text for ln in lay.lines[:3]):
            idx = max(i for i, ln in enumerate(tail) if match_title(ln.text, kind) or
                      (i > 0 and match_title(tail[i - 1].text + ln.text, kind)))
            after = "".join(ln.text for ln in tail[idx + 1:])
            note = find_empty_note(after)
            last = chains[-1] if chains else None
            if last is not None and last.grids and where.get(id(last.grids[-1]), (None,))[0] is lay \
                    and (last.identified_by == "none" or (last.identified_by == "signature" and not last.label
                                                          and not last.unit)) \
                    and tail[idx].top - last.grids[-1].bbox[3] < BELOW_TITLE_GAP:
                # the title printed below its table (the grid above it has none)
                _identify(last, m, last.grids[0], kind, "title")
                last.caption_text += " " + m.title
            elif note:
                chains.append(TableChain([], title=m.title, label=find_label(after), unit=find_unit(after),
                                         specs=list(m.specs) if len(m.specs) == 1 else [], identified_by="title",
                                         notes=[note], title_only=True, page_start=lay.page, page_end=lay.page))
            else:
                pending = PendingTitle(m, find_label(after), find_unit(after), lay.page)
    _settle_kind(chains, kind)
    _settle_alternatives(chains)
    for ch in chains:
        for g in ch.grids:
            lay, gi = where[id(g)]
            below = "".join(ln.text for ln in lay.lines_below(gi))
            if below:
                ch.notes.append(below)
    return chains
