"""find_places: recognition + region phrases + disambiguation; best_place for the extractor.

Region phrases (precision 2): "ريف X [الشرقي]", "الريف الشرقي لـX", "شمال/جنوب غربي X",
"قرب/محيط/أطراف X", "بادية X". Their point is X's point, moved ``region_offset_km``
(30 km; ``region_offset_city_km``, 10 km, for "شرق/شمالي X" of a city, which names its outskirts)
toward the direction when there is one and X is a governorate, city or district; a plain "ريف X"
or "قرب X" keeps X's point.
"""
from __future__ import annotations

import math
import re
from collections import Counter, deque
from dataclasses import dataclass, replace
from functools import lru_cache
from statistics import median

from marsad.text import fold_chars

from .fold import Folded, fold, fold_text
from .gazetteer import DATA_DIR, Entry, Gazetteer, load_gazetteer
from .mention import PlaceMention, WideRegion
from .recognize import (ONE_PREFIX, VARIANT_LOCATIVE_KINDS, Match, Token, Vocab, accept, adjective_shape, bare,
                        cue_kinds, scan, split_glued, stems, tokenize, vocab)
from .resolve import (GOV_CITY, Evidence, Tally, candidates, choose, clear_winner, country_cues, evidence, km, offset,
                      steer)

OFFSET_KINDS = frozenset(("gov", "city", "district"))
SENTENCE_WEIGHT = 2.0     # find_places' evidence weight for its own text (a context's is 1.0)


@dataclass
class Region:
    i: int              # first token of the phrase
    j: int              # one past its last token
    head: str           # countryside | desert | near | dir
    bearing: int | None


def find_places(text: str, context: str | None = None) -> list[PlaceMention]:
    """Places named in ``text`` (spans into ``text``); ``context`` (the rest of the
    report) only helps to choose between homonyms."""
    if not text:
        return []
    gaz = load_gazetteer()
    folded = fold_text(text)
    toks = split_glued(tokenize(folded.folded), gaz)
    raw = scan(toks, gaz, vocab().max_words)
    hospitals = _hospitals_of_cities(raw, toks, gaz)     # before accept drops names after "مستشفى"
    matches = [m for m in accept(raw, toks, gaz) if m.key != CAPITAL_WORD or m.cue in VILLAGE_CUES]   # bare_capital
    wide = _wide_regions(toks)
    if wide:       # "المغرب العربي" is the Maghreb, not Morocco; "بلاد الشام" the Levant, not a village
        matches = [m for m in matches if not any(i < m.j and m.i < j for i, j, _, _ in wide)]
    _mark_datelines(matches, toks, folded.folded)
    _mark_spelling(matches, toks, folded, text)
    ev = evidence(matches, gaz, SENTENCE_WEIGHT)
    ev.cues = country_cues(toks, matches, gaz, SENTENCE_WEIGHT)
    _remember_report(text, ev)
    if context and context != text:
        ev = ev.merged(_context_evidence(context))
    frames = _frames(matches, toks)
    out = []
    placed = []
    cities: list[tuple[int, PlaceMention]] = []
    named: set[int] = set()       # tokens of the names that resolved to a place
    for idx in range(len(matches)):
        pm = _mention(idx, matches, toks, folded, text, gaz, ev)
        if pm is not None:
            named.update(range(matches[idx].i, matches[idx].j))
            if pm.role == "place" and not pm.head and (pm.kind in FACILITY_CITY_KINDS or pm.gov_city):
                cities.append((idx, pm))
            if pm.head == "dir" and pm.role == "place":
                hit = _placed_by_direction(idx, pm, matches, toks, folded, text)
                if hit is not None:
                    placed.append(hit)
            if pm.role == "place" and _origin(matches[idx], toks):
                pm.role = "origin"       # "بغارة من جهة الجولان": where the attack came from
                pm.why += "; origin phrase"
            elif pm.role == "place" and frames.get(idx):
                pm.frame = frames[idx]
                pm.why += f"; {frames[idx]} phrase"
            out.append(pm)
    placed += _facilities(cities, hospitals, matches, named, toks, folded, text)
    sites = [(p.start, p.end) for p in placed if p.kind == "university"]
    if sites:     # "جامعة غارسا في كينيا": the city read inside the university's name is the university
        out = [p for p in out if not any(a <= p.start and p.end <= b for a, b in sites)]
    placed += _bare_capitals(matches, toks, folded, text, ev)
    for i, j, name_en, plen in wide:
        s, e = folded.to_original(toks[i].start + plen, toks[j - 1].end)
        org = i > 0 and (bare(toks[i - 1].word) in vocab().org or toks[i - 1].word in vocab().org)
        placed.append(WideRegion(s, e, text[s:e], text[s:e], name_en, "", "", 0.0, 0.0, 3, "wide region",
                                 "a continent or region across countries: no point", 0.0, "",
                                 "org" if org else "wide"))   # "ولاية غرب أفريقيا": a name of the group
    placed += _governorate_parts(matches, toks, folded, text, ev, out)
    if placed:
        out = sorted(out + placed, key=lambda p: p.start)
    _rivers_near(out, ev)
    return _capital_apposition(_refine_broad(out, text), text)


RIVER_NEAR = (
    "geoparse.river_near: a river named as a place ('غرب نهر الفرات', 'على ضفاف نهر دجلة') is the stretch of it "
    "nearest the places the sentence names, else the places the report names (their median point, when the river "
    "passes within RIVER_NEAR_KM of it), moved RIVER_BANK_KM towards a direction the phrase gives; the river's one "
    "point (the Euphrates' at Deir ez-Zor) put 'west of the Euphrates' of a report on Maskanah and Deir Hafer "
    "240 km away (fresh6 f6c-023, fresh14 t-021)")
RIVER_NEAR_KM = 100.0
RIVER_BANK_KM = 15.0
RIVER_KEYS = {"Euphrates river": "euphrates", "Tigris river": "tigris", "Khabur river": "khabur",
              "Orontes river": "orontes", "Diyala river": "diyala", "Great Zab river": "great_zab",
              "Jordan river": "jordan"}     # features.tsv's rivers -> the river lines of web/static/rivers.geojson


@lru_cache(maxsize=1)
def _river_lines() -> dict[str, list[tuple[float, float]]]:
    """key -> the river's line as (lat, lon) points (the dashboard's river layer, scripts/build_rivers.py)."""
    import json
    path = DATA_DIR.parents[1] / "web" / "static" / "rivers.geojson"
    try:
        feats = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError):
        return {}
    return {f["properties"]["key"]: [(lat, lon) for lon, lat in f["geometry"]["coordinates"]]
            for f in feats if f["properties"].get("key") and f["geometry"]["type"] == "LineString"}


def _nearest_on_line(line: list[tuple[float, float]], lat: float, lon: float) -> tuple[float, float]:
    """The point of a polyline nearest (lat, lon), on a plane scaled by cos(lat): a few km off at most here."""
    c = math.cos(math.radians(lat))
    best, best_d = line[0], math.inf
    for (a_lat, a_lon), (b_lat, b_lon) in zip(line, line[1:]):
        ax, ay, bx, by = a_lon * c, a_lat, b_lon * c, b_lat
        px, py = lon * c, lat
        dx, dy = bx - ax, by - ay
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        qx, qy = ax + t * dx, ay + t * dy
        d = (qx - px) ** 2 + (qy - py) ** 2
        if d < best_d:
            best, best_d = (qy, qx / c), d
    return best


