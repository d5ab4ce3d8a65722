"""Full-text search over documents with Arabic folding (the API's `q`).

The index (`documents_fts`, migration 0003) holds folded text. Triggers on `documents`
queue every inserted/updated/deleted rowid in `search_queue`; `sync_search` folds the
queued documents into the index: ingest, `load` and `watch` call it as they store
(marsad.store.hooks.after_ingest), `serve` catches up on any backlog in the background at start,
and a search first folds what another writer queued since (up to REQUEST_SYNC documents, so no
request pays for a large backlog). Databases without migration 0003 fall back to a LIKE scan.

On PostgreSQL (migration 0003's twin) the index is two expression indexes that the server
keeps current at every write: a trigram index over the folded title + text (the same
substring semantics) and PostgreSQL's Arabic text search (stemmed words). Nothing to sync.
The folded text is stored in documents.search_text (migration 0010, filled by a trigger), so
the trigram index's recheck of each candidate reads it instead of folding the report again.
"""
from __future__ import annotations

import sqlite3

BATCH = 500
REQUEST_SYNC = 1000     # documents a search request folds into the index at most before searching it


def fold(text: str) -> str:
    """Arabic folding for search: marsad.text's fold, lowercased."""
    from marsad.text import fold as text_fold

    return text_fold(text or "").lower()


def _search_fold(text: str) -> str:
    # The index and the query must be folded by the same function.
    return fold(text)


def _is_pg(conn) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def has_index(conn: sqlite3.Connection) -> bool:
    if _is_pg(conn):
        return False
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name IN ('documents_fts', 'search_queue')"
        " GROUP BY 1 HAVING count(*) = 2").fetchone()
    return row is not None


def sync_search(conn: sqlite3.Connection, limit: int | None = None) -> int:
    """Fold queued documents into the index (at most ``limit``, None: all); return how many were
    processed."""
    if not has_index(conn):
        return 0
    done = 0
    while limit is None or done < limit:
        step = BATCH if limit is None else min(BATCH, limit - done)
        ids = [r[0] for r in conn.execute("SELECT doc_rowid FROM search_queue LIMIT ?", (step,))]
        if not ids:
            return done
        marks = ",".join("?" * len(ids))
        docs = conn.execute(f"SELECT rowid, title, text FROM documents WHERE rowid IN ({marks})", ids)
        rows = [(rid, _search_fold(t or ""), _search_fold(x or "")) for rid, t, x in docs]
        with conn:      # one transaction per batch (a Store's autocommit connection opens it here)
            if conn.isolation_level is None and not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"DELETE FROM documents_fts WHERE rowid IN ({marks})", ids)
            conn.executemany("INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)", rows)
            conn.execute(f"DELETE FROM search_queue WHERE doc_rowid IN ({marks})", ids)
        done += len(ids)
    return done


def _fts_query(folded: str) -> str | None:
    """Each whitespace-separated term as a quoted phrase (AND); None if a term is < 3 chars."""
    terms = folded.split()
    if not terms or any(len(t) < 3 for t in terms):
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def doc_match_clause(conn: sqlite3.Connection, q: str, doc_alias: str = "d") -> tuple[str, list]:
    """SQL condition (on a documents alias) selecting documents that match `q`."""
    folded = _search_fold(q).strip()
    if not folded:
        return "1=1", []
    if _is_pg(conn):
        return _pg_match_clause(folded, doc_alias)
    fts = _fts_query(folded)
    if fts is not None and has_index(conn):
        try:       # what another writer stored since; a large backlog is serve's background work
            sync_search(conn, limit=REQUEST_SYNC)
        except sqlite3.OperationalError:  # read-only database: search the index as it is
            pass
        return f"{doc_alias}.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [fts]
    conds, params = [], []
    for term in folded.split() or [folded]:
        conds.append(f"(marsad_fold({doc_alias}.text) LIKE ? OR marsad_fold({doc_alias}.title) LIKE ?)")
        like = "%" + term.replace("%", "").replace("_", "") + "%"
        params += [like, like]
    return " AND ".join(conds), params


def _pg_match_clause(folded: str, a: str) -> tuple[str, list]:
    """Every term as a substring of the folded text (trigram index), or the whole query as
    stemmed Arabic words (PostgreSQL's `arabic` text search configuration)."""
    # the report's folded text as stored (migration 0010), folded here only while a large database's
    # catch-up has not filled its row yet: the expression of the two search indexes
    doc = f"coalesce({a}.search_text, marsad_doc_text({a}.title, {a}.text))"
    likes = " AND ".join(f"{doc} LIKE ?" for _ in folded.split())
    params = ["%" + t.replace("\\", "").replace("%", "").replace("_", "") + "%" for t in folded.split()]
    clause = f"(({likes}) OR to_tsvector('arabic'::regconfig, {doc}) @@ plainto_tsquery('arabic'::regconfig, ?))"
    return clause, [*params, folded]


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("marsad_fold", 1, lambda s: _search_fold(s or ""), deterministic=True)
