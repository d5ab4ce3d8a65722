"""Incidents in the database: incremental update and listing.

``update_incidents(conn)`` is what runs after each extraction. It reads the queue the
triggers on ``events`` fill (``incident_dirty``: events inserted, deleted or updated), so its
cost follows the change, not the size of the store:
1. a queued event with a membership (re-extraction replaces a document's event rows, a
   deletion removes them) dissolves its whole incident; its surviving events are queued again;
2. the queued events are merged (stated dates first, by date; then undated ones;
   on one day copies of other reports after the originals) with the stored incidents that share their days, their
   places or their originals (only those are loaded) and with each other;
3. touched incidents get their summary (consensus) row rewritten.
"""
from __future__ import annotations

import gc
import hashlib
import sqlite3
from datetime import date, datetime, timezone

from .consensus import COUNT_FIELDS, LOCATION_FIELDS, estimate_rule, summarize
from .incidents import EVENT_COLUMNS, FLOAT, Ev, Merger, Rules, assign_all, merge_order
from .schema import ensure_schema

_COLS = ", ".join("e." + c for c in EVENT_COLUMNS)
# the report's publication fields the merge reads (and its original's, for a near-duplicate)
_DOC_COLS = (", d.published AS _pub, d.url AS _url, d.near_dup_of AS _root, r.published AS _rpub,"
             " r.url AS _rurl, CASE WHEN e.date_start IS NULL THEN"
             " COALESCE(d.title, '') || ' ' || substr(d.text, 1, 400) END AS _lead")


def _doc_cols(conn) -> str:
    """``_DOC_COLS`` and the event's date note (``_dnote``: dated through a recovered publication
    date, rule ``pubdate-window``) where the schema has one (SQLite's migration 0004)."""
    names = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    return _DOC_COLS + (", e.date_note AS _dnote" if "date_note" in names else ", NULL AS _dnote")


_DOC_JOIN = " LEFT JOIN documents d ON d.doc_id = e.doc_id LEFT JOIN documents r ON r.doc_id = d.near_dup_of"
_INCIDENT_COLS = ("incident_id", "event_type", "sub_event_type", "date_start", "date_end",
                  *LOCATION_FIELDS, "n_events", "n_docs",
                  *(f"{f}_{s}" for f in COUNT_FIELDS for s in ("min", "max", "median", "best")),
                  "estimate_rule", "counted", "lead_event_id", "updated_at")


def fingerprint(row) -> str:
    """A digest of the event row as merged; any change of the row changes it."""
    text = "\x1f".join("" if row[c] is None else str(row[c]) for c in EVENT_COLUMNS)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _rows(cursor: sqlite3.Cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor]


def _event_n(event_id: str) -> int | None:
    tail = event_id.rpartition(":")[2]
    return int(tail) if tail.isdigit() else None


def _evs(merger: Merger, rows: list[dict]) -> list[tuple[dict, Ev]]:
    out = []
    for r in rows:
        r["_n"] = _event_n(r["event_id"])
        out.append((r, merger.ev(r)))
    return out


def _stale_incidents(conn: sqlite3.Connection, verify: bool) -> set[str]:
    """Incidents with a member queued (deleted, updated or inserted again); with ``verify`` also
    those with a member gone or changed behind the triggers' back (full scans)."""
    stale = {r[0] for r in conn.execute(
        "SELECT DISTINCT ie.incident_id FROM incident_events ie"
        " WHERE ie.event_id IN (SELECT event_id FROM incident_dirty)")}   # IN: SQLite walks the queue
    if verify:
        stale.update(r[0] for r in conn.execute(
            "SELECT DISTINCT ie.incident_id FROM incident_events ie LEFT JOIN events e ON e.event_id = ie.event_id"
            " WHERE e.event_id IS NULL"))
        cur = conn.execute(f"SELECT ie.incident_id AS _inc, ie.fingerprint AS _fp, {_COLS}"
                           " FROM incident_events ie JOIN events e ON e.event_id = ie.event_id")
        stale.update(r["_inc"] for r in _rows(cur) if fingerprint(r) != r["_fp"])
    return stale


