"""Polling feeds: each due feed is fetched conditionally, each new item's article page is
fetched and read (trafilatura), the new documents are ingested and extracted, and the feed's
validators are saved only once its items are stored, so a crash or a stop re-fetches nothing
that was stored and loses nothing that was not.

One log line per request (logger ``marsad.watch``)."""
from __future__ import annotations

import hashlib
import logging
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from marsad.documents import Document, make_document
from marsad.errors import InputError
from marsad.watch.config import FeedSpec, WatchConfig
from marsad.watch.http import Fetcher, FetchError
from marsad.watch.state import FeedState, WatchState, stamp, utcnow

log = logging.getLogger("marsad.watch")


@dataclass
class FeedResult:
    url: str
    outcome: str                 # "read" | "unchanged" (304) | "error" | "stopped"
    status: int | None = None
    entries: int = 0
    new: int = 0
    articles: int = 0            # article pages read
    summaries: int = 0           # items kept as the feed's summary (article unreadable)
    error: str | None = None


@dataclass
class RoundReport:
    feeds: list[FeedResult] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    already: int = 0
    non_arabic: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)     # items and documents that failed

    @property
    def ok(self) -> bool:
        return not self.errors and all(f.outcome != "error" for f in self.feeds)


def entry_key(entry) -> str:
    """The entry's id (guid), else its link, else a hash of its title and summary."""
    for key in ("id", "link"):
        value = (entry.get(key) or "").strip()
        if value:
            return value
    raw = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha1:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()


class Watcher:
    """Polls the feeds of a WatchConfig into a Store with one Fetcher."""

    def __init__(self, store, config: WatchConfig, fetcher: Fetcher, *, extract: bool = True,
                 clock=utcnow) -> None:
        self.store, self.config, self.fetcher = store, config, fetcher
        self.state = WatchState(store)
        self.extract, self.clock = extract, clock

    # -- scheduling ------------------------------------------------------------------------
    def due(self, *, every: bool = False) -> list[FeedSpec]:
        """Feeds whose interval (or backoff) has passed; all of them with every=True."""
        now = self.clock()
        out = []
        for spec in self.config.feeds:
            at = self.state.feed(spec.url).due_at(spec.interval)
            if every or at is None or at <= now:
                out.append(spec)
        return out

    def seconds_to_next(self) -> float:
        now = self.clock()
        waits = []
        for spec in self.config.feeds:
            at = self.state.feed(spec.url).due_at(spec.interval)
            waits.append(0.0 if at is None else (at - now).total_seconds())
        return max(0.0, min(waits, default=60.0))

    # -- one round --------------------------------------------------------------------------
    def round(self, *, every: bool = False, stop: threading.Event | None = None) -> RoundReport:
        """Poll every due feed once, ingest what is new, then extract the new Arabic documents."""
        from marsad.ingest import ingest_documents

        report = RoundReport()
        for spec in self.due(every=every):
            if stop is not None and stop.is_set():
                break
            state = self.state.feed(spec.url)
            result, items, rows = self.poll_feed(spec, state, stop)
            report.feeds.append(result)
            if items:
                ingested = ingest_documents(items, self.store)
                report.added += ingested.added
                report.already += ingested.already
                report.non_arabic += ingested.non_arabic
                report.errors += [str(e) for e in ingested.errors]
            if rows:
                self.state.add_items(rows)
            if result.outcome != "stopped":
                self.state.save_feed(state, spec.interval)
        if self.extract and report.added:
            self._extract(report)
        return report

    def _extract(self, report: RoundReport) -> None:
        from marsad.store import hooks, runner, save_extraction

        version, events = runner.current_version(), 0
        skip = set(report.non_arabic)
        docs = list(self.store.documents([d for d in report.added if d not in skip]))
        # as `marsad extract` does: each document isolated, and stopped at the per-document time limit
        for doc_id, result, error in runner.extract_isolated(docs, timeout=runner.DOC_TIMEOUT):
            if error or result is None:
                report.errors.append(f"{doc_id}: {error}")
                continue
            save_extraction(self.store, doc_id, version, result)
            report.extracted.append(doc_id)
            events += len(result.get("events") or [])
        if report.extracted:
            hooks.after_extract(self.store, list(report.extracted))
        log.info("extract %d new documents: %d events", len(report.extracted), events)

    # -- one feed ------------------------------------------------------------------------------
    def poll_feed(self, spec: FeedSpec, state: FeedState, stop: threading.Event | None = None):
        """(FeedResult, [(document or error, where)], [watch_items rows]); updates `state`."""
        state.last_checked = stamp(self.clock())
        try:
            response = self.fetcher.get(spec.url, state.conditional_headers())
        except FetchError as exc:
            return self._failed(spec, state, exc.reason, exc.status), [], []
        state.last_status = response.status
        if response.status == 304:
            state.failures, state.last_error = 0, None
            log.info("feed 304 %s not modified (%.2fs)", spec.url, response.elapsed)
            return FeedResult(spec.url, "unchanged", 304), [], []
        try:
            parsed = _parse(spec.url, response.body)
        except InputError as exc:
            return self._failed(spec, state, exc.reason, response.status), [], []
        entries = parsed.entries
        keys = [entry_key(e) for e in entries]
        known = self.state.known(keys)
        fresh = [(k, e) for k, e in zip(keys, entries) if k not in known]
        fresh = list({k: (k, e) for k, e in reversed(fresh)}.values())     # oldest first, each key once
        moved = f", redirected from {response.redirects[0]}" if response.redirects else ""
        log.info("feed %d %s %d entries, %d new (%.2fs%s)", response.status, spec.url, len(entries), len(fresh),
                 response.elapsed, moved)
        result = FeedResult(spec.url, "read", response.status, len(entries), len(fresh))
        items, rows = [], []
        site = parsed.feed.get("title")
        for key, entry in fresh:
            if stop is not None and stop.is_set():
                result.outcome = "stopped"      # validators not saved: the rest is read next time
                break
            item, row = self._item(spec.url, key, entry, site, result)
            items.append((item, spec.url))
            rows.append(row)
        if result.outcome == "read":
            state.etag = response.headers.get("etag") or state.etag
            state.last_modified = response.headers.get("last-modified") or state.last_modified
            state.failures, state.last_error = 0, None
        return result, items, rows

    def _failed(self, spec: FeedSpec, state: FeedState, reason: str, status: int | None) -> FeedResult:
        state.failures += 1
        state.last_status, state.last_error = status, reason
        log.warning("feed %s %s failed: %s (failure %d; next try in %ds)", status or "---", spec.url, reason,
                    state.failures, round(state.wait(spec.interval)))
        return FeedResult(spec.url, "error", status, error=reason)

    def _item(self, feed_url: str, key: str, entry, site: str | None, result: FeedResult):
        """One new entry -> (Document or InputError, watch_items row)."""
        from marsad.readers import is_url

        link = (entry.get("link") or "").strip() or None
        doc, error = None, None
        if link and is_url(link):
            doc, error = self._article(link)
        if doc is None:
            doc = _summary_document(entry, link, site)
            if doc is None:
                reason = error or "no text and no article link"
                return InputError(f"{feed_url}: entry {key}", reason), (key, feed_url, link, "failed", None, reason)
            result.summaries += 1
            status = "summary"
        else:
            result.articles += 1
            status = "article"
        doc.title = doc.title or (entry.get("title") or "").strip() or None
        doc.source = doc.source or site
        doc.meta.update({"feed": feed_url, "entry": key})
        _entry_date(doc, entry)
        return doc, (key, feed_url, link, status, doc.doc_id, error)

    def _article(self, link: str) -> tuple[Document | None, str | None]:
        from marsad.readers.html import parse_html

        try:
            response = self.fetcher.get(link)
            moved = f", redirected to {response.url}" if response.redirects else ""
            log.info("article %d %s %d bytes (%.2fs%s)", response.status, link, len(response.body),
                     response.elapsed, moved)
            return parse_html(link, response.text(), url=response.url), None
        except FetchError as exc:
            log.warning("article %s %s failed: %s; keeping the feed's summary", exc.status or "---", link, exc.reason)
            return None, exc.reason
        except InputError as exc:
            log.warning("article %s unreadable: %s; keeping the feed's summary", link, exc.reason)
            return None, exc.reason

    # -- the loop ------------------------------------------------------------------------------
    def run(self, stop: threading.Event | None = None, *, once: bool = False, every: bool = False,
            on_round=None) -> None:
        """Poll until `stop` is set (SIGINT/SIGTERM set it when run in the main thread); with
        once=True, one round."""
        stop = stop or threading.Event()
        with _stop_on_signals(stop):
            while not stop.is_set():
                report = self.round(every=every, stop=stop)
                if on_round is not None:
                    on_round(report)
                if once:
                    break
                stop.wait(max(self.seconds_to_next(), 0.05))
        if stop.is_set():
            log.info("watch stopped")


