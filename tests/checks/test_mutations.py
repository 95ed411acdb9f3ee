"""Mutation tests on rendered packs: altering one printed figure of the seed pack (阳泉市应急管理局
2024) makes the rule about that figure fail, and no unrelated rule changes its outcome.

The base pack and every mutant are rendered by the sample generator, parsed and loaded like any
PDF, then checked in one run. A rule's outcome here is the worst outcome of its instances; the
`related` rules of a mutation are the other identities the altered figure takes part in (they may
change too), every other rule must keep its outcome.
"""
import os

import duckdb
import pytest

from pipelines.checks import run_checks
from pipelines.core import ingest
from pipelines.generator import SPEC_DIR, CellMutation, NarrativeMutation, load_spec, render_pack
from pipelines.settings import Settings

C, N = CellMutation, NarrativeMutation
WORST = ["error", "fail", "insufficient_data", "rounding", "pass", "not_applicable"]

# (target rule, mutation, related rules that may change with it)
MUTATIONS = [
    ("TI04", C("FIN_01", "income_total", "final", "6071.09"), {"TI02", "XT01", "NR02"}),
    ("TI08", C("FIN_02", "22401", "fiscal", "4366.98"), {"TI07"}),
    ("TI07", C("FIN_02", "2240101", "fiscal", "568.12"), {"TI08"}),
    ("TI11", C("FIN_03", "2240101", "basic", "558.02"), {"TI10", "XT09"}),
    ("TI12", C("FIN_03", "total", "basic", "3751.61"), {"TI10", "NR05", "NR06", "NR24"}),
    ("TI16", C("FIN_04", "224", "gpb", "4470.25"), {"TI19", "XT07"}),
    ("TI17", C("FIN_04", "income_gpb", "final", "5824.32"), {"TI20", "XT05", "TI14", "TI13"}),
    ("TI21", C("FIN_05", "2240101", "basic", "560.02"), {"TI22", "XT09"}),
    ("TI23", C("FIN_05", "total", "basic", "3751.61"), {"TI21", "XT08", "NR13"}),
    ("TI24", C("FIN_06", "30101", "final", "1029.30"), set()),
    ("TI25", C("FIN_06", "personnel_total", "final", "3424.47"), {"XT08", "NR14"}),
    ("TI26", C("FIN_06", "public_total", "final", "337.14"), {"XT08", "NR15"}),
    ("TI32", C("FIN_09", "sangong_vehicle", "final", "63.59"), {"TI33"}),
    ("TI33", C("FIN_09", "sangong_total", "final", "61.59"), {"NR17", "NR12"}),
    ("XT01", C("FIN_02", "total", "total", "6071.09"), {"TI07", "TI09"}),
    ("XT02", C("FIN_03", "total", "total", "6071.09"), {"TI10", "TI12"}),
    ("XT06", C("FIN_05", "total", "total", "5824.32"), {"TI21", "TI23", "NR08", "NR06", "NR12"}),
    ("XT12", C("FIN_06", "30231", "final", "25.68"), {"TI24"}),
    ("NR01", N("收入总计6,061.09万元", "收入总计6,161.09万元"), {"NR18", "NR25"}),
    ("NR06", N("占比11.53%", "占比12.53%"), {"NR24"}),
    ("NR12", N("完成年初预算的54.46%", "完成年初预算的56.46%"), set()),
    ("NR14", N("人员经费3,414.47万元", "人员经费3,415.47万元"), set()),
    ("NR16", N("全年预算62.59万元", "全年预算63.59万元"), {"NR12"}),
    ("NR17", N("支出决算62.59万元", "支出决算61.59万元"), {"NR12", "NR18"}),
    ("NR18", N("增长32.48%", "增长33.48%"), set()),
    ("NR19", N("增长6.95%", "下降6.95%"), {"NR18"}),
    ("NR21", N("机关运行经费支出133.58万元", "机关运行经费支出533.58万元"), {"NR18"}),
    ("NR22", N("政府采购支出总额1,599.77万元", "政府采购支出总额1,699.77万元"), {"NR06"}),
    ("NR23", N("共有车辆27辆", "共有车辆28辆"), set()),
    ("DI03", N("截至2024年12月31日", "截至2023年12月31日"), set()),
    ("DI11", N("下降12.34%", "下降（增长）12.34%"), {"NR19", "NR18"}),
    ("DI14", N("主要原因是党建活动较上年增加。", "主要原因是党建活动较上年增加。。"), set()),
]


def summary(con, document_id) -> dict[str, str]:
    rows = con.execute("SELECT rule_id, list(DISTINCT outcome) FROM check_result WHERE document_id = ? "
                       "GROUP BY 1", [document_id]).fetchall()
    return {rule: min(outs, key=WORST.index) for rule, outs in rows}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    out = tmp_path_factory.mktemp("mutants")
    spec = load_spec(SPEC_DIR / "yangquan_yjglj_2024_final.yaml")
    pdfs = {"base": render_pack(spec, out / "base.pdf").path}
    for i, (rule, mutation, _) in enumerate(MUTATIONS):
        pdfs[(i, rule)] = render_pack(spec, out / f"m{i:02d}_{rule}.pdf", mutations=[mutation]).path
    saved = {k: os.environ.get(k) for k in ("FISCAL_WAREHOUSE", "FISCAL_CHECKS")}
    os.environ.update(FISCAL_WAREHOUSE=str(out / "w.duckdb"), FISCAL_CHECKS="0")
    try:
        report = ingest(Settings.from_env(), list(pdfs.values()), workers=2, progress=None, trigger="test")
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    ids = {o.file: o.document_id for o in report.outcomes}
    con = duckdb.connect(str(out / "w.duckdb"))
    run_checks(con, list(ids.values()), trigger="test")
    got = {key: summary(con, ids[path.name]) for key, path in pdfs.items()}
    con.close()
    return got


def test_the_seed_pack_passes_with_22401_as_rounding(outcomes):
    base = outcomes["base"]
    assert not [r for r, o in base.items() if o in ("fail", "error")]
    assert base["TI22"] == base["TI08"] == base["TI11"] == "rounding"  # 22401: 4366.88 printed, 项 sum 4366.87


def test_at_least_20_rules_have_a_mutation():
    assert len({rule for rule, _, _ in MUTATIONS}) >= 20


@pytest.mark.parametrize("i,rule,related", [(i, r, rel) for i, (r, _, rel) in enumerate(MUTATIONS)],
                         ids=[f"{r}" for r, _, _ in MUTATIONS])
def test_mutation_fails_its_rule_and_nothing_unrelated(outcomes, i, rule, related):
    base, mutant = outcomes["base"], outcomes[(i, rule)]
    assert base[rule] != "fail" and mutant[rule] == "fail"
    changed = {r for r in base.keys() | mutant.keys() if base.get(r) != mutant.get(r)}
    assert changed - {rule} <= related, f"unrelated rules changed: {sorted(changed - {rule} - related)}"
