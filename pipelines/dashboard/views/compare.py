"""部门比较: one account across departments (mart_account_compare)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ...export_formats.labels import label, measure as measure_label
from .. import charts, data
from .common import account_label, amount, link_column, source_link

TITLE = "部门比较"


def _select(name: str, options: list, key: str, fmt=str, index: int = 0):
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    return st.selectbox(name, options, key=key, format_func=fmt, index=min(index, len(options) - 1))


def render(sel) -> None:
    st.header(TITLE)
    opts = data.compare_options(sel.region)
    if opts.empty:
        st.info("没有数据。")
        return
    years = sorted(opts["fiscal_year"].unique().tolist(), reverse=True)
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        year = _select("年度", years, "cmp_year", index=years.index(sel.year) if sel.year in years else 0)
    o = opts[opts["fiscal_year"] == year]
    kinds = sorted(o["doc_kind"].unique().tolist())
    with c2:
        kind = _select("类型", kinds, "cmp_kind", lambda k: label("doc_kinds", k),
                       kinds.index(sel.kind) if sel.kind in kinds else 0)
    o = o[o["doc_kind"] == kind]
    tnames = {r.table_id: f"{r.table_id} {r.table_name or ''}"
              for r in sorted(o.itertuples(), key=lambda r: data.table_order(r.table_id))}
    with c3:
        table_id = _select("表格", list(tnames), "cmp_table", lambda t: tnames[t])
    ms = o[o["table_id"] == table_id]["measure"].tolist()
    ms.sort(key=lambda m: (m != "total", m != "final", m != "budget", m))
    with c4:
        measure = _select("栏目", ms, "cmp_measure", measure_label)
    acc = data.compare_accounts(year, kind, table_id, measure, sel.region)
    if acc.empty:
        st.info("没有数据。")
        return
    acc_names = {r.item_key: f"{account_label(r)}（{r.n_departments} 个部门）" for r in acc.itertuples()}
    item = _select("科目", list(acc_names), "cmp_item", lambda k: acc_names[k])
    df = data.compare(year, kind, table_id, measure, item, sel.region)
    df = df[df["amount_wan"].notna()]
    if df.empty:
        st.info("没有部门列示该科目。")
        return
    names = [d + ("（单位）" if lvl == "unit" else "") for d, lvl in zip(df["department"], df["entity_level"])]
    mine = [i for i, k in enumerate(df["department_key"]) if k == sel.department_key]
    fig = charts.ranking_bars(names, df["amount_wan"].tolist(),
                              f"{year} 年 {label('doc_kinds', kind)} · {acc_names[item]} · {measure_label(measure)}",
                              highlight=mine[0] if mine else None)
    st.plotly_chart(fig, key="cmp_chart")
    out = pd.DataFrame({
        "排名": df["rank_desc"].astype(int), "部门": names, "地区": df["region"].fillna(""),
        "金额（万元）": [amount(v) for v in df["amount_wan"]],
        "占合计（%）": [amount(v) for v in df["share_pct"]],
        "原文": [source_link(r.document_id, r.page, r.x0, r.top, r.x1, r.bottom) for r in df.itertuples()],
    })
    st.dataframe(out, hide_index=True, column_config={"原文": link_column()}, key="cmp_df")
