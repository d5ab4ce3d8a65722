"""A text search's aggregates, counted once per state of the events (migration 0013's search_cache).

The events summary (marsad.store.summary) answers every dashboard filter but a text search: with
`q`, /api/stats, /api/totals, /api/trends, /api/events/grid, the map layer's count and the pages
of /api/events and /api/incidents/page (by offset) read every matching event, a cost that grows with the matches (1M events on
PostgreSQL, ~10 us per matching event: a word in 2% of the reports ~200 ms a panel, a word in
30% seconds). The answer only changes when the events do, so it is kept: `cached(conn, name, f,
compute)` returns the stored answer when one was counted at the summary's current generation,
else computes it and stores it.

The stamp is summary_state's 'generation' (marsad.store.summary.bump): every write to the events,
their incidents or their members queues its week (the summary's triggers), the refresh that
redoes the queue bumps the generation in the same transaction (so do the triggers of migration
0013 on an edited report and on claims), and an answer is only served
while the summary is current (nothing queued) at the generation it was stamped with -- so the
events it counted are the events there are. On SQLite the search index must be current too
(search_queue empty). When either is not (a large queue, a read-only file), the answer is
computed and not stored. A miss stores its answer (a write from a read request: on SQLite with
a short busy timeout, so a writer holding the file costs a request ~50 ms, not 5 s) and deletes
the answers of older generations and all but the newest MAX_ROWS.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from typing import Callable, TypeVar

import orjson

ENABLED = True        # False: compute every answer (the benchmark's uncached figures, tests' reference)
MAX_ROWS = 500        # answers kept at most (the newest); a common word's stats are ~50-100 KB of JSON
STORE_BUSY_MS = 50    # SQLite: how long a miss waits for a writer before giving up on storing its answer
T = TypeVar("T")


def _pg(conn) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def key(name: str, f, *extra) -> str:
    """The answer's key: the panel's name, every filter but paging and order (the search folded,
    as the index reads it), and `extra` (e.g. the grid's cell)."""
    from marsad.web.search import fold

    fields = {k: v for k, v in dataclasses.asdict(f).items() if k not in ("limit", "offset", "sort")}
    fields["q"] = " ".join(fold(f.q or "").split())
    text = orjson.dumps([name, fields, list(extra)], default=_plain, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(text).hexdigest()


def _plain(value):
    from decimal import Decimal

    if isinstance(value, Decimal):      # PostgreSQL's sum of a BIGINT; as FastAPI's encoder gives it
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(type(value).__name__)


def stamp(conn) -> str | None:
    """The generation an answer counted now belongs to; None when no answer may be kept or served
    (no cache table, the summary not current, SQLite's search index behind)."""
    from marsad.store import summary
    from marsad.store.ledger import has_table

    if not has_table(conn, "search_cache") or not summary.current(conn):
        return None
    if not _pg(conn):
        from marsad.web.search import has_index

        if has_index(conn) and conn.execute("SELECT 1 FROM search_queue LIMIT 1").fetchone():
            return None
    return summary.generation(conn)


def cached(conn, name: str, f, compute: Callable[[], T], *extra) -> T:
    """compute()'s answer for `f` (a text search), from search_cache when it was counted at the
    current generation (see the module docstring); any other filter is computed as it is."""
    if not ENABLED or not f.q:
        return compute()
    from marsad.store.ledger import rollback_failed

    try:
        now = stamp(conn)
        k = key(name, f, *extra)
        row = conn.execute("SELECT stamp, body FROM search_cache WHERE key = ?", (k,)).fetchone() if now else None
    except sqlite3.Error:        # PostgreSQL's errors are sqlite3's here too
        rollback_failed(conn)
        return compute()
    if row is not None and row[0] == now:
        return orjson.loads(row[1])
    value = compute()
    if now is not None:
        _store(conn, k, now, orjson.dumps(value, default=_plain, option=orjson.OPT_NON_STR_KEYS).decode())
    return value


def _store(conn, k: str, now: str, body: str) -> None:
    from marsad.store.ledger import rollback_failed

    made = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
    busy = None
    try:
        if not _pg(conn):
            busy = conn.execute("PRAGMA busy_timeout").fetchone()[0]
            conn.execute(f"PRAGMA busy_timeout = {STORE_BUSY_MS}")
        with conn:
            if not _pg(conn) and conn.isolation_level is None and not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO search_cache(key, stamp, body, made_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET stamp = excluded.stamp, body = excluded.body, "
                         "made_at = excluded.made_at", (k, now, body, made))
            conn.execute("DELETE FROM search_cache WHERE stamp <> ?", (now,))
            conn.execute("DELETE FROM search_cache WHERE made_at < (SELECT made_at FROM search_cache "
                         "ORDER BY made_at DESC LIMIT 1 OFFSET ?)", (MAX_ROWS - 1,))
    except sqlite3.Error:        # read-only, busy: the answer is given, not kept
        rollback_failed(conn)
    finally:
        if busy is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(busy)}")
