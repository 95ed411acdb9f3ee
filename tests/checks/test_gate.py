"""The publication gate: one decision, from the warehouse's rows alone, for `fiscal ingest`,
`fiscal check` and Dagster's dashboard_snapshot (tests/defs/test_publication_gate.py)."""
from __future__ import annotations

from pipelines.checks import gate, run_checks


def unread(mini, name: str, table_id: str = "FIN_03", **kw) -> str:
    """A document whose table was found, is not printed empty, and yielded no figure: rule DI06
    (severity parse) fails on it."""
    doc = mini.document(name, [("FIN_01", "income_total", "final", "1234.50")], tables={table_id: False}, **kw)
    mini.con.execute("UPDATE document_table SET n_facts = 0 WHERE document_id = ? AND table_id = ?", [doc, table_id])
    return doc


def test_the_default_policy_publishes_and_flags(mini, tmp_path, monkeypatch):
    monkeypatch.delenv("FISCAL_PUBLICATION", raising=False)
    bad = unread(mini, "bad.pdf")
    run_checks(mini.con, [bad], rules=["DI06"], trigger="test")
    g = gate.evaluate(mini.con)
    assert g.open and [b[1] for b in g.blocking] == ["bad.pdf"]
    pub = gate.publish_if_open(mini.con, tmp_path / "mini.duckdb")
    assert pub.published and (tmp_path / "mini.read.duckdb").exists()
    assert [b[:3] for b in pub.blocking] == [[bad, "bad.pdf", "DI06"]]
    monkeypatch.setenv("FISCAL_PUBLICATION", "lenient")
    import pytest

    from pipelines.settings import SettingError, Settings
    with pytest.raises(SettingError, match="FISCAL_PUBLICATION='lenient': choose one of flag, strict"):
        Settings.from_env()


def test_a_parse_integrity_failure_closes_the_gate_and_a_waiver_opens_it(mini, monkeypatch):
    monkeypatch.setenv("FISCAL_PUBLICATION", "strict")
    good = mini.document("good.pdf", [("FIN_01", "income_total", "final", "1234.50")])
    # FIN_03 found and not printed empty but no figure read: DI06 (severity parse) fails
    bad = unread(mini, "bad.pdf", department_key=2)
    run_checks(mini.con, [good, bad], rules=["DI06", "DI09"], trigger="test")
    g = gate.evaluate(mini.con, "strict")
    assert not g.open
    assert [(b[0], b[1], b[2], b[3]) for b in g.blocking] == [(bad, "bad.pdf", "DI06", "fail")]
    assert g.reason == f"parse-integrity rules DI06 fail on 1 current document(s): bad.pdf ({bad[:12]})"
    assert gate.waive(mini.con, g.blocking) == 1
    assert gate.evaluate(mini.con, "strict").open
    # a new failure closes it again
    worse = unread(mini, "worse.pdf", "FIN_05", department_key=3)
    run_checks(mini.con, [worse], rules=["DI06"], trigger="test")
    assert [b[1] for b in gate.evaluate(mini.con, "strict").blocking] == ["worse.pdf"]


def test_source_failures_and_superseded_documents_do_not_hold_it_back(mini):
    old = unread(mini, "old.pdf", is_current=False)
    run_checks(mini.con, [old], rules=["DI06"], trigger="test")
    assert gate.evaluate(mini.con).open  # a superseded document is not what readers see as current


def test_publish_if_open_records_the_decision(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("FISCAL_PUBLICATION", "strict")
    path = tmp_path / "mini.duckdb"
    bad = unread(mini, "bad.pdf")
    run_checks(mini.con, [bad], rules=["DI06"], trigger="test")
    held = gate.publish_if_open(mini.con, path, "strict")
    assert not held.published and not (tmp_path / "mini.read.duckdb").exists()
    assert gate.read_state(path) == held
    assert held.summary.startswith("snapshot not published: parse-integrity rules DI06 fail on 1 current document(s)")
    done = gate.publish_if_open(mini.con, path, "strict", waive_blocking=True)
    assert done.published and (tmp_path / "mini.read.duckdb").exists()
    assert [b[2] for b in done.blocking] == ["DI06"]
    assert gate.read_state(path).published
