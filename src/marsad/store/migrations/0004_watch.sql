-- 0004 (watch): the feeds `marsad watch` polls and every item seen in them, so a restart
-- re-fetches nothing; events dated through a recovered publication date; documents by arrival.
-- Plain SQL that SQLite and PostgreSQL both accept.
CREATE TABLE watch_feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_checked  TEXT,               -- ISO UTC time of the last request
    next_due      TEXT,               -- ISO UTC time of the next poll (interval, or backoff after errors)
    failures      INTEGER NOT NULL DEFAULT 0,   -- consecutive failed polls
    last_status   INTEGER,            -- HTTP status of the last poll (NULL: no answer)
    last_error    TEXT
);

CREATE TABLE watch_items (
    item_key  TEXT PRIMARY KEY,       -- the entry's id (guid), else its link
    feed_url  TEXT NOT NULL,
    link      TEXT,
    seen_at   TEXT NOT NULL,
    status    TEXT NOT NULL,          -- article | summary (article unreadable) | failed
    doc_id    TEXT,
    error     TEXT
);
CREATE INDEX watch_items_feed ON watch_items(feed_url);

-- "recovered publication date" when the event's date was resolved against a publication date
-- that the report's metadata did not give (marsad.pubdate); NULL otherwise.
ALTER TABLE events ADD COLUMN date_note TEXT;

CREATE INDEX documents_ingested_at ON documents(ingested_at);
