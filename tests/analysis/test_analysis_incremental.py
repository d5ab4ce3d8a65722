"""The incremental incident update (migration 0002's queue): the same incidents as a full rebuild,
and work that follows the change, not the size of the store."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.analysis import list_incidents, update_incidents

from .conftest import Reports

# One incident per row: a town far from the others, its own day, its kind, and what each outlet
# said. Whatever the order the reports come in, they can only be told apart this way, so a full
# rebuild and any sequence of incremental updates must give the same incidents.
KINDS = {
    "strike": ("Explosions/Remote violence", "Air/drone strike", "قتل {n} مدنيين بغارة جوية على بلدة {place}"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED", "انفجار عبوة ناسفة في {place} يقتل {n}"),
    "clash": ("Battles", "Armed clash", "مقتل {n} مقاتلين في اشتباكات عنيفة قرب {place}"),
    "arrest": ("Strategic developments", "Arrests", "اعتقال {n} مطلوبين خلال مداهمة في {place}"),
}
INCIDENTS = [  # place, lat, lon, admin1, country, day, kind, the outlets' tolls
    ("الشعفة", 34.675, 40.859, "Deir ez-Zor", "SY", "2024-01-09", "strike", (7, 8, 7)),
    ("منبج", 36.528, 37.955, "Aleppo", "SY", "2024-02-14", "ied", (3, 3)),
    ("تل أبيض", 36.697, 38.954, "Ar-Raqqa", "SY", "2024-03-02", "clash", (5, 6, 5)),
    ("عفرين", 36.512, 36.869, "Aleppo", "SY", "2024-04-21", "ied", (2,)),
    ("الفلوجة", 33.349, 43.784, "Anbar", "IQ", "2024-05-30", "arrest", (4, 4)),
    ("تكريت", 34.596, 43.678, "Salah ad-Din", "IQ", "2024-07-11", "strike", (11, 12, 11)),
    ("القامشلي", 37.052, 41.226, "Al-Hasakah", "SY", "2024-08-03", "clash", (2, 2)),
    ("الباب", 36.370, 37.517, "Aleppo", "SY", "2024-09-18", "strike", (9, 10)),
]


def _reports() -> list[dict]:
    """Every report of every incident: the first outlet dated, a later one undated but published
    the next day, and a near-copy of the first (no date of its own)."""
    out = []
    for k, (place, lat, lon, admin1, country, day, kind, tolls) in enumerate(INCIDENTS):
        etype, sub, sentence = KINDS[kind]
        for j, toll in enumerate(tolls):
            doc = f"i{k}r{j}"
            dated = j != 1
            copy_of = f"i{k}r0" if j == 2 else None
            published = None if copy_of else (f"{day[:8]}{int(day[8:]) + 1:02d}" if not dated else day)
            count = {"arrested": toll} if kind == "arrest" else {"fatalities": toll}
            out.append(dict(doc=doc, published=published, copy_of=copy_of, event=dict(
                event_type=etype, sub_event_type=sub, date_start=day if dated and not copy_of else None,
                date_end=day if dated and not copy_of else None, name_ar=place, lat=lat, lon=lon,
                admin1=admin1, country=country, geo_precision=1, evidence=sentence.format(n=toll, place=place),
                **count)))
    return out


REPORTS = _reports()
BY_DOC = {r["doc"]: r for r in REPORTS}


def _groups(conn) -> dict[frozenset, tuple]:
    """Incidents as {event ids: (figures)}; ids of incidents depend on the order, groups do not."""
    return {frozenset(e["event_id"] for e in inc["events"]):
            (inc["fatalities"]["min"], inc["fatalities"]["max"],
             inc["fatalities"]["best"], inc["arrested"]["best"], inc["counted"], inc["date_start"])
            for inc in list_incidents(conn)}


def _write(reports: Reports, doc: str, bump: int = 0) -> None:
    r = BY_DOC[doc]
    ev = dict(r["event"])
    for f in ("fatalities", "arrested"):
        if f in ev and bump:
            ev[f] += bump
    reports.event(doc, **ev)


def _run(conn, steps) -> None:
    """Apply the steps, updating the incidents after each: ("add", docs) writes reports (copies
    after their original), ("redo", doc, bump) re-extracts one (its row deleted and written
    again, the toll moved by bump), ("drop", doc) deletes its events, ("touch", doc) updates its row."""
    reports = Reports(conn)
    stored: set[str] = set()
    for step in steps:
        if step[0] == "add":
            for doc in sorted(step[1], key=lambda d: BY_DOC[d]["copy_of"] is not None):
                r = BY_DOC[doc]
                if r["copy_of"] and r["copy_of"] not in stored:
                    reports.doc(r["copy_of"], published=BY_DOC[r["copy_of"]]["published"])
                    stored.add(r["copy_of"])
                if doc not in stored:
                    reports.doc(doc, published=r["published"], near_dup_of=r["copy_of"])
                    stored.add(doc)
                if not conn.execute("SELECT 1 FROM events WHERE doc_id = ?", (doc,)).fetchone():
                    _write(reports, doc)
        elif step[0] == "redo" and step[1] in stored:
            conn.execute("DELETE FROM events WHERE doc_id = ?", (step[1],))
            _write(reports, step[1], step[2])
        elif step[0] == "drop":
            conn.execute("DELETE FROM events WHERE doc_id = ?", (step[1],))
        elif step[0] == "touch":
            conn.execute("UPDATE events SET injured = 1 WHERE doc_id = ?", (step[1],))
        update_incidents(conn)


def _rebuild(conn) -> dict:
    conn.execute("DELETE FROM incident_events")
    conn.execute("DELETE FROM incidents")
    update_incidents(conn, verify=True)        # the audit queues every event in no incident
    return _groups(conn)


def _check_same_as_rebuild(conn) -> None:
    incremental = _groups(conn)
    assert conn.execute("SELECT COUNT(*) FROM incident_dirty").fetchone()[0] == 0
    assert _rebuild(conn) == incremental


DOCS = [r["doc"] for r in REPORTS]
SCENARIOS = {
    "all-at-once": [("add", DOCS)],
    "report-by-report": [("add", [d]) for d in DOCS],
    "newest-first-then-redone": [("add", [d]) for d in reversed(DOCS)]
    + [("redo", "i0r1", 1), ("redo", "i5r0", -1), ("touch", "i2r2")],
    "copies-first-some-dropped": [("add", [d for d in DOCS if d.endswith("r2")]), ("add", DOCS),
                                  ("drop", "i0r0"), ("drop", "i6r1"), ("redo", "i2r1", 0), ("add", ["i6r1"])],
}


@pytest.mark.parametrize("steps", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_incremental_updates_equal_a_full_rebuild(store, steps):
    _run(store.conn, steps)
    _check_same_as_rebuild(store.conn)


STEP = st.one_of(
    st.lists(st.sampled_from(DOCS), min_size=1, max_size=6).map(lambda d: ("add", d)),
    st.tuples(st.just("redo"), st.sampled_from(DOCS), st.integers(-1, 1)),
    st.tuples(st.just("drop"), st.sampled_from(DOCS)),
    st.tuples(st.just("touch"), st.sampled_from(DOCS)),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STEP, min_size=1, max_size=8))
def test_any_sequence_of_changes_ends_as_a_full_rebuild(steps):
    from marsad.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "t.db") as store:
        _run(store.conn, steps)
        _check_same_as_rebuild(store.conn)


# -- the cost follows the change ------------------------------------------------------------------
def _stored(store, n: int) -> None:
    """n reports of n/2 incidents (two outlets each), at places and days of their own, merged."""
    conn = store.conn
    conn.execute("BEGIN")
    for k in range(n // 2):
        day = f"20{20 + k // 300}-{1 + k // 25 % 12:02d}-{1 + k % 25:02d}"
        for j in range(2):
            doc = f"s{k}o{j}"
            conn.execute("INSERT INTO documents(doc_id, text, content_hash, ingested_at) VALUES (?, '', ?, 'x')",
                         (doc, doc))
            conn.execute(
                "INSERT INTO events(event_id, doc_id, version, event_type, sub_event_type, date_start, date_end,"
                " name_ar, lat, lon, geo_precision, fatalities, evidence) VALUES (?, ?, 't', 'Battles',"
                " 'Armed clash', ?, ?, ?, ?, ?, 1, ?, 'اشتباكات قرب القرية')",
                (f"{doc}:0", doc, day, day, f"قرية{k}", 33 + (k % 40) * 0.2, 38 + (k // 40 % 30) * 0.2, 3 + j))
    conn.execute("COMMIT")
    update_incidents(conn)


def _one_more_report(store) -> None:
    Reports(store.conn).doc("late")
    Reports(store.conn).event("late", **{**BY_DOC["i1r0"]["event"], "date_start": "2026-06-01",
                                         "date_end": "2026-06-01"})


def _vm_steps(conn, fn) -> int:
    """SQLite virtual-machine instructions run by fn() (counted in thousands: a measure of work
    that does not depend on the machine's load)."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0
    conn.set_progress_handler(tick, 1000)
    try:
        fn()
    finally:
        conn.set_progress_handler(None, 1000)
    return steps[0]


@pytest.fixture()
def sqlite_store(tmp_path):
    from marsad.store import Store

    with Store(tmp_path / "s.db") as s:
        yield s


STORED = {"events", "documents", "incidents", "incident_events"}


def test_an_update_reads_no_table_whole(sqlite_store):
    """Every statement of an incremental update (a report added, one re-extracted, one deleted,
    one row changed) reads the stored tables through an index, never by a scan."""
    _stored(sqlite_store, 60)
    conn = sqlite_store.conn
    _one_more_report(sqlite_store)
    conn.execute("DELETE FROM events WHERE doc_id = 's3o1'")
    conn.execute("UPDATE events SET fatalities = 9 WHERE doc_id = 's4o0'")
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        stats = update_incidents(conn)
    finally:
        conn.set_trace_callback(None)
    assert stats["incidents_dissolved"] == 2 and stats["events_assigned"] == 4
    scans = set()
    for sql in {s for s in statements if re.match(r"\s*(SELECT|INSERT|DELETE|UPDATE)\b", s)}:
        if "COUNT(*) FROM incidents" in sql:     # the returned total: one B-tree count
            continue
        tables = {m.group(2) or m.group(1): m.group(1)
                  for m in re.finditer(r"(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)(?:\s+(?!ON|WHERE|JOIN|LEFT|ORDER)(\w+))?", sql)}
        for row in conn.execute("EXPLAIN QUERY PLAN " + sql):
            m = re.match(r"SCAN (\w+)", row[3])
            if m and tables.get(m.group(1), m.group(1)) in STORED:
                scans.add((row[3], sql[:80]))
    assert not scans


def test_the_work_of_an_update_does_not_grow_with_the_store(tmp_path):
    from marsad.store import Store

    work = {}
    for n in (40, 800):
        with Store(tmp_path / f"{n}.db") as store:
            _stored(store, n)
            _one_more_report(store)
            work[n] = (_vm_steps(store.conn, lambda: update_incidents(store.conn)),
                       _vm_steps(store.conn, lambda: update_incidents(store.conn)))     # nothing queued
    # 20 times the stored events: the same work for one new report, and for none
    assert work[800][0] <= 1.5 * work[40][0] + 5
    assert work[800][1] <= work[40][1] + 2


def test_a_store_from_before_the_insert_trigger_has_its_unmerged_events_queued(sqlite_store):
    conn = sqlite_store.conn
    conn.execute("DROP TRIGGER events_incident_dirty_ai")
    reports = Reports(conn)
    for doc in ("i3r0", "i4r0", "i4r1"):
        reports.doc(doc, published=BY_DOC[doc]["published"])
        _write(reports, doc)
    assert conn.execute("SELECT COUNT(*) FROM incident_dirty").fetchone()[0] == 0
    stats = update_incidents(conn)        # ensure_schema puts the trigger back and queues them
    assert stats["events_assigned"] == 3 and stats["incidents_total"] == 2
