"""Batch geocoding (`marsad geocode -`): one record per line, plain text or JSONL with "text", bad lines
reported and skipped; admin2/admin3 of Syrian and Iraqi places from the OCHA boundaries."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from marsad.cli import app
from marsad.geo import find_places, geocode_lines

# (id, line, what the record holds)
LINES = [
    ("plain", "اشتباكات في بلدة ذيبان بريف دير الزور الشرقي", {"best_country": "SY", "n_places": 2}),
    ("jsonl", json.dumps({"id": "r1", "text": "غارة جوية على صنعاء"}, ensure_ascii=False),
     {"id": "r1", "best_country": "YE", "n_places": 1}),
    ("jsonl-context", json.dumps({"text": "انفجار عبوة قرب الحويجة", "context": "الأمن في كركوك"}, ensure_ascii=False),
     {"best_country": "IQ", "n_places": 1}),
    ("no-place", "قال المتحدث إن الوضع هادئ", {"best_country": None, "n_places": 0}),
    ("bad-json", "{\"text\": ", {"error": True}),
    ("json-no-text", json.dumps({"body": "نص"}), {"error": True}),
]


@pytest.mark.parametrize("line,want", [r[1:] for r in LINES], ids=[r[0] for r in LINES])
def test_geocode_line(line, want):
    (rec,) = list(geocode_lines([line]))
    assert rec["line"] == 1
    if want.get("error"):
        assert "error" in rec and "places" not in rec
        return
    assert len(rec["places"]) == want["n_places"], rec["places"]
    assert (rec["best"] or {}).get("country") == want["best_country"]
    if "id" in want:
        assert rec["id"] == want["id"]


def test_blank_lines_are_skipped_and_numbering_follows_the_input():
    recs = list(geocode_lines(["غارة على صنعاء", "", "  ", "هجوم في كابول"]))
    assert [r["line"] for r in recs] == [1, 4]


def test_cli_batch_reads_stdin_and_flags_bad_lines():
    stdin = "هجوم في العريش بشمال سيناء\n{oops\nقصف على حلب\n"
    res = CliRunner().invoke(app, ["geocode", "-"], input=stdin)
    out = [json.loads(ln) for ln in res.stdout.splitlines() if ln.startswith("{")]
    assert [r["line"] for r in out] == [1, 2, 3]
    assert out[0]["best"]["country"] == "EG" and "error" in out[1] and out[2]["best"]["admin1"] == "Aleppo"
    assert res.exit_code == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ابتحدرسعفقلمنهوي {}\":،")), max_size=40), max_size=6))
def test_one_record_per_non_blank_line(lines):
    recs = list(geocode_lines(lines))
    assert len(recs) == sum(1 for ln in lines if ln.strip())
    assert all(("error" in r) != ("places" in r) for r in recs)


# (id, text, surface, admin2, admin3)
ADMIN23 = [
    ("dhiban", "اشتباكات في بلدة ذيبان", "ذيبان", "Al Mayadin", "Thiban"),
    ("hawija", "تفجير في قضاء الحويجة غرب كركوك", "الحويجة", "Al-Hawiga", None),
    ("foreign", "غارة على صنعاء", "صنعاء", "", ""),
]


@pytest.mark.parametrize("text,surface,admin2,admin3", [r[1:] for r in ADMIN23], ids=[r[0] for r in ADMIN23])
def test_admin2_admin3(text, surface, admin2, admin3):
    m = next(m for m in find_places(text) if surface in m.surface)
    assert m.admin2 == admin2
    if admin3 is not None:
        assert m.admin3 == admin3


# geoparse.org_country: a line whose only place name is a country inside an organisation's name takes the report's
# place, not that country: (id, line, context, admin1 of the best place)
ORG_COUNTRY = [
    ("sdf-line-hasakah", "ودفعت قوات سوريا الديمقراطية بتعزيزات كبيرة إلى محيط السجن",
     "هاجم مسلحو التنظيم سجن غويران في مدينة الحسكة ليلة الخميس", "Al-Hasakah"),
    ("sdf-line-raqqa", "وقالت قوات سوريا الديمقراطية إنها قتلت اثنين من المهاجمين",
     "استهدف هجوم حاجزا عند مدخل مدينة الرقة الشمالي", "Raqqa"),
]
ORG_CITY = [     # a governorate inside an organisation's name still serves when the report names no place
    ("ops-command-baghdad", "وقالت قيادة عمليات بغداد إن قواتها اعتقلت مطلوبين", "Baghdad"),
]


@pytest.mark.parametrize("line,context,admin1", [r[1:] for r in ORG_COUNTRY], ids=[r[0] for r in ORG_COUNTRY])
def test_org_country_is_no_fallback_place(line, context, admin1):
    (rec,) = list(geocode_lines([json.dumps({"text": line, "context": context}, ensure_ascii=False)]))
    assert rec["best"]["admin1"] == admin1, rec["best"]


@pytest.mark.parametrize("line,admin1", [r[1:] for r in ORG_CITY], ids=[r[0] for r in ORG_CITY])
def test_org_city_still_serves(line, admin1):
    (rec,) = list(geocode_lines([line]))
    assert rec["best"]["admin1"] == admin1, rec["best"]
