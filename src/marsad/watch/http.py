"""HTTP for `marsad watch` (httpx): timeouts, retries with backoff on timeouts and 5xx,
redirects followed, a size limit, conditional requests, and a politeness delay per host.

`sleep` and `clock` are parameters so that the delays can be checked without waiting."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from marsad.readers.base import DEFAULT_MAX_BYTES

USER_AGENT = "marsad/0.1 (+https://github.com/marsad; news watcher)"
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A request that gave no usable answer (network error, timeout, 4xx/5xx, too large)."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status


@dataclass
class Response:
    url: str                      # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float
    redirects: list[str] = field(default_factory=list)   # the URLs redirected from

    def text(self) -> str:
        """The body decoded by the declared charset, else a <meta charset>, else UTF-8."""
        declared = re.search(r"charset=([\w\-]+)", self.headers.get("content-type", ""), re.IGNORECASE)
        sniffed = _CHARSET.search(self.body[:4096])
        for charset in (declared and declared.group(1), sniffed and sniffed.group(1).decode(), "utf-8"):
            if charset:
                try:
                    return self.body.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.body.decode("utf-8", errors="replace")


class Fetcher:
    """One httpx client shared by every request of a watch."""

    def __init__(self, *, timeout: float = 20.0, retries: int = 2, backoff: float = 1.0,
                 delay: float = 1.0, max_bytes: int = DEFAULT_MAX_BYTES, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 transport=None) -> None:
        import httpx

        self.httpx = httpx
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport or httpx.HTTPTransport(retries=1))
        self.retries, self.backoff, self.delay, self.max_bytes = retries, backoff, delay, max_bytes
        self.sleep, self.clock = sleep, clock
        self._last: dict[str, float] = {}      # host -> clock() of its last request

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def polite(self, url: str) -> float:
        """Wait until `delay` seconds have passed since the last request to the URL's host;
        returns the seconds waited."""
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        wait = 0.0 if last is None else max(0.0, last + self.delay - self.clock())
        if wait > 0:
            self.sleep(wait)
        self._last[host] = self.clock()
        return wait

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET with retries (timeouts, connection errors, 5xx); 304 is an answer, not an error."""
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, headers or {})
            except FetchError as exc:
                transient = exc.status is None or exc.status >= 500 or exc.status == 429
                if not transient or attempt == self.retries or exc.reason.startswith("too large"):
                    raise
                self.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        httpx = self.httpx
        self.polite(url)
        started = self.clock()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                size = int(r.headers.get("content-length") or 0)
                if size > self.max_bytes:
                    raise FetchError(url, f"too large ({size} bytes; the limit is {self.max_bytes})", r.status_code)
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(url, f"too large (more than {self.max_bytes} bytes)", r.status_code)
                response = Response(str(r.url), r.status_code, {k.lower(): v for k, v in r.headers.items()},
                                    bytes(body), self.clock() - started, [str(h.url) for h in r.history])
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, "too many redirects", 310) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"unreachable ({type(exc).__name__}: {exc})") from exc
        if response.status >= 400:
            raise FetchError(url, f"HTTP {response.status}", response.status)
        return response
