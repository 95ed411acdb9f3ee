"""Fixtures of the concurrency tests; the process helpers are shared with tests/crash (crashkit)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "crash"))

from crashkit import make_inbox  # noqa: E402


@pytest.fixture(scope="session")
def busy_inbox(tmp_path_factory) -> Path:
    return make_inbox(tmp_path_factory.mktemp("busy_inbox"))
