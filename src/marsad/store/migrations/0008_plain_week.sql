-- Migration 0008 (scale): PostgreSQL only (migrations/postgresql/0008_plain_week.sql: marsad_week
-- in plain SQL, and the row triggers a bulk load skips). SQLite's week is its own date()
-- function and its bulk load goes through the triggers, so nothing changes here.
SELECT 1;
