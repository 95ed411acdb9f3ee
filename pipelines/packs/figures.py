"""The figures that tie a narrative to its tables.

Tables side: the totals of the summary and code tables (收支总表 grand totals, 本年收入合计, the
一般公共预算 income line, the 合计 rows of 收入/支出/一般公共预算 tables, the 三公 total).
Narrative side: every amount stated in 万元 ("收入预算 44,169.36 万元", "92600.3万元").
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..textutil.normalize import squash

KEY_LINES = ("income_grand_total", "expense_grand_total", "income_total", "expense_total", "income_gpb",
             "income_fiscal", "carry_in", "total", "sangong_total")
KEY_TABLES = ("BUD_01", "BUD_02", "BUD_03", "BUD_04", "BUD_05", "BUD_06", "BUD_07",
              "FIN_01", "FIN_02", "FIN_03", "FIN_04", "FIN_05", "FIN_06", "FIN_09")
MIN_FIGURE = Decimal(1)  # smaller figures match too easily by chance
_STATED = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?万元")


def table_figures(facts) -> set[Decimal]:
    """Distinct key totals (万元) of a tables file. `facts`: objects or dicts with table_id,
    account_code, line_item, amount_wan (the pack's own figures: no sub-unit entity)."""
    out = set()
    for f in facts:
        get = f.get if isinstance(f, dict) else (lambda k, f=f: getattr(f, k, ""))
        if get("table_id") not in KEY_TABLES or get("account_code") or get("entity"):
            continue
        if get("line_item") not in KEY_LINES:
            continue
        v = Decimal(str(get("amount_wan")))
        if v >= MIN_FIGURE:
            out.add(v)
    return out


def stated_figures(page_texts: list[str]) -> set[tuple[Decimal, int]]:
    """(value, decimals printed) of every 万元 amount a narrative states."""
    out = set()
    for t in page_texts:
        for m in _STATED.finditer(squash(t)):
            whole, frac = m.group(1).replace(",", ""), m.group(2) or ""
            v = Decimal(whole + ("." + frac if frac else ""))
            if v >= MIN_FIGURE:
                out.add((v, len(frac)))
    return out


def reproduces(table_value: Decimal, stated: Decimal, decimals: int) -> bool:
    """A stated figure is the table figure rounded (half up) or truncated to the stated precision."""
    q = Decimal(1).scaleb(-decimals)
    return table_value.quantize(q, ROUND_HALF_UP) == stated or table_value.quantize(q, ROUND_DOWN) == stated