def _parse(url: str, body: bytes):
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError(url, f"malformed feed ({parsed.get('bozo_exception')})")
        if not parsed.get("version"):
            raise InputError(url, "not an RSS/Atom feed")
    return parsed


def _summary_document(entry, link: str | None, site: str | None) -> Document | None:
    from marsad.readers.base import with_title
    from marsad.readers.feed import _entry_body

    title = (entry.get("title") or "").strip() or None
    body = _entry_body(entry)
    if not body.strip():
        return None
    return make_document(with_title(title, body), title=title, url=link, source=site, meta={"format": "feed"})


def _entry_date(doc: Document, entry) -> None:
    """A document its page left undated takes the feed entry's date (stated by the publisher)."""
    from marsad.pubdate import FEED, Recovered, plausible, set_recovered
    from marsad.readers.feed import _entry_date as feed_date

    if not doc.published and (day := plausible(feed_date(entry))):
        set_recovered(doc, Recovered(day, FEED, "published" if entry.get("published_parsed") else "updated"))


@contextmanager
def _stop_on_signals(stop: threading.Event):
    """SIGINT and SIGTERM set `stop` (the current request finishes, then the watch ends)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, _frame):
        # Event.set() takes the event's (non-reentrant) lock: called here, in the main thread, it
        # deadlocks when the signal lands while that thread is inside stop.wait() holding the lock.
        # A short thread sets it (and logs) as soon as the main thread lets go.
        def set_stop():
            log.info("%s: stopping after the current request", signal.Signals(signum).name)
            stop.set()
        threading.Thread(target=set_stop, name="watch-stop", daemon=True).start()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
