"""The program's settings: one frozen object, built once from the environment at an edge (the CLI's
`main`, the Dagster resource, the dashboard app, a test fixture) with `Settings.from_env()` and then
passed explicitly. Nothing below the edges reads the environment.

| setting (environment) | default | field |
|---|---|---|
| FISCAL_WAREHOUSE | data/warehouse.duckdb of the project (of the current folder when installed) | warehouse |
| FISCAL_STAGING | `staging/` next to the warehouse | staging |
| FISCAL_QUARANTINE | `quarantine/` next to the warehouse | quarantine |
| FISCAL_INBOX | data/inbox of the project | inbox |
| FISCAL_INBOX_SETTLE_SECONDS | 10 | inbox_settle_seconds |
| FISCAL_PARSE_WORKERS | 0 (one per core) | parse_workers |
| FISCAL_PARSE_CHUNKS | 4 | parse_chunks (parse steps of the Dagster graph) |
| FISCAL_MAX_FILE_MB, FISCAL_MAX_PAGES, FISCAL_MAX_STREAM_MB, FISCAL_MAX_INFLATED_MB | intake/limits.py | limits |
| FISCAL_PARSE_MEMORY_MB, FISCAL_PARSE_SECONDS | intake/limits.py | limits |
| FISCAL_TABLE_BACKEND | pdfium | table_backend (pdfium or pdfplumber) |
| FISCAL_CHECKS | 1 | checks (0/false/no/off: rules are not run after an ingestion) |
| FISCAL_PUBLICATION | flag | publication (flag or strict: checks/gate.py) |
| FISCAL_SOURCES | pipelines/catalogue/sources.yaml | sources |
| FISCAL_FETCH_STATE | fetch_state.sqlite next to the warehouse | fetch_state |
| FISCAL_DASK_SCHEDULER | '' (a local cluster) | dask_scheduler |
| FISCAL_DASK_WORKERS | 2 | dask_workers |

Paths derived from the warehouse (the read snapshot, the writer lock, the publication state, the
reports folder, the inbox index) are properties, so they always agree with it.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .intake.limits import Limits, LimitSettingError, limits_from
from .warehouse.connection import lock_of, snapshot_of

PUBLICATION_POLICIES = ("flag", "strict")
DEFAULT_SOURCES = Path(__file__).resolve().parent / "catalogue" / "sources.yaml"
TABLE_BACKENDS = ("pdfium", "pdfplumber")
_OFF = ("0", "false", "no", "off")


class SettingError(LimitSettingError):
    """A setting with a value the program cannot use; the message names the variable."""


def project_data_dir() -> Path:
    """data/ of the project checkout this package runs from; data/ of the current folder when the
    package is installed (no checkout around it)."""
    root = Path(__file__).resolve().parents[1]
    if (root / "pyproject.toml").is_file() and (root / "pipelines").is_dir():
        return root / "data"
    return Path.cwd() / "data"


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    staging: Path
    quarantine: Path
    inbox: Path
    sources: Path
    fetch_state: Path
    limits: Limits = field(default_factory=Limits)
    parse_workers: int = 0
    parse_chunks: int = 4
    inbox_settle_seconds: float = 10.0
    table_backend: str = "pdfium"
    checks: bool = True
    publication: str = "flag"
    dask_scheduler: str = ""
    dask_workers: int = 2

    def __post_init__(self) -> None:
        if self.publication not in PUBLICATION_POLICIES:
            raise SettingError(f"FISCAL_PUBLICATION={self.publication!r}: choose one of "
                               f"{', '.join(PUBLICATION_POLICIES)}")
        if self.table_backend not in TABLE_BACKENDS:
            raise SettingError(f"FISCAL_TABLE_BACKEND={self.table_backend!r}: choose one of "
                               f"{', '.join(TABLE_BACKENDS)}")

    # --- derived from the warehouse path -------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        """Per-warehouse working folders sit next to the warehouse file."""
        return self.warehouse.parent

    @property
    def snapshot(self) -> Path:
        return snapshot_of(self.warehouse)

    @property
    def lock(self) -> Path:
        return lock_of(self.warehouse)

    @property
    def publication_state(self) -> Path:
        return self.warehouse.with_name(self.warehouse.name + ".publication.json")

    @property
    def reports(self) -> Path:
        return self.data_dir / "reports"

    @property
    def data_docs(self) -> Path:
        return self.reports / "data_docs"

    @property
    def inbox_index(self) -> Path:
        """Which inbox file holds which document (Dagster's sensor and schedule write it, runs read it)."""
        return self.data_dir / "inbox_index.json"

    def workers(self) -> int:
        return self.parse_workers or (os.cpu_count() or 1)

    # --- building ------------------------------------------------------------------------------
    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives (os.environ when not given); unset means the default."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str:
            return (env.get(name) or "").strip()

        def number(name: str, default: float, kind: type = float, minimum: float = 0) -> float:
            raw = get(name)
            if not raw:
                return default
            try:
                value = kind(raw)
            except ValueError:
                raise SettingError(f"{name} must be a number, not {raw!r}") from None
            if value < minimum:
                raise SettingError(f"{name} must be at least {minimum:g}, not {raw!r}")
            return value

        data = project_data_dir()
        warehouse = Path(get("FISCAL_WAREHOUSE") or data / "warehouse.duckdb")
        beside = warehouse.parent
        return cls(
            warehouse=warehouse,
            staging=Path(get("FISCAL_STAGING") or beside / "staging"),
            quarantine=Path(get("FISCAL_QUARANTINE") or beside / "quarantine"),
            inbox=Path(get("FISCAL_INBOX") or data / "inbox"),
            sources=Path(get("FISCAL_SOURCES") or DEFAULT_SOURCES),
            fetch_state=Path(get("FISCAL_FETCH_STATE") or beside / "fetch_state.sqlite"),
            limits=limits_from(env),
            parse_workers=int(number("FISCAL_PARSE_WORKERS", 0, int)),
            parse_chunks=max(1, int(number("FISCAL_PARSE_CHUNKS", 4, int))),
            inbox_settle_seconds=number("FISCAL_INBOX_SETTLE_SECONDS", 10.0),
            table_backend=get("FISCAL_TABLE_BACKEND") or "pdfium",
            checks=get("FISCAL_CHECKS").lower() not in _OFF,
            publication=get("FISCAL_PUBLICATION").lower() or "flag",
            dask_scheduler=get("FISCAL_DASK_SCHEDULER"),
            dask_workers=max(1, int(number("FISCAL_DASK_WORKERS", 2, int))),
        )

    def for_warehouse(self, warehouse: Path) -> Settings:
        """These settings for another warehouse (a scratch or sample one), with its own staging,
        quarantine and fetch state next to it."""
        warehouse = Path(warehouse)
        beside = warehouse.parent
        return replace(self, warehouse=warehouse, staging=beside / "staging", quarantine=beside / "quarantine",
                       fetch_state=beside / "fetch_state.sqlite")

    def replace(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def env(self) -> dict[str, str]:
        """These settings as environment variables, for a separate program started with them (the
        Streamlit server, `dagster dev`, a benchmark's `fiscal ingest`)."""
        lim = self.limits
        return {"FISCAL_WAREHOUSE": str(self.warehouse), "FISCAL_STAGING": str(self.staging),
                "FISCAL_QUARANTINE": str(self.quarantine), "FISCAL_INBOX": str(self.inbox),
                "FISCAL_SOURCES": str(self.sources), "FISCAL_FETCH_STATE": str(self.fetch_state),
                "FISCAL_MAX_FILE_MB": f"{lim.file_mb:g}", "FISCAL_MAX_PAGES": str(lim.pages),
                "FISCAL_MAX_STREAM_MB": f"{lim.stream_mb:g}", "FISCAL_MAX_INFLATED_MB": f"{lim.inflated_mb:g}",
                "FISCAL_PARSE_MEMORY_MB": f"{lim.memory_mb:g}", "FISCAL_PARSE_SECONDS": f"{lim.seconds:g}",
                "FISCAL_PARSE_WORKERS": str(self.parse_workers), "FISCAL_PARSE_CHUNKS": str(self.parse_chunks),
                "FISCAL_INBOX_SETTLE_SECONDS": f"{self.inbox_settle_seconds:g}",
                "FISCAL_TABLE_BACKEND": self.table_backend, "FISCAL_CHECKS": "1" if self.checks else "0",
                "FISCAL_PUBLICATION": self.publication, "FISCAL_DASK_SCHEDULER": self.dask_scheduler,
                "FISCAL_DASK_WORKERS": str(self.dask_workers)}
