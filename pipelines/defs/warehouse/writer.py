"""The one way Dagster steps write the warehouse: the application core's writer session."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb

from ... import core
from ...warehouse.lock import WarehouseBusy
from ..ingest.resources import FiscalResource


@contextmanager
def warehouse_writer(fiscal: FiscalResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a writing connection (schema up to date); another writer past lock_wait_seconds fails the step."""
    try:
        session = core.writer(fiscal.to_settings(), wait=fiscal.lock_wait_seconds, announce=None)
        con = session.__enter__()
    except WarehouseBusy as exc:
        raise dg.Failure(str(exc)) from None
    try:
        yield con
    except BaseException as exc:
        if not session.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        session.__exit__(None, None, None)
