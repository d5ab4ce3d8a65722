"""Mentions of one incident inside a report become one event.

Policy (in order):
1. a headline event absorbs the first event of the same sub-event type a few sentences below it;
2. a later event joins an earlier one when their places agree (same place, one inside or near the
   other, or the later has none of its own) and their dates do not conflict, and either
   - they are of the same kind (same sub-event type), or
   - the later one elaborates the earlier: it comes within FOLLOW_GAP sentences and has no place of
     its own or refers back to it (a definite trigger: "الهجوم"، "الانفجار"، "العملية").
   A background sentence ("وكان ... قد") joins only an event at the same named place; a sentence that
   opens another topic ("من جهة أخرى") joins none, and two items of a list stay apart.
   A definite mention of the same event type right after an incident tells it again even where its village and
   the incident's governorate do not nest in the gazetteer (merge.detail). Days counted from a stand-in day (an
   undated report's "الخميس") never contradict real dates.
   An event of the same kind close by is preferred over an elaborated one; a mention that refers back
   ("الهجوم الإرهابي الذي استهدف ...") at the same named place joins within HEADLINE_GAP sentences; adjacent
   mentions of the same kind in one governorate join when one place is a region.
When merging, the more precise place, the first resolved date and the larger counts win (a split
killed/injured toll replaces a lumped one); a governorate-wide place yields to the named place of that governorate
a retelling without a place of its own was put at (place.context_inside).
"""
from __future__ import annotations

import math
from datetime import timedelta
from typing import TYPE_CHECKING

from marsad.extract.actors import NON_STATE_ARMED, is_state
from marsad.extract.triggers import kind_info, retype
from marsad.text.normalize import normalize

if TYPE_CHECKING:
    from marsad.extract.events import Draft

HEADLINE_GAP = 5    # a headline event absorbs the first same-type event this many sentences below
FOLLOW_GAP = 2      # an elaborating sentence comes at most this many sentences after the event
NEAR_KM = 20        # two named places this close may be one incident's place
INSIDE_KM = {1: 0, 2: 60, 3: 150}   # a coarser place (precision 2/3) contains points this close
AREA_KM = 300       # a part of a country ("شمال العراق") contains points of that country this close
_DAY = timedelta(days=1)


def merge_or_add(drafts: list, d):
    """Add d, or merge it into the earlier event it tells again; returns the event that now holds it."""
    if d.shift:
        drafts.append(d)
        return d
    if d.bombard and drafts and drafts[-1].trig.kind == "airstrike" and not d.headline:
        d.kind, d.trig = "airstrike", retype(d.trig, "airstrike", "type.bombardment_retold")   # "الغارات ..." then "القصف طال"
        d.add_rule("type.bombardment_retold")
    held = None if d.pointed else _headline_merge(drafts, d)
    if held is not None:
        return held
    target, why = _target(drafts, d)
    if target is None and d.pointed and drafts:
        target, why = drafts[-1], "merge.demonstrative"   # "ويأتي هذا الاستهداف في إطار ...": the incident just told
        if target.trig.event_type != d.trig.event_type and d.kind not in WEAK_KINDS:
            target.add_rule(why)
            return target           # pointing back at an incident of another type: it adds nothing
        d.date_start, d.date_end, d.dated, d.when = target.date_start, target.date_end, target.dated, target.when
    if target is not None:
        absorb(target, d, adjacent=d.sents[0] - target.sents[-1] <= FOLLOW_GAP, rule=why)
        return target
    drafts.append(d)
    return d


def share_list(held: list) -> None:
    """The events of one sentence's list of places ("قصفت بلدات كفرنبل وحاس") share their date and acting force."""
    dated = next((e for e in held if e.dated), None)
    actor = next((e.actor1 for e in held if e.actor1), None)
    for e in held:
        if dated is not None and not e.dated:
            e.date_start, e.date_end, e.dated, e.when = dated.date_start, dated.date_end, True, e.when or dated.when
            e.add_rule("list.share")
        if e.actor1 is None and actor is not None and actor != e.actor2:
            e.actor1 = actor
            e.add_rule("list.share")


