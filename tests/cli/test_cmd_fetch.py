"""`fiscal fetch` as a user runs it (in-process, every URL sent to a loopback server): the report,
exit codes, --source, --dry-run, --list, and clear errors for a bad sources file or a busy fetch."""
from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fetch"))

from portal_server import Portal, Route  # noqa: E402

PDF_A = b"%PDF-1.4\n% a\n" + b"a" * 3000
PDF_B = b"%PDF-1.4\n% b\n" + b"b" * 2000
SOURCES = """
defaults:
  politeness: {requests_per_second: 20, retries: 0, read_timeout_seconds: 2}
sources:
  - name: one
    region: 测试市
    department: 测试局
    listings: [http://one.example/ys/]
  - name: two
    region: 测试市
    department: all
    listings: [http://two.example/ys/]
    enabled: false
"""


@pytest.fixture()
def web(tmp_path, monkeypatch):
    from pipelines.fetch import client

    p = Portal(lifetime=120).start()
    p.page("http://one.example/ys/", "<html><body><a href='t20260302_1.html'>测试局2026年部门预算公开</a>"
                                     "<a href='t20260302_2.html'>测试局2026年单位预算公开</a></body></html>")
    p.page("http://one.example/ys/t20260302_1.html", "<html><head><title>测试局2026年部门预算公开</title></head><body>"
                                                     "<p>发布日期：2026-03-02</p><a href='a.pdf'>附件1</a></body></html>")
    p.page("http://one.example/ys/t20260302_2.html", "<html><body><a href='gone.pdf'>附件</a></body></html>")
    p.add("http://one.example/ys/a.pdf", Route(PDF_A, "application/pdf"))
    p.page("http://two.example/ys/", "<html><body><a href='b.pdf'>2026年部门预算</a></body></html>")
    p.add("http://two.example/ys/b.pdf", Route(PDF_B, "application/pdf"))
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    monkeypatch.setenv("FISCAL_SOURCES", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("FISCAL_INBOX", str(tmp_path / "inbox"))
    monkeypatch.setenv("FISCAL_FETCH_STATE", str(tmp_path / "state.sqlite"))
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(tmp_path / "wh" / "warehouse.duckdb"))
    monkeypatch.setattr(client, "new_session", p.session)
    yield p
    p.stop()


def fiscal(*argv) -> tuple[int, str, str]:
    from pipelines.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_fetch_reports_and_exits_1_when_something_failed(web, tmp_path):
    code, out, err = fiscal("fetch")
    assert code == 1
    assert "  one  attachment new        测试局2026年部门预算公开.pdf\n      from http://one.example/ys/a.pdf" in out
    assert "  one  attachment failed     http://one.example/ys/gone.pdf\n      HTTP 404 Not Found" in out
    row = next(ln for ln in out.splitlines() if ln.startswith("one "))
    assert row.split()[:8] == ["one", "1", "0", "0", "0", "0", "1", "0"]
    assert f"1 new files in {tmp_path / 'inbox'}" in out and f"fiscal ingest {tmp_path / 'inbox'}" in out
    assert "one: attachment new: http://one.example/ys/a.pdf" in err  # progress on stderr
    assert (tmp_path / "inbox" / "one" / "测试局2026年部门预算公开.pdf").read_bytes() == PDF_A
    assert not (tmp_path / "inbox" / "two").exists()  # disabled
    # again: the file answers 304; the 404 is still reported
    code, out, _ = fiscal("fetch", "--quiet", "--all")
    assert code == 1
    assert "  one  attachment unchanged  测试局2026年部门预算公开.pdf" in out and "not modified (HTTP 304)" in out


def test_source_selection_and_exit_0(web, tmp_path):
    code, out, _ = fiscal("fetch", "--source", "two", "--quiet")
    assert code == 0
    assert (tmp_path / "inbox" / "two" / "2026年部门预算.pdf").read_bytes() == PDF_B
    assert not (tmp_path / "inbox" / "one").exists()


def test_dry_run_downloads_and_writes_nothing(web, tmp_path):
    code, out, _ = fiscal("fetch", "--dry-run", "--quiet")
    assert code == 0
    assert "  one  attachment would_fetch http://one.example/ys/a.pdf\n      new: would download" in out
    assert "dry run " in out and "2 attachments would be fetched; nothing was downloaded or written" in out
    assert not (tmp_path / "inbox").exists() and not (tmp_path / "state.sqlite").exists()
    assert not web.requests_to("//one.example/ys/a.pdf")
    fiscal("fetch", "--quiet")
    code, out, _ = fiscal("fetch", "--dry-run", "--quiet")
    assert "known: would ask with If-None-Match and If-Modified-Since" in out


def test_list_and_errors(web, tmp_path):
    code, out, _ = fiscal("fetch", "--list")
    assert code == 0 and "one     测试市  测试局" in out and "two     测试市  all         no" in out
    code, _, err = fiscal("fetch", "--source", "three")
    assert code == 2 and "unknown source(s) three; known: one, two" in err
    (tmp_path / "bad.yaml").write_text("sources:\n  - name: x\n    region: r\n", encoding="utf-8")
    code, _, err = fiscal("fetch", "--sources", str(tmp_path / "bad.yaml"))
    assert code == 2 and f"{tmp_path / 'bad.yaml'}: sources[0] (x): department is required" in err


def test_one_fetch_at_a_time(web, tmp_path):
    from pipelines.warehouse.lock import writer_lock

    with writer_lock(tmp_path / "state.sqlite.lock", wait=0, announce=None):
        code, _, err = fiscal("fetch", "--quiet")
    assert code == 2 and "another fetch is running" in err