def _rivers_near(out: list[PlaceMention], ev: Evidence) -> None:
    """Rule geoparse.river_near (RIVER_NEAR)."""
    rivers = [pm for pm in out if pm.role == "place" and pm.entry_id.startswith("feature:")
              and pm.entry_id[8:] in RIVER_KEYS]
    if not rivers:
        return
    lines = _river_lines()
    for pm in rivers:
        line = lines.get(RIVER_KEYS[pm.entry_id[8:]])
        if not line:
            continue
        pts = [(p.lat, p.lon) for p in out if p.role == "place" and p.lat is not None and p.geo_precision <= 2
               and not (p.entry_id.startswith("feature:") and p.entry_id[8:] in RIVER_KEYS)]
        where = "the sentence's places"
        if not pts:
            from .resolve import _anchor_cells
            pts = [(lat, lon) for _k, lat, lon in _anchor_cells(ev)[0]]
            where = "the report's places"
        if not pts:
            continue
        mid = (median(p[0] for p in pts), median(p[1] for p in pts))
        lat, lon = _nearest_on_line(line, *mid)
        if km(lat, lon, *mid) > RIVER_NEAR_KM:
            continue
        if pm.bearing is not None:
            lat, lon = offset(lat, lon, pm.bearing, RIVER_BANK_KM)
        pm.lat, pm.lon = round(lat, 5), round(lon, 5)
        if pm.country in ("SY", "IQ"):
            from .admin import locate_units
            unit = locate_units(pm.lat, pm.lon)
            if unit is not None:
                pm.country, pm.admin1 = unit["country"], unit["admin1"]
        pm.admin2 = pm.admin3 = ""
        pm.why += f"; {RIVER_NEAR.split(':')[0]}: the stretch nearest {where}"


CAPITAL_APPOSITION = (
    "geoparse.capital_apposition: 'العاصمة العراقية بغداد', 'العاصمة السورية دمشق': the capital phrase and the "
    "capital's name right after it are one place, one mention spanning both (the name's reading); two "
    "mentions of one place counted it twice (dev2 rc002, rc028)")


