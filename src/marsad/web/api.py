"""The FastAPI app: read API, the map layer's GeoJSON twin, the dashboard, and (only with a
token) write endpoints. Build it with `create_app(db_path, token=None)`."""
import datetime as dt
import hmac
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Annotated, Iterable, Iterator

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from marsad.web import bridge, queries, reports, views
from marsad.web.filters import MAX_LIMIT, Filters, QueryError, parse_bbox

STATIC = Path(str(resources.files("marsad.web") / "static"))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'")
MAX_BODY = 16 * 1024 * 1024        # bytes of one request body (a posted report's text is at most 2M characters)
MAX_OFFSET = 2**31 - 1            # paging offsets past this are refused (422), never passed to SQL
# Host names the API answers to (anything else is refused: a DNS-rebinding page cannot read a local
# API). `marsad serve` adds the interface it binds and each --allow-host; "testserver" is the test client.
DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")


def security_headers() -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


def filters(
    date_from: Annotated[dt.date | None, Query(description="ISO date; events ending on or after it")] = None,
    date_to: Annotated[dt.date | None, Query(description="ISO date; events starting on or before it")] = None,
    event_type: Annotated[list[str], Query(description="ACLED event type (repeatable)")] = [],  # noqa: B006
    sub_event_type: Annotated[list[str], Query(description="ACLED sub-event type (repeatable)")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(max_length=100, description="actor code, as actor1 or actor2")] = None,
    admin1: Annotated[str | None, Query(max_length=100, description="governorate (English name)")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    q: Annotated[str | None, Query(max_length=500, description="full-text search, Arabic-normalized")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Annotated[str | None, Query(max_length=40, description="field or -field")] = None,
    since: Annotated[dt.datetime | None, Query(description="ISO time (UTC if no offset); only reports "
                                               "ingested at or after it, e.g. by `marsad watch`")] = None,
    undated: Annotated[bool, Query(description="only events without a date")] = False,
) -> Filters:
    return Filters(date_from=date_from, date_to=date_to, event_type=event_type, sub_event_type=sub_event_type,
                   actor=actor or None, admin1=admin1 or None, bbox=parse_bbox(bbox), q=q or None,
                   limit=limit, offset=offset, sort=sort, since=since, undated=undated).validate()


def _query_error(_request: Request, exc: QueryError) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": [
        {"loc": ["query", exc.param], "msg": exc.message, "type": "value_error"}]})


def db(request: Request) -> Iterator[sqlite3.Connection]:
    pool = request.app.state.pool        # PostgreSQL: open connections kept for the next request
    conn = pool.get() if pool is not None else queries.connect(request.app.state.db_path)
    try:
        yield conn
    finally:
        if pool is not None:
            pool.put(conn)
        else:
            conn.close()


Conn = Annotated[sqlite3.Connection, Depends(db)]
F = Annotated[Filters, Depends(filters)]


def create_app(db_path: str | Path, token: str | None = None,
               allowed_hosts: Iterable[str] | None = DEFAULT_HOSTS, preparation=None) -> FastAPI:
    """The API over one database (a SQLite file or a postgresql:// URL); ``token`` enables the write
    endpoints; ``allowed_hosts`` (None: any) are the Host header values answered; ``preparation``
    (marsad.web.bridge.prepare's) is the catch-up `serve` runs in the background, reported by
    /api/health until it is done."""
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from fastapi.exceptions import RequestValidationError

    from marsad.store.pg import Pool, is_url
    from marsad.web.guard import SecurityHeaders, WriteGuard, server_error, validation_error

    db_path = str(db_path) if is_url(str(db_path)) else Path(db_path)
    app = FastAPI(title="marsad API", version="1", summary="Events, incidents and claims from Arabic "
                  "conflict reports (ACLED typology), with their sources.", docs_url=None, redoc_url=None)
    app.state.db_path, app.state.token, app.state.preparation = db_path, token, preparation
    app.state.pool = Pool(str(db_path)) if is_url(str(db_path)) else None     # closed with the app
    app.add_exception_handler(QueryError, _query_error)  # type: ignore[arg-type]  # starlette types handlers for Exception
    app.add_exception_handler(Exception, server_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    # outermost last: headers on every response (the host check's too), then the host check, then the
    # token and body-size check, which runs before any body is read or parsed
    app.add_middleware(WriteGuard, token=token, max_body=MAX_BODY)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders, headers=security_headers())

    _read_routes(app)
    _analysis_routes(app)
    _document_routes(app)
    views.register(app, db, filters, STATIC)     # dashboard views, exports, /docs (offline Swagger UI)
    _static_routes(app)
    if token:
        from marsad.web.writes import write_router
        app.include_router(write_router(db_path, token))
    return app


