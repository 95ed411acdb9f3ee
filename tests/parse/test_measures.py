"""Column header paths of the corpus tables -> canonical measures (wide fund-column tables on both
sides: 本年收入 and 上年结转 blocks, fund columns, 基本支出 subgroups, 执行数 and 增减 columns)."""
from __future__ import annotations

import pytest

from pipelines import catalogue
from pipelines.parse.keys import measure_of, wide_item_of

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
