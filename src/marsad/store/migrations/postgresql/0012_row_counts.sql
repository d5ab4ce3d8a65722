-- Migration 0012 (scale), PostgreSQL: how many reports and claims the store holds, kept by
-- triggers (../0012_row_counts.sql). Statement triggers with transition tables: one update of the
-- count per statement that inserted or deleted rows (a COPY of a bulk load included), none for a
-- statement that changed nothing (the batch loader deletes each report's claims by a statement of
-- its own). A writer holds its table's count row until it commits, as it holds the summary's and
-- the map cells' rows it moves.
CREATE TABLE IF NOT EXISTS row_counts (
    name TEXT PRIMARY KEY,
    n    BIGINT NOT NULL
);
INSERT INTO row_counts(name, n) SELECT 'documents', count(*) FROM documents
    ON CONFLICT (name) DO UPDATE SET n = excluded.n;
INSERT INTO row_counts(name, n) SELECT 'claims', count(*) FROM claims
    ON CONFLICT (name) DO UPDATE SET n = excluded.n;

CREATE OR REPLACE FUNCTION marsad_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE k bigint;
BEGIN
    SELECT count(*) INTO k FROM changed_rows;
    IF k > 0 THEN
        UPDATE row_counts SET n = n + k WHERE name = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION marsad_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE k bigint;
BEGIN
    SELECT count(*) INTO k FROM changed_rows;
    IF k > 0 THEN
        UPDATE row_counts SET n = n - k WHERE name = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER documents_count_ai AFTER INSERT ON documents REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION marsad_count_added();
CREATE OR REPLACE TRIGGER documents_count_ad AFTER DELETE ON documents REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION marsad_count_removed();
CREATE OR REPLACE TRIGGER claims_count_ai AFTER INSERT ON claims REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION marsad_count_added();
CREATE OR REPLACE TRIGGER claims_count_ad AFTER DELETE ON claims REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION marsad_count_removed();
