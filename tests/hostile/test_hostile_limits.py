"""Files that attack the parser's resources: each document is parsed in a child process of its own
under a memory and a time limit (also for one file and --workers 1), decompression bombs are refused
before anything inflates, and a file replaced after it was hashed is never stored under the first
file's identity. Whatever happens, the document is recorded, the batch goes on and the run ends
with finished_at set."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from pipelines.settings import Settings

import hostile_files as hf

FACT_KEYS = "SELECT table_id, account_code, line_item, measure, amount_text, page FROM fact_amount WHERE document_id = ?"


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def finished(wh, run_id: str):
    return wh.q("SELECT finished_at IS NOT NULL, note FROM ingest_run WHERE run_id = ?", [run_id])


def rejected_as(wh, outcome, code: str):
    doc = wh.doc(outcome.document_id)
    assert (doc["status"], doc["reject_code"], doc["reason"]) == ("rejected", code, outcome.reason)
    assert doc["quarantine_path"] and os.path.exists(doc["quarantine_path"])
    return doc


def test_decompression_bomb_is_refused_before_it_inflates(wh, inbox):
    """The issue's bomb: a 1.2 MB file whose page content inflates to 1.2 GB (2.3 GB RSS in pdfium)."""
    bomb = hf.bomb(inbox / "bomb.pdf", inflated_mb=1200)
    assert bomb.stat().st_size < 1_300_000
    t0 = time.monotonic()
    report = wh.ingest(bomb)
    [outcome] = report.outcomes
    assert outcome.outcome == "rejected"
    assert outcome.reason == ("decompression bomb: a stream (object 5, at byte 365) inflates to more than 256 MB "
                              "(limit FISCAL_MAX_STREAM_MB=256)")
    rejected_as(wh, outcome, "decompression_bomb")
    assert time.monotonic() - t0 < 60
    assert finished(wh, report.run_id) == [(True, None)]
    wh.assert_baseline_unchanged()


def test_document_inflation_limit_counts_every_stream(wh, inbox, monkeypatch):
    """Three pages of 40 MiB each: no stream is past the per-stream limit, the document is."""
    monkeypatch.setenv("FISCAL_MAX_INFLATED_MB", "100")
    bomb = hf.bomb(inbox / "three_pages.pdf", inflated_mb=40, pages=3)
    [outcome] = wh.ingest(bomb).outcomes
    assert outcome.outcome == "rejected"
    assert outcome.reason.startswith("decompression bomb: its streams inflate to more than 100 MB "
                                     "(limit FISCAL_MAX_INFLATED_MB=100; 3 streams measured, the largest 40 MB)")
    rejected_as(wh, outcome, "decompression_bomb")


def test_memory_limit_rejects_the_document_and_the_batch_goes_on(wh, inbox, victim, monkeypatch):
    """With the bomb let past the stream limits, pdfium inflates it and reaches the memory limit
    in its child process: the document is rejected naming the limit, the next one loads, and a
    re-run does not parse it again (before: the ingestion died with SIGABRT, nothing recorded)."""
    monkeypatch.setenv("FISCAL_MAX_STREAM_MB", "100000")
    monkeypatch.setenv("FISCAL_MAX_INFLATED_MB", "100000")
    monkeypatch.setenv("FISCAL_PARSE_MEMORY_MB", "600")
    bomb = hf.bomb(inbox / "a_bomb.pdf", inflated_mb=1200)
    good = inbox / "b_good.pdf"
    good.write_bytes(victim.path.read_bytes())
    report = wh.ingest(bomb, good)
    got = {o.file: o for o in report.outcomes}
    assert got["a_bomb.pdf"].outcome == "rejected"
    assert got["a_bomb.pdf"].reason.startswith("memory limit: parsing needed more than 600 MB "
                                               "(limit FISCAL_PARSE_MEMORY_MB=600)")
    rejected_as(wh, got["a_bomb.pdf"], "memory_limit")
    assert got["b_good.pdf"].outcome == "loaded"
    assert sorted(wh.q(FACT_KEYS, [got["b_good.pdf"].document_id])) == hf.expected_keys(victim)
    assert finished(wh, report.run_id) == [(True, None)]
    again = wh.ingest(bomb).outcomes
    assert [(o.outcome, o.reason) for o in again] == [("unchanged", "same bytes already in the warehouse")]
    wh.assert_baseline_unchanged()


@pytest.mark.parametrize("workers", [None, 1])
def test_one_file_that_crashes_the_parser_is_recorded(wh, inbox, victim, monkeypatch, workers):
    """One new file (or --workers 1) used to be parsed in the ingestion's own process: a crash took
    the ingestion down with it, unrecorded, on every re-run."""
    from pipelines import core
    from pipelines.ingest import runner

    real = runner.parse_document

    def parse_or_abort(path, **kw):
        if kw.get("file_name") == "crash.pdf":
            os.abort()  # what a C library does on a failed assertion or an allocation it cannot make
        return real(path, **kw)

    monkeypatch.setattr(runner, "parse_document", parse_or_abort)
    crash = inbox / "crash.pdf"
    crash.write_bytes(victim.path.read_bytes() + b"%crash\n")
    report = core.ingest(Settings.from_env(), [crash], workers=workers, progress=None, lock_wait=0)
    [outcome] = report.outcomes
    assert outcome.outcome == "rejected"
    assert outcome.reason.startswith("parser process crashed: killed by SIGABRT after ")
    rejected_as(wh, outcome, "parser_crash")
    assert finished(wh, report.run_id) == [(True, None)]
    wh.assert_baseline_unchanged()


