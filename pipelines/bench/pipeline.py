"""The pipeline as in production: `fiscal ingest` (parallel parse workers, single-writer load,
snapshot publish) into a fresh temporary warehouse, then the same command again (a no-op)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import duckdb

from ..settings import Settings
from ..warehouse import staging as staged_format
from .memory import RunResult, run_measured


def ingest_command(files: list[Path], workers: int | None = None, phases: Path | None = None) -> list[str]:
    """`fiscal ingest` (with phases: the same command, its runner steps timed into that JSON file)."""
    head = ["pipelines.bench.phases", str(phases)] if phases else ["pipelines.cli.main"]
    cmd = [sys.executable, "-m", *head, "ingest", "--quiet", "--wait", "0"]
    if workers:
        cmd += ["--workers", str(workers)]
    return cmd + [str(f) for f in files]


def warehouse_env(workdir: Path) -> dict:
    """The environment of a `fiscal ingest` into workdir: this process's settings for a warehouse of
    its own (staging and quarantine next to it)."""
    return {**os.environ, **Settings.from_env().for_warehouse(workdir / "warehouse.duckdb").env()}


def checked(res: RunResult, what: str) -> RunResult:
    # exit 1 is a complete run with some file rejected, unless Python died of an exception
    if res.returncode not in (0, 1) or "Traceback (most recent call last)" in res.stderr:
        raise RuntimeError(f"{what} failed (exit {res.returncode}): {res.stderr[-2000:]}")
    return res


def stage_times(staging: Path) -> dict:
    """Per-document parse timings recorded by parse_document, summed (seconds of worker CPU time)."""
    tot: dict[str, Any] = {"documents": 0, "pages": 0, "table_pages": 0, "identified_pages": 0, "open_s": 0.0, "tables_s": 0.0,
           "interpret_s": 0.0}
    per_doc = {}
    for f in sorted(staging.glob("*.json")):
        t = staged_format.timings(f)
        tot["documents"] += 1
        tot["pages"] += t["pages"]
        tot["table_pages"] += t.get("table_pages", 0)
        # pages inside a table the catalogue identified: what the table pass is for
        tot["identified_pages"] += t["identified_pages"]
        for k in ("open_s", "tables_s", "interpret_s"):
            tot[k] += t.get(k, 0.0)
        per_doc[t["path"]] = {"pages": t["pages"], "status": t["status"], "facts": t["facts"],
                              **{k: t.get(k) for k in ("open_s", "tables_s", "interpret_s", "table_pages")}}
    tot["per_doc"] = per_doc
    return tot


def outcomes(warehouse: Path) -> dict:
    snap = warehouse.with_name(warehouse.stem + ".read" + warehouse.suffix)
    con = duckdb.connect(str(snap if snap.exists() else warehouse), read_only=True)
    try:
        rows = con.execute("SELECT status, count(*), sum(n_facts) FROM document GROUP BY 1 ORDER BY 1").fetchall()
    finally:
        con.close()
    return {r[0]: {"documents": r[1], "facts": int(r[2] or 0)} for r in rows}


def run_pipeline(files: list[Path], workdir: Path, workers: int | None = None, noop: bool = True) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    env = warehouse_env(workdir)
    cmd = ingest_command(files, workers, phases=workdir / "phases.json")
    first = checked(run_measured(cmd, env), "fiscal ingest")
    out = {"run": first, "stages": stage_times(workdir / "staging"), "outcomes": outcomes(workdir / "warehouse.duckdb"),
           "workers": workers or min(len(files), os.cpu_count() or 1),
           "phases": json.loads((workdir / "phases.json").read_text(encoding="utf-8"))}
    cmd = ingest_command(files, workers)
    if noop:
        out["noop"] = checked(run_measured(cmd, env), "fiscal ingest (no-op)")
    return out
