"""The dashboard's own views: totals that follow the filters, monthly trends, the incidents and
the paged claims ledger, the filtered export, and /docs served offline. Plain functions over a
sqlite3 connection (the JSON twins of the dashboard's panels) plus `register(app)`."""
import datetime as dt
import sqlite3
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from marsad.web import bridge, cache, queries
from marsad.web.filters import Filters

FROM_EVENTS = "FROM events e JOIN documents d ON d.doc_id = e.doc_id"
FIGURES = ("fatalities", "injured", "arrested")
# the claims of the reports in `m` (a WITH of their doc_id), from that set: one probe of the claims'
# doc_id index per report
_CLAIMS_OF_M = "(SELECT count(*) FROM claims c WHERE c.doc_id IN (SELECT doc_id FROM m))"


def filtered(f: Filters) -> bool:
    return bool(f.date_from or f.date_to or f.event_type or f.sub_event_type or f.actor or f.admin1
                or f.bbox or f.q or getattr(f, "undated", False) or getattr(f, "since", None))


def _incident_sql(conn: sqlite3.Connection):
    """marsad.analysis's SQL that counts rows of events by incident (each real-world event once,
    its best estimate of each toll); events as they are on a database without incident estimates."""
    from marsad.analysis.counting import RAW, incident_sql
    return incident_sql(conn) or RAW


def totals(conn: sqlite3.Connection, f: Filters) -> dict:
    """Every figure of the dashboard's header for the events matching `f`: events (one per report),
    their reports, the incidents (each real-world event once), the claims of those reports, and the
    killed, injured and arrested (sums of each incident's best estimate). From the events summary
    (marsad.store.summary) when it answers `f`, else from the events (a text search's: counted once
    per state of the events, marsad.web.cache)."""
    return cache.cached(conn, "totals", f, lambda: _totals(conn, f))


def _totals(conn: sqlite3.Connection, f: Filters) -> dict:
    from marsad.store import summary

    where, params = queries.event_where(conn, f)
    usable = summary.usable(conn, f)
    out: dict[str, object] = {"filtered": filtered(f)}
    counts: tuple[int, int] | None
    if usable:
        src, srcp = summary.source(conn, f)
        swhere, sparams = summary.where(f)
        row = conn.execute("SELECT " + ", ".join(f"CAST(sum(s.{c}) AS BIGINT)" for c in (
            "n_events", "n_located", "n_incidents", *FIGURES)) + f" FROM {src} WHERE {swhere}",
            [*srcp, *sparams]).fetchone()
        out.update({"events": row[0] or 0, "located": row[1] or 0, "incidents": row[2] or 0,
                    **{k: int(row[3 + i] or 0) for i, k in enumerate(FIGURES)}})
        counts = summary.doc_counts(conn, f) if out["filtered"] else None
        if counts is None and out["filtered"]:
            bound = summary.start_bound(conn, f)
            if bound is not None:     # a range on the date index instead of every event before date_to
                where, params = f"{where} AND e.date_start >= ?", [*params, bound]
            # no text search or `since` here: the filter is over events alone
            docs = conn.execute(f"WITH m AS (SELECT DISTINCT e.doc_id FROM events e WHERE {where}) "
                                f"SELECT count(*), {_CLAIMS_OF_M} FROM m", params).fetchone()
            counts = (docs[0], docs[1])
    else:
        # one pass over the matching events (with text search: one evaluation of the search), kept as
        # `m`: the figures, the reports, and the claims of those reports (from the reports' set:
        # a plan from the claims side tested the search once per claim)
        inc = _incident_sql(conn)
        counted = f"CASE WHEN {inc.counted} THEN 1 ELSE 0 END"
        best = ", ".join(f"CASE WHEN {inc.counted} THEN coalesce({inc.best(k)}, 0) ELSE 0 END AS {k}" for k in FIGURES)
        row = conn.execute(
            f"WITH m AS (SELECT e.doc_id, CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL THEN 1 ELSE 0 END "
            f"AS located, {counted} AS counted, {best} {FROM_EVENTS}{inc.join} WHERE {where}) "
            f"SELECT count(*), sum(located), sum(counted), {', '.join(f'sum({k})' for k in FIGURES)}, "
            f"count(DISTINCT doc_id), {_CLAIMS_OF_M} FROM m", params).fetchone()
        out.update({"events": row[0], "located": row[1] or 0, "incidents": row[2] or 0,
                    **{k: int(row[3 + i] or 0) for i, k in enumerate(FIGURES)}})
        counts = (row[6], row[7]) if out["filtered"] else None
    if counts is not None:        # one event type, governorate or actor: the reports' facets; else counted
        out["documents"], out["claims"] = counts
    else:
        from marsad.store.counts import count

        out["documents"], out["claims"] = count(conn, "documents"), count(conn, "claims")
    return {k: out[k] for k in ("filtered", "events", "documents", "located", "incidents", *FIGURES, "claims")}


