"""The staged extraction: one file per parsed document, written by the parse stage (a child process,
a Dagster parse step, possibly on another machine) and read by the single writer that loads it.

This module is the format's only reader and writer. A staged file is two lines of JSON:

1. the header: `format` (FORMAT), the parser version and what the Dagster checks and the
   freshness test need (status, reason, reject code, kind, department, year, pages, counts), so
   those never read the document body;
2. the DocumentResult itself (decimals as exact strings).

It is written atomically (temporary file, fsync, rename). A file of another format or another
parser version is not fresh: the document is parsed again.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..narrative import Statement
from ..parse.model import DocumentResult, Fact, Quantity, TableResult
from ..version import PARSER_VERSION

FORMAT = 3  # 1: the DocumentResult as one JSON object (before this module owned the format); 2: no statements


class StagedFormatError(ValueError):
    """A staged file that is not this format (or not readable as it): the message names the file."""


@dataclass(frozen=True)
class StagedHeader:
    """The first line of a staged file."""

    format: int
    parser_version: str
    document_id: str
    status: str
    reason: str
    reject_code: str
    kind: str
    department: str
    fiscal_year: int | None
    pages: int
    tables_identified: int
    facts: int


@dataclass(frozen=True)
class StagedTotals:
    """What the load check compares with the warehouse (exact sum of amount_wan)."""

    status: str
    tables: int
    facts: int
    quantities: int
    sum: Decimal


def stage_path(staging: Path, document_id: str) -> Path:
    return Path(staging) / f"{document_id}.json"


def header_of(doc: DocumentResult) -> StagedHeader:
    return StagedHeader(
        format=FORMAT, parser_version=doc.parser_version, document_id=doc.document_id, status=doc.status,
        reason=doc.reason, reject_code=str(doc.evidence.get("reject_code") or ""), kind=doc.kind,
        department=doc.department, fiscal_year=doc.fiscal_year, pages=doc.n_pages,
        tables_identified=sum(1 for t in doc.tables if t.table_id), facts=len(doc.facts))


def _default(o: object) -> str:
    if isinstance(o, Decimal):
        return str(o)  # exact: Decimal(str(d)) == d
    raise TypeError(f"not JSON serializable in a staged document: {type(o).__name__}")


def write(doc: DocumentResult, staging: Path) -> Path:
    """Stage `doc` as <staging>/<document_id>.json (atomically); returns the path."""
    staging = Path(staging)
    staging.mkdir(parents=True, exist_ok=True)
    out = stage_path(staging, doc.document_id or "unknown")
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(asdict(header_of(doc)), ensure_ascii=False))
        fh.write("\n")
        json.dump(asdict(doc), fh, ensure_ascii=False, default=_default)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out)
    return out


def read_header(path: Path) -> StagedHeader:
    """The header line only (cheap: the body is not read). Raises StagedFormatError for a file of
    another format, OSError when it cannot be read."""
    with open(path, encoding="utf-8") as fh:
        line = fh.readline()
    try:
        d = json.loads(line)
    except ValueError as exc:
        raise StagedFormatError(f"{path}: not a staged document ({exc})") from None
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        got = d.get("format", 1) if isinstance(d, dict) else "?"
        raise StagedFormatError(f"{path}: staged format {got}, this program reads format {FORMAT}")
    values: dict[str, Any] = {f.name: d.get(f.name) for f in fields(StagedHeader)}
    return StagedHeader(**values)


def is_fresh(path: Path, parser_version: str = PARSER_VERSION) -> bool:
    """A staged result of this format and parser version (e.g. from an interrupted run) can be loaded
    as it is; anything else (missing, another format, another parser version, unreadable) cannot."""
    try:
        return read_header(path).parser_version == parser_version
    except (OSError, StagedFormatError):
        return False


def _body(path: Path) -> dict[str, Any]:
    read_header(path)
    with open(path, encoding="utf-8") as fh:
        fh.readline()
        try:
            return json.loads(fh.readline())
        except ValueError as exc:
            raise StagedFormatError(f"{path}: the staged document is cut short or damaged ({exc})") from None


def _box(v: list[float]) -> tuple[float, float, float, float]:
    return (v[0], v[1], v[2], v[3])


def _decimal(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def read(path: Path) -> DocumentResult:
    """The staged DocumentResult, decimals exact."""
    d = _body(path)
    d["tables"] = [TableResult(**t) for t in d["tables"]]
    d["facts"] = [Fact(**{**f, "amount": Decimal(f["amount"]), "amount_wan": Decimal(f["amount_wan"]),
                          "bbox": _box(f["bbox"])}) for f in d["facts"]]
    d["quantities"] = [Quantity(**{**q, "value": Decimal(q["value"]), "bbox": _box(q["bbox"])})
                       for q in d["quantities"]]
    d["statements"] = [Statement(**{**s, "value": _decimal(s["value"]), "base_value": _decimal(s["base_value"])})
                       for s in d["statements"]]
    return DocumentResult(**d)


def totals(path: Path) -> StagedTotals:
    """Counts and the exact sum of amount_wan of the staged document (what its load must reproduce)."""
    d = _body(path)
    return StagedTotals(d["status"], len(d["tables"]), len(d["facts"]), len(d["quantities"]),
                        sum((Decimal(f["amount_wan"]) for f in d["facts"]), Decimal(0)))


def timings(path: Path) -> dict[str, Any]:
    """The parse's own timings and sizes (for the benchmark): pages, table pages, seconds per stage."""
    d = _body(path)
    identified = {p for t in d.get("tables", []) if t.get("table_id")
                  for p in range(t["page_start"], t["page_end"] + 1)}
    return {"path": d["path"], "status": d["status"], "pages": d.get("n_pages") or 0, "facts": len(d["facts"]),
            "identified_pages": len(identified), **(d.get("timings") or {})}
