"""Every entry of the analysis data files: schema, duplicates, normalization."""
from __future__ import annotations

from marsad.analysis import vocab
from marsad.text import normalize


def _raw(section):
    return vocab.load_json("claim_keys.json")[section]


def test_claim_key_entries_schema_and_unique_ids():
    for section, id_field in (("keys", "key"), ("places", "place")):
        ids = [e[id_field] for e in _raw(section)]
        assert len(ids) == len(set(ids)), section
        for entry in _raw(section):
            assert set(entry) <= {id_field, "label", "en", "ar"}, entry
            assert entry["label"] and (entry.get("en") or entry.get("ar")), entry


def test_phrases_are_normalized_and_not_repeated():
    seen = {}
    for section, id_field in (("keys", "key"), ("places", "place")):
        for entry in _raw(section):
            for phrase in entry.get("en", []) + entry.get("ar", []):
                assert phrase == normalize(phrase).text.strip(), phrase      # no diacritics/tatweel/bidi
                words = vocab.make_phrase(phrase)
                assert words.exact or words.prefix, phrase
                sig = (section, words.exact, words.prefix)
                assert sig not in seen, f"{phrase!r} in {entry[id_field]} repeats {seen.get(sig)}"
                seen[sig] = entry[id_field]


def test_arabic_phrases_in_ar_and_english_in_en():
    for section in ("keys", "places"):
        for entry in _raw(section):
            assert all(not p.isascii() for p in entry.get("ar", [])), entry
            assert all(p.isascii() for p in entry.get("en", [])), entry


def test_incident_rules_tables():
    rules = vocab.incident_rules()
    assert rules["max_km"] == 10.0
    groups = rules["compatible_actors"]
    # an actor may be in several groups (compatibility does not chain through it), once in each
    assert all(len(g) >= 2 and len(g) == len(set(g)) for g in groups)
    assert len({frozenset(g) for g in groups}) == len(groups)
    assert all(len(p) == 2 and p[0] != p[1] for p in rules["compatible_sub_event_types"])
