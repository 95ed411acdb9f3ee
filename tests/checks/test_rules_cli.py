"""`fiscal rules`, `fiscal check` and checks.csv in the canonical export."""
import csv

from pipelines.checks import catalogue
from pipelines.cli.main import main
from pipelines.export_formats.canonical import CHECK_COLUMNS, export_canonical

from checks_mini import MiniWarehouse


def test_fiscal_rules_prints_the_catalogue(capsys):
    assert main(["rules"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0] == ["rule_id", "group", "severity", "applies_to", "description"]
    assert [r[0] for r in rows[1:]] == [r.rule_id for r in catalogue.rules()]
    assert rows[1] == ["TI01", "table_internal", "source", "final,budget", "收支总表: 收入总计 = 支出总计"]


def test_fiscal_check_summarises_and_exports(tmp_path, monkeypatch, capsys):
    path = tmp_path / "wh" / "warehouse.duckdb"
    path.parent.mkdir()
    mini = MiniWarehouse(path)
    doc = mini.document("x.pdf", [("FIN_04", "expense_total", "gpb", "100.01"), ("FIN_05", "total", "total", "100.00")])
    mini.con.close()
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(path))
    assert main(["check", "--no-docs", "--rules", "XT06,TI01"]) == 0
    out = capsys.readouterr().out
    assert "1 documents, 2 rules" in out and "fail 1, not_applicable 1" in out
    assert "XT06" in out and "FIN_04:expense_total:gpb = FIN_05:total:total" in out
    assert main(["check", "--document", "ffff"]) == 2
    assert "no loaded documents match" in capsys.readouterr().err
    import duckdb
    con = duckdb.connect(str(path))
    export_canonical(con, tmp_path / "out")
    con.close()
    with open(tmp_path / "out" / "checks.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:len(CHECK_COLUMNS)] == CHECK_COLUMNS
    fail = [r for r in rows if r["rule_id"] == "XT06"][0]
    assert (fail["document_id"], fail["outcome"], fail["expected"], fail["actual"], fail["diff"], fail["page"],
            fail["envelope"], fail["severity"]) == (doc, "fail", "100", "100.01", "0.01", "1", "0", "source")
