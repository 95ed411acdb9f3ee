"""Narrative extraction: figures, what they are, whose they are, in which section."""
from decimal import Decimal

import pytest

from pipelines.narrative import extract


def facts(statements, *fields):
    return [tuple(getattr(s, f) for f in fields) for s in statements]


PART = "第三部分 示范市测试局2024年度部门决算情况说明\n"


def test_toc_does_not_start_the_narrative_and_glossary_ends_it():
    pages = [(2, "目  录\n第三部分 2024年度部门决算情况说明 ........ 12\n第四部分 名词解释 ........ 20\n"),
             (12, PART + "一、收入支出决算总体情况说明\n2024年度收入支出总计1,234.50万元。\n"),
             (20, "第四部分 名词解释\n一、基本支出：指…，共计99.00万元。\n")]
    got = extract(pages, "示范市测试局")
    assert facts(got, "page", "section", "topic", "measure", "value") == [
        (12, "overview", "grand_total", "amount", Decimal("1234.50"))]


def test_change_amount_and_percentage_keep_their_subject_and_direction():
    text = (PART + "一、收入支出决算总体情况说明\n示范市测试局2024年度收入支出总计2995.39万元。与2023年度相比，收入\n"
            "支出总计减少56.95万元，下降1.87%。主要原因：人员变化。\n")
    got = extract([(21, text)], "示范市测试局")
    assert facts(got, "clause_id", "topic", "measure", "value", "direction", "base_topic") == [
        (1, "grand_total", "amount", Decimal("2995.39"), None, None),
        (1, "grand_total", "change_amount", Decimal("56.95"), "decrease", "prior_year"),
        (1, "grand_total", "change_pct", Decimal("1.87"), "decrease", "prior_year")]


def test_item_paragraph_budget_final_completion_and_wording():
    text = (PART + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：基本支出。年初预算为\n"
            "1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。决算数小于预算数的主要原因：人员变化。\n"
            "2、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为 62.29 万元，支出决算为60.99万元。"
            "决算数与预算数基本持平。\n")
    got = extract([(22, text)])
    assert facts(got, "section", "subject", "measure", "value", "direction") == [
        ("gpb", "一般公共服务支出/财政事务/行政运行", "budget", Decimal("1560.05"), None),
        ("gpb", "一般公共服务支出/财政事务/行政运行", "final", Decimal("1511.89"), None),
        ("gpb", "一般公共服务支出/财政事务/行政运行", "completion_pct", Decimal("96.91"), None),
        ("gpb", "一般公共服务支出/财政事务/行政运行", "wording", None, "less"),
        ("gpb", "卫生健康支出/行政事业单位医疗/行政单位医疗", "budget", Decimal("62.29"), None),
        ("gpb", "卫生健康支出/行政事业单位医疗/行政单位医疗", "final", Decimal("60.99"), None),
        ("gpb", "卫生健康支出/行政事业单位医疗/行政单位医疗", "wording", None, "equal")]


def test_shares_name_their_base_or_take_the_whole_before_qizhong():
    text = (PART + "三、支出决算情况说明\n本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出\n"
            "603.14万元，占20.51%；\n五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出2940.05万元，"
            "占本年支出合计的100.00%。\n")
    got = [s for s in extract([(21, text)]) if s.measure == "share_pct"]
    assert facts(got, "section", "topic", "value", "base_topic", "base_value") == [
        ("expense", "basic", Decimal("79.49"), "expense_total", Decimal("2940.05")),
        ("expense", "project", Decimal("20.51"), "expense_total", Decimal("2940.05")),
        ("gpb", "gpb_expense", Decimal("100.00"), "expense_total", Decimal("2940.05"))]


def test_sangong_zero_budget_completion_counts_and_prices_are_not_amounts():
    text = (PART + "三、2019年度一般公共预算财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出决算为0.16万元，"
            "完成预算0万元的0%。\n十、国有资产占用情况说明\n截至2024年12月31日，共有车辆27辆，其中：机要通信用车2辆、"
            "其他用车25辆。单价100万元（含）以上设备（不含车辆）1台（套）。\n")
    got = extract([(26, text)])
    assert facts(got, "section", "topic", "measure", "value", "unit") == [
        ("sangong", "sangong_total", "amount", Decimal("0.16"), "万元"),
        ("sangong", "sangong_total", "budget_full", Decimal("0"), "万元"),
        ("sangong", "sangong_total", "completion_pct", Decimal("0"), "%"),
        ("assets", "vehicles", "count", Decimal("27"), "辆"),
        ("assets", "other", "count", Decimal("2"), "辆"),
        ("assets", "other", "count", Decimal("25"), "辆")]


