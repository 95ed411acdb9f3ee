"""Builders for the bad-input suite: every file is generated here, never copied from the corpus.

Pack-shaped files come from the project's generator (pipelines/generator); broken files are
made from a rendered pack's bytes or written by hand.
"""
from __future__ import annotations

import copy
import io
import os
from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import _cidfontdata
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas

from pipelines.generator import SPEC_DIR, RenderOptions, expected_facts, load_spec, render_pack, writer as gen_writer

VICTIM = "shifan_jtysj_2024_final"  # 万元, Shanghai layout: the parser reads it exactly
BASELINE = "shifan_sfq_scjgj_2024_final"  # loaded before every hostile file


def spec(pack_id: str = VICTIM):
    return load_spec(SPEC_DIR / f"{pack_id}.yaml")


def render(dst: Path, pack_spec=None, mutations=(), options: RenderOptions | None = None):
    return render_pack(pack_spec or spec(), dst, mutations=mutations, options=options)


def expected_keys(result) -> list[tuple]:
    """(table_id, account_code, line_item, measure, amount_wan, page) of every figure the pack prints."""
    return sorted((e["table_id"], e["account_code"], e["line_item"], e["measure"], e["amount_wan"], int(e["page"]))
                  for e in expected_facts(result.spec, result.pages))


# ------------------------------------------------------------------ broken bytes

def zero_bytes(dst: Path) -> Path:
    dst.write_bytes(b"")
    return dst


def truncated(src: Path, dst: Path, keep: float = 0.5) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * keep)])
    return dst


def corrupt_xref(src: Path, dst: Path) -> Path:
    """Every offset in the cross-reference table overwritten, and startxref pointing nowhere."""
    data = bytearray(src.read_bytes())
    at = data.rfind(b"\nxref")
    end = data.find(b"trailer", at)
    assert at > 0 and end > at, "rendered pack has no classic xref table"
    for i in range(at + 5, end):
        if 0x30 <= data[i] <= 0x39:
            data[i] = 0x37
    sx = data.rfind(b"startxref")
    tail = b"startxref\n99999999\n%%EOF\n"
    dst.write_bytes(bytes(data[:sx]) + tail)
    return dst


def html_page(dst: Path) -> Path:
    dst.write_text("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>404 页面不存在</title></head>"
                   "<body><h1>您访问的页面不存在</h1></body></html>\n", encoding="utf-8")
    return dst


def encrypted(dst: Path, user_password: str, pack_spec=None):
    """The pack rendered with standard encryption (a user password, or an owner password only).

    reportlab writes the CID font's /Registry and /Ordering as raw literals that escape encryption
    (every conforming reader then decrypts them into garbage and loses the font's character map);
    they are made real PDF strings for the render, as any other PDF producer writes them."""
    real = gen_writer.Canvas
    sysinfo = _cidfontdata.CIDFontInfo["STSong-Light"]["DescendantFonts"][0]["CIDSystemInfo"]
    saved = dict(sysinfo)

    def canvas(*args, **kwargs):
        enc = StandardEncryption(user_password, ownerPassword="owner-secret", canPrint=0, canModify=0, canCopy=0)
        return Canvas(*args, encrypt=enc, **kwargs)

    gen_writer.Canvas = canvas
    sysinfo.update(Registry=PDFString("Adobe"), Ordering=PDFString("GB1"))
    try:
        return render(dst, pack_spec)
    finally:
        gen_writer.Canvas = real
        sysinfo.update(saved)


def scanned(src: Path, dst: Path, dpi: int = 40) -> Path:
    """A 'scan' of src: every page rasterised and placed as an image, no text layer at all."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    pdf = pdfium.PdfDocument(str(src))
    c = Canvas(str(dst), invariant=1)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            w, h = page.get_size()
            img = page.render(scale=dpi / 72).to_pil().convert("L")
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            c.setPageSize((w, h))
            c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, w, h)
            c.showPage()
            page.close()
    finally:
        pdf.close()
    c.save()
    return dst


# ------------------------------------------------------------------ pack-shaped oddities

GARBLED = {"2080501": "132.4O", "2080505": "320.3.8", "2080506": "139.8?"}  # FIN_03 total column


def garbled(dst: Path):
    """FIN_03 with three printed figures garbled (letter O for zero, two decimal points, a '?')."""
    s = copy.deepcopy(spec())
    for row in s.table("FIN_03").rows:
        if row.code in GARBLED:
            row.values["total"] = GARBLED[row.code]
    return render(dst, s)


def wrong_unit(dst: Path, table_id: str = "FIN_09"):
    """One table's unit line says 元 while its figures are 万元 like the rest of the pack."""
    s = copy.deepcopy(spec())
    s.table(table_id).unit = "元"
    return render(dst, s)


