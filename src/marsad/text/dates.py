"""Date mentions in Arabic news text, resolved to date ranges.

``find_dates(text, published)`` returns every date mention with its span in the
original text, the resolved range (``date_start``..``date_end``), a precision
(day/week/month/year), whether it is relative, the rule that produced it, and a
warning when a weekday contradicts the day. Relative and yearless mentions
without a publication date are returned unresolved (both ends None).

Vocabulary is data: months (Levantine, Egyptian/Gulf, Maghrebi, Hijri) in
data/months.tsv, weekdays, relative phrases, month parts and ordinal day words
(data/ordinal_days.tsv) in their TSVs.

* An ordinal day word is a day only right before (من) + a month name
  (``السابع من تشرين الثاني``, ``الحادي عشر من أيلول``) and not after a noun it
  would qualify instead (data/ordinal_blockers.txt: ``الأسبوع الأول من أيار``);
  ``الفرقة الرابعة`` and ``المرة الثانية`` are never dates.
* A day range before one month (``بين 19 و20 كانون الأول 2018``,
  ``من 3 إلى 5 أيار``, ``19-20 كانون الأول``) is one mention from the first day
  to the month/year (the preposition بين/من stays outside the span, like في),
  resolved to date_start..date_end (rule ``day_range``); و needs بين before it
  and إلى/حتى need من. When the first day is not before the second, only the
  second day with its month is read.
* A yearless day + month followed by الماضي (or a synonym) is the latest such
  day on or before publication; followed by المقبل, the next one on or after it.
* A day told relative to another day of the report (data/day_refs.tsv:
  ``وفي اليوم نفسه``, ``في اليوم ذاته``, ``صباح اليوم التالي``, ``اليوم السابق``)
  is a relative mention with no resolved date (both ends None, precision day),
  rule ``same_day_ref`` / ``next_day_ref`` / ``prev_day_ref``: it does not
  refer to publication.
* ``اليوم`` followed by an ordinal or a word of data/not_today_after.txt
  (``اليوم الأول من الهجوم``, ``اليوم الـ100``, ``في اليوم الواحد``) is a counted
  or named day, not today: no mention. ``حتى اليوم`` stays today, ``يوم أمس``
  yesterday.
* A day and month right after a noun of data/name_heads.txt names that place (``شارع 23 شباط``, ``جسر
  السادس من أكتوبر``, ``ساحة 14 تموز``): no mention (rule dates.named_place; seen in an Iraqi report's street
  and an Egyptian report's bridge).
Calendar choices are documented in :mod:`marsad.text.date_resolve`.
Matching runs on the folded text; one master regex finds candidates, its
alternatives ordered most specific first.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import date_resolve as R
from ._data import read_lines, read_tsv
from ._scan import scan, trie_regex
from .morph import strip_proclitics
from .normalize import fold_text, span_to_original

_S = r"[ \t]+"
_DAY = r"(?:ال)?(?P<{k}_d>[0-3]?\d)(?![\d.,/:])"
_YEAR = r"(?P<{k}_y>(?:1[3-4]|19|20)\d\d)(?!\d)"
_PAST = ("الماضي", "المنصرم", "الفايت", "السابق")
_REL_WORDS = "الجاري|الحالي|الماضي|المنصرم|الفايت|السابق|المقبل"
_TOD = "فجر|صباح|ظهر|ظهيره|عصر|مساء|ليله|ليل|منتصف ليل|منتصف ليله"
_D = r"[0-3]?\d(?![\d.,/:])"
_REF = rf"(?:{_S}(?P<{{k}}_ref>{_REL_WORDS}))?"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str
    relative: bool
    rule: str
    warning: str | None = None


@dataclass(frozen=True)
class _Vocab:
    months: dict
    weekdays: dict
    relative: dict
    parts: dict
    ordinals: dict
    blockers: frozenset
    day_refs: dict   # phrase -> same_day_ref / next_day_ref / prev_day_ref
    not_today: frozenset   # words after اليوم that make it a counted/named day
    master: re.Pattern
    gate: frozenset
    kinds: dict      # group number of each alternative -> its name


def _alt(words) -> str:
    esc = (re.escape(w).replace(r"\ ", _S) for w in set(words))
    return "|".join(sorted(esc, key=len, reverse=True))


def _trie_alt(words) -> str:
    """Like :func:`_alt`, factored as a prefix trie (fast at the many positions tried)."""
    return trie_regex(words).replace(r"\ ", _S)


_WS_RE = re.compile(r"\s+")


def _key(s: str) -> str:
    return _WS_RE.sub(" ", s.strip())


def _month_pat(k: str, words: str) -> str:
    return (rf"(?P<{k}_m>{words})(?:[ \t]*[/(][ \t]*(?P<{k}_m2>{words})\)?)?")


def _patterns(v: dict) -> list[tuple[str, str]]:
    """(alternative name, regex) in priority order."""
    # Word lists as prefix tries: the same choice as a longest-first alternation (of
    # two words that both match here one is a prefix of the other, and the trie
    # tries the longer first), without testing every word at every position.
    all_m = _trie_alt(v["months"])
    loose = _trie_alt(m for m, (_n, _c, strict) in v["months"].items() if not strict)
    wd = _trie_alt(v["weekdays"])
    parts = _trie_alt(v["parts"])
    rel = _trie_alt(v["relative"])
    pre = (r"(?:(?:(?:{tod})[ \t]+)?(?:يوم[ \t]+)?(?P<{k}_wd>{wd})[ \t]*[،,]?[ \t]*"
           r"(?:(?:الموافق|المصادف|الواقع[ \t]+في)[ \t]+)?(?:في[ \t]+)?)?")
    yr = r"(?:[ \t]*[،,]?[ \t]*(?:من[ \t]+)?(?:عام|العام|سنه|لعام)?[ \t]*" + _YEAR + r")?(?:[ \t]*(?P<{k}_era>هـ|ه|م)(?![\w]))?"

    def f(s: str, k: str) -> str:
        return s.replace("{pre}", pre).replace("{yr}", yr).format(k=k, tod=_TOD, wd=wd)

    return [
        ("period", rf"منذ{_S}(?:(?:بدايه|مطلع){_S})?(?:عام{_S}|العام{_S})?(?P<period_y>(?:19|20)\d\d)(?!\d)"),
        ("relative_phrase_long", rf"(?P<relative_phrase_long_r>{_alt(p for p in v['relative'] if p.startswith('منذ'))})"),
        ("day_range", f(rf"(?:(?:(?<=\bبين[ ])|(?<=\bفي[ ])|(?<=\bوفي[ ])|(?<=\bيومي[ ]))(?:ال)?(?P<{{k}}_a>{_D})[ \t]*و[ \t]*"
                        rf"|(?<=\bمن[ ])(?:ال)?(?P<{{k}}_b>{_D}){_S}(?:الي|حتي){_S}"
                        rf"|(?:ال)?(?P<{{k}}_c>{_D})[ \t]*[-–—][ \t]*)"
                        + _DAY + rf"(?:{_S}من)?{_S}" + _month_pat("{k}", all_m) + "{yr}" + _REF, "day_range")),
        ("day_ordinal", f(r"{pre}(?P<{k}_o>" + _trie_alt(v["ordinals"]) + rf")(?:{_S}من)?{_S}"
                          + _month_pat("{k}", all_m) + "{yr}" + _REF, "day_ordinal")),
        ("day_month", f(r"{pre}" + _DAY + rf"(?:{_S}من)?{_S}" + _month_pat("{k}", all_m) + "{yr}" + _REF, "day_month")),
        ("ordinal_relmonth", f(r"{pre}(?P<{k}_o>" + _trie_alt(v["ordinals"]) + rf")(?:{_S}من)?(?:{_S}هذا)?{_S}الشهر"
                               rf"(?:{_S}(?P<{{k}}_ref>{_REL_WORDS}))?", "ordinal_relmonth")),
        ("day_relmonth", f(r"{pre}" + _DAY + rf"(?:{_S}من)?(?:{_S}هذا)?{_S}الشهر(?:{_S}(?P<{{k}}_ref>{_REL_WORDS}))?", "day_relmonth")),
        ("numeric", f(r"{pre}(?:(?P<{k}_a>[0-3]?\d)[/.\-](?P<{k}_b>[01]?\d)[/.\-](?P<{k}_c>(?:19|20)\d\d)"
                      r"|(?P<{k}_c2>(?:19|20)\d\d)[/.\-](?P<{k}_b2>[01]?\d)[/.\-](?P<{k}_a2>[0-3]?\d))(?![\d])", "numeric")),
        ("part", rf"(?P<part_p>{parts}){_S}(?:(?:الشهر(?:{_S}(?P<part_ref>{_REL_WORDS}))?)"
                 rf"|(?:(?:العام|السنه){_S}(?P<part_yref>{_REL_WORDS}))|(?:(?:عام|العام|سنه){_S}(?P<part_yy>(?:19|20)\d\d))"
                 rf"|(?:(?:شهر{_S})?" + _month_pat("part", all_m) + rf"(?:{_S}(?:عام{_S})?(?P<part_y>(?:19|20)\d\d))?))"),
        ("month_year", rf"(?:شهر{_S})?" + _month_pat("month_year", all_m) + rf"[ \t]*[،,]?[ \t]*(?:من{_S})?(?:عام{_S}|العام{_S}|سنه{_S})?(?P<month_year_y>(?:1[3-4]|19|20)\d\d)(?!\d)(?:[ \t]*(?P<month_year_era>هـ|ه|م)(?![\w]))?"),
        ("month", rf"(?:شهر{_S}(?P<month_m>{all_m})|(?P<month_m3>{loose}))(?:[ \t]*[/(][ \t]*(?P<month_m2>{all_m})\)?)?"
                  rf"(?:{_S}(?P<month_ref>{_REL_WORDS}))?"),
        ("year", rf"(?:عام|العام|سنه|لعام|خلال{_S}عام){_S}(?P<year_y>(?:19|20)\d\d)(?!\d)(?:[ \t]*م(?![\w]))?"),
        ("day_ref", rf"(?:(?:{_TOD}){_S})?(?P<day_ref_r>{_trie_alt(v['day_refs'])})"),
        ("relative_phrase", rf"(?P<relative_phrase_r>{rel})"),
        ("ago", rf"قبل{_S}(?:(?P<ago_two>يومين|اسبوعين)|(?P<ago_week>اسبوع)|(?P<ago_n>\d{{1,2}}|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره){_S}(?:ايام|يوما))"),
        ("years_ago", rf"قبل{_S}(?:(?P<years_ago_two>عامين|سنتين)|(?P<years_ago_one>عام|سنه)(?![\w])(?![ \t]*\d)"
                      rf"|(?P<years_ago_n>\d{{1,2}}|{_alt(_YEARS)}){_S}(?:سنوات|اعوام|سنين))(?!{_S}من(?![\w]))"),
        ("weekday", f(rf"(?:(?:{{tod}})[ \t]+)?(?:يوم[ \t]+)?(?P<{{k}}_wd>{{wd}})(?:{_S}(?P<{{k}}_ref>الماضي|المنصرم|الفايت|السابق|المقبل))?", "weekday")),
    ]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    months = {_key(fold_text(r[0])): (int(r[1]), r[2], r[3] == "1") for r in read_tsv("months.tsv")}
    weekdays = {fold_text(r[0]): int(r[1]) for r in read_tsv("weekdays.tsv")}
    relative = {_key(fold_text(r[0])): r[1] for r in read_tsv("relative_dates.tsv")}
    parts = {fold_text(r[0]): r[1] for r in read_tsv("month_parts.tsv")}
    ordinals = {_key(fold_text(r[0])): int(r[1]) for r in read_tsv("ordinal_days.tsv")}
    blockers = frozenset(fold_text(w) for w in read_lines("ordinal_blockers.txt"))
    day_refs = {_key(fold_text(r[0])): r[1] for r in read_tsv("day_refs.tsv")}
    not_today = frozenset(fold_text(w) for w in read_lines("not_today_after.txt")) | {o.split()[0] for o in ordinals}
    v = {"months": months, "weekdays": weekdays, "relative": relative, "parts": parts, "ordinals": ordinals,
         "day_refs": day_refs}
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in _patterns(v))
    # the alternatives are the outermost groups: the one that matched is m.lastindex
    master = re.compile(rf"(?<![\w])(?:و|ف|ب|ل|وب|ول)?(?:{body})(?![\w])")
    kinds = {master.groupindex[name]: name for name in _HANDLERS}
    return _Vocab(months, weekdays, relative, parts, ordinals, blockers, day_refs, not_today, master,
                  _gate_words(v), kinds)


def _gate_words(v: dict) -> frozenset[str]:
    """Folded words that can open a date expression (besides digits)."""
    first = {w.split()[0] for key in ("months", "relative", "weekdays", "parts", "ordinals", "day_refs") for w in v[key]}
    first |= set(_TOD.replace(" ", "|").split("|")) | {"منذ", "يوم", "شهر", "عام", "العام", "سنه", "لعام", "خلال", "قبل"}
    return frozenset(first)


def weekday_numbers() -> dict[str, int]:
    """{folded weekday name: Python weekday (Monday=0)} from data/weekdays.tsv."""
    return dict(_vocab().weekdays)


def gate_words() -> frozenset[str]:
    """The pre-filter vocabulary used by :mod:`marsad.text._scan`."""
    return _vocab().gate


_UNRESOLVED_PRECISION = {
    "today": "day", "yesterday": "day", "day_before_yesterday": "day", "last_night": "day",
    "past_two_days": "day", "past_hours": "day",
    "this_week": "week", "last_week": "week", "days_ago": "week", "this_month": "month",
    "last_month": "month", "period_month": "month", "this_year": "year", "last_year": "year",
    "period_year": "year",
}


class _Ctx:
    """A match being resolved: collects the result fields."""

    def __init__(self, m: re.Match, kind: str, pub: dt.date | None) -> None:
        self.m, self.kind, self.pub = m, kind, pub
        self.warning: str | None = None

    def g(self, name: str) -> str | None:
        return self.m.group(f"{self.kind}_{name}")

    def month(self, name: str = "m") -> tuple[int, str] | None:
        s = self.g(name)
        if not s:
            return None
        num, cal, _strict = _vocab().months[_key(s)]
        s2 = self.g("m2")
        if s2:
            num2, _c, _s = _vocab().months[_key(s2)]
            if num2 != num:
                self.warning = f"month names disagree: {s} / {s2}"
        return num, cal


def _check_weekday(c: _Ctx, d: dt.date | None) -> None:
    try:
        wd = c.g("wd")
    except IndexError:
        return
    if wd and d is not None:
        expected = _vocab().weekdays[wd]
        if d.weekday() != expected:
            c.warning = f"weekday {wd} contradicts {d.isoformat()} ({d.strftime('%A')})"


def _day_month(c: _Ctx):
    return _day_of_month(c, int(c.g("d")))


def _day_ordinal(c: _Ctx):
    return _day_of_month(c, _vocab().ordinals[_key(c.g("o"))])


def _day_of_month(c: _Ctx, day: int):
    """A day of a named month: with a year, Hijri, or yearless (inferred from publication)."""
    mon = c.month()
    year = c.g("y")
    if mon is None or not 1 <= day <= 31:
        return None
    num, cal = mon
    if cal == "hijri" or (year and int(year) < 1500) or c.g("era") in ("ه", "هـ"):
        hy = int(year) if year else (R.hijri_year_of(c.pub, num, day) if c.pub else None)
        if hy is None:
            return (None, None, "day", True, "hijri_day")
        rng = R.hijri_to_gregorian(hy, num, day)
        return (*rng, "day", not year, "hijri_day") if rng else None
    if year:
        d = R.safe_date(int(year), num, day)
        return (d, d, "day", False, "day_month_year") if d else None
    if c.pub is None:
        return (None, None, "day", True, "day_month")
    d = R.infer_year_day(num, day, c.pub, c.g("ref"))
    return (d, d, "day", True, "day_month") if d else None


def _day_range(c: _Ctx):
    """``بين 19 و20 كانون الأول``: the second day resolves as a day+month; the first joins it."""
    first = int(c.g("a") or c.g("b") or c.g("c"))
    res = _day_of_month(c, int(c.g("d")))
    if res is None or not 1 <= first < int(c.g("d")):
        return None
    a, b, _prec, relative, _rule = res
    if b is None:
        return (None, None, "day", relative, "day_range")
    a = b - dt.timedelta(days=int(c.g("d")) - first)
    return (a, b, R.precision_of(a, b), relative, "day_range")


def _day_relmonth(c: _Ctx):
    return _of_relmonth(c, int(c.g("d")))


def _ordinal_relmonth(c: _Ctx):
    """``الثامن والعشرين من الشهر الماضي``: an ordinal day word of the month before, this one or the next."""
    return _of_relmonth(c, _vocab().ordinals[_key(c.g("o"))])


def _of_relmonth(c: _Ctx, day: int):
    """Day ``day`` of the month a relative-month phrase names (rule day_relmonth), by digits or by an ordinal word."""
    if not 1 <= day <= 31:
        return None
    if c.pub is None:
        return (None, None, "day", True, "day_relmonth")
    y, mo = R.month_ref(c.g("ref"), c.pub)
    d = R.safe_date(y, mo, day)
    return (d, d, "day", True, "day_relmonth") if d else None


def _numeric(c: _Ctx):
    if c.g("a"):
        d = R.safe_date(int(c.g("c")), int(c.g("b")), int(c.g("a")))
    else:
        d = R.safe_date(int(c.g("c2")), int(c.g("b2")), int(c.g("a2")))
    return (d, d, "day", False, "numeric") if d else None


def _part(c: _Ctx):
    part = _vocab().parts[c.g("p")]
    if c.g("yy"):
        return (*R.part_of_year(int(c.g("yy")), part), "month", False, "part_of_year")
    mon = c.month()
    if c.m.group("part_yref") is not None or (mon is None and c.g("ref") is None and c.g("yref")):
        if c.pub is None:
            return (None, None, "month", True, "part_of_year")
        y = c.pub.year - (1 if c.g("yref") in _PAST else 0)
        return (*R.part_of_year(y, part), "month", True, "part_of_year")
    if mon is None:
        if c.pub is None:
            return (None, None, "week", True, "part_of_month")
        return (*R.part_of_month(*R.month_ref(c.g("ref"), c.pub), part), "week", True, "part_of_month")
    num, cal = mon
    if cal == "hijri":
        return None
    if c.g("y"):
        return (*R.part_of_month(int(c.g("y")), num, part), "week", False, "part_of_month")
    if c.pub is None:
        return (None, None, "week", True, "part_of_month")
    return (*R.part_of_month(R.infer_year_month(num, c.pub), num, part), "week", True, "part_of_month")


def _month_year(c: _Ctx):
    num, cal = c.month()
    y = int(c.g("y"))
    if cal == "hijri" or y < 1500:
        rng = R.hijri_to_gregorian(y, num, None)
        return (*rng, "month", False, "hijri_month") if rng else None
    return (*R.month_range(y, num), "month", False, "month_year")


def _month(c: _Ctx):
    mon = c.month() or c.month("m3")
    if mon is None:
        return None
    num, cal = mon
    if c.pub is None:
        return (None, None, "month", True, "month")
    if cal == "hijri":
        hy = R.hijri_year_of(c.pub, num, None)
        rng = R.hijri_to_gregorian(hy, num, None) if hy else None
        return (*rng, "month", True, "hijri_month") if rng else None
    y = R.infer_year_month(num, c.pub, future=c.g("ref") == "المقبل")
    return (*R.month_range(y, num), "month", True, "month")


def _year(c: _Ctx):
    y = int(c.g("y"))
    return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False, "year")


def _period(c: _Ctx):
    y = int(c.g("y"))
    if c.pub is None or y > c.pub.year:   # "since" a year after publication: unresolved
        return (None, None, "year", True, "period_since")
    return (dt.date(y, 1, 1), c.pub, "year", True, "period_since")


def _relative(c: _Ctx):
    rule = _vocab().relative[_key(c.g("r"))]
    if c.pub is None:
        return (None, None, _UNRESOLVED_PRECISION[rule], True, rule)
    a, b = R.relative_range(rule, c.pub)
    return (a, b, _UNRESOLVED_PRECISION[rule], True, rule)


def _day_ref(c: _Ctx):
    """``اليوم نفسه``, ``اليوم التالي``: a day of the report's context, never resolved against publication."""
    return (None, None, "day", True, _vocab().day_refs[_key(c.g("r"))])


