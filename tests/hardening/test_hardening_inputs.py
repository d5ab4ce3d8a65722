"""Hostile inputs: each becomes one `path: reason` line, the good documents before and after it are
stored, and the exit status says something failed (issue 15, findings 2, 7 and 8)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import InputError
from marsad.ingest import ingest
from marsad.readers import iter_sources, read_source


def _json(record) -> bytes:
    return json.dumps(record, ensure_ascii=True).encode()


def _deep(n: int) -> bytes:
    return ('{"doc_id": "deep", "text": "نص", "x": ' + "[" * n + "]" * n + "}").encode()


# (file name, bytes, the reason's fragment): each used to end the batch with a traceback
HOSTILE = [
    ("deep.json", _deep(100_000), "nested too deeply"),
    ("deeper-than-limit.json", _deep(40), "nested too deeply"),
    ("bigint-id.json", ('{"doc_id": ' + "7" * 5000 + ', "text": "نص عربي"}').encode(), "malformed JSON"),
    ("long-id.json", _json({"doc_id": "a" * 5000, "text": "نص عربي قصير"}), "doc_id too long"),
    ("surrogate.json", b'{"doc_id": "s1", "text": "\\ud800 \xd9\x86\xd8\xb5"}', "text is not valid Unicode"),
    ("surrogate-title.json", b'{"doc_id": "s2", "text": "\xd9\x86\xd8\xb5", "title": "\\udfff"}',
     "title is not valid Unicode"),
    ("nul-id.json", _json({"doc_id": "a\x00b", "text": "نص عربي"}), "not allowed"),
    ("slash-id.json", _json({"doc_id": "a/b", "text": "نص عربي"}), "not allowed"),
    ("dot-id.json", _json({"doc_id": "..", "text": "نص عربي"}), "not allowed"),
    ("id-list.json", _json({"doc_id": ["x"], "text": "نص عربي"}), "'doc_id' must be a string"),
    ("lines.jsonl", b'{"doc_id": "j1", "text": "\\udc00"}\n' + _deep(5000) + b"\n", "line 1: text is not valid"),
]


@pytest.mark.parametrize("name,data,reason", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_is_one_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_source(path))
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors and not [i for i in items if not isinstance(i, InputError)]
    assert reason in errors[0].reason and str(errors[0]).startswith(str(path))


def test_hostile_batch_keeps_every_good_document(tmp_path, good):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(good(1), encoding="utf-8")
    for name, data, _ in HOSTILE:
        (folder / name).write_bytes(data)
    lines = [json.dumps({"doc_id": f"ok{i}", "text": good(i + 2)}, ensure_ascii=False) for i in range(3)]
    (folder / "z-mixed.jsonl").write_text(
        "\n".join([lines[0], '{"doc_id": "bad", "text": "\\ud800"}', lines[1], "[" * 50_000, lines[2]]),
        encoding="utf-8")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, _data, _reason in HOSTILE:
        assert f"{folder / name}: " in result.stderr, name
    from marsad.store import Store
    with Store(db) as s:
        ids = {r[0] for r in s.conn.execute("SELECT doc_id FROM documents")}
    assert {"ok0", "ok1", "ok2"} <= ids and len(ids) == 4          # the .txt, and the three good lines


def test_a_document_the_database_refuses_costs_only_itself(store, good, tmp_path, monkeypatch):
    """A failure while committing a batch: the batch is retried one by one, the bad one reported."""
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"doc_id": f"d{i}", "text": good(i)}, ensure_ascii=False)
                              for i in range(6)), encoding="utf-8")
    real = store.insert_document

    def picky(doc, **kw):
        if doc.doc_id == "d3":
            raise OverflowError("refused by the database")
        return real(doc, **kw)

    monkeypatch.setattr(store, "insert_document", picky)
    report = ingest([path], store, batch_size=4)
    assert sorted(report.added) == ["d0", "d1", "d2", "d4", "d5"]
    assert [e.path for e in report.errors] == [f"{path}: d3"] and "OverflowError" in report.errors[0].reason
    assert store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5


# -- special files, unreadable folders (finding 8) ------------------------------------------------
def test_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [error] = list(read_source(fifo))                      # used to block forever on open()
    assert error.reason == "not a regular file (FIFO); refused"
    [listed] = list(iter_sources([tmp_path]))            # inside a folder: reported, not skipped
    assert isinstance(listed, InputError) and "FIFO" in listed.reason


def test_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")                          # used to read until out of memory
    [error] = list(read_source(link))
    assert error.reason == "not a regular file (device); refused"
    [listed] = list(iter_sources([link]))
    assert isinstance(listed, InputError) and "device" in listed.reason


def test_jsonl_without_newlines_is_read_in_bounded_pieces(tmp_path, good):
    path = tmp_path / "one-line.jsonl"
    path.write_bytes(b'{"doc_id": "x", "text": "' + b"a" * 5000 + b'"}')
    [error] = list(read_source(path, max_bytes=1000))
    assert "too large (more than 1000 bytes" in error.reason


def test_unreadable_folder_is_reported(tmp_path, good, monkeypatch):
    """Root reads any folder, so the refusal is simulated where the walk lists it."""
    top = tmp_path / "reports"
    (top / "locked").mkdir(parents=True)
    (top / "ok.txt").write_text(good(1), encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path) == top / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_sources([top]))
    assert found[1] == top / "ok.txt"
    assert isinstance(found[0], InputError)
    assert str(found[0]) == f"{top / 'locked'}: folder unreadable (Permission denied)"
    db = tmp_path / "m.db"
    result = CliRunner().invoke(app, ["ingest", str(top), "--db", str(db)])
    assert result.exit_code == 1 and "folder unreadable" in result.stderr


# -- one doc_id rule (finding 7) -----------------------------------------------------------------
@pytest.mark.parametrize("doc_id,ok", [
    ("c014", True), ("h0123abcd", True), ("تقرير-1", True), ("a.b:c_d-e", True), ("x~1+a@b=c,d", True), ("a" * 200, True),
    ("a/b", False), ("a\\b", False), ("..", False), (".hidden", False), ("a b", False), ("a?b", False), ("a#b", False), ("a%2Fb", False), ("a\x00b", False),
    ("a" * 201, False), ("a\nb", False), ("a\ud800", False),
])
def test_one_doc_id_rule_for_cli_and_api(tmp_path, doc_id, ok):
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app

    path = tmp_path / "r.json"
    path.write_text(json.dumps({"doc_id": doc_id, "text": "اعتقال عنصرين من داعش في ذيبان"}), encoding="utf-8")
    cli_ok = not any(isinstance(i, InputError) for i in read_source(path))
    client = TestClient(create_app(tmp_path / "api.db", token="t"))
    body = json.dumps({"doc_id": doc_id, "text": "اعتقال عنصرين من داعش في ذيبان"})
    status = client.post("/api/documents", content=body, headers={"Authorization": "Bearer t",
                                                                  "Content-Type": "application/json"}).status_code
    assert cli_ok is ok
    assert (status == 201) is ok, status


# -- a URL that trickles (finding 8) ---------------------------------------------------------------
RSS_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 5000\r\n"
RSS_BODY = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نشرة</title><item>'
            '<title>اعتقال عنصرين</title><description>اعتقلت قوات الأمن عنصرين من داعش في ذيبان</description>'
            '</item></channel></rss>').encode()


class Trickler:
    """A loopback server that answers a byte every 0.1 s for up to 15 s: where='body' after prompt
    headers, where='headers' inside the headers (a padding header that never ends). Each byte comes
    well within the 20 s per-read timeout, so only a deadline on the whole answer cuts it. It records
    whether the client hung up before the trickle ended."""

    def __init__(self, where: str) -> None:
        import socket
        import threading
        self.where, self.hung_up, self.ended = where, False, threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/feed.xml"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import select
        conn, _ = self.listener.accept()
        with conn:
            conn.recv(65536)
            if self.where == "body":
                conn.sendall(RSS_HEAD + b"\r\n")
                trickle = RSS_BODY * 2
            else:
                conn.sendall(RSS_HEAD + b"X-Pad: ")
                trickle = b"a" * 150
            try:
                for i in range(150):
                    conn.sendall(trickle[i:i + 1])
                    if select.select([conn], [], [], 0.1)[0] and not conn.recv(1):    # the client left
                        self.hung_up = True
                        break
            except OSError:
                self.hung_up = True
        self.ended.set()

    def close(self) -> None:
        self.ended.wait(20)
        self.listener.close()


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_trickling_url_is_cut_at_the_total_deadline(monkeypatch, where):
    """The whole answer has FETCH_TOTAL seconds (1 s here). Before, the body's trickle was cut by the
    per-read timeout's remaining time but reported as 'unreadable', and a trickle inside the headers
    was waited for to its end (here 15 s; any time at all)."""
    import marsad.readers.feed as feed
    monkeypatch.setattr(feed, "FETCH_TOTAL", 1)
    server = Trickler(where)
    try:
        [error] = list(read_source(server.url))
        assert server.ended.wait(20)
        assert server.hung_up, "the client waited for the whole trickle"
        assert isinstance(error, InputError)
        assert error.reason == "too slow (no complete response within 1 s)", error.reason
    finally:
        server.close()


def test_a_trickling_url_costs_only_itself_in_a_batch(tmp_path, monkeypatch, good):
    import marsad.readers.feed as feed
    monkeypatch.setattr(feed, "FETCH_TOTAL", 1)
    (tmp_path / "a.txt").write_text(good(1), encoding="utf-8")
    server = Trickler("headers")
    try:
        db = tmp_path / "m.db"
        result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), server.url, "--db", str(db)])
        assert result.exit_code == 1 and f"{server.url}: too slow" in result.stderr
        assert server.ended.wait(20) and server.hung_up
    finally:
        server.close()
    from marsad.store import Store
    with Store(db) as s:
        assert s.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
