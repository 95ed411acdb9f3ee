"""DuckDB connections. Writers hold the writer lock; readers use the published snapshot.

DuckDB lets one process write a file and a reader in another process blocks that writer, so
readers (dashboards, `fiscal query`) open the read-only snapshot, which the writer replaces
atomically (copy to a temporary name + rename) after each ingestion. Readers that have the old
snapshot open keep reading it until they reconnect (each connect_read opens the newest); nothing a
reader does can block the writer.
The first ingestion publishes an (empty) snapshot before it starts parsing, so readers never
need the writer's file.

Every connection checks that the file is this project's warehouse before anything is written to
it (warehouse_info, sql/ddl/000_warehouse_info.sql): a DuckDB file of another application given as
FISCAL_WAREHOUSE is refused untouched. Read connections are locked down (see _lock_down): they
cannot write anything, attach another database, or read or write any other file.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path
from typing import Any

import duckdb

# Files stay readable by DuckDB 1.1+ tools (duckdb 2.0's default format is not).
STORAGE_COMPATIBILITY = "v1.1.0"


# The marker every warehouse carries (sql/ddl/000_warehouse_info.sql).
APPLICATION = "fiscal-warehouse"
# Warehouses built before the marker existed: these tables together are this project's.
LEGACY_TABLES = frozenset({"document", "fact_amount", "ingest_run", "ingest_event"})


def snapshot_of(warehouse: Path) -> Path:
    """The read-only copy published for readers: <stem>.read<suffix> next to the warehouse."""
    return warehouse.with_name(warehouse.stem + ".read" + warehouse.suffix)


def lock_of(warehouse: Path) -> Path:
    """The writer lock's file (pipelines/warehouse/lock.py), next to the warehouse."""
    return warehouse.with_name(warehouse.name + ".lock")


class WarehouseError(Exception):
    """The warehouse cannot be opened or used; the message names the path and the reason."""


class NotAWarehouse(WarehouseError):
    """An existing file that is not this project's warehouse (garbage, another program's database)."""


class WarehouseMissing(WarehouseError, FileNotFoundError):
    """No warehouse (yet) at the configured path."""


def one_row(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple[Any, ...]:
    """The row of a query that returns one row (counts, aggregates)."""
    row = con.execute(sql, params).fetchone()
    if row is None:
        raise WarehouseError(f"a query that returns one row returned none: {' '.join(sql.split())[:120]}")
    return row


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Any:
    """The one value of a query that returns one row (a count, an aggregate)."""
    return one_row(con, sql, params)[0]


def _locked(exc: duckdb.Error) -> bool:
    return "could not set lock" in str(exc).lower() or "conflicting lock" in str(exc).lower()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def open_error(path: Path, exc: duckdb.Error) -> WarehouseError:
    """A one-line WarehouseError for a DuckDB error raised while opening `path`."""
    msg = _first_line(exc)
    low = msg.lower()
    if path.is_dir():
        return NotAWarehouse(f"{path}: is a folder, not a warehouse file (FISCAL_WAREHOUSE must name a .duckdb file)")
    if "not a valid duckdb database file" in low:
        return NotAWarehouse(f"{path}: not a DuckDB database (garbage or another program's file); refusing to use it")
    if "read-only file system" in low or "permission denied" in low:
        return WarehouseError(f"{path}: cannot write the warehouse ({msg.split(': ')[-1]})")
    if "no space left" in low:
        return WarehouseError(f"{path}: disk full (no space left on device)")
    return WarehouseError(f"{path}: cannot open the warehouse ({msg})")


def identify(con: duckdb.DuckDBPyConnection, alias: str, path: Path) -> str:
    """'warehouse' (this project's), or 'empty' (a database with nothing in it); raises NotAWarehouse
    for anything else. Reads only."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ? "
                                        "AND schema_name = 'main'", [alias]).fetchall()}
    if "warehouse_info" in tables:
        row = con.execute(f'SELECT value FROM "{alias}".main.warehouse_info WHERE key = \'application\'').fetchone()
        if row and row[0] == APPLICATION:
            return "warehouse"
    elif tables >= LEGACY_TABLES:
        return "warehouse"
    n = scalar(con, """SELECT (SELECT count(*) FROM duckdb_tables() WHERE database_name = $1)
                            + (SELECT count(*) FROM duckdb_views() WHERE database_name = $1 AND NOT internal)
                            + (SELECT count(*) FROM duckdb_sequences() WHERE database_name = $1)
                            + (SELECT count(*) FROM duckdb_functions() WHERE database_name = $1 AND NOT internal)""",
                [alias])
    if n == 0:
        return "empty"
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    raise NotAWarehouse(f"{path}: a DuckDB database of another application ({len(tables)} tables: {shown or 'none'}; "
                        f"no fiscal-warehouse marker); refusing to use it (set FISCAL_WAREHOUSE to this project's "
                        f"warehouse or to a new file)")


def _probe(path: Path) -> str:
    """identify() on an existing file, opened read-only in a private instance (nothing is written)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_sql_str(path)}' AS probe (READ_ONLY)")
        return identify(con, "probe", path)
    finally:
        con.close()


