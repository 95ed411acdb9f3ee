"""Shared fixtures. Tests that need the real corpus read it from ../shared/corpus: when it is
missing they skip locally but FAIL in CI (CI=true), so CI can never pass without real data."""
from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("FISCAL_CORPUS", ROOT.parent / "shared" / "corpus"))
SEED = Path(os.environ.get("FISCAL_SEED", ROOT.parent / "shared" / "seed"))


def pytest_configure(config):
    config.addinivalue_line("markers", "corpus: needs the real corpus in ../shared/corpus")
    config.addinivalue_line("markers", "slow: corpus-wide run, excluded from the default `make test`")


def require(path: Path, what: str) -> Path:
    if path.exists():
        return path
    msg = f"{what} not found at {path}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg + " (required in CI)")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def corpus() -> Path:
    return require(CORPUS / "MANIFEST.tsv", "real corpus").parent


@pytest.fixture(scope="session")
def manifest(corpus) -> list[dict]:
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@cache
def parsed(rel: str):
    """Parse a corpus PDF once per test session."""
    from pipelines.parse.document import parse_document
    return parse_document(CORPUS / rel)


@pytest.fixture(scope="session")
def parse_corpus(corpus):
    return parsed


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory):
    """The shipped sample packs, rendered once per session: [(pdf, expected facts csv)]."""
    from pipelines.generator import generate_sample
    return generate_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture()
def warehouse(tmp_path, monkeypatch):
    """An empty, isolated warehouse location (FISCAL_WAREHOUSE) for one test."""
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(tmp_path / "wh" / "warehouse.duckdb"))
    return tmp_path / "wh" / "warehouse.duckdb"
