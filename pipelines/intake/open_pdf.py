"""Open a PDF defensively; every way a file can be unusable becomes a clear rejection reason."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..parse.pagetext import page_text


class Rejected(Exception):
    """The document cannot be ingested; `reason` says why in words a user can act on."""

    def __init__(self, reason: str, code: str):
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass
class OpenedPdf:
    pdf: pdfium.PdfDocument
    n_pages: int
    page_texts: list[str]
    encrypted: bool


MIN_TEXT_CHARS = 20  # a page with fewer extractable characters counts as having no text layer


def _sniff(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(1024)


def open_pdf(path: str | Path) -> OpenedPdf:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Rejected(f"cannot read file: {exc.strerror or exc}", "unreadable") from exc
    if size == 0:
        raise Rejected("empty file (0 bytes)", "empty")
    head = _sniff(path)
    if b"%PDF-" not in head[:1024]:
        lead = head[:40].decode("utf-8", "replace").strip().replace("\n", " ")
        what = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        raise Rejected(f"not a PDF: the file is {what} (starts with {lead[:30]!r})", "not_pdf")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise Rejected("encrypted PDF: a user password is required to open it", "encrypted") from exc
        raise Rejected(f"corrupt or truncated PDF: {msg}", "corrupt") from exc
    try:
        n = len(pdf)
    except Exception as exc:  # pragma: no cover - defensive
        raise Rejected(f"corrupt PDF: cannot count pages ({exc})", "corrupt") from exc
    if n == 0:
        raise Rejected("PDF has no pages", "corrupt")
    texts = []
    try:
        for i in range(n):
            page = pdf[i]
            texts.append(page_text(page))
            page.close()
    except pdfium.PdfiumError as exc:
        raise Rejected(f"corrupt PDF: page {len(texts) + 1} cannot be read ({exc})", "corrupt") from exc
    if sum(len("".join(t.split())) for t in texts) < MIN_TEXT_CHARS * max(1, min(n, 3)):
        raise Rejected(
            f"scanned/image-only PDF: no text layer on any of its {n} pages (OCR is not supported)", "scanned")
    encrypted = pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1
    return OpenedPdf(pdf, n, texts, encrypted)
