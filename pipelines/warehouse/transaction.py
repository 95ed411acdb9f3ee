"""One DuckDB transaction, optionally with pandas frames registered for its statements."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def transaction(con, **frames):
    """BEGIN … COMMIT (ROLLBACK on any error) with the given frames registered under their names."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in frames:
            con.unregister(name)
