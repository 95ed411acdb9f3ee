"""`fiscal query`: SQL on the published snapshot, through a connection that cannot write anything or
reach outside the warehouse (warehouse.connection._lock_down). Rows are fetched as they are printed:
`--limit N` fetches N rows (and one more, to say that more exist), never the whole result."""
from __future__ import annotations

import sys

from .render import print_table

TABLE_LIMIT = 200  # rows shown in table format by default
BATCH = 10_000  # rows fetched at a time for CSV output


def register(sub) -> None:
    p = sub.add_parser("query", help="run a read-only SQL query on the published snapshot")
    p.add_argument("sql")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("--limit", type=int, default=None,
                   help=f"rows to fetch and print (0: all; default {TABLE_LIMIT} in table format, all in CSV)")
    p.set_defaults(func=cmd_query)


def cmd_query(args) -> int:
    import duckdb

    from .. import core
    from ..warehouse.connection import WarehouseError
    limit = args.limit if args.limit is not None else (TABLE_LIMIT if args.format == "table" else 0)
    if limit < 0:
        print("fiscal query: --limit must be 0 (all) or a positive number of rows", file=sys.stderr)
        return 2
    try:
        con = core.reader(args.settings)
    except (FileNotFoundError, WarehouseError) as exc:
        print(f"fiscal query: {exc}", file=sys.stderr)
        return 2
    try:
        try:
            cur = con.execute(args.sql)
            if cur.description is None:
                return 0
            cols = [d[0] for d in cur.description]
            if args.format == "csv":
                _write_csv(cur, cols, limit)
                return 0
            rows = cur.fetchmany(limit + 1) if limit else cur.fetchall()
        except duckdb.Error as exc:
            print(f"fiscal query: {_message(exc)}", file=sys.stderr)
            return 2
    finally:
        con.close()
    more = bool(limit) and len(rows) > limit
    print_table(cols, rows[:limit] if more else rows)
    if more:
        print(f"(first {limit} rows shown; more exist: --limit N for more, --limit 0 for all)")
    return 0


def _write_csv(cur, cols: list[str], limit: int) -> None:
    import csv

    w = csv.writer(sys.stdout)
    w.writerow(cols)
    left = limit or None
    while left is None or left > 0:
        rows = cur.fetchmany(BATCH if left is None else min(BATCH, left))
        if not rows:
            break
        w.writerows(rows)
        if left is not None:
            left -= len(rows)


def _message(exc) -> str:
    """DuckDB's message, with what the lock-down means when it is the reason."""
    text = str(exc).strip()
    low = text.lower()
    if "lock_configuration" in low or "configuration has been locked" in low:
        return text + " (fiscal query is read-only: settings are fixed)"
    if "file system operations are disabled" in low or "has been disabled by configuration" in low \
            or "loading external extensions is disabled" in low:
        return text + " (fiscal query is read-only and reads the warehouse only: no other files, no extensions)"
    if "attached in read-only mode" in low:
        return text + " (fiscal query is read-only)"
    return text
