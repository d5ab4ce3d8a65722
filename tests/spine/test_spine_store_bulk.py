"""Bulk loads (marsad.store.bulk): the rows of a database written in one transaction, the derived
tables' row triggers off on PostgreSQL, the summary and the ledger rebuilt by their next refresh
-- the same summary, facets and ledger as writing the same reports one by one through the
triggers, on both stores."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from marsad.store import Store, bulk, ledger, save_extraction, summary

# Sentences written for this test: (event_type, sub_event_type, actor1, actor2, admin1, evidence)
KINDS = [
    ("Explosions/Remote violence", "Air/drone strike", "international_coalition", "islamic_state", "Ar-Raqqa",
     "استهدفت طائرة مسيرة للتحالف الدولي سيارة تقل عناصر من داعش جنوب الرقة."),
    ("Battles", "Armed clash", "sdf", "islamic_state", "Deir ez-Zor",
     "قتل ثلاثة عناصر من قسد في اشتباك مع خلية لداعش قرب بلدة الشحيل."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "syrian_army", "hts", "Idlib",
     "سقطت قذائف مدفعية على أطراف مدينة سرمين شرقي إدلب."),
    ("Strategic developments", "Arrests", "sdf", None, "Al-Hasakah", "اعتقلت قسد سبعة شبان في حي غويران بالحسكة."),
    ("Protests", "Peaceful protest", "protesters", None, "Daraa", "خرجت مظاهرة في مدينة بصرى الشام بريف درعا."),
    ("Violence against civilians", "Attack", None, "civilians", None, "عثر على جثة مدني مقتولاً على طريق زراعي."),
]
CLAIMS = [
    {"claimant": "sdf", "claim_type": "casualties", "value": "4", "target": "islamic_state",
     "evidence": "قالت قسد إنها قتلت أربعة من عناصر داعش."},
    {"claimant": "syrian_army", "claim_type": "casualties", "value": "9", "target": "hts",
     "evidence": "أعلن الجيش مقتل تسعة مسلحين من هيئة تحرير الشام."},
]
DAY0 = dt.date(2025, 2, 3)
DERIVED = {   # table: its key columns (the order rows are compared in)
    "event_summary": "bucket, ws, we, ms, event_type, sub_event_type, admin1, actor1, actor2",
    "summary_types": "bucket, ws, we, ms, event_type",
    "summary_dims": "dim, vkey, event_type",
    "doc_facets": "facet, doc_id",
    "ledger_claims": "claim_id",
    "ledger_groups": "gkey",
}
SOURCE = ("documents", "extractions", "events", "claims", "incidents", "incident_events")


def _reports(n: int, seed: int = 11):
    rng = random.Random(seed)
    for i in range(n):
        day = DAY0 + dt.timedelta(days=rng.randrange(45))
        events = []
        for _ in range(rng.choice([1, 2])):
            etype, sub, a1, a2, admin1, evidence = rng.choice(KINDS)
            start = None if rng.random() < 0.1 else day - dt.timedelta(days=rng.choice([0, 0, 2]))
            events.append({"event_type": etype, "sub_event_type": sub, "actor1": a1, "actor2": a2,
                           "date_start": start and start.isoformat(), "date_end": start and day.isoformat(),
                           "location": {"name_ar": "مكان", "name_en": admin1, "country": "SY", "admin1": admin1,
                                        "lat": 35.0 + rng.random() if admin1 else None,
                                        "lon": 38.0 + rng.random() if admin1 else None, "geo_precision": 2},
                           "fatalities": rng.choice([None, 0, 1, 3]), "evidence": evidence})
        claims = [{**rng.choice(CLAIMS), "time": day.isoformat()}] if rng.random() < 0.4 else []
        yield f"b-{i:03d}", day.isoformat(), events, claims
        if rng.random() < 0.3:          # a second outlet tells the same: one incident of two reports
            yield f"b-{i:03d}x", day.isoformat(), [dict(e) for e in events], []


def _write(store, doc_id, published, events, claims) -> None:
    from marsad.documents import make_document

    with store.transaction():
        text = " ".join(e["evidence"] for e in events)
        store.insert_document(make_document(text, doc_id=doc_id, published=published), is_arabic=True, path="t")
    save_extraction(store, doc_id, "test-1", {"doc_id": doc_id, "events": events, "claims": claims})


def _rows(conn, table: str, order: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def _columns(conn, table: str) -> list[str]:
    cur = conn.execute(f"SELECT * FROM {table} LIMIT 1")
    return [d[0] for d in cur.description]


@pytest.fixture()
def source(db_target):
    """A database written report by report (the triggers' path), its incidents merged."""
    from marsad.analysis import update_incidents

    with Store(db_target) as store:
        for report in _reports(40):
            _write(store, *report)
        update_incidents(store.conn)
        store.conn.commit()
        summary.refresh(store.conn)
        ledger.refresh(store.conn)
    return db_target


def _copy_target(source_url: str, tmp_path) -> str:
    if source_url.startswith("postgresql"):
        from marsad.store.pgserver import schema_url

        return schema_url(source_url.split("?")[0])
    return str(tmp_path / "bulk.db")


def test_a_bulk_load_gives_the_summary_and_ledger_of_row_writes(source, tmp_path):
    target = _copy_target(source, tmp_path)
    with Store(source) as src, Store(target) as dst:
        with bulk.loading(dst) as loader:
            for table in SOURCE:
                cols = [c for c in _columns(src.conn, table) if c != "rowid"]
                loader.rows(table, cols, (tuple(r[c] for c in cols) for r in src.conn.execute(
                    f"SELECT {', '.join(cols)} FROM {table}")))
        assert loader.counts["events"] > 40
        # the load left the derived tables to a rebuild: nothing queued row by row
        assert not summary.built(dst.conn) and ledger.pending(dst.conn) is None
        if dst.dialect == "postgresql":
            assert dst.conn.execute("SELECT count(*) FROM summary_dirty").fetchone()[0] == 0
            assert dst.conn.execute("SELECT count(*) FROM facets_dirty").fetchone()[0] == 0
        assert not summary.current(dst.conn), "a request must not read a summary the load left stale"
        summary.refresh(dst.conn)
        ledger.refresh(dst.conn)
        for table, order in DERIVED.items():
            got, want = _rows(dst.conn, table, order), _rows(src.conn, table, order)
            assert got == want, table
        assert len(_rows(dst.conn, "event_summary", DERIVED["event_summary"])) > 10
        names = {r[0] for r in dst.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(summary.INDEXES) <= names        # the large tables' indexes, built by the refresh
        if dst.dialect == "postgresql":      # the refresh builds PostgreSQL's own indexes too
            assert set(summary.PG_INDEXES) <= names


def test_writes_after_a_bulk_load_fire_the_triggers_again(store):
    reports = list(_reports(6))
    with bulk.loading(store):
        pass
    summary.refresh(store.conn)
    ledger.refresh(store.conn)
    for report in reports:
        _write(store, *report)
    assert summary.pending(store.conn) > 0 and summary.pending_docs(store.conn) > 0
    assert ledger.pending(store.conn) > 0


def test_a_failed_bulk_load_leaves_everything_as_it_was(store):
    for report in list(_reports(4)):
        _write(store, *report)
    summary.refresh(store.conn)
    ledger.refresh(store.conn)
    before = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(RuntimeError):
        with bulk.loading(store) as loader:
            loader.execute("DELETE FROM events")
            raise RuntimeError("the input ran out half way")
    assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before > 0
    assert summary.built(store.conn) and ledger.pending(store.conn) == 0
    if store.dialect == "postgresql":     # the setting ended with the transaction
        assert store.conn.execute("SELECT current_setting('marsad.bulk', true)").fetchone()[0] in (None, "", "off")
