"""`marsad serve` (thin: options -> create_app -> uvicorn) and the base-map recipe."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from marsad.cli import app


@pytest.fixture
def captured(monkeypatch):
    import uvicorn
    calls = {}

    def run(a, **kw):
        calls.update(app=a, **kw)
        # serve's catch-up thread (incidents, ledger, summary) must not go on writing to the shared
        # test database while later tests read it (an incidents page saw an incident re-merged
        # between its two statements)
        if a.state.preparation is not None:
            a.state.preparation.wait()

    monkeypatch.setattr(uvicorn, "run", run)
    return calls


def test_serve_defaults_to_localhost_read_only(web_db, captured, monkeypatch):
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    r = CliRunner().invoke(app, ["serve", "--db", str(web_db)])
    assert r.exit_code == 0, r.output
    assert (captured["host"], captured["port"]) == ("127.0.0.1", 8000)
    assert captured["app"].state.token is None and "read-only" in r.output


def test_serve_token_from_option_or_environment(web_db, captured):
    r = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--port", "8765"], env={"MARSAD_TOKEN": "abc"})
    assert r.exit_code == 0 and captured["app"].state.token == "abc" and captured["port"] == 8765
    r = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--token", "xyz", "--host", "0.0.0.0"])
    assert captured["app"].state.token == "xyz" and captured["host"] == "0.0.0.0"


def test_serve_missing_database(tmp_path, captured):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 3 and "no such database" in r.output and not captured
    assert not (tmp_path / "none.db").exists()


def test_basemap_recipe_rebuilds_the_bundled_file(shared_dir, repo_dir, tmp_path):
    out = tmp_path / "basemap.geojson"
    subprocess.run([sys.executable, str(repo_dir / "scripts" / "build_basemap.py"), "--src",
                    str(shared_dir / "data" / "boundaries"), "--out", str(out)], check=True, capture_output=True)
    bundled = repo_dir / "src" / "marsad" / "web" / "static" / "basemap.geojson"
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(bundled.read_text(encoding="utf-8"))
    assert bundled.stat().st_size < 1_500_000


def test_simplify_keeps_shape_and_closes_rings():
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "scripts"))
    from build_basemap import simplify, simplify_ring
    line = [(0, 0), (1, 0.001), (2, 0), (3, 1), (4, 0)]
    assert simplify(line, 0.01) == [(0, 0), (2, 0), (3, 1), (4, 0)]
    ring = [[0, 0], [1, 0], [1, 1], [0.5, 1.0001], [0, 1], [0, 0]]
    out = simplify_ring(ring, 0.01)
    assert out[0] == out[-1] and [0.5, 1.0] not in out and len(out) == 5
    assert simplify_ring([[0, 0], [0.0001, 0], [0, 0.0001], [0, 0]], 0.01) is None   # sliver dropped
