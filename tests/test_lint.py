"""ruff finds nothing in pipelines/ and tests/, with the rule sets configured in pyproject.toml
([tool.ruff.lint]: E, F, W, I, B, UP, SIM; the few rules switched off say why there)."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_configuration_selects_the_agreed_rule_sets():
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert {"E", "F", "W", "I", "B", "UP", "SIM"} <= set(lint["select"])
    # whole rule sets are never switched off, only single rules (each with its reason in pyproject.toml)
    assert all(any(ch.isdigit() for ch in rule) for rule in lint.get("ignore", [])), lint["ignore"]


def test_ruff_finds_nothing():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--quiet", "pipelines", "tests"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
