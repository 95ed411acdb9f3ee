"""Run a command and sample the resident memory of its whole process tree (Linux /proc).

peak_tree_rss: the highest sum of VmRSS over the process and all its descendants seen at any
sample (every `interval` seconds); max_process_hwm: the largest VmHWM (kernel high-water mark)
of any single process of the tree.
"""
from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field


@dataclass
class RunResult:
    returncode: int
    seconds: float
    cpu_seconds: float = 0.0  # user + system of the command and every descendant it waited for
    peak_tree_rss: int = 0  # bytes
    max_process_hwm: int = 0  # bytes
    max_processes: int = 0
    stdout: str = ""
    stderr: str = ""
    samples: int = 0
    hwm: dict = field(default_factory=dict)
    cpu_by_pid: dict = field(default_factory=dict)  # last sampled user + system seconds of each process
    root_pid: int = 0

    def free_cores_estimate(self) -> float:
        """Wall time on free cores, from the CPU each process used: the command's own CPU (its
        serial steps: it waits while its workers parse) plus the busiest worker's CPU."""
        workers = [c for pid, c in self.cpu_by_pid.items() if pid != self.root_pid]
        if not workers:
            return self.cpu_seconds
        own = self.cpu_seconds - sum(workers)
        return own + max(workers)


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _tree(root: int) -> list[int]:
    kids = _children()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _status_kb(pid: int, fields: tuple[str, ...]) -> dict[str, int]:
    out = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                key = line.split(":", 1)[0]
                if key in fields:
                    out[key] = int(line.split()[1])
    except OSError:
        pass
    return out


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return None
    fields = stat[stat.rfind(b")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime (fields 14, 15 of proc(5))


def run_measured(cmd: list[str], env: dict | None = None, interval: float = 0.05, cwd=None) -> RunResult:
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    res = RunResult(returncode=-1, seconds=0.0, root_pid=proc.pid)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            pids = _tree(proc.pid)
            total = 0
            for pid in pids:
                st = _status_kb(pid, ("VmRSS", "VmHWM"))
                total += st.get("VmRSS", 0) * 1024
                if "VmHWM" in st:
                    res.hwm[pid] = max(res.hwm.get(pid, 0), st["VmHWM"] * 1024)
                c = _cpu_s(pid)
                if c is not None:
                    res.cpu_by_pid[pid] = c
            res.peak_tree_rss = max(res.peak_tree_rss, total)
            res.max_processes = max(res.max_processes, len(pids))
            res.samples += 1
            stop.wait(interval)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    res.stdout, res.stderr = proc.communicate()
    res.seconds = time.perf_counter() - t0
    stop.set()
    th.join()
    res.returncode = proc.returncode
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    res.cpu_seconds = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    res.max_process_hwm = max(res.hwm.values(), default=0)
    return res
