"""A pack printed in 元 whose tables carry no unit line: read as 万元 its figures would be 10,000×
too large; the narrative's 万元 totals decide, and the pack is read as 元 (figures as printed)."""
from __future__ import annotations

from decimal import Decimal

from pipelines.generator import SPEC_DIR, RenderOptions, load_spec, render_pack
from pipelines.parse.document import parse_document


def test_yuan_pack_without_unit_lines_is_read_as_yuan(tmp_path):
    spec = load_spec(SPEC_DIR / "shifan_sfq_scjgj_2024_final.yaml")
    assert spec.unit == "元"
    result = render_pack(spec, tmp_path / "no_unit.pdf", options=RenderOptions(omit_unit_line=True))
    doc = parse_document(result.path)
    tables = [t for t in doc.tables if t.table_id and not t.empty]
    assert tables and all(t.unit_printed == "元" and t.unit_source == "cross-check" for t in tables)
    assert any("no unit line printed" in i for t in tables for i in t.issues)
    total = next(f for f in doc.facts if f.table_id == "FIN_01" and f.line_item == "income_total")
    assert total.amount_wan == total.amount.scaleb(-4) and total.amount_wan < Decimal(100000)


def test_wanyuan_pack_without_unit_lines_stays_wanyuan(tmp_path):
    spec = load_spec(SPEC_DIR / "shifan_jtysj_2024_final.yaml")
    result = render_pack(spec, tmp_path / "no_unit.pdf", options=RenderOptions(omit_unit_line=True))
    doc = parse_document(result.path)
    tables = [t for t in doc.tables if t.table_id]
    assert tables and all(t.unit_printed == "万元" and t.unit_source == "assumed" for t in tables)

