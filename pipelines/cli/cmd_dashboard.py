"""`fiscal dashboard`: serve the Streamlit dashboard on 127.0.0.1 (read-only on the published snapshot)."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("dashboard", help="serve the analysts' and data-quality dashboard on 127.0.0.1")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="127.0.0.1", help="listen address (default: 127.0.0.1, this machine only)")
    p.add_argument("--sample", metavar="DIR", default=None,
                   help="build a warehouse from the shipped sample in DIR and serve that one instead")
    p.set_defaults(func=cmd_dashboard)


def streamlit_command(address: str, port: int) -> list[str]:
    app = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
    return [sys.executable, "-m", "streamlit", "run", str(app), "--server.address", address, "--server.port",
            str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--global.developmentMode", "false", "--client.toolbarMode", "viewer"]


def cmd_dashboard(args) -> int:
    from .. import core
    settings = args.settings
    if args.sample:
        from ..generator.sample_warehouse import build_sample_warehouse
        settings = settings.for_warehouse(build_sample_warehouse(Path(args.sample), settings=settings).resolve())
    # no warehouse, a file that is not one, one that cannot be read: a one-line message (cli.errors), not a
    # server that fails on every page
    core.reader(settings).close()
    print(f"serving the dashboard on http://{args.address}:{args.port} (warehouse {settings.warehouse})",
          flush=True)
    env = dict(os.environ, FISCAL_WAREHOUSE=str(settings.warehouse))  # the server builds its settings from it
    cmd = streamlit_command(args.address, args.port)
    # become the server (no parent left behind to orphan it): Ctrl-C and kill reach Streamlit itself
    os.execve(cmd[0], cmd, env)
