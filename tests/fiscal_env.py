"""Test-side edges: the environment a command reads, set for a block (the CLI's `main` and the
dashboard app build their Settings from it, as they do for users)."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def warehouse_env(path: Path) -> Iterator[Path]:
    """FISCAL_WAREHOUSE set to `path` for the duration (restored afterwards)."""
    old = os.environ.get("FISCAL_WAREHOUSE")
    os.environ["FISCAL_WAREHOUSE"] = str(path)
    try:
        yield path
    finally:
        if old is None:
            os.environ.pop("FISCAL_WAREHOUSE", None)
        else:
            os.environ["FISCAL_WAREHOUSE"] = old
