"""The limits are set in one place and from the environment; a bad setting is a clear error."""
from __future__ import annotations

import os

import pytest

from pipelines.intake.limits import SETTING, Limits, LimitSettingError, limits_from
from pipelines.settings import Settings


def test_defaults_and_overrides(monkeypatch):
    for var in SETTING.values():
        monkeypatch.delenv(var, raising=False)
    assert limits_from(os.environ) == Settings.from_env().limits == Limits(
        file_mb=512, pages=3000, stream_mb=256, inflated_mb=1024, memory_mb=2048, seconds=600)
    monkeypatch.setenv("FISCAL_PARSE_SECONDS", "90")
    monkeypatch.setenv("FISCAL_MAX_PAGES", "400")
    assert (Settings.from_env().limits.seconds, Settings.from_env().limits.pages) == (90.0, 400)


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5e"])
def test_a_bad_setting_names_itself(monkeypatch, value):
    monkeypatch.setenv("FISCAL_PARSE_MEMORY_MB", value)
    with pytest.raises(LimitSettingError, match=f"FISCAL_PARSE_MEMORY_MB must be a positive number, not '{value}'"):
        Settings.from_env()


def test_cli_says_so_without_a_traceback(warehouse, tmp_path, monkeypatch, capsys):
    from pipelines.cli.main import main

    monkeypatch.setenv("FISCAL_PARSE_SECONDS", "soon")
    assert main(["ingest", "--quiet", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == "fiscal ingest: FISCAL_PARSE_SECONDS must be a positive number, not 'soon'"
