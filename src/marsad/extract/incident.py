"""Mentions of one incident inside a report become one event.

Policy (in order):
1. a headline event absorbs the first event of the same type a few sentences below it;
2. a later event joins an earlier one when their places agree (same place, one inside or near the
   other, or the later has none of its own) and their dates do not conflict, and either
   - they are of the same kind (same sub-event type), or
   - the later one elaborates the earlier: it comes within FOLLOW_GAP sentences and has no place of
     its own or refers back to it (a definite trigger: "الهجوم"، "الانفجار"، "العملية").
   A background sentence ("وكان ... قد") joins only an event at the same named place; a sentence that
   opens another topic ("من جهة أخرى") joins none, and two items of a list stay apart.
When merging, the more precise place, the first resolved date and the larger counts win.
"""
from __future__ import annotations

import math
from datetime import timedelta

from marsad.text import normalize

HEADLINE_GAP = 5    # a headline event absorbs the first same-type event this many sentences below
FOLLOW_GAP = 2      # an elaborating sentence comes at most this many sentences after the event
NEAR_KM = 20        # two named places this close may be one incident's place
INSIDE_KM = {1: 0, 2: 60, 3: 150}   # a coarser place (precision 2/3) contains points this close
_DAY = timedelta(days=1)


def merge_or_add(drafts: list, d) -> None:
    if d.shift:
        drafts.append(d)
        return
    if _headline_merge(drafts, d):
        return
    for e in reversed(drafts):
        if d.sents[0] in e.sents or (d.bullet and e.bullet) or not _dates_agree(e, d) or not _places_agree(e, d):
            continue
        gap = d.sents[0] - e.sents[-1]
        if d.background and not (_same_name(e.place, d.place) and e.trig.sub_event_type == d.trig.sub_event_type):
            continue
        same = e.trig.sub_event_type == d.trig.sub_event_type
        follow = gap <= FOLLOW_GAP and (not d.own_place or d.anaphoric)
        if same or follow:
            absorb(e, d, adjacent=gap <= FOLLOW_GAP)
            return
    drafts.append(d)


def _headline_merge(drafts: list, d) -> bool:
    for e in drafts:
        if e.headline and e.trig.event_type == d.trig.event_type and d.sents[0] - e.sents[-1] <= HEADLINE_GAP \
                and d.sents[0] not in e.sents and _places_agree(e, d):
            absorb(e, d, adjacent=False)
            if not d.headline:
                e.sents, e.headline = list(d.sents), False
            return True
    return False


def absorb(e, d, adjacent: bool) -> None:
    if adjacent:
        e.sents = sorted(set(e.sents) | set(d.sents))
    for k, v in d.counts.items():
        if v is not None and (e.counts.get(k) is None or v > e.counts[k]):
            e.counts[k] = v
    if d.own_place and (not e.own_place or _precision(d.place) < _precision(e.place)):
        e.place, e.own_place = d.place, True
    if not e.dated and d.dated:
        e.date_start, e.date_end, e.dated = d.date_start, d.date_end, True
    e.when = e.when or d.when
    e.actor1 = e.actor1 or d.actor1
    e.actor2 = e.actor2 or d.actor2
    if e.actor2 == e.actor1:
        e.actor2 = None


def _precision(p) -> int:
    return getattr(p, "geo_precision", None) or 3


def _same_name(a, b) -> bool:
    if a is None or b is None:
        return False
    return normalize(a.name_ar).folded == normalize(b.name_ar).folded


def _places_agree(e, d) -> bool:
    """d's own place is e's place (own or from the context), inside or near it."""
    if not d.own_place or e.place is None or _same_name(e.place, d.place):
        return True
    a, b = e.place, d.place
    dist = km(a.lat, a.lon, b.lat, b.lon)
    if _precision(a) == 1 and _precision(b) == 1:
        return dist <= NEAR_KM
    coarse = max(_precision(a), _precision(b))
    return (a.admin1 == b.admin1 or dist <= NEAR_KM) and dist <= INSIDE_KM[coarse]


def _dates_agree(e, d) -> bool:
    """No conflict between the days the two mentions give (resolved, or relative to one reference day)."""
    if e.when is None or d.when is None:
        return True
    (a0, a1), (b0, b1) = e.when, d.when
    return a0 <= b1 + _DAY and b0 <= a1 + _DAY


def km(lat1, lon1, lat2, lon2) -> float:
    try:
        p1, l1, p2, l2 = (math.radians(float(v)) for v in (lat1, lon1, lat2, lon2))
    except (TypeError, ValueError):
        return math.inf
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))

