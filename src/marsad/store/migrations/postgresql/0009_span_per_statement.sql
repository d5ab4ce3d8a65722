-- Migration 0009 (scale), PostgreSQL: 0008's incident span kept by one trigger call per statement.
-- 0008's row trigger ran two UPDATEs per incident written, each with the row's dates as
-- parameters, which PL/pgSQL planned again for every row (custom plans of marsad_day's inlined
-- expression): 1 ms of CPU per incident, 20x the COPY of the incident itself. A statement trigger
-- sees the statement's new rows as a transition table and takes their largest span at once.
DROP TRIGGER IF EXISTS incidents_span ON incidents;

CREATE OR REPLACE FUNCTION marsad_incident_span_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incident_span s SET days = x.days
      FROM (SELECT max(marsad_day(n.date_end) - marsad_day(n.date_start)) AS days FROM marsad_new_incidents n) x
     WHERE s.id = 1 AND s.days IS NOT NULL AND x.days > s.days;
    UPDATE incident_span SET odd = 1
     WHERE id = 1 AND odd = 0 AND EXISTS (
        SELECT 1 FROM marsad_new_incidents n
         WHERE (n.date_start IS NOT NULL AND marsad_day(n.date_start) IS NULL)
            OR (n.date_end IS NOT NULL AND marsad_day(n.date_end) IS NULL));
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER incidents_span_insert AFTER INSERT ON incidents
    REFERENCING NEW TABLE AS marsad_new_incidents FOR EACH STATEMENT
    WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_incident_span_rows();
CREATE OR REPLACE TRIGGER incidents_span_update AFTER UPDATE ON incidents
    REFERENCING NEW TABLE AS marsad_new_incidents FOR EACH STATEMENT
    WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_incident_span_rows();

