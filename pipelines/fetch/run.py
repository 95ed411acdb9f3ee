"""One fetch: for each source, its listing pages -> the article pages they link -> their attachments.

Outcomes of an attachment (what `fiscal fetch` and the Dagster asset report, per source):
  new        a PDF not seen before, stored in the inbox with its provenance sidecar
  revision   new bytes at a URL that held other bytes before, stored (the warehouse decides what
             the new document is to the old one)
  unchanged  the server answered 304 Not Modified (nothing transferred), or sent the same bytes again
  duplicate  bytes already stored from another URL: not stored twice (the URL is added to the sighting)
  skipped    left on purpose, with the reason: robots.txt, a link rule, over the size cap, not a PDF
             (an HTML page named .pdf is read for its attachment links instead), ...
  failed     could not be fetched, with the reason: HTTP 404, timed out, redirect loop, ...
Listing and article pages are reported only when something is wrong with them (failed, skipped).

A source that fails (its listing unreachable, or a bug) is reported and the other sources go on.
"""
from __future__ import annotations

import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..intake import provenance
from ..warehouse.lock import WarehouseBusy, writer_lock
from . import store
from .client import Client, Fetched, remove
from .links import Link, Page, kind_of, next_page, parse_page, pattern_pages, verdict
from .sniff import describe, sniff
from .sources import Source
from .state import State, now

ATTACHMENT_OUTCOMES = ("new", "revision", "unchanged", "duplicate", "skipped", "failed")
SKIP_CODES = {"robots", "robots_unreachable", "too_large"}  # left on purpose, not failures


class FetchBusy(Exception):
    pass


@dataclass
class Item:
    source: str
    role: str  # listing | article | attachment
    url: str
    outcome: str
    reason: str = ""
    bytes: int = 0
    sha256: str = ""
    file: str = ""
    article_url: str = ""
    title: str = ""


@dataclass
class SourceReport:
    name: str
    items: list[Item] = field(default_factory=list)
    error: str = ""  # the source as a whole could not be fetched
    bytes_files: int = 0  # body bytes of attachments received
    bytes_pages: int = 0  # body bytes of listing and article pages (and robots.txt) received
    listings_read: int = 0
    articles_read: int = 0
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in ATTACHMENT_OUTCOMES}
        for it in self.items:
            if it.role == "attachment" and it.outcome in out:
                out[it.outcome] += 1
        out["pages_failed"] = sum(1 for it in self.items if it.role != "attachment" and it.outcome == "failed")
        return out

    @property
    def stored(self) -> list[Item]:
        return [it for it in self.items if it.outcome in ("new", "revision")]


@dataclass
class FetchReport:
    run_id: str
    dry_run: bool
    sources: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0
    received: int = 0  # every body byte of the run

    @property
    def items(self) -> list[Item]:
        return [it for s in self.sources for it in s.items]

    @property
    def has_failures(self) -> bool:
        return any(s.error for s in self.sources) or any(it.outcome == "failed" for it in self.items)


@dataclass(frozen=True)
class Article:
    """What an attachment's provenance says about the page that linked it."""

    url: str
    title: str = ""
    published: str = ""
    published_from: str = ""


def new_run_id() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def _parent_paths(url: str) -> set[str]:
    """The listing URL and the folders above it (a listing's breadcrumb links are not articles)."""
    parts = urlsplit(url)
    segs = parts.path.split("/")
    out = {url}
    for i in range(1, len(segs)):
        out.add(f"{parts.scheme}://{parts.netloc}" + "/".join(segs[:i]) + "/")
    return out