def _read_routes(app: FastAPI) -> None:
    @app.get("/api/events", tags=["read"])
    def events(conn: Conn, f: F, cursor: Annotated[str | None, Query(
            max_length=500, description="the `next` of the previous page (keyset paging)")] = None) -> dict:
        return queries.list_events(conn, f, cursor)

    @app.get("/api/events.geojson", tags=["read"], summary="The map layer: located events as GeoJSON")
    def events_geojson(conn: Conn, f: F, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT * 50)] = 5000,
                       whole: Annotated[bool, Query(description=(
                           "only every located event or none: when more than `limit` match, no features "
                           "and `capped: true` (the dashboard then asks /api/events/grid)"))] = False):
        f.limit = limit      # 5,000 features: built by PostgreSQL itself, or by orjson from SQLite's rows
        if whole and queries.located_over(conn, f, limit):
            return Response(b'{"type":"FeatureCollection","features":[],"capped":true}',
                            media_type="application/geo+json")
        return Response(queries.events_geojson_bytes(conn, f), media_type="application/geo+json")



def _analysis_routes(app: FastAPI) -> None:
    @app.get("/api/incidents", tags=["read"])
    def incidents(conn: Conn, f: F, cursor: Annotated[str | None, Query(
            max_length=500, description="the `next` of the previous page (keyset paging)")] = None) -> dict:
        return queries.list_incidents(conn, f, cursor)

    @app.get("/api/claims", tags=["read"])
    def claims(conn: Conn, f: F, source_kind: Annotated[str | None, Query(max_length=40)] = None,
               quantity: Annotated[str | None, Query(max_length=100)] = None) -> dict:
        return queries.list_claims(conn, f, source_kind, quantity)

    @app.get("/api/claims/ledger", tags=["read"], summary="Claims grouped by what they count, contradictions flagged")
    def claims_ledger(conn: Conn, factor: Annotated[float, Query(gt=1.0, le=1000.0)] = 1.5,
                      contradictions: bool = False) -> dict:
        from marsad.store import ledger as stored
        if factor == stored.DEFAULT_FACTOR and stored.current(conn):     # the stored ledger, in key order
            return {"factor": factor, "groups": stored.page(conn, contradictions=contradictions, limit=None,
                                                            by_key=True)[1]}
        groups = bridge.ledger(conn, factor)
        if contradictions:
            groups = [g for g in groups if g.get("contradiction")]
        return {"factor": factor, "groups": groups}



def _document_routes(app: FastAPI) -> None:
    @app.get("/api/documents", tags=["read"])
    def documents(conn: Conn, f: F) -> dict:
        return queries.list_documents(conn, f)

    @app.get("/api/documents/{doc_id}", tags=["read"])
    def document(conn: Conn, doc_id: str) -> dict:
        doc = reports.get_document(conn, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return doc

    @app.get("/api/stats", tags=["read"])
    def stats(conn: Conn, f: F) -> dict:
        return reports.stats(conn, f)

    @app.get("/api/basemap", tags=["read"], summary="The offline base map (GeoJSON, simplified boundaries)")
    def basemap() -> Response:
        return FileResponse(STATIC / "basemap.geojson", media_type="application/geo+json")

    @app.get("/api/health", tags=["read"])
    def health(conn: Conn) -> dict:
        """`state` is "preparing" while `serve` still catches up (`step`: incidents or search; answers
        meanwhile count a not-yet-merged event as its own incident), then "ready"."""
        prep = app.state.preparation
        from marsad.store.counts import count

        return {"ok": True, "documents": count(conn, "documents"),
                "write": bool(app.state.token), **(prep.status() if prep is not None else {"state": "ready"})}


def _static_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


def check_token(expected: str, authorization: str | None, x_marsad_token: str | None) -> None:
    """401 without a token, 403 with a wrong one."""
    given = x_marsad_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given:
        raise HTTPException(401, "this endpoint needs the API token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, "wrong API token")


