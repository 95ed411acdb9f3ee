"""HTML pages: title, published date and links (beautifulsoup4), and the rules that pick links.

Portal pages are read with an HTML parser, never with regular expressions over the markup; the
patterns below only read dates and years out of text that the parser extracted.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EncodingDetector

from .sources import LinkRules, Pagination, Source

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "about:")
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn"}  # read as their superset, GB18030
_SPACE = re.compile(r"\s+")
# A published date printed on the page: 发布日期：2026-03-02, [ 发布日期 ] 2026-03-02, 发布时间：2026年03月02日
_DATE = r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_PRINTED = [(re.compile(r"(发布日期|发布时间|发布于|发文日期|公开日期)\s*[\]】]?\s*[：:]?\s*" + _DATE), 1),
            (re.compile(r"(?<![成印])(日期|时间)\s*[\]】]?\s*[：:]\s*" + _DATE), 2)]
_META_DATES = ("pubdate", "publishdate", "published_time", "article:published_time", "firstpublishedtime",
               "dc.date", "dcterms.issued")
_META_TITLES = ("articletitle", "og:title", "dc.title")
_FILE_PARAMS = ("filename", "file_name", "name", "file", "fn", "title")
_YEAR_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    hint: str = ""  # the link's title attribute (portals put the attachment's file name there)


@dataclass
class Page:
    url: str
    title: str = ""
    published: str = ""  # YYYY-MM-DD, '' when the page prints none
    published_from: str = ""  # where it was read: "page text: 发布日期", "meta PubDate"
    links: list[Link] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> str:
        return json.dumps({"title": self.title, "published": self.published, "published_from": self.published_from,
                           "links": [[lk.url, lk.text, lk.hint] for lk in self.links], "note": self.note},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, url: str, text: str) -> Page:
        d = json.loads(text)
        return cls(url, d.get("title", ""), d.get("published", ""), d.get("published_from", ""),
                   [Link(*lk) for lk in d.get("links", [])], d.get("note", ""))


def _charset(content_type: str) -> str:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1).lower() if m else ""


def soup_of(body: bytes, content_type: str = "") -> BeautifulSoup:
    declared = _charset(content_type) or (EncodingDetector.find_declared_encoding(body, is_html=True) or "").lower()
    enc = "gb18030" if declared in _GB else (declared or None)
    return BeautifulSoup(body, "html.parser", from_encoding=enc)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _attr(tag: Tag, name: str) -> str:
    """The text of an attribute ('' when the tag has none); bs4 splits the few multi-valued ones
    (class, rel, ...) into a list, which is joined back."""
    value = tag.get(name)
    return value if isinstance(value, str) else " ".join(value or [])


def _meta(soup: BeautifulSoup, names: tuple[str, ...]) -> tuple[str, str]:
    for tag in soup.find_all("meta"):
        name = (_attr(tag, "name") or _attr(tag, "property") or _attr(tag, "itemprop")).strip()
        if name.lower() in names and _clean(_attr(tag, "content")):
            return _clean(_attr(tag, "content")), name
    return "", ""


def _date(y: str, m: str, d: str) -> str:
    mi, di = int(m), int(d)
    if 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{int(y):04d}-{mi:02d}-{di:02d}"
    return ""


def published_date(soup: BeautifulSoup, text: str) -> tuple[str, str]:
    for pattern, _ in _PRINTED:
        for m in pattern.finditer(text):
            date = _date(m.group(2), m.group(3), m.group(4))
            if date:
                return date, f"page text: {m.group(1)}"
    value, name = _meta(soup, _META_DATES)
    found = re.search(_DATE, value)
    if found and _date(*found.groups()):
        return _date(*found.groups()), f"meta {name}"
    return "", ""


def page_title(soup: BeautifulSoup) -> str:
    value, _ = _meta(soup, _META_TITLES)
    if value:
        return value
    for tag in soup.find_all(["h1", "h2"]):
        text = _clean(tag.get_text(" "))
        if text:
            return text
    return _clean(soup.title.get_text(" ")) if soup.title else ""


def _absolute(base: str, href: str) -> str:
    href = (href or "").strip()
    if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
        return ""
    url = urljoin(base, href).split("#", 1)[0]
    return url if urlsplit(url).scheme in ("http", "https") else ""


def parse_page(body: bytes, url: str, content_type: str = "", selector: str = "") -> Page:
    """Title, published date and links of an HTML page (links within `selector` when it is given)."""
    soup = soup_of(body, content_type)
    base = url
    tag = soup.find("base", href=True)
    if tag:
        base = urljoin(url, _attr(tag, "href").strip())
    scripted = _script_links(soup)
    for junk in soup.find_all(["script", "style", "noscript", "template"]):
        junk.decompose()
    page = Page(url=url, title=page_title(soup))
    page.published, page.published_from = published_date(soup, soup.get_text("\n"))
    roots: list[Tag] = [soup]
    if selector:
        picked = soup.select(selector)
        if picked:
            roots = list(picked)
        else:
            page.note = f"article_selector {selector!r} matched nothing: links were read from the whole page"
    seen: dict[str, int] = {}

    def add(el) -> None:
        href = el.get("href") if el.name in ("a", "area") else el.get("src")
        link_url = _absolute(base, href)
        if not link_url:
            return
        hint = _clean(el.get("title", ""))
        text = _clean(el.get_text(" ")) or hint or _clean(el.get("alt", ""))
        if not text:
            img = el.find("img", alt=True) if el.name == "a" else None
            text = _clean(img["alt"]) if img else ""
        if link_url in seen:
            i = seen[link_url]
            if not page.links[i].text and text:
                page.links[i] = Link(link_url, text, hint)
            return
        seen[link_url] = len(page.links)
        page.links.append(Link(link_url, text, hint))

    for root in roots:
        for el in root.find_all(["a", "area", "iframe", "embed"]):
            add(el)
    for el in scripted:
        add(el)
    return page


# A JavaScript string literal ('...' or "..."), to find HTML that a page writes with document.write
_JS_STRING = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")
_JS_ESCAPE = re.compile(r"\\(.)")


def _script_links(soup: BeautifulSoup) -> list:
    """Links inside inline scripts' string literals: TRS portals write the attachment list with
    `var hasFJ='<a href="./P0....pdf">...</a>'; document.write(...)`. Each literal that holds
    markup is parsed as HTML."""
    out: list[Tag] = []
    for script in soup.find_all("script"):
        if script.get("src"):
            continue
        code = script.string or script.get_text()
        if "<a" not in code.lower():
            continue
        for m in _JS_STRING.finditer(code):
            literal = m.group(1) if m.group(1) is not None else m.group(2)
            if "<a" not in literal.lower() or "href" not in literal.lower():
                continue
            markup = _JS_ESCAPE.sub(lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), literal)
            out += BeautifulSoup(markup, "html.parser").find_all("a", href=True)
    return out


def extension(url: str, known: tuple[str, ...] = ()) -> str:
    """The file extension a URL names: its path's, or a fileName=... parameter's when the path has
    none of the `known` ones (download.jsp?fileName=x.pdf)."""
    parts = urlsplit(url)
    last = unquote(parts.path.rsplit("/", 1)[-1])
    ext = last.rsplit(".", 1)[-1].lower() if "." in last else ""
    if ext in known:
        return ext
    for key, value in parse_qsl(parts.query, keep_blank_values=False):
        if key.lower() in _FILE_PARAMS and "." in value:
            qext = value.rsplit(".", 1)[-1].lower()
            if qext.isalnum() and len(qext) <= 8:
                return qext
    return ext


def kind_of(url: str, source: Source) -> str:
    """'attachment' (downloaded), 'other_file' (reported, not downloaded) or 'page'."""
    ext = extension(url, source.attachment_extensions + source.other_extensions)
    if ext in source.attachment_extensions:
        return "attachment"
    if ext in source.other_extensions:
        return "other_file"
    return "page"


def _url_years(url: str) -> set[int]:
    """Years in a URL's date-like digit runs: /2026/, /202603/, t20260302_..., never inside long numbers."""
    out = set()
    for run in re.findall(r"\d+", unquote(url)):
        if len(run) not in (4, 6, 8) or run[:2] not in ("19", "20"):
            continue
        if len(run) >= 6 and not 1 <= int(run[4:6]) <= 12:
            continue
        if len(run) == 8 and not 1 <= int(run[6:8]) <= 31:
            continue
        out.add(int(run[:4]))
    return out


