"""How many reports and claims the store holds (migration 0012's row_counts, kept by triggers):
what /api/stats, an unfiltered /api/totals and /api/health say, without a scan of either table."""
from __future__ import annotations

import sqlite3

from marsad.store.ledger import rollback_failed

TABLES = ("documents", "claims")


def count(conn, table: str) -> int:
    """The number of rows of `table` (documents or claims): row_counts' number, or counted where
    the store has no row_counts (a read-only database from before migration 0012)."""
    if table not in TABLES:
        raise ValueError(f"no count is kept for {table!r}")
    try:
        row = conn.execute("SELECT n FROM row_counts WHERE name = ?", (table,)).fetchone()
    except sqlite3.Error:      # no such table (PostgreSQL's errors are sqlite3's here too)
        rollback_failed(conn)
        row = None
    if row is not None:
        return int(row[0])
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
