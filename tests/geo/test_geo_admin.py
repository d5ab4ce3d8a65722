"""admin2/admin3 of a located place (marsad.geo.admin): the gazetteer entry at the point, else the OCHA
sub-district polygon (shipped, simplified) the point lies in; nothing outside Syria and Iraq."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import best_place, find_places
from marsad.geo.admin import admin_units

# (id, lat, lon, country, admin1, name_en, admin2, admin3)
POINTS = [
    ("village-entry", 35.34169, 40.19897, "SY", "Deir ez-Zor", "Hatla", "Deir-ez-Zor", "Deir-ez-Zor"),
    ("town-entry", 35.0249, 40.4281, "SY", "Deir ez-Zor", "Al Mayadin", "Al Mayadin", "Al Mayadin"),
    ("city-entry", 34.59845, 43.69434, "IQ", "Salah ad-Din", "Tikrit", "Tikrit", "Al-Alam"),
    # a hand-placed square has no units of its own: the polygon it lies in
    ("square-by-polygon", 33.31, 44.45, "IQ", "Baghdad", "Al-Tayaran Square (Baghdad)", "Al-Risafa",
     "Al-Karrada Al-Sharqia"),
    # a point no entry sits at (a direction from a town, a part of a region)
    ("east-of-mayadin", 35.05, 40.55, "SY", None, None, "Al Mayadin", "Thiban"),
    ("abroad", 48.85, 2.35, "FR", None, None, "", ""),
    ("turkey-by-the-border", 36.83, 40.2, "TR", None, None, "", ""),
    ("no-point", None, None, "SY", None, None, "", ""),
]


@pytest.mark.parametrize("lat,lon,country,admin1,name_en,admin2,admin3", [r[1:] for r in POINTS],
                         ids=[r[0] for r in POINTS])
def test_admin_units_of_a_point(lat, lon, country, admin1, name_en, admin2, admin3):
    assert admin_units(lat, lon, country, admin1, name_en) == (admin2, admin3)


# (id, text, admin2, admin3): an event's place, as the extractor takes it, has both units in Syria and Iraq
TEXTS = [
    ("village", "قتل مدنيان بقصف على قرية حطلة شرقي دير الزور", "Deir-ez-Zor", "Deir-ez-Zor"),
    ("countryside-part", "اشتباكات في ريف دير الزور الشرقي بين قسد وخلايا التنظيم", "Deir-ez-Zor", None),
    ("square", "انفجار انتحاري في ساحة الطيران وسط بغداد", "Al-Risafa", None),
]


@pytest.mark.parametrize("text,admin2,admin3", [r[1:] for r in TEXTS], ids=[r[0] for r in TEXTS])
def test_an_event_place_has_district_and_sub_district(text, admin2, admin3):
    loc = best_place(find_places(text, context=text)).location()
    got = admin_units(loc["lat"], loc["lon"], loc["country"], loc["admin1"], loc["name_en"])
    assert got[0] == admin2 and got[1], (loc, got)
    if admin3:
        assert got[1] == admin3


@settings(max_examples=200, deadline=None)
@given(st.floats(32.0, 37.5), st.floats(38.5, 48.5))
def test_every_point_inside_iraq_or_syria_has_both_or_neither(lat, lon):
    a2, a3 = admin_units(lat, lon)
    assert bool(a2) == bool(a3)
