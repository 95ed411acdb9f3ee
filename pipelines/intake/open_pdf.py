"""Open a PDF defensively; every way a file can be unusable becomes a clear rejection reason.

Reasons (code): cannot read (unreadable), 0 bytes (empty), HTML or other non-PDF bytes (not_pdf),
streams that inflate past the limits (decompression_bomb, checked before pdfium inflates anything:
streams.py), user password (encrypted), damaged beyond pdfium's repair (corrupt), absurd page count
(too_many_pages), no text layer (scanned), an unfilled template with XX placeholders and no
printed amounts (template). A PDF encrypted with an owner password only opens normally.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..pdf.engine import pdfium, pdfium_c
from ..pdf.text import page_text_chars
from .limits import Limits
from .streams import InflateLimit, scan_streams


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
    turned: dict[int, tuple[int, int]] = field(default_factory=dict)  # page -> (/Rotate, turn read at), when they differ
    # page -> (characters, turn read at) of the text pass, kept for the table pass (take_chars)
    chars: dict[int, tuple[list, int]] = field(default_factory=dict, repr=False)

    def take_chars(self, pages: list[int]) -> dict[int, tuple[list, int]]:
        """The text pass's characters of these pages; every other page's are dropped (memory)."""
        kept = {p: self.chars[p] for p in pages if p in self.chars}
        self.chars = {}
        return kept


MIN_TEXT_CHARS = 20  # a page with fewer extractable characters counts as having no text layer
SCANNED_TEXT_SHARE = 0.1  # real packs have text on >= 89 % of their pages; scans on none or the cover only
MAX_PAGES = Limits.pages  # default of FISCAL_MAX_PAGES: packs run to ~330 pages; far beyond is not a pack (or a bomb)
# An unfilled template: placeholder names/figures (XX, ××, 某某) and (almost) no printed amount.
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:XX+|ＸＸ+|××+|某某)")
_AMOUNT = re.compile(r"\d\.\d{2}(?!\d)")
TEMPLATE_MIN_PLACEHOLDERS = 3
TEMPLATE_MAX_AMOUNTS = 2


def has_text(page_text: str) -> bool:
    return len("".join(page_text.split())) >= MIN_TEXT_CHARS


def template_reason(texts: list[str]) -> str:
    """Why the text reads as a blank template ('' when it does not)."""
    text = "\n".join(texts)
    holders = len(_PLACEHOLDER.findall(text))
    amounts = len(_AMOUNT.findall(text))
    if holders >= TEMPLATE_MIN_PLACEHOLDERS and amounts <= TEMPLATE_MAX_AMOUNTS:
        return (f"blank template: {holders} placeholders (XX/××/某某) in place of names and figures, "
                f"{amounts} printed amounts")
    return ""


def _sniff(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(1024)


def open_pdf(path: str | Path, lim: Limits | None = None) -> OpenedPdf:
    """Open a PDF defensively under `lim` (the defaults when not given)."""
    path = Path(path)
    lim = lim or Limits()
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
        scan_streams(path, lim)
    except InflateLimit as exc:
        raise Rejected(exc.reason, exc.code) from None
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
    if n > lim.pages:
        raise Rejected(f"too many pages for a disclosure pack: {n} (limit FISCAL_MAX_PAGES={lim.pages})",
                       "too_many_pages")
    texts = []
    turned = {}
    chars = {}
    try:
        for i in range(n):
            page = pdf[i]
            text, turn, printed, page_chars = page_text_chars(page)
            texts.append(text)
            chars[i + 1] = (page_chars, turn)
            if turn != printed:
                turned[i + 1] = (printed, turn)
            page.close()
    except pdfium.PdfiumError as exc:
        raise Rejected(f"corrupt PDF: page {len(texts) + 1} cannot be read ({exc})", "corrupt") from exc
    with_text = sum(1 for t in texts if has_text(t))
    if with_text == 0 or with_text < SCANNED_TEXT_SHARE * n:
        what = "no page has" if with_text == 0 else f"only {with_text} of its {n} pages have"
        raise Rejected(f"scanned/image-only PDF: {what} a text layer (OCR is not supported)", "scanned")
    template = template_reason(texts)
    if template:
        raise Rejected(template, "template")
    encrypted = pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1
    return OpenedPdf(pdf, n, texts, encrypted, turned, chars)
