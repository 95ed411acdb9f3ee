"""pipelines/fetch/run.py on small synthetic portals (no corpus needed): pagination, links straight to
files, articles that are files, servers without validators, a link seen twice, and failures that stay
with the URL or the source they belong to."""
from __future__ import annotations

from pathlib import Path

import yaml

from pipelines.fetch import store
from pipelines.fetch.client import Client
from pipelines.fetch.run import fetch
from pipelines.fetch.sources import parse_sources

from portal_server import Route

PDF1 = b"%PDF-1.4\n% one\n" + b"1" * 4000
PDF2 = b"%PDF-1.4\n% two\n" + b"2" * 4000
PDF3 = b"%PDF-1.4\n% three\n" + b"3" * 4000


def sources(text: str):
    base = "defaults:\n  politeness: {requests_per_second: 20, retries: 0, read_timeout_seconds: 2}\n"
    return parse_sources(yaml.safe_load(base + text), Path("t.yaml"))


def run(portal, srcs, tmp_path, **kw):
    return fetch(srcs, tmp_path / "inbox", tmp_path / "state.sqlite", client=Client(session=portal.session()), **kw)


def outcomes(report) -> dict[str, tuple[str, str]]:
    return {it.url: (it.outcome, it.reason) for it in report.items}


SITE = """
sources:
  - name: site
    region: 测试市
    department: all
    listings: [http://s.example/ys/index.html]
    pagination: {pattern: "index_{n}.html", max_pages: 5}
"""


def site(portal):
    portal.page("http://s.example/ys/index.html",
                "<html><body><a href='/ys/2026/a.html'>2026年部门预算</a>"
                "<a href='/files/direct.pdf'>2026年单位预算.pdf</a></body></html>")
    portal.page("http://s.example/ys/index_1.html",
                "<html><body><a href='/ys/2026/b'>2026年部门决算</a><a href='/ys/2026/a.html'>2026年部门预算</a>"
                "</body></html>")
    # index_2.html is not there: the end of the listing, not a failure
    portal.page("http://s.example/ys/2026/a.html", "<html><body><a href='/files/one.pdf'>附件</a>"
                                                   "<a href='/files/one.pdf'>附件（同一文件）</a></body></html>")
    portal.add("http://s.example/ys/2026/b", Route(PDF3, "application/pdf"))  # an "article" link that is the file
    portal.add("http://s.example/files/one.pdf", Route(PDF1, "application/pdf"))
    portal.add("http://s.example/files/direct.pdf", Route(PDF2, "application/pdf", validators=False))


def test_pagination_direct_files_and_articles_that_are_files(portal, tmp_path):
    site(portal)
    rep = run(portal, sources(SITE), tmp_path)
    got = outcomes(rep)
    assert got == {
        "http://s.example/files/one.pdf": ("new", ""),
        "http://s.example/files/direct.pdf": ("new", ""),
        "http://s.example/ys/2026/b": ("new", ""),
    }
    assert not rep.has_failures and rep.sources[0].listings_read == 2
    assert len(portal.requests_to("//s.example/ys/2026/a.html")) == 1  # linked by both listing pages: read once
    names = sorted(p.name for p in (tmp_path / "inbox" / "site").glob("*.pdf"))
    assert names == ["2026年单位预算.pdf", "2026年部门决算.pdf", "2026年部门预算.pdf"]


def test_a_server_without_validators_sends_the_file_again_but_it_is_not_stored_twice(portal, tmp_path):
    site(portal)
    run(portal, sources(SITE), tmp_path)
    rep = run(portal, sources(SITE), tmp_path)
    got = outcomes(rep)
    assert got["http://s.example/files/direct.pdf"] == (
        "unchanged", "same bytes as before (downloaded again: the server did not answer 304)")
    assert got["http://s.example/files/one.pdf"] == ("unchanged", "not modified (HTTP 304)")
    assert rep.sources[0].bytes_files == len(PDF2)
    assert len(list((tmp_path / "inbox" / "site").glob("*.pdf"))) == 3


def test_a_link_seen_twice_in_an_article(portal, tmp_path):
    portal.page("http://t.example/ys/", "<html><body><a href='/a.html'>2026年部门预算</a></body></html>")
    portal.page("http://t.example/a.html", "<html><body><a href='/f.pdf'>附件1</a><a href='f.pdf?x=1'>附件2</a>"
                                           "<a href='/f.pdf'>附件1（再次）</a></body></html>")
    portal.add("http://t.example/f.pdf", Route(PDF1, "application/pdf"))
    portal.add("http://t.example/f.pdf?x=1", Route(PDF1, "application/pdf"))
    srcs = sources("sources:\n  - {name: t, region: r, department: d, listings: ['http://t.example/ys/']}\n")
    rep = run(portal, srcs, tmp_path)
    got = [(it.url, it.outcome) for it in rep.items]
    assert got == [("http://t.example/f.pdf", "new"), ("http://t.example/f.pdf?x=1", "duplicate")]


def test_a_failing_source_and_a_failing_file_do_not_stop_the_rest(portal, tmp_path, monkeypatch):
    site(portal)
    portal.add("http://down.example/ys/", Route(b"", status=500, validators=False))
    real = store.place

    def place(tmp, folder, name, sha, record):
        if record["attachment_url"].endswith("one.pdf"):
            raise OSError(28, "No space left on device")
        return real(tmp, folder, name, sha, record)

    monkeypatch.setattr(store, "place", place)
    srcs = sources("sources:\n  - {name: down, region: r, department: d, listings: ['http://down.example/ys/']}\n"
                   + SITE.split("sources:\n", 1)[1])
    rep = run(portal, srcs, tmp_path)
    down, good = rep.sources
    assert down.error == "no listing page could be read: HTTP 500 Internal Server Error"
    got = outcomes(rep)
    assert got["http://s.example/files/one.pdf"] == (
        "failed", "internal error: OSError: [Errno 28] No space left on device")
    assert got["http://s.example/files/direct.pdf"][0] == "new" and got["http://s.example/ys/2026/b"][0] == "new"
    assert good.counts()["new"] == 2 and rep.has_failures
    # nothing was recorded for the file that could not be stored: the next run tries it again
    monkeypatch.setattr(store, "place", real)
    again = outcomes(run(portal, srcs, tmp_path))
    assert again["http://s.example/files/one.pdf"] == ("new", "")


def test_next_link_pagination_and_a_page_that_is_not_html(portal, tmp_path):
    portal.page("http://n.example/list", "<html><body><a href='/list?p=2'>下一页</a>"
                                         "<a href='/d1.pdf'>2026年部门预算</a></body></html>")
    portal.page("http://n.example/list?p=2", "<html><body><a href='/d2.pdf'>2025年部门决算</a></body></html>")
    portal.add("http://n.example/d1.pdf", Route(PDF1, "application/pdf"))
    portal.add("http://n.example/d2.pdf", Route(PDF2, "application/pdf"))
    portal.add("http://x.example/list", Route(b"PK\x03\x04zip", "text/html"))
    srcs = sources("sources:\n"
                   "  - {name: n, region: r, department: d, listings: ['http://n.example/list']}\n"
                   "  - {name: x, region: r, department: d, listings: ['http://x.example/list']}\n")
    rep = run(portal, srcs, tmp_path)
    got = outcomes(rep)
    assert got["http://n.example/d1.pdf"][0] == got["http://n.example/d2.pdf"][0] == "new"
    assert got["http://x.example/list"] == ("failed", r"not an HTML page: Content-Type text/html, starts with "
                                                      r"b'PK\x03\x04zip'")
