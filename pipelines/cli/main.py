"""`fiscal` — the command-line interface.

Every module `pipelines/cli/cmd_<name>.py` defines `register(subparsers)` for one subcommand;
they are discovered here, so adding a command never edits a shared file.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Mapping

from . import __path__ as _cli_path


def command_modules():
    for info in sorted(pkgutil.iter_modules(_cli_path), key=lambda i: i.name):
        if info.name.startswith("cmd_"):
            yield importlib.import_module(f"{__package__}.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fiscal", description="Chinese fiscal disclosure PDFs -> DuckDB warehouse. "
                                "The warehouse path comes from FISCAL_WAREHOUSE (default data/warehouse.duckdb).")
    sub = p.add_subparsers(dest="command", required=True)
    for mod in command_modules():
        mod.register(sub)
    return p


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Run one command. The settings are built here, once, from the environment (or `environ`), and
    reach the command as args.settings."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from ..intake.limits import LimitSettingError
    from ..settings import Settings
    try:
        args.settings = Settings.from_env(environ)
    except LimitSettingError as exc:  # and SettingError: a variable the program cannot use
        print(f"fiscal {args.command}: {exc}", file=sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a full disk, a read-only folder, a file that is not a warehouse: one line
        from .errors import explain
        msg = explain(exc, args.settings.warehouse)
        if msg is None:
            raise
        print(f"fiscal {args.command}: {msg}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
