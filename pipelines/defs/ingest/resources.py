"""Where the warehouse, the inbox and the staging folder are: configured from the environment.

FISCAL_WAREHOUSE (default data/warehouse.duckdb), FISCAL_INBOX (default data/inbox) and
FISCAL_STAGING (default next to the warehouse) are read when the code location loads; the values are
shown on the resource in the Dagster UI. The runner's helpers resolve paths from the same
environment variables, so every step runs inside `environment()`, which exports this resource's
values for the duration of the step.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from ...warehouse import paths


def default_inbox() -> Path:
    return Path(os.environ.get("FISCAL_INBOX", paths.ROOT / "data" / "inbox"))


class FiscalResource(dg.ConfigurableResource):
    """Paths and knobs shared by every stage."""

    warehouse: str
    inbox: str
    staging: str
    parse_workers: int = 0  # parse processes per parse step; 0 = one per core
    settle_seconds: float = 10.0  # files modified more recently are still being written: wait
    lock_wait_seconds: float = 600.0

    @classmethod
    def from_env(cls) -> FiscalResource:
        return cls(warehouse=str(paths.warehouse_path()), inbox=str(default_inbox()),
                   staging=str(paths.staging_dir()),
                   parse_workers=int(os.environ.get("FISCAL_PARSE_WORKERS", "0") or 0),
                   settle_seconds=float(os.environ.get("FISCAL_INBOX_SETTLE_SECONDS", "10") or 0))

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox)

    @property
    def staging_dir(self) -> Path:
        return Path(self.staging)

    @property
    def index_path(self) -> Path:
        """Which file holds which document: written by the sensor and the schedule, read by runs."""
        return Path(self.warehouse).parent / "inbox_index.json"

    def workers(self) -> int:
        return self.parse_workers or (os.cpu_count() or 1)

    @contextmanager
    def environment(self):
        """Export this resource's paths so the runner's env-driven helpers agree with it."""
        wanted = {"FISCAL_WAREHOUSE": self.warehouse, "FISCAL_STAGING": self.staging, "FISCAL_INBOX": self.inbox}
        saved = {k: os.environ.get(k) for k in wanted}
        os.environ.update(wanted)
        try:
            yield self
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
