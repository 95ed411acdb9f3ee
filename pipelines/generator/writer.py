"""Page writer: an A4 reportlab canvas with a cursor, page orientation, footers, figure pages."""
from __future__ import annotations

from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from . import fonts

MARGIN_X = 48.0
MARGIN_TOP = 56.0
MARGIN_BOTTOM = 56.0


class PageWriter:
    def __init__(self, target, title: str = ""):
        fonts.register()
        self.canvas = Canvas(target, pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("")
        self.canvas.setCreator("fiscal-warehouse sample generator")
        self.canvas.setProducer("reportlab")
        self.page = 1
        self.orientation = "portrait"
        self.number_offset: int | None = None  # printed page number = page - offset
        self.facts: dict[tuple, int] = {}
        self.marks: dict[str, int] = {}
        self.table_pages: dict[str, list[int]] = {}  # table id -> pages it was drawn on (render._render)
        self._apply_size()

    # -- geometry
    @property
    def size(self):
        return landscape(A4) if self.orientation == "landscape" else A4

    @property
    def left(self) -> float:
        return MARGIN_X

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN_X

    @property
    def bottom(self) -> float:
        return MARGIN_BOTTOM

    def _apply_size(self) -> None:
        self.canvas.setPageSize(self.size)
        self.y = self.size[1] - MARGIN_TOP

    # -- pages
    def _footer(self) -> None:
        if self.number_offset is not None and self.page > self.number_offset:
            self.canvas.setFont(fonts.LATIN, 9)
            self.canvas.drawCentredString(self.size[0] / 2, 28, f"- {self.page - self.number_offset} -")

    def new_page(self, orientation: str | None = None) -> None:
        self._footer()
        self.canvas.showPage()
        self.page += 1
        if orientation:
            self.orientation = orientation
        self._apply_size()

    def record(self, fact: tuple) -> None:
        self.facts[fact] = self.page

    def mark(self, name: str) -> None:
        self.marks.setdefault(name, self.page)

    def save(self) -> int:
        self._footer()
        self.canvas.showPage()
        self.canvas.save()
        return self.page

    # -- text
    def line(self, text: str, size: float = 11, align: str = "left", gap: float = 6,
             x0: float | None = None, x1: float | None = None) -> None:
        """One line of text at the cursor (no wrapping)."""
        if self.y - size < self.bottom:
            self.new_page()
        c = self.canvas
        c.setFont(fonts.font_for(text), size)
        x0 = self.left if x0 is None else x0
        x1 = self.left + self.width if x1 is None else x1
        y = self.y - size
        if align == "center":
            c.drawCentredString((x0 + x1) / 2, y, text)
        elif align == "right":
            c.drawRightString(x1, y, text)
        else:
            c.drawString(x0, y, text)
        self.y = y - gap

    def spread(self, left: str, center: str, right: str, size: float = 10) -> None:
        """A line with left / centred / right-aligned parts (部门名称 … 年度 … 单位)."""
        c = self.canvas
        y = self.y - size
        for text, align in ((left, "left"), (center, "center"), (right, "right")):
            if not text:
                continue
            c.setFont(fonts.font_for(text), size)
            if align == "left":
                c.drawString(self.left, y, text)
            elif align == "center":
                c.drawCentredString(self.left + self.width / 2, y, text)
            else:
                c.drawRightString(self.left + self.width, y, text)
        self.y = y - 6

    def paragraph(self, text: str, size: float = 11, indent: bool = True, leading: float | None = None,
                  space_after: float = 4, align: Literal[0, 1, 2, 4] = 4) -> None:
        """A flowing paragraph, split over pages when needed."""
        style = ParagraphStyle(
            "p", fontName=fonts.CJK, fontSize=size, leading=leading or size * 1.8,
            firstLineIndent=2 * size if indent else 0, wordWrap="CJK", alignment=align)
        para: Flowable = Paragraph(escape(text), style)
        while para is not None:
            avail = self.y - self.bottom
            _, h = para.wrap(self.width, avail)
            if h <= avail:
                para.drawOn(self.canvas, self.left, self.y - h)
                self.y -= h + space_after
                return
            parts = para.split(self.width, avail)
            if len(parts) >= 2:
                _, h0 = parts[0].wrap(self.width, avail)
                parts[0].drawOn(self.canvas, self.left, self.y - h0)
                para = parts[1]
            self.new_page()
