"""Orchestration benchmarks (Dagster, issue 5), on real corpus PDFs. Not timed tests.

`fiscal bench` calls `measure(files, workdir)` and adds the rows ({"measure", "value", "note"}) to
BENCHMARKS.md; `python -m pipelines.bench.orchestration` runs them alone and prints the rows.

- incremental: a run ingests a few documents; then a no-op nightly run (the ingestion request + the
  run it requests, in a fresh process: its start-up is reported apart) must parse 0 documents in
  ≤ 5 s beyond process start; then one file added to the inbox must parse exactly one document.
- parallel: the extraction of 30 corpus PDFs with 1 and with 2 parse workers (in-process executor,
  the runner's process pool), speed-up = t1 / t2 (target ≥ 1.8×).
- dask: a single-run backfill on a local Dask cluster on 127.0.0.1 (the scale-out path).
- national: cost of 300,000 packs a year from the measured pages per second per core.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

PACKS_PER_YEAR = 300_000
VCPU_HOUR_USD = float(os.environ.get("FISCAL_BENCH_VCPU_HOUR_USD", "0.045"))  # assumption: on-demand cloud price
ROOT = Path(__file__).resolve().parents[2]


def row(measure: str, value, note: str = "") -> dict:
    return {"measure": measure, "value": value, "note": note}


@contextmanager
def sandbox(root: Path):
    """A sandbox under root (inbox, Dagster home, warehouse folder); runs get its settings explicitly
    (the `fiscal` resource, run config, or the environment of a process started for it)."""
    (root / "inbox").mkdir(parents=True, exist_ok=True)
    (root / "dagster_home").mkdir(parents=True, exist_ok=True)
    yield root


def sandbox_env(root: Path) -> dict[str, str]:
    """The environment of a separate process working in the sandbox (its edge builds Settings from it)."""
    return {**os.environ, **fiscal_resource(root).to_settings().env()}


def resource_config(root: Path) -> dict:
    """Run config giving every step of a run (on any Dask worker) the sandbox's `fiscal` resource."""
    fields = fiscal_resource(root).model_dump()
    return {"resources": {"fiscal": {"config": fields}}}


def link(files: list[Path], inbox: Path) -> None:
    for i, f in enumerate(files):
        dst = inbox / f"{i:03d}_{Path(f).name}"
        if not dst.exists():
            dst.symlink_to(Path(f).resolve())


def fiscal_resource(root: Path, workers: int = 0):
    from ..defs.ingest.resources import FiscalResource

    return FiscalResource(warehouse=str(root / "wh" / "warehouse.duckdb"), inbox=str(root / "inbox"),
                          staging=str(root / "wh" / "staging"), parse_workers=workers, settle_seconds=0)


def instance(root: Path):
    import dagster as dg

    return dg.DagsterInstance.local_temp(str(root / "dagster_home"))


def outcome(result, inst=None) -> dict:
    """What a run did: seconds per step (failed steps too, from the event log when inst is given),
    documents parsed, success."""
    steps, parsed, failed, failed_checks = {}, 0, [], []
    if inst is not None:
        started = {}
        for entry in inst.all_logs(result.run_id):
            ev = entry.dagster_event
            if ev is None or not ev.step_key:
                continue
            if ev.event_type_value == "STEP_START":
                started[ev.step_key] = entry.timestamp
            elif ev.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and ev.step_key in started:
                steps[ev.step_key] = entry.timestamp - started[ev.step_key]
    for e in result.all_events:
        if e.event_type_value == "STEP_SUCCESS" and inst is None:
            steps[e.step_key] = e.event_specific_data.duration_ms / 1000
        if e.event_type_value == "STEP_FAILURE":
            failed.append(e.step_key)
        if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.event_specific_data.passed:
            failed_checks.append(e.event_specific_data.check_name)
        if e.event_type_value == "ASSET_MATERIALIZATION":
            m = e.event_specific_data.materialization
            meta = m.metadata.get("parsed_in_this_run")
            parsed += bool(meta and meta.value)
    return {"success": result.success, "steps": steps, "parsed": parsed, "failed_steps": failed,
            "failed_checks": failed_checks}


def run_job(inst, fiscal=None, **kw) -> tuple[float, dict]:
    """Execute ingest_documents in this process (fiscal=None: the resource from the environment, as
    a run launched by the daemon has it)."""
    from ..definitions import defs

    if fiscal is not None:
        kw["resources"] = {"fiscal": fiscal}
    t0 = time.perf_counter()
    result = defs.resolve_job_def("ingest_documents").execute_in_process(instance=inst, raise_on_error=False, **kw)
    return time.perf_counter() - t0, outcome(result, inst)


