"""pipelines/cli/cmd_dagster.py: `fiscal dagster` starts `dagster dev` on 127.0.0.1 with DAGSTER_HOME set."""
from __future__ import annotations

from pipelines.cli.main import main
from pipelines.settings import project_data_dir

ROOT = project_data_dir().parent


def test_dev_command_binds_loopback_with_the_project_home(capsys, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert main(["dagster", "--print"]) == 0
    out, err = capsys.readouterr()
    assert out.split()[1:] == ["-m", "dagster", "dev", "-h", "127.0.0.1", "-p", "3000", "-m", "pipelines.definitions"]
    assert f"DAGSTER_HOME={ROOT / 'data' / 'dagster_home'}" in err
    assert (ROOT / "data" / "dagster_home" / "dagster.yaml").is_file()


def test_home_without_dagster_yaml_is_a_clear_error(tmp_path, capsys):
    assert main(["dagster", "--home", str(tmp_path), "--print"]) == 2
    assert f"{tmp_path} has no dagster.yaml" in capsys.readouterr().err
