"""Disambiguation: choose one gazetteer entry per recognised name.

Evidence, in order of weight: the place-type cue before the name; a governorate,
district or city named within a few words (``X بريف دير الزور``); the
governorates and countries the report names elsewhere (votes); a country named
(or its nationality adjective used) in the sentence or, weaker, the report
(country cues: "قرب الرويشد" in a sentence about the Jordanian army is the Jordanian
town); closeness to the report's unambiguous places; then the entry's own kind and
population (prior), with Syria and Iraq first unless the report is about another
country or a candidate's other country is explicitly cued.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .fold import fold
from .gazetteer import CORE_COUNTRIES, FAMOUS_POP, Entry, Gazetteer, load_gazetteer
from .recognize import Match, Token, vocab

BIG_KINDS = frozenset(("gov", "city", "district", "area", "country", "desert"))
VOTING_KINDS = BIG_KINDS | {"town", "field", "camp", "prison", "dam", "crossing", "airport", "base", "mountain"}
MINOR_KINDS = frozenset(("village", "ruin", "neighbourhood", "subdistrict"))
INNER_CUES = frozenset(("حي", "احياء", "حيي"))   # a neighbourhood: of a city the report names
WEAK_CUES = frozenset(("منطقه", "مناطق", "منطقتي"))  # "مناطق الإدارة الذاتية": an area word vouches for no village
FOCUS = frozenset(("SY", "IQ"))   # the project's countries: preferred when the report names no other
FOCUS_BONUS = 1.5
RARE_OK_KINDS = frozenset(("gov", "country", "city"))          # "للرقة", "للعراق", "فالموصل"
RARE_OK_FOCUS_KINDS = frozenset(("town", "district"))          # "لمنبج" (a Syrian/Iraqi town)
LOCAL_WINDOW = 8          # tokens either side for a local admin hint
CUE_CAP = 2.0             # most a country cue adds (a country named in the sentence)
CUE_LIFT = 1.0            # cue weight of a non-SY/IQ country that lifts the SY/IQ focus prior
NEAR_KM = 40.0
AL_FORM_PENALTY = 2.0


# A Counter of float weights. Counter's stub says int counts, and a build compiled by mypyc (bench/mypyc_trial.py)
# checks at run time the types it is told: Any, so it checks none.
Tally = Any


@dataclass
class Evidence:
    votes: Tally = field(default_factory=Counter)       # admin1 -> weight
    countries: Tally = field(default_factory=Counter)
    anchors: list[tuple[str, float, float]] = field(default_factory=list)   # (key, lat, lon)
    cues: Tally = field(default_factory=Counter)          # ISO2 -> weight of explicit country cues
    by_name: dict[str, Tally] = field(default_factory=dict)   # name key -> the votes it cast
    country_by_name: dict[str, Tally] = field(default_factory=dict)   # name key -> the country votes it cast
    city_keys: set[str] = field(default_factory=set)   # names the report writes as a city ("مدينة حلب", "وسط حلب")
    # memos of others() and _anchor_cells(), not data: out of repr and ==, never passed to the constructor (they were
    # kept in __dict__, which a compiled class has not)
    _others: dict[str, Others] = field(default_factory=dict, repr=False, compare=False)
    _cells: tuple[int, list, dict] | None = field(default=None, repr=False, compare=False)

    def merged(self, other: "Evidence | None") -> "Evidence":
        if other is None:
            return self
        by_name: dict[str, Tally] = {k: Counter(v) for k, v in self.by_name.items()}
        for k, v in other.by_name.items():
            by_name.setdefault(k, Counter()).update(v)
        country_by_name: dict[str, Tally] = {k: Counter(v) for k, v in self.country_by_name.items()}
        for k, v in other.country_by_name.items():
            country_by_name.setdefault(k, Counter()).update(v)
        return Evidence(self.votes + other.votes, self.countries + other.countries,
                        self.anchors + other.anchors, self.cues + other.cues, by_name, country_by_name,
                        self.city_keys | other.city_keys)

    def votes_besides(self, key: str) -> tuple[Tally, float]:
        """The governorate votes cast by every name other than ``key``, and their total: an
        ambiguous name must not vote for its own reading (like the anchors, which skip it too)."""
        own = self.by_name.get(key)
        votes = self.votes - own if own else self.votes
        return votes, sum(votes.values())

    def countries_besides(self, key: str) -> Tally:
        """The country votes cast by every name other than ``key`` ("القنيطرة شمال المغرب": Quneitra's own
        Syrian vote must not make the report Syrian)."""
        own = self.country_by_name.get(key)
        return self.countries - own if own else self.countries


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def offset(lat: float, lon: float, bearing: float, dist_km: float) -> tuple[float, float]:
    b = math.radians(bearing)
    dlat = dist_km * math.cos(b) / 111.2
    dlon = dist_km * math.sin(b) / (111.2 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def candidates(gaz: Gazetteer, m: Match) -> list[Entry]:
    ids = gaz.by_name.get(m.key, [])
    if m.cued:
        ids = ids + [i for i in gaz.cued.get(m.cued, ()) if i not in ids]
    return [gaz.entries[i] for i in ids]


def focus_prior(e: Entry) -> float:
    """The entry's prior as a reader of Syrian and Iraqi news sees it: SY/IQ first."""
    return e.prior + (FOCUS_BONUS if e.country in FOCUS else 0.0)


