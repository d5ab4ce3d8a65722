"""Stored events as ACLED rows: ACLED's 31 columns in ACLED's order and spelling, then marsad's own.

Every vocabulary is a table under data/acled/ (columns, actor names and types, countries, governorate
spellings, disorder types); this module only joins them to the events. Plain data out, no CLI here.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parent / "data" / "acled"
EXTRA_COLUMNS = ("event_id", "incident_id", "injured", "arrested", "evidence", "doc_ids", "url", "title",
                 "location_ar", "rules")
DISORDER_OF_TYPE = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
                    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
                    "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _rows(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def columns() -> tuple[str, ...]:
    """ACLED's 31 column names, in order (data/acled/columns.txt)."""
    return tuple(r[0].strip() for r in _rows("columns.txt"))


def all_columns() -> tuple[str, ...]:
    return columns() + EXTRA_COLUMNS


@dataclass(frozen=True)
class Country:
    alpha2: str
    name: str
    iso: int
    alpha3: str
    region: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    return {r[0]: Country(r[0], r[1], int(r[2]), r[3], r[4]) for r in _rows("countries.tsv")}


@lru_cache(maxsize=1)
def inter_labels() -> dict[int, str]:
    return {int(r[0]): r[1] for r in _rows("inter.tsv")}


@lru_cache(maxsize=1)
def admin1_spellings() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("admin1.tsv")}


@lru_cache(maxsize=1)
def disorder_types() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("types.tsv")}


@dataclass(frozen=True)
class ActorEntry:
    code: str
    name: str
    inter: int
    home: str
    inter_abroad: int | None
    valid_from: str
    valid_to: str


@lru_cache(maxsize=1)
def actor_table() -> dict[str, list[ActorEntry]]:
    table: dict[str, list[ActorEntry]] = {}
    for r in _rows("actors.tsv"):
        r = (r + [""] * 7)[:7]
        entry = ActorEntry(r[0], r[1], int(r[2]), r[3], int(r[4]) if r[4] else None, r[5], r[6])
        table.setdefault(entry.code, []).append(entry)
    return table


def actor(code: str | None, country: str | None, day: str | None) -> tuple[str, int | None]:
    """ACLED-style (name, inter code) of a marsad actor code at an event's country and date.
    An unknown code comes back as itself with no type."""
    if not code:
        return "", None
    entries = actor_table().get(code)
    if not entries:
        return code, None
    day = day or ""
    chosen = next((e for e in entries if (not e.valid_from or day >= e.valid_from)
                   and (not e.valid_to or (day and day < e.valid_to))), entries[-1])
    place = countries().get(country or "")
    name = chosen.name.replace("{country}", place.name if place else (country or "Unknown"))
    inter = chosen.inter_abroad if chosen.home and country and country != chosen.home and chosen.inter_abroad \
        else chosen.inter
    return name, inter


@dataclass(frozen=True)
class Outlet:
    key: str
    scope: str          # subnational, national, regional, international, other, new_media
    home: str           # ISO alpha-2, empty for regional, international and new media outlets


NEAR_REGIONS = ("Middle East", "Northern Africa")
SCOPE_SCALE = {"regional": "Regional", "international": "International", "other": "Other", "new_media": "New media"}
CITE_MARK = re.compile(r"\b(?:citing|quoting|republishing|per)\b|نقل[اًا]* عن", re.IGNORECASE)
VIA = re.compile(r"\bvia\b[^;,()]*", re.IGNORECASE)


@lru_cache(maxsize=1)
def outlets() -> tuple[re.Pattern, dict[str, Outlet]]:
    """data/acled/outlets.tsv as one whole-word, case-insensitive pattern over every name and domain
    (longest first) and the outlet each lower-cased name stands for."""
    by_name: dict[str, Outlet] = {}
    for r in _rows("outlets.tsv"):
        r = (r + [""] * 4)[:4]
        outlet = Outlet(r[0], r[1], r[2])
        for name in r[3].split("|"):
            if name.strip():
                by_name[name.strip().casefold()] = outlet
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w+])", re.IGNORECASE)
    return pattern, by_name


def outlets_in(text: str) -> list[Outlet]:
    """The outlets a source line names, in order (a longer name wins over one inside it)."""
    pattern, by_name = outlets()
    return [by_name[m.group(0).casefold()] for m in pattern.finditer(text or "")]


