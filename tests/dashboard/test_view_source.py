"""原文 through AppTest: a link opens the page with the cell outlined; bad links say why."""
from pathlib import Path

import duckdb

from pipelines.dashboard.safe import md

from apptest import app, raw_app


def fact(wh, code="210"):
    con = duckdb.connect(str(wh.with_name("warehouse.read.duckdb")), read_only=True)
    try:
        return con.execute("""SELECT f.document_id, f.page, f.x0, f.top, f.x1, f.bottom FROM fact_amount f
                              JOIN document d USING (document_id) WHERE d.file_name = 'shifan_jkzx_2023_final.pdf'
                              AND f.table_id = 'FIN_05' AND f.account_code = ? AND f.measure = 'total'""",
                           [code]).fetchone()
    finally:
        con.close()


def test_source_link_renders_the_page(use_sample, sample_wh):
    doc, page, *box = fact(sample_wh)
    at = app(view="source", doc=doc, page=str(page), box=",".join(f"{v:.2f}" for v in box))
    assert at.header[0].value == "原文"
    assert [t.value for t in at.text] == [f"shifan_jkzx_2023_final.pdf · 第 {page} 页 · 红框为所指单元格"]
    assert len(at.get("image")) == 1


def test_unknown_document_is_an_error_not_a_crash(use_sample):
    at = raw_app(view="source", doc="0" * 64, page="1")
    assert not at.exception
    assert [e.value for e in at.error] == ["文件 000000000000 不在数据仓库中。"]


def test_moved_source_file_is_named(use_sample, sample_wh, tmp_path, monkeypatch):
    """A source PDF that changed since ingestion: the error names the file, no outline is guessed."""
    doc, page, *box = fact(sample_wh)
    con = duckdb.connect(str(sample_wh.with_name("warehouse.read.duckdb")), read_only=True)
    src = con.execute("SELECT source_path FROM document WHERE document_id = ?", [doc]).fetchone()[0]
    con.close()
    import shutil
    copy = tmp_path / "wh"
    shutil.copytree(sample_wh.parent, copy, ignore=shutil.ignore_patterns("pdfs", "staging"))
    w = duckdb.connect(str(copy / "warehouse.read.duckdb"))
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(Path(src).read_bytes() + b"%% appended\n")
    w.execute("UPDATE document SET source_path = ? WHERE document_id = ?", [str(changed), doc])
    w.close()
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(copy / "warehouse.duckdb"))
    at = raw_app(view="source", doc=doc, page=str(page))
    assert [e.value for e in at.error] == [  # the path shown as text (Markdown escaped)
        "无法显示原文：" + md(f"{changed}: file changed since ingestion (SHA-256 differs from document {doc[:12]})")]
    assert len(at.get("image")) == 0


def test_manual_page_choice(use_sample):
    at = app(view="source")
    assert at.selectbox(key="src_doc").options
    at.number_input(key="src_page").set_value(2).run()
    assert not at.exception and len(at.get("image")) == 1


def test_document_gone_since_the_list_was_read_is_said_not_a_crash(use_sample, monkeypatch):
    """The document list and the document's row come from two queries: a snapshot published in between
    may no longer hold the chosen document."""
    monkeypatch.setattr("pipelines.dashboard.data.document", lambda document_id: None)
    at = raw_app(view="source")
    assert not at.exception, [e.value for e in at.exception]
    assert [i.value for i in at.info] == ["没有文件。"]
    assert len(at.get("image")) == 0
