"""Which part of a pack a document is: `narrative`, `tables` (tables only) or `full` (both)."""
from __future__ import annotations

import re

from ..textutil.normalize import squash

# headings only a narrative prints (情况说明 sections, 部门概况, 名词解释)
_NARRATIVE = re.compile(
    r"(?:部门概况|主要职能|机构设置|情况说明|名词解释|收支预算(?:情况)?的?总体(?:情况)?说明|收支总体情况|决算情况说明|"
    r"预算情况说明|部门职责|工作任务)")


def narrative_pages(page_texts: list[str], table_pages: set[int]) -> int:
    """Pages outside the tables that carry narrative headings or running prose (sentences)."""
    n = 0
    for i, t in enumerate(page_texts, 1):
        if i in table_pages:
            continue
        s = squash(t)
        if _NARRATIVE.search(s) or s.count("。") >= 3:
            n += 1
    return n


def pack_part(page_texts: list[str], tables: list, grid_pages=()) -> str:
    """`tables` when the file is (almost) only standard tables, `narrative` when it has none,
    `full` when it has both. `tables` are TableResult-like objects (table_id, page_start, page_end);
    `grid_pages` the pages where any table grid was found (绩效目标表 pages hold sentences too)."""
    ident = [t for t in tables if t.table_id]
    pages = {p for t in tables for p in range(t.page_start, t.page_end + 1)} | set(grid_pages)
    prose = narrative_pages(page_texts, pages)
    if not ident:
        return "narrative"
    return "full" if prose >= 2 else "tables"