class Fetcher:
    def __init__(self, inbox: Path, state: State | None, client: Client, run_id: str, dry_run: bool = False,
                 log=None):
        self.inbox, self.state, self.client, self.run_id = inbox, state, client, run_id
        self.dry_run = dry_run
        self.log = log or (lambda msg: None)
        self.seen_pages: dict[str, str] = {}  # article URL -> the source that read it this run
        self.seen_files: dict[str, str] = {}  # attachment URL -> outcome this run
        self.record = None if dry_run else state  # the state store this run records into (None: nothing is recorded)

    # -- reporting ----------------------------------------------------------------------------------
    def _item(self, rep: SourceReport, item: Item) -> Item:
        rep.items.append(item)
        if item.role == "attachment" and self.seen_files.get(item.url) in ("fetching", "fetched"):
            self.seen_files[item.url] = item.outcome
        if self.record is not None:
            self.record.event(self.run_id, rep.name, item.role, item.url, item.outcome, item.reason, item.bytes,
                             item.sha256, item.file, item.article_url)
        if item.outcome not in ("unchanged",):
            self.log(f"{rep.name}: {item.role} {item.outcome}: {item.url}" + (f" ({item.reason})" if item.reason else ""))
        return item

    def _guarded(self, rep: SourceReport, role: str, url: str, fn, *args) -> None:
        """One article or attachment: a bug there is reported for it, and the rest of the source goes on
        (what it half-recorded in the state store is rolled back; what came before it is kept)."""
        if self.record is not None:
            self.record.con.commit()
        try:
            fn(*args)
        except Exception as exc:
            if self.record is not None:
                self.record.con.rollback()
            self._item(rep, Item(rep.name, role, url, "failed", f"internal error: {type(exc).__name__}: {exc}"))
            if self.record is not None:
                self.record.con.commit()

    def _known(self, url: str):
        return self.state.known(url) if self.state is not None else None

    def _fail(self, rep: SourceReport, role: str, got: Fetched, article: str = "", title: str = "") -> Item:
        outcome = "skipped" if got.code in SKIP_CODES else "failed"
        return self._item(rep, Item(rep.name, role, got.url, outcome, got.error, got.received, article_url=article,
                                    title=title))

    # -- a source -------------------------------------------------------------------------------------
    def run_source(self, source: Source) -> SourceReport:
        rep = SourceReport(source.name)
        t0 = time.monotonic()
        start_bytes = self.client.received
        if self.record is not None:
            self.record.start_run(self.run_id, source.name, "")
        try:
            articles = self._listings(source, rep)
            if rep.listings_read == 0:
                reasons = "; ".join(it.reason for it in rep.items if it.role == "listing") or "no listing page"
                rep.error = f"no listing page could be read: {reasons}"
            for url, link in articles.items():
                self._guarded(rep, "article", url, self._article, source, rep, url, link)
        except Exception as exc:  # a bug or a broken page must not stop the other sources
            rep.error = f"{type(exc).__name__}: {exc}"
        finally:
            rep.seconds = time.monotonic() - t0
            rep.bytes_pages = self.client.received - start_bytes - rep.bytes_files
            if self.record is not None:
                self.record.finish_run(self.run_id, source.name, rep.counts(), rep.bytes_files, rep.bytes_pages,
                                      rep.error)
        return rep

    def _listings(self, source: Source, rep: SourceReport) -> dict[str, Link]:
        articles: dict[str, Link] = {}
        for listing in source.listings:
            nav = _parent_paths(listing)
            queue = [listing] + pattern_pages(listing, source.pagination)
            nav |= set(queue)
            i = 0
            while i < len(queue) and i < source.pagination.max_pages:
                url = queue[i]
                got, page = self._page(source, rep, "listing", url, quiet_404=i > 0)
                i += 1
                if page is None:
                    break  # unreadable (reported), or a 404 past the last listing page
                rep.listings_read += 1
                for lk in page.links:
                    if lk.url in nav or lk.url in articles:
                        continue
                    follow, near, why = verdict(lk, source.links)
                    kind = kind_of(lk.url, source)
                    if not follow:
                        if near:
                            self._item(rep, Item(rep.name, "attachment" if kind != "page" else "article", lk.url,
                                                 "skipped", f"link rule: {why}", title=lk.text, article_url=url))
                        continue
                    articles[lk.url] = lk
                if not source.pagination.pattern:
                    nxt = next_page(page, source.pagination)
                    if nxt and nxt not in queue:
                        queue.append(nxt)
                        nav.add(nxt)
        return articles

    def _page(self, source: Source, rep: SourceReport, role: str, url: str, quiet_404: bool = False,
              article: str = "") -> tuple[Fetched | None, Page | None]:
        """Read an HTML page (conditionally: a 304 reuses what was read from it last time)."""
        known = self._known(url)
        validators = known.validators if known and known.page_json else {}
        got = self.client.page(url, source.politeness, validators)
        if got.error:
            if quiet_404 and got.code == "http_404":
                return got, None
            self._fail(rep, role, got, article)
            return got, None
        if got.not_modified:
            if self.record is not None:
                self.record.remember(url, role, "html", {}, "", 0, "", changed=False)
            return got, Page.from_json(url, known.page_json)
        what = sniff(got.head)
        if what != "html":
            if what == "pdf" and role == "article":
                return got, None  # an article link that is the file itself: the caller stores it
            self._item(rep, Item(rep.name, role, url, "failed", f"not an HTML page: {describe(got.head, _ctype(got))}",
                                 got.received, article_url=article))
            return got, None
        page = parse_page(got.body or b"", got.final_url or url, _ctype(got),
                          source.article_selector if role == "article" else "")
        if self.record is not None:
            self.record.remember(url, role, "html", got.headers, got.sha256, got.size, got.final_url, page.to_json())
        return got, page

    # -- an article --------------------------------------------------------------------------------------
    def _article(self, source: Source, rep: SourceReport, url: str, link: Link) -> None:
        if kind_of(url, source) != "page":  # the listing links the file itself
            self._attachment(source, rep, link, Article(url=url, title=link.text), depth=0)
            return
        if url in self.seen_pages:
            self._item(rep, Item(rep.name, "article", url, "skipped",
                                 f"already read in this run (source {self.seen_pages[url]})", title=link.text))
            return
        self.seen_pages[url] = source.name
        got, page = self._page(source, rep, "article", url)
        if page is None:
            if got is not None and not got.error and sniff(got.head) == "pdf":
                self._attachment(source, rep, link, Article(url=url, title=link.text), depth=0, fetched=got)
            return
        rep.articles_read += 1
        ctx = Article(url=page.url, title=page.title or link.text, published=page.published,
                      published_from=page.published_from)
        files = [lk for lk in page.links if kind_of(lk.url, source) != "page"]
        if not files:
            more = sum(1 for lk in page.links if verdict(lk, source.links)[0] and lk.url not in _parent_paths(url))
            why = "no attachment: the text is published on the page"
            if more:
                why += f"; it links {more} other pages matching the rules, not followed (one level)"
            self._item(rep, Item(rep.name, "article", url, "skipped", why, title=ctx.title))
            return
        for lk in files:
            if kind_of(lk.url, source) == "other_file":
                ext = lk.url.rsplit(".", 1)[-1][:8]
                self._item(rep, Item(rep.name, "attachment", lk.url, "skipped",
                                     f"not a PDF attachment (.{ext}): not downloaded", article_url=url, title=lk.text))
                continue
            self._guarded(rep, "attachment", lk.url, self._attachment, source, rep, lk, ctx, 0)

    # -- an attachment -------------------------------------------------------------------------------------
    def _attachment(self, source: Source, rep: SourceReport, link: Link, ctx: Article, depth: int,
                    fetched: Fetched | None = None) -> None:
        url = link.url
        if url in self.seen_files:
            self._item(rep, Item(rep.name, "attachment", url, "skipped",
                                 f"linked again: already fetched in this run ({self.seen_files[url]})",
                                 article_url=ctx.url, title=link.text))
            return
        self.seen_files[url] = "fetching"
        known = self._known(url)
        if self.dry_run:
            how = ("known: would ask with " + " and ".join(
                {"etag": "If-None-Match", "last_modified": "If-Modified-Since"}[k] for k in known.validators)
                if known and known.validators else "new: would download")
            self._item(rep, Item(rep.name, "attachment", url, "would_fetch", how, article_url=ctx.url, title=link.text))
            return
        reusable = known is not None and (known.sha256 and known.what == "pdf" or known.page_json or known.note)
        if fetched is None:
            tmp = store.new_partial(self.inbox)
            got = self.client.file(url, source.politeness, tmp, known.validators if reusable else None)
            rep.bytes_files += got.received
        else:  # an article URL that turned out to be the PDF itself (read as a page)
            got = fetched
            if got.body is not None:
                tmp = store.new_partial(self.inbox)
                tmp.write_bytes(got.body)
                got.path = tmp
        self.seen_files[url] = "fetched"
        if got.error:
            remove(got.path)
            if got.code == "too_large" and self.record is not None and any(k.lower() in ("etag", "last-modified")
                                                                           for k in got.headers):
                # remembered with its validators: while it stays the same, the next run's 304 costs nothing
                self.record.remember(url, "attachment", "other", got.headers, "", 0, got.final_url, note=got.error)
                self.record.con.commit()
            self._fail(rep, "attachment", got, ctx.url, link.text)
            return
        if got.not_modified:
            self._not_modified(source, rep, link, ctx, known, depth)
            return
        what = sniff(got.head)
        if what == "pdf":
            self._accept_pdf(source, rep, link, ctx, got, known)
        elif what == "html":
            body = got.path.read_bytes() if got.path else (got.body or b"")
            remove(got.path)
            page = parse_page(body, got.final_url or url, _ctype(got))
            if self.record is not None:
                self.record.remember(url, "attachment", "html", got.headers, got.sha256, got.size, got.final_url,
                                    page.to_json())
                self.record.con.commit()
            self._html_attachment(source, rep, link, ctx, page, got.received, depth)
        else:
            remove(got.path)
            note = f"not a PDF: {describe(got.head, _ctype(got))}"
            if self.record is not None:
                self.record.remember(url, "attachment", "other", got.headers, got.sha256, got.size, got.final_url,
                                    note=note)
                self.record.con.commit()
            self._item(rep, Item(rep.name, "attachment", url, "skipped", note, got.received, article_url=ctx.url,
                                 title=link.text))

    def _not_modified(self, source: Source, rep: SourceReport, link: Link, ctx: Article, known, depth: int) -> None:
        url = link.url
        if self.record is not None:
            self.record.remember(url, "attachment", known.what, {}, "", 0, "", changed=False)
            if known.what == "pdf":
                self.record.sighting(known.sha256, url, source.name, ctx.url)
            self.record.con.commit()
        if known.what == "pdf":
            stored = self.state.stored_file(known.sha256) if self.state else None
            self._item(rep, Item(rep.name, "attachment", url, "unchanged", "not modified (HTTP 304)", 0,
                                 known.sha256, Path(stored[0]).name if stored else "", ctx.url, link.text))
        elif known.what == "html":
            self._html_attachment(source, rep, link, ctx, Page.from_json(url, known.page_json), 0, depth)
        else:
            self._item(rep, Item(rep.name, "attachment", url, "skipped", f"not modified (HTTP 304) since: {known.note}",
                                 0, article_url=ctx.url, title=link.text))

    def _html_attachment(self, source: Source, rep: SourceReport, link: Link, ctx: Article, page: Page, nbytes: int,
                         depth: int) -> None:
        """An HTML page where a file was linked (a page named .pdf): never stored; its own attachment
        links are followed, one level only."""
        files = [lk for lk in page.links if kind_of(lk.url, source) == "attachment"]
        named = " named .pdf" if urlsplit(link.url).path.lower().endswith(".pdf") else ""
        if depth == 0:
            why = (f"an HTML page{named}, not a PDF: not stored; its {len(files)} attachment link"
                   f"{'s' if len(files) != 1 else ''} followed")
        else:
            why = f"an HTML page{named}, not a PDF: not stored, and its links are not followed (one level)"
        self._item(rep, Item(rep.name, "attachment", link.url, "skipped", why, nbytes, article_url=ctx.url,
                             title=link.text))
        if depth == 0:
            inner = Article(url=page.url, title=page.title or ctx.title, published=page.published or ctx.published,
                            published_from=page.published_from or ctx.published_from)
            for lk in files:
                self._attachment(source, rep, lk, inner, depth + 1)

    def _accept_pdf(self, source: Source, rep: SourceReport, link: Link, ctx: Article, got: Fetched, known) -> None:
        url, sha = link.url, got.sha256
        before = known.sha256 if known is not None and known.what == "pdf" else ""
        stored = self.state.stored_file(sha) if self.state else None
        if stored is not None:
            remove(got.path)
            if self.record is not None:
                self.record.remember(url, "attachment", "pdf", got.headers, sha, got.size, got.final_url)
                self.record.sighting(sha, url, source.name, ctx.url)
                self.record.con.commit()
            if before == sha or stored[1] == url:
                self._item(rep, Item(rep.name, "attachment", url, "unchanged",
                                     "same bytes as before (downloaded again: the server did not answer 304)",
                                     got.received, sha, Path(stored[0]).name, ctx.url, link.text))
            else:
                provenance.add_sighting(Path(stored[0]), url)
                self._item(rep, Item(rep.name, "attachment", url, "duplicate",
                                     f"same bytes as {Path(stored[0]).name} (first fetched from {stored[1]})",
                                     got.received, sha, Path(stored[0]).name, ctx.url, link.text))
            return
        name = store.file_name(link.text, link.hint, ctx.title, url)
        also = [u for u in (self.state.urls_of(sha) if self.state else []) if u != url]
        record = {"sha256": sha, "size": got.size, "source": source.name, "region": source.region,
                  "publisher": source.department, "article_url": ctx.url, "article_title": ctx.title,
                  "published_date": ctx.published, "published_from": ctx.published_from, "attachment_url": url,
                  "final_url": got.final_url, "redirects": got.redirects, "link_text": link.text,
                  "link_title": link.hint, "http_status": got.status,
                  "http_headers": provenance.kept_headers(got.headers), "fetched_at": now(),
                  "replaces": before if before and before != sha else None, "also_at": also}
        assert got.path is not None  # an attachment is streamed to a file (Client.fetch with a destination)
        path = store.place(got.path, self.inbox / source.name, name, sha, record)
        if self.record is not None:
            self.record.record_stored(sha, str(path), source.name, url)
            self.record.remember(url, "attachment", "pdf", got.headers, sha, got.size, got.final_url)
            self.record.sighting(sha, url, source.name, ctx.url)
            self.record.con.commit()
        if before and before != sha:
            self._item(rep, Item(rep.name, "attachment", url, "revision",
                                 f"new bytes at a known URL (it held {before[:12]} before)", got.received, sha,
                                 path.name, ctx.url, link.text))
        else:
            self._item(rep, Item(rep.name, "attachment", url, "new", "", got.received, sha, path.name, ctx.url,
                                 link.text))


