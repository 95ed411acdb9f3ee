"""情况说明 generated from the printed tables, so every narrative figure recomputes from them.

Amounts are written in 万元 with 2 decimals and thousands separators (a 元 table figure is
converted and rounded half-up); percentages have 2 decimals.
"""
from __future__ import annotations

from decimal import Decimal

from .amounts import dec, pct, to_wan, wan_text
from .catalog import function_name
from .spec import PackSpec, Section

ZERO = Decimal(0)


class Figures:
    """Reads printed figures of a spec as exact 万元 decimals (absent = 0)."""

    def __init__(self, spec: PackSpec | None):
        self.spec = spec

    def __call__(self, tid: str, key: str, measure: str) -> Decimal:
        if self.spec is None or not self.spec.has_table(tid):
            return ZERO
        t = self.spec.table(tid)
        try:
            v = t.row(key).values.get(measure, "")
        except KeyError:
            return ZERO
        return dec(to_wan(v, t.unit)) if v and v[0].isdigit() else ZERO

    def codes(self, tid: str, length: int) -> list[str]:
        if self.spec is None or not self.spec.has_table(tid):
            return []
        return [r.code for r in self.spec.table(tid).rows if len(r.code) == length]


def w(v: Decimal) -> str:
    return f"{wan_text(v)}万元"


def change(cur: Decimal, prev: Decimal) -> str:
    d = cur - prev
    if d == 0:
        return "与上年持平"
    if prev == 0:
        return f"增加{w(d)}"
    word, pword = ("增加", "增长") if d > 0 else ("减少", "下降")
    return f"{word}{w(abs(d))}，{pword}{pct(abs(d), prev)}%"


def versus(final: Decimal, budget: Decimal) -> str:
    if final > budget:
        return "决算数大于年初预算数"
    if final < budget:
        return "决算数小于年初预算数"
    return "决算数与年初预算数持平"


def _reason(cur: Decimal, prev: Decimal, up: str, down: str) -> str:
    if cur > prev:
        return up
    if cur < prev:
        return down
    return "支出规模保持稳定"


