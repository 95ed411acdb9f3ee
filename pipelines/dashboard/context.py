"""The sidebar: region -> department -> year -> document kind, shared by every view."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..export_formats.labels import label
from . import data

ALL = "__all__"


@dataclass
class Selection:
    region: str | None
    department_key: int | None
    department: str | None
    year: int | None
    kind: str | None
    kinds: list[str]


def keep_valid(key: str, options: list) -> None:
    """Drop a remembered widget value that is no longer among the options (selection changed upstream)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def sidebar() -> Selection:
    sb = st.sidebar
    regions = [ALL] + data.regions()
    keep_valid("region", regions)
    chosen = sb.selectbox("地区", regions, key="region", format_func=lambda r: "全部地区" if r == ALL else r)
    region = None if chosen == ALL else chosen
    deps = data.departments(region)
    if deps.empty:
        sb.warning("该地区没有已入库的文件")
        return Selection(region, None, None, None, None, [])
    names = {int(r.department_key): (r.department or "（未识别名称）") + ("（单位）" if r.entity_level == "unit" else "")
             for r in deps.itertuples()}
    keys = list(names)
    keep_valid("department", keys)
    dkey = sb.selectbox("部门", keys, key="department", format_func=lambda k: names[k])
    years = data.years(dkey)
    if not years:
        return Selection(region, dkey, names[dkey], None, None, [])
    keep_valid("year", years)
    year = sb.selectbox("年度", years, key="year")
    kinds = data.kinds(dkey, year)
    kind = None
    if kinds:
        keep_valid("kind", kinds)
        kind = sb.radio("类型", kinds, key="kind", format_func=lambda k: label("doc_kinds", k), horizontal=True)
    return Selection(region, dkey, names[dkey], year, kind, kinds)
