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


def page_chars(page: pdfium.PdfPage) -> list[dict]:
    height = page.get_height()
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
            chars.append({"text": chr(u), "x0": left.value, "x1": right.value, "top": height - top.value,
                          "bottom": height - bottom.value, "size": pdfium_c.FPDFText_GetFontSize(tp.raw, i)})
        return chars
    finally:
        tp.close()


def page_text(page: pdfium.PdfPage) -> str:
    return "\n".join(ln.text for ln in assemble_lines(page_chars(page), prose=True))
