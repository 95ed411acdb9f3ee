"""Arithmetic checks on pack specs, in exact decimals of the printed unit.

Used by the generator's tests; each function returns a list of human-readable violations.
``tolerance`` per child allows the published 尾数误差 envelope ((n + 1) × 0.005) when set.
"""
from __future__ import annotations

from decimal import Decimal
from functools import partial

from .spec import PackSpec, Row, Table

Z = Decimal(0)


def _v(t: Table, key: str, m: str) -> Decimal:
    try:
        return t.row(key).amount(m) or Z
    except KeyError:
        return Z


def _eq(errs: list, what: str, a: Decimal, b: Decimal, n: int = 0, tol: Decimal = Z) -> None:
    if abs(a - b) > tol * (n + 1):
        errs.append(f"{what}: {a} != {b}")


def hierarchy(t: Table, tol: Decimal = Z) -> list[str]:
    """类 = Σ款, 款 = Σ项, 合计 = Σ类 for every measure of a code-keyed table."""
    errs: list[str] = []
    coded = [r for r in t.rows if r.code and r.side not in ("income",)]
    codes = {r.code for r in coded}
    for c in t.columns:
        for r in coded:
            kids = [k for k in coded if len(k.code) > len(r.code) and k.code.startswith(r.code)
                    and not any(len(r.code) < len(p) < len(k.code) and k.code.startswith(p)
                                for p in codes)]
            if kids and t.layout != "two_sided":
                s = sum((k.amount(c.measure) or Z for k in kids), Z)
                _eq(errs, f"{t.table_id}/{r.code}/{c.measure} vs children", r.amount(c.measure) or Z,
                    s, len(kids), tol)
        tops = [r for r in coded if len(r.code) == 3]
        if any(r.key == "total" for r in t.rows) and tops:
            s = sum((r.amount(c.measure) or Z for r in tops), Z)
            _eq(errs, f"{t.table_id}/合计/{c.measure}", _v(t, "total", c.measure), s, len(tops), tol)
    return errs


def _amount(r: Row, m: str) -> Decimal:
    return r.amount(m) or Z


def row_identities(t: Table) -> list[str]:
    errs: list[str] = []
    tid = t.table_id
    for r in t.rows:
        a = partial(_amount, r)
        if tid in ("FIN_03", "FIN_05", "BUD_03", "BUD_05", "BUD_08", "BUD_09", "FIN_07", "FIN_08"):
            _eq(errs, f"{tid}/{r.key} total=basic+project(+…)", a("total"),
                a("basic") + a("project") + a("remit_upper") + a("operating") + a("affiliated_subsidy"))
        if tid in ("FIN_07", "FIN_08"):
            _eq(errs, f"{tid}/{r.key} carry_out", a("carry_out"), a("carry_in") + a("income") - a("total"))
        if tid in ("FIN_02", "BUD_02"):
            _eq(errs, f"{tid}/{r.key} total=Σsources", a("total"),
                sum((a(m) for m in ("fiscal", "upper_subsidy", "business", "operating", "affiliated",
                                    "other")), Z))
        if tid == "BUD_06":
            _eq(errs, f"BUD_06/{r.key} total=personnel+public", a("total"), a("personnel") + a("public"))
        if tid in ("FIN_04", "BUD_04") and r.side == "expense":
            _eq(errs, f"{tid}/{r.key} total=Σfunds", a("total"), a("gpb") + a("gov_fund") + a("soe"))
    return errs


