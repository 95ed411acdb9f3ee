"""The source view within bounds (issue 10, item 9): a huge page is drawn smaller, within a pixel
budget (the outline still on the cell), in bounded memory; a source path holding Markdown is shown
as text in the error, never interpreted."""
from __future__ import annotations

import io
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from PIL import Image

from pipelines.dashboard.safe import md
from pipelines.dashboard.source import MAX_PIXELS, MAX_SIDE, OUTLINE, Box, fit_scale, render_page

from apptest import raw_app

ROOT = Path(__file__).resolve().parents[2]
PDF_MAX = 14_400  # the largest page side the PDF format allows, in points


def _page(path: Path, width: float, height: float) -> Path:
    """One page of width × height pt with a black block at x 7000-7400, top 100-400 (top-left origin)."""
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), pagesize=(width, height))
    c.rect(min(7000, width - 500), height - 400, 400, 300, fill=1)
    c.showPage()
    c.save()
    return path


def test_huge_page_is_drawn_within_the_pixel_budget(tmp_path):
    pdf = _page(tmp_path / "huge.pdf", PDF_MAX, PDF_MAX)
    img = Image.open(io.BytesIO(render_page(pdf, 1, Box(7000, 100, 7400, 400))))
    w, h = img.size
    assert w * h <= MAX_PIXELS and max(w, h) <= MAX_SIDE and w == h
    s = w / PDF_MAX  # the scale used: every box coordinate is multiplied by it
    assert s == pytest.approx(fit_scale(PDF_MAX, PDF_MAX, 2.0), rel=1e-3)
    assert img.getpixel((round(7200 * s), round(250 * s)))[:3] == (0, 0, 0)  # the block, where it is printed
    assert img.getpixel((round(7200 * s), int((100 - 2) * s) + 1))[:3] == OUTLINE  # the outline, scaled too


def test_long_page_keeps_every_side_within_bounds(tmp_path):
    pdf = _page(tmp_path / "long.pdf", PDF_MAX, 600)
    w, h = Image.open(io.BytesIO(render_page(pdf, 1))).size
    assert w == MAX_SIDE and h == round(600 * MAX_SIDE / PDF_MAX)


def test_normal_pages_keep_their_scale():
    assert fit_scale(595.3, 841.9, 2.0) == 2.0  # A4
    assert fit_scale(1190.6, 841.9, 2.0) == 2.0  # A3 landscape
    assert fit_scale(0, 841.9, 2.0) == 0.0 and fit_scale(float("nan"), 1, 2.0) == 0.0


RENDER = """
import sys
from pipelines.dashboard.source import Box, render_page
png = render_page(sys.argv[1], 1, Box(7000, 100, 7400, 400))
print(len(png))
"""


def test_huge_page_renders_in_bounded_memory(tmp_path):
    """Under a 1 GiB address-space limit (drawn at 2 px per point the page would need 3.3 GB for
    its bitmap alone; before the budget it took 46 s and 6.4 GB)."""
    pdf = _page(tmp_path / "huge.pdf", PDF_MAX, PDF_MAX)
    limit = 2**30

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    r = subprocess.run([sys.executable, "-c", RENDER, str(pdf)], cwd=ROOT, preexec_fn=cap, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert int(r.stdout) > 1000


def test_markdown_in_a_source_path_is_shown_as_text(use_sample, sample_wh, tmp_path, monkeypatch):
    """A source path with Markdown (a link, bold, an image) reaches st.error escaped."""
    from test_view_source import fact

    doc, page, *_box = fact(sample_wh)
    copy = tmp_path / "wh"
    shutil.copytree(sample_wh.parent, copy, ignore=shutil.ignore_patterns("pdfs", "staging"))
    folder = tmp_path / "[点此下载](https:evil.example)" / "**紧急** ![x](https:evil.example"
    folder.mkdir(parents=True)
    planted = folder / "pack).pdf"
    planted.write_bytes(b"%PDF-1.4 not the ingested file")
    w = duckdb.connect(str(copy / "warehouse.read.duckdb"))
    w.execute("UPDATE document SET source_path = ? WHERE document_id = ?", [str(planted), doc])
    w.close()
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(copy / "warehouse.duckdb"))
    at = raw_app(view="source", doc=doc, page=str(page))
    assert not at.exception
    reason = f"{planted}: file changed since ingestion (SHA-256 differs from document {doc[:12]})"
    assert [e.value for e in at.error] == [f"无法显示原文：{md(reason)}"]
    for ch in "[]()*!":  # every Markdown character escaped
        assert ch not in at.error[0].value.replace("\\" + ch, "")


def test_markdown_in_a_document_link_is_shown_as_text(use_sample):
    at = raw_app(view="source", doc="[x](http:e)", page="1")
    assert not at.exception
    assert [e.value for e in at.error] == [f"文件 {md('[x](http:e)')} 不在数据仓库中。"]
