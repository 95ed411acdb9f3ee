"""Spreadsheet formula injection: text that a spreadsheet would run as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with = + - @ (or a tab / carriage
return before one) as a formula, so a file named `=HYPERLINK("http://…","点击查看").pdf`, or a
department name printed that way, would become a live link or a DDE command in fiscal.xlsx or in a
CSV opened by double-click. Text from the documents never reaches a spreadsheet that way:

- in CSV, a text cell starting with one of these characters is written with a leading apostrophe
  (`'=HYPERLINK(…)`), which spreadsheets show as text and strip from the displayed value (the
  OWASP "CSV injection" rule); strip one leading ' before = + - @ tab CR to get the original text;
- in xlsx, every text cell is written as a string cell (never a formula) with Excel's quotePrefix,
  so the value is the text exactly as printed;
- numbers stay numbers: a numeric column (amount_wan -12.50, page, fiscal_year …) is written as is
  when it holds a plain decimal number, and neutralised like text when it does not.
"""
from __future__ import annotations

import re
from decimal import Decimal

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


def neutralize(value):
    """Text a spreadsheet shows as text; anything else unchanged."""
    return "'" + value if is_formula_like(value) else value


def numeric(value):
    """A value of a numeric column: plain numbers (including text like '-12.50') unchanged, anything
    else neutralised as text."""
    if value is None or isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and (value == "" or _DECIMAL.fullmatch(value)):
        return value
    return neutralize(value)
