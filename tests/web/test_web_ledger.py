"""The claims ledger as a table (marsad.store.ledger): the same groups, order and filters as the
ledger computed from every claim, kept current as claims are re-extracted or deleted."""
from __future__ import annotations

import pytest

from marsad.store import Store, ledger, save_extraction
from marsad.web import api, bridge, queries, views

# (doc_id, published, claims): estimates written for this test; some contradict within a year
REPORTS = [
    ("l-1", "2023-03-01", [("ISIS fighters", 20000, 30000, "range", "Iraq and Syria", "2023", "الأمم المتحدة", "UN",
                            "international_org", "قدرت الأمم المتحدة عدد مقاتلي داعش بين 20 و30 ألفاً.")]),
    ("l-2", "2023-05-10", [("ISIS fighters", 2000, 2000, "at_most", "Iraq and Syria", "2023", "مسؤول عراقي",
                            "Iraqi official", "government", "قال مسؤول عراقي إن عدد مقاتلي التنظيم لا يتجاوز ألفين.")]),
    ("l-3", "2024-02-01", [("ISIS fighters", 3000, 5000, "range", "Iraq and Syria", "2024", "البنتاغون", "Pentagon",
                            "government", "قدر البنتاغون عدد عناصر داعش بين ثلاثة وخمسة آلاف."),
                           ("displaced people", 120000, 120000, "approx", "Idlib", "2024", "أوتشا", "OCHA",
                            "international_org", "نزح نحو 120 ألف شخص في إدلب بحسب أوتشا.")]),
    ("l-4", "2024-06-01", [("displaced people", 15000, 15000, "exact", "Idlib", "2024", "منظمة محلية", "local NGO",
                            "ngo", "قالت منظمة محلية إن 15 ألف شخص نزحوا من ريف إدلب."),
                           ("detainees", 50, 50, "at_least", "Al-Hasakah", None, "المرصد", "SOHR", "ngo",
                            "اعتقل ما لا يقل عن 50 شخصاً في الحسكة.")]),
]
KEYS = ("quantity", "value_low", "value_high", "qualifier", "place", "time", "source_ar", "source_en",
        "source_kind", "evidence")


def _save(store, doc_id, published, claims):
    from marsad.documents import make_document
    if not store.has_document(doc_id):
        with store.transaction():
            store.insert_document(make_document(" ".join(c[-1] for c in claims), doc_id=doc_id, published=published),
                                  is_arabic=True, path="t")
    save_extraction(store, doc_id, "test-1", {"doc_id": doc_id, "events": [],
                                               "claims": [dict(zip(KEYS, c)) for c in claims]})


@pytest.fixture()
def db(fresh_db):
    with Store(fresh_db) as store:
        for report in REPORTS:
            _save(store, *report)
    return fresh_db


def _computed(conn, monkeypatch, **kw) -> dict:
    with monkeypatch.context() as m:
        m.setattr(ledger, "current", lambda *_a, **_k: False)
        return views.ledger_page(conn, **kw)


@pytest.mark.parametrize("kw", [{}, {"contradictions": True}, {"q": "pentagon"}, {"q": "أوتشا"}, {"q": "idlib"},
                                {"q": "nothing like it"}, {"limit": 1, "offset": 1}, {"limit": 2, "offset": 0},
                                {"q": "  "}, {"q": "50%"}])
def test_stored_ledger_pages_are_the_computed_ones(db, monkeypatch, kw):
    conn = queries.connect(db)
    try:
        assert ledger.current(conn)            # refreshed by the request itself (a small queue)
        want = _computed(conn, monkeypatch, **kw)
        got = views.ledger_page(conn, **kw)
        assert got == want
    finally:
        conn.close()


def test_full_ledger_endpoint_keeps_the_key_order(db, monkeypatch):
    from fastapi.testclient import TestClient
    client = TestClient(api.create_app(db))
    stored = client.get("/api/claims/ledger").json()
    conn = queries.connect(db)
    assert stored["groups"] == bridge.ledger(conn, 1.5) and len(stored["groups"]) >= 3
    conn.close()
    only = client.get("/api/claims/ledger?contradictions=true").json()["groups"]
    assert only and all(g["contradiction"] for g in only)
    assert client.get("/api/claims/ledger?factor=20").json()["groups"] == [
        {**g, "contradiction": False, "series": [{**s, "contradiction": False} for s in g["series"]]}
        for g in stored["groups"]]


