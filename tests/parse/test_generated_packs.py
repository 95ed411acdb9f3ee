"""Round trip on the project's own sample: every figure the generator printed (seed pack with its
exact printed figures, synthetic departments in 万元 and 元, two template styles, budgets and
finals) is parsed back exactly, with the page it is printed on, and nothing else."""
from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal

from pipelines.parse.document import parse_document


def _facts(rows):
    out = defaultdict(list)
    for table_id, scheme, code, item, measure, amount, page in rows:
        out[(table_id, scheme, code, item, measure)].append((Decimal(amount), int(page)))
    return {k: sorted(v) for k, v in out.items()}


def test_every_generated_figure_is_parsed_back(sample_pdfs):
    assert len(sample_pdfs) >= 25
    for pdf, expected_csv in sample_pdfs:
        with open(expected_csv, encoding="utf-8") as fh:
            want = _facts((r["table_id"], r["account_scheme"], r["account_code"], r["line_item"], r["measure"],
                           r["amount_wan"], r["page"]) for r in csv.DictReader(fh))
        doc = parse_document(pdf)
        got = _facts((f.table_id, f.account_scheme, f.account_code, f.line_item, f.measure, f.amount_wan, f.page)
                     for f in doc.facts)
        assert got == want, f"{pdf.name}: " + str(
            {k: (want.get(k), got.get(k)) for k in set(want) | set(got) if want.get(k) != got.get(k)})


def test_seed_pack_identity_and_exact_figures(sample_pdfs):
    pdf = next(p for p, _ in sample_pdfs if p.name.startswith("yangquan_yjglj_2024_final"))
    doc = parse_document(pdf)
    assert (doc.kind, doc.department, doc.fiscal_year, doc.entity_level) == ("final", "阳泉市应急管理局", 2024,
                                                                               "department")
    f = {(x.table_id, x.account_code, x.measure): x.amount_wan for x in doc.facts if x.account_code}
    assert f[("FIN_02", "22401", "total")] == Decimal("4366.88")  # printed; its 项 sum to 4366.87
    assert sum(v for (t, c, m), v in f.items() if t == "FIN_02" and m == "total" and c.startswith("22401")
               and len(c) == 7) == Decimal("4366.87")
    assert f[("FIN_06", "30231", "final")] == Decimal("20.68")
    q = {x.line_item: x.value for x in doc.quantities}
    assert q["vehicles_total"] == 27 and q["equipment_over_1m"] == 1
