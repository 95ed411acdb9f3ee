"""Decompression bombs: measure what a PDF's streams inflate to before pdfium inflates any of them.

A 1 MB PDF can hold a content stream that inflates to gigabytes; pdfium inflates a page's content
(and its forms, fonts and the object streams) in full when the page is loaded. This pre-scan walks
the raw bytes: every `<< … >> stream` is inflated chunk by chunk into nothing (output counted, not
kept), stopping as soon as a limit is passed, so the scan itself never holds more than a chunk.

- each stream may inflate to at most `Limits.stream_bytes` (a page's content is one or a few streams);
- all streams of the document together to at most `Limits.inflated_bytes`. An image that inflates
  to no more than its declared Width × Height × components × bits says is not counted in the
  total (the parse never decodes images; a scanned pack is many large images); one that inflates
  beyond its declared size is counted like any other stream.

Filters measured: FlateDecode, LZWDecode, RunLengthDecode, ASCIIHexDecode, ASCII85Decode and chains
of them. Streams of an encrypted file (their bytes are ciphertext) and filters that only images use
(DCT, JPX, JBIG2, CCITT) cannot be measured here; `unmeasured` counts them, and the parse's memory
and time limits (pipelines/ingest/isolation.py) still hold for them.
"""
from __future__ import annotations

import base64
import binascii
import mmap
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from .limits import Limits, mb

CHUNK = 1 << 16  # raw bytes fed per step
OUT_CHUNK = 1 << 20  # at most this much inflated output held at once

# `>>` closing a stream's dictionary, then (whitespace or comments) the `stream` keyword and its EOL
_STREAM = re.compile(rb">>(?:[\x00\t\n\x0c\r ]|%[^\r\n]*[\r\n])*stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+obj$")
_FILTER = re.compile(rb"/Filter[\x00\t\n\x0c\r ]*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_INT = {k: re.compile(rb"/" + k + rb"[\x00\t\n\x0c\r ]+(\d+)(?!\d)(?![\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]+R)")
        for k in (b"Length", b"Width", b"Height", b"BitsPerComponent")}
_IMAGE = re.compile(rb"/Subtype[\x00\t\n\x0c\r ]*/Image\b")
_ENCRYPT = re.compile(rb"/Encrypt[\x00\t\n\x0c\r ]*(?:\d+[\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]+R|<<)")
_COLOR = re.compile(rb"/ColorSpace[\x00\t\n\x0c\r ]*/(DeviceRGB|DeviceCMYK|DeviceGray|CalRGB|CalGray|Lab)\b")
_COMPONENTS = {b"DeviceRGB": 3, b"CalRGB": 3, b"Lab": 3, b"DeviceCMYK": 4, b"DeviceGray": 1, b"CalGray": 1}
ABBREVIATIONS = {"Fl": "FlateDecode", "LZW": "LZWDecode", "RL": "RunLengthDecode", "AHx": "ASCIIHexDecode",
                 "A85": "ASCII85Decode", "DCT": "DCTDecode", "CCF": "CCITTFaxDecode"}
