"""Load one parsed document into the warehouse in a single transaction.

Re-ingesting the same bytes (same parser version) changes nothing. A re-saved copy of a
publication already loaded (same printed text, different bytes) is recorded as a copy and not
counted twice. A re-published revision (same department, year, kind and pack part; different
content) becomes current and the older document stays as history (superseded_by).
A fetched file's provenance sidecar is recorded in document_provenance in the same transaction.
"""
from __future__ import annotations

import hashlib
import json

import duckdb
import pandas as pd

from ..intake import provenance
from ..packs import parts as packs_parts
from ..packs.link import attach, link_document
from ..parse.model import DocumentResult
from ..textutil.normalize import squash
from . import statements
from .identity import resolve
from .transaction import rollback

TABLE_COLUMNS = ("document_id", "table_seq", "table_id", "title", "label", "unit_printed", "unit_source", "page_start",
                 "page_end", "is_empty", "note", "identified_by", "n_rows", "n_facts", "header", "issues", "n_figures",
                 "n_covered", "n_garbled", "coverage")
FACT_COLUMNS = ["document_id", "table_seq", "table_id", "department_key", "fiscal_year", "doc_kind", "account_scheme",
                "account_code", "line_item", "account_name", "measure", "amount_wan", "amount_text", "amount_printed",
                "unit_printed", "page", "x0", "top", "x1", "bottom", "row_index", "col_index", "side", "header",
                "entity", "cross_class"]


def content_key(doc: DocumentResult) -> str:
    h = hashlib.sha256()
    for t in doc.page_texts:
        h.update(squash(t).encode("utf-8"))
        h.update(b"\x0c")
    return h.hexdigest()


def pack_part(doc: DocumentResult) -> str:
    return packs_parts.pack_part(doc.page_texts, doc.tables, doc.grid_pages)


def existing_state(con: duckdb.DuckDBPyConnection, document_id: str):
    return con.execute("SELECT status, parser_version FROM document WHERE document_id = ?", [document_id]).fetchone()


def _delete(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    for t in ("fact_amount", "fact_quantity", "document_table", "document_page", "narrative_statement"):
        con.execute(f"DELETE FROM {t} WHERE document_id = ?", [document_id])
    con.execute("DELETE FROM pack_attachment WHERE attachment_document_id = ? OR pack_document_id = ?",
                [document_id, document_id])
    con.execute("DELETE FROM document WHERE document_id = ?", [document_id])


def _facts_frame(doc: DocumentResult, dkey) -> pd.DataFrame:
    rows = []
    for f in doc.facts:
        rows.append((doc.document_id, f.table_seq, f.table_id, dkey, doc.fiscal_year, doc.kind, f.account_scheme,
                     f.account_code, f.line_item, f.account_name, f.measure, None, format(f.amount_wan, "f"),
                     f.printed, f.unit_printed, f.page, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3], f.row, f.col, f.side,
                     f.header, f.entity, f.cross))
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


