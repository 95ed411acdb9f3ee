"""Narrative 类/款/项 names -> the document's own function codes."""
from pipelines.narrative.resolve import resolve

NAMES = {"208": {"社会保障和就业支出"}, "20805": {"行政事业单位养老支出"}, "2080501": {"行政单位离退休"},
         "2080505": {"机关事业单位基本养老保险缴费支出"}, "201": {"一般公共服务支出"}, "20106": {"财政事务"},
         "2010601": {"行政运行"}, "212": {"城乡社区支出"}, "21201": {"城乡社区管理事务"}, "2120101": {"行政运行"}}


def test_full_path_and_class_only():
    assert resolve("一般公共服务支出/财政事务/行政运行", NAMES) == "2010601"
    assert resolve("城乡社区支出/城乡社区管理事务/行政运行", NAMES) == "2120101"
    assert resolve("社会保障和就业", NAMES) == "208"


def test_last_years_kuan_name_still_finds_the_xiang_by_its_own_name():
    # a narrative keeping 行政事业单位离退休 (款) and 归口管理的行政单位离退休 (项)
    assert resolve("社会保障和就业/行政事业单位离退休/归口管理的行政单位离退休", NAMES) == "2080501"


def test_unknown_names_resolve_to_nothing():
    assert resolve("社会保障和就业支出/行政事业单位养老支出/不存在的项目", NAMES) is None