def foreign_report(ev: Evidence, key: str = "") -> bool:
    """The report's most named country (by names other than ``key``) is not Syria or Iraq (then no focus bonus)."""
    countries = ev.countries_besides(key) if key else ev.countries
    return bool(countries) and countries.most_common(1)[0][0] not in FOCUS


def clear_winner(cands: list[Entry]) -> Entry | None:
    """The entry a reader would assume without context, if there is one: the top entry
    when every rival in another governorate is much less important."""
    ranked = sorted(cands, key=focus_prior, reverse=True)
    top = ranked[0]
    rivals = [e for e in ranked if (e.country, e.admin1) != (top.country, top.admin1)]
    if not rivals:
        return top
    if top.kind in BIG_KINDS | {"town"} and focus_prior(top) >= focus_prior(rivals[0]) + 1.5:
        return top
    return None


def country_cues(toks: list[Token], matches: list[Match], gaz: Gazetteer, weight: float) -> Tally:
    """Countries named (``weight``) or cued by a nationality adjective (half of it): "في الأردن",
    "الأراضي الأردنية", "على الحدود الأردنية". A country inside an organisation name ("قوات سوريا
    الديمقراطية") is no cue."""
    out: Tally = Counter()
    for m in matches:
        if m.role == "place" and not m.rare:
            cands = candidates(gaz, m)
            if _split_country_city(cands):
                continue     # "عمان": Oman or Amman, no cue for either ("تونس": Tunisia either way)
            for e in cands:
                if e.kind == "country":
                    out[e.country] += weight
                    break
    adjectives = vocab().adjectives
    after_name = {m.j for m in matches}
    for k, t in enumerate(toks):
        cc = adjectives.get(t.word)
        if cc:   # right after a name ("الريحانية التركية") it describes the place: as strong as a name
            out[cc] += weight if k in after_name and t.joined else weight / 2
    return out


def _country_or_city(cands: list[Entry]) -> bool:
    """A country's name that is also a city's ("عمان": Oman, Amman)."""
    return any(e.kind == "country" for e in cands) and any(e.kind == "city" for e in cands)


def _split_country_city(cands: list[Entry]) -> bool:
    """A country's name that is also the name of a city in another country ("عمان": Oman, Amman); "تونس",
    "الجزائر" and "الكويت" name their country either way."""
    if not _country_or_city(cands):
        return False
    country = next(e for e in cands if e.kind == "country")
    return any(e.kind == "city" and e.country != country.country for e in cands)