def _ago(c: _Ctx):
    two, week, n = c.g("two"), c.g("week"), c.g("n")
    days = 14 if two == "اسبوعين" else 2 if two else 7 if week else None
    if n:
        days = int(n) if n.isdigit() else _SMALL[n]
    prec = "week" if days >= 7 else "day"
    if c.pub is None:
        return (None, None, prec, True, "ago")
    d = c.pub - dt.timedelta(days=days)
    return (d, d, prec, True, "ago")


def _years_ago(c: _Ctx):
    """``قبل ثلاث سنوات``، ``قبل عامين``: the year that many years before publication."""
    n = c.g("n")
    years = 2 if c.g("two") else 1 if c.g("one") else int(n) if n and n.isdigit() else _YEARS[n or ""]
    if c.pub is None:
        return (None, None, "year", True, "years_ago")
    y = c.pub.year - years
    return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True, "years_ago")


_YEARS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10,
          "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10}
_SMALL = {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10}


def _weekday(c: _Ctx):
    wd = _vocab().weekdays[c.g("wd")]
    if c.pub is None:
        return (None, None, "day", True, "weekday")
    if c.g("ref") == "المقبل":
        d = c.pub + dt.timedelta(days=(wd - c.pub.weekday()) % 7 or 7)
    else:
        d = R.latest_weekday(wd, c.pub)
    return (d, d, "day", True, "weekday")


