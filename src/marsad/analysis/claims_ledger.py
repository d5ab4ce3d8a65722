"""The claims ledger: every stated figure for the same thing, side by side, as a series over time.

Claims are grouped by a canonical key ``<what>@<where>`` (see claimkeys.py and
data/claim_keys.json); inside a group the values are ordered by the period they refer to and
gathered into a ``series``: one step per period (a calendar year, or the range a claim states
when it spans more), so the ledger shows how an estimate moved over the years. Two values
contradict only when they estimate the same thing for the same period (the same step) and
differ by more than ``factor``: the gap between their ranges, read with their qualifiers ("at
least 10" is 10..inf, "at most 7000" is 0..7000), is larger than ``factor`` (higher low / lower
high). Values years apart are a series, never a contradiction; a value without a known period
never contradicts anything. A step with many values is checked against its extremes only, so
a large ledger costs time linear in its claims.
"""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from . import claimkeys

VALUE_FIELDS = ("value_low", "value_high", "qualifier", "source_ar", "source_en",
                "source_kind", "time", "doc_id", "evidence")


@dataclass
class LedgerGroup:
    key: str
    quantity: str
    place: str
    values: list[dict] = field(default_factory=list)
    periods: list = field(default_factory=list)       # parallel to values
    pairs: list[tuple[int, int, float]] = field(default_factory=list)  # contradicting (i, j, ratio)

    @property
    def contradiction(self) -> bool:
        return bool(self.pairs)

    def period(self) -> str | None:
        known = [(p, v["time"]) for p, v in zip(self.periods, self.values) if p]
        if not known:
            return None
        first = min(known, key=lambda pv: pv[0][0])[1]
        last = max(known, key=lambda pv: pv[0][1])[1]
        if first == last:
            return str(first)
        return f"{str(first).split('..')[0]}..{str(last).split('..')[-1]}"

    def spread(self) -> dict:
        lows = [v["value_low"] for v in self.values if v["value_low"] is not None]
        highs = [v["value_high"] for v in self.values if v["value_high"] is not None]
        lo = min(lows + highs) if lows or highs else None
        hi = max(highs + lows) if lows or highs else None
        ratio = round(hi / lo, 2) if lo and hi is not None else None
        return {"min": _num(lo), "max": _num(hi), "ratio": ratio}

    def series(self) -> list[dict]:
        """One step per period, in time order: its values (indexes into ``values``), their
        range, and whether they contradict each other."""
        steps: dict[str, list[int]] = {}
        for i, per in enumerate(self.periods):
            steps.setdefault(step_label(per), []).append(i)
        flagged = {i for pair in self.pairs for i in pair[:2]}
        out = []
        for label, idx in steps.items():
            vals = [x for i in idx for x in (self.values[i]["value_low"], self.values[i]["value_high"])
                    if x is not None]
            out.append({"period": label, "values": idx, "min": min(vals) if vals else None,
                        "max": max(vals) if vals else None, "contradiction": any(i in flagged for i in idx)})
        return out

    def to_dict(self) -> dict:
        return {"key": self.key, "quantity": self.quantity, "place": self.place,
                "period": self.period(), "values": self.values, "spread": self.spread(),
                "contradiction": self.contradiction, "series": self.series()}


def _num(x):
    """Integers stay integers in the output (SQLite REAL gives 2000.0)."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _interval(v: dict) -> tuple[float, float] | None:
    lo, hi = v["value_low"], v["value_high"]
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    if lo is None:
        return None
    if v.get("qualifier") == "at_least":
        hi = math.inf
    elif v.get("qualifier") == "at_most":
        lo = 0.0
    return (float(min(lo, hi)), float(max(lo, hi)))


def gap_ratio(a: dict, b: dict) -> float:
    """How many times apart two values are (1.0 when their ranges meet)."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return 1.0
    low_side, high_side = (ia, ib) if ia[1] < ib[0] else (ib, ia)
    if low_side[1] >= high_side[0]:
        return 1.0
    if low_side[1] <= 0:
        return math.inf
    return high_side[0] / low_side[1]


def step_label(per) -> str:
    """The series step of a period: its calendar year, or its own range when it spans years."""
    if per is None:
        return "unknown"
    lo, hi = per
    if lo.year == hi.year:
        return str(lo.year)
    return f"{lo.isoformat()}..{hi.isoformat()}"


EXHAUSTIVE = 60       # a step with more values is checked against its extremes only