@pytest.mark.corpus
def test_shanghai_putuo_caizhengju_2024_statements(parse_corpus):
    doc = parse_corpus("GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf")
    got = extract(list(enumerate(doc.page_texts, start=1)), doc.department)
    by = {(s.section, s.topic, s.subject, s.measure): s for s in got}
    assert by[("fiscal", "fiscal_grand_total", "财政拨款收入支出总计", "amount")].value == Decimal("0.3")  # misprint
    share = by[("gpb", "function", "一般公共服务支出", "share_pct")]
    assert (share.page, share.value, share.base_topic, share.base_value) == (21, Decimal("71.73"), "gpb_expense",
                                                                             Decimal("2940.05"))
    items = [s for s in got if s.topic == "function" and s.measure == "final"]
    assert [(s.page, s.value) for s in items] == [
        (22, Decimal("1511.89")), (22, Decimal("10.00")), (22, Decimal("135.25")), (22, Decimal("449.52")),
        (22, Decimal("84.65")), (22, Decimal("160.75")), (22, Decimal("80.38")), (22, Decimal("0.94")),
        (22, Decimal("60.99")), (22, Decimal("187.19")), (22, Decimal("258.50"))]
    assert [s.direction for s in got if s.measure == "wording"] == [
        "less", "less", "equal", "less", "less", "less", "less", "less", "equal", "less", "less", "equal", "less"]
    assert by[("opex", "opex", "机关运行经费支出", "change_pct")].value == Decimal("1.40")


@pytest.mark.corpus
def test_central_template_statements(parse_corpus):
    doc = parse_corpus("renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf")
    got = extract(list(enumerate(doc.page_texts, start=1)), doc.department)
    grand = [s for s in got if s.topic == "grand_total" and s.section == "overview"]
    assert facts(grand, "measure", "value", "direction") == [
        ("amount", Decimal("22066.59"), None), ("change_amount", Decimal("5834.37"), "increase"),
        ("change_pct", Decimal("35.74"), "increase")]
    fiscal = [s for s in got if s.section == "fiscal" and s.measure == "amount"]
    assert facts(fiscal, "topic", "value") == [("fiscal_grand_total", Decimal("20727.53"))]
    shares = {s.subject: (s.value, s.base_value) for s in got if s.section == "sangong" and s.measure == "share_pct"}
    assert shares == {"因公出国（境）费": (Decimal("10.15"), Decimal("46.21")),
                      "公务用车购置及运行费": (Decimal("87.88"), Decimal("46.21")),
                      "公务接待费": (Decimal("1.95"), Decimal("46.21"))}


def test_a_path_after_qizhong_in_the_same_paragraph_takes_the_figures_that_follow():
    # the generated sample's wording: the 项 list continues the paragraph of the section total
    text = (PART + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "2023年度一般公共预算财政拨款支出年初预算5,340.96万元，支出决算5,438.81万元，完成年初预算的\n"
            "101.83%。其中：\n社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）：年初预算为48.46\n"
            "万元，支出决算为49.74万元，完成年初预算的102.64%，决算数大于年初预算数。\n")
    got = extract([(18, text)])
    assert facts(got, "subject", "measure", "value") == [
        ("一般公共预算财政拨款支出", "budget", Decimal("5340.96")),
        ("一般公共预算财政拨款支出", "final", Decimal("5438.81")),
        ("一般公共预算财政拨款支出", "completion_pct", Decimal("101.83")),
        ("社会保障和就业支出/行政事业单位养老支出/行政单位离退休", "budget", Decimal("48.46")),
        ("社会保障和就业支出/行政事业单位养老支出/行政单位离退休", "final", Decimal("49.74")),
        ("社会保障和就业支出/行政事业单位养老支出/行政单位离退休", "completion_pct", Decimal("102.64")),
        ("社会保障和就业支出/行政事业单位养老支出/行政单位离退休", "wording", None)]


def test_a_bare_expense_after_an_income_names_the_sibling_subject():
    text = (PART + "七、政府性基金预算财政拨款收支决算情况说明\n2023年度政府性基金预算财政拨款收入5,248.31万元，"
            "支出4,642.06万元，年末结转和结余606.25万元。\n")
    got = extract([(19, text)])
    assert facts(got, "topic", "measure", "value") == [
        ("income_gov_fund", "amount", Decimal("5248.31")),
        ("gov_fund_expense", "amount", Decimal("4642.06")),
        ("carry_out", "amount", Decimal("606.25"))]


def test_a_figure_with_more_digits_than_any_budget_is_recorded_not_used():
    """西安 卫生健康委员会 2022 决算 p30: a 绩效自评表 read as prose runs five cells together into one
    49-digit "percentage" (it overflowed DECIMAL(28, 6) and stopped every rule of the batch)."""
    text = (PART + "五、项目绩效情况\n主要为全市群众提供妇幼保健疾病预防控制任务、公共卫生服务及基本任务完成"
            "1492978714073778560171485335914073777795890589949%058完成临床用血等公共卫生服务。"
            "一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。\n")
    got = extract([(30, text)])
    assert facts(got, "measure", "value", "value_text", "note") == [
        ("implausible", None, "1492978714073778560171485335914073777795890589949%",
         "implausible figure 149297871407377856017148…%: 49 digits, beyond 100,000 % (figures of a table run "
         "together in the text layer); not compared"),
        ("amount", Decimal("2940.05"), "2940.05万元", ""),
        ("share_pct", Decimal("100.00"), "100.00%", "")]


@pytest.mark.parametrize("printed, ok", [("9,999,999,999.99万元", True), ("10,000,000,000.01万元", False),
                                         ("99999999.99亿元", False), ("60,300.00%", True), ("100000.01%", False),
                                         ("1500辆", True), ("1000001辆", False)])
def test_plausibility_bounds_per_unit(printed, ok):
    got = extract([(3, PART + f"一、收入支出决算总体情况说明\n本年收入合计{printed}。\n")])
    assert [s.measure == "implausible" for s in got] == [not ok]