def _target(drafts: list[Draft], d):
    """The earlier event d tells again: the nearest of the same kind close by, else the nearest it
    elaborates, else one it refers back to at the same place, else the nearest of the same kind.
    A definite mention of the same kind right after it ("الغارات") that names only a wide region tells it again."""
    same_near = detail = follow = toll = back = weak = same_far = updated = None
    for e in reversed(drafts):
        if d.sents[0] in e.sents or (d.bullet and e.bullet) or not _dates_agree(e, d):
            continue
        if _recalled_apart(e, d):
            d.add_rule("date.recalled_apart")
            continue
        if d.suspects and e.kind != "arrest":
            d.add_rule("merge.suspects_apart")
            continue            # "القبض على شخصين متورطين بتفجير بوابة المحكمة": the arrest is an incident of its own
        if (d.also or d.fronted or d.beside) and d.own_place and not _same_name(e.place, d.place):
            d.add_rule("merge.also_apart" if d.also else "merge.simultaneous_apart" if d.beside else "merge.fronted_apart")
            continue            # "كما هاجمت ... قرب بلدة الرصافة": another incident at another place
        if d.timed and _other_day(e, d):
            d.add_rule("merge.timed_apart")
            continue            # "ليلة أمس" then "وصباح اليوم استهدف ...": the next item of a roundup, another day
        gap = d.sents[0] - max(e.sents[-1], e.last)
        same = e.trig.sub_event_type == d.trig.sub_event_type
        if not same and kind_info(e.trig.kind).get("apart"):
            continue        # the re-arrest after a prison break is an incident of its own
        told_again = d.anaphoric and gap <= FOLLOW_GAP and e.trig.event_type == d.trig.event_type \
            and not (e.headline or d.background) and _detail_of(e, d)
        agree = _places_agree(e, d)
        if told_again and not agree:
            detail = detail or e        # joined as below, under the rule merge.detail
        elif not agree and not (same and gap <= 1 and _region_neighbours(e, d)):
            continue
        if d.background and "toll.update" in e.rules and e.trig.event_type == d.trig.event_type \
                and _same_name(e.place, d.place):
            updated = updated or e      # "ارتفعت حصيلة تفجيرات الكرادة" then "وكانت تفجيرات انتحارية ... قد وقعت"
            continue
        if d.background and not (_same_name(e.place, d.place) and same):
            continue
        if same and gap <= FOLLOW_GAP:
            same_near = same_near or e
        elif gap <= FOLLOW_GAP and (not d.own_place or d.anaphoric):
            follow = follow or e
        elif e.trig.event_type == d.trig.event_type and gap <= _same_toll(e, d):
            toll = toll or e
        elif d.anaphoric and gap <= HEADLINE_GAP and _same_name(e.place, d.place):
            back = back or e
        if gap <= WEAK_GAP and not d.shift and _weak_pair(e, d):
            weak = weak or e
        if same and (d.own_place or d.when is None):
            same_far = same_far or e      # a mention placed and dated only by its context does not reach far back
    for hit, why in ((same_near, "merge.same_kind_near"), (updated, "merge.recalled_update"), (follow, "merge.elaboration"), (toll, "merge.same_toll"),
                     (back, "merge.refers_back"), (weak, "merge.weak_kind"), (same_far, "merge.same_kind_place")):
        if hit is not None:
            return hit, ("merge.detail" if hit is detail else why)
    return None, None


def _same_toll(e, d) -> int:
    """How many sentences apart two mentions of one event type may be and still tell one incident because they
    give the same toll: the detail sentence repeats its lead's figures ("قتل 12 شخصا ... إثر تفجير انتحاري" then
    "تفجيرين وقعا في ساحة ... أسفرا عن مقتل 12 شخصا"). The same dead: FOLLOW_GAP; the same dead and wounded (two
    figures agree): WEAK_GAP, as a summary paragraph and the body below it. -1: no such toll."""
    a, b = e.counts.get("fatalities"), d.counts.get("fatalities")
    if not a or a != b:
        return -1
    i, j = e.counts.get("injured"), d.counts.get("injured")
    if i is None or j is None:
        return FOLLOW_GAP
    return WEAK_GAP if i == j else -1


