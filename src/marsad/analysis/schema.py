"""The analysis tables (migration 0002), ensured on any connection.

The store's migration runner applies ``store/migrations/0002_analysis.sql`` and
records it; every statement there is ``IF NOT EXISTS``, so running it again here
is harmless and lets the analysis work on a database the runner has not reached.
"""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

MIGRATION = Path(__file__).resolve().parents[1] / "store" / "migrations" / "0002_analysis.sql"


@lru_cache(maxsize=1)
def migration_sql() -> str:
    return MIGRATION.read_text(encoding="utf-8")


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the incidents tables (and the events triggers) when any is missing."""
    wanted = {"incidents", "incident_events", "incident_dirty", "events_incident_dirty_ad",
              "events_incident_dirty_au"}
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if not wanted <= have:
        if getattr(conn, "dialect", "sqlite") == "postgresql":   # the store's PostgreSQL twin
            conn.executescript((MIGRATION.parent / "postgresql" / MIGRATION.name).read_text(encoding="utf-8"))
        else:
            conn.executescript(migration_sql())
