"""A locality the text names with its kind ("قرية حج حسين", "بلدة غاربوغنا") that the gazetteer does not know.

The spec records an event where the text gives its kind and a place at least at governorate level; a village the
gazetteer lacks is still the most precise place the text gives. Such a name becomes a place without coordinates
(lat/lon null, as the gold of real reports codes them), with the governorate and country of the places around it.
Only a name after an indefinite locality word counts (not "المدينة" nor "منطقة", which name no locality), and the
name stops at punctuation, a preposition, a relative or a direction word; a descriptor after the locality word
("مدينة ساحلية") is not a name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.geo.mention import PlaceMention
from marsad.text.morph import BARE_RUNS
from marsad.lexicon import fold_entry, load

MAX_NAME_WORDS = 3


@lru_cache(maxsize=None)     # one per section (a size of 1 rebuilt each list on every call)
def _words(section: str) -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["unresolved_place"][section])


@dataclass
class UnresolvedPlace(PlaceMention):
    """A named locality without gazetteer coordinates. Its own lat/lon stay None (incidents compare such places by
    name); its location carries the point of the place that frames it when that place is precise (rule
    place.unresolved_near, NEAR_RULE)."""

    list_start: int = -1       # for an item of a list of localities: where the list's names begin (folded)
    near: tuple[float, float] | None = None    # the framing place's point (precision 1 or 2), else None

    def location(self) -> dict:
        lat, lon = self.near if self.near is not None else (None, None)
        return {"name_ar": self.name_ar, "name_en": None, "country": self.country or None,
                "admin1": self.admin1 or None, "lat": lat, "lon": lon, "geo_precision": 1 if lat is None else 2}


NEAR = "place.unresolved_near"
NEAR_RULE = ("a locality the gazetteer lacks, framed by a named town or a part of a region ('قريتي عرب حسن واليانلي "
             "في ريف منبج الشمالي', 'قرية فنيجين التابعة لبلدة أبوخشب'), is located at that place's point with "
             "precision 2 (near it, as ACLED codes an unknown village), not left without a point; framed only by a "
             "governorate or a country it keeps no point. Seen in fresh5 f5b-027 (three villages of Manbij's "
             "countryside) and f5a-003.")


def _near(frame) -> tuple[float, float] | None:
    """The frame's point when it is a named place or a part of a region (precision 1 or 2)."""
    lat, lon = getattr(frame, "lat", None), getattr(frame, "lon", None)
    if lat is None or lon is None or getattr(frame, "geo_precision", 3) > 2:
        return None
    return lat, lon


def _bare(word: str, words: frozenset) -> str | None:
    """The word without a leading و/ب/ف/ل if that is in `words` (read from _bare_forms)."""
    return _bare_forms(words).get(word)


@lru_cache(maxsize=None)
def _bare_forms(words: frozenset) -> dict[str, str]:
    """{form: word} for each word of `words` and each proclitic run before it: the word itself first, then the
    first run of BARE_RUNS (longest first) whose rest is a word (what _bare_scan finds, as one lookup)."""
    out = {p + w: w for p in reversed(BARE_RUNS) for w in words}    # an earlier run overwrites a later one
    out.update((w, w) for w in words)
    return out


def _bare_scan(word: str, words: frozenset) -> str | None:
    """_bare run by run: the reference _bare_forms is tested against."""
    if word in words:
        return word
    for p in BARE_RUNS:
        if word.startswith(p) and word[len(p):] in words:
            return word[len(p):]
    return None


ENUM_WINDOW = 6     # tokens after a plural locality word where "هي:" may open its enumeration


def _enumeration(sent, i: int) -> int | None:
    """The token where an enumeration after the plural at i begins ("قرى في محور داقوق هي: X، وY"), if any."""
    toks = sent.tokens
    for k in range(i + 1, min(i + 1 + ENUM_WINDOW, len(toks))):
        if toks[k][2] in ("هي", "وهي"):
            return k + 1 if k + 1 < len(toks) else None
        if ":" in sent.folded[toks[k - 1][1]:toks[k][0]]:
            return k
    return None


