"""The read API: every endpoint and filter, bad parameters (422, never 500), headers."""
from __future__ import annotations

import json

import pytest
from webdata import ARREST, IED, STRIKE


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return sorted(i.get("event_id") or i.get("claim_id") or i.get("doc_id") for i in resp.json()["items"])


def test_events_list_shape(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4 and body["limit"] == 100 and body["offset"] == 0
    ev = next(e for e in body["items"] if e["event_id"] == "t-arrest:1")
    assert ev["sub_event_type"] == "Arrests" and ev["arrested"] == 2 and ev["evidence"] == ARREST
    assert ev["location"]["name_en"] == "Dhiban" and ev["location"]["admin1"] == "Deir ez-Zor"
    assert ev["source"]["source"] == "SyriaNews" and ev["source"]["url"] == "https://example.org/a1"


@pytest.mark.parametrize("query, expected", [
    ("event_type=Strategic developments", ["t-arrest:1"]),
    ("event_type=Battles", []),
    ("event_type=Strategic developments&event_type=Explosions/Remote violence",
     ["t-arrest:1", "t-ied:1", "t-strike2:1", "t-strike:1"]),
    ("sub_event_type=Air/drone strike", ["t-strike2:1", "t-strike:1"]),
    ("sub_event_type=Remote explosive/landmine/IED", ["t-ied:1"]),
    ("actor=sdf", ["t-arrest:1"]),
    ("actor=islamic_state", ["t-arrest:1", "t-ied:1", "t-strike2:1", "t-strike:1"]),
    ("actor=iraqi_security_forces", ["t-ied:1"]),
    ("admin1=Ar-Raqqa", ["t-strike2:1", "t-strike:1"]),
    ("admin1=al-anbar", ["t-ied:1"]),
    ("date_from=2025-03-10", ["t-arrest:1", "t-ied:1", "t-strike2:1"]),
    ("date_to=2025-03-09", ["t-strike2:1", "t-strike:1"]),
    ("date_from=2025-05-01&date_to=2025-06-30", ["t-ied:1"]),
    ("bbox=38,35,41,36.5", ["t-arrest:1", "t-strike2:1", "t-strike:1"]),
    ("bbox=41,34,42,35", ["t-ied:1"]),
    ("q=ذيبان", ["t-arrest:1"]),
    ("q=الرقه", ["t-strike2:1", "t-strike:1"]),          # folded ة→ه, and the diacritics of الرَّقَّة
    ("q=غارة جوية", ["t-strike:1"]),                      # every term must match
    ("q=تحالف", ["t-strike2:1", "t-strike:1"]),            # inside للتحالف (trigram substring)
    ("q=القائم", ["t-ied:1"]),
    ("q=لا يوجد هذا", []),
])
def test_event_filters(client, query, expected):
    assert ids(client.get("/api/events?" + query)) == expected


def test_events_sort_limit_offset(client):
    by_date = [e["event_id"] for e in client.get("/api/events?sort=date_start").json()["items"]]
    assert by_date[0] in ("t-strike:1", "t-strike2:1") and by_date[-1] == "t-arrest:1"
    by_fat = [e["event_id"] for e in client.get("/api/events?sort=-fatalities").json()["items"]]
    assert by_fat[:2] == ["t-strike2:1", "t-strike:1"] and by_fat[-1] == "t-ied:1"  # NULLs last
    page = client.get("/api/events?sort=date_start&limit=2&offset=1").json()
    assert page["total"] == 4 and [e["event_id"] for e in page["items"]] == by_date[1:3]


def test_geojson_twin_of_the_map(client):
    r = client.get("/api/events.geojson?event_type=Explosions/Remote violence")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    f = next(f for f in fc["features"] if f["id"] == "t-ied:1")
    assert f["geometry"] == {"type": "Point", "coordinates": [41.09, 34.37]}
    assert f["properties"]["admin1"] == "Al-Anbar" and f["properties"]["doc_id"] == "t-ied"
    assert len(client.get("/api/events.geojson?bbox=41,34,42,35").json()["features"]) == 1


def test_documents_list_and_filters(client):
    assert ids(client.get("/api/documents")) == ["t-arrest", "t-claims", "t-ied", "t-strike", "t-strike2"]
    assert ids(client.get("/api/documents?q=مقاتلي داعش")) == ["t-claims"]
    assert ids(client.get("/api/documents?date_from=2025-03-11&date_to=2025-07-01")) == ["t-ied", "t-strike2"]
    assert ids(client.get("/api/documents?event_type=Strategic developments")) == ["t-arrest"]
    assert ids(client.get("/api/documents?admin1=Ar-Raqqa&actor=international_coalition")) == ["t-strike", "t-strike2"]
    assert ids(client.get("/api/documents?bbox=41,34,42,35")) == ["t-ied"]
    items = client.get("/api/documents?sort=published&limit=1").json()["items"]
    assert items[0]["doc_id"] == "t-claims" and items[0]["n_claims"] == 2 and items[0]["n_events"] == 0


def test_document_detail_evidence_span_and_related(client):
    doc = client.get("/api/documents/t-arrest").json()
    ev = doc["events"][0]
    start, end = ev["evidence_span"]
    assert doc["text"][start:end] == ARREST
    strike = client.get("/api/documents/t-strike").json()
    assert strike["text"][slice(*strike["events"][0]["evidence_span"])] == STRIKE
    assert [r["doc_id"] for r in strike["related"]] == ["t-strike2"]     # the other report of the airstrike
    claims = client.get("/api/documents/t-claims").json()["claims"]
    assert len(claims) == 2 and all(c["evidence_span"] for c in claims)
    assert client.get("/api/documents/nope").status_code == 404


def test_report_html_is_returned_as_data(client):
    doc = client.get("/api/documents/t-ied").json()
    assert "<script>" in doc["text"] and doc["title"].endswith("<b>bold</b>")
    assert doc["text"][slice(*doc["events"][0]["evidence_span"])] == IED


def test_claims_and_filters(client):
    assert ids(client.get("/api/claims")) == ["t-claims:c1", "t-claims:c2"]
    assert ids(client.get("/api/claims?source_kind=government")) == ["t-claims:c2"]
    assert ids(client.get("/api/claims?quantity=fighters")) == ["t-claims:c1", "t-claims:c2"]
    assert ids(client.get("/api/claims?date_from=2023-06-01&date_to=2023-06-30")) == ["t-claims:c1"]  # year 2023
    assert ids(client.get("/api/claims?date_from=2023-12-05")) == ["t-claims:c1", "t-claims:c2"]
    assert ids(client.get("/api/claims?q=أمم المتحدة")) == ["t-claims:c1", "t-claims:c2"]
    c1 = client.get("/api/claims?sort=-value").json()["items"][0]
    assert c1["claim_id"] == "t-claims:c1" and c1["value_high"] == 30000 and c1["document"]["source"] == "Analysis"


def test_ledger(client):
    body = client.get("/api/claims/ledger?factor=2").json()
    assert body["factor"] == 2
    values = [v for g in body["groups"] for v in g["values"]]
    assert sorted(v["value_low"] for v in values) == [2000, 20000]
    assert all({"key", "values", "spread", "contradiction"} <= set(g) for g in body["groups"])
    only = client.get("/api/claims/ledger?contradictions=true").json()["groups"]
    assert all(g["contradiction"] for g in only)


def test_ledger_flags_contradiction_by_factor(fresh_db):
    from marsad.store import Store
    from marsad.web import bridge, queries
    db = fresh_db
    with Store(db) as store:  # a second estimate of the same thing, place and year as the UN's
        store.conn.execute("INSERT INTO claims(claim_id, doc_id, version, quantity, value_low, value_high, qualifier, "
                    "place, time, source_ar, source_en, source_kind, evidence) SELECT 't-claims:c3', doc_id, "
                    "version, quantity, 2000, 2000, 'exact', place, time, 'مسؤول عراقي', 'Iraqi official', "
                    "'government', evidence FROM claims WHERE claim_id = 't-claims:c1'")
    conn = queries.connect(db)
    flagged = [g for g in bridge.ledger(conn, 1.5) if g["contradiction"]]
    assert len(flagged) == 1 and flagged[0]["spread"]["ratio"] == 15
    assert not any(g["contradiction"] for g in bridge.ledger(conn, 20))


def test_incidents_endpoint(client):
    body = client.get("/api/incidents?event_type=Explosions/Remote violence&limit=5").json()
    assert set(body) == {"total", "limit", "offset", "next", "items"} and body["limit"] == 5
    for inc in body["items"]:
        assert inc["event_type"] == "Explosions/Remote violence"


def test_incident_matching_filters():
    import datetime as dt

    from marsad.web.bridge import incident_matches
    from marsad.web.filters import Filters
    inc = {"incident_id": "i1", "event_type": "Battles", "sub_event_type": "Armed clash", "date_start": "2025-01-02",
           "date_end": "2025-01-03", "location": {"admin1": "Deir ez-Zor", "lat": 35.0, "lon": 40.5},
           "doc_ids": ["a", "b"], "events": [{"actor1": "sdf", "actor2": "islamic_state"}]}
    assert incident_matches(inc, Filters(event_type=["Battles"], admin1="deir ez-zor", actor="sdf"), None)
    assert incident_matches(inc, Filters(date_from=dt.date(2025, 1, 3), bbox=(40, 34, 41, 36)), {"b"})
    assert not incident_matches(inc, Filters(date_from=dt.date(2025, 1, 4)), None)
    assert not incident_matches(inc, Filters(bbox=(41, 34, 42, 36)), None)
    assert not incident_matches(inc, Filters(), {"c"})


def test_stats(client):
    s = client.get("/api/stats").json()
    assert (s["documents"], s["events"], s["claims"], s["fatalities"], s["arrested"]) == (5, 4, 2, 7, 2)
    assert {r["key"]: r["events"] for r in s["by_event_type"]} == {
        "Explosions/Remote violence": 3, "Strategic developments": 1}
    weeks = {(w["week"], w["event_type"]): w["events"] for w in s["weekly"]}
    assert weeks[("2025-03-03", "Explosions/Remote violence")] == 2     # Sunday 9 March is in the week of Monday 3rd
    assert weeks[("2025-08-25", "Strategic developments")] == 1
    narrowed = client.get("/api/stats?admin1=Ar-Raqqa&date_from=2025-03-10").json()
    assert narrowed["events"] == 1 and sum(w["events"] for w in narrowed["weekly"]) == 2  # timeline ignores dates


BAD = [
    "/api/events?date_from=yesterday", "/api/events?date_to=2025-13-01", "/api/events?date_from=2025-05-01&date_to=2025-04-01",
    "/api/events?event_type=Bombing", "/api/events?sub_event_type=Nope", "/api/events?bbox=1,2,3",
    "/api/events?bbox=a,b,c,d", "/api/events?bbox=50,30,40,35", "/api/events?bbox=0,0,200,10",
    "/api/events?limit=0", "/api/events?limit=100000", "/api/events?limit=ten", "/api/events?offset=-1",
    "/api/events?sort=drop table", "/api/events?sort=-nope", "/api/events?q=" + "x" * 600,
    "/api/events.geojson?bbox=1", "/api/events.geojson?limit=0", "/api/incidents?date_from=2025-02-30",
    "/api/incidents?event_type=x", "/api/claims?sort=fatalities", "/api/claims?date_to=20250101x",
    "/api/claims/ledger?factor=0.5", "/api/claims/ledger?factor=abc", "/api/documents?sort=text",
    "/api/documents?offset=x", "/api/stats?bbox=9,9,9", "/api/stats?event_type=",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_are_422(client, url):
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code, r.text)
    detail = r.json()["detail"]
    assert detail and detail[0]["loc"][0] == "query" and detail[0]["msg"]


@pytest.mark.parametrize("q", ['"', "'", "*", "NEAR(", "a OR b", "%", "_", "ال", "\\", "داعش)) --", "<script>"])
def test_odd_search_strings_never_500(client, q):
    assert client.get("/api/events", params={"q": q}).status_code == 200
    assert client.get("/api/documents", params={"q": q}).status_code == 200


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events.geojson", "/api/incidents", "/api/claims", "/api/claims/ledger",
              "/api/documents", "/api/documents/{doc_id}", "/api/stats", "/api/basemap"):
        assert "get" in paths[p], p
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "event_type", "sub_event_type", "actor", "admin1", "bbox", "q", "limit",
            "offset", "sort"} <= params
    assert not any("post" in v for v in paths.values())          # read-only without a token


def test_basemap_is_bundled_and_small(client):
    r = client.get("/api/basemap")
    assert r.status_code == 200 and len(r.content) < 1_500_000
    fc = json.loads(r.content)
    layers = {(f["properties"]["layer"], f["properties"]["country"]) for f in fc["features"]}
    assert {("admin0", "SY"), ("admin0", "IQ"), ("admin1", "SY"), ("admin1", "IQ"), ("admin1", "TR"),
            ("admin1", "LB"), ("admin1", "JO")} <= layers
    assert sum(1 for f in fc["features"] if f["properties"]["layer"] == "admin1" and f["properties"]["country"] == "SY") == 14


def test_dashboard_page_and_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and 'dir="rtl"' in r.text and "/static/vendor/leaflet/leaflet.js" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "http" not in r.text.split("<body>")[1].replace("http://www.w3.org", "")   # nothing from a CDN
    for path in ("/static/app.js", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/leaflet.markercluster/leaflet.markercluster.js", "/static/vendor/leaflet/LICENSE.txt"):
        assert client.get(path).status_code == 200, path
    js = "".join(client.get(f"/static/{n}.js").text for n in ("util", "map", "timeline", "panels", "app"))
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js
