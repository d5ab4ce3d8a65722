-- 0003 (web), PostgreSQL: full-text search over documents for the API's `q`.
--
-- No queue and no side table: two expression indexes over the folded title + text are kept
-- up to date by PostgreSQL itself at every insert/update (so the index is built at ingest,
-- never at `serve` start):
--   * a trigram index (pg_trgm), the same substring semantics as SQLite's FTS5 trigram
--     index (a word is found with its clitics: الرقة in بالرقة، والرقة);
--   * PostgreSQL's own Arabic text search (the snowball `arabic` configuration: stems,
--     stop words), for ranked word search.
-- marsad_fold is the SQL twin of marsad.web.search.fold (marsad.text's character folding,
-- lowercased): diacritics, tatweel and invisible controls dropped; hamza seats, alef maqsura,
-- ta marbuta and Persian letters unified; Arabic-Indic digits to ASCII.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION marsad_fold(s text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(translate(
        regexp_replace(coalesce(s, ''),
            '[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]',
            '', 'g'),
        'أإآٱىةؤئیېےکڪگەھڤپچ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
        'اااايهويييكككههفبج01234567890123456789'))
$$;

CREATE OR REPLACE FUNCTION marsad_doc_text(title text, body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT marsad_fold(coalesce(title, '') || ' ' || coalesce(body, ''))
$$;

CREATE INDEX documents_search_trgm ON documents USING gin (marsad_doc_text(title, text) gin_trgm_ops);
CREATE INDEX documents_search_ts ON documents
    USING gin (to_tsvector('arabic'::regconfig, marsad_doc_text(title, text)));
