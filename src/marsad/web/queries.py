"""The read side of the API: plain functions over a sqlite3 connection returning dicts.

Tables are those of docs/INTERFACES.md (documents, extractions, events, claims); incidents
come from marsad.analysis when it is installed (see incidents.py).
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from marsad.web import cache, search
from marsad.web.filters import Filters, QueryError, parse_sort, sort_key

EVENT_SORTS = {"date": "e.date_start", "date_start": "e.date_start", "fatalities": "e.fatalities",
               "event_type": "e.event_type", "admin1": "e.admin1", "event_id": "e.event_id",
               "published": "d.published"}
DOC_SORTS = {"published": "d.published", "doc_id": "d.doc_id", "title": "d.title", "source": "d.source"}
CLAIM_SORTS = {"time": "c.time", "value": "c.value_low", "quantity": "c.quantity", "claim_id": "c.claim_id",
               "published": "d.published"}
# "Only the current extraction of a document counts" used to be a check on every row (a NOT EXISTS
# over extractions). It always holds: events and claims are only written together with their
# extraction, in one transaction (store.save_extraction, batch.load_partition), so the check is gone
# (tests/web/test_web_summary.py checks the invariant). CURRENT stays as the condition it now is.
CURRENT = "1=1"


def connect(path: str | Path) -> sqlite3.Connection:
    """A read connection: sqlite3 on a file, or marsad.store.pg's on a postgresql:// URL."""
    from marsad.store.pg import connect as pg_connect, is_url

    if is_url(str(path)):
        return pg_connect(str(path))  # type: ignore[return-value]  # duck-types sqlite3.Connection
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    search.register_functions(conn)
    return conn


def event_where(conn: sqlite3.Connection, f: Filters, *, dates: bool = True) -> tuple[str, list]:
    conds, params = ["1=1"], list[object]()
    if dates:
        _in_dates(f, conds, params, "e.date_end >= ?", "e.date_start <= ?")
    _types_and_box(f, "e", conds, params)
    if f.actor:
        conds.append("(e.actor1 = ? OR e.actor2 = ?)")
        params += [f.actor, f.actor]
    if f.admin1:
        conds.append("e.admin1 = ? COLLATE NOCASE")
        params.append(f.admin1)
    if f.q:
        clause, qp = search.doc_match_clause(conn, f.q, "d")
        conds.append(clause)
        params += qp
    if dates and f.undated:
        conds.append("e.date_start IS NULL")
    _since(f, conds, params)
    return " AND ".join(conds), params


def _in_dates(f: Filters, conds: list[str], params: list, from_cond: str, to_cond: str) -> None:
    """f.date_from and f.date_to, each as its condition with one ``?`` for the ISO day."""
    for cond, day in ((from_cond, f.date_from), (to_cond, f.date_to)):
        if day:
            conds.append(cond)
            params.append(day.isoformat())


def _types_and_box(f: Filters, a: str, conds: list[str], params: list) -> None:
    """The filters events (alias ``e``) and incidents (``i``) share: event and sub-event types, the map's box."""
    for column, values in (("event_type", f.event_type), ("sub_event_type", f.sub_event_type)):
        if values:
            conds.append(f"{a}.{column} IN ({','.join('?' * len(values))})")
            params += values
    if f.bbox:
        conds.append(f"{a}.lon BETWEEN ? AND ? AND {a}.lat BETWEEN ? AND ?")
        params += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]


def _since(f: Filters, conds: list, params: list, alias: str = "d") -> None:
    if f.since is not None:
        conds.append(f"{alias}.ingested_at >= ?")
        params.append(f.since_stamp)


