"""Row labels and column headers -> canonical keys (line items, account codes, measures)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import catalogue
from ..catalogue import LineItem, TableSpec, label_key
from ..textutil.normalize import key
from . import meaning

# '2010101 行政运行', '2010101-行政运行', '[201]一般公共服务支出' (广州), '【30101】基本工资'
_CODE_PREFIX = re.compile(r"^[\[【（(]?(\d{3}(?:\d{2}){0,2})(?!\d)[\]】）)]?\s*[\-—_、.．]?\s*(.*)$")
_QTY_UNIT = re.compile(r"[（(](辆|台（套）|台\(套\)|台|套|个|人|人次|批次|项|处|平方米|户)[)）]")


def scheme_of(code: str) -> str:
    if not code:
        return "line"
    return {"2": "function", "3": "economic", "5": "economic", "1": "revenue"}.get(code[0], "function")


def split_code_prefix(text: str) -> tuple[str, str]:
    """'2010101 行政运行' -> ('2010101', '行政运行'); names without a code unchanged."""
    s = key(text)
    m = _CODE_PREFIX.match(s)
    if m and m.group(2) and not m.group(2)[0].isdigit() and m.group(2)[0] not in ",.，．%":
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
        if not it.tables and tid and spec is not None and spec.rows == "wide":
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
    """The 3-digit class a label names: scheme function, economic (部门预算支出经济分类, 3xx) or
    economic_government (政府预算支出经济分类, 5xx; 其他支出 is 399 in one and 599 in the other)."""
    k = label_key(label)
    if scheme == "function":
        table = catalogue.function_classes()
    else:
        table = catalogue.economic_classes_of("5" if scheme == "economic_government" else "3")
    if k in table:
        return table[k]
    k2 = re.sub(r"[（(]类[)）]$", "", k)
    return table.get(k2, "")


@lru_cache(maxsize=4096)
def _keys_of(aliases: tuple) -> tuple:
    return tuple(key(a) for a in aliases)


def _match_rules(text: str, rules) -> str:
    """The measure a header level names. A level led by 其中 is a part of its parent column: the
    measure it names (其中：基本支出), or `of_which` when it names none (其中：专项资金列入部门预算项目)."""
    k = key(text)
    if k.startswith("其中") and len(k) > 2:
        return _match_rules(k[2:].lstrip(":：、"), rules) or "of_which"
    for rule in rules:
        if k in _keys_of(tuple(rule.get("exact", ()))):
            return rule["measure"]
    for rule in rules:
        if any(a in k for a in _keys_of(tuple(rule.get("contains", ())))):
            return rule["measure"]
    return ""


def measure_of(path: list[str], spec: TableSpec | None) -> str:
    return _measure_of(tuple(path), spec.id if spec is not None else None)


def names_a_measure(path: list[str], spec: TableSpec | None) -> bool:
    """Does any level of a column header name a measure (else the column falls back to the table's)?"""
    rules = list(spec.measures if spec else ()) + list(catalogue.measure_rules())
    return any(_match_rules(level, rules) for level in path if level)


@lru_cache(maxsize=8192)
def _measure_of(path: tuple, spec_id: str | None) -> str:
    spec = catalogue.tables_by_id().get(spec_id) if spec_id else None
    """Canonical measure of a value column from its header path (leaf first).

    In wide tables (三公) the columns are items: 合计/小计 name an item there, not a measure."""
    rules = list(spec.measures if spec else ()) + list(catalogue.measure_rules())
    levels = list(reversed(path))
    if spec is not None and spec.rows == "wide":
        rules = [r for r in rules if r["measure"] != "total"]
        # a header naming the item group (一般公共预算拨款安排的“三公”经费预算) labels items, it measures nothing
        levels = [lv for lv in levels if not meaning.read(lv).topic]
    default = spec.value_measure if spec else "value"
    for i, level in enumerate(levels):
        m = _match_rules(level, rules)
        if m:
            m = default if m == "value" else m
            return _compose(m, levels[i + 1:], rules, spec)
    return default


def _fund_scope(spec: TableSpec | None) -> set[str]:
    """The funds a table is about, by its meaning (BUD_04: fiscal; BUD_05: gpb)."""
    out: set[str] = set()
    for pattern in (spec.meaning if spec is not None else ()):
        fund = pattern.get("fund")
        if isinstance(fund, str) and fund not in ("any", "none"):  # only a table that is about that fund alone
            out.add(fund)
    return out


def _compose(measure: str, parents: list[str], rules, spec: TableSpec | None = None) -> str:
    """The nearest parent header that qualifies the measure (上年结转结余 / 一般公共预算 -> carry_in_gpb);
    a table's own `compose` entries come before the catalogue-wide ones."""
    table = {k: dict(v) for k, v in catalogue.measure_compose().items()}
    for parent, child, m in (spec.compose if spec is not None else ()):
        table.setdefault(parent, {})[child] = m
    scope = _fund_scope(spec)
    for level in parents:
        pm = _match_rules(level, rules)
        if pm in scope:
            continue  # 财政拨款/合计 in a 财政拨款收支总表 is the table's total, not a fund's subtotal
        if pm and pm != measure and measure in table.get(pm, {}):
            return table[pm][measure]
    return measure


GENERIC_TOTALS = _GENERIC = {"小计", "合计", "总计"}


def wide_item_of(path: list[str], spec: TableSpec | None) -> str:
    """Line item of a column of a wide table (三公: items are columns).

    小计/合计/总计 under a parent name the parent's item (公务用车购置及运行费/小计 is the vehicle
    subtotal, “三公”经费/合计 the total); alone (预算数/合计) they name the table total."""
    cands = _candidates(spec, "", "")
    named = [lv for lv in reversed(path) if label_key(lv) not in _GENERIC]
    return _item_in(named, cands) or _item_in(list(reversed(path)), cands)


def wide_column_items(paths: dict[int, list[str]], spec: TableSpec | None) -> dict[int, str]:
    """Line item of every value column of a wide table, read together.

    A lone 合计 names the table total; where a named column already is that total (“三公”经费/小计)
    and the table prints more items beside it (会议费, 培训费: 江苏 公开09表), the lone 合计 is the
    total over all of them: the catalogue's line item marked `total_of_all` for the table."""
    items = {c: wide_item_of(p, spec) for c, p in paths.items()}
    cands = _candidates(spec, "", "")
    grand = next((it.id for it in cands if it.total_of_all), "")
    if not grand or not {it.id for it in cands if it.beside} & set(items.values()):
        return items
    rules = catalogue.measure_rules()
    for c, p in paths.items():
        # levels naming a measure (上年 | 当年 | 增减变化情况, 预算数) group columns; they name no item
        lone = [lv for lv in p if lv and (label_key(lv) in _GENERIC or not _match_rules(lv, rules)
                                          or meaning.read(lv).topic)]
        if items[c] and lone and all(label_key(lv) in _GENERIC for lv in lone) \
                and any(d != c and items[d] == items[c] for d in items):
            items[c] = grand
    return items


def _item_in(levels: list[str], cands) -> str:
    for level in levels:
        k = label_key(level)
        for it in cands:
            if k in it.alias_keys:
                return it.id
    for level in levels:
        k = label_key(level)
        best, best_len = "", 0
        for it in cands:
            for a in it.alias_keys:
                if len(a) >= 3 and a in k and len(a) > best_len:
                    best, best_len = it.id, len(a)
        if best:
            return best
    return ""


def change_row(name: str) -> str:
    """'change' / 'change_pct' when a row label names a change (增减变化金额, 增减率), else ''."""
    m = _match_rules(name, catalogue.measure_rules()) if name else ""
    return m if m in ("change", "change_pct") else ""
