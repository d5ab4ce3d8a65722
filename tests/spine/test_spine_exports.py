"""Exports over events written straight into the store (independent of the extractor's quality)."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.exports import ACLED_COLUMNS, CSV_COLUMNS, EventFilter, export, time_precision
from marsad.ingest import ingest
from marsad.store import save_extraction


def event(sub, typ, day_start, day_end, name_en, admin1, lat, lon, **counts):
    location = {"name_ar": name_en, "name_en": name_en, "country": "SY" if lat and lat > 34.5 else "IQ",
                "admin1": admin1, "lat": lat, "lon": lon, "geo_precision": 1 if lat else 3}
    return {"event_type": typ, "sub_event_type": sub, "date_start": day_start, "date_end": day_end,
            "actor1": "sdf", "actor2": "islamic_state", "location": location,
            "fatalities": counts.get("fatalities"), "injured": counts.get("injured"),
            "arrested": counts.get("arrested"), "evidence": f"نص الدليل عن {name_en}"}


DOCS = {
    "a": [event("Arrests", "Strategic developments", "2025-03-01", "2025-03-01", "Dhiban", "Deir ez-Zor", 35.01, 40.51, arrested=3),
          event("Armed clash", "Battles", "2025-03-10", "2025-03-10", "Al-Busayrah", "Deir ez-Zor", 35.15, 40.43, fatalities=2)],
    "b": [event("Remote explosive/landmine/IED", "Explosions/Remote violence", "2025-05-11", "2025-05-11", "Hawija", "Kirkuk", 35.33, 43.78, fatalities=2, injured=3)],
    "c": [event("Attack", "Violence against civilians", "2025-02-01", "2025-02-28", "Homs desert", "Homs", None, None, fatalities=5)],
    "d": [],
}


@pytest.fixture()
def filled(store, write_json):
    paths = [write_json(f"{d}.json", {"doc_id": d, "text": f"تقرير تجريبي رقم {d} عن هجمات داعش في سوريا والعراق",
                                        "url": f"https://t.example/{d}", "source": "مصدر"}) for d in DOCS]
    ingest(paths, store)
    for doc_id, events in DOCS.items():
        save_extraction(store, doc_id, "v", {"doc_id": doc_id, "published": None, "events": events, "claims": []})
    return store


def test_csv_loads_in_pandas_with_acled_columns(filled):
    frame = pd.read_csv(io.StringIO(export(filled, "csv")))
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert set(ACLED_COLUMNS) <= set(frame.columns)
    assert len(frame) == 4
    dhiban = frame[frame.location == "Dhiban"].iloc[0]
    assert (dhiban.event_id, dhiban.country, dhiban.admin1, dhiban.arrested, dhiban.time_precision) == (
        "a:1", "Syria", "Deir-ez-Zor", 3, 1)
    assert dhiban.event_id_cnty.startswith("SYR")
    assert frame[frame.doc_ids == "c"].iloc[0].time_precision == 3
    assert frame[frame.doc_ids == "b"].iloc[0].url == "https://t.example/b"


def test_geojson_one_feature_per_located_event(filled):
    data = json.loads(export(filled, "geojson"))
    assert data["type"] == "FeatureCollection"
    located = filled.conn.execute("SELECT COUNT(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL").fetchone()[0]
    assert len(data["features"]) == located == 3
    hawija = next(f for f in data["features"] if f["properties"]["location"] == "Hawija")
    assert hawija["geometry"] == {"type": "Point", "coordinates": [43.78, 35.33]}


def test_jsonl_is_the_spec_format(filled):
    lines = export(filled, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in records] == ["a", "b", "c", "d"]
    assert all(set(r) == {"doc_id", "published", "events", "claims"} for r in records)
    assert records[0]["events"] == DOCS["a"]


@pytest.mark.parametrize("flt,expected", [
    (EventFilter(admin1="deir ez-zor"), {"a:1", "a:2"}),
    (EventFilter(event_type="Battles"), {"a:2"}),
    (EventFilter(event_type="Arrests"), {"a:1"}),
    (EventFilter(date_from="2025-03-05"), {"a:2", "b:1"}),
    (EventFilter(date_to="2025-02-15"), {"c:1"}),
    (EventFilter(date_from="2025-02-10", date_to="2025-03-05"), {"a:1", "c:1"}),
], ids=["admin1", "type", "sub-type", "from", "to-overlaps-range", "window"])
def test_filters(filled, flt, expected):
    frame = pd.read_csv(io.StringIO(export(filled, "csv", flt)))
    assert set(frame.event_id) == expected
    records = [json.loads(x) for x in export(filled, "jsonl", flt).splitlines()]
    assert sum(len(r["events"]) for r in records) == len(expected)


@pytest.mark.parametrize("start,end,expected", [
    ("2025-03-01", "2025-03-01", 1), ("2025-03-01", "2025-03-07", 2), ("2025-03-01", "2025-03-31", 3),
    (None, None, None)], ids=["day", "week", "month", "unknown"])
def test_time_precision(start, end, expected):
    assert time_precision(start, end) == expected


def test_cli_export_and_stats(filled, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.geojson"
    result = runner.invoke(app, ["export", "--db", filled.path, "--format", "geojson", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 3
    bad = runner.invoke(app, ["export", "--db", filled.path, "--format", "xml"])
    assert bad.exit_code == 2 and "unknown export format" in bad.stderr
    stats = runner.invoke(app, ["stats", "--db", filled.path], env={"COLUMNS": "200"})
    assert stats.exit_code == 0
    for text in ("documents", "Deir ez-Zor", "Kirkuk", "2025-03", "Arrests", "Remote explosive/landmine/IED"):
        assert text in stats.stdout
