"""`fiscal ingest`, exactly as the CLI runs it, with a wall/CPU timer around each runner step.

    python -m pipelines.bench.phases OUT.json ingest --quiet FILE...

The runner's step functions (plan, parse_all, load_staged, check_loaded, record_run,
publish_snapshot, ...) are looked up by name in pipelines.ingest.runner and wrapped; the CLI then
runs unchanged. OUT.json gets {step: [wall_s, cpu_s, hwm_mb]} plus "imports" and "total"; hwm_mb is the ingest
process's own memory high-water mark (VmHWM) when the step ended (workers not included).
"""
from __future__ import annotations

import json
import resource
import sys
import time

T0 = time.perf_counter()

STEPS = ("ensure_schema", "ensure_snapshot", "start_run", "plan", "parse_all", "load_staged", "check_loaded",
         "record_run", "publish_snapshot", "publish_if_open")


def cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def hwm_mb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def timed(fn, name: str, out: dict):
    def run(*args, **kwargs):
        t, c = time.perf_counter(), cpu()
        try:
            return fn(*args, **kwargs)
        finally:
            w, cc, _ = out.get(name, (0.0, 0.0, 0))
            out[name] = (w + time.perf_counter() - t, cc + cpu() - c, hwm_mb())
    return run


def main(argv: list[str]) -> int:
    out_path, cli_args = argv[0], argv[1:]
    from ..cli.main import main as fiscal
    from ..ingest import runner

    steps: dict[str, tuple[float, float, int]] = {"imports": (time.perf_counter() - T0, cpu(), hwm_mb())}
    for name in STEPS:
        if hasattr(runner, name):
            setattr(runner, name, timed(getattr(runner, name), name, steps))
    t, c = time.perf_counter(), cpu()
    try:
        return fiscal(cli_args)
    finally:
        steps["total"] = (time.perf_counter() - t, cpu() - c, hwm_mb())
        with open(out_path, "w", encoding="utf-8") as fh:
            json.dump(steps, fh)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
