"""A narrative states its tables' totals rounded or truncated to its own precision (北京 pairs)."""
from __future__ import annotations

from decimal import Decimal as D

from pipelines.packs.figures import reproduces, stated_figures, table_figures
from pipelines.packs.match import best, match


def test_stated_figures_with_and_without_separators():
    texts = ["（一）本年财政拨款收入 436,749.89 万元\n1.一般公共预算拨款收入 436,749.89 万元。",
             "（一）本年财政拨款收入92600.3万元", "2026 年度收入预算 44169.36 万元，比 2025 年"]
    assert stated_figures(texts) == {(D("436749.89"), 2), (D("92600.3"), 1), (D("44169.36"), 2)}


def test_truncated_and_rounded_figures_reproduce_the_table():
    assert reproduces(D("436749.895134"), D("436749.89"), 2)  # 卫生健康委员会: truncated, not rounded
    assert reproduces(D("92600.296597"), D("92600.3"), 1)  # 发展和改革委员会: one decimal
    assert reproduces(D("44169.357532"), D("44169.36"), 2)  # 财政局: rounded
    assert not reproduces(D("44169.357532"), D("44169.35"), 1)


def test_table_figures_are_the_packs_own_totals():
    facts = [
        {"table_id": "BUD_01", "account_code": "", "line_item": "income_grand_total", "amount_wan": "44169.357532"},
        {"table_id": "BUD_05", "account_code": "2010601", "line_item": "", "amount_wan": "10096.054007"},
        {"table_id": "BUD_02", "account_code": "", "line_item": "total", "amount_wan": "900.5", "entity": "某单位"},
        {"table_id": "BUD_07", "account_code": "", "line_item": "sangong_total", "amount_wan": "0.5"},
    ]
    assert table_figures(facts) == {D("44169.357532")}


def test_the_partner_is_the_one_narrative_stating_the_totals():
    tables = {D("44169.357532"), D("44156.640120"), D("28016.258321")}
    right = {(D("44169.36"), 2), (D("44156.64"), 2), (D("100.00"), 2)}
    other = {(D("44169.36"), 2), (D("5131.71"), 2)}  # states one figure by chance
    scores = {"right": match(tables, right), "other": match(tables, other)}
    assert scores["right"].ok and not scores["other"].ok
    assert best(scores)[0] == "right"
    assert best({"a": match(tables, right), "b": match(tables, right)}) is None  # ambiguous: link neither
