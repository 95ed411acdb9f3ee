"""The marts on the warehouse built from the shipped sample, against the generator's own truth
(the expected-facts CSVs rendered with the PDFs), plus pinned printed figures."""
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pytest

D = Decimal
CODED_TABLES = ("FIN_03", "FIN_05", "BUD_03", "BUD_05")


@pytest.fixture(scope="module")
def con(sample_wh):
    c = duckdb.connect(str(sample_wh.with_name("warehouse.read.duckdb")), read_only=True)
    yield c
    c.close()


def truth_by_pack(sample_truth):
    """{(pack_id, table_id, code): amount} for the coded tables' `total` column."""
    out = {}
    for pack, rows in sample_truth.items():
        for r in rows:
            if r["table_id"] in CODED_TABLES and r["account_code"] and r["measure"] == "total":
                out[(pack, r["table_id"], r["account_code"])] = D(r["amount_wan"])
    return out


def pack_of(file_name: str) -> str:
    return file_name.removesuffix(".pdf")


def test_yoy_matches_the_sample_truth(con, sample_truth):
    truth = truth_by_pack(sample_truth)
    rows = con.execute(f"""SELECT file_name, prior_file_name, table_id, account_code, amount_wan, prior_amount_wan,
                                  change_wan, change_pct
                           FROM mart_yoy WHERE comparison = 'both' AND measure = 'total' AND account_code <> ''
                           AND table_id IN {CODED_TABLES}""").fetchall()
    assert len(rows) > 400
    for file, prior_file, table, code, amount, prior, change, pct in rows:
        cur_t, pri_t = truth[(pack_of(file), table, code)], truth[(pack_of(prior_file), table, code)]
        assert (amount, prior, change) == (cur_t, pri_t, cur_t - pri_t), (file, table, code)
        if pri_t:
            assert pct == (100 * (cur_t - pri_t) / pri_t).quantize(D("0.01"), ROUND_HALF_UP)


def test_yoy_covers_every_account_printed_in_consecutive_years(con, sample_truth):
    """Every code printed in both years of a shifan pack pair is a `both` row; none is missing."""
    truth = truth_by_pack(sample_truth)
    expected = set()
    for (pack, table, code) in truth:
        stem, year, kind = pack.rsplit("_", 2)
        if (f"{stem}_{int(year) - 1}_{kind}", table, code) in truth:
            expected.add((pack, table, code))
    got = {(pack_of(f), t, c) for f, t, c in con.execute(
        f"""SELECT file_name, table_id, account_code FROM mart_yoy WHERE comparison = 'both' AND measure = 'total'
            AND account_code <> '' AND table_id IN {CODED_TABLES}""").fetchall()}
    assert got == expected


def test_which_accounts_of_the_cdc_changed_most_2022_to_2023(con):
    """示范市疾病预防控制中心 决算 FIN_05 合计 (printed on p9 of both packs)."""
    rows = con.execute("""SELECT account_code, account_name, prior_amount_wan, amount_wan, change_wan, change_pct
                          FROM mart_yoy WHERE department = '示范市疾病预防控制中心' AND fiscal_year = 2023
                          AND doc_kind = 'final' AND table_id = 'FIN_05' AND measure = 'total'
                          AND comparison = 'both' AND account_code <> ''
                          ORDER BY abs_change_wan DESC, account_code LIMIT 4""").fetchall()
    assert rows == [
        ("210", "卫生健康支出", D("3241.80"), D("2961.90"), D("-279.90"), D("-8.63")),
        ("21004", "公共卫生", D("3151.00"), D("2874.33"), D("-276.67"), D("-8.78")),
        ("2100408", "基本公共卫生服务", D("607.38"), D("467.26"), D("-140.12"), D("-23.07")),
        ("2080505", "机关事业单位基本养老保险缴费支出", D("178.96"), D("231.39"), D("52.43"), D("29.30")),
    ]
    dropped = con.execute("""SELECT account_code, prior_amount_wan, prior_page FROM mart_yoy
                             WHERE department = '示范市疾病预防控制中心' AND fiscal_year = 2023 AND doc_kind = 'final'
                             AND table_id = 'FIN_05' AND measure = 'total' AND comparison = 'dropped'""").fetchall()
    assert dropped == [("2100499", D("164.13"), 9)]


def test_renamed_department_keeps_one_series(con):
    """示范市安全生产监督管理局 (2022) became 示范市应急管理局 (2023): one department, a 2022→2023 YoY."""
    rows = con.execute("""SELECT DISTINCT department, department_printed, fiscal_year FROM mart_yoy
                          WHERE department_key = (SELECT department_key FROM dim_department
                                                  WHERE canonical_name = '示范市应急管理局' AND region = '示范市')
                          AND comparison = 'both' AND fiscal_year = 2023""").fetchall()
    assert rows == [("示范市应急管理局", "示范市应急管理局", 2023)]


def test_budget_vs_final_matches_the_sample_truth(con, sample_truth):
    truth = truth_by_pack(sample_truth)
    rows = con.execute("""SELECT budget_file_name, final_file_name, final_table, budget_table, account_code, budget_wan,
                                 final_wan, execution_rate_pct FROM mart_budget_vs_final
                          WHERE status = 'both' AND final_measure = 'total' AND account_code <> ''
                          AND final_table IN ('FIN_03', 'FIN_05')""").fetchall()
    assert len(rows) > 150
    by_pack = defaultdict(int)
    for bfile, ffile, ftable, btable, code, budget, final, rate in rows:
        b, f = truth[(pack_of(bfile), btable, code)], truth[(pack_of(ffile), ftable, code)]
        assert (budget, final) == (b, f)
        assert rate == ((100 * f / b).quantize(D("0.01"), ROUND_HALF_UP) if b else None)
        by_pack[pack_of(ffile)] += 1
    assert len(by_pack) == 12   # 4 departments × 3 years, each with both packs


def test_compare_one_account_across_departments(con, sample_truth):
    """2024 决算 FIN_05 合计 of 221 住房保障支出 across the departments that print it."""
    truth = truth_by_pack(sample_truth)
    expected = sorted(((v, pack) for (pack, t, c), v in truth.items()
                       if t == "FIN_05" and c == "221" and pack.endswith("_2024_final")), reverse=True)
    rows = con.execute("""SELECT file_name, amount_wan, rank_desc, n_departments, total_wan, share_pct
                          FROM mart_account_compare WHERE fiscal_year = 2024 AND doc_kind = 'final'
                          AND table_id = 'FIN_05' AND item_key = '221' AND measure = 'total'
                          ORDER BY rank_desc, file_name""").fetchall()
    total = sum(v for v, _ in expected)
    assert [(pack_of(f), a, r, n, t) for f, a, r, n, t, _ in rows] == \
        [(p, v, i + 1, len(expected), total) for i, (v, p) in enumerate(expected)]
    assert len(rows) == 5
    assert sum(s for *_, s in rows) == pytest.approx(100, abs=0.03)
