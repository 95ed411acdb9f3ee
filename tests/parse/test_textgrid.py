"""The text-position method reads a table without its ruling: on real ruled pages of seven
templates, ignoring the ruling gives exactly the facts the ruling gives."""
from __future__ import annotations

import pytest

from pipelines.parse.interpret import interpret
from pipelines.parse.pages import read_layouts
from pipelines.parse.tables import build_chains
from pipelines.parse.textgrid import text_grid

PAGES = [
    ("renwu/002_北京/财政局_2026年部门预算.pdf", 9),  # 3 header levels, wrapped header cells, 合 计 letter-spaced
    ("renwu/006_苏州/2026年苏州市审计局部门预算.pdf", 11),  # indented codes, empty columns with headers only
    ("renwu/006_苏州/2026年苏州市审计局部门预算.pdf", 17),
    ("renwu/003_深圳/2026年深圳市审计局部门预算.pdf", 29),  # 预算单位 column, headers centred over figures
    ("renwu/003_深圳/2026年深圳市审计局部门预算.pdf", 17),  # two-sided 收支总表
    ("renwu/001_上海/2026年上海市交通运输局_部门预算.pdf", 8),  # 类|款|项 codes in three columns, 元
    ("ae86jack-open-budget/江苏省政协办公厅2018度部门预算公开表.pdf", 7),
    ("renwu/009_武汉/2026年武汉市信访局部门预算.pdf", 7),
]


def _facts(path, page, ruling):
    lay = read_layouts(path, [page], ruling=ruling)[0]
    out = set()
    for ch in build_chains([lay], "budget"):
        if ch.spec is not None:
            res = interpret(ch.grids, ch.spec, ch.unit or "万元", 1, ch.entity)
            out |= {(ch.spec.id, f.account_code, f.line_item, f.measure, f.entity, f.amount) for f in res.facts}
    return out, {g.strategy for g in lay.grids}


@pytest.mark.corpus
@pytest.mark.parametrize("rel,page", PAGES)
def test_text_positions_reproduce_the_ruled_table(rel, page, corpus):
    ruled, s1 = _facts(corpus / rel, page, True)
    text, s2 = _facts(corpus / rel, page, False)
    assert s1 == {"lines"} and s2 == {"text"}
    assert len(ruled) > 10
    assert text == ruled


def test_too_few_figure_lines_is_no_table():
    assert text_grid([], 1) is None
