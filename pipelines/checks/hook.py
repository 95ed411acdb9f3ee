"""Checks after an ingestion: the documents a run loaded are checked in the same writer session."""
from __future__ import annotations

from dataclasses import dataclass

# Load outcomes whose document (new content in the warehouse) needs its rules evaluated.
CHECKED_OUTCOMES = ("loaded", "reloaded", "revision")


@dataclass
class ChecksOutcome:
    """What became of a run's rules; `summary` is stored with the run (ingest_run.checks) and shown
    by `fiscal status` and the dashboard's quality view."""
    status: str  # evaluated | errors | not_evaluated | off | none
    summary: str  # one line for users
    report: object | None = None  # the CheckReport, when the rules ran

    @property
    def problem(self) -> str | None:
        """A line for the run's problems (the CLI prints it and exits 1), None when all rules ran."""
        return self.summary if self.status in ("errors", "not_evaluated") else None


def check_loaded(con, outcomes, trigger: str = "ingest", enabled: bool = True) -> ChecksOutcome:
    """Run the rules on the documents just loaded (and their cross-year / budget partners).

    An ingestion never fails because of the rules: a rule or document whose evaluation errs gets
    outcome `error` (the others are judged), and when the rules cannot run at all the outcome says
    why. enabled=False (FISCAL_CHECKS=0, Settings.checks) turns this off (e.g. bulk loads, checked later with `fiscal check`)."""
    ids = [o.document_id for o in outcomes if o.outcome in CHECKED_OUTCOMES and o.document_id]
    if not ids:
        return ChecksOutcome("none", "")
    if not enabled:
        return ChecksOutcome("off", "rules not evaluated: FISCAL_CHECKS=0 (run `fiscal check`)")
    try:
        from .runner import run_checks
        report = run_checks(con, ids, trigger=trigger, related=True)
    except Exception as exc:  # the load is committed; rules can be re-run with `fiscal check`
        return ChecksOutcome("not_evaluated", f"consistency rules not evaluated: {type(exc).__name__}: {exc}")
    return summarize(report)


def summarize(report) -> ChecksOutcome:
    """One line on a check run: evaluated, or which rules erred on how many documents and why."""
    rows = report.error_rows
    if not rows:
        return ChecksOutcome("evaluated", f"rules evaluated (check run {report.check_run_id})", report)
    rules = sorted({r[1] for r in rows})
    docs = {r[0] for r in rows}
    shown = ", ".join(rules[:5]) + (f" and {len(rules) - 5} more" if len(rules) > 5 else "")
    return ChecksOutcome("errors", f"rule errors: {len(rows)} results with outcome error ({shown}) on {len(docs)} "
                                   f"document(s) (check run {report.check_run_id}): {(rows[0][2] or '')[:300]}",
                         report)
