"""`fiscal dagster`: the Dagster UI and daemon (`dagster dev`) for this project, on 127.0.0.1."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..settings import project_data_dir

DEFAULT_HOME = project_data_dir() / "dagster_home"


def register(sub) -> None:
    p = sub.add_parser("dagster", help="start the Dagster UI + daemon (asset graph, partitions, checks, schedule, sensor)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=3000)
    p.add_argument("--home", default=None,
                   help="DAGSTER_HOME (default: $DAGSTER_HOME, else data/dagster_home of the project)")
    p.add_argument("--print", dest="dry_run", action="store_true", help="print the command and environment, do not start")
    p.set_defaults(func=cmd_dagster)


def dagster_home(arg: str | None) -> Path:
    return Path(arg or os.environ.get("DAGSTER_HOME") or DEFAULT_HOME).resolve()


def command(args) -> tuple[list[str], dict[str, str]]:
    home = dagster_home(args.home)
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    argv = [sys.executable, "-m", "dagster", "dev", "-h", args.host, "-p", str(args.port),
            "-m", "pipelines.definitions"]
    return argv, env


def cmd_dagster(args) -> int:
    argv, env = command(args)
    home = Path(env["DAGSTER_HOME"])
    if not (home / "dagster.yaml").is_file():
        print(f"fiscal dagster: {home} has no dagster.yaml (DAGSTER_HOME must be a folder holding one; "
              f"the project ships {DEFAULT_HOME / 'dagster.yaml'})", file=sys.stderr)
        return 2
    print(f"DAGSTER_HOME={home}\nwarehouse: {args.settings.warehouse}\ninbox: "
          f"{args.settings.inbox}\nUI: http://{args.host}:{args.port}",
          file=sys.stderr)
    if args.dry_run:
        print(" ".join(argv))
        return 0
    return subprocess.call(argv, env=env, cwd=str(project_data_dir().parent))
