-- Migration 0013 (scale), PostgreSQL: the answers of a text search's aggregates, kept until the
-- events change (../0013_search_cache.sql). The generation is bumped by statement triggers: one
-- update per row that edited a report's title, text, source, address or dates, per statement that wrote or deleted
-- claims (none for a statement that changed nothing).
CREATE TABLE IF NOT EXISTS search_cache (
    key     TEXT PRIMARY KEY,
    stamp   TEXT NOT NULL,
    body    TEXT NOT NULL,
    made_at TEXT NOT NULL
);
INSERT INTO summary_state(name, value) VALUES ('generation', '0') ON CONFLICT (name) DO NOTHING;

CREATE OR REPLACE FUNCTION marsad_search_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        UPDATE summary_state SET value = (CAST(value AS BIGINT) + 1)::text WHERE name = 'generation';
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION marsad_search_generation_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE summary_state SET value = (CAST(value AS BIGINT) + 1)::text WHERE name = 'generation';
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER documents_text_generation AFTER UPDATE OF title, text, ingested_at, source, url, published ON documents
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text
                       OR OLD.ingested_at IS DISTINCT FROM NEW.ingested_at OR OLD.source IS DISTINCT FROM NEW.source
                       OR OLD.url IS DISTINCT FROM NEW.url OR OLD.published IS DISTINCT FROM NEW.published)
    EXECUTE FUNCTION marsad_search_generation_edit();
CREATE OR REPLACE TRIGGER claims_generation_ai AFTER INSERT ON claims REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION marsad_search_generation();
CREATE OR REPLACE TRIGGER claims_generation_ad AFTER DELETE ON claims REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION marsad_search_generation();