IMAGE_ONLY = {"DCTDecode", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode"}
LOOKBACK = 1 << 13  # how far before `stream` its dictionary may start


class InflateLimit(Exception):
    """A stream, or the document, inflates past its limit."""

    def __init__(self, reason: str, code: str = "decompression_bomb"):
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass
class StreamScan:
    streams: int = 0  # streams found
    measured: int = 0  # streams whose inflated size was measured
    unmeasured: int = 0  # encrypted, image-only filters, undecodable data
    largest: int = 0  # bytes, the largest inflated stream
    largest_at: int = 0  # its file offset
    total: int = 0  # bytes, inflated size of all counted streams (consistent images excepted)
    images: int = 0  # bytes, inflated size of images within their declared size (not in total)
    encrypted: bool = False


class _Over(Exception):
    pass


def _inflate(chunks, cap: int):
    d = zlib.decompressobj()
    out = 0
    for chunk in chunks:
        data = chunk
        while data:
            piece = d.decompress(data, OUT_CHUNK)
            out += len(piece)
            if piece:
                yield piece
            if d.eof:
                return
            data = d.unconsumed_tail
            if out > cap:
                raise _Over
    # truncated data: what was inflated so far is what a reader gets too
    tail = d.flush()
    if tail:
        yield tail


def _lzw(chunks, cap: int, early: int = 1):
    """LZWDecode (PDF flavour: 9-12 bit codes, MSB first, 256 clear, 257 end)."""
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    width, prev = 9, None
    bits = nbits = 0
    out = 0
    for chunk in chunks:
        buf = bytearray()
        for byte in chunk:
            bits = (bits << 8) | byte
            nbits += 8
            while nbits >= width:
                nbits -= width
                code = (bits >> nbits) & ((1 << width) - 1)
                bits &= (1 << nbits) - 1
                if code == 256:
                    del table[258:]
                    width, prev = 9, None
                    continue
                if code == 257:
                    if buf:
                        yield bytes(buf)
                    return
                if prev is None:
                    entry = table[code] if code < len(table) else b""
                else:
                    entry = table[code] if code < len(table) else prev + prev[:1]
                    if len(table) < 4096:
                        table.append(prev + entry[:1])
                buf += entry
                out += len(entry)
                prev = entry
                if len(table) + early >= (1 << width) and width < 12:
                    width += 1
            if len(buf) >= OUT_CHUNK:
                yield bytes(buf)
                buf = bytearray()
            if out > cap:
                raise _Over
        if buf:
            yield bytes(buf)


def _runlength(chunks, cap: int):
    pending = b""
    out = 0
    for chunk in chunks:
        data = pending + chunk
        i, buf = 0, bytearray()
        while i < len(data):
            n = data[i]
            if n == 128:
                if buf:
                    yield bytes(buf)
                return
            if n < 128:
                if i + 1 + n + 1 > len(data):
                    break
                buf += data[i + 1:i + 2 + n]
                i += 2 + n
            else:
                if i + 2 > len(data):
                    break
                buf += data[i + 1:i + 2] * (257 - n)
                i += 2
            if len(buf) >= OUT_CHUNK:
                out += len(buf)
                yield bytes(buf)
                buf = bytearray()
                if out > cap:
                    raise _Over
        pending = data[i:]
        out += len(buf)
        if buf:
            yield bytes(buf)
        if out > cap:
            raise _Over


def _whole(chunks, decode):
    """ASCII filters: at most the size of their input, decoded in one piece."""
    data = b"".join(chunks)
    yield decode(data)


def _ascii_hex(data: bytes) -> bytes:
    data = re.sub(rb"[\x00\t\n\x0c\r ]", b"", data.split(b">", 1)[0])
    if len(data) % 2:
        data += b"0"
    return binascii.unhexlify(data)


def _ascii85(data: bytes) -> bytes:
    data = re.sub(rb"[\x00\t\n\x0c\r ]", b"", data)
    if data.startswith(b"<~"):
        data = data[2:]
    return base64.a85decode(data.split(b"~>", 1)[0] + b"~>", adobe=True)


def _filters(dict_text: bytes) -> list[str]:
    m = _FILTER.search(dict_text)
    if not m:
        return []
    return [ABBREVIATIONS.get(n.decode("latin-1"), n.decode("latin-1")) for n in _NAME.findall(m.group(1))]


def _int(dict_text: bytes, key: bytes) -> int | None:
    m = _INT[key].search(dict_text)
    return int(m.group(1)) if m else None


def _declared_image_bytes(dict_text: bytes) -> int | None:
    w, h = _int(dict_text, b"Width"), _int(dict_text, b"Height")
    if not w or not h:
        return None
    bpc = _int(dict_text, b"BitsPerComponent") or 8
    cs = _COLOR.search(dict_text)
    comps = _COMPONENTS.get(cs.group(1), 4) if cs else 4  # an indexed / ICC space: at most 4 components
    return (w * comps * bpc + 7) // 8 * h + h  # + one predictor byte per row


def _pipeline(raw_chunks, filters: list[str], cap: int):
    stream = raw_chunks
    for f in filters:
        if f == "FlateDecode":
            stream = _inflate(stream, cap)
        elif f == "LZWDecode":
            stream = _lzw(stream, cap)
        elif f == "RunLengthDecode":
            stream = _runlength(stream, cap)
        elif f == "ASCIIHexDecode":
            stream = _whole(stream, _ascii_hex)
        elif f == "ASCII85Decode":
            stream = _whole(stream, _ascii85)
        else:
            return None
    return stream


def _raw_chunks(buf, start: int, end: int):
    for i in range(start, end, CHUNK):
        yield buf[i:min(i + CHUNK, end)]


def _measure(buf, start: int, end: int, filters: list[str], cap: int) -> int | None:
    """Inflated size of buf[start:end] through the filters; None when it cannot be measured;
    raises _Over past cap."""
    stream = _pipeline(_raw_chunks(buf, start, end), filters, cap)
    if stream is None:
        return None
    n = 0
    try:
        for piece in stream:
            n += len(piece)
            if n > cap:
                raise _Over
    except (zlib.error, ValueError, binascii.Error):
        return None if n == 0 else n
    return n


def scan_streams(path: str | Path, limits: Limits) -> StreamScan:
    """Measure every stream of the file; raises InflateLimit when one, or all, inflate past the limits."""
    with open(path, "rb") as fh:
        try:
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            return StreamScan()
        try:
            return _scan(buf, limits)
        finally:
            buf.close()


def _header(buf, lo: int, hi: int) -> tuple[int, int] | None:
    """(object number, end offset) of the last `N G obj` header in buf[lo:hi]."""
    at = hi
    for _ in range(16):
        at = buf.rfind(b"obj", lo, at)
        if at < 0:
            return None
        m = _OBJ.search(buf[max(lo, at - 24):at + 3])
        if m:
            return int(m.group(1)), at + 3
    return None


def _scan(buf, limits: Limits) -> StreamScan:
    out = StreamScan()
    size = len(buf)
    out.encrypted = _ENCRYPT.search(buf) is not None
    for m in _STREAM.finditer(buf):
        start = m.end()
        obj = _header(buf, max(0, m.start() - LOOKBACK), m.start())
        dict_text = buf[obj[1] if obj else max(0, m.start() - LOOKBACK):m.start() + 2]
        out.streams += 1
        filters = _filters(dict_text)
        if not filters:
            continue  # stored as is: no bigger than the file
        if out.encrypted or any(f in IMAGE_ONLY for f in filters):
            out.unmeasured += 1
            continue
        length = _int(dict_text, b"Length")
        end = buf.find(b"endstream", start)
        end = size if end < 0 else end
        if length is not None and start + length <= size:
            end = min(end, start + length) if end > start + length else end
        image = _IMAGE.search(dict_text) is not None
        declared = _declared_image_bytes(dict_text) if image else None
        cap = limits.stream_bytes
        try:
            n = _measure(buf, start, end, filters, cap)
        except _Over:
            where = f"object {obj[0]}, " if obj else ""
            raise InflateLimit(
                f"decompression bomb: a stream ({where}at byte {m.start():,}) inflates to more than "
                f"{mb(cap)} (limit FISCAL_MAX_STREAM_MB={limits.stream_mb:g})") from None
        if n is None:
            out.unmeasured += 1
            continue
        out.measured += 1
        if n > out.largest:
            out.largest, out.largest_at = n, m.start()
        if image and declared is not None and n <= declared:
            out.images += n
            continue
        out.total += n
        if out.total > limits.inflated_bytes:
            raise InflateLimit(
                f"decompression bomb: its streams inflate to more than {mb(limits.inflated_bytes)} "
                f"(limit FISCAL_MAX_INFLATED_MB={limits.inflated_mb:g}; {out.measured} streams measured, "
                f"the largest {mb(out.largest)})")
    return out
