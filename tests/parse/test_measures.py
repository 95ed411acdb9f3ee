"""Column header paths of the corpus tables -> canonical measures (wide fund-column tables on both
sides: 本年收入 and 上年结转 blocks, fund columns, 基本支出 subgroups, 执行数 and 增减 columns)."""
from __future__ import annotations

import pytest

from pipelines import catalogue
from pipelines.parse.keys import match_line_item, measure_of, wide_column_items, wide_item_of

T = catalogue.tables_by_id()


@pytest.mark.parametrize("table,path,want", [
    # 北京 预算02表 收入总表 (18 columns)
    ("BUD_02", ["合计"], "total"),
    ("BUD_02", ["本年收入", "小计"], "income"),
    ("BUD_02", ["本年收入", "一般公共预算资金"], "gpb"),
    ("BUD_02", ["本年收入", "财政专户管理资金"], "special_account"),
    ("BUD_02", ["本年收入", "事业单位经营收入"], "operating"),
    ("BUD_02", ["上年结转结余", "小计"], "carry_in"),
    ("BUD_02", ["上年结转结余", "一般公共预算资金"], "carry_in_gpb"),
    ("BUD_02", ["上年结转结余", "单位资金"], "carry_in_unit_funds"),
    # 深圳 表2 收入总表
    ("BUD_02", ["收入总计"], "total"),
    ("BUD_02", ["本年收入", "财政拨款", "政府性基金预算拨款"], "gov_fund"),
    ("BUD_02", ["本年收入", "单位资金", "事业收入"], "business"),
    ("BUD_02", ["上年结余、结转"], "carry_in"),
    # 深圳 表3 支出总表 with 政府采购 columns
    ("BUD_03", ["支出总计"], "total"),
    ("BUD_03", ["事业单位经营支出"], "operating"),
    ("BUD_03", ["2026年政府采购项目", "小计"], "procurement"),
    ("BUD_03", ["2026年政府采购项目", "其中:2026年政府采购项目中预留给中小企业的项目资金规模"], "procurement_sme"),
    # 北京 预算05表 (banner 预算数 removed before this call)
    ("BUD_05", ["基本支出", "小计"], "basic"),
    ("BUD_05", ["基本支出", "人员经费"], "personnel"),
    ("BUD_05", ["项目支出", "项目支出总数"], "project"),
    ("BUD_05", ["项目支出", "扣除基建项目后预算数"], "project_ex_capital"),
    # central 一般公共预算支出表: 2025 执行数 vs 2026 预算数
    ("BUD_05", ["2025年执行数", "扣除中央基建投资后执行数"], "prior_exec_ex_capital"),
    ("BUD_05", ["2026年预算数", "年初预算数", "小计"], "total"),
    ("BUD_05", ["2026年预算数", "扣除中央基建投资后预算数"], "total_ex_capital"),
    ("BUD_05", ["2026年预算数比2025年执行数", "增减额"], "change"),
    ("BUD_05", ["2026年预算数比2025年执行数(扣除中央基建投资)", "增减额"], "change_ex_capital"),
    # 上海 / 苏州 财政拨款收支总表 expenditure side with fund columns
    ("BUD_04", ["支出", "预算数", "一般公共预算"], "gpb"),
    ("BUD_04", ["支出", "预算数", "国有资本经营预算"], "soe"),
    ("BUD_13", ["机关运行经费支出"], "total"),
    # 江苏 公开03表 支出预算总表: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金
    ("BUD_03", ["单位预留机动经费"], "reserve"),
    ("BUD_03", ["结转下年资金"], "carry_out"),
])
def test_measure_of(table, path, want):
    assert measure_of(path, T[table]) == want


@pytest.mark.parametrize("path,want", [
    (["“三公”经费合计"], "sangong_total"),
    (["“三公”经费", "小计"], "sangong_total"),
    (["公务用车购置及运行维护费", "小计"], "sangong_vehicle"),
    (["公务用车购置及运行维护费", "小计", "一般公共预算"], "sangong_vehicle"),  # 深圳: funds under each item
    (["总计", "政府性基金预算"], "sangong_total"),
    (["会议费"], "meeting_fee"),
    (["培训费"], "training_fee"),
    (["机关运行经费预算数"], "admin_operating_cost"),
])
def test_wide_items_of_budget_sangong_tables(path, want):
    assert wide_item_of(path, T["BUD_07"]) == want


def test_jiangsu_lone_total_beside_meetings_and_training_is_the_total_of_all():
    # 公开09表: 合计 | “三公”经费 {小计, 因公出国（境）费, 公务用车…{小计, 购置费, 运行维护费}, 公务接待费} | 会议费 | 培训费
    paths = {0: ["合计"], 1: ["“三公”经费", "小计"], 2: ["“三公”经费", "因公出国（境）费"],
             3: ["“三公”经费", "公务用车购置及运行维护费", "小计"], 4: ["“三公”经费", "公务用车购置及运行维护费", "公务用车购置费"],
             5: ["“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费"], 6: ["“三公”经费", "公务接待费"],
             7: ["会议费"], 8: ["培训费"]}
    got = wide_column_items(paths, T["BUD_07"])
    assert got == {0: "sangong_and_beside_total", 1: "sangong_total", 2: "sangong_outbound", 3: "sangong_vehicle",
                   4: "sangong_vehicle_purchase", 5: "sangong_vehicle_operation", 6: "sangong_reception",
                   7: "meeting_fee", 8: "training_fee"}


def test_a_lone_total_of_a_plain_sangong_table_stays_the_sangong_total():
    paths = {0: ["合计"], 1: ["因公出国（境）费"], 2: ["公务用车购置及运行维护费", "小计"], 3: ["公务接待费"]}
    assert wide_column_items(paths, T["BUD_07"])[0] == "sangong_total"


@pytest.mark.parametrize("label,previous,want", [
    ("1.财政拨款结余、结转", "carry_in", "carry_in_fiscal"),  # 深圳 收支总表 under 上年结余、结转
    ("2.非财政拨款结余、结转", "carry_in_fiscal", "carry_in_nonfiscal"),
    ("2.事业单位经营收入", "income_business", "income_operating"),
    ("一、财政拨款", "", "income_fiscal"),
])
def test_shenzhen_income_side_lines(label, previous, want):
    assert match_line_item(label, T["BUD_01"], "income", "", previous) == want


def test_a_fund_group_subtotal_is_the_group_s_in_shenzhen_basic_and_project_tables():
    # 深圳 表4 基本支出总表: 总计 | 财政拨款 {小计, 一般公共预算拨款, …}: the 小计 is 财政拨款's, not the total;
    # in a 财政拨款收支总表 (BUD_04) everything is 财政拨款, so there it stays the total
    assert measure_of(["总计"], T["BUD_17"]) == "total"
    assert measure_of(["财政拨款", "小计"], T["BUD_17"]) == "fiscal"
    assert measure_of(["单位资金", "小计"], T["BUD_10"]) == "unit_funds"
    assert measure_of(["财政拨款", "小计"], T["BUD_04"]) == "total"
