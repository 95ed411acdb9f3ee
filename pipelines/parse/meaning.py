"""What a table title means: fund, flow, kind of spending, topic, classification scheme, pack kind.

The vocabulary is data (catalogue/title_words.yaml); this module only reads a title with it. The
order of words, the year, the department, labels, ordinals and decoration (部门综合预算, 总体情况,
明细, 本年 …) do not change the meaning, so titles no list has seen are still recognised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import catalogue
from ..textutil.normalize import key

_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")
_REPEATS = (3, 2)  # fake-bold text layers print every character two or three times


@dataclass(frozen=True)
class Meaning:
    fund: str | None = None
    flow: str | None = None
    spend: str | None = None
    topic: str | None = None
    scheme: str | None = None
    kind: str | None = None

    @property
    def names_a_table(self) -> bool:
        """Does the text say what a table holds (not only 部门预算表 / 公开09表)?"""
        return any((self.fund, self.flow, self.spend, self.topic))


def _undouble(text: str) -> str:
    """'收收收支支支总总总表表表' -> '收支总表' (a fake-bold title drawn three times per character)."""
    for n in _REPEATS:
        if len(text) >= 2 * n and len(text) % n == 0 and all(
                text[i:i + n] == text[i] * n for i in range(0, len(text), n)):
            return text[::n]
    return text


@cache
def _pattern(dimension: str) -> re.Pattern:
    """One alternation per dimension, longest words first (at each place the longest word wins)."""
    words = catalogue.title_words()[dimension]
    pairs = sorted(((w, c) for c, ws in words.items() for w in ws), key=lambda p: -len(p[0]))
    return re.compile("|".join(f"(?P<{c}_{i}>{re.escape(w)})" for i, (w, c) in enumerate(pairs)))


def _find(text: str, dimension: str) -> tuple[list[str], str]:
    """Concepts of a dimension named in the text, in order, and the text with their words blanked."""
    found, rest, last = [], [], 0
    for m in _pattern(dimension).finditer(text):
        assert m.lastgroup is not None  # every alternative is a named group
        found.append(m.lastgroup.rsplit("_", 1)[0])
        rest.append(text[last:m.start()] + "\0" * (m.end() - m.start()))
        last = m.end()
    rest.append(text[last:])
    return found, "".join(rest)


def read(title: str) -> Meaning:
    """The meaning of a printed title (or header text)."""
    words = catalogue.title_words()
    text = _undouble(key(title))
    # the bracketed trailer says the scheme (按经济分类) or decorates (含转移支付项目): read it, then drop it
    scheme_found, _ = _find(text, "scheme")
    text = _BRACKETS.sub("", text)
    topics, text = _find(text, "topic")
    funds, text = _find(text, "fund")
    spends, text = _find(text, "spend")
    flows, text = _find(text, "flow")
    kinds, _ = _find(text, "kind")
    topic = next((t for t in words["topic_order"] if t in topics), None)
    fund = next((f for f in words["fund_order"] if f in funds), None)
    spend = spends[0] if len(set(spends)) == 1 else None  # 基本支出和项目支出 together name no one kind
    if spends:
        flows.append("expense")
    flow = "both" if "both" in flows or {"income", "expense"} <= set(flows) else (flows[0] if flows else None)
    scheme = scheme_found[0] if len(set(scheme_found)) == 1 else None
    kind = kinds[0] if len(set(kinds)) == 1 else None
    return Meaning(fund=fund, flow=flow, spend=spend, topic=topic, scheme=scheme, kind=kind)


def is_title_text(text: str) -> bool:
    """A line that reads as a table title: it ends like one and names what a table holds."""
    k = _BRACKETS.sub("", _undouble(key(text)))
    ends = tuple(catalogue.title_words()["title_end"])
    return 3 <= len(k) <= 80 and k.endswith(ends) and read(text).names_a_table


def matches(meaning: Meaning, pattern: dict) -> bool:
    """Does a meaning fit a table's pattern (tables.yaml `meaning:`)?

    For fund, flow, spend and topic an absent key means the title must not name one; `any` accepts
    whatever it names; a list accepts any of its values (`none` for not named). `scheme` is free
    unless given."""
    for dim in ("fund", "flow", "spend", "topic", "scheme"):
        want = pattern.get(dim, "any" if dim == "scheme" else None)
        have = getattr(meaning, dim)
        if want == "any":
            continue
        allowed = want if isinstance(want, list) else [want]
        if (have or "none") not in [a if a is not None else "none" for a in allowed]:
            return False
    return True