def lifted(cands: list[Entry], ev: Evidence) -> bool:
    """A candidate lies in a country other than Syria/Iraq that the sentence or report cues
    explicitly: the SY/IQ focus prior yields (except for candidates in a governorate the sentence
    or report names: "قرية الريحانية بريف الحسكة" in a report about Turkish shelling)."""
    return any(e.country not in FOCUS and ev.cues.get(e.country, 0.0) >= CUE_LIFT for e in cands)


CITY_CUES = frozenset(("مدينه", "مدينتي", "المدينه"))
CITY_PART_WORDS = frozenset(("وسط", "داخل", "احياء", "شوارع", "مركز"))   # "وسط حلب", "أحياء دير الزور"


def evidence(matches: list[Match], gaz: Gazetteer, weight: float) -> Evidence:
    ev = Evidence()
    for m in matches:
        if m.cue in CITY_CUES or m.before in CITY_PART_WORDS:
            ev.city_keys.add(m.key)
        if m.guard:
            continue     # a name that may be an ordinary word votes for nothing
        cands = candidates(gaz, m)
        e = clear_winner(cands)
        if e is not None and e.kind == "country" and _split_country_city(cands):
            continue
        if e is None or al_form(e, m.key) or e.world_minor or e.remote and not m.framed:
            continue     # a foreign town, or a lesser foreign city named without "في"/"مدينة", vouches for nothing
        if m.rare and (e.kind not in RARE_OK_KINDS or e.kind == "city" and e.country not in CORE_COUNTRIES):
            continue     # "كميناً" (an ambush) must not vouch for Minna
        if e.kind not in VOTING_KINDS:
            ev.anchors.append((m.key, e.lat, e.lon))
            continue
        w = weight * (1.5 if e.kind in BIG_KINDS else 1.0)
        if e.admin1:
            ev.votes[e.admin1] += w
            ev.by_name.setdefault(m.key, Counter())[e.admin1] += w
        ev.countries[e.country] += w
        ev.country_by_name.setdefault(m.key, Counter())[e.country] += w
        if e.kind != "country":
            ev.anchors.append((m.key, e.lat, e.lon))
    return ev


def local_admin1(idx: int, matches: list[Match], gaz: Gazetteer) -> set[str]:
    """Admin1 of governorates/cities/districts named within LOCAL_WINDOW tokens of match idx
    (of the whole list, for an item of a list: "قرى X وY وZ في جبل الزاوية بريف إدلب")."""
    m = matches[idx]
    if m.span:      # a list's item: every name near the list; matches run in text order and do not overlap,
        lo, hi = m.span          # so the walk stops at the first name beyond the window on either side
        first, last = idx, idx
        while first > 0 and matches[first - 1].j >= lo - LOCAL_WINDOW:
            first -= 1
        while last + 1 < len(matches) and matches[last + 1].i <= hi + LOCAL_WINDOW:
            last += 1
        pool = matches[first:last + 1]
    else:
        lo, hi = m.i, m.j
        pool = matches[max(0, idx - LOCAL_WINDOW):idx + LOCAL_WINDOW + 1]
    out: set[str] = set()
    for other in pool:
        if other is m or other.key == m.key or other.j < lo - LOCAL_WINDOW or other.i > hi + LOCAL_WINDOW:
            continue     # a name repeated does not vouch for itself
        for e in candidates(gaz, other):
            if e.kind in BIG_KINDS and e.admin1 and e.kind != "country":
                out.add(e.admin1)
    return out


@dataclass(frozen=True)
class Others:
    """What the rest of the report says, seen from one name: the governorate votes and country votes of every
    other name (see Evidence.votes_besides, countries_besides). The same for each of the name's candidates,
    so choose computes it once per name, not once per candidate."""
    votes: Tally
    total: float
    top_country: str | None     # the most named country by other names (None when none)

    @property
    def foreign(self) -> bool:
        """The report's most named country (by other names) is not Syria or Iraq (see foreign_report)."""
        return self.top_country is not None and self.top_country not in FOCUS


