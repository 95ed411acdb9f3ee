"""Files that cannot be ingested: each is rejected with a reason a user can act on, shown by
`fiscal status`, copied byte for byte into quarantine, and leaves the warehouse as it was."""
from __future__ import annotations

import pytest

from pipelines import core
from pipelines.generator import RenderOptions
from pipelines.settings import Settings

import hostile_files as hf

CASES = {
    # name: (builder(inbox, victim) -> path, reject_code, reason start)
    "zero_bytes": (lambda d, v: hf.zero_bytes(d / "empty.pdf"), "empty", "empty file (0 bytes)"),
    "truncated": (lambda d, v: hf.truncated(v.path, d / "truncated.pdf"), "corrupt", "corrupt or truncated PDF"),
    "html_saved_as_pdf": (lambda d, v: hf.html_page(d / "download.pdf"), "not_pdf",
                          "not a PDF: the file is an HTML page"),
    "user_password": (lambda d, v: hf.encrypted(d / "locked.pdf", "open-sesame").path, "encrypted",
                      "encrypted PDF: a user password is required"),
    "scanned": (lambda d, v: hf.scanned(v.path, d / "scanned.pdf"), "scanned",
                "scanned/image-only PDF: no page has a text layer"),
    "blank_template": (lambda d, v: hf.render(d / "template.pdf", options=RenderOptions(blank_template=True)).path,
                       "template", "blank template:"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rejected_with_reason_quarantined_and_nothing_else_changed(case, wh, inbox, victim):
    build, code, reason = CASES[case]
    path = build(inbox, victim)
    report = wh.ingest(path)

    [outcome] = report.outcomes
    assert outcome.outcome == "rejected"
    assert outcome.reason.startswith(reason), outcome.reason
    doc = wh.doc(outcome.document_id)
    assert (doc["status"], doc["reject_code"], doc["reason"]) == ("rejected", code, outcome.reason)
    assert doc["is_current"] is False and doc["n_facts"] == 0
    assert wh.q("SELECT count(*) FROM fact_amount WHERE document_id = ?", [outcome.document_id]) == [(0,)]
    # the quarantined copy is the very file that arrived; the inbox keeps its file
    assert doc["quarantine_path"], "no quarantined copy"
    with open(doc["quarantine_path"], "rb") as q, open(path, "rb") as src:
        assert q.read() == src.read()
    assert path.exists()
    # users see it: the file, its status and the start of the reason
    status = wh.status()
    line = next(ln for ln in status.splitlines() if ln.startswith(path.name))
    assert "rejected" in line and reason[:25] in line, line
    wh.assert_baseline_unchanged()
    # the run is recorded with its event
    assert wh.q("SELECT outcome, reason FROM ingest_event WHERE run_id = ?", [report.run_id]) == [
        ("rejected", outcome.reason)]


def test_rejected_file_is_not_retried_but_a_fixed_file_loads(wh, inbox, victim):
    """Same bytes again: unchanged (the reason stays on record). Fixed bytes: a new document."""
    bad = hf.truncated(victim.path, inbox / "pack.pdf")
    first = wh.ingest(bad).outcomes[0]
    again = wh.ingest(bad).outcomes[0]
    assert (first.outcome, again.outcome) == ("rejected", "unchanged")
    bad.write_bytes(victim.path.read_bytes())
    fixed = wh.ingest(bad).outcomes[0]
    assert fixed.outcome == "loaded" and fixed.document_id != first.document_id
    assert wh.doc(first.document_id)["status"] == "rejected"
    wh.assert_baseline_unchanged()


def test_corrupt_xref_is_repaired_and_every_figure_read(wh, inbox, victim):
    """pdfium rebuilds a broken cross-reference table; what loads is exactly what the pack prints."""
    path = hf.corrupt_xref(victim.path, inbox / "broken_xref.pdf")
    assert path.read_bytes() != victim.path.read_bytes()
    [outcome] = wh.ingest(path).outcomes
    assert outcome.outcome == "loaded", outcome.reason
    got = sorted(wh.q("SELECT table_id, account_code, line_item, measure, amount_text, page FROM fact_amount "
                      "WHERE document_id = ?", [outcome.document_id]))
    assert got == hf.expected_keys(victim)
    wh.assert_baseline_unchanged()


def test_a_file_that_kills_its_parse_worker_is_rejected_alone(wh, inbox, victim, monkeypatch):
    """A PDF that crashes the parser process (a segfault in a C library, the OOM killer): that file
    is rejected with the reason, every other file of the batch still loads."""
    import os
    import signal

    from pipelines.ingest import runner

    real = runner.parse_document

    def parse_or_die(path, **kw):
        if kw.get("file_name") == "poison.pdf":  # the parser reads the private copy, named by its hash
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, **kw)

    monkeypatch.setattr(runner, "parse_document", parse_or_die)  # forked workers inherit it
    poison = inbox / "poison.pdf"
    poison.write_bytes(victim.path.read_bytes() + b"%poison\n")
    others = [hf.render(inbox / f"{p}.pdf", hf.spec(p)).path
              for p in ("shifan_jtysj_2023_final", "shifan_jkzx_2024_final")]
    report = core.ingest(Settings.from_env(), [poison, *others], workers=2, progress=None, lock_wait=0)
    got = {o.file: (o.outcome, o.reason) for o in report.outcomes}
    assert got["poison.pdf"][0] == "rejected"
    assert got["poison.pdf"][1].startswith("parser process crashed: killed by SIGKILL after ")
    assert [got[p.name][0] for p in others] == ["loaded", "loaded"]
    doc = next(o for o in report.outcomes if o.file == "poison.pdf")
    assert wh.doc(doc.document_id)["reject_code"] == "parser_crash"
    wh.assert_baseline_unchanged()