def test_time_limit_rejects_a_slow_document_and_the_batch_goes_on(wh, inbox, victim, monkeypatch):
    from pipelines import core
    from pipelines.ingest import runner

    real = runner.parse_document

    def slow(path, **kw):
        if kw.get("file_name") == "slow.pdf":
            time.sleep(120)
        return real(path, **kw)

    monkeypatch.setattr(runner, "parse_document", slow)
    monkeypatch.setenv("FISCAL_PARSE_SECONDS", "3")
    slow_pdf, good = inbox / "slow.pdf", inbox / "good.pdf"
    slow_pdf.write_bytes(victim.path.read_bytes() + b"%slow\n")
    good.write_bytes(victim.path.read_bytes())
    t0 = time.monotonic()
    report = core.ingest(Settings.from_env(), [slow_pdf, good], workers=1, progress=None, lock_wait=0)
    assert time.monotonic() - t0 < 60
    got = {o.file: o for o in report.outcomes}
    assert (got["slow.pdf"].outcome, got["slow.pdf"].reason) == (
        "rejected", "time limit: parsing took longer than 3 s (limit FISCAL_PARSE_SECONDS=3)")
    rejected_as(wh, got["slow.pdf"], "time_limit")
    assert got["good.pdf"].outcome == "loaded"
    wh.assert_baseline_unchanged()


def test_a_run_that_stops_on_an_error_still_records_its_end(wh, inbox, victim, monkeypatch):
    from pipelines import core
    from pipelines.ingest import runner

    def broken(*a, **kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(runner, "load_staged", broken)
    with pytest.raises(RuntimeError):
        core.ingest(Settings.from_env(), [victim.path], progress=None, lock_wait=0, publish_snapshot=False)
    from pipelines.warehouse.connection import connect_write
    con = connect_write(Settings.from_env().warehouse)
    try:
        rows = con.execute("SELECT finished_at IS NOT NULL, note FROM ingest_run ORDER BY started_at DESC LIMIT 1").fetchall()
    finally:
        con.close()
    assert rows == [(True, "stopped: RuntimeError: disk on fire")]


def test_a_file_replaced_after_hashing_is_stored_under_its_own_identity(wh, inbox, victim, monkeypatch):
    """The file is swapped for another pack between hashing and parsing: what is stored under the
    first file's sha256 is the first file's facts, and the new file is then a new document."""
    from pipelines import core
    from pipelines.ingest import runner

    first_pdf = inbox / "pack.pdf"
    first_pdf.write_bytes(victim.path.read_bytes())
    other = hf.render(inbox.parent / "other.pdf", hf.spec("shifan_jtysj_2023_final"))
    real = runner.parse_all

    def swap_then_parse(*a, **kw):
        first_pdf.write_bytes(other.path.read_bytes())
        return real(*a, **kw)

    monkeypatch.setattr(runner, "parse_all", swap_then_parse)
    [first] = core.ingest(Settings.from_env(), [first_pdf], progress=None, lock_wait=0).outcomes
    monkeypatch.setattr(runner, "parse_all", real)
    assert (first.outcome, first.document_id) == ("loaded", sha(victim.path))
    assert sorted(wh.q(FACT_KEYS, [first.document_id])) == hf.expected_keys(victim)
    assert wh.doc(first.document_id)["fiscal_year"] == 2024
    # the file now in the inbox is its own document, not "unchanged"
    [second] = core.ingest(Settings.from_env(), [first_pdf], progress=None, lock_wait=0).outcomes
    assert (second.outcome, second.document_id) == ("loaded", sha(other.path))
    assert sorted(wh.q(FACT_KEYS, [second.document_id])) == hf.expected_keys(other)
    wh.assert_baseline_unchanged()


def test_the_dagster_parse_step_refuses_a_file_changed_since_it_was_indexed(tmp_path, victim):
    """Dagster parses files found by an earlier scan: a file whose bytes no longer hash to the
    document id it was indexed under is rejected as changed, never parsed under that id."""
    from pipelines import core
    from pipelines.ingest.discover import Candidate
    from pipelines.warehouse import staging

    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(victim.path.read_bytes())
    doc_id = sha(pdf)
    pdf.write_bytes(victim.path.read_bytes() + b"%edited\n")
    settings = Settings.from_env({}).replace(staging=tmp_path / "staging")
    [(_, got_id, staged)] = core.parse_to_staging(settings, [(Candidate(pdf, "pack.pdf"), doc_id)], 1, None)
    doc = staging.read(Path(staged))
    assert (got_id, doc.status, doc.evidence["reject_code"]) == (doc_id, "rejected", "changed")
    assert doc.reason == (f"file changed after it was hashed: it no longer holds document {doc_id[:12]} "
                          f"(its bytes now hash to {sha(pdf)[:12]}); ingest it again")
    assert doc.facts == []
