"""The dashboard's incident filters in SQL (marsad.web.queries) agree with their Python twin
(marsad.web.bridge.incident_matches) on the test database's incidents, on both backends."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.store import Store
from marsad.web import queries
from marsad.web.bridge import incident_matches, prepare
from marsad.web.filters import Filters

D = dt.date
ALL = 5000
FILTERS = [
    ("none", Filters()),
    ("from", Filters(date_from=D(2025, 3, 11))),
    ("to", Filters(date_to=D(2025, 3, 11))),
    ("inside-a-span", Filters(date_from=D(2025, 3, 10), date_to=D(2025, 3, 12))),
    ("between", Filters(date_from=D(2025, 1, 1), date_to=D(2025, 6, 30))),
    ("type", Filters(event_type=["Explosions/Remote violence"])),
    ("sub-type", Filters(sub_event_type=["Armed clash", "Air/drone strike"])),
    ("box", Filters(bbox=(38.0, 33.0, 42.5, 37.5))),
    ("box-and-type", Filters(bbox=(35.0, 30.0, 48.0, 38.0), event_type=["Battles"])),
    ("governorate", Filters(admin1="deir ez-zor")),
]

EXTRA = [
    ("inc-t-span", "Battles", "Armed clash", "2025-03-05", "2025-03-15", "Deir ez-Zor", 35.3, 40.1, 1, 1),
    ("inc-t-undated", "Battles", "Armed clash", None, None, "Idlib", 35.9, 36.6, 1, 1),
    ("inc-t-blank-date", "Battles", "Attack", "", "", "Idlib", 35.8, 36.5, 1, 1),
    ("inc-t-no-place", "Explosions/Remote violence", "Air/drone strike", "2025-07-01", "2025-07-01", None, None, None, 1, 1),
]


@pytest.fixture(scope="module")
def conn(web_db, request, tmp_path_factory):
    """A copy of the test database on web_db's backend, its incidents merged as `marsad serve` does."""
    from webdata import make_db

    if isinstance(web_db, str):
        from marsad.store.pgserver import schema_url
        db = make_db(schema_url(request.getfixturevalue("pg_server")))
    else:
        db = make_db(tmp_path_factory.mktemp("filters") / "filters.db")
    prepare(db, background=False)
    with Store(db) as store:     # and the edge cases: a span of days, no date, no place
        for row in EXTRA:
            store.conn.execute(f"INSERT INTO incidents(incident_id, event_type, sub_event_type, date_start, date_end, "
                               f"admin1, lat, lon, n_events, n_docs) VALUES ({', '.join('?' * 10)})", row)
    return queries.connect(db)


def _ids(conn, f: Filters) -> list[str]:
    return [i["incident_id"] for i in queries.list_incidents(conn, Filters(**{**vars(f), "limit": ALL}))["items"]]


@pytest.mark.parametrize("name,f", FILTERS, ids=[n for n, _ in FILTERS])
def test_incident_filters_in_sql_match_python(conn, name, f):
    everything = queries.list_incidents(conn, Filters(limit=ALL))["items"]
    assert everything, "the test database has incidents"
    assert _ids(conn, f) == [i["incident_id"] for i in everything if incident_matches(i, f, None)]


def test_the_table_is_not_vacuous(conn):
    """Some filters keep some incidents and drop others."""
    n = len(_ids(conn, Filters()))
    assert sum(0 < len(_ids(conn, f)) < n for _, f in FILTERS) >= 3
