"""Crashes and concurrency (issue 15, findings 3, 4, 5 and 8): a run killed (SIGKILL) at a point of
ingest, extract or the incident step leaves a sound database, and the next run converges to the
result of an uninterrupted one; two ingests at once give a sequential result; a document over the
time limit is stopped and reported; workers die with their parent."""
from __future__ import annotations

import json
import os
import signal
import time

import pytest

import marsad.extract
from marsad.ingest import ingest
from marsad.store import Store
from marsad.store.runner import extract_pending


GOOD = ("أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش "
        "خلال مداهمة في بلدة {place} بريف دير الزور الشرقي، وصادرت أسلحة وذخائر كانت بحوزتهما.")
PLACES = ("ذيبان", "الشحيل", "البصيرة", "هجين", "الباغوز", "الكشكية", "أبو حمام", "غرانيج", "سويدان", "الطيانة")


def _good(i: int, extra: str = "") -> str:
    return GOOD.format(place=PLACES[i % len(PLACES)]) + f" وهذه الرواية رقم {i}." + extra


def _reports(tmp_path, good, n: int, start: int = 0, name: str = "in.jsonl"):
    """n reports as JSONL; every third one a near-copy of the one before (same text, a word added)."""
    lines = []
    for i in range(start, start + n):
        text = good(i - 1, " وأضاف البيان أن العملية مستمرة.") if i % 3 == 2 else good(i)
        lines.append(json.dumps({"doc_id": f"r{i:03d}", "published": "2025-03-0%d" % (1 + i % 5), "text": text},
                                ensure_ascii=False))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _in_child(run, patch=None) -> int:
    """Run ``run()`` in a forked child (with ``patch()`` applied there); its exit status, or -signal."""
    pid = os.fork()
    if pid == 0:      # the child: never returns into pytest
        code = 0
        try:
            if patch:
                patch()
            code = run() or 0
        except BaseException:   # noqa: BLE001
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _kill_at(obj, name: str, k: int):
    """A patch that SIGKILLs the process at the k-th call of obj.name (a crash, as `kill -9`)."""
    def patch():
        real, calls = getattr(obj, name), [0]

        def wrapper(*args, **kwargs):
            calls[0] += 1
            if calls[0] == k:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        setattr(obj, name, wrapper)
    return patch


def _state(db) -> dict:
    """What a run leaves: documents and links, extractions, events, incidents."""
    with Store(db) as s:
        c = s.conn
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            "docs": c.execute("SELECT doc_id, near_dup_of, content_hash FROM documents ORDER BY doc_id").fetchall(),
            "extractions": c.execute("SELECT doc_id, version FROM extractions ORDER BY doc_id").fetchall(),
            "events": c.execute("SELECT event_id, event_type, date_start, name_en FROM events ORDER BY 1").fetchall(),
            "incidents": c.execute("SELECT incident_id, event_id FROM incident_events ORDER BY 1, 2").fetchall(),
        }


def _whole(db, path):
    with Store(db) as s:
        assert ingest([path], s, batch_size=4).ok
        assert extract_pending(s).ok


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """14 reports and the state one uninterrupted ingest + extract leaves (built once)."""
    folder = tmp_path_factory.mktemp("ref")
    path = _reports(folder, _good, 14)
    _whole(folder / "ref.db", path)
    return path, _state(folder / "ref.db")


@pytest.mark.parametrize("k", [1, 4, 6, 13])
def test_ingest_killed_then_resumed(tmp_path, reference, k):
    path, expected = reference
    db = tmp_path / "k.db"
    run = lambda: ingest([path], Store(db), batch_size=4) and 0  # noqa: E731
    assert _in_child(run, _kill_at(Store, "insert_document", k)) == -signal.SIGKILL
    partial = _state(db)["docs"]
    assert len(partial) == 4 * ((k - 1) // 4)            # whole batches only: never half of one
    _whole(db, path)
    assert _state(db) == expected


@pytest.mark.parametrize("k", [1, 5, 14])
def test_extract_killed_then_resumed(tmp_path, reference, k):
    import marsad.store.runner as runner
    path, expected = reference
    db = tmp_path / "k.db"
    with Store(db) as s:
        ingest([path], s, batch_size=4)
    assert _in_child(lambda: extract_pending(Store(db)) and 0, _kill_at(runner, "save_extraction", k)) == -signal.SIGKILL
    assert len(_state(db)["extractions"]) == k - 1
    with Store(db) as s:
        assert extract_pending(s).ok
    assert _state(db) == expected


@pytest.mark.parametrize("k", [1, 2])
def test_incident_step_killed_then_resumed(tmp_path, reference, k):
    """Killed inside the incident step's transaction: the next run finds no document to extract but
    completes the step (it used to report nothing to do and leave the incidents empty)."""
    import marsad.analysis.incident_store as incident_store
    path, expected = reference
    db = tmp_path / "k.db"
    with Store(db) as s:
        ingest([path], s, batch_size=4)
    if k == 2:         # an earlier, complete step; the killed one adds to it
        with Store(db) as s:
            extract_pending(s)
            s.conn.execute("DELETE FROM extractions WHERE doc_id >= 'r007'")
    status = _in_child(lambda: extract_pending(Store(db)) and 0, _kill_at(incident_store, "_write", 1))
    assert status == -signal.SIGKILL
    assert len(_state(db)["extractions"]) == len(expected["extractions"])
    with Store(db) as s:
        report = extract_pending(s)
    assert report.extracted == [] and report.incidents_resumed and report.ok
    assert _state(db) == expected


# -- two ingests at once (finding 5) --------------------------------------------------------------
def test_two_ingests_at_once_give_a_sequential_result(tmp_path, good):
    a = _reports(tmp_path, good, 30, 0, "a.jsonl")
    b = _reports(tmp_path, good, 30, 15, "b.jsonl")       # 15 reports in both, near-copies across
    orders = []
    for first, second in ((a, b), (b, a)):
        db = tmp_path / f"seq-{len(orders)}.db"
        with Store(db) as s:
            ingest([first], s)
            ingest([second], s)
        orders.append(_state(db)["docs"])
    db = tmp_path / "both.db"
    Store(db).close()
    go_r, go_w = os.pipe()

    def racer(path):
        def run():
            os.read(go_r, 1)                             # both start at the same moment
            with Store(db) as s:
                return 0 if ingest([path], s, batch_size=2).ok else 4
        return run

    pids = []
    for path in (a, b):
        pid = os.fork()
        if pid == 0:
            code = 3
            try:
                code = racer(path)()
            finally:
                os._exit(code)
        pids.append(pid)
    os.write(go_w, b"go")
    statuses = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids]
    assert statuses == [0, 0]                              # used to be an IntegrityError in one of them
    assert _state(db)["docs"] in orders                    # the links of one order or the other


