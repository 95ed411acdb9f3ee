"""Create/upgrade the warehouse schema from sql/ddl and sql/views (idempotent)."""
from __future__ import annotations

import duckdb

from .. import catalogue
from ..dashboard.marts import ensure_marts
from .. import resources


def sql_files(folder: str) -> list:
    return resources.sql_files(folder)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for f in sql_files("ddl"):
        con.execute(f.read_text(encoding="utf-8"))
    for f in sql_files("views"):
        con.execute(f.read_text(encoding="utf-8"))
    cols = ("doc_kind", "name", "row_scheme", "yields_facts", "is_extra", "named_by", "is_core", "is_required")
    existing = {r[0]: tuple(r[1:]) for r in con.execute(f"SELECT table_id, {', '.join(cols)} FROM dim_table").fetchall()}
    for t in catalogue.tables():
        row = (t.kind, t.name, t.rows, t.facts, t.extra, t.named_by or None, t.core, t.required)
        if t.id not in existing:
            con.execute(f"INSERT INTO dim_table (table_id, {', '.join(cols)}) VALUES ({', '.join('?' * (len(cols) + 1))})",
                        (t.id, *row))
        elif existing[t.id] != row:
            con.execute(f"UPDATE dim_table SET {', '.join(c + ' = ?' for c in cols)} WHERE table_id = ?", (*row, t.id))
    parts = [(m, p) for m, ps in catalogue.measure_parts().items() for p in ps]
    if sorted(parts) != sorted(con.execute("SELECT measure, part FROM dim_measure_part").fetchall()):
        con.execute("DELETE FROM dim_measure_part")
        if parts:
            con.executemany("INSERT INTO dim_measure_part VALUES (?, ?)", parts)
    ensure_marts(con)
