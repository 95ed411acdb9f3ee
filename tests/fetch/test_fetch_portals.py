"""Issue 13's acceptance: `fiscal fetch` against a loopback server playing the portals (the seven real
article pages, corpus PDFs at the paths they link, and every case that goes wrong), then ingestion:
each pack is loaded once, with its provenance; every other case is reported with its reason; a
second run transfers 0 bytes of unchanged files and stores the file changed at the same URL."""
from __future__ import annotations

import contextlib
import hashlib
import io

import duckdb
import pytest

from pipelines.settings import Settings

import fake_portals as fp
from portal_server import Portal

pytestmark = pytest.mark.corpus

FIXTURE_ATTACHMENTS = {url: rel for files in fp.ATTACHMENTS.values() for url, rel in files.items()}


def cli(*argv) -> tuple[int, str]:
    from pipelines.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


@pytest.fixture(scope="module")
def world(corpus, portal_pages, tmp_path_factory):
    """Two fetch runs and two ingestions, shared by the tests of this module."""
    from pipelines.core import ingest
    from pipelines.fetch import client
    from pipelines.fetch.run import fetch
    from pipelines.fetch.sources import load_sources

    root = tmp_path_factory.mktemp("fetch_world")
    portal = Portal(lifetime=600).start()
    web = fp.build(portal, corpus)
    (root / "sources.yaml").write_text(fp.SOURCES_YAML, encoding="utf-8")
    out = {"root": root, "inbox": root / "inbox", "portal": portal, "web": web}
    with pytest.MonkeyPatch.context() as mp:
        for var, value in (("FISCAL_WAREHOUSE", root / "wh" / "warehouse.duckdb"), ("FISCAL_INBOX", root / "inbox"),
                           ("FISCAL_SOURCES", root / "sources.yaml"), ("FISCAL_CHECKS", "0"),
                           ("FISCAL_FETCH_STATE", root / "wh" / "fetch_state.sqlite")):
            mp.setenv(var, str(value))
        mp.setattr(client, "new_session", portal.session)  # every URL to the loopback server
        out["cli1"] = cli("fetch", "--quiet")
        out["sent1"] = dict(portal.sent)
        out["ingest1"] = ingest(Settings.from_env(), [root / "inbox"], workers=2, progress=None)
        out["status"] = cli("status")
        fp.revise(web)
        portal.reset_counts()
        out["run2"] = fetch(load_sources(root / "sources.yaml"), root / "inbox", root / "wh" / "fetch_state.sqlite")
        out["sent2"] = dict(portal.sent)
        out["ingest2"] = ingest(Settings.from_env(), [root / "inbox"], workers=2, progress=None)
        out["export"] = cli("export", "--out", str(root / "export"))
        yield out
    portal.stop()


def events(world) -> dict[str, tuple[str, str]]:
    """url -> (outcome, reason) of the first run, from the fetch-state store's event log."""
    import sqlite3

    con = sqlite3.connect(world["root"] / "wh" / "fetch_state.sqlite")
    try:
        first = con.execute("SELECT min(run_id) FROM event").fetchone()[0]
        return {u: (o, r or "") for u, o, r in con.execute(
            "SELECT url, outcome, reason FROM event WHERE run_id = ?", [first]).fetchall()}
    finally:
        con.close()


def test_first_run_summary(world):
    code, text = world["cli1"]
    assert code == 1  # some attachments failed, and a source is down
    lines = {ln.split()[0]: ln.split()[1:8] for ln in text.splitlines() if ln.split()[:1] in (["cq-portal"], ["cases"],
                                                                                            ["down"]) and "  " in ln}
    # new, revision, unchanged, duplicate, skipped, failed, pages failed
    assert lines["cq-portal"] == ["19", "0", "0", "0", "0", "0", "0"]
    assert lines["cases"] == ["2", "0", "0", "1", "4", "3", "0"]
    assert lines["down"] == ["0", "0", "0", "0", "0", "0", "1"]
    assert "no listing page could be read: HTTP 503 Service Unavailable (after 2 attempts)" in text
    assert "21 new files in" in text


