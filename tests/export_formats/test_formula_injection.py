"""Spreadsheet formula injection (issue 10, item 8): a file named like a formula, and printed labels that
start with = + - @, reach every spreadsheet-bound export as text, never as a formula; negative amounts
stay numbers (numeric cells in fiscal.xlsx, plain decimals in the CSVs)."""
from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from pipelines.export_formats.cells import neutralize, numeric
from pipelines.generator import SPEC_DIR, render_pack
from pipelines.generator.spec import spec_from_dict

# "http://x" cannot be part of a file name (a '/' separates folders): the link uses backslashes
HOSTILE_FILE = '=HYPERLINK("http:\\\\x","点击查看").pdf'
LINK_NAME = '=HYPERLINK("http://x","点击")'


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory):
    """A 决算 pack saved under a formula-like name, printing a formula-like account name (2080501), a
    negative amount (2080505: -12.50) and an account name '-1+2' (2080506), ingested and exported."""
    from pipelines.cli.main import main

    from fiscal_env import warehouse_env

    tmp = tmp_path_factory.mktemp("formula")
    spec = yaml.safe_load((SPEC_DIR / "shifan_jtysj_2023_final.yaml").read_text(encoding="utf-8"))
    fin05 = next(t for t in spec["tables"] if t["table_id"] == "FIN_05")
    rows = {r.get("code"): r for r in fin05["rows"]}
    rows["2080501"]["name"] = LINK_NAME
    rows["2080505"]["values"] = {"total": "-12.50", "basic": "-12.50"}
    rows["2080506"]["name"] = "-1+2"
    pdf = render_pack(spec_from_dict(spec), tmp / "in" / HOSTILE_FILE).path
    assert pdf.name == HOSTILE_FILE
    wh = tmp / "wh" / "warehouse.duckdb"
    with warehouse_env(wh):
        import os
        os.environ["FISCAL_CHECKS"] = "0"
        try:
            assert main(["ingest", str(tmp / "in"), "--quiet"]) == 0
            assert main(["export", "--out", str(tmp / "out")]) == 0
        finally:
            os.environ.pop("FISCAL_CHECKS", None)
    return tmp / "out"


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_documents_csv_file_name_is_text(hostile_export):
    (doc,) = _csv(hostile_export / "documents.csv")
    assert doc["file"] == "'" + HOSTILE_FILE
    assert doc["fiscal_year"] == "2023" and doc["n_pages"] == "20"


def test_facts_csv_labels_are_text_and_amounts_numbers(hostile_export):
    facts = [f for f in _csv(hostile_export / "facts.csv") if f["table_id"] == "FIN_05" and f["measure"] == "total"]
    by_code = {f["account_code"]: f for f in facts}
    assert by_code["2080501"]["account_name"] == "'" + LINK_NAME
    assert by_code["2080506"]["account_name"] == "'-1+2"
    assert by_code["2080505"]["amount_wan"] == "-12.50"  # a negative amount stays a plain decimal
    assert by_code["2080505"]["account_name"] == "机关事业单位基本养老保险缴费支出"
    for f in _csv(hostile_export / "facts.csv"):  # nothing in any text column can start a formula
        for col, v in f.items():
            if col not in ("amount_wan", "x0", "top", "x1", "bottom"):
                assert not re.match(r"[=+\-@\t\r]", v), (col, v)


def test_hierarchy_csv_names_are_text(hostile_export):
    names = {r["code"]: r["name"] for r in _csv(hostile_export / "function_accounts.csv")}
    assert names["2080501"] == "'" + LINK_NAME and names["2080506"] == "'-1+2"


def test_workbook_has_no_formula(hostile_export):
    with zipfile.ZipFile(hostile_export / "fiscal.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(re.search(rb"<(\w+:)?f[ >]", z.read(n)) for n in sheets)
    wb = load_workbook(hostile_export / "fiscal.xlsx")
    docs = wb["文件"]
    cell = docs.cell(row=2, column=2)
    assert cell.value == HOSTILE_FILE and cell.data_type == "s" and cell.quotePrefix  # the name, as text
    fin05 = wb["FIN_05 一般公共预算财政拨款支出决算表"]
    rows = {r[5].value: r for r in fin05.iter_rows(min_row=2)}
    link = rows["2080501"]
    assert link[7].value == LINK_NAME and link[7].data_type == "s" and link[7].quotePrefix
    assert rows["2080506"][7].value == "-1+2" and rows["2080506"][7].data_type == "s"
    negative = rows["2080505"][8]
    assert negative.data_type == "n" and negative.value == -12.5  # a number Excel can add up
    assert link[-1].value == HOSTILE_FILE and link[-1].data_type == "s"


@pytest.mark.parametrize("text, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("示范市应急管理局", "示范市应急管理局"), ("", ""), (None, None), (12, 12)])
def test_neutralize(text, safe):
    assert neutralize(text) == safe


@pytest.mark.parametrize("value, out", [
    ("-12.50", "-12.50"), ("0", "0"), ("", ""), (None, None), (-3, -3), ("2023", "2023"),
    ("-1+2", "'-1+2"), ("=1", "'=1"), ("1e5", "1e5")])
def test_numeric_columns_keep_numbers(value, out):
    assert numeric(value) == out
