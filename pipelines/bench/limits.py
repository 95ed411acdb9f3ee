"""What the parse limits (pipelines/intake/limits.py) are measured against: peak memory and time of
one document's parse, each in a child process of its own exactly as the ingestion runs it.

    python -m pipelines.bench.limits [--corpus DIR] [--largest N] [--skip-big]

Cases: the issue's decompression bomb (a 1.2 MB file whose page content inflates to 1.2 GB) and a
pack of 2,999 table pages, both generated (pipelines/generator/attacks.py), each parsed without
limits and with the defaults; the N largest real packs of the corpus (by pages and by bytes) with
the defaults. Prints a Markdown table (docs/limits.md quotes it). Memory is the child's peak
resident size above its size at start (the parser is imported before forking).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import tempfile
import time
from pathlib import Path

from ..ingest.isolation import Task, _status_kb, run_isolated
from ..intake.limits import Limits
from ..settings import Settings

UNLIMITED = Limits(file_mb=1e6, pages=10**6, stream_mb=1e7, inflated_mb=1e8, memory_mb=1e7, seconds=7200)


def _parse(path: str, lim: Limits, out: str) -> None:
    from ..parse.document import parse_document

    start = _status_kb("VmRSS")
    t = time.perf_counter()
    doc = parse_document(path, limits=lim)
    Path(out).write_text(json.dumps({"status": doc.status, "reason": doc.reason, "pages": doc.n_pages,
                                     "facts": len(doc.facts), "seconds": time.perf_counter() - t,
                                     "grew_mb": round((_status_kb("VmHWM") - start) / 1024)}), encoding="utf-8")


def _generate(tmp: str, big: bool) -> None:
    from ..generator.attacks import bomb, many_table_pages

    bomb(Path(tmp) / "bomb.pdf", 1200)
    if big:
        many_table_pages(Path(tmp) / "big.pdf", 2999)


def measure(path: Path, lim: Limits, tmp: Path) -> dict:
    out = tmp / f"{os.getpid()}.{time.monotonic_ns()}.json"
    [fin] = list(run_isolated([Task("x", _parse, (str(path), lim, str(out)))], 1, lim))
    # memory: the child's own high-water mark above its size at start (when it ended normally), else
    # its peak resident size (wait4) above the parent's at fork
    row = {"wall_s": round(fin.seconds, 1), "grew_mb": round(fin.grew_mb), "ended": "ok" if fin.ok else
           ("time limit" if fin.timed_out else f"exit {fin.exitcode}" if fin.signal is None else fin.signal_name)}
    if out.exists():
        row.update(json.loads(out.read_text(encoding="utf-8")))
        out.unlink()
    return row


def corpus_cases(corpus: Path, n: int) -> list[Path]:
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if (r.get("pages") or "").isdigit()]
    by_pages = sorted(rows, key=lambda r: -int(r["pages"]))[:n]
    by_bytes = sorted(rows, key=lambda r: -(corpus / r["file"]).stat().st_size)[:n]
    seen, out = set(), []
    for r in by_pages + by_bytes:
        if r["file"] not in seen:
            seen.add(r["file"])
            out.append(corpus / r["file"])
    return out


def main(argv: list[str] | None = None) -> int:
    from ..parse.document import parse_document  # noqa: F401 - imported before forking: children start with it

    ap = argparse.ArgumentParser(prog="python -m pipelines.bench.limits")
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[3] / "shared" / "corpus"))
    ap.add_argument("--largest", type=int, default=2)
    ap.add_argument("--skip-big", action="store_true", help="no 2,999-page case (it takes minutes)")
    args = ap.parse_args(argv)
    lim = Settings.from_env().limits
    rows = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        # generated in a child: the parent stays small, so every parse starts from the same size
        list(run_isolated([Task("generate", _generate, (d, not args.skip_big))], 1, UNLIMITED))
        cases = [("decompression bomb (1.2 MB, content inflates to 1.2 GB)", tmp / "bomb.pdf")]
        if not args.skip_big:
            cases.append(("2,999 table pages (generated)", tmp / "big.pdf"))
        for label, path in cases:
            rows.append((label, path.stat().st_size, "none", measure(path, UNLIMITED, tmp)))
            rows.append((label, path.stat().st_size, "defaults", measure(path, lim, tmp)))
        corpus = Path(args.corpus)
        if (corpus / "MANIFEST.tsv").exists():
            for path in corpus_cases(corpus, args.largest):
                rows.append((f"corpus: {path.relative_to(corpus)}", path.stat().st_size, "defaults",
                             measure(path, lim, tmp)))
    print(f"Limits in force: {lim}; load average before: {os.getloadavg()[0]:.1f}\n")
    print("| document | bytes | limits | pages | outcome | wall s | peak memory above start, MB |")
    print("|---|---:|---|---:|---|---:|---:|")
    for label, size, which, r in rows:
        outcome = r.get("status", r["ended"]) + (f": {r['reason'][:90]}" if r.get("reason") else "")
        if r["ended"] != "ok":
            outcome = f"process ended: {r['ended']}"
        print(f"| {label} | {size:,} | {which} | {r.get('pages', '')} | {outcome} | {r['wall_s']} | {r['grew_mb']:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