WEAK_KINDS = ("attack", "kill")   # "هجوم"، "استهدف"، "مقتل": words any kind of incident is told with
WEAK_GAP = 6                     # sentences within which a weak mention tells an incident of the report again


def _crowd(e) -> bool:
    return e.trig.event_type in ("Protests", "Riots")


def _weak_pair(e, d) -> bool:
    """One of two mentions is told only with a weak word ("الهجوم استهدف قوات في قرية الطلعة" after "هجوم
    انتحاري"), or the later one refers back with a definite word of the same event type: with places and
    dates that agree, they tell one incident."""
    if e.background != d.background or e.headline or d.headline:
        return False        # a headline joins its body by merge_headlines
    if "Strategic developments" in (e.trig.event_type, d.trig.event_type):
        return False        # an operation after an attack is an incident of its own
    if _crowd(e) != _crowd(d):
        return False        # a demonstration never tells an armed attack again (merge.weak_kind)
    if d.own_place and _precision(e.place) == 1 and _precision(d.place) == 1 and not _same_name(e.place, d.place):
        return False        # two named villages: two incidents
    if e.kind in WEAK_KINDS or d.kind in WEAK_KINDS:
        return True
    return d.anaphoric and e.trig.event_type == d.trig.event_type


def _detail_of(e, d) -> bool:
    """d's place can be told of e's incident: none of its own, one that agrees with e's, a named place under
    e's governorate-wide place (the detail sentence names the village: "الهجوم استهدف قوات في قرية الطلعة"), or
    a governorate-wide place over e's named one (the retelling widens: "التفجير الذي استهدف الجيش في المحافظة")."""
    if not d.own_place or e.place is None or d.place is None or _places_agree(e, d):
        return True
    if {_precision(e.place), _precision(d.place)} != {1, 3}:
        return False
    # the village lies in or near the governorate (gazetteers disagree on borders), never in a far one
    return km(e.place.lat, e.place.lon, d.place.lat, d.place.lon) <= DETAIL_KM


DETAIL_KM = 200   # a named place this far from a governorate's centre may still be told of an incident there


def _region_neighbours(e, d) -> bool:
    """Two places of one governorate, at least one a region ("بادية حمص"): adjacent sentences of the
    same kind there tell one incident."""
    if e.place is None or d.place is None or e.place.admin1 != d.place.admin1:
        return False
    return max(_precision(e.place), _precision(d.place)) >= 2


def lend_toll(drafts: list[Draft], idx: int, counts: dict, places: list) -> bool:
    """A toll sentence without an event of its own fills the unknown counts of the event told in the
    FOLLOW_GAP sentences before it, at a place it names (a named place, else a governorate) if it names
    any. True if lent."""
    for e in reversed(drafts):
        if idx - e.sents[-1] > FOLLOW_GAP:
            break
        if toll_place_agrees(e.place, places):
            fill_counts(e.counts, counts)
            e.add_rule("toll.lend_back")
            return True
    return False


def toll_place_agrees(place, places: list) -> bool:
    named = [p for p in places if _precision(p) == 1]
    if named:
        return place is not None and any(_same_name(place, p) or km(place.lat, place.lon, p.lat, p.lon) <= NEAR_KM
                                         for p in named)
    admin1s = {p.admin1 for p in places if p.admin1}
    return not admin1s or getattr(place, "admin1", None) in admin1s


def fill_counts(old: dict, new: dict) -> None:
    for k, v in new.items():
        if old.get(k) is None:
            old[k] = v


def _headline_merge(drafts: list, d):
    for e in drafts:
        if e.headline and e.trig.sub_event_type == d.trig.sub_event_type and d.sents[0] - e.sents[-1] <= HEADLINE_GAP \
                and d.sents[0] not in e.sents and _places_agree(e, d):
            absorb(e, d, adjacent=False, rule="merge.headline")
            if not d.headline:
                e.sents, e.headline = list(d.sents), False
            return e
    return None


