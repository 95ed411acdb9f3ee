"""pipelines/defs/ingest/inbox.py: incremental hashing, settle time, locating documents."""
from __future__ import annotations

import hashlib
import os
import time

from pipelines.defs.ingest import inbox


def write(path, data: bytes, age: float = 120.0):
    path.write_bytes(data)
    t = time.time() - age
    os.utime(path, (t, t))
    return hashlib.sha256(data).hexdigest()


def test_scan_hashes_only_new_or_changed_files(tmp_path):
    a = write(tmp_path / "a.pdf", b"%PDF-1.4 a")
    (tmp_path / "sub").mkdir()
    b = write(tmp_path / "sub" / "b.PDF", b"%PDF-1.4 b")
    write(tmp_path / "notes.txt", b"not a pdf")
    first = inbox.scan(tmp_path, {})
    assert first.hashed == 2 and first.problems == []
    assert sorted(s.document_id for s in first.state.values()) == sorted([a, b])
    again = inbox.scan(tmp_path, inbox.decode(inbox.encode(first.state)))
    assert again.hashed == 0 and again.state == first.state
    c = write(tmp_path / "a.pdf", b"%PDF-1.4 a, revised", age=60)
    third = inbox.scan(tmp_path, again.state)
    assert third.hashed == 1
    assert third.state[str(tmp_path / "a.pdf")].document_id == c


def test_files_still_being_written_wait_for_the_next_scan(tmp_path):
    write(tmp_path / "old.pdf", b"%PDF old")
    (tmp_path / "new.pdf").write_bytes(b"%PDF being uploaded")
    s = inbox.scan(tmp_path, {}, settle=60)
    assert [os.path.basename(p) for p in s.state] == ["old.pdf"] and s.unsettled == 1


def test_new_documents_are_unique_and_not_yet_partitions(tmp_path):
    a = write(tmp_path / "a.pdf", b"same bytes")
    write(tmp_path / "copy of a.pdf", b"same bytes")
    b = write(tmp_path / "b.pdf", b"other bytes")
    state = inbox.scan(tmp_path, {}).state
    assert inbox.new_documents(state, []) == [a, b]
    assert inbox.new_documents(state, [a]) == [b]


def test_missing_inbox_is_a_problem_not_a_crash(tmp_path):
    s = inbox.scan(tmp_path / "nope", {})
    assert s.state == {} and "is not a folder" in s.problems[0]


def test_undecodable_cursor_means_rehash_not_crash():
    assert inbox.decode("{not json") == {} and inbox.decode(None) == {}


def test_locate_reports_deleted_and_changed_files(tmp_path):
    box = tmp_path / "inbox"
    box.mkdir()
    index = tmp_path / "index.json"
    a = write(box / "a.pdf", b"A")
    b = write(box / "b.pdf", b"B")
    inbox.save_index(index, inbox.scan(box, {}).state)
    found = inbox.locate(index, box, [a, b])
    assert found[a].path == str(box / "a.pdf") and found[a].problem == "" and found[a].name == "a.pdf"
    (box / "b.pdf").unlink()
    write(box / "a.pdf", b"A changed", age=30)
    found = inbox.locate(index, box, [a, b])
    for doc_id, name in ((a, "a.pdf"), (b, "b.pdf")):  # a.pdf holds other bytes: document a is gone as much as b
        assert "no file in the inbox" in found[doc_id].problem
        assert (found[doc_id].path, found[doc_id].name) == (str(box / name), name)  # where it was last seen
    (box / "moved").mkdir()
    write(box / "moved" / "b again.pdf", b"B")
    found = inbox.locate(index, box, [b])
    assert found[b].path == str(box / "moved" / "b again.pdf") and found[b].problem == ""


def test_odd_file_names_round_trip_through_the_cursor(tmp_path):
    name = os.fsdecode(b"bad\xff name\n.pdf")
    write(tmp_path / name, b"x")
    state = inbox.scan(tmp_path, {}).state
    assert inbox.decode(inbox.encode(state)) == state
    assert inbox.display(name) == "bad\\xff name\n.pdf"