def connect_write(path: Path, wait: float = 30.0) -> duckdb.DuckDBPyConnection:
    """The writer's connection (the caller holds the writer lock).

    A process that opened the writer's file read-only (an old tool, or a reader from before any
    snapshot existed) makes DuckDB refuse the writer; wait up to `wait` seconds for it to go.
    An existing file is first inspected read-only: one that is not this project's warehouse raises
    NotAWarehouse and is left untouched (ensure_schema would otherwise add the warehouse's tables to
    it). Every failure to open is a WarehouseError naming the path and the reason."""
    path = Path(path)
    if path.is_dir():
        raise NotAWarehouse(f"{path}: is a folder, not a warehouse file (FISCAL_WAREHOUSE must name a .duckdb file)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(f"{path.parent}: cannot create the warehouse folder ({exc.strerror})") from exc
    deadline = time.monotonic() + wait
    while True:
        try:
            if path.exists():
                _probe(path)
            return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
        except duckdb.IOException as exc:
            if _locked(exc) and time.monotonic() < deadline:
                time.sleep(0.2)
                continue
            if _locked(exc):
                raise WarehouseError(f"{path}: still in use by another program after {wait:.0f}s "
                                     f"({_first_line(exc)})") from exc
            raise open_error(path, exc) from exc
        except duckdb.Error as exc:
            raise open_error(path, exc) from exc


def _remove_stale_temps(snap: Path) -> None:
    """Temporary copies left by a publisher that was killed mid-copy (its pid no longer runs)."""
    for tmp in snap.parent.glob(snap.name + ".tmp*"):
        pid = tmp.name.rsplit(".tmp", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def publish_snapshot(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Checkpoint the writer's file (the warehouse at `path`) and publish a read-only copy atomically."""
    path = Path(path)
    con.execute("CHECKPOINT")
    snap = snapshot_of(path)
    _remove_stale_temps(snap)
    tmp = snap.with_name(snap.name + f".tmp{os.getpid()}")
    try:
        shutil.copyfile(path, tmp)
        os.replace(tmp, snap)
    except OSError as exc:  # disk full, read-only folder: the previous snapshot stays as it was
        tmp.unlink(missing_ok=True)
        raise WarehouseError(f"{snap}: cannot publish the read snapshot ({exc.strerror}); readers keep the "
                             f"previous one") from exc
    return snap


def ensure_snapshot(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Publish a snapshot when none exists yet, so readers never open the writer's file."""
    path = Path(path)
    if not snapshot_of(path).exists():
        publish_snapshot(con, path)


def _open_read_only(target: Path, warehouse: Path, write_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB with the file attached read-only, made the only catalog, and locked down.

    duckdb.connect(path) would hand back the database this process already has open for that path
    (DuckDB caches instances by path), i.e. the snapshot as it was before a newer one was
    published, for as long as any connection to it stays open (a dashboard's, say). Attaching into
    a new instance always opens the file now at that path."""
    con = duckdb.connect(":memory:")
    try:
        alias = target.name.split(".", 1)[0] or "warehouse"  # what duckdb.connect(path) would name it
        if alias.lower() in ("memory", "system", "temp", "main"):
            alias = "warehouse"
        con.execute(f"ATTACH '{_sql_str(target)}' AS \"{alias}\" (READ_ONLY)")
        con.execute(f'USE "{alias}"')
        con.execute("DETACH memory")
        if identify(con, alias, target) == "empty":
            raise WarehouseMissing(f"no warehouse at {warehouse} yet ({target} is an empty database; "
                                   f"run `fiscal ingest` first)")
        _lock_down(con, write_dir)
        return con
    except BaseException:
        con.close()
        raise


def _lock_down(con: duckdb.DuckDBPyConnection, write_dir: Path | None) -> None:
    """No file access beyond the attached snapshot, for good.

    The snapshot is attached READ_ONLY (UPDATE/DELETE/CREATE on it fail). External access off: no
    COPY TO, no read_csv/read_text/glob of other files, no INSTALL/LOAD, no persistent secrets, no
    Python variables scanned as tables. The local file system is then disabled altogether, so even
    after `ATTACH ':memory:'; USE …; DETACH <snapshot>` nothing can re-attach the snapshot (or the
    writer's file) read-write, and no query spills to a temp folder. lock_configuration makes every
    setting final (SET/RESET/PRAGMA of any option fail).
    `write_dir` (the export's output folder, for its own COPY … TO statements) stays reachable, and only
    it: the local file system stays on, external access stays off for every other path."""
    con.execute("SET enable_progress_bar = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET allow_persistent_secrets = false")
    if write_dir is not None:  # as given (relative or not) and resolved: DuckDB compares the path text
        dirs = {str(Path(write_dir)).rstrip(os.sep) + os.sep, str(Path(write_dir).resolve()) + os.sep}
        con.execute("SET allowed_directories = ?", [sorted(dirs)])
    con.execute("SET enable_external_access = false")
    if write_dir is None:
        con.execute("SET disabled_filesystems = 'LocalFileSystem'")
    con.execute("SET lock_configuration = true")


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


def connect_read(warehouse: Path, retries: float = 10.0, write_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only, locked-down connection to the latest published snapshot of the warehouse at
    `warehouse` (or the warehouse itself if none yet).

    Raises WarehouseMissing (a FileNotFoundError) when there is no warehouse, NotAWarehouse for a file that
    is not this project's warehouse, WarehouseError when it cannot be opened. `write_dir`: see _lock_down."""
    deadline = time.monotonic() + retries
    while True:
        warehouse = Path(warehouse)
        snap = snapshot_of(warehouse)
        target = snap if snap.exists() else warehouse
        if not target.exists():
            raise WarehouseMissing(f"no warehouse at {warehouse} (run `fiscal ingest` first)")
        if target.is_dir():
            raise NotAWarehouse(f"{target}: is a folder, not a warehouse file "
                                f"(FISCAL_WAREHOUSE must name a .duckdb file)")
        try:
            return _open_read_only(target, warehouse, write_dir)
        except duckdb.IOException as exc:
            # only the writer's own file can be locked: the first ingestion is about to publish a snapshot
            if _locked(exc) and time.monotonic() < deadline:
                time.sleep(0.1)
                continue
            raise open_error(target, exc) from exc
        except duckdb.Error as exc:
            raise open_error(target, exc) from exc
