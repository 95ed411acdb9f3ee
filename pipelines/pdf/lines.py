"""Characters -> text lines with positions.

Numbers are often set in a different font on a lower baseline than the Chinese text of their
sentence (e.g. 收入支出总计 2995.39 万元 with the digits 4.8 pt lower); a character joins the line it
overlaps most vertically (≥ 50 % of its height), so such figures stay inside their sentence.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    chars: list

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _is_cjk(ch: str) -> bool:
    o = ord(ch[0]) if ch else 0
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


def assemble_lines(chars: list[dict], gap_space: float = 0.6, prose: bool = False) -> list[Line]:
    """Group characters into lines (top to bottom), each sorted left to right.

    A horizontal gap wider than `gap_space` × font size becomes one space, so columns of
    un-ruled text stay separable while Chinese text stays contiguous. With `prose`, no space is
    put next to a Chinese character (running text: gaps there are justification, not columns).
    """
    chars = [c for c in chars if c["text"] and not c["text"].isspace()]
    chars.sort(key=lambda c: (c["top"], c["x0"]))
    groups: list[list[dict]] = []
    bands: list[list[float]] = []  # [top, bottom] of each group's anchor
    for ch in chars:
        h = max(ch["bottom"] - ch["top"], 0.1)
        best, best_ov = -1, 0.0
        for i in range(len(groups) - 1, max(-1, len(groups) - 6), -1):
            ov = _overlap(ch["top"], ch["bottom"], bands[i][0], bands[i][1]) / h
            if ov > best_ov:
                best, best_ov = i, ov
        if best >= 0 and best_ov >= 0.5:
            groups[best].append(ch)
        else:
            groups.append([ch])
            bands.append([ch["top"], ch["bottom"]])
    lines = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        parts = []
        prev = None
        for ch in g:
            if prev is not None:
                # a scaled font may report size 1; punctuation boxes are short: use the taller neighbour
                size = max(prev.get("size") or 0.0, prev["bottom"] - prev["top"], ch["bottom"] - ch["top"], 1.0)
                if ch["x0"] - prev["x1"] > gap_space * size and not (
                        prose and (_is_cjk(ch["text"]) or _is_cjk(prev["text"]))):
                    parts.append(" ")
            parts.append(ch["text"])
            prev = ch
        lines.append(Line("".join(parts), min(c["x0"] for c in g), min(c["top"] for c in g),
                          max(c["x1"] for c in g), max(c["bottom"] for c in g), g))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines
