"""The map's cells counted ahead (migration 0011): what /api/events/grid reads instead of every
located event.

When more located events match the dashboard's filter than the map layer draws one by one
(5,000), the map shows every matching event counted in cells of `cell` degrees. Grouping the
events themselves is a scan of every located event per request (a million events: ~1 s of server
time, and again at each zoom). `event_cells` keeps them counted in cells of BASE degrees
(90/1024, the dashboard's cell at zoom 9) by (undated, event type, sub-type, governorate, actor1,
actor2), exact at every write (its triggers); a cell of BASE * 2^k degrees -- the dashboard's
sizes at zooms 3..9 -- is the union of 2^k x 2^k of them, floor(floor(y) / 2^k) being
floor(y / 2^k), so its counts, fatalities and mean position are sums over a few thousand rows.

It answers the filters event type, sub-type, actor, governorate and `undated`; a date range,
text search, the map's box or `since` -- or any other cell size -- read the events
(marsad.web.views.events_grid). A database from before migration 0011, or after a bulk load
(whose transaction skips the triggers), has no 'cells' row in summary_state: the summary's next
refresh counts every event once (`build`), `serve`'s background catch-up among it.
"""
from __future__ import annotations

import math

from marsad.store.ledger import has_table
from marsad.store.summary import key_conditions

BASE = 90 / 1024          # degrees; exact in binary, so y / (BASE * 2^k) is (y / BASE) / 2^k exactly
LEVELS = 7                # cells of BASE * 2^k for k in 0..6 (up to 5.625 degrees)
_KEYS = ("event_type", "sub_event_type", "admin1", "actor1", "actor2")


def _pg(conn) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def floor_sql(conn, expr: str) -> str:
    """floor(expr) as an integer, on either store (SQLite's floor() is an optional build feature)."""
    if _pg(conn):
        return f"floor({expr})::bigint"
    return f"(CAST({expr} AS INTEGER) - ({expr} < CAST({expr} AS INTEGER)))"


def level(cell: float) -> int | None:
    """k when `cell` is BASE * 2^k (0 <= k < LEVELS), else None."""
    k = math.log2(cell / BASE)
    return int(round(k)) if abs(k - round(k)) < 1e-9 and 0 <= round(k) < LEVELS else None


def built(conn) -> bool:
    if not has_table(conn, "event_cells"):
        return False
    return conn.execute("SELECT 1 FROM summary_state WHERE name = 'cells'").fetchone() is not None


def build(conn) -> bool:
    """Count every located event into event_cells (when the table exists and is not built yet),
    in one transaction with writers of events held off; returns whether it counted."""
    if not has_table(conn, "event_cells") or built(conn):
        return False
    lat, lon = (floor_sql(conn, f"e.{c} / {BASE!r}") for c in ("lat", "lon"))
    keys = ", ".join(f"coalesce(e.{k}, '')" for k in _KEYS)
    with conn:
        if _pg(conn):
            conn.execute("LOCK TABLE events IN SHARE MODE")
        elif conn.isolation_level is None:
            conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM event_cells")
        conn.execute("INSERT INTO event_cells(gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2, "
                     "n, fatalities, lat_sum, lon_sum) "
                     f"SELECT {lat}, {lon}, CASE WHEN e.date_start IS NULL THEN 1 ELSE 0 END, {keys}, count(*), "
                     "sum(coalesce(e.fatalities, 0)), sum(e.lat), sum(e.lon) FROM events e "
                     "WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8")
        conn.execute("DELETE FROM summary_state WHERE name = 'cells'")
        conn.execute("INSERT INTO summary_state(name, value) VALUES ('cells', '1')")
    return True


def answers(f, cell: float) -> bool:
    """Whether event_cells answers the grid of filter `f` at `cell` degrees (see the docstring)."""
    return (level(cell) is not None and not (f.date_from or f.date_to or f.q or f.bbox)
            and getattr(f, "since", None) is None)


def _div(col: str, k: int) -> str:
    """floor(col / 2^k) for an integer column: an arithmetic shift on both stores (-7 >> 1 is -4)."""
    return col if k == 0 else f"({col} >> {k})"


def grid_rows(conn, f, cell: float) -> list[tuple]:
    """(cell y, cell x, event type, events, sum of lat, sum of lon, fatalities) per cell and type,
    from event_cells; the caller checked answers(f, cell) and built(conn)."""
    k = level(cell) or 0
    conds, params = ["s.n > 0"], list[object]()
    key_conditions(f, conds, params)
    if f.admin1:
        conds.append("lower(s.admin1) = lower(?)")
        params.append(f.admin1)
    if getattr(f, "undated", False):
        conds.append("s.undated = 1")
    gy, gx = _div("s.gy", k), _div("s.gx", k)
    return conn.execute(f"SELECT {gy}, {gx}, CASE WHEN s.event_type = '' THEN NULL ELSE s.event_type END, "
                        "sum(s.n), sum(s.lat_sum), sum(s.lon_sum), sum(s.fatalities) FROM event_cells s "
                        f"WHERE {' AND '.join(conds)} GROUP BY 1, 2, 3", params).fetchall()
