"""pipelines/fetch/provenance.py: the sidecar is recorded in document_provenance when the document is
loaded (pipelines/warehouse/load.py), in the same transaction; never for other bytes."""
from __future__ import annotations

import hashlib
import shutil

import duckdb
import pytest

from pipelines.intake import provenance
from pipelines.settings import Settings


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    from pipelines.generator import SPEC_DIR, load_spec, render_pack

    out = tmp_path_factory.mktemp("pack")
    return render_pack(load_spec(SPEC_DIR / "shifan_yjglj_2023_final.yaml"), out / "pack.pdf").path


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecar(pdf, **kw):
    record = {"sha256": sha(pdf), "source": "cq-xfb", "region": "重庆市", "publisher": "重庆市信访办公室",
              "article_url": "https://xfb.cq.gov.cn/a/t20260302_1.html", "article_title": "2026年部门预算公开",
              "attachment_url": "https://xfb.cq.gov.cn/a/P0.pdf", "final_url": "https://xfb.cq.gov.cn/a/P0.pdf",
              "link_text": "附件", "published_date": "2026-03-02", "published_from": "page text: 发布日期",
              "http_status": 200, "http_headers": {"ETag": '"e"', "Content-Type": "application/pdf"},
              "fetched_at": "2026-03-03T01:02:03+00:00", "replaces": None, "also_at": ["https://b/copy.pdf"], **kw}
    provenance.write_sidecar(pdf, record)


def test_ingestion_records_the_sidecar_with_the_document(pack, tmp_path, monkeypatch):
    from pipelines.core import ingest

    monkeypatch.setenv("FISCAL_WAREHOUSE", str(tmp_path / "wh" / "warehouse.duckdb"))
    monkeypatch.setenv("FISCAL_CHECKS", "0")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = inbox / "good.pdf"
    shutil.copyfile(pack, good)
    sidecar(good)
    html = inbox / "page.pdf"  # rejected (not a PDF), still recorded with where it came from
    html.write_bytes(b"<html><body>not a pdf</body></html>")
    sidecar(html, attachment_url="https://xfb.cq.gov.cn/a/page.pdf", published_date="")
    stale = inbox / "stale.pdf"  # its sidecar describes other bytes: ignored
    stale.write_bytes(pack.read_bytes() + b"\n%% changed after fetching")
    sidecar(good)
    shutil.copyfile(provenance.sidecar_path(good), provenance.sidecar_path(stale))
    report = ingest(Settings.from_env(), [inbox], workers=1, progress=None)
    assert sorted((o.file, o.outcome) for o in report.outcomes) == [
        ("good.pdf", "loaded"), ("page.pdf", "rejected"), ("stale.pdf", "copy")]
    con = duckdb.connect(str(tmp_path / "wh" / "warehouse.duckdb"), read_only=True)
    try:
        rows = con.execute("""SELECT d.file_name, d.status, p.source, p.attachment_url, CAST(p.published_date AS VARCHAR),
                                     CAST(p.fetched_at AS VARCHAR), p.http_status, p.http_headers->>'ETag',
                                     CAST(p.also_at AS VARCHAR)
                              FROM document d LEFT JOIN document_provenance p USING (document_id)
                              ORDER BY d.file_name""").fetchall()
    finally:
        con.close()
    assert rows == [
        ("good.pdf", "loaded", "cq-xfb", "https://xfb.cq.gov.cn/a/P0.pdf", "2026-03-02", "2026-03-03 01:02:03", 200,
         '"e"', '["https://b/copy.pdf"]'),
        ("page.pdf", "rejected", "cq-xfb", "https://xfb.cq.gov.cn/a/page.pdf", None, "2026-03-03 01:02:03", 200,
         '"e"', '["https://b/copy.pdf"]'),
        ("stale.pdf", "loaded", None, None, None, None, None, None, None),
    ]


def test_record_needs_a_matching_sidecar(pack, tmp_path):
    from pipelines.warehouse.schema import ensure_schema

    con = duckdb.connect()
    ensure_schema(con)
    pdf = tmp_path / "x.pdf"
    shutil.copyfile(pack, pdf)
    assert not provenance.record(con, sha(pdf), str(pdf))  # no sidecar
    sidecar(pdf, sha256="0" * 64)
    assert not provenance.record(con, sha(pdf), str(pdf))  # a sidecar of other bytes
    sidecar(pdf)
    assert provenance.record(con, sha(pdf), str(pdf))
    sidecar(pdf, article_title="改过的标题")  # a later load (a new parser version) records it again
    assert provenance.record(con, sha(pdf), str(pdf))
    assert con.execute("SELECT count(*), any_value(article_title) FROM document_provenance").fetchone() == (1, "改过的标题")
    provenance.sidecar_path(pdf).write_text("{not json", encoding="utf-8")
    assert provenance.read_sidecar(pdf) is None
