"""The publishers to follow, as data: pipelines/catalogue/sources.yaml (or the file FISCAL_SOURCES names).

Each source names a region, a department (or all departments), its listing pages, the link rules
that pick the articles to follow, how its listing is paginated, and how politely to ask. Settings
under `defaults:` apply to every source that does not set them itself. A mistake in the file is an
error naming the file, the source and the field, never a silent default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import yaml

from ..version import PARSER_VERSION

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "catalogue" / "sources.yaml"
ALL_DEPARTMENTS = "all"


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the file, the source and the field."""


@dataclass(frozen=True)
class Politeness:
    """How a source is asked: per host, per response, per file."""

    user_agent: str = f"fiscal-warehouse/{PARSER_VERSION} (fiscal disclosure fetcher)"
    contact: str = ""  # appended to the user agent: who to tell when the fetcher misbehaves
    requests_per_second: float = 0.5  # per host: one request every 2 s
    connect_timeout_seconds: float = 10.0
    read_timeout_seconds: float = 30.0  # longest silence while waiting for bytes
    total_timeout_seconds: float = 300.0  # one response, first byte to last
    retries: int = 2  # further attempts after a timeout, a connection error, 429 or 5xx
    backoff_seconds: float = 2.0  # waits 2 s, 4 s, ... (a Retry-After header is honoured)
    max_backoff_seconds: float = 60.0
    max_bytes: int = 100 * 1024 * 1024  # a file larger than this is not downloaded
    max_page_bytes: int = 5 * 1024 * 1024  # an HTML page larger than this is not read
    max_redirects: int = 5
    obey_robots: bool = True

    @property
    def agent(self) -> str:
        return f"{self.user_agent} +{self.contact}" if self.contact else self.user_agent

    @property
    def interval(self) -> float:
        return 1.0 / self.requests_per_second


@dataclass(frozen=True)
class Pagination:
    pattern: str = ""  # further listing pages, relative to the listing URL: "index_{n}.html"
    first: int = 1  # n of the second listing page
    next_text: tuple[str, ...] = ("下一页", "下页", "后页")  # or follow a link with this text
    max_pages: int = 5  # listing pages read per listing URL, the first included


@dataclass(frozen=True)
class LinkRules:
    """Which links of a listing page are articles to follow.

    `words`: groups of words; a link is followed when its text or URL holds at least one word of
    every group. `exclude`: a link holding any of these is left (reported when it matched `words`).
    `years`: a year printed in the link text or URL (2026年, /202603/, t20260302_...) must be in
    [min, max]; a link without any year passes unless `year_required`.
    """

    words: tuple[tuple[str, ...], ...] = (("预算", "决算"),)
    exclude: tuple[str, ...] = ()
    min_year: int | None = None
    max_year: int | None = None
    year_required: bool = False


@dataclass(frozen=True)
class Source:
    name: str
    region: str
    department: str  # as printed, or "all" (a portal listing many departments)
    listings: tuple[str, ...]
    links: LinkRules = field(default_factory=LinkRules)
    pagination: Pagination = field(default_factory=Pagination)
    politeness: Politeness = field(default_factory=Politeness)
    article_selector: str = ""  # CSS selector of the article body; empty: the whole page
    attachment_extensions: tuple[str, ...] = ("pdf",)
    other_extensions: tuple[str, ...] = ("doc", "docx", "xls", "xlsx", "wps", "et", "zip", "rar", "7z", "ofd",
                                         "txt", "jpg", "png")
    enabled: bool = True


_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def _fail(path: Path, where: str, msg: str) -> NoReturn:
    raise SourcesError(f"{path}: {where}: {msg}")


