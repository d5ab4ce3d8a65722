"""Query filters shared by the API endpoints, validated once (errors become 422)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
SUB_EVENT_TYPES = frozenset(s for subs in EVENT_TYPES.values() for s in subs)
MAX_LIMIT = 1000


class QueryError(ValueError):
    """A bad query parameter: the API answers 422 with this message."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    actor: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    limit: int = 100
    offset: int = 0
    sort: str | None = None
    since: dt.datetime | None = None     # only what was ingested at or after this time (UTC if naive)
    undated: bool = False                # only events without a date (the timeline's undated bucket)

    @property
    def since_stamp(self) -> str | None:
        """`since` in the form documents.ingested_at is stored in (ISO, UTC, seconds)."""
        if self.since is None:
            return None
        when = self.since if self.since.tzinfo else self.since.replace(tzinfo=dt.timezone.utc)
        return when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")

    def validate(self) -> "Filters":
        bad = [t for t in self.event_type if t not in EVENT_TYPES]
        if bad:
            raise QueryError("event_type", f"unknown event type {bad[0]!r}; one of {sorted(EVENT_TYPES)}")
        bad = [t for t in self.sub_event_type if t not in SUB_EVENT_TYPES]
        if bad:
            raise QueryError("sub_event_type", f"unknown sub-event type {bad[0]!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("date_from", "date_from is after date_to")
        if not 1 <= self.limit <= MAX_LIMIT * 50:
            raise QueryError("limit", "out of range")
        if self.offset < 0:
            raise QueryError("offset", "must be >= 0")
        return self


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees (WGS84)."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise QueryError("bbox", "expected four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise QueryError("bbox", "expected four numbers: west,south,east,north") from None
    if not all(abs(v) <= 180 for v in (west, east)) or not all(abs(v) <= 90 for v in (south, north)):
        raise QueryError("bbox", "longitudes must be within ±180 and latitudes within ±90")
    if west > east or south > north:
        raise QueryError("bbox", "west must be <= east and south <= north")
    return west, south, east, north


def sort_key(value: str | None, allowed: dict[str, str], default: str) -> tuple[str, bool]:
    """'field' or '-field' (descending) -> (column, descending)."""
    value = value or default
    desc = value.startswith("-")
    name = value.lstrip("-")
    if name not in allowed:
        raise QueryError("sort", f"unknown sort field {name!r}; one of {sorted(allowed)} (prefix - for descending)")
    return allowed[name], desc


def parse_sort(value: str | None, allowed: dict[str, str], default: str) -> str:
    """'field' or '-field' (descending) -> an ORDER BY clause; NULLs sort last. Spelled
    `NULLS LAST` (not `col IS NULL, col`) so that an index on the column serves the order
    (migration 0005's sort indexes)."""
    col, desc = sort_key(value, allowed, default)
    return f"{col} {'DESC' if desc else 'ASC'} NULLS LAST"
