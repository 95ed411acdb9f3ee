"""The 预算 tables (BUD_01…BUD_09) of a synthetic department-year, from its budget books."""
from __future__ import annotations

from .ledger import Books
from .rows import class_rows, economic_rows, function_rows, line_row, total_of, values
from .spec import Column, Row, Table

SEED_TITLES = {
    "BUD_01": "部门收支总表", "BUD_02": "部门收入总表", "BUD_03": "部门支出总表",
    "BUD_04": "财政拨款收支总表", "BUD_05": "一般公共预算支出表", "BUD_06": "一般公共预算基本支出表",
    "BUD_07": "一般公共预算“三公”经费支出表", "BUD_08": "政府性基金预算支出表",
    "BUD_09": "国有资本经营预算支出表",
}
SHANGHAI_TITLES = {
    "BUD_01": "{y}年部门财务收支预算总表", "BUD_02": "{y}年部门收入预算总表",
    "BUD_03": "{y}年部门支出预算总表", "BUD_04": "{y}年部门财政拨款收支预算总表",
    "BUD_05": "{y}年部门一般公共预算支出功能分类预算表",
    "BUD_06": "{y}年部门一般公共预算基本支出部门预算经济分类预算表",
    "BUD_07": "{y}年部门“三公”经费预算表",
    "BUD_08": "{y}年部门政府性基金预算支出功能分类预算表",
    "BUD_09": "{y}年部门国有资本经营预算支出功能分类预算表",
}
SEED_ORDER = ["BUD_01", "BUD_02", "BUD_03", "BUD_04", "BUD_05", "BUD_06", "BUD_07", "BUD_08", "BUD_09"]
SHANGHAI_ORDER = ["BUD_01", "BUD_02", "BUD_03", "BUD_04", "BUD_05", "BUD_08", "BUD_09", "BUD_06",
                  "BUD_07"]


