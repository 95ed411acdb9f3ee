"""Warehouse tests run on rendered sample packs (fast, exact truth) in an isolated warehouse."""
from __future__ import annotations

import pytest

from pipelines.generator import SPEC_DIR, load_spec, render_pack


@pytest.fixture()
def wh_env(tmp_path, monkeypatch):
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(tmp_path / "wh" / "warehouse.duckdb"))
    monkeypatch.setenv("FISCAL_CHECKS", "0")  # rules have their own tests; keep these fast
    return tmp_path


@pytest.fixture(scope="session")
def packs(tmp_path_factory):
    """Rendered sample packs by pack id (rendered once per session)."""
    out = tmp_path_factory.mktemp("packs")
    want = ["shifan_yjglj_2022_final", "shifan_yjglj_2023_final", "shifan_jtysj_2024_final"]
    return {p: render_pack(load_spec(SPEC_DIR / f"{p}.yaml"), out / f"{p}.pdf").path for p in want}

