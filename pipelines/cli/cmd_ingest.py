"""`fiscal ingest`."""
from __future__ import annotations

import sys

from .render import print_table


def register(sub) -> None:
    p = sub.add_parser("ingest", help="ingest PDF files or folders (recursive)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--workers", type=int, default=None, help="parallel parse workers (default: CPU count)")
    p.add_argument("--wait", type=float, default=600.0,
                   help="seconds to wait for another ingestion to finish (0: exit at once)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args) -> int:
    from ..core import ingest
    from ..warehouse.lock import WarehouseBusy
    try:
        report = ingest(args.settings, args.paths, workers=args.workers, progress=None if args.quiet else sys.stderr,
                        lock_wait=args.wait)
    except WarehouseBusy as exc:
        print(f"fiscal ingest: {exc}", file=sys.stderr)
        return 2
    for prob in report.problems:
        print(f"fiscal ingest: {prob}", file=sys.stderr)
    rows = [[o.file, o.document_id[:12], o.outcome, o.kind, o.department, o.fiscal_year or "", o.tables, o.facts,
             o.reason] for o in report.outcomes]
    print_table(["file", "document", "outcome", "kind", "department", "year", "tables", "facts", "reason"], rows)
    counts: dict[str, int] = {}
    for o in report.outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "nothing to do"
    print(f"run {report.run_id}: {len(report.outcomes)} files ({summary}); parsed {report.parsed} in "
          f"{report.seconds:.1f}s")
    if report.held_back and report.publication is not None:
        print(f"fiscal ingest: {report.publication.summary}", file=sys.stderr)
    return 1 if report.rejected or report.problems or report.held_back else 0
