"""Printed amounts -> exact decimals. Blank and dash placeholders are absent values."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .normalize import squash

PLACEHOLDERS = {"", "-", "—", "——", "———", "－", "--", "---", "/", "—-", "-—", "─", "──", "‐", "–", "*", "×"}
# Thousands separators may be printed only in part (上海 市级 budgets in 元 print 1851,801 and 125360,898):
# each separator is followed by exactly three digits, the leading group may be longer.
_AMOUNT = re.compile(r"^[-−]?\d+(?:,\d{3})*(?:\.\d+)?$")
_PAREN_NEG = re.compile(r"^\((\d+(?:,\d{3})*)(?:\.\d+)?\)$")
_PERCENT = re.compile(r"^[-−]?\d+(?:\.\d+)?%$")

# The money units a pack prints, as powers of ten of 万元: the one table every conversion uses (parsed
# cells, narrative figures, the rules' dim_unit).
UNIT_EXPONENT = {"万元": 0, "元": -4, "千元": -1, "亿元": 4}


def unit_factor(unit: str) -> Decimal:
    """万元 per printed unit, exactly: 元 -> 0.0001, 亿元 -> 10000."""
    return Decimal(10) ** UNIT_EXPONENT[unit]


class CellValue:
    """Classification of a cell's printed text: blank, amount, percent or text."""

    __slots__ = ("kind", "value", "printed")

    def __init__(self, kind: str, value: Decimal | None, printed: str):
        self.kind = kind
        self.value = value
        self.printed = printed

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"CellValue({self.kind}, {self.value}, {self.printed!r})"


def is_placeholder(text: str) -> bool:
    s = squash(text)
    return s in PLACEHOLDERS or (len(s) > 0 and set(s) <= set("-—－─‐–"))


def parse_cell(text: str | None) -> CellValue:
    s = squash(text)
    if is_placeholder(s):
        return CellValue("blank", None, s)
    s2 = s.replace("−", "-").replace("，", ",")
    if _AMOUNT.match(s2):
        try:
            return CellValue("amount", Decimal(s2.replace(",", "")), s)
        except InvalidOperation:  # pragma: no cover - regex guarantees validity
            return CellValue("text", None, s)
    m = _PAREN_NEG.match(s2)
    if m:
        return CellValue("amount", -Decimal(s2[1:-1].replace(",", "")), s)
    if _PERCENT.match(s2):
        return CellValue("percent", Decimal(s2[:-1]), s)
    return CellValue("text", None, s)


def looks_numeric_garbled(text: str) -> bool:
    """Digits mixed with junk in a value column (e.g. '2,9#0.05', '1O0.00')."""
    s = squash(text)
    digits = sum(ch.isdigit() for ch in s)
    return digits >= 2 and digits >= len(s) * 0.5 and parse_cell(s).kind == "text"


def to_wan(value: Decimal, unit: str) -> Decimal:
    """Exact conversion of a printed figure to 万元, keeping the printed precision."""
    return value.scaleb(UNIT_EXPONENT[unit])
