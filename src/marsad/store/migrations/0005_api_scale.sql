-- Migration 0005 (scale): indexes the API reads in order, so a page costs the same at any depth.
-- /api/events sorts newest first with undated events last (date_start DESC NULLS LAST, then
-- event_id; SQLite keeps NULL lowest, so DESC already puts it last) and pages by keyset on the
-- same key; "-fatalities" is the dashboard's other sort. /api/incidents sorts by
-- coalesce(date_start, '') DESC, incident_id DESC (marsad.web.queries.INCIDENT_ORDER).
CREATE INDEX IF NOT EXISTS events_date_order ON events(date_start DESC, event_id);
CREATE INDEX IF NOT EXISTS events_fatalities_order ON events(fatalities DESC, event_id);
CREATE INDEX IF NOT EXISTS incidents_order ON incidents(coalesce(date_start, '') DESC, incident_id DESC);
CREATE INDEX IF NOT EXISTS claims_time ON claims(time);

-- The claims ledger kept as a table (marsad.store.ledger), so the API pages it in SQL instead of
-- grouping every claim per request. ledger_claims: each claim's group (its canonical key,
-- computed by marsad.analysis.claims_ledger); ledger_groups: each group as the API shows it
-- (at the default factor), with the columns it is ordered and filtered by; ledger_dirty: claims
-- inserted, updated or deleted since the last refresh (queued by triggers, whoever wrote them).
CREATE TABLE IF NOT EXISTS ledger_claims (
    claim_id TEXT PRIMARY KEY,
    gkey     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_claims_gkey ON ledger_claims(gkey);

CREATE TABLE IF NOT EXISTS ledger_groups (
    gkey          TEXT PRIMARY KEY,
    n_values      INTEGER NOT NULL,
    contradiction INTEGER NOT NULL,
    ord           TEXT NOT NULL,
    search        TEXT NOT NULL,
    body          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_groups_order ON ledger_groups(contradiction DESC, n_values DESC, gkey);
CREATE INDEX IF NOT EXISTS ledger_groups_ord ON ledger_groups(ord);

CREATE TABLE IF NOT EXISTS ledger_state (
    name  TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS ledger_dirty (
    claim_id TEXT PRIMARY KEY
);
INSERT OR IGNORE INTO ledger_dirty(claim_id) SELECT claim_id FROM claims;

CREATE TRIGGER IF NOT EXISTS claims_ledger_dirty_ai AFTER INSERT ON claims BEGIN
    INSERT OR IGNORE INTO ledger_dirty(claim_id) VALUES (new.claim_id);
END;
CREATE TRIGGER IF NOT EXISTS claims_ledger_dirty_ad AFTER DELETE ON claims BEGIN
    INSERT OR IGNORE INTO ledger_dirty(claim_id) VALUES (old.claim_id);
END;
CREATE TRIGGER IF NOT EXISTS claims_ledger_dirty_au AFTER UPDATE ON claims BEGIN
    INSERT OR IGNORE INTO ledger_dirty(claim_id) VALUES (old.claim_id);
    INSERT OR IGNORE INTO ledger_dirty(claim_id) VALUES (new.claim_id);
END;
