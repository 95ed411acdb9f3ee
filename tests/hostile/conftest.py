"""Fixtures of the bad-input suite: a warehouse already holding one good pack, into which each
test ingests its hostile file, and helpers to read outcomes the way users see them."""
from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from pipelines.settings import Settings

import hostile_files as hf

# What must never change when a hostile file arrives: the previously loaded document and its facts.
STATE_SQL = """
SELECT d.document_id, d.status, d.is_current, d.n_facts, count(f.document_id) AS facts,
       coalesce(sum(hash(f.table_seq, f.row_index, f.col_index, f.measure, f.amount_text, f.page)), 0) AS digest
FROM document d LEFT JOIN fact_amount f USING (document_id)
WHERE d.document_id = ?
GROUP BY ALL
"""


class Warehouse:
    def __init__(self, root: Path, baseline_id: str):
        self.root = root
        self.baseline_id = baseline_id
        self.before = self.baseline_state()

    def ingest(self, *paths):
        from pipelines.core import ingest
        return ingest(Settings.from_env(), [str(p) if not isinstance(p, Path) else p for p in paths], progress=None, lock_wait=0)

    def q(self, sql: str, params=None) -> list[tuple]:
        from pipelines.warehouse.connection import connect_read
        con = connect_read(Settings.from_env().warehouse)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def doc(self, document_id: str) -> dict:
        from pipelines.warehouse.connection import connect_read
        con = connect_read(Settings.from_env().warehouse)
        try:
            cur = con.execute("SELECT * FROM document WHERE document_id = ?", [document_id])
            row = cur.fetchone()
            assert row is not None, f"document {document_id[:12]} not recorded"
            return dict(zip([d[0] for d in cur.description], row))
        finally:
            con.close()

    def status(self) -> str:
        """`fiscal status --all` as a user sees it."""
        from pipelines.cli.main import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["status", "--all"]) == 0
        return out.getvalue()

    def baseline_state(self):
        return self.q(STATE_SQL, [self.baseline_id])

    def assert_baseline_unchanged(self) -> None:
        assert self.baseline_state() == self.before


@pytest.fixture(scope="session")
def victim(tmp_path_factory):
    """The pack most hostile files are made from, rendered once."""
    return hf.render(tmp_path_factory.mktemp("victim") / "victim.pdf")


@pytest.fixture(scope="session")
def baseline_root(tmp_path_factory):
    """A warehouse folder holding the baseline pack, built once and copied for each test."""
    import os

    root = tmp_path_factory.mktemp("baseline")
    pdf = hf.render(root / "inbox" / "baseline.pdf", hf.spec(hf.BASELINE)).path
    old = os.environ.get("FISCAL_WAREHOUSE")
    os.environ["FISCAL_WAREHOUSE"] = str(root / "wh" / "warehouse.duckdb")
    try:
        from pipelines.core import ingest
        report = ingest(Settings.from_env(), [pdf], progress=None)
    finally:
        if old is None:
            del os.environ["FISCAL_WAREHOUSE"]
        else:
            os.environ["FISCAL_WAREHOUSE"] = old
    [outcome] = report.outcomes
    assert outcome.outcome == "loaded", outcome
    return root / "wh", outcome.document_id


@pytest.fixture()
def wh(baseline_root, tmp_path, monkeypatch) -> Warehouse:
    src, baseline_id = baseline_root
    dst = tmp_path / "wh"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("staging"))
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(dst / "warehouse.duckdb"))
    monkeypatch.delenv("FISCAL_STAGING", raising=False)
    monkeypatch.delenv("FISCAL_QUARANTINE", raising=False)
    return Warehouse(dst, baseline_id)


@pytest.fixture()
def inbox(tmp_path) -> Path:
    p = tmp_path / "inbox"
    p.mkdir()
    return p
