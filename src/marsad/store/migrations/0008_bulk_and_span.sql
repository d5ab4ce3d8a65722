-- Migration 0008 (scale): the largest span of any incident, for the incidents page's date range.
-- (PostgreSQL's twin, migrations/postgresql/0008_bulk_and_span.sql, also replaces marsad_week and
-- marsad_fold and lets a bulk load skip the derived tables' row triggers; SQLite's week is its own
-- date() function and its bulk load goes through the triggers.)
--
-- An incident is in a date range [from, to] when date_end >= from and date_start <= to: over an
-- index on date_start only the second is a range, so counting the incidents of the timeline's
-- brushed weeks read every incident before `to`. With `days`, the largest date_end - date_start
-- of any incident, date_start >= from - days bounds it from below too (marsad.web.queries).
-- Kept by triggers: an incident written with a larger span raises it (never lowered by a delete:
-- a bound stays a bound); one with a date that is not an ISO day sets `odd` (text order is then
-- not date order: no bound). NULL days = not known (a database that had incidents before this
-- migration, or after a bulk load): computed by the next summary refresh (marsad.store.summary).
CREATE TABLE IF NOT EXISTS incident_span (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    days INTEGER,
    odd  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO incident_span(id, days, odd)
    SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM incidents) THEN NULL ELSE 0 END, 0
     WHERE NOT EXISTS (SELECT 1 FROM incident_span);

CREATE TRIGGER IF NOT EXISTS incidents_span_ai AFTER INSERT ON incidents BEGIN
    UPDATE incident_span SET days = CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)
     WHERE id = 1 AND days IS NOT NULL
       AND CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER) > days;
    UPDATE incident_span SET odd = 1
     WHERE id = 1 AND odd = 0 AND ((NEW.date_start IS NOT NULL AND date(NEW.date_start) IS NOT NEW.date_start)
                                   OR (NEW.date_end IS NOT NULL AND date(NEW.date_end) IS NOT NEW.date_end));
END;
CREATE TRIGGER IF NOT EXISTS incidents_span_au AFTER UPDATE OF date_start, date_end ON incidents BEGIN
    UPDATE incident_span SET days = CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)
     WHERE id = 1 AND days IS NOT NULL
       AND CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER) > days;
    UPDATE incident_span SET odd = 1
     WHERE id = 1 AND odd = 0 AND ((NEW.date_start IS NOT NULL AND date(NEW.date_start) IS NOT NEW.date_start)
                                   OR (NEW.date_end IS NOT NULL AND date(NEW.date_end) IS NOT NEW.date_end));
END;
