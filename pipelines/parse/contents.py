"""The table of contents (目录): table numbers -> printed titles.

Some packs print a table with only its label above it (西安: "表5", the title is in the 目录 alone);
the label's number points to the title the 目录 gives for it. Entries are numbered by their own
label (表5 / 公开05表 / 预算表5) or, in a list of table titles, by their ordinal (五、…情况表).
"""
from __future__ import annotations

import re

from ..textutil.normalize import key
from .captions import parse_caption
from .meaning import is_title_text

_CONTENTS = re.compile(r"^目\s*录")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ORDINAL = re.compile(r"^(?:[（(]([一二三四五六七八九十]+)[)）]|([一二三四五六七八九十]+)[、.．]|(\d{1,2})[、.．])")
_PAGE_TAIL = re.compile(r"[.…·\s\-—]*\d{1,3}$")


def chinese_number(text: str) -> int | None:
    """'五' -> 5, '十二' -> 12, '二十' -> 20; digits as they are."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def label_number(label: str) -> int | None:
    """The number a printed label gives: 表5, 公开05表, 预算表12, 表十二 -> 5, 5, 12, 12 (表14-1: 14)."""
    m = re.search(r"表?(\d{1,2})(?:表|[-—]\d|$)|表([一二三四五六七八九十]+)", key(label))
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else chinese_number(m.group(2))


def _is_contents(text: str) -> bool:
    head = [key(ln) for ln in text.split("\n")[:4] if key(ln)]
    return any(_CONTENTS.match(h) or h.startswith("报表目录") for h in head)


def table_titles(page_texts: list[str]) -> dict[int, str]:
    """Table number -> title, from every 目录 page (a number printed twice keeps its first title)."""
    out: dict[int, str] = {}
    for text in page_texts:
        if not _is_contents(text):
            continue
        for line in text.split("\n"):
            line = _PAGE_TAIL.sub("", line.strip())
            cap = parse_caption(line)
            if not is_title_text(cap.title_text):
                continue
            n = label_number(cap.label) if cap.label else None
            if n is None:
                m = _ORDINAL.match(key(line))
                n = chinese_number(next(g for g in m.groups() if g)) if m else None
            if n is not None and n not in out:
                out[n] = cap.title_text
    return out
