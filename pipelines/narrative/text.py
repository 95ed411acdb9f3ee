"""The narrative as one stream of paragraphs, from document_page.text (reading order).

Chinese text wraps anywhere, so lines are joined without spaces; a heading (一、 / （一） / 第X部分)
or a numbered item (1、 / 1.) starts a new paragraph. Page numbers and footers are dropped. Every
paragraph keeps the page of each of its characters, so a figure is traced to its page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..textutil.normalize import key
from .vocabulary import vocabulary

HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）)")
ITEM = re.compile(r"^[0-9]{1,2}[、.．](?![0-9])")
FOOTER = re.compile(r"^[-—–]*[0-9]{1,3}[-—–]*$|^第[0-9]+页|^[0-9]+/[0-9]+$")
TOC_LINE = re.compile(r"(?:\.{2,}|…+|[·]{2,}|[^0-9.%])[0-9]{1,3}$")


@dataclass
class Paragraph:
    kind: str  # heading | item | body
    head: str  # its first line
    text: str = ""  # normalised like textutil.normalize.key: NFKC, no whitespace or quotes, （） brackets
    pages: list[int] = field(default_factory=list)  # page of each character

    def page_at(self, i: int) -> int:
        return self.pages[min(max(i, 0), len(self.pages) - 1)] if self.pages else 0


def paragraphs(pages: list[tuple[int, str]]) -> list[Paragraph]:
    """The paragraphs of the narrative part: from the first heading naming it (not a 目录 entry)
    to the glossary / attachments."""
    voc = vocabulary()
    out: list[Paragraph] = []
    started = False
    for page_no, text in pages:
        for raw in (text or "").splitlines():
            line = key(raw)
            if not line or FOOTER.match(line):
                continue
            k = key(line)
            heading = bool(HEADING.match(line))
            if heading and started and any(e in k for e in voc.ends):
                if any("万元" in p.text for p in out):
                    return out
                started, out = False, []  # a 目录 run, not the narrative
            if not started:
                if any(s in k for s in voc.starts) and not TOC_LINE.search(line):
                    started = True
                else:
                    continue
            item = bool(ITEM.match(line))
            if heading or item or not out:
                out.append(Paragraph("heading" if heading else "item" if item else "body", line))
            p = out[-1]
            p.text += line
            p.pages += [page_no] * len(line)
    return out