def _mapping(path: Path, where: str, value, allowed: set[str]) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        _fail(path, where, f"expected a mapping, got {type(value).__name__}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        _fail(path, where, f"unknown field(s) {', '.join(map(str, unknown))} (known: {', '.join(sorted(allowed))})")
    return value


def _number(path, where, key, value, kind=float, minimum=0.0, strict=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        _fail(path, where, f"{key} must be {'an integer' if kind is int else 'a number'}, got {value!r}")
    if value < minimum or (strict and value == minimum):
        _fail(path, where, f"{key} must be {'>' if strict else '>='} {minimum}, got {value!r}")
    return kind(value)


def _politeness(path: Path, where: str, raw, base: Politeness) -> Politeness:
    names = {f.name: f for f in fields(Politeness)}
    raw = _mapping(path, where, raw, set(names))
    out: dict[str, Any] = {}  # field name -> value, for dataclasses.replace
    for key, value in raw.items():
        default = getattr(base, key)
        if isinstance(default, bool):
            if not isinstance(value, bool):
                _fail(path, where, f"{key} must be true or false, got {value!r}")
            out[key] = value
        elif isinstance(default, str):
            if not isinstance(value, str):
                _fail(path, where, f"{key} must be text, got {value!r}")
            out[key] = value
        elif isinstance(default, int):
            out[key] = _number(path, where, key, value, int, 0)
        else:
            out[key] = _number(path, where, key, value, float, 0.0, strict=key.endswith("per_second")
                               or key.endswith("timeout_seconds"))
    if "requests_per_second" in out and out["requests_per_second"] > 20:
        _fail(path, where, f"requests_per_second {out['requests_per_second']} is not polite (at most 20 per host)")
    if out.get("max_bytes", 1) == 0 or out.get("max_page_bytes", 1) == 0:
        _fail(path, where, "max_bytes and max_page_bytes must be > 0")
    return replace(base, **out)


def _words(path: Path, where: str, value) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        _fail(path, where, f"words must be a list of words or of word groups, got {value!r}")
    groups = [value] if all(isinstance(v, str) for v in value) else value
    out = []
    for g in groups:
        g = [g] if isinstance(g, str) else g
        if not isinstance(g, list) or not g or not all(isinstance(w, str) and w.strip() for w in g):
            _fail(path, where, f"words: each group must be a non-empty list of words, got {g!r}")
        out.append(tuple(w.strip() for w in g))
    return tuple(out)


def _links(path: Path, where: str, raw, base: LinkRules) -> LinkRules:
    raw = _mapping(path, where, raw, {"words", "exclude", "years", "year_required"})
    out: dict[str, Any] = {}  # field name -> value, for dataclasses.replace
    if "words" in raw:
        out["words"] = _words(path, where, raw["words"])
    if "exclude" in raw:
        ex = raw["exclude"] or []
        if not isinstance(ex, list) or not all(isinstance(w, str) and w.strip() for w in ex):
            _fail(path, where, f"exclude must be a list of words, got {ex!r}")
        out["exclude"] = tuple(w.strip() for w in ex)
    if "years" in raw:
        years = _mapping(path, where + ".years", raw["years"], {"min", "max"})
        for k in ("min", "max"):
            if k in years and years[k] is not None:
                y = _number(path, where + ".years", k, years[k], int, 1949)
                if y > 2100:
                    _fail(path, where + ".years", f"{k} {y} is not a fiscal year")
                out[f"{k}_year"] = y
        if out.get("min_year") and out.get("max_year") and out["min_year"] > out["max_year"]:
            _fail(path, where + ".years", f"min {out['min_year']} is after max {out['max_year']}")
    if "year_required" in raw:
        if not isinstance(raw["year_required"], bool):
            _fail(path, where, "year_required must be true or false")
        out["year_required"] = raw["year_required"]
    return replace(base, **out)


def _pagination(path: Path, where: str, raw, base: Pagination) -> Pagination:
    raw = _mapping(path, where, raw, {"pattern", "first", "next_text", "max_pages"})
    out: dict[str, Any] = {}  # field name -> value, for dataclasses.replace
    if "pattern" in raw:
        pat = raw["pattern"] or ""
        if not isinstance(pat, str) or (pat and "{n}" not in pat):
            _fail(path, where, f"pattern must contain {{n}} (e.g. index_{{n}}.html), got {pat!r}")
        out["pattern"] = pat
    if "first" in raw:
        out["first"] = _number(path, where, "first", raw["first"], int, 0)
    if "max_pages" in raw:
        out["max_pages"] = _number(path, where, "max_pages", raw["max_pages"], int, 1)
        if out["max_pages"] > 200:
            _fail(path, where, f"max_pages {out['max_pages']} is more than 200")
    if "next_text" in raw:
        nt = raw["next_text"] or []
        if not isinstance(nt, list) or not all(isinstance(w, str) for w in nt):
            _fail(path, where, f"next_text must be a list of link texts, got {nt!r}")
        out["next_text"] = tuple(nt)
    return replace(base, **out)


def _extensions(path, where, key, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and re.fullmatch(r"\.?[A-Za-z0-9]{1,8}", v)
                                              for v in value):
        _fail(path, where, f"{key} must be a list of file extensions (pdf, xls, ...), got {value!r}")
    return tuple(v.lower().lstrip(".") for v in value)


def _url(path: Path, where: str, url) -> str:
    if not isinstance(url, str):
        _fail(path, where, f"listing URL must be text, got {url!r}")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        _fail(path, where, f"listing URL must be http(s)://host/..., got {url!r}")
    return url.strip()


SOURCE_FIELDS = {"name", "region", "department", "listings", "links", "pagination", "politeness", "article_selector",
                 "attachment_extensions", "other_extensions", "enabled"}


def parse_sources(data, path: Path) -> list[Source]:
    if data is None:
        data = {}
    top = _mapping(path, "top level", data, {"defaults", "sources"})
    dflt = _mapping(path, "defaults", top.get("defaults"), {"politeness", "links", "pagination",
                                                            "attachment_extensions", "other_extensions"})
    base = Source(name="", region="", department="", listings=())
    base = replace(base, politeness=_politeness(path, "defaults.politeness", dflt.get("politeness"), Politeness()),
                   links=_links(path, "defaults.links", dflt.get("links"), LinkRules()),
                   pagination=_pagination(path, "defaults.pagination", dflt.get("pagination"), Pagination()))
    extensions: dict[str, Any] = {key: _extensions(path, "defaults", key, dflt[key])
                                  for key in ("attachment_extensions", "other_extensions") if key in dflt}
    base = replace(base, **extensions)
    raw_sources = top.get("sources") or []
    if not isinstance(raw_sources, list):
        _fail(path, "sources", "expected a list of sources")
    out: list[Source] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_sources):
        where = f"sources[{i}]"
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            where += f" ({raw['name']})"
        raw = _mapping(path, where, raw, SOURCE_FIELDS)
        name = raw.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            _fail(path, where, f"name must be lower-case letters, digits, '-', '_' or '.' (it names a folder of "
                               f"the inbox), got {name!r}")
        if name in seen:
            _fail(path, where, f"name {name!r} is used by another source")
        seen.add(name)
        for key in ("region", "department"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                _fail(path, where, f"{key} is required (the {key} as printed"
                                   + (f", or '{ALL_DEPARTMENTS}' for a portal of many departments)"
                                      if key == "department" else ")"))
        listings = raw.get("listings")
        if isinstance(listings, str):
            listings = [listings]
        if not isinstance(listings, list) or not listings:
            _fail(path, where, "listings: at least one listing-page URL is required")
        src = replace(base, name=name, region=raw["region"].strip(), department=raw["department"].strip(),
                      listings=tuple(_url(path, where + ".listings", u) for u in listings),
                      links=_links(path, where + ".links", raw.get("links"), base.links),
                      pagination=_pagination(path, where + ".pagination", raw.get("pagination"), base.pagination),
                      politeness=_politeness(path, where + ".politeness", raw.get("politeness"), base.politeness))
        sel = raw.get("article_selector", "")
        if not isinstance(sel, str):
            _fail(path, where, f"article_selector must be a CSS selector, got {sel!r}")
        if sel:
            _check_selector(path, where, sel)
        src = replace(src, article_selector=sel)
        extensions = {key: _extensions(path, where, key, raw[key])
                      for key in ("attachment_extensions", "other_extensions") if key in raw}
        src = replace(src, **extensions)
        if "enabled" in raw:
            if not isinstance(raw["enabled"], bool):
                _fail(path, where, "enabled must be true or false")
            src = replace(src, enabled=raw["enabled"])
        out.append(src)
    return out


def _check_selector(path: Path, where: str, selector: str) -> None:
    import soupsieve

    try:
        soupsieve.compile(selector)
    except Exception as exc:  # soupsieve raises its own SelectorSyntaxError (a ValueError subclass)
        _fail(path, where, f"article_selector {selector!r} is not a valid CSS selector: {exc}")


def load_sources(path: Path | str | None = None) -> list[Source]:
    """The sources of `path` (FISCAL_SOURCES, Settings.sources), the shipped sources.yaml when not given."""
    path = Path(path) if path else DEFAULT_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"{path}: no sources file (set FISCAL_SOURCES or create it; see docs/fetching.md)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot read: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {exc}") from None
    return parse_sources(data, path)


def select(sources: list[Source], names: list[str] | None) -> list[Source]:
    """The sources to fetch: the named ones (even if disabled), else every enabled one."""
    if not names:
        return [s for s in sources if s.enabled]
    by_name = {s.name: s for s in sources}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SourcesError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(sorted(by_name)) or 'none'}")
    return [by_name[n] for n in dict.fromkeys(names)]
