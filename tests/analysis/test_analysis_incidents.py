"""Incidents across reports: multi-report fixtures written for these tests."""
from __future__ import annotations

import pytest

from marsad.analysis import list_incidents, update_incidents

STRIKE = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
              date_start="2018-01-20", date_end="2018-01-20", country="SY", admin1="Deir ez-Zor")
ARREST = dict(event_type="Strategic developments", sub_event_type="Arrests",
              date_start="2025-08-28", date_end="2025-08-28", country="SY", admin1="Deir ez-Zor")
IED = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
           date_start="2025-03-10", date_end="2025-03-10", country="SY", admin1="Deir ez-Zor")


def _by_doc(incidents):
    return {tuple(sorted(i["doc_ids"])): i for i in incidents}


def test_one_airstrike_three_outlets_merges_with_range(store, reports):
    for doc, src in (("s1", "عنب بلدي"), ("s2", "المرصد السوري"), ("s3", "فرات بوست")):
        reports.doc(doc, source=src, published="2018-01-21")
    reports.event("s1", **STRIKE, name_ar="الشعفة", name_en="al-Shafa", lat=34.675, lon=40.859, geo_precision=1,
                  actor1="international_coalition", actor2="islamic_state", fatalities=7,
                  evidence="قتل سبعة مدنيين بغارة للتحالف الدولي على بلدة الشعفة")
    reports.event("s2", **STRIKE, name_ar="الشّعفه", name_en="Shaafa", lat=34.676, lon=40.860, geo_precision=1,
                  actor1="international_coalition", actor2=None, fatalities=12,
                  evidence="ارتفاع حصيلة ضحايا غارة التحالف على الشعفه الى 12 قتيلا")
    # third outlet: another spelling and a point 3 km off, coded as a missile strike
    reports.event("s3", **{**STRIKE, "sub_event_type": "Shelling/artillery/missile attack"},
                  name_ar="شعفة الفرات", lat=34.70, lon=40.87, geo_precision=1,
                  actor1="international_coalition", actor2="islamic_state", fatalities=9,
                  evidence="تسعة قتلى بقصف صاروخي استهدف شعفة الفرات")
    stats = update_incidents(store.conn)
    assert stats["events_assigned"] == 3 and stats["incidents_total"] == 1
    (inc,) = list_incidents(store.conn)
    assert sorted(inc["doc_ids"]) == ["s1", "s2", "s3"]
    assert inc["fatalities"] == {"min": 7, "max": 12, "median": 9, "best": 7}
    assert inc["injured"] == {"min": None, "max": None, "median": None, "best": None}
    assert (inc["event_type"], inc["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert inc["date_start"] == inc["date_end"] == "2018-01-20"
    assert sorted(e["fatalities"] for e in inc["events"]) == [7, 9, 12]
    assert {e["source"] for e in inc["events"]} == {"عنب بلدي", "المرصد السوري", "فرات بوست"}


def test_arrest_told_twice_in_different_words_merges(store, reports):
    reports.doc("a1", published="2025-08-29")
    reports.doc("a2", published="2025-08-30")
    reports.event("a1", **ARREST, name_ar="ذيبان", lat=35.01, lon=40.51, geo_precision=1,
                  actor1="sdf", actor2="islamic_state", arrested=2,
                  evidence="فككت قوات الكوماندوز خلية لتنظيم داعش في بلدة ذيبان واعتقلت عنصرين")
    # the second report: internal security (asayish), a date range, an ال-less spelling of the same town
    reports.event("a2", **{**ARREST, "date_start": "2025-08-27", "date_end": "2025-08-29"},
                  name_ar="ذيبان", lat=35.012, lon=40.508, geo_precision=1,
                  actor1="asayish", actor2="islamic_state", arrested=3,
                  evidence="القبض على ثلاثة متهمين بالانتماء لخلايا التنظيم خلال مداهمة في ذيبان")
    update_incidents(store.conn)
    (inc,) = list_incidents(store.conn)
    assert inc["arrested"] == {"min": 2, "max": 3, "median": 2.5, "best": 2}
    assert inc["date_start"] == inc["date_end"] == "2025-08-28"
    assert inc["location"]["name_ar"] == "ذيبان"


@pytest.mark.parametrize("second", [
    pytest.param(dict(name_ar="هجين", lat=34.70, lon=40.83, geo_precision=1), id="other-town-50km"),
    pytest.param(dict(name_ar="الشحيل", lat=35.05, lon=40.39, geo_precision=1), id="other-town-13km"),
    pytest.param(dict(name_ar=None, lat=34.98, lon=40.20, geo_precision=2), id="countryside-point"),
])
def test_two_attacks_same_day_same_governorate_stay_apart(store, reports, second):
    reports.doc("b1")
    reports.doc("b2")
    reports.event("b1", **IED, name_ar="البصيرة", lat=35.155, lon=40.43, geo_precision=1,
                  actor2="sdf", fatalities=2, evidence="انفجار عبوة ناسفة بسيارة عسكرية في البصيرة")
    reports.event("b2", **IED, **second, actor2="sdf", fatalities=2,
                  evidence="مقتل عنصرين بانفجار لغم ارضي في ريف دير الزور")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


def test_governorate_level_reports_do_not_merge_on_the_governorate_alone(store, reports):
    for d in ("g1", "g2"):
        reports.doc(d)
        reports.event(d, **IED, name_ar="دير الزور", lat=35.33, lon=40.14, geo_precision=3,
                      evidence="انفجار عبوة في محافظة دير الزور")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


@pytest.mark.parametrize("change", [
    pytest.param(dict(date_start=None, date_end=None, evidence="غارة جوية فجر الثلاثاء على بلدة الشعفة"),
                 id="undated-report-names-another-weekday"),
    pytest.param(dict(date_start=None, date_end=None, actor1=None, evidence="غارة جوية على بلدة الشعفة"),
                 id="undated-nothing-corroborates"),
    pytest.param(dict(date_start="2018-01-23", date_end="2018-01-23"), id="other-day"),
    pytest.param(dict(event_type="Strategic developments", sub_event_type="Arrests"), id="incompatible-type"),
    pytest.param(dict(actor1="russian_forces"), id="other-air-force"),
    pytest.param(dict(lat=36.60, lon=38.60), id="same-name-far-away"),
])
def test_near_misses_stay_apart(store, reports, change):
    reports.doc("n1")
    reports.doc("n2")
    base = dict(STRIKE, name_ar="الشعفة", lat=34.675, lon=40.859, geo_precision=1,
                actor1="international_coalition")
    reports.event("n1", **base)
    reports.event("n2", **{**base, **change})
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


def test_two_events_of_one_report_never_merge(store, reports):
    reports.doc("o1")
    reports.event("o1", 0, **STRIKE, name_ar="الشعفة", lat=34.675, lon=40.859, geo_precision=1)
    reports.event("o1", 1, **STRIKE, name_ar="الشعفة", lat=34.675, lon=40.859, geo_precision=1)
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


def test_incremental_then_reextraction_cleans_membership(store, reports):
    base = dict(STRIKE, name_ar="الشعفة", lat=34.675, lon=40.859, geo_precision=1)
    reports.doc("r1")
    reports.doc("r2")
    reports.event("r1", **base, fatalities=5)
    assert update_incidents(store.conn)["incidents_created"] == 1
    reports.event("r2", **base, fatalities=8)           # a later report of the same strike
    stats = update_incidents(store.conn)
    assert stats == {**stats, "events_assigned": 1, "incidents_created": 0, "incidents_total": 1}
    assert list_incidents(store.conn)[0]["fatalities"] == {"min": 5, "max": 8, "median": 6.5, "best": 5}
    # re-extraction of r2 replaces its rows under the same event_id with a new toll
    store.conn.execute("DELETE FROM events WHERE doc_id = 'r2'")
    reports.event("r2", **base, fatalities=11)
    stats = update_incidents(store.conn)
    assert stats["incidents_dissolved"] == 1 and stats["incidents_total"] == 1
    assert list_incidents(store.conn)[0]["fatalities"] == {"min": 5, "max": 11, "median": 8, "best": 5}
    # the report is deleted altogether: its membership goes, the incident shrinks to one report
    store.conn.execute("DELETE FROM events WHERE doc_id = 'r2'")
    update_incidents(store.conn)
    (inc,) = list_incidents(store.conn)
    assert inc["doc_ids"] == ["r1"] and inc["fatalities"]["max"] == 5
    assert update_incidents(store.conn)["events_assigned"] == 0   # nothing left to do


def test_incident_json_shape(store, reports):
    reports.doc("j1")
    reports.event("j1", **ARREST, name_ar="ذيبان", lat=35.01, lon=40.51, geo_precision=1, arrested=2)
    update_incidents(store.conn)
    (inc,) = list_incidents(store.conn)
    assert list(inc) == ["incident_id", "event_type", "sub_event_type", "date_start", "date_end",
                         "location", "doc_ids", "fatalities", "injured", "arrested", "estimate", "counted",
                         "events"]
    assert inc["estimate"]["rule"] == "min" and "ACLED" in inc["estimate"]["why"] and inc["counted"] is True
    assert set(inc["location"]) == {"name_ar", "name_en", "country", "admin1", "lat", "lon", "geo_precision"}
    assert inc["events"][0]["event_id"] == "j1:0"


@pytest.mark.parametrize("verify", [False, True], ids=["trigger-queue", "fingerprint-audit"])
def test_updated_event_row_rebuilds_its_incident(store, reports, verify):
    base = dict(STRIKE, name_ar="الشعفة", lat=34.675, lon=40.859, geo_precision=1)
    for d, toll in (("u1", 4), ("u2", 6)):
        reports.doc(d)
        reports.event(d, **base, fatalities=toll)
    update_incidents(store.conn)
    if verify:      # a change made behind the trigger's back: only the audit sees it
        store.conn.execute("DROP TRIGGER events_incident_dirty_au")
    store.conn.execute("UPDATE events SET fatalities = 10 WHERE event_id = 'u2:0'")
    stats = update_incidents(store.conn, verify=verify)
    assert stats["incidents_dissolved"] == 1
    assert list_incidents(store.conn)[0]["fatalities"] == {"min": 4, "max": 10, "median": 7, "best": 4}


# -- undated reports, look-alikes, publication metadata, copies, hierarchy ------------------------
SQUARE = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", country="IQ",
              admin1="Baghdad", name_ar="ساحة الطيران", lat=33.3286, lon=44.4173, geo_precision=1,
              actor2="civilians")


def _groups(store) -> set[frozenset]:
    return {frozenset(i["doc_ids"]) for i in list_incidents(store.conn)}


@pytest.mark.parametrize("chunk", [50_000, 2], ids=["one-pass", "passes-of-two"])
def test_undated_reports_join_their_bombing_and_lookalikes_stay_apart(store, reports, monkeypatch, chunk):
    from marsad.analysis import incident_store
    monkeypatch.setattr(incident_store, "CHUNK", chunk)       # merged in passes: the same incidents
    for d in ("t21", "t18", "u1", "u2", "u3", "u4"):
        reports.doc(d)
    reports.event("t21", **SQUARE, date_start="2021-01-21", date_end="2021-01-21", fatalities=21, injured=44,
                  evidence="تفجير انتحاري مزدوج في ساحة الطيران وسط بغداد يوم 21 كانون الثاني 2021")
    reports.event("t18", **SQUARE, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=90,
                  evidence="قتل 26 شخصا في هجوم نفذه انتحاريان في ساحة الطيران في 15 كانون الثاني 2018")
    # the outlets told it without a date; an IED for one of them (kinds of one family)
    reports.event("u1", **{**SQUARE, "sub_event_type": "Remote explosive/landmine/IED"}, fatalities=12, injured=20,
                  evidence="قتل 12 شخصا وأصيب 20 آخرون اليوم الخميس إثر تفجير مزدوج في ساحة الطيران")
    reports.event("u2", **SQUARE, fatalities=35, injured=90,
                  evidence="ارتفعت حصيلة الهجوم المزدوج صباح الاثنين في ساحة الطيران إلى 35 قتيلا")
    # the look-alike of another year: four labourers killed on a Tuesday
    reports.event("u3", **SQUARE, fatalities=4, injured=22,
                  evidence="قتل اربعة عمال الثلاثاء عندما فجر انتحاري نفسه في ساحة الطيران")
    # the same square on another day, with nothing that says which bombing: stays on its own
    reports.event("u4", **SQUARE, fatalities=24, injured=40,
                  evidence="تفجير انتحاري في ساحة الطيران يوقع عشرات الضحايا")
    update_incidents(store.conn)
    assert _groups(store) == {frozenset({"t21", "u1"}), frozenset({"t18", "u2"}), frozenset({"u3"}),
                              frozenset({"u4"})}


@pytest.mark.parametrize("url, joins", [
    pytest.param("https://example.net/2019/10/28/انزال-جوي-في-باريشا", True, id="url-day-after"),
    pytest.param("https://example.net/news/2019/10/", True, id="url-month"),
    pytest.param("https://example.net/2021/05/01/انزال-جوي", False, id="url-two-years-later"),
])
def test_publication_date_in_the_url_dates_an_undated_report(store, reports, url, joins):
    raid = dict(event_type="Battles", sub_event_type="Armed clash", country="SY", admin1="Idlib",
                name_ar="باريشا", lat=36.165, lon=36.636, geo_precision=1,
                actor1="international_coalition", actor2="islamic_state")
    reports.doc("p1", published="2019-10-27")
    reports.doc("p2", url=url)
    reports.event("p1", **raid, date_start="2019-10-27", date_end="2019-10-27", fatalities=7,
                  evidence="قتل سبعة في عملية انزال جوي نفذتها قوات امريكية في قرية باريشا")
    reports.event("p2", **raid, evidence="انزال جوي لقوات التحالف على منزل في باريشا بريف ادلب")
    update_incidents(store.conn)
    assert (frozenset({"p1", "p2"}) in _groups(store)) is joins


def test_an_undated_report_that_fits_two_incidents_stays_alone(store, reports):
    for d in ("a1", "a2", "a3"):
        reports.doc(d)
    reports.event("a1", **SQUARE, date_start="2021-01-21", date_end="2021-01-21", fatalities=21)
    reports.event("a2", **SQUARE, date_start="2018-01-15", date_end="2018-01-15", fatalities=26)
    reports.event("a3", **SQUARE, fatalities=24, evidence="تفجير انتحاري في ساحة الطيران وسط بغداد")
    update_incidents(store.conn)
    assert frozenset({"a3"}) in _groups(store) and len(_groups(store)) == 3


def test_a_copy_joins_its_original_and_adds_no_incident(store, reports):
    from marsad.analysis.counting import incident_totals
    reports.doc("orig", published="2025-03-10")
    reports.doc("copy1", near_dup_of="orig")
    reports.doc("copy2", near_dup_of="orig")
    reports.event("orig", **IED, name_ar="البصيرة", lat=35.155, lon=40.43, geo_precision=1, fatalities=3)
    # the copies' extraction lost the date (no publication date of their own): still the same event
    for c in ("copy1", "copy2"):
        reports.event(c, **{**IED, "date_start": None, "date_end": None}, name_ar="البصيرة", lat=35.155,
                      lon=40.43, geo_precision=1, fatalities=3)
    # a copy's event its original does not have (a stray sentence): not counted
    reports.event("copy2", 1, event_type="Strategic developments", sub_event_type="Arrests", name_ar="هجين",
                  geo_precision=1, lat=34.70, lon=40.83, arrested=2)
    update_incidents(store.conn)
    incidents = list_incidents(store.conn)
    assert {frozenset(i["doc_ids"]): i["counted"] for i in incidents} == {
        frozenset({"orig", "copy1", "copy2"}): True, frozenset({"copy2"}): False}
    totals = incident_totals(store.conn)
    assert (totals.incidents, totals.fatalities, totals.arrested, totals.copies_only) == (1, 3, 0, 1)


@pytest.mark.parametrize("coarse, merges", [
    pytest.param(dict(actor2="sdf", fatalities=2), True, id="countryside-same-toll-and-target"),
    pytest.param(dict(actor2="sdf", fatalities=9), False, id="countryside-other-toll"),
    pytest.param(dict(actor2=None, fatalities=None), False, id="countryside-nothing-more"),
    pytest.param(dict(actor2="sdf", fatalities=2, admin1="Ar-Raqqa"), False, id="other-governorate"),
])
def test_a_village_and_its_governorate_merge_only_when_corroborated(store, reports, coarse, merges):
    reports.doc("v1")
    reports.doc("v2")
    reports.event("v1", **IED, name_ar="البصيرة", lat=35.155, lon=40.43, geo_precision=1, actor2="sdf",
                  fatalities=2, evidence="مقتل عنصرين من قسد بانفجار عبوة ناسفة في البصيرة")
    reports.event("v2", **{**IED, **coarse}, name_ar="ريف دير الزور", lat=35.33, lon=40.14, geo_precision=3,
                  evidence="مقتل عنصرين بانفجار لغم ارضي في ريف دير الزور الشرقي")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


def test_best_estimate_is_the_lowest_figure_with_its_rule(store, reports):
    for d, toll in (("k1", 100), ("k2", 187), ("k3", 292)):
        reports.doc(d)
        reports.event(d, **{**SQUARE, "name_ar": "الكرادة", "lat": 33.2967, "lon": 44.4241,
                            "sub_event_type": "Remote explosive/landmine/IED"},
                      date_start="2016-07-03", date_end="2016-07-03", fatalities=toll)
    update_incidents(store.conn)
    (inc,) = list_incidents(store.conn)
    assert inc["fatalities"] == {"min": 100, "max": 292, "median": 187, "best": 100}
    assert inc["estimate"]["rule"] == "min"
    assert sorted(e["fatalities"] for e in inc["events"]) == [100, 187, 292]


@pytest.mark.parametrize("first, second", [
    pytest.param("مزرعة الهوات", "الهوات", id="farm-then-village"),
    pytest.param("الهوات", "مزرعة الهوات", id="village-then-farm"),
    pytest.param("برخ", "باراخ", id="two-spellings"),
])
def test_one_place_named_two_ways_merges_undated_reports(store, reports, first, second):
    attack = dict(event_type="Violence against civilians", sub_event_type="Attack", country="SY", admin1="Hama",
                  geo_precision=1, actor1="syrian_regime_forces", actor2="civilians")
    reports.doc("h1")
    reports.doc("h2")
    reports.event("h1", **attack, name_ar=first, fatalities=18, evidence="مقتل 18 مدنيا برصاص عناصر موالية للنظام")
    reports.event("h2", **attack, name_ar=second, fatalities=11, evidence="مجزرة راح ضحيتها 11 مدنيا")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 1


CITY_SQUARE = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", country="IQ",
                   admin1="Baghdad", name_ar="بغداد", lat=33.34, lon=44.40, geo_precision=3)


