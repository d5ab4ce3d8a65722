-- Migration 0006 (scale), PostgreSQL: see ../0006_document_lsh.sql (BIGINT band hashes).
CREATE TABLE IF NOT EXISTS document_lsh (
    band_hash BIGINT NOT NULL,
    doc_id    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_lsh_hash ON document_lsh(band_hash);
CREATE INDEX IF NOT EXISTS document_lsh_doc ON document_lsh(doc_id);
