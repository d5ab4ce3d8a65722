"""What an incident says when its reports disagree: one summary row per incident."""
from __future__ import annotations

import math
import statistics
from collections import Counter
from datetime import date
from functools import lru_cache

from . import vocab
from .incidents import HARD, Ev

COUNT_FIELDS = ("fatalities", "injured", "arrested")
LOCATION_FIELDS = ("name_ar", "name_en", "country", "admin1", "lat", "lon", "geo_precision")


def figure_range(values: list) -> dict:
    """{"min", "max", "median"} over the reports that state a figure (nulls skipped)."""
    stated = [v for v in values if v is not None]
    if not stated:
        return {"min": None, "max": None, "median": None}
    med = statistics.median(stated)
    if isinstance(med, float) and med.is_integer():
        med = int(med)
    return {"min": min(stated), "max": max(stated), "median": med}


def _dates(members: list[Ev]) -> tuple[str | None, str | None]:
    dated = [m for m in members if m.when == HARD and m.start is not None]
    if not dated:
        return None, None
    lo, hi = max(m.start for m in dated), min(m.end for m in dated)
    if lo > hi:          # no common day: the union of what the reports say
        lo, hi = min(m.start for m in dated), max(m.end for m in dated)
    return date.fromordinal(lo).isoformat(), date.fromordinal(hi).isoformat()


def _location(members: list[Ev]) -> dict:
    """The most precise place; among equals, the name most reports use, then the first."""
    names = Counter(m.name for m in members)
    best = min(members, key=lambda m: (m.precision, -names[m.name], members.index(m)))
    return {f: best.row.get(f) for f in LOCATION_FIELDS}


def _type(members: list[Ev]) -> tuple[str | None, str | None]:
    votes = Counter((m.row.get("event_type"), m.row.get("sub_event_type")) for m in members)
    top = max(votes.values())
    for m in members:                        # ties go to the earliest report
        pair = (m.row.get("event_type"), m.row.get("sub_event_type"))
        if votes[pair] == top:
            return pair
    return (None, None)


@lru_cache(maxsize=1)
def estimate_rule() -> tuple[str, str]:
    """(rule id, what it keeps and why) of the best estimate, from incident_rules.json."""
    raw = vocab.incident_rules()
    rule = raw.get("best_estimate", "min")
    return rule, raw["best_estimate_rules"][rule]


def best_estimate(rng: dict, rule: str) -> int | float | None:
    """The figure an incident counts: by default the lowest any report states (ACLED)."""
    value = rng.get(rule)
    if isinstance(value, float):
        value = int(math.floor(value)) if rule == "median" else value
    return value


def _lead(members: list[Ev]) -> Ev:
    """The event that stands for the incident in per-event views: an original report's,
    the most precisely placed, the earliest."""
    return min(members, key=lambda m: (m.root is not None, m.precision, m.start is None, m.event_id))


def summarize(incident_id: str, members: list[Ev]) -> dict:
    """The incidents-table row for one incident."""
    event_type, sub = _type(members)
    start, end = _dates(members)
    rule, _why = estimate_rule()
    row = {"incident_id": incident_id, "event_type": event_type, "sub_event_type": sub,
           "date_start": start, "date_end": end, **_location(members),
           "n_events": len(members), "n_docs": len({m.doc_id for m in members}),
           "estimate_rule": rule, "lead_event_id": _lead(members).event_id,
           # a near-copy of another report adds no event: an incident only copies tell is not counted
           "counted": int(any(m.root is None for m in members))}
    for f in COUNT_FIELDS:
        rng = figure_range([m.row.get(f) for m in members])
        row[f + "_min"], row[f + "_max"], row[f + "_median"] = rng["min"], rng["max"], rng["median"]
        row[f + "_best"] = best_estimate(rng, rule)
    return row
