"""One document with its events, claims, evidence spans and related reports; and stats."""
from __future__ import annotations

import sqlite3

from marsad.web import bridge, cache
from marsad.web.filters import Filters
from marsad.web.queries import EVENT_SELECT, claim_row, event_row, event_where, locate


def _evidence_span(text: str, evidence: str | None) -> list[int] | None:
    span = locate(text, evidence)
    return list(span) if span else None


def _spanned(item: dict, drop: str, text: str) -> dict:
    """An event or claim of the report view: without its `drop` key, with where its evidence sits in the text."""
    item.pop(drop)
    item["evidence_span"] = _evidence_span(text, item["evidence"])
    return item


def _related(conn: sqlite3.Connection, doc: dict, events: list[dict], incidents: list[dict]) -> list[dict]:
    """Other reports of the same incident(s): from marsad.analysis incidents, else a heuristic
    (same sub-event type and governorate, overlapping dates), plus near-duplicates."""
    doc_id, related = doc["doc_id"], dict[str, dict]()
    for inc in incidents:
        for other in inc.get("doc_ids") or []:
            if other != doc_id:
                related.setdefault(other, {"doc_id": other, "basis": "incident",
                                           "incident_id": inc.get("incident_id")})
    if not related:
        for ev in events:
            if not ev["date_start"] or not ev["location"]["admin1"]:
                continue
            rows = conn.execute(
                "SELECT DISTINCT e.doc_id FROM events e WHERE e.doc_id != ? AND e.sub_event_type = ? "
                "AND e.admin1 = ? AND e.date_start <= ? AND e.date_end >= ?",
                (doc_id, ev["sub_event_type"], ev["location"]["admin1"], ev["date_end"] or ev["date_start"],
                 ev["date_start"])).fetchall()
            for (other,) in rows:
                related.setdefault(other, {"doc_id": other, "basis": "same type, governorate and dates"})
    # two index lookups: an OR scanned every document, and so does SQLite's plan when ANALYZE saw a
    # column of NULLs (a database without near-duplicates), hence the index named
    by = "" if getattr(conn, "dialect", "sqlite") == "postgresql" else " INDEXED BY documents_near_dup_of"
    dup_rows = conn.execute(f"SELECT doc_id FROM documents{by} WHERE near_dup_of = ? UNION "
                            "SELECT doc_id FROM documents WHERE doc_id = ?",
                            (doc_id, doc.get("near_dup_of") or "")).fetchall()
    for (other,) in dup_rows:
        if other != doc_id:
            related.setdefault(other, {"doc_id": other, "basis": "near duplicate"})
    for item in related.values():
        row = conn.execute("SELECT title, source, url, published FROM documents WHERE doc_id = ?",
                           (item["doc_id"],)).fetchone()
        item.update(dict(row) if row else {})
    return sorted(related.values(), key=lambda r: (r.get("published") or "", r["doc_id"]))


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = {k: row[k] for k in row.keys() if k != "search_text"}     # PostgreSQL's folded copy (0010)
    text = doc.get("text") or ""
    ev_rows = conn.execute(f"{EVENT_SELECT} WHERE e.doc_id = ? ORDER BY e.event_id",
                           (doc_id,)).fetchall()
    events = [_spanned(event_row(r), "source", text) for r in ev_rows]
    cl_rows = conn.execute(
        "SELECT c.*, d.title, d.source, d.url, d.published FROM claims c JOIN documents d "
        "ON d.doc_id = c.doc_id WHERE c.doc_id = ? ORDER BY c.claim_id",
        (doc_id,)).fetchall()
    claims = [_spanned(claim_row(r), "document", text) for r in cl_rows]
    _add_rules(conn, doc_id, events, claims)
    incidents = bridge.incidents_for_docs(conn, doc_id)
    for ev in events:
        ev["incident"] = next(({k: i.get(k) for k in ("incident_id", "doc_ids", "fatalities", "injured", "arrested")}
                               for i in incidents if ev["event_id"] in (i.get("event_ids") or [])), None)
    doc.update(events=events, claims=claims, related=_related(conn, doc, events, incidents))
    return doc


