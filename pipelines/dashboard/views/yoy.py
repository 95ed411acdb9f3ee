"""同比变化: year over year for one department, by 类/款/项 with drill-down (mart_yoy)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ...export_formats.labels import label, measure as measure_label
from .. import charts, data
from ..safe import md
from .common import account_label, amount, drill, level_name, link_column, source_link

TITLE = "同比变化"


def table_rows(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "科目": [account_label(r) for r in df.itertuples()],
        "级次": [level_name(v) for v in df["account_level"]],
        "上年（万元）": [amount(v) for v in df["prior_amount_wan"]],
        "本年（万元）": [amount(v) for v in df["amount_wan"]],
        "增减额（万元）": [amount(v) for v in df["change_wan"]],
        "增减率（%）": [amount(v) for v in df["change_pct"]],
        "比较": [label("comparisons", v) for v in df["comparison"]],
        "本年页码": [None if pd.isna(v) else int(v) for v in df["page"]],
        "上年文件": df["prior_file_name"].fillna("").tolist(),
        "原文": [source_link(r.document_id, r.page, r.x0, r.top, r.x1, r.bottom) if r.comparison != "dropped"
                 else source_link(r.prior_document_id, r.prior_page, r.prior_x0, r.prior_top, r.prior_x1,
                                  r.prior_bottom) for r in df.itertuples()],
    })


def render(sel) -> None:
    st.header(TITLE)
    if sel.department_key is None or sel.year is None or not sel.kind:
        st.info("请在左侧选择部门和年度。")
        return
    st.markdown(f"**{md(sel.department)}** · {sel.year - 1} → {sel.year} 年 · {label('doc_kinds', sel.kind)}")
    tabs = data.tables(sel.department_key, sel.year, sel.kind)
    if tabs.empty:
        st.warning("该文件没有可比较的表格。")
        return
    names = {r.table_id: f"{r.table_id} {r.table_name or ''}" for r in tabs.itertuples()}
    c1, c2 = st.columns(2)
    table_id = c1.selectbox("表格", list(names), key="yoy_table", format_func=lambda t: names[t])
    ms = data.measures(sel.department_key, sel.year, sel.kind, table_id)
    if st.session_state.get("yoy_measure") not in ms:
        st.session_state.pop("yoy_measure", None)
    measure = c2.selectbox("栏目", ms, key="yoy_measure", format_func=measure_label)
    df = data.yoy(sel.department_key, sel.year, sel.kind, table_id, measure)
    if df.empty:
        st.info("没有数据。")
        return
    if (df["comparison"] == "no_prior_table").all():
        st.info(f"没有 {sel.year - 1} 年同类文件的这张表，无法比较；以下仅列本年数。")
    shown, crumbs = drill(df, "yoy")
    if crumbs:
        st.caption("当前：" + " › ".join(md(c) for c in crumbs))
    both = shown[shown["comparison"] == "both"].copy()
    if not both.empty:
        both = both.sort_values("abs_change_wan", ascending=False)
        fig = charts.change_bars([account_label(r) for r in both.itertuples()], both["change_wan"].tolist(),
                                 f"{sel.year - 1}→{sel.year} 增减额（{measure_label(measure)}）")
        st.plotly_chart(fig, key="yoy_chart")
    st.dataframe(table_rows(shown), hide_index=True, column_config={"原文": link_column()}, key="yoy_table_df")
    st.subheader("变化最大的科目")
    top = data.biggest_changes(sel.department_key, sel.year, sel.kind)
    if top.empty:
        st.caption("没有两年均列示且有变化的科目。")
    else:
        out = pd.DataFrame({
            "表": top["table_id"], "栏目": [measure_label(m) for m in top["measure"]],
            "科目": [account_label(r) for r in top.itertuples()],
            "上年（万元）": [amount(v) for v in top["prior_amount_wan"]],
            "本年（万元）": [amount(v) for v in top["amount_wan"]],
            "增减额（万元）": [amount(v) for v in top["change_wan"]],
            "增减率（%）": [amount(v) for v in top["change_pct"]],
            "原文": [source_link(r.document_id, r.page, r.x0, r.top, r.x1, r.bottom) for r in top.itertuples()],
        })
        st.dataframe(out, hide_index=True, column_config={"原文": link_column()}, key="yoy_top_df")
