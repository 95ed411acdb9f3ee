"""Checks after an ingestion: the documents a run loaded are checked in the same writer session."""
from __future__ import annotations

import os

# Load outcomes whose document (new content in the warehouse) needs its rules evaluated.
CHECKED_OUTCOMES = ("loaded", "reloaded", "revision")


def check_loaded(con, outcomes, trigger: str = "ingest") -> str | None:
    """Run the rules on the documents just loaded (and their cross-year / budget partners).

    Returns a problem note for the run report when the rules could not run; an ingestion never
    fails because of the rules. FISCAL_CHECKS=0 turns this off (e.g. bulk loads, checked later
    with `fiscal check`)."""
    if os.environ.get("FISCAL_CHECKS", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    ids = [o.document_id for o in outcomes if o.outcome in CHECKED_OUTCOMES and o.document_id]
    if not ids:
        return None
    try:
        from .runner import run_checks
        run_checks(con, ids, trigger=trigger, related=True)
    except Exception as exc:  # the load is committed; rules can be re-run with `fiscal check`
        return f"consistency rules not evaluated: {type(exc).__name__}: {exc}"
    return None  # a rule whose SQL fails is stored as outcome `error` (fiscal check lists them)
