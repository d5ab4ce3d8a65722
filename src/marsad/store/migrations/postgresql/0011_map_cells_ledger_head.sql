-- Migration 0011 (scale), PostgreSQL: the map's cells counted ahead and the ledger's heads (see
-- ../0011_map_cells_ledger_head.sql). One row trigger keeps event_cells; like the summary's, it
-- is not fired inside a bulk load (marsad.store.bulk), which marks the cells for a rebuild instead.
CREATE TABLE IF NOT EXISTS event_cells (
    gy             INTEGER NOT NULL,
    gx             INTEGER NOT NULL,
    undated        INTEGER NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    admin1         TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    actor2         TEXT NOT NULL,
    n              INTEGER NOT NULL,
    fatalities     BIGINT NOT NULL,
    lat_sum        DOUBLE PRECISION NOT NULL,
    lon_sum        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2)
);

CREATE OR REPLACE FUNCTION marsad_cells_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL THEN
        UPDATE event_cells SET n = n - 1, fatalities = fatalities - coalesce(OLD.fatalities, 0),
                               lat_sum = lat_sum - OLD.lat, lon_sum = lon_sum - OLD.lon
         WHERE gy = floor(OLD.lat / 0.087890625::double precision)::int
           AND gx = floor(OLD.lon / 0.087890625::double precision)::int
           AND undated = (OLD.date_start IS NULL)::int AND event_type = coalesce(OLD.event_type, '')
           AND sub_event_type = coalesce(OLD.sub_event_type, '') AND admin1 = coalesce(OLD.admin1, '')
           AND actor1 = coalesce(OLD.actor1, '') AND actor2 = coalesce(OLD.actor2, '');
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL THEN
        INSERT INTO event_cells(gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2, n, fatalities,
                                lat_sum, lon_sum)
        VALUES (floor(NEW.lat / 0.087890625::double precision)::int, floor(NEW.lon / 0.087890625::double precision)::int,
                (NEW.date_start IS NULL)::int, coalesce(NEW.event_type, ''), coalesce(NEW.sub_event_type, ''),
                coalesce(NEW.admin1, ''), coalesce(NEW.actor1, ''), coalesce(NEW.actor2, ''), 1,
                coalesce(NEW.fatalities, 0), NEW.lat, NEW.lon)
        ON CONFLICT (gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2) DO UPDATE SET
            n = event_cells.n + 1, fatalities = event_cells.fatalities + excluded.fatalities,
            lat_sum = event_cells.lat_sum + excluded.lat_sum, lon_sum = event_cells.lon_sum + excluded.lon_sum;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER events_cells AFTER INSERT OR DELETE OR UPDATE OF lat, lon, date_start, event_type,
    sub_event_type, admin1, actor1, actor2, fatalities ON events
    FOR EACH ROW WHEN (current_setting('marsad.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION marsad_cells_event();

-- a database without events has every cell counted already (one with events: the next refresh counts them)
INSERT INTO summary_state(name, value) SELECT 'cells', '1' WHERE NOT EXISTS (SELECT 1 FROM events);

ALTER TABLE ledger_groups ADD COLUMN IF NOT EXISTS head TEXT;
