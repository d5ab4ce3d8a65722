"""marsad.text.morph: the inflections a lexicon entry is matched in, and the trigger matcher that uses them."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from marsad.extract.pipeline import detect
from marsad.lexicon import fold_entry
from marsad.text.morph import (
    BARE_RUNS,
    DEFINITE_RUNS,
    definite,
    inflect,
    noun_forms,
    present_stem,
    proclitic_runs,
    verb_forms,
    verbal_noun,
)

VERBS = [
    ("انفجر", "نفجر", {"انفجر", "ينفجر", "تنفجر", "ننفجر"}),
    ("استهدف", "ستهدف", {"استهدف", "يستهدف", "تستهدف", "نستهدف"}),
    ("قصف", "قصف", {"قصف", "يقصف", "تقصف", "نقصف"}),
    ("اطلق", "طلق", {"اطلق", "يطلق", "تطلق", "نطلق"}),
]


@pytest.mark.parametrize("past,stem,forms", VERBS, ids=[v[0] for v in VERBS])
def test_morph_verb_forms(past, stem, forms):
    assert present_stem(past) == stem
    assert set(verb_forms(past)) == forms


# a form III verb (فاعل) has its verbal noun (مفاعلة) matched too; other forms' verbal nouns are entries of their own
MASDARS = [("هاجم", "مهاجمه"), ("داهم", "مداهمه"), ("قصف", None), ("استهدف", None), ("اطلق", None)]


@pytest.mark.parametrize("past,masdar", MASDARS, ids=[m[0] for m in MASDARS])
def test_morph_verbal_noun(past, masdar):
    assert verbal_noun(past) == masdar
    assert ((masdar, False) in inflect(past, verb=True)) == (masdar is not None)


NOUNS = [
    ("ضربه جويه", {"ضربات جويه", "ضربتان جويتان", "ضربتين جويتين"}),
    ("عبوه ناسفه", {"عبوات ناسفه", "عبوتان ناسفتان", "عبوتين ناسفتين"}),
    ("غاره", {"غارات", "غارتان", "غارتين"}),
    # masculine: the accusative and the dual (the broken plural is listed in the lexicon)
    ("هجوم", {"هجوما", "هجومان", "هجومين"}),
    ("تفجير انتحاري", {"تفجيرا انتحاريا", "تفجيران انتحاريان", "تفجيرين انتحاريين"}),
    ("قصف مدفعي", {"قصفا مدفعيا", "قصفان مدفعيان", "قصفين مدفعيين"}),
    ("اعتداء جوي", set()),      # a head in hamza takes no accusative alif
    ("مخلفات الحرب", set()),    # a construct, not a noun and its adjective
]


@pytest.mark.parametrize("noun,forms", NOUNS, ids=[n[0] for n in NOUNS])
def test_morph_noun_forms(noun, forms):
    assert set(noun_forms(noun)) == forms


def test_morph_definite_phrase():
    assert definite("عبوات ناسفه") == "عبوات الناسفه"
    assert definite("غارات") is None
    assert ("عبوات الناسفه", False) in inflect("عبوه ناسفه", noun=True)


# Sentences written for marsad: each inflected form is found as the kind of its base entry.
DETECT = [
    ("passive-hollow", "اغتيل مختار قرية الشحيل مساء أمس.", "Attack"),
    ("plural-verb", "فجّروا سيارة مفخخة قرب حاجز في بلدة ذيبان.", "Remote explosive/landmine/IED"),
    ("dual-noun", "وقع انفجاران في سوق مدينة الحسكة.", "Remote explosive/landmine/IED"),
    ("present-verb", "يقصف الجيش قرية البصيرة بالمدفعية منذ الصباح.", "Shelling/artillery/missile attack"),
    ("definite-plural-phrase", "انفجرت العبوات الناسفة التي زرعها التنظيم على الطريق.", "Remote explosive/landmine/IED"),
    ("dual-phrase", "نفذ الطيران ضربتين جويتين على مواقع للتنظيم.", "Air/drone strike"),
    ("drone-plural", "قصفت مسيّرات تركية موقعا لقسد قرب عين عيسى.", "Air/drone strike"),
    ("form-three-verbal-noun", "أقدم مسلحون مجهولون على مهاجمة مقر المجلس البلدي في بلدة الشحيل مساء أمس.", "Armed clash"),
    ("open-fire", "فتح مسلحون النار على سيارة مدنية قرب بلدة هجين.", "Attack"),
]


@pytest.mark.parametrize("text,sub", [d[1:] for d in DETECT], ids=[d[0] for d in DETECT])
def test_morph_trigger_forms_detected(text, sub):
    assert sub in [d["sub_event_type"] for d in detect(text)]


ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=3, max_size=8)


@given(ARABIC)
def test_morph_forms_are_folded_and_keep_the_stem(word):
    """Every form of a verb keeps its present stem, and every generated form is already in folded spelling."""
    for form, _stem in inflect(word, verb=True, noun=True):
        assert fold_entry(form) == form
    stem = present_stem(word)
    assert all(f.endswith(stem) for f in verb_forms(word))


@given(ARABIC)
def test_morph_feminine_forms(word):
    noun = word + "ه"
    plural, dual_nom, dual_acc = noun_forms(noun)
    assert plural == word + "ات" and dual_nom == word + "تان" and dual_acc == word + "تين"


RUNS = [  # (a folded word, the longest run of proclitics it opens with, whether that run ends in the article)
    ("والمظاهرات", "وال", True),
    ("للمظاهرات", "لل", True),
    ("وبالقرب", "وبال", True),
    ("فللمرة", "فلل", True),
    ("كالعادة", "كال", True),
    ("وبقصف", "وب", False),
    ("فلقوات", "فل", False),
    ("بغداد", "ب", False),
]


@pytest.mark.parametrize("word,run,definite_run", RUNS, ids=[r[0] for r in RUNS])
def test_morph_proclitic_runs(word, run, definite_run):
    """One list of proclitic runs, longest first: a first-match scan takes the longest run a word opens with."""
    runs = DEFINITE_RUNS if definite_run else BARE_RUNS
    assert next(r for r in runs if word.startswith(r)) == run
    assert next(r for r in proclitic_runs() if word.startswith(r)) == run


def test_morph_proclitic_runs_are_the_slots():
    assert set(DEFINITE_RUNS) | set(BARE_RUNS) == set(proclitic_runs())
    assert not set(DEFINITE_RUNS) & set(BARE_RUNS)
    assert all(r.endswith(("ال", "لل")) for r in DEFINITE_RUNS)
    lengths = [len(r) for r in proclitic_runs()]
    assert lengths == sorted(lengths, reverse=True)
    assert len(set(proclitic_runs())) == len(proclitic_runs()) == 3 * 4 * 2 - 1


STRIPPED = [
    ("article-and-preposition", "بالطايرات", "طايرات"),
    ("conjunction-preposition-article", "وبالمقاتلات", "مقاتلات"),
    ("demonstrative-after-preposition", "لهذا", "هذا"),
    ("too-short-to-strip", "بلد", "بلد"),
    ("no-proclitic", "مروحيات", "مروحيات"),
]


@pytest.mark.parametrize("case_id,word,expected", STRIPPED, ids=[c[0] for c in STRIPPED])
def test_strip_proclitics(case_id, word, expected):
    from marsad.text.morph import strip_proclitics

    assert strip_proclitics(word) == expected
