"""Only paint that shows is ruling: white cell backgrounds of spreadsheet exports are not lines."""
from __future__ import annotations

import pytest

from pipelines.parse.grid import visible_ruling
from pipelines.parse.pages import BACKENDS, read_layouts
from pipelines.textutil.normalize import squash


@pytest.mark.parametrize("obj,visible", [
    ({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (1.0, 1.0, 1.0)}, False),
    ({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": 1.0}, False),
    ({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (0, 0, 0, 0)}, False),  # CMYK white
    ({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (0.0, 0.0, 0.0)}, True),
    ({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (0.753, 0.753, 0.753)}, True),
    ({"object_type": "rect", "fill": True, "stroke": True, "stroking_color": None, "non_stroking_color": 1.0}, True),
    ({"object_type": "line", "stroke": True, "stroking_color": (1, 1, 1)}, False),
    ({"object_type": "char", "text": "表"}, True),
])
def test_visible_ruling(obj, visible):
    assert visible_ruling(obj) is visible


@pytest.mark.corpus
@pytest.mark.parametrize("backend", BACKENDS)
def test_cell_per_rect_page_reads_as_its_printed_columns(corpus, backend):
    # 江苏省人民检察院 2019 p14: 1,273 rects (a white one behind every cell and padding strip)
    lay = read_layouts(corpus / "ae86jack-open-budget/2019年度部门预算公开.pdf", [14], backend=backend)[0]
    g = lay.grids[0]
    assert (g.n_rows, g.n_cols) == (27, 6)
    assert squash(g.row_texts(5)[4]) == "三、单位预留机动经费"  # one cell, not split over three grid rows
    assert g.row_texts(5)[5] == "3,990.40"
