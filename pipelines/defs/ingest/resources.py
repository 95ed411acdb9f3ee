"""The `fiscal` resource: the application's Settings (pipelines/settings.py) as a Dagster resource.

Built once from the environment when the code location loads (`from_settings(Settings.from_env())`
in pipelines/definitions.py); its values are shown on the resource in the Dagster UI and can be set
per run like any resource config. Steps get the Settings from it (`to_settings()`) and pass them to
the application core (pipelines/core.py): nothing reads or changes the environment during a run.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from ...intake.limits import Limits
from ...settings import Settings


class FiscalResource(dg.ConfigurableResource):
    """Paths and knobs shared by every stage (the fields of pipelines.settings.Settings)."""

    warehouse: str
    inbox: str
    staging: str
    quarantine: str = ""  # '' = quarantine/ next to the warehouse
    sources: str = ""  # '' = the shipped pipelines/catalogue/sources.yaml
    fetch_state: str = ""  # '' = fetch_state.sqlite next to the warehouse
    parse_workers: int = 0  # parse processes per parse step; 0 = one per core
    settle_seconds: float = 10.0  # files modified more recently are still being written: wait
    lock_wait_seconds: float = 600.0
    table_backend: str = "pdfium"
    checks: bool = True
    publication: str = "flag"
    max_file_mb: float = Limits.file_mb
    max_pages: int = Limits.pages
    max_stream_mb: float = Limits.stream_mb
    max_inflated_mb: float = Limits.inflated_mb
    parse_memory_mb: float = Limits.memory_mb
    parse_seconds: float = Limits.seconds

    @classmethod
    def from_settings(cls, s: Settings) -> FiscalResource:
        lim = s.limits
        return cls(warehouse=str(s.warehouse), inbox=str(s.inbox), staging=str(s.staging),
                   quarantine=str(s.quarantine), sources=str(s.sources), fetch_state=str(s.fetch_state),
                   parse_workers=s.parse_workers, settle_seconds=s.inbox_settle_seconds,
                   table_backend=s.table_backend, checks=s.checks, publication=s.publication,
                   max_file_mb=lim.file_mb, max_pages=lim.pages, max_stream_mb=lim.stream_mb,
                   max_inflated_mb=lim.inflated_mb, parse_memory_mb=lim.memory_mb, parse_seconds=lim.seconds)

    def to_settings(self) -> Settings:
        base = Settings.from_env({}).for_warehouse(Path(self.warehouse))  # the defaults, for this warehouse
        return base.replace(
            inbox=Path(self.inbox), staging=Path(self.staging),
            quarantine=Path(self.quarantine) if self.quarantine else base.quarantine,
            sources=Path(self.sources) if self.sources else base.sources,
            fetch_state=Path(self.fetch_state) if self.fetch_state else base.fetch_state,
            parse_workers=self.parse_workers, inbox_settle_seconds=self.settle_seconds,
            table_backend=self.table_backend, checks=self.checks, publication=self.publication,
            limits=Limits(file_mb=self.max_file_mb, pages=self.max_pages, stream_mb=self.max_stream_mb,
                          inflated_mb=self.max_inflated_mb, memory_mb=self.parse_memory_mb,
                          seconds=self.parse_seconds))

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox)

    @property
    def staging_dir(self) -> Path:
        return Path(self.staging)

    @property
    def index_path(self) -> Path:
        """Which file holds which document: written by the sensor and the schedule, read by runs."""
        return self.to_settings().inbox_index

    def workers(self) -> int:
        return self.to_settings().workers()
