"""Hierarchy and row identities per code-keyed table (sql/views/040_table_identity.sql), for the
evaluation report: how many extracted tables add up, and each one that does not, with its figures."""
from __future__ import annotations

import duckdb


def table_identities(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> dict:
    """{kind: {judged, holds, fails, not_judged, failures: [...]}} over the given documents."""
    if not document_ids:
        return {}
    rows = con.execute(
        "SELECT doc_kind, file_name, table_id, page, status, parse_suspect, failures FROM v_table_identity "
        "WHERE document_id IN (SELECT unnest(?)) ORDER BY doc_kind, file_name, table_id", [document_ids]).fetchall()
    out: dict = {}
    for kind, file_name, table_id, page, status, suspect, failures in rows:
        s = out.setdefault(kind, {"tables": 0, "judged": 0, "holds": 0, "fails": 0, "not_judged": 0, "failures": []})
        s["tables"] += 1
        s[status] += 1
        if status != "not_judged":
            s["judged"] += 1
        if status == "fails":
            s["failures"].append({"file": file_name, "table_id": table_id, "page": page,
                                  "cause": "parse suspected" if suspect else "as printed (verify on the page)",
                                  "failures": failures})
    return out
