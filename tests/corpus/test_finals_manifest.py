"""Every 决算 PDF of the corpus manifest: identified as the manifest says (from content, not the
filename) and every standard table it prints is found, with pinned printed figures."""
from __future__ import annotations

from decimal import Decimal

import pytest

ALL9 = {f"FIN_0{i}" for i in range(1, 10)}
# The tables each pack prints (read off its 目录 and pages).
PRINTED = {
    "GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf": ALL9,
    "GovBudgetChecker/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": ALL9,
    "renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf": ALL9,
    "renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf": ALL9 - {"FIN_08"},  # 佛山 2019 prints 8 tables
    # 西安 2022 汇总 决算 filed as a 2026 budget: 80 绩效自评表 first, then 公开01-09表 on pp. 146-161
    "renwu/020_西安/卫生健康委员会_2026年部门预算.pdf": ALL9,
    # the planted-defect copy omits 支出决算表 (FIN_03) and prints FIN_09 without figures
    "GovBudgetChecker/24年普陀区财政局（测试问题版本）.pdf": ALL9 - {"FIN_03"},
}
# (file, table, code or line item, measure) -> printed figure (万元), page
PINNED = [
    ("renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf", "FIN_01", "income_grand_total", "final", "22066.59", 7),
    ("renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf", "FIN_03", "2014099", "project", "1247.85", 9),
    ("renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf", "FIN_06", "30217", "final", "0.90", 12),
    ("renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf", "FIN_09", "sangong_outbound", "final", "4.69",
     15),
    ("renwu/009_武汉/信访局_国家信访局2024年度部门决算公开.pdf", "FIN_09", "sangong_total", "budget", "76.43", 15),
    ("renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf", "FIN_07", "2120801", "carry_in", "0.00", 22),
    ("GovBudgetChecker/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", "FIN_01", "income_total", "final", None, 7),
    ("renwu/020_西安/卫生健康委员会_2026年部门预算.pdf", "FIN_01", "income_gpb", "final", "296030.91", 146),
    ("renwu/020_西安/卫生健康委员会_2026年部门预算.pdf", "FIN_01", "balance_distribution", "final", "6374.88", 146),
    ("renwu/020_西安/卫生健康委员会_2026年部门预算.pdf", "FIN_01", "210", "final", "1474833.23", 146),
    # 三公 with 会议费 and 培训费 beside, rows 预算数 | 决算数
    ("renwu/020_西安/卫生健康委员会_2026年部门预算.pdf", "FIN_09", "sangong_reception", "budget", "1.86", 161),
    ("renwu/020_西安/卫生健康委员会_2026年部门预算.pdf", "FIN_09", "sangong_reception", "final", "0.11", 161),
    ("renwu/020_西安/卫生健康委员会_2026年部门预算.pdf", "FIN_09", "training_fee", "final", "2795.78", 161),
]


def _manifest_finals(manifest):
    return [r for r in manifest if r["kind"] == "final"]


@pytest.mark.corpus
def test_manifest_lists_the_finals_we_pin(manifest):
    assert {r["file"] for r in _manifest_finals(manifest)} == set(PRINTED)


@pytest.mark.corpus
@pytest.mark.parametrize("rel", sorted(PRINTED))
def test_final_identified_from_content_with_every_printed_table(rel, manifest, parse_corpus):
    row = next(r for r in manifest if r["file"] == rel)
    doc = parse_corpus(rel)
    assert doc.status == "loaded", doc.reason
    assert (doc.kind, doc.fiscal_year, doc.department) == ("final", int(row["year"]), row["department"])
    assert doc.region == row["region"]
    found = {t.table_id for t in doc.tables if t.table_id}
    assert PRINTED[rel] <= found, PRINTED[rel] - found
    # every non-empty standard table yields facts, every fact keeps its page and cell
    for t in doc.tables:
        if t.table_id in PRINTED[rel] and not t.empty:
            assert any(f.table_seq == t.seq for f in doc.facts), t.table_id
    assert all(f.page >= 1 and f.bbox[2] > f.bbox[0] for f in doc.facts)


@pytest.mark.corpus
@pytest.mark.parametrize("rel,table,key,measure,amount,page", PINNED)
def test_pinned_printed_figures(rel, table, key, measure, amount, page, parse_corpus):
    doc = parse_corpus(rel)
    hits = [f for f in doc.facts if f.table_id == table and key in (f.account_code, f.line_item)
            and f.measure == measure]
    assert len(hits) == 1, hits
    if amount is not None:
        assert hits[0].amount_wan == Decimal(amount)
    assert hits[0].page == page


@pytest.mark.corpus
def test_blank_template_is_other(manifest, parse_corpus):
    row = next(r for r in manifest if r["file"] == "GovBudgetChecker/附件2：部门决算模板.pdf")
    assert row["kind"] == "other"
    assert parse_corpus(row["file"]).kind == "other"
