"""`marsad watch`: follow news feeds, fetch each new item's article, ingest and extract what is new.

    config = load_feeds("feeds.txt", default_interval=900)
    with Store(db) as store, Fetcher(delay=2) as fetcher:
        Watcher(store, config, fetcher).run()          # until SIGINT/SIGTERM; once=True for one round
"""
from marsad.watch.config import FeedSpec, WatchConfig, load_feeds, parse_duration
from marsad.watch.http import Fetcher, FetchError, Response
from marsad.watch.poll import FeedResult, RoundReport, Watcher, entry_key
from marsad.watch.state import FeedState, WatchState

__all__ = ["FeedResult", "FeedSpec", "FeedState", "FetchError", "Fetcher", "Response", "RoundReport",
           "WatchConfig", "WatchState", "Watcher", "entry_key", "load_feeds", "parse_duration"]
