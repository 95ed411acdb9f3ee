"""HTTP for the fetcher (requests): polite, bounded, and honest about what it received.

- robots.txt per origin (RFC 9309: a 4xx means no rules; a 5xx or no answer means nothing may be
  fetched from that host this run), with its Crawl-delay honoured (up to 60 s);
- politeness per host: requests start at least 1/requests_per_second apart (retries, redirects and
  robots.txt included);
- timeouts: connect, read (silence) and total (first to last byte of one response);
- retries with exponential backoff on timeouts, connection errors, 429 and 5xx (Retry-After honoured,
  capped);
- redirects followed by hand, each hop checked against robots.txt: a loop or a chain longer than
  max_redirects ends with the chain in the reason;
- size caps: a Content-Length over the cap is refused before reading, and a body is cut off as soon
  as it passes the cap while streaming;
- conditional requests (If-None-Match / If-Modified-Since): an unchanged resource answers 304 and
  transfers nothing;
- every body byte received is counted (`Client.received`), failed attempts included.
"""
from __future__ import annotations

import contextlib
import email.utils
import hashlib
import os
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from .sources import Politeness

RETRY_STATUSES = {429, 500, 502, 503, 504}
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB must be parsed; we read no more
MAX_CRAWL_DELAY = 60.0
CHUNK = 64 * 1024


def new_session() -> requests.Session:
    """The session every Client uses unless given one (proxies from the environment are honoured)."""
    return requests.Session()


@dataclass
class Fetched:
    url: str  # as asked for
    final_url: str = ""  # after redirects
    status: int | None = None  # the last HTTP status (None: no response at all)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # a page, read into memory
    path: Path | None = None  # a file, streamed to disk (caller moves or deletes it)
    sha256: str = ""
    size: int = 0
    head: bytes = b""  # the first bytes of the body, for sniffing
    received: int = 0  # body bytes received for this URL, every attempt and hop included
    redirects: list[str] = field(default_factory=list)
    attempts: int = 0
    error: str = ""  # why this URL could not be fetched ('' when it was)
    code: str = ""  # short form: http_404, timeout, connection, redirect_loop, too_many_redirects, too_large,
    #                 robots, robots_unreachable, bad_url

    @property
    def ok(self) -> bool:
        return not self.error and self.status in (200, 304)

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and not self.error


class _TooLarge(Exception):
    pass


class _Deadline(Exception):
    pass


class _Sink:
    """Where a body goes: memory (pages) or a temporary file (attachments), hashing as it streams."""

    def __init__(self, limit: int, path: Path | None):
        self.limit, self.path = limit, path
        self.size = 0
        self.head = b""
        self.hash = hashlib.sha256()
        self.buf = bytearray() if path is None else None
        self.fh = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(path, "wb")  # noqa: SIM115 -- held across write() calls; close() runs in the caller's finally

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _TooLarge()
        if len(self.head) < 1024:
            self.head += chunk[: 1024 - len(self.head)]
        self.hash.update(chunk)
        if self.fh is not None:
            self.fh.write(chunk)
        else:
            assert self.buf is not None  # no file: the body is kept in memory
            self.buf.extend(chunk)

    def close(self, keep: bool) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None
            if not keep and self.path is not None:
                with contextlib.suppress(OSError):
                    self.path.unlink()


def _host(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - time.time(), cap))


def _why(exc: BaseException) -> tuple[str, str]:
    """(code, words) for a requests exception."""
    text = str(exc)
    if isinstance(exc, requests.Timeout) or "Read timed out" in text or "ReadTimeoutError" in text:
        return "timeout", "timed out"
    if isinstance(exc, requests.exceptions.SSLError):
        return "tls", f"TLS error: {text[:200]}"
    if isinstance(exc, requests.ConnectionError):
        return "connection", f"connection failed: {text[:200]}"
    return "bad_url", f"{type(exc).__name__}: {text[:200]}"


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None
    note: str  # '' when rules were read; otherwise why everything is or is not allowed
    blocked: bool = False  # robots.txt unreachable: nothing from this origin


