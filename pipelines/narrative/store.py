"""narrative_statement rows: extract from document_page.text, resolve codes, replace per document."""
from __future__ import annotations

from contextlib import contextmanager

import pandas as pd

from .extract import extract
from .resolve import code_names, resolve

COLUMNS = ["document_id", "stmt_seq", "clause_id", "page", "section", "heading", "topic", "subject", "account_code",
           "measure", "value", "value_text", "unit", "scale", "direction", "base_topic", "base_value", "base_scale",
           "sentence", "note"]


@contextmanager
def transaction(con, **frames):
    """One DuckDB transaction with pandas frames registered under the given names."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in frames:
            con.unregister(name)


def statements_for(con, document_id: str) -> list:
    doc = con.execute("SELECT coalesce(department, '') FROM document WHERE document_id = ?", [document_id]).fetchone()
    pages = con.execute("SELECT page, text FROM document_page WHERE document_id = ? ORDER BY page",
                        [document_id]).fetchall()
    found = extract(pages, doc[0] if doc else "")
    names = None
    for st in found:
        if st.topic == "function":
            names = names if names is not None else code_names(con, document_id)
            st.account_code = resolve(st.subject, names)
    return found


def _rows(doc_id: str, statements) -> list[tuple]:
    return [(doc_id, st.stmt_seq, st.clause_id, st.page, st.section, st.heading, st.topic, st.subject,
             st.account_code, st.measure, None if st.value is None else str(st.value), st.value_text,
             st.unit, st.scale, st.direction, st.base_topic,
             None if st.base_value is None else str(st.base_value), st.base_scale, st.sentence, st.note or None)
            for st in statements]


def _replace(con, document_ids: list[str], rows: list[tuple]) -> None:
    with transaction(con, narr_new=pd.DataFrame(rows, columns=COLUMNS)):
        if document_ids:
            marks = ", ".join("?" for _ in document_ids)
            con.execute(f"DELETE FROM narrative_statement WHERE document_id IN ({marks})", list(document_ids))
        con.execute(f"INSERT INTO narrative_statement ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} FROM narr_new")


def refresh_statements(con, document_ids: list[str], errors: dict[str, str] | None = None) -> int:
    """Re-extract the narrative statements of these documents (idempotent); returns how many.

    errors: when given, a document whose statements cannot be extracted or stored is recorded there
    (document_id -> message, its statements removed) and the others are still refreshed; without it
    the first failure raises."""
    by_doc: dict[str, list[tuple]] = {}
    for doc_id in document_ids:
        try:
            by_doc[doc_id] = _rows(doc_id, statements_for(con, doc_id))
        except Exception as exc:
            if errors is None:
                raise
            errors[doc_id] = f"narrative statements not extracted: {type(exc).__name__}: {exc}"
    try:
        _replace(con, list(document_ids), [r for rows in by_doc.values() for r in rows])
    except Exception:
        if errors is None:
            raise
        # one document's rows cannot be stored: store each document on its own to find which
        for doc_id, rows in by_doc.items():
            try:
                _replace(con, [doc_id], rows)
            except Exception as exc:
                errors[doc_id] = f"narrative statements not stored: {type(exc).__name__}: {exc}"
                _replace(con, [doc_id], [])
    if errors:
        _replace(con, [d for d in document_ids if d in errors], [])
    return sum(len(rows) for d, rows in by_doc.items() if not errors or d not in errors)
