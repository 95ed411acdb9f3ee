"""The canonical export (see shared/spec/disclosure-model.md): UTF-8 CSVs with a header row.

The contract's columns come first, in order; extra columns follow and never change their meaning.
Text that a spreadsheet would run as a formula (a file named `=HYPERLINK(…).pdf`) is written with a
leading apostrophe; numeric columns keep their numbers (export_formats/cells.py).
"""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from ..warehouse.connection import scalar
from .atomic import replacing
from .cells import neutralize, numeric

DOCUMENT_COLUMNS = ["document_id", "file", "department", "entity_level", "region", "fiscal_year", "doc_kind", "status",
                    "reason"]
DOCUMENT_EXTRA = ["is_current", "superseded_by", "copy_of", "n_pages", "parser_version", "unit_printed", "coverage",
                  "attention",
                  # provenance of a fetched document (document_provenance; empty for files put in the inbox by hand)
                  "source", "article_url", "attachment_url", "published_date", "fetched_at"]
FACT_COLUMNS = ["document_id", "department", "fiscal_year", "doc_kind", "table_id", "account_scheme", "account_code",
                "line_item", "account_name", "measure", "amount_wan", "unit_printed", "page"]
FACT_EXTRA = ["table_seq", "x0", "top", "x1", "bottom", "is_current"]

DOCUMENTS_SQL = """
SELECT document_id, file_name AS file, coalesce(department, '') AS department, coalesce(entity_level, '') AS entity_level,
       coalesce(region, '') AS region, fiscal_year, doc_kind, status, coalesce(reason, '') AS reason,
       is_current, coalesce(superseded_by, '') AS superseded_by, coalesce(copy_of, '') AS copy_of, n_pages,
       parser_version, coalesce(unit_printed, '') AS unit_printed,
       CASE WHEN coverage IS NULL THEN '' ELSE CAST(round(coverage, 4) AS VARCHAR) END AS coverage,
       coalesce((SELECT a.attention FROM v_document_attention a WHERE a.document_id = document.document_id), ''),
       coalesce(p.source, '') AS source, coalesce(p.article_url, '') AS article_url,
       coalesce(p.attachment_url, '') AS attachment_url, coalesce(CAST(p.published_date AS VARCHAR), '') AS published_date,
       coalesce(strftime(p.fetched_at, '%Y-%m-%dT%H:%M:%SZ'), '') AS fetched_at
FROM document LEFT JOIN (SELECT document_id, source, article_url, attachment_url, published_date, fetched_at
                         FROM document_provenance) p USING (document_id)
ORDER BY file_name, document_id
"""
# a warehouse written before document_provenance existed (it appears at its next ingestion)
_NO_PROVENANCE = "(SELECT NULL::VARCHAR AS document_id, NULL::VARCHAR AS source, NULL::VARCHAR AS article_url, " \
                 "NULL::VARCHAR AS attachment_url, NULL::DATE AS published_date, NULL::TIMESTAMP AS fetched_at WHERE FALSE)"