def locate(text: str, evidence: str | None) -> tuple[int, int] | None:
    """Where the evidence sentence sits in the text: exact, else whitespace-insensitive."""
    if not text or not evidence:
        return None
    i = text.find(evidence)
    if i >= 0:
        return i, i + len(evidence)
    words = evidence.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def event_row(r: sqlite3.Row) -> dict:
    keys = r.keys()
    out = {k: r[k] for k in ("event_id", "doc_id", "event_type", "sub_event_type", "date_start",
                             "date_end", "actor1", "actor2", "fatalities", "injured", "arrested", "evidence")}
    if "date_note" in keys:     # set when the date was resolved against a recovered publication date
        out["date_note"] = r["date_note"]
    out["location"] = {k: r[k] for k in ("name_ar", "name_en", "country", "admin1", "lat", "lon",
                                         "geo_precision")}
    out["source"] = {k: r[k] for k in ("title", "source", "url", "published", "ingested_at") if k in keys}
    return out


EVENT_SELECT = ("SELECT e.*, d.title, d.source, d.url, d.published, d.ingested_at FROM events e "
                "JOIN documents d ON d.doc_id = e.doc_id")


def list_events(conn: sqlite3.Connection, f: Filters, cursor: str | None = None) -> dict:
    """A page of events matching `f` in the `sort` order (newest first by default; NULLs last,
    ties by event_id). `offset` pages, or `cursor` (the `next` of the previous page) continues
    after its last item by keyset: an index range, the same cost at any depth. A text search's
    pages by offset are kept per state of the events (marsad.web.cache)."""
    if f.q and not cursor:
        return cache.cached(conn, "events.page", f, lambda: _list_events(conn, f), f.limit, f.offset, f.sort)
    return _list_events(conn, f, cursor)


def _list_events(conn: sqlite3.Connection, f: Filters, cursor: str | None = None) -> dict:
    where, params = event_where(conn, f)
    sort = f.sort or "-date_start"
    col, desc = sort_key(sort, EVENT_SORTS, "-date_start")
    total = count_events(conn, f, where, params)
    prefix, where, params = _search_first(conn, f, where, params, total)
    if cursor:
        name, last, last_id = decode_cursor(cursor, 3)
        if not isinstance(last_id, str):
            raise QueryError("cursor", "not a cursor this API gave")
        if name != sort:
            raise QueryError("cursor", f"this cursor pages sort={name}, not sort={sort}")
        rows = _events_after(conn, where, params, col, desc, last, last_id, f.limit, prefix)
    else:
        rows = conn.execute(f"{prefix}{EVENT_SELECT} WHERE {where} ORDER BY {_event_order(col, desc)} "
                            "LIMIT ? OFFSET ?", [*params, f.limit, f.offset]).fetchall()
    field = col.split(".", 1)[1]
    nxt = encode_cursor(sort, rows[-1][field], rows[-1]["event_id"]) if len(rows) == f.limit else None
    return {"total": total, "limit": f.limit, "offset": f.offset, "next": nxt, "items": [event_row(r) for r in rows]}


WALK_ROWS = 2000     # _search_first: events a page may test one by one along its sort's index


def _search_first(conn, f: Filters, where: str, params: list, total: int) -> tuple[str, str, list]:
    """(WITH prefix, where, params) for a page of events in a sort order, `total` of which match.
    On PostgreSQL a text search is tested event by event along the sort's index until the page is
    full: each report that does not match costs a to_tsvector of its text, so a rare word walks far
    (1M events, a word in 2% of the reports: ~5,000 events and 300-400 ms for the first page).
    When the walk would pass more than WALK_ROWS events (the page's end over the share that
    matches), the matching reports are found first (the search indexes, once) and the page is
    sorted from their events (~130 ms there), a cost that grows with the matches instead, which a
    common word's walk keeps. The same rows either way. Elsewhere `where` as it is."""
    if not f.q or getattr(conn, "dialect", "sqlite") != "postgresql":
        return "", where, params
    row = conn.execute("SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass").fetchone()
    known = row is not None and row[0] is not None and row[0] > 0
    if known and total and (f.offset + f.limit) * float(row[0]) / total <= WALK_ROWS:
        return "", where, params
    from dataclasses import replace

    clause, qparams = search.doc_match_clause(conn, f.q, "sd")
    rest, rest_params = event_where(conn, replace(f, q=None))
    return (f"WITH matched AS MATERIALIZED (SELECT sd.doc_id FROM documents sd WHERE {clause}) ",
            f"{rest} AND e.doc_id IN (SELECT doc_id FROM matched)", [*qparams, *rest_params])