_HANDLERS = {
    "period": _period, "relative_phrase_long": _relative, "day_range": _day_range,
    "day_ordinal": _day_ordinal, "day_month": _day_month,
    "day_relmonth": _day_relmonth, "ordinal_relmonth": _ordinal_relmonth, "numeric": _numeric, "part": _part, "month_year": _month_year,
    "month": _month, "year": _year, "day_ref": _day_ref, "relative_phrase": _relative, "ago": _ago, "years_ago": _years_ago, "weekday": _weekday,
}
_CHECK_WEEKDAY = ("day_ordinal", "day_month", "day_relmonth", "ordinal_relmonth", "numeric")


def _kind(m: re.Match) -> str:
    """The alternative that matched: the last group to close is the outermost one."""
    kind = _vocab().kinds.get(m.lastindex)
    if kind is not None and m.start(kind) >= 0:
        return kind
    for name in _HANDLERS:
        if m.group(name) is not None:
            return name
    raise AssertionError("master regex matched no alternative")


@lru_cache(maxsize=16)
def _matches(text: str) -> tuple:
    sc = scan(text)
    norm = sc.norm
    f, voc, out, last = norm.folded, _vocab(), [], 0
    for pos in sc.dates:
        if pos < last:
            continue
        m = _checked(voc, f, voc.master.match(f, pos))
        if m is not None:
            out.append(m)
            last = m.end()
    return norm, tuple(out)