def test_undated_city_level_reports_naming_one_square_merge_and_its_look_alike_stays_apart(store, reports):
    """Outlets geocoded only to the city, undated, naming the same square: one incident when a
    weekday or a close toll agrees; the bombing at that square on another weekday stays apart."""
    for d in ("t1", "t2", "t3", "t4"):
        reports.doc(d)
    reports.event("t1", **CITY_SQUARE, fatalities=12, injured=20,
                  evidence="قتل 12 شخصا واصيب 20 اليوم الخميس اثر تفجير انتحاري مزدوج في ساحة الطيران")
    reports.event("t2", **{**CITY_SQUARE, "sub_event_type": "Remote explosive/landmine/IED"}, fatalities=13,
                  evidence="انفجار مزدوج الخميس بسوق مزدحم في ساحة الطيران اسفر عن 13 قتيلا")
    reports.event("t3", **CITY_SQUARE, fatalities=14, injured=24,
                  evidence="اعلنت الشرطة اليوم الخميس ارتفاع ضحايا التفجيرين بساحة الطيران الى 14 قتيلا")
    # the look-alike: same square, same kind, a Monday
    reports.event("t4", **CITY_SQUARE, fatalities=16, injured=65,
                  evidence="قتل 16 شخصا صباح الاثنين في تفجير مزدوج بساحة الطيران")
    update_incidents(store.conn)
    groups = sorted(sorted(i["doc_ids"]) for i in list_incidents(store.conn))
    assert groups == [["t1", "t2", "t3"], ["t4"]]


