"""The marts: analyst and data-quality views over the warehouse, one SQL file each in sql/marts/.

`ensure_marts(con)` creates them in the warehouse (called when the schema is created, so they are in
every published snapshot and usable from `fiscal query`). `attach_marts(con)` creates them as
temporary views on a read-only connection, so a reader always sees the current definitions even
on a snapshot published before a mart changed.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .. import resources

_CREATE = re.compile(r"\bCREATE OR REPLACE (VIEW|MACRO)\b", re.IGNORECASE)
_NAME = re.compile(r"\bCREATE OR REPLACE (?:VIEW|MACRO) (\w+)", re.IGNORECASE)


def mart_dir() -> Path:
    return resources.sql_dir("marts")


def mart_files() -> list[Path]:
    return sorted(mart_dir().glob("*.sql"))


def mart_names() -> list[str]:
    """Names of the mart views (macros excluded), in creation order."""
    out = []
    for f in mart_files():
        text = f.read_text(encoding="utf-8")
        out += [m.group(1) for m in re.finditer(r"\bCREATE OR REPLACE VIEW (\w+)", text, re.IGNORECASE)]
    return out


def _run(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> None:
    try:
        con.execute(sql)
    except duckdb.Error as exc:
        names = ", ".join(_NAME.findall(sql)) or "?"
        raise RuntimeError(f"{path.relative_to(resources.sql_dir().parent)} ({names}): {exc}") from exc


def ensure_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every mart (needs a writable connection with the schema in place)."""
    for f in mart_files():
        _run(con, f.read_text(encoding="utf-8"), f)


# Warehouse views the marts read, attached with them (a snapshot published before such a view existed
# still serves the current marts).
BASE_VIEWS = ("015_fact_department.sql",)


def attach_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Create every mart as a TEMP view/macro on this connection (works on read-only connections)."""
    for f in [resources.sql_dir("views") / name for name in BASE_VIEWS] + mart_files():
        _run(con, _CREATE.sub(lambda m: f"CREATE OR REPLACE TEMP {m.group(1).upper()}", f.read_text(encoding="utf-8")),
             f)
