"""pipelines/fetch/sniff.py: the bytes decide, not the name or the Content-Type."""
from __future__ import annotations

import pytest

from pipelines.fetch.sniff import describe, sniff


@pytest.mark.parametrize("head, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
    (b"\r\n\r\n%PDF-1.4", "pdf"),  # junk before the header: pdfium reads it too
    (b"\xef\xbb\xbf<!DOCTYPE html><html lang='zh'>", "html"),
    (b"  \n<html>\n<head><meta charset='gb2312'>", "html"),
    (b"<!-- saved -->\n<html><body>", "html"),
    (b"<?xml version='1.0'?><note/>", "other"),
    (b"PK\x03\x04\x14\x00", "other"),  # a zip / docx / xlsx
    (b"", "other"),
])
def test_sniff(head, what):
    assert sniff(head) == what


def test_describe():
    assert describe(b"PK\x03\x04rest", "application/zip") == r"Content-Type application/zip, starts with b'PK\x03\x04rest'"
    assert describe(b"") == "an empty body"
