"""The staged-extraction format (pipelines/warehouse/staging.py): one owner, versioned, exact."""
from __future__ import annotations

import json
from dataclasses import asdict, replace
from decimal import Decimal

import pytest

from pipelines.parse.model import DocumentResult, Fact, Quantity, TableResult
from pipelines.version import PARSER_VERSION
from pipelines.warehouse import staging


def _doc() -> DocumentResult:
    doc = DocumentResult(document_id="ab" * 32, file_name="x.pdf", path="/in/x.pdf", size_bytes=10, n_pages=3,
                         parser_version=PARSER_VERSION, status="loaded", kind="final", department="示范局",
                         fiscal_year=2024)
    doc.tables = [TableResult(1, "FIN_01", "收入支出决算总表", "公开01表", "元", "printed", 1, 1, False, "", "title"),
                  TableResult(2, None, "", "", "万元", "document", 2, 2, True, "", "none")]
    doc.facts = [Fact(1, "FIN_01", "line", "", "income_total", "收入合计", "total", Decimal("12345.67"),
                      Decimal("1.234567"), "元", 1, (1.5, 2.25, 3.0, 4.0), 0, 1, "12,345.67"),
                 Fact(1, "FIN_01", "function", "2010101", "", "行政运行", "total", Decimal("0.10"), Decimal("0.00001"),
                      "元", 1, (5.0, 6.0, 7.0, 8.0), 1, 1, "0.10")]
    doc.quantities = [Quantity(1, "FIN_01", "vehicles", "车辆", Decimal("3"), "辆", 1, (0.0, 0.0, 1.0, 1.0))]
    doc.page_texts = ["一", "二", "三"]
    doc.evidence = {"reject_code": None, "pdf_date": "2024-05-01"}
    return doc


def test_round_trip_is_exact(tmp_path):
    doc = _doc()
    path = staging.write(doc, tmp_path)
    assert path == tmp_path / f"{doc.document_id}.json"
    back = staging.read(path)
    assert back == doc
    assert back.facts[1].amount_wan == Decimal("0.00001") and str(back.facts[0].amount) == "12345.67"
    assert back.facts[0].bbox == (1.5, 2.25, 3.0, 4.0)


def test_header_line_says_format_version_and_counts(tmp_path):
    path = staging.write(_doc(), tmp_path)
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["format"] == staging.FORMAT == 3
    h = staging.read_header(path)
    assert (h.parser_version, h.status, h.kind, h.department, h.fiscal_year, h.pages, h.tables_identified,
            h.facts, h.reject_code) == (PARSER_VERSION, "loaded", "final", "示范局", 2024, 3, 1, 2, "")


def test_totals_sum_exactly(tmp_path):
    t = staging.totals(staging.write(_doc(), tmp_path))
    assert (t.status, t.tables, t.facts, t.quantities, t.sum) == ("loaded", 2, 2, 1, Decimal("1.234577"))


def test_fresh_only_for_this_format_and_parser_version(tmp_path):
    doc = _doc()
    path = staging.write(doc, tmp_path)
    assert staging.is_fresh(path)
    assert not staging.is_fresh(path, parser_version="0.0.1")
    assert not staging.is_fresh(tmp_path / "missing.json")
    older = staging.write(replace(doc, document_id="cd" * 32, parser_version="0.0.1"), tmp_path)
    assert not staging.is_fresh(older)
    # format 1 (one JSON object, parser version inside it): never taken for a fresh result
    one = tmp_path / "old.json"
    one.write_text(json.dumps({**asdict(doc), "facts": []}, default=str), encoding="utf-8")
    assert not staging.is_fresh(one)
    with pytest.raises(staging.StagedFormatError, match="old.json: staged format 1"):
        staging.read(one)


def test_cut_short_file_is_named(tmp_path):
    path = staging.write(_doc(), tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    assert staging.is_fresh(path)  # the header is whole; reading the body says what is wrong
    with pytest.raises(staging.StagedFormatError, match=f"{path.name}: the staged document is cut short"):
        staging.read(path)
