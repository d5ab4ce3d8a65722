"""Incidents in the database: incremental update and listing.

``update_incidents(conn)`` is what runs after each extraction:
1. memberships whose event row is gone or changed (re-extraction replaces a
   document's event rows) dissolve their whole incident; its surviving events
   become unassigned again;
2. events in no incident are merged, in date order, with the stored incidents
   that share their dates (only those are loaded) and with each other;
3. touched incidents get their summary (consensus) row rewritten.
"""
from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timezone

from .consensus import COUNT_FIELDS, LOCATION_FIELDS, summarize
from .incidents import EVENT_COLUMNS, Ev, Merger
from .schema import ensure_schema

_COLS = ", ".join("e." + c for c in EVENT_COLUMNS)
_INCIDENT_COLS = ("incident_id", "event_type", "sub_event_type", "date_start", "date_end",
                  *LOCATION_FIELDS, "n_events", "n_docs",
                  *(f"{f}_{s}" for f in COUNT_FIELDS for s in ("min", "max", "median")),
                  "updated_at")


def fingerprint(row) -> str:
    """A digest of the event row as merged; any change of the row changes it."""
    text = "\x1f".join("" if row[c] is None else str(row[c]) for c in EVENT_COLUMNS)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _rows(cursor: sqlite3.Cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor]


def _dissolve_stale(conn: sqlite3.Connection) -> int:
    """Drop incidents with a gone or changed member; returns how many."""
    cur = conn.execute(f"SELECT ie.incident_id AS _inc, ie.fingerprint AS _fp, {_COLS}"
                       " FROM incident_events ie LEFT JOIN events e ON e.event_id = ie.event_id")
    stale = {r["_inc"] for r in _rows(cur) if r["event_id"] is None or fingerprint(r) != r["_fp"]}
    conn.execute("DELETE FROM incidents WHERE incident_id NOT IN"
                 " (SELECT incident_id FROM incident_events)")
    if stale:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _stale(incident_id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM _stale")
        conn.executemany("INSERT INTO _stale VALUES (?)", [(s,) for s in stale])
        conn.execute("DELETE FROM incident_events WHERE incident_id IN (SELECT incident_id FROM _stale)")
        conn.execute("DELETE FROM incidents WHERE incident_id IN (SELECT incident_id FROM _stale)")
    return len(stale)


def _unassigned(conn: sqlite3.Connection) -> list[Ev]:
    cur = conn.execute(f"SELECT {_COLS} FROM events e LEFT JOIN incident_events ie"
                       " ON ie.event_id = e.event_id WHERE ie.event_id IS NULL")
    events = [Ev.from_row(r) for r in _rows(cur)]
    events.sort(key=lambda ev: (ev.start is None, ev.start or 0, ev.end or 0, ev.event_id))
    return events


def _load_context(conn: sqlite3.Connection, merger: Merger, new: list[Ev]) -> None:
    """Stored incidents that have a member on the new events' days, with all members."""
    dated = [ev for ev in new if ev.start is not None]
    if not dated:
        return
    slack = merger.rules.slack
    lo = date.fromordinal(min(ev.start for ev in dated) - slack).isoformat()
    hi = date.fromordinal(max(ev.end for ev in dated) + slack).isoformat()
    cur = conn.execute(
        f"SELECT ie.incident_id AS _inc, {_COLS} FROM incident_events ie"
        " JOIN events e ON e.event_id = ie.event_id WHERE ie.incident_id IN"
        " (SELECT i2.incident_id FROM incident_events i2 JOIN events e2 ON e2.event_id = i2.event_id"
        "  WHERE e2.date_start <= ? AND e2.date_end >= ?) ORDER BY e.date_start, e.event_id", (hi, lo))
    for r in _rows(cur):
        merger.add(r.pop("_inc"), Ev.from_row(r))


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


def update_incidents(conn: sqlite3.Connection) -> dict:
    """Assign every event not yet in an incident; returns counts of what changed."""
    ensure_schema(conn)
    own_tx = not conn.in_transaction
    if own_tx:
        conn.execute("BEGIN")
    try:
        dissolved = _dissolve_stale(conn)
        new = _unassigned(conn)
        merger = Merger()
        _load_context(conn, merger, new)
        assigned, created = [], 0
        for ev in new:
            inc, is_new = merger.assign(ev)
            assigned.append((inc, ev))
            created += is_new
        _write(conn, merger, assigned)
    except BaseException:
        if own_tx:
            conn.rollback()
        raise
    if own_tx:
        conn.commit()
    total = conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
    return {"events_assigned": len(assigned), "incidents_created": created,
            "merged_into_existing_or_new": len(assigned) - created,
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
        out[f] = {"min": row[f + "_min"], "max": row[f + "_max"], "median": med}
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
