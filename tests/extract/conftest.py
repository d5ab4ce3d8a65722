"""Shared checks for the extractor's tables of short reports."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document


def _doc(text: str, published: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)


def _check_events(text: str, published: str | None, expected: list, located: bool = False) -> None:
    """The report gives exactly the expected events: (sub_event_type, actor1, actor2, {field: value}),
    actors checked where given; the field "location" compares the place's name_ar. With `located`,
    each event's evidence is in the text and its place has coordinates."""
    events = extract_document(_doc(text, published))["events"]
    assert len(events) == len(expected), events
    for ev, (sub, a1, a2, fields) in zip(events, expected):
        assert ev["sub_event_type"] == sub
        if a1 is not None:
            assert ev["actor1"] == a1
        if a2 is not None:
            assert ev["actor2"] == a2
        for key, value in fields.items():
            got = ev["location"]["name_ar"] if key == "location" else ev[key]
            assert got == value, key
        if located:
            assert ev["evidence"] in text
            assert ev["location"] and ev["location"]["lat"] is not None


@pytest.fixture
def check_events():
    return _check_events
