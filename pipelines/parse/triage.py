"""Which pages may hold tables, from the fast pdfium text pass (pdfplumber runs only there)."""
from __future__ import annotations

import re

from ..textutil.normalize import key
from .meaning import is_title_text

_AMOUNT = re.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,6}(?![\d.])|(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
_CODE = re.compile(r"(?<!\d)(?:2\d{2}|3\d{2}|5\d{2})(?:\d{2}){0,2}(?!\d)")
_UNIT = re.compile(r"单位\s*[:：]\s*(?:万元|元|千元|亿元)")


DENSE_MIN_AMOUNTS = 4  # a page with at least this many amounts …
DENSE_SHARE = 0.25  # … on at least this share of its lines holds a table


def table_pages(texts: list[str]) -> list[int]:
    """1-based numbers of pages worth a table pass."""
    out: list[int] = []
    for i, text in enumerate(texts, 1):
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if not lines:
            continue
        amounts = len(_AMOUNT.findall(text))
        k = key(text)
        has_title = any(is_title_text(ln) for ln in lines)
        has_unit = bool(_UNIT.search(text))
        dense = amounts >= DENSE_MIN_AMOUNTS and amounts >= DENSE_SHARE * len(lines)
        continuation = bool(out) and out[-1] == i - 1 and (amounts >= 1 or len(_CODE.findall(text)) >= 3)
        if dense or continuation or has_unit or (has_title and "目录" not in k[:40]):
            out.append(i)
    return out
