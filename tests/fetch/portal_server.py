"""A loopback web server that plays the disclosure portals in tests.

It listens on 127.0.0.1 only (an ephemeral port), serves routes keyed by (host, path), answers
conditional requests (ETag / Last-Modified -> 304), counts the body bytes it sends per URL and
logs every request with its time. It stops by itself after `lifetime` seconds, and a slow route's
wait ends as soon as the server stops, so no test can hang on it.

Requests reach it through `session()`: a requests.Session whose adapter sends every URL, whatever
its host or scheme, to the loopback port with the original Host header (like curl --connect-to),
so pages can link absolute URLs on other hosts (images.wenming.cn, https://www.cqksy.cn) as the
real fixture pages do.
"""
from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""  # redirects
    delay: float = 0.0  # seconds before answering
    validators: bool = True  # send ETag and Last-Modified, answer conditional requests with 304
    modified: float = 1772409600.0  # Last-Modified (POSIX time); 2026-03-02
    length: bool = True  # send Content-Length (False: the body ends when the connection closes)
    headers: dict[str, str] = field(default_factory=dict)
    first: list[int] = field(default_factory=list)  # statuses answered, in order, before `status` (e.g. [503, 503])

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


def key_of(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = parts.path or "/"
    return parts.netloc.lower(), path + (f"?{parts.query}" if parts.query else "")


class Portal:
    def __init__(self, lifetime: float = 300.0):
        self.routes: dict[tuple[str, str], Route] = {}
        self.sent: Counter = Counter()  # url -> body bytes sent
        self.log: list[tuple[float, str, int]] = []  # (monotonic time, url, status)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.lifetime = lifetime
        self.server: ThreadingHTTPServer | None = None

    # -- routes ---------------------------------------------------------------------------------
    def add(self, url: str, route: Route) -> None:
        self.routes[key_of(url)] = route

    def page(self, url: str, html: str | bytes, **kw) -> None:
        self.add(url, Route(html.encode("utf-8") if isinstance(html, str) else html, **kw))

    def file(self, url: str, path: Path, content_type: str = "application/pdf", **kw) -> None:
        self.add(url, Route(Path(path).read_bytes(), content_type, **kw))

    def redirect(self, url: str, to: str, status: int = 302) -> None:
        self.add(url, Route(b"", status=status, location=to, validators=False))

    def requests_to(self, url: str) -> list[tuple[float, int]]:
        return [(t, s) for t, u, s in self.log if u == url]

    def reset_counts(self) -> None:
        with self.lock:
            self.sent.clear()
            self.log.clear()

    # -- serving --------------------------------------------------------------------------------
    def start(self) -> Portal:
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                host = (self.headers.get("Host") or "").lower()
                url = f"//{host}{self.path}"
                route = portal.routes.get((host, self.path))
                status = route.status if route else 404
                if route and route.first:
                    with portal.lock:
                        status = route.first.pop(0) if route.first else status
                if route and route.delay and portal.stopping.wait(route.delay):
                    return
                if route and route.validators and status == 200 and portal.not_modified(route, self.headers):
                    status = 304
                with portal.lock:
                    portal.log.append((time.monotonic(), url, status))
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.answer(route, status, url)

            def answer(self, route: Route | None, status: int, url: str):
                body = b"not found" if route is None else (route.body if status == 200 else b"")
                self.send_response(status)
                if route is not None:
                    if route.location:
                        self.send_header("Location", route.location)
                    if route.validators:
                        self.send_header("ETag", route.etag)
                        self.send_header("Last-Modified", formatdate(route.modified, usegmt=True))
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                self.send_header("Content-Type", route.content_type if route else "text/plain")
                if route is None or route.length or status != 200:
                    self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                step = 64 * 1024
                for i in range(0, len(body), step):
                    if portal.stopping.is_set():
                        return
                    self.wfile.write(body[i:i + step])
                    with portal.lock:
                        portal.sent[url] += len(body[i:i + step])

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        timer = threading.Timer(self.lifetime, self.stop)
        timer.daemon = True
        timer.start()
        return self

    @staticmethod
    def not_modified(route: Route, headers) -> bool:
        inm = headers.get("If-None-Match")
        if inm is not None:
            return route.etag in [t.strip() for t in inm.split(",")]
        ims = headers.get("If-Modified-Since")
        if ims:
            try:
                return int(route.modified) <= parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def stop(self) -> None:
        self.stopping.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def session(self) -> requests.Session:
        s = requests.Session()
        s.trust_env = False  # no proxy from the environment between the client and the loopback server
        adapter = ToLoopback(self.port)
        s.mount("http://", adapter)
        s.mount("https://", adapter)
        return s


class ToLoopback(HTTPAdapter):
    """Connect every request to 127.0.0.1:<port>, keeping the URL's host in the Host header."""

    def __init__(self, port: int):
        super().__init__(max_retries=0)
        self.port = port

    def send(self, request, **kw):
        parts = urlsplit(request.url)
        request.headers["Host"] = parts.netloc
        request.url = f"http://127.0.0.1:{self.port}{request.path_url}"
        kw["verify"] = False
        return super().send(request, **kw)
