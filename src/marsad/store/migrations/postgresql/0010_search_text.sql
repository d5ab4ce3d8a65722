-- Migration 0010 (scale), PostgreSQL: each report's folded title + text stored in
-- documents.search_text, kept by a BEFORE trigger (every insert, COPY included, and every update
-- of title or text), and the two search indexes (0003, 0008) rebuilt over it.
--
-- Why: the trigram index is lossy (a LIKE is always rechecked against the row) and the recheck
-- recomputed marsad_doc_text(title, text) for every candidate report: a common word (a third of
-- the reports at a million events) cost seconds of folding per request. A write now folds once
-- (the two expression indexes folded twice).
--
-- The search expression is coalesce(search_text, marsad_doc_text(title, text)) (in the indexes and
-- in marsad.web.search): the same text whether or not a row is filled yet, so answers are right at
-- every moment of an upgrade. On a small database (<= 20,000 reports) this migration fills the
-- column and builds the indexes; on a larger one it only adds the column and the trigger (no table
-- rewrite: `serve` starts at once) and serve's background catch-up fills the column in chunks and
-- then builds the indexes (marsad.store.summary.ensure_search_text / PG_INDEXES).
ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_text text;

CREATE OR REPLACE FUNCTION marsad_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := marsad_doc_text(NEW.title, NEW.text);
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER documents_search_text BEFORE INSERT OR UPDATE OF title, text ON documents
    FOR EACH ROW EXECUTE FUNCTION marsad_search_text();

DROP INDEX IF EXISTS documents_search_trgm;
DROP INDEX IF EXISTS documents_search_ts;
DO $$
BEGIN
    IF (SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 20001) x) <= 20000 THEN
        UPDATE documents SET search_text = marsad_doc_text(title, text) WHERE search_text IS NULL;
        CREATE INDEX documents_search_trgm ON documents
            USING gin ((coalesce(search_text, marsad_doc_text(title, text))) gin_trgm_ops);
        CREATE INDEX documents_search_ts ON documents
            USING gin (to_tsvector('arabic'::regconfig, coalesce(search_text, marsad_doc_text(title, text))));
    END IF;
END
$$;