def count_events(conn, f: Filters, where: str, params: list) -> int:
    """How many events match `f` (`where`/`params`: its event_where): summed from the events summary
    when it answers `f` (marsad.store.summary), else counted."""
    from marsad.store import summary

    if summary.usable(conn, f):
        src, srcp = summary.source(conn, f)
        swhere, sparams = summary.where(f)
        row = conn.execute(f"SELECT CAST(sum(s.n_events) AS BIGINT) FROM {src} WHERE {swhere}",
                           [*srcp, *sparams]).fetchone()
        return row[0] or 0
    return cache.cached(conn, "events.total", f, lambda: conn.execute(
        f"SELECT count(*) FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE {where}", params).fetchone()[0])


def _event_order(col: str, desc: bool) -> str:
    return f"{col} {'DESC' if desc else 'ASC'} NULLS LAST, e.event_id"


def _events_after(conn, where: str, params: list, col: str, desc: bool, last, last_id: str, limit: int,
                  prefix: str = "") -> list:
    """The `limit` events after (last, last_id) in the order of _event_order: first the rest of
    the non-NULL values (a range on the sort index), then the NULLs by event_id. `prefix`: a WITH
    clause `where` reads (_search_first), its parameters first in `params`."""
    rows = []
    if last is not None:
        op = "<" if desc else ">"
        rows = conn.execute(f"{prefix}{EVENT_SELECT} WHERE {where} AND {col} {op}= ? AND ({col} {op} ? OR e.event_id > ?) "
                            f"ORDER BY {_event_order(col, desc)} LIMIT ?",
                            [*params, last, last, last_id, limit]).fetchall()
    if len(rows) < limit:
        cond, more = (f"{col} IS NULL", []) if last is not None else (f"{col} IS NULL AND e.event_id > ?", [last_id])
        rows += conn.execute(f"{prefix}{EVENT_SELECT} WHERE {where} AND {cond} ORDER BY e.event_id LIMIT ?",
                             [*params, *more, limit - len(rows)]).fetchall()
    return rows


def events_geojson(conn: sqlite3.Connection, f: Filters) -> dict:
    """The map layer: one Point per located event, properties flat (the JSON twin of the map)."""
    where, params = event_where(conn, f)
    order = _event_order(*sort_key(f.sort, EVENT_SORTS, "-date_start"))
    # only the columns the layer shows, read by position: the properties of event_row's dict
    # (event fields, date_note, place, source, title) without building it (5,000 rows a request)
    rows = conn.execute(f"SELECT {GEO_SELECT} FROM events e JOIN documents d ON d.doc_id = e.doc_id "
                        f"WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
                        f"ORDER BY {order} LIMIT ? OFFSET ?",
                        [*params, f.limit, f.offset]).fetchall()
    features = []
    for r in rows:
        t = tuple(r)
        features.append({"type": "Feature", "id": t[0], "properties": dict(zip(GEO_PROPS, t)),
                         "geometry": {"type": "Point", "coordinates": [t[-1], t[-2]]}})
    return {"type": "FeatureCollection", "features": features}


