"""Polling rounds against a news site on 127.0.0.1: new items, 304s, 500s, redirects, slow
answers, malformed XML, non-Arabic pages, restarts."""
from __future__ import annotations

import threading
import time

import pytest
from newssite import ARREST, BOMB, ENGLISH, SHELLING, article, http_date, rss

META_DATE = '<meta property="article:published_time" content="2025-08-29T09:30:00+03:00">'


def _two_items(site, etag='"v1"'):
    site.set("/a/arrest", article("قسد تعتقل ثلاثة من خلية لداعش في ذيبان", ARREST, meta=META_DATE))
    site.set("/2025/08/31/bomb", article("مقتل جنديين بعبوة ناسفة قرب الطارمية", BOMB))
    site.set("/rss", rss(site, [("g1", "/a/arrest", "قسد تعتقل ثلاثة", "ملخص الخبر الأول", None),
                                ("g2", "/2025/08/31/bomb", "مقتل جنديين", "ملخص الخبر الثاني", None)]),
             content_type="application/rss+xml", etag=etag)


def _docs(store):
    return {r["url"]: dict(r) for r in store.conn.execute("SELECT * FROM documents")}


def test_a_round_fetches_each_new_article_ingests_and_extracts_it(site, make_watcher):
    _two_items(site)
    watcher, store = make_watcher([site.url("/rss")])
    report = watcher.round()
    assert report.ok and [f.outcome for f in report.feeds] == ["read"]
    assert (report.feeds[0].new, report.feeds[0].articles, report.feeds[0].summaries) == (2, 2, 0)
    docs = _docs(store)
    arrest, bomb = docs[site.url("/a/arrest")], docs[site.url("/2025/08/31/bomb")]
    assert "ذيبان" in arrest["text"] and "ملخص" not in arrest["text"]   # the article, not the feed's summary
    assert arrest["published"] == "2025-08-29" and bomb["published"] == "2025-08-31"
    assert sorted(report.extracted) == sorted(d["doc_id"] for d in docs.values())
    events = store.conn.execute("SELECT doc_id, event_type, sub_event_type, date_start, date_note FROM events").fetchall()
    by_doc = {r["doc_id"]: r for r in events}
    assert by_doc[arrest["doc_id"]]["sub_event_type"] == "Arrests"
    assert by_doc[arrest["doc_id"]]["date_start"] == "2025-08-28"      # أمس الخميس against the page's date
    assert by_doc[arrest["doc_id"]]["date_note"] is None                # a stated date is not "recovered"
    assert by_doc[bomb["doc_id"]]["date_start"] == "2025-08-31"         # اليوم against the URL's date
    assert "recovered" in by_doc[bomb["doc_id"]]["date_note"]
    assert store.conn.execute("SELECT COUNT(*) FROM incident_events").fetchone()[0] == len(events)


def test_a_restart_refetches_nothing(site, make_watcher, tmp_path):
    _two_items(site)
    first, _ = make_watcher([site.url("/rss")], db=tmp_path / "w.db")
    first.round()
    fetched = dict(site.hits)
    again, store = make_watcher([site.url("/rss")], db=tmp_path / "w.db")     # a new process, same database
    report = again.round(every=True)
    assert [f.outcome for f in report.feeds] == ["unchanged"] and report.added == []
    assert site.hits["/rss"] == fetched["/rss"] + 1                      # asked, conditionally
    assert site.requests[-1][1].get("if-none-match") == '"v1"'
    assert site.hits["/a/arrest"] == fetched["/a/arrest"] == 1            # no article twice


def test_a_changed_feed_yields_only_its_new_item(site, make_watcher):
    _two_items(site)
    watcher, store = make_watcher([site.url("/rss")])
    watcher.round()
    site.set("/b/shelling", article("قصف تركي على ريف عين العرب", SHELLING))
    site.set("/rss", rss(site, [("g3", "/b/shelling", "قصف تركي", "ملخص", "Sat, 30 Aug 2025 18:00:00 GMT"),
                                ("g1", "/a/arrest", "قسد تعتقل ثلاثة", "ملخص الخبر الأول", None),
                                ("g2", "/2025/08/31/bomb", "مقتل جنديين", "ملخص الخبر الثاني", None)]),
             content_type="application/rss+xml", etag='"v2"')
    report = watcher.round(every=True)
    assert report.feeds[0].new == 1 and len(report.added) == 1
    assert (site.hits["/a/arrest"], site.hits["/b/shelling"]) == (1, 1)
    doc = store.get_document(report.added[0])
    assert doc.published == "2025-08-30" and "feed entry" in doc.meta["published_note"]


def test_last_modified_is_sent_back_and_a_304_reads_nothing(site, make_watcher):
    stamp = http_date()
    site.set("/a/arrest", article("قسد تعتقل ثلاثة", ARREST))
    site.set("/atom", rss(site, [("g1", "/a/arrest", "قسد تعتقل ثلاثة", "ملخص", None)]),
             content_type="application/rss+xml", last_modified=stamp)
    watcher, _ = make_watcher([site.url("/atom")])
    watcher.round()
    report = watcher.round(every=True)
    assert report.feeds[0].outcome == "unchanged"
    assert site.requests[-1][1].get("if-modified-since") == stamp


