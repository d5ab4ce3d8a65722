"""Cross-report incident merging: the pure part (no database).

An ``Ev`` is one event row; a ``Merger`` holds the incidents seen so far in a
blocking index keyed by (day, place cell) and (day, folded place name), so each
new event is compared only with the few incidents on the same days and within
one cell of its place: the cost is linear in the number of events.

Merge rule (parameters and compatibility tables in data/incident_rules.json):
an event joins an incident when, against EVERY member, it comes from another
document, its sub-event type is the same or compatible and its actors are
compatible; and against AT LEAST ONE member, the date ranges overlap and the
place agrees (same folded name_ar, or within ``max_km`` when both are points
at precision <= 2). Governorate-level places (precision 3) agree only on the
same name with the same sub-event type and both actors known and equal: two
different attacks the same day "in Deir ez-Zor" stay apart. Undated events
(and ranges longer than ``max_span_days``) are never merged.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import vocab

EVENT_COLUMNS = ("event_id", "doc_id", "version", "event_type", "sub_event_type", "date_start",
                 "date_end", "actor1", "actor2", "name_ar", "name_en", "country", "admin1",
                 "lat", "lon", "geo_precision", "fatalities", "injured", "arrested", "evidence")


@lru_cache(maxsize=65536)
def fold_name(name: str | None) -> str:
    return " ".join(vocab.words(name or ""))


def _day(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return date.fromisoformat(str(s)[:10]).toordinal()
    except ValueError:
        return None


@dataclass(slots=True)
class Ev:
    """One event row, with the derived fields the merge compares."""
    row: dict
    start: int | None
    end: int | None
    name: str
    precision: int

    @classmethod
    def from_row(cls, row: dict) -> "Ev":
        start, end = _day(row.get("date_start")), _day(row.get("date_end"))
        if start is not None and end is None:
            end = start
        if start is None or end is None or end < start:
            start = end = None
        precision = row.get("geo_precision") or 3
        return cls(row, start, end, fold_name(row.get("name_ar")), int(precision))

    @property
    def event_id(self) -> str:
        return self.row["event_id"]

    @property
    def doc_id(self) -> str:
        return self.row["doc_id"]

    def point(self) -> tuple[float, float] | None:
        lat, lon = self.row.get("lat"), self.row.get("lon")
        return None if lat is None or lon is None else (float(lat), float(lon))


@dataclass(frozen=True)
class Rules:
    max_km: float
    max_point_precision: int
    slack: int
    max_span: int
    cell_lat: float
    cell_lon: float
    compatible_types: frozenset
    actor_group: dict

    @classmethod
    def load(cls) -> "Rules":
        raw = vocab.incident_rules()
        groups = {}
        for i, group in enumerate(raw["compatible_actors"]):
            for actor in group:
                groups[actor] = i
        pairs = frozenset(frozenset(p) for p in raw["compatible_sub_event_types"])
        return cls(float(raw["max_km"]), int(raw["max_point_precision"]), int(raw["date_slack_days"]),
                   int(raw["max_span_days"]), float(raw["cell_deg_lat"]), float(raw["cell_deg_lon"]),
                   pairs, groups)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def types_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    sa, sb = a.row.get("sub_event_type"), b.row.get("sub_event_type")
    return sa == sb or frozenset((sa, sb)) in rules.compatible_types


def _actor_ok(rules: Rules, x: str | None, y: str | None) -> bool:
    if x is None or y is None or x == y:
        return True
    gx, gy = rules.actor_group.get(x), rules.actor_group.get(y)
    return gx is not None and gx == gy


def actors_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    a1, a2, b1, b2 = (a.row.get("actor1"), a.row.get("actor2"), b.row.get("actor1"), b.row.get("actor2"))
    if _actor_ok(rules, a1, b1) and _actor_ok(rules, a2, b2):
        return True
    both_battles = a.row.get("event_type") == "Battles" == b.row.get("event_type")
    return both_battles and _actor_ok(rules, a1, b2) and _actor_ok(rules, a2, b1)


def dates_ok(rules: Rules, a: Ev, b: Ev) -> bool:
    if a.start is None or b.start is None:
        return False
    return a.start <= b.end + rules.slack and b.start <= a.end + rules.slack


def _strict_coarse(a: Ev, b: Ev) -> bool:
    """Governorate-level places: only the same sub-type with both actors known and equal."""
    r, s = a.row, b.row
    known = None not in (r.get("actor1"), r.get("actor2"), s.get("actor1"), s.get("actor2"))
    return (known and r.get("sub_event_type") == s.get("sub_event_type")
            and r.get("actor1") == s.get("actor1") and r.get("actor2") == s.get("actor2"))


def place_score(rules: Rules, a: Ev, b: Ev) -> float:
    """0 when the places differ; higher for a closer agreement (name > near point)."""
    pa, pb = a.point(), b.point()
    dist = km(pa, pb) if pa and pb else None
    coarse = max(a.precision, b.precision) > rules.max_point_precision
    if a.name and a.name == b.name:
        if dist is not None and dist > 2.5 * rules.max_km and not coarse:
            return 0.0          # two places of the same name far apart
        if coarse and not _strict_coarse(a, b):
            return 0.0
        return 2.0
    if coarse or dist is None or dist > rules.max_km:
        return 0.0
    return 1.0 + (1.0 - dist / rules.max_km) * 0.5


@dataclass
class Incident:
    incident_id: str
    members: list[Ev] = field(default_factory=list)
    docs: set = field(default_factory=set)


def mergeable(rules: Rules, ev: Ev) -> bool:
    return ev.start is not None and ev.end - ev.start <= rules.max_span


def place_keys(rules: Rules, ev: Ev, neighbours: bool) -> list[tuple]:
    keys: list[tuple] = [("n", ev.name)] if ev.name else []
    pt = ev.point()
    if pt and ev.precision <= rules.max_point_precision:
        cx, cy = int(math.floor(pt[0] / rules.cell_lat)), int(math.floor(pt[1] / rules.cell_lon))
        steps = (-1, 0, 1) if neighbours else (0,)
        keys.extend(("c", cx + i, cy + j) for i in steps for j in steps)
    return keys


def new_incident_id(seed_event_id: str) -> str:
    import hashlib
    return "inc-" + hashlib.blake2b(seed_event_id.encode("utf-8"), digest_size=6).hexdigest()


class Merger:
    """Assigns events to incidents through a (day, place cell / name) blocking index."""

    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules or Rules.load()
        self.incidents: dict[str, Incident] = {}
        self.index: dict[tuple, list[str]] = defaultdict(list)

    def _index(self, incident_id: str, ev: Ev) -> None:
        if not mergeable(self.rules, ev):
            return
        for key in place_keys(self.rules, ev, neighbours=False):
            for day in range(ev.start, ev.end + 1):
                self.index[(day,) + key].append(incident_id)

    def add(self, incident_id: str, ev: Ev) -> None:
        """Record ``ev`` as a member of ``incident_id`` (existing or new)."""
        inc = self.incidents.get(incident_id)
        if inc is None:
            inc = self.incidents[incident_id] = Incident(incident_id)
        inc.members.append(ev)
        inc.docs.add(ev.doc_id)
        self._index(incident_id, ev)

    def candidates(self, ev: Ev) -> set[str]:
        if not mergeable(self.rules, ev):
            return set()
        found: set[str] = set()
        slack = self.rules.slack
        keys = place_keys(self.rules, ev, neighbours=True)
        for day in range(ev.start - slack, ev.end + slack + 1):
            for key in keys:
                found.update(self.index.get((day,) + key, ()))
        return found

    def score(self, ev: Ev, inc: Incident) -> float:
        """How well ``ev`` fits ``inc`` (0 = it does not)."""
        if ev.doc_id in inc.docs:
            return 0.0
        rules = self.rules
        best = 0.0
        for m in inc.members:
            if not (types_ok(rules, ev, m) and actors_ok(rules, ev, m)):
                return 0.0
            if dates_ok(rules, ev, m):
                best = max(best, place_score(rules, ev, m))
        return best

    def assign(self, ev: Ev) -> tuple[str, bool]:
        """Put ``ev`` in the best-fitting incident, or a new one; (incident_id, created)."""
        best_id, best = None, 0.0
        for incident_id in sorted(self.candidates(ev)):
            s = self.score(ev, self.incidents[incident_id])
            if s > best:
                best_id, best = incident_id, s
        created = best_id is None
        if created:
            best_id = new_incident_id(ev.event_id)
            while best_id in self.incidents:      # astronomically rare hash clash
                best_id = new_incident_id(best_id)
        self.add(best_id, ev)
        return best_id, created
