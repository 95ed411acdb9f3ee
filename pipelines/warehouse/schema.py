"""Create/upgrade the warehouse schema from sql/ddl and sql/views (idempotent)."""
from __future__ import annotations

import duckdb

from .. import catalogue
from ..dashboard.marts import ensure_marts
from . import paths


def sql_files(folder: str) -> list:
    return sorted((paths.SQL_DIR / folder).glob("*.sql"))


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for f in sql_files("ddl"):
        con.execute(f.read_text(encoding="utf-8"))
    for f in sql_files("views"):
        con.execute(f.read_text(encoding="utf-8"))
    existing = {r[0]: tuple(r[1:]) for r in con.execute(
        "SELECT table_id, doc_kind, name, row_scheme, yields_facts, is_extra FROM dim_table").fetchall()}
    for t in catalogue.tables():
        row = (t.kind, t.name, t.rows, t.facts, t.extra)
        if t.id not in existing:
            con.execute("INSERT INTO dim_table (table_id, doc_kind, name, row_scheme, yields_facts, is_extra) "
                        "VALUES (?, ?, ?, ?, ?, ?)", (t.id, *row))
        elif existing[t.id] != row:
            con.execute("UPDATE dim_table SET doc_kind = ?, name = ?, row_scheme = ?, yields_facts = ?, is_extra = ? "
                        "WHERE table_id = ?", (*row, t.id))
    ensure_marts(con)
