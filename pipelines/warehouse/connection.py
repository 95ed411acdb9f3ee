"""DuckDB connections. Writers hold the writer lock; readers use the published snapshot.

DuckDB lets one process write a file and a reader in another process blocks that writer, so
readers (dashboards, `fiscal query`) open the read-only snapshot, which the writer replaces
atomically (copy + rename) after each ingestion. Old-snapshot readers keep their open file.
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


def connect_write(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    path = Path(path or paths.warehouse_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})


def publish_snapshot(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> Path:
    """Checkpoint the writer's file and publish a read-only copy atomically."""
    path = Path(path or paths.warehouse_path())
    con.execute("CHECKPOINT")
    snap = paths.snapshot_path() if path == paths.warehouse_path() else path.with_name(path.stem + ".read" + path.suffix)
    tmp = snap.with_name(snap.name + f".tmp{os.getpid()}")
    shutil.copyfile(path, tmp)
    os.replace(tmp, snap)
    return snap


def connect_read(retries: float = 10.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the latest published snapshot (or the warehouse if none yet)."""
    snap = paths.snapshot_path()
    target = snap if snap.exists() else paths.warehouse_path()
    if not target.exists():
        raise FileNotFoundError(f"no warehouse at {paths.warehouse_path()} (run `fiscal ingest` first)")
    deadline = time.monotonic() + retries
    while True:
        try:
            return duckdb.connect(str(target), read_only=True)
        except duckdb.IOException:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)
