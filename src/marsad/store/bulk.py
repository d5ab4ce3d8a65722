"""Bulk loads: many rows into the store in one transaction, the derived tables rebuilt once after.

Row by row, every event, claim, incident and member written fires the triggers that queue
derived work (the summary's weeks and the reports' facets, marsad.store.summary; the ledger's
claims, marsad.store.ledger; the largest incident span, migration 0008), and the next refresh
then redoes the queue piece by piece: right for the few reports of an ingest, wasteful for a
backfill of a million events.

    with bulk.loading(store) as loader:
        loader.rows("events", EVENT_COLUMNS, rows)
        ...
    summary.refresh(store.conn); ledger.refresh(store.conn)    # or hooks.after_extract

`loading` opens one transaction. On PostgreSQL the rows go in by COPY, and the transaction sets
`marsad.bulk = 'on'` (set_config(..., true): this transaction only, gone at its end however it
ends), which the row triggers of migration 0008 test in their WHEN clause, so they are not
fired at all; other sessions' writes keep firing them. On SQLite the rows go in by executemany
through the triggers (cheap there, in-process). On both, the same transaction marks the summary
and the ledger as not built (PostgreSQL: the incident span as not known), so their next refresh rebuilds each in one statement per table
instead of redoing the queue (readers count from the events until then: never a wrong answer).
A failed load rolls back everything, the marks included.

The incident step's own triggers (events updated or deleted) are kept: re-loading a report's
events still queues its incidents.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from marsad.store.ledger import has_table

CHUNK = 10_000          # rows per executemany on SQLite (bounded memory for a generator)


def _pg(conn) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


class Loader:
    """Writes rows inside a `loading` transaction; counts them per table."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.counts: dict[str, int] = {}

    def rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
        """Append `rows` (tuples in the order of `columns`) to `table`; returns how many."""
        if _pg(self.conn):
            n = self.conn.copy_rows(table, columns, rows)
        else:
            sql = f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            n, chunk = 0, []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= CHUNK:
                    self.conn.executemany(sql, chunk)
                    n, chunk = n + len(chunk), []
            if chunk:
                self.conn.executemany(sql, chunk)
                n += len(chunk)
        self.counts[table] = self.counts.get(table, 0) + n
        return n

    def execute(self, sql: str, params: Sequence = ()) -> None:
        """Any other statement in the same transaction (e.g. deleting what the load replaces)."""
        self.conn.execute(sql, params)


def mark_rebuild(conn) -> None:
    """The summary and the ledger are rebuilt by their next refresh (their queues would be
    redone piece by piece otherwise; a bulk load leaves them incomplete)."""
    if has_table(conn, "summary_state"):       # the map's cells too (marsad.store.cells)
        conn.execute("DELETE FROM summary_state WHERE name IN ('format', 'cells')")
    if has_table(conn, "ledger_state"):
        conn.execute("DELETE FROM ledger_state WHERE name = 'rules'")
    if _pg(conn) and has_table(conn, "incident_span"):     # its trigger was skipped too
        conn.execute("UPDATE incident_span SET days = NULL WHERE id = 1")


@contextmanager
def loading(store) -> Iterator[Loader]:
    """One transaction for a bulk load (see the module docstring)."""
    with store.transaction() as conn:
        if _pg(conn):
            conn.execute("SELECT set_config('marsad.bulk', 'on', true)")
        loader = Loader(conn)
        yield loader
        mark_rebuild(conn)
        if _pg(conn):
            conn.execute("SELECT set_config('marsad.bulk', 'off', true)")
