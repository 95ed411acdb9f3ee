"""The application core: the stages of an ingestion as small functions that the CLI (`fiscal ingest`,
`fiscal check`, …) and the Dagster assets both call, each given the Settings explicitly.

    parse_to_staging -> load -> check -> marts -> publish        (ingest() runs them all)

- `writer(settings)`: the single writer's session: the writer lock, a connection, the schema up to
  date (pipelines/warehouse/schema.py: pending migrations, changed views and marts).
- `plan` / `parse_to_staging`: which files need parsing; each parsed in a child process of its own
  under settings.limits, staged as one file per document (pipelines/warehouse/staging.py).
- `load`: each staged document in its own transaction (facts, tables, pages, narrative statements).
- `check`: the consistency rules on the documents just loaded (settings.checks turns them off).
- `marts`: the views and marts, re-created only when a definition changed.
- `publish`: the read snapshot, through the one publication gate (checks/gate.py) under
  settings.publication.
- `reader(settings)`: a read-only, locked-down connection to the published snapshot.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TextIO

import duckdb

from .checks.gate import Publication, ensure_snapshot as _ensure_snapshot, publish_if_open, read_state
from .checks.hook import ChecksOutcome, check_loaded
from .ingest import runner
from .ingest.discover import Candidate, discover
from .ingest.runner import Outcome, RunReport
from .settings import Settings
from .warehouse import schema
from .warehouse.connection import connect_read, connect_write
from .warehouse.lock import writer_lock
from .warehouse.schema import ensure_schema


@contextmanager
def writer(settings: Settings, wait: float = 600.0, announce: TextIO | None = sys.stderr
           ) -> Iterator[duckdb.DuckDBPyConnection]:
    """The single writer's session on settings.warehouse: lock (waiting up to `wait` seconds for
    another writer: WarehouseBusy), connection, schema up to date. Closed and unlocked on exit."""
    with writer_lock(settings.lock, wait=wait, announce=announce):
        con = connect_write(settings.warehouse)
        try:
            ensure_schema(con)
            yield con
        finally:
            con.close()


def reader(settings: Settings, write_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only, locked-down connection to the published snapshot (see warehouse/connection.py)."""
    return connect_read(settings.warehouse, write_dir=write_dir)


def plan(settings: Settings, con: duckdb.DuckDBPyConnection, candidates: list[Candidate]
         ) -> tuple[list[tuple[Candidate, str]], list[Outcome]]:
    """(files to parse with their document ids, outcomes of the files that need no work)."""
    return runner.plan(con, candidates, settings.staging, settings.limits)


def parse_to_staging(settings: Settings, todo: list[tuple[Candidate, str]], workers: int | None = None,
                     progress: TextIO | None = None) -> list[tuple[Candidate, str, str]]:
    """Parse each document in a child process of its own under settings.limits; [(candidate,
    document id, staged file)] in the order of todo (a fresh staged result is reused)."""
    return runner.parse_all(todo, settings.staging, workers, progress, settings.limits, settings.table_backend)


def load(settings: Settings, con: duckdb.DuckDBPyConnection, staged: list[tuple[Candidate, str, str]], run_id: str,
         progress: TextIO | None = None) -> list[Outcome]:
    """Load each staged document in its own transaction (the caller is the writer)."""
    return runner.load_staged(con, staged, run_id, settings.staging, settings.quarantine, progress)


def check(settings: Settings, con: duckdb.DuckDBPyConnection, outcomes: Sequence[Outcome],
          trigger: str = "ingest") -> ChecksOutcome:
    """The consistency rules on the documents the outcomes loaded (and their partners); off when
    settings.checks is False."""
    return check_loaded(con, outcomes, trigger, enabled=settings.checks)


def marts(con: duckdb.DuckDBPyConnection) -> bool:
    """Views and marts up to date; True when a definition changed and they were re-created."""
    return schema.ensure_objects(con)


def publish(settings: Settings, con: duckdb.DuckDBPyConnection, waive: bool = False) -> Publication:
    """The publication gate: publish the read snapshot unless settings.publication holds it back."""
    return publish_if_open(con, settings.warehouse, settings.publication, waive_blocking=waive)


def ensure_snapshot(settings: Settings, con: duckdb.DuckDBPyConnection) -> None:
    """A first snapshot before any work, so readers never open the writer's file."""
    _ensure_snapshot(con, settings.warehouse, settings.publication)


def publication_state(settings: Settings) -> Publication | None:
    """The writer's last publication decision (None before any)."""
    return read_state(settings.warehouse)


def ingest(settings: Settings, inputs: Sequence[str | Path], workers: int | None = None, trigger: str = "cli",
           progress: TextIO | None = sys.stderr, lock_wait: float = 600.0, publish_snapshot: bool = True) -> RunReport:
    """The whole job: discover, plan, parse (each document in its own limited process), load as the
    single writer, check, publish. The run is recorded before any work and its end whatever happens."""
    t0 = time.monotonic()
    started = datetime.now()
    report = RunReport(runner.new_run_id())
    candidates, report.problems = discover(list(inputs))
    with writer(settings, wait=lock_wait) as con:
        ensure_snapshot(settings, con)
        runner.start_run(con, report.run_id, trigger, started, len(candidates))
        checks: ChecksOutcome | None = None
        try:
            todo, report.outcomes = plan(settings, con, candidates)
            staged = parse_to_staging(settings, todo, workers, progress)
            report.parsed = len(staged)
            report.outcomes += load(settings, con, staged, report.run_id, progress)
            checks = check(settings, con, report.outcomes, trigger)  # rules on what was loaded, same writer
            report.checks = checks
            if checks.problem:
                report.problems.append(checks.problem)
        except BaseException as exc:
            runner.end_run(con, report, trigger, started, len(candidates), checks,
                           f"stopped: {type(exc).__name__}: {exc}"[:500])
            raise
        runner.record_run(con, report.run_id, trigger, started, len(candidates), report.outcomes,
                          checks.summary if checks else None)
        if publish_snapshot:
            report.publication = publish(settings, con)  # held back: the CLI says so and exits 1
    report.seconds = time.monotonic() - t0
    return report