def _checked(voc: _Vocab, f: str, m: re.Match | None) -> re.Match | None:
    """Drop an ordinal that qualifies a non-day noun, and ``اليوم`` that is a counted or
    named day (``اليوم الأول من الهجوم``); a day range whose ends are not in order is
    read again from its second day."""
    if m is None:
        return None
    if m.group("relative_phrase") is not None:
        return None if _counted_day(voc, f, m) else m
    if m.group("day_ordinal") is not None or m.group("ordinal_relmonth") is not None:
        word = _word_before(f, m.start())
        if word in voc.blockers or word[1:] in voc.blockers:
            return None
    elif m.group("day_range") is not None:
        first = m.group("day_range_a") or m.group("day_range_b") or m.group("day_range_c")
        if int(first) >= int(m.group("day_range_d")):
            d = m.start("day_range_d")
            return voc.master.match(f, d - 2 if f[d - 2:d] == "ال" else d)
    return m


_COUNTED_NUMBER_RE = re.compile(r"[ \t]+ال[ \t]*\d")


def _counted_day(voc: _Vocab, f: str, m: re.Match) -> bool:
    """``اليوم`` (of a today phrase) followed by an ordinal or a not-today word, or ``الـ100``."""
    end = m.end()
    if not f.endswith("اليوم", 0, end) or voc.relative[_key(m.group("relative_phrase_r"))] != "today":
        return False
    if _COUNTED_NUMBER_RE.match(f, end):
        return True
    return _word_after(f, end) in voc.not_today


