"""RSS and Atom feeds (feedparser), from a file or an http(s) URL. One document per entry."""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from marsad.documents import Document, make_document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES, html_to_text, read_bytes, with_title

FETCH_TIMEOUT = 20
USER_AGENT = "marsad/0.1 (+feed reader)"


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The body at an http(s) URL, refusing anything larger than max_bytes."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(url, f"unreadable ({getattr(exc, 'reason', exc)})") from exc
    if len(data) > max_bytes:
        raise InputError(url, f"too large (more than {max_bytes} bytes, see --max-bytes)")
    if not data.strip():
        raise InputError(url, "empty response")
    return data


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
