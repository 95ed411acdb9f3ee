"""The warehouse schema: numbered migrations applied once, views and marts created once per definition.

- Migrations are the files of sql/ddl, `NNN_name.sql`, applied in number order. Each is applied in
  a transaction of its own together with its row in `schema_migration` (version, name, checksum,
  applied_at), so a warehouse is never left half-migrated and no statement runs twice. A migration
  is never edited once released: a file whose checksum differs from the one recorded when it was
  applied stops the program with a message naming it (change the schema with a new file instead).
- Migrations 000-BASELINE were the schema files of warehouses built before migrations were recorded;
  they are idempotent (CREATE … IF NOT EXISTS, ADD COLUMN IF NOT EXISTS), so such a warehouse (no
  `schema_migration` table) is upgraded by applying them all once, without loss. Migrations after
  the baseline are plain DDL, applied exactly once; one may have a data step (DATA_STEPS) that runs
  in the same transaction.
- Views and marts (sql/views, sql/marts: CREATE OR REPLACE only) live in the warehouse file, so
  every published snapshot and every read-only connection has them. They are (re)created only when
  a file's checksum differs from the one recorded in `schema_object` (or a file was added or
  removed), all of them in file order in one transaction.
- dim_table and dim_measure_part follow the catalogue (pipelines/catalogue): rows are written only
  when the catalogue says something else than the warehouse.
`ensure_schema(con)` does all of this; on an up-to-date warehouse it only reads.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .. import catalogue, resources
from ..textutil.numbers import UNIT_EXPONENT, unit_factor
from . import statements
from .transaction import rollback

MIGRATIONS = "ddl"
OBJECT_FOLDERS = ("views", "marts")  # created in this order, files in name order
BASELINE = 9  # the last migration that predates schema_migration (idempotent by contract)
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

MIGRATION_TABLE = """CREATE TABLE IF NOT EXISTS schema_migration (
    version     INTEGER PRIMARY KEY,   -- the file's number (sql/ddl/NNN_name.sql)
    name        VARCHAR NOT NULL,      -- the file name
    checksum    VARCHAR NOT NULL,      -- sha256 of the file's text (line ends normalised)
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
)"""
OBJECT_TABLE = """CREATE TABLE IF NOT EXISTS schema_object (
    folder      VARCHAR NOT NULL,      -- views | marts
    name        VARCHAR NOT NULL,      -- the file name
    checksum    VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (folder, name)
)"""


class SchemaError(Exception):
    """The warehouse's recorded schema does not match this program's migrations; names the file."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return _text(self.path)

    @property
    def checksum(self) -> str:
        return checksum(self.sql)


@dataclass(frozen=True)
class SchemaChange:
    """What ensure_schema did: migrations applied (file names), whether views and marts were
    (re)created, whether the warehouse predated recorded migrations."""

    applied: tuple[str, ...] = ()
    objects: bool = False
    legacy: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.applied) or self.objects


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def checksum(sql: str) -> str:
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()


def migrations() -> list[Migration]:
    """sql/ddl's migrations in version order; a file named against the convention or a repeated
    number is a programming error."""
    out: list[Migration] = []
    for path in resources.sql_files(MIGRATIONS):
        m = _NAME.match(path.name)
        if m is None:
            raise SchemaError(f"{path}: a migration is named NNN_name.sql (three digits, lower-case name)")
        out.append(Migration(int(m.group(1)), path.name, path))
    versions = [m.version for m in out]
    if len(set(versions)) != len(versions):
        raise SchemaError(f"{resources.sql_dir(MIGRATIONS)}: two migrations share a number")
    return out


def object_files() -> list[tuple[str, Path]]:
    return [(folder, f) for folder in OBJECT_FOLDERS for f in resources.sql_files(folder)]


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                                      "AND schema_name = 'main'").fetchall()}


def applied_migrations(con: duckdb.DuckDBPyConnection) -> dict[int, tuple[str, str]]:
    """version -> (name, checksum) recorded in this warehouse ({} before any)."""
    if "schema_migration" not in _tables(con):
        return {}
    return {r[0]: (r[1], r[2]) for r in con.execute("SELECT version, name, checksum FROM schema_migration").fetchall()}


# Data steps of migrations: version -> fn(con), run after the migration's SQL, in its transaction.
DATA_STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    10: statements.fill_missing,  # statements of documents loaded before they were extracted at parse time
}


