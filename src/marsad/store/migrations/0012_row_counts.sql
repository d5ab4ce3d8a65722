-- Migration 0012 (scale): how many reports and claims the store holds, kept by triggers.
--
-- /api/stats, /api/totals (unfiltered) and /api/health said how many reports and claims there are
-- with `SELECT count(*)` over each table: a scan of every report per request (120-175 ms at 333k
-- reports on PostgreSQL, linear in the store). row_counts keeps the two numbers, exact at every
-- commit: each report or claim inserted or deleted (a cascade from its report included) moves its
-- table's count by one (marsad.store.counts reads it). Counted here once from the tables.
CREATE TABLE IF NOT EXISTS row_counts (
    name TEXT PRIMARY KEY,      -- the table: documents, claims
    n    INTEGER NOT NULL
);
INSERT OR REPLACE INTO row_counts(name, n) SELECT 'documents', count(*) FROM documents;
INSERT OR REPLACE INTO row_counts(name, n) SELECT 'claims', count(*) FROM claims;

CREATE TRIGGER IF NOT EXISTS documents_count_ai AFTER INSERT ON documents BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'documents';
END;
CREATE TRIGGER IF NOT EXISTS documents_count_ad AFTER DELETE ON documents BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'documents';
END;
CREATE TRIGGER IF NOT EXISTS claims_count_ai AFTER INSERT ON claims BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'claims';
END;
CREATE TRIGGER IF NOT EXISTS claims_count_ad AFTER DELETE ON claims BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'claims';
END;
