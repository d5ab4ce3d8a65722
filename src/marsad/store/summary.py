"""The events summary (migration 0007): what the dashboard's aggregates read instead of every event.

/api/stats, /api/totals, /api/trends and the `total` of /api/events count events by incident
(marsad.analysis.counting: each real-world event once, its best estimate of each toll). Done over
the events themselves that is a scan of every event joined to its incident per request: about
2 s of CPU for /api/stats at 100k events, 20 s at a million. `event_summary` keeps the same counts
grouped by (week of date_start, week of date_end, month, event type, sub-type, governorate,
actor1, actor2), so an answer sums a few thousand rows.

It is kept current like the stored ledger: triggers on events, incident_events and incidents
queue the week ("bucket") of every event written, merged or re-estimated in `summary_dirty`,
whoever wrote it; `refresh(conn)` recomputes exactly those buckets from the events, in one
transaction. `extract`, `load` and `serve`'s start call it (marsad.store.hooks, web.bridge); a
request refreshes a small queue itself, and when the summary is not current (never built, a large
queue, a read-only file) or the filter is not one it can answer, the caller reads the events.

What it answers exactly (`answers(f)`): the filters event type, sub-type, actor (actor1 or
actor2), governorate, `undated`, and date ranges. For a range whose `date_from` is a Monday and
`date_to` a Sunday (the timeline's brush selects whole weeks) "date_end >= from" is "the week of
date_end >= from" and "date_start <= to" is "the week of date_start <= to"; any other range is
its whole weeks from the summary plus its two edge weeks summarized from their events
(`source()`). Text search, the map's box and `since` read the events.
"""
from __future__ import annotations

import datetime as dt
import sqlite3

from marsad.store.ledger import has_table, rollback_failed

FORMAT = "1"                 # bump when the summary's rows change meaning: the next refresh rebuilds
REQUEST_REFRESH = 50         # buckets (weeks) a read request refreshes itself at most
REQUEST_DOCS = 2000          # reports' facets a read request refreshes itself at most
CHUNK = 500                  # reports per statement while redoing facets
KEYS = ("ws", "we", "ms", "event_type", "sub_event_type", "admin1", "actor1", "actor2")
FIGURES = ("fatalities", "injured", "arrested")


def _pg(conn) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def week_sql(conn, col: str) -> str:
    """The Monday of the week of an ISO day column, as text (NULL when it is not a day)."""
    return f"marsad_week({col})" if _pg(conn) else f"date({col}, 'weekday 0', '-6 days')"


def bucket_sql(conn, col: str) -> str:
    """A day column's bucket: its week's Monday, '' for NULL, 'x' + the text when it is not a day."""
    return f"CASE WHEN {col} IS NULL THEN '' ELSE coalesce({week_sql(conn, col)}, 'x' || {col}) END"


# Indexes over the big tables that the events' filters read when the summary cannot answer (actor as
# actor1 or actor2; the incidents' type and governorate). Built by refresh(), not by migration
# 0007: over a million rows they take seconds, which `serve`'s start must not wait for.
INDEXES = {
    "events_actor1": "CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1)",
    "events_actor2": "CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2)",
    # the first edge week of a date range that is not whole weeks (source()): date_end in that week
    "events_date_end": "CREATE INDEX IF NOT EXISTS events_date_end ON events(date_end)",
    "incidents_type": "CREATE INDEX IF NOT EXISTS incidents_type ON incidents(event_type, sub_event_type)",
    "incidents_admin1": "CREATE INDEX IF NOT EXISTS incidents_admin1 ON incidents(lower(admin1))",
    # the incidents page's total under a date range (incident_where: a range on the start, then the
    # end tested) counted from this index alone, not each incident's row. 1M events on SQLite, a
    # brushed quarter whose start bound reaches years back: 495 -> 44 ms
    "incidents_dates_cover": "CREATE INDEX IF NOT EXISTS incidents_dates_cover ON incidents "
                             "((coalesce(date_start, '')), (coalesce(date_end, '')))",
    # and under an event type too (the same count, type + brushed quarter: 378 -> 12 ms)
    "incidents_type_dates": "CREATE INDEX IF NOT EXISTS incidents_type_dates ON incidents "
                            "(event_type, (coalesce(date_start, '')), (coalesce(date_end, '')))",
    # /api/totals under a date range counts the range's reports from its events (doc_facets has no dates):
    # read from this index alone, not each event's row. 1M events, the brushed quarter (12k reports): SQLite
    # 591 -> 33 ms, PostgreSQL 1.9 s -> 64 ms (a BitmapAnd with date_end's index before), first request of a run
    "events_dates_doc": "CREATE INDEX IF NOT EXISTS events_dates_doc ON events(date_start, date_end, doc_id)",
}