# -- time limit, workers (findings 3 and 8) --------------------------------------------------------
def _slow_doc(monkeypatch, seconds: float = 30.0):
    real = marsad.extract.extract_document

    def maybe_slow(doc):
        if doc.doc_id == "r002":
            time.sleep(seconds)
        return real(doc)
    monkeypatch.setattr(marsad.extract, "extract_document", maybe_slow)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_the_time_limit_is_stopped_and_reported(tmp_path, good, monkeypatch, workers):
    db = tmp_path / "t.db"
    with Store(db) as s:
        ingest([_reports(tmp_path, good, 5)], s)
        _slow_doc(monkeypatch)
        report = extract_pending(s, workers=workers, timeout=1.0)
    assert [str(e) for e in report.errors] == ["r002: extraction stopped: it took over 1 s (the per-document limit)"]
    assert sorted(report.extracted) == ["r000", "r001", "r003", "r004"]


def _children(pid: int) -> set[int]:
    out = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.update(int(x) for x in f.read().split())
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_workers_die_with_their_parent(tmp_path, good, monkeypatch):
    db = tmp_path / "w.db"
    with Store(db) as s:
        ingest([_reports(tmp_path, good, 6)], s)
    real = marsad.extract.extract_document
    monkeypatch.setattr(marsad.extract, "extract_document", lambda doc: (time.sleep(120), real(doc))[1])
    pid = os.fork()
    if pid == 0:
        try:
            extract_pending(Store(db), workers=2, timeout=None)
        finally:
            os._exit(0)
    deadline = time.monotonic() + 20
    while len(_children(pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(pid)
    assert len(workers) >= 2
    os.kill(pid, signal.SIGKILL)                          # `kill -9` of `marsad extract --workers 2`
    os.waitpid(pid, 0)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)


def test_the_api_stops_a_document_over_the_time_limit(tmp_path, good, monkeypatch):
    """POST /api/documents and POST /api/extract (by id, and of every pending document) extract in a
    worker process under the same per-document limit; the stalled report is answered as an error and
    the others are extracted (before, `POST /api/extract` ran the extractor unguarded in the
    server's thread)."""
    from fastapi.testclient import TestClient

    import marsad.store.runner as runner
    from marsad.web.api import create_app
    db = tmp_path / "api.db"
    with Store(db) as s:
        ingest([_reports(tmp_path, good, 4)], s)              # r000-r003, not extracted yet
    real = marsad.extract.extract_document

    def maybe_slow(doc):
        if doc.doc_id in ("r002", "slow-1"):
            time.sleep(30)
        return real(doc)
    monkeypatch.setattr(marsad.extract, "extract_document", maybe_slow)
    monkeypatch.setattr(runner, "DOC_TIMEOUT", 1.0)
    stopped = "extraction stopped: it took over 1 s (the per-document limit)"
    auth = {"Authorization": "Bearer t"}
    with TestClient(create_app(db, token="t")) as client:
        pending = client.post("/api/extract", json={}, headers=auth)
        assert pending.status_code == 200, pending.text
        assert sorted(d["doc_id"] for d in pending.json()["extracted"]) == ["r000", "r001", "r003"]
        assert pending.json()["errors"] == [f"r002: {stopped}"]
        by_id = client.post("/api/extract", json={"doc_ids": ["r002", "r003"]}, headers=auth).json()
        assert by_id["extracted"][0] == {"doc_id": "r002", "error": stopped}
        assert by_id["extracted"][1]["doc_id"] == "r003" and "error" not in by_id["extracted"][1]
        posted = client.post("/api/documents", headers=auth, json={"doc_id": "slow-1", "text": good(7)})
        assert posted.status_code == 201 and posted.json()["extracted"] == [{"doc_id": "slow-1", "error": stopped}]
