"""The map's cells counted ahead (marsad.store.cells, migration 0011): /api/events/grid read from
event_cells gives what grouping the events gives, for every filter and cell size it answers, and
the table stays exact as reports are re-extracted, moved or deleted, and after a bulk load."""
from __future__ import annotations

import datetime as dt

import pytest
from test_web_summary import _reports, _save

from marsad.store import Store, cells, summary
from marsad.web import queries, views
from marsad.web.filters import Filters

LEVEL_CELLS = [cells.BASE, cells.BASE * 4, cells.BASE * 64]        # zoom 9, zoom 7, zoom 3
ANSWERED = [
    {},
    {"event_type": ["Battles"]},
    {"event_type": ["Battles", "Explosions/Remote violence"], "sub_event_type": ["Armed clash"]},
    {"actor": "islamic_state"},
    {"actor": "sdf", "event_type": ["Strategic developments"]},
    {"admin1": "deir ez-zor"},
    {"admin1": "Nowhere"},
    {"undated": True},
]


@pytest.fixture()
def db(db_target):
    with Store(db_target) as store:
        for report in _reports(70):
            _save(store, *report)
    return db_target


def _by_events(monkeypatch, conn, f, cell):
    with monkeypatch.context() as m:
        m.setattr(cells, "built", lambda *_a: False)
        return views.events_grid(conn, f, cell)


def _same(got: dict, want: dict) -> None:
    """The same cells: counts, types and fatalities exactly, mean positions to their 5 decimals (the
    sums are added in another order)."""
    assert (got["cell"], got["events"]) == (want["cell"], want["events"])
    key = lambda c: (round(c["lat"], 3), round(c["lon"], 3))      # noqa: E731
    assert len(got["cells"]) == len(want["cells"])
    for a, b in zip(sorted(got["cells"], key=key), sorted(want["cells"], key=key)):
        assert (a["events"], a["fatalities"], a["types"]) == (b["events"], b["fatalities"], b["types"])
        assert abs(a["lat"] - b["lat"]) <= 2e-5 and abs(a["lon"] - b["lon"]) <= 2e-5


def test_a_new_database_has_its_cells_counted(db):
    conn = queries.connect(db)
    try:
        assert cells.built(conn)        # counted by the triggers from the first event on
    finally:
        conn.close()


@pytest.mark.parametrize("kw", ANSWERED, ids=[str(sorted(k)) for k in ANSWERED])
def test_cells_give_what_the_events_give(db, monkeypatch, kw):
    conn = queries.connect(db)
    try:
        f = Filters(**kw)
        for cell in LEVEL_CELLS:
            assert cells.answers(f, cell)
            got = views.events_grid(conn, f, cell)
            _same(got, _by_events(monkeypatch, conn, f, cell))
        if not kw:
            assert got["events"] == views.totals(conn, f)["located"] > 0
    finally:
        conn.close()


@pytest.mark.parametrize("kw, cell", [({}, 0.25), ({}, cells.BASE / 2), ({"q": "داعش"}, cells.BASE),
                                      ({"date_from": dt.date(2025, 1, 6)}, cells.BASE),
                                      ({"bbox": (38.0, 35.0, 38.5, 35.5)}, cells.BASE * 2)])
def test_other_cells_and_filters_are_grouped_from_the_events(kw, cell):
    assert not cells.answers(Filters(**kw), cell)


def test_cells_stay_exact_as_reports_change(db, monkeypatch):
    with Store(db) as store:
        first = _reports(70)[0]
        moved = [{**e, "location": {**e["location"], "lat": -33.9, "lon": -0.4}} for e in first[2]]
        _save(store, first[0], first[1], moved, version="test-2")           # re-extracted: another place
        second = _reports(70)[1]
        undated = [{**e, "date_start": None, "date_end": None, "fatalities": 7} for e in second[2]]
        _save(store, second[0], second[1], undated, version="test-2")
        with store.transaction():
            store.conn.execute("DELETE FROM events WHERE doc_id = ?", (_reports(70)[2][0],))
            store.conn.execute("UPDATE events SET admin1 = 'Idlib', lat = lat + 0.3 WHERE doc_id = ?",
                               (_reports(70)[3][0],))
    conn = queries.connect(db)
    try:
        for kw in ({}, {"admin1": "idlib"}, {"undated": True}):
            for cell in LEVEL_CELLS:
                _same(views.events_grid(conn, Filters(**kw), cell),
                      _by_events(monkeypatch, conn, Filters(**kw), cell))
        south = views.events_grid(conn, Filters(), cells.BASE)["cells"]
        assert any(c["lat"] < 0 and c["lon"] < 0 for c in south)         # floor, not truncation, below zero
    finally:
        conn.close()


def test_a_bulk_load_leaves_the_cells_to_the_next_refresh(db, monkeypatch):
    from marsad.store import bulk

    with Store(db) as store:
        with bulk.loading(store):
            pass
        assert not cells.built(store.conn)
        summary.refresh(store.conn)
        assert cells.built(store.conn)
    conn = queries.connect(db)
    try:
        _same(views.events_grid(conn, Filters(), cells.BASE * 8),
              _by_events(monkeypatch, conn, Filters(), cells.BASE * 8))
    finally:
        conn.close()