# PostgreSQL's search indexes (migrations 0003, 0010) over the stored folded text, built here (serve's
# background catch-up) on a database too large for migration 0010 to fill documents.search_text
# and build them itself; ensure_search_text fills the column first.
SEARCH_TEXT = "coalesce(search_text, marsad_doc_text(title, text))"
PG_INDEXES = {
    "documents_search_trgm": "CREATE INDEX IF NOT EXISTS documents_search_trgm ON documents "
                             f"USING gin (({SEARCH_TEXT}) gin_trgm_ops)",
    "documents_search_ts": "CREATE INDEX IF NOT EXISTS documents_search_ts ON documents "
                           f"USING gin (to_tsvector('arabic'::regconfig, {SEARCH_TEXT}))",
    # a governorate filter is lower(admin1) = lower(?) here: without this index (and the statistics
    # ANALYZE then gathers on its expression) the planner guessed 0.5% of the events and sorted a
    # scan of all of them for the map layer (1M events: 1.4 s -> 0.2 s)
    "events_admin1_lower": "CREATE INDEX IF NOT EXISTS events_admin1_lower ON events (lower(admin1))",
    # counting the events that match a text search by incident (marsad.analysis.counting's two LEFT
    # JOINs, per matching event) from these indexes alone, not the two tables' rows: with the
    # visibility map current (autovacuum) the lookups are index-only scans. 1M events, a word in 2%
    # of the reports (20k events): the two lookups ~230 ms -> ~50 ms of a search's totals or stats
    "incident_events_cover": "CREATE INDEX IF NOT EXISTS incident_events_cover ON incident_events(event_id) "
                             "INCLUDE (incident_id)",
    "incidents_cover": "CREATE INDEX IF NOT EXISTS incidents_cover ON incidents(incident_id) "
                       "INCLUDE (lead_event_id, counted, fatalities_best, injured_best, arrested_best)",
    # and the matching reports' events from an index too (the columns totals, stats and trends read):
    # 168 MB at 1M events, ~1/3 less time for those events than through the table's 655 MB
    "events_doc_cover": "CREATE INDEX IF NOT EXISTS events_doc_cover ON events(doc_id) INCLUDE (event_id, "
                        "event_type, sub_event_type, admin1, actor1, actor2, date_start, date_end, fatalities, "
                        "injured, arrested, lat, lon)",
}
ANALYZE_AFTER = {"events_admin1_lower": "ANALYZE events", "incidents_type_dates": "ANALYZE incidents"}


def ensure_indexes(conn) -> list[str]:
    """Build the INDEXES (and on PostgreSQL the PG_INDEXES) not there yet; returns their names."""
    wanted = {**INDEXES, **(PG_INDEXES if _pg(conn) else {})}
    marks = ",".join("?" * len(wanted))
    have = {r[0] for r in conn.execute(f"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
                                       list(wanted))}
    missing = [name for name in wanted if name not in have]
    if "documents_search_trgm" in missing:
        ensure_search_text(conn)
    for name in missing:
        with conn:
            conn.execute(wanted[name])
            if name in ANALYZE_AFTER:
                conn.execute(ANALYZE_AFTER[name])
    return missing


SEARCH_CHUNK = 20_000     # reports per transaction while filling documents.search_text


