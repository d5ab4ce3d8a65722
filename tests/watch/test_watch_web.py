"""What the API adds for a watched database: `since` (what was added after a time), the
timeline's undated bucket and the `undated` filter, and the mark on events dated through a
recovered publication date."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.documents import make_document
from marsad.ingest import ingest_documents
from marsad.store import Store
from marsad.store.runner import extract_pending
from marsad.web.api import create_app

DATED = ("أعلنت قوات سوريا الديمقراطية، أمس الخميس، القبض على ثلاثة عناصر من خلية تابعة لتنظيم داعش "
         "خلال عملية مداهمة في بلدة ذيبان بريف دير الزور الشرقي.")
RECOVERED = ("قتل جنديان وأصيب ثلاثة آخرون، اليوم الأحد، بانفجار عبوة ناسفة استهدفت دورية للجيش العراقي "
             "قرب قضاء الطارمية شمال العاصمة بغداد.")
UNDATED = ("قصفت القوات التركية بالمدفعية الثقيلة، مساء السبت، قرى في ريف عين العرب شرقي حلب، ما أدى "
           "إلى أضرار مادية في منازل المدنيين.")


@pytest.fixture
def client(tmp_path):
    db = tmp_path / "web.db"
    docs = [make_document(DATED, doc_id="dated", published="2025-08-29"),
            make_document(RECOVERED, doc_id="recovered", url="https://news.example/iraq/2025/08/31/tarmiyah"),
            make_document(UNDATED, doc_id="undated")]
    with Store(db) as store:
        ingest_documents([(d, "test") for d in docs], store)
        extract_pending(store)
        for doc_id, when in (("dated", "2026-01-01T08:00:00+00:00"), ("recovered", "2026-01-02T08:00:00+00:00"),
                             ("undated", "2026-01-03T08:00:00+00:00")):
            store.conn.execute("UPDATE documents SET ingested_at = ? WHERE doc_id = ?", (when, doc_id))
    with TestClient(create_app(db)) as c:
        yield c


def _doc_ids(items):
    return sorted({i["doc_id"] for i in items})


@pytest.mark.parametrize("since, expected", [
    ("2026-01-02T00:00:00", ["recovered", "undated"]),
    ("2026-01-02T08:00:00Z", ["recovered", "undated"]),
    ("2026-01-02T10:00:00+03:00", ["recovered", "undated"]),      # 07:00 UTC
    ("2026-01-02T08:00:01", ["undated"]),
    ("2026-01-04T00:00:00", []),
])
def test_since_keeps_what_was_added_after_a_time(client, since, expected):
    assert _doc_ids(client.get("/api/events", params={"since": since}).json()["items"]) == expected
    assert _doc_ids(client.get("/api/documents", params={"since": since}).json()["items"]) == expected


def test_since_must_be_a_time(client):
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422


def test_the_timeline_has_an_undated_bucket_and_a_filter_for_it(client):
    stats = client.get("/api/stats").json()
    assert stats["undated"] == [{"event_type": "Explosions/Remote violence", "events": 1}]
    assert sum(w["events"] for w in stats["weekly"]) == stats["events"] - 1
    only = client.get("/api/events", params={"undated": "true"}).json()
    assert _doc_ids(only["items"]) == ["undated"] and only["items"][0]["date_start"] is None
    ranged = client.get("/api/stats", params={"date_from": "2025-08-01", "date_to": "2025-09-30"}).json()
    assert ranged["undated"] == stats["undated"]             # like the weeks, the bucket ignores the range


def test_an_event_dated_through_a_recovered_date_says_so(client):
    events = {e["doc_id"]: e for e in client.get("/api/events").json()["items"]}
    assert events["recovered"]["date_start"] == "2025-08-31"
    assert "recovered publication date" in events["recovered"]["date_note"]
    assert "a date in the URL" in events["recovered"]["date_note"]
    assert events["dated"]["date_note"] is None and events["dated"]["date_start"] == "2025-08-28"
    doc = client.get("/api/documents/recovered").json()
    assert doc["published"] == "2025-08-31" and doc["events"][0]["date_note"]