def _add_rules(conn: sqlite3.Connection, doc_id: str, events: list[dict], claims: list[dict]) -> None:
    """The rule ids the extraction recorded for each event and claim (`rules`, when it did), and the
    geoparser's `why` for each place, read from the stored extraction (the tables do not keep them)."""
    import json
    row = conn.execute("SELECT result_json FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()
    try:
        stored = json.loads(row[0]) if row else {}
    except ValueError:
        return
    for items, key, prefix in ((events, "events", ":"), (claims, "claims", ":c")):
        records = stored.get(key) or []
        for item in items:
            n = item[f"{key[:-1]}_id"].rsplit(prefix, 1)[-1]
            if not n.isdigit() or not 0 < int(n) <= len(records) or not isinstance(records[int(n) - 1], dict):
                continue
            record = records[int(n) - 1]
            if record.get("rules"):
                item["rules"] = list(record["rules"])
            why = (record.get("location") or {}).get("why") if isinstance(record.get("location"), dict) else None
            if why and "location" in item:
                item["location"]["why"] = why


def _by_incident(conn: sqlite3.Connection):
    """Counts by incident (one real-world event once, its best estimate of the toll)."""
    from marsad.analysis.counting import RAW, incident_sql
    return incident_sql(conn) or RAW


def _group(conn: sqlite3.Connection, col: str, where: str, params: list) -> list[dict]:
    inc = _by_incident(conn)
    rows = conn.execute(f"SELECT {col} AS k, count(*) AS n, sum(coalesce({inc.best('fatalities')}, 0)) AS f "
                        f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{inc.join} WHERE {where} "
                        f"AND {inc.counted} GROUP BY 1 ORDER BY n DESC, k", params).fetchall()
    return [{"key": r["k"], "events": r["n"], "fatalities": r["f"]} for r in rows]


def stats(conn: sqlite3.Connection, f: Filters) -> dict:
    """Totals and breakdowns for the events matching `f`; the weekly timeline and its undated
    bucket ignore the date range (the dashboard draws the whole timeline and brushes a range on it).
    Read from the events summary (marsad.store.summary) when it answers `f`, else from the events."""
    from marsad.store import counts, summary

    out = {"documents": counts.count(conn, "documents"), "claims": counts.count(conn, "claims")}
    if summary.usable(conn, f):
        out.update(_stats_summary(conn, f))
    else:        # a text search: counted once per state of the events (marsad.web.cache)
        out.update(cache.cached(conn, "stats", f, lambda: _stats_events(conn, f)))
    return out


def _figures(totals, events: int, groups) -> dict:
    return {"incidents": totals[0], "events": events, "fatalities": totals[1] or 0, "arrested": totals[2] or 0,
            "date_min": totals[3], "date_max": totals[4], **groups}


def _stats_summary(conn: sqlite3.Connection, f: Filters) -> dict:
    """stats() from the events summary: the same figures, summed over its rows (summary_types and
    summary_dims when `f` filters on event types alone, else event_summary)."""
    from marsad.store import summary

    if ONE_PASS and not summary.over_time(f) and not summary.only_types(f):
        return _stats_one_pass(conn, f)
    src, srcp = summary.source(conn, f)      # a range that is not whole weeks: a subquery with its edge weeks
    where, params = summary.where(f)
    where_nodate, params_nodate = summary.where(f, dates=False)
    table = summary.table(f)
    n, fat = "CAST(sum(s.n_incidents) AS BIGINT)", "CAST(sum(s.fatalities) AS BIGINT)"
    weekly = conn.execute(f"SELECT s.ws AS week, s.event_type, {n} AS n FROM {table} s WHERE {where_nodate} "
                          f"AND s.bucket <> '' GROUP BY 1, 2 HAVING sum(s.n_incidents) > 0 ORDER BY 1, 2",
                          params_nodate).fetchall()
    undated = conn.execute(f"SELECT s.event_type, {n} AS n FROM {table} s WHERE {where_nodate} "
                           f"AND s.bucket = '' GROUP BY 1 HAVING sum(s.n_incidents) > 0 ORDER BY 1",
                           params_nodate).fetchall()
    totals = conn.execute(f"SELECT coalesce({n}, 0), {fat}, CAST(sum(s.arrested) AS BIGINT), min(s.date_min), "
                          f"max(s.date_max), CAST(sum(s.n_events) AS BIGINT) FROM {src} WHERE {where}",
                          [*srcp, *params]).fetchone()

    def group(col: str, source: str | None = None) -> list[dict]:
        if summary.only_types(f) and not summary.over_time(f) and col in summary.DIMS:   # all time
            key = "CASE WHEN s.vkey = 'N' THEN NULL ELSE substr(s.vkey, 2) END"
            rows = conn.execute(f"SELECT {key} AS k, {n} AS n, {fat} AS f FROM summary_dims s "
                                f"WHERE s.dim = '{col}' AND {where} GROUP BY s.vkey HAVING sum(s.n_incidents) > 0 "
                                "ORDER BY n DESC, k", params).fetchall()
        else:
            frm, frmp = (src, srcp) if source is None or srcp else (f"{source} s", [])
            rows = conn.execute(f"SELECT s.{col} AS k, {n} AS n, {fat} AS f FROM {frm} WHERE {where} "
                                "GROUP BY 1 HAVING sum(s.n_incidents) > 0 ORDER BY n DESC, k",
                                [*frmp, *params]).fetchall()
        return [{"key": r["k"], "events": r["n"], "fatalities": r["f"]} for r in rows]

    return _figures(totals, totals[5] or 0, {
        "by_event_type": group("event_type"), "by_sub_event_type": group("sub_event_type", "event_summary"),
        "by_admin1": group("admin1", "event_summary"), "by_actor": group("actor1", "event_summary"),
        "weekly": [{"week": r["week"], "event_type": r["event_type"], "events": r["n"]} for r in weekly],
        "undated": [{"event_type": r["event_type"], "events": r["n"]} for r in undated]})


ONE_PASS = True     # PostgreSQL: stats from one pass (_grouped_once); False: a query per figure (the tests' reference)
# the groups of _grouped_once: its GROUPING SETS, each named by the column it groups by
_SETS = (("t", "event_type"), ("s", "sub_event_type"), ("a", "admin1"), ("c", "actor1"))


def _stats_one_pass(conn, f: Filters) -> dict:
    """_stats_summary for a filter on sub-type, actor or governorate without dates (the dashboard's
    /api/stats): from one scan of the filter's event_summary rows instead of six (an actor's rows
    are a fifth of the summary at a million events: ~85 ms a scan), grouped by PostgreSQL or summed
    here on SQLite."""
    from marsad.store import summary

    where, params = summary.where(f)
    return _grouped(conn)(conn, "SELECT bucket = '' AS u, ws, event_type, sub_event_type, admin1, actor1, "
                         "n_incidents AS n, fatalities AS f, arrested AS a, date_min AS dmin, date_max AS dmax, "
                         f"n_events AS ne FROM event_summary s WHERE {where}", params)


def _grouped_once(conn, rows_sql: str, params: list) -> dict:
    """stats()'s figures on PostgreSQL from one pass over `rows_sql`'s rows (u: undated, ws: the
    week, the four breakdown columns, n: incidents, f and a: their fatalities and arrests, dmin and
    dmax: their first and last day, ne: events): GROUPING SETS give the timeline, the undated
    bucket, the totals and the four breakdowns at once, in the order the separate queries give."""
    which = " ".join(f"WHEN GROUPING(s.{col}) = 0 THEN '{g}'" for g, col in _SETS)
    key = " ".join(f"WHEN '{g}' THEN x.{col}" for g, col in _SETS)
    rows = conn.execute(
        f"SELECT * FROM (SELECT CASE WHEN GROUPING(s.u) = 0 THEN 'w' {which} ELSE '' END AS g, s.u, s.ws, "
        "s.event_type, s.sub_event_type, s.admin1, s.actor1, CAST(sum(s.n) AS BIGINT) AS n, "
        "CAST(sum(s.f) AS BIGINT) AS f, CAST(sum(s.a) AS BIGINT), min(s.dmin), max(s.dmax), CAST(sum(s.ne) AS BIGINT) "
        f"FROM ({rows_sql}) s GROUP BY GROUPING SETS "
        "((s.u, s.ws, s.event_type), (s.event_type), (s.sub_event_type), (s.admin1), (s.actor1), ())) x "
        f"ORDER BY x.g, CASE WHEN x.g = 'w' THEN 0 ELSE -x.n END, CASE x.g {key} END, x.ws, x.event_type",
        params).fetchall()
    groups: dict[str, list[dict]] = {g: [] for g, _col in _SETS}
    weekly, undated, totals = [], [], (0, None, None, None, None, 0)
    for r in rows:
        g, u, ws, etype = r[0], r[1], r[2], r[3]
        if g == "":
            totals = (r[7] or 0, r[8], r[9], r[10], r[11], r[12])
        elif not r[7] or r[7] <= 0:
            continue
        elif g == "w":
            (undated.append({"event_type": etype, "events": r[7]}) if u else
             weekly.append({"week": ws, "event_type": etype, "events": r[7]}))
        else:
            col = 3 + [s for s, _c in _SETS].index(g)
            groups[g].append({"key": r[col], "events": r[7], "fatalities": r[8]})
    return _figures(totals, totals[5] or 0, {
        "by_event_type": groups["t"], "by_sub_event_type": groups["s"], "by_admin1": groups["a"],
        "by_actor": groups["c"], "weekly": weekly, "undated": undated})


def _grouped(conn):
    """The one-pass grouping for this store: PostgreSQL's GROUPING SETS, or summed here on SQLite."""
    return _grouped_once if getattr(conn, "dialect", "sqlite") == "postgresql" else _grouped_here


def _grouped_here(conn, rows_sql: str, params: list) -> dict:
    """_grouped_once on SQLite (no GROUPING SETS): the same figures summed here from one pass over
    `rows_sql`'s rows, in the order SQLite's query per figure gives them (NULL keys first). A text
    search is then evaluated once, not eight times (1M events, a word in 2% of the reports: ~590 ms)."""
    first = lambda k: (k is not None, k)      # noqa: E731 - SQLite orders NULL before any value
    groups: dict[str, dict] = {g: {} for g, _col in _SETS}
    weeks: dict[tuple, int] = {}
    n_all = f_all = a_all = ne_all = 0
    dmin = dmax = None
    for u, ws, etype, sub, admin1, actor1, n, fat, arr, lo, hi, ne in conn.execute(rows_sql, params):
        ne_all += ne
        if not n:
            continue
        n_all, f_all, a_all = n_all + n, f_all + fat, a_all + arr
        dmin = lo if lo is not None and (dmin is None or lo < dmin) else dmin
        dmax = hi if hi is not None and (dmax is None or hi > dmax) else dmax
        weeks[(u, ws, etype)] = weeks.get((u, ws, etype), 0) + n
        for (g, _col), key in zip(_SETS, (etype, sub, admin1, actor1)):
            cell = groups[g].setdefault(key, [0, 0])
            cell[0] += n
            cell[1] += fat

    def listed(g: str) -> list[dict]:
        return [{"key": k, "events": v[0], "fatalities": v[1]}
                for k, v in sorted(groups[g].items(), key=lambda kv: (-kv[1][0], first(kv[0])))]

    dated = sorted(((ws, etype, n) for (u, ws, etype), n in weeks.items() if not u),
                   key=lambda r: (first(r[0]), first(r[1])))
    undated = sorted(((etype, n) for (u, _ws, etype), n in weeks.items() if u), key=lambda r: first(r[0]))
    totals = (n_all, f_all if n_all else None, a_all if n_all else None, dmin, dmax, ne_all)
    return _figures(totals, ne_all, {
        "by_event_type": listed("t"), "by_sub_event_type": listed("s"), "by_admin1": listed("a"),
        "by_actor": listed("c"), "weekly": [{"week": w, "event_type": t, "events": n} for w, t, n in dated],
        "undated": [{"event_type": t, "events": n} for t, n in undated]})


def _stats_events(conn: sqlite3.Connection, f: Filters) -> dict:
    """stats() over the events themselves (text search, the map's box, `since`, a date range that
    is not whole weeks, or a summary not yet current). Without dates (the dashboard's request) one
    pass over the matching events (a text search evaluated once, not eight times): grouped by
    PostgreSQL (_grouped_once) or summed here from SQLite's rows (_grouped_here); else a query per
    figure."""
    from marsad.store import summary

    if ONE_PASS and not summary.over_time(f):
        where, params = event_where(conn, f)
        inc = _by_incident(conn)
        counted = inc.counted
        return _grouped(conn)(conn, (
            f"SELECT e.date_start IS NULL AS u, {summary.week_sql(conn, 'e.date_start')} AS ws, e.event_type, "
            "e.sub_event_type, e.admin1, e.actor1, "
            f"CASE WHEN {counted} THEN 1 ELSE 0 END AS n, "
            f"CASE WHEN {counted} THEN coalesce({inc.best('fatalities')}, 0) ELSE 0 END AS f, "
            f"CASE WHEN {counted} THEN coalesce({inc.best('arrested')}, 0) ELSE 0 END AS a, "
            f"CASE WHEN {counted} THEN e.date_start END AS dmin, CASE WHEN {counted} THEN e.date_end END AS dmax, "
            f"1 AS ne FROM events e JOIN documents d ON d.doc_id = e.doc_id{inc.join} WHERE {where}"), params)
    where, params = event_where(conn, f)
    where_nodate, params_nodate = event_where(conn, f, dates=False)
    week = summary.week_sql(conn, "e.date_start")      # NULL for a date that is not a day (PostgreSQL too)
    inc = _by_incident(conn)      # totals and breakdowns count incidents, not reports or copies
    weekly = conn.execute(
        f"SELECT {week} AS week, e.event_type, count(*) AS n FROM events e JOIN documents d "
        f"ON d.doc_id = e.doc_id{inc.join} WHERE {where_nodate} AND {inc.counted} AND e.date_start IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY 1, 2", params_nodate).fetchall()
    undated = conn.execute(
        f"SELECT e.event_type, count(*) AS n FROM events e JOIN documents d ON d.doc_id = e.doc_id{inc.join} "
        f"WHERE {where_nodate} AND {inc.counted} AND e.date_start IS NULL GROUP BY 1 ORDER BY 1",
        params_nodate).fetchall()
    totals = conn.execute(
        f"SELECT count(*), sum(coalesce({inc.best('fatalities')},0)), sum(coalesce({inc.best('arrested')},0)), "
        f"min(e.date_start), max(e.date_end) FROM events e JOIN documents d ON d.doc_id = e.doc_id{inc.join} "
        f"WHERE {where} AND {inc.counted}", params).fetchone()
    events = conn.execute(f"SELECT count(*) FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE {where}",
                          params).fetchone()[0]
    return _figures(totals, events, {
        "by_event_type": _group(conn, "e.event_type", where, params),
        "by_sub_event_type": _group(conn, "e.sub_event_type", where, params),
        "by_admin1": _group(conn, "e.admin1", where, params),
        "by_actor": _group(conn, "e.actor1", where, params),
        "weekly": [{"week": r["week"], "event_type": r["event_type"], "events": r["n"]} for r in weekly],
        # the timeline's own bucket for events without a date (a report with no publication date)
        "undated": [{"event_type": r["event_type"], "events": r["n"]} for r in undated]})
