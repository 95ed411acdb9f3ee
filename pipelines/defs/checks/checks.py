"""Asset checks over the rule outcomes of the documents just checked.

Rules of severity `parse` test the extraction itself (a hierarchy that cannot add up unless a row
was misread, a table read twice …): one failure blocks the marts and the dashboard snapshot.
Rules of severity `source` find inconsistencies printed in the source document: they warn.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import dagster as dg

from ..metadata import md_table
from .rules import Outcome

PARSE_INTEGRITY = "parse_integrity"
SOURCE_CONSISTENCY = "source_consistency"
BAD = ("fail", "error")


def specs(asset_key) -> list[dg.AssetCheckSpec]:
    return [
        dg.AssetCheckSpec(PARSE_INTEGRITY, asset=asset_key, blocking=True,
                          description="No rule of severity 'parse' fails or errors on the documents just checked; "
                                      "a failure blocks the marts and the dashboard snapshot."),
        dg.AssetCheckSpec(SOURCE_CONSISTENCY, asset=asset_key,
                          description="Rules of severity 'source' (inconsistencies printed in the PDFs) on the "
                                      "documents just checked; failures warn."),
    ]


def evaluate(rows: Sequence[Outcome], n_documents: int) -> list[dg.AssetCheckResult]:
    """rows: rules.outcomes() of the run."""
    out = []
    for name, severity, level in ((PARSE_INTEGRITY, "parse", dg.AssetCheckSeverity.ERROR),
                                  (SOURCE_CONSISTENCY, "source", dg.AssetCheckSeverity.WARN)):
        mine = [r for r in rows if r.severity == severity]
        bad = [r for r in mine if r.outcome in BAD]
        counts = Counter(r.outcome for r in mine)
        meta: dict[str, Any] = {"documents": n_documents, "results": len(mine),
                                **{f"n_{k}": v for k, v in sorted(counts.items())}}
        if bad:
            meta["failures"] = md_table([(r.document_id[:12], r.rule_id, r.outcome, r.location or "",
                                          r.diff if r.diff is not None else "", r.page or "") for r in bad],
                                         ("document", "rule", "outcome", "location", "diff", "page"))
        out.append(dg.AssetCheckResult(check_name=name, passed=not bad, severity=level, metadata=meta))
    return out
