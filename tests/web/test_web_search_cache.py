"""A text search's aggregates kept per state of the events (migration 0013, marsad.web.cache), on
both stores: the kept answer is the computed one, it is served while nothing changed, and any
change that moves what a search counts (a new report's events, an edited report text, a claim)
makes it counted again. And marsad.analysis.counting asks the incidents' columns once per
connection."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.store import Store, save_extraction
from marsad.web import cache
from marsad.web.api import create_app
from marsad.web.filters import Filters

WORD = "داعش"          # two of the test reports with events (webdata.py), and the claims' report
PANELS = [("/api/stats", {}), ("/api/totals", {}), ("/api/trends", {}), ("/api/events/grid", {"cell": 0.5}),
          ("/api/events", {"limit": 1}), ("/api/incidents/page", {"limit": 1})]
MORE = [{}, {"event_type": "Explosions/Remote violence"}, {"date_from": "2025-03-03", "date_to": "2025-03-12"},
        {"admin1": "Ar-Raqqa"}]


def _conn(db):
    from marsad.web.queries import connect

    return connect(str(db))


def _rows(db) -> int:
    conn = _conn(db)
    try:
        return conn.execute("SELECT count(*) FROM search_cache").fetchone()[0]
    finally:
        conn.close()


def _write(db, sql: str, params: tuple = ()) -> None:
    """One statement on the test database, committed (as another writer than the API would)."""
    conn = _conn(db)
    try:
        with conn:
            conn.execute(sql, params)
    finally:
        conn.close()


def _get(client, path, params) -> dict:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_kept_answers_are_the_computed_ones_and_are_served(fresh_db, monkeypatch):
    client = TestClient(create_app(fresh_db))
    asked = [(path, {**extra, **more, "q": q}) for path, extra in PANELS for more in MORE for q in (WORD, "الرقة")]
    monkeypatch.setattr(cache, "ENABLED", False)
    want = [_get(client, p, params) for p, params in asked]
    assert _rows(fresh_db) == 0
    monkeypatch.setattr(cache, "ENABLED", True)
    assert [_get(client, p, params) for p, params in asked] == want        # counted and kept
    assert _rows(fresh_db) > 0
    assert [_get(client, p, params) for p, params in asked] == want        # served as kept
    assert any(w["events"] for w in want[:len(MORE) * 2])                  # stats found events
    # served from the table: an answer planted under the key is what the API gives
    _write(fresh_db, "UPDATE search_cache SET body = ? WHERE key = ?",
           ('{"planted": true}', cache.key("totals", Filters(q=WORD))))
    assert _get(client, "/api/totals", {"q": WORD}) == {"planted": True}
    assert _get(client, "/api/totals", {"q": " " + WORD + " "}) == {"planted": True}     # the same search


def test_a_new_report_is_counted_at_once(fresh_db):
    client = TestClient(create_app(fresh_db))
    before = {p: _get(client, p, {**extra, "q": WORD}) for p, extra in PANELS}
    assert _get(client, "/api/totals", {"q": WORD}) == before["/api/totals"]
    with Store(fresh_db) as store:
        from marsad.documents import make_document

        doc = make_document("قصف طيران التحالف مواقع لداعش قرب الرقة.", doc_id="t-new", title="قصف")
        store.insert_document(doc, is_arabic=True, path="t")
        save_extraction(store, "t-new", "test-1", {"doc_id": "t-new", "claims": [], "events": [{
            "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "date_start": "2025-04-01", "date_end": "2025-04-01", "actor1": "international_coalition",
            "actor2": "islamic_state", "fatalities": 5, "injured": None, "arrested": None,
            "evidence": "قصف طيران التحالف مواقع لداعش قرب الرقة.",
            "location": {"name_ar": "الرقة", "name_en": "Raqqa", "country": "SY", "admin1": "Ar-Raqqa",
                         "lat": 35.95, "lon": 39.01, "geo_precision": 2}}]})
    after = {p: _get(client, p, {**extra, "q": WORD}) for p, extra in PANELS}
    assert after["/api/totals"]["events"] == before["/api/totals"]["events"] + 1
    assert after["/api/totals"]["fatalities"] == before["/api/totals"]["fatalities"] + 5
    assert after["/api/stats"]["events"] == before["/api/stats"]["events"] + 1
    assert after["/api/events"]["total"] == before["/api/events"]["total"] + 1
    assert after["/api/events/grid"]["events"] == before["/api/events/grid"]["events"] + 1
    assert sum(r["events"] for r in after["/api/trends"]["rows"]) == \
        sum(r["events"] for r in before["/api/trends"]["rows"]) + 1


def test_an_edited_report_text_is_searched_again(fresh_db):
    client = TestClient(create_app(fresh_db))
    word = "بدورية"       # in the IED report's text only
    assert _get(client, "/api/totals", {"q": "مفخخة"})["events"] == 0
    assert _get(client, "/api/totals", {"q": word})["events"] == 1
    _write(fresh_db, "UPDATE documents SET text = ? WHERE doc_id = 't-ied'", ("انفجرت سيارة مفخخة في بلدة.",))
    assert _get(client, "/api/totals", {"q": "مفخخة"})["events"] == 1
    assert _get(client, "/api/totals", {"q": word})["events"] == 0
    page = _get(client, "/api/events", {"q": "مفخخة"})
    assert [e["source"]["source"] for e in page["items"]] == ["IraqWire"]
    _write(fresh_db, "UPDATE documents SET source = 'Wire C' WHERE doc_id = 't-ied'")
    page = _get(client, "/api/events", {"q": "مفخخة"})
    assert [e["source"]["source"] for e in page["items"]] == ["Wire C"]


def test_a_claim_written_alone_is_counted(fresh_db):
    client = TestClient(create_app(fresh_db))
    before = _get(client, "/api/totals", {"q": WORD})
    _write(fresh_db, "INSERT INTO claims(claim_id, doc_id, version, quantity, evidence) "
           "VALUES ('t-strike:c9', 't-strike', 'test-1', 'ISIS fighters', 'x')")
    assert _get(client, "/api/totals", {"q": WORD})["claims"] == before["claims"] + 1


def test_only_searches_are_kept_and_only_the_newest(fresh_db, monkeypatch):
    client = TestClient(create_app(fresh_db))
    for params in ({}, {"event_type": "Battles"}, {"admin1": "Ar-Raqqa"}):
        _get(client, "/api/stats", params)
        _get(client, "/api/totals", params)
    assert _rows(fresh_db) == 0
    monkeypatch.setattr(cache, "MAX_ROWS", 3)
    for q in ("غارة", "الرقة", WORD, "عبوة", "ذيبان"):
        _get(client, "/api/totals", {"q": q})
    assert _rows(fresh_db) == 3
    _write(fresh_db, "UPDATE summary_state SET value = '1000' WHERE name = 'generation'")
    _get(client, "/api/totals", {"q": "غارة"})
    assert _rows(fresh_db) == 1            # the older generation's answers are gone


def test_a_database_without_the_cache_table_is_answered(fresh_db):
    conn = _conn(fresh_db)
    try:
        with conn:
            conn.execute("DROP TABLE search_cache")
        f = Filters(q=WORD)
        assert cache.cached(conn, "x", f, lambda: 42) == 42
        assert cache.stamp(conn) is None
    finally:
        conn.close()


class _Spy:
    """A connection that counts the PRAGMA table_info questions it is asked (and takes attributes)."""

    def __init__(self, conn) -> None:
        self.conn, self.asked = conn, 0

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith("PRAGMA TABLE_INFO"):
            self.asked += 1
        return self.conn.execute(sql, *args)


@pytest.mark.parametrize("columns, found", [("incident_id TEXT, lead_event_id TEXT, counted INTEGER, "
                                             "fatalities_best INTEGER", True), ("incident_id TEXT", False)])
def test_the_incidents_columns_are_asked_once_per_connection_when_there(columns, found):
    import sqlite3

    from marsad.analysis.counting import incident_sql

    spy = _Spy(sqlite3.connect(":memory:"))
    spy.conn.execute(f"CREATE TABLE incidents ({columns})")
    for _ in range(3):
        assert (incident_sql(spy) is not None) is found
    assert spy.asked == (1 if found else 3)
    other = _Spy(spy.conn)                 # another connection asks again
    incident_sql(other)
    assert other.asked == 1


def test_a_searched_incidents_count_is_the_walked_pages(fresh_db, monkeypatch):
    """The incidents page's total under a search (the matching reports' incidents, the search once)
    counts the incidents its pages walk (an EXISTS per incident)."""
    from marsad.web.bridge import update_incidents
    from marsad.web.queries import incident_where

    monkeypatch.setattr(cache, "ENABLED", False)
    conn = _conn(fresh_db)
    try:
        update_incidents(conn)
        seen = set()
        for q in (WORD, "الرقة", "غارة", "عبوة", "لا-يوجد"):
            f = Filters(q=q)
            walked = [r[0] for r in conn.execute(
                "SELECT i.incident_id FROM incidents i WHERE " + incident_where(conn, f, page=True)[0],
                incident_where(conn, f, page=True)[1])]
            where, params = incident_where(conn, f)
            assert conn.execute(f"SELECT count(*) FROM incidents i WHERE {where}", params).fetchone()[0] == len(walked)
            client = TestClient(create_app(fresh_db))
            assert _get(client, "/api/incidents/page", {"q": q, "limit": 50})["total"] == len(walked)
            seen.add(len(walked))
        assert max(seen) >= 2 and 0 in seen
    finally:
        conn.close()