@pytest.mark.parametrize("second, killed", [
    pytest.param("انفجار عبوة في سوق الشورجة وسط بغداد الخميس اسفر عن 12 قتيلا", 12, id="another-market"),
    # a toll within 3x (compatible) but not close, and no weekday: nothing tells it from a look-alike
    pytest.param("قتل 30 شخصا في تفجير بساحة الطيران", 30, id="same-square-nothing-firm"),
])
def test_undated_city_level_reports_stay_apart_without_one_spot_and_a_firm_detail(store, reports, second, killed):
    reports.doc("u1")
    reports.doc("u2")
    reports.event("u1", **CITY_SQUARE, fatalities=12,
                  evidence="قتل 12 شخصا الخميس في تفجير انتحاري بساحة الطيران")
    reports.event("u2", **CITY_SQUARE, fatalities=killed, evidence=second)
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


def test_a_city_level_dated_report_and_undated_ones_naming_a_square_in_it(store, reports):
    """"A double bombing in Baghdad on Monday 15 January" and undated reports at Tayaran Square:
    one incident when a weekday or a close toll agrees; a Tuesday report with other tolls stays out."""
    for d in ("c1", "c2", "c3", "c4"):
        reports.doc(d)
    reports.event("c1", **CITY_SQUARE, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=65,
                  evidence="هجوم انتحاري مزدوج استهدف صباح الاثنين العاصمة بغداد")
    reports.event("c2", **CITY_SQUARE, fatalities=35,
                  evidence="استشهاد 35 شخصا في التفجير المزدوج في ساحة الطيران صباح اليوم الاثنين")
    reports.event("c3", **CITY_SQUARE, fatalities=16, injured=65,
                  evidence="قتل 16 شخصا واصيب 65 اثر تفجير مزدوج بساحة الطيران")
    reports.event("c4", **CITY_SQUARE, fatalities=4, injured=22,
                  evidence="فجر انتحاري نفسه الثلاثاء بين العمال في ساحة الطيران")
    update_incidents(store.conn)
    groups = sorted(sorted(i["doc_ids"]) for i in list_incidents(store.conn))
    assert groups == [["c1", "c2", "c3"], ["c4"]]


@pytest.mark.parametrize("second, merges", [
    # a bombing: outlets name its target differently (civilians / the forces guarding the market)
    pytest.param(dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                      actor1="islamic_state", actor2="iraqi_security_forces"), True, id="bombing-other-target"),
    pytest.param(dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                      actor1="syrian_regime_forces", actor2="civilians"), False, id="bombing-other-perpetrator"),
    # an execution of civilians and a clash with the SDF: other targets, other incidents
    pytest.param(dict(event_type="Battles", sub_event_type="Armed clash", actor1="islamic_state", actor2="sdf"),
                 False, id="attack-and-clash"),
])
def test_actors_outlets_disagree_on(store, reports, second, merges):
    reports.doc("x1", published="2020-03-02")
    reports.doc("x2", published="2020-03-02")
    place = dict(country="IQ", admin1="Baghdad", name_ar="الكرادة", lat=33.2967, lon=44.4241, geo_precision=1,
                 date_start="2020-03-01", date_end="2020-03-01", fatalities=7)
    first = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", actor1="islamic_state",
                 actor2="civilians")
    if second["event_type"] == "Battles":
        first = dict(event_type="Violence against civilians", sub_event_type="Attack", actor1="islamic_state",
                     actor2="civilians")
    reports.event("x1", **place, **first, evidence="تفجير انتحاري في حي الكرادة")
    reports.event("x2", **place, **second, evidence="هجوم انتحاري في حي الكرادة")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


def test_two_undated_countryside_arrests_are_not_one_on_the_region_name(store, reports):
    for d, n in (("r1", 1), ("r2", 2)):
        reports.doc(d)
        reports.event(d, event_type="Strategic developments", sub_event_type="Arrests", country="SY",
                      admin1="Deir ez-Zor", name_ar="ريف دير الزور", lat=35.2, lon=40.3, geo_precision=2,
                      actor1="sdf", actor2="islamic_state", arrested=n, evidence="اعتقال مشتبه بهم في ريف دير الزور")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


def test_a_timeless_report_two_dated_bombings_at_its_square_fit_stays_on_its_own(store, reports):
    """Two dated bombings at one square, years apart; an undated, unpublished report whose
    toll fits one and nothing rules out the other (it names no weekday) is neither's.
    The same report naming the weekday of one joins that one."""
    square = dict(CITY_SQUARE, name_ar="ساحة الطيران", lat=33.335, lon=44.42, geo_precision=1)
    for d in ("y1", "y2", "y3", "y4"):
        reports.doc(d)
    reports.event("y1", **square, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=90,
                  evidence="تفجير انتحاري مزدوج في ساحة الطيران")
    # the other bombing's report states no toll: nothing corroborates it, nothing rules it out
    reports.event("y2", **square, date_start="2021-01-21", date_end="2021-01-21",
                  evidence="تفجيران انتحاريان في ساحة الطيران")
    reports.event("y3", **square, fatalities=21, injured=44, evidence="قتل 21 شخصا في تفجير مزدوج بساحة الطيران")
    reports.event("y4", **square, fatalities=21, injured=44,
                  evidence="قتل 21 شخصا اليوم الخميس في تفجير مزدوج بساحة الطيران")   # 2021-01-21 was a Thursday
    update_incidents(store.conn)
    groups = sorted(sorted(i["doc_ids"]) for i in list_incidents(store.conn))
    assert groups == [["y1"], ["y2", "y4"], ["y3"]]


# -- a city and a spot in it; a dated report that comes before its incident is formed -----------
TAYARAN = dict(CITY_SQUARE, name_ar="ساحة الطيران", lat=33.335, lon=44.42, geo_precision=1)


@pytest.mark.parametrize("spot, joins", [
    # "a double bombing hit Baghdad on Monday" (the city, no square named) and undated reports at
    # the square: the Monday and a close toll tie them
    pytest.param(dict(fatalities=35, evidence="استشهاد 35 شخصا في التفجير المزدوج في ساحة الطيران صباح اليوم الاثنين"),
                 True, id="square-monday"),
    pytest.param(dict(fatalities=16, injured=65, evidence="قتل 16 شخصا واصيب 65 اثر تفجير مزدوج بساحة الطيران"),
                 True, id="square-same-injured"),
    # the square on a Tuesday with other tolls: the look-alike
    pytest.param(dict(fatalities=4, injured=22, evidence="فجر انتحاري نفسه الثلاثاء بين العمال في ساحة الطيران"),
                 False, id="square-tuesday-lookalike"),
    # nothing firm: a toll within 3x but not close, no weekday
    pytest.param(dict(fatalities=60, evidence="قتل 60 شخصا في تفجير بساحة الطيران"), False, id="square-nothing-firm"),
    # a town 30 km from the city's point is not a spot in it
    pytest.param(dict(name_ar="التاجي", lat=33.51, lon=44.23, fatalities=35,
                      evidence="استشهاد 35 شخصا في تفجير مزدوج في قضاء التاجي صباح اليوم الاثنين"),
                 False, id="town-outside-the-city"),
])
def test_a_dated_city_level_report_and_undated_ones_at_a_square(store, reports, spot, joins):
    reports.doc("c1")
    reports.doc("c2")
    reports.event("c1", **CITY_SQUARE, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=65,
                  evidence="هجوم انتحاري مزدوج نفذه انتحاريان استهدف صباح الاثنين العاصمة بغداد")
    reports.event("c2", **{**TAYARAN, **spot})
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is joins


