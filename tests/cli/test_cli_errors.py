"""The CLI as a new user meets it: validated options with the accepted values in the message,
read commands that refuse a missing database, no tracebacks, --version and -h, the documented exit
codes (0 ok, 1 an input failed, 2 wrong options, 3 database, 4 cannot serve), tables that fit 80
columns and ingest progress by document."""
from __future__ import annotations

import io
import json
import socket
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import ingest
from marsad.store import Store, save_extraction

RUNNER = CliRunner()
EV = {"event_type": "Battles", "sub_event_type": "Armed clash", "date_start": "2025-03-10", "date_end": "2025-03-10",
      "actor1": "sdf", "actor2": "islamic_state", "fatalities": 2, "injured": None, "arrested": None,
      "location": {"name_ar": "ذيبان", "name_en": "Thiban", "country": "SY", "admin1": "Deir ez-Zor",
                   "lat": 35.01147, "lon": 40.5047, "geo_precision": 1},
      "evidence": "اشتباكات بين قسد وخلايا داعش في بلدة ذيبان أسفرت عن مقتل عنصرين"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("cli")
    report = folder / "r1.json"
    report.write_text(json.dumps({"doc_id": "r1", "text": "اشتباكات بين قسد وخلايا داعش في بلدة ذيبان أسفرت عن "
                                  "مقتل عنصرين من التنظيم بحسب مصادر محلية في ريف دير الزور", "source": "مصدر"},
                                 ensure_ascii=False), encoding="utf-8")
    path = folder / "cli.db"
    with Store(path) as store:
        ingest([report], store)
        save_extraction(store, "r1", "v", {"doc_id": "r1", "published": None, "events": [EV], "claims": []})
    return str(path)


def run(*args, env=None):
    return RUNNER.invoke(app, list(args), env={"COLUMNS": "80", **(env or {})})


@pytest.mark.parametrize("args,needle", [
    (["--date-from", "2025-13-45"], "YYYY-MM-DD"),
    (["--date-to", "2025-3-5"], "YYYY-MM-DD"),
    (["--date-from", "أمس"], "is not a date"),
    (["--date-from", "2025-04-01", "--date-to", "2025-03-01"], "after --date-to"),
    (["--event-type", "Bombing"], "Explosions/Remote violence"),
    (["--admin1", "Narnia"], "Deir ez-Zor"),
    (["--format", "xml"], "jsonl, acled, csv, geojson, xlsx"),
], ids=["month-13", "not-zero-padded", "arabic-word", "from-after-to", "unknown-type", "unknown-governorate",
        "unknown-format"])
def test_export_rejects_bad_options_with_accepted_values(db, args, needle):
    result = run("export", "--db", db, *args)
    assert result.exit_code == 2, result.output
    assert needle in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("args,events", [
    (["--admin1", "دير الزور"], 1), (["--admin1", "Deir-ez-Zor"], 1), (["--admin1", "deir ez-zor"], 1),
    (["--admin1", "الرقة"], 0), (["--event-type", "armed clash"], 1), (["--event-type", "Protests"], 0),
    (["--date-to", "2025-03-09"], 0), (["--date-from", "2025-03-10", "--date-to", "2025-03-10"], 1),
], ids=["arabic-governorate", "acled-spelling", "any-case", "other-governorate", "sub-type-any-case",
        "other-type", "before", "that-day"])
def test_export_filters_accept_every_spelling(db, args, events):
    result = run("export", "--db", db, "--format", "acled", *args)
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(io.StringIO(result.stdout))) == events


def test_export_xlsx_and_bom_files(db, tmp_path):
    out = tmp_path / "e.xlsx"
    assert run("export", "--db", db, "--format", "xlsx", "--output", str(out)).exit_code == 0
    assert out.read_bytes()[:2] == b"PK"
    csv = tmp_path / "e.csv"
    assert run("export", "--db", db, "--format", "acled", "--bom", "-o", str(csv)).exit_code == 0
    assert csv.read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,event_date,year,")


@pytest.mark.parametrize("command", [["stats"], ["export"], ["incidents"], ["claims"]])
def test_read_commands_refuse_a_missing_database(tmp_path, command):
    missing = tmp_path / "typo.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 3, result.output
    assert "no such database" in result.stderr and "marsad ingest" in result.stderr
    assert not missing.exists()


def test_detect_missing_file_is_an_input_error_not_a_traceback(tmp_path):
    result = run("detect", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "Traceback" not in result.output


def test_version_and_short_help():
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("marsad ")
    for args in (["-h"], ["export", "-h"], ["ingest", "-h"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage" in result.stdout, args


def test_serve_exit_codes(tmp_path, db):
    assert run("serve", "--db", str(tmp_path / "missing.db")).exit_code == 3
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run("serve", "--db", db, "--port", str(port))
    assert result.exit_code == 4 and "choose another --port" in result.stderr


@pytest.mark.parametrize("command", [["stats"], ["incidents"], ["claims"]])
def test_tables_fit_80_columns(db, command):
    result = run(*command, "--db", db)
    assert result.exit_code == 0, result.output
    widest = max(len(line.rstrip()) for line in result.stdout.splitlines())
    assert widest <= 80, result.stdout


def test_geocode_fits_80_columns():
    result = run("geocode", "اشتباكات في بلدة ذيبان بريف دير الزور الشرقي")
    assert result.exit_code == 0
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 80
    assert "Thiban" in result.stdout


def test_ingest_progress_counts_documents_of_a_jsonl(tmp_path):
    lines = [json.dumps({"doc_id": f"j{i}", "text": f"تقرير رقم {i} عن اشتباكات في ريف دير الزور الشرقي"},
                        ensure_ascii=False) for i in range(5)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls = []
    with Store(tmp_path / "p.db") as store:
        ingest([feed], store, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(i, 5) for i in range(1, 6)]


def test_unexpected_marsad_error_in_main_exits_with_its_code(tmp_path):
    code = ("import sys; from marsad import cli; from marsad.errors import StoreError\n"
            "def boom(): raise StoreError('disk on fire')\n"
            "cli.app = boom; cli.main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3 and result.stderr.strip() == "error: disk on fire"


def test_plain_read_csv_of_the_cli_export_file(db, tmp_path):
    """The done-when's own words: `pandas.read_csv` of the export file, with pandas' defaults (the BOM
    written for Excel does not leak into the first column's name), has ACLED's 31 columns first, kept
    in the repo's list, with their types."""
    from marsad import acled
    out = tmp_path / "acled.csv"
    assert run("export", "--db", db, "--format", "acled", "--bom", "-o", str(out)).exit_code == 0
    frame = pd.read_csv(out)
    assert list(frame.columns[:31]) == list(acled.columns()) and len(acled.columns()) == 31
    for col in ("year", "time_precision", "iso", "fatalities", "geo_precision", "timestamp"):
        assert pd.api.types.is_integer_dtype(frame[col]), col
    for col in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(frame[col]), col
    assert frame.loc[0, "event_date"] == "2025-03-10" and frame.loc[0, "fatalities"] == 2
