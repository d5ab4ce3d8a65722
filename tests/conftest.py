"""Shared test fixtures. Each area keeps its own conftest.py in its folder."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import settings

# No timed tests: hypothesis's per-example deadline (200 ms) fails property tests on a busy machine
# (CI, or two cores shared by several suites); speed is measured in bench/, not here.
settings.register_profile("marsad", deadline=None)
settings.load_profile("marsad")

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly where it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not present beside this checkout")
    return SHARED


# -- the two stores ---------------------------------------------------------------------------
# Fixtures that open a store are parametrized over BACKENDS, so the same tests run on SQLite
# and on a real PostgreSQL server: $MARSAD_TEST_PG (a server URL; `make test` starts one), else
# a throwaway server from the distribution's binaries, one per test process. Each test gets
# its own schema on it. Where PostgreSQL is not installed those runs skip and say why.
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server():
    import os

    url = os.environ.get("MARSAD_TEST_PG")
    if url:
        yield url
        return
    from marsad.store.pgserver import TempServer, bin_dir

    if bin_dir() is None:
        pytest.skip("PostgreSQL is not installed (no initdb/pg_ctl): the PostgreSQL runs are skipped; "
                    "`make test` installs Debian's postgresql package where it can")
    server = TempServer().start()
    yield server.url
    server.stop()


def pg_schema_url(pg_server: str) -> str:
    from marsad.store.pgserver import schema_url

    return schema_url(pg_server)


@pytest.fixture(params=BACKENDS)
def db_target(request, tmp_path) -> str:
    """A database to open with Store(...): a SQLite file, or a fresh PostgreSQL schema's URL."""
    if request.param == "postgresql":
        return pg_schema_url(request.getfixturevalue("pg_server"))
    return str(tmp_path / "test.db")


@pytest.fixture()
def store(db_target):
    """A fresh migrated store, on SQLite and on PostgreSQL (see db_target)."""
    from marsad.store import Store

    with Store(db_target) as s:
        yield s


@pytest.fixture()
def write_json(tmp_path):
    """write_json(name, record) -> the path of a JSON report file written under tmp_path."""
    def write(name: str, record) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        return str(path)
    return write
