"""Cross-year and budget-final rules read the same department's partner packs."""
from pipelines.checks import run_checks


def test_carry_over_against_last_year_and_budget_against_the_budget_pack(mini):
    last = mini.document("2023.pdf", [("FIN_01", "carry_out", "final", "10.00")], year=2023)
    page = ("第三部分 情况说明\n五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为100.00万元，"
            "支出决算为98.00万元，完成年初预算的98.00%。\n")
    this = mini.document("2024.pdf", [("FIN_01", "carry_in", "final", "10.01")], year=2024, pages={30: page})
    mini.document("2024b.pdf", [("BUD_05", "total", "total", "100.00")], kind="budget", year=2024)
    other = mini.document("other.pdf", [("FIN_01", "carry_in", "final", "5.00")], year=2024, department_key=2)
    run = run_checks(mini.con, [this, other], rules=["CY01", "BF02", "NR12"]).check_run_id
    [(outcome, location, expected, actual, _)] = mini.outcomes(run, "CY01", this)
    assert (outcome, location, str(expected), str(actual)) == (
        "fail", "FIN_01 年初结转和结余 = FIN_01 年末结转和结余 of 2023", "10.000000", "10.010000")
    assert [r[0] for r in mini.outcomes(run, "BF02", this)] == ["pass"]
    assert [r[0] for r in mini.outcomes(run, "NR12", this)] == ["pass"]
    # no partner pack: nothing to compare; the partner itself is read, not checked
    assert [r[0] for r in mini.outcomes(run, "CY01", other)] == ["not_applicable"]
    assert mini.outcomes(run, "CY01", last) == []
