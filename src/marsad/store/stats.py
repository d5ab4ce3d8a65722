"""The numbers `marsad stats` shows: documents, incidents by type, month and governorate, claims.

Events are counted by incident (marsad.analysis.counting): one real-world event told by five
outlets, or copied a thousand times, counts once, with its best estimate of the toll."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Summary:
    documents: int = 0
    arabic: int = 0
    non_arabic: int = 0
    near_duplicates: int = 0
    extracted: int = 0
    events: int = 0                   # event rows, one per report that tells one
    incidents: int = 0                # real-world events, each counted once
    copies_only: int = 0              # incidents only near-copies tell (not counted)
    fatalities: int = 0               # sums of each incident's best estimate
    injured: int = 0
    arrested: int = 0
    claims: int = 0
    schema_version: int = 0
    versions: dict[str, int] = field(default_factory=dict)          # extractor version -> documents
    by_type: list[tuple[str, str, int]] = field(default_factory=list)  # (event_type, sub_event_type, incidents)
    by_admin1: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)      # "YYYY-MM" or "unknown"
    claims_by_quantity: list[tuple[str, int]] = field(default_factory=list)


def _scalar(conn, sql: str) -> int:
    return conn.execute(sql).fetchone()[0] or 0


def summary(store) -> Summary:
    from marsad.analysis.counting import incident_totals

    conn = store.conn
    inc = incident_totals(conn)
    return Summary(
        documents=_scalar(conn, "SELECT COUNT(*) FROM documents"),
        arabic=_scalar(conn, "SELECT COUNT(*) FROM documents WHERE is_arabic=1"),
        non_arabic=_scalar(conn, "SELECT COUNT(*) FROM documents WHERE is_arabic=0"),
        near_duplicates=_scalar(conn, "SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL"),
        extracted=_scalar(conn, "SELECT COUNT(*) FROM extractions"),
        events=_scalar(conn, "SELECT COUNT(*) FROM events"),
        incidents=inc.incidents, copies_only=inc.copies_only,
        fatalities=inc.fatalities, injured=inc.injured, arrested=inc.arrested,
        claims=_scalar(conn, "SELECT COUNT(*) FROM claims"),
        schema_version=store.schema_version,
        versions=dict(conn.execute("SELECT version, COUNT(*) FROM extractions GROUP BY version").fetchall()),
        by_type=inc.by_type, by_admin1=inc.by_admin1, by_month=inc.by_month,
        claims_by_quantity=[tuple(r) for r in conn.execute(
            "SELECT COALESCE(quantity, 'unknown'), COUNT(*) AS n FROM claims GROUP BY 1 ORDER BY n DESC, 1 LIMIT 15")],
    )