def events_geojson_bytes(conn, f: Filters) -> bytes:
    """events_geojson(conn, f) as UTF-8 JSON. On PostgreSQL the server builds the whole collection
    (json_build_object per feature, in the layer's order): 5,000 rows of 20 columns then cross the
    connection as one value, not as 100,000 values that Python turns into dicts and serializes
    again. Same features, same keys in the same order (tests/web/test_web_map_layer.py)."""
    import orjson

    if getattr(conn, "dialect", "sqlite") != "postgresql":
        return orjson.dumps(events_geojson(conn, f))
    where, params = event_where(conn, f)
    col, desc = sort_key(f.sort, EVENT_SORTS, "-date_start")
    props = ", ".join(f"'{p}', x.{p}" for p in GEO_PROPS)
    feature = (f"json_build_object('type', 'Feature', 'id', x.event_id, 'properties', json_build_object({props}), "
               "'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(x.lon, x.lat)))")
    row = conn.execute(
        f"SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg({feature} "
        f"ORDER BY x._sort {'DESC' if desc else 'ASC'} NULLS LAST, x.event_id), '[]'::json))::text "
        f"FROM (SELECT {GEO_SELECT}, {col} AS _sort FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        f"WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY {_event_order(col, desc)} "
        "LIMIT ? OFFSET ?) x", [*params, f.limit, f.offset]).fetchone()
    return row[0].encode()


def located_over(conn, f: Filters, limit: int) -> bool:
    """Whether more than `limit` located events match `f` (not counting past limit + 1): from the
    events summary's located counts when it answers `f`, else from the events."""
    from marsad.store import summary

    if summary.usable(conn, f):
        src, srcp = summary.source(conn, f)
        swhere, sparams = summary.where(f)
        n = conn.execute(f"SELECT CAST(coalesce(sum(s.n_located), 0) AS BIGINT) FROM {src} WHERE {swhere}",
                         [*srcp, *sparams]).fetchone()[0]
        return int(n) > limit
    return cache.cached(conn, "located.over", f, lambda: _located_over(conn, f, limit), limit)


def _located_over(conn, f: Filters, limit: int) -> bool:
    where, params = event_where(conn, f)
    frm = "events e JOIN documents d ON d.doc_id = e.doc_id" if f.q or f.since else "events e"
    n = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {frm} WHERE {where} AND e.lat IS NOT NULL "
                     "AND e.lon IS NOT NULL LIMIT ?) x", [*params, limit + 1]).fetchone()[0]
    return n > limit


GEO_PROPS = ("event_id", "doc_id", "event_type", "sub_event_type", "date_start", "date_end", "actor1", "actor2",
             "fatalities", "injured", "arrested", "evidence", "date_note", "name_ar", "name_en", "country", "admin1",
             "geo_precision", "source", "title")
GEO_SELECT = ", ".join([*(f"e.{c}" for c in GEO_PROPS[:-2]), "d.source", "d.title", "e.lat", "e.lon"])


def doc_where(conn: sqlite3.Connection, f: Filters) -> tuple[str, list]:
    conds, params = ["1=1"], list[object]()
    _in_dates(f, conds, params, "d.published >= ?", "d.published <= ?")
    if f.q:
        clause, qp = search.doc_match_clause(conn, f.q, "d")
        conds.append(clause)
        params += qp
    _since(f, conds, params)
    if f.event_type or f.sub_event_type or f.actor or f.admin1 or f.bbox:
        ev_f = Filters(event_type=f.event_type, sub_event_type=f.sub_event_type, actor=f.actor,
                       admin1=f.admin1, bbox=f.bbox)
        ev_where, ev_params = event_where(conn, ev_f, dates=False)
        conds.append(f"EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.doc_id AND {ev_where})")
        params += ev_params
    return " AND ".join(conds), params


def _count_sql(table: str, alias: str) -> str:
    return f"(SELECT count(*) FROM {table} {alias} WHERE {alias}.doc_id = d.doc_id)"


def list_documents(conn: sqlite3.Connection, f: Filters) -> dict:
    where, params = doc_where(conn, f)
    order = parse_sort(f.sort, DOC_SORTS, "-published")
    total = conn.execute(f"SELECT count(*) FROM documents d WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT d.doc_id, d.title, d.source, d.url, d.published, d.lang, d.ingested_at, "
        f"substr(d.text, 1, 240) AS snippet, "
        f"{_count_sql('events', 'e')} AS n_events, {_count_sql('claims', 'c')} AS n_claims "
        f"FROM documents d WHERE {where} ORDER BY {order}, d.doc_id LIMIT ? OFFSET ?",
        [*params, f.limit, f.offset]).fetchall()
    return {"total": total, "limit": f.limit, "offset": f.offset, "items": [dict(r) for r in rows]}