def merge_headlines(drafts: list, noise: frozenset = frozenset()) -> list:
    """A headline that no body event of its sub-type joined sums up the first body event of its event type (of any
    violent type when the headline is told with a weak word: هجوم، مقتل) a few sentences below ("مجهولون يفرقون مظاهرة" over the body's excessive force): the body's kind and evidence
    win. Lines of page noise between them (a date, a time, a counter: `noise`, sentence indices) do not count
    in the gap. Returns the drafts without the merged headlines."""
    gone = set()
    for e in drafts:
        if not e.headline:
            continue
        for d in drafts:
            if d is e or d.headline or id(d) in gone:
                continue
            weak = e.kind in WEAK_KINDS and d.trig.event_type != "Strategic developments"
            if d.trig.event_type != e.trig.event_type and not weak:
                continue     # "اليمن.. مقتل 4 جنود بهجوم في شبوة" over the body's IED: a weak headline sums any kind
            gap = d.sents[0] - e.sents[-1] - sum(1 for i in range(e.sents[-1] + 1, d.sents[0]) if i in noise)
            if 0 < gap <= HEADLINE_GAP and (_places_agree(d, e) or _list_in_region(d, e) or _headline_toll(e, d)) \
                    and _dates_agree(d, e):
                d.add_rule("merge.headline_type")
                _merge_counts(d.counts, e.counts)
                d.actor1, d.actor2 = d.actor1 or e.actor1, d.actor2 or e.actor2
                gone.add(id(e))
                break
    return [e for e in drafts if id(e) not in gone]


def _headline_toll(head, d) -> bool:
    """The headline gives the body event's dead ("مقتل 11 عنصرا ... في كمين لداعش شمال بغداد" over "قتل 11 عنصرا ...
    شرق مدينة تكريت"): one incident, whatever wider place the headline names (merge.headline_toll)."""
    k = head.counts.get("fatalities")
    if k and k == d.counts.get("fatalities") and head.trig.event_type == d.trig.event_type:
        d.add_rule("merge.headline_toll")
        return True
    return False


def _list_in_region(d, head) -> bool:
    """A body event that is an item of a list of places ("قرى X وY وZ") in the governorate of the headline's
    place: the headline ("تحرر 4 قرى في الموصل") sums up the list."""
    return "place.list" in d.rules and d.place is not None and head.place is not None \
        and bool(d.place.admin1) and d.place.admin1 == head.place.admin1


