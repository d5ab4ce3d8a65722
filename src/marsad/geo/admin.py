"""admin2 (district) and admin3 (sub-district) of a located place in Syria and Iraq.

A point the gazetteer has an entry at (a named town, village or city: most events) takes that entry's units,
which the build assigned by point-in-polygon; any other point (a part of a region, a direction from a town, a
square placed at its city) is located in the OCHA sub-district polygons shipped with the package
(data/admin_units.geojson.gz, simplified by scripts/build_gazetteer.py) with shapely. Outside Syria and Iraq
there are no such boundaries here: ("", "").
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache

from .gazetteer import DATA_DIR, load_gazetteer

ADMIN_COUNTRIES = frozenset(("SY", "IQ"))
NEAREST_DEG = 0.05     # a point just outside every polygon (a simplified border, the coast) takes the nearest
                       # sub-district within about 5 km


@lru_cache(maxsize=1)
def _entries_by_point() -> dict[tuple[float, float], list]:
    index: dict[tuple[float, float], list] = {}
    for e in load_gazetteer().entries:
        if e.country in ADMIN_COUNTRIES and e.admin2:
            index.setdefault((round(e.lat, 4), round(e.lon, 4)), []).append(e)
    return index


@lru_cache(maxsize=1)
def _units():
    from shapely.geometry import shape
    from shapely.strtree import STRtree

    features = json.loads(gzip.decompress((DATA_DIR / "admin_units.geojson.gz").read_bytes()))["features"]
    geoms = [shape(ft["geometry"]) for ft in features]
    return STRtree(geoms), geoms, [ft["properties"] for ft in features]


def load_units() -> None:
    """Load the sub-district polygons (and shapely) now: extract_document does it with the gazetteer, so the first
    report that places a river's stretch does not pay ~0.1 s for the import and the polygons."""
    _units()


def locate_units(lat: float, lon: float) -> dict | None:
    """The sub-district polygon a point lies in (its properties: country, admin1, admin2, admin3), or the
    nearest within NEAREST_DEG; None beyond."""
    from shapely.geometry import Point

    tree, geoms, props = _units()
    pt = Point(lon, lat)
    hits = tree.query(pt, predicate="intersects")
    if len(hits):
        return props[int(min(hits))]
    k = tree.nearest(pt)
    if k is None or geoms[int(k)].distance(pt) > NEAREST_DEG:
        return None
    return props[int(k)]


def admin_units(lat: float | None, lon: float | None, country: str | None = None, admin1: str | None = None,
                name_en: str | None = None) -> tuple[str, str]:
    """(admin2, admin3) of a location (English names, as the gazetteer's entries carry them); empty where not
    known. ``country``/``admin1``/``name_en`` (of the event's location) pick among entries at the same point."""
    if lat is None or lon is None or (country and country not in ADMIN_COUNTRIES):
        return "", ""
    at = [e for e in _entries_by_point().get((round(lat, 4), round(lon, 4)), ())
          if (not admin1 or e.admin1 == admin1) and (not country or e.country == country)]
    named = [e for e in at if name_en and e.name_en == name_en] or at
    entry = next((e for e in named if e.admin3), None) or next((e for e in named if e.kind == "subdistrict"), None)
    if entry is not None:
        return entry.admin2, entry.admin3 or entry.name_en
    unit = locate_units(lat, lon)
    if unit is not None and country and unit["country"] != country:
        unit = None
    if named:     # an entry with a district but no sub-district: the polygon's, where it agrees
        return named[0].admin2, unit["admin3"] if unit and unit["admin2"] == named[0].admin2 else ""
    return (unit["admin2"], unit["admin3"]) if unit else ("", "")
