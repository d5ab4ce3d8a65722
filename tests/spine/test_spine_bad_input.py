"""Every bad input is reported as `path: reason`, skipped, and the batch goes on."""
from __future__ import annotations

import json
import os
import pathlib

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import InputError
from marsad.ingest import ingest
from marsad.readers import read_source

GOOD = ("أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش "
        "خلال مداهمة في بلدة ذيبان بريف دير الزور الشرقي، وصادرت أسلحة وذخائر كانت بحوزتهما.")
BROKEN_ENTRY_FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ن</title>
<item><title>عنوان فقط</title><link>https://t.example/x</link><description></description></item>
<item><title>خبر</title><description>اعتقال عنصرين من داعش في الموصل بمحافظة نينوى.</description></item>
</channel></rss>"""

# (file name, bytes, expected reason fragment)
CASES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty (only whitespace)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("cp1256.txt", "اعتقال عنصرين في ذيبان".encode("cp1256"), "wrong encoding (not UTF-8"),
    ("huge.txt", ("ا" * 700).encode("utf-8"), "too large (1400 bytes; the limit is 1000"),
    ("broken.json", b'{"doc_id": "b1", "text": ', "malformed JSON"),
    ("notext.json", json.dumps({"doc_id": "b2", "title": "x"}).encode(), "missing or empty 'text'"),
    ("list.json", b'["just a string"]', "expected a JSON object"),
    ("lines.jsonl", (json.dumps({"doc_id": "ok1", "text": GOOD}, ensure_ascii=False) + "\n{oops\n").encode(),
     "line 2: malformed JSON"),
    ("garbage.xml", b"<<<this is not a feed", "malformed feed"),
    ("nofeed.xml", b"<?xml version='1.0'?><note>hello</note>", "not an RSS/Atom feed"),
    ("entry.xml", BROKEN_ENTRY_FEED.encode(), "entry 1: no text"),
    ("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
]


@pytest.mark.parametrize("name,data,reason", CASES, ids=[c[0] for c in CASES])
def test_reader_reports_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    errors = [x for x in read_source(path, max_bytes=1000) if isinstance(x, InputError)]
    assert errors, "expected an error"
    assert errors[0].path == str(path)
    assert reason in errors[0].reason
    assert str(errors[0]).startswith(f"{path}: ")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    real = os.open

    def refuse(name, *args, **kwargs):
        if pathlib.Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    [error] = list(read_source(path))
    assert error.reason == "unreadable (Permission denied)"


def test_missing_path_is_reported(store, tmp_path):
    report = ingest([tmp_path / "nowhere.txt"], store)
    assert [str(e) for e in report.errors] == [f"{tmp_path / 'nowhere.txt'}: no such file or directory"]


def test_batch_goes_on_and_cli_exits_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data, _ in CASES:
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--max-bytes", "1000"])
    assert result.exit_code == 1
    for name, _data, reason in CASES:
        if name.endswith(".pdf"):
            continue   # unknown suffixes inside a folder are passed over, not errors
        assert f"{folder / name}: " in result.stderr and reason in result.stderr, name
    # the good document, the good JSONL line and the good feed entry were stored
    from marsad.store import Store
    with Store(db) as s:
        assert s.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3


def test_cli_exits_0_when_nothing_failed(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 0, result.output
