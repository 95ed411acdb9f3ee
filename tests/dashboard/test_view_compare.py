"""部门比较 through AppTest: 2024 决算 FIN_05 合计 of 221 住房保障支出 across the departments."""
import csv
from decimal import Decimal

from apptest import app, frame, no_errors, pick, view


def test_compare_departments_on_one_account(use_sample, sample_wh):
    at = view(app(), "compare")
    assert at.header[0].value == "部门比较"
    at.selectbox(key="cmp_year").set_value(2024).run()
    at.selectbox(key="cmp_kind").set_value("final").run()
    pick(at.selectbox(key="cmp_table"), "FIN_05 一般公共预算财政拨款支出决算表").run()
    at.selectbox(key="cmp_measure").set_value("total").run()
    item = at.selectbox(key="cmp_item")
    item.select_index(next(i for i, o in enumerate(item.options) if o.startswith("221 住房保障支出"))).run()
    rows = frame(no_errors(at), "排名")
    expected = []
    for p in sorted((sample_wh.parent / "pdfs").glob("*_2024_final.expected.csv")):
        with open(p, encoding="utf-8") as fh:
            expected += [Decimal(r["amount_wan"]) for r in csv.DictReader(fh)
                         if r["table_id"] == "FIN_05" and r["account_code"] == "221" and r["measure"] == "total"]
    expected.sort(reverse=True)
    # exact figures: the 市场监督管理局 pack prints 元 (2,423,291.00 元 = 242.3291 万元), nothing is rounded
    assert rows["金额（万元）"].tolist() == [f"{v:,.2f}" if v == v.quantize(Decimal("0.01")) else str(v)
                                          for v in expected]
    assert "242.3291" in rows["金额（万元）"].tolist()
    assert rows["排名"].tolist() == list(range(1, len(expected) + 1))
    assert len(at.get("plotly_chart")) == 1
