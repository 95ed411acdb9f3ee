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
    existing = {r[0] for r in con.execute("SELECT table_id FROM dim_table").fetchall()}
    rows = [(t.id, t.kind, t.name, t.rows) for t in catalogue.tables() if t.id not in existing]
    if rows:
        con.executemany("INSERT INTO dim_table VALUES (?, ?, ?, ?)", rows)
    ensure_marts(con)
