"""Stated figures of the 情况说明: each number with its unit, what it is (amount, share, change,
年初预算, 决算, 完成率, count), whose it is (the subject before it, else the subject in force) and
what a share is a share of. Wording of 决算数 against 预算数 (大于/小于/持平) is kept too.

The words deciding all this are data (vocabulary.yaml); this module only walks the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .. import catalogue
from ..textutil.normalize import key
from ..textutil.numbers import UNIT_EXPONENT, unit_factor
from .text import Paragraph, paragraphs
from .vocabulary import Vocabulary, vocabulary

FIGURE = re.compile(r"(?<![0-9.,])(-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(万元|亿元|千元|元|%|个百分点|辆)")
DELIMS = ",;:。，；：!?"
FUNCTION_PATH = re.compile(r"(.+?)（(类|款|项)）")
NOTE = re.compile(r"（(?!类）|款）|项）|境）)[^（）]{2,}）")
SHARE = re.compile(r"占(?:比)?(?P<base>[^占]*?)(?:的比重|的比例|的)?(?:为)?$")
UNITS = UNIT_EXPONENT  # the money units (textutil/numbers.py)
TOP_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．])")


@dataclass
class Statement:
    stmt_seq: int
    clause_id: int
    page: int
    section: str
    heading: str
    topic: str
    subject: str
    measure: str
    value: Decimal | None
    value_text: str
    unit: str
    scale: int | None
    direction: str | None = None
    base_topic: str | None = None
    base_value: Decimal | None = None
    base_scale: int | None = None
    sentence: str = ""
    account_code: str | None = None
    note: str = ""  # why a figure is not used (measure `implausible`)


@dataclass
class Subject:
    clause_id: int
    topic: str
    text: str  # as printed (a function subject: 类/款/项 names joined with '/')


def _function_subject(text: str) -> str | None:
    parts = FUNCTION_PATH.findall(text)
    if not parts:
        return None
    names = {level: re.sub(r"^(其中|主要用于以下方面|以下方面|主要用于)[:：]?|^[0-9]+[、.．](?![0-9])", "", name)
             for name, level in parts}
    return "/".join(names.get(level, "") for level in ("类", "款", "项")).rstrip("/")


def _strip(voc: Vocabulary, s: str, department: str) -> str:
    s = key(s)
    if department:
        s = s.replace(key(department), "")
    s = NOTE.sub("", s)
    for _ in range(4):
        before = s
        for rx in voc.strip_prefixes:
            s = rx.sub("", s, count=1)
        s = s.lstrip("、" + DELIMS)
        if s == before:
            break
    return re.sub(r"(为|是|达|约|各|均|分别)$", "", s)


def topic_of(voc: Vocabulary, subject: str) -> tuple[str, str] | None:
    """(topic, printed subject) of a cleaned subject; None when it names no subject."""
    if not subject or subject in voc.empty_subjects:
        return None
    path = _function_subject(subject)
    if path:
        return "function", path
    for cand in (subject, re.sub(r"(支出决算|决算数|决算|支出|费用|金额|资金)$", "", subject)):
        topic = voc.topic_of(cand)
        if topic:
            return topic, subject
        if cand in catalogue.function_classes() or cand + "支出" in catalogue.function_classes():
            return "function", cand
    return "other", subject


FLOWS = {"收入": "支出", "支出": "收入"}


def _sibling_flow(voc: Vocabulary, current, lead: str) -> tuple[str, str] | None:
    """A bare 支出/收入 after a subject of the other flow names its sibling: in
    政府性基金预算财政拨款收入5,248.31万元，支出4,642.06万元 the second figure is the 支出."""
    lead = re.sub(r"^(其中|全年|本年|共|合计)|(决算数?|总计|合计|为|是|达|共)+$", "", lead)
    if lead not in FLOWS or FLOWS[lead] not in current.text:
        return None
    head, _, tail = current.text.rpartition(FLOWS[lead])
    found = topic_of(voc, head + lead + tail)
    return found if found and found[0] != "other" else None


def _role(voc: Vocabulary, tail: str) -> tuple[str, str, str | None]:
    """(measure, subject text, explicit share base) from the lead of a figure."""
    if "占" in tail:
        m = SHARE.search(tail)
        if m:
            return "share_pct", tail[: tail.rfind("占")], m.group("base") or None
    t = tail
    for _ in range(3):
        for measure, ends in voc.roles:
            for e in ends:
                if t.endswith(e):
                    return measure, t[: -len(e)], None
        t2 = re.sub(r"(为|了|是|达|约|共|计)$", "", t)
        if t2 == t:
            break
        t = t2
    return "amount", tail, None


def _direction(voc: Vocabulary, tail: str) -> str | None:
    for w in sorted(voc.increase + voc.decrease, key=len, reverse=True):
        if w in tail[-6:]:
            return "increase" if w in voc.increase else "decrease"
    return None


def _versus(gap: str) -> str | None:
    """What a change is measured against: last year's figure or the budget."""
    if re.search(r"年初预算|预算数|全年预算|调整预算", gap):
        return "budget"
    if re.search(r"上年|上一年|去年|同期|[0-9]{4}年", gap):
        return "prior_year"
    return None


