"""Odd files that are still disclosures: they load, exactly as printed, with what is odd about them
recorded; what was loaded before stays as it was (a revision supersedes, and keeps, its original)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pipelines.generator import CellMutation, RenderOptions

import hostile_files as hf

FACT_KEYS = "SELECT table_id, account_code, line_item, measure, amount_text, page FROM fact_amount WHERE document_id = ?"


def test_owner_password_only_loads_every_figure(wh, inbox, victim):
    result = hf.encrypted(inbox / "owner_only.pdf", "")
    [outcome] = wh.ingest(result.path).outcomes
    assert outcome.outcome == "loaded", outcome.reason
    assert sorted(wh.q(FACT_KEYS, [outcome.document_id])) == hf.expected_keys(result)
    assert "encrypted with an owner password only (content readable)" in wh.doc(outcome.document_id)["issues"]
    wh.assert_baseline_unchanged()


def test_same_bytes_under_two_names_load_once(wh, inbox, victim):
    a, b = inbox / "a_部门决算.pdf", inbox / "b_copy.pdf"
    a.write_bytes(victim.path.read_bytes())
    b.write_bytes(victim.path.read_bytes())
    report = wh.ingest(a, b)
    assert [(o.file, o.outcome, o.reason) for o in report.outcomes] == [
        ("b_copy.pdf", "unchanged", "same bytes as a_部门决算.pdf (in this run)"),
        ("a_部门决算.pdf", "loaded", "")]
    doc_id = report.outcomes[1].document_id
    assert wh.q("SELECT count(*), min(file_name) FROM document WHERE document_id = ?", [doc_id]) == [
        (1, "a_部门决算.pdf")]
    assert wh.q("SELECT count(*) FROM fact_amount WHERE document_id = ?", [doc_id]) == [(len(hf.expected_keys(victim)),)]
    # both names are on record in the run's events
    assert sorted(wh.q("SELECT file_name, outcome FROM ingest_event WHERE run_id = ?", [report.run_id])) == [
        ("a_部门决算.pdf", "loaded"), ("b_copy.pdf", "unchanged")]
    wh.assert_baseline_unchanged()


def test_republished_revision_supersedes_and_keeps_the_original(wh, inbox, victim):
    first = wh.ingest(victim.path).outcomes[0]
    assert first.outcome == "loaded"
    fix = CellMutation("FIN_03", "2080501", "total", "132.45")
    revised = hf.render(inbox / "revised.pdf", mutations=[fix])
    [outcome] = wh.ingest(revised.path).outcomes
    assert outcome.outcome == "revision" and outcome.reason == f"supersedes {first.document_id[:12]}"
    old, new = wh.doc(first.document_id), wh.doc(outcome.document_id)
    assert (old["is_current"], old["superseded_by"], new["is_current"]) == (False, outcome.document_id, True)
    # the current view holds the revised figure only; the original's facts stay as history
    assert wh.q("SELECT document_id, amount_text FROM v_fact WHERE table_id = 'FIN_03' AND account_code = '2080501' "
                "AND measure = 'total' AND document_id IN (?, ?)", [first.document_id, outcome.document_id]) == [
        (outcome.document_id, "132.45")]
    assert sorted(wh.q(FACT_KEYS, [first.document_id])) == hf.expected_keys(victim)
    assert "superseded by " + outcome.document_id[:12] in wh.status()
    wh.assert_baseline_unchanged()


def test_missing_unit_line_is_recorded_as_assumed(wh, inbox, victim, monkeypatch):
    """Loaded with the unit assumed; rule DI08 (parse integrity) fails, so under the strict publication
    policy the read snapshot is held back (readers keep the previous one, status says why) until the
    failure is accepted."""
    from pipelines.cli.main import main

    monkeypatch.setenv("FISCAL_PUBLICATION", "strict")
    result = hf.render(inbox / "no_unit.pdf", options=RenderOptions(omit_unit_line=True))
    report = wh.ingest(result.path)
    [outcome] = report.outcomes
    assert outcome.outcome == "loaded"
    assert outcome.reason == "no unit line: 9 tables assumed 万元"
    assert report.problems == [] and report.held_back
    problem = report.publication.summary
    assert problem.startswith("snapshot not published (readers see the snapshot of ")
    assert f"parse-integrity rules DI08 fail on 1 current document(s): no_unit.pdf ({outcome.document_id[:12]})" \
        in problem
    assert wh.q("SELECT count(*) FROM document WHERE document_id = ?", [outcome.document_id]) == [(0,)]
    assert "snapshot held back since " in wh.status()
    assert main(["check", "--no-docs", "--publish-anyway"]) == 0
    assert wh.q("SELECT DISTINCT unit_printed, unit_source FROM document_table WHERE document_id = ? "
                "AND table_id IS NOT NULL", [outcome.document_id]) == [("万元", "assumed")]
    assert wh.q("SELECT reason FROM ingest_event WHERE document_id = ?", [outcome.document_id]) == [(outcome.reason,)]
    assert sorted(wh.q(FACT_KEYS, [outcome.document_id])) == hf.expected_keys(result)
    assert wh.q("SELECT document_id, rule_id FROM publication_waiver") == [(outcome.document_id, "DI08")]
    assert "snapshot held back" not in wh.status()
    wh.assert_baseline_unchanged()


def test_wrong_unit_line_keeps_what_is_printed_and_flags_the_mix(wh, inbox, victim):
    """FIN_09 says 元 while its figures are 万元: the warehouse stores the printed unit (the figure
    / 10000 in 万元) and the run records that the pack's tables disagree on the unit."""
    result = hf.wrong_unit(inbox / "wrong_unit.pdf")
    [outcome] = wh.ingest(result.path).outcomes
    assert outcome.outcome == "loaded"
    assert outcome.reason == "units differ between tables: 万元 (8 tables), 元 (FIN_09)"
    rows = wh.q("SELECT amount_printed, amount_text, unit_printed FROM fact_amount WHERE document_id = ? "
                "AND table_id = 'FIN_09'", [outcome.document_id])
    assert rows and all(u == "元" and Decimal(t) * 10000 == Decimal(p.replace(",", "")) for p, t, u in rows)
    wh.assert_baseline_unchanged()


