"""Synthetic departments × years of 决算 and 预算 pack specs (deterministic), and writing them
to data/sample/specs/ as YAML.

    from pipelines.generator.synthesize import synthesize, write_specs
    specs = synthesize()                 # list[PackSpec], 2022-2024, finals and budgets
    write_specs("data/sample/specs")     # regenerates the committed YAML files
"""
from __future__ import annotations

from pathlib import Path

from .budget_tables import BudgetTables
from .departments import BASE_YEAR, DEPARTMENTS, YEARS, Department
from .final_tables import FinalTables
from .ledger import DepartmentBooks
from .narrative import budget_narrative, final_narrative
from .spec import PackSpec, Section, dump_spec, validate

GLOSSARY = [
    "一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。",
    "二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
    "三、其他收入：指单位取得的除上述收入以外的各项收入。",
    "四、年初结转和结余：指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。",
    "五、年末结转和结余：指单位按有关规定结转到下年或以后年度继续使用的资金。",
    "六、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    "七、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "八、“三公”经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "九、机关运行经费：指行政单位和参照公务员法管理的事业单位财政拨款基本支出中的公用经费支出。",
]


def _overview(d: Department, year: int, kind: str) -> list[Section]:
    name = d.name(year)
    duties = [f"{i + 1}、{t}" for i, t in enumerate(d.duties)]
    who = "预算" if kind == "budget" else "决算"
    units = [f"{name}{who}包括：本级及所属{len(d.units) - 1}家单位。" if len(d.units) > 1
             else f"{name}{who}为单位{who}，无下属单位。"]
    units += [f"{i + 1}. {u.replace('示范市应急管理局', name)}" for i, u in enumerate(d.units)]
    return [Section("一、主要职能", duties), Section("二、机构设置情况", units)]


def _title(d: Department, year: int, kind: str) -> str:
    who = "单位" if d.entity_level == "unit" else "部门"
    if kind == "budget":
        return f"{year}年{who}预算"
    return f"{year}年度{who}决算公开" if d.layout == "seed" else f"{year}年度{who}决算"


def _spec(d: Department, year: int, kind: str, tables) -> PackSpec:
    return PackSpec(
        pack_id=f"{d.key}_{year}_{kind}", department=d.name(year), department_key=d.key,
        region=d.region, fiscal_year=year, kind=kind, entity_level=d.entity_level, unit=d.unit,
        layout=d.layout, title=_title(d, year, kind), tables=tables,
        overview=_overview(d, year, kind), glossary=[Section("名词解释", list(GLOSSARY))],
        source=f"synthetic (pipelines.generator.synthesize, seed {d.seed})")


def department_specs(d: Department) -> list[PackSpec]:
    """Budget and final specs of one department for YEARS (BASE_YEAR only feeds comparisons)."""
    books = DepartmentBooks(d)
    out: list[PackSpec] = []
    prev_final = prev_budget = None
    for year in (BASE_YEAR,) + YEARS:
        bb, fb = books.budgets[year], books.finals[year]
        budget = _spec(d, year, "budget", BudgetTables(bb, d.layout, d.unit, d.name(year)).build())
        budget.narrative = budget_narrative(budget, prev_budget)
        final = _spec(d, year, "final",
                      FinalTables(fb, d.layout, d.unit, d.name(year)).build(bb.sangong))
        final.narrative = final_narrative(final, prev_final, budget)
        validate(budget)
        validate(final)
        if year in YEARS:
            out += [final, budget]
        prev_final, prev_budget = final, budget
    return out


def synthesize() -> list[PackSpec]:
    return [s for d in DEPARTMENTS for s in department_specs(d)]


def write_specs(out_dir: str | Path = "data/sample/specs") -> list[Path]:
    """(Re)write the synthetic specs as YAML; the seed transcription is left untouched."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in synthesize():
        path = out_dir / f"{spec.pack_id}.yaml"
        dump_spec(spec, path)
        paths.append(path)
    return paths


if __name__ == "__main__":  # python -m pipelines.generator.synthesize [out_dir]
    import sys
    for p in write_specs(*sys.argv[1:2]):
        print(p)
