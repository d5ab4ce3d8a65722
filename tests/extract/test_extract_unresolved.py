"""Localities the gazetteer lacks, named after a locality word (marsad.extract.unresolved)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.context import prepare
from marsad.extract.unresolved import MAX_NAME_WORDS, unresolved_places

FRAME = SimpleNamespace(country="SY", admin1="Idlib", name_ar="إدلب")

# id, sentence, names expected
CASES = [
    ("village", "قصفت قوات النظام قرية تل الزعيترات بريف إدلب أمس.", ["تل الزعيترات"]),
    ("dual-list", "وأوضح المكتب أن قريتي جب الزلاطة والعكيرشات قصفتا بالمدفعية.", ["جب الزلاطة", "العكيرشات"]),
    ("dual-list-verb", "وأوضح المكتب أن قريتي جب الزلاطة والعكيرشات تعرضتا لقصف مدفعي.", ["جب الزلاطة", "العكيرشات"]),
    ("plural-list", "تحرير قرى المشيرمة الصغيرة والقطيعية وتل الزعيترات من التنظيم.",
     ["المشيرمة الصغيرة", "القطيعية", "تل الزعيترات"]),
    # "إحياء الذكرى" (commemorating) folds like "أحياء" (neighbourhoods): an anniversary is no place
    ("commemoration-no-place", "اندلعت الاحتجاجات الليلية تزامنا مع إحياء الذكرى العاشرة للثورة في ريف إدلب.", []),
    ("stops-at-relative", "طال القصف قرية جب الزلاطة الواقعة شرقي المدينة.", ["جب الزلاطة"]),
    # a dual or plural relative adjective, an administrative unit with its preposition ("بولاية"), or what a camp
    # is for ("للنازحين") ends a name like the singular "الواقعة"
    ("stops-at-dual-relative", "قصفت المسيرة قريتي جب الزلاطة والعكيرشات الواقعتين شمال المدينة.", ["جب الزلاطة", "العكيرشات"]),
    ("stops-at-province-word", "هاجم مسلحون قرية كارفور جيني بولاية تيلابيري أمس.", ["كارفور جيني"]),
    # a noun in apposition ("عاصمة"، "مركز") says what the place is, it is no part of its name
    ("stops-at-capital-apposition", "استهدف انتحاري جنازة في مدينة غوادار عاصمة الإقليم أمس.", ["غوادار"]),
    ("stops-at-centre-apposition", "انفجرت عبوة ناسفة في بلدة كارفور جيني مركز المقاطعة صباح اليوم.", ["كارفور جيني"]),
    ("stops-at-camp-purpose", "تعرض مخيم تل الزعيترات للنازحين لقصف مدفعي أمس.", ["تل الزعيترات"]),
    ("stops-at-adverb", "وقالت المصادر إن الطائرات قصفت بلدة العكيرشات مرتين اليوم.", ["العكيرشات"]),
    ("stops-at-comma", "انفجرت عبوة في بلدة القطيعية، وأصيب ثلاثة مدنيين.", ["القطيعية"]),
    ("descriptor-is-no-name", "هاجم مسلحون مدينة ساحلية شمالي البلاد.", []),
    ("adjacency-is-no-name", "بدأت القوات التقدم داخل بلدات محاذية لمدينة نمرود.", []),
    ("definite-word-is-no-locality", "وقصفت الطائرات المدينة القديمة أمس.", []),
    ("conjunction-is-no-name", "ضحايا باستهداف حي وقافلة مساعدات في المدينة.", []),
    # a particle (لا، لم، لن، قد) never opens a name: the list ends before "ولا يزال القصف"
    ("particle-ends-the-list", "شمل القصف قرى المحشية والعكيرشات، ولا يزال القصف مستمرا.", ["المحشية", "العكيرشات"]),
    ("known-place-stays-known", "قصفت قوات النظام بلدة كفرنبل بريف إدلب.", []),
    ("enumeration-after-hiya", "سيطرت القوات على أربع قرى في محور داقوق هي: تل الزعيترات، والعكيرشات، والقطيعية.",
     ["تل الزعيترات", "العكيرشات", "القطيعية"]),
    # an item's description ("القريبة من ناحية X") ends at the comma; the enumeration goes on after it
    ("enumeration-past-description", "سيطرت القوات على أربع قرى في محور داقوق هي: تل الزعيترات، والعكيرشات القريبة من "
     "ناحية جلولاء، والقطيعية، وجب الزلاطة.", ["تل الزعيترات", "العكيرشات", "القطيعية", "جب الزلاطة"]),
    ("list-stops-at-other-places", "قصفت قوات النظام قرى العكيرشات والقطيعية وأماكن أخرى.", ["العكيرشات", "القطيعية"]),
    # a definite generic noun of a unit and a time phrase name no place ("قرى المقاطعة مطلع الأسبوع")
    ("generic-unit-is-no-name", "وقال قائد الشرطة إن المسلحين هاجموا قرى المقاطعة مطلع الأسبوع.", []),
    ("time-phrase-ends-name", "وقصفت الطائرات قرية العكيرشات مطلع الأسبوع.", ["العكيرشات"]),
]


def _sent(text: str):
    return prepare(text, None)[0]


@pytest.mark.parametrize("text,names", [pytest.param(t, n, id=i) for i, t, n in CASES])
def test_unresolved_places(text, names):
    found = unresolved_places(_sent(text), FRAME)
    assert [p.name_ar for _, _, p in found] == names
    for _, _, p in found:
        loc = p.location()
        assert loc["lat"] is None and loc["lon"] is None and loc["geo_precision"] == 1
        assert (loc["country"], loc["admin1"]) == ("SY", "Idlib")


def test_a_list_of_villages_gives_one_event_each():
    """A list after "هي:" of names the gazetteer lacks: one event per village (the axis داقوق is no item)."""
    from marsad.extract import extract_document

    text = "وسيطرت قوات البيشمركة على أربع قرى في محور داقوق هي: تل الزعيترات، والعكيرشات، والقطيعية، وجب الزلاطة."
    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published="2024-05-10")
    events = extract_document(doc)["events"]
    assert [e["location"]["name_ar"] for e in events] == ["تل الزعيترات", "العكيرشات", "القطيعية", "جب الزلاطة"]
    assert {(e["sub_event_type"], e["actor1"], e["location"]["admin1"]) for e in events} == {
        ("Government regains territory", "peshmerga", "Kirkuk")}
    assert all("place.unresolved" in e["rules"] for e in events)


def test_no_frame_no_place():
    assert unresolved_places(_sent("قصفت قوات النظام قرية تل الزعيترات أمس."), None) == []


WORDS = st.sampled_from(["قرية", "بلدة", "قريتي", "قرى", "حي", "في", "و", "تل", "الزعيترات", "جب", "وجب", "،",
                         ".", "الواقعة", "شرق", "2024", "مرتين", "ساحلية", "ب", "(", ")", "-"])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=25))
def test_names_are_short_spans_of_the_sentence(words):
    sents = prepare(" ".join(words) + ".", None)
    for sent in sents:
        check(sent)


def check(sent):
    for s, e, p in unresolved_places(sent, FRAME):
        assert 0 <= s < e <= len(sent.folded)
        assert p.name_ar and p.name_ar in sent.text
        assert len(p.name_ar.split()) <= MAX_NAME_WORDS


BARE_WORDS = ["قرية", "وقرية", "بقرية", "وبقرية", "فلقرية", "لقرى", "وبلدات", "بلدة", "ولبلدة", "كقرية", "القرية",
              "ومزرعة", "في", "وفي", "حي", "وحي", "بحي", "ولد", "قصفت", "و", "ب", ""]


@pytest.mark.parametrize("section", ["markers", "list_markers", "stops", "descriptors"])
def test_unresolved_bare_forms_as_the_run_by_run_scan(section):
    """The word without a proclitic run, read from one table per word list, is what trying each run finds."""
    from marsad.extract.unresolved import _bare, _bare_scan, _words

    words = _words(section)
    pool = BARE_WORDS + [p + w for w in sorted(words)[:40] for p in ("", "و", "وب", "ف", "ل", "لل", "فب")]
    assert [_bare(w, words) for w in pool] == [_bare_scan(w, words) for w in pool]
    assert any(_bare(w, words) not in (None, w) for w in pool)    # some word is found behind a proclitic


# ---- rule place.unresolved_near: an unknown locality framed by a named town or a part of a region is located at
# that place's point, precision 2; framed by a governorate or country it has no point: (id, frame, point, precision)
NEAR_FRAMES = [
    ("place.unresolved_near-region", SimpleNamespace(country="SY", admin1="Aleppo", name_ar="ريف منبج الشمالي",
                                                     lat=36.62, lon=37.95, geo_precision=2), (36.62, 37.95), 2),
    ("place.unresolved_near-town", SimpleNamespace(country="SY", admin1="Deir ez-Zor", name_ar="أبوخشب",
                                                   lat=35.95, lon=40.02, geo_precision=1), (35.95, 40.02), 2),
    ("place.unresolved_near-governorate", SimpleNamespace(country="NG", admin1="Borno", name_ar="ولاية بورنو",
                                                          lat=11.85, lon=13.16, geo_precision=3), (None, None), 1),
]


@pytest.mark.parametrize("frame,point,precision", [pytest.param(*r[1:], id=r[0]) for r in NEAR_FRAMES])
def test_unresolved_locality_takes_its_frames_point(frame, point, precision):
    found = unresolved_places(_sent("قصفت القوات قرية تل الزعيترات بالمدفعية الثقيلة."), frame)
    assert [p.name_ar for _, _, p in found] == ["تل الزعيترات"]
    p = found[0][2]
    loc = p.location()
    assert (loc["lat"], loc["lon"], loc["geo_precision"]) == (*point, precision)
    assert p.lat is None and p.lon is None      # incidents still compare it by name
