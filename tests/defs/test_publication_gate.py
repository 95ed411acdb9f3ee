"""Dagster's dashboard_snapshot and `fiscal ingest` take the same decision from the same rows (before:
the CLI published regardless, Dagster did not). Under the strict policy both hold the snapshot back
while a current document fails a parse-integrity rule and both publish once it is accepted; under
the default policy (flag) both publish and name the failing document."""
from __future__ import annotations

import sys
from pathlib import Path

import dagster as dg

from pipelines.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))
from checks_mini import MiniWarehouse  # noqa: E402


def empty_snapshot(snapshot: Path) -> bool:
    import duckdb

    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM document").fetchone()[0] == 0
    finally:
        con.close()


def _materialize_snapshot(fiscal):
    from pipelines.defs.reports.assets import dashboard_snapshot

    return dg.materialize([dashboard_snapshot], resources={"fiscal": fiscal}, raise_on_error=False)


def _failing_warehouse(warehouse: Path) -> str:
    from pipelines.checks import run_checks

    warehouse.parent.mkdir(parents=True)
    mini = MiniWarehouse(warehouse)
    # FIN_03 found, not printed empty, no figure read: DI06 (severity parse) fails
    bad = mini.document("bad.pdf", [("FIN_01", "income_total", "final", "1234.50")], tables={"FIN_03": False})
    mini.con.execute("UPDATE document_table SET n_facts = 0 WHERE table_id = 'FIN_03'")
    run_checks(mini.con, [bad], rules=["DI06"], trigger="test")
    mini.con.close()
    return bad


def test_by_default_both_publish_and_name_the_failing_document(fiscal, warehouse, inbox, monkeypatch):
    from pipelines.checks import gate
    from pipelines.core import ingest

    monkeypatch.delenv("FISCAL_PUBLICATION", raising=False)
    bad = _failing_warehouse(warehouse)
    snapshot = warehouse.with_name("warehouse.read.duckdb")
    assert _materialize_snapshot(fiscal).success and not empty_snapshot(snapshot)
    snapshot.unlink()
    report = ingest(Settings.from_env(), [inbox], progress=None, lock_wait=0)
    assert report.publication.published and not report.held_back and not empty_snapshot(snapshot)
    state = gate.read_state(warehouse)
    assert state.published and [b[:3] for b in state.blocking] == [[bad, "bad.pdf", "DI06"]]
    assert "1 document(s) flagged by parse-integrity rules: bad.pdf" in state.summary


def test_cli_and_dagster_share_the_publication_gate(fiscal_with, warehouse, inbox, monkeypatch):
    from pipelines.checks import gate
    from pipelines.core import ingest

    monkeypatch.setenv("FISCAL_PUBLICATION", "strict")  # the CLI's settings
    fiscal = fiscal_with(publication="strict")  # the Dagster resource's
    bad = _failing_warehouse(warehouse)
    snapshot = warehouse.with_name("warehouse.read.duckdb")

    result = _materialize_snapshot(fiscal)
    assert not result.success and not snapshot.exists()
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    dagster_says = failure.event_specific_data.error.message
    report = ingest(Settings.from_env(), [inbox], progress=None, lock_wait=0)  # nothing to ingest: only the publication decision
    assert empty_snapshot(snapshot)  # readers get a snapshot with no data, never the writer's file
    assert report.held_back and report.problems == []
    assert report.publication.summary in dagster_says
    assert gate.read_state(warehouse).reason == (f"parse-integrity rules DI06 fail on 1 current document(s): bad.pdf "
                                                 f"({bad[:12]})")

    import duckdb
    con = duckdb.connect(str(warehouse))
    gate.waive(con, gate.evaluate(con).blocking)
    con.close()
    assert _materialize_snapshot(fiscal).success and not empty_snapshot(snapshot)
    snapshot.unlink()
    assert ingest(Settings.from_env(), [inbox], progress=None, lock_wait=0).publication.published and not empty_snapshot(snapshot)
