"""The canonical export: the contract's columns first, in order, exact amounts, every document."""
from __future__ import annotations

import csv
from decimal import Decimal

from pipelines.core import ingest
from pipelines.export_formats.canonical import DOCUMENT_COLUMNS, FACT_COLUMNS, TABLE_COLUMNS, export_canonical
from pipelines.settings import Settings
from pipelines.warehouse.connection import connect_read

CONTRACT_DOCUMENTS = ["document_id", "file", "department", "entity_level", "region", "fiscal_year", "doc_kind",
                      "status", "reason"]
CONTRACT_TABLES = ["document_id", "table_seq", "table_id", "title", "label", "page_start", "page_end", "is_empty",
                   "n_rows", "n_facts", "coverage"]
CONTRACT_FACTS = ["document_id", "department", "fiscal_year", "doc_kind", "table_id", "account_scheme",
                  "account_code", "line_item", "account_name", "measure", "amount_wan", "unit_printed", "page"]


def test_columns_are_the_contract():
    assert DOCUMENT_COLUMNS == CONTRACT_DOCUMENTS
    assert FACT_COLUMNS == CONTRACT_FACTS
    assert TABLE_COLUMNS == CONTRACT_TABLES


def test_export_holds_every_printed_amount_exactly(wh_env, packs):
    from pipelines.generator import SPEC_DIR, expected_facts, load_spec, render_pack
    spec = load_spec(SPEC_DIR / "shifan_sfq_scjgj_2024_final.yaml")  # printed in 元
    result = render_pack(spec, wh_env / "in" / "yuan.pdf")
    bad = wh_env / "in" / "not_a_pdf.pdf"
    bad.write_text("<html>not a pdf</html>")
    ingest(Settings.from_env(), [result.path, bad], progress=None)
    con = connect_read(Settings.from_env().warehouse)
    try:
        export_canonical(con, wh_env / "out")
    finally:
        con.close()
    with open(wh_env / "out" / "documents.csv", encoding="utf-8") as fh:
        docs = list(csv.DictReader(fh))
    assert list(docs[0])[:9] == CONTRACT_DOCUMENTS
    assert sorted((d["file"], d["status"]) for d in docs) == [("not_a_pdf.pdf", "rejected"), ("yuan.pdf", "loaded")]
    assert next(d for d in docs if d["status"] == "rejected")["reason"].startswith("not a PDF")
    with open(wh_env / "out" / "facts.csv", encoding="utf-8") as fh:
        facts = list(csv.DictReader(fh))
    assert list(facts[0])[:13] == CONTRACT_FACTS
    want = sorted((f["table_id"], f["account_code"], f["line_item"], f["measure"], Decimal(f["amount_wan"]))
                  for f in expected_facts(spec, result.pages))
    got = sorted((f["table_id"], f["account_code"], f["line_item"], f["measure"], Decimal(f["amount_wan"]))
                 for f in facts)
    assert got == want
    # printed in 元: 万元 strings carry the printed precision exactly (2 decimals in 元 -> 6 in 万元)
    assert all(f["unit_printed"] == "元" and len(f["amount_wan"].split(".")[-1]) == 6 for f in facts
               if "." in f["amount_wan"])


def test_tables_csv_lists_every_table_with_its_coverage(wh_env, packs):
    """tables.csv: one row per table found, printed-empty ones included, with the share of its printed
    figures that became facts; a table the catalogue does not know is FIN_X / BUD_X, never left out."""
    import copy

    from pipelines.generator import SPEC_DIR, load_spec, render_pack
    spec = copy.deepcopy(load_spec(SPEC_DIR / "shifan_yjglj_2024_final.yaml"))
    t10 = next(t for t in spec.tables if t.table_id == "FIN_10")
    t10.title = "部门财政拨款上年结转资金情况表"  # a topic no catalogue table has: kept as FIN_X with its amounts
    result = render_pack(spec, wh_env / "in" / "final.pdf")
    ingest(Settings.from_env(), [result.path], progress=None)
    con = connect_read(Settings.from_env().warehouse)
    try:
        export_canonical(con, wh_env / "out")
    finally:
        con.close()
    with open(wh_env / "out" / "tables.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:11] == CONTRACT_TABLES
    by_id = {r["table_id"]: r for r in rows}
    assert set(by_id) == {f"FIN_0{i}" for i in range(1, 10)} | {"FIN_X"}
    assert by_id["FIN_X"]["title"] == "部门财政拨款上年结转资金情况表" and int(by_id["FIN_X"]["n_facts"]) > 0
    empty = [r for r in rows if r["is_empty"] == "true"]
    assert empty and all(r["coverage"] == "" and r["n_facts"] == "0" for r in empty)
    full = [r for r in rows if r["is_empty"] == "false"]
    assert all(r["coverage"] == "1.0" for r in full), [(r["table_id"], r["coverage"]) for r in full]
    assert [int(r["table_seq"]) for r in rows] == sorted(int(r["table_seq"]) for r in rows)
