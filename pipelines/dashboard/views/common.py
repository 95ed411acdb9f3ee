"""Helpers shared by the views: exact amount text, account labels, source links, 类/款/项 drill-down."""
from __future__ import annotations

from decimal import Decimal
from functools import partial
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from ...export_formats.labels import label, line_item_labels
from ..source import Box


def amount(v) -> str:
    """Exact amount text: 2 decimals as printed in 万元, more only when the figure has them (元 tables)."""
    if v is None or (not isinstance(v, Decimal) and pd.isna(v)):
        return ""
    d = v if isinstance(v, Decimal) else Decimal(str(v))
    if d == d.quantize(Decimal("0.01")):
        return f"{d:,.2f}"
    return f"{d.normalize():,f}"


def account_label(row) -> str:
    """'2240108 应急救援' for coded rows; the catalogue's Chinese name (or printed label) for line rows."""
    code = getattr(row, "account_code", "") or ""
    name = getattr(row, "account_name", None) or ""
    if code:
        return f"{code} {name}".strip()
    item = getattr(row, "line_item", "") or ""
    return name or line_item_labels().get(item, item) or str(getattr(row, "item_key", ""))


def source_link(document_id, page, x0=None, top=None, x1=None, bottom=None) -> str | None:
    """A relative link that opens the source view on the page with the cell outlined."""
    if document_id is None or pd.isna(document_id) or page is None or pd.isna(page):
        return None
    q = {"view": "source", "doc": str(document_id), "page": int(page)}
    box = Box.of(x0, top, x1, bottom)
    if box:
        q["box"] = box.text()
    return "?" + urlencode(q)


def link_column(text: str = "查看原文"):
    return st.column_config.LinkColumn("原文", display_text=text)


def _drill_option(names: dict[str, str], level: str, code: str | None) -> str:
    """A drill-down choice: the code's name, or （全部类） for no choice."""
    return f"（全部{level}）" if code is None else names.get(code, code)


def drill(df: pd.DataFrame, key: str) -> tuple[pd.DataFrame, list[str]]:
    """类 -> 款 -> 项 drill-down over coded rows. Returns (rows of the shown level, breadcrumb)."""
    coded = df[df["account_level"].notna()]
    if coded.empty:
        return df, []
    names = {r.account_code: account_label(r) for r in coded.itertuples()}
    crumbs: list[str] = []
    parent = None
    shown = coded[coded["account_level"] == 1]
    for depth, level_name in ((1, "类"), (2, "款")):
        codes = sorted(shown["account_code"].unique())
        children = set(coded[coded["account_level"] == depth + 1]["parent_code"].dropna())
        options = [None] + [c for c in codes if c in children]
        if len(options) == 1:
            break
        k = f"{key}_drill{depth}"
        if k in st.session_state and st.session_state[k] not in options:
            del st.session_state[k]
        choice = st.selectbox(f"下钻：选择{level_name}", options, key=k,
                              format_func=partial(_drill_option, names, level_name))
        if choice is None:
            break
        parent = choice
        crumbs.append(names.get(choice, choice))
        shown = coded[(coded["account_level"] == depth + 1) & (coded["parent_code"] == parent)]
    return shown, crumbs


def level_name(v) -> str:
    return "" if v is None or pd.isna(v) else label("account_levels", int(v))
