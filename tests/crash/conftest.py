"""Fixtures of the crash tests (helpers in crashkit.py, shared with tests/concurrency)."""
from __future__ import annotations

from pathlib import Path

import pytest

from crashkit import make_inbox


@pytest.fixture(scope="session")
def crash_inbox(tmp_path_factory) -> Path:
    return make_inbox(tmp_path_factory.mktemp("crash_inbox"))
