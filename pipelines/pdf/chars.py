"""The characters of a page as pdfium reads them, in display coordinates (top-left origin, y down,
turned as the page reads), with boxes that do not depend on the fonts a machine has installed.
"""
from __future__ import annotations

import ctypes
import math

from .engine import pdfium, pdfium_c
from .orientation import display_box, text_turn

_SKIP = {0, 2, 10, 13, 32, 0xFFFE, 0xFEFF}
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Display:
    """PDF user space -> displayed page space (top-left origin, y down, turned as the page reads:
    its /Rotate, unless its text runs another way, see orientation.py)."""

    def __init__(self, page: pdfium.PdfPage, rot: int | None = None):
        self.printed = page.get_rotation() % 360  # the page's /Rotate
        self.rot = self.printed if rot is None else rot % 360
        w, h = page.get_width(), page.get_height()  # displayed size (/Rotate applied)
        # unrotated size: the page before /Rotate
        self.mw, self.mh = (h, w) if self.printed in (90, 270) else (w, h)
        self.w, self.h = (self.mh, self.mw) if self.rot in (90, 270) else (self.mw, self.mh)

    def box(self, left: float, right: float, bottom: float, top: float) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) on the displayed page."""
        return display_box(left, right, bottom, top, self.rot, self.mw, self.mh)


# A glyph of a font that is not embedded in the PDF is drawn with whatever font the machine has
# (or none): its glyph box is the substitute's, or of zero height when no CJK font is installed.
# Such characters get a box from what the PDF itself says -- origin, font size, advance width from
# the PDF's width table, and the ideographic em box -- so the same bytes give the same characters
# on every machine. Embedded glyphs keep their tight glyph box (from the file, machine-independent).
EM_DESCENT, EM_ASCENT = -0.12, 0.88  # the ideographic em box around the baseline, in em


def _char_matrix(tp, i: int) -> tuple[float, float, float, float]:
    """The linear part (a, b, c, d) of character i's text matrix: its advance and up directions
    and the scale FPDFText_GetFontSize leaves out (a 200 pt font set at 0.05 is printed at 10 pt)."""
    m = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(tp, i, m) and math.hypot(m.a, m.b) > 0 and math.hypot(m.c, m.d) > 0:
        return m.a, m.b, m.c, m.d
    return 1.0, 0.0, 0.0, 1.0


def printed_size(font_size: float, matrix: tuple[float, float, float, float]) -> float:
    """The size a character is printed at: its font size times its text matrix's vertical scale."""
    return font_size * math.hypot(matrix[2], matrix[3])


def _em_box(tp, i: int, font, font_size: float, matrix) -> tuple[float, float, float, float] | None:
    """(left, right, bottom, top) in PDF user space for character i, from the PDF's own metrics."""
    ox, oy = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(tp, i, ox, oy) or font_size <= 0:
        return None
    width = ctypes.c_float()
    a, b, c, d = matrix
    na, nu = math.hypot(a, b), math.hypot(c, d)
    if not pdfium_c.FPDFFont_GetGlyphWidth(font, pdfium_c.FPDFText_GetUnicode(tp, i), ctypes.c_float(font_size),
                                           ctypes.byref(width)) or width.value <= 0:
        width.value = font_size / 2
    ax, ay, ux, uy = a / na, b / na, c / nu, d / nu  # advance and up directions
    w, size = width.value * na, font_size * nu
    xs, ys = [], []
    for adv in (0.0, w):
        for up in (EM_DESCENT * size, EM_ASCENT * size):
            xs.append(ox.value + adv * ax + up * ux)
            ys.append(oy.value + adv * ay + up * uy)
    return min(xs), max(xs), min(ys), max(ys)


def _text_profile(page: pdfium.PdfPage) -> tuple[bool, bool]:
    """(every text object's font is embedded, every text object is set at unit scale), from the page's
    objects (forms included): on such a page, the common one, characters need no per-character font
    or matrix look-up."""
    all_embedded = unit_scale = True
    m = pdfium_c.FS_MATRIX()

    def walk(objects, scale: float) -> None:
        nonlocal all_embedded, unit_scale
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                if all_embedded:
                    font = pdfium_c.FPDFTextObj_GetFont(obj)
                    all_embedded = not font or pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
                if unit_scale and pdfium_c.FPDFPageObj_GetMatrix(obj, m):
                    unit_scale = abs(scale * math.hypot(m.c, m.d) - 1.0) <= 1e-6
                if not (all_embedded or unit_scale):
                    return
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                s = math.hypot(m.c, m.d) if pdfium_c.FPDFPageObj_GetMatrix(obj, m) else 1.0
                walk((pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))),
                     scale * s)

    raw = page.raw
    walk((pdfium_c.FPDFPage_GetObject(raw, j) for j in range(pdfium_c.FPDFPage_CountObjects(raw))), 1.0)
    return all_embedded, unit_scale


