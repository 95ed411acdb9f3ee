"""pipelines/fetch/state.py: what the fetch remembers between runs."""
from __future__ import annotations

import sqlite3

import pytest

from pipelines.fetch.state import State, last_runs


def test_validators_content_and_checks(tmp_path):
    st = State(tmp_path / "s.sqlite")
    st.remember("https://a/f.pdf", "attachment", "pdf", {"ETag": '"e1"', "Last-Modified": "Mon, 02 Mar 2026 00:00:00 GMT",
                                                         "Content-Type": "application/pdf"}, "sha1", 10, "https://a/f.pdf")
    k = st.known("https://a/f.pdf")
    assert (k.what, k.sha256, k.validators) == ("pdf", "sha1", {"etag": '"e1"',
                                                                  "last_modified": "Mon, 02 Mar 2026 00:00:00 GMT"})
    changed_at = st.con.execute("SELECT changed_at FROM resource").fetchone()[0]
    st.remember("https://a/f.pdf", "attachment", "pdf", {}, "", 0, "", changed=False)  # a 304: validators kept
    assert st.known("https://a/f.pdf").validators["etag"] == '"e1"'
    assert st.con.execute("SELECT changed_at FROM resource").fetchone()[0] == changed_at
    st.remember("https://a/f.pdf", "attachment", "pdf", {"etag": '"e2"'}, "sha2", 11, "https://a/f.pdf")
    assert st.known("https://a/f.pdf").validators == {"etag": '"e2"'} and st.known("https://a/f.pdf").sha256 == "sha2"
    assert st.known("https://a/other.pdf") is None
    st.con.commit()
    st.close()


def test_stored_sightings_and_runs(tmp_path):
    path = tmp_path / "s.sqlite"
    st = State(path)
    st.record_stored("sha1", "/inbox/src/a.pdf", "src", "https://a/1.pdf")
    st.sighting("sha1", "https://a/1.pdf", "src", "https://a/art.html")
    st.sighting("sha1", "https://b/copy.pdf", "src", "https://b/art.html")
    st.sighting("sha1", "https://a/1.pdf", "src", "https://a/art.html")
    assert st.stored_file("sha1") == ("/inbox/src/a.pdf", "https://a/1.pdf") and st.stored_file("x") is None
    assert st.urls_of("sha1") == ["https://a/1.pdf", "https://b/copy.pdf"]
    st.start_run("r1", "src", "cli")
    st.finish_run("r1", "src", {"new": 1, "failed": 2}, 100, 20, "")
    st.start_run("r1", "down", "cli")  # interrupted: never finished
    st.close()
    runs = last_runs(path)
    assert [(r[0], r[2] is not None, r[3], r[4], r[6]) for r in runs] == [  # newest first ('down' started last)
        ("down", False, "{}", None, ""), ("src", True, '{"failed": 2, "new": 1}', 100, "")]
    assert last_runs(tmp_path / "none.sqlite") == []


def test_read_only_readers_cannot_write(tmp_path):
    State(tmp_path / "s.sqlite").close()
    ro = State(tmp_path / "s.sqlite", read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.con.execute("INSERT INTO stored VALUES ('a', 'b', 'c', 'd', 'e')")
    ro.close()
