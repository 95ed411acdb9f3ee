"""Subcommands of `fiscal`. Each `add_*` registers one subcommand and its handler."""
from __future__ import annotations

import sys
from pathlib import Path

from .render import print_table


def add_ingest(sub) -> None:
    p = sub.add_parser("ingest", help="ingest PDF files or folders (recursive)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--workers", type=int, default=None, help="parallel parse workers (default: CPU count)")
    p.add_argument("--wait", type=float, default=600.0,
                   help="seconds to wait for another ingestion to finish (0: exit at once)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args) -> int:
    from ..ingest.runner import ingest
    from ..warehouse.lock import WarehouseBusy
    try:
        report = ingest(args.paths, workers=args.workers, progress=None if args.quiet else sys.stderr,
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
    return 1 if report.rejected or report.problems else 0


def add_export(sub) -> None:
    p = sub.add_parser("export", help="write the canonical export (documents.csv, facts.csv)")
    p.add_argument("--out", required=True, help="output folder")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from ..warehouse.connection import connect_read
    from ..warehouse.export import export_canonical
    con = connect_read()
    try:
        counts = export_canonical(con, Path(args.out))
    finally:
        con.close()
    for name, n in counts.items():
        print(f"{Path(args.out) / name}: {n} rows")
    return 0


def add_query(sub) -> None:
    p = sub.add_parser("query", help="run a read-only SQL query")
    p.add_argument("sql")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("--limit", type=int, default=200, help="rows to print in table format (0: all)")
    p.set_defaults(func=cmd_query)


def cmd_query(args) -> int:
    import csv

    import duckdb

    from ..warehouse.connection import connect_read
    try:
        con = connect_read()
    except FileNotFoundError as exc:
        print(f"fiscal query: {exc}", file=sys.stderr)
        return 2
    try:
        try:
            cur = con.execute(args.sql)
        except duckdb.Error as exc:
            print(f"fiscal query: {exc}", file=sys.stderr)
            return 2
        if cur.description is None:
            return 0
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        shown = rows if args.limit == 0 else rows[: args.limit]
        print_table(cols, shown)
        if len(shown) < len(rows):
            print(f"({len(rows)} rows, {len(shown)} shown; --limit 0 for all)")
    return 0


def add_status(sub) -> None:
    p = sub.add_parser("status", help="documents, outcomes and rejection reasons")
    p.add_argument("--all", action="store_true", help="list every document, not only problems")
    p.set_defaults(func=cmd_status)


def cmd_status(args) -> int:
    from ..warehouse.connection import connect_read
    try:
        con = connect_read()
    except FileNotFoundError as exc:
        print(f"fiscal status: {exc}", file=sys.stderr)
        return 2
    try:
        tot = con.execute("""SELECT status, doc_kind, count(*), sum(CASE WHEN is_current THEN 1 ELSE 0 END),
                             sum(n_facts) FROM document GROUP BY ALL ORDER BY 1, 2""").fetchall()
        print_table(["status", "kind", "documents", "current", "facts"], tot)
        runs = con.execute("""SELECT run_id, trigger, started_at, n_files, n_loaded, n_unchanged, n_rejected
                              FROM ingest_run ORDER BY started_at DESC LIMIT 5""").fetchall()
        print("\nlast runs:")
        print_table(["run", "trigger", "started", "files", "loaded", "unchanged", "rejected"], runs)
        where = "" if args.all else "WHERE status <> 'loaded' OR NOT is_current"
        docs = con.execute(f"""SELECT file_name, left(document_id, 12), status, doc_kind, department, fiscal_year,
                                      CASE WHEN copy_of IS NOT NULL THEN 'copy of ' || left(copy_of, 12)
                                           WHEN superseded_by IS NOT NULL THEN 'superseded by ' || left(superseded_by, 12)
                                           ELSE reason END, quarantine_path
                               FROM document {where} ORDER BY status, file_name""").fetchall()
        print("\ndocuments" + ("" if args.all else " needing attention (rejected, copies, superseded)") + ":")
        print_table(["file", "document", "status", "kind", "department", "year", "reason", "quarantined copy"], docs)
    finally:
        con.close()
    return 0


REGISTRY = [add_ingest, add_export, add_query, add_status]
