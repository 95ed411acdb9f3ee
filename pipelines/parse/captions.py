"""Text around a table: its title (-> catalogue table), printed label, unit and notes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import catalogue
from ..catalogue import TableSpec
from ..textutil.normalize import key, strip_ordinal

LABEL_RE = re.compile(r"((?:公开|预算|决算|部门|附)?\s*(?:表\s*)?\d{1,2}\s*-?\s*\d{0,2}\s*表|(?:公开|附)?表\s*[一二三四五六七八九十]+(?![、]))")
UNIT_RE = re.compile(r"(?:金额|计量|货币)?单位\s*[:：]\s*(万元|千元|亿元|元)")
DEPT_LINE_RE = re.compile(
    r"(?:部门名称|单位名称|编制单位|预算单位|预算主管部门|主管部门|编报单位|部门|单位)\s*[:：]\s*([^\s:：]{2,60}?)"
    r"(?=\s|$|单位[:：]|金额单位|\d{4}年|年度)")
EMPTY_NOTE_RE = re.compile(
    r"(本表无数据|本表为空|无数据|空表|没有[^。；;]{0,30}(?:收入|支出|预算|经费|数据)|无[^。；;]{0,30}(?:收入|支出|预算|经费)[^。；;]{0,12}(?:故|因此|所以)?[^。；;]{0,6}(?:为空|无数据|空表|公开)"
    r"|不涉及|未安排|无此项)")
_YEAR_PREFIX = re.compile(r"^.*?(?:19|20)\d{2}\s*年\s*(?:度)?")
_TRAILER = re.compile(r"(?:[（(](?:续|续表|按[^）)]*|[^）)]*分类|单位[:：][^）)]*)[)）]|续表|续)$")
_DISQUALIFY = ("一般公共预算", "政府性基金", "国有资本", "财政拨款", "基本", "项目", "三公", "政府采购", "机关运行", "收入",
               "支出", "绩效", "购买服务", "专户", "经济分类", "功能分类")


@dataclass
class TitleMatch:
    specs: list[TableSpec]
    title: str
    exact: bool


def clean_title(text: str) -> str:
    k = key(text)
    k = LABEL_RE.sub("", k)
    k = _TRAILER.sub("", k)
    k = strip_ordinal(k)
    if re.search(r"(?:19|20)\d{2}年", k):
        k = _YEAR_PREFIX.sub("", k)
    return strip_ordinal(k)


def match_title(text: str, kind: str | None = None) -> TitleMatch | None:
    """Catalogue tables whose title the text is (exactly, or ends with after a benign prefix)."""
    k = clean_title(text)
    if len(k) < 3 or not k.endswith(("表", "表格")):
        return None
    best: list[tuple[int, bool, TableSpec]] = []
    for spec in catalogue.tables():
        if kind in ("final", "budget") and spec.kind != kind:
            continue
        for a in spec.title_keys:
            if k == a:
                best.append((len(a) + 1000, True, spec))
            elif k.endswith(a):
                prefix = k[: -len(a)]
                if any(w in prefix for w in _DISQUALIFY):
                    continue
                best.append((len(a), False, spec))
    if not best:
        return None
    top = max(b[0] for b in best)
    specs = []
    for score, _exact, spec in sorted(best, key=lambda b: -b[0]):
        if score == top and spec not in specs:
            specs.append(spec)
    return TitleMatch(specs, text.strip(), top >= 1000)


def find_label(text: str) -> str:
    m = LABEL_RE.search(key(text))
    return m.group(1) if m else ""


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
