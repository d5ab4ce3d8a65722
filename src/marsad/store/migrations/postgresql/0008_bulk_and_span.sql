-- Migration 0008 (scale), PostgreSQL: writes without a subtransaction per row, a bulk path, a
-- search folding that agrees with Python's, and the largest incident span (../0008_bulk_and_span.sql).
--
-- marsad_week (0007) was PL/pgSQL with an EXCEPTION block: every call (each row the summary
-- triggers see, each event of a summary rebuild) opened a subtransaction, and as PARALLEL SAFE it
-- failed in a parallel plan ("cannot start subtransactions during a parallel operation"). It is
-- now one SQL expression the planner inlines: a day 'YYYY-MM-DD' that exists in the calendar
-- (years 0001-9999) gives the Monday of its week, anything else NULL -- the same answers as the
-- cast it replaces for every ISO day and every text that is not one (tests/store/test_store_week.py).
-- Nothing in it can raise: the casts run only on text checked to be digits, and a CASE arm
-- whose condition is false is never evaluated (nor folded at plan time). The Monday is the
-- day minus its distance from a known Monday (2000-01-03), written as text without to_char
-- (which is only STABLE, and would keep the function from being inlined).
CREATE OR REPLACE FUNCTION marsad_week(d text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN d LIKE '____-__-__' AND translate(d, '0123456789', '') = '--'
                     AND substr(d, 1, 4) >= '0001' AND substr(d, 6, 2) BETWEEN '01' AND '12'
                     AND substr(d, 9, 2) >= '01' THEN
        CASE WHEN substr(d, 9, 2) <= CASE substr(d, 6, 2)
                 WHEN '02' THEN CASE WHEN mod(substr(d, 1, 4)::int, 4) = 0
                                          AND (mod(substr(d, 1, 4)::int, 100) <> 0 OR mod(substr(d, 1, 4)::int, 400) = 0)
                                     THEN '29' ELSE '28' END
                 WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30'
                 ELSE '31' END
             THEN CASE WHEN substr(d, 9, 2)::int > mod(mod(make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - DATE '2000-01-03', 7) + 7, 7)
                       THEN left(d, 8) || lpad((substr(d, 9, 2)::int - mod(mod(make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - DATE '2000-01-03', 7) + 7, 7))::text, 2, '0')
                       ELSE lpad(date_part('year', (make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - mod(mod(make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - DATE '2000-01-03', 7) + 7, 7)))::int::text, 4, '0')
                            || '-' || lpad(date_part('month', (make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - mod(mod(make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - DATE '2000-01-03', 7) + 7, 7)))::int::text, 2, '0')
                            || '-' || lpad(date_part('day', (make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - mod(mod(make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) - DATE '2000-01-03', 7) + 7, 7)))::int::text, 2, '0') END
        END
    END
$$;

-- A bulk load (marsad.store.bulk) sets marsad.bulk = 'on' for its own transaction: the row
-- triggers that only queue derived work (the summary's weeks, the reports' facets, the ledger's
-- claims) are not fired at all -- the load marks the summary and the ledger for a rebuild in
-- the same transaction instead. Other sessions' writes keep firing them.
CREATE OR REPLACE TRIGGER events_summary AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_summary_event();
CREATE OR REPLACE TRIGGER incident_events_summary AFTER INSERT OR UPDATE OR DELETE ON incident_events
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_summary_member();
CREATE OR REPLACE TRIGGER incidents_summary AFTER INSERT OR UPDATE OR DELETE ON incidents
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_summary_incident();
CREATE OR REPLACE TRIGGER events_facets AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_facets_dirty();
CREATE OR REPLACE TRIGGER claims_facets AFTER INSERT OR UPDATE OR DELETE ON claims
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_facets_dirty();
CREATE OR REPLACE TRIGGER claims_ledger_dirty AFTER INSERT OR UPDATE OR DELETE ON claims
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_ledger_dirty();

