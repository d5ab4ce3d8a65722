"""Counting by incident: one real-world event counts once, however many reports (or copies) tell it.

Every incident has a lead event (``incidents.lead_event_id``: an original report's, the most
precisely placed) and a best estimate of each figure (``<field>_best``, by the rule in
incident_rules.json). A count by incident is a count over lead events; a total of killed is a
sum of best estimates. An incident that only near-copies of other reports tell
(``counted = 0``) adds nothing. An event not yet merged (``update_incidents`` has not run since
it was stored) counts as its own incident, so totals never drop events on the floor.

``incident_sql(conn)`` gives the SQL pieces any query over ``events e`` can add (the stats
command and the dashboard use them); ``incident_totals(conn)`` is the stats command's summary.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

FIELDS = ("fatalities", "injured", "arrested")


@dataclass(frozen=True)
class IncidentSQL:
    join: str          # LEFT JOINs to add after "FROM events e ..."
    counted: str       # a condition: the row stands for one counted incident

    def best(self, f: str) -> str:
        """The figure the row contributes to a total: its incident's best estimate."""
        if not self.join:
            return f"e.{f}"
        return f"(CASE WHEN i_c.incident_id IS NULL THEN e.{f} ELSE i_c.{f}_best END)"

    def col(self, f: str) -> str:
        """The incident's own value of a field (type, admin1, date_start), else the event's."""
        return f"COALESCE(i_c.{f}, e.{f})" if self.join else f"e.{f}"


RAW = IncidentSQL("", "1=1")


def _has_columns(conn: sqlite3.Connection) -> bool:
    """Whether the incidents table has the estimates' columns. Asked once per connection when they
    are there (a migration only adds columns): on PostgreSQL the question is a query of
    information_schema (3-7 ms at a million events), and the API's pooled connections asked it on
    every counting request. sqlite3's own connections take no attribute: asked each time, in
    process (microseconds)."""
    if getattr(conn, "_marsad_incident_estimates", False):
        return True
    cols = {r[1] for r in conn.execute("PRAGMA table_info(incidents)")}
    found = {"lead_event_id", "counted", "fatalities_best"} <= cols
    if found:
        try:
            conn._marsad_incident_estimates = True  # type: ignore[attr-defined]
        except AttributeError:       # sqlite3.Connection
            pass
    return found


def incident_sql(conn: sqlite3.Connection) -> IncidentSQL | None:
    """The SQL that counts rows of ``events e`` by incident; None on a database without
    incident estimates (then count events as they are)."""
    if not _has_columns(conn):
        return None
    return IncidentSQL(
        " LEFT JOIN incident_events ie_c ON ie_c.event_id = e.event_id"
        " LEFT JOIN incidents i_c ON i_c.incident_id = ie_c.incident_id",
        "(i_c.incident_id IS NULL OR (i_c.lead_event_id = e.event_id AND i_c.counted = 1))")


@dataclass
class IncidentTotals:
    incidents: int = 0                 # real-world events, each counted once
    reports_of_them: int = 0           # event rows (one per report that tells one)
    copies_only: int = 0               # incidents only near-copies tell: not counted
    fatalities: int = 0                # sums of best estimates
    injured: int = 0
    arrested: int = 0
    by_type: list[tuple[str, str, int]] = field(default_factory=list)
    by_admin1: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)


def incident_totals(conn: sqlite3.Connection) -> IncidentTotals:
    """Totals and breakdowns by incident (see the module docstring)."""
    sql = incident_sql(conn) or RAW
    base = f"FROM events e{sql.join} WHERE {sql.counted}"
    row = conn.execute(f"SELECT COUNT(*), {', '.join(f'SUM(COALESCE({sql.best(f)}, 0))' for f in FIELDS)} "
                       + base).fetchone()
    out = IncidentTotals(incidents=row[0], fatalities=int(row[1] or 0), injured=int(row[2] or 0),
                         arrested=int(row[3] or 0))
    out.reports_of_them = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    if sql is not RAW:
        out.copies_only = conn.execute("SELECT COUNT(*) FROM incidents WHERE counted = 0").fetchone()[0]
    out.by_type = [tuple(r) for r in conn.execute(
        f"SELECT {sql.col('event_type')}, COALESCE({sql.col('sub_event_type')}, ''), COUNT(*) AS n {base} "
        "GROUP BY 1, 2 ORDER BY n DESC, 1, 2")]
    out.by_admin1 = [tuple(r) for r in conn.execute(
        f"SELECT COALESCE({sql.col('admin1')}, 'unknown'), COUNT(*) AS n {base} GROUP BY 1 ORDER BY n DESC, 1")]
    out.by_month = [tuple(r) for r in conn.execute(
        f"SELECT COALESCE(substr({sql.col('date_start')}, 1, 7), 'unknown') AS m, COUNT(*) {base}"
        " GROUP BY m ORDER BY m")]
    return out
