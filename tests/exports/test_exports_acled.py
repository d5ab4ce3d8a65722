"""The ACLED export: ACLED's 31 columns first (the list kept in src/marsad/data/acled/columns.txt),
actor names and types from the data table, derived interaction and civilian targeting, admin2/3 from
the gazetteer, fatalities 0 when none, ACLED-style ids; then marsad's own fields. Events are written
straight into the store (independent of the extractor)."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad import acled
from marsad.extract.actors import UNLISTED
from marsad.exports import EventFilter, export
from marsad.ingest import ingest
from marsad.store import save_extraction

REPO = Path(__file__).resolve().parents[2]
COLUMNS_FILE = REPO / "src" / "marsad" / "data" / "acled" / "columns.txt"
ACLED_31 = [line.strip() for line in COLUMNS_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def ev(sub, typ, day, actor1, actor2, place, admin1, lat, lon, country="SY", end=None, **counts):
    return {"event_type": typ, "sub_event_type": sub, "date_start": day, "date_end": end or day,
            "actor1": actor1, "actor2": actor2,
            "location": {"name_ar": place[0], "name_en": place[1], "country": country, "admin1": admin1,
                         "lat": lat, "lon": lon, "geo_precision": 1 if lat else 3},
            "fatalities": counts.get("fatalities"), "injured": counts.get("injured"),
            "arrested": counts.get("arrested"), "evidence": counts.get("evidence", f"جملة الدليل في {place[0]}"),
            **({"rules": counts["rules"]} if "rules" in counts else {})}


THIBAN = (("ذيبان", "Thiban"), "Deir ez-Zor", 35.01147, 40.50470)
DOCS = {
    "raid": [ev("Arrests", "Strategic developments", "2025-03-01", "sdf", "islamic_state", *THIBAN, arrested=3,
                evidence="اعتقلت قسد ثلاثة عناصر من داعش في بلدة ذيبان", rules=["arrest.verb", "actor.sdf"])],
    "clash": [ev("Armed clash", "Battles", "2024-11-20", "syrian_state", "islamic_state",
                 ("بادية حمص", "Homs desert"), "Homs", None, None, fatalities=4)],
    "drone": [ev("Air/drone strike", "Explosions/Remote violence", "2025-01-05", "turkish_forces", "civilians",
                 ("القامشلي", "Qamishli"), "Al-Hasakah", 37.05, 41.22, fatalities=2, injured=5)],
    "killing": [ev("Attack", "Violence against civilians", "2025-02-10", "unidentified_armed_group", None,
                   ("الحويجة", "Hawija"), "Kirkuk", 35.33, 43.78, country="IQ", fatalities=1)],
    "protest": [ev("Peaceful protest", "Protests", "2025-04-02", None, None,
                   ("السويداء", "As-Suwayda"), "As-Suwayda", 32.71, 36.57, end="2025-04-04")],
}


SOURCES = {"killing": "شفق نيوز نقلاً عن خلية الإعلام الأمني", "drone": "North Press (citing SOHR)"}


@pytest.fixture()
def filled(store, write_json):
    paths = [write_json(f"{d}.json", {"doc_id": d, "text": f"تقرير تجريبي عن {d} كتبه المشروع عن هجمات في سوريا والعراق",
                                        "url": f"https://t.example/{d}", "source": SOURCES.get(d, "مرصد تجريبي"),
                                        "title": f"عنوان {d}"})
             for d in DOCS]
    ingest(paths, store)
    for doc_id, events in DOCS.items():
        save_extraction(store, doc_id, "v", {"doc_id": doc_id, "published": None, "events": events, "claims": []})
    return store


@pytest.fixture()
def frame(filled):
    return pd.read_csv(io.StringIO(export(filled, "acled")), keep_default_na=False, na_values=[""])


def row(frame, event_id):
    return frame[frame.event_id == event_id].iloc[0]


def test_the_column_list_is_acleds_31():
    assert len(ACLED_31) == 31 == len(set(ACLED_31))
    assert ACLED_31[:3] == ["event_id_cnty", "event_date", "year"] and ACLED_31[-1] == "timestamp"
    assert list(acled.columns()) == ACLED_31


def test_pandas_reads_acleds_columns_first_with_their_types(frame):
    assert list(frame.columns[:31]) == ACLED_31
    assert list(frame.columns[31:]) == list(acled.EXTRA_COLUMNS)
    assert len(frame) == 5
    for col in ("year", "time_precision", "iso", "fatalities", "geo_precision", "timestamp"):
        assert pd.api.types.is_integer_dtype(frame[col]), col
    for col in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(frame[col]), col
    assert pd.to_datetime(frame.event_date, format="%Y-%m-%d").notna().all()
    assert frame.fatalities.tolist().count(0) == 2                # none reported -> 0, never blank
    assert frame.event_id_cnty.str.fullmatch(r"(SYR|IRQ)\d+").all() and frame.event_id_cnty.is_unique


@pytest.mark.parametrize("event_id,expected", [
    ("raid:1", {"actor1": "QSD: Syrian Democratic Forces", "inter1": "Rebel group", "actor2": "Islamic State (Syria)",
                "interaction": "Rebel group-Rebel group", "disorder_type": "Strategic developments",
                "admin1": "Deir-ez-Zor", "admin2": "Al Mayadin", "admin3": "Thiban", "iso": 760,
                "region": "Middle East", "country": "Syria", "location": "Thiban", "fatalities": 0,
                "source_scale": ""}),                                   # an outlet the table does not know
    ("clash:1", {"actor1": "Military Forces of Syria (2000-2024)", "inter1": "State forces",
                 "interaction": "State forces-Rebel group", "admin1": "Homs", "fatalities": 4}),
    ("drone:1", {"actor1": "Military Forces of Turkey (2016-)", "inter1": "External/Other forces",
                 "actor2": "Civilians (Syria)", "inter2": "Civilians", "interaction": "Civilians-External/Other forces",
                 "civilian_targeting": "Civilian targeting", "admin1": "Al Hasakeh",
                 "source_scale": "Subnational-Other"}),
    ("killing:1", {"actor1": "Unidentified Armed Group (Iraq)", "inter1": "Political militia",
                   "actor2": "Civilians (Iraq)", "interaction": "Political militia-Civilians",
                   "civilian_targeting": "Civilian targeting", "country": "Iraq", "iso": 368, "admin1": "Kirkuk",
                   "source_scale": "National"}),
    ("protest:1", {"interaction": "", "disorder_type": "Demonstrations", "tags": "crowd size=no report",
                   "time_precision": 2, "admin1": "As-Sweida"}),
], ids=["sdf-arrests-isis", "regime-before-dec-2024", "turkish-drone-on-civilians", "vac-victims-are-civilians",
        "protest-no-actor"])
def test_acled_fields(frame, event_id, expected):
    got = row(frame, event_id)
    for key, value in expected.items():
        assert (got[key] if got[key] == got[key] else "") == value, key


@pytest.mark.parametrize("source, url, country, scale", [
    ("Enab Baladi", None, "SY", "National"),
    ("عنب بلدي", None, "SY", "National"),
    ("الوكالة العربية السورية للأنباء", None, "SY", "National"),          # not al-Arabiya inside it
    ("Baladi News (citing Deir ez-Zor 24)", None, "SY", "National-Subnational"),
    ("Masrawy", None, "EG", "National"),
    ("Masrawy (citing MENA, SOHR via Sky News Arabia)", None, "SY", "Regional-Other"),
    ("Rudaw", None, "IQ", "Subnational"),
    ("Rudaw", None, "SY", "Regional"),
    ("Lalish Duhok (republishing Rudaw)", None, "IQ", "Subnational"),     # each scale once
    ("klyoum.com aggregator (Al-Jarida, Kuwait; citing AFP, dpa)", None, "SY", "New media-International"),
    ("Youm7 (youm7.com; citing Reuters)", None, "SY", "Regional-International"),
    ("Sawt Beirut (citing Iraqi Security Media Cell)", None, "IQ", "Regional-National"),
    ("Syrian Observatory for Human Rights (SOHR)", None, "SY", "Other"),
    ("Hurumat (hurumat.org), citing SOHR", None, "SY", "Other"),          # only the cited outlet is known
    ("North Press (per text)", None, "SY", "Subnational"),
    ("El Fagr (via masress.com)", None, "EG", "National"),                # a mirror site is no outlet
    ("Somali National News Agency (SONNA, sonna.so)", None, "SO", "National"),
    ("Mehr News Agency (Arabic)", None, "IQ", "Regional"),
    ("Mehr News Agency (Arabic)", None, "AF", "International"),
    ("Sky News Arabia", None, "SY", "Regional"),
    ("سكاي نيوز عربية", None, "SO", "International"),
    ("الجزيرة", None, "IQ", "Regional"),
    ("Al Jazirah (Saudi, via Sauress)", None, "IQ", "Regional"),          # the Saudi paper, a national outlet abroad
    (None, "https://www.enabbaladi.net/archives/123", "SY", "National"), # no name: the URL's domain
    ("", "https://english.shafaq.com/x", "IQ", "National"),
    ("مرصد تجريبي", "https://t.example/raid", "SY", ""),
    (None, None, None, ""),
])
def test_source_scale_from_the_outlets_table(source, url, country, scale):
    assert acled.source_scale(source, url, country) == scale


SCALES = {"Subnational", "National", "Regional", "International", "Other", "New media"}


@given(st.text(max_size=80), st.sampled_from([None, "SY", "IQ", "EG", "SO", "AF", "XX"]))
def test_source_scale_of_any_source_line_is_made_of_acleds_words(source, country):
    scale = acled.source_scale(source, None, country)
    parts = scale.split("-") if scale else []
    assert set(parts) <= SCALES and len(parts) == len(set(parts))


def test_every_outlet_name_is_its_own():
    _, by_name = acled.outlets()
    for name, outlet in by_name.items():
        assert acled.outlets_in(name) == [outlet], name


def test_marsad_fields_after_acleds(frame):
    raid = row(frame, "raid:1")
    assert raid.evidence == "اعتقلت قسد ثلاثة عناصر من داعش في بلدة ذيبان"
    assert (raid.arrested, raid.doc_ids, raid.url, raid.rules) == (3, "raid", "https://t.example/raid",
                                                                   "arrest.verb;actor.sdf")
    assert raid.source == "مرصد تجريبي"
    assert raid.notes.startswith("On 1 March 2025, arrests (QSD: Syrian Democratic Forces vs. Islamic State (Syria)) in Thiban")
    assert "[3 arrested]" in raid.notes and "اعتقلت قسد" in raid.notes


def test_bom_for_excel(filled):
    text = export(filled, "acled", bom=True)
    assert text.startswith("\ufeffevent_id_cnty,")
    again = pd.read_csv(io.BytesIO(text.encode("utf-8")), encoding="utf-8-sig")
    assert list(again.columns[:31]) == ACLED_31
    assert not export(filled, "acled").startswith("\ufeff")


def test_ids_are_stable_across_exports(filled):
    first = pd.read_csv(io.StringIO(export(filled, "acled")))
    second = pd.read_csv(io.StringIO(export(filled, "acled")))
    assert first.event_id_cnty.tolist() == second.event_id_cnty.tolist()


def test_xlsx_holds_the_same_table(filled):
    from openpyxl import load_workbook
    book = load_workbook(io.BytesIO(export(filled, "xlsx")), read_only=True)
    rows = list(book["events"].iter_rows(values_only=True))
    assert list(rows[0][:31]) == ACLED_31 and len(rows) == 6
    frame = pd.read_excel(io.BytesIO(export(filled, "xlsx")), sheet_name="events")
    assert set(frame.event_id) == {f"{d}:1" for d in DOCS}


def test_geojson_properties_are_the_acled_row(filled):
    data = json.loads(export(filled, "geojson", EventFilter(admin1="دير الزور").validated()))
    assert [f["properties"]["event_id"] for f in data["features"]] == ["raid:1"]
    props = data["features"][0]["properties"]
    assert props["actor1"] == "QSD: Syrian Democratic Forces" and props["admin2"] == "Al Mayadin"
    assert data["features"][0]["geometry"]["coordinates"] == [40.5047, 35.01147]


@pytest.mark.parametrize("code,country,day,expected", [
    ("syrian_state", "SY", "2024-12-07", ("Military Forces of Syria (2000-2024)", 1)),
    ("syrian_state", "SY", "2024-12-08", ("Military Forces of Syria (2024-)", 1)),
    ("iraqi_security_forces", "IQ", "2021-06-01", ("Military Forces of Iraq (2020-2022)", 1)),
    ("iraqi_security_forces", "SY", "2025-01-01", ("Military Forces of Iraq (2022-)", 8)),
    ("islamic_state", "IQ", "2025-01-01", ("Islamic State (Iraq)", 2)),
    ("tribal_forces", "SY", None, ("Tribal Militia (Syria)", 4)),
    ("someone_new", "SY", None, ("someone_new", None)),
    (None, "SY", None, ("", None)),
], ids=["regime", "after-fall", "iraq-2020", "iraq-abroad", "is-iraq", "tribal-undated", "unknown", "none"])
def test_actor_table(code, country, day, expected):
    assert acled.actor(code, country, day) == expected


def test_every_lexicon_actor_has_an_acled_name():
    lexicon = json.loads((REPO / "src" / "marsad" / "lexicon" / "data" / "actors.json").read_text(encoding="utf-8"))
    missing = {a["id"] for a in lexicon["actors"]} - set(acled.actor_table()) - {UNLISTED}   # never written out
    assert not missing


@given(st.sampled_from([None, *range(1, 9)]), st.sampled_from([None, *range(1, 9)]))
def test_interaction_is_symmetric_and_lower_first(a, b):
    text = acled.interaction(a, b)
    assert text == acled.interaction(b, a)
    labels = acled.inter_labels()
    if a and b:
        assert text == f"{labels[min(a, b)]}-{labels[max(a, b)]}"
    elif a or b:
        assert text.endswith(" only")
    else:
        assert text == ""


@given(st.text(min_size=1, max_size=40))
def test_ids_look_like_acleds(event_id):
    assert re.fullmatch(r"SYR\d+", acled.acled_id(event_id, "SY"))
    assert acled.acled_id(event_id, "SY") == acled.acled_id(event_id, "SY")