@pytest.mark.parametrize("route, reason", [
    ({"status": 500}, "HTTP 500"),
    ({"status": 404}, "HTTP 404"),
    ({"body": "<rss version='2.0'><channel><title>خبر<item><title>x</channel>", "content_type": "text/xml"},
     "malformed feed"),
    ({"body": "<html><body><p>صفحة عادية وليست خلاصة أخبار</p></body></html>"}, "not an RSS/Atom feed"),
], ids=["500", "404", "malformed-xml", "html-not-a-feed"])
def test_a_failing_feed_is_reported_backs_off_and_does_not_stop_the_others(site, make_watcher, route, reason):
    _two_items(site)
    site.set("/bad", **route)
    watcher, store = make_watcher([site.url("/bad"), site.url("/rss")], interval=60)
    report = watcher.round()
    bad, good = report.feeds
    assert bad.outcome == "error" and reason in bad.error and not report.ok
    assert good.outcome == "read" and len(report.added) == 2
    state = watcher.state.feed(site.url("/bad"))
    assert state.failures == 1 and state.wait(60) == 120              # the interval, doubled
    assert [s.url for s in watcher.due()] == []                        # neither is due again yet
    watcher.round(every=True)
    assert watcher.state.feed(site.url("/bad")).failures == 2
    assert watcher.state.feed(site.url("/bad")).wait(60) == 240


def test_a_feed_that_recovers_resets_its_backoff(site, make_watcher):
    _two_items(site)
    site.routes["/rss"].fail_first = 1
    watcher, _ = make_watcher([site.url("/rss")])
    assert watcher.round().feeds[0].outcome == "error"
    report = watcher.round(every=True)
    assert report.feeds[0].outcome == "read" and len(report.added) == 2
    assert watcher.state.feed(site.url("/rss")).failures == 0


def test_redirects_are_followed_for_feeds_and_articles(site, make_watcher):
    _two_items(site)
    site.set("/old-rss", status=301, location=site.url("/rss"))
    site.set("/go/1", status=302, location=site.url("/a/arrest"))
    site.set("/rss", rss(site, [("g1", "/go/1", "قسد تعتقل ثلاثة", "ملخص", None)]),
             content_type="application/rss+xml")
    watcher, store = make_watcher([site.url("/old-rss")])
    report = watcher.round()
    assert report.feeds[0].outcome == "read" and report.feeds[0].articles == 1
    assert list(_docs(store)) == [site.url("/a/arrest")]            # the article's final address


def test_an_unreadable_article_keeps_the_feeds_summary(site, make_watcher):
    summary = "أعلنت قوات الأمن القبض على مطلوب في مدينة الرقة خلال مداهمة ليلية."
    site.set("/rss", rss(site, [("g1", "/broken", "القبض على مطلوب في الرقة", summary, None),
                                ("g2", "/slow", "قصف تركي", "قصفت القوات التركية قرى في ريف عين العرب.", None)]),
             content_type="application/rss+xml")
    site.set("/broken", status=500)
    site.set("/slow", article("قصف تركي", SHELLING), delay=8)
    watcher, store = make_watcher([site.url("/rss")], timeout=3)
    report = watcher.round()
    assert report.feeds[0].summaries == 2 and report.feeds[0].articles == 0 and len(report.added) == 2
    items = {i["link"]: i for i in watcher.state.items()}
    assert items[site.url("/broken")]["status"] == "summary" and "HTTP 500" in items[site.url("/broken")]["error"]
    assert "timed out" in items[site.url("/slow")]["error"]
    assert summary in _docs(store)[site.url("/broken")]["text"]


def test_a_non_arabic_page_is_kept_but_not_extracted(site, make_watcher):
    site.set("/en/council", article("City council meets on budget", ENGLISH, lang="en"))
    site.set("/rss", rss(site, [("e1", "/en/council", "City council", "Council news", None)]),
             content_type="application/rss+xml")
    watcher, store = make_watcher([site.url("/rss")])
    report = watcher.round()
    assert len(report.added) == 1 and report.non_arabic == report.added and report.extracted == []
    assert store.conn.execute("SELECT lang, is_arabic FROM documents").fetchone()[:] == ("en", 0)


def test_an_entry_without_text_or_link_is_recorded_as_failed_once(site, make_watcher):
    site.set("/rss", "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
                     "<item><guid>empty-1</guid><title></title></item></channel></rss>",
             content_type="application/rss+xml")
    watcher, _ = make_watcher([site.url("/rss")])
    report = watcher.round()
    assert report.errors and "empty-1" in report.errors[0]
    assert [i["status"] for i in watcher.state.items()] == ["failed"]
    assert watcher.round(every=True).errors == []                 # not tried again


