"""The JSON twins of the dashboard's panels (totals, trends, incidents, the paged ledger), the
filtered export and /docs served offline; through FastAPI's test client on the web tests' reports."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from marsad import acled


def up_to_date(db):
    """Incidents merged, as `marsad serve` does before serving (Wire A's and Wire B's strike: one)."""
    from marsad.web import bridge, queries
    conn = queries.connect(db)
    bridge.update_incidents(conn)
    conn.close()


@pytest.fixture()
def merged(fresh_db):
    """A client on a copy of the web tests' reports with its incidents merged: merging on the shared database
    would change what the session's other tests count (/api/stats counts by incident once incidents exist)."""
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    up_to_date(fresh_db)
    return TestClient(create_app(fresh_db))


def test_totals_follow_the_filters(merged):
    client = merged
    everything = client.get("/api/totals").json()
    assert (everything["events"], everything["incidents"], everything["documents"], everything["claims"],
            everything["filtered"]) == (4, 3, 5, 2, False)
    assert (everything["fatalities"], everything["injured"], everything["arrested"]) == (3, 2, 2)   # best estimates
    raqqa = client.get("/api/totals", params={"admin1": "Ar-Raqqa"}).json()
    assert (raqqa["events"], raqqa["incidents"], raqqa["documents"], raqqa["fatalities"], raqqa["claims"],
            raqqa["filtered"]) == (2, 1, 2, 3, 0, True)
    none = client.get("/api/totals", params={"date_from": "2030-01-01"}).json()
    assert none["events"] == none["documents"] == none["fatalities"] == 0


def test_trends_by_month_and_type(merged):
    client = merged
    data = client.get("/api/trends").json()
    assert data["months"][0] == "2025-03" and data["months"][-1] == "2025-08" and len(data["months"]) == 6
    march = [r for r in data["rows"] if r["month"] == "2025-03"]       # two reports of one strike: counted once
    assert march == [{"month": "2025-03", "event_type": "Explosions/Remote violence", "events": 1, "fatalities": 3}]
    only = client.get("/api/trends", params={"event_type": "Strategic developments"}).json()
    assert only["months"] == ["2025-08"]


def test_incident_page_has_every_reports_figures(merged):
    client = merged
    data = client.get("/api/incidents/page", params={"limit": 10}).json()
    assert data["total"] >= 3
    strikes = [i for i in data["items"] if i["sub_event_type"] == "Air/drone strike"]
    assert strikes and {e["doc_id"] for e in strikes[0]["events"]} == {"t-strike", "t-strike2"}
    assert {e["fatalities"] for e in strikes[0]["events"]} == {3, 4}
    paged = client.get("/api/incidents/page", params={"limit": 1, "offset": 1}).json()
    assert len(paged["items"]) == 1 and paged["items"][0]["incident_id"] == data["items"][1]["incident_id"]


def test_ledger_is_paged_with_series(client):
    data = client.get("/api/ledger", params={"limit": 1}).json()
    assert data["total"] >= 1 and len(data["groups"]) == 1
    group = data["groups"][0]
    assert [p["time"] for p in group["series"]] == sorted(p["time"] for p in group["series"])
    assert {p["source"] for p in group["series"]} <= {"UN report", "Iraqi official"}
    assert client.get("/api/ledger", params={"q": "no such thing"}).json()["total"] == 0
    assert client.get("/api/ledger", params={"limit": 1000}).status_code == 422


@pytest.mark.parametrize("params,expected", [
    ({}, {"t-arrest:1", "t-strike:1", "t-strike2:1", "t-ied:1"}),
    ({"admin1": "Ar-Raqqa"}, {"t-strike:1", "t-strike2:1"}),
    ({"event_type": "Strategic developments"}, {"t-arrest:1"}),
    ({"actor": "iraqi_security_forces"}, {"t-ied:1"}),
    ({"date_from": "2025-06-01", "date_to": "2025-06-30"}, {"t-ied:1"}),
], ids=["all", "governorate", "type", "actor", "dates"])
def test_export_of_the_filtered_view(client, params, expected):
    res = client.get("/api/export", params={"format": "acled", **params})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="marsad-events-' in res.headers["content-disposition"]
    frame = pd.read_csv(io.StringIO(res.text))
    assert list(frame.columns[:31]) == list(acled.columns())
    assert set(frame.event_id) == expected