@pytest.mark.parametrize("toll, merges", [
    pytest.param(dict(fatalities=27, injured=60), True, id="close-tolls"),
    pytest.param(dict(fatalities=12), False, id="compatible-toll-not-close"),
    pytest.param(dict(), False, id="no-toll"),
])
def test_two_dated_reports_a_city_and_a_square_in_it_need_a_close_toll(store, reports, toll, merges):
    """On one day the city may have had several bombings: sharing the day is not enough."""
    reports.doc("d1")
    reports.doc("d2")
    reports.event("d1", **CITY_SQUARE, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=65,
                  evidence="هجوم انتحاري مزدوج استهدف صباح الاثنين العاصمة بغداد")
    reports.event("d2", **TAYARAN, date_start="2018-01-15", date_end="2018-01-15", **toll,
                  evidence="تفجير مزدوج في ساحة الطيران")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


def test_a_month_dated_report_joins_the_incident_formed_after_its_turn(store, reports):
    """Merge order is by date: "in January 2018" at the square comes before the report of 15 January
    (at the city) has gathered the undated reports at the square. Tried again at the end, it
    joins them. A timeless-only incident it would fit is not a target: its report stayed alone
    because it could not tell two incidents apart."""
    for d in ("m1", "m2", "m3", "m4"):
        reports.doc(d)
    reports.event("m1", **{**TAYARAN, "sub_event_type": "Remote explosive/landmine/IED"},
                  date_start="2018-01-01", date_end="2018-01-31",
                  evidence="وكان تفجير مزدوج قد وقع في ساحة الطيران في كانون الثاني 2018")
    reports.event("m2", **CITY_SQUARE, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=65,
                  evidence="هجوم انتحاري مزدوج استهدف صباح الاثنين العاصمة بغداد")
    reports.event("m3", **TAYARAN, fatalities=16, injured=65, evidence="قتل 16 شخصا واصيب 65 اثر تفجير مزدوج بساحة الطيران")
    reports.event("m4", **TAYARAN, fatalities=35, evidence="استشهاد 35 شخصا في التفجير المزدوج في ساحة الطيران صباح اليوم الاثنين")
    update_incidents(store.conn)
    assert _groups(store) == {frozenset({"m1", "m2", "m3", "m4"})}


@pytest.mark.parametrize("later, joins", [
    pytest.param(dict(fatalities=12), False, id="place-alone"),
    pytest.param(dict(fatalities=21, injured=44), True, id="same-tolls"),
])
def test_a_dated_report_joins_an_incident_of_timeless_reports_only_as_they_would_join_it(store, reports, later, joins):
    """Stored first: an undated, unpublished report at the square. A dated report at the square
    arrives later: it must meet the bar a timeless report meets to join a dated one."""
    reports.doc("f1")
    reports.event("f1", **TAYARAN, fatalities=21, injured=44, evidence="قتل 21 شخصا في تفجير مزدوج بساحة الطيران")
    update_incidents(store.conn)
    reports.doc("f2", published="2021-01-21")
    reports.event("f2", **TAYARAN, date_start="2021-01-21", date_end="2021-01-21", **later,
                  evidence="تفجير انتحاري مزدوج في ساحة الطيران")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is joins


@pytest.mark.parametrize("second, merges", [
    # a drone attack on a crowd: one outlet codes the strike, another the attack on civilians
    pytest.param(dict(event_type="Violence against civilians", sub_event_type="Attack", actor2="civilians"),
                 True, id="attack-on-civilians"),
    pytest.param(dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"), True,
                 id="drone-strike"),
    # a ground clash at the same place and day is another incident
    pytest.param(dict(event_type="Battles", sub_event_type="Armed clash", actor2="civilians"), False,
                 id="armed-clash"),
])
def test_a_drone_attack_told_as_a_strike_and_as_an_attack_on_civilians(store, reports, second, merges):
    reports.doc("h1")
    reports.doc("h2")
    place = dict(country="SY", admin1="Homs", name_ar="حمص", lat=34.73, lon=36.71, geo_precision=1,
                 date_start="2023-10-05", date_end="2023-10-05")
    reports.event("h1", **place, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  fatalities=89, injured=277,
                  evidence="مسيرات تحمل ذخائر متفجرة استهدفت حفل تخريج الضباط في الكلية الحربية بحمص")
    reports.event("h2", **place, **second, fatalities=123,
                  evidence="قتل 123 شخصا في هجوم بالمسيرات على حفل تخرج في الكلية الحربية")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


@pytest.mark.parametrize("x, y, ok", [
    # one state, named by the event date (before / after 8 December 2024): an undated report cannot tell
    ("syrian_regime_forces", "syrian_government_forces", True),
    ("syrian_regime_forces", "iran_backed_militias", True),
    # groups do not chain: the new government is not an ally of the militias the old one had
    ("syrian_government_forces", "iran_backed_militias", False),
    ("sdf", "asayish", True),
    ("sdf", "islamic_state", False),
    (None, "islamic_state", True),
])
def test_compatible_actors(x, y, ok):
    from marsad.analysis.incidents import Rules, _actor_ok
    assert _actor_ok(Rules.load(), x, y) is ok


@pytest.mark.parametrize("tolls, merges", [
    # "4 قتلى و10 جرحى" read the wrong way round: a handful of injured contradicts nothing
    pytest.param(dict(fatalities=10, injured=4), True, id="swapped-small-injured"),
    pytest.param(dict(fatalities=8, injured=1), True, id="one-injured-a-detail"),
    # both counts of injured are real figures and 3x apart: two shellings
    pytest.param(dict(fatalities=9, injured=80), False, id="injured-far-apart"),
    # the killed still must agree
    pytest.param(dict(fatalities=30, injured=4), False, id="killed-far-apart"),
])
def test_a_handful_of_injured_contradicts_no_other_toll(store, reports, tolls, merges):
    shelling = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                    country="IQ", admin1="Duhok", name_ar="زاخو", lat=37.14, lon=42.68, geo_precision=1,
                    actor2="civilians", date_start="2022-07-20", date_end="2022-07-20")
    reports.doc("b1")
    reports.doc("b2")
    reports.event("b1", **shelling, fatalities=9, injured=23,
                  evidence="قتل 9 مدنيين واصيب 23 اخرون بقصف تركي طال منتجعا سياحيا في زاخو")
    reports.event("b2", **shelling, **tolls,
                  evidence="قصف مدفعي استهدف مصيف برخ السياحي في قضاء زاخو بمحافظة دهوك")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


@pytest.mark.parametrize("dated, merges", [
    # two timeless reports naming only "south of Damascus": a region, where look-alikes are many
    pytest.param(False, False, id="both-timeless"),
    # with a date on one side the other's toll and weekday are checked against a day
    pytest.param(True, True, id="one-dated"),
])
def test_two_timeless_reports_do_not_merge_on_a_region_name(store, reports, dated, merges):
    bomb = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                country="SY", admin1="Damascus", name_ar="جنوب دمشق", lat=33.24, lon=36.29, geo_precision=2)
    reports.doc("r1", published="2023-07-27" if dated else None)
    reports.doc("r2")
    reports.event("r1", **bomb, fatalities=5, injured=20,
                  **(dict(date_start="2023-07-27", date_end="2023-07-27") if dated else {}),
                  evidence="قتل خمسة اشخاص واصيب 20 بانفجار عبوة ناسفة جنوب دمشق اليوم الخميس")
    reports.event("r2", **bomb, fatalities=7, injured=20,
                  evidence="قتل سبعة اشخاص واصيب عشرون بتفجير جنوب دمشق الخميس")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


# -- a direction from a city; a named target; one report's incident given twice -----------------
SOUTH_OF_DAMASCUS = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                         country="SY", admin1="Damascus", name_ar="جنوب دمشق", lat=33.243, lon=36.292, geo_precision=2)
ZAYNAB = dict(SOUTH_OF_DAMASCUS, admin1="Rural Damascus", name_ar="السيدة زينب", lat=33.447, lon=36.341,
              geo_precision=1)


@pytest.mark.parametrize("second, merges", [
    # "south of Damascus" and Sayyida Zaynab (south of the city), one weekday and close tolls
    pytest.param(dict(ZAYNAB, fatalities=6, injured=20,
                      evidence="ارتفعت حصيلة انفجار العبوة في منطقة السيدة زينب الى ستة قتلى امس الخميس"),
                 True, id="place-that-way-firm"),
    # the same place with nothing firm: a toll within 3x but not close, no weekday
    pytest.param(dict(ZAYNAB, fatalities=12, evidence="قتل 12 شخصا بانفجار عبوة في السيدة زينب"), False,
                 id="place-that-way-nothing-firm"),
    # a town north of the city (37 km from the direction's point) is not south of it
    pytest.param(dict(ZAYNAB, admin1="Rural Damascus", name_ar="دوما", lat=33.571, lon=36.402, fatalities=6,
                      injured=20, evidence="قتل ستة اشخاص بانفجار عبوة في مدينة دوما الخميس"),
                 False, id="town-on-the-other-side"),
])
def test_a_direction_from_a_city_and_a_precise_place_that_way(store, reports, second, merges):
    reports.doc("z1")
    reports.doc("z2")
    reports.event("z1", **SOUTH_OF_DAMASCUS, fatalities=5, injured=20,
                  evidence="قتل خمسة اشخاص واصيب عشرون بانفجار عبوة ناسفة جنوب دمشق اليوم الخميس")
    reports.event("z2", **second)
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