def test_garbled_figures_are_not_loaded_and_are_reported(wh, inbox, victim):
    result = hf.garbled(inbox / "garbled.pdf")
    [outcome] = wh.ingest(result.path).outcomes
    assert outcome.outcome == "loaded"
    assert outcome.reason == "3 printed figures unreadable (garbled), not loaded"
    # every readable figure is loaded exactly; no garbled cell became a number
    assert sorted(wh.q(FACT_KEYS, [outcome.document_id])) == hf.expected_keys(result)
    assert wh.q("SELECT count(*) FROM fact_amount WHERE document_id = ? AND table_id = 'FIN_03' AND measure = 'total' "
                "AND account_code IN ('2080501', '2080505', '2080506')", [outcome.document_id]) == [(0,)]
    issues = wh.q("SELECT issues FROM document_table WHERE document_id = ? AND table_id = 'FIN_03'",
                  [outcome.document_id])[0][0]
    for printed in hf.GARBLED.values():
        assert repr(printed) in issues
    wh.assert_baseline_unchanged()


def test_500_page_pack_loads_its_tables(wh, inbox, victim):
    base = victim.page_count
    result = hf.render(inbox / "big.pdf", options=RenderOptions(extra_pages=500 - base))
    assert result.page_count == 500
    [outcome] = wh.ingest(result.path).outcomes
    assert outcome.outcome == "loaded", outcome.reason
    doc = wh.doc(outcome.document_id)
    assert doc["n_pages"] == 500
    assert wh.q("SELECT count(*) FROM document_page WHERE document_id = ?", [outcome.document_id]) == [(500,)]
    assert sorted(wh.q(FACT_KEYS, [outcome.document_id])) == hf.expected_keys(result)
    wh.assert_baseline_unchanged()


def test_hostile_file_names(wh, inbox, victim):
    files = hf.hostile_names(inbox / "names", victim.path.read_bytes())
    bad = hf.html_page(inbox / "names" / "下载\n页面.pdf")
    report = wh.ingest(inbox / "names")
    by_path = {o.path: o for o in report.outcomes}
    assert len(report.outcomes) == len(files) + 1 and not report.problems
    stored = {o.file for o in report.outcomes}
    assert "2024\\xbe\\xf6\\xcb\\xe3.pdf" in stored  # GBK bytes shown, not lost or crashed on
    assert "2024年\nfinal.pdf" in stored and "..\\..\\windows\\path\\pack.pdf" in stored
    assert sorted(o.outcome for o in report.outcomes) == ["copy"] * (len(files) - 1) + ["loaded", "rejected"]
    long = by_path[str(files["path_over_300_chars"])]
    assert len(long.path) > 300 and wh.doc(long.document_id)["source_path"] == long.path
    # the rejected one is quarantined under a safe name inside the quarantine folder
    rej = next(o for o in report.outcomes if o.outcome == "rejected")
    q = wh.doc(rej.document_id)["quarantine_path"]
    assert "\n" not in q and q.startswith(str(wh.root / "quarantine" / rej.document_id))
    assert Path(q).read_bytes() == bad.read_bytes()
    # the status listing prints every name on one line (newlines escaped)
    status = wh.status()
    assert "2024年\\nfinal.pdf" in status and "下载\\n页面.pdf" in status
    wh.assert_baseline_unchanged()
