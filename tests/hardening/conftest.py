"""Fixtures for the hardening tests: a good Arabic report (the store is tests/conftest.py's)."""
from __future__ import annotations

import pytest

GOOD = ("أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش "
        "خلال مداهمة في بلدة {place} بريف دير الزور الشرقي، وصادرت أسلحة وذخائر كانت بحوزتهما.")
PLACES = ("ذيبان", "الشحيل", "البصيرة", "هجين", "الباغوز", "الكشكية", "أبو حمام", "غرانيج", "سويدان", "الطيانة")


@pytest.fixture()
def good():
    """Distinct short Arabic arrest reports: good(i)."""
    def make(i: int = 0, extra: str = "") -> str:
        return GOOD.format(place=PLACES[i % len(PLACES)]) + f" وهذه الرواية رقم {i}." + extra
    return make
