"""The YoY mart on the real 江苏 2017–2019 budget series: 江苏省人民检察院 部门预算 2017, 2018, 2019
(corpus: ae86jack-open-budget). The figures are the printed 一般公共预算支出表 amounts
(2017 p12/p14, 2018 公开07表 p17-18, 2019 p15-16 of the PDFs), in 万元."""
from decimal import Decimal

import duckdb
import pytest

from pipelines.settings import Settings

from fiscal_env import warehouse_env

D = Decimal
FILES = ["ae86jack-open-budget/2017年省检察院部门预算.pdf", "ae86jack-open-budget/2018年省检察院部门预算公开.pdf",
         "ae86jack-open-budget/2019年度部门预算公开.pdf"]
DEPT = "江苏省人民检察院"

# account -> printed 一般公共预算支出 amount per year
PRINTED = {
    "204": {2017: "13641.34", 2018: "16444.36", 2019: "16593.12"},
    "208": {2017: "2021.18", 2018: "1836.22", 2019: "1890.27"},
    "221": {2017: "2319.16", 2018: "3660.38", 2019: "5686.35"},
    "2040401": {2017: "7968.14", 2018: "10883.36", 2019: "12268.62"},
    "2040402": {2017: "3644.20", 2018: "3666.00", 2019: "2354.40"},
    "2040405": {2017: "150.00", 2018: "1895.00"},
    "2080504": {2017: "2021.18", 2018: "371.92", 2019: "400.02"},
    "2210201": {2017: "784.22", 2018: "1073.77", 2019: "1442.74"},
    "2210202": {2017: "1534.94", 2018: "2586.61", 2019: "4243.61"},
}


@pytest.fixture(scope="module")
def con(corpus, tmp_path_factory):
    from pipelines.core import ingest
    wh = tmp_path_factory.mktemp("jiangsu") / "warehouse.duckdb"
    with warehouse_env(wh):
        report = ingest(Settings.from_env(), [corpus / f for f in FILES], workers=2, progress=None, trigger="test")
        assert [o.outcome for o in report.outcomes] == ["loaded"] * 3
        # the 2019 pack's BUD_07 prints 237 twice: a parse-integrity failure, flagged with the publication
        # (pipelines/checks/gate.py, default policy), the snapshot published all the same
        assert [b[1:4] for b in report.publication.blocking] == [["2019年度部门预算公开.pdf", "DI07", "fail"]]
        assert report.publication.published
    c = duckdb.connect(str(wh.with_name("warehouse.read.duckdb")), read_only=True)
    yield c
    c.close()


def changed_most(con, year: int, limit: int):
    """'Which accounts of 江苏省人民检察院 changed most from year−1 to year' (一般公共预算支出表, 项 level)."""
    return con.execute("""SELECT account_code, prior_amount_wan, amount_wan, change_wan, change_pct FROM mart_yoy
                          WHERE department = ? AND fiscal_year = ? AND doc_kind = 'budget' AND table_id = 'BUD_05'
                          AND measure = 'total' AND comparison = 'both' AND account_level = 3
                          ORDER BY abs_change_wan DESC, account_code LIMIT ?""", [DEPT, year, limit]).fetchall()


def test_printed_amounts_reach_the_mart(con):
    got = {(c, y): a for c, y, a in con.execute(
        """SELECT account_code, fiscal_year, amount_wan FROM mart_account_year WHERE department = ?
           AND doc_kind = 'budget' AND table_id = 'BUD_05' AND measure = 'total'""", [DEPT]).fetchall()}
    missing = {(c, y): v for c, ys in PRINTED.items() for y, v in ys.items() if got.get((c, y)) != D(v)}
    assert not missing, f"printed figures not in mart_account_year (code, year): {sorted(missing)}"


def test_changed_most_2017_to_2018(con):
    assert changed_most(con, 2018, 4) == [
        ("2040401", D("7968.14"), D("10883.36"), D("2915.22"), D("36.59")),
        ("2040405", D("150.00"), D("1895.00"), D("1745.00"), D("1163.33")),
        ("2080504", D("2021.18"), D("371.92"), D("-1649.26"), D("-81.60")),
        ("2210202", D("1534.94"), D("2586.61"), D("1051.67"), D("68.52")),
    ]


def test_codes_are_the_key_when_names_change(con):
    """2040405 is 公诉和审判监督 in 2017 and 公诉、审判、侦查、执行等检察监督支出 in 2018: one series."""
    assert con.execute("""SELECT prior_account_name, account_name FROM mart_yoy WHERE department = ?
                          AND fiscal_year = 2018 AND table_id = 'BUD_05' AND measure = 'total'
                          AND account_code = '2040405'""", [DEPT]).fetchall() == \
        [("公诉和审判监督", "公诉、审判、侦查、执行等检察监督支出")]


def test_changed_most_2018_to_2019(con):
    assert changed_most(con, 2019, 3) == [
        ("2210202", D("2586.61"), D("4243.61"), D("1657.00"), D("64.06")),
        ("2040401", D("10883.36"), D("12268.62"), D("1385.26"), D("12.73")),
        ("2040402", D("3666.00"), D("2354.40"), D("-1311.60"), D("-35.78")),
    ]


def test_class_level_2018_to_2019(con):
    rows = con.execute("""SELECT account_code, change_wan FROM mart_yoy WHERE department = ? AND fiscal_year = 2019
                          AND doc_kind = 'budget' AND table_id = 'BUD_05' AND measure = 'total'
                          AND account_level = 1 ORDER BY abs_change_wan DESC""", [DEPT]).fetchall()
    assert rows == [("221", D("2025.97")), ("204", D("148.76")), ("208", D("54.05"))]