def claim_row(r: sqlite3.Row) -> dict:
    out = {k: r[k] for k in ("claim_id", "doc_id", "quantity", "value_low", "value_high", "qualifier", "place",
                             "time", "source_ar", "source_en", "source_kind", "evidence")}
    out["document"] = {k: r[k] for k in ("title", "source", "url", "published")}
    return out


def claim_where(conn: sqlite3.Connection, f: Filters, source_kind: str | None = None,
                quantity: str | None = None) -> tuple[str, list]:
    start = "CASE length(c.time) WHEN 4 THEN c.time || '-01-01' WHEN 7 THEN c.time || '-01' ELSE c.time END"
    end = "CASE length(c.time) WHEN 4 THEN c.time || '-12-31' WHEN 7 THEN c.time || '-31' ELSE c.time END"
    conds, params = ["1=1"], list[object]()
    if f.date_from:
        conds.append(f"{end} >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        conds.append(f"{start} <= ?")
        params.append(f.date_to.isoformat())
    if source_kind:
        conds.append("c.source_kind = ?")
        params.append(source_kind)
    if quantity:
        conds.append("lower(c.quantity) LIKE ?")
        params.append("%" + quantity.lower() + "%")
    _since(f, conds, params)
    if f.q:
        clause, qp = search.doc_match_clause(conn, f.q, "d")
        conds.append(clause)
        params += qp
    return " AND ".join(conds), params


def list_claims(conn: sqlite3.Connection, f: Filters, source_kind: str | None = None,
                quantity: str | None = None) -> dict:
    where, params = claim_where(conn, f, source_kind, quantity)
    order = parse_sort(f.sort, CLAIM_SORTS, "-time")
    base = "FROM claims c JOIN documents d ON d.doc_id = c.doc_id"
    total = conn.execute(f"SELECT count(*) {base} WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT c.*, d.title, d.source, d.url, d.published {base} WHERE {where} "
                        f"ORDER BY {order}, c.claim_id LIMIT ? OFFSET ?", [*params, f.limit, f.offset]).fetchall()
    return {"total": total, "limit": f.limit, "offset": f.offset, "items": [claim_row(r) for r in rows]}


# -- incidents in SQL (one page at a time) ---------------------------------------------------
# Newest first, undated last: ORDER BY coalesce(date_start, '') DESC, incident_id DESC (the order
# the endpoint always had). Filters are SQL over `incidents` (actor and q through the member
# events); only the page's incidents have their member events read. `cursor` (the `next` of the
# previous page) continues after the last item by keyset, which costs the same on every page.
INCIDENT_ORDER = "coalesce(i.date_start, '') DESC, i.incident_id DESC"


def encode_cursor(*values) -> str:
    import base64
    import json

    return base64.urlsafe_b64encode(json.dumps(values, ensure_ascii=False).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, n: int) -> list:
    import base64
    import binascii
    import json

    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):
        raise QueryError("cursor", "not a cursor this API gave") from None
    if (not isinstance(values, list) or len(values) != n
            or not all(v is None or isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values)):
        raise QueryError("cursor", "not a cursor this API gave")
    return values


