-- Migration 0006 (scale): near-duplicate candidates looked up in the database instead of every
-- stored signature held in memory. One row per (document, LSH band): the band's hash (a signed
-- 64-bit integer; marsad.ingest.band_hashes). Ingest writes them beside document_minhash; a
-- database from before this migration is filled in by the next ingest (NearDupIndex.backfill).
CREATE TABLE IF NOT EXISTS document_lsh (
    band_hash INTEGER NOT NULL,
    doc_id    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_lsh_hash ON document_lsh(band_hash);
CREATE INDEX IF NOT EXISTS document_lsh_doc ON document_lsh(doc_id);