def _value(number: str, unit: str) -> tuple[Decimal, int]:
    d = Decimal(number.replace(",", ""))
    exponent = d.as_tuple().exponent  # an int for a finite number (FIGURE matches digits only)
    scale = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return (d * unit_factor(unit) if unit in UNITS else d), scale


def implausible(voc: Vocabulary, number: str, value: Decimal, unit: str) -> str:
    """Why a figure cannot be one a narrative states ('' when it can): beyond the bounds of
    vocabulary.yaml `plausible` (money in 万元, rates in percent points, counts)."""
    if unit in UNITS:
        bound, what = voc.plausible["money_wan"], "万元"
    elif unit == "%":
        bound, what = voc.plausible["percent"], "%"
    else:
        bound, what = voc.plausible["count"], unit
    if abs(value) <= bound:
        return ""
    digits = sum(c.isdigit() for c in number.split(".")[0])
    return (f"implausible figure {number[:24]}{'…' if len(number) > 24 else ''}{unit}: {digits} digits, beyond "
            f"{bound:,} {what} (figures of a table run together in the text layer); not compared")


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in "。;；") + 1
    b = min([i for i in (text.find(c, end) for c in "。;；") if i >= 0] or [len(text)])
    return text[a:b + 1][:200]


class _Walker:
    def __init__(self, department: str):
        self.voc = vocabulary()
        self.department = department
        self.out: list[Statement] = []
        self.section, self.heading = "other", ""
        self.next_clause = 0

    def clause(self, clauses: dict, topic: str, text: str) -> Subject:
        k = (topic, text if topic in ("function", "other") else "")
        if k not in clauses:
            self.next_clause += 1
            clauses[k] = Subject(self.next_clause, topic, text)
        return clauses[k]

    def heading_of(self, p: Paragraph) -> None:
        section = self.voc.section_of(p.head)
        if section:
            self.section = section
        elif TOP_HEADING.match(p.head):
            self.section = "other"
        self.heading = p.head[:80]

    def emit(self, p: Paragraph, pos: int, end: int, subject: Subject | None, measure: str, value, text: str,
             unit: str, scale, named: str | None = None, **kw) -> Statement:
        """One statement; `named` is the subject as printed before this figure (else the clause's)."""
        st = Statement(len(self.out) + 1, subject.clause_id if subject else 0, p.page_at(pos), self.section,
                       self.heading, subject.topic if subject else "other",
                       named or (subject.text if subject else ""),
                       measure, value, text, unit, scale, sentence=_sentence(p.text, pos, end), **kw)
        self.out.append(st)
        return st

    def base(self, base_text: str | None, parent: Subject | None, own: Subject | None):
        """(topic, stated value, scale) of what a share is a share of: the base it names, else the
        whole its paragraph broke down (其中 …), else the section's usual whole."""
        topic = None
        if base_text:
            t = topic_of(self.voc, _strip(self.voc, base_text, self.department))
            if not t or t[0] == "other":
                return None, None, None
            topic, subject = t
        elif parent is not None and (own is None or parent.clause_id != own.clause_id):
            for st in reversed(self.out):
                if st.clause_id == parent.clause_id and st.measure in ("amount", "final"):
                    return parent.topic, st.value, st.scale
        else:
            topic, subject = self.voc.share_base.get(self.section), None
        if topic is None or (own is not None and own.topic == topic):
            return None, None, None
        for same_section in (True, False):
            for st in reversed(self.out):
                if st.topic == topic and st.measure in ("amount", "final") and st.unit in UNITS \
                        and (not same_section or st.section == self.section) \
                        and (topic != "function" or st.subject == subject):
                    return topic, st.value, st.scale
        return topic, None, None

    def paragraph(self, p: Paragraph) -> None:
        if p.kind == "heading":
            self.heading_of(p)
        if self.section == "glossary":
            return
        voc, text = self.voc, p.text
        clauses: dict = {}
        current: Subject | None = None
        parent: Subject | None = None
        path = _function_subject(text[: min([i for i in (text.find("。"), len(text)) if i >= 0])])
        if path and p.kind in ("item", "heading") and (m0 := FIGURE.search(text)) and text.find("（") < m0.start():
            current = self.clause(clauses, "function", path)
        # (position, "figure", the figure's match) and (position, "wording", (phrase, wording))
        events: list[tuple[int, str, Any]] = [(m.start(), "figure", m) for m in FIGURE.finditer(text)]
        events += [(i, "wording", (phrase, w)) for phrase, w in voc.wording for i in _find_all(text, phrase)]
        events.sort(key=lambda e: e[0])
        prev_end = len(p.head) if p.kind == "heading" and not FIGURE.search(p.head) else 0
        last_amount: Subject | None = None
        seen_wording: set[tuple[int, int]] = set()
        for pos, kind, item in events:
            if kind == "wording":
                if any(a <= pos < b for a, b in seen_wording):
                    continue
                phrase, w = item
                seen_wording.add((pos, pos + len(phrase)))
                lead = text[max(text.rfind(c, 0, pos) for c in DELIMS) + 1:pos]
                named = topic_of(voc, _strip(voc, lead, self.department)) if lead else None
                if named and named[0] != "other":
                    current = self.clause(clauses, *named)
                self.emit(p, pos, pos + len(phrase), current, "wording", None, phrase, "", None, direction=w)
                continue
            m = item
            number, unit = m.group(1), m.group(2)
            gap = text[prev_end:m.start()]
            prev_end = m.end()
            if unit == "个百分点":
                continue
            cues = [c for c in voc.parent_cues if c in key(gap)]
            if last_amount is not None and cues and (parent is None or "其中" in cues):
                parent = last_amount
            cut = max(gap.rfind(c) for c in DELIMS)
            tail = gap[cut + 1:].lstrip("、")
            # a 类/款/项 named since the last figure, ahead of this figure's own clause
            # (…。其中：XX（类）YY（款）ZZ（项）：年初预算为48.46万元) becomes the subject
            lead_path = _function_subject(gap[max(gap.rfind("。"), gap.rfind("；"), gap.rfind(";")) + 1:cut + 1]) \
                if cut >= 0 else None
            if lead_path:
                current = self.clause(clauses, "function", lead_path)
            whole = voc.topic_of(_strip(voc, tail, self.department)) if unit in UNITS else None
            if whole and not any(c in tail for c in "占完"):
                measure, subj_text, base_text = "amount", tail, None  # the subject's own name ends in a cue word
            else:
                measure, subj_text, base_text = _role(voc, key(NOTE.sub("", tail)))
            if measure == "skip" or re.match(r"^（含）|^以上", text[m.end():m.end() + 4]):
                continue
            if tail == "的" and unit == "%" and self.out and self.out[-1].measure in ("budget", "budget_full") \
                    and self.out[-1].clause_id == (current.clause_id if current else 0):
                measure = "completion_pct"  # 完成预算X万元的Y%
            found = topic_of(voc, _strip(voc, subj_text, self.department))
            if not found and current is not None:
                found = _sibling_flow(voc, current, key(subj_text))
            if found:
                current = self.clause(clauses, *found)
            value, scale = _value(number, unit)
            why = implausible(voc, number, value, unit)
            if why:  # digits of several cells run together: recorded, never compared
                self.emit(p, m.start(), m.end(), current, "implausible", None, number + unit, unit, scale,
                          named=found[1] if found else None, note=why)
                continue
            if unit == "%":
                measure = {"change": "change_pct", "amount": "pct"}.get(measure, measure)
                if measure not in ("share_pct", "change_pct", "completion_pct"):
                    measure = "pct"
            elif unit == "辆":
                measure = "count"
            elif measure == "change":
                measure = "change_amount"
            elif measure == "share_pct" or measure == "completion_pct":
                continue  # a money figure after 占/完成 is not a share
            kw = {}
            if measure in ("change_amount", "change_pct"):
                kw["direction"] = _direction(voc, key(tail))
                kw["base_topic"] = _versus(gap) or self._last_versus(current)
            if measure == "share_pct":
                kw["base_topic"], kw["base_value"], kw["base_scale"] = self.base(base_text, parent, current)
            self.emit(p, m.start(), m.end(), current, measure, value, number + unit, unit, scale,
                      named=found[1] if found else None, **kw)
            if measure in ("amount", "final") and unit in UNITS:
                last_amount = current

    def _last_versus(self, current: Subject | None) -> str | None:
        for st in reversed(self.out):
            if st.clause_id == (current.clause_id if current else 0) and st.measure in ("change_amount", "change_pct"):
                return st.base_topic
            if st.clause_id != (current.clause_id if current else 0):
                break
        return None

    def run(self, paras: list[Paragraph]) -> list[Statement]:
        for p in paras:
            self.paragraph(p)
        return self.out


def _find_all(text: str, phrase: str):
    i = text.find(phrase)
    while i >= 0:
        yield i
        i = text.find(phrase, i + 1)


def extract(pages: list[tuple[int, str]], department: str = "") -> list[Statement]:
    """Stated figures of a document's narrative, from its (page number, page text) pairs."""
    return _Walker(department).run(paragraphs(pages))
