"""Text around a table: its title (-> catalogue table), printed label, unit, entity line and notes.

A caption line may carry several of these at once (江苏 公开表 print
"公开03表支出预算总表部门：江苏省政协办公厅单位：万元" in one cell); `parse_caption` takes it apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import catalogue
from ..catalogue import TableSpec
from ..textutil.normalize import key, strip_ordinal

# 公开01表 / 公开 01 表： / 预算01表 / 预算表12 / 预算14表-1 / 部门公开表1 / 单位预算表10 / 表1 / 表一 / 公开表一 / 附表3
LABEL_RE = re.compile(
    r"((?:单位|部门)?(?:公开|预算|决算|附)?表?\d{1,2}表(?:[-—]\d{1,2})?"
    r"|(?:单位|部门)?(?:公开|预算|决算|附)?表\d{1,2}(?:[-—]\d{1,2})?(?![\d.,%万元])"
    r"|(?:公开|附)?表(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?![、]))[:：]?")
UNIT_WORDS = ("万元", "千元", "亿元", "元")
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
_YEAR_PREFIX = re.compile(r"^.*?(?:19|20)\d{2}\s*年\s*(?:度)?")
_TRAILER = re.compile(r"(?:[（(](?:续|续表|按[^）)]*|[^）)]*分类|[^）)]*科目|一般公共预算|单位[:：][^）)]*)[)）]|续表|续)$")
_PROSE = re.compile(r"[《》，。；;!！?？]|详见|见附|如下")
_DISQUALIFY = ("一般公共预算", "政府性基金", "国有资本", "财政拨款", "基本", "项目", "三公", "政府采购", "机关运行", "收入",
               "支出", "购买服务", "专户", "经济分类", "功能分类")


@dataclass
class TitleMatch:
    specs: list[TableSpec]
    title: str
    exact: bool


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
    cap.title_text = max(k.split(" "), key=len) if k.strip() else ""
    return cap


def _variants(text: str) -> list[str]:
    """Cleaned title keys: with its bracketed trailer first (（按经济分类） tells two tables apart), then without."""
    k = parse_caption(text).title_text
    k = strip_ordinal(k)
    if re.search(r"(?:19|20)\d{2}年", k):
        k = strip_ordinal(_YEAR_PREFIX.sub("", k))
    out = [k]
    bare = _TRAILER.sub("", k)
    while bare != out[-1]:
        out.append(bare)
        bare = _TRAILER.sub("", bare)
    return out


def clean_title(text: str) -> str:
    return _variants(text)[-1]


def _candidates(k: str, kind: str | None) -> list[tuple[int, TableSpec]]:
    best: list[tuple[int, TableSpec]] = []
    for spec in catalogue.tables():
        if kind in ("final", "budget") and spec.kind != kind:
            continue
        for a in spec.title_keys:
            if k == a:
                best.append((len(a) + 1000, spec))
            elif k.endswith(a):
                prefix = k[: -len(a)]
                if any(w in prefix for w in _DISQUALIFY):
                    continue
                best.append((len(a), spec))
    return best


def match_title(text: str, kind: str | None = None) -> TitleMatch | None:
    """Catalogue tables whose title the text is (exactly, or ends with after a benign prefix).

    Prose that names a table (《财政拨款支出预算表》, "详见…表") is not a title."""
    if _PROSE.search(text):
        return None
    variants = _variants(text)
    if len(variants[-1]) < 3 or not variants[-1].endswith(("表", "表格")):
        return None
    for k in variants:
        k = re.sub(r"表格$", "表", k)
        best = _candidates(k, kind)
        if not best:
            continue
        top = max(b[0] for b in best)
        specs: list[TableSpec] = []
        for score, spec in sorted(best, key=lambda b: -b[0]):
            if score == top and spec not in specs:
                specs.append(spec)
        return TitleMatch(specs, text.strip(), top >= 1000)
    return None


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