def incident_where(conn, f: Filters, page: bool = False) -> tuple[str, list]:
    """The condition over `incidents i` for `f`. `page`: for a page in the order index (LIMIT n)
    rather than a count -- an actor with many events is then tested per incident walked (EXISTS:
    a few lookups per row until the page is full) instead of building the set of all its incidents."""
    conds, params = ["1=1"], list[object]()
    _types_and_box(f, "i", conds, params)
    if f.admin1:
        conds.append("lower(i.admin1) = lower(?)")
        params.append(f.admin1)
    # date_to as a range of the order index's own expression (INCIDENT_ORDER): a page starts there
    _in_dates(f, conds, params, "coalesce(i.date_end, '') >= ?",
              "coalesce(i.date_start, '') > '' AND coalesce(i.date_start, '') <= ?")
    lower = incident_start_bound(conn, f)
    if lower:         # the same incidents, date_start now a range from both ends (migration 0008)
        conds.append("coalesce(i.date_start, '') >= ?")
        params.append(lower)
    member = "SELECT 1 FROM incident_events m JOIN events me ON me.event_id = m.event_id"
    if f.actor and page and actor_has_many(conn, f.actor):
        conds.append(f"EXISTS ({member} WHERE m.incident_id = i.incident_id AND (me.actor1 = ? OR me.actor2 = ?))")
        params += [f.actor, f.actor]
    elif f.actor:     # the incidents of the actor's events (two index lookups; an EXISTS per incident scanned all)
        pick = "SELECT m.incident_id FROM events me JOIN incident_events m ON m.event_id = me.event_id WHERE me"
        conds.append(f"i.incident_id IN ({pick}.actor1 = ? UNION {pick}.actor2 = ?)")
        params += [f.actor, f.actor]
    if f.q and page:      # tested per incident walked until the page is full
        clause, qp = search.doc_match_clause(conn, f.q, "d")
        conds.append(f"EXISTS ({member} JOIN documents d ON d.doc_id = me.doc_id "
                     f"WHERE m.incident_id = i.incident_id AND {clause})")
        params += qp
    elif f.q:   # a count: the incidents of the matching reports' events, the search evaluated once (an EXISTS
        # per incident tested it for every incident: 1M events on SQLite, a word in 2% of the reports, 6.7 -> 0.13 s)
        clause, qp = search.doc_match_clause(conn, f.q, "d")
        conds.append("i.incident_id IN (SELECT m.incident_id FROM documents d JOIN events me ON me.doc_id = d.doc_id "
                     f"JOIN incident_events m ON m.event_id = me.event_id WHERE {clause})")
        params += qp
    return " AND ".join(conds), params


def incident_start_bound(conn, f: Filters) -> str | None:
    """The earliest date_start an incident ending on or after f.date_from can have: date_from
    minus the largest incident span (migration 0008, kept by triggers; computed by the summary's
    refresh when not known, never by a request); None when there is no date_from or no bound."""
    import datetime as dt

    if not f.date_from:
        return None
    try:
        row = conn.execute("SELECT days, odd FROM incident_span WHERE id = 1").fetchone()
    except sqlite3.OperationalError:       # a database from before migration 0008
        from marsad.store.ledger import rollback_failed

        rollback_failed(conn)
        return None
    if row is None or row[0] is None or row[1]:
        return None
    try:
        return (f.date_from - dt.timedelta(days=max(row[0], 0))).isoformat()
    except OverflowError:
        return None


def _incident_members(conn, ids: list[str]) -> dict[str, list[dict]]:
    from marsad.analysis.consensus import COUNT_FIELDS
    from marsad.analysis.incident_store import _COLS

    if not ids:
        return {}
    cur = conn.execute(
        f"SELECT ie.incident_id AS _inc, {_COLS}, d.source AS source, d.published AS published "
        f"FROM incident_events ie JOIN events e ON e.event_id = ie.event_id "
        f"LEFT JOIN documents d ON d.doc_id = e.doc_id WHERE ie.incident_id IN ({','.join('?' * len(ids))}) "
        "ORDER BY e.date_start, e.doc_id, e.event_id", ids)
    keep = ("event_id", "doc_id", "source", "published", "event_type", "sub_event_type", "date_start",
            "date_end", "actor1", "actor2", "name_ar", "name_en", *COUNT_FIELDS, "evidence")
    out: dict[str, list[dict]] = {}
    for r in cur:
        out.setdefault(r["_inc"], []).append({k: r[k] for k in keep})
    return out


