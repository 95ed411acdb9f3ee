"""The table pass over chosen pages: one PageLayout (grids + text lines) per page.

Backend `pdfium` (default): ruling and characters read by pdfium, tables found by pdfplumber's
TableFinder (pdfium_page.PdfiumPage). Backend `pdfplumber`: both read by pdfplumber/pdfminer
(grid.PlumberPage) — the reference the pdfium backend is tested against. FISCAL_TABLE_BACKEND
(pipelines/settings.py) selects the one ingestion uses.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from ..pdf.engine import pdfium
from .grid import PlumberPage
from .layout import PageLayout, read_page
from .pdfium_page import PdfiumPage

BACKENDS = ("pdfium", "pdfplumber")


DEFAULT_BACKEND = "pdfium"  # FISCAL_TABLE_BACKEND (pipelines/settings.py) chooses another


def read_layouts(path: str | Path, pages: list[int], pdf: pdfium.PdfDocument | None = None,
                 backend: str | None = None, ruling: bool = True,
                 read: dict[int, tuple[list, int]] | None = None) -> list[PageLayout]:
    """read: page -> (characters, turn) the text pass already has (pdfium backend), not read again."""
    backend = backend or DEFAULT_BACKEND
    if backend not in BACKENDS:
        raise ValueError(f"unknown table backend {backend!r} (choose from {', '.join(BACKENDS)})")
    layouts = []
    if backend == "pdfplumber":
        with pdfplumber.open(str(path)) as doc:
            for pno in pages:
                page = doc.pages[pno - 1]
                try:
                    layouts.append(read_page(PlumberPage(page), pno, ruling=ruling))
                finally:
                    page.close()
        return layouts
    own = pdf is None
    pdf = pdf or pdfium.PdfDocument(str(path))
    try:
        for pno in pages:
            page = pdf[pno - 1]
            try:
                layouts.append(read_page(PdfiumPage(page, (read or {}).get(pno)), pno, ruling=ruling))
            finally:
                page.close()
    finally:
        if own:
            pdf.close()
    return layouts
