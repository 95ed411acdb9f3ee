"""Files that are not what they seem, flagged instead of silently loaded: a garbled text layer and
a Lorem-ipsum PDF are rejected (nothing readable), a pack concatenated with itself loads once with
a note (never every fact twice), a pack whose pages were all turned by /Rotate is read along its
text, and things named *.pdf that are not files are reported by name."""
from __future__ import annotations

import subprocess
import sys

import pypdfium2 as pdfium

import hostile_files as hf

FACT_KEYS = "SELECT table_id, account_code, line_item, measure, amount_text, page FROM fact_amount WHERE document_id = ?"


def test_garbled_text_layer_is_rejected_with_its_share(wh, inbox, victim):
    path = hf.garbled_text_layer(victim.path, inbox / "garbled_fonts.pdf")
    [outcome] = wh.ingest(path).outcomes
    assert outcome.outcome == "rejected"
    assert outcome.reason == ("unreadable text layer: 56% of its characters are not text (fonts without a ToUnicode "
                              "map?); nothing could be read (OCR is not supported)")
    doc = wh.doc(outcome.document_id)
    assert (doc["reject_code"], doc["n_facts"]) == ("garbled_text", 0)
    assert '"garbled_share": 0.5583' in doc["evidence"]
    assert outcome.reason[:25] in wh.status()
    wh.assert_baseline_unchanged()


def test_lorem_ipsum_is_not_a_disclosure(wh, inbox):
    path = hf.lorem_ipsum(inbox / "report.pdf")
    [outcome] = wh.ingest(path).outcomes
    assert (outcome.outcome, outcome.reason) == (
        "rejected", "not a Chinese fiscal disclosure: placeholder text ('lorem ipsum'), no disclosure table found")
    assert wh.doc(outcome.document_id)["reject_code"] == "not_disclosure"
    wh.assert_baseline_unchanged()


def test_pack_concatenated_twice_loads_each_figure_once_with_a_note(wh, inbox, victim):
    path = hf.concatenated_twice(victim.path, inbox / "twice.pdf")
    [outcome] = wh.ingest(path).outcomes
    assert outcome.outcome == "loaded"
    assert outcome.reason == ("9 tables printed twice with the same figures (FIN_01, FIN_02, FIN_03, FIN_04 and 5 more, "
                              "pages 24-36): loaded once, 240 repeated figures not loaded")
    assert sorted(wh.q(FACT_KEYS, [outcome.document_id])) == hf.expected_keys(victim)
    tables = wh.q("SELECT table_seq, table_id, page_start, n_facts, issues FROM document_table WHERE document_id = ? "
                  "ORDER BY table_seq", [outcome.document_id])
    assert [t[1] for t in tables] == [t[1] for t in tables[:9]] * 2
    assert [t[3] for t in tables[:9]] == [12, 48, 47, 22, 41, 38, 12, 20, 0]  # FIN_08 is printed empty
    assert all(t[3] == 0 and "repeat of table" in t[4] for t in tables[9:])
    assert not any("repeat of table" in t[4] for t in tables[:9])
    assert outcome.reason[:30] in wh.status()
    wh.assert_baseline_unchanged()


def test_pack_with_every_page_turned_is_read_along_its_text(wh, inbox, victim):
    """/Rotate 90 on every (upright) page: read as printed, every figure, with its cell box on the
    page as a viewer shows it (turned)."""
    from pipelines.pdf.orientation import remap

    path = hf.rotated(victim.path, inbox / "turned.pdf")
    [outcome] = wh.ingest(path).outcomes
    assert outcome.outcome == "loaded"
    assert outcome.reason == f"{victim.page_count} pages turned by /Rotate 90 against their text: read along the text"
    assert sorted(wh.q(FACT_KEYS, [outcome.document_id])) == hf.expected_keys(victim)
    [plain] = wh.ingest(victim.path).outcomes
    boxes = ("SELECT table_id, account_code, line_item, measure, page, x0, top, x1, bottom FROM fact_amount "
             "WHERE document_id = ?")
    upright = {r[:5]: r[5:] for r in wh.q(boxes, [plain.document_id])}
    turned = {r[:5]: r[5:] for r in wh.q(boxes, [outcome.document_id])}
    assert turned.keys() == upright.keys()
    pdf = pdfium.PdfDocument(str(victim.path))
    sizes = {i + 1: (pdf[i].get_width(), pdf[i].get_height()) for i in range(len(pdf))}  # portrait and landscape
    pdf.close()
    for k, box in upright.items():
        want = remap(box, 0, 90, *sizes[k[4]])
        assert max(abs(a - b) for a, b in zip(turned[k], want)) < 0.01, (k, turned[k], want)
    wh.assert_baseline_unchanged()


def test_fifos_device_links_and_link_loops_are_reported(wh, inbox, victim):
    odd = hf.special_files(inbox)
    good = inbox / "good.pdf"
    good.write_bytes(victim.path.read_bytes())
    # in a child process with a timeout: reading the FIFO or /dev/zero would never end
    code = ("import sys, json; from pipelines.core import ingest; from pipelines.settings import Settings; "
            "r = ingest(Settings.from_env(), [sys.argv[1]], progress=None, "
            "lock_wait=0); print(json.dumps({'problems': r.problems, 'outcomes': [(o.file, o.outcome) for o in "
            "r.outcomes]}))")
    proc = subprocess.run([sys.executable, "-c", code, str(inbox)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    import json
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["outcomes"] == [["good.pdf", "loaded"]]
    assert sorted(got["problems"]) == sorted([
        f"{odd['broken']}: a broken symbolic link (to {inbox / 'no_such_target.pdf'}), not a regular file (skipped)",
        f"{odd['loop']}: a symbolic link loop, not a regular file (skipped)",
        f"{odd['fifo']}: a FIFO (named pipe), not a regular file (skipped)",
        f"{odd['dev_zero']}: a link to /dev/zero, a character device, not a regular file (skipped)"])


def test_a_file_turned_into_a_fifo_after_discovery_is_refused_not_read(tmp_path):
    """Between discovery and reading a file can be replaced; opening never blocks on what is there."""
    import os

    from pipelines.ingest import private_copy
    from pipelines.intake.limits import Limits

    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    try:
        private_copy.take(fifo, tmp_path / "staging", Limits())
        raise AssertionError("a FIFO was read")
    except private_copy.NotCopied as exc:
        assert (exc.reason, exc.code) == ("not a regular file: a FIFO (named pipe)", "not_regular")
    zero = tmp_path / "z.pdf"
    zero.symlink_to("/dev/zero")
    try:
        private_copy.take(zero, tmp_path / "staging", Limits())
        raise AssertionError("/dev/zero was read")
    except private_copy.NotCopied as exc:
        assert exc.reason == "not a regular file: a character device"
