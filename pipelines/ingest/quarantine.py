"""Rejected files are copied aside (never moved: the inbox stays as the user left it).

The copy lands in <quarantine>/<document_id>/<safe name>: one folder per distinct content, a name
that any file system accepts (no separators or control characters, at most NAME_BYTES bytes in
UTF-8), written to a temporary name and renamed, so a crash never leaves a half-written copy
that later runs would take for a complete one.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff（）()]+")
NAME_BYTES = 200  # well under the usual 255-byte file-name limit, leaving room for a temp suffix


def _cut(text: str, limit: int) -> str:
    """The longest prefix of text whose UTF-8 encoding fits in limit bytes."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def safe_name(name: str, limit: int = NAME_BYTES) -> str:
    base = _UNSAFE.sub("_", name.encode("utf-8", "replace").decode("utf-8", "replace")).strip("._") or "file"
    if len(base.encode("utf-8")) > limit:
        stem, dot, ext = base.rpartition(".")
        if dot and len(ext) <= 8:
            base = _cut(stem, limit - len(ext) - 1) + "." + ext
        else:
            base = _cut(base, limit)
    return base


def quarantine(src: Path, document_id: str, name: str, root: Path) -> str | None:
    """Copy src aside; returns the copy's path, or None when it could not be written."""
    try:
        dest_dir = root / (document_id or "unknown")
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / safe_name(name)
        if not (dest.exists() and dest.stat().st_size == src.stat().st_size):
            tmp = dest_dir / f".{os.getpid()}.partial"
            shutil.copyfile(src, tmp)
            os.replace(tmp, dest)
        return str(dest)
    except OSError:
        return None
