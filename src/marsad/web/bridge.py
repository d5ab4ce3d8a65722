"""Incidents and the claims ledger for the API, from marsad.analysis (which owns both).

This module only adapts marsad.analysis's output to plain dicts and filters it.
"""
from __future__ import annotations

import dataclasses
import logging
import sqlite3

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


def update_incidents(conn: sqlite3.Connection) -> None:
    from marsad.analysis import update_incidents as update

    update(conn)
    conn.commit()


def all_incidents(conn: sqlite3.Connection) -> list[dict]:
    from marsad.analysis import list_incidents

    return [_plain(x) for x in list_incidents(conn)]

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


def count_incidents(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM incidents").fetchone()[0]


def incidents_for_docs(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    """The incidents one document's events belong to, each with incident_id, doc_ids, event_ids and
    the consensus counts; read straight from migration 0002's tables (indexed), no full load."""
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


def ledger(conn: sqlite3.Connection, factor: float) -> list[dict]:
    from marsad.analysis import ledger as analysis_ledger

    return [_plain(g) for g in analysis_ledger(conn, factor)]


class Preparation:
    """What `serve` catches up on after migrating, in a background thread while the API already
    answers: incidents of events stored since the last merge, the stored claims ledger, the events
    summary (marsad.store.summary), and documents not yet in the search index (ingest, `load` and
    `extract` do all of them as they go, so this is usually nothing). Until it is done
    `/api/health` says ``"state": "preparing"`` and which step runs; totals meanwhile count a
    not-yet-merged event as its own incident and are counted from the events (slow) until the
    summary is current, a search reads the index as it is and the ledger is computed from the
    claims (slow) until its table is current."""

    STEPS = ("incidents", "ledger", "summary", "search")

    def __init__(self, db_path) -> None:
        import threading

        self.db_path = db_path
        self.step: str | None = "pending"
        self.error: str | None = None
        self.done = threading.Event()
        self.thread: threading.Thread | None = None

    @property
    def state(self) -> str:
        return "ready" if self.done.is_set() else "preparing"

    def status(self) -> dict:
        out: dict[str, str | None] = {"state": self.state}
        if not self.done.is_set():
            out["step"] = self.step
        if self.error:
            out["error"] = self.error
        return out

    def start(self) -> "Preparation":
        import threading

        self.thread = threading.Thread(target=self.run, name="marsad-prepare", daemon=True)
        self.thread.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)

    def run(self) -> None:
        from marsad.store import Store, ledger, summary
        from marsad.web import search
        try:
            with Store(self.db_path) as store:
                self.step = "incidents"
                update_incidents(store.conn)
                self.step = "ledger"
                ledger.refresh(store.conn)
                self.step = "summary"
                summary.refresh(store.conn)
                self.step = "search"
                search.sync_search(store.conn)
        except Exception as exc:  # noqa: BLE001 - a read-only or busy file is served as it is
            self.error = f"{type(exc).__name__}: {exc}"
            log.warning("%s: could not prepare the database (%s); serving it as it is", self.db_path, exc)
        finally:
            self.step = None
            self.done.set()


def prepare(db_path, *, background: bool = True) -> Preparation:
    """Before serving: apply pending migrations now (opening the Store migrates), then bring the
    incidents and the search index up to date, in a background thread unless ``background`` is
    False. Best effort: a read-only file is served as it is."""
    from marsad.errors import StoreError
    from marsad.store import Store
    try:
        Store(db_path).close()
    except (sqlite3.Error, OSError, StoreError) as exc:
        log.warning("%s: could not migrate the database (%s); serving it as it is", db_path, exc)
    prep = Preparation(db_path)
    if background:
        return prep.start()
    prep.run()
    return prep