def final_narrative(spec: PackSpec, prev: PackSpec | None, budget: PackSpec | None) -> list[Section]:
    F, P, B = Figures(spec), Figures(prev), Figures(budget)
    y = spec.fiscal_year
    out: list[Section] = []

    inc, pinc = F("FIN_01", "income_grand_total", "final"), P("FIN_01", "income_grand_total", "final")
    exp, pexp = F("FIN_01", "expense_grand_total", "final"), P("FIN_01", "expense_grand_total", "final")
    out.append(Section("一、收入支出决算总体情况说明", [
        f"{y}年度收入总计{w(inc)}，支出总计{w(exp)}。与上年相比，收入总计{change(inc, pinc)}，"
        f"支出总计{change(exp, pexp)}。主要原因是：{_reason(inc, pinc, '项目支出增加', '项目支出减少')}。"]))

    total = F("FIN_01", "income_total", "final")
    fiscal = F("FIN_01", "income_gpb", "final") + F("FIN_01", "income_gov_fund", "final")
    parts = [("财政拨款收入", fiscal), ("事业收入", F("FIN_01", "income_business", "final")),
             ("其他收入", F("FIN_01", "income_other", "final"))]
    parts = [(n, v) for n, v in parts if v]
    paras = [f"{y}年度收入合计{w(total)}，其中："]
    for i, (n, v) in enumerate(parts):
        paras.append(f"{n}{w(v)}，占比{pct(v, total)}%{'。' if i == len(parts) - 1 else '；'}")
    out.append(Section("二、收入决算情况说明", paras))

    et = F("FIN_03", "total", "total")
    basic, project = F("FIN_03", "total", "basic"), F("FIN_03", "total", "project")
    out.append(Section("三、支出决算情况说明", [
        f"{y}年度支出合计{w(et)}，其中：", f"基本支出{w(basic)}，占比{pct(basic, et)}%；",
        f"项目支出{w(project)}，占比{pct(project, et)}%。"]))

    fi, pfi = F("FIN_04", "income_grand_total", "final"), P("FIN_04", "income_grand_total", "final")
    fe, pfe = F("FIN_04", "expense_grand_total", "total"), P("FIN_04", "expense_grand_total", "total")
    out.append(Section("四、财政拨款收支决算总体情况说明", [
        f"{y}年度财政拨款收入总计{w(fi)}，支出总计{w(fe)}。与上年相比，财政拨款收入总计"
        f"{change(fi, pfi)}；财政拨款支出总计{change(fe, pfe)}。主要原因是："
        f"{_reason(fi, pfi, '项目经费较上年增加', '项目经费较上年减少')}。"]))

    out.append(Section("五、一般公共预算财政拨款支出决算情况说明", _gpb(F, P, B, y)))

    pers, pub = F("FIN_06", "personnel_total", "final"), F("FIN_06", "public_total", "final")
    def items(classes):
        rows = [r for r in spec.table("FIN_06").rows
                if len(r.code) == 5 and r.code[:3] in classes and F("FIN_06", r.code, "final")]
        return "、".join(f"{r.name}{w(F('FIN_06', r.code, 'final'))}" for r in rows)
    out.append(Section("六、一般公共预算财政拨款基本支出决算情况说明", [
        f"{y}年度一般公共预算财政拨款基本支出{w(pers + pub)}，其中：",
        f"人员经费{w(pers)}，主要包括：{items(('301', '303'))}；",
        f"公用经费{w(pub)}，主要包括：{items(('302', '310'))}。"]))

    gi, gx = F("FIN_07", "total", "income"), F("FIN_07", "total", "total")
    pgx = P("FIN_07", "total", "total")
    if gi or gx or pgx:
        co = F("FIN_07", "total", "carry_out")
        gf_text = (f"{y}年度政府性基金预算财政拨款收入{w(gi)}，支出{w(gx)}，年末结转和结余{w(co)}。"
                   f"与上年相比，政府性基金预算财政拨款支出{change(gx, pgx)}。")
    else:
        gf_text = "本年度无政府性基金预算财政拨款收入、支出及结转和结余。"
    out.append(Section("七、政府性基金预算财政拨款收支决算情况说明", [gf_text]))
    out.append(Section("八、国有资本经营预算财政拨款支出决算情况说明", ["本年度无此项支出。"]))
    out.append(Section("九、财政拨款“三公”经费支出决算情况说明", _sangong(F, P, y)))
    out.append(Section("十、其他重要事项情况说明", _other(spec, F, P, y)))
    return out


def _gpb(F, P, B, y) -> list[str]:
    g, pg = F("FIN_05", "total", "total"), P("FIN_05", "total", "total")
    et = F("FIN_01", "expense_total", "final")
    paras = ["（一）一般公共预算财政拨款支出决算总体情况",
             f"{y}年一般公共预算财政拨款决算支出{w(g)}，占本年支出合计的{pct(g, et)}%。与上年相比，"
             f"一般公共预算财政拨款支出{change(g, pg)}。主要原因是："
             f"{_reason(g, pg, '项目经费较上年增加', '项目经费较上年减少')}。",
             "（二）一般公共预算财政拨款支出决算结构情况",
             f"{y}年度一般公共预算财政拨款支出{w(g)}，主要用于以下方面："]
    classes = F.codes("FIN_05", 3)
    for i, c in enumerate(classes):
        v = F("FIN_05", c, "total")
        end = "。" if i == len(classes) - 1 else "；"
        paras.append(f"{function_name(c)}(类){w(v)}，占比{pct(v, g)}%{end}")
    bt = B("BUD_05", "total", "total")
    paras += ["（三）一般公共预算财政拨款支出决算具体情况",
              f"{y}年度一般公共预算财政拨款支出年初预算{w(bt)}，支出决算{w(g)}，"
              f"完成年初预算的{pct(g, bt)}%。其中："]
    items = sorted(set(F.codes("FIN_05", 7)) | set(B.codes("BUD_05", 7)))
    for c in items:
        f, b = F("FIN_05", c, "total"), B("BUD_05", c, "total")
        label = f"{function_name(c[:3])}（类）{function_name(c[:5])}（款）{function_name(c)}（项）"
        if b == 0:
            paras.append(f"{label}：年初预算为0万元，支出决算为{w(f)}，{versus(f, b)}。"
                         "主要原因是：年中追加安排预算。")
            continue
        why = ("年中追加项目经费" if f > b else "厉行节约、项目按进度支付" if f < b
               else "严格按照年初预算执行")
        paras.append(f"{label}：年初预算为{w(b)}，支出决算为{w(f)}，完成年初预算的{pct(f, b)}%，"
                     f"{versus(f, b)}。主要原因是：{why}。")
    return paras


