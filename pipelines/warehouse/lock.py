"""One writer at a time: an advisory lock next to the warehouse file.

A second ingestion waits (printing who holds the lock) or, with wait=0, exits with a clear message.
The lock is released by the kernel when the holder dies, so a kill -9 never leaves it stale. A
forked child (a parse worker) would share the lock and keep it after its parent is killed; so the
lock's descriptor is close-on-exec and closed in every forked child, and only the process that
took the lock holds it.
"""
from __future__ import annotations

import fcntl
import os
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path


class WarehouseBusy(Exception):
    pass


_held: set[int] = set()  # descriptors of locks this process holds


def _close_in_child() -> None:
    for fd in list(_held):
        with suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def writer_lock(path: Path, wait: float = 600.0, announce=sys.stderr):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(str(path), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    deadline = time.monotonic() + wait
    told = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = ""
                with suppress(OSError):
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip()
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"another ingestion is writing the warehouse (lock {path}, holder pid {holder or '?'}); "
                        f"try again when it has finished") from None
                if not told and announce is not None:
                    print(f"waiting for another ingestion to finish (lock {path}, holder pid {holder or '?'}) ...",
                          file=announce, flush=True)
                    told = True
                time.sleep(0.2)
        _held.add(fd)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        except OSError as exc:  # a full disk: say where
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        yield
    finally:
        _held.discard(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass
        finally:
            os.close(fd)
