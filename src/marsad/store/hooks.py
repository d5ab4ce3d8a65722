"""Hooks the spine calls after its own work; other stages plug in here."""
from __future__ import annotations

import sqlite3


def after_extract(store, doc_ids: list[str]) -> dict | None:
    """Called once after `marsad extract` stored new extractions for `doc_ids`.

    Runs the cross-report merge incrementally: new and re-extracted events are
    assigned to incidents (the claims ledger is computed on demand from the claims table).
    Events dated through a recovered publication date are marked first (marsad.pubdate).
    """
    if not doc_ids:
        return None
    return _update(store, doc_ids)


def after_ingest(store) -> int:
    """Called after documents were stored (ingest, `marsad load`, `marsad watch`, POST
    /api/documents): folds them into the search index now, so that `serve` finds nothing to
    catch up on at start and no search request pays for it. Returns how many were indexed
    (0 on PostgreSQL, whose indexes the server keeps current at every write)."""
    from marsad.web.search import sync_search

    try:
        return sync_search(store.conn)
    except sqlite3.OperationalError:       # read-only or busy database: the next search or serve catches up
        return 0


def resume_derived(store) -> dict | None:
    """Complete the incident step an earlier run did not commit (see derived_pending): the
    documents whose events are in no incident go through it again."""
    if not derived_pending(store):
        return None
    doc_ids = [r[0] for r in store.conn.execute(
        "SELECT DISTINCT e.doc_id FROM events e WHERE e.event_id IN (SELECT event_id FROM incident_dirty)"
        " ORDER BY e.doc_id")]
    return _update(store, doc_ids)


def _update(store, doc_ids: list[str]) -> dict:
    from marsad.analysis import update_incidents
    from marsad.pubdate import mark_events

    mark_events(store, doc_ids)
    out = update_incidents(store.conn)
    refresh_ledger(store)
    refresh_summary(store)
    return out


def refresh_ledger(store) -> int:
    """The stored claims ledger (marsad.store.ledger) brought up to date with the claims."""
    from marsad.store import ledger

    return ledger.refresh(store.conn)


def refresh_summary(store) -> int:
    """The events summary the dashboard's aggregates read (marsad.store.summary) brought up to
    date with the events and incidents; returns how many weeks were recomputed."""
    from marsad.store import summary

    return summary.refresh(store.conn)


def derived_pending(store) -> bool:
    """Whether the incident step has work left: events queued as inserted, changed or deleted
    (migration 0002's incident_dirty; one indexed lookup, not a scan of the events).

    This is the step's crash-consistent record: the events and the dirty queue are written in the
    same transaction as the extraction, and only the incident step's own commit clears them, so a
    run killed between the two leaves them here and the next run completes the step.
    """
    from marsad.analysis import ensure_schema

    try:
        ensure_schema(store.conn)     # a file from before the queue's insert trigger: its events queued
        row = store.conn.execute("SELECT EXISTS(SELECT 1 FROM incident_dirty)").fetchone()
    except sqlite3.OperationalError:      # no incident tables (yet): nothing to resume
        return False
    return bool(row[0])
