"""The fetch-state store: a small SQLite file next to the warehouse (FISCAL_FETCH_STATE), never the
warehouse itself (DuckDB has one writer, and ingestion holds it for minutes).

- `resource`: per URL, the validators of its last 200 (ETag, Last-Modified) for conditional requests,
  the sha256 of its bytes, what it turned out to be, and for HTML pages what was read from them (so
  a 304 needs no body);
- `stored`: every file put into the inbox, by sha256 (deduplication across runs);
- `sighting`: every URL a stored file's bytes were seen at;
- `run` / `event`: what each run did, per source and per URL, with the reason.

One fetch at a time takes the lock next to the file; readers (`fiscal status`) open it read-only.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS resource (
    url            TEXT PRIMARY KEY,
    role           TEXT NOT NULL,        -- listing | article | attachment
    what           TEXT,                 -- pdf | html | other: what the bytes were
    etag           TEXT,
    last_modified  TEXT,
    sha256         TEXT,
    size           INTEGER,
    final_url      TEXT,
    page_json      TEXT,                 -- HTML pages: title, published date, links
    note           TEXT,                 -- why a non-PDF attachment was not stored
    checked_at     TEXT NOT NULL,
    changed_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stored (
    sha256     TEXT PRIMARY KEY,
    path       TEXT NOT NULL,
    source     TEXT NOT NULL,
    url        TEXT NOT NULL,
    stored_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sighting (
    sha256       TEXT NOT NULL,
    url          TEXT NOT NULL,
    source       TEXT NOT NULL,
    article_url  TEXT,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    PRIMARY KEY (sha256, url)
);
CREATE TABLE IF NOT EXISTS run (
    run_id       TEXT NOT NULL,
    source       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    trigger      TEXT,
    counts       TEXT,                   -- JSON: outcome -> number of attachments
    bytes_files  INTEGER,
    bytes_pages  INTEGER,
    error        TEXT,
    PRIMARY KEY (run_id, source)
);
CREATE TABLE IF NOT EXISTS event (
    run_id       TEXT NOT NULL,
    source       TEXT NOT NULL,
    role         TEXT NOT NULL,
    url          TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    reason       TEXT,
    bytes        INTEGER,
    sha256       TEXT,
    file         TEXT,
    article_url  TEXT,
    at           TEXT NOT NULL
);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Known:
    """What the store remembers of a URL."""

    url: str
    role: str
    what: str
    etag: str
    last_modified: str
    sha256: str
    page_json: str
    note: str

    @property
    def validators(self) -> dict[str, str]:
        return {k: v for k, v in (("etag", self.etag), ("last_modified", self.last_modified)) if v}


class State:
    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        if read_only:
            self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(str(path), timeout=30)
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.executescript(SCHEMA)
            self.con.commit()

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self):
        try:
            yield self.con
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def known(self, url: str) -> Known | None:
        row = self.con.execute("SELECT url, role, coalesce(what, ''), coalesce(etag, ''), coalesce(last_modified, ''),"
                               " coalesce(sha256, ''), coalesce(page_json, ''), coalesce(note, '') FROM resource"
                               " WHERE url = ?", [url]).fetchone()
        return Known(*row) if row else None

    def remember(self, url: str, role: str, what: str, headers: dict[str, str], sha256: str, size: int,
                 final_url: str, page_json: str = "", note: str = "", changed: bool = True) -> None:
        """The outcome of a 200 (or of a 304: changed=False keeps validators and content, stamps the check)."""
        at = now()
        if not changed:
            self.con.execute("UPDATE resource SET checked_at = ? WHERE url = ?", [at, url])
            return
        low = {k.lower(): v for k, v in headers.items()}
        self.con.execute(
            "INSERT INTO resource VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "role = excluded.role, what = excluded.what, etag = excluded.etag, last_modified = excluded.last_modified, "
            "sha256 = excluded.sha256, size = excluded.size, final_url = excluded.final_url, "
            "page_json = excluded.page_json, note = excluded.note, checked_at = excluded.checked_at, "
            "changed_at = excluded.changed_at",
            [url, role, what, low.get("etag"), low.get("last-modified"), sha256, size, final_url, page_json or None,
             note or None, at, at])

    def stored_file(self, sha256: str) -> tuple[str, str] | None:
        """(path, url) of the file with these bytes put into the inbox by an earlier fetch."""
        row = self.con.execute("SELECT path, url FROM stored WHERE sha256 = ?", [sha256]).fetchone()
        return (row[0], row[1]) if row else None

    def record_stored(self, sha256: str, path: str, source: str, url: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO stored VALUES (?, ?, ?, ?, ?)", [sha256, path, source, url, now()])

    def sighting(self, sha256: str, url: str, source: str, article_url: str) -> None:
        at = now()
        self.con.execute("INSERT INTO sighting VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256, url) DO UPDATE SET "
                         "last_seen = excluded.last_seen", [sha256, url, source, article_url, at, at])

    def urls_of(self, sha256: str) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT url FROM sighting WHERE sha256 = ? ORDER BY first_seen, url",
                                               [sha256]).fetchall()]

    def start_run(self, run_id: str, source: str, trigger: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO run (run_id, source, started_at, trigger) VALUES (?, ?, ?, ?)",
                         [run_id, source, now(), trigger])
        self.con.commit()

    def finish_run(self, run_id: str, source: str, counts: dict[str, int], bytes_files: int, bytes_pages: int,
                   error: str) -> None:
        self.con.execute("UPDATE run SET finished_at = ?, counts = ?, bytes_files = ?, bytes_pages = ?, error = ? "
                         "WHERE run_id = ? AND source = ?",
                         [now(), json.dumps(counts, sort_keys=True), bytes_files, bytes_pages, error or None, run_id,
                          source])
        self.con.commit()

    def event(self, run_id: str, source: str, role: str, url: str, outcome: str, reason: str, nbytes: int,
              sha256: str, file: str, article_url: str) -> None:
        self.con.execute("INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [run_id, source, role, url, outcome, reason or None, nbytes, sha256 or None, file or None,
                          article_url or None, now()])


def last_runs(path: Path, limit: int = 10) -> list[tuple]:
    """(source, started, finished, counts, bytes_files, bytes_pages, error) of the latest runs, newest first."""
    if not path.exists():
        return []
    st = State(path, read_only=True)
    try:
        return st.con.execute("SELECT source, started_at, finished_at, coalesce(counts, '{}'), bytes_files, bytes_pages,"
                              " coalesce(error, '') FROM run ORDER BY started_at DESC, source LIMIT ?",
                              [limit]).fetchall()
    except sqlite3.Error:
        return []
    finally:
        st.close()
