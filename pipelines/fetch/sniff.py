"""What the bytes are, whatever the URL or the Content-Type header claims.

Portals serve article pages under names ending in .pdf, PDFs as text/html or
application/octet-stream, and error pages with status 200. Only the first bytes decide.
"""
from __future__ import annotations

import re

HEAD_BYTES = 1024
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|script|div|p|table|a)[\s>/]", re.I)


def sniff(head: bytes) -> str:
    """'pdf', 'html' or 'other', from the first bytes of a body."""
    head = head[:HEAD_BYTES]
    if b"%PDF-" in head:
        return "pdf"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<") and _HTML.search(text):
        return "html"
    if _HTML.search(head) and b"<html" in head.lower():
        return "html"
    return "other"


def describe(head: bytes, content_type: str = "") -> str:
    """Words for a body that is neither PDF nor HTML: its Content-Type and first bytes."""
    if not head:
        return "an empty body"
    return f"Content-Type {content_type or 'not given'}, starts with {head[:24]!r}"
