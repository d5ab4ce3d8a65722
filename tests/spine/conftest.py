"""Fixtures for the spine's tests: a short report maker (the store and write_json are tests/conftest.py's)."""
from __future__ import annotations

import pytest

REPORT = ("أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش "
                 "خلال مداهمة في بلدة {place} بريف دير الزور الشرقي، وصادرت أسلحة وذخائر كانت بحوزتهما.")


@pytest.fixture()
def arabic_report():
    """A short Arabic arrest report; `place` and an `extra` sentence vary it."""
    def make(place: str = "ذيبان", extra: str = "") -> str:
        return REPORT.format(place=place) + extra
    return make