def _word_after(f: str, pos: int) -> str:
    i = pos
    while i < len(f) and f[i] in " \t":
        i += 1
    j = i
    while j < len(f) and (f[j].isalnum() or f[j] == "_"):
        j += 1
    return f[i:j]


def _word_before(f: str, pos: int) -> str:
    j = pos
    while j > 0 and f[j - 1] in " \t":
        j -= 1
    i = j
    while i > 0 and not f[i - 1].isspace():
        i -= 1
    return f[i:j]


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Every date mention in ``text`` with its resolved range (see module doc)."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    norm, matches = _matches(text)
    out = []
    for m in matches:
        kind = _kind(m)
        c = _Ctx(m, kind, published)
        res = _HANDLERS[kind](c)
        if res is None:
            continue
        a, b, prec, relative, rule = res
        if kind in _CHECK_WEEKDAY:
            _check_weekday(c, a)
        if kind == "part" and a is not None and b is not None and prec == "week":
            prec = R.precision_of(a, b)
        s, e = span_to_original(norm, *m.span(kind))
        if kind in _NAMEABLE and _names_place(text, s):
            continue        # "شارع 23 شباط", "جسر السادس من أكتوبر": the name of a place (dates.named_place)
        out.append(DateMention(s, e, text[s:e], a, b, prec, relative, rule, c.warning))
    return _night_spans(text, out)


