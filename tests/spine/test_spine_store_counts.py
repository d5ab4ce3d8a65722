"""How many reports and claims the store holds (migration 0012's row_counts, marsad.store.counts):
after each kind of write -- a report ingested, a report already there ignored, an extraction
with claims saved and replaced, a report deleted with its claims (the cascade), a bulk load, a
write rolled back -- the kept numbers are the tables' own counts, on both stores; and what the
API says (/api/stats, /api/totals, /api/health) is that number."""
from __future__ import annotations

import pytest

from marsad.store import Store, bulk, counts, save_extraction
from marsad.store.db import DOC_COLUMNS

CLAIM = {"claimant": "sdf", "claim_type": "casualties", "value": "4", "target": "islamic_state",
         "evidence": "قالت قسد إنها قتلت أربعة من عناصر داعش."}


def _doc(store, doc_id: str) -> None:
    from marsad.documents import make_document
    with store.transaction():
        store.insert_document(make_document("اعتقلت قسد سبعة شبان في حي غويران بالحسكة.", doc_id=doc_id,
                                            published="2025-02-03"), is_arabic=True, path="t")


def _claims(store, doc_id: str, n: int) -> None:
    save_extraction(store, doc_id, "t-1", {"doc_id": doc_id, "events": [], "claims": [dict(CLAIM)] * n})


def _ignored(store, doc_id: str) -> None:      # the batch loader's way: a report already stored is kept
    with store.transaction() as conn:
        conn.execute(f"INSERT OR IGNORE INTO documents({','.join(DOC_COLUMNS)}) "
                     f"VALUES ({','.join('?' * len(DOC_COLUMNS))})",
                     (doc_id, None, "s", "2025-02-03", "t", "نص", "ar", 1, "h-" + doc_id, None, "t",
                      "2026-01-01T00:00:00", "{}"))


def _delete(store, doc_id: str) -> None:
    with store.transaction() as conn:
        for table in ("events", "extractions"):
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))      # its claims by the cascade


def _bulk(store, first: int, n: int) -> None:
    with bulk.loading(store) as loader:
        loader.rows("documents", DOC_COLUMNS,
                    [(f"k{i:03d}", None, "s", "2025-02-03", "t", "نص", "ar", 1, f"hk{i}", None, "t",
                      "2026-01-01T00:00:00", "{}") for i in range(first, first + n)])


def _rolled_back(store, doc_id: str) -> None:
    from marsad.documents import make_document
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert_document(make_document("نص لن يبقى.", doc_id=doc_id), is_arabic=True, path="t")
            raise RuntimeError("the write fails")


# (step, expected documents, expected claims) applied in order to one store
STEPS = [
    (lambda s: None, 0, 0),
    (lambda s: _doc(s, "a"), 1, 0),
    (lambda s: _doc(s, "b"), 2, 0),
    (lambda s: _ignored(s, "a"), 2, 0),
    (lambda s: _ignored(s, "c"), 3, 0),
    (lambda s: _claims(s, "a", 3), 3, 3),
    (lambda s: _claims(s, "b", 2), 3, 5),
    (lambda s: _claims(s, "a", 1), 3, 3),          # re-extracted: its three claims replaced by one
    (lambda s: _claims(s, "b", 0), 3, 1),
    (lambda s: _delete(s, "a"), 2, 0),             # its claim goes with it
    (lambda s: _bulk(s, 0, 25), 27, 0),
    (lambda s: _rolled_back(s, "z"), 27, 0),
    (lambda s: _delete(s, "k003"), 26, 0),
]


def test_counts_follow_every_write(db_target):
    with Store(db_target) as store:
        for n, (step, docs, claims) in enumerate(STEPS):
            step(store)
            real = tuple(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts.TABLES)
            assert real == (docs, claims), n
            assert (counts.count(store.conn, "documents"), counts.count(store.conn, "claims")) == real, n


def test_migration_counts_what_is_there(db_target):
    """A store that had reports before migration 0012 starts with their numbers."""
    from marsad.store.migrate import MIGRATIONS_DIR, discover, migrate

    with Store(db_target) as store:
        _doc(store, "a")
        _claims(store, "a", 2)
        conn = store.conn
        conn.execute("DELETE FROM row_counts")
        conn.execute("DELETE FROM schema_migrations WHERE version = 12")
        conn.commit()
        assert 12 in [m.version for m in discover(MIGRATIONS_DIR)]
        assert migrate(conn) == [12]
        assert (counts.count(conn, "documents"), counts.count(conn, "claims")) == (1, 2)
        _doc(store, "b")
        assert counts.count(conn, "documents") == 2


def test_counts_without_the_table(db_target):
    """A store without row_counts (a read-only file from before 0012) is counted."""
    with Store(db_target) as store:
        _doc(store, "a")
        _claims(store, "a", 2)
        store.conn.execute("DROP TABLE row_counts")
        store.conn.commit()
        assert (counts.count(store.conn, "documents"), counts.count(store.conn, "claims")) == (1, 2)
        with pytest.raises(ValueError):
            counts.count(store.conn, "events")


def test_api_reports_the_kept_numbers(db_target):
    """The figures the dashboard shows are the kept numbers (here made to differ from the tables'
    so that a scan would show): stats, unfiltered totals and health."""
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app

    with Store(db_target) as store:
        _doc(store, "a")
        _claims(store, "a", 2)
        store.conn.execute("UPDATE row_counts SET n = n + 1000")
        store.conn.commit()
    with TestClient(create_app(db_target)) as client:
        stats = client.get("/api/stats").json()
        totals = client.get("/api/totals").json()
        health = client.get("/api/health").json()
    assert (stats["documents"], stats["claims"]) == (1001, 1002)
    assert (totals["documents"], totals["claims"]) == (1001, 1002)
    assert health["documents"] == 1001