def test_every_other_case_is_reported_with_its_reason(world):
    ev = events(world)
    c = fp.CASE
    assert ev[c["missing"]] == ("failed", "HTTP 404 Not Found")
    assert ev[c["slow"]] == ("failed", "timed out after 2 attempts (no byte for 0.5 s, or more than 300 s in all)")
    assert ev[c["loop"]] == ("failed", f"redirect loop: {c['loop']} -> {fp.CASES_HOST}/files/loop-b.pdf -> {c['loop']}")
    cq4_url = next(iter(fp.ATTACHMENTS["cq-4"]))
    assert ev[c["copy"]] == ("duplicate", f"same bytes as 重庆市信访办公室2026年部门预算公开.pdf (first fetched from {cq4_url})")
    assert ev[c["huge"]][0] == "skipped"
    assert ev[c["huge"]][1].startswith(f"more than {fp.CASES_CAP:,} bytes (the size cap): download stopped after ")
    assert ev[c["html"]] == ("skipped", "an HTML page named .pdf, not a PDF: not stored; its 1 attachment link followed")
    assert ev[c["inner"]] == ("new", "")
    assert ev[c["notice"]] == ("new", "")  # a PDF; ingestion says what it is (below)
    assert ev[c["xls"]] == ("skipped", "not a PDF attachment (.xls): not downloaded")
    assert ev[c["robots"]] == ("skipped", f"disallowed by {fp.CASES_HOST}/robots.txt for user agent 'fiscal-warehouse'")
    assert ev[fp.DOWN_LISTING] == ("failed", "HTTP 503 Service Unavailable (after 2 attempts)")
    # articles without attachments, and links the rules leave
    assert ev[fp.ARTICLES["cq-6"]] == ("skipped", "no attachment: the text is published on the page")
    assert ev[fp.ARTICLES["cq-7"]][1].startswith("no attachment: the text is published on the page; it links ")
    assert ev[fp.CQ7_SECOND_COLUMN][0] == "skipped"  # the same article under a second column: read, nothing to take
    assert ev["https://www.cq.gov.cn/zwgk/ysjs/201903/t20190301_1.html"] == (
        "skipped", "link rule: year 2019 outside 2024–")
    assert ev["https://www.cq.gov.cn/zwgk/ysjs/202603/t20260303_2.html"] == (
        "skipped", "link rule: holds the excluded word '绩效'")
    # every attachment of the fixture pages was stored
    for url in FIXTURE_ATTACHMENTS:
        assert ev[url] == ("new", ""), url


def test_the_inbox_holds_each_pdf_once_with_its_sidecar(world, corpus):
    from pipelines.intake.provenance import read_sidecar

    pdfs = sorted(world["inbox"].rglob("*.pdf"))
    served = {**FIXTURE_ATTACHMENTS, fp.REVISED: fp.REVISED_V1, fp.CASE["inner"]: fp.INNER,
              fp.CASE["notice"]: fp.NOTICE}
    assert len(pdfs) == len(served) + 1  # + the revision of the second run
    by_sha = {}
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF"), pdf  # never an HTML page
        side = read_sidecar(pdf)
        assert side["sha256"] == hashlib.sha256(data).hexdigest() and side["file"] == pdf.name
        by_sha[side["sha256"]] = side
    assert len(by_sha) == len(pdfs)
    for url, rel in served.items():
        side = by_sha[hashlib.sha256((corpus / rel).read_bytes()).hexdigest()]
        assert side["attachment_url"] == url
    # where the bytes of cq-4's attachment were also seen
    cq4 = by_sha[hashlib.sha256((corpus / next(iter(fp.ATTACHMENTS["cq-4"].values()))).read_bytes()).hexdigest()]
    assert cq4["also_at"] == [fp.CASE["copy"]]
    assert cq4["article_url"] == fp.ARTICLES["cq-4"] and cq4["article_title"] == fp.TITLES["cq-4"]
    assert (cq4["published_date"], cq4["published_from"]) == ("2026-03-02", "page text: 发布日期")
    assert cq4["http_headers"]["Content-Type"] == "application/pdf" and cq4["http_headers"]["ETag"].startswith('"')


def test_ingestion_loads_each_pack_once_with_provenance(world, corpus, manifest):
    report = world["ingest1"]
    assert len(report.outcomes) == 21 and not report.rejected
    assert sorted({o.outcome for o in report.outcomes}) == ["loaded"]
    con = duckdb.connect(str(world["root"] / "wh" / "warehouse.duckdb"), read_only=True)
    try:
        rows = con.execute("""SELECT d.document_id, d.doc_kind, d.status, d.evidence->>'kind', p.source,
                                     p.attachment_url, p.article_url, CAST(p.published_date AS VARCHAR)
                              FROM document d LEFT JOIN document_provenance p USING (document_id)""").fetchall()
    finally:
        con.close()
    kinds = {r["sha256"]: r["kind"] for r in manifest}
    served = {**FIXTURE_ATTACHMENTS, fp.REVISED: fp.REVISED_V1, fp.CASE["inner"]: fp.INNER,
              fp.CASE["notice"]: fp.NOTICE, "revision": fp.REVISED_V2}
    want = {hashlib.sha256((corpus / rel).read_bytes()).hexdigest(): url for url, rel in served.items()}
    got = {r[0]: r for r in rows}
    assert set(got) == set(want)  # 22 documents after both runs: each once, the copy under copy.pdf not again
    for doc_id, url in want.items():
        _, kind, status, _, source, attachment, article, published = got[doc_id]
        assert status == "loaded" and kind == kinds[doc_id]
        assert source and attachment == (fp.REVISED if url == "revision" else url)
    notice = got[hashlib.sha256((corpus / fp.NOTICE).read_bytes()).hexdigest()]
    assert notice[1:4] == ("other", "loaded", "no 预算/决算 pack wording and no standard table")
    assert notice[4:8] == ("cases", fp.CASE["notice"], fp.CASES_ARTICLE, "2026-03-02")


