"""Rules on the regional 预算 templates read the department's own figures: 北京's cross-classified
预算03表 and unnamed unit blocks in 预算05表, 深圳's fund-split 三公 table and economic table with a
基本支出 column, 江苏's 单位预留机动经费 and 三公 + 会议费 + 培训费 table. Exact values from the real packs."""
from decimal import Decimal

import duckdb
import pytest

from pipelines.core import ingest
from pipelines.settings import Settings

pytestmark = pytest.mark.corpus

JIANGSU = "ae86jack-open-budget/2018年省检察院部门预算公开.pdf"
BEIJING_NARRATIVE = "renwu/002_北京/2026年北京市审计局部门预算.pdf"
BEIJING_TABLES = "renwu/002_北京/审计局_附件2：北京市审计局2026年度部门预算报表.pdf"
SHENZHEN = "renwu/003_深圳/2026年深圳市审计局部门预算.pdf"


@pytest.fixture(scope="module")
def wh(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("regional") / "w.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("FISCAL_WAREHOUSE", str(path))
    try:
        report = ingest(Settings.from_env(), [corpus / f for f in (JIANGSU, BEIJING_NARRATIVE, BEIJING_TABLES, SHENZHEN)], workers=2,
                        progress=None, trigger="test")
    finally:
        mp.undo()
    assert not report.problems, report.problems
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def outcomes(wh, file_tail: str, rule: str) -> dict:
    return dict(wh.execute("""SELECT outcome, count(*) FROM v_check_latest JOIN document USING (document_id)
                              WHERE ends_with(?, file_name) AND rule_id = ? GROUP BY 1""", [file_tail, rule]).fetchall())


def test_the_only_failures_are_printed_in_the_packs(wh):
    got = set(wh.execute("""SELECT file_name, rule_id FROM v_check_latest JOIN document USING (document_id)
                            WHERE outcome IN ('fail', 'error')""").fetchall())
    assert got == {
        # p26: 一般行政管理事务 3,666万元 增加21.8万元，增长0.06% — 21.8 / 3644.2 is 0.60 %
        ("2018年省检察院部门预算公开.pdf", "NR18"),
        # p19: 提高审计项目质量，。 (two punctuation marks)
        ("审计局_附件2：北京市审计局2026年度部门预算报表.pdf", "DI14"),
    }


def test_beijing_cross_classified_and_block_tables_add_up_to_the_department(wh):
    assert outcomes(wh, BEIJING_TABLES, "DI07") == {"not_applicable": 1}  # no code read twice with two values
    assert outcomes(wh, BEIJING_TABLES, "XT03") == {"pass": 5}  # 收支总表 类 = Σ 预算03表 项 under it
    row = wh.execute("""SELECT expected, actual FROM v_check_latest JOIN document USING (document_id)
                        WHERE file_name = ? AND rule_id = 'XT03' AND location LIKE 'BUD_01 201 %'""",
                     [BEIJING_TABLES.rsplit("/", 1)[1]]).fetchone()
    assert row == (Decimal("26661.064552"), Decimal("26661.064552"))
    # 预算05表 prints each unit's 项 rows one block after another: 2210201 住房公积金 three times
    amounts = [a for (a,) in wh.execute(
        """SELECT amount_text FROM fact_amount JOIN document USING (document_id)
           WHERE file_name = ? AND table_id = 'BUD_05' AND account_code = '2210201' AND measure = 'total'
           ORDER BY row_index""", [BEIJING_TABLES.rsplit("/", 1)[1]]).fetchall()]
    assert amounts == ["334.236000", "1247.677200", "128.859324"]
    assert outcomes(wh, BEIJING_TABLES, "TI23") == {"pass": 6}


def test_beijing_six_decimal_pages_are_read_completely(wh):
    assert set(outcomes(wh, BEIJING_TABLES, "DI10")) == {"pass"}


def test_a_narrative_file_counts_the_tables_of_its_linked_tables_file(wh):
    assert outcomes(wh, BEIJING_NARRATIVE, "DI05") == {"pass": 7}


def test_shenzhen_fund_split_sangong_is_budget_and_basic_column_is_compared(wh):
    assert outcomes(wh, SHENZHEN, "DI12") == {"pass": 54}
    row = wh.execute("""SELECT outcome, location, expected, actual FROM v_check_latest JOIN document USING (document_id)
                        WHERE file_name = ? AND rule_id = 'XT08'""", [SHENZHEN.rsplit("/", 1)[1]]).fetchone()
    assert row == ("pass", "BUD_05:total:basic = BUD_06:total:basic", Decimal("9206.230000"), Decimal("9206.230000"))


def test_shenzhen_carry_in_breakdown_and_operating_income(wh):
    got = dict(wh.execute("""SELECT line_item, amount_text FROM fact_amount JOIN document USING (document_id)
                             WHERE file_name = ? AND table_id = 'BUD_01' AND line_item IN
                             ('income_fiscal', 'income_operating', 'carry_in', 'carry_in_fiscal', 'carry_in_nonfiscal')""",
                          [SHENZHEN.rsplit("/", 1)[1]]).fetchall())
    assert got == {"income_fiscal": "10737.69", "income_operating": "0.00", "carry_in": "0.00",
                   "carry_in_fiscal": "0.00", "carry_in_nonfiscal": "0.00"}


def test_jiangsu_reserve_column_and_sangong_with_meetings_and_training(wh):
    name = JIANGSU.rsplit("/", 1)[1]
    bud03 = dict(wh.execute("""SELECT measure, amount_text FROM fact_amount JOIN document USING (document_id)
                               WHERE file_name = ? AND table_id = 'BUD_03' AND line_item = 'total'""",
                            [name]).fetchall())
    assert bud03 == {"total": "21955.35", "basic": "13994.31", "project": "5573.00", "reserve": "2388.04"}
    bud07 = dict(wh.execute("""SELECT line_item, amount_text FROM fact_amount JOIN document USING (document_id)
                               WHERE file_name = ? AND table_id = 'BUD_07'""", [name]).fetchall())
    assert bud07["sangong_and_beside_total"] == "1384.74"  # 合计 = 三公 484.30 + 会议费 200.44 + 培训费 700.00
    assert bud07["sangong_total"] == "484.30"
    assert bud07["meeting_fee"] == "200.44" and bud07["training_fee"] == "700.00"
    for rule in ("TI04", "TI06", "TI10", "TI33"):
        assert set(outcomes(wh, JIANGSU, rule)) <= {"pass", "rounding"}, rule


def test_table_identity_scorecard(wh):
    from pipelines.evaluate.identities import table_identities
    ids = [d for (d,) in wh.execute("SELECT document_id FROM document WHERE status = 'loaded'").fetchall()]
    got = table_identities(wh, ids)["budget"]
    assert (got["fails"], got["failures"]) == (0, [])
    assert got["holds"] == got["judged"] == 13 and got["not_judged"] == 3  # 江苏 BUD_13, 15, 16: no identity
