-- 0003 (web): full-text search over documents for the API's `q`.
--
-- The index holds the Arabic-FOLDED title and text (marsad.text.fold: diacritics/tatweel
-- removed, alef/ya/ta-marbuta/hamza-seat variants unified). Folding is Python, so SQLite
-- cannot fill the index by itself. Instead, triggers on `documents` record every changed
-- rowid in `search_queue`; marsad.web.search.sync_search() (called before each search)
-- re-folds exactly the queued documents and empties the queue. Whoever writes documents
-- (ingest, any tool) needs to do nothing; a deleted or edited document is re-indexed too.
--
-- The trigram tokenizer matches substrings, so a query finds a word with attached
-- clitics (الرقة in بالرقة، والرقة); queries shorter than 3 characters fall back to LIKE.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, body, tokenize = 'trigram'
);

CREATE TABLE IF NOT EXISTS search_queue (
    doc_rowid INTEGER PRIMARY KEY
);

CREATE TRIGGER IF NOT EXISTS documents_search_ai AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO search_queue(doc_rowid) VALUES (new.rowid);
END;

CREATE TRIGGER IF NOT EXISTS documents_search_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT OR IGNORE INTO search_queue(doc_rowid) VALUES (new.rowid);
END;

CREATE TRIGGER IF NOT EXISTS documents_search_ad AFTER DELETE ON documents BEGIN
    INSERT OR IGNORE INTO search_queue(doc_rowid) VALUES (old.rowid);
END;

-- documents already present when this migration runs
INSERT OR IGNORE INTO search_queue(doc_rowid) SELECT rowid FROM documents;
