"""Fixtures for the analysis tests: a row builder over the shared store (tests/conftest.py)."""
from __future__ import annotations

import itertools

import pytest


class Reports:
    """Writes documents with their events and claims straight into the store's tables."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self._n = itertools.count()

    def doc(self, doc_id: str, source: str = "outlet", published: str | None = None, url: str | None = None,
            near_dup_of: str | None = None, text: str | None = None) -> str:
        self.conn.execute(
            "INSERT INTO documents(doc_id, source, published, url, near_dup_of, text, content_hash, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00')",
            (doc_id, source, published, url, near_dup_of, text or f"نص {doc_id}", f"h{next(self._n)}"))
        return doc_id

    def event(self, doc_id: str, n: int = 0, **fields) -> str:
        row = {"event_id": f"{doc_id}:{n}", "doc_id": doc_id, "version": "test",
               "event_type": "Battles", "sub_event_type": "Armed clash"}
        row.update(fields)
        cols = ", ".join(row)
        self.conn.execute(f"INSERT INTO events({cols}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
        return row["event_id"]

    def claim(self, doc_id: str, n: int = 0, **fields) -> str:
        row = {"claim_id": f"{doc_id}:c{n}", "doc_id": doc_id, "version": "test"}
        row.update(fields)
        cols = ", ".join(row)
        self.conn.execute(f"INSERT INTO claims({cols}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
        return row["claim_id"]


@pytest.fixture()
def reports(store) -> Reports:
    return Reports(store.conn)
