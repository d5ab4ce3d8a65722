-- 0002 (analysis): incidents across reports.
--
-- An incident groups the events (one per report) that describe the same happening.
-- marsad.analysis.update_incidents(conn) fills these tables incrementally. Every
-- membership row keeps a fingerprint of the event row it was built from: when
-- re-extraction replaces or deletes a document's event rows, the fingerprint no
-- longer matches (or the event is gone), and the next update dissolves that
-- incident and re-assigns its surviving events. No foreign key to events on
-- purpose: the events table is rewritten by the extractor, and the check above
-- covers replaced rows that keep their event_id, which a foreign key cannot.
-- Every statement is idempotent (IF NOT EXISTS), so the analysis code can also
-- ensure the schema on a database the migration runner has not reached yet.
CREATE TABLE IF NOT EXISTS incidents (
    incident_id        TEXT PRIMARY KEY,
    event_type         TEXT,
    sub_event_type     TEXT,
    date_start         TEXT,
    date_end           TEXT,
    name_ar            TEXT,
    name_en            TEXT,
    country            TEXT,
    admin1             TEXT,
    lat                REAL,
    lon                REAL,
    geo_precision      INTEGER,
    n_events           INTEGER NOT NULL,
    n_docs             INTEGER NOT NULL,
    fatalities_min     INTEGER,
    fatalities_max     INTEGER,
    fatalities_median  REAL,
    injured_min        INTEGER,
    injured_max        INTEGER,
    injured_median     REAL,
    arrested_min       INTEGER,
    arrested_max       INTEGER,
    arrested_median    REAL,
    updated_at         TEXT,
    fatalities_best    INTEGER,
    injured_best       INTEGER,
    arrested_best      INTEGER,
    estimate_rule      TEXT,
    counted            INTEGER NOT NULL DEFAULT 1,
    lead_event_id      TEXT
);

CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date_start, date_end);
CREATE INDEX IF NOT EXISTS incidents_lead ON incidents(lead_event_id);
CREATE INDEX IF NOT EXISTS events_name_ar ON events(name_ar);
-- the merge's context: timeless events at a place, the latest events at a place (no row scan per name)
CREATE INDEX IF NOT EXISTS events_name_date ON events(name_ar, date_start);

CREATE TABLE IF NOT EXISTS incident_events (
    event_id     TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL,
    fingerprint  TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events(incident_id);

-- The incident step's queue: events inserted, deleted or updated since the last
-- update_incidents (the extractor deletes a document's rows before writing new ones). A
-- queued event with a membership dissolves its incident, whose surviving events are queued
-- again; every queued event that exists is then merged. So an update reads the queue and
-- what it touches, never every event or membership. The fingerprint check remains as a
-- full audit (update_incidents(verify=True)).
CREATE TABLE IF NOT EXISTS incident_dirty (
    event_id TEXT PRIMARY KEY
);

CREATE TRIGGER IF NOT EXISTS events_incident_dirty_ai AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO incident_dirty(event_id) VALUES (new.event_id);
END;

CREATE TRIGGER IF NOT EXISTS events_incident_dirty_ad AFTER DELETE ON events BEGIN
    INSERT OR IGNORE INTO incident_dirty(event_id) VALUES (old.event_id);
END;

CREATE TRIGGER IF NOT EXISTS events_incident_dirty_au AFTER UPDATE ON events BEGIN
    INSERT OR IGNORE INTO incident_dirty(event_id) VALUES (old.event_id);
END;

-- Events stored before the insert trigger existed and in no incident are queued once (this
-- runs with the script: at migration, or when ensure_schema finds a piece missing).
INSERT OR IGNORE INTO incident_dirty(event_id)
    SELECT e.event_id FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM incident_events ie WHERE ie.event_id = e.event_id);
