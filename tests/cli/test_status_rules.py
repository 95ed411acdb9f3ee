"""`fiscal status` says what became of each run's rules: evaluated, turned off, not evaluated (and
why), or evaluated with errors; documents whose rules never ran or erred are listed (before: a run
whose rules could not run showed "rules failing 0" for every document)."""
from __future__ import annotations

import contextlib
import io

import pytest

from pipelines.generator import SPEC_DIR, load_spec, render_pack
from pipelines.settings import Settings


def status() -> str:
    from pipelines.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["status"]) == 0
    return out.getvalue()


@pytest.fixture()
def pack(tmp_path):
    return render_pack(load_spec(SPEC_DIR / "shifan_jtysj_2023_final.yaml"), tmp_path / "in" / "pack.pdf").path


def test_rules_turned_off_are_said_per_run_and_per_document(warehouse, pack, monkeypatch):
    from pipelines.core import ingest

    monkeypatch.setenv("FISCAL_CHECKS", "0")
    report = ingest(Settings.from_env(), [pack], progress=None, lock_wait=0)
    assert report.problems == [] and report.checks.summary == "rules not evaluated: FISCAL_CHECKS=0 (run `fiscal check`)"
    text = status()
    run_line = next(ln for ln in text.splitlines() if ln.startswith(report.run_id))
    assert "yes" in run_line and "rules not evaluated: FISCAL_CHECKS=0" in run_line
    doc_line = next(ln for ln in text.splitlines() if ln.startswith("pack.pdf"))
    assert "not run" in doc_line


def test_rules_that_cannot_run_are_a_problem_of_the_run_and_shown(warehouse, pack, monkeypatch):
    from pipelines.checks import runner as checks_runner
    from pipelines.core import ingest

    def broken(*a, **kw):
        raise RuntimeError("catalogue unreadable")

    monkeypatch.setattr(checks_runner, "run_checks", broken)
    report = ingest(Settings.from_env(), [pack], progress=None, lock_wait=0)
    assert report.problems == ["consistency rules not evaluated: RuntimeError: catalogue unreadable"]
    text = status()
    run_line = next(ln for ln in text.splitlines() if ln.startswith(report.run_id))
    assert "consistency rules not evaluate" in run_line
    assert f"rules of run {report.run_id}: consistency rules not evaluated: RuntimeError: catalogue unreadable" in text
    assert "not run" in next(ln for ln in text.splitlines() if ln.startswith("pack.pdf"))


def test_rule_errors_are_counted_per_document(warehouse, pack, monkeypatch):
    from pipelines.core import ingest

    report = ingest(Settings.from_env(), [pack], progress=None, lock_wait=0)
    assert report.checks.status == "evaluated" and report.problems == []
    import duckdb

    from pipelines.checks.gate import publish_if_open
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE check_result SET outcome = 'error', detail = 'x' WHERE rule_id IN ('NR01', 'NR02')")
    n = con.execute("SELECT count(*) FROM check_result WHERE outcome = 'error'").fetchone()[0]
    publish_if_open(con, warehouse)
    con.close()
    assert n > 0
    doc_line = next(ln for ln in status().splitlines() if ln.startswith("pack.pdf"))
    assert doc_line.split()[-1] == str(n)