def hostile_names(folder: Path, data: bytes) -> dict[str, Path]:
    """A PDF under names the internet produces; keys describe each name. Each file gets a distinct
    trailing comment, so each is its own document (same printed content: a re-saved copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {
        "newline": b"2024\xe5\xb9\xb4\nfinal.pdf",
        "backslashes": b"..\\..\\windows\\path\\pack.pdf",
        "not_utf8": b"2024\xbe\xf6\xcb\xe3.pdf",  # 2024决算 in GBK (as unzipped from a Windows archive)
        "max_length": ("决" * 83).encode() + b".pdf",  # 253 bytes: the file-system limit is 255
    }
    out = {}
    for what, raw in names.items():
        path = os.path.join(os.fsencode(folder), raw)
        with open(path, "wb") as fh:
            fh.write(data + f"%{what}\n".encode())
        out[what] = Path(os.fsdecode(path))
    # a 300-character path: nested folders (no single name may exceed 255 bytes)
    deep = folder
    while len(str(deep)) < 300:
        deep = deep / ("很长的文件夹名称" * 4)
    deep.mkdir(parents=True, exist_ok=True)
    long_path = deep / "部门决算.pdf"
    long_path.write_bytes(data + b"%path_over_300_chars\n")
    out["path_over_300_chars"] = long_path
    return out


# ------------------------------------------------------------------ resource attacks

from pipelines.generator.attacks import bomb, deflated_spaces, many_table_pages, raw_pdf, stream_obj  # noqa: E402,F401

# ------------------------------------------------------------------ text layers and page order

def garbled_text_layer(src: Path, dst: Path) -> Path:
    """The pack with its Chinese font's code-to-Unicode map gone: the CID font's /Encoding
    /UniGB-UCS2-H (codes are Unicode) becomes /Identity-H (codes are glyph ids), so every Chinese
    character comes out as some other, mostly rare, character; the figures (Times) stay readable.
    Same length, so the cross-reference offsets still hold."""
    data = src.read_bytes()
    assert data.count(b"/UniGB-UCS2-H") == 1
    dst.write_bytes(data.replace(b"/UniGB-UCS2-H", b"/Identity-H  "))
    return dst


LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex "
         "ea commodo consequat. Total 1,234.56 and 2,345.67.")


def lorem_ipsum(dst: Path, pages: int = 3) -> Path:
    c = Canvas(str(dst), invariant=1)
    for _ in range(pages):
        y = 800
        for i in range(40):
            c.drawString(40, y, (LOREM * 2)[(i * 37) % len(LOREM):][:95])
            y -= 18
        c.showPage()
    c.save()
    return dst


def concatenated_twice(src: Path, dst: Path) -> Path:
    """The pack followed by itself (a download glued twice): every table printed twice."""
    import pypdfium2 as pdfium

    pdf, out = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    try:
        out.import_pages(pdf)
        out.import_pages(pdf)
        out.save(str(dst))
    finally:
        out.close()
        pdf.close()
    return dst


def rotated(src: Path, dst: Path, degrees: int = 90) -> Path:
    """Every page turned by /Rotate (as a viewer saves pages turned by its user); the content stays upright."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    try:
        for i in range(len(pdf)):
            pdf[i].set_rotation(degrees)
        pdf.save(str(dst))
    finally:
        pdf.close()
    return dst


def special_files(folder: Path) -> dict[str, Path]:
    """Things named *.pdf that are not files: a FIFO, a link to /dev/zero, a symbolic link loop and
    a broken link."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {"fifo": folder / "pipe.pdf", "dev_zero": folder / "zero.pdf", "loop": folder / "loop.pdf",
           "broken": folder / "gone.pdf"}
    os.mkfifo(out["fifo"])
    os.symlink("/dev/zero", out["dev_zero"])
    os.symlink(out["loop"].name, out["loop"])
    os.symlink(folder / "no_such_target.pdf", out["broken"])
    return out
