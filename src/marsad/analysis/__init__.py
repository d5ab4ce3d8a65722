"""Across reports: incidents (one happening told by many outlets) and the claims ledger.

Library entry points (plain data in, plain data out; no typer/rich here):

- ``update_incidents(conn) -> dict``: assign events not yet in an incident, incrementally.
- ``list_incidents(conn, ...) -> list[dict]``: stored incidents with their reports.
- ``ledger(conn, factor=1.5, ...) -> list[dict]``: claims grouped by canonical key.
"""
from __future__ import annotations

__all__ = ["ensure_schema", "ledger", "list_incidents", "update_incidents"]


def __getattr__(name: str):
    # Lazy: importing marsad.analysis does no work until a function is used.
    if name in ("update_incidents", "list_incidents"):
        from . import incident_store
        return getattr(incident_store, name)
    if name == "ledger":
        from .claims_ledger import ledger
        return ledger
    if name == "ensure_schema":
        from .schema import ensure_schema
        return ensure_schema
    raise AttributeError(name)
