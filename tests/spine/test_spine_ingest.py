"""Ingest: idempotent re-ingest, near-duplicate linking, language marking (offline), and a
process killed mid-ingest losing nothing it committed."""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.ingest import detect_language, ingest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def count(store, where: str = "1=1") -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM documents WHERE {where}").fetchone()[0]


def test_reingest_adds_nothing(store):
    first = ingest([EXAMPLES], store)
    assert first.ok and len(first.added) == 12
    second = ingest([EXAMPLES], store)
    assert second.added == [] and second.already == 12
    assert count(store) == 12


def test_same_text_without_id_gets_one_hash_id(store, tmp_path, arabic_report):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(arabic_report(), encoding="utf-8")
    report = ingest([tmp_path], store)
    assert len(report.added) == 1 and report.already == 1


@pytest.mark.parametrize("edit,linked", [
    (lambda t: t.replace("يوم الخميس", "الخميس"), True),
    (lambda t: t + " وقالت مصادر محلية إن العملية استمرت ساعة.", True),
    (lambda t: t.replace("اعتقال عنصرين", "اعتقال ثلاثة عناصر"), True),
    (lambda t: "قصفت طائرات التحالف الدولي مواقع لتنظيم داعش في جبل البشري بريف الرقة الجنوبي الشرقي.", False),
], ids=["dropped-word", "added-sentence", "changed-count", "different-story"])
def test_near_duplicates_linked_to_first_copy(store, write_json, arabic_report, edit, linked):
    original = arabic_report()
    write_json("1.json", {"doc_id": "first", "text": original})
    ingest([write_json("1.json", {"doc_id": "first", "text": original})], store)
    report = ingest([write_json("2.json", {"doc_id": "copy", "text": edit(original)})], store)
    assert report.added == ["copy"]   # kept, not dropped
    expected = "first" if linked else None
    assert store.conn.execute("SELECT near_dup_of FROM documents WHERE doc_id='copy'").fetchone()[0] == expected


def test_chain_of_copies_points_at_the_first(store, write_json, arabic_report):
    base = arabic_report()
    records = [{"doc_id": f"d{i}", "text": base + " تحديث" * i} for i in range(3)]
    paths = [write_json(f"{i}.json", r) for i, r in enumerate(records)]
    ingest(paths, store)
    rows = dict(store.conn.execute("SELECT doc_id, near_dup_of FROM documents"))
    assert rows == {"d0": None, "d1": "d0", "d2": "d0"}


def test_non_arabic_kept_and_marked(store, write_json, arabic_report):
    ingest([write_json("en.json", {"doc_id": "en", "text": "The coalition said patrols continued in eastern Syria."}),
            write_json("ar.json", {"doc_id": "ar", "text": arabic_report()})], store)
    rows = {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT doc_id, lang, is_arabic FROM documents")}
    assert rows == {"en": ("en", 0), "ar": ("ar", 1)}


def test_language_detection_needs_no_network(monkeypatch, arabic_report):
    def no_network(*args, **kwargs):
        raise AssertionError("language detection tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert detect_language(arabic_report()) == "ar"
    assert detect_language("Les forces kurdes ont arrêté deux membres d'une cellule.") == "fr"


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:   # not created yet
        return 0


def test_killed_ingest_loses_nothing_committed(tmp_path, arabic_report):
    folder = tmp_path / "many"
    folder.mkdir()
    total = 1500
    for i in range(total):
        record = {"doc_id": f"k{i:05d}", "text": arabic_report(place=f"قرية رقم {i}", extra=f" المرجع {i * 7919}.")}
        (folder / f"{i:05d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 180      # start-up (imports, language model) takes long on a busy machine
    seen = 0
    while time.time() < deadline and proc.poll() is None and seen == 0:
        time.sleep(0.05)
        seen = _committed(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert seen > 0, "nothing was committed before the kill"
    after_kill = _committed(db)
    assert seen <= after_kill < total      # killed midway, and every committed document survived
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)   # the rest, on a machine at load 20
    assert rerun.returncode == 0, rerun.stderr
    assert _committed(db) == total
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
