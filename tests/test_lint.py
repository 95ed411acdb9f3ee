"""ruff and mypy find nothing, with the configuration in pyproject.toml: ruff's rule sets E, F, W, I, B,
UP, SIM on pipelines/ and tests/ ([tool.ruff.lint]; the few rules switched off say why there) and mypy
on pipelines/ ([tool.mypy]: check_untyped_defs; its cache in .mypy_cache/ keeps a re-run to seconds)."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_ruff_configuration_selects_the_agreed_rule_sets():
    lint = _pyproject()["tool"]["ruff"]["lint"]
    assert {"E", "F", "W", "I", "B", "UP", "SIM"} <= set(lint["select"])
    # whole rule sets are never switched off, only single rules (each with its reason in pyproject.toml)
    assert all(any(ch.isdigit() for ch in rule) for rule in lint.get("ignore", [])), lint["ignore"]


def test_ruff_finds_nothing():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--quiet", "pipelines", "tests"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_linters_in_the_venv_are_the_pinned_versions():
    """`make venv` installs the test extra; a venv older than pyproject.toml would lint with other rules."""
    test_extra = _pyproject()["project"]["optional-dependencies"]["test"]
    pins = dict(m.groups() for m in (re.fullmatch(r"([\w.-]+)==(\S+)", p) for p in test_extra) if m)
    assert {name: version(name) for name in ("ruff", "mypy")} == {"ruff": pins["ruff"], "mypy": pins["mypy"]}


def test_mypy_configuration_checks_the_package():
    mypy = _pyproject()["tool"]["mypy"]
    assert mypy["python_version"] == "3.11" and mypy["files"] == ["pipelines"]
    assert mypy["check_untyped_defs"] is True and mypy["warn_unused_ignores"] is True
    assert mypy.get("ignore_missing_imports") is not True  # only named untyped packages are let off (overrides)


def test_mypy_finds_nothing():
    r = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
