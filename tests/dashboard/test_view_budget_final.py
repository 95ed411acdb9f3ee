"""预算与决算 through AppTest: 示范市疾病预防控制中心 2023, BUD_05 vs FIN_05 合计 (printed figures)."""
from apptest import app, choose, frame, no_errors, pick, view


def test_budget_vs_final_with_execution_rate(use_sample, sample_wh):
    at = view(choose(app(), "示范市疾病预防控制中心（单位）", 2023), "budget_final")
    assert at.header[0].value == "预算与决算"
    pick(at.selectbox(key="bf_pair"), "一般公共预算支出（合计）").run()
    rows = frame(no_errors(at), "执行率（%）").set_index("科目")
    budget, final = _printed(sample_wh, "shifan_jkzx_2023_budget", "BUD_05"), \
        _printed(sample_wh, "shifan_jkzx_2023_final", "FIN_05")
    for code in ("208", "210", "221"):
        r = rows[rows.index.str.startswith(code + " ")].iloc[0]
        b, f = budget[code], final[code]
        assert (r["预算数（万元）"], r["决算数（万元）"]) == (f"{b:,.2f}", f"{f:,.2f}")
        assert r["执行率（%）"] == f"{(100 * f / b).quantize(type(b)('0.01'), 'ROUND_HALF_UP'):,.2f}"
    assert len(at.get("plotly_chart")) == 1
    assert rows.iloc[0]["预算原文"].startswith("?view=source&doc=")


def _printed(sample_wh, pack, table):
    import csv
    from decimal import Decimal
    with open(sample_wh.parent / "pdfs" / f"{pack}.expected.csv", encoding="utf-8") as fh:
        return {r["account_code"]: Decimal(r["amount_wan"]) for r in csv.DictReader(fh)
                if r["table_id"] == table and r["measure"] == "total" and r["account_code"]}


def test_budget_vs_final_needs_both_packs(use_sample):
    at = view(choose(app(), "阳泉市应急管理局", 2024), "budget_final")
    assert any("没有同时入库的预算和决算" in i.value for i in at.info)