def _dissolve_stale(conn: sqlite3.Connection, verify: bool = False) -> int:
    """Drop incidents with a queued (or, verifying, a gone or changed) member; their surviving
    events join the queue. Returns how many were dropped. Reads the queue and what it touches:
    the full scans (orphans, events in no incident that no trigger queued) are the audit's."""
    stale = _stale_incidents(conn, verify)
    if verify:
        conn.execute("DELETE FROM incidents WHERE NOT EXISTS (SELECT 1 FROM incident_events e"
                     " WHERE e.incident_id = incidents.incident_id)")   # NOT IN is quadratic on PostgreSQL at 1M
        conn.execute("INSERT OR IGNORE INTO incident_dirty(event_id) SELECT e.event_id FROM events e"
                     " WHERE NOT EXISTS (SELECT 1 FROM incident_events ie WHERE ie.event_id = e.event_id)")
    if stale:
        _temp_ids(conn, "_stale", stale)
        conn.execute("INSERT OR IGNORE INTO incident_dirty(event_id) SELECT ie.event_id FROM incident_events ie"
                     " WHERE ie.incident_id IN (SELECT incident_id FROM _stale)"
                     " AND EXISTS (SELECT 1 FROM events e WHERE e.event_id = ie.event_id)")
        conn.execute("DELETE FROM incident_events WHERE incident_id IN (SELECT incident_id FROM _stale)")
        conn.execute("DELETE FROM incidents WHERE incident_id IN (SELECT incident_id FROM _stale)")
    # deleted events leave the queue once their incident is gone
    conn.execute("DELETE FROM incident_dirty WHERE NOT EXISTS"
                 " (SELECT 1 FROM events e WHERE e.event_id = incident_dirty.event_id)")
    return len(stale)


