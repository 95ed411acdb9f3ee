"""Fonts: the built-in CID font STSong-Light for Chinese, Times-Roman for pure-ASCII figures."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

CJK = "STSong-Light"
LATIN = "Times-Roman"

_registered = False


def register() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))
        _registered = True


def font_for(text: str) -> str:
    return LATIN if text.isascii() else CJK


def width(text: str, size: float, font: str | None = None) -> float:
    return pdfmetrics.stringWidth(text, font or font_for(text), size)


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """Break text into lines no wider than max_width (character wrap; ASCII runs kept whole)."""
    if not text:
        return [""]
    font = font_for(text)
    if width(text, size, font) <= max_width or text.isascii():
        return [text]
    lines, cur = [], ""
    for ch in text:
        if cur and width(cur + ch, size, font) > max_width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    lines.append(cur)
    # never leave a closing bracket or punctuation alone at a line start
    for i in range(1, len(lines)):
        if lines[i][:1] in "）)、，。；：" and len(lines[i - 1]) > 1:
            lines[i] = lines[i - 1][-1] + lines[i]
            lines[i - 1] = lines[i - 1][:-1]
    return lines
