"""Reading-order page text from pdfium's character boxes (fast: ~300 pages/s).

pdfium's own text dump puts figures printed on a lower baseline on separate lines, away from the
sentence they belong to ("收入支出总计 万元" … "2995.39"); assembling lines from the character
boxes (lines.assemble_lines) puts them back where they are printed.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .lines import assemble_lines

_SKIP = {0, 2, 10, 13, 32, 0xFFFE, 0xFEFF}


def _to_display(rot: int, mw: float, mh: float, left: float, right: float, bottom: float, top: float):
    """A character box in PDF space -> (x0, x1, top, bottom) as the page is displayed (/Rotate applied)."""
    if rot == 90:  # turned clockwise: the PDF's left edge is the top, its bottom edge the left
        return bottom, top, left, right
    if rot == 180:
        return mw - right, mw - left, bottom, top
    if rot == 270:
        return mh - top, mh - bottom, mw - right, mw - left
    return left, right, mh - top, mh - bottom


def page_chars(page: pdfium.PdfPage) -> list[dict]:
    rot = page.get_rotation() % 360
    mw, mh = (page.get_height(), page.get_width()) if rot in (90, 270) else (page.get_width(), page.get_height())
    tp = page.get_textpage()
    try:
        n = pdfium_c.FPDFText_CountChars(tp.raw)
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        chars = []
        for i in range(n):
            u = pdfium_c.FPDFText_GetUnicode(tp.raw, i)
            if u in _SKIP or u > 0x10FFFF:
                continue
            if not pdfium_c.FPDFText_GetCharBox(tp.raw, i, left, right, bottom, top):
                continue
            x0, x1, t, b = _to_display(rot, mw, mh, left.value, right.value, bottom.value, top.value)
            chars.append({"text": chr(u), "x0": x0, "x1": x1, "top": t, "bottom": b,
                          "size": pdfium_c.FPDFText_GetFontSize(tp.raw, i)})
        return chars
    finally:
        tp.close()


def page_text(page: pdfium.PdfPage) -> str:
    return "\n".join(ln.text for ln in assemble_lines(page_chars(page), prose=True))
