"""Same-incident merging inside one report: what counts as the same place."""
from __future__ import annotations

import pytest

from marsad.extract.incident import _same_name
from marsad.geo import find_places


def _place(text: str, surface: str):
    return next(m for m in find_places(text) if surface in m.surface)


def test_one_gazetteer_entry_in_two_spellings_is_the_same_place():
    a = _place("سقطت قذيفة على حي الدويلعة في دمشق", "الدويلعة")
    b = _place("وأصيب ثلاثة مدنيين في حي دويلعة بدمشق", "دويلعة")
    assert a.name_ar != b.name_ar and a.entry_id == b.entry_id
    assert _same_name(a, b)


def test_different_places_are_not_the_same():
    a = _place("اشتباكات في بلدة ذيبان بريف دير الزور", "ذيبان")
    b = _place("اشتباكات في بلدة الشحيل بريف دير الزور", "الشحيل")
    assert not _same_name(a, b)
    assert not _same_name(a, None)


# a short line without final punctuation is a title, unless it opens as a sentence that continues a text
# ("وفي ...", "وكان ...": a sentence cut short at the end of a page)
TITLES = [
    ("title", "العراق.. ضبط وكر للعبوات الناسفة في كركوك", True),
    ("title-waw-in-root", "وزير الداخلية يتفقد القوات في مدينة الحسكة", True),
    ("cut-sentence-wafi", "وفي شهر آب الماضي، استهدفت طائرة م", False),
    ("cut-sentence-wakan", "وكان التنظيم قد شن هجوما مماثلا على", False),
    ("sentence-with-stop", "قتل جنديان في هجوم على حاجز قرب مدينة الرقة.", False),
]


@pytest.mark.parametrize("case_id,line,expected", TITLES, ids=[t[0] for t in TITLES])
def test_title_lines(case_id, line, expected):
    from marsad.extract.context import _is_headline

    text = "نص سابق.\n" + line + "\nنص لاحق."
    s = text.index(line)
    assert _is_headline(text, s, s + len(line), line) is expected


# stage drop_guesses (place.context_alone): an event placed only by the report's context, told once, with no day of
# its own and no toll, is a guess and is dropped; a day (resolved or relative) or a toll keeps it
LEAD = ("قتل شخصان في انفجار عبوة ناسفة في مدينة طرابلس شمال لبنان. وقال مسؤول محلي إن التحقيقات جارية لمعرفة "
        "ملابسات الحادث. وأضاف أن الأجهزة الأمنية تلاحق المشتبه بهم. ")
CONTEXT_ALONE = [
    ("witnesses-speak-no-day", LEAD + "وأكد شهود استخدام الشرطة القوة المفرطة لتفريق المحتجين.", None, 1),
    ("relative-day-named", LEAD + "وفرقت الشرطة المحتجين ليلة أمس بالغاز المسيل للدموع.", None, 2),
    ("resolved-day", LEAD + "وفرقت الشرطة المحتجين ليلة أمس بالغاز المسيل للدموع.", "2024-05-10", 2),
    ("own-toll", LEAD + "وأصيب 3 متظاهرين برصاص الشرطة خلال تفريق المحتجين.", None, 2),
]


@pytest.mark.parametrize("case_id,text,published,count", CONTEXT_ALONE, ids=[c[0] for c in CONTEXT_ALONE])
def test_drop_guesses_context_alone(case_id, text, published, count):
    from types import SimpleNamespace

    from marsad.extract import extract_document

    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)
    events = extract_document(doc)["events"]
    assert len(events) == count, [(e["event_type"], e["rules"]) for e in events]