def ensure_search_text(conn, chunk: int = SEARCH_CHUNK) -> int:
    """PostgreSQL: fill documents.search_text (migration 0010) where it is still NULL -- a database
    that was too large for the migration to fill -- one range of doc_id per transaction (a stop
    keeps what was done; new rows are filled by the trigger); returns how many rows were filled."""
    if not _pg(conn) or not conn.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'documents' AND column_name = 'search_text'").fetchone():
        return 0
    done, last = 0, ""
    while True:
        row = conn.execute("SELECT doc_id FROM documents WHERE doc_id > ? ORDER BY doc_id LIMIT 1 OFFSET ?",
                           (last, chunk - 1)).fetchone()
        upper, params = ("AND doc_id <= ?", [last, row[0]]) if row else ("", [last])
        with conn:
            cur = conn.execute("UPDATE documents SET search_text = marsad_doc_text(title, text) "
                               f"WHERE doc_id > ? {upper} AND search_text IS NULL", params)
            done += max(cur.rowcount, 0)
        if row is None:
            return done
        last = row[0]


def has_tables(conn) -> bool:
    return has_table(conn, "event_summary")


def built(conn) -> bool:
    row = conn.execute("SELECT value FROM summary_state WHERE name = 'format'").fetchone()
    return bool(row) and row[0] == FORMAT


def pending(conn) -> int | None:
    """How many buckets wait for a refresh; None when the summary was never built (or by another
    format)."""
    if not built(conn):
        return None
    return conn.execute("SELECT count(*) FROM summary_dirty").fetchone()[0]


def pending_docs(conn) -> int:
    """How many reports' facets wait for a refresh."""
    return conn.execute("SELECT count(*) FROM facets_dirty").fetchone()[0]


def current(conn, limit: int | None = None) -> bool:
    """Whether the summary is current, refreshing a queue of at most `limit` buckets (default
    REQUEST_REFRESH) first; a read-only or busy database is left as it is."""
    limit = REQUEST_REFRESH if limit is None else limit
    if not has_tables(conn):
        return False
    waiting = pending(conn)
    if waiting is None:
        return False
    docs = pending_docs(conn)
    if waiting == docs == 0:
        return True
    if waiting > limit or docs > REQUEST_DOCS:
        return False
    try:
        refresh(conn)
    except sqlite3.OperationalError:
        rollback_failed(conn)
        return False
    return pending(conn) == pending_docs(conn) == 0


def _begin(conn) -> None:
    if _pg(conn):
        conn.execute("SELECT pg_advisory_xact_lock(7406002)")    # one refresher at a time
    elif conn.isolation_level is None:
        conn.execute("BEGIN IMMEDIATE")


def _select(conn, where: str) -> str:
    """The summary rows of the events matching `where` (over `e`), grouped by bucket and keys."""
    from marsad.analysis.counting import RAW, incident_sql

    inc = incident_sql(conn) or RAW
    counted = inc.counted
    sums = ", ".join(f"sum(CASE WHEN {counted} THEN coalesce({inc.best(f)}, 0) ELSE 0 END)" for f in FIGURES)
    return (f"SELECT {bucket_sql(conn, 'e.date_start')}, {week_sql(conn, 'e.date_start')}, "
            f"CASE WHEN e.date_end IS NULL THEN NULL ELSE coalesce({week_sql(conn, 'e.date_end')}, 'x' || e.date_end) END, "
            "substr(e.date_start, 1, 7), e.event_type, e.sub_event_type, e.admin1, e.actor1, e.actor2, "
            "count(*), sum(CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL THEN 1 ELSE 0 END), "
            f"sum(CASE WHEN {counted} THEN 1 ELSE 0 END), {sums}, "
            f"min(CASE WHEN {counted} THEN e.date_start END), max(CASE WHEN {counted} THEN e.date_end END), "
            "min(e.date_start) "
            f"FROM events e{inc.join} WHERE {where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9")


