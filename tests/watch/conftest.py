"""Fixtures of the watch tests: a news site on 127.0.0.1 and a watcher over a fresh database."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newssite import Site, handler
from http.server import ThreadingHTTPServer


@pytest.fixture
def site():
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(s))
    server.daemon_threads = True
    s.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def make_watcher(tmp_path):
    """make_watcher(feeds, **fetcher options) -> (Watcher, Store); closed at the end of the test."""
    from marsad.store import Store
    from marsad.watch import Fetcher, FeedSpec, WatchConfig, Watcher

    opened = []

    def make(feeds, *, db=None, interval=60.0, extract=True, **fetch):
        store = Store(db or tmp_path / "watch.db")
        options = {"timeout": 10.0, "retries": 0, "delay": 0.0, "backoff": 0.0, **fetch}
        fetcher = Fetcher(**options)
        opened.append((store, fetcher))
        specs = tuple(FeedSpec(u, interval) for u in feeds)
        return Watcher(store, WatchConfig(specs), fetcher, extract=extract), store

    yield make
    for store, fetcher in opened:
        fetcher.close()
        store.close()