def outlet_scale(outlet: Outlet, country: str | None) -> str:
    """How close an outlet is to an event in `country`, in ACLED's words: its own country's outlets
    are National (Subnational for one part of it); elsewhere they are Regional within the Middle East
    and Northern Africa (or the same ACLED region), International beyond. Pan-Arab outlets are Regional
    within the Middle East and Northern Africa, International beyond."""
    here = countries().get(country or "")
    if outlet.scope == "regional" and here is not None and here.region not in NEAR_REGIONS:
        return "International"                   # a pan-Arab outlet on Nigeria or Afghanistan
    if outlet.scope in SCOPE_SCALE:
        return SCOPE_SCALE[outlet.scope]
    own = "Subnational" if outlet.scope == "subnational" else "National"
    if not country or not outlet.home or outlet.home == country:
        return own
    home = countries().get(outlet.home)          # None: an Arab country the table of countries lacks
    near = here is not None and (here.region in NEAR_REGIONS and (home is None or home.region in NEAR_REGIONS)
                                 or (home is not None and home.region == here.region))
    return "Regional" if near else "International"


@lru_cache(maxsize=4096)
def source_scale(source: str | None, url: str | None, country: str | None) -> str:
    """ACLED's source_scale for a report: the scale of its outlet (named in `source`, else its URL's
    domain) and of the outlets it cites ("X (citing Y)"), each once, joined by "-"; empty when the
    outlets table knows none of them."""
    text = source or ""
    mark = CITE_MARK.search(text)
    own_part, cited_part = (text[:mark.start()], text[mark.end():]) if mark else (text, "")
    own = outlets_in(VIA.sub(" ", own_part))[:1]
    if not own and url:
        host = (urlsplit(url).hostname or "").casefold().removeprefix("www.")
        known = outlets()[1]
        own = [known[h] for h in (host, ".".join(host.split(".")[-2:])) if h in known][:1]
    scales: list[str] = []
    for outlet in own + outlets_in(cited_part):
        scale = outlet_scale(outlet, country)
        if scale not in scales:
            scales.append(scale)
    return "-".join(scales)


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction: both actor types, lower code first ("State forces-Civilians"), or
    "<type> only" for a lone actor."""
    labels = inter_labels()
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{labels[codes[0]]} only"
    return "-".join(labels[c] for c in codes)


def acled_id(event_id: str, country: str | None) -> str:
    """ACLED's form: the country's ISO alpha-3 and a number; the number is a stable hash of
    marsad's event id (40 bits), so re-exporting gives the same ids."""
    place = countries().get(country or "")
    number = int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:10], 16)
    return f"{place.alpha3 if place else 'XXX'}{number}"