def migrate(con: duckdb.DuckDBPyConnection) -> tuple[tuple[str, ...], bool]:
    """Apply the migrations this warehouse has not recorded, each in its own transaction with its
    record. Returns (files applied, whether the warehouse predated recorded migrations)."""
    tables = _tables(con)
    legacy = bool(tables) and "schema_migration" not in tables
    done = applied_migrations(con)
    for version, (name, recorded) in sorted(done.items()):
        known = next((m for m in migrations() if m.version == version), None)
        if known is None:
            raise SchemaError(f"the warehouse has migration {name} applied, which this program does not have "
                              f"(a newer version of fiscal-warehouse built it)")
        if known.checksum != recorded:
            raise SchemaError(f"{known.path}: changed after it was applied to this warehouse (recorded checksum "
                              f"{recorded[:12]}, file {known.checksum[:12]}); a released migration is never edited: "
                              f"add a new numbered file to sql/{MIGRATIONS} instead")
    applied = []
    for m in migrations():
        if m.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(MIGRATION_TABLE)
            con.execute(m.sql)
            if m.version in DATA_STEPS:
                DATA_STEPS[m.version](con)
            con.execute("INSERT INTO schema_migration (version, name, checksum) VALUES (?, ?, ?)",
                        [m.version, m.name, m.checksum])
            con.execute("COMMIT")
        except BaseException as exc:
            rollback(con)
            if isinstance(exc, duckdb.Error):
                raise SchemaError(f"{m.path}: migration failed, nothing of it was applied: {exc}") from exc
            raise
        applied.append(m.name)
    return tuple(applied), legacy


def ensure_objects(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """(Re)create the views and marts when their files changed since they were recorded (or `force`).
    Returns whether they were (re)created."""
    want = {(folder, f.name): checksum(_text(f)) for folder, f in object_files()}
    have: dict[tuple[str, str], str] = {}
    if "schema_object" in _tables(con):
        have = {(r[0], r[1]): r[2] for r in con.execute("SELECT folder, name, checksum FROM schema_object").fetchall()}
    if want == have and not force:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(OBJECT_TABLE)
        for folder, f in object_files():
            try:
                con.execute(_text(f))
            except duckdb.Error as exc:
                raise SchemaError(f"sql/{folder}/{f.name}: {exc}") from exc
        con.execute("DELETE FROM schema_object")
        con.executemany("INSERT INTO schema_object (folder, name, checksum) VALUES (?, ?, ?)",
                        [(folder, name, c) for (folder, name), c in want.items()])
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise
    return True


TABLE_COLUMNS = ("doc_kind", "name", "row_scheme", "yields_facts", "is_extra", "named_by", "is_core", "is_required")


def _hashable(row) -> tuple:
    return tuple(tuple(v) if isinstance(v, list) else v for v in row)


def _replace_if_changed(con: duckdb.DuckDBPyConnection, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:
    """Make `table` hold exactly `rows` (written only when it differs)."""
    have = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
    if {_hashable(r) for r in have} == {_hashable(r) for r in rows} and len(have) == len(rows):
        return
    con.execute(f"DELETE FROM {table}")
    if rows:
        con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)


def sync_catalogue(con: duckdb.DuckDBPyConnection) -> None:
    """dim_table, dim_rule_measure, dim_unit and dim_measure_part as the catalogue has them (written
    only where they differ)."""
    cols = TABLE_COLUMNS
    existing = {r[0]: tuple(r[1:]) for r in con.execute(f"SELECT table_id, {', '.join(cols)} FROM dim_table").fetchall()}
    for t in catalogue.tables():
        row = (t.kind, t.name, t.rows, t.facts, t.extra, t.named_by or None, t.core, t.required)
        if t.id not in existing:
            con.execute(f"INSERT INTO dim_table (table_id, {', '.join(cols)}) VALUES ({', '.join('?' * (len(cols) + 1))})",
                        (t.id, *row))
        elif existing[t.id] != row:
            con.execute(f"UPDATE dim_table SET {', '.join(c + ' = ?' for c in cols)} WHERE table_id = ?", (*row, t.id))
    readings = [(t.id, i, list(r.measures) or None, list(r.unless) or None, r.header or None, r.as_measure)
                for t in catalogue.tables() for i, r in enumerate(t.rule_measures, start=1)]
    _replace_if_changed(con, "dim_rule_measure",
                        ("table_id", "priority", "measures", "unless_measures", "header_word", "as_measure"), readings)
    _replace_if_changed(con, "dim_unit", ("unit", "to_wan"),
                        [(unit, unit_factor(unit)) for unit in sorted(UNIT_EXPONENT)])
    parts = [(m, p) for m, ps in catalogue.measure_parts().items() for p in ps]
    if sorted(parts) != sorted(con.execute("SELECT measure, part FROM dim_measure_part").fetchall()):
        con.execute("DELETE FROM dim_measure_part")
        if parts:
            con.executemany("INSERT INTO dim_measure_part (measure, part) VALUES (?, ?)", parts)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> SchemaChange:
    """Bring the warehouse on `con` (a writer's connection) to this program's schema: pending
    migrations, changed views and marts, the catalogue's dimension rows. Reads only when up to date."""
    applied, legacy = migrate(con)
    objects = ensure_objects(con, force=bool(applied))
    sync_catalogue(con)
    return SchemaChange(applied, objects, legacy)
