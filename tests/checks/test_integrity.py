"""Document-integrity and parse-integrity rules on hand-made documents."""
from pipelines.checks import run_checks


def outcomes(mini, run, rule):
    return [(o, loc) for o, loc, *_ in mini.outcomes(run, rule)]


def test_placeholders_and_wrong_years(mini):
    doc = mini.document("x.pdf", pages={
        1: "第二部分 上海市普陀区XX局2024年度部门决算表\n",
        2: "第三部分 上海市普陀区财政局2023年度部门决算情况说明\n与2023年度相比，支出减少。根据粤财资【2025】143号文件，\n比2023年度决算\n",
        3: "截至2023年12月31日，共有车辆2辆。\n"}, year=2024)
    run = run_checks(mini.con, [doc], rules=["DI01", "DI02", "DI03"]).check_run_id
    assert outcomes(mini, run, "DI01") == [("fail", "page 1 template placeholder"), ("pass", "page 2 template placeholder"),
                                           ("pass", "page 3 template placeholder")]
    # the heading line only: sentences mentioning last year are no headings
    assert outcomes(mini, run, "DI02") == [("pass", "page 1 heading year 2024 (pack year 2024)"),
                                           ("fail", "page 2 heading year 2023 (pack year 2024)")]
    assert outcomes(mini, run, "DI03") == [("fail", "page 3 截至2023年12月31日 (pack year 2024)")]


def test_unread_figure_and_one_cell_read_twice_are_parse_failures(mini):
    doc = mini.document("x.pdf", [("FIN_05", "201", "total", "1234.56", 5), ("FIN_05", "total", "total", "1234.56", 5),
                                  ("FIN_05", "total", "total", "1234.57", 6)],
                        pages={5: "合计 1,234.56\n201 一般公共服务支出 1,234.56 7.89\n", 6: "合计 91,234.57\n"})
    run = run_checks(mini.con, [doc], rules=["DI07", "DI10"]).check_run_id
    assert outcomes(mini, run, "DI10") == [("fail", "page 5 figures printed vs read"),
                                           ("pass", "page 6 figures printed vs read")]  # 9 is a glued 行次 number
    detail = mini.con.execute("SELECT detail FROM check_result WHERE check_run_id = ? AND rule_id = 'DI10' AND page = 5",
                              [run]).fetchone()[0]
    assert detail == "7.89"
    assert outcomes(mini, run, "DI07") == [("fail", "FIN_05 total [total] printed 2 times")]
    severities = dict(mini.con.execute("SELECT rule_id, severity FROM dim_rule WHERE rule_id IN ('DI07', 'DI10')").fetchall())
    assert severities == {"DI07": "parse", "DI10": "parse"}