def _capital_apposition(out: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Rule geoparse.capital_apposition (CAPITAL_APPOSITION): a capital phrase ("العاصمة" + adjective) and a
    mention of the same entry right after it, nothing but one space between, become one mention."""
    merged: list[PlaceMention] = []
    for m in out:
        prev = merged[-1] if merged else None
        if prev is not None and prev.role == m.role == "place" and prev.entry_id and prev.entry_id == m.entry_id \
                and fold_chars(prev.surface).startswith(CAPITAL_WORD) and text[prev.end:m.start].strip() == "" \
                and m.start - prev.end <= 1:
            merged[-1] = replace(m, start=prev.start, surface=text[prev.start:m.end],
                                 why=f"{m.why}; {CAPITAL_APPOSITION.split(':')[0]}: after '{prev.surface}'")
            continue
        merged.append(m)
    return merged


FACILITY_WORDS = {fold_chars(w): kind for w, kind in (
    ("ساحة", "square"), ("ساحه", "square"), ("سوق", "market"), ("مستشفى", "hospital"), ("مشفى", "hospital"),
    ("دوار", "square"), ("ملعب", "stadium"), ("جامع", "mosque"), ("مسجد", "mosque"))}
HOSPITAL_WORDS = frozenset(fold_chars(w) for w in ("مستشفى", "مشفى"))
UNIVERSITY_WORDS = frozenset(fold_chars(w) for w in ("جامعة",))
UNIVERSITY_OF_CITY = (
    "geoparse.university_of_city: a university named after a city or town ('الهجوم على جامعة غارسا', 'القوات "
    "الأمنية الموجودة في جامعة تكريت') is a site in that city, at its point (precision 1, role place: attacks happen "
    "there), not the organisation's name that hides the place (جامعة is a person head: no place is read right after "
    "it otherwise). Seen in fresh17 hb-031 (the Garissa University attack a Kenyan report recalls) and ha-021.")
FACILITY_LINKS = frozenset(fold_chars(w) for w in ("في", "وسط", "بوسط", "بمدينة", "في مدينة", "في وسط", "داخل",
                                                   "بمنطقة", "في منطقة", "بحي", "في حي"))
FACILITY_CITY_KINDS = frozenset(("city", "town", "neighbourhood"))
FACILITY_MAX_WORDS = 4


def _facility_kind(word: str) -> tuple[str, int]:
    """The facility kind of a word ("بساحة" -> square) and the letters of its attached prefix, or ("", 0)."""
    for form, plen in stems(word):
        kind = FACILITY_WORDS.get(form)
        if kind:
            return kind, plen
    return "", 0


def _hospitals_of_cities(raw: list[Match], toks: list[Token], gaz: Gazetteer) -> list[tuple[int, int, Entry]]:
    """"مستشفى تكريت", "مستشفى بعقوبة العام", "مشفى درعا الوطني": a hospital named after a city or town is in it
    (a street or square named after one is not: "شارع بغداد" is anywhere). (first token, end token, city entry)
    for each, where one city or town of that name stands out (clear_winner)."""
    out = []
    for m in raw:
        if m.i == 0 or m.plen or not toks[m.i].joined or toks[m.i - 1].word not in HOSPITAL_WORDS \
                and bare(toks[m.i - 1].word) not in UNIVERSITY_WORDS:
            continue
        towns = [e for e in candidates(gaz, m) if e.kind in ("city", "town")]
        e = clear_winner(towns) if towns else None
        if e is not None:
            out.append((m.i - 1, m.j, e))
    return out


def _facilities(cities: list[tuple[int, PlaceMention]], hospitals: list[tuple[int, int, Entry]],
                matches: list[Match], named: set[int], toks: list[Token], folded: Folded,
                text: str) -> list[PlaceMention]:
    """Squares, markets, hospitals, roundabouts, stadiums and mosques the gazetteer lacks, placed at the city the
    text puts them in: "ساحة سعد الله الجابري بمدينة حلب", "ساحة الفردوس وسط بغداد" (the facility's word, one to
    four words of its name, a link — ب, في, وسط, بمدينة — and a city, town or neighbourhood named right after), and
    hospitals named after their city ("مستشفى تكريت"). Precision 1 (the place is named) at the city's point; the
    name keeps its type word, as a square's name does. A hospital takes the role "hospital", no event's place: in
    the news it is where the wounded are taken (dev: c033, rd015 read as event places otherwise)."""
    out = []
    for idx, city in cities:
        c = matches[idx]
        k = c.cue_i if c.cue_i >= 0 else c.i       # the city's phrase: "بمدينة حلب", "باللاذقية", "حلب"
        if k >= 2 and toks[k - 1].word in FACILITY_LINKS and toks[k].joined:
            end = k - 1                              # "ساحة X في حلب", "ساحة X وسط بغداد"
        elif k >= 3 and toks[k - 2].word + " " + toks[k - 1].word in FACILITY_LINKS and toks[k].joined                 and toks[k - 1].joined:
            end = k - 2                              # "ساحة X في وسط بغداد"
        elif toks[k].word.startswith("ب") and (c.plen or c.cue_i >= 0):
            end = k                                  # "ساحة X باللاذقية", "ساحة X بمدينة حلب"
        else:
            continue
        for f in range(end - 2, max(-1, end - 2 - FACILITY_MAX_WORDS), -1):
            if any(x in named for x in range(f + 1, end)) or not all(toks[x].joined for x in range(f + 1, end + 1)):
                break                                # a place, or punctuation, inside the name
            kind, plen = _facility_kind(toks[f].word)
            first = toks[f + 1].word
            if kind and not first.startswith("ال") and (adjective_shape(first) or first.endswith(("ي", "ه", "يا"))):
                break         # "سوق مزدحمة بساحة الطيران", "مستشفى ميداني في": an indefinite adjective, no name
            if kind:
                s, e = folded.to_original(toks[f].start + plen, toks[end - 1].end)
                out.append(_facility_mention(s, e, text, kind, city, f"'{city.surface}' named right after it"))
                break
    for i, j, town in hospitals:
        university = bare(toks[i].word) in UNIVERSITY_WORDS      # rule geoparse.university_of_city
        if j < len(toks) and toks[j].joined and toks[j].word in HOSPITAL_ADJECTIVES and not university:
            j += 1          # "مستشفى بعقوبة العام"
        plen = len(toks[i].word) - len(bare(toks[i].word)) if university else _facility_kind(toks[i].word)[1]
        s, end = folded.to_original(toks[i].start + plen, toks[j - 1].end)
        pm = PlaceMention(0, 0, "", town.name_ar, town.name_en, town.country, town.admin1, town.lat, town.lon, 1,
                          town.kind, "", 0.0, town.id)
        pm.admin2, pm.admin3 = town.admin2, town.admin3
        if university:
            out.append(_facility_mention(s, end, text, "university", pm, UNIVERSITY_OF_CITY.split(":")[0]))
        else:
            out.append(_facility_mention(s, end, text, "hospital", pm, "a hospital named after its city"))
    for pm in out:
        if pm.kind == "hospital":    # where the wounded are taken far more often than where anything happens:
            pm.role = "hospital"     # recognised, no event's place
    return out


HOSPITAL_ADJECTIVES = frozenset(fold_chars(w) for w in ("العام", "الوطني", "التعليمي", "الجمهوري", "العسكري",
                                                        "المركزي", "الحكومي"))


def _facility_mention(s: int, e: int, text: str, kind: str, city: PlaceMention, why: str) -> PlaceMention:
    surface = text[s:e]
    pm = PlaceMention(s, e, surface, surface, f"{surface and kind.capitalize()} in {city.name_en}", city.country,
                      city.admin1, city.lat, city.lon, 1, kind, f"{kind} not in the gazetteer, in {city.name_en}: {why}",
                      city.score, city.entry_id, "place")
    pm.admin2, pm.admin3 = city.admin2, city.admin3
    return pm


@lru_cache(maxsize=1)
def _wide_names() -> dict[str, str]:
    """Folded name -> English name of the continents and regions across countries (data/regions_wide.tsv)."""
    out = {}
    for line in (DATA_DIR / "regions_wide.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name_en, names = line.split("\t")
            for n in names.split("|"):
                out[fold(n)] = name_en
    return out


def _wide_regions(toks: list[Token]) -> list[tuple[int, int, str, int]]:
    """Token spans of continents and wide regions, longest first: (first token, end token, English name, letters
    of a prefix attached to the first word)."""
    names, first = _wide_index()
    out, i, n = [], 0, len(toks)
    while i < n:
        word = toks[i].word
        if word not in first and (word[0] not in ONE_PREFIX or not (
                word[1:] in first or word[2:] in first or "ا" + word[1:] in first or "ا" + word[2:] in first)):
            i += 1
            continue       # no form of the word (see recognize.stems) begins a wide region's name
        found = None
        for form, plen in stems(word):
            longest = first.get(form, 0)
            for k in range(min(longest, n - i), 0, -1):
                if k > 1 and not all(toks[x].joined for x in range(i + 1, i + k)):
                    continue
                key = form if k == 1 else form + " " + " ".join(t.word for t in toks[i + 1:i + k])
                if key in names:
                    if found is None or k > found[1] - i:
                        found = (i, i + k, names[key], plen)
                    break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _wide_index() -> tuple[dict[str, str], dict[str, int]]:
    """The wide regions' names, and their first words with the longest name's length in words."""
    names = _wide_names()
    first: dict[str, int] = {}
    for key in names:
        words = key.split(" ")
        first[words[0]] = max(first.get(words[0], 0), len(words))
    return names, first


CAPITAL_WORD = fold_chars("العاصمة")
_CAPITAL_TAIL = CAPITAL_WORD[1:]   # a word with a form CAPITAL_WORD (recognize.stems) ends so
VILLAGE_CUES = frozenset(fold_chars(w) for w in ("قرية", "بلدة"))   # "قرية العاصمة": the Iraqi village
BARE_CAPITAL = "geoparse.bare_capital"
BARE_CAPITAL_RULE = (
    "'العاصمة' with no name after it ('في مناطق مختلفة من العاصمة', 'جنوب العاصمة', 'بالعاصمة') is the capital of "
    "the country the report is about (its most named country, else its most cued one), or of the country whose "
    "adjective follows ('العاصمة الإيرانية'); a name after it ('العاصمة دمشق') or another adjective ('العاصمة "
    "الإدارية') leaves it alone. Precision 1 at the capital's point; a region phrase around it is built as for a "
    "name ('جنوب العاصمة': 10 km south of it). Seen in dev c034 ('قيادة عمليات بغداد ... في مناطق مختلفة من "
    "العاصمة': Baghdad)")


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Entry]:
    """ISO2 -> the country's capital city (the most populous entry marked as a capital)."""
    out: dict[str, Entry] = {}
    for e in load_gazetteer().entries:
        if e.capital and e.kind == "city" and (e.country not in out or e.pop > out[e.country].pop):
            out[e.country] = e
    return out


def load_indexes() -> None:
    """Build now the gazetteer's derived indexes that find_places otherwise builds at the first report needing each
    (capitals, the places of each governorate and of each country: ~45 ms in all), and the sub-district polygons
    (geo.admin: shapely and ~0.1 s); extract_document loads them with the gazetteer, before gc.freeze."""
    from .admin import load_units

    _capitals()
    _governorate_places()
    _country_places()
    load_units()


def _report_country(ev: Evidence) -> str:
    """The country the text and its report are about: the most named, else the most cued."""
    for tally in (ev.countries, ev.cues):
        if tally:
            return tally.most_common(1)[0][0]
    return ""


def _bare_capitals(matches: list[Match], toks: list[Token], folded: Folded, text: str,
                   ev: Evidence) -> list[PlaceMention]:
    """Mentions of "العاصمة" standing for a capital by itself (BARE_CAPITAL_RULE)."""
    voc = vocab()
    covered = {x for m in matches for x in range(m.i, m.j) if not (x == m.i and m.plen and toks[x].word[0] == "و")}
    out = []          # a name after و ("أهالي العاصمة والعراق") is the next item, not the capital's name
    for i, t in enumerate(toks):
        if i in covered or not t.word.endswith(_CAPITAL_TAIL):   # every form of stems(w) ends as w does
            continue
        plen = next((n for form, n in stems(t.word) if form == CAPITAL_WORD), -1)
        if plen < 0:
            continue
        country, j = "", i + 1
        nxt = toks[j] if j < len(toks) and toks[j].joined else None
        if nxt is not None and nxt.word in voc.adjectives:
            country, j = voc.adjectives[nxt.word], j + 1          # "العاصمة الإيرانية"
            if j < len(toks) and toks[j].joined and j in covered:
                continue    # "العاصمة الصومالية مقديشو": the name says it
        elif nxt is not None and (j in covered or adjective_shape(nxt.word) or nxt.word.endswith("ي")):
            continue        # "العاصمة دمشق" (the name says it), "العاصمة الإدارية"
        country = country or _report_country(ev)
        cap = _capitals().get(country)
        if cap is None:
            continue
        m = Match(i, j, CAPITAL_WORD, plen)
        region = _region(m, toks, voc)
        start_tok, end_tok = (region.i, region.j) if region else (i, j)
        fs = toks[start_tok].start + (_prefix_len(toks[start_tok].word) if region else plen)
        s, e = folded.to_original(fs, toks[end_tok - 1].end)
        surface = text[s:e]
        pm = PlaceMention(s, e, surface, surface, cap.name_en, cap.country, cap.admin1, cap.lat, cap.lon, 1, "city",
                          f"{BARE_CAPITAL}: the capital of {country}", 0.0, cap.id)
        pm.admin2, pm.admin3 = cap.admin2, cap.admin3
        if region:
            pm.head = region.head
            _apply_region(pm, region, cap, voc)
        out.append(pm)
    return out


GOV_WORD = fold_chars("المحافظة")
_GOV_TAIL = GOV_WORD[1:]
GOV_PART = "geoparse.governorate_part"
GOV_PART_RULE = (
    "a direction of 'المحافظة' with no name after it ('نفذت غربي المحافظة', 'ريف المحافظة الشرقي') is that part of "
    "the governorate the text named last before it, else of the report's most named one: the middle of the "
    "governorate's places that way (as for a direction of a country), precision 2. Seen in dev2 rd013 ('عملية أمنية "
    "نوعية نفذت غربي المحافظة' after 'الأنبار': al-Qaim's district, not Ramadi's point 240 km east)")
SENTENCE_END = re.compile(r"[.!?؟\n]")
GOV_PART_KINDS = frozenset(("city", "town", "village", "district", "subdistrict"))


def _governorate_parts(matches: list[Match], toks: list[Token], folded: Folded, text: str, ev: Evidence,
                       found: list[PlaceMention]) -> list[PlaceMention]:
    """Direction phrases on a bare "المحافظة" (GOV_PART_RULE)."""
    voc = vocab()
    covered = {x for m in matches for x in range(m.i, m.j)}
    gaz = load_gazetteer()
    out = []
    for i, t in enumerate(toks):
        if i in covered or not t.word.endswith(_GOV_TAIL):       # every form of stems(w) ends as w does
            continue
        plen = next((n for form, n in stems(t.word) if form == GOV_WORD), -1)
        if plen < 0 or i + 1 < len(toks) and toks[i + 1].joined and i + 1 in covered:
            continue                 # "المحافظة X": a name follows
        region = _region(Match(i, i + 1, GOV_WORD, plen), toks, voc)
        if region is None or region.bearing is None:
            continue
        s, e = folded.to_original(toks[region.i].start + _prefix_len(toks[region.i].word), toks[region.j - 1].end)
        before = [p for p in found if (p.kind == "gov" or p.gov_city) and p.end <= s and p.role == "place" and p.admin1
                  and not SENTENCE_END.search(text, p.end, s)]
        if not before:
            continue
        admin1 = before[-1].admin1
        idx = gaz.admin1_entry.get(admin1)
        part = governorate_part(admin1, region.bearing) if idx is not None else None
        if idx is None or part is None:
            continue
        gov = gaz.entries[idx]
        surface = text[s:e]
        v = gaz.vocab
        names = v["countryside_names_en"] if region.head == "countryside" else v["direction_names_en"]
        name_en = f"{names[str(region.bearing)]} {gov.name_en}" + (" countryside" if region.head == "countryside" else "")
        out.append(PlaceMention(s, e, surface, surface, name_en, gov.country, gov.admin1, part[0], part[1], 2,
                                "region", f"{GOV_PART}: the part of {gov.name_en} that way; region phrase ({region.head}, bearing "
                                f"{region.bearing})", 0.0, "", "place", [], 3,
                                region.head))
    return out


@lru_cache(maxsize=1)
def _governorate_places() -> dict[str, list[tuple[float, float]]]:
    """Per first-level division of the core countries: the points of its towns, villages and districts."""
    out: dict[str, list[tuple[float, float]]] = {}
    for e in load_gazetteer().entries:
        if e.kind in GOV_PART_KINDS and e.admin1 and e.country in ("SY", "IQ"):
            out.setdefault(e.admin1, []).append((e.lat, e.lon))
    return out


@lru_cache(maxsize=256)
def governorate_part(admin1: str, bearing: int) -> tuple[float, float] | None:
    """The point of the part of a Syrian or Iraqi governorate a direction names (as ``country_part``)."""
    return _sector_point(_governorate_places().get(admin1, []), bearing, around_median=True)


LOCALITY_WORDS = {fold_chars(w): kind for w, kind in (("قرية", "village"), ("بلدة", "town"), ("مزرعة", "farm"))}
LOCATED_WORDS = frozenset(fold_chars(w) for w in ("الواقعة", "الواقع", "التي تقع", "الذي يقع"))
PLACED_MAX_WORDS = 3
PLACED_OFFSET_KM = 5.0    # a locality "east of" a town or village: a few km that way, not the town itself


def _placed_by_direction(idx: int, pm: PlaceMention, matches: list[Match], toks: list[Token], folded: Folded,
                         text: str) -> PlaceMention | None:
    """"قرية تل العيد جنوب شرقي القامشلي", "قرية أم عدس الواقعة شرقي دير حافر": a locality the gazetteer does
    not know, named after its kind and placed by the text in a direction from a known place, is at that region
    phrase's point, or 5 km that way from a town or village the phrase keeps at its own point: precision 2 (the
    point is the phrase's, not the locality's own), ranked like "شرقي بلدة X"; better than a name without a point.
    The name is one to three words joined by spaces, none of them a place, head, direction or locative word."""
    m = matches[idx]
    voc = vocab()
    region = _region(m, toks, voc)
    if region is None or region.head != "dir" or region.i < 2 or not toks[region.i].joined:
        return None
    end = region.i
    if end >= 2 and toks[end - 1].word + " " + toks[end].word in LOCATED_WORDS:
        return None        # "التي تقع" is split around the direction only in odd text: leave it
    if toks[end - 1].word in LOCATED_WORDS:
        end -= 1
        if not toks[end].joined:
            return None
    elif end >= 3 and toks[end - 2].word + " " + toks[end - 1].word in LOCATED_WORDS:
        end -= 2
        if not toks[end].joined:
            return None
    prev_end = matches[idx - 1].j if idx else 0
    for start in range(end - 1, max(-1, end - 1 - PLACED_MAX_WORDS), -1):
        if start < prev_end or start == 0:
            return None
        word = bare(toks[start].word)
        if word in voc.directions or word in voc.heads or word in voc.locative or word in voc.countryside \
                or word in voc.list_cues or word in LOCALITY_WORDS or word in LINK_WORDS:
            return None     # a name may begin with a cue word ("تل العيد"), not with these
        if bare(toks[start - 1].word) in LOCALITY_WORDS and toks[start].joined:
            break
        if not toks[start].joined:
            return None
    else:
        return None
    if adjective_shape(toks[start].word) and end - start == 1:
        return None        # "قرية صغيرة شرقي X": the locality's adjective, not its name
    s, e = folded.to_original(toks[start].start, toks[end - 1].end)
    surface = text[s:e]
    lat, lon = pm.lat, pm.lon
    kind = next((e.kind for e in load_gazetteer().lookup(m.key) if e.id == pm.entry_id), "")
    if region.bearing is not None and kind not in OFFSET_KINDS and kind not in ("country", ""):
        lat, lon = offset(lat, lon, region.bearing, PLACED_OFFSET_KM)   # the phrase kept the town's own point
    kind_word = LOCALITY_WORDS[bare(toks[start - 1].word)]
    name_en = f"{kind_word.capitalize()} {pm.name_en[:1].lower()}{pm.name_en[1:]}"
    return PlaceMention(s, e, surface, surface, name_en, pm.country, pm.admin1, lat, lon, 2, "region",
                        f"{kind_word} not in the gazetteer, placed by '{pm.surface}'; " + pm.why,
                        pm.score, "", "place", [], 1, "dir")


ROAD_WORDS = frozenset(fold_chars(w) for w in (
    "طريق", "الطريق", "طرق", "أوتوستراد", "الأوتوستراد", "أتوستراد", "الأتوستراد", "أوتستراد", "الأوتستراد"))
ROAD_FILLERS = frozenset(fold_chars(w) for w in (
    "عام", "العام", "الدولي", "الدولية", "السريع", "الرئيسي", "الرئيسية", "الواصل", "الرابط", "الذي", "التي",
    "يربط", "يصل", "بين", "الحيوي", "القديم", "الجديد", "البري"))
DIST_UNITS = frozenset(fold_chars(w) for w in (
    "كم", "كلم", "كيلو", "كيلومتر", "كيلومترات", "كيلومترا", "كيلومترًا", "متر", "أمتار", "مترا", "ميل", "أميال"))
DIST_WORDS = frozenset(fold_chars(w) for w in ("بعد", "مسافة"))
DIST_AFTER = frozenset(fold_chars(w) for w in ("ب", "بنحو", "بحوالي", "بمسافة", "بقرابة"))
DASHES = frozenset("-\u2013\u2014")
FROM_WORDS = frozenset(("من", "عن"))


def _phrase_start(m: Match, toks: list[Token], voc: Vocab) -> int:
    """First token of the phrase around a name: its cue and a region head or direction before it."""
    k = m.cue_i if m.cue_i >= 0 else m.i
    for _ in range(2):
        if k > 0 and toks[k].joined and bare(toks[k - 1].word) in voc.never:
            k -= 1
    return k


def _frames(matches: list[Match], toks: list[Token]) -> dict[int, str]:
    """Matches inside a road phrase ("طريق دير الزور – تدمر", "أوتوستراد حلب دمشق", "الطريق الواصل
    بين X وY": role "road") or used as a distance reference ("على بعد 10 كم من X", "شرق X بـ20 كم":
    role "reference"). Both still count as context; best_place prefers a named event place."""
    voc = vocab()
    out: dict[int, str] = {}
    for idx, m in enumerate(matches):
        s = _phrase_start(m, toks, voc)
        k = s - 1
        steps = 0
        while k >= 0 and steps < 3 and bare(toks[k].word) in ROAD_FILLERS and toks[k + 1].joined:
            k, steps = k - 1, steps + 1
        if k >= 0 and toks[k + 1].joined and any(f in ROAD_WORDS for f, _ in stems(toks[k].word)):
            out[idx] = "road"
            continue
        prev = matches[idx - 1] if idx else None
        if prev is not None and out.get(idx - 1) == "road" and prev.j == s == (m.cue_i if m.cue_i >= 0 else m.i) and (
                toks[s].joined or DASHES.intersection(toks[s].gap)):
            out[idx] = "road"       # the second end: "X – Y", "X وY", "حلب دمشق"
            continue
        if _distance_ref(m, s, toks):
            out[idx] = "reference"
    return out


@lru_cache(maxsize=1)
def _origin_words() -> frozenset:
    return frozenset(fold_chars(w) for w in load_gazetteer().vocab["origin_words"])


def _origin(m: Match, toks: list[Token]) -> bool:
    """"من جهة/من اتجاه/انطلاقاً من/أقلعت من X" right before the name's phrase."""
    s = _phrase_start(m, toks, vocab())
    if s < 2 or not toks[s].joined or not toks[s - 1].joined:
        return False
    return toks[s - 2].word + " " + toks[s - 1].word in _origin_words()


def _distance_ref(m: Match, s: int, toks: list[Token]) -> bool:
    if s > 0 and toks[s - 1].word in DIST_UNITS:
        return True                          # "20 كم شرق X"
    if s > 0 and toks[s - 1].word in FROM_WORDS:
        for k in range(max(0, s - 4), s - 1):
            w = toks[k].word
            if w in DIST_UNITS or w in DIST_WORDS and k > 0 and toks[k - 1].word == "علي":
                return True                  # "على بعد 10 كيلومترات من X"
    j = m.j
    if j < len(toks) and toks[j].word in DIST_AFTER:
        return any(t.word in DIST_UNITS for t in toks[j:j + 3])   # "شرق X بـ20 كم"
    return False


BROAD_KINDS = frozenset(("desert", "valley", "area", "mountain", "gov", "district", "subdistrict"))
REFINE_LINKS = ("", "في", "ب")


def _broad(m: PlaceMention) -> bool:
    """A desert, valley, area, mountain range or administrative unit, or a part of a governorate."""
    return m.geo_precision >= 2 and (m.kind in BROAD_KINDS or m.kind == "region" and m.place_precision == 3)


def _refines(ref: PlaceMention, broad: PlaceMention) -> bool:
    """``ref`` is a phrase around a town or district ("جنوب قضاء الرطبة", "قرب بلدة X") that places
    the broad area ``broad`` ("صحراء الأنبار") more exactly."""
    return (_broad(broad) and broad.role == ref.role == "place" and ref.kind == "region"
            and ref.head in ("near", "dir") and 0 < ref.place_precision <= 2)


def _refine_broad(out: list[PlaceMention], text: str) -> list[PlaceMention]:
    """"صحراء الأنبار جنوب قضاء الرطبة", "قرب الرطبة في صحراء الأنبار": the broad area next to a
    phrase around a town or district takes the role "container" (kept, but not the event's place:
    the phrase, precision 2 near the town, is)."""
    for a, b in zip(out, out[1:]):
        gap = text[a.end:b.start].strip()
        if gap in REFINE_LINKS and (_refines(b, a) and not gap or _refines(a, b)):
            broad, ref = (a, b) if _refines(b, a) and not gap else (b, a)
            broad.role = "container"
            broad.why += f"; placed more exactly by '{ref.surface}'"
    return out


SHADDA = "\u0651"
TAA_MARBUTA, HA = "\u0629", "\u0647"


def _mark_spelling(matches: list[Match], toks: list[Token], folded: Folded, text: str) -> None:
    """What folding hides: a shadda ("عمّان", not "عُمان"); a final ه where the place is only ever written
    with ة ("في نهاية حديثه", his talk, is not Haditha, حديثة): guarded like a common word."""
    for m in matches:
        s, e = folded.to_original(toks[m.i].start, toks[m.j - 1].end)
        surface = text[s:e]
        m.shadda = SHADDA in surface
        if surface.endswith(HA) and not (m.guard or m.cue or m.listed or m.cued or m.head) and _only_taa_marbuta(m.key):
            m.guard = "spelling"
            m.why.append("guarded (spelling: ه for ة)")


@lru_cache(maxsize=4096)
def _only_taa_marbuta(key: str) -> bool:
    """Every name of every entry that folds to ``key`` ends in ة (so a text's final ه is another word)."""
    if not key.endswith(HA):
        return False
    gaz = load_gazetteer()
    ents = gaz.lookup(key)
    if any(e.kind in ("gov", "country") for e in ents):
        return False      # "شبوه": a governorate's name is no pronoun-suffixed word
    names = [n for e in ents for n in e.names if fold(n) == key]
    return bool(names) and all(n.endswith(TAA_MARBUTA) for n in names)


DATELINE_AFTER = ("(", "-", "\u2013", "\u2014", ":", "/")


def _mark_datelines(matches: list[Match], toks: list[Token], folded: str) -> None:
    """"أربيل (كوردستان 24)-", "دمشق - ": the outlet's dateline, not where things happened."""
    for m in matches:
        start = toks[m.i].start
        line_start = folded.rfind("\n", 0, start) + 1
        if folded[line_start:start].strip():
            continue
        rest = folded[toks[m.j - 1].end:toks[m.j - 1].end + 3].lstrip()
        if rest.startswith(DATELINE_AFTER):
            m.role = "dateline"


@lru_cache(maxsize=32)
def _context_evidence(context: str) -> Evidence:
    gaz = load_gazetteer()
    folded = fold_text(context)
    toks = split_glued(tokenize(folded.folded), gaz)
    matches = accept(scan(toks, gaz, vocab().max_words), toks, gaz)
    _mark_spelling(matches, toks, folded, context)
    ev = evidence(matches, gaz, 1.0)
    ev.cues = country_cues(toks, matches, gaz, 1.0)
    return ev


ARTICLE_DROPPED_ID = "geoparse.article_dropped"
ARTICLE_DROPPED = (
    "geoparse.article_dropped: a cued or listed name written with ال whose every reading is rejected (a namesake "
    "far from the report, or in a governorate it never names) is read without the article, as the gazetteer may "
    "store it ('قريتي الكاوكلي والصيادة ... لمدينة منبج': the Sayada of Manbij, not as-Sayyadah of Hama). The "
    "bare reading passes the same checks and must be a village, town or ruin of SY/IQ/TR/LB/JO ('في منطقة الزرقاء' "
    "of an Iraqi report is no Zarqa of Jordan). Seen in fresh5 f5b-027 (and «الشقلاوة» for شقلاوة in f5a-013, uncued: "
    "not read).")


def _mention(idx: int, matches: list[Match], toks: list[Token], folded: Folded, text: str,
             gaz: Gazetteer, ev: Evidence) -> PlaceMention | None:
    m = matches[idx]
    voc = vocab()
    kinds = cue_kinds(m, voc)
    region = _region(m, toks, voc)
    if region and region.head == "dir" and not kinds:
        kinds = ("gov", "city", "town", "district", "area", "country", "any")
    chosen = choose(idx, matches, gaz, ev, kinds, region is not None)
    if chosen is None and (m.cue or m.listed) and not m.variant and m.key.startswith("ال") and " " not in m.key \
            and m.key[2:] in gaz.by_name:
        alt = replace(m, key=m.key[2:], variant=m.key)     # rule ARTICLE_DROPPED_ID (ARTICLE_DROPPED)
        chosen = choose(idx, matches[:idx] + [alt] + matches[idx + 1:], gaz, ev, kinds, region is not None)
        if chosen is not None and (chosen[0].kind not in VARIANT_LOCATIVE_KINDS or chosen[0].world_minor):
            chosen = None     # "في منطقة الزرقاء" of an Iraqi report is no Zarqa of Jordan
        if chosen is not None:
            chosen = chosen[0], chosen[1], f"{ARTICLE_DROPPED_ID}: {m.key[2:]}; {chosen[2]}", chosen[3]
    if chosen is not None and chosen[0].kind in FRAMED_BY_KINDS:
        chosen = _framed_by_next(idx, matches, toks, gaz, ev, chosen)
    if chosen is None:
        return None
    entry, sc, why, alts = chosen
    if m.listed or m.variant:
        why = "; ".join([w for w in m.why if w.startswith(("variant", "list"))] + [why])
    name_i = m.i
    start_tok, end_tok, plen = (region.i, region.j, 0) if region else (name_i, m.j, m.plen)
    fs = toks[start_tok].start + (plen if not region else _prefix_len(toks[start_tok].word))
    s, e = folded.to_original(fs, toks[end_tok - 1].end)
    surface = text[s:e]
    pm = PlaceMention(s, e, surface, surface, entry.name_en, entry.country, entry.admin1, entry.lat,
                      entry.lon, entry.precision, entry.kind, why, round(sc, 2), entry.id, m.role,
                      [f"{a.name_en} ({a.admin1 or a.country})" for a in alts])
    pm.admin2, pm.admin3 = entry.admin2, entry.admin3
    if region:
        pm.head, pm.bearing = region.head, region.bearing
        _apply_region(pm, region, entry, voc)
        if region.bearing is not None or region.head != "near":
            pm.admin3 = ""       # "ريف X الشرقي", "شمال X": beyond X's own sub-district
    else:
        pm.name_ar = surface
        pm.gov_city = GOV_CITY in why
        if pm.gov_city:     # the city's entry and point, at its governorate's precision: the extractor reads
            pm.geo_precision = 3   # precision 3 as "the governorate" when it joins a headline to its story
            pm.city_named = m.key in ev.city_keys   # the report writes it as a city: its location says so
    return pm


FRAMED_BY_NEXT = (
    "resolve.framed_by_next: a village or town framed by the place named right after it, 'X التابعة لقضاء Y' or "
    "'X (شرق Y)', 'X شمال غربي Y', takes its reading nearest Y (within FRAMED_NEAR_KM; with a direction, among the "
    "readings that lie that way from Y) when its name has several; "
    "and 'X التابعة لقضاء Y' of a Syrian or Iraqi district Y rejects a reading of X in another district (no village "
    "rather than a namesake: the extractor then places X near Y). fresh11 m-015 «ناحية العبارة (شرق بعقوبة)» "
    "took the Abbara of Muqdadiya, 25 km off; fresh8 f8g-029 «قرية قصروك التابعة لقضاء الحمدانية» the Qasrouk of "
    "Aqra, 75 km off")
FRAMED_BY_KINDS = frozenset(("village", "town", "ruin", "neighbourhood", "subdistrict"))
FRAME_OF_KINDS = frozenset(("city", "town", "district", "subdistrict"))
FRAME_LINKS = frozenset(fold_chars(w) for w in ("التابعة", "التابع", "الواقعة", "الواقع"))
FRAMED_NEAR_KM = 40.0
FRAME_SAME_KM = 15.0     # the readings of the framing name (a district and its town) lie this close: one place


def _framed_by_next(idx: int, matches: list[Match], toks: list[Token], gaz: Gazetteer, ev: Evidence,
                    chosen: tuple) -> tuple | None:
    """Rule resolve.framed_by_next (FRAMED_BY_NEXT)."""
    m = matches[idx]
    if idx + 1 >= len(matches) or m.j >= len(toks):
        return chosen
    n = matches[idx + 1]
    first = n.cue_i if n.cue_i >= 0 else n.i
    between = toks[m.j:first]
    voc = vocab()
    if len(between) == 1 and between[0].word in FRAME_LINKS and toks[first].joined:
        link = True                                      # "X التابعة لقضاء Y", "X الواقعة في Y"
    elif 1 <= len(between) <= 2 and all(t.word in voc.directions or bare(t.word) in voc.directions
                                        for t in between) and toks[first].joined \
            and all(t.joined for t in between[1:]) and (between[0].joined or between[0].gap.strip() == "("):
        link = False                                     # "X (شرق Y)", "X شمال غربي Y"
    else:
        return chosen
    bearing = None
    if not link:
        words = [bare(t.word) if bare(t.word) in voc.directions else t.word for t in between]
        bearing = voc.directions.get(" ".join(words)) if len(words) == 2 else voc.directions.get(words[0])
        if bearing is None and len(words) == 2:
            return chosen
    kinds = cue_kinds(n, voc)
    ys = [e for e in candidates(gaz, n) if e.kind in FRAME_OF_KINDS and (not kinds or e.kind in kinds)]
    if not ys or any(km(y.lat, y.lon, ys[0].lat, ys[0].lon) > FRAME_SAME_KM for y in ys):
        return chosen                                    # Y is not one place
    y = next((e for e in ys if e.kind == "district"), ys[0])
    entry, sc, why, alts = chosen
    cands = [e for e in steer(candidates(gaz, m), ev) if e.kind in FRAMED_BY_KINDS
             and (bearing is None or _that_way(y, e, bearing))]
    if not cands:
        return chosen
    near = min(cands, key=lambda e: km(e.lat, e.lon, y.lat, y.lon))
    d_near, d_chosen = km(near.lat, near.lon, y.lat, y.lon), km(entry.lat, entry.lon, y.lat, y.lon)
    tag = FRAMED_BY_NEXT.split(":")[0]
    if near is not entry and d_near <= FRAMED_NEAR_KM and d_chosen - d_near > 5.0:
        return near, sc, f"{why}; {tag}: the reading nearest '{y.name_en}'", [entry] + [a for a in alts if a is not near]
    if link and y.kind == "district" and y.country in ("SY", "IQ") and y.admin2 \
            and not any(e.admin2 == y.admin2 or km(e.lat, e.lon, y.lat, y.lon) <= FRAMED_NEAR_KM for e in cands):
        return None                                      # "قرية قصروك التابعة لقضاء الحمدانية": no Qasrouk there
    return chosen


def _that_way(y: Entry, e: Entry, bearing: int) -> bool:
    """e lies the stated way from y (within 67.5 degrees of the bearing), or at y."""
    if km(y.lat, y.lon, e.lat, e.lon) <= 3.0:
        return True
    dy = e.lat - y.lat
    dx = (e.lon - y.lon) * math.cos(math.radians(y.lat))
    off = abs((math.degrees(math.atan2(dx, dy)) - bearing + 180.0) % 360.0 - 180.0)
    return off <= 67.5


def _prefix_len(word: str) -> int:
    """Letters of an attached prefix on a region head word (بريف → 1)."""
    voc = vocab()
    for form, plen in reversed(stems(word)):
        if form in voc.heads or form in voc.directions or form in voc.countryside:
            return plen
    return 0


def _region(m: Match, toks: list[Token], voc: Vocab) -> Region | None:
    """A region phrase around match m, if the words before/after make one."""
    k = m.i - 1
    if k >= 0 and not toks[m.i].joined:
        return None     # "(شمال غرب) وبتاني": a bracket or comma between the head and the name
    if k >= 0 and k == m.cue_i:
        k -= 1          # "ريف محافظة X", "شمال مدينة X"
    if k >= 0 and bare(toks[k].word) in LINK_WORDS:
        if not toks[k].joined:
            return None
        k -= 1          # "الريف الشرقي من X"
    bearing, dstart = _direction_before(toks, k, voc)
    if bearing is not None:
        if dstart > 0 and bare(toks[dstart - 1].word) in voc.countryside:
            return Region(dstart - 1, m.j, "countryside", bearing)
        return Region(dstart, m.j, "dir", bearing)
    if k < 0:
        return None
    head_word = bare(toks[k].word)
    head = voc.heads.get(head_word)
    if head is None and k > 0 and head_word == "من" and bare(toks[k - 1].word) in voc.heads:
        k, head = k - 1, voc.heads[bare(toks[k - 1].word)]
    if head is None:
        return None
    after, end = _direction_after(toks, m.j, voc)
    return Region(k, end if after is not None else m.j, head, after)


LINK_WORDS = frozenset(("من", "في"))


def _direction_before(toks: list[Token], k: int, voc: Vocab) -> tuple[int | None, int]:
    if k < 0:
        return None, k
    if k >= 1:
        two = bare(toks[k - 1].word) + " " + toks[k].word
        if two in voc.directions:
            return voc.directions[two], k - 1
    w = toks[k].word
    for form in (w, bare(w)):
        if form in voc.directions and not form.startswith("ال"):
            return voc.directions[form], k
    if form.startswith("ال") and form in voc.directions and k >= 1 and bare(toks[k - 1].word) in voc.countryside:
        return voc.directions[form], k   # "الريف الشرقي لـX"
    return None, k


def _direction_after(toks: list[Token], j: int, voc: Vocab) -> tuple[int | None, int]:
    if j + 1 < len(toks) and toks[j + 1].joined and toks[j].word.startswith("ال"):
        two = toks[j].word + " " + toks[j + 1].word   # "ريف حلب الشمالي الشرقي", not "X شمال شرقي سوريا"
        if two in voc.directions:
            return voc.directions[two], j + 2
    if j < len(toks) and toks[j].joined and toks[j].word in voc.directions and toks[j].word.startswith("ال"):
        return voc.directions[toks[j].word], j + 1
    return None, j


def _apply_region(pm: PlaceMention, r: Region, entry: Entry, voc: Vocab) -> None:
    v = load_gazetteer().vocab
    pm.name_ar = pm.surface
    if entry.kind == "country":
        part = country_part(entry.country, r.bearing) if r.head == "dir" and r.bearing is not None else None
        if part is None:
            pm.why += f"; region '{r.head}' of a country"
            return
        pm.lat, pm.lon, pm.admin1 = part   # "شمالي موزمبيق", "جنوب غرب اليمن": that part of the country, not its capital
        pm.geo_precision, pm.place_precision, pm.kind = 2, entry.precision, "region"
        pm.name_en = f"{v['countryside_names_en'][str(r.bearing)]} {entry.name_en}"
        pm.why += f"; region phrase (dir, bearing {r.bearing}) of a country: the middle of its towns that way"
        return
    pm.geo_precision = 2
    pm.place_precision = entry.precision
    pm.kind = "region"
    if r.bearing is not None and entry.kind in OFFSET_KINDS:
        dist = v["region_offset_city_km"] if entry.kind == "city" and r.head == "dir" else v["region_offset_km"]
        pm.lat, pm.lon = offset(entry.lat, entry.lon, r.bearing, float(dist))   # "شرقي العاصمة": its east side
    key = str(r.bearing)
    if r.head == "countryside":
        adj = v["countryside_names_en"].get(key, "")
        pm.name_en = f"{adj} {entry.name_en} countryside".strip()
    elif r.head == "dir":
        pm.name_en = f"{v['direction_names_en'][key]} {entry.name_en}"
    elif r.head == "near":
        pm.name_en = f"Near {entry.name_en}"
    else:
        pm.name_en = f"{entry.name_en} {r.head}"
    pm.why += f"; region phrase ({r.head}{'' if r.bearing is None else ', bearing ' + key})"


COUNTRY_PART_KINDS = frozenset(("gov", "district", "city", "town"))
COUNTRY_PART_MIN = 10      # a country with fewer such places keeps its own point
SECTOR_DEG = 45.0


@lru_cache(maxsize=1)
def _country_places() -> dict[str, tuple[list[tuple[float, float]], list[Entry]]]:
    """Per country: the points of its divisions, cities and towns, and its divisions' entries (one pass over the
    gazetteer, instead of two per country and direction)."""
    out: dict[str, tuple[list[tuple[float, float]], list[Entry]]] = {}
    for e in load_gazetteer().entries:
        if e.kind in COUNTRY_PART_KINDS:
            pts, govs = out.setdefault(e.country, ([], []))
            pts.append((e.lat, e.lon))
            if e.kind == "gov":
                govs.append(e)
    return out


@lru_cache(maxsize=256)
def country_part(country: str, bearing: int) -> tuple[float, float, str] | None:
    """The point of the part of a country a direction names: the median of the country's divisions, cities and
    towns that lie within 45 degrees of the bearing from the middle of their bounding box, taking the outer half
    of them (nearer the border than the middle), and the division whose point is nearest. None when the gazetteer
    knows too few of its places."""
    pts, govs = _country_places().get(country, ([], []))
    point = _sector_point(pts, bearing)
    if point is None:
        return None
    lat, lon = point
    admin1 = min(govs, key=lambda e: km(lat, lon, e.lat, e.lon)).admin1 if govs else ""
    return lat, lon, admin1


def _sector_point(pts: list[tuple[float, float]], bearing: int,
                  around_median: bool = False) -> tuple[float, float] | None:
    """The median of the outer half of the points within 45 degrees of the bearing from the middle of their
    bounding box (``around_median``: from their median point, for a governorate whose towns crowd along a river
    in an empty desert, as Anbar's); None for fewer than COUNTRY_PART_MIN points, or fewer than 3 that way."""
    if len(pts) < COUNTRY_PART_MIN:
        return None
    if around_median:
        clat, clon = median(p[0] for p in pts), median(p[1] for p in pts)
    else:
        clat = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
        clon = (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2
    scale = math.cos(math.radians(clat))
    sector = []
    for lat, lon in pts:
        dy, dx = lat - clat, (lon - clon) * scale
        turn = abs(math.degrees(math.atan2(dx, dy)) % 360 - bearing) % 360
        if (dx or dy) and min(turn, 360 - turn) <= SECTOR_DEG:
            sector.append((math.hypot(dx, dy), lat, lon))
    if len(sector) < 3:
        return None
    outer = sorted(sector)[len(sector) // 2:]
    return round(median(p[1] for p in outer), 5), round(median(p[2] for p in outer), 5)


COUNTRY_PART_YIELDS = (
    "geoparse.country_part_yields: a part of a country ('شرق أفغانستان', 'شمال شرقي نيجيريا') is where in the "
    "country the other places of the sentence are, not the event's place when one is named ('في ولاية كونار', "
    "'في قرية ميتيلي بولاية بورنو'), as the extractor's place choice already reads it (events._places); fresh5 "
    "f5b-013, f5b-023")


ORG_COUNTRY = (
    "geoparse.org_country: a country named inside an organisation's name ('قوات سوريا الديمقراطية') is no fallback "
    "place for a sentence that names no place of its own: it says nothing of where the sentence happens, so the "
    "caller's report-level place stands (marsad geocode -, eval_geo). A governorate or city inside one ('قيادة "
    "عمليات بغداد', 'شرطة البصرة') still serves. dev2 rc021 (the Ghwayran prison attack put at Damascus, 523 km), "
    "and eight more SDF sentences of dev, dev2 and fresh17 that name no other place.")


def _org_country(m: PlaceMention) -> bool:
    """Rule geoparse.org_country (ORG_COUNTRY)."""
    return m.role == "org" and m.kind == "country"


def best_place(mentions: list[PlaceMention], anchor: int | None = None) -> PlaceMention | None:
    """The event's own place among a sentence's mentions: a real place (not inside an
    organisation name or a dateline) first, then the most precise, then the nearest to ``anchor``
    (e.g. the trigger's offset; places before it count 20 + 3x their distance; without one, the first)."""
    if not mentions:
        return None
    pool = [m for m in mentions if m.role == "place" and not m.frame]
    if not pool:
        aux = [m for m in mentions if m.role == "place" and m.frame]
        if aux:      # only a road or a distance reference: its first town, precision 2
            first = min(aux, key=lambda m: (m.geo_precision > 2, m.start))
            return replace(first, geo_precision=max(2, first.geo_precision))
        pool = [m for m in mentions if not isinstance(m, WideRegion) and not _org_country(m)]   # a continent is
        if not pool:      # no event's place, nor a country inside an organisation's name (ORG_COUNTRY)
            return None

    parts = [m for m in pool if m.kind == "region" and m.entry_id.startswith("country:")]
    if parts and len(parts) < len(pool):     # rule geoparse.country_part_yields (COUNTRY_PART_YIELDS)
        pool = [m for m in pool if m not in parts]

    def key(m: PlaceMention) -> tuple:
        if anchor is None:
            dist = m.start
        elif m.start >= anchor:
            dist = m.start - anchor
        else:
            dist = 20 + 3 * max(0, anchor - m.end)   # the place usually follows its trigger
        return (m.specificity, dist)

    return min(pool, key=key)





_RECENT: deque = deque(maxlen=4)   # (text, evidence) of the last texts find_places read


def _remember_report(text: str, ev: Evidence) -> None:
    """Keep find_places' evidence of a text, so report_place on the same report need not read it again."""
    _RECENT.append((text, ev))


def _report_votes(text: str) -> tuple[Tally, Tally]:
    """The governorate and country votes of a whole report, as _context_evidence weighs them (1.0): from what
    find_places just read of the same text (its weight 2.0, halved: exact in binary floating point), else
    read anew."""
    for seen, ev in list(_RECENT):
        if seen == text:
            return (Counter({k: v / SENTENCE_WEIGHT for k, v in ev.votes.items()}),
                    Counter({k: v / SENTENCE_WEIGHT for k, v in ev.countries.items()}))
    ev = _context_evidence(text)
    return ev.votes, ev.countries


def report_place(text: str) -> PlaceMention | None:
    """A governorate-level place for a whole report (its most-voted governorate or
    country), for events whose own sentences name no place. Precision 3."""
    gaz = load_gazetteer()
    votes, countries = _report_votes(text)
    top = countries.most_common(1)[0][0] if countries else ""
    for admin1, weight in votes.most_common():
        idx = gaz.admin1_entry.get(admin1)
        if idx is not None and (not top or gaz.entries[idx].country == top):
            e = gaz.entries[idx]
            return PlaceMention(0, 0, "", e.name_ar, e.name_en, e.country, e.admin1, e.lat, e.lon, 3,
                                "gov", f"report-level: most named governorate ({admin1})",
                                round(weight, 2), e.id, "report")
    idx = gaz.country_entry.get(top) if top else None
    if idx is not None:      # a report about a country whose divisions it does not name
        e = gaz.entries[idx]
        return PlaceMention(0, 0, "", e.name_ar, e.name_en, e.country, "", e.lat, e.lon, 3, "country",
                            f"report-level: most named country ({top})", round(countries[top], 2), e.id, "report")
    return None
