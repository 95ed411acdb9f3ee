"""Exact-decimal helpers: printing figures, unit conversion, percentages."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def dec(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("floats are not allowed for amounts")
    return Decimal(str(value).replace(",", "")) if value not in ("", None) else Decimal(0)


def cents(value: int) -> str:
    """Integer cents -> '1234.56'."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100}.{value % 100:02d}"


def fmt(value: str | Decimal, thousands: bool) -> str:
    """Format a decimal string as printed (optionally with thousands separators)."""
    s = str(value)
    if not thousands:
        return s
    neg = s.startswith("-")
    s = s.lstrip("-")
    whole, _, frac = s.partition(".")
    whole = f"{int(whole):,}"
    return ("-" if neg else "") + whole + ("." + frac if frac else "")


def to_wan(value: str, unit: str) -> str:
    """Exact 万元 decimal string of a printed figure (at least 2 decimals)."""
    if unit == "万元":
        return str(value).replace(",", "")
    if unit != "元":
        raise ValueError(unit)
    d = dec(value) / Decimal(10000)
    s = format(d.normalize(), "f")
    whole, _, frac = s.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def round2(d: Decimal) -> Decimal:
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def wan_text(value: str | Decimal, unit: str = "万元") -> str:
    """A figure as written in narrative text: 万元, 2 decimals, thousands separators."""
    d = dec(to_wan(str(value), unit)) if unit == "元" else dec(value)
    return fmt(str(round2(d)), True)


def pct(part: Decimal, whole: Decimal) -> str:
    if whole == 0:
        return "0.00"
    return str(round2(part * 100 / whole))
