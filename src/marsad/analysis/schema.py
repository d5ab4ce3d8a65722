"""The analysis tables (migration 0002), ensured on any connection.

The store's migration runner applies ``store/migrations/0002_analysis.sql`` and
records it; every statement there is ``IF NOT EXISTS``, so running it again here
is harmless and lets the analysis work on a database the runner has not reached.
A database made before the insert trigger of the queue gets it, and its events in no incident
are queued once (the script's last statement).
A database made before the incident estimates (best figure, rule, counted, lead event)
gets those columns added here, and its incidents are rebuilt so they are filled.
"""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

MIGRATION = Path(__file__).resolve().parents[1] / "store" / "migrations" / "0002_analysis.sql"
ADDED_COLUMNS = (("fatalities_best", "INTEGER"), ("injured_best", "INTEGER"), ("arrested_best", "INTEGER"),
                 ("estimate_rule", "TEXT"), ("counted", "INTEGER NOT NULL DEFAULT 1"), ("lead_event_id", "TEXT"))


@lru_cache(maxsize=1)
def migration_sql() -> str:
    return MIGRATION.read_text(encoding="utf-8")


def _add_columns(conn: sqlite3.Connection) -> None:
    have = {r[1] for r in conn.execute("PRAGMA table_info(incidents)")}
    missing = [(c, t) for c, t in ADDED_COLUMNS if c not in have]
    if not missing:
        return
    for column, decl in missing:
        conn.execute(f"ALTER TABLE incidents ADD COLUMN {column} {decl}")
    # incidents summarised before: rebuild them (their events are merged again)
    conn.execute("DELETE FROM incident_events")
    conn.execute("DELETE FROM incidents")


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the incidents tables (and the events triggers) when any is missing."""
    wanted = {"incidents", "incident_events", "incident_dirty", "events_incident_dirty_ad",
              "events_incident_dirty_au", "events_incident_dirty_ai", "incidents_lead", "events_name_ar", "events_name_date"}
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")}
    if wanted <= have:
        return
    if getattr(conn, "dialect", "sqlite") == "postgresql":   # the store's PostgreSQL twin (idempotent)
        conn.executescript((MIGRATION.parent / "postgresql" / MIGRATION.name).read_text(encoding="utf-8"))
        return
    if "incidents" in have:
        _add_columns(conn)
    conn.executescript(migration_sql())
