"""`fiscal check`: re-run the consistency rules on the documents and print a summary."""
from __future__ import annotations

import sys

from .render import print_table


def register(sub) -> None:
    p = sub.add_parser("check", help="re-run the consistency rules (GX-judged) and print a summary")
    p.add_argument("--all", action="store_true", help="every loaded document, not only the current ones")
    p.add_argument("--document", action="append", default=[], metavar="ID",
                   help="a document id (or a unique prefix of one); repeatable")
    p.add_argument("--rules", help="comma-separated rule ids (default: the whole catalogue)")
    p.add_argument("--docs", metavar="DIR", help="build the GX Data Docs into DIR (default data/reports/data_docs)")
    p.add_argument("--no-docs", action="store_true", help="do not build the GX Data Docs")
    p.add_argument("--failures", type=int, default=40, metavar="N", help="list at most N failures (default 40)")
    p.add_argument("--publish-anyway", action="store_true",
                   help="accept the parse-integrity failures that hold the read snapshot back (recorded per "
                        "document and rule) and publish it")
    p.set_defaults(func=cmd_check)


def _documents(con, args) -> list[str]:
    if args.document:
        ids = []
        for prefix in args.document:
            hits = [r[0] for r in con.execute("SELECT document_id FROM document WHERE status = 'loaded' "
                                              "AND document_id LIKE ? || '%'", [prefix]).fetchall()]
            if len(hits) != 1:
                raise ValueError(f"document {prefix!r}: {'no' if not hits else len(hits)} loaded documents match")
            ids += hits
        return ids
    where = "status = 'loaded'" + ("" if args.all else " AND is_current")
    return [r[0] for r in con.execute(f"SELECT document_id FROM document WHERE {where} ORDER BY file_name").fetchall()]


def cmd_check(args) -> int:
    from .. import core
    from ..checks import CatalogueError, SuiteError, run_checks
    from ..warehouse.lock import WarehouseBusy

    settings = args.settings
    if not settings.warehouse.exists():
        print(f"fiscal check: no warehouse at {settings.warehouse} (run `fiscal ingest` first)", file=sys.stderr)
        return 2
    docs = None if args.no_docs else (args.docs or settings.data_docs)
    try:
        with core.writer(settings) as con:
            ids = _documents(con, args)
            rules = [r.strip() for r in args.rules.split(",") if r.strip()] if args.rules else None
            report = run_checks(con, ids, rules=rules, trigger="cli", docs_dir=docs)
            summary = con.execute("""
                SELECT file_name, left(document_id, 12), doc_kind, fiscal_year, n_rules_judged, n_pass, n_rounding,
                       n_fail, n_insufficient, n_error, CASE WHEN blocking THEN 'yes' ELSE '' END
                FROM v_check_summary WHERE check_run_id = ? ORDER BY file_name""", [report.check_run_id]).fetchall()
            publication = core.publish(settings, con, waive=args.publish_anyway)
    except (WarehouseBusy, ValueError, CatalogueError, SuiteError) as exc:
        print(f"fiscal check: {exc}", file=sys.stderr)
        return 2

    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items()))
    print(f"check run {report.check_run_id}: {len(report.document_ids)} documents, {report.n_rules} rules, "
          f"{report.seconds:.1f}s — {counts or 'nothing to check'}")
    if summary:
        print_table(["file", "document", "kind", "year", "rules judged", "pass", "rounding", "fail", "insufficient",
                     "error", "blocking"], summary)
    if report.failures:
        print(f"\nfailures ({len(report.failures)}; severity parse blocks downstream marts):")
        rows = [(d[:12], rule, sev, loc, "" if diff is None else diff, page or "")
                for d, rule, sev, loc, diff, page in report.failures[: args.failures]]
        print_table(["document", "rule", "severity", "location", "diff", "page"], rows, max_width=90)
        if len(report.failures) > args.failures:
            print(f"… {len(report.failures) - args.failures} more (fiscal query \"SELECT * FROM v_check_latest "
                  f"WHERE outcome = 'fail'\")")
    for rule, msg in sorted(report.errors.items()):
        print(f"error in {rule}: {msg}", file=sys.stderr)
    for doc, msg in sorted(report.document_errors.items()):
        print(f"error on document {doc[:12]}: {msg}", file=sys.stderr)
    if report.docs_index:
        print(f"\nGX Data Docs: {report.docs_index}")
    if publication.published and publication.blocking:
        print(f"\naccepted {len(publication.blocking)} parse-integrity failures (--publish-anyway); "
              f"{publication.summary}")
    elif not publication.published:
        print(f"fiscal check: {publication.summary}", file=sys.stderr)
    return 1 if report.errors or report.document_errors or not publication.published else 0
