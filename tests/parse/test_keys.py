"""Row labels -> codes and line items."""
from __future__ import annotations

from pipelines.parse.keys import split_code_prefix


def test_a_figure_is_never_split_into_a_code_and_a_name():
    assert split_code_prefix("299,193.00") == ("", "299,193.00")
    assert split_code_prefix("12.5%") == ("", "12.5%")


def test_code_prefixes_in_the_name_cell():
    assert split_code_prefix("2010601-行政运行") == ("2010601", "行政运行")
    assert split_code_prefix("30101基本工资") == ("30101", "基本工资")
    assert split_code_prefix("201 一般公共服务支出") == ("201", "一般公共服务支出")
