"""Write endpoints exist only with a token, and need it; the search index follows the documents table."""
from __future__ import annotations

import pytest

REPORT = {"doc_id": "api-1", "title": "تقرير عبر الواجهة", "source": "API test", "published": "2025-09-02",
          "url": "https://example.org/api-1",
          "text": "أعلنت قوى الأمن الداخلي اعتقال ثلاثة عناصر من تنظيم داعش في مدينة الحسكة أمس."}


def test_no_write_endpoints_without_token(client):
    assert client.post("/api/documents", json=REPORT).status_code == 405     # only GET exists there
    assert client.post("/api/extract", json={}).status_code == 404
    assert client.get("/api/health").json()["write"] is False


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Bearer wrong"}, 403),
    ({"X-Marsad-Token": "wrong"}, 403),
    ({"Authorization": "Basic s3cret"}, 401),
])
def test_token_is_checked(write_client, headers, status):
    assert write_client.post("/api/documents", json=REPORT, headers=headers).status_code == status
    assert write_client.post("/api/extract", json={}, headers=headers).status_code == status


def test_ingest_and_reextract_with_token(write_client):
    auth = {"Authorization": "Bearer s3cret"}
    r = write_client.post("/api/documents", json=REPORT, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["added"] == "api-1" and r.json()["extracted"][0]["doc_id"] == "api-1"
    doc = write_client.get("/api/documents/api-1").json()
    assert doc["text"] == REPORT["text"] and doc["source"] == "API test"
    assert [d["doc_id"] for d in write_client.get("/api/documents?q=الحسكه").json()["items"]] == ["api-1"]
    again = write_client.post("/api/documents", json=REPORT, headers={"X-Marsad-Token": "s3cret"}).json()
    assert again["added"] is None and again["already"] == 1                      # idempotent, like ingest
    r = write_client.post("/api/extract", json={"doc_ids": ["api-1"]}, headers=auth)
    assert r.status_code == 200 and r.json()["extracted"][0]["doc_id"] == "api-1"
    assert write_client.post("/api/extract", json={"doc_ids": ["nope"]}, headers=auth).status_code == 404
    assert write_client.post("/api/documents", json={"text": ""}, headers=auth).status_code == 422
    assert write_client.post("/api/documents", json={"text": "x", "doc_id": "../etc"}, headers=auth).status_code == 422


def test_search_index_follows_inserts_updates_deletes(tmp_path):
    from webdata import make_db

    from marsad.documents import make_document
    from marsad.store import Store
    from marsad.web import queries
    from marsad.web.filters import Filters
    db = make_db(tmp_path / "s.db")
    conn = queries.connect(db)
    found = lambda q: [d["doc_id"] for d in queries.list_documents(conn, Filters(q=q))["items"]]  # noqa: E731
    assert found("منبج") == []
    with Store(db) as store, store.transaction():
        store.insert_document(make_document("اشتباكات عنيفة في مَنْبِج شرقي حلب", doc_id="late"),
                              is_arabic=True, path="t")
    assert found("منبج") == ["late"]                    # inserted after the index was built: queued by trigger
    conn.execute("UPDATE documents SET text = 'هدوء في جرابلس' WHERE doc_id = 'late'")
    conn.commit()
    assert found("منبج") == [] and found("جرابلس") == ["late"]
    conn.execute("DELETE FROM documents WHERE doc_id = 'late'")
    conn.commit()
    assert found("جرابلس") == []
    assert conn.execute("SELECT count(*) FROM search_queue").fetchone()[0] == 0


def test_search_without_index_falls_back_to_like(tmp_path):
    from webdata import make_db

    from marsad.web import queries
    from marsad.web.filters import Filters
    db = make_db(tmp_path / "n.db")
    conn = queries.connect(db)
    conn.executescript("DROP TABLE documents_fts; DROP TABLE search_queue;")
    assert sorted(d["doc_id"] for d in queries.list_documents(conn, Filters(q="الرقه"))["items"]) == ["t-strike", "t-strike2"]
    assert [d["doc_id"] for d in queries.list_documents(conn, Filters(q="ال"))["items"]]        # short query: LIKE
