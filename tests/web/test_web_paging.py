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


# -- events: keyset paging (`cursor` = the previous page's `next`) ---------------------------------
MORE_EVENTS = [   # ties on the date, undated events and unknown tolls: the cases keyset paging must get right
    ("k-1", "2025-03-09", 3, "اشتباكات بين فصيلين في ريف حلب الشمالي."),
    ("k-2", None, None, "قصف مدفعي على أطراف بلدة في ريف إدلب."),
    ("k-3", "2025-03-09", None, "انفجار عبوة ناسفة على طريق دير الزور."),
    ("k-4", None, 7, "غارة جوية على موقع للتنظيم في البادية."),
    ("k-5", "2024-12-31", 0, "اعتقال ثلاثة أشخاص في حملة دهم بمدينة الحسكة."),
]


@pytest.fixture()
def many_events(fresh_db):
    from marsad.documents import make_document
    from marsad.store import Store, save_extraction
    with Store(fresh_db) as store:
        for doc_id, day, killed, text in MORE_EVENTS:
            with store.transaction():
                store.insert_document(make_document(text, doc_id=doc_id, published=day), is_arabic=True, path="t")
            save_extraction(store, doc_id, "test-1", {"doc_id": doc_id, "claims": [], "events": [
                {"event_type": "Battles", "sub_event_type": "Armed clash", "date_start": day, "date_end": day,
                 "fatalities": killed, "evidence": text, "location": {"admin1": "Aleppo"}}]})
    return fresh_db


def _all_by_cursor(client, params: dict, limit: int) -> list[str]:
    seen, cursor = [], None
    for _ in range(50):
        page = client.get("/api/events", params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        seen += [e["event_id"] for e in page.json()["items"]]
        cursor = page.json()["next"]
        if cursor is None:
            return seen
    raise AssertionError("paging did not end")


@pytest.mark.parametrize("sort", [None, "date_start", "-fatalities", "fatalities", "event_type", "-published",
                                  "event_id"])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_event_cursor_pages_are_the_offset_pages(many_events, sort, limit):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    client = TestClient(create_app(many_events))
    params = {"sort": sort} if sort else {}
    full = client.get("/api/events", params={**params, "limit": 100}).json()
    assert full["total"] == len(full["items"]) == 9 and full["next"] is None
    assert _all_by_cursor(client, params, limit) == [e["event_id"] for e in full["items"]]
    by_offset = [e["event_id"] for o in range(0, 9, limit) for e in
                 client.get("/api/events", params={**params, "limit": limit, "offset": o}).json()["items"]]
    assert by_offset == [e["event_id"] for e in full["items"]]


def test_events_newest_first_undated_last_ties_by_id(many_events):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    items = TestClient(create_app(many_events)).get("/api/events?limit=100").json()["items"]
    assert [e["event_id"] for e in items] == ["t-arrest:1", "t-ied:1", "k-1:1", "k-3:1", "t-strike2:1", "t-strike:1",
                                             "k-5:1", "k-2:1", "k-4:1"]
    by_toll = TestClient(create_app(many_events)).get("/api/events?limit=100&sort=-fatalities").json()["items"]
    assert [e["fatalities"] for e in by_toll] == [7, 4, 3, 3, 0, 0, None, None, None]


def test_event_cursor_of_another_sort_is_a_422(client):
    nxt = client.get("/api/events?limit=1").json()["next"]
    assert nxt
    r = client.get("/api/events", params={"limit": 1, "sort": "fatalities", "cursor": nxt})
    assert r.status_code == 422 and "sort" in r.json()["detail"][0]["msg"]
    bad = queries.encode_cursor("-date_start", {"x": 1}, "t-ied:1")
    assert client.get("/api/events", params={"cursor": bad}).status_code == 422


# a text search with the other filters and sort orders: on PostgreSQL the page is sorted from the
# matching reports' events (queries._search_first), the same events in the same order as the
# events of those reports picked from the whole list
SEARCHED = [({"q": "الرقة"}, None), ({"q": "غارة"}, "-fatalities"), ({"q": "ريف"}, "event_id"),
            ({"q": "ريف", "event_type": "Battles"}, None), ({"q": "ريف", "admin1": "aleppo"}, "date_start"),
            ({"q": "لا يوجد هذا"}, None)]


@pytest.mark.parametrize("walk", [0, 10**9], ids=["matched-first", "walk"])
@pytest.mark.parametrize("params,sort", SEARCHED, ids=[f"{p}-{s}" for p, s in SEARCHED])
def test_searched_event_pages_are_the_matching_reports_events(many_events, params, sort, walk, monkeypatch):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    monkeypatch.setattr(queries, "WALK_ROWS", walk)       # both ways of finding a page on PostgreSQL
    if "postgresql" in str(many_events):
        from marsad.store import pg
        conn = pg.connect(many_events)
        conn.execute("ANALYZE events")                    # reltuples known: the walk's estimate is used
        conn.close()
    client = TestClient(create_app(many_events))
    order = {"sort": sort} if sort else {}
    docs = {d["doc_id"] for d in client.get("/api/documents", params={"q": params["q"], "limit": 1000}).json()["items"]}
    rest = {k: v for k, v in params.items() if k != "q"}
    want = [e["event_id"] for e in client.get("/api/events", params={**rest, **order, "limit": 1000}).json()["items"]
            if e["doc_id"] in docs]
    full = client.get("/api/events", params={**params, **order, "limit": 1000}).json()
    assert [e["event_id"] for e in full["items"]] == want and full["total"] == len(want)
    assert _all_by_cursor(client, {**params, **order}, 2) == want
    if len(want) > 1:
        second = client.get("/api/events", params={**params, **order, "limit": 1, "offset": 1}).json()["items"]
        assert [e["event_id"] for e in second] == want[1:2]