_INSERT = ("INSERT INTO event_summary(bucket, ws, we, ms, event_type, sub_event_type, admin1, actor1, actor2, "
           "n_events, n_located, n_incidents, fatalities, injured, arrested, date_min, date_max, start_min) ")
_MEASURES = "n_events, n_located, n_incidents, fatalities, injured, arrested, date_min, date_max, start_min"
_SUMS = ("sum(n_events), sum(n_located), sum(n_incidents), sum(fatalities), sum(injured), sum(arrested), "
         "min(date_min), max(date_max), min(start_min)")
DIMS = ("sub_event_type", "admin1", "actor1")      # the columns of summary_dims


def _roll_types(conn, bucket: str | None) -> None:
    """summary_types' rows of one bucket (all when None), from event_summary."""
    where, params = ("bucket = ?", [bucket]) if bucket is not None else ("1=1", [])
    conn.execute(f"INSERT INTO summary_types(bucket, ws, we, ms, event_type, {_MEASURES}) "
                 f"SELECT bucket, ws, we, ms, event_type, {_SUMS} FROM event_summary WHERE {where} "
                 "GROUP BY bucket, ws, we, ms, event_type", params)


def _roll_dims(conn, bucket: str | None, sign: int = 1) -> None:
    """Add (sign 1) or take away (-1) one bucket's event_summary rows to summary_dims (all, into an
    empty table, when bucket is None)."""
    where, params = ("bucket = ?", [bucket]) if bucket is not None else ("1=1", [])
    upsert = ("" if bucket is None else " ON CONFLICT (dim, vkey, event_type) DO UPDATE SET "
              "n_incidents = summary_dims.n_incidents + excluded.n_incidents, "
              "fatalities = summary_dims.fatalities + excluded.fatalities")
    for dim in DIMS:
        conn.execute(f"INSERT INTO summary_dims(dim, vkey, event_type, n_incidents, fatalities) "
                     f"SELECT '{dim}', CASE WHEN {dim} IS NULL THEN 'N' ELSE 'V' || {dim} END, event_type, "
                     f"{sign} * sum(n_incidents), {sign} * sum(fatalities) FROM event_summary WHERE {where} "
                     f"GROUP BY 2, 3{upsert}", params)


# each report's facets (see migration 0007), with its number of claims; {where} over `e`, four times
_FACETS = ("INSERT INTO doc_facets(facet, doc_id, n_claims) SELECT f.facet, f.doc_id, "
           "(SELECT count(*) FROM claims c WHERE c.doc_id = f.doc_id) FROM ("
           "SELECT 't:' || e.event_type AS facet, e.doc_id FROM events e WHERE {where} UNION "
           "SELECT 'a:' || lower(e.admin1), e.doc_id FROM events e WHERE {where} AND e.admin1 IS NOT NULL UNION "
           "SELECT 'c:' || e.actor1, e.doc_id FROM events e WHERE {where} AND e.actor1 IS NOT NULL UNION "
           "SELECT 'c:' || e.actor2, e.doc_id FROM events e WHERE {where} AND e.actor2 IS NOT NULL) f")


def _bucket_where(conn, bucket: str) -> tuple[str, list]:
    """The events of one bucket, found through the index on date_start."""
    if bucket == "":
        return "e.date_start IS NULL", []
    if bucket.startswith("x"):
        return "e.date_start = ?", [bucket[1:]]
    monday = dt.date.fromisoformat(bucket)
    return (f"e.date_start >= ? AND e.date_start < ? AND {bucket_sql(conn, 'e.date_start')} = ?",
            [bucket, (monday + dt.timedelta(days=7)).isoformat(), bucket])


