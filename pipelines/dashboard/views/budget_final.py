"""预算与决算: the 预算 pack against the 决算 pack of the same year, with execution rates."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import charts, data
from ..safe import md
from .common import account_label, amount, drill, level_name, link_column, source_link

TITLE = "预算与决算"

STATUS = {"both": "两边均有", "budget_only": "仅预算", "final_only": "仅决算"}


def render(sel) -> None:
    st.header(TITLE)
    if sel.department_key is None or sel.year is None:
        st.info("请在左侧选择部门和年度。")
        return
    st.markdown(f"**{md(sel.department)}** · {sel.year} 年 · 预算数 vs 决算数")
    pairs = data.budget_pairs(sel.department_key, sel.year)
    if not pairs:
        st.info(f"{sel.year} 年没有同时入库的预算和决算文件。")
        return
    if st.session_state.get("bf_pair") not in pairs:
        st.session_state.pop("bf_pair", None)
    pair = st.selectbox("比较口径", pairs, key="bf_pair")
    df = data.budget_vs_final(sel.department_key, sel.year, pair)
    shown, crumbs = drill(df, "bf")
    if crumbs:
        st.caption("当前：" + " › ".join(md(c) for c in crumbs))
    labels = [account_label(r) for r in shown.itertuples()]
    fig = charts.grouped_bars(labels, {"预算数": shown["budget_wan"].tolist(), "决算数": shown["final_wan"].tolist()},
                              f"{sel.year} 年 预算数与决算数")
    st.plotly_chart(fig, key="bf_chart")
    out = pd.DataFrame({
        "科目": labels,
        "级次": [level_name(v) for v in shown["account_level"]],
        "预算数（万元）": [amount(v) for v in shown["budget_wan"]],
        "决算数（万元）": [amount(v) for v in shown["final_wan"]],
        "差额（万元）": [amount(v) for v in shown["diff_wan"]],
        "执行率（%）": [amount(v) for v in shown["execution_rate_pct"]],
        "状态": [STATUS.get(v, v) for v in shown["status"]],
        "预算原文": [source_link(r.budget_document_id, r.budget_page, r.budget_x0, r.budget_top, r.budget_x1,
                                r.budget_bottom) for r in shown.itertuples()],
        "决算原文": [source_link(r.final_document_id, r.final_page, r.final_x0, r.final_top, r.final_x1,
                                r.final_bottom) for r in shown.itertuples()],
    })
    st.dataframe(out, hide_index=True, key="bf_df",
                 column_config={"预算原文": link_column("预算表"), "决算原文": link_column("决算表")})
