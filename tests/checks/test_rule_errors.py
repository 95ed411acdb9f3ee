"""One document or rule that cannot be evaluated never stops the others: it gets outcome `error`
with its message, every other document and rule is judged, and users are told."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipelines.checks import catalogue, run_checks

GOOD = {1: "第三部分 情况说明\n一、收入支出决算总体情况说明\n2024年度收入支出总计1,234.50万元。\n"}
RUN_TOGETHER = {1: "第三部分 情况说明\n一、收入支出决算总体情况说明\n2024年度收入支出总计1,234.50万元。\n"
                   "五、项目绩效情况\n基本任务完成1492978714073778560171485335914073777795890589949%058完成。\n"}


def two_documents(mini):
    a = mini.document("a.pdf", [("FIN_01", "income_total", "final", "1234.50")], pages=GOOD)
    b = mini.document("b.pdf", [("FIN_01", "income_total", "final", "1234.50")], pages=RUN_TOGETHER,
                      department_key=2, department="示范市另一局")
    return a, b


def test_an_implausible_narrative_figure_no_longer_stops_the_run(mini):
    a, b = two_documents(mini)
    report = run_checks(mini.con, [a, b], trigger="test")
    assert report.errors == {} and report.document_errors == {} and report.error_rows == []
    assert mini.con.execute("SELECT measure, value, value_text, note IS NOT NULL FROM narrative_statement "
                            "WHERE document_id = ? ORDER BY stmt_seq", [b]).fetchall() == [
        ("amount", Decimal("1234.500000"), "1,234.50万元", False),
        ("implausible", None, "1492978714073778560171485335914073777795890589949%", True)]
    judged = dict(mini.con.execute("SELECT document_id, count(*) FILTER (WHERE outcome IN ('pass', 'rounding', 'fail')) "
                                   "FROM check_result WHERE check_run_id = ? GROUP BY 1", [report.check_run_id]).fetchall())
    assert judged[a] > 0 and judged[a] == judged[b]


def test_a_document_whose_narrative_cannot_be_stored_errs_alone(mini, monkeypatch):
    """Without the plausibility bound the 49-digit figure overflows DECIMAL(28, 6) when stored:
    that document's rules on the narrative get `error` with the message; its other rules and the
    other document are judged (before: ConversionException, no rule judged for any document). The
    load stage records why on the document (narrative_error); the checks only read it."""
    import importlib

    extract_module = importlib.import_module("pipelines.narrative.extract")
    voc = extract_module.vocabulary()
    monkeypatch.setattr(extract_module, "vocabulary",
                        lambda: replace(voc, plausible={k: Decimal("1e60") for k in voc.plausible}))
    a, b = two_documents(mini)
    report = run_checks(mini.con, [a, b], trigger="test")
    assert set(report.document_errors) == {b}
    assert report.document_errors[b] == ("narrative statements not stored: "
                                         "'1492978714073778560171485335914073777795890589949%' (page 1) is beyond DECIMAL(28, 6)")
    narrative_rules = {r.rule_id for r in catalogue.rules() if r.group == "narrative" or "narrative_statement" in r.sql
                       or "chk_statement" in r.sql}
    rows = mini.con.execute("SELECT document_id, rule_id, outcome, detail FROM check_result WHERE check_run_id = ?",
                            [report.check_run_id]).fetchall()
    errs = {(d, r) for d, r, o, _ in rows if o == "error"}
    assert errs == {(b, r) for r in narrative_rules if catalogue.by_id()[r].applies("final")}
    assert all(det == report.document_errors[b] for d, r, o, det in rows if o == "error")
    assert not any(o == "error" for d, r, o, _ in rows if d == a)
    # the same rule judged on the other document, and the erring document's other rules judged too
    outcomes = {(d, r): o for d, r, o, _ in rows}
    assert any(o in ("pass", "fail", "rounding") for (d, r), o in outcomes.items() if d == b and r not in narrative_rules)
    from pipelines.checks.hook import summarize

    note = summarize(report)
    assert note.status == "errors" and note.summary.startswith(f"rule errors: {len(errs)} results with outcome error")


def test_a_rule_failing_on_one_documents_data_errs_on_that_document_only(mini, monkeypatch, tmp_path):
    a, b = two_documents(mini)
    sql = tmp_path / "ZZ01.sql"
    sql.write_text("SELECT d.document_id, 'cast of the department name' AS location, 'holds' AS comparison, "
                   "CAST(CASE WHEN d.department_key = 2 THEN d.department ELSE '1' END AS INTEGER) = 1 AS holds "
                   "FROM chk_document d", encoding="utf-8")
    rule = catalogue.Rule("ZZ01", "integrity", "parse", ("final", "budget"), "a rule that trips on b's data", "", sql)
    rules = catalogue.rules() + (rule,)
    monkeypatch.setattr(catalogue, "rules", lambda: rules)
    report = run_checks(mini.con, [a, b], rules=["ZZ01", "DI09"], trigger="test")
    got = sorted(mini.con.execute("SELECT document_id = ?, rule_id, outcome, left(detail, 60) FROM check_result "
                                  "WHERE check_run_id = ? ORDER BY 1, 2", [a, report.check_run_id]).fetchall())
    assert [(is_a, r, o) for is_a, r, o, _ in got] == [(False, "DI09", "pass"), (False, "ZZ01", "error"),
                                                       (True, "DI09", "pass"), (True, "ZZ01", "pass")]
    assert got[1][3].startswith("ZZ01.sql: ConversionException")
    assert list(report.errors) == ["ZZ01"]


def test_a_broken_rule_errs_on_every_document_and_the_others_are_judged(mini, monkeypatch, tmp_path):
    a, b = two_documents(mini)
    sql = tmp_path / "ZZ02.sql"
    sql.write_text("SELECT document_id, 'x' AS location FROM no_such_table", encoding="utf-8")
    rule = catalogue.Rule("ZZ02", "integrity", "source", ("final",), "a rule with a typo", "", sql)
    rules = catalogue.rules() + (rule,)
    monkeypatch.setattr(catalogue, "rules", lambda: rules)
    report = run_checks(mini.con, [a, b], rules=["ZZ02", "DI09"], trigger="test")
    got = sorted(mini.con.execute("SELECT document_id = ?, rule_id, outcome FROM check_result WHERE check_run_id = ?",
                                  [a, report.check_run_id]).fetchall())
    assert got == [(False, "DI09", "pass"), (False, "ZZ02", "error"), (True, "DI09", "pass"), (True, "ZZ02", "error")]