def refresh_span(conn) -> int | None:
    """The largest incident span (migration 0008's incident_span) computed when not known (a
    database that had incidents before 0008, or after a bulk load); returns it (None: no table,
    or some incident's date is not a day)."""
    if not has_table(conn, "incident_span"):
        return None
    row = conn.execute("SELECT days, odd FROM incident_span WHERE id = 1").fetchone()
    if row is not None and row[0] is None:
        day = (lambda c: f"marsad_day({c})") if _pg(conn) else (lambda c: f"julianday({c})")
        odd = ("(date_start IS NOT NULL AND marsad_day(date_start) IS NULL) OR "
               "(date_end IS NOT NULL AND marsad_day(date_end) IS NULL)") if _pg(conn) else (
               "(date_start IS NOT NULL AND date(date_start) IS NOT date_start) OR "
               "(date_end IS NOT NULL AND date(date_end) IS NOT date_end)")
        with conn:
            if _pg(conn):       # writers wait: one committing now would not raise a NULL span
                conn.execute("LOCK TABLE incidents IN SHARE MODE")
            elif conn.isolation_level is None:
                conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"UPDATE incident_span SET days = (SELECT coalesce(max(CAST({day('date_end')} - "
                         f"{day('date_start')} AS INTEGER)), 0) FROM incidents), "
                         f"odd = CASE WHEN EXISTS (SELECT 1 FROM incidents WHERE {odd}) THEN 1 ELSE 0 END "
                         "WHERE id = 1 AND days IS NULL")
        row = conn.execute("SELECT days, odd FROM incident_span WHERE id = 1").fetchone()
    return None if row is None or row[0] is None or row[1] else row[0]


def refresh(conn) -> int:
    """Recompute every queued bucket (the whole summary when it was never built), in one
    transaction (a crash leaves the queue as it was); returns how many buckets were redone."""
    if not has_tables(conn):
        return 0
    from marsad.store import cells

    ensure_indexes(conn)
    refresh_span(conn)
    cells.build(conn)         # the map's cells, counted once (a database from before 0011, a bulk load)
    if not built(conn):
        return rebuild(conn)
    if not conn.execute("SELECT 1 FROM summary_dirty UNION ALL SELECT 1 FROM facets_dirty LIMIT 1").fetchone():
        return 0
    with conn:
        _begin(conn)
        docs = [r[0] for r in conn.execute("SELECT doc_id FROM facets_dirty ORDER BY doc_id")]
        for i in range(0, len(docs), CHUNK):
            chunk = docs[i:i + CHUNK]
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM doc_facets WHERE doc_id IN ({marks})", chunk)
            conn.execute(_FACETS.format(where=f"e.doc_id IN ({marks})"), chunk * 4)
            conn.execute(f"DELETE FROM facets_dirty WHERE doc_id IN ({marks})", chunk)
        buckets = [r[0] for r in conn.execute("SELECT bucket FROM summary_dirty ORDER BY bucket")]
        for bucket in buckets:
            _roll_dims(conn, bucket, -1)
            conn.execute("DELETE FROM event_summary WHERE bucket = ?", (bucket,))
            conn.execute("DELETE FROM summary_types WHERE bucket = ?", (bucket,))
            try:
                where, params = _bucket_where(conn, bucket)
            except ValueError:       # not a bucket this module writes: its events are under 'x'
                where, params = "1=0", []
            conn.execute(_INSERT + _select(conn, where), params)
            _roll_types(conn, bucket)
            _roll_dims(conn, bucket, 1)
            conn.execute("DELETE FROM summary_dirty WHERE bucket = ?", (bucket,))
        bump(conn)
    return len(buckets)


def bump(conn) -> None:
    """A new 'generation' of the summary (migration 0013): in the transaction of every refresh that
    redid a week or a report, and of a rebuild. marsad.web.cache's answers are stamped with it."""
    conn.execute("UPDATE summary_state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE name = 'generation'")


def generation(conn) -> str | None:
    """The summary's generation (None: a database from before migration 0013)."""
    row = conn.execute("SELECT value FROM summary_state WHERE name = 'generation'").fetchone()
    return row[0] if row else None