def documents_sql(con: duckdb.DuckDBPyConnection) -> str:
    """DOCUMENTS_SQL for this warehouse (provenance columns empty when it has no document_provenance yet)."""
    has = scalar(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'document_provenance'")
    return DOCUMENTS_SQL if has else DOCUMENTS_SQL.replace("FROM document_provenance)", f"FROM {_NO_PROVENANCE})")

FACTS_SQL = """
SELECT f.document_id, coalesce(d.department, '') AS department, f.fiscal_year, f.doc_kind, f.table_id, f.account_scheme,
       f.account_code, f.line_item, coalesce(f.account_name, '') AS account_name, f.measure, f.amount_text AS amount_wan,
       f.unit_printed, f.page, f.table_seq, round(f.x0, 2), round(f.top, 2), round(f.x1, 2), round(f.bottom, 2),
       d.is_current
FROM fact_amount f JOIN document d USING (document_id)
ORDER BY d.file_name, f.document_id, f.table_seq, f.row_index, f.col_index
"""

TABLE_COLUMNS = ["document_id", "table_seq", "table_id", "title", "label", "page_start", "page_end", "is_empty", "n_rows",
                 "n_facts", "coverage"]
TABLE_EXTRA = ["n_figures", "n_covered", "n_garbled", "identified_by", "unit_printed", "unit_source", "note"]

# Every table found in a document, printed empty ones included: catalogue tables by their id, tables
# with amounts the catalogue does not know as BUD_X / FIN_X (grids of text with no amount are not
# tables of the pack and are not listed). coverage: share of the figures printed in the table's area
# that became facts, 0-1, empty when it prints none.
TABLES_SQL = """
SELECT t.document_id, t.table_seq, t.table_id, coalesce(t.title, ''), coalesce(t.label, ''), t.page_start, t.page_end,
       coalesce(t.is_empty, FALSE), coalesce(t.n_rows, 0), coalesce(t.n_facts, 0),
       CASE WHEN t.coverage IS NULL THEN '' ELSE CAST(round(t.coverage, 4) AS VARCHAR) END,
       coalesce(t.n_figures, 0), coalesce(t.n_covered, 0), coalesce(t.n_garbled, 0), coalesce(t.identified_by, ''),
       coalesce(t.unit_printed, ''), coalesce(t.unit_source, ''), coalesce(t.note, '')
FROM document_table t JOIN document d USING (document_id)
WHERE t.table_id IS NOT NULL
ORDER BY d.file_name, t.document_id, t.table_seq
"""

CHECK_COLUMNS = ["document_id", "rule_id", "outcome", "location", "expected", "actual", "diff", "page"]
CHECK_EXTRA = ["envelope", "severity", "rule_group", "table_id", "x0", "top", "x1", "bottom", "detail", "check_run_id"]

# Each document's latest check run (v_check_latest, sql/views/020_checks_results.sql); decimals
# without trailing zeros.
CHECKS_SQL = """
SELECT c.document_id, c.rule_id, c.outcome, coalesce(c.location, ''),
       regexp_replace(CAST(c.expected AS VARCHAR), '\\.?0+$', ''), regexp_replace(CAST(c.actual AS VARCHAR), '\\.?0+$', ''),
       regexp_replace(CAST(c.diff AS VARCHAR), '\\.?0+$', ''), c.page,
       regexp_replace(CAST(c.envelope AS VARCHAR), '\\.?0+$', ''), coalesce(c.severity, ''), coalesce(c.rule_group, ''),
       coalesce(c.table_id, ''), round(c.x0, 2), round(c.top, 2), round(c.x1, 2), round(c.bottom, 2),
       coalesce(c.detail, ''), c.check_run_id
FROM v_check_latest c JOIN document d USING (document_id)
ORDER BY d.file_name, c.document_id, c.rule_id, c.page NULLS FIRST, c.location
"""


# Columns that hold numbers by contract (amount_wan is an exact decimal string): written as they are.
NUMERIC_COLUMNS = frozenset({"fiscal_year", "n_pages", "amount_wan", "page", "table_seq", "x0", "top", "x1", "bottom",
                             "expected", "actual", "diff", "envelope", "page_start", "page_end", "n_rows", "n_facts",
                             "coverage", "n_figures", "n_covered", "n_garbled"})


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def write_csv(con: duckdb.DuckDBPyConnection, sql: str, header: list[str], out: Path) -> int:
    """Write the query's rows under `header` into `out`, atomically (a failed write leaves the old file)."""
    cur = con.execute(sql)
    cells = [numeric if c in NUMERIC_COLUMNS else neutralize for c in header]
    n = 0
    with replacing(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        while True:
            rows = cur.fetchmany(10000)
            if not rows:
                break
            for r in rows:
                w.writerow([cell(_fmt(v)) for cell, v in zip(cells, r)])
                n += 1
    return n


def export_canonical(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {
        "documents.csv": write_csv(con, documents_sql(con), DOCUMENT_COLUMNS + DOCUMENT_EXTRA,
                                   out_dir / "documents.csv"),
        "facts.csv": write_csv(con, FACTS_SQL, FACT_COLUMNS + FACT_EXTRA, out_dir / "facts.csv"),
        "tables.csv": write_csv(con, TABLES_SQL, TABLE_COLUMNS + TABLE_EXTRA, out_dir / "tables.csv"),
    }
    has_checks = scalar(con, "SELECT count(*) FROM duckdb_views() WHERE view_name = 'v_check_latest'")
    counts["checks.csv"] = write_csv(con, CHECKS_SQL if has_checks else "SELECT 1 WHERE FALSE",
                                     CHECK_COLUMNS + CHECK_EXTRA, out_dir / "checks.csv")
    return counts
