"""The numbers `marsad stats` shows: documents, events by type, month and governorate, claims."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Summary:
    documents: int = 0
    arabic: int = 0
    non_arabic: int = 0
    near_duplicates: int = 0
    extracted: int = 0
    events: int = 0
    claims: int = 0
    schema_version: int = 0
    versions: dict[str, int] = field(default_factory=dict)          # extractor version -> documents
    by_type: list[tuple[str, str, int]] = field(default_factory=list)  # (event_type, sub_event_type, n)
    by_admin1: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)      # "YYYY-MM" or "unknown"
    claims_by_quantity: list[tuple[str, int]] = field(default_factory=list)


def _scalar(conn, sql: str) -> int:
    return conn.execute(sql).fetchone()[0] or 0


def summary(store) -> Summary:
    conn = store.conn
    return Summary(
        documents=_scalar(conn, "SELECT COUNT(*) FROM documents"),
        arabic=_scalar(conn, "SELECT COUNT(*) FROM documents WHERE is_arabic=1"),
        non_arabic=_scalar(conn, "SELECT COUNT(*) FROM documents WHERE is_arabic=0"),
        near_duplicates=_scalar(conn, "SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL"),
        extracted=_scalar(conn, "SELECT COUNT(*) FROM extractions"),
        events=_scalar(conn, "SELECT COUNT(*) FROM events"),
        claims=_scalar(conn, "SELECT COUNT(*) FROM claims"),
        schema_version=store.schema_version,
        versions=dict(conn.execute("SELECT version, COUNT(*) FROM extractions GROUP BY version").fetchall()),
        by_type=[tuple(r) for r in conn.execute(
            "SELECT event_type, COALESCE(sub_event_type, ''), COUNT(*) AS n FROM events "
            "GROUP BY 1, 2 ORDER BY n DESC, 1, 2")],
        by_admin1=[tuple(r) for r in conn.execute(
            "SELECT COALESCE(admin1, 'unknown'), COUNT(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1")],
        by_month=[tuple(r) for r in conn.execute(
            "SELECT COALESCE(substr(date_start, 1, 7), 'unknown') AS m, COUNT(*) FROM events GROUP BY m ORDER BY m")],
        claims_by_quantity=[tuple(r) for r in conn.execute(
            "SELECT COALESCE(quantity, 'unknown'), COUNT(*) AS n FROM claims GROUP BY 1 ORDER BY n DESC, 1 LIMIT 15")],
    )
