"""数据质量 through AppTest: two check runs, then a revised 示范市疾病预防控制中心 2024 决算 whose
FIN_05 prints 2100401 = 1660.32 instead of 1606.32, so 21004 公共卫生 (2812.98 printed) no longer
equals the sum of its 项 (2866.98)."""
from apptest import app, frame, no_errors, view


def test_quality_overview_worst_documents_rules_and_trend(use_dq):
    at = view(app(), "quality")
    metrics = {m.label: m.value for m in at.metric}
    assert {k: metrics[k] for k in ("已检查文件", "有不符的文件", "不符", "尾数误差")} == \
        {"已检查文件": "25 / 25", "有不符的文件": "1", "不符": "1", "尾数误差": "6"}
    # every figure the sample prints in its tables is a fact; nothing needs attention
    assert (metrics["覆盖率"], metrics["需要关注的文件"]) == ("100.00%", "0")
    assert metrics["表内数字"] == metrics["已入库"] and int(metrics["表内数字"].replace(",", "")) > 5000
    worst = frame(at, "不符率（%）")
    assert worst.iloc[0][["文件", "状态", "不符", "通过"]].tolist() == \
        ["shifan_jkzx_2024_final_revised.pdf", "有不符", 1, 15]
    # the seed's 尾数误差 (22401 printed 4366.88, its 项 sum to 4366.87) is a rounding note, not a failure
    yq = worst.set_index("文件").loc["yangquan_yjglj_2024_final.pdf"]
    assert (yq["状态"], yq["不符"], yq["尾数误差"]) == ("全部通过", 0, 6)
    rules = frame(at, "不符文件数")
    assert rules[["规则", "不符文件数", "不符次数", "最大差额（万元）"]].values.tolist() == [["T-HIER-FUNC", 1, 1, "54.00"]]
    assert len(at.get("plotly_chart")) == 1   # the trend over the two check runs


def test_finding_opens_its_source_page(use_dq):
    at = view(app(), "quality")
    findings = frame(at, "应为")
    assert findings[["结果", "位置", "应为", "实为", "差额", "容差", "页码"]].values.tolist() == \
        [["不符", "FIN_05 21004 total", "2,866.98", "2,812.98", "-54.00", "0.02", 9]]
    assert findings.iloc[0]["原文"].startswith("?view=source&doc=")
    at.selectbox(key="dq_finding").select_index(0).run()
    no_errors(at)
    assert [t.value for t in at.text] == ["shifan_jkzx_2024_final_revised.pdf · 第 9 页 · 红框为所指单元格"]
    assert len(at.get("image")) == 1


def test_rounding_findings_on_request(use_dq):
    at = view(app(), "quality")
    at.multiselect(key="dq_outcomes").set_value(["rounding"]).run()
    rows = frame(no_errors(at), "应为")
    assert len(rows) == 6 and set(rows["结果"]) == {"尾数误差"}
    assert "FIN_05 22401 total" in rows["位置"].tolist()


def test_quality_view_on_the_ingestion_rules(use_sample, sample_wh):
    """The plain sample warehouse holds whatever pipelines.checks stored at ingestion: the view
    shows it without error and counts the checked documents."""
    import duckdb
    con = duckdb.connect(str(sample_wh.with_name("warehouse.read.duckdb")), read_only=True)
    checked = con.execute("SELECT count(DISTINCT document_id) FROM check_result").fetchone()[0]
    con.close()
    at = view(app(), "quality")
    assert {m.label: m.value for m in at.metric}["已检查文件"] == f"{checked} / 25"
