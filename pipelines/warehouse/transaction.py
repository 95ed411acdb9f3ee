"""One DuckDB transaction, optionally with pandas frames registered for its statements."""
from __future__ import annotations

from contextlib import contextmanager, suppress

import duckdb


def rollback(con) -> None:
    """ROLLBACK after an error. A COMMIT that failed (e.g. the disk is full) has already ended the
    transaction; the error that got us here is the one to report, not "no transaction is active"."""
    with suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


@contextmanager
def transaction(con, **frames):
    """BEGIN … COMMIT (ROLLBACK on any error) with the given frames registered under their names."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise
    finally:
        for name in frames:
            con.unregister(name)
