"""Parquet beside the canonical CSVs: the same rows and columns, typed. amount_wan is an exact
DECIMAL(28, 6) (the CSV's decimal string stays available as amount_text)."""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..warehouse.connection import scalar
from . import canonical
from .atomic import replacing


def _aliased(sql: str, columns: list[str]) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    return f"SELECT * FROM ({sql}) AS t({cols})"


def _copy(con: duckdb.DuckDBPyConnection, sql: str, out: Path) -> int:
    with replacing(out) as tmp:
        con.execute(f"COPY ({sql}) TO '{_quote(tmp)}' (FORMAT parquet, COMPRESSION zstd)")
    return scalar(con, f"SELECT count(*) FROM read_parquet('{_quote(out)}')")


def _quote(p: Path) -> str:
    return str(p).replace("'", "''")


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = _aliased(canonical.documents_sql(con), canonical.DOCUMENT_COLUMNS + canonical.DOCUMENT_EXTRA)
    facts = _aliased(canonical.FACTS_SQL, canonical.FACT_COLUMNS + canonical.FACT_EXTRA)
    facts = (f"SELECT * REPLACE (CAST(amount_wan AS DECIMAL(28, 6)) AS amount_wan), amount_wan AS amount_text "
             f"FROM ({facts})")
    return {"documents.parquet": _copy(con, docs, out_dir / "documents.parquet"),
            "facts.parquet": _copy(con, facts, out_dir / "facts.parquet")}
