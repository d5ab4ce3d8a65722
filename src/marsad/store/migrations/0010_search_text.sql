-- Migration 0010 (scale): PostgreSQL only (migrations/postgresql/0010_search_text.sql: the folded
-- text of each report stored in documents.search_text, so that a search's recheck reads it instead
-- of folding the report again). SQLite searches its FTS5 index (0003), which already holds it.
SELECT 1;
