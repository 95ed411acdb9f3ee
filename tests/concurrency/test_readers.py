"""Readers during an ingestion neither fail nor block it: `fiscal query` and dashboard-style
connect_read(Settings.from_env().warehouse) calls run all through a first ingestion (while the writer's file is locked), each
sees only whole documents, and a reader holding its connection open does not hold up the writer."""
from __future__ import annotations

import subprocess
import sys
import time

import duckdb

from pipelines.settings import Settings

from crashkit import INVARIANTS, ROOT, check_whole, ingest_env, start_ingest


def _whole(con) -> int:
    for name, sql in INVARIANTS.items():
        assert not con.execute(sql).fetchall(), name
    return con.execute("SELECT count(*) FROM document").fetchone()[0]


def _query(db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli.main", "query", "--format", "csv",
                           "SELECT count(*) AS n FROM document"], env=ingest_env(db), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_readers_during_first_ingestion(busy_inbox, tmp_path, monkeypatch):
    from pipelines.warehouse.connection import connect_read

    db = tmp_path / "wh" / "warehouse.duckdb"
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(db))
    writer = start_ingest(db, busy_inbox, log=tmp_path / "ingest.log")
    reads = queries = not_yet = 0
    seen = []
    held = None
    while writer.poll() is None:
        try:
            con = connect_read(Settings.from_env().warehouse, retries=30)
        except FileNotFoundError:  # the very first moments: no warehouse file exists yet
            assert reads == 0, "the warehouse vanished after readers had seen it"
            not_yet += 1
            time.sleep(0.05)
            continue
        seen.append(_whole(con))
        reads += 1
        if held is None:
            held = con  # a dashboard that keeps its connection open for the whole ingestion
        else:
            con.close()
        if reads % 10 == 1:
            res = _query(db)
            assert res.returncode == 0, res.stderr
            queries += 1
    assert writer.returncode == 1, (tmp_path / "ingest.log").read_text()  # two files rejected, by design
    assert reads >= 3 and queries >= 1
    assert seen == sorted(seen)  # documents only ever appear, whole
    assert _whole(held) <= 8  # the held connection still reads its (older) snapshot
    held.close()
    fresh = connect_read(Settings.from_env().warehouse)
    assert _whole(fresh) == 8  # a new connection sees the finished ingestion
    fresh.close()
    check_whole(db)


def test_reader_on_the_writer_file_only_delays_the_writer(busy_inbox, tmp_path, monkeypatch):
    """A warehouse without a published snapshot (e.g. copied from elsewhere): a reader falls back to
    the writer's file; an ingestion starting meanwhile waits for it instead of failing."""
    from pipelines.warehouse.connection import connect_read

    db = tmp_path / "wh" / "warehouse.duckdb"
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(db))
    first = sorted(busy_inbox.glob("shifan_*.pdf"))
    assert start_ingest(db, first[0]).wait(timeout=300) == 0
    db.with_name("warehouse.read.duckdb").unlink()
    reader = connect_read(Settings.from_env().warehouse)
    assert _whole(reader) == 1
    writer = start_ingest(db, first[1], log=tmp_path / "ingest.log")
    time.sleep(3)
    assert writer.poll() is None  # waiting for the reader, not failed
    reader.close()
    assert writer.wait(timeout=300) == 0, (tmp_path / "ingest.log").read_text()
    con = connect_read(Settings.from_env().warehouse)
    assert _whole(con) == 2
    con.close()
    assert db.with_name("warehouse.read.duckdb").exists()
    dup = duckdb.connect(str(db), read_only=True)
    assert dup.execute("SELECT count(*) FROM document").fetchone()[0] == 2
    dup.close()
