"""One current extraction per document: the JSON result plus its rows in events and claims,
replaced together in one transaction."""
from __future__ import annotations

import json

from marsad.store.db import Store, now_utc

EVENT_COLUMNS = ("event_id", "doc_id", "version", "event_type", "sub_event_type", "date_start",
                 "date_end", "actor1", "actor2", "name_ar", "name_en", "country", "admin1", "lat",
                 "lon", "geo_precision", "fatalities", "injured", "arrested", "evidence")
CLAIM_COLUMNS = ("claim_id", "doc_id", "version", "quantity", "value_low", "value_high", "qualifier",
                 "place", "time", "source_ar", "source_en", "source_kind", "evidence")
_LOCATION_KEYS = ("name_ar", "name_en", "country", "admin1", "lat", "lon", "geo_precision")


def event_row(doc_id: str, version: str, n: int, event: dict) -> tuple:
    location = event.get("location") or {}
    values = {**{k: event.get(k) for k in EVENT_COLUMNS}, **{k: location.get(k) for k in _LOCATION_KEYS}}
    values.update(event_id=f"{doc_id}:{n}", doc_id=doc_id, version=version)
    return tuple(values[k] for k in EVENT_COLUMNS)


def _real(value):
    """A claim's value as the REAL its column holds (a Python int past 2**63 cannot be bound)."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def claim_row(doc_id: str, version: str, n: int, claim: dict) -> tuple:
    values = {k: claim.get(k) for k in CLAIM_COLUMNS}
    values.update(value_low=_real(values["value_low"]), value_high=_real(values["value_high"]))
    values.update(claim_id=f"{doc_id}:c{n}", doc_id=doc_id, version=version)
    return tuple(values[k] for k in CLAIM_COLUMNS)


def insert_rows(store: Store, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    marks = ",".join("?" * len(columns))
    store.conn.executemany(f"INSERT INTO {table}({','.join(columns)}) VALUES ({marks})", rows)


def save_extraction(store: Store, doc_id: str, version: str, result: dict) -> None:
    """Replace the document's extraction, events and claims (one transaction)."""
    events = [event_row(doc_id, version, n, e) for n, e in enumerate(result.get("events") or [], 1)]
    claims = [claim_row(doc_id, version, n, c) for n, c in enumerate(result.get("claims") or [], 1)]
    with store.transaction() as conn:
        conn.execute("DELETE FROM events WHERE doc_id=?", (doc_id,))
        conn.execute("DELETE FROM claims WHERE doc_id=?", (doc_id,))
        conn.execute("INSERT OR REPLACE INTO extractions(doc_id, version, extracted_at, result_json) "
                     "VALUES (?, ?, ?, ?)", (doc_id, version, now_utc(), json.dumps(result, ensure_ascii=False)))
        insert_rows(store, "events", EVENT_COLUMNS, events)
        insert_rows(store, "claims", CLAIM_COLUMNS, claims)


def pending(store: Store, version: str) -> list[str]:
    """Arabic documents without an extraction from this extractor version, oldest first."""
    rows = store.conn.execute(
        "SELECT d.doc_id FROM documents d LEFT JOIN extractions x USING(doc_id) "
        "WHERE d.is_arabic = 1 AND (x.version IS NULL OR x.version != ?) ORDER BY d.rowid", (version,))
    return [r[0] for r in rows]


def load_extraction(store: Store, doc_id: str) -> dict | None:
    row = store.conn.execute("SELECT result_json FROM extractions WHERE doc_id=?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None
