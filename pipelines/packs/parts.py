"""Which part of a pack a document is: `narrative`, `tables` (tables only), `full` (both) or
`attachment` (a file of attachment tables alone: 广州's 绩效目标表 files)."""
from __future__ import annotations

import re

from .. import catalogue
from ..textutil.normalize import squash

# a heading line only a narrative prints (情况说明 sections, 部门概况, 名词解释), alone on its line
_HEADING = re.compile(
    r"(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?"
    r"[\u4e00-\u9fff\d]{0,24}?(?:部门概况|部门基本情况|主要职能|部门职责|机构设置|名词解释|情况说明|情况的说明|总体说明)"
    r"[。：:]?")


def narrative_pages(page_texts: list[str], table_pages: set[int]) -> int:
    """Pages outside the tables with a narrative section heading on a line of its own."""
    n = 0
    for i, t in enumerate(page_texts, 1):
        if i in table_pages:
            continue
        if any(len(ln) <= 40 and _HEADING.fullmatch(ln) for ln in (squash(x) for x in t.split("\n"))):
            n += 1
    return n


def pack_part(page_texts: list[str], tables: list, grid_pages=()) -> str:
    """`tables` when the file is (almost) only standard tables, `narrative` when it has none,
    `full` when it has both, `attachment` when its only tables are attachment tables. `tables` are
    TableResult-like objects (table_id, page_start, page_end); `grid_pages` the pages where any table
    grid was found (绩效目标表 pages hold sentences too). Tables the catalogue does not know (BUD_X /
    FIN_X) make no part: a narrative with a table of its own is still the narrative."""
    specs = catalogue.tables_by_id()
    ident = [t for t in tables if t.table_id in specs]
    standard = [t for t in ident if not specs[t.table_id].extra]
    pages = {p for t in tables for p in range(t.page_start, t.page_end + 1)} | set(grid_pages)
    prose = narrative_pages(page_texts, pages)
    if not standard:
        if ident and all(specs[t.table_id].attachment for t in ident) and prose < 2:
            return "attachment"
        return "narrative" if not ident or prose >= 2 else "tables"
    return "full" if prose >= 2 else "tables"