class Client:
    """One per fetch run: holds the per-host clocks, the robots.txt cache and the byte counter."""

    def __init__(self, session: requests.Session | None = None, clock=time.monotonic, sleep=time.sleep):
        self.session = session or new_session()
        self.clock, self.sleep = clock, sleep
        self.next_slot: dict[str, float] = {}
        self.robots: dict[str, _Robots] = {}
        self.received = 0  # body bytes, whole run
        self.requests = 0

    # -- politeness ------------------------------------------------------------------------------
    def _wait_turn(self, url: str, pol: Politeness) -> None:
        host = _host(url)
        interval = pol.interval
        rob = self.robots.get(_origin(url))
        if rob and rob.parser is not None:
            delay = rob.parser.crawl_delay(_agent_token(pol.agent))
            if delay:
                interval = max(interval, min(float(delay), MAX_CRAWL_DELAY))
        now = self.clock()
        start = max(now, self.next_slot.get(host, now))
        if start > now:
            self.sleep(start - now)
        self.next_slot[host] = start + interval

    # -- robots.txt -----------------------------------------------------------------------------
    def robots_verdict(self, url: str, pol: Politeness) -> tuple[bool, str]:
        """(allowed, reason when not)."""
        if not pol.obey_robots:
            return True, ""
        origin = _origin(url)
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin, pol)
        rob = self.robots[origin]
        if rob.blocked:
            return False, rob.note
        if rob.parser is None:
            return True, ""
        if rob.parser.can_fetch(_agent_token(pol.agent), url):
            return True, ""
        return False, f"disallowed by {origin}/robots.txt for user agent {_agent_token(pol.agent)!r}"

    def _read_robots(self, origin: str, pol: Politeness) -> _Robots:
        got = self._follow(origin + "/robots.txt", pol, {}, None, ROBOTS_MAX_BYTES, robots=False,
                           max_redirects=5, truncate=True)
        if got.status == 200 and got.body is not None:
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(got.body.decode("utf-8", "replace").splitlines())
            return _Robots(parser, "")
        if got.status is not None and 400 <= got.status < 500:
            return _Robots(None, f"robots.txt: HTTP {got.status} (no rules)")
        why = got.error or f"HTTP {got.status}"
        return _Robots(None, f"{origin}/robots.txt unreachable ({why}): nothing is fetched from this host "
                             "this run (RFC 9309)", blocked=True)

    # -- requests -------------------------------------------------------------------------------
    def page(self, url: str, pol: Politeness, validators: dict[str, str] | None = None) -> Fetched:
        """An HTML page (or whatever the URL holds), read into memory up to max_page_bytes."""
        return self._follow(url, pol, validators or {}, None, pol.max_page_bytes)

    def file(self, url: str, pol: Politeness, dest: Path, validators: dict[str, str] | None = None) -> Fetched:
        """A file, streamed to `dest` up to max_bytes (dest is removed unless a 200 body was kept)."""
        return self._follow(url, pol, validators or {}, dest, pol.max_bytes)

    def _follow(self, url: str, pol: Politeness, validators: dict[str, str], dest: Path | None, limit: int,
                robots: bool = True, max_redirects: int | None = None, truncate: bool = False) -> Fetched:
        out = Fetched(url=url)
        chain = [url]
        current = url
        hops = pol.max_redirects if max_redirects is None else max_redirects
        while True:
            if robots:
                allowed, why = self.robots_verdict(current, pol)
                if not allowed:
                    out.final_url, out.error = current, why
                    out.code = "robots_unreachable" if "unreachable" in why else "robots"
                    return out
            location = self._exchange(out, current, pol, validators, dest, limit, truncate)
            if location is None:
                out.final_url = current
                return out
            nxt = urljoin(current, location.strip())
            if urlsplit(nxt).scheme not in ("http", "https"):
                out.error, out.code = f"redirected to an unsupported URL {nxt!r}", "bad_url"
                out.final_url = current
                return out
            nxt = nxt.split("#", 1)[0]
            if nxt in chain:
                out.error = "redirect loop: " + " -> ".join(chain + [nxt])
                out.code, out.final_url = "redirect_loop", current
                return out
            chain.append(nxt)
            out.redirects.append(nxt)
            if len(out.redirects) > hops:
                out.error = f"too many redirects (more than {hops}): " + " -> ".join(chain)
                out.code, out.final_url = "too_many_redirects", current
                return out
            current = nxt

    def _exchange(self, out: Fetched, url: str, pol: Politeness, validators: dict[str, str], dest: Path | None,
                  limit: int, truncate: bool) -> str | None:
        """One URL, with retries. Fills `out`; returns the Location of a redirect, else None."""
        headers = {"User-Agent": pol.agent, "Accept": "*/*"}
        if dest is not None:
            headers["Accept-Encoding"] = "identity"  # the bytes on the wire are the file's bytes
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        last_error = ("", "")
        for attempt in range(pol.retries + 1):
            if attempt:
                pause = min(pol.backoff_seconds * (2 ** (attempt - 1)), pol.max_backoff_seconds)
                self.sleep(pause)
            self._wait_turn(url, pol)
            out.attempts += 1
            self.requests += 1
            try:
                resp = self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(pol.connect_timeout_seconds, pol.read_timeout_seconds))
            except requests.RequestException as exc:
                last_error = _why(exc)
                if last_error[0] in ("timeout", "connection"):
                    continue
                break
            try:
                status = resp.status_code
                out.status, out.headers = status, dict(resp.headers)
                if status in RETRY_STATUSES and attempt < pol.retries:
                    wait = _retry_after(resp.headers.get("Retry-After"), pol.max_backoff_seconds)
                    last_error = (f"http_{status}", f"HTTP {status} {resp.reason or ''}".strip())
                    if wait:
                        self.sleep(wait)
                    continue
                if 300 <= status < 400 and status != 304:
                    loc = resp.headers.get("Location")
                    if not loc:
                        out.error, out.code = f"HTTP {status} redirect without a Location header", f"http_{status}"
                        return None
                    return loc
                if status == 304:
                    out.error = "" if validators else "HTTP 304 to an unconditional request"
                    out.code = "" if validators else "http_304"
                    return None
                if status != 200:
                    out.error, out.code = f"HTTP {status} {resp.reason or ''}".strip(), f"http_{status}"
                    if attempt:
                        out.error += f" (after {out.attempts} attempts)"
                    return None
                try:
                    self._read_body(out, resp, pol, dest, limit, truncate)
                except (_TooLarge, _Deadline):
                    return None
                except requests.RequestException as exc:
                    last_error = _why(exc)
                    out.status = None
                    if last_error[0] in ("timeout", "connection"):
                        continue
                    break
                return None
            finally:
                resp.close()
        out.code, why = last_error
        if out.code == "timeout":
            why = (f"timed out after {out.attempts} attempt{'s' if out.attempts > 1 else ''} (no byte for "
                   f"{pol.read_timeout_seconds:g} s, or more than {pol.total_timeout_seconds:g} s in all)")
        elif out.attempts > 1:
            why = f"{why} (after {out.attempts} attempts)"
        out.error = why or "no response"
        return None

    def _read_body(self, out: Fetched, resp, pol: Politeness, dest: Path | None, limit: int, truncate: bool) -> None:
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            out.error = f"{int(declared):,} bytes (Content-Length), over the size cap of {limit:,} bytes: not downloaded"
            out.code = "too_large"
            raise _TooLarge()
        sink = _Sink(limit, dest)
        keep = False
        started = self.clock()
        try:
            for chunk in resp.iter_content(CHUNK):
                if not chunk:
                    continue
                self.received += len(chunk)
                out.received += len(chunk)
                try:
                    sink.write(chunk)
                except _TooLarge:
                    if truncate:
                        break
                    out.error = (f"more than {limit:,} bytes (the size cap): download stopped after "
                                 f"{out.received:,} bytes")
                    out.code = "too_large"
                    raise
                if self.clock() - started > pol.total_timeout_seconds:
                    out.error = f"the response took more than {pol.total_timeout_seconds:g} s (total timeout)"
                    out.code = "timeout"
                    raise _Deadline()
            keep = True
        finally:
            sink.close(keep)
        out.size, out.head, out.sha256 = sink.size if sink.size <= limit else limit, sink.head, sink.hash.hexdigest()
        if dest is None:
            assert sink.buf is not None  # a sink without a file keeps the body in memory
            out.body = bytes(sink.buf)
        else:
            out.path = dest


def _agent_token(agent: str) -> str:
    """The product token robots.txt groups are matched against: 'fiscal-warehouse' of 'fiscal-warehouse/0.2'."""
    return agent.split("/", 1)[0].split()[0] if agent.strip() else "*"


def remove(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)
