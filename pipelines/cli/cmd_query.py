"""`fiscal query`."""
from __future__ import annotations

import sys

from .render import print_table


def register(sub) -> None:
    p = sub.add_parser("query", help="run a read-only SQL query")
    p.add_argument("sql")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("--limit", type=int, default=200, help="rows to print in table format (0: all)")
    p.set_defaults(func=cmd_query)


def cmd_query(args) -> int:
    import csv

    import duckdb

    from ..warehouse.connection import connect_read
    try:
        con = connect_read()
    except FileNotFoundError as exc:
        print(f"fiscal query: {exc}", file=sys.stderr)
        return 2
    try:
        try:
            cur = con.execute(args.sql)
        except duckdb.Error as exc:
            print(f"fiscal query: {exc}", file=sys.stderr)
            return 2
        if cur.description is None:
            return 0
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        shown = rows if args.limit == 0 else rows[: args.limit]
        print_table(cols, shown)
        if len(shown) < len(rows):
            print(f"({len(rows)} rows, {len(shown)} shown; --limit 0 for all)")
    return 0
