"""Hooks the spine calls after its own work; other stages plug in here."""
from __future__ import annotations


def after_extract(store, doc_ids: list[str]) -> None:
    """Called once after `marsad extract` stored new extractions for `doc_ids`.

    A no-op for now: the cross-report merge (incidents, claims ledger) is wired in here.
    """
    return None
