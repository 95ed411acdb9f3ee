"""Files that attack a reader's resources, for the hostile tests and the limits benchmark
(pipelines/bench/limits.py): decompression bombs written by hand, and a pack of thousands of table
pages rendered by the generator. Nothing here is a real document."""
from __future__ import annotations

import copy
from pathlib import Path


def raw_pdf(dst: Path, objects: list[bytes], root: int = 1) -> Path:
    """A PDF of the given object bodies (object n is objects[n - 1]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    dst.write_bytes(bytes(out))
    return dst


def deflated_spaces(inflated_mb: int, prefix: bytes = b"") -> bytes:
    """A zlib stream of prefix + inflated_mb MiB of spaces, about 1 KB per MiB: a raw deflate block
    after a full flush is self-contained, so one compressed MiB is repeated instead of compressing
    gigabytes; the zlib header and checksum are written around it."""
    import zlib

    spaces = b" " * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(spaces) + c.flush(zlib.Z_FULL_FLUSH)
    checksum = zlib.adler32(prefix)
    for _ in range(inflated_mb):
        checksum = zlib.adler32(spaces, checksum)
    return b"\x78\xda" + head + block * inflated_mb + c.flush() + checksum.to_bytes(4, "big")


def stream_obj(data: bytes, extra: bytes = b"/Filter /FlateDecode") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def bomb(dst: Path, inflated_mb: int = 1200, pages: int = 1) -> Path:
    """Text pages whose content streams each inflate to inflated_mb MiB of spaces after a line of
    text (the issue's bomb: a 1.2 MB file whose page content inflates to 1.2 GB)."""
    text = b"BT /F1 24 Tf 72 720 Td (Decompression bomb test page) Tj ET\n"
    content = deflated_spaces(inflated_mb, text)
    n_fixed = 3  # catalog, pages, font
    kids = b" ".join(b"%d 0 R" % (n_fixed + 1 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (n_fixed + 2 + 2 * i))
        objects.append(stream_obj(content))
    return raw_pdf(dst, objects)




def many_table_pages(dst: Path, pages: int = 2999, pack_id: str = "shifan_jtysj_2024_final"):
    """The pack with FIN_03's 项 rows repeated until the document has `pages` pages (the issue's
    2,999 table pages); returns the RenderResult."""
    from . import SPEC_DIR, load_spec, render_pack

    spec = copy.deepcopy(load_spec(SPEC_DIR / f"{pack_id}.yaml"))
    table = spec.table("FIN_03")
    items = [r for r in table.rows if r.code and len(r.code) == 7]
    base = list(table.rows)
    per_page = 27  # FIN_03 rows on one page of this layout (measured)
    n = max(0, (pages - 21) * per_page)
    while True:
        extra = []
        for i in range(n):
            r = copy.deepcopy(items[i % len(items)])
            r.key = f"{r.key}_{i}"
            extra.append(r)
        table.rows = base + extra
        result = render_pack(spec, dst)
        if result.page_count >= pages or n == 0:
            return result
        n += (pages - result.page_count) * per_page
