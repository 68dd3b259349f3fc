"""Fetching over HTTP(S) politely and safely: timeouts, redirects, a size limit, retries, robots.txt.

`Fetcher.get(url)` returns a `Fetched` page (or a 304 "not modified" answer when the caller's
ETag / Last-Modified validators still hold) or raises `FetchError` with a reason a person can act
on. Transient trouble (timeouts, connection errors, 429 and 5xx answers) is retried with
exponential back-off; a 4xx answer, a response over the size limit or a URL that robots.txt
forbids fails at once and is marked permanent, so watchers do not ask again and again.

Settings come from the environment so a service can be tuned without code:
MAWGUN_FETCH_TIMEOUT (seconds per network read, default 20), MAWGUN_FETCH_DEADLINE (seconds for a
whole response, default 120), MAWGUN_FETCH_RETRIES (default 2), MAWGUN_FETCH_BACKOFF (first
back-off in seconds, default 2) and MAWGUN_INGEST_MAX_MB (the size limit shared with file ingestion).
"""

from __future__ import annotations

import datetime as dt
import os
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from mawgun import __version__
from mawgun.ingest.limits import max_text_bytes

USER_AGENT = f"Mawgun/{__version__} (conflict-event monitor; +https://github.com/mawgun/mawgun)"
ROBOTS_AGENT = "Mawgun"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL could not be fetched; `permanent` when asking again will not help (4xx, too large, robots)."""

    def __init__(self, reason: str, *, permanent: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.permanent = permanent
        self.status = status


def env_float(name: str, default: float) -> float:
    """A number from the environment, the default when unset or not a number."""
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass
class FetchSettings:
    """Limits of one fetcher; `from_env()` reads the MAWGUN_FETCH_* variables."""

    timeout: float = 20.0
    deadline: float = 120.0
    retries: int = 2
    backoff: float = 2.0
    max_bytes: int = field(default_factory=max_text_bytes)
    max_redirects: int = 10
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls) -> FetchSettings:
        return cls(
            timeout=env_float("MAWGUN_FETCH_TIMEOUT", 20.0),
            deadline=env_float("MAWGUN_FETCH_DEADLINE", 120.0),
            retries=int(env_float("MAWGUN_FETCH_RETRIES", 2)),
            backoff=env_float("MAWGUN_FETCH_BACKOFF", 2.0),
        )


@dataclass
class Fetched:
    """One HTTP answer: the URL asked, the URL answered after redirects, status, body and validators."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_url(value: object) -> bool:
    """True for an http(s) URL given as text."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


class Fetcher:
    """An HTTP client with Mawgun's manners; use as a context manager (it holds connections)."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        import httpx

        self.settings = settings or FetchSettings.from_env()
        self.client = httpx.Client(
            follow_redirects=True,
            max_redirects=self.settings.max_redirects,
            timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": self.settings.user_agent},
        )
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The page at `url` (status 304 and no body when the validators still hold); FetchError otherwise."""
        check_scheme(url)
        headers = conditional_headers(etag, last_modified)
        attempt = 0
        while True:
            try:  # robots.txt too: an unanswered robots.txt is retried like the page, not failed at once
                self.check_robots(url)
                return self.get_once(url, headers)
            except FetchError as exc:
                if exc.permanent or attempt >= self.settings.retries:
                    raise
            attempt += 1
            time.sleep(self.settings.backoff * 2 ** (attempt - 1))

    def get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        """One request, streamed so that an oversized or endless response is cut off early."""
        import httpx

        try:
            with self.client.stream("GET", url, headers=headers) as response:
                check_status(response.status_code)
                body = b"" if response.status_code == 304 else self.read_body(response)
                return fetched_from(url, response, body)
        except httpx.TooManyRedirects as exc:
            raise FetchError(f"too many redirects (over {self.settings.max_redirects})", permanent=True) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out ({type(exc).__name__}, {self.settings.timeout:g} s limit)") from exc
        except httpx.TransportError as exc:
            raise FetchError(f"network error: {type(exc).__name__}: {exc}") from exc

    def read_body(self, response: Any) -> bytes:
        """The body, refused when its declared or actual size passes the limit or it takes past the deadline."""
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large(int(declared), limit)
        started = time.monotonic()
        parts: list[bytes] = []
        total = 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > limit:
                raise too_large(total, limit, at_least=True)
            if time.monotonic() - started > self.settings.deadline:
                raise FetchError(f"response too slow: not complete after {self.settings.deadline:g} s")
            parts.append(chunk)
        return b"".join(parts)

    def check_robots(self, url: str) -> None:
        """FetchError (permanent) when the site's robots.txt forbids Mawgun this URL."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self.load_robots(origin)
        rules = self.robots[origin]
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError("disallowed by the site's robots.txt", permanent=True)

    def load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt rules; None (everything allowed) when it has none (4xx).

        A server error or no answer at all raises a transient FetchError: RFC 9309 asks crawlers to
        assume everything is disallowed until robots.txt can be read.
        """
        import httpx

        try:
            response = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError as exc:
            raise FetchError(f"robots.txt unreachable ({type(exc).__name__}); will try again") from exc
        if response.status_code >= 500:
            raise FetchError(f"robots.txt answered HTTP {response.status_code}; will try again")
        if response.status_code >= 400:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(response.text[:500_000].splitlines())
        return rules


def check_scheme(url: str) -> None:
    """Only http and https are fetched."""
    if not is_url(url) or not urlsplit(url).netloc:
        raise FetchError(f"not an http(s) URL: {url}", permanent=True)


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the validators of the last fetch."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def check_status(status: int) -> None:
    """FetchError for an error status: transient for 429 and 5xx, permanent for other 4xx."""
    if status < 400:
        return
    if status in RETRY_STATUSES or status >= 500:
        raise FetchError(f"HTTP {status} (server trouble; will try again)", status=status)
    raise FetchError(f"HTTP {status}", permanent=True, status=status)


def too_large(size: int, limit: int, at_least: bool = False) -> FetchError:
    """The error for a response over the size limit."""
    more = "more than " if at_least else ""
    return FetchError(
        f"response too large: {more}{size / 1048576:.1f} MB over the {limit / 1048576:.0f} MB limit "
        "(raise MAWGUN_INGEST_MAX_MB if it is really one article)",
        permanent=True,
    )


def fetched_from(url: str, response: Any, body: bytes) -> Fetched:
    """A Fetched from an httpx response and its body."""
    content_type = response.headers.get("content-type", "")
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ")
    return Fetched(
        url=url,
        final_url=str(response.url),
        status=response.status_code,
        content=body,
        content_type=media.strip().lower(),
        charset=charset,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        fetched_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
