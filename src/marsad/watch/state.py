"""What `marsad watch` remembers in the database (migration 0004): per feed its validators
(ETag, Last-Modified), last poll and consecutive failures; every item seen, with what became of it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MAX_BACKOFF = 6 * 3600.0      # seconds: a failing feed is still tried at least this often


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def parse_stamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_checked: str | None = None
    failures: int = 0
    last_status: int | None = None
    last_error: str | None = None

    def wait(self, interval: float) -> float:
        """Seconds between the last poll and the next: the interval, doubled per consecutive failure."""
        if not self.failures:
            return interval
        return min(interval * 2 ** min(self.failures, 16), max(interval, MAX_BACKOFF))

    def due_at(self, interval: float) -> dt.datetime | None:
        """When the feed should next be polled (None: never polled, so now)."""
        last = parse_stamp(self.last_checked)
        return None if last is None else last + dt.timedelta(seconds=self.wait(interval))

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class WatchState:
    def __init__(self, store) -> None:
        self.store = store
        self.conn = store.conn

    def feed(self, url: str) -> FeedState:
        row = self.conn.execute(
            "SELECT url, etag, last_modified, last_checked, failures, last_status, last_error "
            "FROM watch_feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(*row) if row else FeedState(url)

    def save_feed(self, state: FeedState, interval: float) -> None:
        due = state.due_at(interval)
        values = (state.etag, state.last_modified, state.last_checked, due and stamp(due), state.failures,
                  state.last_status, state.last_error)
        with self.store.transaction() as conn:
            updated = conn.execute(
                "UPDATE watch_feeds SET etag=?, last_modified=?, last_checked=?, next_due=?, failures=?, "
                "last_status=?, last_error=? WHERE url=?", (*values, state.url)).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO watch_feeds(etag, last_modified, last_checked, next_due, failures, last_status, "
                    "last_error, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*values, state.url))

    def known(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            marks = ",".join("?" * len(part))
            found.update(r[0] for r in self.conn.execute(
                f"SELECT item_key FROM watch_items WHERE item_key IN ({marks})", part))
        return found

    def add_items(self, rows: list[tuple[str, str, str | None, str, str | None, str | None]]) -> None:
        """(item_key, feed_url, link, status, doc_id, error) of items now handled."""
        now = stamp(utcnow())
        with self.store.transaction() as conn:
            for key, feed_url, link, status, doc_id, error in rows:
                if not conn.execute("SELECT 1 FROM watch_items WHERE item_key = ?", (key,)).fetchone():
                    conn.execute("INSERT INTO watch_items(item_key, feed_url, link, seen_at, status, doc_id, error) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (key, feed_url, link, now, status, doc_id, error))

    def items(self, feed_url: str | None = None) -> list[dict]:
        sql = "SELECT item_key, feed_url, link, seen_at, status, doc_id, error FROM watch_items"
        rows = self.conn.execute(sql + (" WHERE feed_url = ?" if feed_url else "") + " ORDER BY seen_at, item_key",
                                 (feed_url,) if feed_url else ())
        return [dict(zip(("item_key", "feed_url", "link", "seen_at", "status", "doc_id", "error"), r)) for r in rows]