class BudgetTables:
    def __init__(self, books: Books, layout: str, unit: str, department: str):
        self.b = books
        self.seed = layout == "seed"
        self.unit = unit
        self.department = department
        self.lines = books.lines

    def _table(self, tid: str, layout: str, columns, rows, **kw) -> Table:
        title = SEED_TITLES[tid] if self.seed else SHANGHAI_TITLES[tid].format(y=self.b.year)
        kw.setdefault("repeat_header", not self.seed)
        kw.setdefault("unit_prefix", "金额单位" if self.seed else "单位")
        return Table(table_id=tid, title=title, layout=layout, unit=self.unit, columns=columns,
                     rows=rows, **kw)

    def _fund_total(self, fund: str) -> int:
        return sum(ln.spend(fund) for ln in self.lines.values())

    def bud01(self) -> Table:
        seed = self.seed

        def b(v: int) -> dict[str, int]:
            return {"budget": v}

        cols = [Column("budget", ["收入" if seed else "本年收入", "预算数"], "income"),
                Column("budget", ["支出" if seed else "本年支出", "预算数"], "expense")]
        gpb, gf = self._fund_total("gpb"), self._fund_total("gf")
        biz, other = self._fund_total("biz"), self._fund_total("other")
        total = gpb + gf + biz + other
        rows = [
            line_row("income_gpb", "一、一般公共预算拨款收入", "income", b(gpb)),
            line_row("income_gov_fund", "二、政府性基金预算拨款收入", "income", b(gf)),
            line_row("income_soe", "三、国有资本经营预算拨款收入", "income", {}),
            line_row("income_business", "四、事业收入", "income", b(biz)),
            line_row("income_operating", "五、事业单位经营收入", "income", {}),
            line_row("income_other", "六、其他收入", "income", b(other)),
        ]
        if seed:
            rows += [line_row("income_total", "本年收入合计", "income", b(total)),
                     line_row("carry_in", "上年结转", "income", {})]
        rows.append(line_row("income_grand_total", "收入总计", "income", b(total)))
        classes: dict[str, dict[str, int]] = {}
        for c, ln in self.lines.items():
            agg = classes.setdefault(c[:3], {"budget": 0})
            agg["budget"] += sum(ln.basic.values()) + sum(ln.project.values())
        rows += class_rows(classes, all_classes=False)
        if seed:
            rows += [line_row("expense_total", "本年支出合计", "expense", b(total)),
                     line_row("carry_out", "结转下年", "expense", {})]
        rows.append(line_row("expense_grand_total", "支出总计", "expense", b(total)))
        return self._table("BUD_01", "two_sided", cols, rows)

    def bud04(self) -> Table:
        gpb, gf = self._fund_total("gpb"), self._fund_total("gf")

        def b(v: int) -> dict[str, int]:
            return {"budget": v}

        cols = [Column("budget", ["财政拨款收入", "预算数"], "income")] + [
            Column(m, ["财政拨款支出", h], "expense") for m, h in
            (("total", "合计"), ("gpb", "一般公共预算"), ("gov_fund", "政府性基金预算"),
             ("soe", "国有资本经营预算"))]
        rows = [line_row("income_gpb", "一、一般公共预算资金", "income", b(gpb)),
                line_row("income_gov_fund", "二、政府性基金", "income", b(gf)),
                line_row("income_soe", "三、国有资本经营预算", "income", {}),
                line_row("income_grand_total", "收入总计", "income", b(gpb + gf))]
        classes: dict[str, dict[str, int]] = {}
        for c, ln in self.lines.items():
            agg = classes.setdefault(c[:3], {"total": 0, "gpb": 0, "gov_fund": 0})
            agg["gpb"] += ln.spend("gpb")
            agg["gov_fund"] += ln.spend("gf")
            agg["total"] += ln.spend("gpb") + ln.spend("gf")
        classes = {k: v for k, v in classes.items() if v["total"]}
        rows += class_rows(classes, all_classes=False)
        rows.append(line_row("expense_grand_total", "支出总计", "expense", total_of(classes)))
        return self._table("BUD_04", "two_sided", cols, rows, orientation="landscape")

    def coded(self, tid: str, figures: dict, columns: list[Column], empty: str = "", **kw) -> Table:
        rows = function_rows(figures)
        t = self._table(tid, "coded", columns, rows, **kw)
        if len(rows) == 1 and not rows[0].values:
            t.empty_note = empty
        return t

    def _cols(self, group: str, items) -> list[Column]:
        return [Column(m, [group, h] if not self.seed else [h]) for m, h in items]

    def bud06(self) -> Table:
        econ = {}
        for code, v in self.b.economic.items():
            block = "personnel" if code[:3] in ("301", "303") else "public"
            econ[code] = {"total": v, block: v}
        rows = [Row(key="total", line_item="total", name="合计", values=values(total_of(econ)))]
        rows += economic_rows(econ, "used")
        for r in rows:
            r.side = ""
        cols = self._cols("一般公共预算基本支出",
                          (("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")))
        return self._table("BUD_06", "coded", cols, rows, orientation="landscape")

    def bud07(self) -> Table:
        sg = self.b.sangong
        veh = sg["purchase"] + sg["operation"]
        fig = {"sangong_total": sg["outbound"] + veh + sg["reception"],
               "sangong_outbound": sg["outbound"], "sangong_vehicle": veh,
               "sangong_vehicle_purchase": sg["purchase"], "sangong_vehicle_operation": sg["operation"],
               "sangong_reception": sg["reception"]}
        names = {"sangong_total": "合计", "sangong_outbound": "因公出国（境）费", "sangong_vehicle": "小计",
                 "sangong_vehicle_purchase": "购置费", "sangong_vehicle_operation": "运行费",
                 "sangong_reception": "公务接待费"}
        rows = []
        for key, name in names.items():
            if key == "sangong_vehicle":
                rows.append(Row(key="vehicle_group", name="公务用车购置及运行费", heading=True))
            rows.append(Row(key=key, line_item=key, name=name, values=values({"budget": fig[key]})))
        return self._table("BUD_07", "sangong", [Column("budget", ["“三公”经费预算数"])], rows,
                           orientation="landscape")

    def build(self) -> list[Table]:
        L = self.lines
        all_funds = {c: {"total": sum(ln.basic.values()) + sum(ln.project.values()),
                         "basic": sum(ln.basic.values()), "project": sum(ln.project.values())}
                     for c, ln in L.items()}
        gpb = {c: {"total": ln.spend("gpb"), "basic": ln.basic.get("gpb", 0),
                   "project": ln.project.get("gpb", 0)} for c, ln in L.items()}
        gf = {c: {"total": ln.spend("gf"), "basic": ln.basic.get("gf", 0),
                  "project": ln.project.get("gf", 0)} for c, ln in L.items()}
        income = {c: {"total": ln.spend("gpb") + ln.spend("gf") + ln.spend("biz") + ln.spend("other"),
                      "fiscal": ln.spend("gpb") + ln.spend("gf"), "business": ln.spend("biz"),
                      "other": ln.spend("other")} for c, ln in L.items()}
        tbp = (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"))
        y = self.b.year
        tables = {
            "BUD_01": self.bud01(),
            "BUD_02": self.coded("BUD_02", income, self._cols("收入预算", (
                ("total", "合计"), ("fiscal", "财政拨款收入"), ("business", "事业收入"),
                ("operating", "事业单位经营收入"), ("other", "其他收入"))), orientation="landscape"),
            "BUD_03": self.coded("BUD_03", all_funds, self._cols("支出预算", tbp)),
            "BUD_04": self.bud04(),
            "BUD_05": self.coded("BUD_05", gpb, self._cols("一般公共预算支出", tbp)),
            "BUD_06": self.bud06(),
            "BUD_07": self.bud07(),
            "BUD_08": self.coded("BUD_08", gf, self._cols("政府性基金预算支出", tbp),
                                 empty=f"注：本部门{y}年无政府性基金预算财政拨款安排的预算，本表无数据。"),
            "BUD_09": self.coded("BUD_09", {}, self._cols("国有资本经营预算支出", tbp),
                                 empty=f"注：本部门{y}年无国有资本经营预算财政拨款安排的预算，本表无数据。"),
        }
        order = SEED_ORDER if self.seed else SHANGHAI_ORDER
        out = [tables[t] for t in order]
        for i, t in enumerate(out):
            if self.seed:
                t.label = f"公开{i + 1:02d}表"
        return out
