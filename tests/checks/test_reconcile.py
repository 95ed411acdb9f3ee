"""Rule arithmetic pinned on hand-made documents: envelopes, blanks, identities, inequalities."""
from decimal import Decimal

from pipelines.checks import run_checks

SEED_22401 = [("FIN_05", "224", "total", "4717.01"), ("FIN_05", "22401", "total", "4366.88"),
              ("FIN_05", "2240101", "total", "568.02"), ("FIN_05", "2240106", "total", "148.29"),
              ("FIN_05", "2240108", "total", "1627.15"), ("FIN_05", "2240109", "total", "15.69"),
              ("FIN_05", "2240150", "total", "1850.37"), ("FIN_05", "2240199", "total", "157.35"),
              ("FIN_05", "22404", "total", "0.19"), ("FIN_05", "2240450", "total", "0.19"),
              ("FIN_05", "22405", "total", "251.42"), ("FIN_05", "22407", "total", "98.53"),
              ("FIN_05", "2240501", "total", "225.72"), ("FIN_05", "2240504", "total", "16.00"),
              ("FIN_05", "2240506", "total", "9.70"), ("FIN_05", "2240703", "total", "98.53")]


def by_location(rows):
    return {loc: (out, exp, act, env) for out, loc, exp, act, env in rows}


def test_seed_22401_is_rounding_and_a_bigger_gap_fails(mini):
    ok = mini.document("seed.pdf", SEED_22401)
    bad = mini.document("bad.pdf", [f if f[1] != "22401" else ("FIN_05", "22401", "total", "4366.93") for f in SEED_22401])
    run = run_checks(mini.con, [ok, bad], rules=["TI22"]).check_run_id
    got = by_location(mini.outcomes(run, "TI22", ok))
    assert got["FIN_05 22401 22401 [total] = Σ 6 sub-rows"] == (
        "rounding", Decimal("4366.870000"), Decimal("4366.880000"), Decimal("0.035000"))
    assert got["FIN_05 224 224 [total] = Σ 4 sub-rows"][0] == "rounding"  # 4717.01 vs 4717.02, envelope 0.025
    assert got["FIN_05 22404 22404 [total] = Σ 1 sub-rows"] == ("pass", Decimal("0.19"), Decimal("0.19"), Decimal("0"))
    assert by_location(mini.outcomes(run, "TI22", bad))["FIN_05 22401 22401 [total] = Σ 6 sub-rows"][0] == "fail"


def test_same_figure_printed_twice_must_match_exactly(mini):
    doc = mini.document("x.pdf", [("FIN_04", "expense_total", "gpb", "100.01"), ("FIN_05", "total", "total", "100.00")])
    run = run_checks(mini.con, [doc], rules=["XT06"]).check_run_id
    [(outcome, _, expected, actual, envelope)] = mini.outcomes(run, "XT06")
    assert (outcome, expected, actual, envelope) == ("fail", Decimal("100"), Decimal("100.01"), Decimal("0"))


def test_blank_part_cell_is_zero_blank_parent_is_insufficient(mini):
    doc = mini.document("x.pdf", [
        ("FIN_03", "2010602", "total", "10.00"), ("FIN_03", "2010602", "project", "10.00"),
        ("FIN_05", "201", "total", "5.00"), ("FIN_05", "20106", "total", "5.00"), ("FIN_05", "20106", "basic", "5.00")])
    run = run_checks(mini.con, [doc], rules=["TI10", "TI22"]).check_run_id
    assert [r[0] for r in mini.outcomes(run, "TI10")] == ["pass"]
    got = by_location(mini.outcomes(run, "TI22"))
    assert got["FIN_05 201  [basic] = Σ 1 sub-rows"][:3] == ("insufficient_data", Decimal("5"), None)
    assert got["FIN_05 201 201 [total] = Σ 1 sub-rows"][0] == "pass"


def test_sangong_blank_items_count_as_zero_only_when_the_total_closes(mini):
    closes = mini.document("a.pdf", [("FIN_09", "sangong_total", "final", "5.00"),
                                     ("FIN_09", "sangong_reception", "final", "5.00")])
    open_ = mini.document("b.pdf", [("FIN_09", "sangong_total", "final", "5.00"),
                                    ("FIN_09", "sangong_reception", "final", "4.00")])
    below = mini.document("c.pdf", [("FIN_09", "sangong_total", "final", "3.00"),
                                    ("FIN_09", "sangong_reception", "final", "4.00")])
    run = run_checks(mini.con, [closes, open_, below], rules=["TI33"]).check_run_id
    assert [r[0] for r in mini.outcomes(run, "TI33", closes)] == ["pass"]
    assert [r[0] for r in mini.outcomes(run, "TI33", open_)] == ["insufficient_data"]  # a blank may hold 1.00
    assert [r[0] for r in mini.outcomes(run, "TI33", below)] == ["fail"]  # no blank can make 4.00 sum to 3.00


