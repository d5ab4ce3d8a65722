"""Gazetteer keys fold exactly as running text does (one folding map, in marsad.text)."""
from __future__ import annotations

import pytest

from marsad.geo import find_places, load_gazetteer
from marsad.geo.fold import fold, fold_text
from marsad.text import normalize

CASES = [
    # (id, text, surface, name_en): names spelt with Persian/Kurdish letters in the text
    ("gaf-ya", "قصفت الطائرات التركية قرى في يوزگات أمس", "يوزگات", "Yozgat"),
    ("pe-kaf", "اندلعت اشتباكات في پرتک فجر اليوم", "پرتک", "Pertek"),
]


@pytest.mark.parametrize("text,surface,name_en", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_persian_letters_in_text_match_the_index(text, surface, name_en):
    got = [(p.surface, p.name_en) for p in find_places(text)]
    assert (surface, name_en) in got


@pytest.mark.parametrize("src,expected", [
    ("پاموک‌کاله", "باموككاله"),        # پ→ب, ک→ك, ZWNJ dropped
    ("ڤيان", "فيان"), ("چمچمال", "جمجمال"), ("نگدے", "نكدي"),
    ("  دير   الزّور ", "دير الزور"),     # whitespace collapsed, shadda dropped
])
def test_fold_table(src, expected):
    assert fold(src) == expected


def test_index_keys_fold_like_running_text():
    gaz = load_gazetteer()
    for e in gaz.entries[::50]:
        for name in e.names:
            if not any(c in name for c in ".|*_-"):
                assert fold(name) == " ".join(normalize(name).folded.split()), name


def test_fold_text_maps_back_to_original():
    src = "قصف على پرتـ.ـک اليوم"
    ft = fold_text(src)
    i = ft.folded.index("برتك")
    s, e = ft.to_original(i, i + 4)
    assert src[s:e] == "پرتـ.ـک"
