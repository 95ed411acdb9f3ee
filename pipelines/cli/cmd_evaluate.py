"""`fiscal evaluate --corpus DIR`: identification and table coverage against the corpus MANIFEST.tsv."""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="ingest a labelled corpus into a scratch warehouse and compare with its "
                                        "MANIFEST.tsv (identification, tables found per document)")
    p.add_argument("--corpus", required=True, help="folder with the PDFs and MANIFEST.tsv")
    p.add_argument("--out", default="data/reports", help="report folder (default data/reports)")
    p.add_argument("--workers", type=int, default=None, help="parallel parse workers (default: CPU count)")
    p.add_argument("--reuse", action="store_true",
                   help="keep the scratch warehouse of the last evaluation (only new files are parsed)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args) -> int:
    from ..evaluate.compare import collect, summarise
    from ..evaluate.identities import table_identities
    from ..evaluate.manifest import ManifestError, read_manifest
    from ..evaluate.report import summary_lines, write
    corpus = Path(args.corpus)
    try:
        manifest = read_manifest(corpus)
    except ManifestError as exc:
        print(f"fiscal evaluate: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    scratch = out / "evaluate-warehouse"
    if scratch.exists() and not args.reuse:
        shutil.rmtree(scratch)
    settings = args.settings.for_warehouse((scratch / "warehouse.duckdb").resolve())
    from .. import core
    t0 = time.monotonic()
    files = [corpus / e.file for e in manifest]
    missing = [str(f) for f in files if not f.is_file()]
    for m in missing:
        print(f"fiscal evaluate: listed in the manifest but not found: {m}", file=sys.stderr)
    core.ingest(settings, [f for f in files if f.is_file()], workers=args.workers, trigger="evaluate",
                progress=None if args.quiet else sys.stderr, publish_snapshot=False)
    with core.writer(settings) as con:
        checks = collect(con, manifest)
        identities = table_identities(con, [c.expected.sha256 for c in checks if c.status == "loaded"])
    summary = summarise(checks)
    summary["identities"] = identities
    md, js = write(out, corpus, checks, summary, time.monotonic() - t0)
    for ln in summary_lines(summary):
        print(ln)
    print(f"report: {md} (and {js.name})")
    return 0
