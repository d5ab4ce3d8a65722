-- 0002 (analysis), PostgreSQL: the same tables as ../0002_analysis.sql; the triggers that
-- queue deleted/updated events call one PL/pgSQL function, inserted events are queued once per
-- statement from its transition table (a COPY of a million rows is one call).
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
    lat                DOUBLE PRECISION,
    lon                DOUBLE PRECISION,
    geo_precision      INTEGER,
    n_events           INTEGER NOT NULL,
    n_docs             INTEGER NOT NULL,
    fatalities_min     INTEGER,
    fatalities_max     INTEGER,
    fatalities_median  DOUBLE PRECISION,
    injured_min        INTEGER,
    injured_max        INTEGER,
    injured_median     DOUBLE PRECISION,
    arrested_min       INTEGER,
    arrested_max       INTEGER,
    arrested_median    DOUBLE PRECISION,
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

CREATE TABLE IF NOT EXISTS incident_dirty (
    event_id TEXT PRIMARY KEY
);

CREATE OR REPLACE FUNCTION marsad_incident_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO incident_dirty(event_id) VALUES (OLD.event_id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER events_incident_dirty_ad AFTER DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION marsad_incident_dirty();

CREATE OR REPLACE TRIGGER events_incident_dirty_au AFTER UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION marsad_incident_dirty();

CREATE OR REPLACE FUNCTION marsad_incident_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO incident_dirty(event_id) SELECT event_id FROM marsad_new_events ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER events_incident_dirty_ai AFTER INSERT ON events
    REFERENCING NEW TABLE AS marsad_new_events FOR EACH STATEMENT EXECUTE FUNCTION marsad_incident_new();

-- events stored before the insert trigger existed and in no incident are queued once
INSERT INTO incident_dirty(event_id)
    SELECT e.event_id FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM incident_events ie WHERE ie.event_id = e.event_id)
    ON CONFLICT DO NOTHING;
