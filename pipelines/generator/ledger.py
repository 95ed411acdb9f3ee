"""The synthetic books of one department: per-项 amounts by fund, carry-overs, economic split,
三公, statistics — as integers in minor units of the printed unit (0.01 万元 or 0.01 元).

Every printed figure is a sum of these integers, so all table arithmetic holds exactly.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .departments import BASE_YEAR, BASIC_ROLES, YEARS, Account, Department

FUNDS = ("gpb", "gf", "biz", "other")  # 一般公共预算, 政府性基金, 事业收入, 其他收入

# weights (‰ of the unlinked basic remainder) for the economic split
PERSONNEL_WEIGHTS = {"30101": 190, "30102": 170, "30103": 60, "30107": 150, "30112": 12,
                     "30199": 25, "30305": 4, "30309": 3, "30399": 3}
PUBLIC_WEIGHTS = {"30201": 25, "30202": 4, "30205": 3, "30206": 9, "30207": 5, "30209": 16,
                  "30211": 10, "30213": 5, "30215": 2, "30216": 3, "30226": 8, "30227": 10,
                  "30228": 12, "30229": 10, "30239": 22, "30299": 16, "31002": 8}


@dataclass
class Line:
    """One 项 of one pack."""
    code: str
    basic: dict[str, int] = field(default_factory=dict)
    project: dict[str, int] = field(default_factory=dict)
    carry_in: dict[str, int] = field(default_factory=dict)  # gpb / gf
    carry_out: dict[str, int] = field(default_factory=dict)

    def spend(self, fund: str) -> int:
        return self.basic.get(fund, 0) + self.project.get(fund, 0)

    def income(self, fund: str) -> int:
        return self.spend(fund) + self.carry_out.get(fund, 0) - self.carry_in.get(fund, 0)


@dataclass
class Books:
    """What one pack (budget or final of one year) prints."""
    year: int
    kind: str
    lines: dict[str, Line]
    economic: dict[str, int]  # 5-digit economic code -> gpb basic amount
    sangong: dict[str, int]  # outbound / purchase / operation / reception
    opex: dict[str, int] = field(default_factory=dict)  # admin / civil
    procurement: dict[str, int] = field(default_factory=dict)  # goods / works / services
    vehicles: tuple[int, ...] = ()


def _split(total: int, weights: dict[str, int], rng: random.Random, step: int) -> dict[str, int]:
    """Split total into weighted integer parts (multiples of step except the last)."""
    jittered = {k: w * rng.randint(80, 120) for k, w in weights.items()}
    s = sum(jittered.values())
    out, used = {}, 0
    keys = list(jittered)
    for k in keys[:-1]:
        v = total * jittered[k] // s
        v -= v % step
        out[k] = v
        used += v
    out[keys[-1]] = total - used
    return out


class DepartmentBooks:
    """Generates the budget and final books of one department, year after year."""

    def __init__(self, dept: Department):
        self.d = dept
        self.minor = 100 if dept.unit == "万元" else 1_000_000  # minor units per 万元
        self.step = 1 if dept.unit == "万元" else 100  # 元 figures are whole yuan
        self.budgets: dict[int, Books] = {}
        self.finals: dict[int, Books] = {}
        for year in (BASE_YEAR,) + YEARS:
            self.budgets[year] = self._budget(year)
            self.finals[year] = self._final(year)

    # ---------------------------------------------------------------- helpers
    def _rng(self, year: int, kind: str, salt: str = "") -> random.Random:
        return random.Random(f"{self.d.seed}/{year}/{kind}/{salt}")

    def _amount(self, base_wan: int, year: int, rng: random.Random, lo: int = -8, hi: int = 15) -> int:
        growth = 100 + 4 * (year - BASE_YEAR)
        v = base_wan * self.minor * (100 + rng.randint(lo, hi)) * growth // 10000
        v += rng.randint(0, self.minor // 10)
        return v - v % self.step

    def _round(self, v: int) -> int:
        return v - v % self.step

    def _accounts(self, year: int, kind: str) -> list[Account]:
        out = []
        for a in self.d.accounts:
            if not a.present(year):
                continue
            if kind == "budget" and not a.in_budget:
                continue
            if kind == "final" and year in a.unexecuted:
                continue
            out.append(a)
        return out

    def _fund_line(self, a: Account, amount: int) -> Line:
        line = Line(a.code)
        target = line.basic if a.role in BASIC_ROLES else line.project
        fund = "gf" if a.role == "fund" else "gpb"
        biz = self._round(amount * a.biz_share // 100)
        other = self._round(amount * a.other_share // 100)
        if biz:
            target["biz"] = biz
        if other:
            target["other"] = other
        target[fund] = amount - biz - other
        return line

    # ---------------------------------------------------------------- budget
    def _budget(self, year: int) -> Books:
        rng = self._rng(year, "budget")
        lines = {}
        for a in self._accounts(year, "budget"):
            lines[a.code] = self._fund_line(a, self._amount(a.base, year, rng))
        sangong = self._sangong_budget(year)
        econ = self._economic(lines, sangong, rng)
        public = sum(v for k, v in econ.items() if k[:3] in ("302", "310"))
        return Books(year, "budget", lines, econ, sangong, opex=self._opex(public, rng))

    def _sangong_budget(self, year: int) -> dict[str, int]:
        rng = self._rng(year, "budget", "sangong")
        m = self.minor
        out = {
            "outbound": self._round((rng.randint(8, 20) * m) if self.d.outbound and year != 2022 else 0),
            "purchase": self._round(rng.randint(25, 45) * m if year in (2022, 2024) else 0),
            "operation": self._round(rng.randint(15, 35) * m + rng.randint(0, m - 1)),
            "reception": self._round(rng.randint(1, 6) * m + rng.randint(0, m - 1)),
        }
        if year == 2023:  # one year with an unchanged 三公 budget for 持平 wording
            prev = self.budgets.get(2022)
            if prev is not None:
                out["reception"] = prev.sangong["reception"]
        return out

    def _economic(self, lines: dict[str, Line], sangong: dict[str, int], rng) -> dict[str, int]:
        """Split the 一般公共预算 basic total into economic codes (5-digit)."""
        econ: dict[str, int] = {}
        roles = {a.code: a.role for a in self.d.accounts}
        for code, line in lines.items():
            target = BASIC_ROLES.get(roles[code])
            if target and line.basic.get("gpb"):
                econ[target] = econ.get(target, 0) + line.basic["gpb"]
        free = sum(ln.basic.get("gpb", 0) for ln in lines.values()) - sum(econ.values())
        fixed = {"30212": sangong["outbound"], "30217": sangong["reception"],
                 "30231": sangong["operation"]}
        free -= sum(fixed.values())
        if free <= 0:
            raise ValueError(f"{self.d.key}: basic expenditure too small for the economic split")
        personnel = free * rng.randint(74, 82) // 100
        personnel -= personnel % self.step
        weights = dict(PERSONNEL_WEIGHTS)
        if rng.random() < 0.3:
            weights.pop("30103")  # no 奖金 this year
        econ.update(_split(personnel, weights, rng, self.step))
        pub_w = dict(PUBLIC_WEIGHTS)
        if rng.random() < 0.4:
            pub_w.pop("31002")  # no office equipment this year
        econ.update(_split(free - personnel, pub_w, rng, self.step))
        econ.update({k: v for k, v in fixed.items() if v})
        return {k: v for k, v in econ.items() if v}

    def _opex(self, public: int, rng) -> dict[str, int]:
        if self.d.is_institution:
            return {}
        total = self._round(public * rng.randint(55, 85) // 100)
        civil = self._round(total * self.d.civil_share // 100)
        return {"admin": total - civil, "civil": civil}

    # ---------------------------------------------------------------- final
    def _final(self, year: int) -> Books:
        rng = self._rng(year, "final")
        budget = self.budgets[year]
        prev = self.finals.get(year - 1)
        lines: dict[str, Line] = {}
        for a in self._accounts(year, "final"):
            if a.code in budget.lines and a.in_budget:
                b = budget.lines[a.code]
                planned = b.spend("gpb") + b.spend("gf") + b.spend("biz") + b.spend("other")
                roll = rng.random()
                if roll < 0.2:
                    amount = planned  # executed exactly as budgeted
                elif a.role in BASIC_ROLES:
                    amount = planned * rng.randint(9500, 10600) // 10000
                else:
                    amount = planned * rng.randint(6200, 12800) // 10000
                amount = self._round(amount)
            else:
                amount = self._amount(a.base, year, rng)
            lines[a.code] = self._fund_line(a, amount)
        self._carry(year, lines, prev, rng)
        sangong = self._sangong_final(year, budget.sangong, rng)
        econ = self._economic(lines, sangong, rng)
        public = sum(v for k, v in econ.items() if k[:3] in ("302", "310"))
        project_spend = sum(ln.project.get("gpb", 0) + ln.project.get("gf", 0) for ln in lines.values())
        return Books(year, "final", lines, econ, sangong, opex=self._opex(public, rng),
                     procurement=self._procurement(project_spend, public, rng),
                     vehicles=self.d.vehicles)

    def _carry(self, year: int, lines: dict[str, Line], prev: Books | None, rng) -> None:
        nxt = year + 1
        for code, line in lines.items():
            acct = next(a for a in self.d.accounts if a.code == code)
            for fund in ("gpb", "gf"):
                if prev and code in prev.lines and prev.lines[code].carry_out.get(fund):
                    line.carry_in[fund] = prev.lines[code].carry_out[fund]
                continues = acct.present(nxt) and nxt not in acct.unexecuted
                if line.project.get(fund) and continues and rng.random() < 0.5:
                    line.carry_out[fund] = self._round(line.project[fund] * rng.randint(3, 14) // 100)
                if line.income(fund) < 0:
                    line.carry_out[fund] = line.carry_out.get(fund, 0) - line.income(fund)

    def _sangong_final(self, year: int, budget: dict[str, int], rng) -> dict[str, int]:
        out = {}
        for k, v in budget.items():
            if k == "purchase" or not v or rng.random() < 0.25:
                out[k] = v
            else:
                out[k] = self._round(v * rng.randint(5500, 9900) // 10000)
        return out

    def _procurement(self, project: int, public: int, rng) -> dict[str, int]:
        total = self._round((project * rng.randint(10, 30) + public * rng.randint(20, 40)) // 100)
        works = self._round(total * rng.randint(0, 30) // 100) if rng.random() < 0.5 else 0
        goods = self._round((total - works) * rng.randint(35, 70) // 100)
        return {"goods": goods, "works": works, "services": total - works - goods}
