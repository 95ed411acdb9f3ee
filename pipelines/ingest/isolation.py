"""Run each document's parse in a child process of its own, under a memory and a time limit.

A PDF can crash the C libraries that read it, inflate to gigabytes or take hours; none of that
may touch the ingestion itself or the other documents of the batch. Each task runs in a forked
child (cheap: the parser is already imported, nothing is pickled) that

- lowers its own address-space limit (RLIMIT_AS) to its size at start + Limits.memory_mb, so an
  allocation past the limit fails in the child (MemoryError, or an abort inside pdfium);
- writes no core file, and is killed by the kernel if the ingestion dies (PR_SET_PDEATHSIG);
- is killed (SIGKILL) by the parent once it has run Limits.seconds.

At most `workers` children run at once. For each task the parent gets a Finished: how the child
ended, its wall time and its peak memory (wait4's ru_maxrss, against the parent's at fork: the
child starts as a copy of it). What a failure means for the document is the caller's decision.
"""
from __future__ import annotations

import contextlib
import faulthandler
import os
import resource
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..intake.limits import Limits

EXIT_OK = 0
EXIT_MEMORY = 75  # the task raised MemoryError: the memory limit was reached
EXIT_ERROR = 70  # the task raised something else (it should have handled it)
POLL = 0.02  # seconds between looks at the running children


@dataclass
class Task:
    key: str
    fn: Callable[..., object]
    args: tuple = ()


@dataclass
class Finished:
    key: str
    exitcode: int | None  # None when a signal ended the child
    signal: int | None
    seconds: float
    peak_mb: float  # the child's peak resident memory
    base_mb: float  # the parent's resident memory when the child was forked (the child's start)
    timed_out: bool = False
    error: str = ""  # what the task raised, when it raised (one line, sent over a pipe)
    address_grew_mb: float = 0.0  # the child's address space (what its limit counts) above its start, as last seen

    @property
    def near_memory_limit(self) -> float:
        """How close the child came to its memory limit, in MB: the larger of its resident growth (which
        underestimates: pages the fork shared are not counted again) and its address-space growth as last
        polled (which misses the allocation that failed)."""
        return max(self.grew_mb, self.address_grew_mb)

    @property
    def ok(self) -> bool:
        return self.exitcode == EXIT_OK and not self.timed_out

    @property
    def grew_mb(self) -> float:
        return max(0.0, self.peak_mb - self.base_mb)

    @property
    def signal_name(self) -> str:
        if self.signal is not None:
            with contextlib.suppress(ValueError):
                return signal.Signals(self.signal).name
        return f"signal {self.signal}"


def _status_kb(field: str, pid: int | str = "self") -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def limit_memory(extra_bytes: int) -> None:
    """Let this process grow by at most extra_bytes of address space (never above the hard limit)."""
    size = _status_kb("VmSize") * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = size + extra_bytes
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _die_with_parent() -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(task: Task, limits: Limits, parent: int, report_fd: int) -> None:
    code = EXIT_ERROR
    try:
        _die_with_parent()
        if os.getppid() != parent:  # the parent died before the kernel was told to kill us with it
            os._exit(EXIT_ERROR)
        faulthandler.disable()  # a crash is reported by the parent, once, as the document's reason
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        limit_memory(limits.memory_bytes)
        task.fn(*task.args)
        code = EXIT_OK
    except MemoryError:
        code = EXIT_MEMORY
    except BaseException as exc:  # reported to the parent in one line, not as a traceback on the terminal
        with contextlib.suppress(BaseException):
            os.write(report_fd, f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")[:2000])
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        os._exit(code)


@dataclass
class _Child:
    """A running child, as the parent follows it."""
    task: Task
    started: float
    rss_base_mb: float  # the parent's resident memory at fork (the child's start)
    vm_base_mb: float  # its address space at fork: exactly the parent's
    vm_peak_mb: float  # its address-space high-water mark, as last polled (what RLIMIT_AS counts)
    pipe: int  # the read end of its report pipe


def run_isolated(tasks: list[Task], workers: int, limits: Limits) -> Iterator[Finished]:
    """Run the tasks, at most `workers` at a time; yields each Finished as its child ends."""
    pending = list(tasks)
    running: dict[int, _Child] = {}
    killed: set[int] = set()
    workers = max(1, workers)
    try:
        while pending or running:
            while pending and len(running) < workers:
                task = pending.pop(0)
                rss, size = _status_kb("VmRSS") / 1024, _status_kb("VmSize") / 1024  # the child starts with these
                sys.stdout.flush()
                sys.stderr.flush()
                me = os.getpid()
                rfd, wfd = os.pipe()
                pid = os.fork()
                if pid == 0:  # pragma: no cover - the child never returns
                    os.close(rfd)
                    _child(task, limits, me, wfd)
                os.close(wfd)
                running[pid] = _Child(task, time.monotonic(), rss, size, size, rfd)
            ended = False
            for pid in list(running):
                child = running[pid]
                done, status, usage = os.wait4(pid, os.WNOHANG)
                if done == 0:
                    child.vm_peak_mb = max(child.vm_peak_mb, _status_kb("VmPeak", pid) / 1024)
                    if time.monotonic() - child.started > limits.seconds and pid not in killed:
                        os.kill(pid, signal.SIGKILL)
                        killed.add(pid)
                    continue
                ended = True
                del running[pid]
                error = _read_all(child.pipe)
                yield Finished(child.task.key, os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else None,
                               os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                               time.monotonic() - child.started, usage.ru_maxrss / 1024, child.rss_base_mb,
                               pid in killed, error, child.vm_peak_mb - child.vm_base_mb)
                killed.discard(pid)
            if not ended and running:
                time.sleep(POLL)
    finally:
        for pid, child in running.items():  # the caller stopped (an error, Ctrl-C): no child outlives it
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
            _read_all(child.pipe)


def _read_all(fd: int) -> str:
    """What a child wrote to its report pipe (it has ended: the read never blocks), and close it."""
    try:
        chunks = []
        while chunk := os.read(fd, 4096):
            chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        os.close(fd)
