"""The FEEDS file of `marsad watch`: one feed a line, or a small TOML config.

Plain text (``#`` starts a comment)::

    https://example.org/rss            # polled every --interval
    https://example.net/atom.xml 10m   # its own interval: 90s, 10m, 2h or plain seconds

TOML (a file ending in .toml)::

    interval = "15m"        # default for every feed
    delay = 2               # seconds between two requests to one host
    [[feed]]
    url = "https://example.org/rss"
    interval = "5m"
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

MIN_INTERVAL = 1.0      # seconds; tests poll fast, real feeds should not go below a minute
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


@dataclass(frozen=True)
class FeedSpec:
    url: str
    interval: float          # seconds between polls


@dataclass(frozen=True)
class WatchConfig:
    feeds: tuple[FeedSpec, ...]
    delay: float | None = None     # per-host politeness delay from the file, if it sets one


def parse_duration(value, where: str = "interval") -> float:
    """'90s', '10m', '2h', '1d', 300 -> seconds (at least MIN_INTERVAL)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise InputError(where, f"not a duration: {value!r} (e.g. 90s, 10m, 2h)")
        seconds = float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]
    if seconds < MIN_INTERVAL:
        raise InputError(where, f"interval too short: {value!r} (at least {MIN_INTERVAL:g}s)")
    return seconds


def _check_url(where: str, url) -> str:
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise InputError(where, f"not an http(s) URL: {url!r}")
    return url.strip()


def _from_text(path: Path, text: str, default: float) -> WatchConfig:
    feeds = []
    for lineno, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        where = f"{path}: line {lineno}"
        if len(words) > 2:
            raise InputError(where, "expected 'URL [INTERVAL]'")
        interval = parse_duration(words[1], where) if len(words) == 2 else default
        feeds.append(FeedSpec(_check_url(where, words[0]), interval))
    return WatchConfig(tuple(feeds))


def _from_toml(path: Path, text: str, default: float) -> WatchConfig:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"malformed TOML ({exc})") from exc
    default = parse_duration(data["interval"], f"{path}: interval") if "interval" in data else default
    delay = data.get("delay")
    if delay is not None and (not isinstance(delay, (int, float)) or delay < 0):
        raise InputError(f"{path}: delay", f"must be a number of seconds >= 0, not {delay!r}")
    feeds = []
    for i, entry in enumerate(data.get("feed") or [], 1):
        where = f"{path}: feed {i}"
        if not isinstance(entry, dict):
            raise InputError(where, "expected a [[feed]] table")
        interval = parse_duration(entry["interval"], where) if "interval" in entry else default
        feeds.append(FeedSpec(_check_url(where, entry.get("url")), interval))
    return WatchConfig(tuple(feeds), delay)


def load_feeds(path: str | Path, default_interval: float) -> WatchConfig:
    """The feeds to watch; InputError (with the line) for anything that is not a feed URL."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"unreadable ({getattr(exc, 'strerror', None) or exc})") from exc
    reader = _from_toml if path.suffix.lower() == ".toml" else _from_text
    config = reader(path, text, default_interval)
    if not config.feeds:
        raise InputError(str(path), "no feed URL in the file")
    seen: dict[str, FeedSpec] = {}
    for feed in config.feeds:
        seen.setdefault(feed.url, feed)
    return WatchConfig(tuple(seen.values()), config.delay)