def others(ev: Evidence, key: str) -> Others:
    """Others for the name ``key``, kept on ``ev`` per name (a report names a place many times). Evidence is
    complete when built (evidence, merged make new objects; nothing adds votes later), so the memo holds."""
    memo = ev._others
    held = memo.get(key)
    if held is None:
        votes, total = ev.votes_besides(key)
        countries = ev.countries_besides(key) if key else ev.countries
        held = memo[key] = Others(votes, total, countries.most_common(1)[0][0] if countries else None)
    return held


def score(e: Entry, m: Match, cue_kinds: tuple, local: set[str], ev: Evidence,
          no_focus: bool = False, rest: Others | None = None) -> tuple[float, list[str]]:
    """Score of entry ``e`` for match ``m``, and the reasons; ``rest``: others(ev, m.key), when the caller
    scores several candidates of one name."""
    if rest is None:
        rest = others(ev, m.key)
    s, why = e.prior, [f"prior {e.kind}"]
    if cue_kinds:
        if e.kind in cue_kinds:
            s += 2.5
            why.append(f"cue {m.cue}")
        elif "any" not in cue_kinds:
            s -= 2.0
    if e.admin1 and e.admin1 in local:
        s += 3.0
        why.append(f"near {e.admin1} named")
    votes, total = rest.votes, rest.total
    if total and votes.get(e.admin1):
        s += 2.0 * votes[e.admin1] / total
        why.append(f"report about {e.admin1}")
    if rest.top_country is not None and e.country == rest.top_country:
        s += 0.7
    cue = min(ev.cues.get(e.country, 0.0), CUE_CAP)
    if cue:
        s += cue
        why.append(f"{e.country} cued")
    if e.country in FOCUS and not rest.foreign and not (no_focus and e.admin1 not in local
                                                                     and not votes.get(e.admin1)):
        s += FOCUS_BONUS
        why.append("focus country")
    if al_form(e, m.key):
        s -= AL_FORM_PENALTY     # "الصور": Tyre is صور; an ال form of a name written without ال
        why.append("ال form of a name written without ال")
    if _near_anchor(e, m.key, ev):
        s += 1.5
        why.append("close to other places")
    return s, why


def al_form(e: Entry, key: str) -> bool:
    """``key`` is an ال form of a name the entry's main name writes without ال ("الصور" for Tyre, صور):
    a weak reading, which neither wins over a place named so nor votes for its governorate."""
    return key.startswith("ال") and len(key) > 4 and _folded(e.names[0]) == key[2:]


@lru_cache(maxsize=1 << 16)
def _folded(name: str) -> str:
    return fold(name)


