"""`fiscal` — the command-line interface. Each subcommand lives in its own module."""
from __future__ import annotations

import argparse
import sys

from . import commands


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fiscal", description="Chinese fiscal disclosure PDFs -> DuckDB warehouse. "
                                "The warehouse path comes from FISCAL_WAREHOUSE (default data/warehouse.duckdb).")
    sub = p.add_subparsers(dest="command", required=True)
    for register in commands.REGISTRY:
        register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
