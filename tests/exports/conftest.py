"""Fixtures for the export tests: a fresh store and a JSON report writer."""
from __future__ import annotations

import json

import pytest

from marsad.store import Store


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "test.db") as s:
        yield s


@pytest.fixture()
def write_json(tmp_path):
    def write(name: str, record) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        return str(path)
    return write