def test_status_shows_the_provenance(world):
    code, text = world["status"]
    assert code == 0
    section = text.split("fetched from the portals (provenance, the latest 10 of 21 (--all for every one)):")[1]
    assert fp.CASE["notice"] in section
    assert "not a disclosure pack: no 预算/决算 pack wording and no standard table" in section
    assert "last fetch runs" in text and "no listing page could be read" in text


def test_the_second_run_transfers_nothing_for_unchanged_files(world, corpus):
    run = world["run2"]
    counts = {s.name: s.counts() for s in run.sources}
    assert counts["cq-portal"] == {"new": 0, "revision": 1, "unchanged": 18, "duplicate": 0, "skipped": 0, "failed": 0,
                                   "pages_failed": 0}
    assert counts["cases"] == {"new": 0, "revision": 0, "unchanged": 3, "duplicate": 0, "skipped": 4, "failed": 3,
                               "pages_failed": 0}
    unchanged = [it for it in run.items if it.outcome == "unchanged"]
    assert len(unchanged) == 21 and all(it.bytes == 0 and it.reason == "not modified (HTTP 304)" for it in unchanged)
    v2 = (corpus / fp.REVISED_V2).read_bytes()
    by = {s.name: s for s in run.sources}
    assert by["cq-portal"].bytes_files == len(v2)  # only the re-published file came down again
    assert by["cases"].bytes_files == 0  # the file over the cap answered 304 too
    assert by["cq-portal"].bytes_pages == 0  # listing and article pages: 304
    # counted on the server's side as well: no body byte of any unchanged file or page was sent
    sent = {u: n for u, n in world["sent2"].items() if n}
    assert sent.pop("//www.cq.gov.cn" + fp.REVISED.split("www.cq.gov.cn")[1]) == len(v2)
    assert all(u.endswith(("robots.txt", "/index_2.html", "/index_1.html", "/missing.pdf")) for u in sent), sent
    (rev,) = [it for it in run.items if it.outcome == "revision"]
    v1_sha = hashlib.sha256((corpus / fp.REVISED_V1).read_bytes()).hexdigest()
    assert rev.reason == f"new bytes at a known URL (it held {v1_sha[:12]} before)"


def test_the_revision_is_ingested_with_its_history(world, corpus):
    report = world["ingest2"]
    v2 = hashlib.sha256((corpus / fp.REVISED_V2).read_bytes()).hexdigest()
    v1 = hashlib.sha256((corpus / fp.REVISED_V1).read_bytes()).hexdigest()
    (new,) = [o for o in report.outcomes if o.outcome != "unchanged"]
    assert new.document_id == v2 and new.outcome == "revision" and v1[:12] in new.reason
    assert sum(1 for o in report.outcomes if o.outcome == "unchanged") == 21
    con = duckdb.connect(str(world["root"] / "wh" / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT replaces, attachment_url FROM document_provenance WHERE document_id = ?",
                           [v2]).fetchone() == (v1, fp.REVISED)
    finally:
        con.close()


def test_the_export_carries_the_provenance_after_the_contract(world):
    import csv

    code, _ = world["export"]
    assert code == 0
    with open(world["root"] / "export" / "documents.csv", encoding="utf-8") as fh:
        docs = list(csv.DictReader(fh))
    header = list(docs[0])
    assert header[:9] == ["document_id", "file", "department", "entity_level", "region", "fiscal_year", "doc_kind",
                          "status", "reason"]
    assert header[-5:] == ["source", "article_url", "attachment_url", "published_date", "fetched_at"]
    notice = next(d for d in docs if d["attachment_url"] == fp.CASE["notice"])
    assert (notice["source"], notice["published_date"], notice["article_url"]) == (
        "cases", "2026-03-02", fp.CASES_ARTICLE)
    assert notice["fetched_at"].endswith("Z")