@pytest.mark.parametrize("first, second, merges", [
    # two timeless reports at one city naming the consulate the strike hit, no toll, no weekday
    pytest.param("غارة اسرائيلية دمرت مبنى القنصلية الايرانية في دمشق",
                 "ضربة جوية على القنصلية الإيرانية في العاصمة السورية", True, id="same-consulate"),
    pytest.param("غارة اسرائيلية دمرت مبنى القنصلية الايرانية في دمشق",
                 "ضربة جوية على مبنى السفارة الروسية في دمشق", False, id="another-embassy"),
    # the city's own name after a target word is no detail of one incident
    pytest.param("غارة على سوق دمشق القديمة", "غارة جوية على سوق دمشق", False, id="the-city-itself"),
])
def test_two_timeless_reports_naming_one_target_merge(store, reports, first, second, merges):
    strike = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", country="SY",
                  admin1="Damascus", name_ar="دمشق", lat=33.513, lon=36.292, geo_precision=1)
    reports.doc("q1")
    reports.doc("q2")
    reports.event("q1", **strike, evidence=first)
    reports.event("q2", **strike, evidence=second)
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


def test_a_target_two_incidents_share_does_not_choose_between_them(store, reports):
    """Two dated bombings of one market, years apart; a timeless report naming that market and
    nothing else fits both: it stays on its own."""
    market = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  country="IQ", admin1="Baghdad", name_ar="مدينة الصدر", lat=33.393, lon=44.46, geo_precision=1)
    for d in ("m1", "m2", "m3"):
        reports.doc(d)
    reports.event("m1", **market, date_start="2021-07-19", date_end="2021-07-19", fatalities=30,
                  evidence="انفجار عبوة ناسفة في سوق الوحيلات بمدينة الصدر")
    reports.event("m2", **market, date_start="2016-05-11", date_end="2016-05-11", fatalities=60,
                  evidence="انفجار سيارة مفخخة في سوق الوحيلات بمدينة الصدر")
    reports.event("m3", **market, evidence="تفجير في سوق الوحيلات بمدينة الصدر")
    update_incidents(store.conn)
    assert frozenset({"m3"}) in _groups(store) and len(_groups(store)) == 3


def test_an_incident_one_report_tells_twice_is_no_look_alike(store, reports):
    """The extractor gave one report's bombing twice ("south of Damascus" and Sayyida Zaynab, one
    weekday): two incidents a third report fits equally, but one story, so it joins the precise one."""
    for d in ("w1", "w2"):
        reports.doc(d)
    reports.event("w1", n=1, **SOUTH_OF_DAMASCUS,
                  evidence="انفجار سيارة مفخخة مساء الخميس في منطقة السيدة زينب جنوبي العاصمة دمشق")
    reports.event("w1", n=2, **ZAYNAB, evidence="انفجرت قنبلة في سيارة اجرة قرب بلدة السيدة زينب الخميس")
    reports.event("w2", **ZAYNAB, fatalities=6, injured=20,
                  evidence="ارتفعت حصيلة انفجار العبوة في السيدة زينب الى ستة قتلى امس الخميس")
    update_incidents(store.conn)
    assert frozenset({"w1", "w2"}) in _groups(store)


@pytest.mark.parametrize("weekday, joins", [
    # the raid's day (Sunday) named for its night: a firm detail ties it to the dated report
    pytest.param("بعد منتصف ليل السبت", True, id="weekday-of-the-dated-raid"),
    # nothing firm: the dated incident and the timeless one fit it about equally
    pytest.param("", False, id="nothing-firm"),
])
def test_a_timeless_report_goes_where_a_firm_detail_ties_it(store, reports, weekday, joins):
    raid = dict(event_type="Battles", sub_event_type="Armed clash", country="SY", admin1="Idlib",
                name_ar="باريشا", lat=36.165, lon=36.636, geo_precision=1)
    for d in ("b1", "b2", "b3"):
        reports.doc(d)
    reports.event("b1", **raid, date_start="2019-10-27", date_end="2019-10-27", fatalities=7,
                  evidence="انزال جوي امريكي في منطقة باريشا فجر اليوم")
    # a timeless report whose actors agree with the third: no firm detail ties those two
    reports.event("b2", **raid, actor1="international_coalition", actor2="islamic_state",
                  evidence="مروحيات امريكية نفذت عملية انزال على منزل في باريشا")
    reports.event("b3", **raid, actor1="international_coalition", actor2="islamic_state",
                  evidence=f"مروحيات امريكية انزلت مقاتلين في قرية باريشا {weekday}")
    update_incidents(store.conn)
    with_b3 = next(g for g in _groups(store) if "b3" in g)
    assert ("b1" in with_b3) is joins
    # rule timeless-second-chance: the report whose actors agree with the third's then joins them
    assert (with_b3 == {"b1", "b2", "b3"}) is joins


RAID = dict(event_type="Battles", sub_event_type="Armed clash", country="SY", admin1="Idlib",
            name_ar="أطمة", lat=36.205, lon=36.668, geo_precision=1)


@pytest.mark.parametrize("first, lookalike, joins", [
    # the report with no detail of its own comes first in merge order (ids "a..."), or last
    pytest.param("a1", False, True, id="first-in-order"),
    pytest.param("z1", False, True, id="last-in-order-same-result"),
    # a raid at the village on another day whose outlet names the same sides: it fits both
    pytest.param("a1", True, False, id="first-in-order-lookalike"),
    pytest.param("z1", True, False, id="last-in-order-lookalike"),
])
def test_timeless_second_chance_whatever_the_order(store, reports, first, lookalike, joins):
    """Rule timeless-second-chance: a timeless report tied to an incident only through a member
    merged after its turn (the outlet naming both sides) joins it at the end, whatever the order
    of the reports; with a look-alike there that fits it as well, it stays on its own."""
    docs = ["d1", first, "m2"] + (["d9"] if lookalike else [])
    for d in docs:
        reports.doc(d)
    reports.event("d1", **RAID, date_start="2020-03-15", date_end="2020-03-15", fatalities=4,
                  evidence="قتل 4 اشخاص في عملية انزال جوي نفذتها مروحيات على منزل في بلدة أطمة فجر اليوم")
    reports.event(first, **RAID, actor1="international_coalition", actor2="islamic_state",
                  evidence="مروحيات التحالف تنفذ عملية انزال على منزل قيادي في تنظيم الدولة ببلدة أطمة")
    reports.event("m2", **RAID, actor1="international_coalition", actor2="islamic_state",
                  evidence="قوات امريكية خاصة تشتبك مع عناصر من تنظيم الدولة في أطمة فجر الاحد")
    if lookalike:
        reports.event("d9", **RAID, date_start="2021-06-02", date_end="2021-06-02",
                      actor1="international_coalition", actor2="islamic_state",
                      evidence="اشتباكات بين قوة من التحالف وعناصر من تنظيم الدولة في بلدة أطمة")
    update_incidents(store.conn)
    groups = _groups(store)
    assert frozenset({"d1", "m2"}) <= next(g for g in groups if "d1" in g)
    assert (frozenset({"d1", first, "m2"}) in groups) is joins
    assert (frozenset({first}) in groups) is not joins


@pytest.mark.parametrize("tolls, joins", [
    # the two reports it ties to (one by the consulate, one by the weekday) differ in nothing:
    # one story, not two look-alikes, so the third report joins one of them
    pytest.param((None, None), True, id="two-reports-nothing-tells-apart"),
    # two and forty killed: two attacks on the city, and the third report fits both
    pytest.param((2, 40), False, id="two-attacks"),
])
def test_a_timeless_report_tied_to_two_reports_of_one_story(store, reports, tolls, joins):
    missiles = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                    country="IQ", admin1="Erbil", name_ar="أربيل", lat=36.19, lon=44.01, geo_precision=1)
    for d in ("e1", "e2", "e3"):
        reports.doc(d)
    reports.event("e1", **missiles, fatalities=tolls[0],
                  evidence="صواريخ باليستية استهدفت القنصلية الأمريكية في أربيل")
    reports.event("e2", **missiles, fatalities=tolls[1], evidence="هجوم صاروخي ليلة السبت على مواقع في مدينة أربيل")
    reports.event("e3", **missiles, evidence="قصف القنصلية الأميركية في أربيل فجر اليوم الأحد بالصواريخ")
    update_incidents(store.conn)
    assert (frozenset({"e3"}) not in _groups(store)) is joins


@pytest.mark.parametrize("point, limit, near", [
    ((33.34, 44.42), 10.0, True),        # inside the box of its members' points
    ((33.40, 44.42), 10.0, True),        # 5 km north of it
    ((33.60, 44.42), 10.0, False),       # 27 km north
    ((33.34, 44.60), 10.0, False),       # 16 km east
    ((33.34, 44.60), 20.0, True),
])
def test_an_incident_is_near_a_point_by_the_box_of_its_members(point, limit, near):
    from marsad.analysis.incidents import Merger
    merger = Merger()
    for k, (lat, lon) in enumerate(((33.33, 44.40), (33.35, 44.45))):
        merger.add("inc", merger.ev(dict(event_id=f"n{k}:1", doc_id=f"n{k}", lat=lat, lon=lon, geo_precision=1,
                                         name_ar="الكرادة")))
    assert merger.incidents["inc"].near(point, limit) is near


