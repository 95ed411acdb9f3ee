"""Central government (国家信访局 2026, filed under 武汉): 部门公开表N labels (表7's label not printed),
一般公共预算支出表 comparing 2025 执行数 with 2026 预算数."""
from __future__ import annotations

import pytest

PACK = "renwu/009_武汉/2026年武汉市信访局部门预算.pdf"


@pytest.mark.corpus
def test_central_pack(parse_corpus, pinned, table_ids):
    doc = parse_corpus(PACK)
    assert (doc.kind, doc.fiscal_year, doc.department, doc.region) == ("budget", 2026, "国家信访局", "中央（国家机关）")
    assert {f"BUD_0{i}" for i in range(1, 10)} <= table_ids(doc)
    labels = {t.table_id: t.label for t in doc.tables if t.table_id}
    assert labels["BUD_01"] == "部门公开表1" and labels["BUD_08"] == ""
    pinned(doc, "BUD_01", "income_gpb", "budget", "16474.82", 5)
    pinned(doc, "BUD_02", "total", "gpb", "16474.82", 6)
    pinned(doc, "BUD_05", "20140", "project", "6475.93", 10)
    pinned(doc, "BUD_05", "total", "project", "6593.94", 11)
    # 2025 执行数 beside the 2026 budget; 增减(%) cells are percentages, not amounts: no facts
    assert {f.measure for f in doc.facts if f.table_id == "BUD_05"} >= {"prior_exec", "change", "total_ex_capital"}
    assert "change_pct" not in {f.measure for f in doc.facts}
