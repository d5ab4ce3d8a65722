"""Exports of stored extractions: JSONL (the spec's format), ACLED (CSV: ACLED's 31 columns, then
marsad's own), GeoJSON (located events) and XLSX (the ACLED table as a workbook). Each returns text
(bytes for XLSX); the filter is validated here so the CLI and the API give the same errors."""
from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from marsad import acled
from marsad.acled import time_precision  # noqa: F401  (kept importable from here)
from marsad.errors import UsageError

ACLED_COLUMNS = acled.columns()
MARSAD_COLUMNS = acled.EXTRA_COLUMNS
CSV_COLUMNS = acled.all_columns()
FORMATS = ("jsonl", "acled", "csv", "geojson", "xlsx")
BINARY_FORMATS = frozenset({"xlsx"})
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "acled": "text/csv; charset=utf-8", "csv": "text/csv; charset=utf-8",
               "geojson": "application/geo+json",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
SUFFIXES = {"jsonl": "jsonl", "acled": "csv", "csv": "csv", "geojson": "geojson", "xlsx": "xlsx"}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ADMIN1_FILE = Path(__file__).resolve().parent / "geo" / "data" / "admin1.tsv"


def parse_day(value: str | None, option: str) -> str | None:
    """A strict ISO day (YYYY-MM-DD) or a UsageError naming the option."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        if not ISO_DAY.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-01") from None


def event_types() -> dict[str, tuple[str, ...]]:
    from marsad.web.filters import EVENT_TYPES
    return EVENT_TYPES


def parse_event_type(value: str | None) -> str | None:
    """An ACLED event or sub-event type, any case, in its canonical spelling."""
    if not value:
        return None
    names = [*event_types(), *(s for subs in event_types().values() for s in subs)]
    found = next((n for n in names if n.lower() == value.strip().lower()), None)
    if found is None:
        raise UsageError(f"--event-type: unknown type {value!r}; accepted: {', '.join(names)}")
    return found


@lru_cache(maxsize=1)
def governorates() -> dict[str, str]:
    """Every accepted spelling of a governorate (folded) -> the English name stored on events:
    marsad's English, ACLED's spelling and the Arabic names."""
    from marsad.text import fold
    names: dict[str, str] = {}
    with open(ADMIN1_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            english = cols[2]
            arabic = [a for a in (cols[6].split("|") if len(cols) > 6 else []) if a] + [cols[3]]   # names, capital
            for name in (english, acled.admin1_spellings().get(english, english), *arabic):
                names.setdefault(fold(name).lower(), english)
    return names


def parse_admin1(value: str | None) -> str | None:
    if not value:
        return None
    from marsad.text import fold
    found = governorates().get(fold(value.strip()).lower())
    if found is None:
        accepted = sorted(set(governorates().values()))
        raise UsageError(f"--admin1: unknown governorate {value!r}; accepted (English, ACLED's or Arabic "
                         f"spelling): {', '.join(accepted)}")
    return found


@dataclass
class EventFilter:
    date_from: str | None = None     # ISO day; events ending before it are left out
    date_to: str | None = None       # ISO day; events starting after it are left out
    event_type: str | None = None    # matches event_type or sub_event_type
    admin1: str | None = None        # governorate: English, ACLED's or Arabic spelling

    def validated(self) -> "EventFilter":
        """The same filter with every value checked and canonical; UsageError lists what is accepted."""
        out = EventFilter(parse_day(self.date_from, "--date-from"), parse_day(self.date_to, "--date-to"),
                          parse_event_type(self.event_type), parse_admin1(self.admin1))
        if out.date_from and out.date_to and out.date_from > out.date_to:
            raise UsageError(f"--date-from {out.date_from} is after --date-to {out.date_to}")
        return out

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


def _conn(store):
    return getattr(store, "conn", store)


def event_rows(store, flt: EventFilter | None = None) -> Iterator[dict]:
    """Stored events matching the filter, with their document's source, title and URL."""
    where, args = (flt or EventFilter()).where()
    return acled.event_records(_conn(store), where, args)


def acled_row(e: dict) -> dict:
    return acled.acled_row(e)


def rows_where(conn, where: str, params) -> Iterator[dict]:
    """ACLED rows of the events matching a SQL condition over e (events) and d (documents): the
    API passes its own filter's condition here."""
    return acled.acled_rows(conn, where, params)


def to_csv(store, flt: EventFilter | None = None, bom: bool = False) -> str:
    where, args = (flt or EventFilter()).where()
    return csv_text(acled.acled_rows(_conn(store), where, args), bom=bom)


def csv_text(rows, bom: bool = False) -> str:
    buffer = io.StringIO()
    acled.write_csv(rows, buffer, bom=bom)
    return buffer.getvalue()


def geojson_text(rows) -> str:
    """A FeatureCollection with one Point feature per row that has coordinates."""
    features = [
        {"type": "Feature", "id": row["event_id_cnty"],
         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
         "properties": row}
        for row in rows if row["latitude"] is not None and row["longitude"] is not None
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def to_geojson(store, flt: EventFilter | None = None) -> str:
    where, args = (flt or EventFilter()).where()
    return geojson_text(acled.acled_rows(_conn(store), where, args))


def xlsx_bytes(rows) -> bytes:
    """The ACLED table as a workbook: sheet "events" (ACLED's columns, then marsad's), sheet "columns"."""
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("events")
    names = acled.all_columns()
    sheet.append(list(names))
    for row in rows:
        sheet.append([row.get(c) for c in names])
    about = book.create_sheet("columns")
    about.append(["column", "from"])
    for c in names:
        about.append([c, "ACLED" if c in acled.columns() else "marsad"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_xlsx(store, flt: EventFilter | None = None) -> bytes:
    where, args = (flt or EventFilter()).where()
    return xlsx_bytes(acled.acled_rows(_conn(store), where, args))


def jsonl_records(store, flt: EventFilter | None = None) -> Iterator[dict]:
    """Each document's current extraction in the spec's format. With a filter, only the
    matching events are kept and documents without one are left out."""
    conn = _conn(store)
    matching: dict[str, set[str]] | None = None
    if flt is not None and flt.active:
        matching = {}
        where, args = flt.where()
        for doc_id, event_id in conn.execute(f"SELECT e.doc_id, e.event_id FROM events e WHERE {where}", args):
            matching.setdefault(doc_id, set()).add(event_id)
    for doc_id, result_json in conn.execute(
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


def check_format(fmt: str) -> str:
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def export(store, fmt: str, flt: EventFilter | None = None, bom: bool = False) -> str | bytes:
    """The export in `fmt` (jsonl, acled or csv, geojson: text; xlsx: bytes). `bom` puts a UTF-8
    byte-order mark before the CSV so that Excel reads the Arabic right."""
    fmt = check_format(fmt)
    if fmt in ("acled", "csv"):
        return to_csv(store, flt, bom=bom)
    writers: dict[str, Callable[..., str | bytes]] = {"jsonl": to_jsonl, "geojson": to_geojson, "xlsx": to_xlsx}
    return writers[fmt](store, flt)