KILLING = dict(event_type="Violence against civilians", sub_event_type="Attack", country="IQ", admin1="Basra",
               name_ar="البصرة", lat=30.508, lon=47.783, geo_precision=1)


@pytest.mark.parametrize("second, merges", [
    # timeless, no toll, weekday or actor in common: the victim both name after a title is the detail
    pytest.param("قالت مصادر امنية ان الناشطة البارزة نور الساعدي قتلت برصاص مسلحين يستقلون دراجة نارية",
                 True, id="same-victim"),
    pytest.param("اغتال مسلحون مجهولون الصحفي العراقي ماهر العبيدي في مدينة البصرة", False, id="another-victim"),
    # a name both give that is no victim's: the spokesman who told of two killings
    pytest.param("اغتيل رجل اعمال في البصرة وقال المتحدث باسم الشرطة سعد الحسني ان التحقيق مستمر",
                 False, id="same-spokesman"),
])
def test_two_timeless_reports_naming_one_victim_merge(store, reports, second, merges):
    reports.doc("v1")
    reports.doc("v2")
    reports.event("v1", **KILLING, evidence="اغتيال الناشطة نور الساعدي بالرصاص في البصرة. وقال المتحدث باسم"
                                            " الشرطة سعد الحسني ان القوات تبحث عن القتلة")
    reports.event("v2", **KILLING, evidence=second)
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


KARBALA = dict(KILLING, admin1="Karbala", name_ar="كربلاء", lat=32.616, lon=44.024)


@pytest.mark.parametrize("second, merges", [
    pytest.param(dict(KILLING, geo_precision=3, evidence="اغتال مسلحون الناشطة العراقية البارزة نور الساعدي في البصرة"),
                 True, id="both-at-the-city-level"),
    pytest.param(dict(KILLING, evidence="قالت مصادر امنية ان الناشطة نور الساعدي قتلت برصاص مسلحين وسط البصرة"),
                 True, id="the-city-and-a-point-in-it"),
    pytest.param(dict(KILLING, geo_precision=3, evidence="اغتال مسلحون الصحفي ماهر العبيدي في البصرة"),
                 False, id="another-victim"),
    pytest.param(dict(KILLING, geo_precision=3, evidence="اغتيال ناشطة بالرصاص في البصرة"), False, id="no-name"),
    # a victim of an earlier killing recalled in a report from another city
    pytest.param(dict(KARBALA, geo_precision=3, evidence="اغتيال ناشط في كربلاء بعد مقتل الناشطة نور الساعدي في البصرة"),
                 False, id="recalled-in-another-governorate"),
])
def test_timeless_city_level_reports_naming_one_victim(store, reports, second, merges):
    """A timeless report placed at its city or governorate only merges on a named victim."""
    reports.doc("c1")
    reports.doc("c2")
    reports.event("c1", **dict(KILLING, geo_precision=3), evidence="مسلحون مجهولون يغتالون الناشطة نور الساعدي في البصرة")
    reports.event("c2", **second)
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


@pytest.mark.parametrize("first, later, alone", [
    # the timeless report comes first in merge order: when its turn came only the 2018 bombing
    # (close tolls) was there; the Thursday bombing its later reports form fits it as well
    pytest.param("a1", (12, 28), True, id="first-in-order-lookalike-formed-after"),
    pytest.param("z1", (12, 28), True, id="last-in-order-same-result"),
    # the later reports' tolls rule it out of theirs: nothing rivals the 2018 bombing
    pytest.param("a1", (2, 3), False, id="later-incident-ruled-out"),
])
def test_timeless_ambiguity_at_end_whatever_the_order(store, reports, first, later, alone):
    """Rule timeless-ambiguity-at-end: a report with no time at all is judged against the
    incidents as they stand at the end of the pass, not only those formed before its turn."""
    for d in ("d18", first, "b1", "b2"):
        reports.doc(d)
    reports.event("d18", **TAYARAN, date_start="2018-01-15", date_end="2018-01-15", fatalities=26, injured=65,
                  evidence="هجوم انتحاري مزدوج استهدف ساحة الطيران صباح الاثنين")
    reports.event(first, **TAYARAN, fatalities=21, injured=44,
                  evidence="استهدف تفجير انتحاري مزدوج سوقا شعبيا في ساحة الطيران وسط بغداد")
    reports.event("b1", **TAYARAN, fatalities=later[0],
                  evidence="قتل عدد من الاشخاص اليوم الخميس اثر تفجير انتحاري مزدوج في ساحة الطيران")
    reports.event("b2", **TAYARAN, fatalities=later[1],
                  evidence="اعلنت الشرطة اليوم الخميس مقتل عدد من الاشخاص في هجوم انتحاري بساحة الطيران")
    update_incidents(store.conn)
    groups = _groups(store)
    assert frozenset({"b1", "b2"}) in groups
    assert (frozenset({first}) in groups) is alone
    assert (frozenset({"d18", first}) in groups) is not alone


@pytest.mark.parametrize("first, second, ok", [
    # rule weekday-adjacent: a night massacre told as "today Tuesday" the morning after and as
    # "yesterday Monday" by another outlet: a day apart, no contradiction
    pytest.param({"evidence": "ارتكب الشبيحة مجزرة بحق 18 مدنيا اليوم الثلاثاء"},
                 {"evidence": "ارتكب عناصر الميليشيا أمس الاثنين مجزرة بحق 18 مدنيا"}, True, id="a-day-apart"),
    pytest.param({"evidence": "ارتكب الشبيحة مجزرة بحق 18 مدنيا اليوم الثلاثاء"},
                 {"evidence": "ارتكب عناصر الميليشيا مجزرة يوم الخميس بحق 18 مدنيا"}, False, id="two-days-apart"),
    # a stated date already carries the night's slack (Sunday to Tuesday for Monday 15 January):
    # no second day on top of it
    pytest.param({"date_start": "2018-01-15", "date_end": "2018-01-15", "evidence": "هجوم انتحاري مزدوج"},
                 {"evidence": "هجوم انتحاري مزدوج صباح الاربعاء"}, False, id="dated-monday-undated-wednesday"),
    pytest.param({"date_start": "2018-01-15", "date_end": "2018-01-15", "evidence": "هجوم انتحاري مزدوج"},
                 {"evidence": "هجوم انتحاري مزدوج صباح الثلاثاء"}, True, id="dated-monday-undated-tuesday"),
])
def test_weekday_adjacent(first, second, ok):
    from marsad.analysis.incidents import Merger, weekdays_ok
    merger = Merger()
    a = merger.ev({**TAYARAN, "event_id": "w1:1", "doc_id": "w1", **first})
    b = merger.ev({**TAYARAN, "event_id": "w2:1", "doc_id": "w2", **second})
    assert weekdays_ok(a, b) is ok and weekdays_ok(b, a) is ok


AZIM = dict(event_type="Battles", sub_event_type="Armed clash", country="IQ", admin1="Diyala",
            actor1="islamic_state", actor2="iraqi_security_forces")


@pytest.mark.parametrize("second, merges", [
    # rule place-in-named-district: the district one outlet names and a village in it the other
    # places there, with a firm detail (the same toll)
    pytest.param(dict(name_ar="الطلعة", fatalities=11,
                      evidence="قتل 11 جنديا في هجوم على مقر للجيش في قرية الطلعة التابعة لناحية العظيم"),
                 True, id="village-in-the-named-district"),
    # nothing firm ties them: a district sees many attacks
    pytest.param(dict(name_ar="الطلعة", evidence="هجوم على مقر للجيش في قرية الطلعة التابعة لناحية العظيم"),
                 False, id="no-firm-detail"),
    # two villages whose sentences both name their district: neither names the other's place
    pytest.param(dict(name_ar="المنصورية", fatalities=11,
                      evidence="قتل 11 جنديا في هجوم على مقر للجيش في قرية المنصورية التابعة لناحية العظيم"),
                 False, id="two-villages-of-one-district"),
])
def test_place_in_named_district(store, reports, second, merges):
    for d in ("z1", "z2", "z3"):
        reports.doc(d)
    first = dict(name_ar="الطلعة", fatalities=11,
                 evidence="قتل 11 جنديا في هجوم على مقر للجيش في قرية الطلعة التابعة لناحية العظيم")
    if second["name_ar"] == "الطلعة":
        first = dict(name_ar="العظيم", lat=34.275, lon=44.539, geo_precision=2, fatalities=11,
                     evidence="قتل 11 جنديا عراقيا فجرا في هجوم لتنظيم داعش في ناحية العظيم بديالى")
    reports.event("z1", **AZIM, geo_precision=first.pop("geo_precision", 1), **first)
    reports.event("z2", **AZIM, geo_precision=1, **second)
    update_incidents(store.conn)
    assert (frozenset({"z1", "z2"}) in _groups(store)) is merges