def _ctype(got: Fetched) -> str:
    return next((v for k, v in got.headers.items() if k.lower() == "content-type"), "")


def fetch(sources: list[Source], inbox: Path, state_file: Path, dry_run: bool = False, client: Client | None = None,
          log=None) -> FetchReport:
    """Fetch every source in turn (one at a time, so a host is never asked by two sources at once)."""
    t0 = time.monotonic()
    client = client or Client()
    report = FetchReport(new_run_id(), dry_run)
    if dry_run:
        state = State(state_file, read_only=True) if state_file.exists() else None
        try:
            fetcher = Fetcher(inbox, state, client, report.run_id, dry_run=True, log=log)
            report.sources = [fetcher.run_source(s) for s in sources]
        finally:
            if state is not None:
                state.close()
    else:
        lock = state_file.with_name(state_file.name + ".lock")
        try:
            with writer_lock(lock, wait=0, announce=None):
                store.clear_partials(inbox)
                state = State(state_file)
                try:
                    fetcher = Fetcher(inbox, state, client, report.run_id, log=log)
                    report.sources = [fetcher.run_source(s) for s in sources]
                finally:
                    state.close()
        except WarehouseBusy:
            raise FetchBusy(f"another fetch is running (lock {lock}); try again when it has finished") from None
    report.received = client.received
    report.seconds = time.monotonic() - t0
    return report


def stderr_log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
