"""pdfium, initialised to look for substitute fonts in the project's own font folder only.

By default pdfium substitutes a font that a PDF names but does not embed with whatever the machine
has installed (/usr/share/fonts …), so the same file read on two machines gave different glyph
boxes, different text lines, and different facts (a machine without a CJK font found 0 tables in
the sample budgets). pdfium's `m_pUserFontPaths` replaces its default font folders: pointed at
pipelines/pdf/fonts, every machine substitutes the same font (substitute_font.py).

Import `pdfium` / `pdfium_c` from here, never from pypdfium2 directly: the first import
re-initialises the library before any document is opened.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdfium2 import _library_scope
from pypdfium2.internal import bases

from .substitute_font import FONT_DIR

__all__ = ["pdfium", "pdfium_c", "font_paths"]

_PATHS: list[bytes] = []
_ARRAYS: list[ctypes.Array] = []  # pdfium keeps the pointers: keep them alive


def _init_with_fonts() -> None:
    if _PATHS:
        return
    _PATHS.append(str(FONT_DIR).encode())
    char_p = ctypes.POINTER(ctypes.c_char)
    array = (char_p * 2)(ctypes.cast(ctypes.c_char_p(_PATHS[0]), char_p), char_p())  # NULL-terminated
    _ARRAYS.append(array)
    if bases.LIBRARY_AVAILABLE:
        _library_scope.destroy_lib()
    config = pdfium_c.FPDF_LIBRARY_CONFIG(version=2, m_pUserFontPaths=array, m_pIsolate=None, m_v8EmbedderSlot=0)
    pdfium_c.FPDF_InitLibraryWithConfig(config)
    bases.LIBRARY_AVAILABLE = True


def font_paths() -> list[str]:
    """The folders pdfium looks in for substitute fonts."""
    return [p.decode() for p in _PATHS]


_init_with_fonts()
