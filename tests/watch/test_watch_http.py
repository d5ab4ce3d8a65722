"""The watch's HTTP client against 127.0.0.1: retries, timeouts, size limit, redirects, charsets,
and the per-host politeness delay (checked through an injected clock, without waiting)."""
from __future__ import annotations

import pytest

from marsad.watch import Fetcher, FetchError
from marsad.watch.http import Response


class FakeClock:
    def __init__(self) -> None:
        self.now, self.slept = 100.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def test_politeness_delay_is_per_host():
    clock = FakeClock()
    fetcher = Fetcher(delay=2.0, sleep=clock.sleep, clock=clock)
    assert fetcher.polite("http://a.example/rss") == 0
    clock.now += 0.5
    assert fetcher.polite("http://a.example/article/1") == pytest.approx(1.5)     # same host: waits the rest
    assert fetcher.polite("http://b.example/rss") == 0                              # another host: no wait
    clock.now += 5
    assert fetcher.polite("http://A.EXAMPLE/article/2") == 0                        # long enough ago
    assert clock.slept == [1.5]
    fetcher.close()


def test_retries_a_500_then_succeeds_with_backoff(site):
    site.set("/flaky", "<rss version='2.0'><channel><title>t</title></channel></rss>", fail_first=2)
    clock = FakeClock()
    with Fetcher(retries=2, backoff=0.5, delay=0, sleep=clock.sleep, timeout=10) as fetcher:
        response = fetcher.get(site.url("/flaky"))
    assert response.status == 200 and site.hits["/flaky"] == 3
    assert clock.slept == [0.5, 1.0]


@pytest.mark.parametrize("route, reason, hits", [
    ({"status": 500}, "HTTP 500", 2),
    ({"status": 404}, "HTTP 404", 1),          # a client error is not retried
    ({"body": "x" * 5000}, "too large", 1),
], ids=["500-retried", "404", "too-large"])
def test_errors(site, route, reason, hits):
    site.set("/p", **route)
    with Fetcher(retries=1, backoff=0, delay=0, timeout=10, max_bytes=1000) as fetcher:
        with pytest.raises(FetchError) as err:
            fetcher.get(site.url("/p"))
    assert reason in err.value.reason and site.hits["/p"] == hits


def test_a_slow_answer_times_out(site):
    site.set("/slow", "<p>بطيء</p>", delay=1.5)
    with Fetcher(retries=0, delay=0, timeout=0.3) as fetcher:
        with pytest.raises(FetchError, match="timed out"):
            fetcher.get(site.url("/slow"))


def test_redirects_are_followed_and_remembered(site):
    site.set("/old", status=301, location=site.url("/new"))
    site.set("/new", "<p>جديد</p>")
    with Fetcher(delay=0) as fetcher:
        response = fetcher.get(site.url("/old"))
    assert (response.url, response.redirects) == (site.url("/new"), [site.url("/old")])


def test_a_redirect_loop_is_an_error(site):
    site.set("/loop", status=302, location="/loop")
    with Fetcher(delay=0, retries=0) as fetcher:
        with pytest.raises(FetchError, match="redirects"):
            fetcher.get(site.url("/loop"))


def test_a_refused_connection_is_an_error():
    with Fetcher(delay=0, retries=0, timeout=1) as fetcher:
        with pytest.raises(FetchError, match="unreachable"):
            fetcher.get("http://127.0.0.1:9/")


@pytest.mark.parametrize("headers, body, text", [
    ({"content-type": "text/html; charset=windows-1256"}, "خبر عاجل".encode("cp1256"), "خبر عاجل"),
    ({"content-type": "text/html"}, '<meta charset="windows-1256">خبر'.encode("cp1256"), '<meta charset="windows-1256">خبر'),
    ({}, "خبر".encode("utf-8"), "خبر"),
    ({"content-type": "text/html; charset=nonsense"}, "خبر".encode("utf-8"), "خبر"),
], ids=["declared", "meta", "utf8", "unknown-charset"])
def test_response_text_decodes_by_charset(headers, body, text):
    assert Response("http://x", 200, headers, body, 0.0).text() == text