_NAMEABLE = ("day_ordinal", "day_month")
_PREV_WORD = re.compile(r"(\w+)\W*$")


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(fold_text(w) for w in read_lines("name_heads.txt"))


def _names_place(text: str, s: int) -> bool:
    """The day and month right after a noun of data/name_heads.txt (a street, a bridge, a square, a city) name it."""
    m = _PREV_WORD.search(text, max(0, s - 30), s)
    if m is None or text[m.end(1):s].strip() not in ("", "ال"):
        return False
    word = fold_text(m.group(1))
    return word in _name_heads() or strip_proclitics(word, keep=2) in _name_heads()    # "بساحة"، "والجسر"


_NIGHT = re.compile(r"^(?:منتصف\s+)?لي[لـ]+[ةه]?\s")
_PAIR_GAP = re.compile(r"^\s*(?:[-–/]|و)?\s*$")


def _night_spans(text: str, found: list[DateMention]) -> list[DateMention]:
    """"ليل السبت - الأحد", "ليلة السبت/الأحد": the night spanning both days is one mention, first..second day."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.rule == "weekday" and d.rule == "weekday" and _NIGHT.match(prev.text) \
                and _PAIR_GAP.match(text[prev.end:d.start]) and prev.date_start and d.date_start \
                and (d.date_start - prev.date_start).days == 1:
            end = prev.date_start + dt.timedelta(days=1)
            out[-1] = DateMention(prev.start, d.end, text[prev.start:d.end], prev.date_start, end, "day",
                                  prev.relative, "weekday", prev.warning)
            continue
        out.append(d)
    return out
