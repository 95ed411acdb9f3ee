"""pipelines.dashboard.source: the page image with the cell outlined where the cell is printed."""
import io

import pytest
from PIL import Image

from pipelines.dashboard.source import OUTLINE, Box, SourceError, check_file, render_page
from pipelines.intake.fingerprint import sha256_file


def crimson(img, x, y) -> bool:
    return img.getpixel((round(x), round(y)))[:3] == OUTLINE


@pytest.fixture(scope="module")
def cdc_2023(sample_wh):
    import duckdb
    con = duckdb.connect(str(sample_wh.with_name("warehouse.read.duckdb")), read_only=True)
    row = con.execute("""SELECT d.source_path, f.page, f.x0, f.top, f.x1, f.bottom FROM fact_amount f
                         JOIN document d USING (document_id) WHERE d.file_name = 'shifan_jkzx_2023_final.pdf'
                         AND f.table_id = 'FIN_05' AND f.account_code = '210' AND f.measure = 'total'""").fetchone()
    con.close()
    return row


def test_outline_surrounds_the_cell(cdc_2023):
    path, page, *box = cdc_2023
    scale = 2.0
    img = Image.open(io.BytesIO(render_page(path, page, Box(*box), scale=scale)))
    x0, top, x1, bottom = (v * scale for v in box)
    pad = 2 * scale - 1.5          # 2 pt outside the cell, sampled inside the 4 px stroke
    mid_x, mid_y = (x0 + x1) / 2, (top + bottom) / 2
    assert crimson(img, mid_x, top - pad) and crimson(img, mid_x, bottom + pad)      # top and bottom edges
    assert crimson(img, x0 - pad, mid_y) and crimson(img, x1 + pad, mid_y)          # left and right edges
    assert not crimson(img, mid_x, mid_y)                                             # the figure stays readable
    plain = Image.open(io.BytesIO(render_page(path, page, None, scale=scale)))
    assert not crimson(plain, mid_x, top - pad)


def test_the_outlined_cell_holds_the_printed_figure(cdc_2023):
    """The box is where pdfium finds the characters 2961.90 on the page."""
    import pypdfium2 as pdfium
    path, page, x0, top, x1, bottom = cdc_2023
    pdf = pdfium.PdfDocument(path)
    pg = pdf[page - 1]
    height = pg.get_height()
    text = pg.get_textpage().get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
    pdf.close()
    assert text.strip() == "2961.90"


def test_source_file_must_be_the_ingested_one(cdc_2023, tmp_path):
    path = cdc_2023[0]
    assert check_file(path, sha256_file(path)) == type(tmp_path)(path)
    with pytest.raises(SourceError, match="source PDF not found"):
        check_file(tmp_path / "gone.pdf", "a" * 64)
    with pytest.raises(SourceError, match=r"file changed since ingestion \(SHA-256 differs from document aaaaaaaaaaaa\)"):
        check_file(path, "a" * 64)
    with pytest.raises(SourceError, match="no source path recorded"):
        check_file(None, "a" * 64)


def test_bad_page_and_bad_file(cdc_2023, tmp_path):
    with pytest.raises(SourceError, match=r"page 99 out of range \(1-"):
        render_page(cdc_2023[0], 99)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    with pytest.raises(SourceError, match=f"{junk}: cannot open PDF"):
        render_page(junk, 1)


def test_box_from_links():
    assert Box.parse("1.5,2,3,4") == Box(1.5, 2.0, 3.0, 4.0)
    assert Box.parse("3,2,1,4") is None and Box.parse("a,b,c,d") is None and Box.parse("") is None
    assert Box.of(1, 2, None, 4) is None and Box.of(1, 2, float("nan"), 4) is None
    assert Box(1, 2, 3, 4).text() == "1.00,2.00,3.00,4.00"


def test_outline_on_a_real_pdf(parse_corpus, corpus):
    """江苏省人民检察院 2019 预算, 公开07表 p18: the box of 221 住房保障支出 holds the printed 5,686.35."""
    import pypdfium2 as pdfium
    rel = "ae86jack-open-budget/2019年度部门预算公开.pdf"
    doc = parse_corpus(rel)
    f = next(f for f in doc.facts if f.table_id == "BUD_05" and f.account_code == "221" and f.measure == "total"
             and f.page == 18)
    x0, top, x1, bottom = f.bbox
    pdf = pdfium.PdfDocument(str(corpus / rel))
    pg = pdf[f.page - 1]
    h = pg.get_height()
    assert pg.get_textpage().get_text_bounded(left=x0, bottom=h - bottom, right=x1, top=h - top).strip() == "5,686.35"
    pdf.close()
    img = Image.open(io.BytesIO(render_page(corpus / rel, f.page, Box(x0, top, x1, bottom), scale=2.0)))
    assert crimson(img, (x0 + x1), (top - 2) * 2 + 1.5)          # the top edge of the outline