def _next_item(sent, j: int) -> int | None:
    """The token after the next comma from token j on, within the sentence (the next item of an enumeration)."""
    toks = sent.tokens
    for k in range(j + 1, len(toks)):
        between = sent.folded[toks[k - 1][1]:toks[k][0]]
        if any(ch in between for ch in ".:;؛()«»"):
            return None
        if "،" in between or "," in between:
            return k
    return None


def unresolved_places(sent, frame) -> list:
    """[(folded start, folded end, UnresolvedPlace)]: localities named after a locality word in the sentence and
    unknown to the gazetteer; `frame` (a resolved place of the sentence or the report) gives their governorate and
    country. [] without a frame. After a dual or plural ("قريتي"، "بلدات") each name joined by و is one place."""
    if frame is None or not getattr(frame, "country", None):
        return []
    known = [(s, e) for s, e, _ in sent.places]
    markers, lists = _words("markers"), _words("list_markers")
    stops, descriptors = _words("stops"), _words("descriptors")
    toks, out, i = sent.tokens, [], 0
    taken = [(t.start, t.end) for t in sent.triggers] + [(a.start, a.end) for a in sent.actors]   # a verb, a force
    while i < len(toks):
        single = _bare(toks[i][2], markers)
        plural = None if single else _bare(toks[i][2], lists)
        if not (single or plural):
            i += 1
            continue
        names, name, j = [], [], i + 1
        enum = _enumeration(sent, i) if plural else None
        j = enum or j                        # "ست قرى في محور داقوق هي: البونجم، وسماقة العليا، ..."
        first = j
        while j < len(toks) and len(name) < MAX_NAME_WORDS:
            s, e, w = toks[j]
            between = sent.folded[toks[j - 1][1]:s] if j > first else ""
            if any(ch in between for ch in ".:;؛()«»\"'–") or ("-" in between) or ("،" in between or "," in between) and not plural:
                break
            if w in stops or _bare(w, stops) or _bare(w, markers) or _bare(w, lists) or not w.isalpha() \
                    or any(a < e and s < b for a, b in taken):
                if enum is None:
                    break
                k = _next_item(sent, j)    # "وتبج الصغرى القريبة من ناحية جلولاء، وعليوة الصغرى": the item's
                if k is None:              # description ends at the comma, the enumeration goes on
                    break
                names.append(name)
                name, j = [], k
                continue
            if name and (w.startswith("و") and len(w) >= 3 or "،" in between or "," in between):
                if not plural:
                    break
                names.append(name)         # "قريتي حج حسين وشيخ محشي": the next name of the list
                name = []
            name.append(j)
            j += 1
        names.append(name)
        for name in names:
            if not name or toks[name[0]][2] in descriptors or _bare(toks[name[0]][2], descriptors):
                continue
            if name is names[0] and toks[name[0]][2].startswith("و") and len(toks[name[0]][2]) > 4:
                continue        # "حي وقافلة مساعدات": a conjunction right after the locality word, no name
            s, e = toks[name[0]][0], toks[name[-1]][1]
            if any(ks < e and s < ke for ks, ke in known):
                continue
            os, oe = sent.norm.to_original(s, e)
            surface = sent.text[os:oe].strip()
            if name is not names[0] and surface.startswith("و"):
                surface, s = surface[1:], s + 1      # "وشيخ محشي": the list's و is not part of the name
            if len(surface) < 3:
                continue
            place = UnresolvedPlace(
                s, e, surface, surface, "", frame.country, frame.admin1 or "", None, None, 1, "unresolved",
                f"place.unresolved: after '{toks[i][2]}', not in the gazetteer; "
                f"{frame.admin1 or frame.country} from '{frame.name_ar}'", 0.0)
            place.near = _near(frame)
            if plural:
                place.head, place.list_start = "list", toks[first][0]    # an item of a list of localities
            out.append((s, e, place))

        i = max(j, i + 1)
    return out
