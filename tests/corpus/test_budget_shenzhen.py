"""深圳: 表N tables with title and 部门名称 repeated on every page, a 预算单位 column, 0.00 everywhere,
a 20-column 三公 table with 2025年/2026年 rows and fund sub-columns."""
from __future__ import annotations

import pytest

PACK = "renwu/003_深圳/2026年深圳市审计局部门预算.pdf"
MULTI = "renwu/003_深圳/2026年深圳市水务局部门预算.pdf"  # 187 pages, one block per 预算单位


@pytest.mark.corpus
def test_single_unit_pack(parse_corpus, pinned, table_ids):
    doc = parse_corpus(PACK)
    assert (doc.kind, doc.fiscal_year, doc.department) == ("budget", 2026, "深圳市审计局")
    assert {f"BUD_0{i}" for i in range(1, 10)} | {"BUD_10", "BUD_17"} <= table_ids(doc)
    pinned(doc, "BUD_01", "201", "budget", "6960.90", 17)
    pinned(doc, "BUD_01", "income_total", "budget", "10737.69", 18)
    # the 支出 side prints 款/项 by name only (审计事务 / 行政运行): coded from the pack's own tables
    f = pinned(doc, "BUD_01", "2010801", "budget", "5466.52", 17)
    assert f.account_name == "行政运行" and f.account_scheme == "function"
    pinned(doc, "BUD_01", "20108", "budget", "6960.90", 17)
    pinned(doc, "BUD_02", "total", "total", "10737.69", 20)  # the 预算单位 row is the pack's total
    pinned(doc, "BUD_03", "total", "procurement", "775.86", 21)  # 2026年政府采购项目/小计
    pinned(doc, "BUD_05", "20108", "basic", "5466.52", 29)
    # 表8 一般公共预算支出表（按经济分类） is the economic table, not 表7's twin
    assert {f.account_scheme for f in doc.facts if f.table_id == "BUD_06" and f.account_code} == {"economic"}
    # 三公 by fund: the 2025年 row is last year's budget
    pinned(doc, "BUD_07", "sangong_total", "gpb", "35.10", 34)
    pinned(doc, "BUD_07", "sangong_total", "prior_gpb", "40.31", 34)
    pinned(doc, "BUD_07", "sangong_vehicle_purchase", "prior_gpb", "30.00", 34)
    pinned(doc, "BUD_07", "sangong_total", "change_gpb", "-5.21", 34)  # 增减变化金额


@pytest.mark.slow
@pytest.mark.corpus
def test_multi_unit_tables_keep_units_apart(parse_corpus):
    doc = parse_corpus(MULTI)
    bud05 = [f for f in doc.facts if f.table_id == "BUD_05"]
    units = {f.entity for f in bud05} - {""}
    assert "深圳市水务局（本级）" in units and len(units) >= 5
    own = [f for f in bud05 if not f.entity and f.line_item == "total" and f.measure == "total"]
    assert [str(f.amount_wan) for f in own] == ["723786.76"]


@pytest.mark.corpus
def test_a_short_kuan_name_is_not_taken_for_a_class(parse_corpus, pinned):
    # 建筑工务署 收支总表: 五、援助其他地区支出 5,231.12 / 住房保障 5,231.12 / 六、住房保障支出 4,158.57:
    # 住房保障 is the 款 21908 of 219 (coded so by the pack's own tables), not the 类 221
    doc = parse_corpus("renwu/003_深圳/2026年深圳市建筑工务署部门预算.pdf")
    f = pinned(doc, "BUD_01", "21908", "budget", "5231.12", 17)
    assert f.account_name == "住房保障"
    pinned(doc, "BUD_01", "221", "budget", "4158.57", 17)
