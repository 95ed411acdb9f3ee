"""`fiscal bench`: pipeline vs bare pdfplumber vs pdfium on the same corpus pages; BENCHMARKS.md."""
from __future__ import annotations

import os
import shlex
import sys
import tempfile
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("bench", help="benchmark the pipeline against bare pdfplumber/pdfium passes (BENCHMARKS.md)")
    p.add_argument("--all", action="store_true", help="every text PDF of the corpus instead of the fixed selection")
    p.add_argument("--workers", type=int, default=None, help="pipeline parse workers (default: CPU count)")
    p.add_argument("--out", default=None, help="report file (default: BENCHMARKS.md at the repository root)")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory run on the largest corpus PDF")
    p.add_argument("--no-profile", action="store_true", help="skip the cProfile breakdown")
    p.add_argument("--serial-only", action="store_true",
                   help="run the bare pdfplumber pass only in one process (not also with the pipeline's workers)")
    p.add_argument("--repeat", type=int, default=1,
                   help="run every pass N times, alternating, and keep each pass's fastest run (for a busy machine)")
    p.set_defaults(func=cmd_bench)


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def cmd_bench(args) -> int:
    from ..bench import corpus, report

    try:
        files = corpus.selected(everything=args.all)
    except FileNotFoundError as exc:
        print(f"fiscal bench: {exc}", file=sys.stderr)
        return 2
    paths = [f.path for f in files]
    pages = sum(f.pages for f in files)
    workers = args.workers or min(len(files), os.cpu_count() or 1)
    out = Path(args.out) if args.out else corpus.ROOT / "BENCHMARKS.md"
    command = "fiscal bench" + (" --all" if args.all else "") + (f" --workers {args.workers}" if args.workers else "") \
        + (f" --repeat {args.repeat}" if args.repeat > 1 else "")
    result = {"when": report.now(), "files": files, "pages": pages, "all": args.all, "command": command,
              "repeat": args.repeat, "load": [os.getloadavg()[0], 0.0]}
    _say(f"bench: {len(files)} PDFs, {pages} pages; pipeline with {workers} workers")
    with tempfile.TemporaryDirectory(prefix="fiscal-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for i in range(args.repeat):
            _speed_round(result, paths, workers, args, tmp / f"round{i}")
        if not args.no_memory:
            from ..bench import pipeline
            from ..bench.memory import run_measured
            big = corpus.largest()
            run = run_measured(pipeline.ingest_command([big.path], args.workers), pipeline.warehouse_env(tmp / "largest"))
            result["memory"] = {"file": big, "run": pipeline.checked(run, "fiscal ingest (largest PDF)")}
            _say(f"bench: largest PDF {big.pages} pages, peak tree RSS {run.peak_tree_rss / 2**20:.0f} MB")
        if not args.no_profile:
            from ..bench.profile import profile_parse
            result["profile"] = profile_parse(paths[: min(len(paths), 8)])
        result["orchestration"] = _orchestration(paths, tmp / "orchestration")
    result["load"][1] = os.getloadavg()[0]
    out.write_text(report.render(result), encoding="utf-8")
    print(f"wrote {out}")
    run, plumb = result["pipeline"]["run"], result["pdfplumber"][0]
    print(f"pipeline {run.seconds:.1f}s vs bare pdfplumber {plumb['seconds']:.1f}s ({run.seconds / plumb['seconds']:.2f}×) "
          f"on {pages} pages; reproduce: {shlex.quote(command)}")
    return 0


def _faster(old, new, seconds):
    return new if old is None or seconds(new) < seconds(old) else old


def _speed_round(result: dict, paths, workers: int, args, workdir: Path) -> None:
    """One pass of each kind (the pipeline first, then the bare passes); keeps each pass's fastest run."""
    from ..bench import passes, pipeline

    res = pipeline.run_pipeline(paths, workdir, workers=args.workers)
    res["workers"] = workers
    result["pipeline"] = _faster(result.get("pipeline"), res, lambda r: r["run"].seconds)
    result["selection_peak"] = max(result.get("selection_peak", 0), res["run"].peak_tree_rss)
    _say(f"bench: pipeline {res['run'].seconds:.1f}s, no-op {res['noop'].seconds:.1f}s")
    pdfium = passes.run_pass("pdfium", paths)
    result["pdfium"] = _faster(result.get("pdfium"), pdfium, lambda r: r["seconds"])
    _say(f"bench: pdfium {pdfium['seconds']:.1f}s")
    runs = [passes.run_pass("pdfplumber", paths)]
    _say(f"bench: pdfplumber (1 process) {runs[0]['seconds']:.1f}s")
    if not args.serial_only and workers > 1:
        runs.append(passes.run_pass("pdfplumber", paths, workers=workers))
        _say(f"bench: pdfplumber ({workers} processes) {runs[1]['seconds']:.1f}s")
    old = result.get("pdfplumber") or [None] * len(runs)
    result["pdfplumber"] = [_faster(o, n, lambda r: r["seconds"]) for o, n in zip(old, runs)]


def _orchestration(paths, workdir: Path) -> list[dict]:
    """Rows from pipelines/bench/orchestration.py (the Dagster developer's), when it exists."""
    try:
        from ..bench import orchestration
    except ImportError:
        return []
    measure = getattr(orchestration, "measure", None)
    if measure is None:
        return []
    workdir.mkdir(parents=True, exist_ok=True)
    return list(measure(paths, workdir))
