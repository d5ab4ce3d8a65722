-- Migration 0009 (scale): PostgreSQL only (migrations/postgresql/0009_span_per_statement.sql: the
-- incident span kept once per statement instead of once per row). SQLite keeps 0008's row triggers.
SELECT 1;
