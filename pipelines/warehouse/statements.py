"""narrative_statement rows: the statements the parse stage extracted, stored with their document.

`store` runs inside the document's load transaction. `refresh` re-extracts from what the warehouse
holds (document_page text, the department, the function facts): the load stage calls it for both
documents of a two-PDF pack once they are linked (a partner may have changed a document's
department, whose name is left out of subjects), and migration 010 (`fill_missing`) calls it for documents loaded
before statements were extracted at parse time."""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pandas as pd

from ..narrative import Statement, statements_of

COLUMNS = ["document_id", "stmt_seq", "clause_id", "page", "section", "heading", "topic", "subject", "account_code",
           "measure", "value", "value_text", "unit", "scale", "direction", "base_topic", "base_value", "base_scale",
           "sentence", "note"]


def _frame(document_id: str, statements: list[Statement]) -> pd.DataFrame:
    return pd.DataFrame(
        [(document_id, st.stmt_seq, st.clause_id, st.page, st.section, st.heading, st.topic, st.subject,
          st.account_code, st.measure, None if st.value is None else str(st.value), st.value_text, st.unit, st.scale,
          st.direction, st.base_topic, None if st.base_value is None else str(st.base_value), st.base_scale,
          st.sentence, st.note or None) for st in statements], columns=COLUMNS)


# narrative_statement.value / base_value are DECIMAL(28, 6): 22 digits before the point
_LIMIT = Decimal(10) ** 22


class StatementError(ValueError):
    """A statement the warehouse cannot hold (the message says which figure and why)."""


def _storable(statements: list[Statement]) -> None:
    for st in statements:
        for v in (st.value, st.base_value):
            if v is not None and abs(v) >= _LIMIT:
                raise StatementError(f"{st.value_text!r} (page {st.page}) is beyond DECIMAL(28, 6)")


def store(con: duckdb.DuckDBPyConnection, document_id: str, statements: list[Statement]) -> None:
    """Replace the document's statements (the caller holds the transaction). Raises StatementError,
    before any SQL runs, for a figure the warehouse cannot hold."""
    _storable(statements)
    con.execute("DELETE FROM narrative_statement WHERE document_id = ?", [document_id])
    if not statements:
        return
    con.register("_statements_in", _frame(document_id, statements))
    try:
        con.execute(f"INSERT INTO narrative_statement ({', '.join(COLUMNS)}) "
                    f"SELECT {', '.join(COLUMNS)} FROM _statements_in")
    finally:
        con.unregister("_statements_in")


def keep(con: duckdb.DuckDBPyConnection, document_id: str, statements: list[Statement], error: str = "") -> None:
    """Store a loaded document's statements, or record on it why it has none (narrative_error: the
    extractor failed, or a figure cannot be stored); its tables stay loaded either way and the rules
    reading its narrative report the error. The caller holds the transaction."""
    if not error:
        try:
            store(con, document_id, statements)
        except StatementError as exc:
            error = f"narrative statements not stored: {exc}"
    if error:
        store(con, document_id, [])
    con.execute("UPDATE document SET narrative_error = ? WHERE document_id = ?", [error or None, document_id])


def extract_stored(con: duckdb.DuckDBPyConnection, document_id: str) -> list[Statement]:
    """The statements of a loaded document, extracted from what the warehouse holds of it."""
    doc = con.execute("SELECT coalesce(department, '') FROM document WHERE document_id = ?", [document_id]).fetchone()
    pages = con.execute("SELECT page, text FROM document_page WHERE document_id = ? ORDER BY page",
                        [document_id]).fetchall()
    names = con.execute("""SELECT DISTINCT account_code, account_name FROM fact_amount
                           WHERE document_id = ? AND account_scheme = 'function' AND account_code <> ''""",
                        [document_id]).fetchall()
    return statements_of(pages, doc[0] if doc else "", names)


def refresh(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    """Re-extract and keep one loaded document's statements (the caller holds the transaction)."""
    try:
        found, error = extract_stored(con, document_id), ""
    except Exception as exc:  # the extractor on text it cannot read: recorded on the document
        found, error = [], f"narrative statements not extracted: {type(exc).__name__}: {exc}"
    keep(con, document_id, found, error)


def fill_missing(con: duckdb.DuckDBPyConnection) -> None:
    """Documents loaded before statements were extracted at parse time and never checked since have
    none: extract them now (the migration's transaction)."""
    for (document_id,) in con.execute("""
            SELECT document_id FROM document d WHERE status = 'loaded'
            AND NOT EXISTS (SELECT 1 FROM narrative_statement s WHERE s.document_id = d.document_id)
            ORDER BY 1""").fetchall():
        refresh(con, document_id)
