"""Where things live. Everything is configurable from the environment."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def warehouse_path() -> Path:
    return Path(os.environ.get("FISCAL_WAREHOUSE", ROOT / "data" / "warehouse.duckdb"))


def data_dir() -> Path:
    """Per-warehouse working folders (staging, quarantine, snapshot) sit next to the warehouse file."""
    return warehouse_path().parent


def staging_dir() -> Path:
    return Path(os.environ.get("FISCAL_STAGING", data_dir() / "staging"))


def quarantine_dir() -> Path:
    return Path(os.environ.get("FISCAL_QUARANTINE", data_dir() / "quarantine"))


def snapshot_path() -> Path:
    """Read-only copy published after each ingestion; readers never touch the writer's file."""
    w = warehouse_path()
    return w.with_name(w.stem + ".read" + w.suffix)


def lock_path() -> Path:
    w = warehouse_path()
    return w.with_name(w.name + ".lock")
