"""Plotly figures. Labels are escaped (safe.plot): plotly interprets a subset of HTML in text."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .safe import plot

# The browser picks the first installed font: Debian's fonts-wqy-zenhei / Noto CJK, macOS, Windows.
CJK_FONTS = "Noto Sans CJK SC, WenQuanYi Zen Hei, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif"
LABEL_MAX = 28  # characters of an axis label; the full text is in the hover
UP, DOWN, NEUTRAL = "#c0392b", "#27ae60", "#7f8c8d"  # red = increase, green = decrease (as read here)


def axis_labels(labels: list[str]) -> list[str]:
    """Escaped, shortened axis labels, kept distinct (equal categories would merge their bars)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for s in labels:
        short = plot(s, LABEL_MAX)
        seen[short] = seen.get(short, 0) + 1
        out.append(short if seen[short] == 1 else f"{short} ({seen[short]})")
    return out


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title=dict(text=plot(title)), height=height, font=dict(family=CJK_FONTS, size=13),
                      margin=dict(l=10, r=10, t=50, b=10), hoverlabel=dict(font_family=CJK_FONTS))
    return fig


def _hbars(labels: list[str], vals: list[float], colors: list[str], text: list[str], hover: str, xtitle: str,
           title: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=vals, y=axis_labels(labels), orientation="h", marker_color=colors,
                           text=text, textposition="auto", customdata=[plot(s) for s in labels],
                           hovertemplate="%{customdata}<br>" + hover + "<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text=xtitle)
    return _layout(fig, title, max(260, 60 + 28 * len(vals)))


def change_bars(labels: list[str], changes: list, title: str) -> go.Figure:
    """Horizontal bars of change (万元), in the order given (largest absolute change first)."""
    vals = [float(v) for v in changes]
    colors = [UP if v > 0 else DOWN if v < 0 else NEUTRAL for v in vals]
    return _hbars(labels, vals, colors, [f"{v:+,.2f}" for v in vals], "增减 %{x:,.2f} 万元", "增减额（万元）", title)


def grouped_bars(labels: list[str], series: dict[str, list], title: str, axis: str = "万元") -> go.Figure:
    """Vertical grouped bars: one group per label, one bar per series (e.g. 预算数 / 决算数)."""
    fig = go.Figure()
    for name, vals in series.items():
        fig.add_bar(name=plot(name), x=axis_labels(labels), customdata=[plot(s) for s in labels],
                    y=[None if v is None or pd.isna(v) else float(v) for v in vals],
                    hovertemplate="%{customdata}<br>" + plot(name) + " %{y:,.2f} " + axis + "<extra></extra>")
    fig.update_layout(barmode="group", legend=dict(orientation="h", y=1.02, yanchor="bottom", x=1, xanchor="right"))
    fig.update_xaxes(type="category", tickangle=-30)
    fig.update_yaxes(title_text=axis)
    return _layout(fig, title, 460)


def ranking_bars(labels: list[str], values: list, title: str, highlight: int | None = None) -> go.Figure:
    """Horizontal bars of amounts, one per department; `highlight` marks the selected one."""
    vals = [float(v) for v in values]
    colors = ["#2c7fb8" if i != highlight else "#e67e22" for i in range(len(vals))]
    return _hbars(labels, vals, colors, [f"{v:,.2f}" for v in vals], "%{x:,.2f} 万元", "金额（万元）", title)


def outcome_trend(df: pd.DataFrame, title: str) -> go.Figure:
    """Stacked bars of rule outcomes per check run."""
    from ..export_formats.labels import label
    fig = go.Figure()
    colors = {"fail": "#c0392b", "error": "#8e44ad", "insufficient_data": "#f39c12", "rounding": "#f1c40f",
              "pass": "#27ae60"}
    x = [str(v)[:19] for v in df["run_at"]]
    for outcome, col in (("pass", "n_pass"), ("rounding", "n_rounding"), ("insufficient_data", "n_insufficient"),
                         ("error", "n_error"), ("fail", "n_fail")):
        fig.add_bar(name=label("outcomes", outcome), x=x, y=df[col].tolist(), marker_color=colors[outcome])
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text="检查时间", type="category")
    fig.update_yaxes(title_text="结果数")
    return _layout(fig, title, 380)
