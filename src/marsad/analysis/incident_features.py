"""What the merge derives from a stored event and its report, beyond the event row itself.

Nothing here extracts events: these are cheap readings of fields the records already carry.

- ``url_dates(url)``: the day (or month) a report's URL names (``/2016/7/7/``, ``/2017/09/``,
  ``2022-07-20-...``) — publication metadata for reports stored without ``published``;
- ``pub_window(...)``: the days a report may have been published, from ``published``, its URL, or
  its near-duplicate's (the document it copies);
- ``weekdays(text)``: the weekdays a sentence names for its event ("فجر الجمعة", "الثلاثاء"), leaving
  out a weekday that dates a statement ("أعلنت الوزارة الخميس") and widening a night ("ليل السبت")
  to the days around it;
- ``name_forms(name)``: the folded name, its words without generic place words, and its spelling
  skeleton (long vowels dropped: "باراخ" and "برخ" are one skeleton).
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from . import vocab

_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_VOWELS = str.maketrans("", "", "اويى")
EARLIEST = date(1990, 1, 1).toordinal()


def url_dates(url: str | None) -> tuple[int, int] | None:
    """(first, last) day ordinals a URL's path names, or None."""
    if not url:
        return None
    m = _URL_DAY.search(url)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
        except ValueError:
            d = None
        if d is not None and d >= EARLIEST:
            return d, d
    m = _URL_MONTH.search(url)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            first = date(year, month, 1).toordinal()
            if first >= EARLIEST:
                return first, date(year, month, calendar.monthrange(year, month)[1]).toordinal()
    return None


def iso_day(s: str | None) -> int | None:
    """The ordinal day of an ISO date (its first ten characters), None when absent or malformed."""
    if not s:
        return None
    try:
        return date.fromisoformat(str(s)[:10]).toordinal()
    except ValueError:
        return None


def pub_window(published: str | None, url: str | None, root_published: str | None = None,
               root_url: str | None = None) -> tuple[int, int] | None:
    """The days the report was published: its own date, its URL's, else its original's."""
    for pub, link in ((published, url), (root_published, root_url)):
        d = iso_day(pub)
        if d is not None:
            return d, d
        found = url_dates(link)
        if found:
            return found
    return None


@lru_cache(maxsize=1)
def _weekday_vocab() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    raw = vocab.incident_rules()
    days = {vocab.fold(k): v for k, v in raw["weekdays"].items()}
    night = frozenset(vocab.fold(w) for w in raw["weekday_night_cues"])
    report = frozenset(vocab.fold(w) for w in raw["weekday_report_cues"])
    return days, night, report


def _strip(token: str) -> str:
    """A clitic و/ف/ب/ل before a token ("والخميس", "بالأحد")."""
    if len(token) > 4 and token[0] in "وفبل" and token[1:3] == "ال":
        return token[1:]
    return token


def weekdays(text: str | None) -> frozenset[int] | None:
    """The weekdays (Monday = 0) a text names for its event, or None when it names none."""
    if not text:
        return None
    days, night, report = _weekday_vocab()
    tokens = [_strip(t) for t in _TOKEN.findall(vocab.fold(text))]
    found: set[int] = set()
    for i, tok in enumerate(tokens):
        day = days.get(tok)
        if day is None:
            continue
        before = tokens[max(0, i - 6):i]
        if any(b in report or b[1:] in report for b in before):
            continue            # the day a statement was made, not the event's
        found.add(day)
        if any(b in night for b in tokens[max(0, i - 3):i]):
            found.update(((day - 1) % 7, (day + 1) % 7))
    return frozenset(found) or None


def day_weekdays(start: int, end: int) -> frozenset[int] | None:
    """The weekdays a stated date range covers (None for a week or more: no constraint)."""
    if end - start >= 6:
        return None
    return frozenset(date.fromordinal(d).weekday() for d in range(start, end + 1))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_name_word(vocab.fold(w)) for w in vocab.incident_rules()["generic_place_words"])


def _name_word(word: str) -> str:
    """A folded name word without its article (names carry no other clitic: "باراخ" keeps its ب)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@lru_cache(maxsize=65536)
def name_forms(name: str | None) -> tuple[str, frozenset[str], str]:
    """(folded name, its specific words, spelling skeleton of the whole name)."""
    words = tuple(_name_word(w) for w in _TOKEN.findall(vocab.fold(name or "")))
    folded = " ".join(words)
    specific = frozenset(w for w in words if len(w) >= 3 and w not in _generic())
    skeleton = "".join(w.translate(_VOWELS) for w in words)
    return folded, specific, skeleton if len(skeleton) >= 3 else ""
