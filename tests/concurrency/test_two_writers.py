"""Two ingestions at once serialize on the writer lock: one exits at once with a clear message
(--wait 0) or waits its turn; the warehouse they leave is whole and holds each document once."""
from __future__ import annotations

import time
from pathlib import Path

import duckdb

from crashkit import N_FILES, check_whole, start_ingest


def wait_for_lock(lock: Path, pid: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.exists() and lock.read_text().strip() == str(pid):
            return
        time.sleep(0.02)
    raise TimeoutError(f"ingestion {pid} never took the writer lock")


def test_second_ingestion_exits_or_waits_and_nothing_is_corrupted(busy_inbox, tmp_path):
    db = tmp_path / "wh" / "warehouse.duckdb"
    first = start_ingest(db, busy_inbox, log=tmp_path / "first.log")
    wait_for_lock(db.with_name("warehouse.duckdb.lock"), first.pid)

    impatient = start_ingest(db, busy_inbox, wait=0, log=tmp_path / "impatient.log")
    assert impatient.wait(timeout=60) == 2
    said = (tmp_path / "impatient.log").read_text()
    assert "fiscal ingest: another ingestion is writing the warehouse" in said
    assert f"holder pid {first.pid}" in said and "try again when it has finished" in said

    patient = start_ingest(db, busy_inbox, wait=300, log=tmp_path / "patient.log", quiet=False)
    assert first.wait(timeout=300) == 1  # two files rejected, by design
    assert patient.wait(timeout=300) == 0  # everything already there: all unchanged
    assert "waiting for another ingestion to finish" in (tmp_path / "patient.log").read_text()

    summary = check_whole(db)
    assert (summary["loaded"], summary["rejected"], summary["runs"], summary["unfinished_runs"]) == (6, 2, 2, 0)
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("SELECT run_id, finished_at FROM ingest_run ORDER BY finished_at").fetchall()
        # the waiting run recorded its outcomes only after the first run had finished
        events = con.execute("SELECT outcome, count(*), min(event_at) FROM ingest_event WHERE run_id = ? GROUP BY 1",
                             [runs[1][0]]).fetchall()
    finally:
        con.close()
    assert [(o, n) for o, n, _ in events] == [("unchanged", N_FILES)]
    assert events[0][2] >= runs[0][1]
