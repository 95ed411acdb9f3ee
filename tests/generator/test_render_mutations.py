"""Mutations change exactly one printed figure; the consistency checks notice it."""
from collections import Counter

import pdfplumber
import pytest

from pipelines.generator import CellMutation, NarrativeMutation, RenderOptions, expected_facts, render_pack
from pipelines.generator.checks import check_pack
from pipelines.generator.mutations import MutationError


def _facts(result):
    return {(f["table_id"], f["account_code"] or f["line_item"], f["measure"]): f["amount_wan"]
            for f in expected_facts(result.spec, result.pages)}


def test_cell_mutation_changes_one_figure(specs_by_id, tmp_path):
    spec = specs_by_id["shifan_yjglj_2024_final"]
    base = render_pack(spec, tmp_path / "base.pdf")
    old = spec.table("FIN_05").row("2240101").values["total"]
    mut = render_pack(spec, tmp_path / "mut.pdf",
                      mutations=[CellMutation("FIN_05", "2240101", "total", "9999.99")])
    a, b = _facts(base), _facts(mut)
    diff = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    assert diff == {("FIN_05", "2240101", "total")}
    assert spec.table("FIN_05").row("2240101").values["total"] == old  # input untouched
    page = mut.pages[("FIN_05", "2240101", "total")]
    def words(result):
        with pdfplumber.open(result.path) as pdf:
            return Counter(w["text"] for w in pdf.pages[page - 1].extract_words())
    before, after = words(base), words(mut)
    assert after["9999.99"] == before["9999.99"] + 1 and after[old] == before[old] - 1
    errors = check_pack(mut.spec)
    assert errors and all("FIN_05" in e for e in errors)
    assert check_pack(base.spec) == []


def test_narrative_mutation(specs_by_id, tmp_path):
    spec = specs_by_id["shifan_jtysj_2024_final"]
    first = spec.narrative[0].paragraphs[0]
    old = first[first.index("收入总计") + 4:first.index("万元")]
    mut = render_pack(spec, tmp_path / "n.pdf", mutations=[NarrativeMutation(old, "1,234.56")])
    assert "收入总计1,234.56万元" in mut.spec.narrative[0].paragraphs[0]
    base_facts = _facts(render_pack(spec, tmp_path / "b.pdf"))
    assert _facts(mut) == base_facts
    with pdfplumber.open(mut.path) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "1,234.56" in text


def test_bad_mutations_rejected(specs_by_id, tmp_path):
    spec = specs_by_id["shifan_jtysj_2024_final"]
    with pytest.raises(MutationError):
        render_pack(spec, tmp_path / "x.pdf", mutations=[CellMutation("FIN_05", "total", "final", "1")])
    with pytest.raises(MutationError):
        render_pack(spec, tmp_path / "x.pdf", mutations=[NarrativeMutation("不存在的文字", "x")])


def test_document_options(specs_by_id, tmp_path):
    spec = specs_by_id["shifan_jtysj_2024_final"]
    blank = render_pack(spec, tmp_path / "blank.pdf", options=RenderOptions(blank_template=True))
    assert expected_facts(blank.spec, blank.pages) == []
    with pdfplumber.open(blank.path) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "示范市XX局" in text and "交通运输局" not in text and "XX万元" in text
    nounit = render_pack(spec, tmp_path / "nounit.pdf", options=RenderOptions(omit_unit_line=True))
    with pdfplumber.open(nounit.path) as pdf:
        pages = nounit.table_pages["FIN_01"]
        assert "单位：" not in pdf.pages[pages[0] - 1].extract_text()
    big = render_pack(spec, tmp_path / "big.pdf", options=RenderOptions(extra_pages=490))
    assert big.page_count >= 500
    with pdfplumber.open(big.path) as pdf:
        assert len(pdf.pages) == big.page_count
    front = render_pack(spec, tmp_path / "front.pdf",
                        options=RenderOptions(extra_pages=3, extra_pages_at="front"))
    base = render_pack(spec, tmp_path / "base.pdf")
    assert all(front.pages[k] == v + 3 for k, v in base.pages.items())
