"""The shipped index and the hand-written vocabulary: schema, folding, rebuild recipe."""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import find_places, load_gazetteer
from marsad.geo.fold import fold

DATA = Path(__file__).resolve().parents[2] / "src" / "marsad" / "geo" / "data"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
KINDS = {"country", "gov", "district", "subdistrict", "city", "town", "village", "ruin", "neighbourhood"}


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_index_schema_and_size():
    assert (DATA / "gazetteer.tsv.gz").stat().st_size < 15_000_000
    gaz = load_gazetteer()
    assert len(gaz.entries) > 30_000
    for e in gaz.entries:
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        assert e.names and all(e.names)
        assert e.precision in (1, 2, 3)
    assert {e.kind for e in gaz.entries if not e.id.startswith(("feature:", "hand:", "country:"))} <= KINDS


def test_every_governorate_has_an_entry():
    gaz = load_gazetteer()
    for a1 in ("Deir ez-Zor", "Al-Hasakah", "Raqqa", "Aleppo", "Idlib", "Homs", "Nineveh", "Anbar",
               "Salah ad-Din", "Diyala", "Kirkuk", "Baghdad"):
        assert a1 in gaz.admin1_entry


def test_features_rows_are_well_formed():
    """features.tsv and places_hand.tsv: 8 columns, a point in the region (its country's, for the
    world layer's features), no name twice in one country (Ettadhamen of Tunis and Al-Tadamon of Damascus share
    «التضامن»: the report's country picks)."""
    seen = set()
    lines = [ln for name in ("features.tsv", "places_hand.tsv")
             for ln in (DATA / name).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        assert len(f) == 8, line
        assert f[3] in ("1", "2", "3")
        if f[1] in ("SY", "IQ"):
            assert 29 < float(f[4]) < 38 and 35 < float(f[5]) < 48, line
        else:
            assert -35 < float(f[4]) < 45 and -20 < float(f[5]) < 75, line
        for n in f[7].split("|"):
            assert (f[1], fold(n)) not in seen, n
            seen.add((f[1], fold(n)))


def test_vocab_words_fold_to_themselves_once_normalized():
    v = json.loads((DATA / "vocab.json").read_text(encoding="utf-8"))
    for section in ("cues", "region_heads", "directions"):
        for k in v[section]:
            assert k == k.strip() and "  " not in k
            assert fold(fold(k)) == fold(k)
    stop = [w for w in (DATA / "stoplist.txt").read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    assert len(stop) == len(set(stop)) or len(set(map(fold, stop))) > 300


def test_aliases_point_to_known_names():
    gaz = load_gazetteer()
    for line in (DATA / "aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        variant = line.split("\t")[0]
        assert gaz.lookup(fold(variant)), variant


def test_rebuild_slice_matches_shipped_index(shared_dir):
    """The recipe: rebuilding one governorate from ../shared/data gives the shipped rows."""
    mod = _build_module()
    rows = mod.to_rows(mod.build(shared_dir / "data", countries=("SY",), admin1_filter="SY14"))
    assert rows
    shipped = {}
    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            shipped[f[0]] = f
    units = [r for r in rows if r[0].startswith("SY14")]
    assert units and all(shipped[r[0]] == r for r in units)
    # places: same point, kind and admin1 for the entries the slice rebuilt alone
    same = [r for r in rows if r[0] in shipped and shipped[r[0]][1:7] == r[1:7]]
    assert len(same) >= 0.9 * len(rows)


# (id, WOF name_en, WOF name, WOF gn_name, doubtful): a WOF English name a GeoNames one should replace
ENGLISH_NAMES = [
    ("other-source-name", "Sewera", "Tekrit", "", True),          # Tikrit's city record
    ("arabic-letters", "", "المصطبة", "", True),
    ("transliteration-variant", "Ar Raqqah", "الرقة", "", False),
    ("diacritics-only", "Al Ḩawījah", "Al Hawijah", "Al Ḩawījah", False),
    ("latin-own-name-agrees", "Tikrit", "Tikrīt", "", False),
    ("no-english-name", "", "Sinah", "Sīnah", False),
]


@pytest.mark.parametrize("name_en,name,gn_name,doubtful", [r[1:] for r in ENGLISH_NAMES],
                         ids=[r[0] for r in ENGLISH_NAMES])
def test_a_doubtful_english_name_is_told(name_en, name, gn_name, doubtful):
    assert _build_module().doubtful_english(name_en, name, gn_name) is doubtful


def test_a_city_carries_the_geonames_english_name_where_its_first_record_has_another():
    """Tikrit's city was "Sewera" (a WOF record named Tekrit with another source's English name)."""
    gaz = load_gazetteer()
    cities = [e for e in gaz.lookup(fold("تكريت")) if e.kind == "city"]
    assert [e.name_en for e in cities] == ["Tikrit"]


def test_every_hand_capital_is_its_countrys_capital_city():
    """data/capitals_ar.tsv names capitals GeoNames gives no Arabic name: each is read as its country's capital."""
    gaz = load_gazetteer()
    rows = [ln.split("\t") for ln in (DATA / "capitals_ar.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    assert rows
    for cc, _, names in rows:
        for name in names.split("|"):
            assert (cc, True) in [(e.country, e.capital) for e in gaz.lookup(fold(name)) if e.kind == "city"], name


ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ،.\n\u064b\u0640")), max_size=80)
NAMES = st.sampled_from(["الباغوز", "دير الزور", "ريف الرقة الشمالي", "قرب البوكمال", "بلدة ذيبان", "الموصل"])


@settings(max_examples=150, deadline=None)
@given(ARABIC, NAMES, ARABIC)
def test_spans_always_index_the_input(left, name, right):
    text = left + " " + name + " " + right
    for m in find_places(text, context=right):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface
        assert m.geo_precision in (1, 2, 3)


@settings(max_examples=100, deadline=None)
@given(ARABIC)
def test_never_crashes_on_noise(text):
    for m in find_places(text):
        assert m.location()["lat"] == round(m.lat, 5)
