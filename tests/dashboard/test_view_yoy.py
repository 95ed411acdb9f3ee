"""同比变化 through AppTest on the sample warehouse: 示范市疾病预防控制中心 决算 2022 → 2023,
一般公共预算财政拨款支出决算表 (FIN_05) 合计 column, drilled from 类 to 项. Figures as printed."""
from apptest import app, choose, frame, frames, no_errors, pick


def test_yoy_class_level_then_drill_down(use_sample):
    at = choose(app(), "示范市疾病预防控制中心（单位）", 2023, "final")
    assert at.header[0].value == "同比变化"
    pick(at.selectbox(key="yoy_table"), "FIN_05 一般公共预算财政拨款支出决算表").run()
    assert at.selectbox(key="yoy_measure").value == "total"
    rows = frame(at, "级次")
    classes = rows[rows["级次"] == "类"].set_index("科目")
    assert classes.loc["210 卫生健康支出", ["上年（万元）", "本年（万元）", "增减额（万元）", "增减率（%）"]].tolist() == \
        ["3,241.80", "2,961.90", "-279.90", "-8.63"]
    assert classes.loc["208 社会保障和就业支出", "增减额（万元）"] == "41.79"
    assert len(at.get("plotly_chart")) == 1

    pick(at.selectbox(key="yoy_drill1"), "210 卫生健康支出").run()
    kuan = frame(no_errors(at), "级次")
    assert kuan["科目"].tolist() == ["21004 公共卫生", "21011 行政事业单位医疗"]
    assert set(kuan["级次"]) == {"款"}

    pick(at.selectbox(key="yoy_drill2"), "21004 公共卫生").run()
    xiang = frame(no_errors(at), "级次").set_index("科目")
    assert xiang.loc["2100408 基本公共卫生服务", ["上年（万元）", "本年（万元）", "增减额（万元）"]].tolist() == \
        ["607.38", "467.26", "-140.12"]
    assert xiang.loc["2100499 其他公共卫生支出", ["比较", "上年（万元）", "本年（万元）"]].tolist() == \
        ["本年未列", "164.13", ""]
    link = xiang.loc["2100408 基本公共卫生服务", "原文"]
    assert link.startswith("?view=source&doc=") and "&page=9&box=" in link


def test_biggest_changes_over_every_table(use_sample):
    at = choose(app(), "示范市疾病预防控制中心（单位）", 2023, "final")
    top = [f for f in frames(at, "栏目") if "表" in f.columns][0]
    assert len(top) == 10
    changes = [abs(float(v.replace(",", ""))) for v in top["增减额（万元）"]]
    assert changes == sorted(changes, reverse=True)
    # FIN_02 收入决算表 合计, 210 卫生健康支出: 3561.55 (2022) -> 3245.81 (2023)
    assert top.iloc[0][["表", "栏目", "科目", "上年（万元）", "本年（万元）", "增减额（万元）"]].tolist() == \
        ["FIN_02", "合计", "210 卫生健康支出", "3,561.55", "3,245.81", "-315.74"]


def test_no_prior_year_is_said(use_sample):
    at = choose(app(), "示范市疾病预防控制中心（单位）", 2022, "final")
    assert any("无法比较" in i.value for i in at.info)
