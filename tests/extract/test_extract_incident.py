"""Same-incident merging inside one report: what counts as the same place."""
from __future__ import annotations

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
