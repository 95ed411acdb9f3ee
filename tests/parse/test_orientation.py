"""Boxes move between turns of a page exactly (a fact keeps the box of the page as shown)."""
from __future__ import annotations

import itertools

import pytest

from pipelines.pdf.orientation import display_box, remap, user_box

W, H = 595.0, 842.0


@pytest.mark.parametrize("rot", [0, 90, 180, 270])
def test_user_box_inverts_display_box(rot):
    box = (100.0, 160.0, 700.0, 712.0)  # left, right, bottom, top
    x0, x1, top, bottom = display_box(*box, rot, W, H)
    assert x0 < x1 and top < bottom
    assert user_box(x0, x1, top, bottom, rot, W, H) == box


def test_remap_round_trips_and_turns_clockwise():
    box = (100.0, 130.0, 160.0, 142.0)  # x0, top, x1, bottom on the upright page
    for a, b in itertools.permutations([0, 90, 180, 270], 2):
        assert remap(remap(box, a, b, W, H), b, a, W, H) == pytest.approx(box)
    # turned clockwise by 90: the page's top edge becomes its right edge
    assert remap(box, 0, 90, W, H) == pytest.approx((H - 142.0, 100.0, H - 130.0, 160.0))
