"""`serve`'s start: migrations now, the incident and search catch-up in a background thread
(/api/health says "preparing" meanwhile, the API answers), and the search index fed at ingest
so that there is seldom anything to catch up on."""
from __future__ import annotations

import threading

import pytest

from marsad.ingest import ingest
from marsad.store import Store
from marsad.web import bridge, queries, search
from marsad.web.filters import Filters

REPORTS = [  # (doc_id, text) written for this test
    ("p-1", "قتل مدنيان بقصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي."),
    ("p-2", "اعتقلت قوى الأمن الداخلي ثلاثة مطلوبين في حي غويران بمدينة الحسكة."),
    ("p-3", "انفجرت عبوة ناسفة بسيارة عسكرية قرب جسر الميادين دون وقوع إصابات."),
]


@pytest.fixture()
def db(db_target, tmp_path):
    import json
    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id, text in REPORTS:
        (folder / f"{doc_id}.json").write_text(json.dumps({"doc_id": doc_id, "text": text, "published": "2025-05-01"},
                                                          ensure_ascii=False), encoding="utf-8")
    with Store(db_target) as store:
        assert ingest([folder], store).ok
    return db_target


def _queued(target) -> int:
    with Store(target) as store:
        if store.dialect != "sqlite":
            return 0
        return store.conn.execute("SELECT count(*) FROM search_queue").fetchone()[0]


def _found(target, q: str) -> list[str]:
    conn = queries.connect(target)
    try:
        return [d["doc_id"] for d in queries.list_documents(conn, Filters(q=q))["items"]]
    finally:
        conn.close()


@pytest.mark.parametrize("q, expected", [("كفرنبل", ["p-1"]), ("غويران", ["p-2"]), ("الميادين", ["p-3"]),
                                         ("عبوه ناسفه", ["p-3"]), ("حلب", [])])
def test_ingest_leaves_the_search_index_current(db, q, expected):
    assert _queued(db) == 0          # folded at ingest: nothing left for serve or a request to do
    assert _found(db, q) == expected


def test_a_backlog_is_caught_up_by_prepare(tmp_path):
    """Documents written behind the index's back (an older marsad, another tool) queue up; serve's
    preparation folds them all, in the background."""
    target = tmp_path / "old.db"
    with Store(target) as store, store.transaction():
        for n in range(search.REQUEST_SYNC + 5):
            store.conn.execute("INSERT INTO documents(doc_id, text, is_arabic, content_hash, ingested_at) "
                               "VALUES (?, ?, 1, ?, '2025-01-01')", (f"b-{n}", f"تقرير رقم {n} عن بلدة الشحيل", f"h{n}"))
    assert _queued(target) == search.REQUEST_SYNC + 5
    prep = bridge.prepare(target)
    assert prep.wait(60) and prep.state == "ready" and prep.error is None
    assert _queued(target) == 0 and len(_found(target, "الشحيل")) == 100   # the page; every one is indexed


def test_a_search_request_folds_a_bounded_backlog(tmp_path):
    target = tmp_path / "b.db"
    with Store(target) as store, store.transaction():
        for n in range(search.REQUEST_SYNC + 7):
            store.conn.execute("INSERT INTO documents(doc_id, text, is_arabic, content_hash, ingested_at) "
                               "VALUES (?, ?, 1, ?, '2025-01-01')", (f"b-{n}", "خبر عن مدينة البوكمال", f"h{n}"))
    conn = queries.connect(target)
    total = queries.list_documents(conn, Filters(q="البوكمال"))["total"]
    conn.close()
    assert total == search.REQUEST_SYNC and _queued(target) == 7


def test_health_says_preparing_until_the_catch_up_ends(db, monkeypatch):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    release, started = threading.Event(), threading.Event()
    real = bridge.update_incidents

    def slow_update(conn):
        started.set()
        release.wait(30)
        real(conn)
    monkeypatch.setattr(bridge, "update_incidents", slow_update)
    prep = bridge.prepare(db)
    client = TestClient(create_app(db, preparation=prep))
    assert started.wait(30)
    health = client.get("/api/health").json()
    assert health["state"] == "preparing" and health["step"] == "incidents" and health["documents"] == 3
    assert client.get("/api/documents").json()["total"] == 3       # the API answers meanwhile
    release.set()
    assert prep.wait(30)
    assert client.get("/api/health").json()["state"] == "ready"
    assert TestClient(create_app(db)).get("/api/health").json()["state"] == "ready"


def test_prepare_migrates_before_it_returns(tmp_path):
    import sqlite3
    target = tmp_path / "bare.db"
    sqlite3.connect(target).close()
    prep = bridge.prepare(target, background=False)
    assert prep.state == "ready"
    with Store(target) as store:
        assert store.migrated == []      # prepare applied them all already
