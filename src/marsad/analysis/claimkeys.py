"""Canonical keys for claims: what is counted, where, and when (data-driven).

``claim_key(quantity)`` and ``place_key(place)`` map free text (English or
Arabic) to ids through ``data/claim_keys.json``; ``period(time)`` turns a
claim's ``time`` ("2018", "2018-08", "2018-08-05", "2014..2018") into a day
range. Nothing here touches the database.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from . import vocab

_TIME = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


@dataclass(frozen=True)
class KeyMatch:
    key: str        # canonical id, e.g. "isis_fighters.foreign"
    label: str      # readable English label of the key
    known: bool     # False when no data-file entry matched (key is the folded text)


def _slug(text: str) -> str:
    return "_".join(vocab.words(text))[:60] or "unknown"


def claim_key(quantity: str | None) -> KeyMatch:
    """The key of the first data-file entry whose phrase matches ``quantity``."""
    text_words = frozenset(vocab.words(quantity or ""))
    for entry in vocab.claim_keys():
        if entry.matches(text_words):
            return KeyMatch(entry.id, entry.label, True)
    return KeyMatch("other." + _slug(quantity or ""), (quantity or "").strip(), False)


def known_places(text: str | None) -> list[vocab.Entry]:
    """The data-file places a text names."""
    text_words = frozenset(vocab.words(text or ""))
    return [e for e in vocab.places() if e.matches(text_words)]


def place_key(place: str | None, evidence: str | None = None) -> tuple[str, str]:
    """(id, label) of a claim's place: the known places it names, sorted, joined by "+".

    When ``place`` names no known place (absent, or a stray word), the places named
    in ``evidence`` (the claim's sentence) are used; failing that, the folded text.
    """
    found = known_places(place) or known_places(evidence)
    if not found:
        if not (place or "").strip():
            return ("unspecified", "unspecified")
        return (_slug(place), place.strip())
    found.sort(key=lambda e: e.id)
    return ("+".join(e.id for e in found), " and ".join(e.label for e in found))


def _bound(text: str, last: bool) -> date | None:
    m = _TIME.match(text)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if last else 1)
    if not 1 <= month <= 12:
        return None
    if m.group(3):
        day = int(m.group(3))
    else:
        day = calendar.monthrange(year, month)[1] if last else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def period(time: str | None) -> tuple[date, date] | None:
    """The day range a claim's ``time`` covers, or None when absent/unreadable."""
    if not time:
        return None
    first, _, last = str(time).partition("..")
    lo = _bound(first, last=False)
    hi = _bound(last or first, last=True)
    if lo is None or hi is None or hi < lo:
        return None
    return (lo, hi)


def periods_overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """True when both periods are known and share at least one day."""
    if a is None or b is None:
        return False
    return a[0] <= b[1] and b[0] <= a[1]
