"""Dates in a FOLDED sentence resolved against the publication date (private finder;
the month and day vocabulary is lexicon data: dates.json)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from marsad.lexicon import fold_entry, load


@dataclass
class DateHit:
    start: int
    end: int
    date_start: date | None
    date_end: date | None
    relative: bool


@lru_cache(maxsize=1)
def _patterns():
    data = load("dates")
    months = {fold_entry(k): v for k, v in data["months"].items()}
    alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True)).replace(r"\ ", r"\s+")
    mon = rf"[بل]?({alt})(?:\s*[/(-]\s*(?:{alt})\)?)?"
    full = re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?{mon}(?:\s+(?:من\s+)?(?:عام|سنه|العام)?\s*(\d{{4}}))?(\s+الماضي)?")
    month_year = re.compile(rf"(?<!\w)(?:شهر\s+)?{mon}(?:\s+(?:من\s+)?(?:عام|سنه)?\s*(\d{{4}})|(\s+الماضي))")
    rel = {fold_entry(k): v for k, v in data["relative_days"].items()}
    rel.update({fold_entry(k): v for k, v in data["weekdays"].items()})
    kinds = {fold_entry(k): ("day", v) for k, v in data["relative_days"].items()}
    kinds.update({fold_entry(k): ("weekday", v) for k, v in data["weekdays"].items()})
    kinds.update({fold_entry(k): ("span", v) for k, v in data["relative_spans"].items()})
    kinds.update({fold_entry(k): ("last_month", 0) for k in data["last_month"]})
    ralt = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True)).replace(r"\ ", r"\s+")
    relative = re.compile(rf"(?<!\w)[وب]?(?:يوم\s+)?({ralt})(?!\w)")
    return months, full, month_year, relative, kinds


def _month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year_for(m: int, d: int, pub: date | None, past: bool) -> int | None:
    if pub is None:
        return None
    y = pub.year
    return y - 1 if (m, d) > (pub.month, pub.day) or (past and m == pub.month) else y


def find_dates(folded: str, published: date | None) -> list[DateHit]:
    months, full, month_year, relative, kinds = _patterns()
    out: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for m in full.finditer(folded):
        mon, d = months[" ".join(m.group(2).split())], int(m.group(1))
        y = int(m.group(3)) if m.group(3) else _year_for(mon, d, published, bool(m.group(4)))
        try:
            day = date(y, mon, d) if y else None
        except ValueError:
            day = None
        out.append(DateHit(m.start(), m.end(), day, day, not m.group(3)))
        taken.append((m.start(), m.end()))
    for m in month_year.finditer(folded):
        if any(s <= m.start() < e for s, e in taken):
            continue
        mon = months[" ".join(m.group(1).split())]
        y = int(m.group(2)) if m.group(2) else _year_for(mon, 1, published, True)
        a, b = _month_bounds(y, mon) if y else (None, None)
        out.append(DateHit(m.start(), m.end(), a, b, not m.group(2)))
        taken.append((m.start(), m.end()))
    for m in relative.finditer(folded):
        if any(s <= m.start() < e for s, e in taken):
            continue
        a, b = _resolve(kinds[" ".join(m.group(1).split())], published)
        out.append(DateHit(m.start(), m.end(), a, b, True))
    return sorted(out, key=lambda h: h.start)


def _resolve(kind: tuple, pub: date | None) -> tuple[date | None, date | None]:
    if pub is None:
        return None, None
    what, v = kind
    if what == "day":
        d = pub - timedelta(days=v)
        return d, d
    if what == "weekday":
        d = pub - timedelta(days=(pub.weekday() - v) % 7)
        return d, d
    if what == "span":
        return pub + timedelta(days=v[0]), pub + timedelta(days=v[1])
    first = pub.replace(day=1) - timedelta(days=1)
    return _month_bounds(first.year, first.month)
