"""Row labels and column headers -> canonical keys (line items, account codes, measures)."""
from __future__ import annotations

import re

from .. import catalogue
from ..catalogue import LineItem, TableSpec, label_key
from ..textutil.normalize import key

_CODE_PREFIX = re.compile(r"^(\d{3}(?:\d{2}){0,2})(?!\d)\s*[\-—_、.．]?\s*(.*)$")
_QTY_UNIT = re.compile(r"[（(](辆|台（套）|台\(套\)|台|套|个|人|人次|批次|项|处|平方米|户)[)）]")


def scheme_of(code: str) -> str:
    if not code:
        return "line"
    return {"2": "function", "3": "economic", "5": "economic", "1": "revenue"}.get(code[0], "function")


def split_code_prefix(text: str) -> tuple[str, str]:
    """'2010101 行政运行' -> ('2010101', '行政运行'); names without a code unchanged."""
    s = key(text)
    m = _CODE_PREFIX.match(s)
    if m and m.group(2) and not m.group(2)[0].isdigit():
        return m.group(1), m.group(2)
    return "", text


def quantity_unit(label: str) -> str:
    m = _QTY_UNIT.search(key(label))
    return m.group(1) if m else ""


def _candidates(spec: TableSpec | None, side: str, section: str) -> list[LineItem]:
    out = []
    tid = spec.id if spec else None
    for it in catalogue.line_items():
        if it.tables and tid not in it.tables:
            continue
        if not it.tables and tid and spec.rows == "wide":
            continue
        if it.side and side and it.side != side:
            continue
        if it.section and (not section or it.section not in section):
            continue
        if not it.section and section and tid == "FIN_10" and not it.quantity:
            continue
        out.append(it)
    return out


def match_line_item(label: str, spec: TableSpec | None, side: str = "", section: str = "",
                    previous: str = "") -> str:
    k = label_key(label)
    if not k:
        return ""
    cands = _candidates(spec, side, section)
    # `after` items (fund breakdown of 年初结转和结余) only right after their parent line
    exact = [it for it in cands if k in it.alias_keys]
    if exact:
        pref = [it for it in exact if it.after and previous in (it.after, *[i.id for i in cands if i.after == it.after])]
        if pref:
            return pref[0].id
        plain = [it for it in exact if not it.after]
        return (plain or exact)[0].id
    best, best_len = "", 0
    for it in cands:
        for a in it.alias_keys:
            if len(a) >= 2 and k.startswith(a) and len(a) > best_len and not it.after:
                best, best_len = it.id, len(a)
    return best


def match_class(label: str, scheme: str) -> str:
    k = label_key(label)
    table = catalogue.function_classes() if scheme == "function" else catalogue.economic_classes()
    if k in table:
        return table[k]
    k2 = re.sub(r"[（(]类[)）]$", "", k)
    return table.get(k2, "")


def _match_rules(text: str, rules) -> str:
    k = key(text)
    for rule in rules:
        if k in [key(a) for a in rule.get("exact", ())]:
            return rule["measure"]
    for rule in rules:
        if any(key(a) in k for a in rule.get("contains", ())):
            return rule["measure"]
    return ""


def measure_of(path: list[str], spec: TableSpec | None) -> str:
    """Canonical measure of a value column from its header path (leaf first).

    In wide tables (三公) the columns are items: 合计/小计 name an item there, not a measure."""
    rules = list(spec.measures if spec else ()) + list(catalogue.measure_rules())
    if spec is not None and spec.rows == "wide":
        rules = [r for r in rules if r["measure"] != "total"]
    default = spec.value_measure if spec else "value"
    for level in reversed(path):
        m = _match_rules(level, rules)
        if m:
            return default if m == "value" else m
    return default


def wide_item_of(path: list[str], spec: TableSpec | None) -> str:
    """Line item of a column of a wide table (三公: items are columns)."""
    cands = _candidates(spec, "", "")
    for level in reversed(path):
        k = label_key(level)
        for it in cands:
            if k in it.alias_keys:
                return it.id
    for level in reversed(path):
        k = label_key(level)
        best, best_len = "", 0
        for it in cands:
            for a in it.alias_keys:
                if len(a) >= 3 and a in k and len(a) > best_len:
                    best, best_len = it.id, len(a)
        if best:
            return best
    return ""