def summary_identities(spec: PackSpec) -> list[str]:
    errs: list[str] = []
    final = spec.kind == "final"
    m = "final" if final else "budget"
    t1 = spec.table("FIN_01" if final else "BUD_01")
    inc_lines = ["income_gpb", "income_gov_fund", "income_soe", "income_upper_subsidy",
                 "income_business", "income_operating", "income_affiliated", "income_other"]
    inc = sum((_v(t1, k, m) for k in inc_lines), Z)
    classes = sum((r.amount(m) or Z for r in t1.rows if r.code), Z)
    if final or any(r.key == "income_total" for r in t1.rows):
        _eq(errs, "本年收入合计", _v(t1, "income_total", m), inc)
        _eq(errs, "本年支出合计", _v(t1, "expense_total", m), classes)
    _eq(errs, "收入总计", _v(t1, "income_grand_total", m),
        inc + _v(t1, "use_nonfiscal_balance", m) + _v(t1, "carry_in", m))
    _eq(errs, "支出总计", _v(t1, "expense_grand_total", m),
        classes + _v(t1, "balance_distribution", m) + _v(t1, "carry_out", m))
    _eq(errs, "收入总计=支出总计", _v(t1, "income_grand_total", m), _v(t1, "expense_grand_total", m))
    if final:
        f2, f3, f4, f5, f6 = (spec.table(f"FIN_0{i}") for i in range(2, 7))
        _eq(errs, "FIN_01 income_total = FIN_02 合计", _v(t1, "income_total", m), _v(f2, "total", "total"))
        _eq(errs, "FIN_01 expense_total = FIN_03 合计", _v(t1, "expense_total", m), _v(f3, "total", "total"))
        _eq(errs, "FIN_04 gpb = FIN_05 合计", _v(f4, "expense_total", "gpb"), _v(f5, "total", "total"))
        _eq(errs, "FIN_04 income_gpb = FIN_05 合计 + Δcarry", _v(f4, "income_gpb", "final"),
            _v(f5, "total", "total") + _v(f4, "carry_out", "gpb") - _v(f4, "carry_in_gpb", "final"))
        _eq(errs, "FIN_05 basic = FIN_06 人员+公用", _v(f5, "total", "basic"),
            _v(f6, "personnel_total", "final") + _v(f6, "public_total", "final"))
        _eq(errs, "FIN_06 人员 = 301 + 303", _v(f6, "personnel_total", "final"),
            _v(f6, "301", "final") + _v(f6, "303", "final"))
        _eq(errs, "FIN_04 总计", _v(f4, "income_grand_total", "final"), _v(f4, "expense_grand_total", "total"))
        _eq(errs, "FIN_04 carry_in", _v(f4, "carry_in", "final"),
            _v(f4, "carry_in_gpb", "final") + _v(f4, "carry_in_gov_fund", "final") + _v(f4, "carry_in_soe", "final"))
        if spec.has_table("FIN_07"):
            _eq(errs, "FIN_04 gov_fund = FIN_07 合计", _v(f4, "expense_total", "gov_fund"),
                _v(spec.table("FIN_07"), "total", "total"))
        sangong = [("FIN_09", mm) for mm in ("budget", "final")]
    else:
        b3, b4, b5, b6 = (spec.table(f"BUD_0{i}") for i in (3, 4, 5, 6))
        _eq(errs, "BUD_01 = BUD_03 合计", _v(t1, "expense_grand_total", m), _v(b3, "total", "total"))
        _eq(errs, "BUD_04 gpb = BUD_05 合计", _v(b4, "expense_grand_total", "gpb"), _v(b5, "total", "total"))
        _eq(errs, "BUD_05 basic = BUD_06 合计", _v(b5, "total", "basic"), _v(b6, "total", "total"))
        _eq(errs, "BUD_04 总计", _v(b4, "income_grand_total", "budget"), _v(b4, "expense_grand_total", "total"))
        sangong = [("BUD_07", "budget")]
    for tid, mm in sangong:
        t = spec.table(tid)
        _eq(errs, f"{tid} 小计=购置+运行 {mm}", _v(t, "sangong_vehicle", mm),
            _v(t, "sangong_vehicle_purchase", mm) + _v(t, "sangong_vehicle_operation", mm))
        _eq(errs, f"{tid} 合计=出国+小计+接待 {mm}", _v(t, "sangong_total", mm),
            _v(t, "sangong_outbound", mm) + _v(t, "sangong_vehicle", mm) + _v(t, "sangong_reception", mm))
    return errs


def check_pack(spec: PackSpec, tol: Decimal = Z) -> list[str]:
    errs: list[str] = []
    for t in spec.tables:
        if t.layout in ("coded", "blocks"):
            errs += hierarchy(t, tol)
        errs += row_identities(t)
    return errs + summary_identities(spec)


def check_years(prev: PackSpec, cur: PackSpec) -> list[str]:
    """年初结转和结余 (N) = 年末结转和结余 (N−1), same department, for FIN_01 and FIN_04 funds."""
    errs: list[str] = []
    p1, c1 = prev.table("FIN_01"), cur.table("FIN_01")
    _eq(errs, "FIN_01 carry", _v(c1, "carry_in", "final"), _v(p1, "carry_out", "final"))
    p4, c4 = prev.table("FIN_04"), cur.table("FIN_04")
    for fund, line in (("gpb", "carry_in_gpb"), ("gov_fund", "carry_in_gov_fund"), ("total", "carry_in")):
        _eq(errs, f"FIN_04 carry {fund}", _v(c4, line, "final"), _v(p4, "carry_out", fund))
    return errs


def check_budget_final(budget: PackSpec, final: PackSpec) -> list[str]:
    """决算's 年初预算 figures (FIN_09 预算数) = that year's budget pack (BUD_07)."""
    errs: list[str] = []
    f9, b7 = final.table("FIN_09"), budget.table("BUD_07")
    for r in b7.rows:
        if r.line_item:
            _eq(errs, f"三公 {r.key}", _v(f9, r.key, "budget"), r.amount("budget") or Z)
    return errs
