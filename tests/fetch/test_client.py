"""pipelines/fetch/client.py against the loopback server: conditional requests, retries, timeouts,
redirects, size caps, robots.txt, politeness, and the byte count."""
from __future__ import annotations

from pipelines.fetch.client import Client
from pipelines.fetch.sources import Politeness

from portal_server import Route

H = "http://a.example"
PDF = b"%PDF-1.4\n" + b"x" * 20000
FAST = Politeness(requests_per_second=20, retries=2, backoff_seconds=0.5, read_timeout_seconds=0.3,
                  connect_timeout_seconds=1)


class Recorder:
    def __init__(self):
        self.sleeps: list[float] = []

    def __call__(self, seconds: float):
        import time

        self.sleeps.append(round(seconds, 3))
        time.sleep(seconds)


def client(portal, **kw) -> Client:
    return Client(session=portal.session(), **kw)


def test_conditional_requests_transfer_nothing_when_unchanged(portal, tmp_path):
    portal.add(H + "/f.pdf", Route(PDF, "application/pdf"))
    c = client(portal)
    first = c.file(H + "/f.pdf", FAST, tmp_path / "1.part")
    assert (first.status, first.size, first.received, first.head[:8]) == (200, len(PDF), len(PDF), b"%PDF-1.4")
    assert first.path.read_bytes() == PDF and first.sha256
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    for validators in ({"etag": etag}, {"last_modified": modified}, {"etag": etag, "last_modified": modified}):
        again = c.file(H + "/f.pdf", FAST, tmp_path / "2.part", validators)
        assert again.not_modified and again.ok and again.received == 0 and again.path is None
        assert not (tmp_path / "2.part").exists()
    assert c.received == len(PDF) and portal.sent["//a.example/f.pdf"] == len(PDF)


def test_retries_back_off_then_succeed(portal):
    portal.add(H + "/p.html", Route(b"<html>ok</html>", first=[503, 502]))
    rec = Recorder()
    got = client(portal, sleep=rec).page(H + "/p.html", FAST)
    assert (got.status, got.body, got.attempts) == (200, b"<html>ok</html>", 3)
    assert [s for s in rec.sleeps if s >= 0.4] == [0.5, 1.0]  # backoff 0.5 s, then 1 s


def test_retry_after_is_honoured_and_capped(portal):
    portal.add(H + "/busy.html", Route(b"<html>ok</html>", first=[429], headers={"Retry-After": "1"}))
    portal.add(H + "/later.html", Route(b"<html>ok</html>", first=[503], headers={"Retry-After": "3600"}))
    rec = Recorder()
    c = client(portal, sleep=rec)
    assert c.page(H + "/busy.html", FAST).status == 200
    assert 1.0 in rec.sleeps
    pol = Politeness(requests_per_second=20, retries=1, backoff_seconds=0.01, max_backoff_seconds=0.2)
    assert c.page(H + "/later.html", pol).status == 200
    assert 0.2 in rec.sleeps and max(rec.sleeps) < 1.5


def test_a_404_is_not_retried(portal):
    got = client(portal).page(H + "/missing.html", FAST)
    assert (got.status, got.code, got.error, got.attempts, got.received) == (404, "http_404", "HTTP 404 Not Found", 1, 0)


def test_persistent_5xx_says_how_many_attempts(portal):
    portal.add(H + "/down.html", Route(b"", status=503, validators=False))
    got = client(portal).page(H + "/down.html", Politeness(requests_per_second=20, retries=1, backoff_seconds=0.01))
    assert got.error == "HTTP 503 Service Unavailable (after 2 attempts)" and got.code == "http_503"


def test_a_slow_response_times_out_after_every_retry(portal, tmp_path):
    portal.add(H + "/slow.pdf", Route(PDF, "application/pdf", delay=3.0))
    pol = Politeness(requests_per_second=20, retries=1, backoff_seconds=0.05, read_timeout_seconds=0.3)
    got = client(portal).file(H + "/slow.pdf", pol, tmp_path / "s.part")
    assert got.code == "timeout" and got.attempts == 2 and got.received == 0
    assert got.error.startswith("timed out after 2 attempts (no byte for 0.3 s")
    assert not (tmp_path / "s.part").exists()


def test_redirects_are_followed_and_loops_end_with_the_chain(portal):
    portal.redirect(H + "/old.html", "/new.html", status=301)
    portal.page(H + "/new.html", "<html>moved</html>")
    c = client(portal)
    got = c.page(H + "/old.html", FAST)
    assert (got.status, got.final_url, got.redirects) == (200, H + "/new.html", [H + "/new.html"])
    portal.redirect(H + "/a", H + "/b")
    portal.redirect(H + "/b", "/a")
    loop = c.page(H + "/a", FAST)
    assert (loop.code, loop.error) == ("redirect_loop", f"redirect loop: {H}/a -> {H}/b -> {H}/a")
    for i in range(8):
        portal.redirect(f"{H}/hop{i}", f"/hop{i + 1}")
    far = c.page(H + "/hop0", FAST)
    assert far.code == "too_many_redirects"
    assert far.error.startswith("too many redirects (more than 5): " + f"{H}/hop0 -> {H}/hop1")
    assert far.error.endswith(f"{H}/hop6")