def sensor_tick(inst, fiscal, cursor=None):
    import dagster as dg

    from ..defs.ingest.sensors import inbox_sensor

    res = inbox_sensor(dg.build_sensor_context(instance=inst, cursor=cursor, resources={"fiscal": fiscal}))
    assert isinstance(res, dg.SensorResult)  # inbox_sensor answers every tick with a SensorResult
    for req in res.dynamic_partitions_requests or []:
        inst.add_dynamic_partitions(req.partitions_def_name, list(req.partition_keys))
    return res


def nightly_in_fresh_process(root: Path) -> dict:
    """Build the nightly ingestion request (what ingest_after_fetch requests after the fetch run) and
    execute it, in a new Python process."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "pipelines.bench.orchestration", "--nightly", str(root)],
                         capture_output=True, text=True, cwd=str(ROOT), env=sandbox_env(root))
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"nightly run failed: {out.stderr[-2000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["process_seconds"] = wall
    return res


def _nightly_main(root: Path) -> None:
    t_start = time.perf_counter()
    import dagster  # noqa: F401  (imported first, as a run process does)

    from ..definitions import defs  # noqa: F401  (the code location, as a run process loads it)
    from ..defs.ingest.schedules import ingest_request, nightly_ingest

    t_loaded = time.perf_counter()
    inst, fiscal = instance(root), fiscal_resource(root)
    zone = nightly_ingest.execution_timezone
    assert zone is not None  # the schedule names its time zone (Asia/Shanghai)
    now = datetime.now(ZoneInfo(zone))
    # the nightly's ingestion half: what ingest_after_fetch requests once the fetch run has finished
    req = ingest_request(inst, fiscal, run_key=f"nightly-{now:%Y-%m-%d}")
    kw = {"asset_selection": req.asset_selection} if req.asset_selection else {"tags": req.tags}
    run_s, res = run_job(inst, **kw)
    print(json.dumps({"import_seconds": t_loaded - t_start, "schedule_and_run_seconds": time.perf_counter() - t_loaded,
                      "run_seconds": run_s, "parsed": res["parsed"], "success": res["success"], "steps": res["steps"],
                      "pending": req.tags.get("fiscal/pending_documents")}))


def incremental(files: list[Path], workdir: Path, stats: dict | None = None) -> list[dict]:
    base, extra = files[:3], files[3]
    with sandbox(workdir) as root:
        inst, fiscal = instance(root), fiscal_resource(root)
        link(base, root / "inbox")
        tick = sensor_tick(inst, fiscal)
        keys = [r.partition_key for r in tick.run_requests]
        from ..defs.ingest.partitions import range_tags

        first_s, first = run_job(inst, fiscal, tags=range_tags(keys))
        nightly = nightly_in_fresh_process(root)
        (root / "inbox" / f"new_{extra.name}").symlink_to(extra.resolve())
        tick2 = sensor_tick(inst, fiscal, tick.cursor)
        (req,) = tick2.run_requests
        one_s, one = run_job(inst, fiscal, partition_key=req.partition_key)
    if stats is not None:  # the serial (single-writer) cost: load + rule checks, for 3 packs and for 1
        def writer(res):
            return res["steps"].get("warehouse_documents", 0) + res["steps"].get("check_results", 0)

        stats["writer_seconds"] = {len(base): writer(first), 1: writer(one)}
    return [
        row("dagster: first run (3 documents)", f"{first_s:.1f} s",
            f"parsed {first['parsed']}; success={first['success']} (failed checks: "
            f"{', '.join(first['failed_checks']) or 'none'}); single-writer steps: load "
            f"{first['steps'].get('warehouse_documents', 0):.1f} s, rule checks {first['steps'].get('check_results', 0):.1f} s"),
        row("dagster: no-op nightly run, beyond process start", f"{nightly['schedule_and_run_seconds']:.2f} s",
            f"parsed {nightly['parsed']} documents (target 0, ≤ 5 s); ingestion request + refresh run "
            f"{nightly['run_seconds']:.2f} s of it (steps: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in nightly["steps"].items()) + "); process start + code location import "
            f"{nightly['import_seconds']:.1f} s; whole process {nightly['process_seconds']:.1f} s"),
        row("dagster: one file added to the inbox", f"{one_s:.1f} s",
            f"sensor requested {len(tick2.run_requests)} run; parsed {one['parsed']} document (target 1); "
            f"success={one['success']}"),
    ]


def thirty(files: list[Path], n: int = 30) -> list[Path]:
    """The given files, topped up to n with the smallest other text PDFs of the corpus manifest."""
    from .corpus import corpus_dir, manifest

    out = list(dict.fromkeys(Path(f) for f in files))[:n]
    if len(out) < n:
        corpus = corpus_dir()
        have = {p.resolve() for p in out}
        rows = sorted((int(r["pages"]), r["file"]) for r in manifest(corpus).values() if r.get("text_ok") == "yes")
        for _, rel in rows:
            p = corpus / rel
            if p.resolve() not in have and len(out) < n:
                out.append(p)
                have.add(p.resolve())
    return out


def pages_of(files: list[Path]) -> int:
    import pypdfium2

    total = 0
    for f in files:
        pdf = pypdfium2.PdfDocument(str(f))
        total += len(pdf)
        pdf.close()
    return total


def cpu_seconds() -> float:
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def child_cpu():
    """Sample the CPU seconds of this process' children (the parse pool) until the block ends:
    yields a dict pid -> CPU-s, complete after the block."""
    import threading

    import psutil

    seen: dict[int, float] = {}
    stop = threading.Event()

    def sample():
        me = psutil.Process()
        while not stop.is_set():
            for child in me.children(recursive=True):
                try:
                    t = child.cpu_times()
                    seen[child.pid] = t.user + t.system
                except psutil.Error:
                    pass
            stop.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join()


def parallel(files: list[Path], workdir: Path, repeats: int = 0) -> tuple[list[dict], dict]:
    """Extraction only (raw_documents + extracted_documents) of the same files with 1 and 2 workers,
    alternated `repeats` times (FISCAL_BENCH_REPEATS, default 2); the best time of each counts, so a
    burst of other work on the machine does not decide the ratio."""
    import dagster as dg

    from ..defs.ingest.assets import raw_documents
    from ..defs.ingest.partitions import range_tags
    from ..defs.parse.assets import extracted_documents_asset

    repeats = repeats or int(os.environ.get("FISCAL_BENCH_REPEATS", "2"))
    pages = pages_of(files)
    took: dict[int, list] = {1: [], 2: []}
    for i in range(repeats):
        for workers in (1, 2):
            with sandbox(workdir / f"r{i}w{workers}") as root:
                inst, fiscal = instance(root), fiscal_resource(root, workers)
                link(files, root / "inbox")
                keys = [r.partition_key for r in sensor_tick(inst, fiscal).run_requests]
                t0, c0 = time.perf_counter(), cpu_seconds()
                with child_cpu() as kids:
                    result = dg.materialize([raw_documents, extracted_documents_asset(4)], instance=inst,
                                            tags=range_tags(keys), resources={"fiscal": fiscal}, raise_on_error=False)
                seconds, cpu, res = time.perf_counter() - t0, cpu_seconds() - c0, outcome(result)
                took[workers].append((res["steps"].get("extracted_documents.parse_chunk_0", float("nan")), seconds,
                                      res["parsed"], cpu, sorted(kids.values())))
    (p1, r1, n1, c1, _), (p2, r2, n2, c2, k2) = min(took[1]), min(took[2])
    k2 = k2[-2:]  # the pool's two workers (the sampler sees nothing else under this process)
    stats = {"pages": pages, "documents": len(files), "pages_per_second_1": pages / p1, "pages_per_second_2": pages / p2}
    every = "; ".join(f"{w} worker(s): " + ", ".join(f"{t[0]:.1f}" for t in took[w]) + " s" for w in (1, 2))
    return [
        row(f"dagster: parse {len(files)} PDFs ({pages} pages), 1 worker", f"{p1:.1f} s",
            f"{pages / p1:.1f} pages/s; parsed {n1}; extraction run {r1:.1f} s; {c1:.0f} CPU-s"),
        row(f"dagster: parse {len(files)} PDFs ({pages} pages), 2 workers", f"{p2:.1f} s",
            f"{pages / p2:.1f} pages/s; parsed {n2}; extraction run {r2:.1f} s; {c2:.0f} CPU-s"),
        row("dagster: 2-worker parse speed-up", f"{p1 / p2:.2f}×",
            f"target ≥ 1.8× (2 cores); best of {repeats} alternated runs each ({every}); "
            f"load average at the end {os.getloadavg()[0]:.1f}"),
        row("dagster: 2-worker split of the parse work (CPU)", f"{sum(k2) / max(k2):.2f}×" if k2 else "n/a",
            f"CPU-s of the two pool workers ({' + '.join(f'{k:.1f}' for k in k2)}) / the busier one: the speed-up "
            f"two free cores give this split, whatever else runs on the machine"),
    ], stats


def dask_backfill(files: list[Path], workdir: Path) -> list[dict]:
    """A single-run backfill of the files on a local 2-worker Dask cluster (127.0.0.1)."""
    import dagster as dg
    from dagster._core.definitions.reconstruct import ReconstructableRepository

    from ..defs.ingest.partitions import range_tags
    from ..defs.ingest.schedules import pending_documents

    pages = pages_of(files)
    with sandbox(workdir) as root:
        inst, fiscal = instance(root), fiscal_resource(root)
        link(files, root / "inbox")
        keys = pending_documents(inst, fiscal)
        recon = ReconstructableRepository.for_module("pipelines.definitions", "defs", working_directory=str(ROOT)) \
            .get_reconstructable_job("ingest_documents_dask")
        t0 = time.perf_counter()
        result = dg.execute_job(recon, instance=inst, tags=range_tags(keys), run_config=resource_config(root))
        seconds = time.perf_counter() - t0
        res = outcome(result, inst)
        pids = {e.pid for e in result.all_events if e.event_type_value == "STEP_START" and e.step_key
                and ".parse_chunk_" in e.step_key}
        parse_s = [v for k, v in res["steps"].items() if ".parse_chunk_" in k]
    return [row(f"dask: backfill of {len(files)} PDFs ({pages} pages), local cluster of 2 workers",
                f"{seconds:.1f} s", f"success={res['success']} (failed steps {res['failed_steps'] or 'none'}, "
                f"failed checks {res['failed_checks'] or 'none'}); parsed {res['parsed']} in {len(parse_s)} parse steps "
                f"on {len(pids)} worker processes (longest {max(parse_s or [0]):.1f} s); "
                f"load, checks, marts on the warehouse worker")]


def national(stats: dict) -> list[dict]:
    """300,000 packs a year at the measured single-core speed and the corpus' mean pages per pack."""
    from .corpus import corpus_dir, manifest

    rows = [r for r in manifest(corpus_dir()).values() if r.get("kind") in ("final", "budget")]
    mean_pages = sum(int(r["pages"]) for r in rows) / len(rows)
    pps = stats["pages_per_second_1"]
    core_hours = PACKS_PER_YEAR * mean_pages / pps / 3600
    per_day = PACKS_PER_YEAR / 365
    serial = ""
    if stats.get("writer_seconds"):
        (n_many, t_many), (_, t_one) = sorted(stats["writer_seconds"].items(), reverse=True)
        per_pack = max((t_many - t_one) / (n_many - 1), 0.0)
        fixed = max(t_one - per_pack, 0.0)
        serial = (f"; the single writer (load + rule checks) took {t_one:.1f} s for 1 pack and {t_many:.1f} s for "
                  f"{n_many}: ≈ {fixed:.1f} s per run + {per_pack:.1f} s per pack, so a night's {per_day:.0f} packs "
                  f"in one run ≈ {(fixed + per_day * per_pack) / 60:.0f} min of serial writer time")
    return [row("national scale: parse compute for 300,000 packs/year", f"{core_hours:,.0f} core-hours",
                f"{mean_pages:.1f} pages/pack (corpus mean, {len(rows)} packs) at {pps:.1f} pages/s/core (measured); "
                f"≈ ${core_hours * VCPU_HOUR_USD:,.0f}/year at an assumed ${VCPU_HOUR_USD}/vCPU-hour; "
                f"{per_day:.0f} packs/day = {per_day * mean_pages / pps / 3600:.1f} core-hours a night, e.g. "
                f"{per_day * mean_pages / pps / 3600 / 16 * 60:.0f} min on 16 Dask worker cores{serial}")]