def _sangong(F, P, y) -> list[str]:
    def pair(key):
        return F("FIN_09", key, "budget"), F("FIN_09", key, "final"), P("FIN_09", key, "final")
    b, f, p = pair("sangong_total")
    rate = f"，完成全年预算的{pct(f, b)}%" if b else ""
    paras = ["（一）“三公”经费财政拨款支出决算总体情况说明",
             f"{y}年度“三公”经费财政拨款支出全年预算{w(b)}，支出决算{w(f)}{rate}，"
             f"{_vs(f, p, '上年度')}。其中："]
    labels = (("sangong_outbound", "因公出国（境）费"), ("sangong_vehicle_purchase", "公务用车购置费"),
              ("sangong_vehicle_operation", "公务用车运行维护费"), ("sangong_reception", "公务接待费"))
    for i, (key, name) in enumerate(labels):
        b, f, p = pair(key)
        end = "。" if i == len(labels) - 1 else "；"
        if not b and not f:
            paras.append(f"{name}支出决算0万元，{_vs(f, p, '上年度')}{end}")
            continue
        rate = f"，完成全年预算的{pct(f, b)}%" if b else ""
        paras.append(f"{name}支出决算{w(f)}{rate}，{_vs(f, p, '上年度')}{end}")
    return paras


def _vs(cur: Decimal, prev: Decimal, label: str) -> str:
    """比{label}增加…/减少… or 与{label}持平."""
    text = change(cur, prev)
    return f"与{label}持平" if text == "与上年持平" else f"比{label}{text}"


def _other(spec, F, P, y) -> list[str]:
    opex = F("FIN_10", "opex_admin_units", "final") + F("FIN_10", "opex_civil_units", "final")
    popex = P("FIN_10", "opex_admin_units", "final") + P("FIN_10", "opex_civil_units", "final")
    paras = ["（一）机关运行经费支出情况说明"]
    if spec.has_table("FIN_10") and (opex or popex):
        paras.append(f"{y}年度机关运行经费支出{w(opex)}，{_vs(opex, popex, f'{y - 1}年')}。主要原因是："
                     f"{_reason(opex, popex, '日常公用经费支出增加', '压缩公用经费支出')}。")
    elif spec.entity_level == "unit":
        paras.append("本单位为事业单位，不涉及机关运行经费。")
    else:
        return ["无其他需要说明的重要事项。"]
    if spec.has_table("FIN_10"):
        t = F("FIN_10", "procurement_total", "final")
        paras += ["（二）政府采购情况说明",
                  f"{y}年度政府采购支出总额{w(t)}，其中：政府采购货物支出"
                  f"{w(F('FIN_10', 'procurement_goods', 'final'))}、政府采购工程支出"
                  f"{w(F('FIN_10', 'procurement_works', 'final'))}、政府采购服务支出"
                  f"{w(F('FIN_10', 'procurement_services', 'final'))}。"]
        n = spec.table("FIN_10").row("vehicles_0").values.get("final", "0")
        paras += ["（三）国有资产占用情况说明",
                  f"截至{y}年12月31日，本部门（单位）共有车辆{n}辆。"]
    return paras


