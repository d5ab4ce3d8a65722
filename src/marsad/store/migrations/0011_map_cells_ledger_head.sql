-- Migration 0011 (scale): the map's cells counted ahead, and a ledger page's head of each group.
--
-- event_cells: every located event counted in cells of 90/1024 degrees (~10 km; the dashboard's
-- cell at zoom 9) by (cell, undated, event type, sub-type, governorate, actor1, actor2) -- with
-- the count, the reported fatalities and the sums of latitude and longitude, which is what
-- /api/events/grid shows per cell. Cells of 90/1024 * 2^k degrees (the dashboard's sizes at zooms
-- 3-9) are unions of these (floor(floor(y)/2^k) = floor(y/2^k)), so a grid without a date range,
-- text search, box or `since` sums a few thousand rows instead of every located event
-- (marsad.store.cells). NULL keys are stored as ''. Kept exact by the triggers below (a row per
-- event written, removed or moved); a database from before this migration is counted by the
-- summary's next refresh (summary_state has no 'cells' row yet), which `serve` runs in the background.
CREATE TABLE IF NOT EXISTS event_cells (
    gy             INTEGER NOT NULL,       -- floor(lat / (90/1024))
    gx             INTEGER NOT NULL,       -- floor(lon / (90/1024))
    undated        INTEGER NOT NULL,       -- 1: date_start IS NULL
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    admin1         TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    actor2         TEXT NOT NULL,
    n              INTEGER NOT NULL,
    fatalities     INTEGER NOT NULL,
    lat_sum        REAL NOT NULL,
    lon_sum        REAL NOT NULL,
    PRIMARY KEY (gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2)
);

CREATE TRIGGER IF NOT EXISTS events_cells_ai AFTER INSERT ON events
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    INSERT INTO event_cells(gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2, n, fatalities,
                            lat_sum, lon_sum)
    VALUES (CAST(new.lat / 0.087890625 AS INTEGER) - (new.lat / 0.087890625 < CAST(new.lat / 0.087890625 AS INTEGER)),
            CAST(new.lon / 0.087890625 AS INTEGER) - (new.lon / 0.087890625 < CAST(new.lon / 0.087890625 AS INTEGER)),
            new.date_start IS NULL, coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''),
            coalesce(new.admin1, ''), coalesce(new.actor1, ''), coalesce(new.actor2, ''), 1,
            coalesce(new.fatalities, 0), new.lat, new.lon)
    ON CONFLICT (gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2) DO UPDATE SET
        n = n + 1, fatalities = fatalities + excluded.fatalities,
        lat_sum = lat_sum + excluded.lat_sum, lon_sum = lon_sum + excluded.lon_sum;
END;

CREATE TRIGGER IF NOT EXISTS events_cells_ad AFTER DELETE ON events
WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL BEGIN
    UPDATE event_cells SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0),
                           lat_sum = lat_sum - old.lat, lon_sum = lon_sum - old.lon
     WHERE gy = CAST(old.lat / 0.087890625 AS INTEGER) - (old.lat / 0.087890625 < CAST(old.lat / 0.087890625 AS INTEGER))
       AND gx = CAST(old.lon / 0.087890625 AS INTEGER) - (old.lon / 0.087890625 < CAST(old.lon / 0.087890625 AS INTEGER))
       AND undated = (old.date_start IS NULL) AND event_type = coalesce(old.event_type, '')
       AND sub_event_type = coalesce(old.sub_event_type, '') AND admin1 = coalesce(old.admin1, '')
       AND actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '');
END;

-- an update: the old row out (as a delete does), the new one in (as an insert does)
CREATE TRIGGER IF NOT EXISTS events_cells_au_old AFTER UPDATE OF lat, lon, date_start, event_type, sub_event_type,
    admin1, actor1, actor2, fatalities ON events
WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL BEGIN
    UPDATE event_cells SET n = n - 1, fatalities = fatalities - coalesce(old.fatalities, 0),
                           lat_sum = lat_sum - old.lat, lon_sum = lon_sum - old.lon
     WHERE gy = CAST(old.lat / 0.087890625 AS INTEGER) - (old.lat / 0.087890625 < CAST(old.lat / 0.087890625 AS INTEGER))
       AND gx = CAST(old.lon / 0.087890625 AS INTEGER) - (old.lon / 0.087890625 < CAST(old.lon / 0.087890625 AS INTEGER))
       AND undated = (old.date_start IS NULL) AND event_type = coalesce(old.event_type, '')
       AND sub_event_type = coalesce(old.sub_event_type, '') AND admin1 = coalesce(old.admin1, '')
       AND actor1 = coalesce(old.actor1, '') AND actor2 = coalesce(old.actor2, '');
END;
CREATE TRIGGER IF NOT EXISTS events_cells_au_new AFTER UPDATE OF lat, lon, date_start, event_type, sub_event_type,
    admin1, actor1, actor2, fatalities ON events
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    INSERT INTO event_cells(gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2, n, fatalities,
                            lat_sum, lon_sum)
    VALUES (CAST(new.lat / 0.087890625 AS INTEGER) - (new.lat / 0.087890625 < CAST(new.lat / 0.087890625 AS INTEGER)),
            CAST(new.lon / 0.087890625 AS INTEGER) - (new.lon / 0.087890625 < CAST(new.lon / 0.087890625 AS INTEGER)),
            new.date_start IS NULL, coalesce(new.event_type, ''), coalesce(new.sub_event_type, ''),
            coalesce(new.admin1, ''), coalesce(new.actor1, ''), coalesce(new.actor2, ''), 1,
            coalesce(new.fatalities, 0), new.lat, new.lon)
    ON CONFLICT (gy, gx, undated, event_type, sub_event_type, admin1, actor1, actor2) DO UPDATE SET
        n = n + 1, fatalities = fatalities + excluded.fatalities,
        lat_sum = lat_sum + excluded.lat_sum, lon_sum = lon_sum + excluded.lon_sum;
END;

-- a database without events has every cell counted already (one with events: the next refresh counts them)
INSERT INTO summary_state(name, value) SELECT 'cells', '1' WHERE NOT EXISTS (SELECT 1 FROM events);

-- A ledger page (/api/ledger) shows each group's head (marsad.store.ledger.head: at most 20 of its
-- values, its series thinned to 120 points): stored beside the whole group, filled by the ledger's
-- next refresh (its format changed, so it rebuilds every group).
ALTER TABLE ledger_groups ADD COLUMN head TEXT;
