"""Each task in a forked child of its own: how it ended comes back, whatever it did."""
from __future__ import annotations

import os
import time

from pipelines.ingest.isolation import EXIT_MEMORY, Task, run_isolated
from pipelines.intake.limits import Limits


def ok(path):
    with open(path, "w") as fh:
        fh.write(str(os.getpid()))


def hog():
    blocks = []
    while True:
        blocks.append(bytearray(64 << 20))  # touch 64 MiB at a time until the limit says no


def abort():
    os.abort()


def sleep():
    time.sleep(60)


def test_each_task_ends_its_own_way_and_the_others_go_on(tmp_path):
    lim = Limits(memory_mb=300, seconds=2)
    tasks = [Task("ok", ok, (tmp_path / "ok.txt",)), Task("hog", hog), Task("abort", abort), Task("sleep", sleep)]
    done = {f.key: f for f in run_isolated(tasks, 2, lim)}
    assert set(done) == {"ok", "hog", "abort", "sleep"}
    assert done["ok"].ok and int((tmp_path / "ok.txt").read_text()) != os.getpid()  # ran in a child
    assert (done["hog"].exitcode, done["hog"].ok) == (EXIT_MEMORY, False)
    assert done["hog"].grew_mb < 300 + 64
    assert (done["abort"].signal_name, done["abort"].ok) == ("SIGABRT", False)
    assert done["sleep"].timed_out and done["sleep"].signal_name == "SIGKILL" and 2 <= done["sleep"].seconds < 30


def test_at_most_workers_children_at_once(tmp_path):
    def mark(i):
        (tmp_path / f"{i}.start").write_text(str(time.monotonic()))
        time.sleep(0.5)
        (tmp_path / f"{i}.end").write_text(str(time.monotonic()))

    list(run_isolated([Task(str(i), mark, (i,)) for i in range(4)], 2, Limits()))
    spans = [(float((tmp_path / f"{i}.start").read_text()), float((tmp_path / f"{i}.end").read_text())) for i in range(4)]
    for t, _ in spans:  # at any start, at most two tasks are running
        assert sum(1 for s, e in spans if s <= t < e) <= 2


def reserve_then_abort():
    import mmap

    held = mmap.mmap(-1, 260 << 20)  # address space the limit counts, but never touched: not resident
    time.sleep(0.3)  # long enough for the parent to look
    del held
    os.abort()  # as pdfium does when an allocation fails


def test_a_native_abort_near_the_limit_counts_as_the_memory_limit():
    """A library that aborts when an allocation fails grows address space, not resident memory: the
    resident growth alone misses it (CI once reported such a bomb as 'parser process crashed')."""
    from pipelines.ingest.runner import failure_reason

    lim = Limits(memory_mb=300, seconds=10)
    done = {f.key: f for f in run_isolated([Task("reserve", reserve_then_abort), Task("abort", abort)], 2, lim)}
    near = done["reserve"]
    assert near.signal_name == "SIGABRT" and near.grew_mb < 100 and near.address_grew_mb >= 260
    assert failure_reason(near, lim)[1] == "memory_limit"
    assert failure_reason(near, lim)[0].endswith("; the parser process ended with SIGABRT")
    assert failure_reason(done["abort"], lim)[1] == "parser_crash"  # an abort far from the limit stays a crash
