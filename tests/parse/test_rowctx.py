"""Sub-units, cross-classified rows and year rows."""
from __future__ import annotations

from pipelines.parse.rowctx import EntityTracker, looks_like_unit, primary_code, valid_account_code, year_of_row


def test_cross_classified_row_keyed_by_the_tables_scheme():
    labels = ["2010601-行政运行", "50101-工资奖金津补贴", "30101-基本工资"]
    assert primary_code(labels, "function") == ("2010601", "行政运行", "50101-工资奖金津补贴|30101-基本工资")
    assert primary_code(labels[1:], "economic") == ("30101", "基本工资", "50101-工资奖金津补贴")
    assert primary_code(["2010601-行政运行"], "function") == ("", "", "")


def test_unit_codes_are_not_account_codes():
    assert not valid_account_code("024") and not valid_account_code("024001")
    assert valid_account_code("2010601") and valid_account_code("30101") and valid_account_code("501")


def test_units_tracked_down_a_table():
    t = EntityTracker()
    assert t.unit_row("深圳市水务局") == ""  # the first unit row is the pack's consolidated figures
    assert t.unit_row("深圳市水务局") == ""  # the same merged cell on the next row
    assert t.unit_row("深圳市水务局（本级）") == "深圳市水务局（本级）"
    t2 = EntityTracker()
    t2.total_row()  # 苏州 公开02表: 合计 first, then every 部门代码 row is a unit
    assert t2.unit_row("024苏州市审计局") == "024苏州市审计局"


def test_unit_names_and_years():
    assert looks_like_unit("深圳市规划和自然资源局大鹏管理局") and looks_like_unit("深圳市水务局（本级）")
    assert not looks_like_unit("工资福利支出") and not looks_like_unit("规划类经费")
    assert year_of_row("2025 年") == 2025 and year_of_row("增减变化金额") is None
