"""Fixtures of the fetch tests: the loopback portal server and the real portal-page fixtures."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # portal_server, fake_portals (also for tests/defs)

from portal_server import Portal  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PORTAL_PAGES = ROOT.parent / "shared" / "fixtures" / "portal-pages"


@pytest.fixture()
def portal():
    """A loopback server on 127.0.0.1 that stops by itself after 4 minutes (and at teardown)."""
    p = Portal(lifetime=240).start()
    yield p
    p.stop()


@pytest.fixture(scope="session")
def portal_pages() -> Path:
    """../shared/fixtures/portal-pages: skipped when missing locally, a failure in CI (as the corpus)."""
    if (PORTAL_PAGES / "README.md").exists():
        return PORTAL_PAGES
    msg = f"portal-page fixtures not found at {PORTAL_PAGES}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg + " (required in CI)")
    pytest.skip(msg)
