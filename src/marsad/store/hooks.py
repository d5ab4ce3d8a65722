"""Hooks the spine calls after its own work; other stages plug in here."""
from __future__ import annotations


def after_extract(store, doc_ids: list[str]) -> dict | None:
    """Called once after `marsad extract` stored new extractions for `doc_ids`.

    Runs the cross-report merge incrementally: new and re-extracted events are
    assigned to incidents (the claims ledger is computed on demand from the claims table).
    Events dated through a recovered publication date are marked first (marsad.pubdate).
    """
    if not doc_ids:
        return None
    from marsad.analysis import update_incidents
    from marsad.pubdate import mark_events

    mark_events(store, doc_ids)

    return update_incidents(store.conn)
