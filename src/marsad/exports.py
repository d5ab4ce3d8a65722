"""Exports of stored extractions: JSONL (the spec's format), CSV (ACLED's columns plus
marsad's own) and GeoJSON (located events). Each returns or writes plain text; no CLI here."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

ACLED_COLUMNS = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities")
MARSAD_COLUMNS = ("injured", "arrested", "evidence", "doc_id", "url")
CSV_COLUMNS = ACLED_COLUMNS + MARSAD_COLUMNS
FORMATS = ("jsonl", "csv", "geojson")
# ACLED's `country` is the country's English name; the extraction carries ISO 3166-1 alpha-2.
COUNTRY_NAMES = {"SY": "Syria", "IQ": "Iraq", "TR": "Turkey", "LB": "Lebanon", "JO": "Jordan",
                 "IR": "Iran", "SA": "Saudi Arabia", "EG": "Egypt", "LY": "Libya", "YE": "Yemen"}


@dataclass
class EventFilter:
    date_from: str | None = None     # ISO day; events ending before it are left out
    date_to: str | None = None       # ISO day; events starting after it are left out
    event_type: str | None = None    # matches event_type or sub_event_type
    admin1: str | None = None        # governorate, case-insensitive

    def where(self) -> tuple[str, list]:
        clauses, args = ["1=1"], []
        if self.date_from:
            clauses.append("e.date_end >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("e.date_start <= ?")
            args.append(self.date_to)
        if self.event_type:
            clauses.append("(e.event_type = ? COLLATE NOCASE OR e.sub_event_type = ? COLLATE NOCASE)")
            args += [self.event_type, self.event_type]
        if self.admin1:
            clauses.append("e.admin1 = ? COLLATE NOCASE")
            args.append(self.admin1)
        return " AND ".join(clauses), args

    @property
    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.event_type, self.admin1))


def event_rows(store, flt: EventFilter | None = None) -> Iterator[dict]:
    """Stored events matching the filter, with their document's source, title and URL."""
    where, args = (flt or EventFilter()).where()
    sql = (f"SELECT e.*, d.source AS doc_source, d.url AS doc_url, d.title AS doc_title "
           f"FROM events e JOIN documents d USING(doc_id) WHERE {where} ORDER BY e.date_start, e.event_id")
    for row in store.conn.execute(sql, args):
        yield dict(row)


def time_precision(date_start: str | None, date_end: str | None) -> int | None:
    """ACLED's time_precision: 1 a day, 2 up to a week or so, 3 a month or more."""
    if not date_start or not date_end:
        return None
    days = (date.fromisoformat(date_end) - date.fromisoformat(date_start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def acled_row(e: dict) -> dict:
    return {
        "event_id_cnty": e["event_id"], "event_date": e["date_start"],
        "time_precision": time_precision(e["date_start"], e["date_end"]),
        "event_type": e["event_type"], "sub_event_type": e["sub_event_type"],
        "actor1": e["actor1"], "actor2": e["actor2"],
        "country": COUNTRY_NAMES.get(e["country"], e["country"]), "admin1": e["admin1"],
        "location": e["name_en"] or e["name_ar"], "latitude": e["lat"], "longitude": e["lon"],
        "geo_precision": e["geo_precision"], "source": e["doc_source"], "notes": e["doc_title"],
        "fatalities": e["fatalities"], "injured": e["injured"], "arrested": e["arrested"],
        "evidence": e["evidence"], "doc_id": e["doc_id"], "url": e["doc_url"],
    }


def to_csv(store, flt: EventFilter | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in event_rows(store, flt):
        writer.writerow(acled_row(e))
    return buffer.getvalue()


def to_geojson(store, flt: EventFilter | None = None) -> str:
    """A FeatureCollection with one Point feature per event that has coordinates."""
    features = [
        {"type": "Feature", "id": row["event_id_cnty"],
         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
         "properties": row}
        for row in map(acled_row, event_rows(store, flt))
        if row["latitude"] is not None and row["longitude"] is not None
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def jsonl_records(store, flt: EventFilter | None = None) -> Iterator[dict]:
    """Each document's current extraction in the spec's format. With a filter, only the
    matching events are kept and documents without one are left out."""
    matching: dict[str, set[str]] | None = None
    if flt is not None and flt.active:
        matching = {}
        for e in event_rows(store, flt):
            matching.setdefault(e["doc_id"], set()).add(e["event_id"])
    for doc_id, result_json in store.conn.execute(
            "SELECT x.doc_id, x.result_json FROM extractions x JOIN documents d USING(doc_id) ORDER BY d.rowid"):
        record = json.loads(result_json)
        if matching is not None:
            if doc_id not in matching:
                continue
            keep = matching[doc_id]
            record["events"] = [ev for n, ev in enumerate(record["events"], 1) if f"{doc_id}:{n}" in keep]
        yield record


def to_jsonl(store, flt: EventFilter | None = None) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in jsonl_records(store, flt))


def export(store, fmt: str, flt: EventFilter | None = None) -> str:
    """The export in `fmt` (jsonl, csv or geojson) as text."""
    from marsad.errors import UsageError
    writers = {"jsonl": to_jsonl, "csv": to_csv, "geojson": to_geojson}
    if fmt not in writers:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](store, flt)
