"""`marsad incidents` and `marsad claims` through the CLI (jsonl, csv, table, filters)."""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from marsad.cli import app

STRIKE = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
              date_start="2018-01-20", date_end="2018-01-20", name_ar="الشعفة", lat=34.675, lon=40.859,
              geo_precision=1)


def _fill(reports):
    for d, toll in (("x1", 7), ("x2", 12)):
        reports.doc(d, source=f"outlet {d}")
        reports.event(d, **STRIKE, fatalities=toll)
        reports.claim(d, quantity="ISIS fighters", value_low=20000 if d == "x1" else 6000,
                      value_high=30000 if d == "x1" else 6000, qualifier="exact", place="Iraq and Syria",
                      time="2018", source_en=f"source {d}", source_kind="media", evidence="عدد مقاتلي داعش")
    reports.doc("x3")
    reports.claim("x3", quantity="plots foiled", value_low=12, value_high=12, qualifier="at_least",
                  place="Syria", time="2025")


def _run(*args):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_incidents_jsonl_and_csv(store, reports):
    _fill(reports)
    db = store.path
    (inc,) = [json.loads(line) for line in _run("incidents", "--db", db, "--format", "jsonl").splitlines()]
    assert inc["fatalities"] == {"min": 7, "max": 12, "median": 9.5, "best": 7} and inc["doc_ids"] == ["x1", "x2"]
    rows = list(csv.DictReader(io.StringIO(_run("incidents", "--db", db, "--format", "csv"))))
    assert rows[0]["n_reports"] == "2" and rows[0]["fatalities_max"] == "12"
    assert "الشعفة" in _run("incidents", "--db", db)


def test_claims_formats_and_contradictions(store, reports, tmp_path):
    _fill(reports)
    db = store.path
    groups = [json.loads(line) for line in _run("claims", "--db", db, "--format", "jsonl").splitlines()]
    assert [g["key"] for g in groups] == ["isis_fighters@iraq+syria", "plots_foiled@syria"]
    flagged = _run("claims", "--db", db, "--format", "jsonl", "--contradictions").splitlines()
    assert [json.loads(line)["key"] for line in flagged] == ["isis_fighters@iraq+syria"]
    assert _run("claims", "--db", db, "--format", "jsonl", "--contradictions", "--factor", "5") == ""
    out = tmp_path / "ledger.csv"
    _run("claims", "--db", db, "--format", "csv", "--output", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 3 and rows[0]["contradiction"] == "True" and rows[0]["spread_ratio"] == "5.0"
    table = _run("claims", "--db", db, "--contradictions")
    assert "1 groups, 1 with a contradiction" in table


def test_bad_format_is_a_usage_error(store):
    result = CliRunner().invoke(app, ["claims", "--db", store.path, "--format", "xml"])
    assert result.exit_code == 2


def test_export_by_incident_and_stats_count_each_incident_once(store, reports):
    _fill(reports)
    db = store.path
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "acled", "--by-incident"))))
    assert len(rows) == 1
    assert rows[0]["fatalities"] == "7" and rows[0]["doc_ids"] == "x1;x2"      # the best estimate, every report
    per_report = list(csv.DictReader(io.StringIO(_run("export", "--db", db, "--format", "acled"))))
    assert len(per_report) == 2
    (inc,) = [json.loads(x) for x in _run("export", "--db", db, "--format", "jsonl", "--by-incident").splitlines()]
    assert inc["doc_ids"] == ["x1", "x2"] and inc["fatalities"]["best"] == 7
    out = CliRunner().invoke(app, ["stats", "--db", db], env={"COLUMNS": "200"}).output
    assert "incidents (each event once)" in out and "killed (best estimate)" in out
