"""Synthetic packs: exact arithmetic, cross-table / cross-year / budget↔final agreement, narrative."""
import re
from decimal import Decimal

from pipelines.generator.amounts import pct, to_wan, wan_text
from pipelines.generator.checks import check_budget_final, check_pack, check_years
from pipelines.generator.spec import dump_spec
from pipelines.generator.synthesize import synthesize


def _synthetic(all_specs):
    return [s for s in all_specs if s.department_key.startswith("shifan")]


def test_coverage(all_specs):
    syn = _synthetic(all_specs)
    depts = {s.department_key for s in syn}
    assert len(depts) >= 3
    for d in depts:
        years = {(s.fiscal_year, s.kind) for s in syn if s.department_key == d}
        assert years == {(y, k) for y in (2022, 2023, 2024) for k in ("final", "budget")}
    assert any(s.unit == "元" for s in syn)
    assert {s.layout for s in syn} == {"seed", "shanghai"}
    names = {s.fiscal_year: s.department for s in syn
             if s.department_key == "shifan_yjglj" and s.kind == "final"}
    assert names == {2022: "示范市安全生产监督管理局", 2023: "示范市应急管理局", 2024: "示范市应急管理局"}


def test_exact_arithmetic(all_specs):
    for spec in _synthetic(all_specs):
        assert check_pack(spec) == [], spec.pack_id


def test_seed_within_rounding_envelope(seed_spec):
    assert check_pack(seed_spec, tol=Decimal("0.005")) == []
    assert check_pack(seed_spec)  # the printed 尾数误差 is kept


def test_carry_over_and_budget_agreement(specs_by_id, all_specs):
    for spec in _synthetic(all_specs):
        if spec.kind != "final":
            continue
        budget = specs_by_id[spec.pack_id.replace("_final", "_budget")]
        assert check_budget_final(budget, spec) == [], spec.pack_id
        prev = specs_by_id.get(spec.pack_id.replace(str(spec.fiscal_year), str(spec.fiscal_year - 1)))
        if prev:
            assert check_years(prev, spec) == [], spec.pack_id


def test_year_over_year_variation(specs_by_id):
    codes = {y: {r.code for r in specs_by_id[f"shifan_jtysj_{y}_final"].table("FIN_03").rows if r.code}
             for y in (2022, 2023, 2024)}
    assert codes[2022] - codes[2024] and codes[2024] - codes[2022]  # accounts come and go
    carry = [specs_by_id[f"shifan_jtysj_{y}_final"].table("FIN_01").row("carry_in").values for y in (2023, 2024)]
    assert any(carry)


def test_specs_are_reproducible(tmp_path, all_specs):
    from pipelines.generator import SPEC_DIR
    for spec in synthesize():
        path = tmp_path / f"{spec.pack_id}.yaml"
        dump_spec(spec, path)
        assert path.read_bytes() == (SPEC_DIR / path.name).read_bytes(), spec.pack_id


def _wan(spec, tid, key, measure):
    t = spec.table(tid)
    return Decimal(to_wan(t.row(key).values.get(measure, "0"), t.unit))


def test_narrative_restates_tables(all_specs, specs_by_id):
    for spec in _synthetic(all_specs):
        text = "".join(p for s in spec.narrative for p in s.paragraphs)
        if spec.kind == "budget":
            total = _wan(spec, "BUD_01", "income_grand_total", "budget")
            assert f"收入预算{wan_text(total)}万元" in text
            continue
        total = _wan(spec, "FIN_01", "income_grand_total", "final")
        assert f"收入总计{wan_text(total)}万元" in text
        basic, et = _wan(spec, "FIN_03", "total", "basic"), _wan(spec, "FIN_03", "total", "total")
        assert f"基本支出{wan_text(basic)}万元，占比{pct(basic, et)}%" in text
        # 年初预算 vs 决算 per 项: figures, 完成率 and 大于/小于/持平 wording agree
        budget = specs_by_id[spec.pack_id.replace("_final", "_budget")]
        n = 0
        for m in re.finditer(r"（款）(.+?)（项）：年初预算为([\d,.]+)万元，支出决算为([\d,.]+)万元"
                             r"(?:，完成年初预算的([\d.]+)%)?，决算数(大于|小于|与)年初预算数", text):
            b, f = Decimal(m.group(2).replace(",", "")), Decimal(m.group(3).replace(",", ""))
            word = m.group(5)
            assert word == ("大于" if f > b else "小于" if f < b else "与"), m.group(0)
            if m.group(4):  # 元 tables: narrative 万元 figures are rounded, the rate is not
                half = Decimal("0.005")
                slack = (100 * (half / b + f * half / (b * b)) + 2 * half) if spec.unit == "元" else 0
                assert abs(Decimal(m.group(4)) - Decimal(pct(f, b))) <= slack, m.group(0)
            n += 1
        assert n >= len([r for r in spec.table("FIN_05").rows if len(r.code) == 7])
        bt = _wan(budget, "BUD_05", "total", "total")
        assert f"年初预算{wan_text(bt)}万元" in text
        sg = _wan(spec, "FIN_09", "sangong_total", "final")
        assert f"支出决算{wan_text(sg)}万元" in text
