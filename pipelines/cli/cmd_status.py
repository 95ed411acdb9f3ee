"""`fiscal status`."""
from __future__ import annotations

import sys

from .render import print_table


def register(sub) -> None:
    p = sub.add_parser("status", help="documents, outcomes and rejection reasons")
    p.add_argument("--all", action="store_true", help="list every document, not only problems")
    p.set_defaults(func=cmd_status)


def _columns(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def cmd_status(args) -> int:
    from ..checks.gate import read_state
    from ..warehouse.connection import connect_read
    try:
        con = connect_read()
    except FileNotFoundError as exc:
        print(f"fiscal status: {exc}", file=sys.stderr)
        return 2
    pub = read_state()
    if pub is not None and not pub.published:
        # what readers see is older than the warehouse: say so first
        print(f"snapshot held back since {pub.at}: {pub.reason}")
        print(f"(this status, the dashboard and `fiscal query` read the snapshot published "
              f"{pub.published_at or 'before any load'}; fix or replace those documents, or accept the failures "
              f"with `fiscal check --publish-anyway`)\n")
    try:
        tot = con.execute("""SELECT status, doc_kind, count(*), sum(CASE WHEN is_current THEN 1 ELSE 0 END),
                             sum(n_facts) FROM document GROUP BY ALL ORDER BY 1, 2""").fetchall()
        print_table(["status", "kind", "documents", "current", "facts"], tot)
        have = _columns(con, "ingest_run")  # snapshots of older warehouses lack the newer columns
        rules = "coalesce(checks, '')" if "checks" in have else "''"
        note = "coalesce(note, '')" if "note" in have else "''"
        runs = con.execute(f"""SELECT run_id, trigger, started_at,
                                      CASE WHEN finished_at IS NULL THEN 'no (killed?)' ELSE 'yes' END,
                                      n_files, n_loaded, n_unchanged, n_rejected, {rules}, {note}
                               FROM ingest_run ORDER BY started_at DESC LIMIT 5""").fetchall()
        print("\nlast runs:")
        print_table(["run", "trigger", "started", "finished", "files", "loaded", "unchanged", "rejected", "rules",
                     "note"], runs)
        if runs and runs[0][8] and not runs[0][8].startswith("rules evaluated"):
            print(f"rules of run {runs[0][0]}: {runs[0][8]}")  # in full: the table cuts long cells
        if runs and runs[0][9]:
            print(f"run {runs[0][0]} {runs[0][9]}")
        where = "" if args.all else "WHERE status <> 'loaded' OR NOT is_current"
        docs = con.execute(f"""SELECT file_name, left(document_id, 12), status, doc_kind, department, fiscal_year,
                                      CASE WHEN copy_of IS NOT NULL THEN 'copy of ' || left(copy_of, 12)
                                           WHEN superseded_by IS NOT NULL THEN 'superseded by ' || left(superseded_by, 12)
                                           ELSE reason END, quarantine_path
                               FROM document {where} ORDER BY status, file_name""").fetchall()
        print("\ndocuments" + ("" if args.all else " needing attention (rejected, copies, superseded)") + ":")
        print_table(["file", "document", "status", "kind", "department", "year", "reason", "quarantined copy"], docs)
        # loaded, but with something to know: an assumed unit, garbled figures, failing rules
        noted = con.execute("""
            WITH last AS (
                SELECT document_id, arg_max(reason, event_at) AS note
                FROM ingest_event WHERE outcome IN ('loaded', 'reloaded', 'revision') GROUP BY 1)
            SELECT d.file_name, left(d.document_id, 12), d.department, d.fiscal_year,
                   coalesce(nullif(l.note, ''), '') AS note,
                   coalesce(s.n_rules_failing, 0) AS rules_failing,
                   CASE WHEN s.document_id IS NULL THEN 'not run' ELSE CAST(s.n_error AS VARCHAR) END AS rule_errors,
                   CASE WHEN coalesce(s.blocking, FALSE) THEN 'yes' ELSE '' END AS parse_check_failed
            FROM document d
            LEFT JOIN last l USING (document_id)
            LEFT JOIN v_check_summary s USING (document_id)
            WHERE d.status = 'loaded' AND d.is_current
              AND (coalesce(l.note, '') <> '' OR coalesce(s.blocking, FALSE) OR s.document_id IS NULL
                   OR s.n_error > 0 OR (? AND s.n_rules_failing > 0))
            ORDER BY parse_check_failed DESC, rules_failing DESC, d.file_name""", [args.all]).fetchall()
        print("\nloaded with notes (unit assumed, garbled figures, tables printed twice, rules not run or in error, "
              "parse-integrity rules failing" + (", any failing rule" if args.all else "") +
              "; `fiscal check` for details):")
        print_table(["file", "document", "department", "year", "note", "rules failing", "rule errors",
                     "parse check failed"], noted)
    finally:
        con.close()
    return 0
