"""Cross-report incident merging: the pure part (no database).

An ``Ev`` is one event row (with its report's publication fields); a ``Merger`` holds the
incidents seen so far in blocking indexes, so each new event is compared only with the few
incidents on its days and at its place: the cost is linear in the number of events.

The decision (parameters in data/incident_rules.json). An event joins an incident when,
against EVERY member, nothing contradicts:
  * another document (two events of one report are two incidents);
  * kind family: the same sub-event type or a compatible pair (IED / suicide bomb / grenade;
    air strike / missile; clash / attack ...); an attack on people and a bombing only at the same
    named place with a firm detail (rule ``kind-attack-by-explosive``);
  * actors: unknown, equal or in one group (SDF ~ Asayish); Battles may swap sides;
  * tolls: each figure both reports state is within ``toll_ratio`` (or ``toll_slack``) of the
    other — tolls rise as reports update, but 4 dead and 16 dead are two bombings; between
    reports with a time, a first count ("حصيلة أولية") or a toll told as a rise ("ارتفعت
    الحصيلة إلى 100") bounds nothing the other way (rule ``toll-still-rising``), and so between
    a report with no time and a dated one when the weekday the timeless one names is the dated
    one's day, or two reports with no time that name one weekday (rule ``toll-rising-on-its-day``);
  * weekdays: the days both reports name ("فجر الجمعة") share one; a night named by its two days
    ("ليل الخميس-الجمعة") is those two days, met by a stated date's own days without their slack
    (rule ``night-of-two-days``);
  * time: the windows overlap (stated dates ± ``date_slack_days``; an undated event's window
    is its report's publication window, from ``published``, the URL's date or its
    near-duplicate's, reaching back ``undated_lookback_days``; so is that of an event dated only
    through a publication date recovered from its URL or text, rule ``pubdate-window``);
  * place: no two different precise places (two villages more than ``far_km`` apart);
and against AT LEAST ONE member the place agrees positively, with a score:
  2.0 same folded name, 1.8 same spelling skeleton (same admin1) or one name inside the other
  ("الهوات" in "مزرعة الهوات"), 1.0–1.5 points within ``max_km`` (precision <= 2), 0.5 a village
  and the governorate/countryside containing it (same admin1; both dated, same sub-type and two
  corroborations: toll, actor). Governorate-only places agree with each other only on the same
  name, the same sub-type and both actors known and equal. A city named without a spot ("in
  Baghdad", a point) and a spot within ``max_km`` of its point agree at 1.3, and only with a firm
  detail (between two dated reports, whose days already agree: a close toll).
An event with no time at all (undated, publication unknown) needs the same precise place and
a firm detail (an equal or close toll, a shared weekday) or, at a named place, two
corroborations (a compatible toll, known actors on both sides; a bombing's target does not count). It stays on its
own when another incident at its place is as compatible with it (nothing contradicts), even
if nothing corroborates that one: the same kind at the same square on another day is the
look-alike a timeless report cannot be told from. An undated event
that fits two incidents about equally stays on its own (precision over recall); whether it does is
judged again at the end of the pass (rule ``timeless-ambiguity-at-end``), so that a look-alike formed
by reports that come after it in merge order counts as well; and a timeless report left on its own
is tried once more at the end against the incidents with a time of their own (rule
``timeless-second-chance``: one tied to an incident only through a member merged after its turn). A copy (a
near-duplicate document) joins the incident of its original's matching event directly.
A dated report joining an incident of timeless reports only meets the timeless bar. Merge order
is by date, so a dated report that found no incident is tried once more at the end against the
dated incidents formed after its turn ("January 2018" at the square, before the report of
15 January gathered the undated reports at that square).

A place one report's sentence names as where the other's lies ("قرية الطلعة التابعة لناحية
العظيم" and a report at "العظيم", one governorate; rule ``place-in-named-district``) agrees at 1.4,
like a city and a spot in it: only with a firm detail, also between two timeless reports.
A place named as a direction from a city ("جنوب دمشق", "شرقي العاصمة"; the geocoder puts its
point ``direction_region_km`` out that way) and a precise place within that distance of its
point agree at 1.35, like a city and a spot in it: only with a firm detail. A site both sentences
name after a target word ("القنصلية الإيرانية", "الكلية الحربية", "سوق الوحيلات"), other than
either's place name, is a firm detail. Among the incidents a timeless report fits, one that
nothing tells from the best one (every pair of their events may be one incident, each at the
other's place: one report's incident given twice by the extractor, or two reports of one story
that share no detail) is not a look-alike; and a dated incident a firm detail ties it to wins over
an incident of timeless reports whose actors agree. An incident is at a timeless report's place,
as a rival, also when a member's point is within a kilometre of its own under another name (rule
``same-point-rival``: "زوبي" and "تقاطع كي فايف", two names of one junction the geocoder puts on
one point): the bombing there on another day fits it as well as the one that shares its name.
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass, field

from . import vocab
from .incident_features import (day_weekdays, is_direction, is_region, iso_day, name_forms, pub_window, read_days,
                                persons, spelling, spots_and_targets, toll_state)

EVENT_COLUMNS = ("event_id", "doc_id", "version", "event_type", "sub_event_type", "date_start",
                 "date_end", "actor1", "actor2", "name_ar", "name_en", "country", "admin1",
                 "lat", "lon", "geo_precision", "fatalities", "injured", "arrested", "evidence")
DOC_FIELDS = ("_pub", "_url", "_root", "_rpub", "_rurl", "_lead", "_n", "_dnote")
TOLLS = ("fatalities", "injured", "arrested")
HARD, SOFT, FLOAT = 0, 1, 2          # stated dates, publication window, no time
SAME_FORM = 1.8                      # place score: one name spelled two ways, or inside the other
SPOT = 1.75                          # place score: a coarse place whose sentence names the other's spot
SAME_POINT = 1.45                    # place score: points within a tenth of max_km (1 km), or a spot both name
NOT_RIVAL, DATED, SUPPORTED, FIRM = -1, 0, 1, 2    # how well a timeless event fits an incident
IN_CITY = 1.3                        # place score: the same city, one report naming a spot in it, the other none
IN_REGION = 1.35                     # place score: "south of Damascus" and a precise place that way from the city
IN_DISTRICT = 1.4                    # place score: a district (town) and a village its sentence places in it
FIRM_ONLY = (IN_CITY, IN_REGION, IN_DISTRICT)      # place scores that merge only with a firm detail


_EMPTY: frozenset = frozenset()
_DEFER = "\x00defer"                  # Merger.choose: an ambiguous undated event waits for the others


def fold_name(name: str | None) -> str:
    return name_forms(name)[0]


@dataclass(frozen=True)
class Rules:
    max_km: float
    far_km: float
    max_point_precision: int
    slack: int
    max_span: int
    lookback: int
    toll_ratio: float
    toll_slack: int
    margin: float
    cap: int
    cell_lat: float
    cell_lon: float
    compatible_types: frozenset
    actor_group: dict
    perpetrator_only: frozenset = frozenset()
    min_injured: int = 5
    direction_km: float = 30.0
    firm_types: frozenset = frozenset()      # kinds that are one family only with a firm detail
    _kin: dict = field(default_factory=dict, compare=False, repr=False)

    def kin(self, sub_event_type: str | None) -> tuple:
        """The sub-event types an event of ``sub_event_type`` may share an incident with (itself
        first): the blocking keys of the timeless indexes."""
        got = self._kin.get(sub_event_type)
        if got is None:
            got = self._kin[sub_event_type] = (sub_event_type, *sorted(
                {t for p in self.compatible_types | self.firm_types if sub_event_type in p for t in p
                 if t != sub_event_type}))
        return got

    @classmethod
    def load(cls) -> "Rules":
        raw = vocab.incident_rules()
        groups: dict[str, set[int]] = {}         # an actor may be in several groups
        for i, group in enumerate(raw["compatible_actors"]):
            for actor in group:
                groups.setdefault(actor, set()).add(i)
        pairs = frozenset(frozenset(p) for p in raw["compatible_sub_event_types"])
        return cls(float(raw["max_km"]), float(raw["far_km"]), int(raw["max_point_precision"]),
                   int(raw["date_slack_days"]), int(raw["max_span_days"]), int(raw["undated_lookback_days"]),
                   float(raw["toll_ratio"]), int(raw["toll_slack"]), float(raw["ambiguity_margin"]),
                   int(raw["bucket_cap"]), float(raw["cell_deg_lat"]), float(raw["cell_deg_lon"]), pairs, groups,
                   frozenset(raw.get("perpetrator_only_event_types", ())),
                   int(raw.get("min_injured_contradiction", 5)), float(raw.get("direction_region_km", 30.0)),
                   frozenset(frozenset(p) for p in raw.get("firm_sub_event_types", ())))


@dataclass(slots=True)
class Ev:
    """One event row, with the derived fields the merge compares."""
    row: dict
    start: int | None
    end: int | None
    name: str
    precision: int
    when: int = HARD
    words: frozenset = frozenset()
    skeleton: str = ""
    days: frozenset | None = None
    root: str | None = None
    said: frozenset | None = None          # weekdays of statements about it (a hint, not a bound)
    marks: frozenset = frozenset()         # named spots its sentence states ("ساحة الطيران")
    region: bool = False                   # its place is a countryside or a direction ("ريف حماة", "شمال شرق بغداد")
    direction: bool = False                # its place is a direction from a city ("جنوب دمشق")
    targets: frozenset = frozenset()       # named sites its sentence names after a target word ("القنصلية الإيرانية")
    persons: frozenset = frozenset()       # the people it tells as attacked, by name (also in targets)
    provisional: bool = False              # its sentence gives its toll as a first count ("حصيلة أولية")
    risen: bool = False                    # ... or as a toll that has risen ("ارتفع عدد القتلى إلى")
    night: bool = False                    # its weekdays are one night named by its two days ("ليل الخميس-الجمعة")

    @classmethod
    def from_row(cls, row: dict, rules: Rules | None = None) -> "Ev":
        lookback = rules.lookback if rules else 7
        max_span = rules.max_span if rules else 45
        start, end = iso_day(row.get("date_start")), iso_day(row.get("date_end"))
        if start is not None and end is None:
            end = start
        if row.get("_dnote"):
            # rule pubdate-window: a date resolved against a publication date the page does not
            # state (inferred from its URL or text) is no better than that inference: the event
            # takes its report's publication window, as an undated one
            start = end = None
        when = HARD
        if start is None or end is None or end < start:
            start = end = None
        if start is None:
            window = pub_window(row.get("_pub"), row.get("_url"), row.get("_rpub"), row.get("_rurl"))
            when = SOFT if window else FLOAT
            if window:
                start, end = window[0] - lookback, window[1]
        elif end - start > max_span:
            when = FLOAT
            start = end = None
        name, words, skeleton = name_forms(row.get("name_ar"))
        said, night = None, False
        if when == HARD:                           # a night told on either side of midnight
            slack = rules.slack if rules else 1
            days = day_weekdays(start - slack, end + slack)
        else:                                      # the event's sentence, else (first event) the lead
            days, said, night = read_days(row.get("evidence"))
            if days is None and said is None and row.get("_n") in (None, 1):
                days, said, night = read_days(row.get("_lead"))
        precision = int(row.get("geo_precision") or 3)
        marks, targets = spots_and_targets(row.get("evidence"))
        people = persons(row.get("evidence"))
        if not (targets or people) and when != HARD and row.get("_n") in (None, 1):
            lead = row.get("_lead")                              # the lead of an undated report names its target
            targets, people = spots_and_targets(lead)[1], persons(lead)
        targets |= people
        marks = marks - words if precision > (rules.max_point_precision if rules else 2) else marks | words
        return cls(row, start, end, name, precision, when, words, skeleton, days, row.get("_root"), said, marks,
                   is_region(row.get("name_ar")), is_direction(row.get("name_ar")),
                   targets - {spelling(w) for w in words} or _EMPTY, people or _EMPTY,
                   *toll_state(row.get("evidence")), night=night)

    @property
    def event_id(self) -> str:
        return self.row["event_id"]

    @property
    def doc_id(self) -> str:
        return self.row["doc_id"]

    def point(self) -> tuple[float, float] | None:
        lat, lon = self.row.get("lat"), self.row.get("lon")
        return None if lat is None or lon is None else (float(lat), float(lon))


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


# -- pairwise checks ---------------------------------------------------------------------------
def types_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    kin = kind_kin(rules, a, b)
    return kin == KIN or (kin == KIN_IF_FIRM and firm_detail(rules, a, b))


NOT_KIN, KIN, KIN_IF_FIRM = 0, 1, 2


def kind_kin(rules: Rules, a: Ev, b: Ev) -> int:
    """KIN: one sub-event type or a compatible pair; KIN_IF_FIRM: a pair of
    ``firm_sub_event_types`` (one incident only with a firm detail); NOT_KIN."""
    sa, sb = a.row.get("sub_event_type"), b.row.get("sub_event_type")
    if sa == sb:
        return KIN
    pair = frozenset((sa, sb))
    return KIN if pair in rules.compatible_types else KIN_IF_FIRM if pair in rules.firm_types else NOT_KIN


def firm_detail(rules: Rules, a: Ev, b: Ev) -> bool:
    """Rule ``kind-attack-by-explosive``: what ties an attack on people to a bombing told by another
    outlet (a gunman who fires on worshippers, then blows himself up): the same named place (not a
    city and a spot in it: an assassination in Baghdad is no bombing at a square there) and a firm
    detail. Between two dated reports a close toll or a named target (their days already agree, so
    a weekday says nothing); otherwise also a shared weekday."""
    if place_score(rules, a, b) < SAME_FORM:
        return False
    if a.when == HARD == b.when:
        return bool(close_tolls(a, b) or shared_target(a, b))
    return firm_corroborations(a, b) > 0


def _actor_ok(rules: Rules, x: str | None, y: str | None) -> bool:
    if x is None or y is None or x == y:
        return True
    gx, gy = rules.actor_group.get(x), rules.actor_group.get(y)
    return gx is not None and gy is not None and bool(gx & gy)


def actors_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    """Both sides agree (in Battles either way round). Between two explosions only the
    perpetrator (actor1) must agree: outlets name the target of one bombing differently
    (civilians, the security forces guarding the market)."""
    a1, a2, b1, b2 = (a.row.get("actor1"), a.row.get("actor2"), b.row.get("actor1"), b.row.get("actor2"))
    kind_a, kind_b = a.row.get("event_type"), b.row.get("event_type")
    bombing = kind_a in rules.perpetrator_only or kind_b in rules.perpetrator_only
    if (kind_a == kind_b and kind_a in rules.perpetrator_only) or (bombing and kind_kin(rules, a, b) == KIN_IF_FIRM):
        return _actor_ok(rules, a1, b1)       # also a bombing and an attack (kind-attack-by-explosive)
    if _actor_ok(rules, a1, b1) and _actor_ok(rules, a2, b2):
        return True
    return kind_a == "Battles" == kind_b and _actor_ok(rules, a1, b2) and _actor_ok(rules, a2, b1)


def toll_ok(rules: Rules, x, y) -> bool:
    if x is None or y is None:
        return True
    lo, hi = sorted((x, y))
    return hi - lo <= rules.toll_slack or hi < rules.toll_ratio * lo


def _still_rising(a: Ev, b: Ev, f: str) -> bool:
    """Rule ``toll-still-rising``: the lower of two figures is a first count ("حصيلة أولية", "على
    الأقل") or the higher one is given as a rise ("ارتفع عدد القتلى إلى 100"): a toll that grew
    between two reports, not two incidents. Only between reports with a time (stated dates or a
    publication window, which already overlap): with no time at all, the toll is what tells a
    report from a look-alike at its place (the same square, other years, other tolls). Rule
    ``toll-rising-on-its-day``: a report with no time that names the event's weekday ("السبت"),
    and a dated report whose day is that weekday, are held together by that day as two dated
    reports are by their dates (a first count of 5 on Saturday, 100 killed in the bombing of
    Saturday 29 October at the same junction); and so are two reports with no time that name one
    weekday for the event. Two look-alikes there on that weekday both fit such a report, and the
    ambiguity check keeps it on its own."""
    x, y = a.row.get(f), b.row.get(f)
    if x is None or y is None or x == y:
        return False
    if a.when == FLOAT == b.when:
        if not _one_weekday(a, b):
            return False
    elif (a.when == FLOAT or b.when == FLOAT) and not _weekday_of_dated(a, b):
        return False
    lo, hi = (a, b) if x < y else (b, a)
    return lo.provisional or hi.risen


def _one_weekday(a: Ev, b: Ev) -> bool:
    """Rule ``toll-rising-on-its-day``: two reports with no time name one weekday for the event
    (not a statement's day)."""
    return bool(a.days and b.days and a.days & b.days)


def _weekday_of_dated(a: Ev, b: Ev) -> bool:
    """Rule ``toll-rising-on-its-day``: of a report with no time and a dated one, the weekday the
    timeless one names for the event (not a statement's day) is a day the dated one states."""
    timeless, dated = (a, b) if a.when == FLOAT else (b, a)
    if dated.when != HARD or timeless.days is None:
        return False
    days = day_weekdays(dated.start, dated.end)
    return days is not None and bool(timeless.days & days)   # a week or more states no weekday


def tolls_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    """Killed and injured (arrests grow as a sweep goes on: not a contradiction). A handful of
    injured (under ``min_injured_contradiction``) contradicts no other figure: a first count,
    the injured of one detail of the story, or two figures read the wrong way round ("4 قتلى
    و10 جرحى" stored as 10 killed, 4 injured)."""
    if not (toll_ok(rules, a.row.get("fatalities"), b.row.get("fatalities")) or _still_rising(a, b, "fatalities")):
        return False
    x, y = a.row.get("injured"), b.row.get("injured")
    if x is not None and y is not None and min(x, y) < rules.min_injured:
        return True
    return toll_ok(rules, x, y) or _still_rising(a, b, "injured")


def weekdays_ok(a: Ev, b: Ev) -> bool:
    """Two stated dates are compared as dates (with slack), not as weekdays. A statement's day
    ("أعلنت الشرطة اليوم الخميس": Wednesday or Thursday) bounds the other's event day too."""
    if a.when == HARD and b.when == HARD:
        return True
    da, db = a.days, b.days
    if da is None and db is None:
        return True
    if da is not None and db is not None and a.when != HARD and b.when != HARD:
        return bool(da & _adjacent(db))
    da, db = _against_night(a, b, da or a.said, db or b.said)
    return da is None or db is None or bool(da & db)


def _against_night(a: Ev, b: Ev, da: frozenset | None, db: frozenset | None) -> tuple:
    """Rule ``night-of-two-days``: a report that names the night by its two days ("بعد منتصف ليل
    الخميس-الجمعة") already holds both sides of midnight, so a stated date is compared with it
    by its own days, without the night's slack: Saturday is not the night of Thursday to Friday
    (a drone strike that night and another on the Saturday, in one town), though it may be the
    night of Friday to Saturday told as "فجر الجمعة"."""
    if a.when == HARD and b.night:
        return _firm_days(a), db
    if b.when == HARD and a.night:
        return da, _firm_days(b)
    return da, db


def _adjacent(days: frozenset) -> frozenset:
    """Rule ``weekday-adjacent``: the days and the day either side of each. Outlets date a night
    attack on either side of midnight, and a report published the morning after says "today"
    ("ارتكب الشبيحة مجزرة اليوم الثلاثاء" of the massacre others tell as "أمس الاثنين"): the
    event weekdays two undated reports name contradict only when more than a day apart (Monday
    and Thursday). Only there: a stated date's days already carry the night's slack, a
    statement's day ("أعلنت الشرطة اليوم الخميس") the day before, and a shared weekday as a firm
    detail (``firm_corroborations``) is still the same day."""
    return days | frozenset((d + 1) % 7 for d in days) | frozenset((d - 1) % 7 for d in days)


def dates_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    """The two events' times may be one (an event without any time fits any)."""
    if a.start is None or b.start is None:
        return a.when == FLOAT or b.when == FLOAT
    return a.start <= b.end + rules.slack and b.start <= a.end + rules.slack


def corroborations(rules: Rules, a: Ev, b: Ev) -> int:
    """How many independent details both reports state and agree on."""
    n = sum(1 for f in TOLLS if a.row.get(f) is not None and b.row.get(f) is not None
            and toll_ok(rules, a.row.get(f), b.row.get(f)))
    da, db = _against_night(a, b, a.days or a.said, b.days or b.said)
    n += da is not None and db is not None and bool(da & db)
    n += shared_target(a, b)
    kind = a.row.get("event_type")
    fields = ("actor1",) if kind == b.row.get("event_type") and kind in rules.perpetrator_only \
        else ("actor1", "actor2")             # a bombing's target is no evidence either way
    for f in fields:
        x, y = a.row.get(f), b.row.get(f)
        n += x is not None and y is not None and _actor_ok(rules, x, y)
    return n


def close_toll(x, y) -> bool:
    """Two stated figures that are nearly one: equal, or (from 5 up) within half of the lower.
    Small figures (one killed, two arrested) are too common to tell incidents apart unless equal."""
    lo, hi = sorted((x, y))
    return lo == hi or (lo >= 5 and hi <= 1.5 * lo)


def _firm_days(ev: Ev) -> frozenset | None:
    if ev.when == HARD:                  # the stated days themselves, without the night's slack
        return day_weekdays(ev.start, ev.end)
    return ev.days or ev.said


def firm_corroborations(a: Ev, b: Ev) -> int:
    """Details that tell one incident from a look-alike at the same spot: tolls that agree
    closely (all figures both state close, or one of 5 or more equal), a shared weekday (of the
    event, or of a statement about it)."""
    da, db = _firm_days(a), _firm_days(b)
    return close_tolls(a, b) + (da is not None and db is not None and bool(da & db)) + shared_target(a, b)


def shared_target(a: Ev, b: Ev) -> bool:
    """Both sentences name one site after a target word ("القنصلية الإيرانية", "سوق الوحيلات"),
    which is neither report's place name (a town's name is not a detail of one incident there)."""
    return bool(a.targets and b.targets and (a.targets & b.targets) - {spelling(w) for w in a.words | b.words})


def close_tolls(a: Ev, b: Ev) -> int:
    """1 when every figure both reports state is close, or one of them (5 or more) is the same."""
    both = [(a.row.get(f), b.row.get(f)) for f in ("fatalities", "injured")
            if a.row.get(f) is not None and b.row.get(f) is not None]
    return int(bool(both) and (all(close_toll(x, y) for x, y in both) or any(x == y >= 5 for x, y in both)))


def in_city_ok(a: Ev, b: Ev, firm: int | None = None) -> bool:
    """A city-level report and one at a spot in that city tell one incident only with a firm
    detail; between two dated reports the weekday is the date itself, so only a close toll.
    ``firm``: their firm corroborations, when already counted."""
    if a.when == HARD == b.when:
        return bool(close_tolls(a, b))
    return bool(firm_corroborations(a, b) if firm is None else firm)


def _strict_coarse(a: Ev, b: Ev) -> bool:
    """Governorate-level places: only the same sub-type with both actors known and equal."""
    r, s = a.row, b.row
    known = None not in (r.get("actor1"), r.get("actor2"), s.get("actor1"), s.get("actor2"))
    return (known and r.get("sub_event_type") == s.get("sub_event_type")
            and r.get("actor1") == s.get("actor1") and r.get("actor2") == s.get("actor2"))


def _same_area(a: Ev, b: Ev) -> bool:
    aa, ab = a.row.get("admin1"), b.row.get("admin1")
    return aa is None or ab is None or aa == ab


def place_score(rules: Rules, a: Ev, b: Ev) -> float:
    """How well the places agree: 0 = no positive agreement, -1 = two different places."""
    pa, pb = a.point(), b.point()
    dist = km(pa, pb) if pa and pb else None
    coarse_a, coarse_b = a.precision > rules.max_point_precision, b.precision > rules.max_point_precision
    # the same named spot, or the same named victim, in one governorate
    spot = bool(a.marks & b.marks or a.persons & b.persons) and _same_area(a, b)
    if coarse_a and coarse_b:
        if a.name and a.name == b.name and _strict_coarse(a, b):
            return 2.0
        if spot:
            return SPOT                      # the same square/quarter both name, in one governorate
        if a.name and a.name == b.name and bool(a.marks) != bool(b.marks):
            return IN_CITY                   # "in Baghdad" and "at Tayaran Square, Baghdad"
        return 0.0
    if coarse_a or coarse_b:
        return SPOT if spot else _hierarchy_score(rules, a, b)
    far = dist is not None and dist > rules.far_km
    named = 2.0 if not (a.region or b.region) else SPOT     # "ريف دير الزور" names a region, not a place
    if a.name and a.name == b.name:
        return -1.0 if far else named
    if a.skeleton and a.skeleton == b.skeleton and _same_area(a, b):
        return min(named, SAME_FORM)
    if a.words and b.words and (a.words <= b.words or b.words <= a.words) and _same_area(a, b):
        return min(named, SAME_FORM)
    inside = _named_within(a, b) and not far
    if inside and (dist is None or dist > rules.max_km or a.when == FLOAT == b.when):
        return IN_DISTRICT                   # "العظيم" and "قرية الطلعة في ناحية العظيم": only with a firm detail
    toward = _toward(rules, a, b, dist)
    if toward and (far or a.when == FLOAT == b.when):
        return IN_REGION                     # "south of Damascus" and Sayyida Zaynab: only with a firm detail
    if dist is not None and dist <= rules.max_km:
        return 1.0 + (1.0 - dist / rules.max_km) * 0.5
    if toward:
        return IN_REGION
    if spot and not far:
        return 1.5                           # both sentences name the same spot
    both_precise = a.precision == 1 == b.precision
    return -1.0 if both_precise and far and a.name and b.name else 0.0


def _named_within(a: Ev, b: Ev) -> bool:
    """Rule ``place-in-named-district``: one report's place is named in the other's sentence as
    where that one's place lies ("قرية الطلعة في ناحية العظيم" and a report at "العظيم"; "حي
    الزهور في الحسكة" and "الحسكة"), in one governorate: the district and a village in it,
    like a city and a spot in it (a firm detail needed). Two villages whose sentences both name
    their district are not: neither's place is named by the other."""
    if not _same_area(a, b):
        return False
    return bool(a.words and a.words <= b.marks - b.words) or bool(b.words and b.words <= a.marks - a.words)


def _toward(rules: Rules, a: Ev, b: Ev, dist: float | None) -> bool:
    """One place is a direction from a city ("جنوب دمشق", "شرقي العاصمة"), the other a precise
    place (not a region) within ``direction_km`` of its point. The geocoder puts a direction's
    point that far out from the city that way, so the circle around it holds the places on that
    side of the city and not those on the other."""
    if dist is None or a.direction == b.direction or dist > rules.direction_km:
        return False
    place = b if a.direction else a
    return not place.region and place.precision == 1


def _hierarchy_score(rules: Rules, a: Ev, b: Ev) -> float:
    """A spot in a city and the city; a village and the governorate (its countryside) that contains it."""
    fine, coarse = (a, b) if a.precision <= rules.max_point_precision else (b, a)
    if not fine.row.get("admin1") or fine.row.get("admin1") != coarse.row.get("admin1"):
        return 0.0
    pf, pc = fine.point(), coarse.point()
    if pf and pc and not coarse.region and not coarse.marks and km(pf, pc) <= rules.max_km:
        return IN_CITY                       # "in Baghdad" and "at Tayaran Square" (a point in the city)
    if fine.when != HARD or coarse.when != HARD:
        return 0.0
    if fine.row.get("sub_event_type") != coarse.row.get("sub_event_type"):
        return 0.0
    return 0.5 if corroborations(rules, a, b) >= 2 else 0.0


def why_apart(rules: Rules, a: Ev, b: Ev) -> str | None:
    """The first check that keeps two events apart, by name (None: the pair itself may merge;
    whether it does then depends on the rest of each incident and on ambiguity). For
    diagnosis: the merge itself scores whole incidents (``Merger.score``)."""
    if a.doc_id == b.doc_id:
        return "same report"
    checks = (("kind", types_ok(rules, a, b)), ("actors", actors_ok(rules, a, b)),
              ("tolls", tolls_ok(rules, a, b)), ("weekdays", weekdays_ok(a, b)), ("dates", dates_ok(rules, a, b)))
    for name, ok in checks:
        if not ok:
            return name
    if not (mergeable(rules, a) and mergeable(rules, b)):
        return "place too coarse, no time"
    place = place_score(rules, a, b)
    if place < 0:
        return "two places"
    if a.when == FLOAT == b.when and ((place < SPOT and place not in (IN_REGION, IN_DISTRICT))
                                      or (a.region and b.region)):
        place = 0.0
    if place in FIRM_ONLY and not in_city_ok(a, b):
        return "a city (or a direction from it) and a spot in it: no close toll, weekday or target"
    if place <= 0:
        return "no place agreement"
    for x, y in ((a, b), (b, a)):
        if x.when == FLOAT:
            support = corroborations(rules, x, y)
            if place < 1.25 or support == 0:
                return "no time: nothing corroborates"
            if firm_corroborations(x, y) == 0 and (place < SAME_FORM or support < 2):
                return "no time: no close toll or weekday"
    return None


# -- incidents and the blocking index ------------------------------------------------------------
@dataclass
class Incident:
    incident_id: str
    members: list[Ev] = field(default_factory=list)
    docs: set = field(default_factory=set)
    box: list | None = None        # [south, north, west, east] of its members' points
    wide: bool = False             # a member is a direction from a city (its place reaches direction_km)
    clock: int = 0                 # the merger's clock when its members last changed

    def near(self, pt: tuple[float, float], limit_km: float) -> bool:
        """A member's point may be within ``limit_km`` of ``pt`` (from the box of their points)."""
        if self.wide:
            return True
        if self.box is None:
            return False
        s, n, w, e = self.box
        dlat = max(0.0, s - pt[0], pt[0] - n) * 111.2
        dlon = max(0.0, w - pt[1], pt[1] - e) * 111.2 * math.cos(math.radians(pt[0]))
        return dlat * dlat + dlon * dlon <= limit_km * limit_km


def mergeable(rules: Rules, ev: Ev) -> bool:
    if ev.when == FLOAT:
        precise = ev.precision <= rules.max_point_precision and bool(ev.name or ev.point())
        return precise or bool(ev.marks or ev.persons)
    return ev.start is not None and ev.end - ev.start <= rules.max_span + rules.lookback


def place_keys(rules: Rules, ev: Ev, neighbours: bool) -> list[tuple]:
    keys: list[tuple] = []
    if ev.name:
        keys.append(("n", ev.name))
    if ev.precision <= rules.max_point_precision:
        if ev.skeleton:
            keys.append(("s", ev.skeleton))
        if len(ev.words) > 1 or (ev.words and ev.name not in ev.words):
            keys.extend(("w", w) for w in ev.words)       # "مزرعة الهوات" is found from "الهوات" ...
            if neighbours:
                keys.extend(("n", w) for w in ev.words)   # ... and finds it
        elif ev.name and neighbours:
            keys.append(("w", ev.name))
        pt = ev.point()
        if pt:
            # a direction from a city ("south of Damascus") finds, and is found from, the places up
            # to direction_km from its point
            keys.extend(_cells(rules, pt, neighbours, _reach(rules) if ev.direction else 0))
    elif not ev.region and not ev.marks and ev.point():
        keys.extend(_cells(rules, ev.point(), neighbours))     # a city: the spots around its point find it
    keys.extend(("m", m) for m in ev.marks)            # a named spot, whatever the place's precision
    admin1 = ev.row.get("admin1")
    if admin1 and ev.when == HARD:
        coarse = ev.precision > rules.max_point_precision
        # a coarse event is indexed where fine ones look (A) and looks where all are (a)
        if neighbours:
            keys.append(("a" if coarse else "A", admin1))
        else:
            keys.append(("a", admin1))
            if coarse:
                keys.append(("A", admin1))
    return keys


def _cells(rules: Rules, pt: tuple[float, float], neighbours: bool, reach: int = 0) -> list[tuple]:
    cx, cy = int(math.floor(pt[0] / rules.cell_lat)), int(math.floor(pt[1] / rules.cell_lon))
    r = max(reach, 1 if neighbours else 0)
    steps = range(-r, r + 1)
    return [("c", cx + i, cy + j) for i in steps for j in steps]


def _reach(rules: Rules) -> int:
    """Cells (either way) that hold the points within ``direction_km``."""
    return int(math.ceil(rules.direction_km / (111.0 * min(rules.cell_lat, rules.cell_lon))))


def new_incident_id(seed_event_id: str) -> str:
    return "inc-" + hashlib.blake2b(seed_event_id.encode("utf-8"), digest_size=6).hexdigest()


class Merger:
    """Assigns events to incidents through (day, place) and (place) blocking indexes."""

    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules or Rules.load()
        self.incidents: dict[str, Incident] = {}
        self.index: dict[tuple, list[str]] = defaultdict(list)      # (day, *place key) -> incidents
        self.timeless: dict[tuple, list[str]] = defaultdict(list)   # place key -> incidents (any time)
        self.floating: dict[tuple, list[str]] = defaultdict(list)   # place key -> incidents of timeless events
        self.by_doc: dict[str, list[tuple[str, Ev]]] = defaultdict(list)
        self.clock = 0                                              # changes so far (members, index entries)
        self.touched: dict[tuple, int] = {}                         # (place key, type) -> clock of its last entry

    def ev(self, row: dict) -> Ev:
        return Ev.from_row(row, self.rules)

    def _index(self, incident_id: str, ev: Ev) -> None:
        if not mergeable(self.rules, ev):
            return
        self.clock += 1
        sub = ev.row.get("sub_event_type")
        for key in place_keys(self.rules, ev, neighbours=False):
            if ev.when != FLOAT:
                for day in range(ev.start, ev.end + 1):
                    self.index[(day,) + key].append(incident_id)
            if key[0] != "a" and key[0] != "A":
                # by place and sub-event type (rule ``timeless-kind-blocking``): a timeless report
                # looks only at the incidents of its kinds at its place, not at every incident there
                typed = key + (sub,)
                self.timeless[typed].append(incident_id)
                self.touched[typed] = self.clock
                if ev.when == FLOAT:
                    self.floating[typed].append(incident_id)

    def add(self, incident_id: str, ev: Ev) -> None:
        """Record ``ev`` as a member of ``incident_id`` (existing or new)."""
        inc = self.incidents.get(incident_id)
        if inc is None:
            inc = self.incidents[incident_id] = Incident(incident_id)
        inc.members.append(ev)
        inc.docs.add(ev.doc_id)
        self.clock += 1
        inc.clock = self.clock
        pt = ev.point()
        if pt is not None:
            b = inc.box
            inc.box = [pt[0], pt[0], pt[1], pt[1]] if b is None else \
                [min(b[0], pt[0]), max(b[1], pt[0]), min(b[2], pt[1]), max(b[3], pt[1])]
        inc.wide = inc.wide or ev.direction
        self.by_doc[ev.doc_id].append((incident_id, ev))
        self._index(incident_id, ev)

    def remove(self, incident_id: str, ev: Ev) -> None:
        """Take ``ev`` out of ``incident_id`` (an incident left empty is forgotten; its index
        entries are skipped from then on)."""
        inc = self.incidents[incident_id]
        inc.members.remove(ev)
        inc.docs = {m.doc_id for m in inc.members}
        self.clock += 1
        inc.clock = self.clock
        self.by_doc[ev.doc_id].remove((incident_id, ev))
        if not inc.members:
            del self.incidents[incident_id]

    def _bucket(self, found: set, bucket: list[str] | None) -> None:
        if bucket:
            found.update(i for i in bucket[-self.rules.cap:] if i in self.incidents)

    def candidates(self, ev: Ev) -> set[str]:
        if not mergeable(self.rules, ev):
            return set()
        found: set[str] = set()
        keys = place_keys(self.rules, ev, neighbours=True)
        kin = self.rules.kin(ev.row.get("sub_event_type"))
        if ev.when == FLOAT:
            # the incidents of its kinds of any time at its names and spots, and in the cells around
            # it those with a point within max_km (a timeless report needs a member ~5 km off, or a
            # city within max_km, or a direction: the many other incidents of dense cells are not read)
            near: set[str] = set()
            for key in keys:
                for sub in kin:
                    self._bucket(near if key[0] == "c" else found, self.timeless.get(key + (sub,)))
            pt = ev.point()
            if near and pt is not None and not ev.direction:
                limit = self.rules.max_km
                near = {i for i in near if i in found or self.incidents[i].near(pt, limit)}
            return found | near
        slack = self.rules.slack
        for day in range(ev.start - slack, ev.end + slack + 1):
            for key in keys:
                self._bucket(found, self.index.get((day,) + key))
        for key in keys:
            for sub in kin:
                self._bucket(found, self.floating.get(key + (sub,)))
        return found

    def changed_since(self, ev: Ev, clock: int) -> bool:
        """An incident of ``ev``'s kinds was indexed at its place (or the cells around it) after
        ``clock``: a rival may have formed since it was assigned."""
        kin = self.rules.kin(ev.row.get("sub_event_type"))
        touched = self.touched
        return any(touched.get(key + (sub,), 0) > clock
                   for key in place_keys(self.rules, ev, neighbours=True) for sub in kin)

    def changed_around(self, ev: Ev, clock: int) -> bool:
        """An incident ``ev`` may join (a candidate) gained or lost a member after ``clock``, or
        was formed since: what ``choose`` finds for it may have changed."""
        return any(self.incidents[i].clock > clock for i in self.candidates(ev))

    def score(self, ev: Ev, inc: Incident) -> float:
        """How well ``ev`` fits ``inc`` (0 = it does not)."""
        return self.fit(ev, inc)[0]

    def rival(self, ev: Ev, inc: Incident) -> int:
        """Nothing contradicts ``ev`` joining ``inc``, a member is at its place, and one detail
        agrees or the incident has a time of its own: an incident a timeless report could
        equally tell, though the merge's own bar (firm detail, ambiguity margin) was not met there."""
        return self.fit(ev, inc)[1]

    def fit(self, ev: Ev, inc: Incident) -> tuple[float, int]:
        """(score, rival level) of ``ev`` against ``inc``, in one pass over its members: the
        score (0 = it does not fit) and how far the incident is one a timeless report could
        equally tell (``rival``)."""
        if ev.doc_id in inc.docs:
            return 0.0, NOT_RIVAL
        rules = self.rules
        members = inc.members
        if ev.when == FLOAT:
            # a timeless report needs a member at its place (~5 km, a name, a spot) for either
            # figure: most incidents its cells bring are further off, and that is cheap to see
            places = [place_score(rules, ev, m) for m in members]
            if max(places) < 1.25:
                return 0.0, NOT_RIVAL
        else:
            places = None
        best, support, firm, near = 0.0, 0, 0, False
        # a timeless side: the event, or an incident of timeless reports only (a dated report
        # that comes later must meet the same bar as a timeless one joining a dated incident)
        dated = any(m.when != FLOAT for m in members)
        timeless = ev.when == FLOAT or not dated
        # rule kind-attack-by-explosive: an attack and a bombing are one incident when a firm detail
        # ties the event to a member of the other kind, or the incident already has one of its own kind
        bridge, bridged = False, False
        for k, m in enumerate(members):
            kin = kind_kin(rules, ev, m)
            if not (kin and actors_ok(rules, ev, m) and tolls_ok(rules, ev, m)
                    and weekdays_ok(ev, m) and dates_ok(rules, ev, m)):
                return 0.0, NOT_RIVAL
            if kin == KIN_IF_FIRM:
                bridge = True
                bridged = bridged or firm_detail(rules, ev, m)
            else:
                bridged = True
            place = places[k] if places is not None else place_score(rules, ev, m)
            if place < 0:
                return 0.0, NOT_RIVAL
            firm_m = firm_corroborations(ev, m)
            firm = max(firm, firm_m)
            support = max(support, corroborations(rules, ev, m))
            coarse = place in FIRM_ONLY
            near = near or place >= SAME_POINT or (coarse and in_city_ok(ev, m, firm_m))
            if ev.when == FLOAT == m.when and ((place < SPOT and place not in (IN_REGION, IN_DISTRICT))
                                               or (ev.region and m.region)):
                place = 0.0              # two timeless reports: only the same named place or spot, not a region
            if coarse and not in_city_ok(ev, m, firm_m):
                place = 0.0              # a city (or a direction from it) and a spot in it: only with a firm detail
            if place > best:
                best = place
        if bridge and not bridged:
            return 0.0, NOT_RIVAL
        level = NOT_RIVAL if not near else FIRM if firm else SUPPORTED if support else DATED if dated else NOT_RIVAL
        if best <= 0:
            return 0.0, level
        if timeless and (best < 1.25 or support == 0):
            return 0.0, level                # no time at all: the same place (~5 km) and one detail more
        if timeless and firm == 0 and (best < SAME_FORM or support < 2):
            return 0.0, level                # ... a close toll or a weekday (at a named place: or two details)
        return best + 0.05 * min(support, 4), level

    def timeless_only(self, incident_id: str) -> bool:
        return all(m.when == FLOAT for m in self.incidents[incident_id].members)

    def one_story(self, inc: Incident, other: Incident) -> bool:
        """Nothing tells ``inc`` from ``other``: every pair of their events may be one incident
        (kinds, actors, tolls, weekdays, dates agree; no two places) and each event of ``inc`` is
        at the place of one of ``other``. Such as the extractor giving one report's incident twice
        ("south of Damascus" and "Sayyida Zaynab"), or two reports of one bombing that share no
        detail a third one ties to both: ``inc`` is then no look-alike of ``other``."""
        rules = self.rules
        for x in inc.members:
            near = False
            for y in other.members:
                if not (types_ok(rules, x, y) and actors_ok(rules, x, y) and tolls_ok(rules, x, y)
                        and weekdays_ok(x, y) and dates_ok(rules, x, y)):
                    return False
                place = place_score(rules, x, y)
                if place < 0:
                    return False
                near = near or place > 0
            if not near:
                return False
        return True

    def _copy_target(self, ev: Ev) -> str | None:
        """The incident of the original's event this copy tells (a near-duplicate report)."""
        if not ev.root:
            return None
        for incident_id, m in self.by_doc.get(ev.root, ()):
            if types_ok(self.rules, ev, m) and (ev.name == m.name or not ev.name or not m.name) \
                    and ev.doc_id not in self.incidents[incident_id].docs:
                return incident_id
        return None

    def best(self, ev: Ev, exclude: str | None = None) -> str | None:
        """The incident with a time of its own ``ev`` fits best (None: none fits, or two fit about
        equally and ``ev`` is not dated). Incidents of timeless reports only are left out: such a
        report stayed alone because it could not tell two incidents apart."""
        ids = sorted(i for i in self.candidates(ev) if i != exclude
                     and any(m.when != FLOAT for m in self.incidents[i].members))
        scored = sorted(((self.score(ev, self.incidents[i]), i) for i in ids), key=lambda t: -t[0])
        scored = [t for t in scored if t[0] > 0]
        if not scored:
            return None
        if ev.when != HARD and len(scored) > 1 and scored[0][0] - scored[1][0] < self.rules.margin:
            return None
        return scored[0][1]

    def assign(self, ev: Ev, defer: bool = False) -> tuple[str, bool] | None:
        """Put ``ev`` in the best-fitting incident, or a new one; (incident_id, created).

        An undated event that fits two incidents about equally goes into a new one, or, with
        ``defer``, is left out (None) so the caller can try it again after the others.
        """
        best_id = self.choose(ev, defer)
        if best_id is _DEFER:
            return None
        if best_id is None:
            return self.alone(ev), True
        self.add(best_id, ev)
        return best_id, False

    def alone(self, ev: Ev) -> str:
        """Put ``ev`` in an incident of its own; returns its id."""
        incident_id = new_incident_id(ev.event_id)
        while incident_id in self.incidents:      # astronomically rare hash clash
            incident_id = new_incident_id(incident_id)
        self.add(incident_id, ev)
        return incident_id

    def choose(self, ev: Ev, defer: bool = False) -> str | None:
        """The incident ``ev`` goes to (None: one of its own; ``_DEFER`` with ``defer``: it is
        ambiguous and waits)."""
        best_id = self._copy_target(ev)
        if best_id is None:
            candidates = sorted(self.candidates(ev))
            fits = {i: self.fit(ev, self.incidents[i]) for i in candidates}
            scored = sorted(((fits[i][0], i) for i in candidates), key=lambda t: -t[0])
            scored = [t for t in scored if t[0] > 0]
            if scored:
                top, level = scored[0][1], NOT_RIVAL
                if ev.when == FLOAT:
                    level = fits[top][1]
                    # a timeless report goes to a dated incident a firm detail ties it to (a weekday, a
                    # close toll, a named target) rather than to one of timeless reports whose actors agree
                    for s, i in scored[1:]:
                        if scored[0][0] - s < self.rules.margin and level < FIRM and self.timeless_only(top) \
                                and not self.timeless_only(i) and fits[i][1] == FIRM:
                            top, level = i, FIRM
                            break
                # an incident nothing tells from the best one (one report's incident given twice by
                # the extractor, or reports of one incident that share no detail) is no look-alike
                distinct = [i for i in candidates if i != top and (fits[i][0] > 0 or fits[i][1] > NOT_RIVAL)
                            and not self.one_story(self.incidents[i], self.incidents[top])]
                rest = [t for t in scored if t[1] in distinct
                        and not (level == FIRM and self.timeless_only(t[1]) and not self.timeless_only(top))]
                best_score = next(s for s, i in scored if i == top)
                ambiguous = ev.when != HARD and bool(rest) and best_score - rest[0][0] < self.rules.margin
                if ev.when == FLOAT and not ambiguous:     # a look-alike it cannot be told from
                    others = [fits[i][1] for i in distinct]
                    # as well supported elsewhere, or another dated incident there and nothing firm here
                    ambiguous = any(o >= level or (o == DATED and level < FIRM) for o in others if o > NOT_RIVAL)
                if ambiguous and defer:
                    return _DEFER
                best_id = None if ambiguous else top
        return best_id

    def restore(self, incident_id: str, ev: Ev) -> None:
        """Put back an event ``remove`` took out (its index entries were never dropped)."""
        inc = self.incidents[incident_id]
        inc.members.append(ev)
        inc.docs.add(ev.doc_id)
        self.clock += 1
        inc.clock = self.clock
        self.by_doc[ev.doc_id].append((incident_id, ev))


def assign_all(merger: Merger, events: list[Ev]) -> list[tuple[str, Ev, bool]]:
    """Assign events in merge order; an ambiguous undated one waits until all others are in."""
    out, waiting = [], []
    when: dict[str, int] = {}           # a timeless event's clock when it joined its incident
    for ev in sorted(events, key=merge_order):
        got = merger.assign(ev, defer=True)
        if got is None:
            waiting.append(ev)
        else:
            out.append((got[0], ev, got[1]))
            when[ev.event_id] = merger.clock
    for ev in waiting:
        inc, created = merger.assign(ev)
        out.append((inc, ev, created))
        when[ev.event_id] = merger.clock
    return _second_chance(merger, _recheck_timeless(merger, out, when), when)


def _recheck_timeless(merger: Merger, out: list[tuple[str, Ev, bool]],
                      when: dict[str, int] | None = None) -> list[tuple[str, Ev, bool]]:
    """Rule ``timeless-ambiguity-at-end``: a report with no time at all that joined an incident is
    judged once more against the incidents as they stand at the end of the pass. Merge order
    puts it before the other timeless reports, so when its turn came the incident those form
    later (the bombing at the same square three years on, whose reports name its weekday) was
    not there yet to be its rival; a look-alike it cannot be told from keeps it on its own
    whatever the order the reports arrived in. Judged on the incidents as they stood, those found
    ambiguous leave for incidents of their own; the seed of an incident stays. ``when``: the
    merger's clock when each joined; one at whose place (and kinds) nothing was indexed since is
    not judged again (nothing there changed)."""
    leave = []
    for k, (inc, ev, created) in enumerate(out):
        if created or ev.when != FLOAT or ev.root is not None or len(merger.incidents[inc].members) < 2:
            continue
        if when is not None and not merger.changed_since(ev, when.get(ev.event_id, 0)):
            continue
        merger.remove(inc, ev)
        if merger.choose(ev) is None:
            leave.append(k)
        merger.restore(inc, ev)
    for k in leave:                       # decided on the incidents as they stood, then moved
        inc, ev, _created = out[k]
        merger.remove(inc, ev)
        out[k] = (merger.alone(ev), ev, True)
    return out


def _second_chance(merger: Merger, out: list[tuple[str, Ev, bool]],
                   when: dict[str, int] | None = None) -> list[tuple[str, Ev, bool]]:
    """A dated report that found no incident when its turn came (merge order is by date) may fit
    one formed after it: "January 2018" at the square comes before the undated reports that
    joined the bombing of 15 January. Each such lone event is tried once more, against the
    incidents as they stand at the end.

    Rule ``timeless-second-chance``: so is a report with no time at all. Timeless reports are
    merged in the order of their ids, so one whose only tie to an incident is a member merged
    after it (the raid at a village told first with no detail, then by an outlet naming both
    sides) found nothing there when its turn came; it goes where it fits at the end, under the
    same bar and the same look-alike check as in its turn (``Merger.choose``), whatever the
    order the reports came in. Only to an incident with a time of its own, as a dated report's
    second chance: a lone timeless report that another one fits may have stayed alone because
    it could not tell two incidents apart. Copies keep their original's incident. ``when``: the
    merger's clock at each one's turn; one none of whose candidate incidents changed since is not
    tried again (it would find what it found then)."""
    for k, (inc, ev, created) in enumerate(out):
        if not created or len(merger.incidents[inc].members) != 1:
            continue
        if ev.when == FLOAT:
            if ev.root is not None or (when is not None and not merger.changed_around(ev, when.get(ev.event_id, 0))):
                continue
            target = merger.choose(ev)
            if target is None or target == inc or merger.timeless_only(target):
                continue
        else:
            target = merger.best(ev, exclude=inc)
        if target is not None:
            merger.remove(inc, ev)
            merger.add(target, ev)
            out[k] = (target, ev, False)
    return out


def merge_order(ev: Ev) -> tuple:
    """Stated dates first (by date), then publication windows, then timeless; copies last."""
    return (ev.root is not None, ev.when, ev.start or 0, ev.end or 0, ev.event_id)
