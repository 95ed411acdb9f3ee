"""The decompression pre-scan: every stream's inflated size measured without holding it, through
the filters pdfium would apply, and the limits enforced before pdfium inflates anything."""
from __future__ import annotations

import base64
import zlib

import pytest

from pipelines.generator.attacks import bomb, deflated_spaces, raw_pdf, stream_obj
from pipelines.intake.limits import Limits
from pipelines.intake.streams import InflateLimit, scan_streams

MB = 1 << 20


def lzw_encode(data: bytes) -> bytes:
    """PDF LZWDecode encoder (early change 1, codes 9-12 bits, MSB first), for the decoder's test."""
    table = {bytes([i]): i for i in range(256)}
    nxt, width, out, bits, nbits = 258, 9, bytearray(), 0, 0

    def emit(code):
        nonlocal bits, nbits
        bits = (bits << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)

    emit(256)
    w = b""
    for b in data:
        wc = w + bytes([b])
        if wc in table:
            w = wc
            continue
        emit(table[w])
        table[wc] = nxt
        nxt += 1
        if nxt + 1 > (1 << width) and width < 12:
            width += 1
        if nxt >= 4094:
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            nxt, width = 258, 9
        w = bytes([b])
    if w:
        emit(table[w])
    emit(257)
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def one_stream(tmp_path, data: bytes, extra: bytes) -> object:
    return raw_pdf(tmp_path / "s.pdf", [b"<< /Type /Catalog >>", stream_obj(data, extra)])


@pytest.mark.parametrize("name, encode, filters", [
    ("flate", zlib.compress, b"/Filter /FlateDecode"),
    ("flate abbreviated", zlib.compress, b"/Filter /Fl"),
    ("lzw", lzw_encode, b"/Filter /LZWDecode"),
    ("ascii85 then flate", lambda d: base64.a85encode(zlib.compress(d), adobe=True)[2:],
     b"/Filter [/ASCII85Decode /FlateDecode]"),
    ("hex then flate", lambda d: zlib.compress(d).hex().encode() + b">", b"/Filter [/AHx /Fl]"),
    ("flate twice", lambda d: zlib.compress(zlib.compress(d)), b"/Filter [/FlateDecode /FlateDecode]"),
])
def test_each_filter_chain_is_measured_exactly(tmp_path, name, encode, filters):
    data = (b"BT /F1 12 Tf 72 720 Td (figures 1,234.56) Tj ET\n" * 3000)[:123_457]
    scan = scan_streams(one_stream(tmp_path, encode(data), filters), Limits())
    assert (scan.streams, scan.measured, scan.largest, scan.total) == (1, 1, len(data), len(data)), name


def test_runlength_is_measured(tmp_path):
    encoded = bytes([257 - 128, ord("x")]) * 100 + bytes([2]) + b"abc" + bytes([128])  # 100 runs of 128, 3 literals
    scan = scan_streams(one_stream(tmp_path, encoded, b"/Filter /RunLengthDecode"), Limits())
    assert scan.largest == 100 * 128 + 3


def test_per_stream_limit_stops_inflating_at_the_limit(tmp_path):
    path = bomb(tmp_path / "bomb.pdf", inflated_mb=40)
    with pytest.raises(InflateLimit) as exc:
        scan_streams(path, Limits(stream_mb=16))
    assert exc.value.reason == ("decompression bomb: a stream (object 5, at byte 363) inflates to more than 16 MB "
                                "(limit FISCAL_MAX_STREAM_MB=16)")
    assert scan_streams(path, Limits(stream_mb=64)).largest == 40 * MB + 60  # the text line before the spaces


def test_document_limit_sums_the_streams(tmp_path):
    path = bomb(tmp_path / "pages.pdf", inflated_mb=10, pages=3)
    assert scan_streams(path, Limits(inflated_mb=64)).total == 3 * (10 * MB + 60)
    with pytest.raises(InflateLimit) as exc:
        scan_streams(path, Limits(inflated_mb=25))
    assert exc.value.reason.startswith("decompression bomb: its streams inflate to more than 25 MB "
                                       "(limit FISCAL_MAX_INFLATED_MB=25; 3 streams measured")


def test_images_within_their_declared_size_do_not_count_towards_the_document(tmp_path):
    pixels = b"\xff" * (1000 * 1000 * 3)
    image = stream_obj(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width 1000 /Height 1000 "
                                              b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode")
    liar = stream_obj(deflated_spaces(8), b"/Subtype /Image /Width 1 /Height 1 /Filter /FlateDecode")
    scan = scan_streams(raw_pdf(tmp_path / "img.pdf", [b"<< /Type /Catalog >>", image, liar]), Limits())
    assert (scan.images, scan.total) == (len(pixels), 8 * MB)  # the 1x1 "image" inflating to 8 MB counts


def test_streams_that_cannot_be_measured_are_counted_not_guessed(tmp_path):
    jpeg = stream_obj(b"\xff\xd8\xff" + b"\0" * 100, b"/Subtype /Image /Filter /DCTDecode")
    noise = stream_obj(b"not zlib at all", b"/Filter /FlateDecode")
    scan = scan_streams(raw_pdf(tmp_path / "x.pdf", [b"<< /Type /Catalog >>", jpeg, noise]), Limits())
    assert (scan.streams, scan.measured, scan.unmeasured) == (2, 0, 2)


def test_encrypted_files_are_not_measured(tmp_path):
    data = zlib.compress(b"x" * 1000)
    path = raw_pdf(tmp_path / "enc.pdf", [b"<< /Type /Catalog >>", stream_obj(data),
                                          b"<< /Filter /Standard /V 2 /R 3 /Encrypt 2 0 R >>"])
    scan = scan_streams(path, Limits())
    assert scan.encrypted and scan.unmeasured == 1