def test_size_cap_by_content_length_reads_nothing(portal, tmp_path):
    portal.add(H + "/big.pdf", Route(PDF, "application/pdf"))
    got = client(portal).file(H + "/big.pdf", Politeness(requests_per_second=20, max_bytes=5000), tmp_path / "b.part")
    assert got.code == "too_large" and got.received == 0
    assert got.error == f"{len(PDF):,} bytes (Content-Length), over the size cap of 5,000 bytes: not downloaded"
    assert not (tmp_path / "b.part").exists()


def test_size_cap_while_streaming(portal, tmp_path):
    body = b"%PDF-1.4\n" + b"y" * 300_000
    portal.add(H + "/stream.pdf", Route(body, "application/pdf", length=False))
    got = client(portal).file(H + "/stream.pdf", Politeness(requests_per_second=20, max_bytes=100_000),
                              tmp_path / "s.part")
    assert got.code == "too_large" and 100_000 < got.received < 100_000 + 64 * 1024 + 1
    assert got.error == f"more than 100,000 bytes (the size cap): download stopped after {got.received:,} bytes"
    assert not (tmp_path / "s.part").exists()


def test_robots_txt(portal):
    portal.page(H + "/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: fiscal-warehouse\n"
                                   "Disallow: /nofetch/\n", content_type="text/plain")
    portal.page(H + "/private/x.html", "<html>no</html>")
    portal.page(H + "/nofetch/x.html", "<html>no</html>")
    portal.page(H + "/open.html", "<html>yes</html>")
    portal.redirect(H + "/sneaky.html", "/nofetch/x.html")
    c = client(portal)
    assert c.page(H + "/open.html", FAST).status == 200
    # the group for our user agent replaces '*': /private/ is allowed to us, /nofetch/ is not
    assert c.page(H + "/private/x.html", FAST).status == 200
    denied = c.page(H + "/nofetch/x.html", FAST)
    assert denied.code == "robots" and denied.error == (
        f"disallowed by {H}/robots.txt for user agent 'fiscal-warehouse'")
    assert c.page(H + "/sneaky.html", FAST).code == "robots"  # a redirect hop is checked too
    assert not portal.requests_to("//a.example/nofetch/x.html")
    assert len(portal.requests_to("//a.example/robots.txt")) == 1  # once per run and origin


def test_robots_unreachable_blocks_the_host_and_404_allows(portal):
    portal.add("http://b.example/robots.txt", Route(b"", status=503, validators=False))
    portal.page("http://b.example/x.html", "<html>x</html>")
    portal.page("http://c.example/x.html", "<html>x</html>")
    c = client(portal)
    pol = Politeness(requests_per_second=20, retries=0)
    got = c.page("http://b.example/x.html", pol)
    assert got.code == "robots_unreachable"
    assert got.error.startswith("http://b.example/robots.txt unreachable (HTTP 503 Service Unavailable)")
    assert not portal.requests_to("//b.example/x.html")
    assert c.page("http://c.example/x.html", pol).status == 200  # robots.txt 404: no rules


def test_robots_can_be_switched_off_per_source(portal):
    portal.page(H + "/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    portal.page(H + "/x.html", "<html>x</html>")
    c = client(portal)
    assert c.page(H + "/x.html", FAST).code == "robots"
    assert c.page(H + "/x.html", Politeness(requests_per_second=20, obey_robots=False)).status == 200


def test_politeness_spaces_requests_to_a_host(portal):
    for i in range(5):
        portal.page(f"{H}/{i}.html", "<html>x</html>")
    c = client(portal)
    pol = Politeness(requests_per_second=5)
    for i in range(5):
        assert c.page(f"{H}/{i}.html", pol).status == 200
    times = sorted(t for t, url, _ in portal.log if url.startswith("//a.example/") and url.endswith(".html"))
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 4 and min(gaps) >= 0.19  # 1 / 5 per second, less the clock's resolution


def test_crawl_delay_slows_a_host_down(portal):
    portal.page(H + "/robots.txt", "User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    for i in range(2):
        portal.page(f"{H}/{i}.html", "<html>x</html>")
    c = client(portal)
    for i in range(2):
        c.page(f"{H}/{i}.html", FAST)  # 20 requests per second asked, robots.txt says 1 s apart
    (a, b) = sorted(t for t, url, _ in portal.log if url.endswith(".html"))
    assert b - a >= 0.95


def test_every_received_byte_is_counted(portal, tmp_path):
    portal.page(H + "/p.html", "<html>" + "p" * 5000 + "</html>")
    portal.add(H + "/f.pdf", Route(PDF, "application/pdf"))
    c = client(portal)
    c.page(H + "/p.html", FAST)
    c.file(H + "/f.pdf", FAST, tmp_path / "f.part")
    assert c.received == sum(portal.sent.values()) - portal.sent["//a.example/robots.txt"]
