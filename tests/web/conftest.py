from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webdata import make_db


def _target(request, tmp_path_factory, name: str):
    if request.param == "postgresql":
        from marsad.store.pgserver import schema_url
        return schema_url(request.getfixturevalue("pg_server"))
    return tmp_path_factory.mktemp(name) / f"{name}.db"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def web_db(request, tmp_path_factory) -> Path | str:
    return make_db(_target(request, tmp_path_factory, "webdb"))


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    return TestClient(create_app(web_db))


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def write_client(request, tmp_path_factory):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    db = make_db(_target(request, tmp_path_factory, "webdbw"))
    return TestClient(create_app(db, token="s3cret"))


@pytest.fixture()
def fresh_db(web_db, request, tmp_path_factory):
    """Another test database on the same backend as `web_db`, for tests that change it."""
    if isinstance(web_db, str):
        from marsad.store.pgserver import schema_url
        return make_db(schema_url(request.getfixturevalue("pg_server")))
    return make_db(tmp_path_factory.mktemp("fresh") / "fresh.db")
