"""`ingest --workers N`: languages and near-duplicate signatures computed in worker processes
give exactly the one-process result (links, languages, signatures, counts, errors)."""
from __future__ import annotations

import json

import pytest

from marsad.ingest import ingest
from marsad.store import Store

STORIES = [  # five different reports, written for this test
    "أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش خلال مداهمة في بلدة ذيبان.",
    "قصفت طائرات التحالف الدولي مواقع لتنظيم داعش في جبل البشري بريف الرقة الجنوبي الشرقي ليل الأحد.",
    "انفجرت عبوة ناسفة بدورية للجيش العراقي على الطريق الدولي قرب قضاء القائم غرب الأنبار صباح الثلاثاء.",
    "تظاهر مئات الطلاب أمام مبنى المحافظة في مدينة السويداء مطالبين بتحسين الخدمات وإطلاق سراح المعتقلين.",
    "سيطرت فصائل المعارضة على قرية تل مرديخ شرقي إدلب بعد اشتباكات عنيفة استمرت حتى فجر اليوم.",
]


def _records() -> list[dict]:
    out = []
    for i in range(15):       # each story thrice: the 2nd and 3rd tellings are near-copies of the 1st
        extra = "" if i < 5 else f" وقالت مصادر محلية إن العملية استمرت {i} ساعات."
        out.append({"doc_id": f"r{i:03d}", "text": STORIES[i % 5] + extra, "published": "2025-04-0%d" % (1 + i % 9)})
    out.append({"doc_id": "en-1", "text": "Two fighters were detained in a raid east of Deir ez-Zor on Thursday."})
    out.append({"doc_id": "r004", "text": "نص آخر بالمعرف نفسه: يعد مخزناً من قبل."})      # an id seen earlier
    out.append({"doc_id": "empty", "text": ""})                                      # a reader error
    return out


@pytest.fixture()
def jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8")
    return path


def _state(target) -> tuple:
    with Store(target) as store:
        docs = [tuple(r) for r in store.conn.execute(
            "SELECT doc_id, lang, is_arabic, near_dup_of, published FROM documents ORDER BY doc_id")]
        sigs = [tuple(r) for r in store.conn.execute("SELECT doc_id, signature FROM document_minhash ORDER BY doc_id")]
    return docs, sigs


@pytest.mark.parametrize("batch", [1, 4, 256])
def test_workers_give_the_one_process_result(db_target, tmp_path, jsonl, monkeypatch, batch):
    import marsad.ingest as ingest_mod
    monkeypatch.setattr(ingest_mod, "POOL_BATCH", batch)
    one_db = str(tmp_path / "one.db")
    with Store(one_db) as store:
        one = ingest([jsonl], store)
    with Store(db_target) as store:
        two = ingest([jsonl], store, workers=2)
    assert (two.added, two.already, two.near_duplicates, two.non_arabic) == \
        (one.added, one.already, one.near_duplicates, one.non_arabic)
    assert [str(e) for e in two.errors] == [str(e) for e in one.errors]
    assert one.already == 1 and len(one.near_duplicates) == 10 and one.non_arabic == ["en-1"]
    assert _state(db_target) == _state(one_db)
    with Store(db_target) as store:
        again = ingest([jsonl], store, workers=2)
    assert again.added == [] and again.already == len(one.added) + 1


def _pre_lsh_store(tmp_path) -> Store:
    """A SQLite database migrated only up to 0005 (no document_lsh): ingest holds every signature
    in memory there, as marsad always did before."""
    import shutil

    from marsad.store.migrate import MIGRATIONS_DIR
    old = tmp_path / "old-migrations"
    old.mkdir()
    for f in MIGRATIONS_DIR.glob("*.sql"):
        if int(f.name[:4]) < 6:
            shutil.copy(f, old)
    return Store(tmp_path / "old.db", migrations_dir=old)


def test_links_looked_up_in_the_database_are_the_in_memory_ones(db_target, tmp_path, jsonl):
    with _pre_lsh_store(tmp_path) as store:
        in_memory = ingest([jsonl], store)
        assert not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'document_lsh'").fetchone()
    with Store(db_target) as store:
        looked_up = ingest([jsonl], store)
        assert store.conn.execute("SELECT count(DISTINCT doc_id) FROM document_lsh").fetchone()[0] == len(looked_up.added)
    assert looked_up.near_duplicates == in_memory.near_duplicates and len(in_memory.near_duplicates) == 10


def test_an_older_database_gets_its_band_hashes_and_links_to_old_reports(tmp_path):
    first, later = _records()[:5], _records()[5:15]        # the originals, then their re-tellings
    feed1, feed2 = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    for path, recs in ((feed1, first), (feed2, later)):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    with _pre_lsh_store(tmp_path) as store:
        assert ingest([feed1], store).added == [r["doc_id"] for r in first]
    with Store(tmp_path / "old.db") as store:          # now with 0006: the next ingest fills document_lsh in
        report = ingest([feed2], store)
        assert store.conn.execute("SELECT count(*) FROM document_lsh").fetchone()[0] == 15 * 25
    assert report.near_duplicates == {r["doc_id"]: f"r{int(r['doc_id'][1:]) % 5:03d}" for r in later}
