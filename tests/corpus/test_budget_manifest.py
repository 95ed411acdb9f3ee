"""Every 预算 PDF of the manifest identified from content (kind, year, department), the scanned one
rejected with its reason, and BUD_01..BUD_05 found in every file that prints tables.

A fast slice (one pack per regional template) runs on every commit; the whole corpus is `slow`.
`fiscal evaluate --corpus ../shared/corpus` measures the same over the warehouse (pack joins included).
"""
from __future__ import annotations

import pytest

from pipelines import catalogue
from pipelines.catalogue.departments import group_key

CORE = {f"BUD_0{i}" for i in range(1, 6)}
SLICE = [
    "renwu/001_上海/2026年上海市交通运输局_部门预算.pdf",  # 上海 市级 单位预算
    "GovBudgetChecker/dept_budget.pdf",  # 普陀区 部门预算
    "renwu/002_北京/财政局_2026年部门预算.pdf",  # 北京 附件2 tables only
    "renwu/002_北京/2026年北京市人民政府国有资产监督管理委员会部门预算.pdf",  # 北京 附件1, title "…2026 部门预算…"
    "renwu/003_深圳/2026年深圳市审计局部门预算.pdf",
    "renwu/006_苏州/2026年苏州市审计局部门预算.pdf",
    "renwu/014_无锡/2026年无锡市统计局部门预算.pdf",
    "ae86jack-open-budget/2019年度部门预算公开.pdf",  # 江苏 full pack
    "ae86jack-open-budget/江苏省政协办公厅2018度部门预算公开表.pdf",  # 江苏 公开表 only
    "ae86jack-open-budget/江苏省政协办公厅2019年度部门预算.pdf",  # 江苏 narrative, no cover
    "ae86jack-open-budget/省法院2018年度部门预算公开.pdf",  # cover name split over two lines
    "renwu/009_武汉/2026年武汉市信访局部门预算.pdf",  # central
]


def _budgets(manifest):
    return [r for r in manifest if r["kind"] == "budget"]


def _check(row, doc) -> list[str]:
    problems = []
    if row["text_ok"] != "yes":
        if doc.status != "rejected" or "scanned" not in doc.reason:
            problems.append(f"scanned file not rejected as scanned: {doc.status} {doc.reason!r}")
        return problems
    if doc.status != "loaded":
        return [f"rejected: {doc.reason}"]
    if doc.kind != "budget":
        problems.append(f"kind {doc.kind}")
    if doc.fiscal_year != int(row["year"]):
        problems.append(f"year {doc.fiscal_year} ({doc.evidence.get('fiscal_year')})")
    if group_key(doc.department) != group_key(row["department"]):
        problems.append(f"department {doc.department!r} ({doc.evidence.get('department')})")
    found = {t.table_id for t in doc.tables if t.table_id}
    standard = {t for t in found if t in catalogue.tables_by_id() and not catalogue.tables_by_id()[t].extra}
    if standard and not found >= CORE:  # a file of attachment or unrecognised tables only is not a pack's tables
        problems.append(f"missing {sorted(CORE - found)}")
    return problems


@pytest.mark.corpus
def test_slice_covers_every_template(manifest):
    files = {r["file"] for r in _budgets(manifest)}
    assert set(SLICE) <= files


@pytest.mark.corpus
@pytest.mark.parametrize("rel", SLICE)
def test_slice_identified_with_core_tables(rel, manifest, parse_corpus):
    row = next(r for r in manifest if r["file"] == rel)
    assert _check(row, parse_corpus(rel)) == []


@pytest.mark.slow
@pytest.mark.corpus
def test_every_budget_in_the_manifest(manifest, parse_corpus):
    rows = _budgets(manifest)
    failures = {r["file"]: p for r in rows if (p := _check(r, parse_corpus(r["file"])))}
    scanned = [r for r in rows if r["text_ok"] != "yes"]
    assert len(scanned) == 1 and scanned[0]["file"] not in failures
    text = [r for r in rows if r["text_ok"] == "yes"]
    # a tables-only file naming no body may need its narrative partner (pack join, in the warehouse);
    # the parse alone must still identify at least 98 % of them
    assert len(failures) <= 0.02 * len(text), failures


@pytest.mark.corpus
def test_a_performance_self_evaluation_form_is_other(manifest, parse_corpus):
    # 宁德 政府办公厅: filed as a 2026 budget, printed as 部门整体绩效自评表（2024年度）: not a disclosure pack
    rel = "renwu/083_宁德/政府办公厅_2026年部门预算.pdf"
    row = next(r for r in manifest if r["file"] == rel)
    doc = parse_corpus(rel)
    assert (row["kind"], doc.kind) == ("other", "other")
    assert (doc.fiscal_year, doc.department) == (2024, "宁德市人民政府办公室")
    # its form is recognised for what it is (a 绩效自评表), which makes no pack; no figure becomes a fact
    assert [t.table_id for t in doc.tables if t.table_id] == ["FIN_11"]
    assert not any(catalogue.tables_by_id()[t.table_id].says_kind for t in doc.tables if t.table_id)
    assert doc.facts == []