def test_the_loop_picks_up_a_new_item_within_one_interval_and_stops_on_request(site, make_watcher):
    _two_items(site)
    watcher, store = make_watcher([site.url("/rss")], interval=1.0)
    stop, rounds, seen = threading.Event(), [], []

    def newsroom():          # publishes a third item after the first round, then stops the watch
        deadline = time.monotonic() + 20
        while not rounds and time.monotonic() < deadline:
            time.sleep(0.05)
        site.set("/b/shelling", article("قصف تركي على ريف عين العرب", SHELLING))
        site.set("/rss", rss(site, [("g3", "/b/shelling", "قصف تركي", "ملخص", None)]),
                 content_type="application/rss+xml", etag='"v2"')
        while not any(r.added for r in rounds[1:]) and time.monotonic() < deadline:
            time.sleep(0.05)
        seen.append(len(rounds))
        stop.set()

    helper = threading.Thread(target=newsroom)
    helper.start()
    watcher.run(stop, on_round=rounds.append)      # in this thread, as the CLI runs it
    helper.join(5)
    assert len(rounds[0].added) == 2
    assert seen and any(r.added for r in rounds[1:])
    assert site.hits["/b/shelling"] == 1 and site.hits["/a/arrest"] == 1
    assert site.url("/b/shelling") in {r["url"] for r in store.conn.execute("SELECT url FROM documents")}


def test_each_feed_is_polled_on_its_own_interval_and_a_new_item_arrives_within_one(site, make_watcher, tmp_path):
    """With a clock the test moves: a feed is not asked again before its interval has passed, is asked
    as soon as it has, and an item published meanwhile is in the database after that poll, so within
    one interval of its publication; a feed with a longer interval keeps its own pace."""
    import datetime as dt

    from marsad.watch import FeedSpec, WatchConfig, Watcher
    _two_items(site)
    site.set("/weekly", rss(site, [("w1", "/a/arrest", "قسد تعتقل ثلاثة", "ملخص", None)]),
             content_type="application/rss+xml")
    _, store = make_watcher([])
    now = [dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.timezone.utc)]
    base, _ = make_watcher([])                  # only for its Fetcher (closed with the fixture)
    config = WatchConfig((FeedSpec(site.url("/rss"), 600.0), FeedSpec(site.url("/weekly"), 3600.0)))
    watcher = Watcher(store, config, base.fetcher, clock=lambda: now[0])
    assert len(watcher.round().added) == 2 and site.hits["/rss"] == site.hits["/weekly"] == 1
    assert watcher.seconds_to_next() == 600

    site.set("/b/shelling", article("قصف تركي على ريف عين العرب", SHELLING))      # published just after
    site.set("/rss", rss(site, [("g3", "/b/shelling", "قصف تركي", "ملخص", None)]),
             content_type="application/rss+xml", etag='"v2"')
    now[0] += dt.timedelta(seconds=599)
    assert watcher.due() == [] and watcher.round().feeds == [] and site.hits["/rss"] == 1
    assert watcher.seconds_to_next() == 1
    now[0] += dt.timedelta(seconds=1)                                           # one interval on
    assert [s.url for s in watcher.due()] == [site.url("/rss")]                 # the hourly feed waits
    report = watcher.round()
    assert len(report.added) == 1 and site.hits["/b/shelling"] == 1 and site.hits["/weekly"] == 1
    assert store.get_document(report.added[0]).url == site.url("/b/shelling")
    now[0] += dt.timedelta(seconds=3000)
    assert {s.url for s in watcher.due()} == {site.url("/rss"), site.url("/weekly")}


def test_a_stalled_article_is_stopped_at_the_time_limit_and_the_others_extracted(site, make_watcher, monkeypatch):
    """The watch extracts through the same isolated path as `marsad extract`: a report that stalls
    the extractor is stopped at the per-document limit and reported, the others are extracted (before,
    one hostile article held the watch for ever)."""
    import time as _time

    import marsad.extract
    import marsad.store.runner as runner
    _two_items(site)
    real = marsad.extract.extract_document

    def maybe_slow(doc):
        if doc.url and doc.url.endswith("/bomb"):
            _time.sleep(30)
        return real(doc)
    monkeypatch.setattr(marsad.extract, "extract_document", maybe_slow)
    monkeypatch.setattr(runner, "DOC_TIMEOUT", 1.0)
    watcher, store = make_watcher([site.url("/rss")])
    report = watcher.round()
    assert len(report.added) == 2 and len(report.extracted) == 1
    bomb = store.conn.execute("SELECT doc_id FROM documents WHERE url LIKE '%/bomb'").fetchone()[0]
    assert report.errors == [f"{bomb}: extraction stopped: it took over 1 s (the per-document limit)"]
    assert store.conn.execute("SELECT COUNT(*) FROM events WHERE doc_id = ?", (bomb,)).fetchone()[0] == 0
