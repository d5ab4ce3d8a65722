"""Incidents and ledger groups as JSONL and CSV text (plain data, no rendering library)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from .consensus import COUNT_FIELDS, LOCATION_FIELDS

INCIDENT_CSV = ("incident_id", "event_type", "sub_event_type", "date_start", "date_end",
                *LOCATION_FIELDS, "n_reports", "doc_ids",
                *(f"{f}_{s}" for f in COUNT_FIELDS for s in ("min", "max", "median")))
LEDGER_CSV = ("key", "quantity", "place", "period", "contradiction", "spread_min", "spread_max",
              "spread_ratio", "value_low", "value_high", "qualifier", "source_ar", "source_en",
              "source_kind", "time", "doc_id", "evidence")


def jsonl_lines(items: Iterable[dict]) -> Iterator[str]:
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


def incident_csv_rows(incidents: Iterable[dict]) -> Iterator[dict]:
    for inc in incidents:
        row = {k: inc[k] for k in ("incident_id", "event_type", "sub_event_type", "date_start", "date_end")}
        row.update(inc["location"])
        row["n_reports"] = len(inc["doc_ids"])
        row["doc_ids"] = ";".join(inc["doc_ids"])
        for f in COUNT_FIELDS:
            for s in ("min", "max", "median"):
                row[f"{f}_{s}"] = inc[f][s]
        yield row


def ledger_csv_rows(groups: Iterable[dict]) -> Iterator[dict]:
    """One row per value, its group's fields repeated."""
    for g in groups:
        head = {"key": g["key"], "quantity": g["quantity"], "place": g["place"], "period": g["period"],
                "contradiction": g["contradiction"], "spread_min": g["spread"]["min"],
                "spread_max": g["spread"]["max"], "spread_ratio": g["spread"]["ratio"]}
        for v in g["values"]:
            yield {**head, **v}


def csv_text(columns: tuple[str, ...], rows: Iterable[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buf.getvalue()


def incidents_text(incidents: list[dict], fmt: str) -> str:
    if fmt == "csv":
        return csv_text(INCIDENT_CSV, incident_csv_rows(incidents))
    return "".join(jsonl_lines(incidents))


def ledger_text(groups: list[dict], fmt: str) -> str:
    if fmt == "csv":
        return csv_text(LEDGER_CSV, ledger_csv_rows(groups))
    return "".join(jsonl_lines(groups))


# -- `marsad export --by-incident`: one row per incident ------------------------------------------
def counted_where(where: str) -> str:
    """``where`` (over e = events, d = documents) kept to one row per counted incident: its lead
    event; an event not yet merged stands for itself; an incident only copies tell is left out."""
    return (f"({where}) AND (e.event_id IN (SELECT lead_event_id FROM incidents WHERE counted = 1)"
            " OR NOT EXISTS (SELECT 1 FROM incident_events ie_x WHERE ie_x.event_id = e.event_id))")


def _incident_figures(conn, incident_id: str) -> dict | None:
    row = conn.execute("SELECT fatalities_best, injured_best, arrested_best FROM incidents WHERE incident_id = ?",
                       (incident_id,)).fetchone()
    if row is None:
        return None
    docs = [r[0] for r in conn.execute(
        "SELECT DISTINCT e.doc_id FROM incident_events ie JOIN events e ON e.event_id = ie.event_id"
        " WHERE ie.incident_id = ? ORDER BY e.doc_id", (incident_id,))]
    return {"fatalities": row[0], "injured": row[1], "arrested": row[2], "doc_ids": docs}


def by_incident_rows(conn, rows: Iterable[dict]) -> Iterator[dict]:
    """ACLED rows of lead events, their figures replaced by the incident's best estimates and
    ``doc_ids`` listing every report of the incident."""
    for row in rows:
        figures = _incident_figures(conn, row["incident_id"]) if row.get("incident_id") else None
        if figures:
            row["fatalities"] = figures["fatalities"] or 0
            row["injured"], row["arrested"] = figures["injured"], figures["arrested"]
            row["doc_ids"] = ";".join(figures["doc_ids"])
        yield row


def export_by_incident(store, fmt: str, flt=None, bom: bool = False) -> str | bytes:
    """`marsad export --by-incident`: the export of ``fmt`` with one row per incident (jsonl: the
    incidents themselves, every report's figures, the range and the best estimate)."""
    from marsad import acled, exports
    from marsad.analysis import update_incidents

    from .incident_store import list_incidents
    conn = getattr(store, "conn", store)
    update_incidents(conn)
    fmt = exports.check_format(fmt)
    where, args = (flt or exports.EventFilter()).where()
    rows = by_incident_rows(conn, acled.acled_rows(conn, counted_where(where), args))
    if fmt == "jsonl":
        keep = {r["incident_id"] for r in rows if r.get("incident_id")}
        return "".join(jsonl_lines(i for i in list_incidents(conn) if i["incident_id"] in keep))
    if fmt in ("acled", "csv"):
        return exports.csv_text(rows, bom=bom)
    if fmt == "geojson":
        return exports.geojson_text(rows)
    return exports.xlsx_bytes(rows)
