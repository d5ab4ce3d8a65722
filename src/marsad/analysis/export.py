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
