"""Where a fetched file came from: a sidecar next to it in the inbox, and its row in the warehouse.

The sidecar `<file>.provenance.json` is written before the PDF appears in the inbox, so whoever
ingests the PDF (the CLI, the sensor, the nightly run) finds it. When the warehouse loads the
document it records the sidecar in `document_provenance` in the same transaction
(pipelines/warehouse/load.py), keyed by document_id (the sha256 of the bytes): a sidecar whose
sha256 is not the document's is ignored, never attached to the wrong document.
"""
from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

FORMAT = "fiscal-fetch-provenance/1"
SUFFIX = ".provenance.json"
# Response headers worth keeping (others, e.g. cookies, are not stored)
KEEP_HEADERS = ("content-type", "content-length", "content-disposition", "etag", "last-modified", "date", "server",
                "cache-control", "expires", "age", "content-encoding")


def sidecar_path(pdf: str | Path) -> Path:
    pdf = Path(pdf)
    return pdf.with_name(pdf.name + SUFFIX)


def kept_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in sorted(headers.items(), key=lambda kv: kv[0].lower()) if k.lower() in KEEP_HEADERS}


def write_sidecar(pdf: Path, record: dict) -> Path:
    """Write atomically (temporary name, then rename)."""
    path = sidecar_path(pdf)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"format": FORMAT, **record}, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_sidecar(pdf: str | Path) -> dict | None:
    path = sidecar_path(pdf)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def add_sighting(pdf: Path, url: str) -> None:
    """Another URL held the same bytes: list it in the sidecar (if the file is still there)."""
    data = read_sidecar(pdf)
    if data is None or url == data.get("attachment_url") or url in data.get("also_at", []):
        return
    data["also_at"] = [*data.get("also_at", []), url]
    data.pop("format", None)
    write_sidecar(pdf, data)


def _utc_naive(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


COLUMNS = ("document_id", "source", "region", "publisher", "article_url", "article_title", "attachment_url",
           "final_url", "link_text", "published_date", "published_from", "fetched_at", "http_status", "http_headers",
           "also_at", "replaces", "sidecar_path")


def record(con, document_id: str, pdf_path: str) -> bool:
    """Record the sidecar of `pdf_path` as the provenance of `document_id` (inside the caller's
    transaction). False when there is no sidecar or it describes other bytes."""
    data = read_sidecar(pdf_path)
    if data is None or data.get("sha256") != document_id or not data.get("attachment_url"):
        return False
    row = (document_id, data.get("source") or "", data.get("region"), data.get("publisher"), data.get("article_url"),
           data.get("article_title"), data["attachment_url"], data.get("final_url"), data.get("link_text"),
           data.get("published_date") or None, data.get("published_from"),
           _utc_naive(data.get("fetched_at")) or datetime.now(UTC).replace(tzinfo=None),
           data.get("http_status"), json.dumps(data.get("http_headers") or {}, ensure_ascii=False),
           json.dumps(data.get("also_at") or [], ensure_ascii=False), data.get("replaces"),
           str(sidecar_path(pdf_path)))
    con.execute(f"INSERT OR REPLACE INTO document_provenance ({', '.join(COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(COLUMNS))})", list(row))
    return True
