"""Row builders shared by the synthetic 决算 and 预算 tables (integer minor units in, spec rows out)."""
from __future__ import annotations

from .amounts import cents
from .catalog import ECONOMIC, ECONOMIC_DASHED, function_name
from .spec import Row
from .vocabulary import FUNCTION_CLASSES

CN = "一二三四五六七八九十"


def cn_ordinal(i: int) -> str:
    if i <= 10:
        return CN[i - 1]
    tens, ones = divmod(i, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


def values(amounts: dict[str, int]) -> dict[str, str]:
    """Non-zero integer minor units -> decimal strings in the printed unit."""
    return {m: cents(v) for m, v in amounts.items() if v}


def rollup(leaves: dict[str, dict[str, int]], levels=(3, 5)) -> dict[str, dict[str, int]]:
    """Add parent codes (prefixes) summing their children, measure by measure."""
    out: dict[str, dict[str, int]] = {}
    for code, vals in leaves.items():
        for key in [code] + [code[:n] for n in levels if n < len(code)]:
            agg = out.setdefault(key, {})
            for m, v in vals.items():
                agg[m] = agg.get(m, 0) + v
    return out


def total_of(leaves: dict[str, dict[str, int]]) -> dict[str, int]:
    tot: dict[str, int] = {}
    for vals in leaves.values():
        for m, v in vals.items():
            tot[m] = tot.get(m, 0) + v
    return tot


def function_rows(leaves: dict[str, dict[str, int]], with_total: bool = True) -> list[Row]:
    """合计 + 类/款/项 rows (only codes with a non-zero figure), in code order."""
    leaves = {c: v for c, v in leaves.items() if any(v.values())}
    rows = []
    if with_total:
        rows.append(Row(key="total", line_item="total", name="合计", values=values(total_of(leaves))))
    for code, vals in sorted(rollup(leaves).items()):
        rows.append(Row(key=code, code=code, name=function_name(code), values=values(vals)))
    return rows


def economic_rows(econ: dict[str, dict[str, int]], template: str) -> list[Row]:
    """Economic 类/款 rows.  template: 'full' (every code, 公开NN表 style), 'common' (every
    301/302/303/310 code), 'used' (non-zero codes only)."""
    agg = rollup(econ, levels=(3,))
    rows = []
    template_rows = ECONOMIC if template != "used" else sorted(ECONOMIC, key=lambda e: e[0])
    for code, name, block in template_rows:
        cls = code[:3]
        if template == "used" and code not in agg:
            continue
        if template == "common" and not (cls in ("301", "302", "303") or code in agg
                                         or code in ("310", "31002", "31003", "31007")):
            continue
        side = "personnel" if block == "p" else "public"
        vals = values(agg.get(code, {}))
        if template == "full" and cls in ECONOMIC_DASHED and not vals:
            vals = {"final": "———"}
        rows.append(Row(key=code, code=code, name=name, side=side, values=vals))
    return rows


def class_rows(class_amounts: dict[str, dict[str, int]], all_classes: bool, numbered_from: int = 0
               ) -> list[Row]:
    """支出 side of the 收支总表 tables: function 类 rows named 一、一般公共服务支出 …"""
    rows = []
    n = 0
    for code, name in FUNCTION_CLASSES:
        vals = class_amounts.get(code, {})
        if not all_classes and not any(vals.values()):
            continue
        n += 1
        rows.append(Row(key=code, code=code, name=f"{cn_ordinal(n)}、{name}", side="expense",
                        values=values(vals),
                        line_no=str(numbered_from + n - 1) if numbered_from else ""))
    return rows


def line_row(key: str, name: str, side: str, amounts: dict[str, int], line_no: int = 0) -> Row:
    return Row(key=key, line_item=key, name=name, side=side, values=values(amounts),
               line_no=str(line_no) if line_no else "")
