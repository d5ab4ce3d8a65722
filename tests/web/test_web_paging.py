"""Incidents in SQL: the same answer as the Python filter it replaced, and keyset paging
(`cursor` = the previous page's `next`) giving exactly the offset pages."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.web import bridge, queries
from marsad.web.filters import Filters, QueryError

FILTERS = [
    Filters(),
    Filters(event_type=["Explosions/Remote violence"]),
    Filters(sub_event_type=["Arrests"]),
    Filters(admin1="ar-raqqa"),
    Filters(date_from=dt.date(2025, 3, 10)),
    Filters(date_to=dt.date(2025, 3, 9)),
    Filters(actor="international_coalition"),
    Filters(bbox=(38.0, 35.0, 40.0, 36.5)),
    Filters(q="الرقة"),
    Filters(q="ذيبان", event_type=["Battles"]),
]


@pytest.fixture()
def merged(fresh_db):
    """A test database of its own with its incidents merged (as `serve` and `extract` do)."""
    conn = queries.connect(fresh_db)
    bridge.update_incidents(conn)
    conn.close()
    return fresh_db


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr({k: v for k, v in vars(f).items() if v}))
def test_sql_incidents_match_the_python_filter(merged, f):
    conn = queries.connect(merged)
    doc_ids = None
    if f.q:
        doc_ids = {r["doc_id"] for r in queries.list_documents(conn, Filters(q=f.q, limit=1000))["items"]}
    want = [i for i in bridge.all_incidents(conn) if bridge.incident_matches(i, f, doc_ids)]
    want.sort(key=lambda i: (i.get("date_start") or "", str(i.get("incident_id"))), reverse=True)
    got = queries.list_incidents(conn, f)
    assert got["total"] == len(want)
    assert got["items"] == want
    conn.close()


def test_keyset_pages_are_the_offset_pages(merged):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    client = TestClient(create_app(merged))
    full = client.get("/api/incidents?limit=100").json()
    assert full["total"] == len(full["items"]) >= 3 and full["next"] is None
    seen, cursor = [], None
    while True:
        page = client.get("/api/incidents", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert [i["incident_id"] for i in seen][:full["total"]] == [i["incident_id"] for i in full["items"]]
    second = client.get("/api/incidents?limit=1&offset=1").json()["items"]
    assert second == [seen[1]]


@pytest.mark.parametrize("cursor", ["x", "WzFd", "bm90IGpzb24"])
def test_a_cursor_not_given_by_the_api_is_a_422(client, cursor):
    r = client.get("/api/incidents", params={"cursor": cursor})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_decode_cursor_round_trip():
    assert queries.decode_cursor(queries.encode_cursor("2025-03-09", "inc-1"), 2) == ["2025-03-09", "inc-1"]
    with pytest.raises(QueryError):
        queries.decode_cursor(queries.encode_cursor("only one"), 2)
