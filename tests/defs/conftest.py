"""Fixtures for the Dagster definitions: an isolated inbox, warehouse, staging folder and instance."""
from __future__ import annotations

import os

import pytest

FINALS = [  # three real 决算 packs from the corpus
    "GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf",
    "GovBudgetChecker/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
    "renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf",
]


@pytest.fixture(scope="session")
def finals() -> list[str]:
    return list(FINALS)


@pytest.fixture()
def inbox(tmp_path):
    p = tmp_path / "inbox"
    p.mkdir()
    return p


def make_fiscal(tmp_path, inbox, warehouse, **kw):
    from pipelines.defs.ingest.resources import FiscalResource

    return FiscalResource(**{"warehouse": str(warehouse), "inbox": str(inbox), "staging": str(tmp_path / "staging"),
                             "parse_workers": 2, "settle_seconds": 0, **kw})


@pytest.fixture()
def fiscal_with(tmp_path, inbox, warehouse, monkeypatch):
    """The resource for this test's folders, with other settings: fiscal_with(settle_seconds=60)."""
    monkeypatch.setenv("FISCAL_INBOX", str(inbox))
    monkeypatch.setenv("FISCAL_STAGING", str(tmp_path / "staging"))
    return lambda **kw: make_fiscal(tmp_path, kw.pop("inbox", inbox), warehouse, **kw)


@pytest.fixture()
def fiscal(fiscal_with):
    return fiscal_with()


@pytest.fixture()
def instance():
    import dagster as dg

    with dg.instance_for_test() as inst:  # persistent (temp dir): schedules need an instance ref
        yield inst


@pytest.fixture()
def finals_in_inbox(corpus, inbox):
    """Links to the three 决算 PDFs in the inbox (the corpus is read, never copied into the project)."""
    out = []
    for rel in FINALS:
        src = corpus / rel
        assert src.exists(), f"corpus file missing: {src}"
        dst = inbox / os.path.basename(rel)
        dst.symlink_to(src)
        out.append(dst)
    return out
