"""`fiscal ingest`, exactly as the CLI runs it, with a wall/CPU timer around each runner step.

    python -m pipelines.bench.phases OUT.json ingest --quiet FILE...

The stages pipelines/core.py composes the job of (ensure_schema, ensure_snapshot, plan,
parse_to_staging, load, check, publish) and the run records (pipelines.ingest.runner start_run,
record_run) are looked up by name and wrapped; the CLI then runs unchanged. OUT.json gets
{step: [wall_s, cpu_s, hwm_mb]} plus "imports" and "total"; hwm_mb is the ingest process's own
memory high-water mark (VmHWM) when the step ended (workers not included).
"""
from __future__ import annotations

import json
import resource
import sys
import time

T0 = time.perf_counter()

CORE_STEPS = ("ensure_schema", "ensure_snapshot", "plan", "parse_to_staging", "load", "check", "publish")
RUNNER_STEPS = ("start_run", "record_run")


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
    from .. import core
    from ..cli.main import main as fiscal
    from ..ingest import runner

    steps: dict[str, tuple[float, float, int]] = {"imports": (time.perf_counter() - T0, cpu(), hwm_mb())}
    for module, names in ((core, CORE_STEPS), (runner, RUNNER_STEPS)):
        for name in names:
            setattr(module, name, timed(getattr(module, name), name, steps))  # a renamed stage fails here
    t, c = time.perf_counter(), cpu()
    try:
        return fiscal(cli_args)
    finally:
        steps["total"] = (time.perf_counter() - t, cpu() - c, hwm_mb())
        with open(out_path, "w", encoding="utf-8") as fh:
            json.dump(steps, fh)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
