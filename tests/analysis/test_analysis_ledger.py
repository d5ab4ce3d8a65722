"""The claims ledger: canonical keys, grouping across outlets, contradictions."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.analysis import ledger
from marsad.analysis.claimkeys import claim_key, period, place_key
from marsad.analysis.claims_ledger import ledger_groups


@pytest.mark.parametrize("quantity, key", [
    ("ISIS fighters", "isis_fighters"),
    ("fighters of the Islamic State remaining in Syria", "isis_fighters"),
    ("عدد مقاتلي داعش", "isis_fighters"),
    ("عناصر التنظيم", "isis_fighters"),
    ("foreign fighters who fought in Syria and Iraq", "isis_fighters.foreign"),
    ("المقاتلين الأجانب في صفوف التنظيم", "isis_fighters.foreign"),
    ("foreign fighters returned to Europe", "isis_fighters.foreign.returnees"),
    ("العائدين من المقاتلين الأجانب", "isis_fighters.foreign.returnees"),
    ("ISIS fighters whose whereabouts are unknown", "isis_fighters.unaccounted"),
    ("عناصر مجهولي المصير", "isis_fighters.unaccounted"),
    ("detainees in SDF prisons", "detainees"),
    ("معتقلي داعش في سجون قسد", "detainees"),
    ("foreign ISIS detainees in SDF prisons", "detainees.foreign"),
    ("residents of al-Hol camp", "camp_population"),
    ("قاطني مخيم الهول", "camp_population"),
    ("plots foiled", "plots_foiled"),
    ("attacks claimed by ISIS", "attacks"),
    ("الهجمات التي تبناها التنظيم", "attacks"),
    ("joint operations against ISIS", "operations"),
    ("USD paid in bribes for safe passage", "money"),
    ("ISIS militants killed", "isis_fighters.killed"),
    ("civilians killed in the Syrian Badia", "casualties.civilians"),
    ("number of olive trees", "other.number_of_olive_trees"),
], ids=lambda v: v if isinstance(v, str) and v.isascii() and " " not in v else None)
def test_claim_key(quantity, key):
    assert claim_key(quantity).key == key


@pytest.mark.parametrize("place, key", [
    ("Iraq and Syria", "iraq+syria"),
    ("Syria and Iraq", "iraq+syria"),
    ("سوريا والعراق", "iraq+syria"),
    ("في سورية", "syria"),
    ("al-Hol camp, Al-Hasakah", "al_hol+hasakah"),
    ("Deir ez-Zor", "deir_ez_zor"),
    ("ريف دير الزور", "deir_ez_zor"),
    ("Syrian Badia", "syrian_badia"),
    ("Mars", "mars"),
], ids=["en-iq-sy", "en-sy-iq", "ar-sy-iq", "ar-syria-ta-marbuta", "camp", "dez", "ar-dez", "badia", "unknown"])
def test_place_key(place, key):
    assert place_key(place)[0] == key


@pytest.mark.parametrize("time, lo, hi", [
    ("2018", "2018-01-01", "2018-12-31"),
    ("2018-02", "2018-02-01", "2018-02-28"),
    ("2024-02-29", "2024-02-29", "2024-02-29"),
    ("2014..2018", "2014-01-01", "2018-12-31"),
    ("2019-02..2019-03", "2019-02-01", "2019-03-31"),
], ids=["year", "month", "day", "year-span", "month-span"])
def test_period(time, lo, hi):
    assert [d.isoformat() for d in period(time)] == [lo, hi]


@pytest.mark.parametrize("time", [None, "", "recently", "2018-13"], ids=["none", "empty", "words", "bad-month"])
def test_period_unknown(time):
    assert period(time) is None


@pytest.mark.parametrize("place, evidence, key", [
    (None, "قال الجنرال ان عدد مقاتلي داعش يبلغ نحو الفي مقاتل في العراق وسوريا", "iraq+syria"),
    ("وأن", "هناك 8 آلاف معتقل في مرافق يديرها شركاؤنا في سوريا", "syria"),
    ("Syria", "عدد المقاتلين في العراق وسوريا", "syria"),
    (None, "قال مسؤولون ان العدد تراجع", "unspecified"),
], ids=["none-from-evidence", "stray-word-from-evidence", "stated-place-wins", "nothing-known"])
def test_place_falls_back_to_evidence(place, evidence, key):
    assert place_key(place, evidence)[0] == key


def test_claim_restated_later_by_another_outlet_joins_the_group(store, reports):
    reports.doc("l1", source="الحرة", published="2024-07-20")
    reports.doc("l2", source="شفق نيوز", published="2024-09-02")
    reports.claim("l1", quantity="joint operations against ISIS", value_low=137, value_high=137,
                  qualifier="exact", place="Iraq", time="2024-01..2024-06", source_ar="القيادة المركزية الأمريكية",
                  source_en="CENTCOM", source_kind="military",
                  evidence="نفذت القوات الأمريكية والعراقية 137 عملية مشتركة ضد داعش في العراق")
    reports.claim("l2", quantity="عمليات مشتركة ضد التنظيم", value_low=137, value_high=137, qualifier="exact",
                  place="العراق", time="2024-06", source_ar="سنتكوم", source_en="CENTCOM", source_kind="military",
                  evidence="وكانت سنتكوم قد اعلنت تنفيذ 137 عملية مشتركة في العراق خلال النصف الأول من العام")
    (group,) = ledger(store.conn)
    assert group["key"] == "operations@iraq"
    assert [v["doc_id"] for v in group["values"]] == ["l1", "l2"]
    assert group["spread"] == {"min": 137, "max": 137, "ratio": 1.0}
    assert group["contradiction"] is False


def _fighters(reports, doc, low, high, time, qualifier="exact", place="Iraq and Syria"):
    reports.doc(doc)
    reports.claim(doc, quantity="ISIS fighters", value_low=low, value_high=high, qualifier=qualifier,
                  place=place, time=time, source_ar="مصدر", source_en="source", source_kind="media",
                  evidence="عدد مقاتلي داعش")


@pytest.mark.parametrize("other, factor, flagged", [
    pytest.param((6000, 6000, "2018"), 1.5, True, id="un-vs-us-2018"),
    pytest.param((6000, 6000, "2018"), 4.0, False, id="factor-4-tolerates"),
    pytest.param((2000, 2000, "2025-06"), 1.5, False, id="other-period"),
    pytest.param((25000, 25000, "2018-08"), 1.5, False, id="inside-the-range"),
    pytest.param((14000, 14000, "2018-08"), 1.5, False, id="within-factor"),
    pytest.param((5000, 5000, None), 1.5, False, id="unknown-time"),
])
def test_contradiction(store, reports, other, factor, flagged):
    _fighters(reports, "k1", 20000, 30000, "2018-08", "range")
    _fighters(reports, "k2", *other)
    (group,) = ledger(store.conn, factor=factor)
    assert group["contradiction"] is flagged


def test_at_least_does_not_contradict_a_larger_figure(store, reports):
    _fighters(reports, "q1", 10000, 10000, "2019", "at_least")
    _fighters(reports, "q2", 40000, 40000, "2019")
    (group,) = ledger(store.conn)
    assert group["contradiction"] is False and group["spread"]["ratio"] == 4.0


def test_contradictions_only_and_key_filter(store, reports):
    _fighters(reports, "f1", 20000, 30000, "2018-08", "range")
    _fighters(reports, "f2", 6000, 6000, "2018")
    reports.doc("f3")
    reports.claim("f3", quantity="plots foiled", value_low=12, value_high=12, qualifier="at_least",
                  place="Syria and Iraq", time="2025")
    assert [g["key"] for g in ledger(store.conn)] == ["isis_fighters@iraq+syria", "plots_foiled@iraq+syria"]
    assert [g["key"] for g in ledger(store.conn, contradictions_only=True)] == ["isis_fighters@iraq+syria"]
    assert [g["key"] for g in ledger(store.conn, key="plots_foiled")] == ["plots_foiled@iraq+syria"]
    (group,) = ledger_groups(store.conn, contradictions_only=True)
    assert [(i, j) for i, j, _ in group.pairs] == [(0, 1)]


def _load_gold_claims(reports, gold_dir):
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        reports.doc(gold["doc_id"], published=gold.get("published"))
        for n, c in enumerate(gold["claims"]):
            reports.claim(gold["doc_id"], n, **{k: c.get(k) for k in (
                "quantity", "value_low", "value_high", "qualifier", "place", "time",
                "source_ar", "source_en", "source_kind", "evidence")})


def test_seed_gold_claims_show_the_fighter_estimates(store, reports, shared_dir):
    _load_gold_claims(reports, shared_dir / "corpus" / "seeds-gold")
    groups = {g["key"]: g for g in ledger(store.conn, key="isis_fighters")}
    main = groups["isis_fighters@iraq+syria"]
    assert main["contradiction"] is True
    assert main["spread"] == {"min": 2000, "max": 30000, "ratio": 15.0}
    assert [(v["value_low"], v["value_high"], v["time"]) for v in main["values"]] == [
        (6000, 6000, "2018"), (20000, 30000, "2018-08"), (2000, 2000, "2025-06")]
    assert {v["source_kind"] for v in main["values"]} == {"international_org", "intelligence", "military"}
    foreign = groups["isis_fighters.foreign@iraq+syria"]
    assert [v["value_low"] for v in foreign["values"]] == [40000]
    assert groups["isis_fighters@syria"]["values"][0]["value_low"] == 2000
    assert groups["isis_fighters.unaccounted@iraq+syria"]["values"][0]["value_low"] == 30000
    assert list(main) == ["key", "quantity", "place", "period", "values", "spread", "contradiction", "series"]
    assert list(main["values"][0]) == ["value_low", "value_high", "qualifier", "source_ar", "source_en",
                                       "source_kind", "time", "doc_id", "evidence"]


def test_estimates_years_apart_are_a_series_not_a_contradiction(store, reports):
    _fighters(reports, "y1", 20000, 30000, "2018-08", "range")
    _fighters(reports, "y2", 2000, 2000, "2025-06")
    _fighters(reports, "y3", 6000, 6000, "2018")
    _fighters(reports, "y4", 3000, 3000, "2014..2021")          # a range over years: its own step
    (group,) = ledger(store.conn)
    assert [(s["period"], s["min"], s["max"], s["contradiction"]) for s in group["series"]] == [
        ("2014-01-01..2021-12-31", 3000, 3000, False), ("2018", 6000, 30000, True), ("2025", 2000, 2000, False)]
    flagged = {tuple(sorted((group["values"][i]["time"], group["values"][j]["time"])))
               for s in group["series"] if s["contradiction"] for i in s["values"] for j in s["values"] if i != j}
    assert flagged == {("2018", "2018-08")}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 50000), st.integers(0, 3), st.sampled_from(["exact", "at_least", "at_most"])),
                min_size=2, max_size=150))
def test_a_large_step_flags_exactly_when_some_pair_contradicts(values):
    from marsad.analysis.claims_ledger import LedgerGroup, find_contradictions, gap_ratio
    group = LedgerGroup("k@p", "q", "p")
    for low, width, qual in values:
        group.values.append({"value_low": low, "value_high": low + width * low // 4, "qualifier": qual})
        group.periods.append(period("2019"))
    find_contradictions(group, 1.5)
    n = len(group.values)
    exhaustive = any(gap_ratio(group.values[i], group.values[j]) > 1.5 for i in range(n) for j in range(i + 1, n))
    assert group.contradiction is exhaustive
