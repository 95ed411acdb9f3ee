"""`fiscal export` writes Parquet, the Excel workbook and the Fiscal Data Package beside the canonical
CSVs, and leaves the canonical CSVs exactly as export_canonical writes them."""
import csv
import json
from decimal import Decimal

import duckdb

from pipelines.export_formats.canonical import FACT_COLUMNS, export_canonical


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_all_files_written(exported):
    names = {p.name for p in exported.iterdir()}
    assert names == {"documents.csv", "tables.csv", "facts.csv", "checks.csv", "documents.parquet", "facts.parquet", "fiscal.xlsx",
                     "datapackage.json", "function_accounts.csv", "economic_accounts.csv"}


def test_canonical_csvs_unchanged(exported, sample_wh, tmp_path):
    con = duckdb.connect(str(sample_wh.with_name("warehouse.read.duckdb")), read_only=True)
    export_canonical(con, tmp_path)
    con.close()
    for name in ("documents.csv", "tables.csv", "facts.csv"):
        assert (exported / name).read_bytes() == (tmp_path / name).read_bytes()
    assert read_csv(exported / "facts.csv")[0][:len(FACT_COLUMNS)] == FACT_COLUMNS


def test_parquet_holds_the_same_rows_with_exact_decimals(exported):
    rows = read_csv(exported / "facts.csv")
    header, body = rows[0], rows[1:]
    con = duckdb.connect()
    assert con.execute(f"SELECT typeof(amount_wan) FROM read_parquet('{exported / 'facts.parquet'}') LIMIT 1"
                       ).fetchall() == [("DECIMAL(28,6)",)]
    cur = con.execute(f"SELECT * FROM read_parquet('{exported / 'facts.parquet'}')")
    assert [d[0] for d in cur.description] == header + ["amount_text"]
    got = cur.fetchall()
    assert len(got) == len(body)
    i = header.index("amount_wan")
    for csv_row, pq_row in zip(body, got):
        assert pq_row[i] == Decimal(csv_row[i]) and pq_row[-1] == csv_row[i]
        assert pq_row[0] == csv_row[0] and str(pq_row[header.index("page")]) == csv_row[header.index("page")]
    docs = con.execute(f"SELECT count(*) FROM read_parquet('{exported / 'documents.parquet'}')").fetchone()[0]
    assert docs == len(read_csv(exported / "documents.csv")) - 1


def test_datapackage_describes_the_files(exported):
    dp = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["profile"] == "fiscal-data-package" and dp["countryCode"] == "CN"
    res = {r["name"]: r for r in dp["resources"]}
    assert set(res) == {"facts", "documents", "function-accounts", "economic-accounts"}
    for r in res.values():
        path = exported / r["path"]
        assert path.exists()
        assert [f["name"] for f in r["schema"]["fields"]] == read_csv(path)[0]
    fields = {f["name"]: f for f in res["facts"]["schema"]["fields"]}
    assert fields["amount_wan"]["columnType"] == "value" and fields["amount_wan"]["type"] == "number"
    assert fields["fiscal_year"]["columnType"] == "date:fiscal-year"
    assert dp["model"]["measures"]["amount"] == {"source": "amount_wan", "currency": "CNY", "factor": 10000,
                                                 "title": "金额（万元）"}
    assert dp["counts"]["facts.csv"] == len(read_csv(exported / "facts.csv")) - 1


def test_code_hierarchies_are_closed(exported):
    """Every function/economic code of facts.csv is in its hierarchy; every parent is a code there."""
    facts = read_csv(exported / "facts.csv")
    h, body = facts[0], facts[1:]
    for scheme, fname, lengths in (("function", "function_accounts.csv", {3: 1, 5: 2, 7: 3}),
                                   ("economic", "economic_accounts.csv", {3: 1, 5: 2})):
        rows = read_csv(exported / fname)
        table = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
        used = {r[h.index("account_code")] for r in body if r[h.index("account_scheme")] == scheme}
        assert used and used <= set(table), sorted(used - set(table))
        for code, r in table.items():
            assert int(r["level"]) == lengths[len(code)]
            assert r["level_name"] == {1: "类", 2: "款", 3: "项"}[int(r["level"])]
            assert r["parent_code"] == "" if r["level"] == "1" else r["parent_code"] in table
            assert r["class_code"] == code[:3]
    fn = {r[0]: r[1] for r in read_csv(exported / "function_accounts.csv")[1:]}
    assert (fn["210"], fn["21004"], fn["2100401"]) == ("卫生健康支出", "公共卫生", "疾病预防控制机构")
