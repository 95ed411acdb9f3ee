"""Checks on the extraction of each document of a run."""
from typing import Any

import dagster as dg

from ...warehouse.staging import stage_path
from ..ingest.partitions import run_document_ids
from ..ingest.resources import FiscalResource
from ..metadata import md_table
from .assets import KEY as EXTRACTED
from .ops import staged_summary

PARSED_KINDS = ("final", "budget")


@dg.asset_check(asset=EXTRACTED, blocking=False,
                description="The parser finished on every document of the run (a crash is a parser bug, "
                            "recorded as a rejection with reject_code parser_error).")
def parser_completed(context: dg.AssetCheckExecutionContext, fiscal: FiscalResource) -> dg.AssetCheckResult:
    bad = []
    ids = run_document_ids(context)
    for doc_id in ids:
        sp = stage_path(fiscal.staging_dir, doc_id)
        s = staged_summary(sp) if sp.exists() else {"reject_code": "not_staged", "reason": f"no {sp}"}
        if s["reject_code"] in ("parser_error", "not_staged"):
            bad.append((doc_id[:12], s["reject_code"], s["reason"][:160]))
    meta: dict[str, Any] = {"documents": len(ids), "parser_errors": len(bad)}
    if bad:
        meta["failures"] = md_table(bad, ("document", "code", "reason"))
    return dg.AssetCheckResult(passed=not bad, metadata=meta)


@dg.asset_check(asset=EXTRACTED, blocking=False,
                description="Every 决算/预算 pack that was accepted yields at least one catalogue table and one fact "
                            "(a pack with none was probably read wrong).")
def tables_found(context: dg.AssetCheckExecutionContext, fiscal: FiscalResource) -> dg.AssetCheckResult:
    weak, n = [], 0
    for doc_id in run_document_ids(context):
        sp = stage_path(fiscal.staging_dir, doc_id)
        if not sp.exists():
            continue
        s = staged_summary(sp)
        if s["status"] != "loaded" or s["kind"] not in PARSED_KINDS:
            continue
        n += 1
        if s["tables_identified"] == 0 or s["facts"] == 0:
            weak.append((doc_id[:12], s["kind"], s["department"], s["tables_identified"], s["facts"]))
    meta: dict[str, Any] = {"packs": n, "without_tables_or_facts": len(weak)}
    if weak:
        meta["packs_without_tables"] = md_table(weak, ("document", "kind", "department", "tables", "facts"))
    return dg.AssetCheckResult(passed=not weak, severity=dg.AssetCheckSeverity.WARN, metadata=meta)
