"""kill -9 at random moments: the warehouse always opens whole, and the next run completes.

Kills alternate between a random moment of a run that has to parse (start-up, hashing, parsing:
most of a run's time) and a random moment after loading began (per-document transactions, the
run record, the snapshot publish). Kills take, in turn, the whole process group twice (a machine
or service stop) and only the main process twice (its parse workers must die with it). After each kill the
warehouse and its read snapshot are opened and checked. A run that finished before its kill is
not counted and the warehouse starts over, so every counted kill interrupted real work. At the
end one more run completes, and the warehouse holds exactly what an uninterrupted run produces.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections import Counter

import pytest

from crashkit import N_FILES, check_whole, content, start_ingest, wait_for_output

SEED = 20250607
LOAD_WINDOW = 1.5  # seconds after the load bar appears within which the load-phase kills fall


def _kill(proc, whole_group: bool) -> None:
    if whole_group:
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _alive_children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            if int(stat[stat.rfind(b")") + 2:].split()[1]) == pid:
                out.append(int(entry))
    return out


def _all_dead(pids: list[int], timeout: float = 5.0) -> bool:
    """True when none of pids runs any more (gone, or a zombie waiting to be reaped)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            if stat[stat.rfind(b")") + 2:].split()[0] != b"Z":
                alive.append(pid)
        if not alive:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def reference(crash_inbox, tmp_path_factory):
    """An uninterrupted run: its duration sets the range of kill moments, its result the target."""
    db = tmp_path_factory.mktemp("reference") / "warehouse.duckdb"
    t0 = time.monotonic()
    proc = start_ingest(db, crash_inbox)
    assert proc.wait(timeout=300) == 1  # 1: two files were rejected (by design)
    return db, time.monotonic() - t0


@pytest.mark.parametrize("kills", [pytest.param(2, id="2-kills"), pytest.param(20, id="20-kills", marks=pytest.mark.slow)])
def test_kill_minus_9_at_random_moments(kills, crash_inbox, reference, tmp_path):
    ref_db, duration = reference
    rng = random.Random(SEED + kills)
    wh = tmp_path / "wh"
    db = wh / "warehouse.duckdb"
    log = tmp_path / "ingest.log"
    landed: Counter = Counter()
    killed = attempts = 0
    while killed < kills:
        attempts += 1
        assert attempts <= 3 * kills, f"only {killed} of {attempts} runs were still running when killed"
        before = check_whole(db) if db.exists() else {"loaded": 0, "rejected": 0}
        in_load = killed % 2 == 1
        if not in_load:  # parse again what is not loaded yet (a resumed run reuses staged results)
            shutil.rmtree(wh / "staging", ignore_errors=True)
        todo = 1 - (before["loaded"] + before["rejected"]) / N_FILES
        proc = start_ingest(db, crash_inbox, log=log, quiet=False)
        if in_load and not wait_for_output(proc, log, "load "):
            shutil.rmtree(wh)  # nothing left to load: start over
            continue
        time.sleep(rng.uniform(0, LOAD_WINDOW) if in_load else rng.uniform(0.05, duration * max(todo, 0.3)))
        if proc.poll() is not None:  # finished first: start over so the next kill meets real work
            shutil.rmtree(wh)
            continue
        whole_group = killed % 4 < 2
        workers = _alive_children(proc.pid)
        _kill(proc, whole_group)
        killed += 1
        assert _all_dead(workers), "parse workers outlived the killed ingestion"
        after = check_whole(db) if db.exists() else {"loaded": 0}
        snap = db.with_name("warehouse.read.duckdb")
        if snap.exists():
            check_whole(snap, read_only=True)
        phase = "while loading" if in_load else "anywhere"
        landed[f"{phase}: {'some documents committed' if after['loaded'] > before['loaded'] else 'none committed'}"] += 1
    print(f"\n{killed} kills in {attempts} runs: {dict(landed)}")
    # the next run completes and the result is what an uninterrupted run gives
    proc = start_ingest(db, crash_inbox, wait=60)
    assert proc.wait(timeout=300) in (0, 1)  # 0 when the rejections were already recorded before a kill
    check_whole(db)
    assert content(db) == content(ref_db)
    snap = db.with_name("warehouse.read.duckdb")
    check_whole(snap, read_only=True)
    assert content(snap) == content(ref_db)