-- marsad_fold (0003) mapped characters with one translate() whose two lists were out of step
-- from YEH BARREE on (one YEH short): GAF, AE, HEH DOACHASHMEE, VEH, PEH and TCHEH folded to the
-- next letter's target and the Arabic-Indic digits to the next digit (٢٠٢٤ indexed as 3135, while
-- the query, folded by marsad.text in Python, says 2024). It is now one replace() per pair of
-- marsad.text.normalize's _FOLD_MAP (the same pairs, tests/spine/test_spine_store_sql.py checks
-- each), the rarer pairs only in a text that has one of them: 4x less CPU than the translate()
-- (0.27 -> 0.065 ms for a report of 750 characters, computed twice per report written, once
-- for each index; bench/bench_dashboard_pg.py). The two search indexes
-- over it are rebuilt: here on a small database; on a large one they are dropped here and
-- built by the next summary refresh (serve's background catch-up, marsad.store.summary.PG_INDEXES),
-- so that upgrading does not hold up `serve`'s start. Until then a search reads every report.

-- the rarer pairs (Persian/Kurdish letters, digits, separators), replaced only in a text that has one
CREATE OR REPLACE FUNCTION marsad_fold_rare(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN t ~ '[ٱیېےکڪگەھڤپچ٫٬٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹]' THEN
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t,
        'ٱ', 'ا'),
        'ی', 'ي'),
        'ې', 'ي'),
        'ے', 'ي'),
        'ک', 'ك'),
        'ڪ', 'ك'),
        'گ', 'ك'),
        'ە', 'ه'),
        'ھ', 'ه'),
        'ڤ', 'ف'),
        'پ', 'ب'),
        'چ', 'ج'),
        '٫', '.'),
        '٬', ','),
        '٠', '0'),
        '١', '1'),
        '٢', '2'),
        '٣', '3'),
        '٤', '4'),
        '٥', '5'),
        '٦', '6'),
        '٧', '7'),
        '٨', '8'),
        '٩', '9'),
        '۰', '0'),
        '۱', '1'),
        '۲', '2'),
        '۳', '3'),
        '۴', '4'),
        '۵', '5'),
        '۶', '6'),
        '۷', '7'),
        '۸', '8'),
        '۹', '9')
    ELSE t END
$$;

CREATE OR REPLACE FUNCTION marsad_fold(s text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(replace(replace(replace(replace(replace(replace(replace(marsad_fold_rare(regexp_replace(coalesce(s, ''), '[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]', '', 'g')),
        'أ', 'ا'),
        'إ', 'ا'),
        'آ', 'ا'),
        'ى', 'ي'),
        'ة', 'ه'),
        'ؤ', 'و'),
        'ئ', 'ي'))
$$;

DROP INDEX IF EXISTS documents_search_trgm;
DROP INDEX IF EXISTS documents_search_ts;
DO $$
BEGIN
    IF (SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 20001) x) <= 20000 THEN
        CREATE INDEX documents_search_trgm ON documents USING gin (marsad_doc_text(title, text) gin_trgm_ops);
        CREATE INDEX documents_search_ts ON documents
            USING gin (to_tsvector('arabic'::regconfig, marsad_doc_text(title, text)));
    END IF;
END
$$;

-- The day of an ISO day text as a date, NULL when it is not one (marsad_week's test; cannot raise)
CREATE OR REPLACE FUNCTION marsad_day(d text) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN marsad_week(d) IS NOT NULL
                THEN make_date(substr(d, 1, 4)::int, substr(d, 6, 2)::int, substr(d, 9, 2)::int) END
$$;

-- the largest incident span (see ../0008_bulk_and_span.sql)
CREATE TABLE IF NOT EXISTS incident_span (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    days INTEGER,
    odd  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO incident_span(id, days, odd)
    SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM incidents) THEN NULL ELSE 0 END, 0
     WHERE NOT EXISTS (SELECT 1 FROM incident_span);

CREATE OR REPLACE FUNCTION marsad_incident_span() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incident_span SET days = marsad_day(NEW.date_end) - marsad_day(NEW.date_start)
     WHERE id = 1 AND days IS NOT NULL AND marsad_day(NEW.date_end) - marsad_day(NEW.date_start) > days;
    UPDATE incident_span SET odd = 1
     WHERE id = 1 AND odd = 0 AND ((NEW.date_start IS NOT NULL AND marsad_day(NEW.date_start) IS NULL)
                                   OR (NEW.date_end IS NOT NULL AND marsad_day(NEW.date_end) IS NULL));
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER incidents_span AFTER INSERT OR UPDATE OF date_start, date_end ON incidents
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_incident_span();