def _upsert_accounts(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    """The document's function and economic codes in the account dimensions (levels and parents:
    account_level / account_parent, sql/views/000_accounts.sql)."""
    con.execute("""
        INSERT INTO dim_function_account
        SELECT DISTINCT account_code, account_level('function', account_code),
               account_parent('function', account_code), left(account_code, 3)
        FROM fact_amount WHERE document_id = ? AND account_scheme = 'function'
          AND account_level('function', account_code) IS NOT NULL
        ON CONFLICT DO NOTHING""", [document_id])
    con.execute("""
        INSERT INTO dim_economic_account
        SELECT DISTINCT account_code, CASE WHEN account_code LIKE '5%' THEN 'government' ELSE 'department' END,
               account_level('economic', account_code), account_parent('economic', account_code),
               left(account_code, 3)
        FROM fact_amount WHERE document_id = ? AND account_scheme = 'economic'
          AND account_level('economic', account_code) IS NOT NULL
        ON CONFLICT DO NOTHING""", [document_id])


def load_document(con: duckdb.DuckDBPyConnection, doc: DocumentResult, run_id: str,
                  quarantine_path: str | None = None) -> tuple[str, str]:
    """Returns (outcome, detail). Outcomes: loaded, unchanged, reloaded, copy, revision, rejected."""
    prev = existing_state(con, doc.document_id)
    if prev is not None and prev[1] == doc.parser_version and (prev[0] == "loaded") == (doc.status == "loaded"):
        return "unchanged", "same bytes already in the warehouse"
    con.execute("BEGIN TRANSACTION")
    try:
        _delete(con, doc.document_id)
        outcome, detail = ("reloaded", f"parser {prev[1]} -> {doc.parser_version}") if prev else ("loaded", "")
        evidence = json.dumps(doc.evidence, ensure_ascii=False)
        issues = json.dumps(doc.issues + [i for t in doc.tables for i in t.issues][:200], ensure_ascii=False)
        if doc.status != "loaded":
            con.execute(
                "INSERT INTO document (document_id, file_name, source_path, size_bytes, n_pages, doc_kind, parser_version,"
                " status, reason, reject_code, quarantine_path, evidence, issues, is_current, run_id)"
                " VALUES (?, ?, ?, ?, ?, 'other', ?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
                [doc.document_id, doc.file_name, doc.path, doc.size_bytes, doc.n_pages, doc.parser_version,
                 "rejected", doc.reason, doc.evidence.get("reject_code"),
                 quarantine_path, evidence, issues, run_id])
            provenance.record(con, doc.document_id, doc.path)
            con.execute("COMMIT")
            return "rejected", doc.reason
        if doc.fiscal_year is not None:
            con.execute("INSERT INTO dim_fiscal_year (fiscal_year) VALUES (?) ON CONFLICT DO NOTHING", [doc.fiscal_year])
        dkey = resolve(con, doc.department, doc.entity_level, doc.region, doc.fiscal_year, doc.document_id)
        ckey = content_key(doc)
        doc.evidence["pack_part"] = part = pack_part(doc)
        evidence = json.dumps(doc.evidence, ensure_ascii=False)
        copy_of = superseded_by = None
        is_current = True
        row = con.execute("SELECT document_id FROM document WHERE content_key = ? AND status = 'loaded' "
                          "ORDER BY ingested_at LIMIT 1", [ckey]).fetchone()
        if row:
            copy_of, is_current = row[0], False
            outcome, detail = "copy", f"same publication as {row[0][:12]} (re-saved copy)"
        elif doc.kind in ("final", "budget") and dkey is not None and doc.fiscal_year is not None:
            older = con.execute(
                "SELECT document_id, evidence->>'pack_part', evidence->>'pdf_date' FROM document "
                "WHERE department_key = ? AND fiscal_year = ? AND doc_kind = ? AND is_current AND status = 'loaded'",
                [dkey, doc.fiscal_year, doc.kind]).fetchall()
            new_date = doc.evidence.get("pdf_date") or ""
            for old_id, old_part, old_date in older:
                if (old_part or "full") != part:
                    continue
                if new_date and old_date and new_date < old_date:
                    # an earlier edition arriving late: history, not current (dates from the PDFs' metadata)
                    is_current, superseded_by = False, old_id
                    outcome, detail = "revision", f"older edition of {old_id[:12]} (dated {new_date[:10]} < {old_date[:10]})"
                else:
                    con.execute("UPDATE document SET is_current = FALSE, superseded_by = ? WHERE document_id = ?",
                                [doc.document_id, old_id])
                    outcome, detail = "revision", f"supersedes {old_id[:12]}"
        con.execute(
            "INSERT INTO document (document_id, file_name, source_path, size_bytes, n_pages, doc_kind, department_key,"
            " department, entity_level, region, fiscal_year, unit_printed, parser_version, status, reason, evidence,"
            " issues, content_key, copy_of, superseded_by, is_current, n_facts, run_id, n_figures, coverage)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'loaded', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.document_id, doc.file_name, doc.path, doc.size_bytes, doc.n_pages, doc.kind, dkey, doc.department,
             doc.entity_level, doc.region, doc.fiscal_year, doc.unit_printed, doc.parser_version, evidence, issues,
             ckey, copy_of, superseded_by, is_current, len(doc.facts), run_id, doc.n_figures, doc.coverage])
        n_by_seq: dict[int, int] = {}
        for f in doc.facts:
            n_by_seq[f.table_seq] = n_by_seq.get(f.table_seq, 0) + 1
        if doc.tables:
            con.executemany(
                f"INSERT INTO document_table ({', '.join(TABLE_COLUMNS)}) VALUES ({', '.join('?' * len(TABLE_COLUMNS))})",
                [(doc.document_id, t.seq, t.table_id, t.title, t.label, t.unit_printed, t.unit_source, t.page_start,
                  t.page_end, t.empty, t.note, t.identified_by, t.n_rows, n_by_seq.get(t.seq, 0),
                  json.dumps(t.header, ensure_ascii=False), json.dumps(t.issues, ensure_ascii=False),
                  t.n_figures, t.n_covered, t.n_garbled, t.coverage)
                 for t in doc.tables])
        if doc.facts:
            frame = _facts_frame(doc, dkey)
            con.register("_facts_in", frame)
            con.execute(f"INSERT INTO fact_amount ({', '.join(FACT_COLUMNS)}) "
                        f"SELECT {', '.join(FACT_COLUMNS[:11])}, CAST(amount_text AS DECIMAL(28, 6)), "
                        f"{', '.join(FACT_COLUMNS[12:])} FROM _facts_in")
            con.unregister("_facts_in")
            _upsert_accounts(con, doc.document_id)
        if doc.quantities:
            con.executemany(
                "INSERT INTO fact_quantity (document_id, table_seq, table_id, line_item, name, value, unit, page, x0, top, x1, "
                "bottom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.document_id, q.table_seq, q.table_id, q.line_item, q.name, q.value, q.unit, q.page, *q.bbox)
                 for q in doc.quantities])
        pages = pd.DataFrame({"document_id": doc.document_id, "page": range(1, len(doc.page_texts) + 1),
                              "text": doc.page_texts})
        con.register("_pages_in", pages)
        con.execute("INSERT INTO document_page (document_id, page, text) SELECT document_id, page, text FROM _pages_in")
        con.unregister("_pages_in")
        statements.keep(con, doc.document_id, doc.statements, doc.narrative_error)
        if copy_of is None:
            link = link_document(con, doc.document_id)
            if link:
                # the partner may have changed either document's department (left out of subjects)
                statements.refresh(con, link["tables"])
                statements.refresh(con, link["narrative"])
                partner = link["narrative" if link["tables"] == doc.document_id else "tables"]
                detail = (detail + "; " if detail else "") + f"pack partner {partner[:12]} ({link['n_matched']} totals)"
            joined = attach(con, doc.document_id)
            if joined and part == "attachment":
                detail = (detail + "; " if detail else "") + f"attachment of the pack {joined[0][:12]}"
        provenance.record(con, doc.document_id, doc.path)  # where a fetched file came from (its sidecar)
        con.execute("COMMIT")
        return outcome, detail
    except BaseException:
        rollback(con)
        raise