def absorb(e, d, adjacent: bool, rule: str) -> None:
    e.add_rule(rule)
    kept = False
    if e.assault and d.kind in ("ied", "suicide"):
        e.add_rule("kind.assault_over_blast")   # "انفجرت سيارة مفخخة عند بوابة السجن": the assault's opening blast
    elif e.bombard and e.kind == "shelling" and d.kind == "airstrike":
        e.kind, e.trig, e.bombard = d.kind, d.trig, False   # "قصف إسرائيلي" then "نفذت إسرائيل هجوما جويا"
        e.add_rule("type.bombardment_specified")
    elif e.kind == "ied" and d.kind == "suicide" and not d.headline:
        e.kind, e.trig = d.kind, d.trig         # "تفجير مزدوج" then "فجر انتحاريان نفسيهما": a suicide bombing
        e.add_rule("kind.suicide_over_ied")
    elif e.kind in ("ied", "suicide") and d.kind == "disrupted" and not any(e.counts.get(k) for k in ("fatalities", "injured")):
        e.kind, e.trig = d.kind, d.trig     # "المواد شديدة الانفجار بالموصل" then "عثرت على ثلاثة أحزمة ناسفة": found, not set off
        if d.actor1 is not None:            # the force that found it acts; the group that planted it receives
            e.actor1, e.actor2 = d.actor1, d.actor2 or (e.actor1 if e.actor1 != d.actor1 else e.actor2)
        e.add_rule("kind.disrupted_retold")
    elif e.kind == "attack" and d.kind == "arrest" and (e.actor1 is None or is_state(e.actor1)) \
            and not any(e.counts.get(k) for k in ("fatalities", "injured")):
        e.kind, e.trig = d.kind, d.trig     # "أطلقت قوى الأمن عملية استهدفت شبكات" then "أسفرت عن القبض على 20"
        if e.actor1 is None and is_state(e.actor2):
            e.actor1, e.actor2 = e.actor2, None    # read as the target of an attack, the force is the one arresting
        e.add_rule("kind.operation_outcome")
    elif e.kind == "protest" and d.kind == "riot" and adjacent:
        e.kind, e.trig = d.kind, d.trig     # "تظاهر مئات المحتجين" then "ورشق المحتجون المبنى بالحجارة": a riot
        if e.actor1 == "protesters":
            e.actor1 = "rioters"
        e.add_rule("protest.riot_escalation")
    elif e.kind in WEAK_KINDS and d.kind not in WEAK_KINDS and d.kind not in ("arrest", "raid", "disrupted") \
            and not (e.trig.event_type == "Battles" and e.actor1 in NON_STATE_ARMED and is_state(e.actor2)):
        if e.on_force and d.trig.event_type == "Violence against civilians":
            e.add_rule("type.force_target_kept")   # "هجوم على مركز عسكري" then "هجومان آخران ... أغلبهم من المدنيين"
            kept = True
        else:
            e.kind, e.trig = d.kind, d.trig     # "استهدف الكيان مبنى القنصلية" then "بغارة جوية": an air strike
            e.add_rule("type.specific_retelling")
    for r in d.rules:
        if not (kept and r.startswith("type.")):
            e.add_rule(r)
    e.last = max(e.last, d.sents[-1])
    if adjacent:
        e.sents = sorted(set(e.sents) | set(d.sents))
    _merge_counts(e.counts, d.counts)
    if d.own_place and (not e.own_place or _precision(d.place) < _precision(e.place)):
        e.place, e.own_place = d.place, True
    elif d.own_place and _finer_anchor(d.place, e.place):
        e.place = d.place
        e.add_rule("place.finer_anchor")     # "بريف حماة" then "قرب قرية الهوات": the village is the finer place
    elif not d.own_place and _context_inside(d.place, e.place):
        e.place = d.place
        e.add_rule("place.context_inside")
    if (not e.dated or e.date_start is None) and d.date_start is not None:   # dated by a weekday it could not resolve
        e.date_start, e.date_end, e.dated = d.date_start, d.date_end, True
    e.when = e.when or d.when
    e.actor1 = e.actor1 or d.actor1
    e.actor2 = e.actor2 or (None if kept and d.actor2 == "civilians" else d.actor2)
    if e.actor2 == e.actor1:
        e.actor2 = None


def _context_inside(new, old) -> bool:
    """An event placed only at a governorate ("في محافظة الأنبار") told again by a sentence that names no place,
    which the report has just put at a named place of that governorate ("تفتيش في منطقة سحول راوة" then "انفجرت
    إحدى العبوات أثناء تنفيذ المهمة"): the body tells where in the governorate it was (rule place.context_inside)."""
    if new is None or old is None or _precision(old) != 3 or _precision(new) > 2:
        return False
    return bool(getattr(old, "admin1", "")) and getattr(new, "admin1", "") == old.admin1 \
        and getattr(old, "kind", "") == "gov"


def _finer_anchor(new, old) -> bool:
    """Two parts of a region (precision 2), the new one anchored on a named place ("قرب قرية الهوات", "شرقي بلدة
    X") and the old one on a governorate ("ريف حماة"), and within the old one's reach: the new one is finer."""
    if new is None or old is None or _precision(new) != 2 or _precision(old) != 2:
        return False
    a, b = getattr(new, "place_precision", None) or 3, getattr(old, "place_precision", None) or 3
    return a < b and km(new.lat, new.lon, old.lat, old.lon) <= INSIDE_KM[2]


