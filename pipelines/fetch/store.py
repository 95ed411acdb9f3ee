"""New PDFs into the inbox: `<inbox>/<source>/<name>.pdf`, its provenance sidecar written first.

Downloads stream into `<inbox>/.partial/` (names ending in .part, which ingestion never picks up)
and are renamed into place only once complete, sniffed and hashed, so the inbox sensor never sees
half a file. A name already taken by other bytes gets `_<sha256[:8]>` before `.pdf`.
"""
from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from ..ingest.quarantine import safe_name
from ..intake import provenance

PARTIAL = ".partial"
_GENERIC = re.compile(r"^(?:附件\s*\d*|下载|点击下载|点击查看|查看|详见附件|pdf|download)[:：.．、\s]*$", re.I)
_YEAR = re.compile(r"(?:19|20)\d{2}")


def partial_dir(inbox: Path) -> Path:
    return inbox / PARTIAL


def new_partial(inbox: Path) -> Path:
    d = partial_dir(inbox)
    d.mkdir(parents=True, exist_ok=True)
    return d / f"{uuid.uuid4().hex}.part"


def clear_partials(inbox: Path) -> int:
    """Leftovers of an interrupted run (the caller holds the fetch lock: nobody is writing them)."""
    n = 0
    d = partial_dir(inbox)
    if d.is_dir():
        for p in d.glob("*.part"):
            try:
                p.unlink()
                n += 1
            except OSError:
                pass
    return n


def _strip_pdf(name: str) -> str:
    name = name.strip()
    return name[:-4].strip() if name.lower().endswith(".pdf") else name


def _url_name(url: str) -> str:
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in ("filename", "file_name", "name") and value.strip():
            return value
    return unquote(parts.path.rsplit("/", 1)[-1])


def file_name(link_text: str, link_hint: str, article_title: str, url: str) -> str:
    """A name a person can read: the link's title attribute or text when it says what the file is
    (holds a year), else the article title with the link text, else the URL's file name."""
    text, hint, title = _strip_pdf(link_text or ""), _strip_pdf(link_hint or ""), (article_title or "").strip()
    if text and _GENERIC.match(text):
        text = ""
    if hint and _YEAR.search(hint):
        base = hint
    elif text and _YEAR.search(text):
        base = text
    elif title and text:
        base = text if title in text else f"{title}_{text}"
    else:
        base = title or text or _strip_pdf(_url_name(url)) or "attachment"
    return safe_name(base + ".pdf")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def place(tmp: Path, folder: Path, name: str, sha256: str, record: dict) -> Path:
    """Move a complete download into `folder` under `name` (or name_<sha8> when taken by other bytes);
    the sidecar is written first. Returns the file's path. Bytes already there under that name are
    kept (an interrupted earlier run) and the download is dropped."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / name
    if dest.exists():
        same = dest.stat().st_size == tmp.stat().st_size and sha256_of(dest) == sha256
        if not same:
            stem = name[:-4] if name.lower().endswith(".pdf") else name
            dest = folder / safe_name(f"{stem}_{sha256[:8]}.pdf")
    record = {**record, "file": dest.name}
    provenance.write_sidecar(dest, record)
    if dest.exists() and dest.stat().st_size == tmp.stat().st_size and sha256_of(dest) == sha256:
        tmp.unlink()
    else:
        os.replace(tmp, dest)
    return dest
