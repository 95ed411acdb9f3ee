"""DuckDB connections. Writers hold the writer lock; readers use the published snapshot.

DuckDB lets one process write a file and a reader in another process blocks that writer, so
readers (dashboards, `fiscal query`) open the read-only snapshot, which the writer replaces
atomically (copy to a temporary name + rename) after each ingestion. Readers that have the old
snapshot open keep reading it until they reconnect (each connect_read opens the newest); nothing a
reader does can block the writer.
The first ingestion publishes an (empty) snapshot before it starts parsing, so readers never
need the writer's file.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import duckdb

from . import paths

# Files stay readable by DuckDB 1.1+ tools (duckdb 2.0's default format is not).
STORAGE_COMPATIBILITY = "v1.1.0"


def _locked(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


def connect_write(path: Path | None = None, wait: float = 30.0) -> duckdb.DuckDBPyConnection:
    """The writer's connection (the caller holds the writer lock).

    A process that opened the writer's file read-only (an old tool, or a reader from before any
    snapshot existed) makes DuckDB refuse the writer; wait up to `wait` seconds for it to go."""
    path = Path(path or paths.warehouse_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
        except duckdb.IOException as exc:
            if not _locked(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.2)


def _snapshot_for(path: Path) -> Path:
    return paths.snapshot_path() if path == paths.warehouse_path() else path.with_name(path.stem + ".read" + path.suffix)


def _remove_stale_temps(snap: Path) -> None:
    """Temporary copies left by a publisher that was killed mid-copy (its pid no longer runs)."""
    for tmp in snap.parent.glob(snap.name + ".tmp*"):
        pid = tmp.name.rsplit(".tmp", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                tmp.unlink()
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def publish_snapshot(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> Path:
    """Checkpoint the writer's file and publish a read-only copy atomically."""
    path = Path(path or paths.warehouse_path())
    con.execute("CHECKPOINT")
    snap = _snapshot_for(path)
    _remove_stale_temps(snap)
    tmp = snap.with_name(snap.name + f".tmp{os.getpid()}")
    shutil.copyfile(path, tmp)
    os.replace(tmp, snap)
    return snap


def ensure_snapshot(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> None:
    """Publish a snapshot when none exists yet, so readers never open the writer's file."""
    path = Path(path or paths.warehouse_path())
    if not _snapshot_for(path).exists():
        publish_snapshot(con, path)


def _open_read_only(target: Path) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB with the file attached read-only and made the default catalog.

    duckdb.connect(path) would hand back the database this process already has open for that path
    (DuckDB caches instances by path), i.e. the snapshot as it was before a newer one was
    published, for as long as any connection to it stays open (a dashboard's, say). Attaching into
    a new instance always opens the file now at that path."""
    con = duckdb.connect(":memory:")
    try:
        alias = target.name.split(".", 1)[0] or "warehouse"  # what duckdb.connect(path) would name it
        con.execute(f"ATTACH '{_sql_str(target)}' AS \"{alias}\" (READ_ONLY)")
        con.execute(f'USE "{alias}"')
        return con
    except BaseException:
        con.close()
        raise


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


def connect_read(retries: float = 10.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the latest published snapshot (or the warehouse if none yet)."""
    deadline = time.monotonic() + retries
    while True:
        snap = paths.snapshot_path()
        target = snap if snap.exists() else paths.warehouse_path()
        if not target.exists():
            raise FileNotFoundError(f"no warehouse at {paths.warehouse_path()} (run `fiscal ingest` first)")
        try:
            return _open_read_only(target)
        except duckdb.IOException:
            # only the writer's own file can be locked: the first ingestion is about to publish a snapshot
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)