def years_of(text: str, url: str) -> set[int]:
    return {int(y) for y in _YEAR_TEXT.findall(text)} | _url_years(url)


def verdict(link: Link, rules: LinkRules) -> tuple[bool, bool, str]:
    """(follow, near, reason). `near`: the link holds the rule words, so leaving it is worth reporting."""
    hay = f"{link.text} {unquote(link.url)}"
    for group in rules.words:
        if not any(w in hay for w in group):
            return False, False, f"no word of {'/'.join(group)}"
    for word in rules.exclude:
        if word in hay:
            return False, True, f"holds the excluded word {word!r}"
    years = years_of(link.text, link.url)
    if not years:
        if rules.year_required:
            return False, True, "no year in the link text or URL (year_required)"
        return True, False, ""
    lo, hi = rules.min_year or 0, rules.max_year or 9999
    if not any(lo <= y <= hi for y in years):
        span = f"{rules.min_year or ''}–{rules.max_year or ''}"
        return False, True, f"year {', '.join(map(str, sorted(years)))} outside {span}"
    return True, False, ""


def pattern_pages(listing_url: str, pagination: Pagination) -> list[str]:
    """Further listing pages named by the pagination pattern (index_1.html, index_2.html, ...)."""
    if not pagination.pattern:
        return []
    return [urljoin(listing_url, pagination.pattern.format(n=pagination.first + i))
            for i in range(pagination.max_pages - 1)]


def next_page(page: Page, pagination: Pagination) -> str:
    """The listing's next page, from a link whose text is 下一页 (or another configured text)."""
    for lk in page.links:
        if lk.text in pagination.next_text and lk.url != page.url:
            return lk.url
    return ""