def trends(conn: sqlite3.Connection, f: Filters) -> dict:
    """Incidents (each real-world event once) and fatalities (best estimates) by month and event
    type, by the first day of each; from the events summary when it answers `f` (a text search's:
    counted once per state of the events, marsad.web.cache)."""
    return cache.cached(conn, "trends", f, lambda: _trends(conn, f))


def _trends(conn: sqlite3.Connection, f: Filters) -> dict:
    from marsad.store import summary

    if summary.usable(conn, f):
        src, srcp = summary.source(conn, f)
        where, params = summary.where(f)
        rows = conn.execute(f"SELECT s.ms AS month, s.event_type, CAST(sum(s.n_incidents) AS BIGINT) AS n, "
                            f"CAST(sum(s.fatalities) AS BIGINT) AS killed FROM {src} WHERE {where} "
                            "AND s.bucket <> '' GROUP BY 1, 2 HAVING sum(s.n_incidents) > 0 ORDER BY 1, 2",
                            [*srcp, *params]).fetchall()
    else:
        where, params = queries.event_where(conn, f)
        inc = _incident_sql(conn)
        rows = conn.execute(f"SELECT substr(e.date_start, 1, 7) AS month, e.event_type, count(*) AS n, "
                            f"sum(coalesce({inc.best('fatalities')}, 0)) AS killed {FROM_EVENTS}{inc.join} "
                            f"WHERE {where} AND {inc.counted} AND e.date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                            params).fetchall()
    months = sorted({r["month"] for r in rows})
    return {"months": _fill_months(months), "rows": [
        {"month": r["month"], "event_type": r["event_type"], "events": r["n"], "fatalities": r["killed"]}
        for r in rows]}


def _fill_months(months: list[str]) -> list[str]:
    """Every month from the first to the last of `months` ("YYYY-MM"); a date that is not one
    (text in a date column) is left out: it once made this loop run forever."""
    import re

    months = sorted(m for m in months if m and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m))
    if not months:
        return []
    year, month = map(int, months[0].split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= months[-1]:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def incidents_page(conn: sqlite3.Connection, f: Filters) -> dict:
    """Incidents (newest first) matching the filter, one row each with every report's figures: a
    page of marsad.web.queries.list_incidents (SQL, only the page's members read)."""
    return queries.list_incidents(conn, f)


def ledger_page(conn: sqlite3.Connection, factor: float = 1.5, contradictions: bool = False,
                q: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """The claims ledger a page at a time: groups (contradictions first, then the most values),
    each as marsad.store.ledger.head shows it: `n_values`, at most 20 of its values (the lowest
    and highest among them) and its series over time (one point per dated value, at most 120). Read from the
    stored ledger (marsad.store.ledger) when it is current and the factor is the default; computed
    from every claim otherwise."""
    from marsad.store import ledger as stored
    if factor == stored.DEFAULT_FACTOR and stored.current(conn):
        total, page = stored.page(conn, contradictions=contradictions, q=q, limit=limit, offset=offset)
        return {"factor": factor, "total": total, "limit": limit, "offset": offset, "groups": page}
    groups = bridge.ledger(conn, factor)
    if contradictions:
        groups = [g for g in groups if g.get("contradiction")]
    if q:
        needle = q.strip().lower()
        groups = [g for g in groups if needle in " ".join(str(g.get(k) or "") for k in
                                                          ("key", "quantity", "place", "period")).lower()
                  or any(needle in str(v.get("source_ar") or "") + str(v.get("source_en") or "").lower()
                         for v in g.get("values") or [])]
    groups.sort(key=lambda g: (not g.get("contradiction"), -len(g.get("values") or []), str(g.get("key"))))
    page = [stored.head(g) for g in groups[offset:offset + limit]]
    return {"factor": factor, "total": len(groups), "limit": limit, "offset": offset, "groups": page}


@lru_cache(maxsize=4)
def basemap_places(countries: tuple[str, ...] = ("SY", "IQ")) -> dict:
    """The base map's town labels: every city and town of the gazetteer in `countries`."""
    from marsad.geo import load_gazetteer
    features = []
    for e in load_gazetteer().entries:
        if e.kind in ("city", "town") and e.country in countries:
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(e.lon, 4), round(e.lat, 4)]},
                             "properties": {"name_en": e.name_en, "name_ar": e.name_ar, "rank": e.kind,
                                            "admin1": e.admin1}})
    return {"type": "FeatureCollection", "features": features}


