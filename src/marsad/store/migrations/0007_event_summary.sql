-- Migration 0007 (scale): the dashboard's aggregates read from a summary of the events instead of
-- scanning every event (with its incident) per request (marsad.store.summary).
--
-- event_summary: one row per (week of date_start, week of date_end, month of date_start, event
-- type, sub-type, governorate, actor1, actor2) with the counts the dashboard shows: events,
-- located events, incidents (each real-world event once: marsad.analysis.counting) and the sums
-- of their best estimates. `bucket` is the week of date_start (its Monday), '' for undated
-- events, 'x' + the value for a date_start that is not a date.
-- summary_dirty: the buckets whose rows are out of date, queued by triggers on events,
-- incident_events and incidents (whoever writes them); marsad.store.summary.refresh recomputes
-- exactly those buckets. A database from before this migration is summarized by the next refresh
-- (summary_state has no 'built' row yet), which `serve` runs in the background.
CREATE TABLE IF NOT EXISTS event_summary (
    bucket         TEXT NOT NULL,
    ws             TEXT,               -- Monday of date_start's week (the timeline's week), NULL undated
    we             TEXT,               -- Monday of date_end's week, NULL without date_end
    ms             TEXT,               -- substr(date_start, 1, 7)
    event_type     TEXT,
    sub_event_type TEXT,
    admin1         TEXT,
    actor1         TEXT,
    actor2         TEXT,
    n_events       INTEGER NOT NULL,
    n_located      INTEGER NOT NULL,
    n_incidents    INTEGER NOT NULL,
    fatalities     INTEGER NOT NULL,
    injured        INTEGER NOT NULL,
    arrested       INTEGER NOT NULL,
    date_min       TEXT,               -- min(date_start) of the counted rows
    date_max       TEXT,               -- max(date_end) of the counted rows
    start_min      TEXT                -- min(date_start) of all its events
);
CREATE INDEX IF NOT EXISTS event_summary_bucket ON event_summary(bucket);
CREATE INDEX IF NOT EXISTS event_summary_type ON event_summary(event_type);
CREATE INDEX IF NOT EXISTS event_summary_admin1 ON event_summary(admin1 COLLATE NOCASE);
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
    n_events       INTEGER NOT NULL,
    n_located      INTEGER NOT NULL,
    n_incidents    INTEGER NOT NULL,
    fatalities     INTEGER NOT NULL,
    injured        INTEGER NOT NULL,
    arrested       INTEGER NOT NULL,
    date_min       TEXT,
    date_max       TEXT,
    start_min      TEXT
);
CREATE INDEX IF NOT EXISTS summary_types_bucket ON summary_types(bucket);

CREATE TABLE IF NOT EXISTS summary_dims (
    dim         TEXT NOT NULL,
    vkey        TEXT NOT NULL,
    event_type  TEXT NOT NULL,
    n_incidents INTEGER NOT NULL,
    fatalities  INTEGER NOT NULL,
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
    PRIMARY KEY (facet, doc_id)
) WITHOUT ROWID;
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
-- summarized by the next refresh (FORMAT of marsad.store.summary). The indexes the events'
-- filters read (actor1, actor2; the incidents' type and governorate) are built by that refresh
-- too (marsad.store.summary.INDEXES), not here: over a million rows they would hold up `serve`'s start.
INSERT OR IGNORE INTO summary_state(name, value) SELECT 'format', '1' WHERE NOT EXISTS (SELECT 1 FROM events);


CREATE TRIGGER IF NOT EXISTS events_summary_ai AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) VALUES (CASE WHEN new.date_start IS NULL THEN ''
        ELSE coalesce(date(new.date_start, 'weekday 0', '-6 days'), 'x' || new.date_start) END);
END;
CREATE TRIGGER IF NOT EXISTS events_summary_ad AFTER DELETE ON events BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) VALUES (CASE WHEN old.date_start IS NULL THEN ''
        ELSE coalesce(date(old.date_start, 'weekday 0', '-6 days'), 'x' || old.date_start) END);
