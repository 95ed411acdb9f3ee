"""The load check: what the warehouse holds for each document equals its staged extraction.

Counts and the exact Decimal sum of amount_wan are compared per document, so a fact dropped,
duplicated or altered on the way into DuckDB fails the check. It blocks the downstream assets
(check results, marts, dashboard snapshot): a broken load never reaches the analysts.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import dagster as dg

from ...warehouse import staging
from ...warehouse.connection import one_row, scalar
from ..metadata import md_table

LOAD_MATCHES = "load_matches_extraction"


def spec(asset_key) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(LOAD_MATCHES, asset=asset_key, blocking=True,
                             description="For every document of the run, the warehouse's document status, tables, "
                                         "facts and exact sum of amount_wan equal the staged extraction.")


def staged_totals(path: Path) -> dict:
    t = staging.totals(path)
    return {"status": t.status, "tables": t.tables, "facts": t.facts, "quantities": t.quantities, "sum": t.sum}


def warehouse_totals(con, doc_id: str) -> dict | None:
    row = con.execute("SELECT status FROM document WHERE document_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    n_tables = scalar(con, "SELECT count(*) FROM document_table WHERE document_id = ?", [doc_id])
    n_facts, total = one_row(con, "SELECT count(*), sum(amount_wan) FROM fact_amount WHERE document_id = ?",
                             [doc_id])
    n_q = scalar(con, "SELECT count(*) FROM fact_quantity WHERE document_id = ?", [doc_id])
    return {"status": row[0], "tables": n_tables, "facts": n_facts, "quantities": n_q,
            "sum": Decimal(total) if total is not None else Decimal(0)}


def evaluate(con, staged: dict[str, Path]) -> dg.AssetCheckResult:
    """staged: document_id -> staged JSON of the documents loaded by this run."""
    bad = []
    for doc_id, path in staged.items():
        want = staged_totals(path)
        got = warehouse_totals(con, doc_id)
        if got is None:
            bad.append((doc_id[:12], "document row missing", "", ""))
            continue
        if want["status"] != "loaded":  # a rejection is recorded without facts
            want.update(tables=0, facts=0, quantities=0, sum=Decimal(0))
        for k in ("status", "tables", "facts", "quantities", "sum"):
            if want[k] != got[k]:
                bad.append((doc_id[:12], k, want[k], got[k]))
    meta: dict[str, Any] = {"documents": len(staged), "mismatches": len(bad)}
    if bad:
        meta["mismatch_detail"] = md_table(bad, ("document", "what", "staged", "warehouse"))
    return dg.AssetCheckResult(check_name=LOAD_MATCHES, passed=not bad, metadata=meta)
