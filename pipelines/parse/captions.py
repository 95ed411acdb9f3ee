"""Text around a table: its title (-> catalogue table), printed label, unit, entity line and notes.

A caption line may carry several of these at once (江苏 公开表 print
"公开03表支出预算总表部门：江苏省政协办公厅单位：万元" in one cell); `parse_caption` takes it apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import catalogue
from ..catalogue import TableSpec
from ..textutil.normalize import key
from . import meaning
from .meaning import Meaning

# 公开01表 / 公开 01 表： / 预算01表 / 预算表12 / 预算14表-1 / 部门公开表1 / 单位预算表10 / 表1 / 表一 / 公开表一 / 附表3
LABEL_RE = re.compile(
    r"((?:单位|部门)?(?:公开|预算|决算|附)?表?\d{1,2}表(?:[-—]\d{1,2})?"
    r"|(?:单位|部门)?(?:公开|预算|决算|附)?表\d{1,2}(?:[-—]\d{1,2})?(?:(?=(?:19|20)\d{2}年)|(?![\d.,%万元]))"
    r"|(?:公开|附)?表(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![、]))[:：]?")
UNIT_RE = re.compile(r"(?:金额|计量|货币)?单位\s*[:：]\s*(万元|千元|亿元|元)")
# "部门：X" / "编制单位：X" / "单位：X" (an entity, unless X is an amount unit) / "部门名称：X"
ENTITY_RE = re.compile(
    r"(预算主管部门|主管部门|部门名称|单位名称|编制单位|编制部门|预算单位|编报单位|部门|单位)\s*[:：]\s*"
    r"(?!(?:万元|千元|亿元|元)(?![\u4e00-\u9fff]))([^:：]{2,60}?)"
    r"(?=(?:金额|计量|货币)?单位\s*[:：]|\s|$|(?:19|20)\d{2}年)")
EMPTY_NOTE_RE = re.compile(
    r"(本表无数据|本表为空|此表为空|无数据|空表|没有[^。；;]{0,30}(?:收入|支出|预算|经费|数据)"
    r"|无[^。；;]{0,30}(?:收入|支出|预算|经费)[^。；;]{0,12}(?:故|因此|所以)?[^。；;]{0,6}(?:为空|无数据|空表|公开)"
    r"|无相关(?:内容|收支|数据)|不涉及|未安排|无此项)")
_FIELD_WORD = re.compile(r"(?:预算主管部门|主管部门|部门名称|单位名称|编制单位|编制部门|预算单位|编报单位|金额单位|部门|单位)[:：]")
_PROSE = re.compile(r"[《》，。；;!！?？]|详见|见附|如下|本表|反映|说明")


@dataclass
class TitleMatch:
    specs: list[TableSpec]  # catalogue tables the title can be, best first ([] for a table the catalogue does not know)
    title: str
    exact: bool  # the title fits a table's main meaning (not an alternative wording such as 支出表（按经济分类）)
    meaning: Meaning | None = None

    @property
    def unknown(self) -> bool:
        return not self.specs


@dataclass
class Caption:
    label: str = ""
    title_text: str = ""  # what is left once label, entity and unit are taken out
    entity: str = ""
    entity_field: str = ""  # the field word: 部门 / 单位 / 编制单位 …
    unit: str = ""


def parse_caption(text: str) -> Caption:
    k = key(text)
    cap = Caption()
    m = UNIT_RE.search(k)
    if m:
        cap.unit = m.group(1)
        k = k[:m.start()] + " " + k[m.end():]
    m = ENTITY_RE.search(k)
    if m:
        cap.entity_field, cap.entity = m.group(1), m.group(2).strip()
        k = k[:m.start()] + " " + k[m.end():]
    m = LABEL_RE.search(k)
    if m:
        cap.label = m.group(1)
        k = k[:m.start()] + " " + k[m.end():]
    k = _FIELD_WORD.sub(" ", k)  # an empty field (部门： with no name) is no title
    k = re.sub(r"[（(]\s*[)）]", " ", k)  # the bracket a label was printed in: 收支总表（预算表 1）
    cap.title_text = max(k.split(" "), key=len) if k.strip() else ""
    return cap


def match_title(text: str, kind: str | None = None) -> TitleMatch | None:
    """The catalogue tables a printed title can be, read by meaning (parse/meaning.py).

    None when the text is no table title: prose that names a table (《财政拨款支出预算表》, 详见…表),
    a heading (部门预算表, 第二部分 2019年度部门预算表) or a bare label (公开09表). A title whose meaning
    fits no catalogue table gives a match with no specs (the table is kept as BUD_X / FIN_X)."""
    if _PROSE.search(text):
        return None
    title = parse_caption(text).title_text
    if not meaning.is_title_text(title):
        return None
    m = meaning.read(title)
    want = m.kind or kind or meaning.read(text).kind  # the label may say it: 预算01表, 决算表3
    ranked: list[tuple[int, TableSpec]] = []
    for spec in catalogue.tables():
        if want in ("final", "budget") and spec.kind != want:
            continue
        fits = [i for i, pattern in enumerate(spec.meaning) if meaning.matches(m, pattern)]
        if fits:
            ranked.append((fits[0], spec))
    ranked.sort(key=lambda p: p[0])
    specs = [s for _, s in ranked]
    return TitleMatch(specs, text.strip(), bool(ranked) and ranked[0][0] == 0, m)


def find_label(text: str) -> str:
    return parse_caption(text).label


def find_unit(text: str) -> str:
    m = UNIT_RE.search(key(text))
    return m.group(1) if m else ""


def find_empty_note(text: str) -> str:
    k = key(text)
    m = EMPTY_NOTE_RE.search(k)
    if not m:
        return ""
    start = max(0, k.rfind("。", 0, m.start()) + 1, k.rfind("注", 0, m.start()) if "注" in k[:m.start()] else 0)
    end = k.find("。", m.end())
    return k[start: end + 1 if end >= 0 else len(k)][:200]