def time_precision(date_start: str | None, date_end: str | None) -> int | None:
    """ACLED's time_precision: 1 a day, 2 up to a week or so, 3 a month or more."""
    if not date_start or not date_end:
        return None
    days = (date.fromisoformat(date_end) - date.fromisoformat(date_start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def long_date(day: str | None) -> str:
    if not day:
        return ""
    d = date.fromisoformat(day)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def admin23(name_en: str | None, admin1: str | None, lat, lon, country: str | None = None) -> tuple[str, str]:
    """(admin2, admin3): the gazetteer entry the event was placed at, else the OCHA sub-district polygon the
    point lies in (marsad.geo.admin_units). Empty where not known (outside Syria and Iraq)."""
    from marsad.geo.admin import admin_units
    return admin_units(lat, lon, country, admin1, name_en)


def notes(e: dict, actor1: str, actor2: str) -> str:
    """An ACLED-style note: when, who, what, where, then the report's own sentence."""
    when = long_date(e["date_start"])
    if e.get("date_end") and e["date_end"] != e["date_start"]:
        when = f"between {when} and {long_date(e['date_end'])}"
    else:
        when = f"On {when}" if when else "On an unknown date"
    where = e.get("name_en") or e.get("name_ar") or e.get("admin1") or "an unknown place"
    who = f" ({actor1}" + (f" vs. {actor2}" if actor2 else "") + ")" if actor1 else ""
    head = f"{when[0].upper()}{when[1:]}, {(e.get('sub_event_type') or e['event_type']).lower()}{who} in {where}"
    tolls = [f"{n} {label}" for n, label in ((e.get("fatalities"), "killed"), (e.get("injured"), "injured"),
                                             (e.get("arrested"), "arrested")) if n]
    text = head + (" [" + ", ".join(tolls) + "]" if tolls else "") + "."
    return text + (f" Report: «{e['evidence']}»" if e.get("evidence") else "")


def civilian_targeting(event_type: str, inter2: int | None) -> str:
    if event_type == "Violence against civilians" or (event_type == "Explosions/Remote violence" and inter2 == 7):
        return "Civilian targeting"
    return ""


def _timestamp(extracted_at: str | None) -> int | None:
    if not extracted_at:
        return None
    try:
        return int(datetime.fromisoformat(extracted_at.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def acled_row(e: dict) -> dict:
    """One event (a joined row of events, documents and extractions) as ACLED's columns + marsad's."""
    country, day = e.get("country"), e.get("date_start")
    place = countries().get(country or "")
    actor1, inter1 = actor(e.get("actor1"), country, day)
    actor2, inter2 = actor(e.get("actor2"), country, day)
    if e["event_type"] == "Violence against civilians" and not actor2:
        actor2, inter2 = actor("civilians", country, day)        # ACLED: the victims are civilians by definition
    admin2, admin3 = admin23(e.get("name_en"), e.get("admin1"), e.get("lat"), e.get("lon"), country)
    admin1 = e.get("admin1") or ""
    sub = e.get("sub_event_type") or ""
    return {
        "event_id_cnty": acled_id(e["event_id"], country), "event_date": day or "",
        "year": int(day[:4]) if day else None, "time_precision": time_precision(day, e.get("date_end")),
        "disorder_type": disorder_types().get(sub) or DISORDER_OF_TYPE.get(e["event_type"], ""),
        "event_type": e["event_type"], "sub_event_type": sub,
        "actor1": actor1, "assoc_actor_1": "", "inter1": inter_labels().get(inter1, "") if inter1 else "",
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter_labels().get(inter2, "") if inter2 else "",
        "interaction": interaction(inter1, inter2), "civilian_targeting": civilian_targeting(e["event_type"], inter2),
        "iso": place.iso if place else None, "region": place.region if place else "",
        "country": place.name if place else (country or ""),
        "admin1": admin1_spellings().get(admin1, admin1), "admin2": admin2, "admin3": admin3,
        "location": e.get("name_en") or e.get("name_ar") or admin1,
        "latitude": e.get("lat"), "longitude": e.get("lon"), "geo_precision": e.get("geo_precision"),
        "source": e.get("doc_source") or "", "source_scale": source_scale(e.get("doc_source"), e.get("doc_url"), country),
        "notes": notes(e, actor1, actor2), "fatalities": e.get("fatalities") or 0,
        "tags": "crowd size=no report" if e["event_type"] == "Protests" else "",
        "timestamp": _timestamp(e.get("extracted_at")),
        "event_id": e["event_id"], "incident_id": e.get("incident_id"), "injured": e.get("injured"),
        "arrested": e.get("arrested"), "evidence": e.get("evidence") or "", "doc_ids": e["doc_id"],
        "url": e.get("doc_url") or "", "title": e.get("doc_title") or "", "location_ar": e.get("name_ar") or "",
        "rules": ";".join(e.get("rules") or []),
    }


EVENT_SQL = ("SELECT e.*, d.source AS doc_source, d.url AS doc_url, d.title AS doc_title, "
             "x.extracted_at AS extracted_at, x.result_json AS result_json, "
             "(SELECT ie.incident_id FROM incident_events ie WHERE ie.event_id = e.event_id) AS incident_id "
             "FROM events e JOIN documents d ON d.doc_id = e.doc_id "
             "LEFT JOIN extractions x ON x.doc_id = e.doc_id")


def _has_incidents(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'incident_events'").fetchone() is not None


def event_records(conn: sqlite3.Connection, where: str = "1=1", params: Iterable = (),
                  order: str = "e.date_start, e.event_id") -> Iterator[dict]:
    """Events matching `where` (over aliases e = events, d = documents), each with its document's
    source, URL and title, its incident and the rule ids its extraction recorded (when it did)."""
    sql = EVENT_SQL if _has_incidents(conn) else EVENT_SQL.replace(
        "(SELECT ie.incident_id FROM incident_events ie WHERE ie.event_id = e.event_id)", "NULL")
    cursor = conn.execute(f"{sql} WHERE {where} ORDER BY {order}", list(params))
    names = [c[0] for c in cursor.description]
    rules: dict[str, list] = {}          # doc_id -> each stored event's rule ids (parsed once per document)
    for values in cursor:
        e = dict(zip(names, values))
        raw = e.pop("result_json", None)
        if e["doc_id"] not in rules:
            rules[e["doc_id"]] = _stored_rules(raw)
        n = e["event_id"].rsplit(":", 1)[-1]
        doc_rules = rules[e["doc_id"]]
        e["rules"] = doc_rules[int(n) - 1] if n.isdigit() and 0 < int(n) <= len(doc_rules) else None
        yield e


def _stored_rules(raw: str | None) -> list:
    if not raw:
        return []
    try:
        events = json.loads(raw).get("events") or []
    except (ValueError, AttributeError):
        return []
    return [ev.get("rules") if isinstance(ev, dict) else None for ev in events]


def acled_rows(conn: sqlite3.Connection, where: str = "1=1", params: Iterable = ()) -> Iterator[dict]:
    for e in event_records(conn, where, params):
        yield acled_row(e)


def write_csv(rows: Iterable[dict], fh, bom: bool = False) -> None:
    if bom:
        fh.write("\ufeff")
    writer = csv.DictWriter(fh, fieldnames=all_columns(), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
