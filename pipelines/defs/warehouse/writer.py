"""The one way Dagster steps write the warehouse: under the writer lock, with the runner's connection."""
from __future__ import annotations

from contextlib import contextmanager

import dagster as dg

from ...warehouse import paths
from ...warehouse.connection import connect_write
from ...warehouse.lock import WarehouseBusy, writer_lock
from ...warehouse.schema import ensure_schema
from ..ingest.resources import FiscalResource


@contextmanager
def warehouse_writer(fiscal: FiscalResource):
    """Yield a writing connection (schema up to date); another writer past lock_wait_seconds fails the step."""
    with fiscal.environment():
        try:
            lock = writer_lock(paths.lock_path(), wait=fiscal.lock_wait_seconds, announce=None)
            lock.__enter__()
        except WarehouseBusy as exc:
            raise dg.Failure(str(exc)) from None
        try:
            con = connect_write()
            try:
                ensure_schema(con)  # reads only, unless a migration or a view/mart definition is new
                yield con
            finally:
                con.close()
        finally:
            lock.__exit__(None, None, None)