# ------------------------------------------------------------------ budget packs

def budget_narrative(spec: PackSpec, prev: PackSpec | None) -> list[Section]:
    F, P = Figures(spec), Figures(prev)
    y = spec.fiscal_year
    total = F("BUD_01", "income_grand_total", "budget")
    gpb, gf = F("BUD_01", "income_gpb", "budget"), F("BUD_01", "income_gov_fund", "budget")
    biz, other = F("BUD_01", "income_business", "budget"), F("BUD_01", "income_other", "budget")
    pfis = P("BUD_04", "income_grand_total", "budget")
    basic, project = F("BUD_03", "total", "basic"), F("BUD_03", "total", "project")
    out = [Section("一、收支预算总体情况", [
        f"{y}年收入预算{w(total)}，其中：财政拨款收入{w(gpb + gf)}，"
        f"{_vs(gpb + gf, pfis, f'{y - 1}年预算')}；事业收入{w(biz)}；其他收入{w(other)}。",
        f"支出预算{w(total)}，其中：基本支出{w(basic)}，项目支出{w(project)}。"])]
    out.append(Section("二、财政拨款收支预算情况", [
        f"{y}年财政拨款收支预算{w(gpb + gf)}，其中：一般公共预算{w(gpb)}，政府性基金预算{w(gf)}，"
        "国有资本经营预算0万元。"]))
    g, pg = F("BUD_05", "total", "total"), P("BUD_05", "total", "total")
    paras = [f"{y}年一般公共预算支出预算{w(g)}，{_vs(g, pg, f'{y - 1}年预算')}。主要内容如下："]
    for i, c in enumerate(F.codes("BUD_05", 7)):
        label = f"{function_name(c[:3])}（类）{function_name(c[:5])}（款）{function_name(c)}（项）"
        paras.append(f"{i + 1}. “{label}”{w(F('BUD_05', c, 'total'))}。")
    out.append(Section("三、一般公共预算支出预算情况", paras))
    pers, pub = F("BUD_06", "total", "personnel"), F("BUD_06", "total", "public")
    out.append(Section("四、一般公共预算基本支出预算情况", [
        f"{y}年一般公共预算基本支出预算{w(pers + pub)}，其中：人员经费{w(pers)}，公用经费{w(pub)}。"]))
    s, ps = F("BUD_07", "sangong_total", "budget"), P("BUD_07", "sangong_total", "budget")
    paras = [f"{y}年“三公”经费预算数为{w(s)}，{_vs(s, ps, f'{y - 1}年预算')}。其中："]
    labels = (("sangong_outbound", "因公出国（境）费"), ("sangong_vehicle_purchase", "公务用车购置费"),
              ("sangong_vehicle_operation", "公务用车运行费"), ("sangong_reception", "公务接待费"))
    for i, (k, name) in enumerate(labels):
        end = "。" if i == len(labels) - 1 else "；"
        paras.append(f"{name}{w(F('BUD_07', k, 'budget'))}，"
                     f"{_vs(F('BUD_07', k, 'budget'), P('BUD_07', k, 'budget'), f'{y - 1}年预算')}{end}")
    out.append(Section("五、“三公”经费预算情况", paras))
    g8 = F("BUD_08", "total", "total")
    out.append(Section("六、政府性基金预算支出情况", [
        f"{y}年政府性基金预算支出{w(g8)}。" if g8 else f"本部门{y}年无政府性基金预算支出。"]))
    out.append(Section("七、国有资本经营预算支出情况", [f"本部门{y}年无国有资本经营预算支出。"]))
    return out
