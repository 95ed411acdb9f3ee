"""Fixtures of the rule tests (the hand-made warehouse is in checks_mini.py)."""
from __future__ import annotations

import pytest

from checks_mini import MiniWarehouse


@pytest.fixture()
def mini(tmp_path):
    wh = MiniWarehouse(tmp_path / "mini.duckdb")
    yield wh
    wh.con.close()
