"""The API's text search (`q`, marsad.web.search) on both stores, and PostgreSQL's stored folded
text (migration 0010): documents.search_text kept by a trigger, the search indexes over it, and a
large database's upgrade (the column filled and the indexes built by serve's catch-up) giving the
same answers at every step."""
from __future__ import annotations

import pytest

from marsad.store import Store

REPORTS = {
    "s1": ("قصف على الرقة", "قتل ثلاثة مدنيين في قصف مدفعي استهدف حي المشلب في مدينة الرقة صباح الثلاثاء."),
    "s2": ("اشتباكات في دير الزور", "اندلعت اشتباكات بين قوات سوريا الديمقراطية ومسلحين في ريف دير الزور الشرقي."),
    "s3": ("غارة بطائرة مسيرة", "استهدفت طائرة مسيّرة سيارة على طريق الرقّة - الطبقة وأسفرت عن مقتل شخصين."),
    "s4": ("احتجاج في السويداء", "تظاهر العشرات أمام مبنى المحافظة في السويداء مطالبين بالإفراج عن المعتقلين."),
    "s5": ("انفجار عبوة ناسفة", "انفجرت عبوة ناسفة بدورية عسكرية قرب بلدة الشحيل في ٢٠٢٤ وأصيب جنديان."),
}
# (query, the reports it finds): substrings of the folded text (clitics attached, diacritics and
# shadda dropped, hamza seats unified, Arabic-Indic digits as ASCII) on both stores
CASES = [
    ("الرقة", ["s1", "s3"]),
    ("دير الزور", ["s2"]),
    ("مسيرة", ["s3"]),
    ("الافراج", ["s4"]),
    ("2024", ["s5"]),
    ("٢٠٢٤", ["s5"]),
    ("عبوة ناسفة", ["s5"]),
    ("اشتباكات الرقة", []),
    ("الشحيل", ["s5"]),
]
# PostgreSQL also finds the query's stemmed words (its Arabic text search): a clitic the text lacks
PG_CASES = CASES + [("بالرقة", ["s1", "s3"])]


def _fill(store: Store) -> None:
    from marsad.documents import make_document

    with store.transaction():
        for doc_id, (title, text) in REPORTS.items():
            store.insert_document(make_document(text, doc_id=doc_id, title=title), is_arabic=True, path="t")


def _found(conn, q: str) -> list[str]:
    from marsad.web.search import doc_match_clause

    where, params = doc_match_clause(conn, q)
    return [r[0] for r in conn.execute(f"SELECT d.doc_id FROM documents d WHERE {where} ORDER BY d.doc_id", params)]


def test_a_search_finds_the_same_reports_on_both_stores(store):
    _fill(store)
    for q, want in CASES:
        assert _found(store.conn, q) == want, q


@pytest.fixture()
def pg_store(pg_server):
    from marsad.store.pgserver import schema_url

    with Store(schema_url(pg_server)) as store:
        _fill(store)
        yield store


def _stored_and_folded(conn) -> list[tuple]:
    return conn.execute("SELECT doc_id, search_text, marsad_doc_text(title, text) FROM documents "
                        "ORDER BY doc_id").fetchall()


def test_the_trigger_keeps_the_folded_text_of_every_insert_and_edit(pg_store):
    conn = pg_store.conn
    rows = _stored_and_folded(conn)
    assert len(rows) == len(REPORTS) and all(r[1] == r[2] for r in rows)
    with conn:
        conn.execute("UPDATE documents SET text = ? WHERE doc_id = 's4'", ("قصفت الطائرات بلدة في ريف الرقّة.",))
        conn.execute("UPDATE documents SET title = ? WHERE doc_id = 's2'", ("مقتل مسلحين في الميادين",))
    rows = _stored_and_folded(conn)
    assert all(r[1] == r[2] for r in rows)
    assert _found(conn, "الرقة") == ["s1", "s3", "s4"]
    assert _found(conn, "الميادين") == ["s2"]
    assert _found(conn, "الافراج") == []


def _uses_index(conn, q: str) -> bool:
    from marsad.web.search import doc_match_clause

    where, params = doc_match_clause(conn, q)
    with conn:
        conn.execute("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(f"EXPLAIN SELECT d.doc_id FROM documents d WHERE {where}", params))
    return "documents_search_trgm" in plan and "documents_search_ts" in plan


def test_a_large_databases_upgrade_answers_the_same_at_every_step(pg_store):
    """What 0010 leaves on a large database (the column empty, no search index), then serve's
    catch-up (summary.ensure_indexes: the column filled in chunks, the indexes built)."""
    from marsad.store import summary

    conn = pg_store.conn
    assert _uses_index(conn, "الرقة")          # the query's expression is the indexes' expression
    with conn:
        conn.execute("DROP INDEX documents_search_trgm")
        conn.execute("DROP INDEX documents_search_ts")
        conn.execute("UPDATE documents SET search_text = NULL")
    for q, want in PG_CASES:
        assert _found(conn, q) == want, q
    assert summary.ensure_search_text(conn, chunk=2) == len(REPORTS)
    assert summary.ensure_search_text(conn, chunk=2) == 0      # nothing left: re-running is safe
    with conn:
        conn.execute("UPDATE documents SET search_text = NULL WHERE doc_id = 's3'")
    built = summary.ensure_indexes(conn)
    assert {"documents_search_trgm", "documents_search_ts"} <= set(built)
    assert all(r[1] == r[2] for r in _stored_and_folded(conn))
    assert _uses_index(conn, "الرقة")
    for q, want in PG_CASES:
        assert _found(conn, q) == want, q


def test_a_report_read_through_the_api_has_no_folded_copy(pg_store):
    from marsad.web.reports import get_document

    doc = get_document(pg_store.conn, "s1")
    assert doc["title"] == REPORTS["s1"][0] and "search_text" not in doc