END;
CREATE TRIGGER IF NOT EXISTS events_summary_au AFTER UPDATE ON events BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) VALUES (CASE WHEN old.date_start IS NULL THEN ''
        ELSE coalesce(date(old.date_start, 'weekday 0', '-6 days'), 'x' || old.date_start) END);
    INSERT OR IGNORE INTO summary_dirty(bucket) VALUES (CASE WHEN new.date_start IS NULL THEN ''
        ELSE coalesce(date(new.date_start, 'weekday 0', '-6 days'), 'x' || new.date_start) END);
END;

-- an event joining or leaving an incident: its own bucket
CREATE TRIGGER IF NOT EXISTS incident_events_summary_ai AFTER INSERT ON incident_events BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) SELECT CASE WHEN e.date_start IS NULL THEN ''
        ELSE coalesce(date(e.date_start, 'weekday 0', '-6 days'), 'x' || e.date_start) END
        FROM events e WHERE e.event_id = new.event_id;
END;
CREATE TRIGGER IF NOT EXISTS incident_events_summary_ad AFTER DELETE ON incident_events BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) SELECT CASE WHEN e.date_start IS NULL THEN ''
        ELSE coalesce(date(e.date_start, 'weekday 0', '-6 days'), 'x' || e.date_start) END
        FROM events e WHERE e.event_id = old.event_id;
END;
CREATE TRIGGER IF NOT EXISTS incident_events_summary_au AFTER UPDATE ON incident_events BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) SELECT CASE WHEN e.date_start IS NULL THEN ''
        ELSE coalesce(date(e.date_start, 'weekday 0', '-6 days'), 'x' || e.date_start) END
        FROM events e WHERE e.event_id IN (old.event_id, new.event_id);
END;

-- an incident written or removed (its lead, whether it is counted, its best estimates): the
-- buckets of its lead and of every member
CREATE TRIGGER IF NOT EXISTS incidents_summary_ai AFTER INSERT ON incidents BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) SELECT CASE WHEN e.date_start IS NULL THEN ''
        ELSE coalesce(date(e.date_start, 'weekday 0', '-6 days'), 'x' || e.date_start) END
        FROM events e WHERE e.event_id IN (SELECT new.lead_event_id UNION
                                            SELECT m.event_id FROM incident_events m WHERE m.incident_id = new.incident_id);
END;
CREATE TRIGGER IF NOT EXISTS incidents_summary_ad AFTER DELETE ON incidents BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) SELECT CASE WHEN e.date_start IS NULL THEN ''
        ELSE coalesce(date(e.date_start, 'weekday 0', '-6 days'), 'x' || e.date_start) END
        FROM events e WHERE e.event_id IN (SELECT old.lead_event_id UNION
                                            SELECT m.event_id FROM incident_events m WHERE m.incident_id = old.incident_id);
END;
CREATE TRIGGER IF NOT EXISTS incidents_summary_au AFTER UPDATE ON incidents BEGIN
    INSERT OR IGNORE INTO summary_dirty(bucket) SELECT CASE WHEN e.date_start IS NULL THEN ''
        ELSE coalesce(date(e.date_start, 'weekday 0', '-6 days'), 'x' || e.date_start) END
        FROM events e WHERE e.event_id IN (SELECT old.lead_event_id UNION SELECT new.lead_event_id UNION
                                            SELECT m.event_id FROM incident_events m
                                             WHERE m.incident_id IN (old.incident_id, new.incident_id));
END;

-- a report's events or claims written or removed: its facets
CREATE TRIGGER IF NOT EXISTS events_facets_ai AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (new.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS events_facets_ad AFTER DELETE ON events BEGIN
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (old.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS events_facets_au AFTER UPDATE ON events BEGIN
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (old.doc_id);
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (new.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS claims_facets_ai AFTER INSERT ON claims BEGIN
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (new.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS claims_facets_ad AFTER DELETE ON claims BEGIN
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (old.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS claims_facets_au AFTER UPDATE ON claims BEGIN
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (old.doc_id);
    INSERT OR IGNORE INTO facets_dirty(doc_id) VALUES (new.doc_id);
END;
