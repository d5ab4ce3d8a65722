-- Migration 0013 (scale): the answers of a text search's aggregates, kept until the events change.
--
-- A text search is the one filter the events summary (0007) cannot answer: /api/stats, /api/totals,
-- /api/trends, /api/events/grid, the map layer's count and the pages of /api/events and
-- /api/incidents/page then read every matching event, a cost that grows with the matches (1M
-- events, a word in ~30% of the reports: seconds per panel). marsad.web.cache keeps each such answer here, stamped with the summary's
-- 'generation' (bumped by every refresh that redoes a week or a report, and by a rebuild), and
-- serves it while the summary is current at that generation: the events it counted are then the
-- events there are. A write (new reports, a merge) queues its weeks, the next refresh bumps the
-- generation, and every stored answer is stale from then on (deleted by the next store). What a
-- search finds, and the pages it lists, also change with a report's own fields (its title, text,
-- source, address or dates edited without its events), and a search's totals with a claim written
-- or deleted on its own: the triggers below bump the generation for those.
CREATE TABLE IF NOT EXISTS search_cache (
    key     TEXT PRIMARY KEY,       -- sha256 of the panel's name and its filters (the search folded)
    stamp   TEXT NOT NULL,          -- summary_state's 'generation' the answer was counted at
    body    TEXT NOT NULL,          -- the answer as JSON
    made_at TEXT NOT NULL
);
INSERT OR IGNORE INTO summary_state(name, value) VALUES ('generation', '0');

CREATE TRIGGER IF NOT EXISTS documents_text_generation AFTER UPDATE OF title, text, ingested_at, source, url, published ON documents
WHEN old.title IS NOT new.title OR old.text IS NOT new.text OR old.ingested_at IS NOT new.ingested_at
    OR old.source IS NOT new.source OR old.url IS NOT new.url OR old.published IS NOT new.published BEGIN
    UPDATE summary_state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE name = 'generation';
END;
CREATE TRIGGER IF NOT EXISTS claims_generation_ai AFTER INSERT ON claims BEGIN
    UPDATE summary_state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE name = 'generation';
END;
CREATE TRIGGER IF NOT EXISTS claims_generation_ad AFTER DELETE ON claims BEGIN
    UPDATE summary_state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE name = 'generation';
END;
