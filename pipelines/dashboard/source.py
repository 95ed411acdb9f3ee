"""A source PDF page rendered as an image, with a cell outlined.

Boxes are in PDF points with a top-left origin on the page's MediaBox (as pdfplumber reports them
and as fact_amount / check_result store them). pdfium renders the CropBox, so the box is shifted by
the CropBox's offset. The file must still be the one ingested: its SHA-256 must equal the document
id, otherwise the outline could land on a different figure, and that is an error, not a guess.

The image is rendered within a pixel budget (MAX_PIXELS, MAX_SIDE): a page is normally drawn at
`scale` (2 px per point), a huge one (a 14,400 pt MediaBox, the PDF maximum, would be 28,800 px
square: 3.3 GB) is drawn smaller, so the time and memory of one page stay bounded.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

from ..intake.fingerprint import sha256_file

OUTLINE = (220, 20, 60)  # crimson
MAX_PIXELS = 8_000_000  # an A3 page at 2 px per point is 4.0 M pixels
MAX_SIDE = 6_000


class SourceError(Exception):
    """The source page cannot be shown; the message names the file and the reason."""


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @classmethod
    def parse(cls, text: str | None) -> Box | None:
        """'x0,top,x1,bottom' (from a link) -> Box; None for empty or malformed text."""
        if not text:
            return None
        try:
            vals = [float(v) for v in text.split(",")]
        except ValueError:
            return None
        if len(vals) != 4 or vals[2] < vals[0] or vals[3] < vals[1]:
            return None
        return cls(*vals)

    @classmethod
    def of(cls, x0, top, x1, bottom) -> Box | None:
        vals = [x0, top, x1, bottom]
        if any(v is None or v != v for v in vals):  # None or NaN
            return None
        return cls(*(float(v) for v in vals))

    def text(self) -> str:
        return f"{self.x0:.2f},{self.top:.2f},{self.x1:.2f},{self.bottom:.2f}"


def check_file(path: str | Path | None, document_id: str) -> Path:
    if not path:
        raise SourceError(f"document {document_id[:12]}: no source path recorded")
    p = Path(path)
    if not p.is_file():
        raise SourceError(f"{p}: source PDF not found (moved or deleted since ingestion)")
    if sha256_file(p) != document_id:
        raise SourceError(f"{p}: file changed since ingestion (SHA-256 differs from document {document_id[:12]})")
    return p


def render_page(path: str | Path, page: int, box: Box | None = None, scale: float = 2.0,
                width: int = 4) -> bytes:
    """PNG bytes of 1-based `page`, with `box` outlined. Raises SourceError with the file and reason."""
    from PIL import ImageDraw

    from ..pdf.engine import pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise SourceError(f"{path}: cannot open PDF ({exc})") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise SourceError(f"{path}: page {page} out of range (1-{len(pdf)})")
        pg = pdf[page - 1]
        scale = fit_scale(pg.get_width(), pg.get_height(), scale)
        if scale <= 0:
            raise SourceError(f"{path}: page {page} has an empty page box")
        image = pg.render(scale=scale).to_pil().convert("RGB")
        if box is not None:
            dx, dy = _crop_offset(pg)
            draw = ImageDraw.Draw(image)
            pad = 2.0
            rect = [(box.x0 - dx - pad) * scale, (box.top - dy - pad) * scale,
                    (box.x1 - dx + pad) * scale, (box.bottom - dy + pad) * scale]
            draw.rectangle(rect, outline=OUTLINE, width=width)
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
    finally:
        pdf.close()


def fit_scale(width: float, height: float, scale: float) -> float:
    """`scale`, or less so that a width × height pt page stays within MAX_PIXELS and MAX_SIDE (0 for an
    empty or invalid page box)."""
    if not (width > 0 and height > 0) or width != width or height != height:
        return 0.0
    fit = min(scale, (MAX_PIXELS / (width * height)) ** 0.5, MAX_SIDE / max(width, height))
    while fit < scale and (math.ceil(width * fit) * math.ceil(height * fit) > MAX_PIXELS
                           or math.ceil(max(width, height) * fit) > MAX_SIDE):  # pdfium rounds sizes up
        fit *= 0.999
    return fit


def _crop_offset(pg) -> tuple[float, float]:
    """(left, top) offset of the CropBox inside the MediaBox, for unrotated pages."""
    if pg.get_rotation() % 360:
        return 0.0, 0.0
    ml, _mb, _mr, mt = pg.get_mediabox()
    cl, _cb, _cr, ct = pg.get_cropbox()
    return cl - ml, mt - ct
