"""The 决算 tables (FIN_01…FIN_10) of a synthetic department-year, from its books."""
from __future__ import annotations

from .ledger import Books
from .rows import class_rows, economic_rows, function_rows, line_row, rollup, total_of, values
from .spec import Column, Row, Table

SEED_NOTES = {
    "FIN_01": "注：本表反映部门本年度的总收支和年末结转结余情况。",
    "FIN_02": "注：本表反映部门本年度取得的各项收入情况。",
    "FIN_03": "注：本表反映部门本年度各项支出情况。",
    "FIN_04": "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
    "FIN_05": "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
    "FIN_06": "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    "FIN_07": "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
    "FIN_08": "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
    "FIN_09": "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，"
              "决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。",
    "FIN_10": "注：本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。",
}
TITLES = {
    "FIN_01": "收入支出决算总表", "FIN_02": "收入决算表", "FIN_03": "支出决算表",
    "FIN_04": "财政拨款收入支出决算总表", "FIN_05": "一般公共预算财政拨款支出决算表",
    "FIN_06": "一般公共预算财政拨款基本支出决算明细表",
    "FIN_07": "政府性基金预算财政拨款收入支出决算表", "FIN_08": "国有资本经营预算财政拨款支出决算表",
    "FIN_09": "财政拨款“三公”经费支出决算表", "FIN_10": "部门决算公开相关信息统计表",
}
SHANGHAI_TITLES = {"FIN_06": "一般公共预算财政拨款基本支出决算表",
                   "FIN_08": "国有资本经营预算财政拨款收入支出决算表"}
SEED_ORDER = ["FIN_01", "FIN_02", "FIN_03", "FIN_04", "FIN_05", "FIN_06", "FIN_07", "FIN_08",
              "FIN_09", "FIN_10"]
SHANGHAI_ORDER = ["FIN_01", "FIN_02", "FIN_03", "FIN_04", "FIN_05", "FIN_06", "FIN_09", "FIN_07",
                  "FIN_08"]


