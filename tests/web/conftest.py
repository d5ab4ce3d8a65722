from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webdata import make_db  # noqa: E402


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    return make_db(tmp_path_factory.mktemp("webdb") / "web.db")


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    return TestClient(create_app(web_db))


@pytest.fixture(scope="session")
def write_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    db = make_db(tmp_path_factory.mktemp("webdbw") / "w.db")
    return TestClient(create_app(db, token="s3cret"))
