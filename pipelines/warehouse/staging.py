"""Per-document parse results staged as JSON (atomic write), loaded later by the single writer."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

from ..parse.model import DocumentResult, Fact, Quantity, TableResult


def _default(o):
    if isinstance(o, Decimal):
        return str(o)
    raise TypeError(type(o))


def stage_path(staging: Path, document_id: str) -> Path:
    return staging / f"{document_id}.json"


def write_staged(doc: DocumentResult, staging: Path) -> Path:
    staging.mkdir(parents=True, exist_ok=True)
    d = asdict(doc)
    out = stage_path(staging, doc.document_id or "unknown")
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(d, fh, ensure_ascii=False, default=_default)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out)
    return out


def read_staged(path: Path) -> DocumentResult:
    with open(path, encoding="utf-8") as fh:
        d = json.load(fh)
    d["tables"] = [TableResult(**t) for t in d["tables"]]
    facts = []
    for f in d["facts"]:
        f["amount"] = Decimal(f["amount"])
        f["amount_wan"] = Decimal(f["amount_wan"])
        f["bbox"] = tuple(f["bbox"])
        facts.append(Fact(**f))
    d["facts"] = facts
    qs = []
    for q in d["quantities"]:
        q["value"] = Decimal(q["value"])
        q["bbox"] = tuple(q["bbox"])
        qs.append(Quantity(**q))
    d["quantities"] = qs
    return DocumentResult(**d)
