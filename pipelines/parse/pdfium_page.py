"""A page read with pdfium: characters and visible ruling, in display coordinates (top-left origin,
/Rotate applied), ready for pdfplumber's table finder.

pdfplumber's TableFinder needs only ruling edges and the page box; pdfminer, which pdfplumber
uses to get them, interprets every content stream in Python and dominates the parse time. pdfium
reads the same path objects natively, so the table pass runs the same finder on the same edges
about ten times faster (grids are identical to 1e-4 pt on the corpus; see tests/parse).
"""
from __future__ import annotations

import ctypes

from pdfplumber.table import TableFinder

from ..pdf.chars import Display, page_chars
from ..pdf.engine import pdfium, pdfium_c
from ..pdf.orientation import text_turn

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
WHITE = 242  # a channel at or above 0.95 × 255 paints (almost) nothing on a white page


def _compose(m, n):
    """Affine matrices (a, b, c, d, e, f): apply m, then n."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)


def _matrix(obj) -> tuple:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _visible(obj) -> bool:
    """Strokes or fills that show on a white page (spreadsheet exports paint white cell backgrounds)."""
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return True
    r, g, b, a = (ctypes.c_uint() for _ in range(4))

    def shows(getter) -> bool:
        if not getter(obj, r, g, b, a):
            return True
        return a.value > 0 and not (r.value >= WHITE and g.value >= WHITE and b.value >= WHITE)

    return bool(stroke.value and shows(pdfium_c.FPDFPageObj_GetStrokeColor)) or \
        bool(fill.value and shows(pdfium_c.FPDFPageObj_GetFillColor))


def page_edges(page: pdfium.PdfPage, display: Display | None = None, tol: float = 0.5) -> list[dict]:
    """Horizontal and vertical segments of every visible path (forms included), as pdfplumber edges."""
    d = display or Display(page)
    edges: list[dict] = []
    x, y = ctypes.c_float(), ctypes.c_float()

    def point(m, px, py):
        a, b, c, dd, e, f = m
        return a * px + c * py + e, b * px + dd * py + f

    def add(p0, p1):
        (x0, y0), (x1, y1) = p0, p1
        if abs(y0 - y1) <= tol:
            orient = "h"
        elif abs(x0 - x1) <= tol:
            orient = "v"
        else:
            return
        left, right, top, bottom = d.box(min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1))
        if (orient == "h") == (d.rot in (0, 180)):
            top = bottom = (top + bottom) / 2
            orient = "h"
        else:
            left = right = (left + right) / 2
            orient = "v"
        edges.append({"object_type": "line", "x0": left, "x1": right, "top": top, "bottom": bottom, "doctop": top,
                      "width": right - left, "height": bottom - top, "orientation": orient})

    def walk(count, get, parent):
        for i in range(count):
            obj = get(i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                walk(pdfium_c.FPDFFormObj_CountObjects(obj), lambda j, o=obj: pdfium_c.FPDFFormObj_GetObject(o, j),
                     _compose(_matrix(obj), parent))
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and _visible(obj):
                m = _compose(_matrix(obj), parent)
                start = prev = None
                for s in range(pdfium_c.FPDFPath_CountSegments(obj)):
                    seg = pdfium_c.FPDFPath_GetPathSegment(obj, s)
                    pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
                    p = point(m, x.value, y.value)
                    if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO:
                        start = prev = p
                    else:
                        if prev is not None:
                            add(prev, p)
                        prev = p
                    if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and prev is not None:
                        add(prev, start)
                        prev = start

    walk(pdfium_c.FPDFPage_CountObjects(page.raw), lambda j: pdfium_c.FPDFPage_GetObject(page.raw, j), _IDENTITY)
    return edges


class PdfiumPage:
    """What the table pass needs from a page: chars, edges, size, and the table finder."""

    def __init__(self, page: pdfium.PdfPage, read: tuple[list, int] | None = None):
        """read: (characters, turn) of this page from the text pass, when the caller kept them."""
        if read is not None:
            self.chars, turn = read
            display = Display(page, turn)
        else:
            tp = page.get_textpage()
            try:
                display = Display(page, text_turn(tp.raw, page.get_rotation() % 360))
                self.chars = page_chars(page, display, tp)
            finally:
                tp.close()
        self.turn, self.printed_turn = display.rot, display.printed
        self.width, self.height = display.w, display.h
        self.bbox = (0.0, 0.0, display.w, display.h)
        self.edges = page_edges(page, display)

    def table_cells(self, settings: dict) -> list[list[tuple]]:
        # TableFinder reads only what this class provides (chars, edges, bbox, the size), not a pdfplumber Page
        return [list(t.cells) for t in TableFinder(self, settings).tables]  # type: ignore[arg-type]
