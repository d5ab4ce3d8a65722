"""The FEEDS file: one URL a line with an optional interval, or a TOML config."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.watch import load_feeds, parse_duration


@pytest.mark.parametrize("value, seconds", [
    ("90s", 90), ("10m", 600), ("2h", 7200), ("1d", 86400), ("300", 300), (45, 45), ("1.5m", 90), (" 5M ", 300),
])
def test_durations(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["", "ten minutes", "5x", "-5m", "0.2s", True])
def test_bad_durations(value):
    with pytest.raises(InputError):
        parse_duration(value)


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["s", "m", "h", "d", ""]))
def test_any_whole_duration_reads_back(n, unit):
    assert parse_duration(f"{n}{unit}") == n * {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 1}[unit]


def test_plain_text_feeds(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# وكالات\nhttps://a.example/rss\n\nhttps://b.example/atom.xml 10m  # كل عشر دقائق\n"
                    "https://a.example/rss 5m\n", encoding="utf-8")
    config = load_feeds(path, 900)
    assert [(f.url, f.interval) for f in config.feeds] == [("https://a.example/rss", 900),
                                                           ("https://b.example/atom.xml", 600)]   # first wins
    assert config.delay is None


def test_toml_config(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('interval = "20m"\ndelay = 3\n[[feed]]\nurl = "https://a.example/rss"\n'
                    '[[feed]]\nurl = "https://b.example/rss"\ninterval = "2m"\n', encoding="utf-8")
    config = load_feeds(path, 900)
    assert [(f.url, f.interval) for f in config.feeds] == [("https://a.example/rss", 1200),
                                                           ("https://b.example/rss", 120)]
    assert config.delay == 3


@pytest.mark.parametrize("name, text, reason", [
    ("feeds.txt", "ftp://a.example/rss\n", "line 1: not an http(s) URL"),
    ("feeds.txt", "https://a.example/rss every 5m\n", "line 1: expected 'URL [INTERVAL]'"),
    ("feeds.txt", "https://a.example/rss soon\n", "not a duration"),
    ("feeds.txt", "# فارغ\n", "no feed URL"),
    ("feeds.toml", "[[feed]\nurl=", "malformed TOML"),
    ("feeds.toml", "delay = -1\n[[feed]]\nurl = 'https://a.example/rss'\n", "delay"),
    ("feeds.toml", "[[feed]]\nname = 'x'\n", "feed 1: not an http(s) URL"),
])
def test_bad_feed_files_say_where(tmp_path, name, text, reason):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(reason)):
        load_feeds(path, 900)


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="unreadable"):
        load_feeds(tmp_path / "none.txt", 900)
