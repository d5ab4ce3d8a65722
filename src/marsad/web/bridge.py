"""Incidents and the claims ledger, from marsad.analysis when it is installed.

marsad.analysis (issue 6) owns both; this module only adapts its output to plain dicts
and filters it. Without marsad.analysis, incidents are empty and the ledger is a simple
private grouping by the claim's quantity (same output shape, `"basis": "fallback"`).
"""
from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import sqlite3
import statistics

from marsad.web.filters import Filters

log = logging.getLogger(__name__)


def _plain(obj):
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _plain(dataclasses.asdict(obj))
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, sqlite3.Row):
        return {k: obj[k] for k in obj.keys()}
    return obj


def _function(name: str):
    """marsad.analysis.<name> if it is importable (it may be absent or only partly written)."""
    try:
        analysis = importlib.import_module("marsad.analysis")
        fn = getattr(analysis, name, None)
    except (ImportError, AttributeError) as exc:
        log.debug("marsad.analysis.%s unavailable: %s", name, exc)
        return None
    return fn if callable(fn) else None


def update_incidents(conn: sqlite3.Connection) -> bool:
    """Run marsad.analysis.update_incidents if present; True when it ran."""
    fn = _function("update_incidents")
    if fn is None:
        return False
    fn(conn)
    conn.commit()
    return True


def _stored_incidents(conn: sqlite3.Connection) -> list[dict]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'incidents'").fetchone():
        return []
    rows = [dict(r) if isinstance(r, sqlite3.Row) else r for r in conn.execute("SELECT * FROM incidents")]
    for row in rows:
        for k, v in list(row.items()):
            if isinstance(v, str) and v[:1] in "[{" and (k.endswith("_json") or k in ("location", "doc_ids", "events", "fatalities", "injured", "arrested")):
                try:
                    row[k.removesuffix("_json")] = json.loads(v)
                except json.JSONDecodeError:
                    pass
    return rows


def all_incidents(conn: sqlite3.Connection) -> list[dict]:
    fn = _function("list_incidents")
    if fn is not None:
        return [_plain(x) for x in fn(conn)]
    return _stored_incidents(conn)


def _loc(inc: dict) -> dict:
    loc = inc.get("location")
    return loc if isinstance(loc, dict) else {k: inc.get(k) for k in ("admin1", "lat", "lon", "name_ar", "name_en")}


def incident_matches(inc: dict, f: Filters, doc_ids: set[str] | None) -> bool:
    loc = _loc(inc)
    checks = [
        not f.event_type or inc.get("event_type") in f.event_type,
        not f.sub_event_type or inc.get("sub_event_type") in f.sub_event_type,
        not f.admin1 or (loc.get("admin1") or "").lower() == f.admin1.lower(),
        not f.date_from or (inc.get("date_end") or "") >= f.date_from.isoformat(),
        not f.date_to or ("" < (inc.get("date_start") or "") <= f.date_to.isoformat()),
        not f.actor or f.actor in {inc.get("actor1"), inc.get("actor2")} | {
            a for e in inc.get("events") or [] if isinstance(e, dict) for a in (e.get("actor1"), e.get("actor2"))},
        doc_ids is None or bool(doc_ids & set(inc.get("doc_ids") or [])),
    ]
    if f.bbox:
        lat, lon = loc.get("lat"), loc.get("lon")
        checks.append(lat is not None and lon is not None and f.bbox[0] <= lon <= f.bbox[2]
                      and f.bbox[1] <= lat <= f.bbox[3])
    return all(checks)


def _has(conn: sqlite3.Connection, *tables: str) -> bool:
    marks = ",".join("?" * len(tables))
    n = conn.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({marks})", tables).fetchone()[0]
    return n == len(tables)


def count_incidents(conn: sqlite3.Connection) -> int:
    if _has(conn, "incidents"):
        return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    return len(all_incidents(conn))


def incidents_for_docs(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    """The incidents one document's events belong to, each with incident_id, doc_ids, event_ids and
    the consensus counts; read straight from migration 0002's tables (indexed), no full load."""
    if not _has(conn, "incidents", "incident_events"):
        return [i for i in all_incidents(conn) if doc_id in (i.get("doc_ids") or [])]
    ids = [r[0] for r in conn.execute(
        "SELECT DISTINCT ie.incident_id FROM incident_events ie JOIN events e ON e.event_id = ie.event_id "
        "WHERE e.doc_id = ?", (doc_id,))]
    out = []
    for inc_id in ids:
        row = conn.execute("SELECT * FROM incidents WHERE incident_id = ?", (inc_id,)).fetchone()
        members = conn.execute("SELECT e.event_id, e.doc_id FROM incident_events ie JOIN events e "
                               "ON e.event_id = ie.event_id WHERE ie.incident_id = ?", (inc_id,)).fetchall()
        inc = {k: row[k] for k in row.keys()} if row else {"incident_id": inc_id}
        inc["event_ids"] = [m[0] for m in members]
        inc["doc_ids"] = sorted({m[1] for m in members})
        for field in ("fatalities", "injured", "arrested"):
            inc[field] = {k: inc.pop(f"{field}_{k}", None) for k in ("min", "max", "median")}
        out.append(inc)
    return out


def ledger(conn: sqlite3.Connection, factor: float) -> tuple[list[dict], str]:
    fn = _function("ledger")
    if fn is not None:
        return [_plain(g) for g in fn(conn, factor)], "marsad.analysis"
    return fallback_ledger(conn, factor), "fallback"


def fallback_ledger(conn: sqlite3.Connection, factor: float) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for r in conn.execute("SELECT * FROM claims ORDER BY time, claim_id"):
        v = {k: r[k] for k in ("claim_id", "doc_id", "value_low", "value_high", "qualifier", "source_ar",
                               "source_en", "source_kind", "time", "evidence", "quantity", "place")}
        groups.setdefault((r["quantity"] or "").strip().lower(), []).append(v)
    out = []
    for key, values in groups.items():
        lows = [v["value_low"] for v in values if v["value_low"] is not None]
        highs = [v["value_high"] if v["value_high"] is not None else v["value_low"] for v in values]
        highs = [h for h in highs if h is not None]
        lo, hi = (min(lows), max(highs)) if lows and highs else (None, None)
        ratio = hi / lo if lo and hi else None
        out.append({"key": key, "quantity": values[0]["quantity"], "place": values[0]["place"],
                    "period": None, "values": values,
                    "spread": {"min": lo, "max": hi, "ratio": ratio,
                               "median": statistics.median(lows) if lows else None},
                    "contradiction": bool(len(values) > 1 and ratio and ratio > factor)})
    out.sort(key=lambda g: (not g["contradiction"], -len(g["values"]), g["key"]))
    return out


def prepare(db_path) -> None:
    """Before serving: apply pending migrations (Store opens migrate), bring incidents up to date
    and fold new documents into the search index. Best effort: a read-only file is served as is."""
    from marsad.store import Store
    from marsad.web import search
    try:
        with Store(db_path) as store:
            update_incidents(store.conn)
            search.sync_search(store.conn)
    except (sqlite3.Error, OSError) as exc:
        log.warning("%s: could not prepare the database (%s); serving it as it is", db_path, exc)