PARTS = ("incremental", "parallel", "dask")


def measure(files, workdir, parts=PARTS) -> list[dict]:
    files = [Path(f) for f in files]
    workdir = Path(workdir)
    by_size = sorted(files, key=lambda f: f.stat().st_size)
    rows: list[dict] = []
    writer: dict[str, dict[int, float]] = {}  # incremental() adds "writer_seconds": documents -> seconds
    if "incremental" in parts:
        rows += incremental(by_size[:4], workdir / "incremental", writer)
    if "parallel" in parts:
        par, stats = parallel(thirty(files), workdir / "parallel")
        rows += par + national({**stats, **writer})
    if "dask" in parts:
        rows += dask_backfill(by_size[:4], workdir / "dask")
    return rows


def run(report, parts=PARTS) -> None:
    """report(row) for each row, on the bench's fixed corpus selection."""
    import tempfile

    from .corpus import selected

    with tempfile.TemporaryDirectory(prefix="fiscal-bench-dagster-") as tmp:
        for r in measure([f.path for f in selected()], tmp, parts):
            report(r)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--nightly":
        _nightly_main(Path(sys.argv[2]))
    else:  # python -m pipelines.bench.orchestration [incremental] [parallel] [dask]
        run(lambda r: print(f"{r['measure']}: {r['value']}  ({r['note']})", flush=True), tuple(sys.argv[1:]) or PARTS)
