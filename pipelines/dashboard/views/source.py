"""原文: a source PDF page rendered as an image with the cell outlined. Opened from any 原文 link
(?view=source&doc=<sha256>&page=<n>&box=x0,top,x1,bottom) or by choosing a document and page."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import data
from ..safe import md
from ..source import Box, SourceError, check_file, render_page

TITLE = "原文"


@st.cache_data(max_entries=64, show_spinner=False)
def _png(path: str, document_id: str, page: int, box_text: str | None) -> bytes:
    return render_page(check_file(path, document_id), page, Box.parse(box_text))


def show(document_id: str, page, box=None) -> None:
    """Render `page` of the document with `box` ((x0, top, x1, bottom) or None) outlined."""
    doc = data.document(document_id)
    if doc is None:
        st.error(f"文件 {md(document_id[:12])} 不在数据仓库中。")
        return
    if page is None or pd.isna(page):
        st.warning("该结果没有页码。")
        return
    b = Box.of(*box) if box is not None else None
    st.text(f"{doc['file_name']} · 第 {int(page)} 页" + (" · 红框为所指单元格" if b else ""))
    try:
        png = _png(doc["source_path"], document_id, int(page), b.text() if b else None)
    except SourceError as exc:
        st.error(f"无法显示原文：{md(exc)}")  # the path is user data: shown as text, never as markdown
        return
    st.image(png, width="stretch")


def render(sel) -> None:
    st.header(TITLE)
    qp = st.query_params
    doc_id = qp.get("doc")
    if doc_id:
        try:
            page = int(qp.get("page", "1"))
        except ValueError:
            page = 1
        box = Box.parse(qp.get("box"))
        show(doc_id, page, (box.x0, box.top, box.x1, box.bottom) if box else None)
        return
    docs = data.dq_documents(sel.region, sel.department_key)
    docs = docs[docs["status"] == "loaded"]
    if docs.empty:
        st.info("没有文件。")
        return
    names = {r.document_id: f"{r.file_name}（{r.department or ''} {r.fiscal_year or ''}）" for r in docs.itertuples()}
    doc_id = st.selectbox("文件", list(names), key="src_doc", format_func=lambda d: names[d])
    info = data.document(doc_id)
    if info is None:  # gone from a snapshot published since the list was read
        st.info("没有文件。")
        return
    n = int(info["n_pages"] or 1)
    page = st.number_input("页码", min_value=1, max_value=max(n, 1), value=1, step=1, key="src_page")
    show(doc_id, page)
