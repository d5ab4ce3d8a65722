"""Lists of places after a plural cue, and guarded spelling variants (issue 4 recall fixes).

Sentences written for these tests in news style (not copied from the corpus). Each LISTS
row: (id, text, [(surface, admin1), ...] every listed place expected, with its governorate).
NOT_LISTED rows: (id, text, word) — the word must not come out as a place.
"""
from __future__ import annotations

import pytest

from marsad.geo import find_places

IDLIB, DEZ, KIRKUK = "Idlib", "Deir ez-Zor", "Kirkuk"

LISTS = [
    ("plural-cue", "قصفت المدفعية قرى البارة وكنصفرة وفليفل بعد منتصف الليل",
     [("البارة", IDLIB), ("كنصفرة", IDLIB), ("فليفل", IDLIB)]),
    ("two-cues", "طالت الغارات قرى وبلدات البارة وكنصفرة وسفوهن في جبل الزاوية",
     [("البارة", IDLIB), ("كنصفرة", IDLIB), ("سفوهن", IDLIB)]),
    ("unknown-first", "استهدف القصف قرى وبلدات زعترونة وكنصفرة وسفوهن وفليفل بريف إدلب الجنوبي",
     [("كنصفرة", IDLIB), ("سفوهن", IDLIB), ("فليفل", IDLIB)]),
    ("unknown-middle", "تعرضت بلدات مرعيان والمعرشورين وبليون وابلين لقصف صاروخي",
     [("مرعيان", IDLIB), ("بليون", IDLIB), ("ابلين", IDLIB)]),
    ("commas", "نفذت القوات حملة دهم في بلدات الشحيل، ذيبان، والحوايج شرقي دير الزور",
     [("الشحيل", DEZ), ("ذيبان", DEZ), ("الحوايج", DEZ)]),
    ("colon", "وأوضح المصدر أن القرى التي دخلتها الدوريات هي: الحوايج، والطيانة، وذيبان",
     [("الحوايج", DEZ), ("الطيانة", DEZ), ("ذيبان", DEZ)]),
    ("colon-count", "استعادت القوات ثلاث قرى في محيط داقوق هي: البو نجم، وقرية مجهولة، وتل البصل",
     [("البو نجم", KIRKUK), ("تل البصل", KIRKUK)]),
    ("joined-albu", "تقدمت القوات نحو قرى البونجم وتل البصل جنوب كركوك", [("البونجم", KIRKUK), ("تل البصل", KIRKUK)]),
    ("dual-cue", "قصفت الطائرات بلدتي حاس وكفرنبل صباح اليوم", [("حاس", IDLIB), ("كفرنبل", IDLIB)]),
    ("intro-word", "استعادت القوات ثلاثة أحياء بالكامل هي المشلب والرومانية والسباهية في الرقة",
     [("المشلب", "Raqqa"), ("الرومانية", "Raqqa"), ("السباهية", "Raqqa")]),
    ("cued-hand-after-wa", "سيطرت القوات على أحياء المشلب والصناعة شرقي مدينة الرقة",
     [("المشلب", "Raqqa"), ("الصناعة", "Raqqa")]),
    ("variant-in-list", "شمل القصف قرى الفطيرة وسفوهن والبارة", [("الفطيرة", IDLIB), ("سفوهن", IDLIB), ("البارة", IDLIB)]),
    # --- spelling variants after a cue
    ("variant-no-al", "اعتقلت دورية شابين في قرية حصان بريف دير الزور", [("حصان", DEZ)]),
    ("variant-extra-al", "سقطت قذائف على بلدة الفطيرة جنوبي إدلب", [("الفطيرة", IDLIB)]),
    ("variant-alef", "انفجرت عبوة في قرية ابريهة شرقي دير الزور", [("ابريهة", DEZ)]),
    ("variant-quoted-cue", 'قصف جوي على بلدة "طوب" في دير الزور', [("طوب", DEZ)]),
    ("variant-locative-gov-named", "داهمت دورية منازل في حصان بريف دير الزور الغربي", [("حصان", DEZ)]),
    # --- names the sources store with a place-type word ("قرية تل البصل", "ناحية جرف الصخر")
    ("prefixed-source", "اشتباكات في تل البصل جنوب كركوك", [("تل البصل", KIRKUK)]),
    ("prefixed-nahiya", "انفجار عبوة في جرف الصخر شمالي بابل", [("جرف الصخر", "Babil")]),
]

NOT_LISTED = [
    ("stoplisted-item", "قصفت المدفعية قرى كنصفرة وسفوهن والمزارع المحيطة بها", "المزارع"),
    ("after-period", "قصفت المدفعية قرى كنصفرة وسفوهن. والكرامة حق للجميع", "الكرامة"),
    ("variant-needs-cue", "سقط الفارس عن حصان في السباق", "حصان"),
    ("variant-needs-cue-alef", "قال ابريهة في كلمته", "ابريهة"),
    ("variant-locative-other-gov", "سقط الفارس عن حصان في الرقة", "حصان"),
    ("variant-locative-no-gov", "راهن على حصان خاسر", "حصان"),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in LISTS], ids=[r[0] for r in LISTS])
def test_every_known_item_found(text, expected):
    found = {m.surface: m for m in find_places(text) if m.role == "place"}
    for surface, admin1 in expected:
        assert surface in found, (surface, sorted(found))
        assert found[surface].admin1 == admin1, (surface, found[surface].name_en, found[surface].why)
        assert found[surface].geo_precision == 1
        assert text[found[surface].start:found[surface].end] == surface


@pytest.mark.parametrize("text,word", [r[1:] for r in NOT_LISTED], ids=[r[0] for r in NOT_LISTED])
def test_not_a_place(text, word):
    start = text.index(word)
    for m in find_places(text):
        assert not (m.start <= start < m.end and m.role == "place"), (m.surface, m.name_en, m.why)


def test_list_context_after_the_list_disambiguates():
    """فليفل is also a village in Nineveh: the governorate named after the list decides."""
    text = "قصفت قوات النظام قرى زعترونة والبارة وفليفل وأماكن أخرى بريف إدلب الجنوبي"
    m = next(m for m in find_places(text) if m.surface == "فليفل")
    assert m.admin1 == IDLIB
    text = "سيطرت القوات على قرى فليفل وقرية أخرى قرب الموصل"
    ms = [m for m in find_places(text) if m.surface == "فليفل"]
    assert not ms or ms[0].admin1 == "Nineveh"


def test_listed_homonym_far_from_the_report_is_dropped():
    """An item of a list whose only entry lies in a governorate the report never names
    (الزركة is in Al-Qadisiyah; the report is about Kirkuk) gives no village."""
    text = "استعادت القوات قرى البو نجم والزركة وتل البصل جنوب كركوك"
    ms = {m.surface: m for m in find_places(text)}
    assert "الزركة" not in ms
    assert ms["تل البصل"].admin1 == KIRKUK


def test_why_names_the_list_and_the_variant():
    m = next(m for m in find_places("قصفت الطائرات قرى الفطيرة وسفوهن") if m.surface == "الفطيرة")
    assert "variant of" in m.why and "list after cue" in m.why
