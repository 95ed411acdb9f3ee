"""The one way Dagster steps write the warehouse: under the writer lock, with the runner's connection."""
from __future__ import annotations

from contextlib import contextmanager

import dagster as dg

from ...warehouse import paths
from ...warehouse.connection import connect_write
from ...warehouse.lock import WarehouseBusy, writer_lock
from ...warehouse.schema import ensure_schema
from ..ingest.resources import FiscalResource


def has_schema(con) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'document'").fetchone()[0] > 0


@contextmanager
def warehouse_writer(fiscal: FiscalResource, upgrade: bool = True):
    """Yield a writing connection; another writer past lock_wait_seconds fails the step.

    upgrade: (re)apply sql/ddl and sql/views (the loader does, once per run); steps after it only
    create the schema when the warehouse has none (each application costs a few tenths of a second).
    """
    with fiscal.environment():
        try:
            lock = writer_lock(paths.lock_path(), wait=fiscal.lock_wait_seconds, announce=None)
            lock.__enter__()
        except WarehouseBusy as exc:
            raise dg.Failure(str(exc)) from None
        try:
            con = connect_write()
            try:
                if upgrade or not has_schema(con):
                    ensure_schema(con)
                yield con
            finally:
                con.close()
        finally:
            lock.__exit__(None, None, None)
