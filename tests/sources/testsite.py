"""A real HTTP server on 127.0.0.1 (ephemeral port) that plays a news site and every fault a watcher meets.

Articles are written for these tests (real events, our own words). Routes:
- /robots.txt forbids /private/ (and answers 503 while `site.state["robots_failures"]` counts down);
  /feed.xml (ETag "feed-1", answers 304 to it) lists good articles,
  a redirect, 404, 500, a timeout, a slow article, a 50 MB answer (declared and chunked), a PDF, an
  image, a robots-forbidden page and a syndicated copy; /sitemap.xml lists two more articles;
- /statement is a page whose text changes when `site.state["statement"]` changes;
- /broken-feed.xml always answers 500; /not-a-feed.xml is a plain HTML page.
`site.requests` records (path, User-Agent) of every request.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ARTICLES = {
    "/news/paletwa": (
        "Arakan Army captures Paletwa",
        "2024-01-16",
        "The Arakan Army said on 15 January 2024 that it had captured Paletwa town in Chin State after "
        "weeks of fighting with the Myanmar military. The group said its fighters seized the last junta "
        "outpost on the hills above the town, and that residents who had fled were not yet returning. "
        "The military has not commented on the loss of the town, which lies on the Kaladan river.",
    ),
    "/news/laukkaing": (
        "MNDAA takes Laukkaing",
        "2024-01-05",
        "The Myanmar National Democratic Alliance Army said on 5 January 2024 that it had taken control of "
        "Laukkaing, the capital of the Kokang region in northern Shan State, after the regional military "
        "command surrendered. Several generals were among those who laid down their arms, the group said.",
    ),
    "/news/kawlin": (
        "Resistance forces capture Kawlin",
        "2023-11-07",
        "People's Defence Force fighters and their allies captured Kawlin town in Sagaing Region on "
        "6 November 2023, local resistance groups said. It was the first district capital to fall to the "
        "resistance since the coup. Fighting had gone on for several days around the police station.",
    ),
    "/news/slow": (
        "Karenni forces launch Operation 1111 in Loikaw",
        "2023-11-14",
        "Karenni resistance forces attacked military positions in Loikaw, the capital of Karenni State, "
        "on 11 November 2023, in an offensive they named Operation 1111. Residents fled the town as "
        "fighting spread to several wards, aid workers said.",
    ),
    "/news/sitemap-one": (
        "Chinshwehaw falls to the Brotherhood Alliance",
        "2023-10-30",
        "The Three Brotherhood Alliance said on 29 October 2023 that it had captured the border town of "
        "Chinshwehaw in northern Shan State, two days after launching Operation 1027 against the "
        "military. Trade through the crossing to China stopped, traders said.",
    ),
    "/news/sitemap-two": (
        "Karen forces overrun base near Myawaddy",
        "2024-04-11",
        "The Karen National Liberation Army said on 10 April 2024 that it had overrun the last military "
        "battalion base outside Myawaddy on the Thai border. Hundreds of soldiers withdrew to the "
        "bridge over the Moei river, Thai officials said.",
    ),
    "/news/redirected": (
        "Airstrike on Pazigyi village",
        "2023-04-12",
        "A military airstrike on a gathering in Pazigyi village in Kanbalu Township, Sagaing Region, on "
        "11 April 2023 killed more than 100 people, including children, residents and the opposition "
        "National Unity Government said. A jet dropped bombs on the crowd and a helicopter fired on survivors.",
    ),
    "/private/secret": ("Not for robots", "2024-01-01", "This page is forbidden to crawlers by robots.txt. " * 5),
}
STATEMENT = {
    1: "The relief committee said on 3 March 2024 that 2,000 people had fled fighting near Hpakant and were "
    "sheltering in monasteries. Food and medicine were running short, the committee said.",
    2: "The relief committee said on 4 March 2024 that 3,500 people had fled fighting near Hpakant and were "
    "sheltering in monasteries and schools. Food and medicine were running short, the committee said, and "
    "roads to the camps were closed.",
}
SYNDICATED_FOOTER = " This report first appeared with a partner outlet and is republished with permission."
HUGE_BYTES = 50 * 1024 * 1024
CHUNK = b"x" * 65536


def article_html(title: str, date: str, body: str) -> bytes:
    """A news page with navigation and a footer around the article (trafilatura keeps the article)."""
    paragraphs = "".join(f"<p>{sentence.strip()}.</p>" for sentence in body.split(". ") if sentence.strip())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='Test Wire'><meta name='date' content='{date}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About us</a></nav>"
        f"<article><h1>{title}</h1><p class='date'>{date}</p>{paragraphs}</article>"
        "<footer>Copyright Test Wire. Subscribe to our newsletter.</footer></body></html>"
    ).encode()


@dataclass
class Site:
    """The running site: its base URL, its mutable state and the requests it saw."""

    base: str
    state: dict[str, Any] = field(default_factory=lambda: {"statement": 1, "timeout_s": 3.0, "slow_s": 0.3})
    requests: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def feed_paths(self) -> list[str]:
        return [
            "/news/paletwa", "/news/laukkaing", "/syndicated/paletwa", "/old/pazigyi", "/missing",
            "/broken", "/timeout", "/news/slow", "/huge", "/huge-chunked", "/report.pdf", "/photo.png",
            "/private/secret", "/news/paletwa",
        ]  # fmt: skip


def feed_xml(site: Site) -> bytes:
    """An RSS feed of every route a watcher must survive (the last item repeats the first)."""
    items = "".join(
        f"<item><title>Item {n}</title><link>{site.url(path)}</link><guid>{site.url(path)}</guid>"
        f"<pubDate>Tue, 16 Jan 2024 1{n % 10}:00:00 GMT</pubDate><description>Summary {n}</description></item>"
        for n, path in enumerate(site.feed_paths())
    )
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Test Wire</title>"
        f"<link>{site.base}</link><description>Test feed</description>{items}</channel></rss>"
    ).encode()


def sitemap_xml(site: Site) -> bytes:
    urls = "".join(
        f"<url><loc>{site.url(path)}</loc><lastmod>{lastmod}</lastmod></url>"
        for path, lastmod in (("/news/sitemap-one", "2023-10-30"), ("/news/sitemap-two", "2024-04-11"))
    )
    return f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>".encode()


@functools.lru_cache(maxsize=1)
def pdf_bytes() -> bytes:
    """A one-page PDF with a text layer (fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Displacement update. Fighting in northern Shan State displaced about 50,000 people "
                   "between 27 October and 10 November 2023, the United Nations said.")  # fmt: skip
    pdf.set_title("Displacement update")
    return bytes(pdf.output())