def test_export_formats(client):
    bom = client.get("/api/export", params={"format": "acled", "bom": "true"})
    assert bom.content.startswith(b"\xef\xbb\xbfevent_id_cnty,")
    geo = client.get("/api/export", params={"format": "geojson", "admin1": "Deir ez-Zor"}).json()
    assert [f["properties"]["event_id"] for f in geo["features"]] == ["t-arrest:1"]
    xlsx = client.get("/api/export", params={"format": "xlsx"})
    assert xlsx.content[:2] == b"PK" and "spreadsheetml" in xlsx.headers["content-type"]
    lines = client.get("/api/export", params={"format": "jsonl", "admin1": "Ar-Raqqa"}).text.splitlines()
    assert sorted(json.loads(x)["doc_id"] for x in lines) == ["t-strike", "t-strike2"]
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422
    assert client.get("/api/export", params={"event_type": "Bombing"}).status_code == 422


def test_docs_are_served_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower() and "<script>" not in page.text        # no inline script (CSP)
    for path in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/swagger-ui.css",
                 "/static/vendor/swagger-ui/LICENSE", "/static/docs.js", "/openapi.json"):
        assert client.get(path).status_code == 200, path
    assert client.get("/redoc", follow_redirects=False).headers["location"] == "/docs"
    assert "/api/export" in client.get("/openapi.json").json()["paths"]


def test_document_carries_rule_ids_and_place_why(tmp_path):
    from fastapi.testclient import TestClient

    from marsad.documents import make_document
    from marsad.store import Store, save_extraction
    from marsad.web.api import create_app
    db = tmp_path / "rules.db"
    with Store(db) as store:
        doc = make_document("اعتقلت قسد عنصرين من داعش في ذيبان. وقدر مسؤول عددهم بمئة.", doc_id="r", title="ت")
        doc.lang = "ar"
        store.insert_document(doc, is_arabic=True, path="t")
        event = {"event_type": "Strategic developments", "sub_event_type": "Arrests", "date_start": None,
                 "date_end": None, "actor1": "sdf", "actor2": "islamic_state", "fatalities": None, "injured": None,
                 "arrested": 2, "evidence": "اعتقلت قسد عنصرين من داعش في ذيبان.", "rules": ["arrest.verb"],
                 "location": {"name_ar": "ذيبان", "name_en": "Thiban", "country": "SY", "admin1": "Deir ez-Zor",
                              "lat": 35.01, "lon": 40.5, "geo_precision": 1, "why": "cue بلدة"}}
        claim = {"quantity": "ISIS fighters", "value_low": 100, "value_high": 100, "qualifier": "approx",
                 "place": "Syria", "time": "2025", "source_ar": "مسؤول", "source_en": "official",
                 "source_kind": "government", "evidence": "وقدر مسؤول عددهم بمئة.", "rules": ["claim.estimate"]}
        save_extraction(store, "r", "v", {"doc_id": "r", "events": [event], "claims": [claim]})
    doc = TestClient(create_app(db)).get("/api/documents/r").json()
    assert doc["events"][0]["rules"] == ["arrest.verb"]
    assert doc["events"][0]["location"]["why"] == "cue بلدة"
    assert doc["claims"][0]["rules"] == ["claim.estimate"]


@pytest.mark.parametrize("params", [{}, {"admin1": "Ar-Raqqa"}, {"event_type": "Battles"}, {"date_from": "2030-01-01"}],
                         ids=["all", "governorate", "type", "none"])
def test_the_map_grid_counts_every_located_event_of_the_filter(client, params):
    """The map's server-side aggregation (when more events match than its layer draws one by one):
    every located event matching the filter is in exactly one cell, at any cell size."""
    located = client.get("/api/totals", params=params).json()["located"]
    layer = client.get("/api/events.geojson", params=params).json()["features"]
    assert located == len(layer)
    sizes = []
    for cell in (0.01, 0.5, 5.0):
        grid = client.get("/api/events/grid", params={**params, "cell": cell}).json()
        assert grid["cell"] == cell
        assert grid["events"] == sum(c["events"] for c in grid["cells"]) == located
        for c in grid["cells"]:
            assert sum(c["types"].values()) == c["events"] and -90 <= c["lat"] <= 90 and -180 <= c["lon"] <= 180
        sizes.append(len(grid["cells"]))
    assert sizes == sorted(sizes, reverse=True)                   # coarser cells, fewer of them


@pytest.mark.parametrize("cell", ["0", "-1", "11", "x"])
def test_the_map_grid_refuses_a_bad_cell_size(client, cell):
    assert client.get("/api/events/grid", params={"cell": cell}).status_code == 422
