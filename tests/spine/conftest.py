"""Fixtures for the spine's tests: a fresh store and small report writers."""
from __future__ import annotations

import json

import pytest

from marsad.store import Store

REPORT = ("أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش "
                 "خلال مداهمة في بلدة {place} بريف دير الزور الشرقي، وصادرت أسلحة وذخائر كانت بحوزتهما.")


@pytest.fixture()
def arabic_report():
    """A short Arabic arrest report; `place` and an `extra` sentence vary it."""
    def make(place: str = "ذيبان", extra: str = "") -> str:
        return REPORT.format(place=place) + extra
    return make


@pytest.fixture()
def store(db_target):
    with Store(db_target) as s:
        yield s


@pytest.fixture()
def write_json(tmp_path):
    def write(name: str, record) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        return str(path)
    return write
