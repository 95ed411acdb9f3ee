"""数据质量: rule outcomes per document, worst documents, failing rules, trend across runs, and every
finding linked to its source page with the cell outlined (mart_dq_*)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ...export_formats.labels import label
from .. import charts, data
from ..safe import md
from . import source as source_view
from .common import amount, link_column, source_link

TITLE = "数据质量"
FINDING_OUTCOMES = ["fail", "error", "insufficient_data", "rounding"]


def render(sel) -> None:
    st.header(TITLE)
    for level, text in data.dq_alerts():  # rules that did not run or erred, a held-back snapshot
        (st.warning if level == "warning" else st.info)(md(text))
    only_dept = st.toggle("仅看左侧所选部门", key="dq_only_dept", value=False)
    dkey = sel.department_key if only_dept else None
    docs = data.dq_documents(sel.region, dkey)
    current = docs[docs["is_current"].fillna(False) | (docs["status"] != "loaded")]
    checked = current[current["n_results"] > 0]
    c = st.columns(4)
    c[0].metric("已检查文件", f"{len(checked)} / {len(current)}")
    c[1].metric("有不符的文件", int((checked["n_fail"] > 0).sum()))
    c[2].metric("不符", int(checked["n_fail"].sum()))
    c[3].metric("尾数误差", int(checked["n_rounding"].sum()))
    if checked.empty:
        st.info("尚无规则检查结果（运行 `fiscal check` 后在此显示）。")

    _coverage(sel.region, dkey)

    st.subheader("问题最多的文件")
    worst = current.head(20)
    st.dataframe(pd.DataFrame({
        "文件": worst["file_name"], "部门": worst["department"].fillna(""), "年度": worst["fiscal_year"],
        "类型": [label("doc_kinds", k) for k in worst["doc_kind"]],
        "状态": [label("statuses", s) if s != "loaded" else label("dq_statuses", d)
               for s, d in zip(worst["status"], worst["dq_status"])],
        "不符": worst["n_fail"], "尾数误差": worst["n_rounding"], "通过": worst["n_pass"],
        "错误": worst["n_error"], "数据不足": worst["n_insufficient"],
        "不符率（%）": [amount(v) for v in worst["fail_pct"]], "原因": worst["reason"].fillna(""),
    }), hide_index=True, key="dq_docs_df")

    rules = data.dq_rules()
    failing = rules[rules["n_fail"] > 0]
    st.subheader("不符的规则")
    if failing.empty:
        st.caption("没有不符的规则。")
    else:
        st.dataframe(pd.DataFrame({
            "规则": failing["rule_id"], "分组": failing["rule_group"].fillna(""),
            "严重性": failing["severity"].fillna(""), "说明": failing["description"].fillna(""),
            "不符文件数": failing["n_documents_failing"], "不符次数": failing["n_fail"],
            "检查文件数": failing["n_documents"], "最大差额（万元）": [amount(v) for v in failing["max_abs_diff"]],
        }), hide_index=True, key="dq_rules_df")

    trend = data.dq_trend()
    st.subheader("历次检查趋势")
    if trend.empty:
        st.caption("没有检查记录。")
    else:
        st.plotly_chart(charts.outcome_trend(trend, "各次检查的结果"), key="dq_trend_chart")

    st.subheader("发现与原文")
    outcomes = st.multiselect("结果", FINDING_OUTCOMES, default=["fail", "error"], key="dq_outcomes",
                              format_func=lambda o: label("outcomes", o))
    findings = data.dq_findings(sel.region, dkey, outcomes) if outcomes else pd.DataFrame()
    if findings.empty:
        st.caption("没有符合条件的发现。")
        return
    findings = findings.reset_index(drop=True)
    st.dataframe(pd.DataFrame({
        "结果": [label("outcomes", o) for o in findings["outcome"]], "规则": findings["rule_id"],
        "文件": findings["file_name"], "位置": findings["location"].fillna(""),
        "应为": [amount(v) for v in findings["expected"]], "实为": [amount(v) for v in findings["actual"]],
        "差额": [amount(v) for v in findings["diff"]], "容差": [amount(v) for v in findings["envelope"]],
        "页码": [None if pd.isna(v) else int(v) for v in findings["page"]],
        "原文": [source_link(r.document_id, r.page, r.x0, r.top, r.x1, r.bottom) for r in findings.itertuples()],
    }), hide_index=True, column_config={"原文": link_column()}, key="dq_findings_df")
    options = list(range(len(findings)))
    if st.session_state.get("dq_finding") not in options:
        st.session_state.pop("dq_finding", None)
    i = st.selectbox("查看原文", options, key="dq_finding", index=None, placeholder="选择一条发现",
                     format_func=lambda i: _finding_label(findings.iloc[i]))
    if i is not None:
        f = findings.iloc[i]
        st.markdown(f"**{md(f['rule_id'])}** {md(f['description'] or '')}  \n"
                    f"{md(f['location'] or '')} · 应为 {amount(f['expected'])} · 实为 {amount(f['actual'])}"
                    f" · 差额 {amount(f['diff'])}")
        source_view.show(f["document_id"], f["page"], (f["x0"], f["top"], f["x1"], f["bottom"]))


def _finding_label(f) -> str:
    page = "" if pd.isna(f["page"]) else f" 第{int(f['page'])}页"
    return f"{label('outcomes', f['outcome'])} {f['rule_id']} · {f['file_name']}{page} · {f['location'] or ''}"


def _coverage(region, dkey) -> None:
    """How much of what the packs print became facts; documents needing attention; unrecognised tables."""
    cov = data.coverage_documents(region, dkey)
    st.subheader("提取覆盖率")
    if cov.empty:
        st.caption("尚无预算或决算文件。")
        return
    figures, covered = int(cov["n_figures"].sum()), int(cov["n_covered"].sum())
    c = st.columns(4)
    c[0].metric("表内数字", f"{figures:,}")
    c[1].metric("已入库", f"{covered:,}")
    c[2].metric("覆盖率", f"{100 * covered / figures:.2f}%" if figures else "—")
    c[3].metric("需要关注的文件", int((cov["attention"] != "").sum()))
    attention = cov[cov["attention"] != ""]
    if not attention.empty:
        st.dataframe(pd.DataFrame({
            "文件": attention["file_name"], "部门": attention["department"].fillna(""),
            "年度": attention["fiscal_year"], "类型": [label("doc_kinds", k) for k in attention["doc_kind"]],
            "覆盖率（%）": [None if pd.isna(v) else round(100 * v, 1) for v in attention["coverage"]],
            "原因": attention["attention"],
        }), hide_index=True, key="dq_attention_df")
    unknown = data.unrecognised_tables(region, dkey)
    if not unknown.empty:
        st.caption(f"目录外的表（{len(unknown)} 张）：保留其数字，不参与规则检查。")
        st.dataframe(pd.DataFrame({
            "文件": unknown["file_name"], "表": unknown["table_id"], "标题": unknown["title"].fillna(""),
            "页码": [f"{a}–{b}" if a != b else str(a) for a, b in zip(unknown["page_start"], unknown["page_end"])],
            "数字": unknown["n_facts"],
            "原文": [source_link(r.document_id, r.page_start) for r in unknown.itertuples()],
        }), hide_index=True, column_config={"原文": link_column()}, key="dq_unknown_df")