def _step_pairs(group: LedgerGroup, idx: list[int]) -> list[tuple[int, int]]:
    if len(idx) <= EXHAUSTIVE:
        return [(i, j) for n, i in enumerate(idx) for j in idx[n + 1:]]
    ivs = {i: _interval(group.values[i]) for i in idx}
    known = [i for i in idx if ivs[i] is not None]
    if not known:
        return []
    lowest = min(known, key=lambda i: ivs[i][1])        # the lowest estimate (its high end)
    highest = max(known, key=lambda i: ivs[i][0])       # the highest (its low end)
    pairs = {tuple(sorted((i, x))) for i in known for x in (lowest, highest) if i != x}
    return sorted(pairs)


def find_contradictions(group: LedgerGroup, factor: float) -> None:
    """Fill ``group.pairs`` with the value pairs of one period that differ by more than factor."""
    group.pairs = []
    steps: dict[str, list[int]] = {}
    for i, per in enumerate(group.periods):
        if per is not None:
            steps.setdefault(step_label(per), []).append(i)
    for idx in steps.values():
        for i, j in _step_pairs(group, idx):
            if not claimkeys.periods_overlap(group.periods[i], group.periods[j]):
                continue
            ratio = gap_ratio(group.values[i], group.values[j])
            if ratio > factor:
                group.pairs.append((i, j, round(ratio, 2) if math.isfinite(ratio) else ratio))
    group.pairs.sort()


@lru_cache(maxsize=65536)
def _key(quantity: str | None):
    return claimkeys.claim_key(quantity)


@lru_cache(maxsize=65536)
def _named_place(place: str | None):
    """The place key when ``place`` itself names a known place (cached: places repeat), else None."""
    return claimkeys.place_key(place) if claimkeys.known_places(place) else None


def _place(place: str | None, evidence: str | None):
    return _named_place(place) or claimkeys.place_key(place, evidence)


def _claim_rows(conn: sqlite3.Connection) -> list[dict]:
    conn_rows = conn.execute(
        "SELECT claim_id, doc_id, quantity, value_low, value_high, qualifier, place, time,"
        " source_ar, source_en, source_kind, evidence FROM claims ORDER BY doc_id, claim_id")
    names = [d[0] for d in conn_rows.description]
    return [dict(zip(names, row)) for row in conn_rows]


def _sort_key(item: tuple[dict, object]):
    value, per = item
    return (per is None, per[0] if per else None, per[1] if per else None, value["doc_id"])


def _group_order(gkey: str) -> tuple:
    """A key before its sub-keys ("isis_fighters" then "isis_fighters.foreign"), then by place."""
    what, _, where = gkey.partition("@")
    return (what.split("."), where)


def ledger_groups(conn: sqlite3.Connection, factor: float = 1.5, key: str | None = None,
                  contradictions_only: bool = False) -> list[LedgerGroup]:
    """The ledger as LedgerGroup objects (for renderers that show contradicting pairs)."""
    groups: dict[str, LedgerGroup] = {}
    for row in _claim_rows(conn):
        what = _key(row["quantity"])
        if key and not (what.key == key or what.key.startswith(key + ".")):
            continue
        where, place_label = _place(row["place"], row["evidence"])
        gkey = f"{what.key}@{where}"
        group = groups.setdefault(gkey, LedgerGroup(gkey, what.label, place_label))
        value = {f: row[f] for f in VALUE_FIELDS}
        value["value_low"], value["value_high"] = _num(row["value_low"]), _num(row["value_high"])
        group.values.append(value)
        group.periods.append(claimkeys.period(row["time"]))
    out = []
    for gkey in sorted(groups, key=_group_order):
        group = groups[gkey]
        ordered = sorted(zip(group.values, group.periods), key=_sort_key)
        group.values = [v for v, _ in ordered]
        group.periods = [p for _, p in ordered]
        find_contradictions(group, factor)
        if group.contradiction or not contradictions_only:
            out.append(group)
    return out


def ledger(conn: sqlite3.Connection, factor: float = 1.5, key: str | None = None,
           contradictions_only: bool = False) -> list[dict]:
    """Claims grouped by canonical key, each group as the documented JSON object.

    ``key`` keeps only that key and its sub-keys ("isis_fighters" keeps
    "isis_fighters.foreign" too); ``contradictions_only`` keeps flagged groups.
    """
    return [g.to_dict() for g in ledger_groups(conn, factor, key, contradictions_only)]
