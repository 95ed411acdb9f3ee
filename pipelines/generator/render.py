"""Render a pack spec as a disclosure PDF shaped like the published ones.

cover, 目录, 概况, one table per page run (title, 公开NN表 label, 部门名称/年度/单位 line, ruled
grid, notes), 情况说明, 名词解释, optional filler pages.  The renderer reports the page of every
figure it draws (``RenderResult.pages``), which expected.py turns into the expected facts.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import fonts
from .grid import GridPainter
from .layouts import Style, build_grid
from .mutations import apply_mutations
from .spec import PackSpec, Section, Table
from .writer import PageWriter

CN_NUM = "一二三四五六七八九十"


def cn_index(i: int) -> str:
    """1 -> 一, 11 -> 十一, 20 -> 二十."""
    if i <= 10:
        return CN_NUM[i - 1]
    tens, ones = divmod(i, 10)
    return ("" if tens == 1 else CN_NUM[tens - 1]) + "十" + (CN_NUM[ones - 1] if ones else "")


@dataclass
class RenderOptions:
    blank_template: bool = False  # XX placeholders instead of names and figures
    omit_unit_line: bool = False  # no 单位：万元 line above the tables
    extra_pages: int = 0  # filler pages (附件) to make big documents quickly
    extra_pages_at: str = "end"  # end | front (after the 目录)
    repeat_header: bool | None = None  # override the tables' repeat_header on continuation pages


@dataclass
class RenderResult:
    path: Path
    spec: PackSpec  # the spec as printed (after mutations / template blanking)
    pages: dict[tuple, int] = field(default_factory=dict)  # (table_id, row_key, measure) -> page
    page_count: int = 0
    table_pages: dict[str, list[int]] = field(default_factory=dict)


# ------------------------------------------------------------------ wording per pack kind

def _parts(spec: PackSpec) -> dict[str, str]:
    y, d = spec.fiscal_year, spec.department
    if spec.kind == "budget":
        return {"overview": "第一部分 部门概况", "tables": f"第二部分 {y}年部门预算表",
                "narrative": f"第三部分 {y}年部门预算情况说明", "glossary": "第四部分 名词解释"}
    if spec.layout == "shanghai":
        return {"overview": f"第一部分 {d}概况", "tables": f"第二部分 {d}{y}年度部门决算表",
                "narrative": f"第三部分 {d}{y}年度部门决算情况说明", "glossary": "第四部分 名词解释"}
    return {"overview": "第一部分 概况", "tables": f"第二部分 {y}年部门决算表",
            "narrative": "第三部分 情况说明", "glossary": "第四部分 名词解释"}


def _blank_name(name: str) -> str:
    m = re.match(r"^(.*?[省市区县])", name)
    return (m.group(1) if m else "") + "XX局"


_FIGURE = re.compile(r"\d[\d,]*(\.\d+)?")


def blank_template(spec: PackSpec) -> PackSpec:
    """Template copy: department name -> XX局, narrative figures -> XX (table figures blanked at draw)."""
    import copy
    out = copy.deepcopy(spec)
    old, new = spec.department, _blank_name(spec.department)
    out.department = new

    def fix(sections: list[Section], figures: bool) -> None:
        for s in sections:
            s.heading = s.heading.replace(old, new)
            s.paragraphs = [
                _FIGURE.sub("XX", p.replace(old, new)) if figures else p.replace(old, new)
                for p in s.paragraphs]
    fix(out.overview, False)
    fix(out.narrative, True)
    for t in out.tables:
        t.title = t.title.replace(old, new)
        t.notes = [n.replace(old, new) for n in t.notes]
        t.empty_note = t.empty_note.replace(old, new)
    return out


# ------------------------------------------------------------------ pages

def _cover(w: PageWriter, spec: PackSpec) -> None:
    w.y = w.size[1] * 0.62
    w.line(spec.department, size=26, align="center", gap=30)
    w.line(spec.title, size=26, align="center", gap=30)
    if spec.kind == "budget" and spec.layout == "shanghai":
        w.line(f"预算主管部门：{spec.department}", size=14, align="center")


def _toc_entries(spec: PackSpec, parts: dict[str, str]) -> list[tuple[str, str, int]]:
    """(mark, text, indent level) in reading order."""
    out = [("overview", parts["overview"], 0)]
    out += [(f"overview.{i}", s.heading, 1) for i, s in enumerate(spec.overview)]
    out.append(("tables", parts["tables"], 0))
    out += [(f"table.{t.table_id}", f"{cn_index(i + 1)}、{t.title}", 1)
            for i, t in enumerate(spec.tables)]
    out.append(("narrative", parts["narrative"], 0))
    out += [(f"narrative.{i}", s.heading, 1) for i, s in enumerate(spec.narrative)]
    if spec.glossary:
        out.append(("glossary", parts["glossary"], 0))
    return out


def _toc(w: PageWriter, spec: PackSpec, parts: dict[str, str], numbers: dict[str, int]) -> None:
    w.y -= 10
    w.line("目  录", size=18, align="center", gap=20)
    for mark, text, level in _toc_entries(spec, parts):
        size = 12 if level == 0 else 11
        page = numbers.get(mark)
        num = str(page) if page else ""
        x0 = w.left + 24 * level
        x1 = w.left + w.width
        w.line(text, size=size, x0=x0, gap=0)
        c = w.canvas
        tw = fonts.width(text, size)
        c.setFont(fonts.LATIN, size)
        c.drawRightString(x1, w.y, num)
        dots_from = x0 + tw + 4
        dots_to = x1 - fonts.width(num, size) - 4
        if dots_to > dots_from:
            n = int((dots_to - dots_from) / fonts.width(".", size))
            c.drawRightString(dots_to, w.y, "." * n)
        w.y -= 9


def _sections(w: PageWriter, sections: list[Section], prefix: str) -> None:
    for i, s in enumerate(sections):
        if w.y - 60 < w.bottom:
            w.new_page()
        w.mark(f"{prefix}.{i}")
        w.paragraph(s.heading, size=13, indent=False, space_after=6)
        for p in s.paragraphs:
            w.paragraph(p)


def _table_head(w: PageWriter, spec: PackSpec, t: Table, opts: RenderOptions) -> None:
    w.line(t.title, size=17, align="center", gap=8)
    if t.label:
        w.line(t.label, size=10, align="right", gap=4)
    unit = "" if opts.omit_unit_line else f"{t.unit_prefix}：{t.unit}"
    if spec.layout == "seed":
        w.spread(f"{t.org_label}：{spec.department}", f"{spec.fiscal_year}年度", unit)
    elif spec.kind == "budget":
        w.spread(f"编制部门：{spec.department}", "", unit)
    else:
        w.spread("", "", unit)
    w.y -= 2


def _table(w: PageWriter, spec: PackSpec, t: Table, style: Style, opts: RenderOptions,
           part_heading: str) -> list[int]:
    w.new_page(t.orientation)
    first = w.page
    if part_heading:
        w.mark("tables")
        w.line(part_heading, size=16, align="center", gap=24)
    w.mark(f"table.{t.table_id}")
    _table_head(w, spec, t, opts)
    grid = build_grid(t, style)
    if opts.repeat_header is not None:
        grid.repeat_header = opts.repeat_header
    GridPainter(w, grid, w.left, w.width).paint()
    w.y -= 4
    for note in t.notes + ([t.empty_note] if t.empty_note else []):
        w.paragraph(note, size=9, indent=False, leading=14, space_after=2, align=0)
    return list(range(first, w.page + 1))


def _filler(w: PageWriter, spec: PackSpec, n: int) -> None:
    for i in range(n):
        w.new_page("portrait")
        w.line(f"附件{i + 1}", size=12, gap=10)
        w.line(f"{spec.department}项目支出绩效自评表（附页{i + 1}）", size=14, align="center", gap=14)
        for k in range(6):
            w.line(f"（{cn_index(k + 1)}）项目绩效目标完成情况说明：按计划推进，详见项目档案。", size=10)


def _render(spec: PackSpec, target, opts: RenderOptions, numbers: dict[str, int]) -> PageWriter:
    parts = _parts(spec)
    style = Style(variant=spec.layout, thousands=spec.layout == "shanghai", kind=spec.kind,
                  blank=opts.blank_template)
    w = PageWriter(target, title=f"{spec.department}{spec.title}")
    _cover(w, spec)
    w.new_page()
    _toc(w, spec, parts, numbers)
    w.number_offset = w.page
    if opts.extra_pages and opts.extra_pages_at == "front":
        _filler(w, spec, opts.extra_pages)
    w.new_page("portrait")
    w.mark("overview")
    w.line(parts["overview"], size=16, align="center", gap=16)
    _sections(w, spec.overview, "overview")
    table_pages = {}
    for i, t in enumerate(spec.tables):
        table_pages[t.table_id] = _table(w, spec, t, style, opts, parts["tables"] if i == 0 else "")
    w.new_page("portrait")
    w.mark("narrative")
    w.line(parts["narrative"], size=16, align="center", gap=16)
    _sections(w, spec.narrative, "narrative")
    if spec.glossary:
        w.new_page("portrait")
        w.mark("glossary")
        w.line(parts["glossary"], size=16, align="center", gap=16)
        for s in spec.glossary:
            for p in s.paragraphs:
                w.paragraph(p)
    if opts.extra_pages and opts.extra_pages_at == "end":
        _filler(w, spec, opts.extra_pages)
    w.table_pages = table_pages
    return w


def render_pack(spec: PackSpec, out_path, mutations=(), options: RenderOptions | None = None
                ) -> RenderResult:
    """Render ``spec`` (with ``mutations`` applied) to ``out_path``; report figure pages."""
    opts = options or RenderOptions()
    eff = apply_mutations(spec, mutations)
    if opts.blank_template:
        eff = blank_template(eff)
    probe = _render(eff, io.BytesIO(), opts, {})
    probe.save()
    offset = probe.number_offset
    assert offset is not None  # _render numbers the pages from the end of the table of contents
    numbers = {k: v - offset for k, v in probe.marks.items()}
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    w = _render(eff, str(out_path), opts, numbers)
    count = w.save()
    return RenderResult(out_path, eff, dict(w.facts), count, w.table_pages)
