"""`marsad watch FEEDS --db DB --once`, and a long-running watch stopped by SIGTERM / SIGINT."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from newssite import ARREST, BOMB, article, rss
from typer.testing import CliRunner

from marsad.cli import app


def _feed(site):
    site.set("/a/arrest", article("قسد تعتقل ثلاثة من خلية لداعش في ذيبان", ARREST))
    site.set("/2025/08/31/bomb", article("مقتل جنديين بعبوة ناسفة قرب الطارمية", BOMB))
    site.set("/rss", rss(site, [("g1", "/a/arrest", "قسد تعتقل", "ملخص", "Fri, 29 Aug 2025 08:00:00 GMT"),
                                ("g2", "/2025/08/31/bomb", "مقتل جنديين", "ملخص", None)]),
             content_type="application/rss+xml", etag='"v1"')


def test_once_polls_ingests_extracts_and_a_second_run_fetches_nothing(site, tmp_path):
    _feed(site)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.url('/rss')} 10m\n", encoding="utf-8")
    db = tmp_path / "w.db"
    args = ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "feed 200 " + site.url("/rss") + " 2 entries, 2 new" in first.output
    assert first.output.count("article 200 ") == 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] >= 2
    again = CliRunner().invoke(app, args)                 # within the interval: nothing is due
    assert again.exit_code == 0 and "feed " not in again.output
    forced = CliRunner().invoke(app, args + ["--all"])   # asked anyway: a conditional request, 304
    assert "feed 304 " in forced.output and "article " not in forced.output
    assert site.hits["/a/arrest"] == 1 and site.hits["/rss"] == 2


def test_once_exits_1_when_a_feed_fails_and_2_on_a_bad_feeds_file(site, tmp_path):
    site.set("/down", status=503)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/down") + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["watch", str(feeds), "--db", str(tmp_path / "w.db"), "--once",
                                      "--delay", "0", "--retries", "0"])
    assert result.exit_code == 1 and "HTTP 503" in result.output
    feeds.write_text("not-a-url\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["watch", str(feeds), "--db", str(tmp_path / "w.db"), "--once"])
    assert result.exit_code == 1 and "not an http(s) URL" in result.output


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_watch_cleanly(site, tmp_path, signum):
    _feed(site)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.url('/rss')} 1s\n", encoding="utf-8")
    db = tmp_path / "w.db"
    marsad = os.path.join(os.path.dirname(sys.executable), "marsad")
    proc = subprocess.Popen([marsad, "watch", str(feeds), "--db", str(db), "--delay", "0", "--no-extract"],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while site.hits["/rss"] < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)                     # two polls: it is in its loop
        assert site.hits["/rss"] >= 2
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert f"{signum.name}: stopping" in err and "watch stopped" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM watch_items").fetchone()[0] == 2
