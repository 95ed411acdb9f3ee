"""The dashboard (served by `fiscal dashboard`): 同比变化, 预算与决算, 部门比较, 数据质量, 原文.

Run as a Streamlit script, so imports are absolute. Every number shown comes from a mart read
through a read-only connection opened per query (pipelines.dashboard.data).
"""
from __future__ import annotations

import streamlit as st

from pipelines.dashboard import data
from pipelines.dashboard.context import sidebar
from pipelines.dashboard.safe import md
from pipelines.dashboard.views import budget_final, compare, quality, source, yoy
from pipelines.settings import Settings
from pipelines.warehouse.connection import WarehouseError

VIEWS = {"yoy": yoy, "budget_final": budget_final, "compare": compare, "quality": quality, "source": source}


def main() -> None:
    data.configure(Settings.from_env())  # the server's edge: FISCAL_WAREHOUSE and the rest, once per run
    st.set_page_config(page_title="财政公开数据看板", page_icon="📊", layout="wide")
    st.sidebar.title("财政公开数据看板")
    wanted = st.query_params.get("view")
    if "view" not in st.session_state and wanted in VIEWS:
        st.session_state["view"] = wanted
    view = st.sidebar.radio("页面", list(VIEWS), key="view", format_func=lambda v: VIEWS[v].TITLE)
    if view != "source" and "doc" in st.query_params:
        st.query_params.clear()
    try:
        sel = sidebar()
    except (FileNotFoundError, WarehouseError) as exc:  # no warehouse, not a warehouse, unreadable
        st.error(f"没有可读取的数据仓库：{md(exc)}")
        st.stop()
    VIEWS[view].render(sel)


main()