def list_incidents(conn, f: Filters, cursor: str | None = None) -> dict:
    """A page of incidents matching `f`, in the shape marsad.analysis.list_incidents gives (a text
    search's pages by offset kept per state of the events, marsad.web.cache)."""
    if f.q and not cursor:
        return cache.cached(conn, "incidents.page", f, lambda: _list_incidents(conn, f), f.limit, f.offset)
    return _list_incidents(conn, f, cursor)


def _list_incidents(conn, f: Filters, cursor: str | None = None) -> dict:
    from marsad.analysis import ensure_schema
    from marsad.analysis.incident_store import _INCIDENT_COLS, _incident_dict

    ensure_schema(conn)
    where, params = incident_where(conn, f)
    total, approx = incident_total(conn, f, where, params)
    page_where, page_params = incident_where(conn, f, page=True)
    offset = f.offset
    if cursor:
        last_date, last_id = decode_cursor(cursor, 2)
        page_where += " AND (coalesce(i.date_start, '') < ? OR (coalesce(i.date_start, '') = ? AND i.incident_id < ?))"
        page_params += [last_date, last_date, last_id]
        offset = 0
    cols = ", ".join(f"i.{c}" for c in _INCIDENT_COLS)
    rows = conn.execute(f"SELECT {cols} FROM incidents i WHERE {page_where} ORDER BY {INCIDENT_ORDER} "
                        "LIMIT ? OFFSET ?", [*page_params, f.limit, offset]).fetchall()
    rows = [{c: r[c] for c in _INCIDENT_COLS} for r in rows]
    members = _incident_members(conn, [r["incident_id"] for r in rows])
    items = [_incident_dict(r, members.get(r["incident_id"], [])) for r in rows]
    nxt = encode_cursor(rows[-1]["date_start"] or "", rows[-1]["incident_id"]) if len(rows) == f.limit else None
    out = {"total": total, "limit": f.limit, "offset": f.offset, "next": nxt, "items": items}
    if approx:
        out["total_approx"] = True
    return out


INCIDENTS_EXACT = 5000     # an actor with more events than this: the incidents page's total is the summary's


def actor_has_many(conn, actor: str) -> bool:
    """Whether `actor` is named by more than INCIDENTS_EXACT events (two index ranges, cut there)."""
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM events WHERE actor1 = ? UNION ALL "
                        "SELECT 1 FROM events WHERE actor2 = ? LIMIT ?) x",
                        (actor, actor, INCIDENTS_EXACT + 1)).fetchone()[0] > INCIDENTS_EXACT


def incident_total(conn, f: Filters, where: str, params: list) -> tuple[int, bool]:
    """(total, approximate) of the incidents matching `f`. Exact, except for an actor with more than
    INCIDENTS_EXACT events when the events summary answers `f`: counting every incident of such an
    actor means building the set of its incidents (~100k at a million events: 1-2 s) on every page,
    so the total is then the summary's incident count for `f` -- the "incidents" figure /api/totals
    gives the dashboard's header for the same filter (each real-world event once, by the event
    counted for it) -- and the response says `total_approx: true` (shown as "≈")."""
    if f.actor and not f.q and not f.bbox:
        from marsad.store import summary

        if actor_has_many(conn, f.actor) and summary.usable(conn, f):
            src, srcp = summary.source(conn, f)
            swhere, sparams = summary.where(f)
            n = conn.execute(f"SELECT CAST(coalesce(sum(s.n_incidents), 0) AS BIGINT) FROM {src} "
                             f"WHERE {swhere}", [*srcp, *sparams]).fetchone()[0]
            return int(n), True
    n = cache.cached(conn, "incidents.total", f, lambda: conn.execute(
        f"SELECT count(*) FROM incidents i WHERE {where}", params).fetchone()[0])
    return n, False