def test_re_extraction_and_deletion_update_only_what_changed(db, monkeypatch):
    with Store(db) as store:
        ledger.refresh(store.conn)
        assert ledger.pending(store.conn) == 0
        # l-2 now says 25,000: no longer a contradiction with the UN's 20-30 thousand
        _save(store, "l-2", "2023-05-10", [("ISIS fighters", 25000, 25000, "approx", "Iraq and Syria", "2023",
                                           "مسؤول عراقي", "Iraqi official", "government",
                                           "قال مسؤول عراقي إن عدد مقاتلي التنظيم نحو 25 ألفاً.")])
        assert ledger.pending(store.conn) == 1
        with store.transaction():
            store.conn.execute("DELETE FROM claims WHERE doc_id = 'l-4'")
        assert ledger.refresh(store.conn) == 3
    conn = queries.connect(db)
    try:
        got = views.ledger_page(conn, limit=50)
        assert got == _computed(conn, monkeypatch, limit=50)
        assert not any(v["doc_id"] == "l-4" for g in got["groups"] for v in g["values"])
    finally:
        conn.close()


def test_other_grouping_rules_rebuild_every_group(db, monkeypatch):
    with Store(db) as store:
        ledger.refresh(store.conn)
        store.conn.execute("UPDATE ledger_groups SET body = '{}'")        # what stale rules would have left
        monkeypatch.setattr(ledger, "rules_fingerprint", lambda: "other-rules")
        assert ledger.pending(store.conn) is None
        assert ledger.refresh(store.conn) == 8      # this test's 6 claims and the test database's 2
        assert ledger.pending(store.conn) == 0
    conn = queries.connect(db)
    assert views.ledger_page(conn, limit=50) == _computed(conn, monkeypatch, limit=50)
    conn.close()


def test_a_large_queue_is_not_refreshed_by_a_request(db, monkeypatch):
    monkeypatch.setattr(ledger, "REQUEST_REFRESH", 2)
    conn = queries.connect(db)
    try:
        assert not ledger.current(conn) and ledger.pending(conn) is None    # never built: serve's background work
        assert views.ledger_page(conn)["total"] == _computed(conn, monkeypatch)["total"]   # computed meanwhile
    finally:
        conn.close()


def test_a_page_shows_the_head_of_a_large_group(fresh_db, monkeypatch):
    """A group of 130 estimates (a million events make groups of thousands): the page carries 20 of
    its values -- the lowest and the highest among them, the others the latest -- and its series
    thinned to 120 points with the lowest and highest kept; `n_values` and `series_points` count
    them all, the stored page is the computed one, and the full ledger keeps every value."""
    from fastapi.testclient import TestClient

    values = [(1000 + 37 * i) % 9000 + 500 for i in range(130)]
    values[77], values[12] = 40, 99000                      # the lowest and the highest, mid-way
    with Store(fresh_db) as store:
        for d in range(13):
            claims = [("ISIS fighters", v, v, "approx", "Iraq and Syria", f"20{10 + d}", "مصدر", f"source {d}",
                       "government", f"قدر مصدر عدد عناصر داعش بنحو {v} مقاتل.") for v in values[10 * d:10 * d + 10]]
            _save(store, f"h-{d:02d}", f"20{10 + d}-06-01", claims)
    conn = queries.connect(fresh_db)
    try:
        assert ledger.current(conn, limit=1000)
        page = views.ledger_page(conn, q="source 1", limit=50)
        assert page == _computed(conn, monkeypatch, q="source 1", limit=50)
        big = max(page["groups"], key=lambda g: g["n_values"])
        assert big["n_values"] >= 130          # and the test database's own estimate of ISIS fighters
        shown = [v["value_low"] for v in big["values"]]
        assert len(shown) == ledger.HEAD_VALUES and 40 in shown and 99000 in shown
        assert set(values[120:]) <= set(shown)              # the latest year's all there
        assert big["series_points"] == big["n_values"] and len(big["series"]) <= ledger.HEAD_POINTS
        assert {p["low"] for p in big["series"]} >= {40, 99000}
        assert [p["time"] for p in big["series"]] == sorted(p["time"] for p in big["series"])
    finally:
        conn.close()
    whole = TestClient(api.create_app(fresh_db)).get("/api/claims/ledger").json()["groups"]
    assert max(len(g["values"]) for g in whole) >= 130