class FinalTables:
    def __init__(self, books: Books, layout: str, unit: str, department: str):
        self.b = books
        self.seed = layout == "seed"
        self.unit = unit
        self.department = department
        self.lines = books.lines

    # -------------------------------------------------------------- figures
    def fin02(self):
        out = {}
        for c, ln in self.lines.items():
            fiscal = ln.income("gpb") + ln.income("gf")
            biz, other = ln.spend("biz"), ln.spend("other")
            out[c] = {"total": fiscal + biz + other, "fiscal": fiscal, "business": biz, "other": other}
        return out

    def fin03(self):
        return {c: {"total": sum(ln.basic.values()) + sum(ln.project.values()),
                    "basic": sum(ln.basic.values()), "project": sum(ln.project.values())}
                for c, ln in self.lines.items()}

    def fin05(self):
        return {c: {"total": ln.spend("gpb"), "basic": ln.basic.get("gpb", 0),
                    "project": ln.project.get("gpb", 0)} for c, ln in self.lines.items()}

    def fin07(self):
        return {c: {"carry_in": ln.carry_in.get("gf", 0), "income": ln.income("gf"),
                    "total": ln.spend("gf"), "basic": ln.basic.get("gf", 0),
                    "project": ln.project.get("gf", 0), "carry_out": ln.carry_out.get("gf", 0)}
                for c, ln in self.lines.items()}

    def sums(self) -> dict[str, int]:
        s = {f"{k}_{f}": 0 for k in ("income", "spend", "carry_in", "carry_out")
             for f in ("gpb", "gf", "biz", "other")}
        for ln in self.lines.values():
            for f in ("gpb", "gf", "biz", "other"):
                s[f"income_{f}"] += ln.income(f)
                s[f"spend_{f}"] += ln.spend(f)
                s[f"carry_in_{f}"] += ln.carry_in.get(f, 0)
                s[f"carry_out_{f}"] += ln.carry_out.get(f, 0)
        return s

    # -------------------------------------------------------------- tables
    def _table(self, tid: str, layout: str, columns, rows, **kw) -> Table:
        title = TITLES[tid] if self.seed else SHANGHAI_TITLES.get(tid, TITLES[tid])
        t = Table(table_id=tid, title=title, layout=layout, unit=self.unit, columns=columns,
                  rows=rows, column_numbers=self.seed and layout in ("coded", "two_sided"), **kw)
        if self.seed:
            t.notes = [SEED_NOTES[tid]]
        else:
            t.unit_prefix = "单位"
        return t

    def fin01(self) -> Table:
        s = self.sums()
        seed = self.seed
        amount = "金额" if seed else "决算数"
        cols = [Column("final", ["收入", amount], "income"), Column("final", ["支出", amount], "expense")]

        def f(v: int) -> dict[str, int]:
            return {"final": v}

        inc_total = s["income_gpb"] + s["income_gf"] + s["income_biz"] + s["income_other"]
        carry_in = s["carry_in_gpb"] + s["carry_in_gf"]
        carry_out = s["carry_out_gpb"] + s["carry_out_gf"]
        n = (lambda k: k) if seed else (lambda k: 0)
        rows = [
            line_row("income_gpb", "一、一般公共预算财政拨款收入", "income", f(s["income_gpb"]), n(1)),
            line_row("income_gov_fund", "二、政府性基金预算财政拨款收入", "income", f(s["income_gf"]), n(2)),
            line_row("income_soe", "三、国有资本经营预算财政拨款收入", "income", {}, n(3)),
            line_row("income_upper_subsidy", "四、上级补助收入", "income", {}, n(4)),
            line_row("income_business", "五、事业收入", "income", f(s["income_biz"]), n(5)),
            line_row("income_operating", "六、经营收入", "income", {}, n(6)),
            line_row("income_affiliated", "七、附属单位上缴收入", "income", {}, n(7)),
            line_row("income_other", "八、其他收入", "income", f(s["income_other"]), n(8)),
            line_row("income_total", "本年收入合计", "income", f(inc_total), n(27)),
            line_row("use_nonfiscal_balance", "使用非财政拨款结余（含专用结余）", "income", {}, n(28)),
            line_row("carry_in", "年初结转和结余", "income", f(carry_in), n(29)),
            line_row("income_grand_total", "总计", "income", f(inc_total + carry_in), n(31)),
        ]
        classes: dict[str, dict[str, int]] = {c[:3]: {} for c in self.lines}
        for c, v in self.fin03().items():
            classes[c[:3]]["final"] = classes[c[:3]].get("final", 0) + v["total"]
        rows += class_rows(classes, all_classes=True, numbered_from=32 if seed else 0)
        exp_total = sum(v["final"] for v in classes.values())
        rows += [
            line_row("expense_total", "本年支出合计", "expense", f(exp_total), n(58)),
            line_row("balance_distribution", "结余分配", "expense", {}, n(59)),
            line_row("carry_out", "年末结转和结余", "expense", f(carry_out), n(60)),
            line_row("expense_grand_total", "总计", "expense", f(exp_total + carry_out), n(62)),
        ]
        return self._table("FIN_01", "two_sided", cols, rows)

    def fin04(self) -> Table:
        s = self.sums()
        seed = self.seed
        cols = [Column("final", ["收入", "金额" if seed else "决算数"], "income")] + [
            Column(m, ["支出", h], "expense") for m, h in
            (("total", "合计"), ("gpb", "一般公共预算财政拨款"), ("gov_fund", "政府性基金预算财政拨款"),
             ("soe", "国有资本经营预算财政拨款"))]

        def f(v: int) -> dict[str, int]:
            return {"final": v}

        n = (lambda k: k) if seed else (lambda k: 0)
        inc = s["income_gpb"] + s["income_gf"]
        cin = s["carry_in_gpb"] + s["carry_in_gf"]
        rows = [
            line_row("income_gpb", "一、一般公共预算财政拨款", "income", f(s["income_gpb"]), n(1)),
            line_row("income_gov_fund", "二、政府性基金预算财政拨款", "income", f(s["income_gf"]), n(2)),
            line_row("income_soe", "三、国有资本经营预算财政拨款", "income", {}, n(3)),
            line_row("income_total", "本年收入合计", "income", f(inc), n(27)),
            line_row("carry_in", "年初财政拨款结转和结余", "income", f(cin), n(28)),
            line_row("carry_in_gpb", "一般公共预算财政拨款", "income", f(s["carry_in_gpb"]), n(29)),
            line_row("carry_in_gov_fund", "政府性基金预算财政拨款", "income", f(s["carry_in_gf"]), n(30)),
            line_row("carry_in_soe", "国有资本经营预算财政拨款", "income", {}, n(31)),
            line_row("income_grand_total", "总计", "income", f(inc + cin), n(32)),
        ]
        classes: dict[str, dict[str, int]] = {}
        for c, ln in self.lines.items():
            agg = classes.setdefault(c[:3], {"total": 0, "gpb": 0, "gov_fund": 0})
            agg["gpb"] += ln.spend("gpb")
            agg["gov_fund"] += ln.spend("gf")
            agg["total"] += ln.spend("gpb") + ln.spend("gf")
        rows += class_rows(classes, all_classes=True, numbered_from=33 if seed else 0)
        spend = total_of(classes)
        cout = {"total": s["carry_out_gpb"] + s["carry_out_gf"], "gpb": s["carry_out_gpb"],
                "gov_fund": s["carry_out_gf"]}
        grand = {k: spend.get(k, 0) + cout[k] for k in cout}
        rows += [
            line_row("expense_total", "本年支出合计", "expense", spend, n(59)),
            line_row("carry_out", "年末财政拨款结转和结余", "expense", cout, n(60)),
            line_row("expense_grand_total", "总计", "expense", grand, n(64)),
        ]
        return self._table("FIN_04", "two_sided", cols, rows, orientation="landscape")

    def coded(self, tid: str, figures: dict, columns: list[Column], **kw) -> Table:
        rows = function_rows(figures)
        return self._table(tid, "coded", columns, rows, **kw)

    def fin06(self) -> Table:
        econ = {k: {"final": v} for k, v in self.b.economic.items()}
        rows = economic_rows(econ, "full" if self.seed else "common")
        agg = rollup(econ, levels=(3,))
        pers = sum(agg.get(c, {}).get("final", 0) for c in ("301", "303"))
        pub = sum(agg.get(c, {}).get("final", 0) for c in ("302", "307", "309", "310", "311",
                                                             "312", "313", "399"))
        rows += [Row(key="personnel_total", line_item="personnel_total", name="人员经费合计",
                     side="personnel", values=values({"final": pers})),
                 Row(key="public_total", line_item="public_total", name="公用经费合计",
                     side="public", values=values({"final": pub}))]
        return self._table("FIN_06", "blocks", [Column("final", ["决算数"])], rows,
                           orientation="landscape", blocks=4 if self.seed else 2)

    def fin09(self, budget_sangong: dict[str, int]) -> Table:
        group = "公务用车购置及运行维护费" if self.seed else "公务用车购置及运行费"
        op_name = "公务用车运行维护费" if self.seed else "公务用车运行费"

        def figures(sg):
            veh = sg["purchase"] + sg["operation"]
            return {"sangong_total": sg["outbound"] + veh + sg["reception"],
                    "sangong_outbound": sg["outbound"], "sangong_vehicle": veh,
                    "sangong_vehicle_purchase": sg["purchase"],
                    "sangong_vehicle_operation": sg["operation"], "sangong_reception": sg["reception"]}
        b, f = figures(budget_sangong), figures(self.b.sangong)
        names = {"sangong_total": "合计", "sangong_outbound": "因公出国（境）费",
                 "sangong_vehicle": "小计", "sangong_vehicle_purchase": "公务用车购置费",
                 "sangong_vehicle_operation": op_name, "sangong_reception": "公务接待费"}
        rows = []
        for key, name in names.items():
            if key == "sangong_vehicle":
                rows.append(Row(key="vehicle_group", name=group, heading=True))
            rows.append(Row(key=key, line_item=key, name=name,
                            values=values({"budget": b[key], "final": f[key]})))
        return self._table("FIN_09", "sangong",
                           [Column("budget", ["预算数"]), Column("final", ["决算数"])], rows,
                           orientation="landscape")

    def fin10(self) -> Table:
        p, o, v = self.b.procurement, self.b.opex, self.b.vehicles

        def f(x: int) -> dict[str, str]:
            return values({"final": x})

        rows = [Row(key="heading_1", name="一、政府采购情况", heading=True),
                Row(key="procurement_total", line_item="procurement_total", name="合计", line_no="1",
                    values=f(sum(p.values())))]
        for i, (k, name) in enumerate((("goods", "货物"), ("works", "工程"), ("services", "服务"))):
            rows.append(Row(key=f"procurement_{k}", line_item=f"procurement_{k}", name=name,
                            line_no=str(i + 2), values=f(p.get(k, 0))))
        rows += [Row(key="heading_2", name="二、机关运行经费", heading=True),
                 Row(key="opex_admin_units", line_item="opex_admin_units", name="(一) 行政单位",
                     line_no="5", values=f(o.get("admin", 0))),
                 Row(key="opex_civil_units", line_item="opex_civil_units",
                     name="(二) 参照公务员法管理事业单位", line_no="6", values=f(o.get("civil", 0))),
                 Row(key="heading_3", name="三、国有资产占用情况", heading=True)]
        labels = ["(一) 车辆数合计(辆)", "1. 副部(省)级及以上领导用车", "2. 主要负责人用车",
                  "3. 机要通信用车", "4. 应急保障用车", "5. 执法执勤用车", "6. 特种专业技术用车",
                  "7. 离退休干部服务用车", "8. 其他用车"]
        for i, (label, count) in enumerate(zip(labels, v)):
            rows.append(Row(key=f"vehicles_{i}", name=label, line_no=str(7 + i), count=True,
                            values={"final": str(count)} if count else {}))
        rows.append(Row(key="equipment_1m", name="(二) 单价100万元(含)以上设备(不含车辆)",
                        line_no="16", count=True, values={"final": "1"}))
        return self._table("FIN_10", "stats", [Column("final", ["统计数"])], rows,
                           org_label="单位名称")

    def empty_note(self, what: str) -> str:
        if self.seed:
            return "说明：本表无数据"
        return f"注：{self.department}{self.b.year}年度无{what}，本表无数据。"

    def build(self, budget_sangong: dict[str, int]) -> list[Table]:
        seed = self.seed
        flow_cols = [Column("carry_in", ["年初结转和结余"]), Column("income", ["本年收入"]),
                     Column("total", ["本年支出", "小计"]), Column("basic", ["本年支出", "基本支出"]),
                     Column("project", ["本年支出", "项目支出"]), Column("carry_out", ["年末结转和结余"])]
        f07 = self.coded("FIN_07", self.fin07(), flow_cols, orientation="landscape",
                         unit_prefix="单位")
        if len(f07.rows) == 1:
            f07.empty_note = self.empty_note("政府性基金预算财政拨款收入、支出及结转和结余")
        if seed:
            f08_cols = [Column(m, ["本年支出", h]) for m, h in
                        (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"))]
        else:
            f08_cols = flow_cols
        f08 = self._table("FIN_08", "coded", f08_cols,
                          [Row(key="total", line_item="total", name="合计")], unit_prefix="单位",
                          orientation="portrait" if seed else "landscape")
        f08.empty_note = self.empty_note("国有资本经营预算财政拨款收入、支出及结转和结余")
        tables = {
            "FIN_01": self.fin01(),
            "FIN_02": self.coded("FIN_02", self.fin02(), [
                Column(m, [h]) for m, h in (
                    ("total", "本年收入合计"), ("fiscal", "财政拨款收入"), ("upper_subsidy", "上级补助收入"),
                    ("business", "事业收入"), ("operating", "经营收入"), ("affiliated", "附属单位上缴收入"),
                    ("other", "其他收入"))], orientation="landscape"),
            "FIN_03": self.coded("FIN_03", self.fin03(), [
                Column(m, [h]) for m, h in (
                    ("total", "本年支出合计"), ("basic", "基本支出"), ("project", "项目支出"),
                    ("remit_upper", "上缴上级支出"), ("operating", "经营支出"),
                    ("affiliated_subsidy", "对附属单位补助支出"))], orientation="landscape"),
            "FIN_04": self.fin04(),
            "FIN_05": self.coded("FIN_05", self.fin05(), [
                Column(m, ["本年支出", h] if seed else [h]) for m, h in
                (("total", "小计" if seed else "合计"), ("basic", "基本支出"), ("project", "项目支出"))]),
            "FIN_06": self.fin06(),
            "FIN_07": f07,
            "FIN_08": f08,
            "FIN_09": self.fin09(budget_sangong),
            "FIN_10": self.fin10(),
        }
        order = SEED_ORDER if seed else SHANGHAI_ORDER
        out = [tables[t] for t in order]
        for i, t in enumerate(out):
            if seed:
                t.label = f"公开{i + 1:02d}表"
        return out
