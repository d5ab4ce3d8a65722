"""The API's PostgreSQL connections are kept open between requests (marsad.store.pg.Pool): one
comes back clean whatever the request left (an open or failed transaction, a closed connection),
at most `size` are kept, and requests through the app reuse one server process."""
from __future__ import annotations

import sqlite3

import pytest

from marsad.store import Store
from marsad.store.pg import Pool


@pytest.fixture()
def url(pg_server):
    from marsad.store.pgserver import schema_url

    target = schema_url(pg_server)
    with Store(target):      # migrated
        pass
    return target


def _leave_open(conn):
    conn.execute("BEGIN")
    conn.execute("INSERT INTO summary_state(name, value) VALUES ('left', 'open')")


def _leave_failed(conn):
    conn.execute("BEGIN")
    with pytest.raises(sqlite3.Error):
        conn.execute("SELECT no_such_column FROM documents")


def _leave_closed(conn):
    conn.close()


# (what the request did, whether the same connection is handed out next)
CASES = [
    (lambda conn: conn.execute("SELECT count(*) FROM documents").fetchone(), True),
    (_leave_open, True),
    (_leave_failed, True),
    (_leave_closed, False),
]


@pytest.mark.parametrize("request_did, reused", CASES)
def test_a_connection_comes_back_clean(url, request_did, reused):
    pool = Pool(url)
    conn = pool.get()
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    request_did(conn)
    pool.put(conn)
    again = pool.get()
    assert (again is conn) == reused
    assert not again.in_transaction
    assert again.execute("SELECT count(*) FROM summary_state WHERE name = 'left'").fetchone()[0] == 0
    assert (again.execute("SELECT pg_backend_pid()").fetchone()[0] == pid) == reused
    pool.put(again)
    pool.close()


def test_at_most_size_connections_are_kept(url):
    pool = Pool(url, size=2)
    conns = [pool.get() for _ in range(4)]
    assert len({id(c) for c in conns}) == 4
    for conn in conns:
        pool.put(conn)
    assert sum(c._conn.closed for c in conns) == 2
    kept = {id(pool.get()), id(pool.get())}
    assert kept <= {id(c) for c in conns if not c._conn.closed}
    pool.close()


def test_requests_reuse_one_server_process(url):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app

    app = create_app(url)
    client = TestClient(app)
    for path in ("/api/health", "/api/totals", "/api/stats", "/api/events.geojson", "/api/health"):
        assert client.get(path).status_code == 200, path
    assert len(app.state.pool._idle) == 1
    app.state.pool.close()
