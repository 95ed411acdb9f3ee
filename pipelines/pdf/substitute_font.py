"""Build the substitute font pdfium uses for fonts a PDF names but does not embed.

Every printable code point maps to one glyph: a plain box over the ideographic em (-120..880 of a
1000-unit em). The glyph's shape does not matter (characters of non-embedded fonts get their box
from the PDF's own metrics, see pdf/chars.py); what matters is that pdfium always finds
the same font, with a glyph for every character, on every machine. Without one, pdfium on a
machine with no CJK font gives those characters zero-height boxes and drops one-character text
objects altogether; with whatever CJK font the machine has, it gives that font's boxes.

The font file is committed (pipelines/pdf/fonts/); `python -m pipelines.pdf.substitute_font`
rebuilds it (needs fontTools, a test dependency) and tests/pdf checks the two are identical.
"""
from __future__ import annotations

import io
from pathlib import Path

FONT_DIR = Path(__file__).with_name("fonts")
FONT_FILE = FONT_DIR / "fiscal-substitute.ttf"
FAMILY = "Fiscal Substitute"
UNITS_PER_EM = 1000
DESCENT, ASCENT = -120, 880
# every code point a text layer may use, but controls, spaces and surrogates
RANGES = ((0x21, 0x7E), (0xA1, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x2FFFF))
# OS/2 code page bits: Latin 1 (0), Japanese (17), Simplified Chinese (18), Korean (19, 21),
# Traditional Chinese (20): pdfium picks a substitute for a CJK font by these
CODE_PAGES = (1 << 0) | (1 << 17) | (1 << 18) | (1 << 19) | (1 << 20) | (1 << 21)


def build() -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    fb = FontBuilder(UNITS_PER_EM, isTTF=True)
    glyphs = [".notdef", "box"]
    fb.setupGlyphOrder(glyphs)
    fb.setupCharacterMap({})
    # cmap format 13 (many-to-one ranges) on the Windows UCS-4 encoding: a few bytes for all of them
    table = CmapSubtable.newSubtable(13)
    table.platformID, table.platEncID, table.language = 3, 10, 0
    table.cmap = {cp: "box" for lo, hi in RANGES for cp in range(lo, hi + 1)}
    fb.font["cmap"].tables = [table]
    pen = TTGlyphPen(None)
    pen.moveTo((0, DESCENT))
    pen.lineTo((0, ASCENT))
    pen.lineTo((UNITS_PER_EM, ASCENT))
    pen.lineTo((UNITS_PER_EM, DESCENT))
    pen.closePath()
    fb.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "box": pen.glyph()})
    fb.setupHorizontalMetrics({".notdef": (UNITS_PER_EM, 0), "box": (UNITS_PER_EM, 0)})
    fb.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    fb.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=ASCENT, sTypoDescender=DESCENT, usWinAscent=ASCENT, usWinDescent=-DESCENT,
                ulCodePageRange1=CODE_PAGES, ulCodePageRange2=0, fsType=0)
    fb.setupPost()
    fb.font["head"].created = fb.font["head"].modified = 0  # reproducible bytes
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


if __name__ == "__main__":  # pragma: no cover - maintenance command
    FONT_DIR.mkdir(exist_ok=True)
    FONT_FILE.write_bytes(build())
    print(f"wrote {FONT_FILE} ({FONT_FILE.stat().st_size} bytes)")
