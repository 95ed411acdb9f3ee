"""Text-layer shares: readable Chinese, garbled (rare or foreign characters, controls, private use),
and the verdicts they lead to."""
from __future__ import annotations

import pytest

from pipelines.intake.textlayer import TextLayer, classify, judge, measure


@pytest.mark.parametrize("ch, cls", [("支", "chinese"), ("⻔", "chinese"), ("㨋", "garbled"), ("銯", "garbled"),
                                     ("\x01", "garbled"), ("\ue001", "garbled"), ("\ufffd", "garbled"),
                                     ("\ud835", "garbled"), ("ő", "garbled"), ("é", "other"), ("ꀀ", "garbled"), ("Ⅱ", "other"),
                                     ("①", "other"), ("A", "other"), ("（", "other"), ("℃", "other")])
def test_character_classes(ch, cls):
    assert classify(ch) == cls


def test_digits_and_punctuation_do_not_count():
    layer = measure(["2024年 1,234.56 万元 (100%)", "㨋銯"])
    assert (layer.chars, layer.chinese, layer.garbled) == (5, 3, 2)  # 年 万 元, 㨋 銯


def test_verdicts():
    readable = TextLayer(1000, 10, 900)
    garbled = TextLayer(1000, 560, 250)
    latin = TextLayer(1000, 0, 0, "lorem ipsum")
    assert judge(readable, True) == ("ok", "", "")
    assert judge(garbled, False) == ("reject", "unreadable text layer: 56% of its characters are not text (fonts "
                                     "without a ToUnicode map?); nothing could be read (OCR is not supported)",
                                     "garbled_text")
    assert judge(garbled, True) == ("note", "text layer partly unreadable: 56% of its characters garbled (fonts "
                                    "without a ToUnicode map?)", "")
    assert judge(latin, False)[::2] == ("reject", "not_disclosure")
    assert judge(latin, True) == ("ok", "", "")  # a table was read: not judged by its language
    assert judge(TextLayer(50, 50, 0), False) == ("ok", "", "")  # too short to judge