def page_chars(page: pdfium.PdfPage, display: Display | None = None, textpage=None) -> list[dict]:
    """Characters in display coordinates, with the glyph's own box (display: the page turned as its
    text reads, unless given; textpage: the page's text page, when the caller has loaded it).

    Tight glyph boxes keep each character on the line it is printed on: fonts' ascent/descent
    boxes differ wildly between the CJK and the Latin fonts of one sentence (a 12 pt Times digit
    gets a 22 pt box), which merges neighbouring lines. A glyph with no extent (a space) falls
    back to its font box; a glyph of a font not embedded in the file gets its em box (_em_box)."""
    # text outside the crop box is in the file but not on the page (江苏省人大办公厅2017 p11 carries two
    # more tables below the page's bottom edge): no viewer shows it, so it is not printed
    cl, cb, cr, ct = page.get_cropbox()
    tp = textpage or page.get_textpage()
    try:
        d = display or Display(page, text_turn(tp.raw, page.get_rotation() % 360))
        n = pdfium_c.FPDFText_CountChars(tp.raw)
        rect = pdfium_c.FS_RECTF()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        all_embedded, unit_scale = _text_profile(page)
        embedded: dict[int, bool] = {}
        chars = []
        for i in range(n):
            u = pdfium_c.FPDFText_GetUnicode(tp.raw, i)
            if u in _SKIP or u > 0x10FFFF:
                continue
            font_size = pdfium_c.FPDFText_GetFontSize(tp.raw, i)
            matrix = _IDENTITY[:4] if unit_scale else _char_matrix(tp.raw, i)
            box = None
            if not all_embedded:
                obj = pdfium_c.FPDFText_GetTextObject(tp.raw, i)
                font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
                if font:
                    key = ctypes.cast(font, ctypes.c_void_p).value or 0
                    if key not in embedded:
                        embedded[key] = pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
                    if not embedded[key]:
                        matrix = _char_matrix(tp.raw, i)
                        box = _em_box(tp.raw, i, font, font_size, matrix)
            if box is None:
                if pdfium_c.FPDFText_GetCharBox(tp.raw, i, left, right, bottom, top) and right.value > left.value \
                        and top.value > bottom.value:
                    box = (left.value, right.value, bottom.value, top.value)
                elif pdfium_c.FPDFText_GetLooseCharBox(tp.raw, i, rect):
                    box = (rect.left, rect.right, rect.bottom, rect.top)
                else:
                    continue
            cx, cy = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
            if not (cl - 1 <= cx <= cr + 1 and cb - 1 <= cy <= ct + 1):
                continue
            x0, x1, t, b = d.box(*box)
            chars.append({"text": chr(u), "x0": x0, "x1": x1, "top": t, "bottom": b,
                          "size": font_size if unit_scale else printed_size(font_size, matrix)})
        return without_overprint(chars)
    finally:
        if textpage is None:
            tp.close()


OVERPRINT = 0.35  # a repeat within this share of the glyph's width and height is the same glyph drawn again
OVERPRINT_CELL = 3.0  # pt: grid the repeats are looked for on (a copy up to half a cell away is always found)


def without_overprint(chars: list[dict]) -> list[dict]:
    """Drop characters drawn again over themselves.

    Word processors fake bold type by drawing each glyph several times, a fraction of a point apart
    (西安's 部门综合预算 tables: "222000222222年年年部部部门门门…"); pdfium keeps every copy. A copy is the
    same character whose box is offset by less than OVERPRINT of its size in both directions; two
    equal characters printed side by side are a whole advance apart and both stay. Characters are
    bucketed on a grid of OVERPRINT_CELL pt; a copy is looked for in its bucket and the nearest
    neighbouring one on each axis."""
    out: list[dict] = []
    seen: dict[tuple[str, int, int], list[dict]] = {}
    cell = OVERPRINT_CELL
    for ch in chars:
        w = max(ch["x1"] - ch["x0"], 0.5)
        h = max(ch["bottom"] - ch["top"], 0.5)
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        fx, fy = cx / cell, cy / cell
        bx, by = int(fx), int(fy)
        nx = bx - 1 if fx - bx < 0.5 else bx + 1
        ny = by - 1 if fy - by < 0.5 else by + 1
        text = ch["text"]
        dup = False
        for kx, ky in ((bx, by), (nx, by), (bx, ny), (nx, ny)):
            for o in seen.get((text, kx, ky), ()):
                if abs((o["x0"] + o["x1"]) / 2 - cx) < OVERPRINT * w and abs((o["top"] + o["bottom"]) / 2 - cy) < OVERPRINT * h:
                    dup = True
                    break
            if dup:
                break
        if dup:
            continue
        seen.setdefault((text, bx, by), []).append(ch)
        out.append(ch)
    return out


