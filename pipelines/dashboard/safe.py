"""User data (department names, printed labels, file names) shown as text, never as markup.

Streamlit's markdown renders links and images, and plotly interprets a subset of HTML (<a href>,
<b>, <br>, <span style>) in labels. Every user string that reaches markdown or a chart goes through
these functions; tables and select boxes show text as text already.
"""
from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:<&])")


def md(value) -> str:
    """Markdown-safe text: every markdown/HTML special character is escaped."""
    s = "" if value is None else str(value)
    return _MD_SPECIAL.sub(r"\\\1", s.replace("\n", " "))


def plot(value, limit: int | None = None) -> str:
    """Plotly-safe text: &, < and > escaped, so plotly shows the characters instead of interpreting
    tags (plotly decodes these entities back for display; quotes need no escaping outside tags).
    `limit` shortens long labels (…) so a chart keeps its room."""
    s = "" if value is None else str(value)
    if limit and len(s) > limit:
        s = s[: limit - 1] + "…"
    return html.escape(s, quote=False)
