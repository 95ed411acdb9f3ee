"""Figures pinned from the templates added with the new corpus (广州 / 珠海 表1-表12, 西安 部门综合预算
in 元, 烟台 公开表 with 类|款|项 local codes and rotated pages), each read off its page: the table it
belongs to is found by what its title means, and the figure is where it is printed."""
from __future__ import annotations

from decimal import Decimal

import pytest

GZ = "renwu/005_广州/信访局_2026年部门预算.pdf"
ZH = "renwu/077_珠海/2026年珠海市商务局部门预算.pdf"
XA = "renwu/020_西安/民政局_2026年部门预算.pdf"
YT = "renwu/025_烟台/2026年烟台市教育局部门预算.pdf"

# (file, table, code or line item, measure, 万元, page, as printed)
PINNED = [
    (GZ, "BUD_01", "income_total", "budget", "3944.08", 6, "3,944.08"),  # 表1 收支总体情况表
    (GZ, "BUD_03", "2014004", "project", "397.28", 8, "397.28"),  # 表3 本年支出总体情况表
    (GZ, "BUD_04", "income_gpb", "budget", "3944.08", 9, "3,944.08"),  # 表4 财政拨款收支总体情况表
    (GZ, "BUD_05", "2210203", "total", "739.06", 11, "739.06"),  # [2210203]购房补贴: a code in brackets
    (GZ, "BUD_06", "30231", "total", "2.50", 13, "2.50"),
    (GZ, "BUD_07", "admin_expense", "budget", "444.39", 15, "444.39"),  # 行政经费 above the 三公 rows
    (GZ, "BUD_07", "sangong_vehicle", "budget", "2.50", 15, "2.50"),  # （二）公务用车购置及运行维护支出
    (ZH, "BUD_01", "carry_in", "budget", "19904.01", 7, "19,904.01"),
    (ZH, "BUD_01", "216", "budget", "20904.83", 6, "20,904.83"),  # 十五、商业服务业等支出
    (XA, "BUD_05", "2081004", "personnel", "4307.070000", 46, "43,070,700.00"),  # 表5 from the 目录 (元)
    (XA, "BUD_05", "2081004", "project", "15.000000", 46, "150,000.00"),  # 专项业务经费支出
    (XA, "BUD_03", "total", "grand_total", "87203.196720", 43, "872,031,967.20"),  # 总计 beside 合计
    (XA, "BUD_03", "total", "gpb", "53598.705243", 43, "535,987,052.43"),  # 公共预算拨款/小计
    (YT, "BUD_01", "income_total", "budget", "315235.83", 9, "315,235.83"),
    (YT, "BUD_02", "205", "total", "313068.64", 10, "313,068.64"),
    (YT, "BUD_05", "20502", "total", "76710.91", 16, "76,710.91"),  # 205 | 02 printed in 类 | 款 columns
]


@pytest.mark.corpus
@pytest.mark.parametrize("rel,table,key,measure,amount,page,printed", PINNED)
def test_pinned_figures_of_the_new_templates(rel, table, key, measure, amount, page, printed, parse_corpus):
    doc = parse_corpus(rel)
    hits = [f for f in doc.facts if f.table_id == table and key in (f.account_code, f.line_item)
            and f.measure == measure and not f.entity]
    assert [(f.amount_wan, f.page, f.printed) for f in hits] == [(Decimal(amount), page, printed)]
    assert printed in doc.page_texts[page - 1].replace("\n", "")


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [GZ, ZH, XA, YT])
def test_core_tables_found_and_every_printed_figure_read(rel, parse_corpus):
    doc = parse_corpus(rel)
    assert doc.kind == "budget"
    assert {f"BUD_0{i}" for i in range(1, 6)} <= {t.table_id for t in doc.tables}
    assert doc.coverage == 1.0 and doc.n_figures > 400
