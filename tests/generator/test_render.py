"""Rendered PDFs: figures are on the pages the expected facts say, layout basics, determinism."""
import csv
from decimal import Decimal

import pdfplumber
import pypdfium2 as pdfium

from pipelines.generator import expected_facts, render_pack, write_expected
from pipelines.generator.expected import COLUMNS
from pipelines.generator.spec import DECIMAL_RE


def _words_by_page(path):
    with pdfplumber.open(path) as pdf:
        return [{w["text"] for w in p.extract_words()} for p in pdf.pages], \
               [(p.width, p.height) for p in pdf.pages], [p.extract_text() or "" for p in pdf.pages]


def _printed(amount_wan, unit):
    d = Decimal(amount_wan)
    return str((d * 10000).quantize(Decimal("0.01"))) if unit == "元" else amount_wan


def test_expected_pages_hold_the_figures(rendered, tmp_path):
    for pack_id, result in rendered.items():
        words, _, _ = _words_by_page(result.path)
        words = [{w.replace(",", "") for w in ws} for ws in words]
        csv_path = write_expected(result, tmp_path / f"{pack_id}.csv")
        with open(csv_path, encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == COLUMNS
            rows = list(reader)
        n_values = sum(1 for t in result.spec.tables for r in t.rows if not r.count
                       for v in r.values.values() if DECIMAL_RE.match(v))
        assert len(rows) == n_values > 20, pack_id
        for row in rows:
            unit = result.spec.table(row["table_id"]).unit
            page = int(row["page"])
            assert _printed(row["amount_wan"], unit) in words[page - 1], (pack_id, row)


def test_expected_vocabulary(rendered):
    facts = expected_facts(rendered["yangquan_yjglj_2024_final"].spec,
                           rendered["yangquan_yjglj_2024_final"].pages)
    by = {(f["table_id"], f["account_code"] or f["line_item"], f["measure"]): f for f in facts}
    assert by[("FIN_01", "224", "final")]["account_scheme"] == "function"
    assert by[("FIN_01", "224", "final")]["account_name"] == "二十二、灾害防治及应急管理支出"
    assert by[("FIN_01", "income_gpb", "final")]["amount_wan"] == "5814.32"
    assert by[("FIN_06", "30101", "final")]["account_scheme"] == "economic"
    assert by[("FIN_06", "personnel_total", "final")]["amount_wan"] == "3414.47"
    assert by[("FIN_09", "sangong_vehicle", "budget")]["account_name"] == "小计"
    assert by[("FIN_04", "expense_total", "gov_fund")]["amount_wan"] == "246.77"
    assert by[("FIN_10", "opex_civil_units", "final")]["account_name"] == "(二)参照公务员法管理事业单位"
    assert not any(f["table_id"] == "FIN_10" and not f["line_item"] for f in facts)  # no counts
    yuan = expected_facts(rendered["shifan_sfq_scjgj_2024_budget"].spec,
                          rendered["shifan_sfq_scjgj_2024_budget"].pages)
    total = next(f for f in yuan if f["table_id"] == "BUD_01" and f["line_item"] == "income_grand_total")
    printed = rendered["shifan_sfq_scjgj_2024_budget"].spec.table("BUD_01").row("income_grand_total").values["budget"]
    assert Decimal(total["amount_wan"]) * 10000 == Decimal(printed)


def test_layout_shapes(rendered):
    seed = rendered["yangquan_yjglj_2024_final"]
    words, sizes, texts = _words_by_page(seed.path)
    assert "阳泉市应急管理局" in texts[0] and "目" in texts[1]
    p1 = seed.table_pages["FIN_01"][0]
    assert "公开01表" in texts[p1 - 1] and "金额单位：万元" in texts[p1 - 1]
    assert any("2240108" in words[p - 1] for p in seed.table_pages["FIN_02"])  # single code column
    assert sizes[seed.table_pages["FIN_02"][0] - 1][0] > sizes[0][0]  # landscape
    assert len(seed.table_pages["FIN_02"]) >= 2  # runs over pages
    assert "本表无数据" in texts[seed.table_pages["FIN_08"][0] - 1]
    sh = rendered["shifan_jtysj_2024_final"]
    words, sizes, texts = _words_by_page(sh.path)
    fin02 = texts[sh.table_pages["FIN_02"][0] - 1]
    assert "214 01 01" in fin02 and "公开" not in fin02  # split 类|款|项 columns, no label
    assert any("," in w for w in words[sh.table_pages["FIN_01"][0] - 1])  # thousands separators
    bud = rendered["shifan_sfq_scjgj_2024_budget"]
    _, _, texts = _words_by_page(bud.path)
    first = texts[bud.table_pages["BUD_01"][0] - 1]
    assert "单位：元" in first and "财务收支预算总表" in first
    assert "本表无数据" in texts[bud.table_pages["BUD_09"][0] - 1]


def test_deterministic_bytes(specs_by_id, tmp_path):
    spec = specs_by_id["shifan_yjglj_2023_final"]
    a = render_pack(spec, tmp_path / "a.pdf").path.read_bytes()
    b = render_pack(spec, tmp_path / "b.pdf").path.read_bytes()
    assert a == b


def test_pages_render_to_images(rendered):
    result = rendered["yangquan_yjglj_2024_final"]
    pdf = pdfium.PdfDocument(str(result.path))
    for page_no in (1, result.table_pages["FIN_06"][0]):
        img = pdf[page_no - 1].render(scale=1).to_pil().convert("L")
        lo, hi = img.getextrema()
        assert img.size[0] > 500 and lo < 128 < hi  # something is drawn
    pdf.close()