def _merge_counts(old: dict, new: dict) -> None:
    """The larger figure wins; a later toll that splits killed and injured replaces an earlier figure
    of the killed alone (a lumped toll: "لقي 16 شخصا مصرعهم" then "مقتل 4 وإصابة 12")."""
    if new.get("fatalities") is not None and new.get("injured") is not None and old.get("injured") is None:
        old["fatalities"], old["injured"] = new["fatalities"], new["injured"]
    for k, v in new.items():
        if v is not None and (old.get(k) is None or v > old[k]):
            old[k] = v


def _precision(p) -> int:
    return getattr(p, "geo_precision", None) or 3


def _same_name(a, b) -> bool:
    """The same place: one gazetteer entry (whatever the spelling, e.g. with or without ال), else one name."""
    if a is None or b is None:
        return False
    ida, idb = getattr(a, "entry_id", None), getattr(b, "entry_id", None)
    if ida is not None and ida == idb:
        return True
    fa, fb = normalize(a.name_ar).folded, normalize(b.name_ar).folded
    return fa == fb or fa.removeprefix("ال") == fb.removeprefix("ال")     # "الدبلان" and "دبلان"


def _places_agree(e, d) -> bool:
    """d's own place is e's place (own or from the context), inside or near it."""
    if not d.own_place or e.place is None or _same_name(e.place, d.place):
        return True
    a, b = e.place, d.place
    if a.lat is None or b.lat is None:       # a locality the gazetteer lacks (extract.unresolved): by name and governorate
        if _precision(a) == 1 == _precision(b):
            return False                         # another name than a named place: another place
        return bool(a.admin1) and a.admin1 == b.admin1
    dist = km(a.lat, a.lon, b.lat, b.lon)
    if _precision(a) == 1 and _precision(b) == 1:
        return dist <= NEAR_KM and (d.anaphoric or not e.own_place)
    coarse = max(_precision(a), _precision(b))
    wide = a if _precision(a) >= _precision(b) else b
    if getattr(wide, "kind", "") == "area":      # "شمال العراق", "شرق سوريا": a part of a country across governorates
        return a.country == b.country and dist <= AREA_KM
    return (a.admin1 == b.admin1 or dist <= NEAR_KM) and dist <= INSIDE_KM[coarse]


def _recalled_apart(e, d) -> bool:
    """A recalled incident with a calendar date ("وكانت ... قد نفذت مجزرة ... في 6 يونيو 2012") is not the news
    an undated report tells with a day counted from REF_DAY ("أمس الاثنين"), even at the same place."""
    return bool(d.background and e.when is not None and d.when is not None and e.when[2] and not d.when[2])


def told_there(e, d) -> bool:
    """d may tell e again: its place agrees with e's and their days do not conflict. A claimed attack at another
    village or on another day is another incident ("وتبنى التنظيم يوم الخميس هجوما على بلدة ...")."""
    return _places_agree(e, d) and _dates_agree(e, d)


def _other_day(e, d) -> bool:
    """Both mentions give a day of the same kind (resolved, or relative to one reference day) and the days differ."""
    if e.when is None or d.when is None or e.when[2] != d.when[2]:
        return False
    (a0, a1, _), (b0, b1, _) = e.when, d.when
    return a1 < b0 or b1 < a0


def _dates_agree(e, d) -> bool:
    """No conflict between the days the two mentions give (resolved, or relative to one reference day)."""
    if e.when is None or d.when is None or e.when[2] != d.when[2]:
        return True     # a day counted from REF_DAY (an undated report's "الاثنين") cannot contradict a real date
    (a0, a1, _), (b0, b1, _) = e.when, d.when
    return a0 <= b1 + _DAY and b0 <= a1 + _DAY


def km(lat1, lon1, lat2, lon2) -> float:
    try:
        p1, l1, p2, l2 = (math.radians(float(v)) for v in (lat1, lon1, lat2, lon2))
    except (TypeError, ValueError):
        return math.inf
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))

