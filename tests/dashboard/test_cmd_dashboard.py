"""`fiscal dashboard`: serves on 127.0.0.1 by default; a missing warehouse is a clear error."""
from pipelines.cli.cmd_dashboard import streamlit_command
from pipelines.cli.main import build_parser, main


def test_serves_on_localhost_by_default():
    args = build_parser().parse_args(["dashboard"])
    assert (args.address, args.port) == ("127.0.0.1", 8501)
    cmd = streamlit_command(args.address, args.port)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("pipelines/dashboard/app.py")
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--server.headless") + 1] == "true"


def test_no_warehouse_is_a_clear_error(warehouse, capsys):
    assert main(["dashboard"]) == 2
    assert capsys.readouterr().err == \
        f"fiscal dashboard: no warehouse at {warehouse} (run `fiscal ingest` first)\n"