def _temp_ids(conn: sqlite3.Connection, name: str, ids) -> None:
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}(incident_id TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM {name}")
    conn.executemany(f"INSERT OR IGNORE INTO {name} VALUES (?)", [(i,) for i in ids])


CHUNK = 50_000       # events merged per pass: memory stays bounded however many are new


def _unassigned_ids(conn: sqlite3.Connection) -> list[str]:
    """The queued events (after _dissolve_stale: all of them in no incident), in merge order:
    dated (by date) before undated, and on one date originals before copies. A copy carries its
    original's date, so it is merged in the pass of its original's days: with all copies in the
    last pass, that pass's days were every day of the store, and it loaded every incident."""
    # an undated event with a publication date sorts by it; one with no time at all goes last,
    # by place, so that each pass loads the stored incidents of few places
    return [r[0] for r in conn.execute(
        "SELECT e.event_id FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id"
        " LEFT JOIN documents r ON r.doc_id = d.near_dup_of"
        " WHERE e.event_id IN (SELECT event_id FROM incident_dirty) AND NOT EXISTS (SELECT 1 FROM incident_events ie WHERE ie.event_id = e.event_id)"
        " ORDER BY (COALESCE(e.date_start, d.published, r.published) IS NULL),"
        " COALESCE(e.date_start, d.published, r.published), (d.near_dup_of IS NOT NULL), e.name_ar, e.event_id")]


def _load_events(conn: sqlite3.Connection, merger: Merger, ids: list[str]) -> list[Ev]:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _chunk(event_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM _chunk")
    conn.executemany("INSERT OR IGNORE INTO _chunk VALUES (?)", [(i,) for i in ids])
    cur = conn.execute(f"SELECT {_COLS}{_doc_cols(conn)} FROM _chunk c JOIN events e ON e.event_id = c.event_id"
                       f"{_DOC_JOIN}")
    events = [ev for _r, ev in _evs(merger, _rows(cur))]
    events.sort(key=merge_order)
    return events


def _ranges(merger: Merger, new: list[Ev]) -> list[tuple[int, int]]:
    """The new events' day ranges (with slack), overlapping ones joined."""
    slack = merger.rules.slack
    spans = sorted((ev.start - slack, ev.end + slack) for ev in new if ev.start is not None)
    out: list[list[int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _context_ids(conn: sqlite3.Connection, merger: Merger, new: list[Ev]) -> set[str]:
    """Stored incidents the new events may join: a member on their days, at the place of an
    undated one, an undated member at the place of a dated one, or an event of the report a
    copy copies.

    Merged members span at most ``max_span`` days, so a range scan on date_start finds them.
    """
    iso = lambda d: date.fromordinal(d).isoformat()  # noqa: E731
    span = merger.rules.max_span
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _new_days(lo TEXT, lo_scan TEXT, hi TEXT)")
    conn.execute("DELETE FROM _new_days")
    conn.executemany("INSERT INTO _new_days VALUES (?, ?, ?)",
                     [(iso(lo), iso(lo - span), iso(hi)) for lo, hi in _ranges(merger, new)])
    ids = {r[0] for r in conn.execute(
        "SELECT DISTINCT ie.incident_id FROM _new_days r"
        " JOIN events e ON e.date_start BETWEEN r.lo_scan AND r.hi AND e.date_end >= r.lo"
        " JOIN incident_events ie ON ie.event_id = e.event_id")}
    # a timeless event may tell an incident of any time at its place; an event with a publication
    # window is found on its days like a dated one (the day scan), and both find timeless ones
    # by place name and sub-event type (rule timeless-kind-blocking): at most ``cap`` incidents
    # a name, of the kinds the new events there may share an incident with
    rules = merger.rules
    cap = rules.cap
    kinds: dict[str, set] = {}
    dated_kinds: dict[str, set] = {}
    for ev in new:
        name = ev.row.get("name_ar")
        if name:
            (kinds if ev.when == FLOAT else dated_kinds).setdefault(name, set()).update(
                rules.kin(ev.row.get("sub_event_type")))
    roots = {ev.root for ev in new if ev.root}
    for name in sorted(kinds):
        where, params = _kinds_clause(kinds[name])
        ids.update(r[0] for r in conn.execute(
            "SELECT ie.incident_id FROM events e JOIN incident_events ie ON ie.event_id = e.event_id"
            f" WHERE e.name_ar = ? AND {where} ORDER BY e.date_start DESC LIMIT ?", (name, *params, cap)))
    # a dated report may tell what stored timeless reports at its place told
    for name in sorted(set(dated_kinds) - set(kinds)):
        where, params = _kinds_clause(dated_kinds[name])
        ids.update(r[0] for r in conn.execute(
            "SELECT ie.incident_id FROM events e JOIN incident_events ie ON ie.event_id = e.event_id"
            f" WHERE e.name_ar = ? AND {where} AND e.date_start IS NULL LIMIT ?", (name, *params, cap)))
    for root in sorted(roots):
        ids.update(r[0] for r in conn.execute(
            "SELECT ie.incident_id FROM events e JOIN incident_events ie ON ie.event_id = e.event_id"
            " WHERE e.doc_id = ?", (root,)))
    return ids


def _kinds_clause(kinds: set) -> tuple[str, list]:
    """SQL condition and parameters: the event's sub-event type is one of ``kinds`` (None: unknown)."""
    known = sorted(k for k in kinds if k is not None)
    parts = [f"e.sub_event_type IN ({', '.join('?' * len(known))})"] if known else []
    if None in kinds:
        parts.append("e.sub_event_type IS NULL")
    return "(" + " OR ".join(parts) + ")", known


def _load_context(conn: sqlite3.Connection, merger: Merger, new: list[Ev]) -> None:
    """The stored incidents the new events may join, loaded with all their members."""
    ids = _context_ids(conn, merger, new)
    if not ids:
        return
    _temp_ids(conn, "_context", ids)
    # IN, not a join to _context: with the ORDER BY, SQLite would walk every event in date order
    cur = conn.execute(
        f"SELECT ie.incident_id AS _inc, {_COLS}{_doc_cols(conn)} FROM incident_events ie"
        f" JOIN events e ON e.event_id = ie.event_id{_DOC_JOIN}"
        " WHERE ie.incident_id IN (SELECT incident_id FROM _context) ORDER BY e.date_start, e.event_id")
    for r, ev in _evs(merger, _rows(cur)):
        merger.add(r.pop("_inc"), ev)


def _write(conn: sqlite3.Connection, merger: Merger, assigned: list[tuple[str, Ev]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO incident_events(event_id, incident_id, fingerprint)"
                     " VALUES (?, ?, ?)", [(ev.event_id, inc, fingerprint(ev.row)) for inc, ev in assigned])
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    touched = sorted({inc for inc, _ in assigned})
    rows = []
    for inc in touched:
        summary = summarize(inc, merger.incidents[inc].members)
        summary["updated_at"] = now
        rows.append(tuple(summary[c] for c in _INCIDENT_COLS))
    marks = ", ".join("?" * len(_INCIDENT_COLS))
    conn.executemany(f"INSERT OR REPLACE INTO incidents({', '.join(_INCIDENT_COLS)}) VALUES ({marks})", rows)


CACHE_KIB = 131_072     # SQLite's page cache during an update (its default, 2 MiB, re-reads the stored
                        # incidents' pages from the OS at every pass once they outgrow it)


def _bigger_cache(conn: sqlite3.Connection) -> int | None:
    """Raise SQLite's page cache for the update; returns the setting to restore (None: not SQLite)."""
    row = conn.execute("PRAGMA cache_size").fetchone()
    if row is None:
        return None
    conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    return row[0]


def update_incidents(conn: sqlite3.Connection, verify: bool = False, progress=None) -> dict:
    """Assign every queued event (inserted, or left by a dissolved incident) to an incident;
    returns counts of what changed.

    The work is proportional to the queue (migration 0002's ``incident_dirty``, filled by
    triggers on ``events``) and to the stored incidents it touches. ``verify`` also re-checks
    every membership against its event row's fingerprint and queues any event in no incident
    (full scans), catching rows changed behind the triggers' back. Each pass of ``CHUNK`` events
    is committed with its removal from the queue (when this call opened the transaction), so a
    run stopped between passes resumes where it stopped and ends as an uninterrupted one.
    ``progress(done, total)`` is called after each pass (the benchmark's per-pass timings); an
    exception it raises stops the update after that pass's commit.
    """
    ensure_schema(conn)
    cache = _bigger_cache(conn)
    own_tx = not conn.in_transaction
    if own_tx:
        conn.execute("BEGIN")
    gc_was_on = gc.isenabled()
    gc.disable()            # millions of small acyclic objects: the cycle collector only costs time
    try:
        dissolved = _dissolve_stale(conn, verify)
        ids = _unassigned_ids(conn)
        rules = Rules.load()
        n_assigned = created = 0
        for k in range(0, len(ids), CHUNK):
            if own_tx and not conn.in_transaction:
                conn.execute("BEGIN")
            merger = Merger(rules)
            new = _load_events(conn, merger, ids[k:k + CHUNK])
            _load_context(conn, merger, new)
            assigned = []
            for inc, ev, is_new in assign_all(merger, new):
                assigned.append((inc, ev))
                created += is_new
            _write(conn, merger, assigned)
            conn.execute("DELETE FROM incident_dirty WHERE event_id IN (SELECT event_id FROM _chunk)")
            n_assigned += len(assigned)
            if own_tx:
                conn.commit()
            if progress is not None:
                progress(n_assigned, len(ids))
    except BaseException:
        if own_tx and conn.in_transaction:
            conn.rollback()
        raise
    finally:
        if gc_was_on:
            gc.enable()
        if cache is not None:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
    if own_tx and conn.in_transaction:
        conn.commit()
    total = conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
    return {"events_assigned": n_assigned, "incidents_created": created,
            "merged_into_existing_or_new": n_assigned - created,
            "incidents_dissolved": dissolved, "incidents_total": total}


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def _members(conn: sqlite3.Connection, ids: set[str] | None) -> dict[str, list[dict]]:
    docs = _has_table(conn, "documents")
    extra = ", d.source AS source, d.published AS published" if docs else ", NULL AS source, NULL AS published"
    join = " LEFT JOIN documents d ON d.doc_id = e.doc_id" if docs else ""
    cur = conn.execute(f"SELECT ie.incident_id AS _inc, {_COLS}{extra} FROM incident_events ie"
                       f" JOIN events e ON e.event_id = ie.event_id{join}"
                       " ORDER BY e.date_start, e.doc_id, e.event_id")
    out: dict[str, list[dict]] = {}
    keep = ("event_id", "doc_id", "source", "published", "event_type", "sub_event_type", "date_start",
            "date_end", "actor1", "actor2", "name_ar", "name_en", *COUNT_FIELDS, "evidence")
    for r in _rows(cur):
        if ids is None or r["_inc"] in ids:
            out.setdefault(r["_inc"], []).append({k: r[k] for k in keep})
    return out


def _incident_dict(row: dict, events: list[dict]) -> dict:
    doc_ids = list(dict.fromkeys(e["doc_id"] for e in events))
    out = {k: row[k] for k in ("incident_id", "event_type", "sub_event_type", "date_start", "date_end")}
    out["location"] = {k: row[k] for k in LOCATION_FIELDS}
    out["doc_ids"] = doc_ids
    for f in COUNT_FIELDS:
        med = row[f + "_median"]
        if isinstance(med, float) and med.is_integer():
            med = int(med)
        out[f] = {"min": row[f + "_min"], "max": row[f + "_max"], "median": med, "best": row[f + "_best"]}
    rule, why = estimate_rule()
    out["estimate"] = {"rule": row["estimate_rule"] or rule, "why": why}
    out["counted"] = bool(row["counted"])
    out["events"] = events
    return out


def list_incidents(conn: sqlite3.Connection, min_reports: int = 1, limit: int | None = None) -> list[dict]:
    """Stored incidents (dated first, by date), each with its reports' events.

    ``min_reports`` keeps incidents told by at least that many documents.
    """
    ensure_schema(conn)
    sql = f"SELECT {', '.join(_INCIDENT_COLS)} FROM incidents WHERE n_docs >= ?" \
          " ORDER BY date_start IS NULL, date_start, incident_id"
    params: list = [min_reports]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = _rows(conn.execute(sql, params))
    members = _members(conn, {r["incident_id"] for r in rows} if limit is not None else None)
    return [_incident_dict(r, members.get(r["incident_id"], [])) for r in rows]