@pytest.mark.parametrize("sub, kin", [
    # an attack too, which a firm detail may tie to a bombing (rule kind-attack-by-explosive)
    ("Suicide bomb", {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Attack"}),
    ("Arrests", {"Arrests", "Armed clash", "Disrupted weapons use"}),
    ("Air/drone strike", {"Air/drone strike", "Shelling/artillery/missile attack", "Attack"}),
    ("Looting/property destruction", {"Looting/property destruction"}),
])
def test_timeless_kind_blocking_kin(sub, kin):
    """Rule timeless-kind-blocking: the sub-event types a timeless report looks for at its place."""
    from marsad.analysis.incidents import Rules
    got = Rules.load().kin(sub)
    assert got[0] == sub and set(got) == kin


@pytest.mark.parametrize("stored_kind, loaded", [
    pytest.param("Remote explosive/landmine/IED", True, id="a-kind-of-its-family"),
    pytest.param("Arrests", False, id="another-kind-not-loaded"),
])
def test_timeless_kind_blocking_context(store, reports, stored_kind, loaded):
    """A timeless report loads the stored incidents at its place of the kinds it may share one with."""
    from marsad.analysis import incident_store
    from marsad.analysis.incidents import Merger
    reports.doc("k1")
    reports.event("k1", **{**SQUARE, "sub_event_type": stored_kind}, date_start="2019-05-02", date_end="2019-05-02")
    update_incidents(store.conn)
    merger = Merger()
    timeless = merger.ev({**SQUARE, "event_id": "k2:1", "doc_id": "k2", "fatalities": 3})
    ids = incident_store._context_ids(store.conn, merger, [timeless])
    assert bool(ids) is loaded


def test_copies_merge_in_the_pass_of_their_originals_days(store, reports):
    """A copy sorts by its date, after the originals of that date (not after every original)."""
    from marsad.analysis import incident_store
    reports.doc("o1", published="2020-01-01")
    reports.doc("c1", near_dup_of="o1")
    reports.doc("o2", published="2021-06-01")
    reports.doc("o3")
    for doc, day in (("o1", "2020-01-01"), ("c1", "2020-01-01"), ("o2", "2021-06-01"), ("o3", None)):
        reports.event(doc, **{**SQUARE, "date_start": day, "date_end": day})
    assert incident_store._unassigned_ids(store.conn) == ["o1:0", "c1:0", "o2:0", "o3:0"]


# -- rule kind-attack-by-explosive ---------------------------------------------------------------
DISTRICT = dict(country="SY", admin1="Homs", name_ar="حي الزهراء", lat=34.72, lon=36.73, geo_precision=1)
BOMB = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", actor2="civilians")
SHOOTING = dict(event_type="Violence against civilians", sub_event_type="Attack", actor2="civilians")


@pytest.mark.parametrize("second, merges", [
    # a gunman fired on the worshippers, then blew himself up: one outlet tells an attack on
    # civilians, another a suicide bombing; the injured are nearly one figure
    pytest.param(dict(**SHOOTING, injured=41, date_start="2024-03-08", date_end="2024-03-08",
                      evidence="مسلح اطلق النار على المصلين داخل مسجد في حي الزهراء ما اسفر عن اصابة 41 شخصا"),
                 True, id="dated-close-toll"),
    # the same day and district, figures far apart: a shooting and a bombing are two incidents
    pytest.param(dict(**SHOOTING, injured=4, fatalities=1, date_start="2024-03-08", date_end="2024-03-08",
                      evidence="مسلحون قتلوا رجلا واصابوا اربعة في حي الزهراء"), False, id="dated-no-close-toll"),
    # no date at all: the weekday both name ties them
    pytest.param(dict(**SHOOTING, evidence="مسلح فتح النار على المصلين في حي الزهراء يوم الجمعة قبل ان يفجر نفسه"),
                 True, id="timeless-same-weekday"),
    pytest.param(dict(**SHOOTING, evidence="مسلح فتح النار على المصلين في حي الزهراء قبل ان يفجر نفسه"),
                 False, id="timeless-nothing-firm"),
    # the bombing's target named as the guards: only the perpetrator is compared
    pytest.param(dict(**{**SHOOTING, "actor2": "syrian_government_forces"}, injured=40, date_start="2024-03-08",
                      date_end="2024-03-08", evidence="هجوم مسلح على حاجز امام مسجد في حي الزهراء واصابة 40"),
                 True, id="target-named-differently"),
])
def test_kind_attack_by_explosive(store, reports, second, merges):
    reports.doc("k1")
    reports.doc("k2")
    reports.event("k1", **DISTRICT, **BOMB, fatalities=12, injured=38, date_start="2024-03-08", date_end="2024-03-08",
                  evidence="انتحاري فجر نفسه داخل مسجد في حي الزهراء يوم الجمعة ما ادى الى مقتل 12 واصابة 38")
    reports.event("k2", **DISTRICT, **second)
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


def test_kind_attack_by_explosive_needs_the_same_named_place(store, reports):
    """An assassination told at the city and a bombing at a square in it: a city and a spot are
    not the same named place, so a shared weekday does not tie an attack to a bombing."""
    reports.doc("c1")
    reports.doc("c2")
    reports.event("c1", **BOMB, country="IQ", admin1="Baghdad", name_ar="ساحة الطيران", lat=33.33, lon=44.42,
                  geo_precision=1, fatalities=20, evidence="تفجير انتحاري في ساحة الطيران صباح الاثنين")
    reports.event("c2", **SHOOTING, country="IQ", admin1="Baghdad", name_ar="بغداد", lat=33.34, lon=44.40,
                  geo_precision=1, fatalities=1, evidence="اغتيال الناشط سامر العلي امام منزله في بغداد الاثنين")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 2


# -- rule toll-still-rising -------------------------------------------------------------------------
CITY = dict(country="SO", admin1="Banadir", name_ar="مقديشو", lat=2.04, lon=45.34, geo_precision=1,
            event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")
DAY = dict(date_start="2023-05-06", date_end="2023-05-06")


@pytest.mark.parametrize("first, later, merges", [
    # a first count and the toll a day on, the later told as a rise
    pytest.param(dict(**DAY, fatalities=8, evidence="مقتل 8 اشخاص بانفجار سيارة مفخخة قرب الميناء"),
                 dict(**DAY, fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا"),
                 True, id="later-told-as-a-rise"),
    pytest.param(dict(**DAY, fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة في حصيلة اولية"),
                 dict(**DAY, fatalities=90, evidence="انفجار سيارة مفخخة قرب الميناء اوقع 90 قتيلا"),
                 True, id="first-told-as-provisional"),
    # two figures both given as final, 11 times apart: two bombings that day
    pytest.param(dict(**DAY, fatalities=8, evidence="مقتل 8 اشخاص بانفجار سيارة مفخخة قرب الميناء"),
                 dict(**DAY, fatalities=90, evidence="انفجار سيارة مفخخة قرب الميناء اوقع 90 قتيلا"),
                 False, id="both-final"),
    # "at least" on the higher figure says nothing of the lower one
    pytest.param(dict(**DAY, fatalities=8, evidence="مقتل 8 اشخاص بانفجار سيارة مفخخة قرب الميناء"),
                 dict(**DAY, fatalities=90, evidence="مقتل 90 على الاقل بانفجار سيارة مفخخة قرب الميناء"),
                 False, id="provisional-higher"),
    # no time at all: the toll is what tells a report from a look-alike at its place, unless both
    # name the event's weekday (rule toll-rising-on-its-day: the day is their time)
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء السبت"),
                 dict(fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء السبت الى 90 قتيلا"),
                 True, id="timeless-one-weekday"),
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء"),
                 dict(fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا"),
                 False, id="timeless"),
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء الثلاثاء"),
                 dict(fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء السبت الى 90 قتيلا"),
                 False, id="timeless-other-weekdays"),
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء"),
                 dict(fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء السبت الى 90 قتيلا"),
                 False, id="timeless-one-names-no-weekday"),
    # rule toll-rising-on-its-day: a first count with no time, naming the weekday the later
    # report's date falls on (6 May 2023 was a Saturday), and that later toll told as a rise
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء السبت"),
                 dict(**DAY, fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا"),
                 True, id="timeless-first-count-on-the-dated-day"),
    # ... naming no weekday: the toll still tells it from the dated report
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء"),
                 dict(**DAY, fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا"),
                 False, id="timeless-first-count-no-weekday"),
    # ... naming another weekday
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء الثلاثاء"),
                 dict(**DAY, fatalities=90, evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا"),
                 False, id="timeless-first-count-other-weekday"),
    # ... with a dated report of a week or more (a month): no weekday of its own to hold them by (this crashed)
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء السبت"),
                 dict(date_start="2023-05-01", date_end="2023-05-31", fatalities=90,
                      evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا"),
                 False, id="timeless-first-count-month-dated"),
    # ... with both figures given as final
    pytest.param(dict(fatalities=8, evidence="مقتل 8 اشخاص بانفجار سيارة مفخخة قرب الميناء السبت"),
                 dict(**DAY, fatalities=90, evidence="انفجار سيارة مفخخة قرب الميناء اوقع 90 قتيلا"),
                 False, id="timeless-both-final"),
])
def test_toll_still_rising(store, reports, first, later, merges):
    reports.doc("t1")
    reports.doc("t2")
    reports.event("t1", **CITY, **first)
    reports.event("t2", **CITY, **later)
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges


def test_toll_rising_on_its_day_lookalike(store, reports):
    """Rule toll-rising-on-its-day: a timeless first count that fits two dated bombings at its
    place, each on the weekday it names (Saturday 6 May 2023 and Saturday 9 May 2020), is a
    look-alike it cannot tell apart: it stays on its own."""
    for doc in ("l1", "l2", "l3"):
        reports.doc(doc)
    reports.event("l1", **CITY, **DAY, fatalities=90,
                  evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 90 قتيلا")
    reports.event("l2", **CITY, date_start="2020-05-09", date_end="2020-05-09", fatalities=60,
                  evidence="ارتفعت حصيلة تفجير السيارة المفخخة قرب الميناء الى 60 قتيلا")
    reports.event("l3", **CITY, fatalities=8,
                  evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء السبت")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 3


def test_toll_rising_on_its_day_timeless_lookalike(store, reports):
    """Rule toll-rising-on-its-day: a timeless first count naming Saturday fits a timeless toll of
    90 told that Saturday and a bombing of Saturday 9 May 2020 at the same place (20 killed, told
    as final: the two are apart). It cannot tell them apart: it stays on its own."""
    for doc in ("m1", "m2", "m3"):
        reports.doc(doc)
    reports.event("m1", **CITY, fatalities=90, evidence="انفجار سيارة مفخخة قرب الميناء السبت اوقع 90 قتيلا")
    reports.event("m2", **CITY, date_start="2020-05-09", date_end="2020-05-09", fatalities=20,
                  evidence="انفجار سيارة مفخخة قرب الميناء اوقع 20 قتيلا")
    reports.event("m3", **CITY, fatalities=8,
                  evidence="مقتل 8 اشخاص على الاقل بانفجار سيارة مفخخة قرب الميناء السبت")
    update_incidents(store.conn)
    assert len(list_incidents(store.conn)) == 3


@pytest.mark.parametrize("text, state", [
    ("مقتل 5 اشخاص في حصيلة اولية", (True, False)),
    ("قتل ما لا يقل عن 12 شخصا", (True, False)),
    ("والحصيلة مرشحة للارتفاع", (True, False)),
    ("وارتفعت حصيلة القتلى الى 40", (False, True)),
    ("ارتفاع عدد الضحايا الى 17", (False, True)),
    ("قتل 9 اشخاص في الهجوم", (False, False)),
    ("حلقت الطائرات على ارتفاعات منخفضة", (False, False)),
])
def test_toll_state(text, state):
    from marsad.analysis.incident_features import toll_state
    assert toll_state(text) == state


# -- rule pubdate-window -------------------------------------------------------------------------
@pytest.mark.parametrize("noted, merges", [
    # the statement's weekday resolved against a publication date read from the URL gave the
    # event that day: its report's publication window is all the date it has
    pytest.param(True, True, id="dated-through-a-recovered-date"),
    # the same date stated by the report itself is the event's: four days apart, two incidents
    pytest.param(False, False, id="a-date-of-its-own"),
])
def test_pubdate_window(store, reports, noted, merges):
    if "date_note" not in {r[1] for r in store.conn.execute("PRAGMA table_info(events)")}:
        pytest.skip("no events.date_note in this schema")
    market = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  country="IQ", admin1="Baghdad", name_ar="الشورجة", lat=33.343, lon=44.41, geo_precision=1)
    reports.doc("p1", published="2019-05-09", url="https://example.org/news/2019/5/9/toll-rises")
    reports.doc("p2", published="2019-05-05")
    reports.event("p1", **market, fatalities=40, date_start="2019-05-09", date_end="2019-05-09",
                  date_note="dated through a recovered publication date (a date in the URL)" if noted else None,
                  evidence="اعلنت وزارة الصحة الخميس ارتفاع حصيلة تفجير سوق الشورجة الى 40 قتيلا")
    reports.event("p2", **market, fatalities=31, date_start="2019-05-05", date_end="2019-05-05",
                  evidence="انفجار سيارة مفخخة في سوق الشورجة فجر اليوم الاحد اوقع 31 قتيلا")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges



# -- session 12: a court ruling's weekday; a rival at the same point under another name ----------
CHURCH = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED", country="EG",
              admin1="Sohag", name_ar="سوهاج", lat=26.557, lon=31.695, geo_precision=1)


@pytest.mark.parametrize("verdict_day", [
    pytest.param("قضت محكمة جنايات سوهاج، الخميس، بإعدام تسعة متهمين", id="court-ruled-thursday"),
    pytest.param("حكمت محكمة عسكرية الاثنين بالسجن المؤبد على ستة متهمين", id="court-sentenced-monday"),
])
def test_a_court_ruling_weekday_does_not_split_the_bombing_it_recalls(store, reports, verdict_day):
    """A report of a verdict, a year later, recalls a church bombing (dated only by its year:
    "العام الماضي"). The weekday it names is the court's, not the bombing's: read as the bombing's,
    it contradicted the Sunday of the dated report, the verdict report stayed on its own, and as a
    rival at the town with a close toll it drew the undated reports out of the incident too."""
    for d in ("v1", "v2", "v3", "v4"):
        reports.doc(d)
    reports.event("v1", **CHURCH, date_start="2019-05-05", date_end="2019-05-05", fatalities=14, injured=30,
                  evidence="انفجار عبوة ناسفة داخل كنيسة مار يوحنا في سوهاج صباح الأحد أثناء القداس")
    reports.event("v2", **CHURCH, fatalities=16, injured=35,
                  evidence="مقتل 16 شخصا وإصابة 35 في تفجير كنيسة مار يوحنا بمدينة سوهاج")
    reports.event("v3", **{**CHURCH, "sub_event_type": "Suicide bomb"}, fatalities=15,
                  evidence="انتحاري يفجر نفسه داخل كنيسة في سوهاج ويقتل 15 من المصلين")
    reports.event("v4", **CHURCH, date_start="2019-01-01", date_end="2019-12-31", fatalities=18,
                  evidence=f"{verdict_day} في قضية تفجير كنيسة مار يوحنا العام الماضي، الذي أدى إلى مقتل 18 "
                           "شخصا على الأقل")
    update_incidents(store.conn)
    assert _groups(store) == {frozenset({"v1", "v2", "v3", "v4"})}


JUNCTION = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                country="SO", admin1="Banadir", lat=2.041, lon=45.336, geo_precision=1)


@pytest.mark.parametrize("other_point, alone", [
    # the 2019 bombing under the junction's other name, on the same point: as good a fit
    pytest.param((2.041, 45.336), True, id="same-point-other-name"),
    # the same, 600 m off: the geocoder's two points for one junction
    pytest.param((2.046, 45.336), True, id="600m-other-name"),
    # 5 km off, under another name: another place, no rival
    pytest.param((2.086, 45.336), False, id="5km-other-name"),
])
def test_same_point_rival(store, reports, other_point, alone):
    """Rule same-point-rival: two truck bombings at one junction four years apart, both on a
    Saturday, one report naming it "زوبي", the other "تقاطع سيدكا" on the same point. An
    undated report at "زوبي" on a Saturday, with a first count that fits either, is neither's."""
    for d in ("j23", "j19", "u1"):
        reports.doc(d)
    reports.event("j23", **JUNCTION, name_ar="زوبي", date_start="2023-11-18", date_end="2023-11-18",
                  fatalities=90, evidence="انفجار شاحنتين مفخختين عند تقاطع زوبي السبت وارتفاع الحصيلة إلى 90 قتيلا")
    reports.event("j19", **{**JUNCTION, "lat": other_point[0], "lon": other_point[1]}, name_ar="تقاطع سيدكا",
                  date_start="2019-03-09", date_end="2019-03-09",
                  evidence="شاحنة مفخخة تنفجر عند تقاطع سيدكا المزدحم في مقديشو")
    reports.event("u1", **JUNCTION, name_ar="زوبي", fatalities=35,
                  evidence="حصيلة أولية: مقتل 35 شخصا على الأقل في انفجار شاحنة مفخخة قرب زوبي يوم السبت")
    update_incidents(store.conn)
    groups = _groups(store)
    assert (frozenset({"u1"}) in groups) is alone
    assert (frozenset({"j23", "u1"}) in groups) is not alone


DRONE = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", country="SY",
             admin1="Al-Hasakah", name_ar="عامودا", lat=37.104, lon=40.93, geo_precision=1,
             actor1="turkish_forces", actor2="sdf", fatalities=1, injured=1)


@pytest.mark.parametrize("night, merges", [
    # the night of Thursday to Friday is not Saturday, though a stated Saturday carries a day's slack
    pytest.param("بعد منتصف ليل الخميس-الجمعة", False, id="night-before-the-day-before"),
    pytest.param("بعد منتصف ليل الجمعة-السبت", True, id="the-night-into-the-day"),
    # one day's night ("فجر الجمعة") may be told either side of midnight: no contradiction
    pytest.param("فجر الجمعة", True, id="one-days-night"),
])
def test_night_of_two_days(store, reports, night, merges):
    """Rule night-of-two-days: a timeless report naming the night by its two days is compared with
    a dated report by the dated report's own day, not its slack: two drone strikes on SDF cars in
    one town, one in the night of Thursday to Friday, one on the Saturday, are two incidents."""
    reports.doc("s1")
    reports.doc("s2")
    reports.event("s1", **DRONE, date_start="2023-09-02", date_end="2023-09-02",
                  evidence="قتل عنصر من قسد واصيب آخر اليوم السبت اثر استهداف مسيرة تركية لسيارتهم في عامودا")
    reports.event("s2", **DRONE, evidence=f"قتل عنصر في قسد واصيب مرافقه باستهداف مسيرة تركية {night} "
                                          "لسيارة كانا يستقلانها في مدينة عامودا")
    update_incidents(store.conn)
    assert (len(list_incidents(store.conn)) == 1) is merges
