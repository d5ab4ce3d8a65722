-- Migration 0005 (scale), PostgreSQL: the same sort indexes. PostgreSQL keeps NULL highest, so
-- "DESC NULLS LAST" is spelled out to match the API's ORDER BY (undated events last).
CREATE INDEX IF NOT EXISTS events_date_order ON events (date_start DESC NULLS LAST, event_id);
CREATE INDEX IF NOT EXISTS events_fatalities_order ON events (fatalities DESC NULLS LAST, event_id);
CREATE INDEX IF NOT EXISTS incidents_order ON incidents ((coalesce(date_start, '')) DESC, incident_id DESC);
CREATE INDEX IF NOT EXISTS claims_time ON claims (time);

-- The claims ledger kept as a table (see ../0005_api_scale.sql).
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
INSERT INTO ledger_dirty(claim_id) SELECT claim_id FROM claims ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION marsad_ledger_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO ledger_dirty(claim_id) VALUES (OLD.claim_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO ledger_dirty(claim_id) VALUES (NEW.claim_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER claims_ledger_dirty AFTER INSERT OR UPDATE OR DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION marsad_ledger_dirty();
