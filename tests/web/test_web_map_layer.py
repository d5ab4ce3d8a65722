"""The map layer (/api/events.geojson) reads only its columns, by position: the same features as
building each event's full dict (queries.event_row) and flattening it, on both stores."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from marsad.store import Store, save_extraction
from marsad.web import queries
from marsad.web.filters import Filters

EVENTS = [  # written for this test
    ("Battles", "sdf", "islamic_state", "Deir ez-Zor", 35.3, 40.1, 4, "قتل أربعة من عناصر داعش في اشتباك مع قسد قرب الشحيل."),
    ("Explosions/Remote violence", "syrian_army", None, "Idlib", 35.8, 36.6, None, "سقطت قذائف على بلدة النيرب شرقي إدلب."),
    ("Protests", "protesters", None, None, None, None, 0, "تظاهر أهالي القرية احتجاجاً على انقطاع المياه."),
]


def _reference(conn, f) -> dict:
    """The layer as it was built before (every column, event_row, then flattened)."""
    where, params = queries.event_where(conn, f)
    order = queries._event_order(*queries.sort_key(f.sort, queries.EVENT_SORTS, "-date_start"))
    rows = conn.execute(f"{queries.EVENT_SELECT} WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
                        f"ORDER BY {order} LIMIT ? OFFSET ?", [*params, f.limit, f.offset]).fetchall()
    features = []
    for r in rows:
        ev = queries.event_row(r)
        loc, src = ev.pop("location"), ev.pop("source")
        props = {**ev, **{k: loc[k] for k in ("name_ar", "name_en", "country", "admin1", "geo_precision")},
                 "source": src.get("source"), "title": src.get("title")}
        features.append({"type": "Feature", "id": ev["event_id"], "properties": props,
                         "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}})
    return {"type": "FeatureCollection", "features": features}


@pytest.fixture()
def db(db_target):
    from marsad.documents import make_document

    with Store(db_target) as store:
        for i in range(12):
            etype, a1, a2, admin1, lat, lon, killed, evidence = EVENTS[i % 3]
            day = dt.date(2025, 3, 1) + dt.timedelta(days=i)
            doc_id = f"m-{i:02d}"
            with store.transaction():
                store.insert_document(make_document(evidence, doc_id=doc_id, published=day.isoformat(),
                                                    source=f"outlet-{i % 4}", title=f"عنوان {i}"),
                                      is_arabic=True, path="t")
            save_extraction(store, doc_id, "test-1", {"doc_id": doc_id, "claims": [], "events": [{
                "event_type": etype, "actor1": a1, "actor2": a2, "date_start": day.isoformat(),
                "date_end": day.isoformat(), "fatalities": killed, "evidence": evidence,
                "location": {"name_ar": "مكان", "name_en": admin1, "country": "SY", "admin1": admin1,
                             "lat": lat, "lon": lon, "geo_precision": 2 if lat else None}}]})
        with store.transaction():
            store.conn.execute("UPDATE events SET date_note = 'من تاريخ النشر' WHERE doc_id = 'm-03'")
    return db_target


@pytest.mark.parametrize("kw", [{}, {"event_type": ["Battles"]}, {"sort": "-fatalities"}, {"limit": 3, "offset": 2},
                                {"q": "إدلب"}])
def test_the_map_layer_is_the_flattened_events(db, kw):
    conn = queries.connect(db)
    f = Filters(**kw)
    got = queries.events_geojson(conn, f)
    assert got == _reference(conn, f)
    assert got["features"] and all(list(ft["properties"]) == list(queries.GEO_PROPS) for ft in got["features"])
    # the bytes the API sends (PostgreSQL builds them itself): the same collection, keys in the same order
    sent = json.loads(queries.events_geojson_bytes(conn, f))
    assert sent == got
    assert [list(ft) for ft in sent["features"]] == [list(ft) for ft in got["features"]]
    assert [list(ft["properties"]) for ft in sent["features"]] == [list(ft["properties"]) for ft in got["features"]]
    conn.close()


@pytest.mark.parametrize("kw, limit, capped", [({}, 8, False), ({}, 7, True), ({"event_type": ["Battles"]}, 4, False),
                                               ({"event_type": ["Battles"]}, 3, True), ({"q": "إدلب"}, 3, True),
                                               ({"q": "إدلب"}, 4, False), ({"date_from": dt.date(2025, 3, 5)}, 4, True),
                                               ({"date_from": dt.date(2025, 3, 5)}, 5, False)])
def test_the_whole_layer_or_none(db, kw, limit, capped):
    """The dashboard's request (whole=true): every located event when they fit in `limit`, else no
    features and `capped` (8 of the 12 events are located: 4 Battles, 4 in Idlib, 5 from 5 March)."""
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app

    params = {k: (v[0] if isinstance(v, list) else v) for k, v in kw.items()}
    got = TestClient(create_app(db)).get("/api/events.geojson", params={**params, "limit": limit, "whole": "true"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/geo+json")
    body = got.json()
    if capped:
        assert body == {"type": "FeatureCollection", "features": [], "capped": True}
    else:
        conn = queries.connect(db)
        try:
            assert body == queries.events_geojson(conn, Filters(**kw, limit=limit)) and len(body["features"]) == limit
        finally:
            conn.close()
