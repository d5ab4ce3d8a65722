"""RSS and Atom feeds (feedparser), from a file or an http(s) URL. One document per entry."""
from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from marsad.documents import Document, make_document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES, html_to_text, read_bytes, with_title

FETCH_TIMEOUT = 20      # seconds without a byte (connect, each read)
FETCH_TOTAL = 60        # seconds for the whole response: a server that trickles bytes is cut off
USER_AGENT = "marsad/0.1 (+feed reader)"
_CHUNK = 65536


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The body at an http(s) URL, refusing anything larger than max_bytes or slower than
    FETCH_TOTAL seconds in all (headers included: a server that trickles them is cut off too)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = _Deadline(FETCH_TOTAL)
    try:
        with deadline, deadline.opener().open(request, timeout=FETCH_TIMEOUT) as response:
            data = _read_until(url, response, max_bytes, deadline.at)
    except InputError:
        raise
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        if deadline.passed():
            raise InputError(url, f"too slow (no complete response within {FETCH_TOTAL} s)") from exc
        raise InputError(url, f"unreadable ({getattr(exc, 'reason', exc)})") from exc
    if len(data) > max_bytes:
        raise InputError(url, f"too large (more than {max_bytes} bytes, see --max-bytes)")
    if not data.strip():
        raise InputError(url, "empty response")
    return data


class _Deadline:
    """A timer that shuts the request's sockets down at the deadline, wherever the read is (status
    line, headers, body): a per-read timeout alone lets a server that sends a byte now and then hold
    the request for ever."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.cut)
        self.timer.daemon = True

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def cut(self) -> None:
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def track(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)

    def __enter__(self) -> _Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()

    def opener(self) -> urllib.request.OpenerDirector:
        deadline = self

        class TrackedHTTP(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                deadline.track(self.sock)

        class TrackedHTTPS(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                deadline.track(self.sock)

        class Http(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(TrackedHTTP, req)

        class Https(urllib.request.HTTPSHandler):     # the default context, as urlopen's
            def https_open(self, req):
                return self.do_open(TrackedHTTPS, req)

        return urllib.request.build_opener(Http, Https)


def _read_until(url: str, response, max_bytes: int, deadline: float) -> bytes:
    """At most max_bytes + 1 bytes of the body, one socket read at a time, giving up at the deadline."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputError(url, f"too slow (no complete response within {FETCH_TOTAL} s)")
        sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
        if sock is not None:
            sock.settimeout(min(FETCH_TIMEOUT, left))
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            if time.monotonic() >= deadline:      # the deadline shut the socket: not the end of the body
                raise InputError(url, f"too slow (no complete response within {FETCH_TOTAL} s)")
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _entry_body(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return html_to_text(content["value"])
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def parse_feed(where: str, data: bytes) -> Iterator[Document | InputError]:
    import feedparser   # only when a feed is read

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError(where, f"malformed feed ({parsed.get('bozo_exception')})")
        raise InputError(where, "not an RSS/Atom feed, or a feed without entries")
    site = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, 1):
        title = (entry.get("title") or "").strip() or None
        body = _entry_body(entry)
        if not body.strip():
            yield InputError(where, f"entry {i}: no text")
            continue
        yield make_document(
            with_title(title, body), title=title, url=entry.get("link"), source=site,
            published=_entry_date(entry), meta={"format": "feed", "feed": where})


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    if b"\x00" in (data := read_bytes(path, max_bytes))[:8192]:
        raise InputError(str(path), "binary file (contains NUL bytes)")
    yield from parse_feed(str(path), data)


def read_url(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    yield from parse_feed(url, fetch(url, max_bytes))
