"""Captions as printed above (or in the first cell of) the corpus tables: label, title, entity, unit."""
from __future__ import annotations

import pytest

from pipelines.parse.captions import find_empty_note, match_title, parse_caption


@pytest.mark.parametrize("text,label,title,entity,unit", [
    ("公开03表支出预算总表部门：江苏省政协办公厅单位：万元", "公开03表", "支出预算总表", "江苏省政协办公厅", "万元"),
    ("部门：苏州市审计局 单位：万元", "", "", "苏州市审计局", "万元"),
    ("单位：苏州市水务局 单位：万元", "", "", "苏州市水务局", "万元"),  # 单位： twice: entity, then the unit
    ("编制单位：上海交通职业技术学院 单位：元", "", "", "上海交通职业技术学院", "元"),
    ("部门名称：深圳市审计局 单位：万元", "", "", "深圳市审计局", "万元"),
    ("预算01表 收支总表", "预算01表", "收支总表", "", ""),
    ("预算表12 年度项目支出绩效表", "预算表12", "年度项目支出绩效表", "", ""),
    ("预算14表-1 促进教育事业均衡发展共同事权转移支付绩效目标表", "预算14表-1",
     "促进教育事业均衡发展共同事权转移支付绩效目标表", "", ""),
    ("部门公开表 5 一般公共预算支出表", "部门公开表5", "一般公共预算支出表", "", ""),
    ("公开表十二", "公开表十二", "", "", ""),
    ("表八一般公共预算支出预算表", "表八", "一般公共预算支出预算表", "", ""),  # label and title on one joined line
    ("表十一“三公”经费、会议费、培训费支出预算表（一般公共预算）", "表十一",
     "三公经费、会议费、培训费支出预算表（一般公共预算）", "", ""),
    ("部门： 单位：万元", "", "", "", "万元"),  # an empty 部门： field names nobody
    ("金额单位：万元", "", "", "", "万元"),
])
def test_parse_caption(text, label, title, entity, unit):
    cap = parse_caption(text)
    assert (cap.label, cap.title_text, cap.entity, cap.unit) == (label, title, entity, unit)


@pytest.mark.parametrize("title,want", [
    ("2026年预算单位财务收支预算总表", "BUD_01"),
    ("收支总表", "BUD_01"),
    ("部门公开表1 部门收支总表", "BUD_01"),
    ("一、2017 年度江苏省高级人民法院部门收支预算总表", "BUD_01"),
    ("财政拨款收支总表", "BUD_04"),  # ends with 收支总表, but 财政拨款 says otherwise
    ("基本支出总表", "BUD_17"),  # not 支出总表
    ("项目支出总表", "BUD_10"),
    ("一般公共预算支出表（按功能分类）", "BUD_05"),
    ("一般公共预算支出表（按经济分类）", "BUD_06"),  # the bracket tells the two 深圳 tables apart
    ("一般公共预算支出预算表（功能科目）", "BUD_05"),
    ("财政拨款支出表（功能科目）", "BUD_15"),  # all three funds: an extra, not BUD_05
    ("公开 09 表：一般公共预算“三公”经费、会议费、培训费支出预算表", "BUD_07"),
    ("2026年单位“三公”经费和机关运行经费预算表", "BUD_07"),
    ("十、2018 年度江苏省高级人民法院政府性基金预算财政拨款支出预算表", "BUD_08"),
    ("国有资本经营预算支出预算表", "BUD_09"),
    ("2019年政府采购预算表", "BUD_11"),
    ("预算11表 财政拨款政府购买服务明细表", "BUD_12"),
    ("一般公共预算机关运行经费支出预算表", "BUD_13"),
    ("信息化运行维护绩效目标表", "BUD_14"),
])
def test_budget_titles_of_every_region(title, want):
    m = match_title(title, "budget")
    assert m is not None and [s.id for s in m.specs] == [want]


@pytest.mark.parametrize("prose", [
    "省检察院本级划转240万元办案费；二是《财政拨款支出预算表",  # a sentence naming a table
    "详见公开01表收支预算总表",
    "第二部分 2019年度部门预算表",
])
def test_prose_is_not_a_title(prose):
    assert match_title(prose, "budget") is None


def test_empty_table_notes_of_several_regions():
    assert find_empty_note("注：本部门无政府性基金预算，也没有使用政府性基金安排的支出，故本表无数据。")
    assert find_empty_note("此表为空")
    assert find_empty_note("注：本部门无相关内容。")
