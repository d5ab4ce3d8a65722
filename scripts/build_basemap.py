"""Build the dashboard's offline base map from ../shared/data/boundaries.

Writes src/marsad/web/static/basemap.geojson: one FeatureCollection holding
  - layer "admin0": Natural Earth country outlines of the region,
  - layer "admin1": OCHA governorates of Syria and Iraq, WOF first-level divisions of TR/LB/JO.
Every ring is simplified (Douglas-Peucker) and coordinates are rounded so the file stays
small (well under 1.5 MB). Properties are reduced to layer, country, name_en, name_ar, code.

    .venv/bin/python scripts/build_basemap.py [--src DIR] [--out FILE] [--tolerance DEG]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "boundaries"
DEFAULT_OUT = REPO / "src" / "marsad" / "web" / "static" / "basemap.geojson"
DIGITS = 3  # ~100 m
ATTRIBUTION = (
    "Boundaries: Natural Earth (public domain); Syria/Iraq: UNCS, CSO Iraq and UN OCHA via HDX, "
    "CC BY-IGO 3.0; TR/LB/JO: Who's On First (whosonfirst.org), incl. foursquare Quattroshapes (CC BY). "
    "The boundaries and names shown do not imply official endorsement or acceptance by the United Nations."
)


def _perp_dist(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    px, py = x1 + t * dx, y1 + t * dy
    return ((x - px) ** 2 + (y - py) ** 2) ** 0.5


def simplify(points: list, tol: float) -> list:
    """Douglas-Peucker, iterative (no recursion limit on long rings)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, idx = 0.0, -1
        for i in range(lo + 1, hi):
            d = _perp_dist(points[i], points[lo], points[hi])
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack.extend([(lo, idx), (idx, hi)])
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring: list, tol: float) -> list | None:
    out = []
    for x, y in simplify(ring, tol):
        pt = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != pt:
            out.append(pt)
    if len(out) < 4:
        return None  # collapsed: a sliver or a tiny island
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def simplify_geometry(geom: dict, tol: float) -> dict | None:
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    out = []
    for poly in polys:
        outer = simplify_ring(poly[0], tol)
        if outer is None:
            continue
        holes = [h for h in (simplify_ring(r, tol) for r in poly[1:]) if h]
        out.append([outer, *holes])
    if not out:
        return None
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


def _props(layer: str, p: dict) -> dict:
    if "ISO_A2" in p:
        return {"layer": layer, "country": p["ISO_A2"], "name_en": p.get("NAME_EN"),
                "name_ar": p.get("NAME_AR"), "code": p.get("ISO_A3")}
    if "ADM1_PCODE" in p:
        return {"layer": layer, "country": p["ADM0_PCODE"][:2], "name_en": p.get("ADM1_EN"),
                "name_ar": p.get("ADM1_AR"), "code": p["ADM1_PCODE"]}
    return {"layer": layer, "country": p.get("country"), "name_en": p.get("name_en") or p.get("name"),
            "name_ar": p.get("name_ar"), "code": str(p.get("wof_id"))}


SOURCES = (
    ("admin0", "ne_admin0_region.geojson", 2.0),
    ("admin1", "ocha_syr_adm1.geojson", 1.0),
    ("admin1", "ocha_irq_adm1.geojson", 1.0),
    ("admin1", "wof_admin1_tr_lb_jo.geojson", 1.0),
)


def build(src: Path, tolerance: float) -> dict:
    features = []
    for layer, name, factor in SOURCES:
        data = json.loads((src / name).read_text(encoding="utf-8"))
        for feat in data["features"]:
            geom = simplify_geometry(feat["geometry"], tolerance * factor)
            if geom is not None:
                features.append({"type": "Feature", "properties": _props(layer, feat["properties"]),
                                 "geometry": geom})
    return {"type": "FeatureCollection", "metadata": {"attribution": ATTRIBUTION,
            "tolerance_deg": tolerance, "digits": DIGITS}, "features": features}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--tolerance", type=float, default=0.005)
    args = ap.parse_args()
    fc = build(args.src, args.tolerance)
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(fc['features'])} features, {len(text.encode('utf-8')) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
