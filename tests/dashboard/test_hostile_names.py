"""A department name containing HTML/JS/markdown is user data: shown as text, never interpreted
(the browser side is checked in test_browser_e2e)."""
import json
import re

from apptest import app, view
from dq_setup import HOSTILE

from pipelines.dashboard.safe import md, plot


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
    labels = spec["data"][0]["y"]
    assert plot(HOSTILE) in labels
    assert not any("<img" in s or "<script" in s for s in labels)


def test_safe_md_and_plot():
    assert md("a*b_[c](d)<e>") == r"a\*b\_\[c\]\(d\)\<e\>"
    assert md("示范市应急管理局") == "示范市应急管理局"
    assert plot('<a href="javascript:x">示</a>') == "&lt;a href=&quot;javascript:x&quot;&gt;示&lt;/a&gt;"
