"""The seed transcription holds every figure printed in the seed pack's tables, as printed."""
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

_SEED = "seed/000_bc25f70cd6ae945f.txt"
_CANDIDATES = [Path(__file__).resolve().parents[2].parent / "shared" / _SEED, Path("/work/shared") / _SEED]
SEED_TEXT = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])

AMOUNT = re.compile(r"^\d+\.\d{2}$")

pytestmark = pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not available")


def _table_blocks(spec):
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    start = max(i for i, ln in enumerate(lines) if ln.startswith("第二部分 2024年部门决算表"))
    end = max(i for i, ln in enumerate(lines) if ln.strip() == "第三部分 情况说明")
    titles = {t.title: t.table_id for t in spec.tables}
    blocks, current = {}, None
    for line in lines[start:end]:
        if line.strip() in titles:
            current = titles[line.strip()]
            blocks[current] = []
        elif current:
            blocks[current].append(line)
    return blocks


def test_every_seed_table_figure_is_in_the_spec(seed_spec):
    blocks = _table_blocks(seed_spec)
    assert sorted(blocks) == [f"FIN_{i:02d}" for i in range(1, 11)]
    for tid, block in blocks.items():
        printed = Counter(c.strip() for line in block for c in line.split("\t") if AMOUNT.match(c.strip()))
        spec_vals = Counter(v for r in seed_spec.table(tid).rows for v in r.values.values()
                            if AMOUNT.match(v))
        assert printed == spec_vals, (tid, printed - spec_vals, spec_vals - printed)


def test_seed_counts_in_statistics_table(seed_spec):
    block = _table_blocks(seed_spec)["FIN_10"]
    after = False
    printed = []
    for line in block:
        cells = line.split("\t")
        if cells[0].startswith("三、"):
            after = True
        elif after and len(cells) >= 3 and cells[2].strip().isdigit():
            printed.append(cells[2].strip())
    counts = [r.values["final"] for r in seed_spec.table("FIN_10").rows if r.count and r.values]
    assert printed == counts == ["27", "2", "4", "10", "11", "1"]


def test_printed_rounding_quirk_kept(seed_spec):
    t = seed_spec.table("FIN_02")
    assert t.row("22401").values["total"] == "4366.88"
    kids = [r for r in t.rows if len(r.code) == 7 and r.code.startswith("22401")]
    assert sum(Decimal(r.values["total"]) for r in kids) == Decimal("4366.87")


def test_seed_narrative_is_verbatim(seed_spec):
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    start = max(i for i, ln in enumerate(lines) if ln.strip() == "第三部分 情况说明")
    end = max(i for i, ln in enumerate(lines) if ln.strip() == "第四部分 名词解释")
    text = "".join(s.heading + "".join(s.paragraphs) for s in seed_spec.narrative)
    seed_lines = [ln.strip() for ln in lines[start + 1:end] if ln.strip()]
    assert len(seed_lines) > 50
    for line in seed_lines:
        assert line in text, line


def test_seed_metadata(seed_spec):
    assert seed_spec.department == "阳泉市应急管理局"
    assert (seed_spec.fiscal_year, seed_spec.kind, seed_spec.unit, seed_spec.layout) == \
        (2024, "final", "万元", "seed")
    assert seed_spec.table("FIN_08").empty_note == "说明：本表无数据"
    assert [t.label for t in seed_spec.tables] == [f"公开{i:02d}表" for i in range(1, 11)]
