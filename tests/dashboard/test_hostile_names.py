"""A department name containing HTML/JS/markdown is user data: shown as text, never interpreted
(the browser side is checked in test_browser_e2e)."""
import json
import re

from pipelines.dashboard.safe import md, plot

from apptest import app, view
from dq_setup import HOSTILE


def test_markdown_gets_escaped_text(use_dq):
    at = app()
    assert at.sidebar.selectbox(key="department").value is not None
    assert at.sidebar.selectbox(key="department").options[0] == HOSTILE      # the select box shows it as text
    shown = [m.value for m in at.markdown]
    assert any(md(HOSTILE) in v for v in shown)
    for v in shown:   # no markdown/HTML syntax survives unescaped: no tag, link, colour, formula
        assert not re.search(r"(?<!\\)[<>\[\]$`]|(?<!\\):(?!\s)", v), v


def test_chart_labels_are_escaped(use_dq):
    at = view(app(), "compare")
    at.selectbox(key="cmp_year").set_value(2024).run()
    at.selectbox(key="cmp_kind").set_value("final").run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels, hover = spec["data"][0]["y"], spec["data"][0]["customdata"]
    assert plot(HOSTILE) in hover and plot(HOSTILE, 28) in labels
    assert not any("<img" in s or "<script" in s for s in labels + hover)


def test_safe_md_and_plot():
    assert md("a*b_[c](d)<e>") == r"a\*b\_\[c\]\(d\)\<e\>"
    assert md("示范市应急管理局") == "示范市应急管理局"
    assert plot('<a href="javascript:x">示</a>') == '&lt;a href="javascript:x"&gt;示&lt;/a&gt;'
    assert plot("一二三四五", limit=4) == "一二三…"


def test_shortened_labels_stay_distinct():
    from pipelines.dashboard.charts import LABEL_MAX, axis_labels
    long = "示范市" * 20
    assert axis_labels([long + "甲", long + "乙", "<b>"]) == \
        [long[:LABEL_MAX - 1] + "…", long[:LABEL_MAX - 1] + "… (2)", "&lt;b&gt;"]
