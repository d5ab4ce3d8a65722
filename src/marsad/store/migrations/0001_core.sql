-- 0001 (spine): documents, their current extraction, and its events and claims.
CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,
    url          TEXT,
    source       TEXT,
    published    TEXT,              -- ISO day or NULL
    title        TEXT,
    text         TEXT NOT NULL,     -- the raw text as read
    lang         TEXT,
    is_arabic    INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    near_dup_of  TEXT REFERENCES documents(doc_id),
    path         TEXT,              -- file, URL or feed it came from
    ingested_at  TEXT NOT NULL,
    meta         TEXT               -- JSON: format, published_raw, extra fields
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_near_dup_of ON documents(near_dup_of);
CREATE INDEX documents_published ON documents(published);

-- MinHash signature of each document's folded text, for near-duplicate search.
CREATE TABLE document_minhash (
    doc_id    TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);

CREATE TABLE extractions (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    version      TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    result_json  TEXT NOT NULL
);
CREATE INDEX extractions_version ON extractions(version);

CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,   -- "<doc_id>:<n>"
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    version        TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT,
    date_start     TEXT,
    date_end       TEXT,
    actor1         TEXT,
    actor2         TEXT,
    name_ar        TEXT,
    name_en        TEXT,
    country        TEXT,
    admin1         TEXT,
    lat            REAL,
    lon            REAL,
    geo_precision  INTEGER,
    fatalities     INTEGER,
    injured        INTEGER,
    arrested       INTEGER,
    evidence       TEXT
);
CREATE INDEX events_doc_id ON events(doc_id);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_admin1 ON events(admin1);

CREATE TABLE claims (
    claim_id    TEXT PRIMARY KEY,      -- "<doc_id>:c<n>"
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    quantity    TEXT,
    value_low   REAL,
    value_high  REAL,
    qualifier   TEXT,
    place       TEXT,
    time        TEXT,
    source_ar   TEXT,
    source_en   TEXT,
    source_kind TEXT,
    evidence    TEXT
);
CREATE INDEX claims_doc_id ON claims(doc_id);
