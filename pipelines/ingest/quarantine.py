"""Rejected files are copied aside (never moved: the inbox stays as the user left it)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff（）()]+")


def safe_name(name: str, limit: int = 120) -> str:
    base = _UNSAFE.sub("_", name.encode("utf-8", "replace").decode("utf-8", "replace")).strip("._") or "file"
    if len(base) > limit:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: limit - len(ext) - 1] + "." + ext) if dot and len(ext) <= 8 else base[:limit]
    return base


def quarantine(src: Path, document_id: str, name: str, root: Path) -> str | None:
    try:
        dest_dir = root / (document_id or "unknown")
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / safe_name(name)
        if not dest.exists():
            shutil.copyfile(src, dest)
        return str(dest)
    except OSError:
        return None
