"""What a document is, read from its content (filenames are often wrong).

kind (final | budget | other), department (full printed name), entity level (department | unit),
region, fiscal year and the printed unit. Each value carries its evidence so a reviewer can see
why it was chosen.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import catalogue
from ..textutil.normalize import squash

_YEAR = r"((?:19|20)\d{2})"
_ORG = catalogue.organisations()  # organisations.yaml
_ORG_SUFFIX = _ORG["org_suffixes"]
# Labelled fields name the publishing body most reliably.
_FIELD = re.compile(
    r"(?:预算单位|预算主管部门|主管部门|部门名称|单位名称|编制单位|决算单位|决算部门|编报单位|部门|单位)\s*[:：]\s*"
    r"([\u4e00-\u9fff（）()·]{3,60}?)(?=\s|$|单位[:：]|金额单位|(?:19|20)\d{2}|年度|公开|江苏省财政厅)", re.M)
# "<dept><year>年(度)<level><kind>" and "<year>年(度)<dept><level><kind>"
_COVER_A = re.compile(r"([\u4e00-\u9fff（）()]{3,60}?)" + _YEAR + r"年?(?:度)?(?:区级|市级|省级)?(部门|单位)?(预算|决算)")
_COVER_B = re.compile(_YEAR + r"年(?:度)?([\u4e00-\u9fff（）()]{3,60}?)(部门|单位)?(预算|决算)")
# a narrative sentence opening with its subject: "江苏省政协办公厅 2019 年度收入、支出预算总计…"
_SUBJECT = re.compile(r"^([\u4e00-\u9fff（）()]{4,40}?)\s*(?:19|20)\d{2}\s*年", re.M)
# a file name as published: "附件2：北京市审计局2026年度部门预算报表.pdf", "2026年北京市公安局部门预算.pdf"
_FILE_A = re.compile(r"([\u4e00-\u9fff（）()]{3,60}?)" + _YEAR + r"年度?(?:部门|单位)?(?:预算|决算)")
_FILE_B = re.compile(_YEAR + r"年度?([\u4e00-\u9fff（）()]{3,60}?)(?:部门|单位)?(?:预算|决算)")
_COVER_C = re.compile(r"([\u4e00-\u9fff（）()]{3,60}?)(?:年度)?(部门|单位)(预算|决算)")
_QUALIFIER = r"[\u4e00-\u9fff]{0,2}?"  # 部门综合预算, 单位财务决算: a word may qualify the pack
_KIND_FINAL = re.compile(r"(部门|单位)" + _QUALIFIER + r"决算|决算公开|决算表|决算报表|年度决算")
_KIND_BUDGET = re.compile(r"(部门|单位)" + _QUALIFIER + r"预算(?!执行)|预算公开|(?<!一般公共)(?<!基金)预算报表|预算信息公开"
                          r"|预算(?:情况)?说明")
_PLACEHOLDER = re.compile(r"(?:XX|ＸＸ|××|xx|某某|\{单位\}|＊＊)")
_MUNICIPALITIES = _ORG["municipalities"]
_CENTRAL_PREFIX = _ORG["central_prefixes"]
_BAD_DISTRICT = _ORG["not_districts"]
_PROVINCES = _ORG["provinces"]
_REGION_TOKEN = re.compile(
    r"((?:北京|上海|天津|重庆)市(?:[\u4e00-\u9fff]{1,4}?区)?|[\u4e00-\u9fff]{2,7}?(?:省|自治区)|[\u4e00-\u9fff]{2,4}?市)")


@dataclass
class Identity:
    kind: str = "other"
    department: str = ""
    entity_level: str = ""
    region: str = ""
    fiscal_year: int | None = None
    evidence: dict = field(default_factory=dict)


def _clean_dept(name: str) -> str:
    name = name.strip("：:，,。 ")
    name = re.sub(r"^(?:\d+|[-—]+\s*\d+\s*[-—]+)", "", name)
    for junk in ("信息公开", "公开", "报表", "情况说明"):
        if name.endswith(junk):
            name = name[: -len(junk)]
    # "北京市信访办公室部门2026年度部门预算" -> drop the trailing generic word
    for tail in ("部门", "单位", "年度"):
        if name.endswith(tail) and len(name) > len(tail) + 3:
            name = name[: -len(tail)]
    name = name.replace("(", "（").replace(")", "）")
    return name


def _looks_like_org(name: str) -> bool:
    if len(name) < 3 or len(name) > 60:
        return False
    if any(w in name for w in ("目录", "说明", "部分", "情况", "预算表", "决算表", "第一", "公开表")):
        return False
    base = re.sub(r"（[^（）]*）$", "", name) if name.endswith("）") and not name.endswith("（本级）") else name
    return base.endswith(_ORG_SUFFIX) or bool(_PLACEHOLDER.search(name))


def _front_text(texts: list[str], n: int = 3) -> str:
    """Whitespace-free text of the first pages; pages end with a newline (a hard boundary)."""
    return "".join(squash(t) + "\n" for t in texts[:n])


_JUNK_PREFIX = re.compile(r"^.*(?:公开|年度|预算|决算|目录|说明|报表|名称|\d)")


def _trim_prefix(name: str) -> str:
    """Cover titles run on: '年度苏州市数据局部门预算公开苏州市数据局' -> '苏州市数据局'."""
    return _JUNK_PREFIX.sub("", name)


def cover_title(texts: list[str]):
    """The pack title on the first pages: (department, year, level word, kind word, evidence)."""
    front = _front_text(texts, 2).replace("\n", "|")
    joined = front.replace("|", "")
    for text in (front, joined):
        for rx, gd, gy in ((_COVER_B, 2, 1), (_COVER_A, 1, 2)):
            for m in rx.finditer(text):
                cand = _clean_dept(_trim_prefix(m.group(gd).split("|")[-1] if text is front else m.group(gd)))
                if _looks_like_org(cand):
                    return cand, int(m.group(gy)), m.group(3 if gd == 2 else 3), m.group(4), m.group(0)[:60]
    return None


def _signal_department(signals) -> tuple[str, str]:
    """The body named by the tables themselves: entity lines (部门：X) or labelled cells (部门名称 | X)."""
    if signals is None:
        return "", ""
    ranked_cells = sorted(signals.cells.items(), key=lambda kv: (signals.cell_rank.get(kv[0], 9), -kv[1]))
    for ranked, pages, what in ((signals.entities.most_common(), signals.entity_pages, "table caption"),
                                (ranked_cells, signals.cell_pages, "table cell")):
        for cand, n in ranked:
            name = _clean_dept(cand)
            if _looks_like_org(name):
                return name, f"{what}: {cand} (p{pages.get(cand)}, {n} table{'s' if n > 1 else ''})"
    return "", ""


def _subject_department(texts: list[str]) -> tuple[str, str]:
    """The body most narrative sentences open with ("江苏省政协办公厅 2019 年度收入预算合计…")."""
    counts: Counter = Counter()
    for t in texts:
        for m in _SUBJECT.finditer(t):
            cand = _clean_dept(squash(m.group(1)))
            if _looks_like_org(cand):
                counts[cand] += 1
    if counts:
        cand, n = counts.most_common(1)[0]
        if n >= 2:
            return cand, f"narrative subject: {cand} opens {n} sentences"
    return "", ""


def department_from_filename(file_name: str) -> tuple[str, int | None]:
    """(department, year) as the file name states them — a last resort, never preferred to content."""
    stem = re.sub(r"\.pdf$", "", squash(file_name), flags=re.I)
    stem = re.sub(r"^.*?(?:附件\d*[:：])", "", stem)
    for rx, gd, gy in ((_FILE_A, 1, 2), (_FILE_B, 2, 1)):
        for m in rx.finditer(stem):
            cand = _clean_dept(_trim_prefix(m.group(gd)))
            if _looks_like_org(cand):
                return cand, int(m.group(gy))
    return "", None


def find_department(texts: list[str], signals=None) -> tuple[str, str]:
    """(department, evidence). Labelled fields, then cover titles, then what the tables print, then body phrases."""
    front = _front_text(texts, 2)
    for m in _FIELD.finditer(front):
        cand = _clean_dept(m.group(1))
        if _looks_like_org(cand):
            return cand, f"field: {m.group(0)[:60]}"
    ct = cover_title(texts)
    if ct:
        return ct[0], f"cover: {ct[4]}"
    for m in _COVER_C.finditer(front):
        cand = _clean_dept(_trim_prefix(m.group(1)))
        if _looks_like_org(cand):
            return cand, f"cover: {m.group(0)[:60]}"
    cand, ev = _signal_department(signals)
    if cand:
        return cand, ev
    cand, ev = _subject_department(texts)
    if cand:
        return cand, ev
    # cover-less files: labelled fields anywhere, then "<org>部门预算/决算" phrases
    whole = _front_text(texts, 12)
    counts: Counter = Counter()
    for m in _FIELD.finditer(whole):
        cand = _clean_dept(m.group(1))
        if _looks_like_org(cand):
            counts[cand] += 3
    for rx, gi in ((_COVER_B, 2), (_COVER_A, 1), (_COVER_C, 1)):
        for m in rx.finditer(whole):
            cand = _clean_dept(_trim_prefix(m.group(gi)))
            if _looks_like_org(cand):
                counts[cand] += 1
    if counts:
        cand, _ = counts.most_common(1)[0]
        return cand, "body text"
    return "", "not found"


def find_year(texts: list[str], department: str, signals=None) -> tuple[int | None, str]:
    ct = cover_title(texts)
    if ct:
        return ct[1], f"cover: {ct[4]}"
    front = _front_text(texts, 2)
    pats = [
        _YEAR + r"年(?:度)?(?:区级|市级|省级)?(?:部门|单位)?(?:预算|决算)",
        r"(?:预算|决算)" + r"[\u4e00-\u9fff]{0,6}?" + _YEAR + r"年",
    ]
    for p in pats:
        m = re.search(p, front)
        if m:
            return int(m.group(1)), f"cover: {m.group(0)}"
    # the year printed on its own line near the title ("年度部门决算" + "2024")
    if re.search(r"年度(?:部门|单位)?(?:预算|决算)", front):
        years = re.findall(_YEAR, front)
        if years:
            return int(Counter(years).most_common(1)[0][0]), "cover: year printed apart from the title"
    if signals is not None and signals.years:
        year, n = signals.years.most_common(1)[0]
        return year, f"table caption: {year}年 (p{signals.year_pages.get(year)}, {n} caption{'s' if n > 1 else ''})"
    whole = _front_text(texts, 15)
    for p in pats:
        m = re.search(p, whole)
        if m:
            return int(m.group(1)), f"body: {m.group(0)}"
    m = re.search(_YEAR + r"年(?:度)?", whole)
    if m:
        counts = Counter(re.findall(_YEAR + r"年", whole))
        return int(counts.most_common(1)[0][0]), "most frequent year in text"
    return None, "not found"


def find_kind(texts: list[str], table_kinds: Counter) -> tuple[str, str]:
    front = _front_text(texts, 3)
    whole = _front_text(texts, len(texts))
    f_front, b_front = len(_KIND_FINAL.findall(front)), len(_KIND_BUDGET.findall(front))
    f_all, b_all = len(_KIND_FINAL.findall(whole)), len(_KIND_BUDGET.findall(whole))
    score_f = 5 * f_front + f_all + 3 * table_kinds.get("final", 0)
    score_b = 5 * b_front + b_all + 3 * table_kinds.get("budget", 0)
    if score_f == 0 and score_b == 0:
        return "other", "no 预算/决算 pack wording and no standard table"
    if sum(table_kinds.values()) == 0 and cover_title(texts) is None and not re.search(
            r"(?:部门|单位)" + _QUALIFIER + r"(?:预算|决算)(?:情况)?(?:说明|公开)"
            r"|(?:19|20)\d{2}年(?:度)?(?:区级|市级|省级)?(?:部门|单位)" + _QUALIFIER + r"(?:预算|决算)",
            front):
        return "other", "no standard table and no pack title"
    if score_f > score_b:
        return "final", f"决算 wording {f_all}, 决算 tables {table_kinds.get('final', 0)}"
    return "budget", f"预算 wording {b_all}, 预算 tables {table_kinds.get('budget', 0)}"


def find_level(texts: list[str]) -> tuple[str, str]:
    ct = cover_title(texts)
    if ct and ct[2]:
        return ("unit" if ct[2] == "单位" else "department"), f"cover: {ct[4]}"
    front = _front_text(texts, 2)
    m = re.search(r"(部门|单位)(预算|决算)", front)
    if m:
        return ("unit" if m.group(1) == "单位" else "department"), f"cover: {m.group(0)}"
    whole = _front_text(texts, 10)
    u = len(re.findall(r"单位(?:预算|决算)", whole))
    d = len(re.findall(r"部门(?:预算|决算)", whole))
    if u > d:
        return "unit", "单位预算/决算 wording"
    return "department", "部门预算/决算 wording" if d else "default"


def region_of(department: str, texts: list[str]) -> tuple[str, str]:
    name = re.sub(r"^(?:中共|中国共产党)", "", department)
    if department.startswith(_CENTRAL_PREFIX) or name.startswith(_CENTRAL_PREFIX):
        return "中央（国家机关）", "central body name"
    for mun in _MUNICIPALITIES:
        if name.startswith(mun):
            rest = name[len(mun):]
            m = re.match(r"([\u4e00-\u9fff]{1,4}?区)", rest)
            if m and m.group(1) not in _BAD_DISTRICT and not m.group(1).endswith(_BAD_DISTRICT):
                return mun + m.group(1), "department name"
            return mun, "department name"
    for prov in _PROVINCES:
        if name.startswith(prov):
            rest = name[len(prov):]
            m = re.match(r"([\u4e00-\u9fff]{2,4}?市)", rest)
            return (m.group(1) if m else prov), "department name"
    m = re.match(r"([\u4e00-\u9fff]{2,3}?省)", name)
    if m:
        return m.group(1), "department name"
    m = re.match(r"([\u4e00-\u9fff]{2,4}?市)", name)
    if m and len(m.group(1)) <= 4:
        return m.group(1), "department name"
    # e.g. 首都绿化委员会办公室, 上海交通职业技术学院: the place most named in the text
    front = _front_text(texts, 4)
    counts = Counter(t for t in _REGION_TOKEN.findall(front)
                     if t.startswith(_MUNICIPALITIES) or t in _PROVINCES)
    if "首都" in name or "首都" in front[:200]:
        counts["北京市"] += 2
    if counts:
        return counts.most_common(1)[0][0], "most named place in the text"
    return "", "not found"


def is_template(texts: list[str], department: str) -> bool:
    front = _front_text(texts, 2)
    return bool(_PLACEHOLDER.search(department)) or len(_PLACEHOLDER.findall(front)) >= 2


def identify(texts: list[str], table_kinds: Counter, signals=None, file_name: str = "") -> Identity:
    """Identity from content: page text first, then what the tables print (`signals`); the file name
    only when the content names no department or year (flagged `filename (last resort)`)."""
    ident = Identity()
    ident.department, ev_d = find_department(texts, signals)
    ident.fiscal_year, ev_y = find_year(texts, ident.department, signals)
    if file_name and (not ident.department or ident.fiscal_year is None):
        fdept, fyear = department_from_filename(file_name)
        if not ident.department and fdept:
            ident.department, ev_d = fdept, f"filename (last resort): {file_name}"
        if ident.fiscal_year is None and fyear:
            ident.fiscal_year, ev_y = fyear, f"filename (last resort): {file_name}"
    ident.kind, ev_k = find_kind(texts, table_kinds)
    ident.entity_level, ev_l = find_level(texts)
    ident.region, ev_r = region_of(ident.department, texts)
    if is_template(texts, ident.department):
        ident.kind, ev_k = "other", "blank template: placeholder names (XX/某某) instead of a real department"
    ident.evidence = {"department": ev_d, "fiscal_year": ev_y, "kind": ev_k, "entity_level": ev_l, "region": ev_r}
    return ident
