"""`fiscal status`."""
from __future__ import annotations

import sys
from pathlib import Path

from .render import print_table


def register(sub) -> None:
    p = sub.add_parser("status", help="documents, outcomes, rejection reasons, provenance of fetched documents")
    p.add_argument("--all", action="store_true", help="list every document, not only problems")
    p.set_defaults(func=cmd_status)


def _columns(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def cmd_status(args) -> int:
    from .. import core
    try:
        con = core.reader(args.settings)
    except FileNotFoundError as exc:
        print(f"fiscal status: {exc}", file=sys.stderr)
        return 2
    pub = core.publication_state(args.settings)
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
        _coverage(con, args.all)
        fetched_documents(con, args.all)
    finally:
        con.close()
    fetch_runs(args.settings.fetch_state)
    return 0


def _coverage(con, show_all: bool) -> None:
    """How much of what the packs print is in the warehouse, what needs attention, what is unrecognised."""
    cov = con.execute("""
        SELECT d.doc_kind, count(DISTINCT d.document_id) AS documents, coalesce(sum(t.n_figures), 0) AS figures,
               coalesce(sum(t.n_covered), 0) AS covered,
               coalesce(CAST(round(100 * sum(t.n_covered) / nullif(sum(t.n_figures), 0), 2) AS VARCHAR) || ' %', '')
        FROM document d LEFT JOIN document_table t USING (document_id)
        WHERE d.status = 'loaded' AND d.is_current AND d.doc_kind IN ('budget', 'final')
        GROUP BY ALL ORDER BY 1""").fetchall()
    print("\ncoverage (figures printed inside the tables that became facts):")
    print_table(["kind", "documents", "figures printed", "became facts", "coverage"], cov)
    att = con.execute("""
        SELECT d.file_name, left(d.document_id, 12), d.doc_kind, d.department, d.fiscal_year,
               CASE WHEN d.coverage IS NULL THEN '' ELSE CAST(round(100 * d.coverage, 1) AS VARCHAR) || ' %' END,
               a.attention
        FROM v_document_attention a JOIN document d USING (document_id)
        WHERE d.is_current ORDER BY d.coverage NULLS LAST, d.file_name""").fetchall()
    print("\nloaded, needing attention (coverage under 95 %, core tables missing, no tables, garbled figures):")
    print_table(["file", "document", "kind", "department", "year", "coverage", "why"], att)
    limit = "" if show_all else "LIMIT 20"
    unknown = con.execute(f"""
        SELECT d.file_name, left(d.document_id, 12), t.table_id, t.page_start, t.page_end, coalesce(t.title, ''),
               t.n_facts
        FROM document_table t JOIN document d USING (document_id)
        WHERE d.is_current AND t.table_id IN ('BUD_X', 'FIN_X', 'X')
        ORDER BY d.file_name, t.table_seq {limit}""").fetchall()
    n = con.execute("""SELECT count(*), count(DISTINCT t.document_id) FROM document_table t JOIN document d
                       USING (document_id) WHERE d.is_current AND t.table_id IN ('BUD_X', 'FIN_X', 'X')""").fetchone()
    print(f"\ntables the catalogue does not know, kept with their amounts and left out of the rules: "
          f"{n[0]} in {n[1]} documents" + ("" if show_all or n[0] <= 20 else " (first 20; --all for every one)") + ":")
    print_table(["file", "document", "table", "from page", "to page", "title as printed", "facts"], unknown)


def fetched_documents(con, every: bool, limit: int = 10) -> None:
    """Where fetched documents came from (document_provenance), latest fetched first."""
    from ..warehouse.connection import scalar

    has = scalar(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'document_provenance'")
    if not has:
        return
    total = scalar(con, "SELECT count(*) FROM document_provenance p JOIN document d USING (document_id)")
    rows = con.execute(f"""
        SELECT d.file_name, left(d.document_id, 12), d.status, d.doc_kind,
               CASE WHEN d.doc_kind = 'other' AND d.status = 'loaded'
                    THEN 'not a disclosure pack: ' || coalesce(d.evidence->>'kind', '') ELSE '' END,
               p.source, coalesce(CAST(p.published_date AS VARCHAR), ''), p.article_title, p.attachment_url,
               strftime(p.fetched_at, '%Y-%m-%d %H:%M') || ' UTC',
               CASE WHEN p.replaces IS NOT NULL THEN 'replaces ' || left(p.replaces, 12) ELSE '' END
               || CASE WHEN json_array_length(p.also_at) > 0
                       THEN ' also at ' || CAST(json_array_length(p.also_at) AS VARCHAR) || ' other URL(s)'
                       ELSE '' END
        FROM document_provenance p JOIN document d USING (document_id)
        ORDER BY p.fetched_at DESC, d.file_name {'' if every else f'LIMIT {limit}'}""").fetchall()
    shown = "" if every or total <= limit else f", the latest {limit} of {total} (--all for every one)"
    print(f"\nfetched from the portals (provenance{shown}):")
    print_table(["file", "document", "status", "kind", "note", "source", "published", "article", "attachment URL",
                 "fetched", "history"], [[c.strip() if isinstance(c, str) else c for c in r] for r in rows],
                max_width=90)


def fetch_runs(state: Path) -> None:
    """The last fetch runs per source, from the fetch-state store (when there is one)."""
    import json

    from ..fetch.state import last_runs
    runs = last_runs(state)
    if not runs:
        return
    print("\nlast fetch runs (`fiscal fetch`, the nightly run):")
    rows = []
    for source, started, finished, counts, bytes_files, _bytes_pages, error in runs:
        c = json.loads(counts)
        rows.append([source, started, "yes" if finished else "no (running or interrupted)",
                     *(c.get(k, 0) for k in ("new", "revision", "unchanged", "duplicate", "skipped", "failed")),
                     bytes_files or 0, error])
    print_table(["source", "started (UTC)", "finished", "new", "revision", "unchanged", "duplicate", "skipped",
                 "failed", "bytes (files)", "error"], rows)
