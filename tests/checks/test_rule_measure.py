"""How the rules read a table's generic measure columns is catalogue data (tables.yaml `rule_measures`
-> dim_rule_measure -> chk_measure in sql/views/020_checks_base.sql), and money units come from the
program's one unit table (dim_unit)."""
from __future__ import annotations

from decimal import Decimal

from pipelines import catalogue
from pipelines.checks import reconcile
from pipelines.textutil.numbers import UNIT_EXPONENT


def _read(mini, doc_id):
    mini.con.execute("INSERT INTO check_scope (document_id, is_target) VALUES (?, TRUE)", [doc_id])
    reconcile.materialize(mini.con)
    return sorted(mini.con.execute("SELECT table_id, key, measure_parsed, measure, amount FROM chk_fact").fetchall())


def test_sangong_columns_are_read_as_the_catalogue_says(mini):
    doc = mini.document("a.pdf", [("FIN_09", "sangong_total", "total", "30.00"),
                                  ("FIN_09", "sangong_total", "total", "25.00"),
                                  ("FIN_09", "sangong_abroad", "budget", "5.00"),
                                  ("FIN_05", "201", "total", "7.00")])
    mini.con.execute("UPDATE fact_amount SET header = CASE amount_wan WHEN 30 THEN '预算数/合计' WHEN 25 THEN "
                     "'决算数/合计' WHEN 5 THEN '决算数/因公出国（境）费' ELSE '合计' END")
    assert _read(mini, doc) == [
        ("FIN_05", "201", "total", "total", Decimal("7.000000")),  # no reading for this table
        ("FIN_09", "sangong_abroad", "budget", "budget", Decimal("5.000000")),  # already split: kept
        ("FIN_09", "sangong_total", "total", "budget", Decimal("30.000000")),
        ("FIN_09", "sangong_total", "total", "final", Decimal("25.000000"))]


def test_budget_sangong_values_are_the_budget(mini):
    doc = mini.document("b.pdf", [("BUD_07", "sangong_total", "fiscal", "12.00"),
                                  ("BUD_07", "sangong_car", "value", "3.00")], kind="budget")
    assert [r[3] for r in _read(mini, doc)] == ["budget", "budget"]


def test_the_dimensions_mirror_the_catalogue(mini):
    readings = mini.con.execute("SELECT table_id, priority, measures, unless_measures, header_word, as_measure "
                                "FROM dim_rule_measure ORDER BY ALL").fetchall()
    assert readings == [
        ("BUD_07", 1, ["total", "value", "fiscal"], None, None, "budget"),
        ("FIN_09", 1, None, ["budget", "final"], "决算", "final"),
        ("FIN_09", 2, None, ["budget", "final"], "预算", "budget")]
    assert sum(len(t.rule_measures) for t in catalogue.tables()) == len(readings)
    units = dict(mini.con.execute("SELECT unit, to_wan FROM dim_unit").fetchall())
    assert units == {u: Decimal(10) ** e for u, e in UNIT_EXPONENT.items()}
    assert units["千元"] == Decimal("0.1")