def test_inequality_and_missing_table(mini):
    over = mini.document("a.pdf", [("FIN_06", "30217", "final", "3.00"), ("FIN_09", "sangong_reception", "final", "2.50"),
                                   ("FIN_01", "income_total", "final", "9.00")])
    under = mini.document("b.pdf", [("FIN_06", "30217", "final", "2.00"), ("FIN_09", "sangong_reception", "final", "2.50")])
    run = run_checks(mini.con, [over, under], rules=["XT12", "XT01"]).check_run_id
    assert [r[0] for r in mini.outcomes(run, "XT12", over)] == ["fail"]
    assert [r[0] for r in mini.outcomes(run, "XT12", under)] == ["pass"]
    [(outcome, location, expected, actual, _)] = mini.outcomes(run, "XT01", over)  # FIN_02 is not there at all
    assert (outcome, expected, actual) == ("insufficient_data", None, Decimal("9"))
    assert [r[0] for r in mini.outcomes(run, "XT01", under)] == ["not_applicable"]


def test_narrative_figure_at_coarser_precision_and_its_share(mini):
    page = ("第三部分 情况说明\n二、收入决算情况说明\n本年收入合计10.00万元，其中：财政拨款收入3.8万元，占38.00%；"
            "其他收入6.2万元，占61.00%。\n")
    doc = mini.document("x.pdf", [("FIN_01", "income_total", "final", "10.00"), ("FIN_01", "income_other", "final", "6.20"),
                                  ("FIN_02", "total", "fiscal", "3.81")], pages={21: page})
    run = run_checks(mini.con, [doc], rules=["NR02", "NR03", "NR06", "NR24"]).check_run_id
    got = by_location(mini.outcomes(run, "NR03"))
    assert got["narrative p21 [income] 其他收入 amount 6.2万元 = FIN_01 income_other [*]"] == (
        "pass", Decimal("6.2"), Decimal("6.2"), Decimal("0.055"))
    # 3.8 (one decimal) against 3.81: inside the coarser rounding
    assert got["narrative p21 [income] 财政拨款收入 amount 3.8万元 = FIN_02 total [fiscal]"][0] == "rounding"
    shares = {loc: out for out, loc, *_ in mini.outcomes(run, "NR06")}
    assert shares == {"narrative p21 [income] 财政拨款收入 占 38.00% of income_total 10.000000 (amount 3.800000)": "pass",
                      "narrative p21 [income] 其他收入 占 61.00% of income_total 10.000000 (amount 6.200000)": "fail"}
    # 38 + 61 = 99%, but amounts rounded to 0.1 on a base of 10 may move shares by up to 1.05 points
    [(outcome, _, _, actual, envelope)] = mini.outcomes(run, "NR24")
    assert (outcome, actual, envelope) == ("rounding", Decimal("99"), Decimal("1.06"))


def test_shares_of_a_complete_breakdown_sum_to_100(mini):
    page = ("第三部分 情况说明\n三、支出决算情况说明\n本年支出合计1000.00万元，其中：基本支出380.00万元，占38.00%；"
            "项目支出620.00万元，占61.00%。\n")
    doc = mini.document("x.pdf", [("FIN_01", "expense_total", "final", "1000.00")], pages={21: page})
    run = run_checks(mini.con, [doc], rules=["NR24"]).check_run_id
    [(outcome, _, expected, actual, envelope)] = mini.outcomes(run, "NR24")
    assert (outcome, expected, actual, envelope) == ("fail", Decimal("100"), Decimal("99"), Decimal("0.0115"))


def test_rules_for_the_other_pack_kind_are_not_applicable(mini):
    doc = mini.document("x.pdf", [("FIN_05", "201", "total", "1.00")])
    run = run_checks(mini.con, [doc], rules=["TI27", "TI01"]).check_run_id
    rows = mini.con.execute("SELECT rule_id, outcome, detail FROM check_result WHERE check_run_id = ? ORDER BY 1",
                            [run]).fetchall()
    assert rows == [("TI01", "not_applicable", "nothing to compare in this document"),
                    ("TI27", "not_applicable", "rule applies to budget packs, this one is final")]


def test_a_department_figure_is_the_sum_of_its_units(mini):
    # 无锡 收入总表: 合计, then 113 (the department's subtotal row), 113001, 113002 (its units)
    facts = [("BUD_02", "total", "total", "100.00"), ("BUD_02", "total", "total", "100.00", 1, "113无锡市测试局"),
             ("BUD_02", "total", "total", "60.00", 1, "113001无锡市测试局（本级）"),
             ("BUD_02", "total", "total", "40.00", 1, "113002无锡市测试中心")]
    ok = mini.document("ok.pdf", facts, kind="budget")
    bad = mini.document("bad.pdf", facts[:3] + [("BUD_02", "total", "total", "40.10", 1, "113002无锡市测试中心")],
                        kind="budget")
    run = run_checks(mini.con, [ok, bad], rules=["TI36"]).check_run_id
    assert mini.outcomes(run, "TI36", ok) == [
        ("pass", "BUD_02 total [total] = Σ 2 units", Decimal("100.00"), Decimal("100.00"), Decimal("0.015"))]
    assert mini.outcomes(run, "TI36", bad)[0][:4] == (
        "fail", "BUD_02 total [total] = Σ 2 units", Decimal("100.10"), Decimal("100.00"))
