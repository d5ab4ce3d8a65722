"""What extract_document loads once before its first report (pipeline._load_static): the gazetteer, the lexicons and
the gazetteer's derived indexes, so that no report pays for building them (and gc.freeze takes them out of the
collector's walks)."""
from __future__ import annotations

import pytest

from marsad.extract.pipeline import _load_static
from marsad.geo import admin, geoparse

INDEXES = [
    ("capitals", geoparse._capitals),
    ("governorate places", geoparse._governorate_places),
    ("country places", geoparse._country_places),
    ("sub-district polygons", admin._units),
]


@pytest.mark.parametrize("name,index", INDEXES, ids=[n for n, _ in INDEXES])
def test_static_load_builds_the_index(name, index):
    index.cache_clear()
    assert index.cache_info().currsize == 0
    _load_static.__wrapped__()
    assert index.cache_info().currsize == 1, name
