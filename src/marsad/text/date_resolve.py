"""Calendar arithmetic for date mentions: relative rules resolved against a
publication date, Hijri conversion, parts of months and years.

Definitions (documented choices):

* weekday name (الخميس, الخميس الماضي): the latest such day on or before
  publication;
* الأسبوع الماضي: the previous calendar week, Monday..Sunday, before the week
  that holds the publication date; هذا الأسبوع: that week's Monday..publication;
* قبل أيام / منذ أيام: publication-7 .. publication-1;
* الليلة الماضية: the evening before publication .. publication day; ليلة أمس / ليل أمس:
  yesterday only (the night is named by its evening);
* الشهر الماضي: the whole previous month; الشهر الجاري: 1st .. publication;
* مطلع / منتصف / أواخر of a month: days 1-10 / 11-20 / 21-end; of a year:
  Jan-Apr / May-Aug / Sep-Dec;
* a day and month without a year: that date in the publication year, or the
  year before when it would fall more than 30 days after publication; with
  الماضي after the month, the latest such day on or before publication, with
  المقبل the first on or after it;
* a month without a year: the nearest such month on or before publication;
* منذ بداية العام: a period (rule ``period_year``), 1 January .. publication.
"""
from __future__ import annotations

import calendar
import datetime as dt

Range = tuple[dt.date, dt.date]
FUTURE_TOLERANCE_DAYS = 30
PARTS = {"start": (1, 10), "mid": (11, 20), "end": (21, 31)}
YEAR_PARTS = {"start": (1, 4), "mid": (5, 8), "end": (9, 12)}
PAST_REFS = ("الماضي", "الفايت", "المنصرم", "السابق")


def month_range(year: int, month: int) -> Range:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year_day(month: int, day: int, pub: dt.date, ref: str | None = None) -> dt.date | None:
    """A day+month without a year, placed relative to publication.

    ``ref`` is the word after the month: a past word (الماضي ...) gives the latest
    such day on or before publication, المقبل the first on or after it.
    """
    if ref in PAST_REFS or ref == "المقبل":
        step = 1 if ref == "المقبل" else -1
        for year in (pub.year, pub.year + step, pub.year + 2 * step):
            d = safe_date(year, month, day)
            if d is not None and (d >= pub if step == 1 else d <= pub):
                return d
        return None
    d = safe_date(pub.year, month, day)
    if d is None:
        d = safe_date(pub.year - 1, month, day)
        return d
    if (d - pub).days > FUTURE_TOLERANCE_DAYS:
        return safe_date(pub.year - 1, month, day)
    return d


def infer_year_month(month: int, pub: dt.date, future: bool = False) -> int:
    """Year of the nearest such month on or before (after, if future) publication."""
    if future:
        return pub.year if month > pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def part_of_month(year: int, month: int, part: str) -> Range:
    a, b = PARTS[part]
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, a), dt.date(year, month, min(b, last))


def part_of_year(year: int, part: str) -> Range:
    a, b = YEAR_PARTS[part]
    return dt.date(year, a, 1), month_range(year, b)[1]


def latest_weekday(weekday: int, pub: dt.date) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def relative_range(rule: str, pub: dt.date) -> Range:
    """Resolve a relative rule from data/relative_dates.tsv against ``pub``."""
    day = dt.timedelta(days=1)
    if rule == "today":
        return pub, pub
    if rule == "yesterday":
        return pub - day, pub - day
    if rule == "day_before_yesterday":
        return pub - 2 * day, pub - 2 * day
    if rule == "last_night":
        return pub - day, pub
    if rule == "this_week":
        return pub - pub.weekday() * day, pub
    if rule == "last_week":
        monday = pub - (pub.weekday() + 7) * day
        return monday, monday + 6 * day
    if rule == "past_two_days":
        return pub - 2 * day, pub
    if rule == "past_hours":
        return pub - day, pub
    if rule == "days_ago":
        return pub - 7 * day, pub - day
    if rule in ("this_month", "period_month"):
        return pub.replace(day=1), pub
    if rule == "last_month":
        return month_range(*shift_month(pub.year, pub.month, -1))
    if rule in ("this_year", "period_year"):
        return dt.date(pub.year, 1, 1), pub
    if rule == "last_year":
        return dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
    raise ValueError(f"unknown relative rule {rule!r}")


def month_ref(ref: str | None, pub: dt.date) -> tuple[int, int]:
    """(year, month) of 'الشهر' + ref (الجاري/الماضي/...) relative to ``pub``."""
    if ref in ("الماضي", "الفايت", "المنصرم", "السابق"):
        return shift_month(pub.year, pub.month, -1)
    if ref == "المقبل":
        return shift_month(pub.year, pub.month, 1)
    return pub.year, pub.month


def hijri_to_gregorian(year: int, month: int, day: int | None) -> Range | None:
    """Gregorian range of a Hijri day (or whole month when ``day`` is None)."""
    try:
        from hijridate import Hijri
        if day is not None:
            g = Hijri(year, month, day).to_gregorian()
            d = dt.date(g.year, g.month, g.day)
            return d, d
        first = Hijri(year, month, 1)
        g1 = first.to_gregorian()
        start = dt.date(g1.year, g1.month, g1.day)
        return start, start + dt.timedelta(days=first.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def hijri_year_of(pub: dt.date, month: int, day: int | None) -> int | None:
    """Hijri year of the nearest such Hijri month/day on or before ``pub``."""
    try:
        from hijridate import Gregorian
        h = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    if (month, day or 1) <= (h.month, h.day):
        return h.year
    return h.year - 1


def precision_of(start: dt.date, end: dt.date) -> str:
    span = (end - start).days + 1
    if span <= 2:
        return "day"
    if span <= 11:
        return "week"
    if span <= 31:
        return "month"
    return "year"
