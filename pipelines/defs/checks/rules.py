"""Which documents the check_results asset checks, and what their rules gave (reads the warehouse)."""
from __future__ import annotations

from typing import NamedTuple


def to_check(con) -> list[str]:
    """Current documents that have no rule result yet (new ones, or ones loaded while rules were off)."""
    return [r[0] for r in con.execute(
        "SELECT document_id FROM document d WHERE status = 'loaded' AND is_current AND NOT EXISTS "
        "(SELECT 1 FROM check_result c WHERE c.document_id = d.document_id) ORDER BY document_id").fetchall()]


def all_loaded(con) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT document_id FROM document WHERE status = 'loaded' AND is_current ORDER BY document_id").fetchall()]


def check_run_ids(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT check_run_id FROM check_run").fetchall()}


class Outcome(NamedTuple):
    document_id: str
    rule_id: str
    severity: str
    outcome: str
    location: str | None
    diff: object
    page: int | None


def outcomes(con, check_runs: set[str]) -> list[Outcome]:
    """The results of the given check runs, by document and rule."""
    if not check_runs:
        return []
    marks = ", ".join("?" for _ in check_runs)
    return [Outcome(*r) for r in con.execute(
        f"SELECT c.document_id, c.rule_id, coalesce(r.severity, 'source'), c.outcome, c.location, c.diff, c.page "
        f"FROM check_result c LEFT JOIN dim_rule r USING (rule_id) WHERE c.check_run_id IN ({marks}) "
        f"ORDER BY c.document_id, c.rule_id", sorted(check_runs)).fetchall()]
