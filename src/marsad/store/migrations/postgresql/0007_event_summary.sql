-- Migration 0007 (scale), PostgreSQL: the events summary of ../0007_event_summary.sql. The
-- triggers call PL/pgSQL functions; marsad_bucket is the SQL twin of SQLite's bucket expression
-- (Monday of the week of an ISO day; '' for NULL; 'x' + the text when it is not a day).
CREATE TABLE IF NOT EXISTS event_summary (
    bucket         TEXT NOT NULL,
    ws             TEXT,
    we             TEXT,
    ms             TEXT,
    event_type     TEXT,
    sub_event_type TEXT,
    admin1         TEXT,
    actor1         TEXT,
    actor2         TEXT,
    n_events       BIGINT NOT NULL,
    n_located      BIGINT NOT NULL,
    n_incidents    BIGINT NOT NULL,
    fatalities     BIGINT NOT NULL,
    injured        BIGINT NOT NULL,
    arrested       BIGINT NOT NULL,
    date_min       TEXT,
    date_max       TEXT,
    start_min      TEXT
);
CREATE INDEX IF NOT EXISTS event_summary_bucket ON event_summary(bucket);
CREATE INDEX IF NOT EXISTS event_summary_type ON event_summary(event_type);
CREATE INDEX IF NOT EXISTS event_summary_admin1 ON event_summary(lower(admin1));
CREATE INDEX IF NOT EXISTS event_summary_actor1 ON event_summary(actor1);
CREATE INDEX IF NOT EXISTS event_summary_actor2 ON event_summary(actor2);
CREATE INDEX IF NOT EXISTS event_summary_we ON event_summary(we);

-- Two smaller roll-ups of event_summary, kept with it, for the views that cover most events (no
-- filter, or only an event type and whole weeks): summary_types by (bucket, weeks, month, event
-- type); summary_dims by one other column (dim: sub_event_type, admin1, actor1; vkey: 'N' for
-- NULL, else 'V' + the value) and event type, over all time.
CREATE TABLE IF NOT EXISTS summary_types (
    bucket         TEXT NOT NULL,
    ws             TEXT,
    we             TEXT,
    ms             TEXT,
    event_type     TEXT,
    n_events       BIGINT NOT NULL,
    n_located      BIGINT NOT NULL,
    n_incidents    BIGINT NOT NULL,
    fatalities     BIGINT NOT NULL,
    injured        BIGINT NOT NULL,
    arrested       BIGINT NOT NULL,
    date_min       TEXT,
    date_max       TEXT,
    start_min      TEXT
);
CREATE INDEX IF NOT EXISTS summary_types_bucket ON summary_types(bucket);

CREATE TABLE IF NOT EXISTS summary_dims (
    dim         TEXT NOT NULL,
    vkey        TEXT NOT NULL,
    event_type  TEXT NOT NULL,
    n_incidents BIGINT NOT NULL,
    fatalities  BIGINT NOT NULL,
    PRIMARY KEY (dim, vkey, event_type)
);

-- doc_facets: which reports have an event of a type ('t:' + event_type), in a governorate ('a:' +
-- lower(admin1)) or with an actor ('c:' + actor1 or actor2), with each report's number of claims:
-- the header's "reports" and "claims" for one such filter are a count over one index range (a
-- report with several matching events counts once, which sums cannot give). facets_dirty: reports
-- whose events or claims changed, queued by triggers, redone by the same refresh.
CREATE TABLE IF NOT EXISTS doc_facets (
    facet    TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    n_claims INTEGER NOT NULL,
    PRIMARY KEY (facet, doc_id) INCLUDE (n_claims)
);
CREATE INDEX IF NOT EXISTS doc_facets_doc ON doc_facets(doc_id);
CREATE TABLE IF NOT EXISTS facets_dirty (
    doc_id TEXT PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS summary_dirty (
    bucket TEXT PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS summary_state (
    name  TEXT PRIMARY KEY,
    value TEXT
);
-- a database without events is summarized already (the triggers keep it so); one with events is
-- summarized by the next refresh (FORMAT of marsad.store.summary), which also builds the indexes
-- of marsad.store.summary.INDEXES.
INSERT INTO summary_state(name, value) SELECT 'format', '1' WHERE NOT EXISTS (SELECT 1 FROM events);


-- Monday of the week of an ISO day, as text; NULL when it is not a day
CREATE OR REPLACE FUNCTION marsad_week(d text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN to_char(date_trunc('week', d::date), 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION marsad_bucket(d text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN d IS NULL THEN '' ELSE coalesce(marsad_week(d), 'x' || d) END
$$;

CREATE OR REPLACE FUNCTION marsad_summary_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO summary_dirty(bucket) VALUES (marsad_bucket(OLD.date_start)) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO summary_dirty(bucket) VALUES (marsad_bucket(NEW.date_start)) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION marsad_summary_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO summary_dirty(bucket) SELECT marsad_bucket(e.date_start) FROM events e
         WHERE e.event_id = OLD.event_id ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO summary_dirty(bucket) SELECT marsad_bucket(e.date_start) FROM events e
         WHERE e.event_id = NEW.event_id ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION marsad_summary_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO summary_dirty(bucket) SELECT DISTINCT marsad_bucket(e.date_start) FROM events e
         WHERE e.event_id IN (SELECT OLD.lead_event_id UNION
                              SELECT m.event_id FROM incident_events m WHERE m.incident_id = OLD.incident_id)
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO summary_dirty(bucket) SELECT DISTINCT marsad_bucket(e.date_start) FROM events e
         WHERE e.event_id IN (SELECT NEW.lead_event_id UNION
                              SELECT m.event_id FROM incident_events m WHERE m.incident_id = NEW.incident_id)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER events_summary AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION marsad_summary_event();
CREATE OR REPLACE TRIGGER incident_events_summary AFTER INSERT OR UPDATE OR DELETE ON incident_events
    FOR EACH ROW EXECUTE FUNCTION marsad_summary_member();
CREATE OR REPLACE TRIGGER incidents_summary AFTER INSERT OR UPDATE OR DELETE ON incidents
    FOR EACH ROW EXECUTE FUNCTION marsad_summary_incident();

-- a report's events or claims written or removed: its facets
CREATE OR REPLACE FUNCTION marsad_facets_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO facets_dirty(doc_id) VALUES (OLD.doc_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO facets_dirty(doc_id) VALUES (NEW.doc_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER events_facets AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION marsad_facets_dirty();
CREATE OR REPLACE TRIGGER claims_facets AFTER INSERT OR UPDATE OR DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION marsad_facets_dirty();