class Handler(BaseHTTPRequestHandler):
    """Routes of the test site; `self.server.site` is the Site."""

    server: Any

    def log_message(self, *_args: Any) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        site: Site = self.server.site
        site.requests.append((self.path, self.headers.get("User-Agent", "")))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: expected
            self.route(site, self.path)

    def route(self, site: Site, path: str) -> None:
        if path == "/robots.txt":
            if site.state.get("robots_failures", 0) > 0:  # a server in trouble for its next N robots.txt asks
                site.state["robots_failures"] -= 1
                return self.send(503, b"busy")
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"feed-1"':
                return self.send(304, b"")
            return self.send(200, feed_xml(site), "application/rss+xml", ETag='"feed-1"')
        if path == "/sitemap.xml":
            return self.send(200, sitemap_xml(site), "application/xml")
        if path == "/statement":
            version = site.state["statement"]
            etag = f'"statement-{version}"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"")
            return self.send(200, article_html("Relief committee update", "2024-03-04", STATEMENT[version]), ETag=etag)
        if path == "/old/pazigyi":
            return self.send(301, b"", Location="/news/redirected")
        if path == "/syndicated/paletwa":
            title, date, body = ARTICLES["/news/paletwa"]
            return self.send(200, article_html(title, date, body + SYNDICATED_FOOTER))
        if path == "/news/slow":
            time.sleep(site.state["slow_s"])
        if path in ARTICLES:
            return self.send(200, article_html(*ARTICLES[path]))
        if path == "/broken" or path == "/broken-feed.xml":
            return self.send(500, b"internal error")
        if path == "/timeout":
            time.sleep(site.state["timeout_s"])
            return self.send(200, article_html("Too late", "2024-01-01", "This answer comes after the timeout. " * 5))
        if path == "/huge":
            return self.stream_huge(declare=True)
        if path == "/huge-chunked":
            return self.stream_huge(declare=False)
        if path == "/report.pdf":
            return self.send(200, pdf_bytes(), "application/pdf")
        if path == "/photo.png":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image/png")
        if path == "/not-a-feed.xml":
            return self.send(200, b"<html><body><p>Just a page, no feed here.</p></body></html>")
        return self.send(404, b"not found")

    def stream_huge(self, declare: bool) -> None:
        """50 MB of text, with or without a Content-Length (then closed to end it)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declare:
            self.send_header("Content-Length", str(HUGE_BYTES))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        for _ in range(HUGE_BYTES // len(CHUNK)):
            self.wfile.write(CHUNK)


@contextmanager
def running_site() -> Iterator[Site]:
    """Start the site on an ephemeral port of 127.0.0.1; stop it afterwards."""
    pdf_bytes()  # made before serving, so the PDF answer is not slower than the test timeout
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    server.site = site  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="test-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