def export_response(conn: sqlite3.Connection, f: Filters, fmt: str, bom: bool) -> Response:
    from marsad import acled, exports
    fmt = exports.check_format(fmt)
    where, params = queries.event_where(conn, f)
    stamp = dt.date.today().strftime("%Y%m%d")
    name = f"marsad-events-{stamp}.{exports.SUFFIXES[fmt]}"
    if fmt == "jsonl":
        ids = {r[0] for r in conn.execute(f"SELECT e.event_id {FROM_EVENTS} WHERE {where}", params)}
        body: str | bytes = _jsonl_of(conn, ids)
    else:
        rows = acled.acled_rows(conn, where, params)
        body = {"acled": lambda: exports.csv_text(rows, bom=bom), "csv": lambda: exports.csv_text(rows, bom=bom),
                "geojson": lambda: exports.geojson_text(rows), "xlsx": lambda: exports.xlsx_bytes(rows)}[fmt]()  # type: ignore[assignment]
    return Response(body, media_type=exports.MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _jsonl_of(conn: sqlite3.Connection, event_ids: set[str]) -> str:
    import json
    out = []
    docs = sorted({e.rsplit(":", 1)[0] for e in event_ids})
    for doc_id in docs:
        row = conn.execute("SELECT result_json FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()
        if not row:
            continue
        record = json.loads(row[0])
        record["events"] = [ev for n, ev in enumerate(record.get("events") or [], 1) if f"{doc_id}:{n}" in event_ids]
        out.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(out)


def events_grid(conn: sqlite3.Connection, f: Filters, cell: float) -> dict:
    """Every located event matching `f`, counted in cells of `cell` degrees (the map's layer when more
    events match than it can draw one by one): each cell's event count, its events' mean position,
    fatalities (as reported) and count by event type. Nothing is capped, so the map stays truthful.
    A cell is [k * cell, (k + 1) * cell) in each axis. Counted ahead (marsad.store.cells) for the
    dashboard's cell sizes and the filters that table answers; else grouped from the events."""
    from marsad.store import cells as counted

    if counted.answers(f, cell) and counted.built(conn):
        return _grid(counted.grid_rows(conn, f, cell), cell)
    return cache.cached(conn, "grid", f, lambda: _grid(_grid_from_events(conn, f, cell), cell), float(cell))


def _grid_from_events(conn: sqlite3.Connection, f: Filters, cell: float) -> list:
    """events_grid's rows grouped from the events themselves."""
    from marsad.store import cells as counted, summary

    where, params = queries.event_where(conn, f)
    bound = summary.start_bound(conn, f) if f.date_from and summary.usable(conn, f) else None
    if bound is not None:     # a range on the date index instead of every event before date_to
        where, params = f"{where} AND e.date_start >= ?", [*params, bound]
    frm = FROM_EVENTS if f.q or f.since else "FROM events e"
    size = f"CAST({float(cell)!r} AS DOUBLE PRECISION)"      # a float the route validated
    gy, gx = (counted.floor_sql(conn, f"e.{c} / {size}") for c in ("lat", "lon"))
    return [tuple(r) for r in conn.execute(
        f"SELECT {gy} AS gy, {gx} AS gx, e.event_type, count(*), sum(e.lat), sum(e.lon), "
        f"sum(coalesce(e.fatalities, 0)) {frm} WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "GROUP BY 1, 2, 3", params).fetchall()]


def _grid(rows, cell: float) -> dict:
    """events_grid's answer from its rows (gy, gx, event_type, events, sum of lat, of lon, fatalities)."""
    cells: dict[tuple, dict] = {}
    for gy, gx, event_type, n, lat, lon, killed in rows:
        c = cells.setdefault((gy, gx), {"events": 0, "fatalities": 0, "lat": 0.0, "lon": 0.0, "types": {}})
        c["lat"] += float(lat)
        c["lon"] += float(lon)
        c["events"] += int(n)
        c["fatalities"] += int(killed or 0)
        c["types"][event_type] = int(n)
    out = []
    for c in cells.values():
        c["lat"], c["lon"] = round(c["lat"] / c["events"], 5), round(c["lon"] / c["events"], 5)
        out.append(c)
    out.sort(key=lambda c: (-c["events"], c["lat"], c["lon"]))
    return {"cell": cell, "events": sum(c["events"] for c in out), "cells": out}


def register(app: FastAPI, conn_dep, filters_dep, static) -> None:
    """The routes of this module; `conn_dep` and `filters_dep` are api.py's dependencies."""
    Conn = Annotated[sqlite3.Connection, Depends(conn_dep)]
    F = Annotated[Filters, Depends(filters_dep)]

    @app.get("/api/totals", tags=["read"], summary="The header's figures for the events matching the filter")
    def totals_route(conn: Conn, f: F) -> dict:
        return totals(conn, f)

    @app.get("/api/trends", tags=["read"], summary="Events and fatalities by month and event type")
    def trends_route(conn: Conn, f: F) -> dict:
        return trends(conn, f)

    @app.get("/api/incidents/page", tags=["read"], summary="Incidents matching the filter, newest first")
    def incidents_route(conn: Conn, f: F) -> dict:
        return incidents_page(conn, f)

    @app.get("/api/ledger", tags=["read"], summary="The claims ledger, paged, with each quantity's series")
    def ledger_route(conn: Conn, factor: Annotated[float, Query(gt=1.0, le=1000.0)] = 1.5,
                     contradictions: bool = False, q: Annotated[str | None, Query(max_length=200)] = None,
                     limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        return ledger_page(conn, factor, contradictions, q, limit, offset)

    @app.get("/api/events/grid", tags=["read"],
             summary="Located events matching the filter, counted in cells of `cell` degrees (the map when capped)")
    def grid_route(conn: Conn, f: F, cell: Annotated[float, Query(ge=0.001, le=10.0)] = 0.25) -> dict:
        return events_grid(conn, f, cell)

    @app.get("/api/basemap/places", tags=["read"], summary="Town and city labels for the offline base map")
    def places_route() -> JSONResponse:
        return JSONResponse(basemap_places(), media_type="application/geo+json")

    @app.get("/api/basemap/rivers", tags=["read"],
             summary="The offline base map's rivers (GeoJSON): the main rivers named in Arabic and English, and every river line of the region")
    def rivers_route() -> FileResponse:
        return FileResponse(static / "rivers.geojson", media_type="application/geo+json")

    @app.get("/api/export", tags=["read"], summary="The filtered events as a file: ACLED CSV, GeoJSON, XLSX or JSONL",
             response_class=Response)
    def export_route(conn: Conn, f: F, format: Annotated[str, Query(pattern="^(acled|csv|geojson|xlsx|jsonl)$")] = "acled",
                     bom: bool = False) -> Response:
        return export_response(conn, f, format, bom)

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/redoc", include_in_schema=False)
    def redoc(_request: Request) -> RedirectResponse:
        return RedirectResponse("/docs")