def _near_anchor(e: Entry, key: str, ev: Evidence) -> bool:
    """Within NEAR_KM of a place the report names unambiguously (other than this name)."""
    distinct, cells = _anchor_cells(ev)
    if len(distinct) <= NEAR_CELLS:      # few anchors: test them all (the grid only skips far ones)
        pool = distinct
    else:
        cx, cy = int(e.lat // 0.4), int(e.lon // 0.5)
        pool = [a for i in range(cx - 2, cx + 3) for j in range(cy - 2, cy + 3) for a in cells.get((i, j), ())]
    for k, lat, lon in pool:
        if -0.4 < e.lat - lat < 0.4 and -0.5 < e.lon - lon < 0.5 and k != key \
                and km(e.lat, e.lon, lat, lon) <= NEAR_KM:
            return True
    return False


NEAR_CELLS = 25     # the 5 x 5 cells _near_anchor looks at: with fewer distinct anchors, a plain loop is cheaper


def _anchor_cells(ev: Evidence) -> tuple[list, dict]:
    """The distinct anchors, and the same by 0.4 x 0.5 degree cell (rebuilt when anchors were added), so a
    report naming one place many times, or many places, costs linear time."""
    held = ev._cells
    if held is None or held[0] != len(ev.anchors):
        distinct = list(dict.fromkeys(ev.anchors))
        cells: dict = {}
        for a in distinct:
            cells.setdefault((int(a[1] // 0.4), int(a[2] // 0.5)), []).append(a)
        held = ev._cells = (len(ev.anchors), distinct, cells)
    return held[1], held[2]


def in_report(country: str, ev: Evidence) -> bool:
    """The report names the country (or a place in it), or cues it with a nationality adjective."""
    return ev.countries.get(country, 0.0) > 0 or ev.cues.get(country, 0.0) >= CUE_LIFT


def steer(cands: list[Entry], ev: Evidence) -> list[Entry]:
    """The report's countries steer the world layer: a town, village or lesser city outside
    SY/IQ/TR/LB/JO is a reading only in a report about its country (a governorate, country, capital or
    city of a million is one anywhere); a lesser city named "في X" or "مدينة X" vouches for its country
    itself (see evidence)."""
    return [e for e in cands if not (e.world_minor or e.remote) or in_report(e.country, ev)]


CITY_CUE_WORLD = "resolve.city_cue_world"
CITY_CUE_WORLD_RULE = (
    "after a city word ('مدينة بور سعيد', 'مدينة رفح', 'مدينة العيون') a world city of over 100,000 stays a reading "
    "in a report that does not name its country, when every Syrian, Iraqi or other core reading of the name is a "
    "village or smaller: a village is no city, and 'مدينة بور سعيد' is not the Iraqi hamlet Bur Said")
CITY_CUE_WORLD_POP = 100_000


def steer_city_cue(cands: list[Entry], m: Match, ev: Evidence) -> list[Entry]:
    """``steer``, less strict after a city word (CITY_CUE_WORLD_RULE)."""
    kept = steer(cands, ev)
    if m.cue not in CITY_CUES or len(kept) == len(cands):
        return kept
    if any(e.kind in ("city", "town") for e in kept):
        return kept
    big = [e for e in cands if e.remote and e.pop > CITY_CUE_WORLD_POP and e not in kept]
    return kept + big


GOV_CITY = "the city, not its governorate"


def city_over_gov(scored: list, m: Match, cue_kinds: tuple, in_region: bool) -> None:
    """"في حلب": a governorate named like its capital is the city, unless the text says محافظة or
    builds a region on it ("ريف حلب"). Moves that city to the front of ``scored``."""
    s, e, why = scored[0]
    if e.kind != "gov" or in_region or "gov" in cue_kinds:
        return
    for k, (_s2, e2, why2) in enumerate(scored[1:], 1):
        if e2.kind == "city" and e2.country == e.country and e2.admin1 == e.admin1:
            scored.insert(0, (s, e2, why2 + [GOV_CITY]))
            del scored[k + 1]
            return


CITY_WORDS = frozenset(("العاصمه", "مدينه", "وسط"))   # "العاصمة عمان", "وسط عمان": the city
COUNTRY_WORDS = frozenset(("سلطنه",))                # "سلطنة عمان": the country
AMMAN_OMAN = "the country or the city by the report"


@lru_cache(maxsize=1)
def _country_city_keys() -> frozenset:
    """Names that are both a country's and a city's ("عمان")."""
    gaz = load_gazetteer()
    out = set()
    for i in gaz.country_entry.values():
        for n in gaz.entries[i].names:
            key = fold(n)
            if _country_or_city(gaz.lookup(key)):
                out.add(key)
    return frozenset(out)


FAMOUS_NAMESAKE = "resolve.famous_over_namesake"
FAMOUS_NAMESAKE_RULE = (
    "a famous city's name (a capital, a city of a million) read as a village or town of Syria or Iraq needs the "
    "village's own frame: a locality word or region head before it (قرية، منطقة، ريف) or its governorate named beside "
    "it; the report being about that governorate is not enough: 'على هامش مؤتمر الرياض' in a Kirkuk report is Riyadh, 'برنامج "
    "حديث القاهرة' in a report about Nineveh is Cairo, not the villages named so.")
NAMESAKE_KINDS = frozenset(("village", "town", "neighbourhood", "subdistrict"))


def famous_over_namesake(scored: list, m: Match, local: set[str]) -> None:
    """Rule resolve.famous_over_namesake (FAMOUS_NAMESAKE_RULE): moves the famous city to the front of ``scored``."""
    _s, e, _why = scored[0]
    if e.kind not in NAMESAKE_KINDS or e.country not in CORE_COUNTRIES or m.cue or m.head or e.admin1 in local:
        return        # "منطقة الجزيرة", "قرية القاهرة": a locality word or a region head frames the namesake
    for i, (_s, c, why2) in enumerate(scored[1:], 1):
        if c.kind == "city" and (c.capital or c.pop >= FAMOUS_POP) and c.country != e.country:
            scored.insert(0, scored.pop(i))
            why2.append("famous city over a namesake without its frame")
            return


def country_or_city(scored: list, m: Match, ev: Evidence) -> None:
    """"عمان": Oman or Amman. The city when the report is more about the city's country (a Jordanian place,
    "الأردن", "الأمن العام الأردني") than about the country, when it is written with a shadda ("عمّان")
    or named as a capital or a city ("العاصمة عمان", "مدينة عمان"); the country after "سلطنة" and
    otherwise. Moves the reading to the front of ``scored``."""
    if m.key not in _country_city_keys():
        return
    ents = [t[1] for t in scored]
    if not _country_or_city(ents):
        return
    country = next(e for e in ents if e.kind == "country")
    city = max((e for e in ents if e.kind == "city"), key=lambda e: e.pop)

    def weight(cc: str) -> float:
        return ev.countries.get(cc, 0.0) + ev.cues.get(cc, 0.0)

    for_city = weight(city.country) + 2.0 * (m.shadda + (m.before in CITY_WORDS or m.cue in CITY_WORDS))
    for_country = weight(country.country) + 2.0 * (m.before in COUNTRY_WORDS)
    pick = city if for_city > for_country else country
    k = next(i for i, t in enumerate(scored) if t[1] is pick)
    s, e, why = scored.pop(k)
    scored.insert(0, (max(s, scored[0][0] if scored else s), e, why + [AMMAN_OMAN]))


def choose(idx: int, matches: list[Match], gaz: Gazetteer, ev: Evidence,
           cue_kinds: tuple, in_region: bool = False) -> tuple[Entry, float, str, list[Entry]] | None:
    """Best entry for matches[idx], its score, the reason, and the runner-up entries
    (None when the best is doubtful)."""
    m = matches[idx]
    cands = steer_city_cue(candidates(gaz, m), m, ev)
    if not cands:
        return None
    local = local_admin1(idx, matches, gaz)
    no_focus = lifted(cands, ev)
    rest = others(ev, m.key)
    scored = []
    for e in cands:
        s, why = score(e, m, cue_kinds, local, ev, no_focus, rest)
        scored.append((s, e, why))
    scored.sort(key=lambda t: t[0], reverse=True)
    city_over_gov(scored, m, cue_kinds, in_region)
    country_or_city(scored, m, ev)
    famous_over_namesake(scored, m, local)
    s, e, why = scored[0]
    if doubtful(e, m, local, ev) or _framed_elsewhere(e, m, local, ev, gaz):
        return None
    why_text = "; ".join(why + [f"{len(cands)} candidates"])
    return e, s, why_text, [t[1] for t in scored[1:4]]


def doubtful(e: Entry, m: Match, local: set[str], ev: Evidence) -> bool:
    """A minor place in a governorate the report never names, without a cue (an item of a
    list or a spelling variant counts as without): more likely an ordinary word or a homonym
    than the place; better no village than a wrong one. A variant spelling without a cue
    ("في حصان بريف دير الزور") needs its governorate named near it."""
    if m.variant and not m.cue:
        return not e.admin1 or e.admin1 not in local
    if m.guard:
        if m.guard == "frequent" and e.country not in FOCUS and in_report(e.country, ev) and m.framed:
            return False     # "في صور" in a report about Lebanon (not "يصرحون بأنه" in one that cues Iran)
        if m.guard == "adjective" and e.kind == "city" and e.country not in FOCUS and in_report(e.country, ev):
            return False     # "مدينة سعيدة" in a report about Algeria
        if m.guard == "construct.idafa" and e.kind == "city" and e.country not in FOCUS and in_report(e.country, ev) \
                and m.framed:
            return False     # "أشعل المحتجون في سوسة العجلات" in a report about Tunisia: the city, then the object
        if m.guard in ("plural adjective", "construct.idiom_age"):
            return True
        if m.guard == "adjective" or m.guard.startswith("construct."):
            return not e.admin1 or e.admin1 not in local    # grammar says word: only a governorate beside it says place
        return not e.admin1 or (e.admin1 not in local and e.admin1 not in ev.votes)
    if m.rare:
        return not rare_ok(e, local, ev) or e.kind in MINOR_KINDS and not m.locative
    if e.kind not in MINOR_KINDS or not ev.votes or e.admin1 in ev.votes or e.admin1 in local:
        return False
    if local and _far_from_anchors(e, ev, CONFLICT_KM):
        return True     # "قرية الطلعة بمنطقة العظيم" in Diyala: a homonym in a governorate neither beside it nor in the
        # report, far from every place it names (resolve.local_conflict): no village rather than a wrong one
    if (m.cue or m.head) and m.cue not in INNER_CUES | WEAK_CUES and not (m.listed or m.variant):
        top = ev.countries.most_common(1)[0][0] if ev.countries else ""
        return bool(top) and e.country != top and ev.cues.get(e.country, 0.0) < CUE_LIFT
    return True


CONFLICT_KM = 150   # a minor place this far from every place the report names unambiguously is a homonym


LOCAL_CONFLICT = "resolve.framed_elsewhere"
LOCAL_CONFLICT_RULE = (
    "a village (or a town, by a governorate of another country) framed by a governorate named beside it that is not its own, "
    "whose every such governorate's centre lies over CONFLICT_KM away, and whose governorate the report never "
    "names, is a namesake: 'ببلدة سويدان شرق دير الزور' is not the Swaydan of Raqqa's Tell Abiad (no village rather "
    "than a wrong one; the governorate phrase beside it stays the place); 'قرية الروضة بمحافظة شمال سيناء' is not "
    "ar-Rawda of Tartus. So too a village or town of SY/IQ/TR/LB/JO in a report whose other names are all of one other "
    "country, by two names at least, with nothing naming or cueing its own ('قرية الروضة – بئر العبد' among العريش "
    "and الإسماعيلية).")


FRAMED_KINDS = MINOR_KINDS | {"town"}      # a town only when the governorates beside it are of another country


def _framed_elsewhere(e: Entry, m: Match, local: set[str], ev: Evidence, gaz: Gazetteer) -> bool:
    """Rule resolve.framed_elsewhere (LOCAL_CONFLICT_RULE)."""
    if e.kind in FRAMED_KINDS and e.country in CORE_COUNTRIES and _abroad_report(e, m, ev):
        return True
    if e.kind not in FRAMED_KINDS or not local or e.admin1 in local or others(ev, m.key).votes.get(e.admin1):
        return False      # its own governorate named elsewhere in the report (the name's own vote aside)
    centres = [gaz.entries[gaz.admin1_entry[a]] for a in local if a in gaz.admin1_entry]
    if e.kind == "town" and any(g.country == e.country for g in centres):
        return False      # "طريق دير الزور - تدمر": a town beside a governorate of its own country may be a road's end
    return bool(centres) and all(km(e.lat, e.lon, g.lat, g.lon) > CONFLICT_KM for g in centres)


ABROAD_BY_CUE = (
    "resolve.abroad_by_cue: a report that names no country and no governorate but cues one foreign country (its "
    "nationality adjectives, 'الحكومة الليبية', 'العاصمة الليبية', to a weight of ABROAD_CUE: twice in the report) and "
    "nothing else is about that country: "
    "a Syrian, Iraqi or borderland village or town there is a namesake, no reading ('حي الهضبة' of Tripoli was a "
    "village of Anbar in fresh11 n-021 and n-023, each time a spurious Iraqi event)")
ABROAD_CUE = 2.0

ABROAD_ONLY = (
    "resolve.abroad_only: a report whose other names are all places outside Syria, Iraq and the borderland countries "
    "(TR, LB, JO), together of a weight of ABROAD_WEIGHT at least (a city or a country named twice, two towns), and "
    "which neither names nor cues any of those countries, is about abroad: a village or town of theirs read in it is a "
    "namesake, no reading, even when the foreign places are of two countries or one city named twice: 'شباب الحراك' "
    "in a report on al-Hoceima is the Rif movement, not Hrak of Daraa (f17T hc-023); 'ود كردة' among Sudan's "
    "Gezira villages is not Gerede of Turkey (f17T hb-033)")
ABROAD_WEIGHT = 3.0


def _abroad_report(e: Entry, m: Match, ev: Evidence) -> bool:
    """The report's other names are all of one other country, two names at least (not the country named once: "بلدة
    الراعي الحدودية مع تركيا"), and nothing names or cues the village's or town's own country: "قرية الروضة – بئر
    العبد" in a report on Sinai."""
    countries = ev.countries_besides(m.key)
    if not countries and not ev.votes and len(ev.cues) == 1:    # rule resolve.abroad_by_cue (ABROAD_BY_CUE)
        top, weight = next(iter(ev.cues.items()))
        return top != e.country and weight >= ABROAD_CUE
    if not countries or countries.get(e.country, 0.0) > 0 or ev.cues.get(e.country, 0.0) > 0:
        return False
    if sum(countries.values()) >= ABROAD_WEIGHT and not any(c in CORE_COUNTRIES for c in countries) \
            and not any(ev.cues.get(c, 0.0) > 0 for c in CORE_COUNTRIES):
        return True      # rule resolve.abroad_only (ABROAD_ONLY)
    top = countries.most_common(1)[0][0]
    names = sum(1 for k, c in ev.country_by_name.items() if k != m.key and c.get(top))
    return top != e.country and names >= 2 and len(countries) == 1


def _far_from_anchors(e: Entry, ev: Evidence, dist: float) -> bool:
    """The report names places unambiguously, and every one lies farther than dist km from e."""
    distinct, _cells = _anchor_cells(ev)
    return bool(distinct) and all(km(e.lat, e.lon, lat, lon) > dist for _k, lat, lon in distinct)


def rare_ok(e: Entry, local: set[str], ev: Evidence) -> bool:
    """A name behind a rare prefix (ك ف ل) with no cue: a governorate, country or city (of the world
    layer: only in a report about its country, "كميناً" is no "ك + Minna"); a Syrian or
    Iraqi town or district; or a Syrian or Iraqi place in a governorate named near it or in the report
    (a minor place also needs a locative word before it: see doubtful)."""
    if e.kind in RARE_OK_KINDS:
        return e.kind != "city" or e.country in CORE_COUNTRIES or in_report(e.country, ev)
    if e.country not in FOCUS:
        return False
    return e.kind in RARE_OK_FOCUS_KINDS or bool(e.admin1) and (e.admin1 in local or e.admin1 in ev.votes)