def rebuild(conn) -> int:
    """The whole summary from the events (a database from before migration 0007, or a new FORMAT)."""
    with conn:
        _begin(conn)
        for table in ("event_summary", "summary_types", "summary_dims", "doc_facets", "facets_dirty"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute(_FACETS.format(where="1=1"))
        conn.execute(_INSERT + _select(conn, "1=1"))
        _roll_types(conn, None)
        _roll_dims(conn, None)
        conn.execute("DELETE FROM summary_dirty")
        conn.execute("DELETE FROM summary_state WHERE name = 'format'")
        conn.execute("INSERT INTO summary_state(name, value) VALUES ('format', ?)", (FORMAT,))
        bump(conn)
    return conn.execute("SELECT count(DISTINCT bucket) FROM event_summary").fetchone()[0]


# -- reading it ------------------------------------------------------------------------------

def answers(f, dates: bool = True) -> bool:
    """Whether the summary answers filter `f` exactly (see the module docstring); `dates=False`
    when the caller leaves the date range out. Any date range: one of whole weeks reads the
    summary's rows alone, another one adds its edge weeks counted from the events (source())."""
    return not (f.q or f.bbox or getattr(f, "since", None) is not None)


def whole_weeks(f) -> bool:
    """Whether f's date range (if any) is whole weeks: date_from a Monday, date_to a Sunday."""
    return not ((f.date_from and f.date_from.weekday() != 0) or (f.date_to and f.date_to.weekday() != 6))


def source(conn, f, dates: bool = True) -> tuple[str, list]:
    """The FROM item (alias `s`, with its parameters) whose rows where(f, dates) selects: the
    table() that answers `f`, or, for a date range that is not whole weeks (e.g. 3 to 20 March),
    the event_summary rows of the whole weeks inside it with the rows of its edge weeks summarized
    now from their events (an index range on date_end for the first week, on date_start for the
    last): "date_end >= from" and "date_start <= to" hold for a whole summary row inside the range
    and are tested event by event in the two edge weeks, so the sums are the events' own."""
    if not dates or not (f.date_from or f.date_to) or whole_weeks(f):
        return f"{table(f, dates)} s", []
    conds, params, arms = ["1=1"], list[object](), []
    start_ok = ("e.date_start <= ?", [f.date_to.isoformat()]) if f.date_to else ("1=1", [])
    end_ok = ("e.date_end >= ?", [f.date_from.isoformat()]) if f.date_from else ("1=1", [])
    if f.date_from:
        first = f.date_from - dt.timedelta(days=f.date_from.weekday())          # its week's Monday
        if first != f.date_from:       # the first edge: date_end in [date_from, the next Monday)
            first += dt.timedelta(days=7)
            arms.append((f"e.date_end >= ? AND e.date_end < ? AND {start_ok[0]}",
                         [f.date_from.isoformat(), first.isoformat(), *start_ok[1]]))
            end_ok = ("e.date_end >= ?", [first.isoformat()])        # the last edge: not the first's again
        conds.append("we >= ?")
        params.append(first.isoformat())
    if f.date_to:
        monday = f.date_to - dt.timedelta(days=f.date_to.weekday())
        last = f.date_to if f.date_to.weekday() == 6 else monday - dt.timedelta(days=1)
        if last != f.date_to:          # the last edge: date_start in [its Monday, date_to]
            arms.append((f"e.date_start >= ? AND e.date_start <= ? AND {end_ok[0]}",
                         [monday.isoformat(), f.date_to.isoformat(), *end_ok[1]]))
        conds.append("bucket > '' AND bucket <= ?")
        params.append(last.isoformat())
    cols = "bucket, ws, we, ms, event_type, sub_event_type, admin1, actor1, actor2, " + _MEASURES
    sql = f"SELECT {cols} FROM event_summary WHERE {' AND '.join(conds)}"
    for where_, more in arms:          # each edge its own index range (an OR of the two was misestimated)
        sql += f" UNION ALL {_select(conn, where_)}"
        params += more
    return f"({sql}) s", params


def usable(conn, f, dates: bool = True) -> bool:
    """answers(f) and the summary is current (refreshing a small queue first); with a date range,
    also no event whose dates are not days (their text order is not their weeks' order)."""
    if not answers(f, dates) or not current(conn):
        return False
    if dates and (f.date_from or f.date_to):
        odd = conn.execute("SELECT 1 FROM event_summary WHERE bucket >= 'x' OR we >= 'x' LIMIT 1").fetchone()
        return odd is None
    return True


def only_types(f, dates: bool = True) -> bool:
    """Whether `f` filters on nothing but event types and dates (then summary_types answers)."""
    return not (f.sub_event_type or f.actor or f.admin1)


def over_time(f) -> bool:
    """Whether `f` has a date range or `undated` (summary_dims holds all time)."""
    return bool(f.date_from or f.date_to or getattr(f, "undated", False))


def table(f, dates: bool = True) -> str:
    """The summary table that answers `f` with the fewest rows (with where(f), alias `s`)."""
    return "summary_types" if only_types(f, dates) else "event_summary"


def key_conditions(f, conds: list[str], params: list) -> None:
    """The filters on the keys a counted table `s` shares with the events (type, sub-type, actor), added to
    conds/params; used by where() and by marsad.store.cells.grid_rows."""
    for column, values in (("event_type", f.event_type), ("sub_event_type", f.sub_event_type)):
        if values:
            conds.append(f"s.{column} IN ({','.join('?' * len(values))})")
            params += values
    if f.actor:
        conds.append("(s.actor1 = ? OR s.actor2 = ?)")
        params += [f.actor, f.actor]


def where(f, dates: bool = True) -> tuple[str, list]:
    """The condition over source(conn, f)'s rows `s` that selects the rows of the events matching
    `f` (which answers() accepted): the same events as marsad.web.queries.event_where."""
    conds, params = ["1=1"], list[object]()
    if dates and f.date_from and whole_weeks(f):     # else in source()'s rows
        conds.append("s.we >= ?")
        params.append(f.date_from.isoformat())
    if dates and f.date_to and whole_weeks(f):
        conds.append("s.bucket > '' AND s.bucket <= ?")
        params.append(f.date_to.isoformat())
    key_conditions(f, conds, params)
    if f.admin1:
        conds.append("s.admin1 = ? COLLATE NOCASE")
        params.append(f.admin1)
    if dates and getattr(f, "undated", False):
        conds.append("s.bucket = ''")
    return " AND ".join(conds), params


def doc_counts(conn, f) -> tuple[int, int] | None:
    """(reports, claims of those reports) with an event matching `f`, from doc_facets, when `f`
    is one facet (event types, a governorate or an actor, nothing else) and the summary is
    current; None otherwise (the caller counts the events)."""
    if over_time(f) or f.sub_event_type or not answers(f):
        return None
    facets = [[f"t:{t}" for t in f.event_type], [f"a:{f.admin1.lower()}"] if f.admin1 else [],
              [f"c:{f.actor}"] if f.actor else []]
    used = [x for x in facets if x]
    if len(used) != 1 or not current(conn):
        return None
    marks = ",".join("?" * len(used[0]))
    if len(used[0]) == 1:
        row = conn.execute("SELECT count(*), CAST(coalesce(sum(n_claims), 0) AS BIGINT) FROM doc_facets "
                           "WHERE facet = ?", used[0]).fetchone()
    else:
        row = conn.execute("SELECT count(*), CAST(coalesce(sum(n), 0) AS BIGINT) FROM (SELECT doc_id, "
                           f"max(n_claims) AS n FROM doc_facets WHERE facet IN ({marks}) GROUP BY doc_id) x",
                           used[0]).fetchone()
    return row[0], row[1]


def start_bound(conn, f) -> str | None:
    """The earliest date_start of any event whose date_end can be on or after f.date_from: a lower
    bound the events' date index can range from (None: no bound known)."""
    if not f.date_from:
        return None
    monday = (f.date_from - dt.timedelta(days=f.date_from.weekday())).isoformat()
    row = conn.execute("SELECT min(start_min) FROM summary_types WHERE we >= ?", (monday,)).fetchone()
    return row[0] if row and row[0] else None
