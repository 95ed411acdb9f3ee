"""Which way a page reads: the turn that makes its text run left to right.

A page's /Rotate says how a viewer turns it. Usually that makes the text upright (a landscape
table drawn sideways and turned back by /Rotate 90). But a pack whose pages were all turned in a
viewer and saved carries /Rotate on upright text: applied, every line would run down the page and
no table could be read. The page is read the way its text runs: the dominant direction of its
characters (their text matrices, in PDF user space) gives the turn; /Rotate is used when it agrees
or when the text has no dominant direction.

Boxes read in one turn are mapped to another with `remap` (facts keep the box of the page as a
viewer shows it, /Rotate applied, so a source view outlines the right cell).
"""
from __future__ import annotations

import math
from collections import Counter

from .engine import pdfium_c

SAMPLE = 120  # characters looked at per page (spread over the page)
DOMINANT = 0.6  # share of the sampled characters that must run one way
EARLY = 24  # this many sampled characters in a row reading as /Rotate says settle it


def text_turn(textpage_raw, printed: int) -> int:
    """The turn (0, 90, 180, 270) that makes most characters run left to right; `printed`
    (the page's /Rotate) when that is the one, or when no direction dominates."""
    n = pdfium_c.FPDFText_CountChars(textpage_raw)
    if n <= 0:
        return printed
    step = max(1, n // SAMPLE)
    m = pdfium_c.FS_MATRIX()
    turns: Counter = Counter()
    for i in range(0, n, step):
        u = pdfium_c.FPDFText_GetUnicode(textpage_raw, i)
        if u in (0, 2, 10, 13, 32) or not pdfium_c.FPDFText_GetMatrix(textpage_raw, i, m):
            continue
        if m.a == 0 and m.b == 0:
            continue
        # advance direction, counter-clockwise in user space; a viewer's /Rotate R turns the page
        # clockwise by R, so text advancing at angle t reads left to right after a turn of t
        angle = math.degrees(math.atan2(m.b, m.a)) % 360
        turns[int(round(angle / 90.0)) % 4 * 90] += 1
        if turns[printed] >= EARLY and len(turns) == 1:  # the usual page: every character so far agrees
            return printed
    if not turns:
        return printed
    turn, count = turns.most_common(1)[0]
    total = sum(turns.values())
    if turn == printed or count < DOMINANT * total:
        return printed
    return turn


def display_box(left: float, right: float, bottom: float, top: float, rot: int, mw: float,
                mh: float) -> tuple[float, float, float, float]:
    """(x0, x1, top, bottom) of a user-space box on the page turned by rot (top-left origin);
    mw, mh: the unturned page's width and height."""
    if rot == 90:  # turned clockwise: the PDF's left edge is the top, its bottom edge the left
        return bottom, top, left, right
    if rot == 180:
        return mw - right, mw - left, bottom, top
    if rot == 270:
        return mh - top, mh - bottom, mw - right, mw - left
    return left, right, mh - top, mh - bottom


def user_box(x0: float, x1: float, top: float, bottom: float, rot: int, mw: float,
             mh: float) -> tuple[float, float, float, float]:
    """The inverse of display_box: (left, right, bottom, top) in user space."""
    if rot == 90:
        return top, bottom, x0, x1
    if rot == 180:
        return mw - x1, mw - x0, top, bottom
    if rot == 270:
        return mw - bottom, mw - top, mh - x1, mh - x0
    return x0, x1, mh - bottom, mh - top


def remap(box: tuple[float, float, float, float], from_rot: int, to_rot: int, mw: float,
          mh: float) -> tuple[float, float, float, float]:
    """A (x0, top, x1, bottom) box read on the page turned by from_rot, on the page turned by to_rot."""
    if from_rot == to_rot:
        return box
    x0, top, x1, bottom = box
    left, right, b, t = user_box(x0, x1, top, bottom, from_rot, mw, mh)
    nx0, nx1, ntop, nbottom = display_box(left, right, b, t, to_rot, mw, mh)
    return nx0, ntop, nx1, nbottom


def page_sizes(pdf, pages) -> dict[int, tuple[float, float]]:
    """{page: (width, height)} of the given pages (1-based) before /Rotate."""
    out = {}
    for pno in pages:
        page = pdf[pno - 1]
        try:
            w, h = page.get_width(), page.get_height()
            out[pno] = (h, w) if page.get_rotation() % 360 in (90, 270) else (w, h)
        finally:
            page.close()
    return out
