"""The store: numbered migrations (an older database is upgraded), one current extraction per
document replaced in one transaction, re-extraction after a version bump, the after_extract hook."""
from __future__ import annotations

import shutil

import pytest

import marsad.extract
from marsad.store import Store, hooks, load_extraction, pending, save_extraction
from marsad.store.migrate import MIGRATIONS_DIR, discover
from marsad.store.runner import extract_pending
from marsad.ingest import ingest

EVENT = {
    "event_type": "Strategic developments", "sub_event_type": "Arrests",
    "date_start": "2025-03-01", "date_end": "2025-03-01", "actor1": "sdf", "actor2": "islamic_state",
    "location": {"name_ar": "ذيبان", "name_en": "Dhiban", "country": "SY", "admin1": "Deir ez-Zor",
                 "lat": 35.01, "lon": 40.51, "geo_precision": 1},
    "fatalities": 0, "injured": None, "arrested": 2, "evidence": "اعتقال عنصرين",
}
CLAIM = {"quantity": "ISIS fighters", "value_low": 1500, "value_high": 3000, "qualifier": "range",
         "place": "Syria and Iraq", "time": "2025-07", "source_ar": "تقرير أممي", "source_en": "UN report",
         "source_kind": "international_org", "evidence": "ما بين 1500 و3000 مقاتل"}


def test_fresh_database_records_every_migration(store):
    versions = [m.version for m in discover()]
    assert versions[0] == 1 and versions == sorted(versions)
    rows = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert rows == versions
    assert store.schema_version == versions[-1]
    if store.dialect == "sqlite":   # SQLite only: the version mirrored for any SQLite tool, and WAL
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == versions[-1]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_database_is_migrated_on_open(tmp_path, arabic_report, write_json):
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_core.sql", old_dir)
    db = tmp_path / "old.db"
    with Store(db, migrations_dir=old_dir) as old:
        assert old.schema_version == 1
        ingest([write_json("a.json", {"doc_id": "a", "text": arabic_report()})], old)
    new_dir = tmp_path / "new"
    shutil.copytree(old_dir, new_dir)
    (new_dir / "0009_later.sql").write_text("ALTER TABLE documents ADD COLUMN later TEXT;", encoding="utf-8")
    with Store(db, migrations_dir=new_dir) as upgraded:
        assert upgraded.migrated == [9] and upgraded.schema_version == 9
        assert upgraded.get_document("a").text == arabic_report()   # data survived
    with Store(db) as current:   # the package's own migrations fill in what is missing
        assert {m.version for m in discover()} <= {r[0] for r in current.conn.execute(
            "SELECT version FROM schema_migrations")}


def test_broken_migration_is_rolled_back(tmp_path):
    bad = tmp_path / "m"
    bad.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_core.sql", bad)
    (bad / "0002_bad.sql").write_text("CREATE TABLE t(x); THIS IS NOT SQL;", encoding="utf-8")
    from marsad.errors import StoreError
    with pytest.raises(StoreError, match="0002_bad.sql"):
        Store(tmp_path / "b.db", migrations_dir=bad)
    (tmp_path / "none").mkdir()
    with Store(tmp_path / "b.db", migrations_dir=tmp_path / "none") as s:
        assert s.schema_version == 1
        assert s.conn.execute("SELECT name FROM sqlite_master WHERE name='t'").fetchone() is None


def _doc(store, write_json, doc_id, text):
    ingest([write_json(f"{doc_id}.json", {"doc_id": doc_id, "text": text, "published": "2025-03-02"})], store)


def test_save_extraction_replaces_rows(store, write_json, arabic_report):
    _doc(store, write_json, "d1", arabic_report())
    save_extraction(store, "d1", "v1", {"doc_id": "d1", "published": "2025-03-02", "events": [EVENT, EVENT],
                                         "claims": [CLAIM]})
    save_extraction(store, "d1", "v2", {"doc_id": "d1", "published": "2025-03-02", "events": [EVENT], "claims": []})
    events = store.conn.execute("SELECT event_id, version, admin1, lat, arrested FROM events").fetchall()
    assert [tuple(r) for r in events] == [("d1:1", "v2", "Deir ez-Zor", 35.01, 2)]
    assert store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0
    assert load_extraction(store, "d1")["events"] == [EVENT]


def test_reextraction_after_version_bump(store, write_json, arabic_report, monkeypatch):
    _doc(store, write_json, "d1", arabic_report())
    _doc(store, write_json, "d2", arabic_report(place="الشحيل", extra=" وقال شهود إن المروحيات حلقت طويلاً فوق البلدة."))
    _doc(store, write_json, "en", "The coalition said patrols continued in eastern Syria this week.")
    calls = []
    monkeypatch.setattr(hooks, "after_extract", lambda s, ids: calls.append(list(ids)))

    monkeypatch.setattr(marsad.extract, "EXTRACTOR_VERSION", "test-1")
    first = extract_pending(store)
    assert sorted(first.extracted) == ["d1", "d2"]          # the English document is not extracted
    assert extract_pending(store).extracted == []            # nothing new for the same version
    assert pending(store, "test-1") == []

    monkeypatch.setattr(marsad.extract, "EXTRACTOR_VERSION", "test-2")
    assert pending(store, "test-2") == ["d1", "d2"]
    second = extract_pending(store, workers=2)
    assert sorted(second.extracted) == ["d1", "d2"]
    versions = {r[0]: r[1] for r in store.conn.execute("SELECT doc_id, version FROM extractions")}
    assert versions == {"d1": "test-2", "d2": "test-2"}
    assert [sorted(c) for c in calls] == [["d1", "d2"], ["d1", "d2"]]


def test_extractor_failure_is_reported_not_fatal(store, write_json, arabic_report, monkeypatch):
    _doc(store, write_json, "ok", arabic_report())
    _doc(store, write_json, "boom", arabic_report(place="البصيرة", extra=" واندلعت اشتباكات عنيفة استمرت ساعات."))
    real = marsad.extract.extract_document

    def flaky(doc):
        if doc.doc_id == "boom":
            raise ValueError("bad span")
        return real(doc)

    monkeypatch.setattr(marsad.extract, "extract_document", flaky)
    report = extract_pending(store)
    assert report.extracted == ["ok"]
    assert [str(e) for e in report.errors] == ["boom: extractor failed: ValueError: bad span"]
