"""Batch geocoding: one record per input line, for evaluation and pipelines (`marsad geocode -`).

A line is either plain text or a JSON object with a ``text`` field (and optionally ``context``,
the rest of the report, and ``id``, echoed back). Every line gives one output record; a line that
cannot be read gives a record with an ``error`` instead of places, and the batch goes on.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .geoparse import best_place, find_places, report_place
from .mention import PlaceMention


def mention_record(m: PlaceMention) -> dict:
    return {"start": m.start, "end": m.end, "surface": m.surface, "kind": m.kind, "role": m.role,
            "entry_id": m.entry_id, "admin2": m.admin2, "admin3": m.admin3, "why": m.why,
            "location": m.location()}


def geocode_line(line: str, n: int) -> dict:
    """One output record for input line ``n`` (1-based)."""
    out: dict = {"line": n}
    text, context = line, None
    if line.lstrip().startswith("{"):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            return out | {"error": f"line {n}: not valid JSON ({exc.msg})"}
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            return out | {"error": f"line {n}: a JSON line needs a string field 'text'"}
        if "id" in obj:
            out["id"] = obj["id"]
        text = obj["text"]
        context = obj.get("context") if isinstance(obj.get("context"), str) else None
    mentions = find_places(text, context=context or text)
    best = best_place(mentions) or report_place(context or text)
    return out | {"places": [mention_record(m) for m in mentions],
                  "best": best.location() if best is not None else None}


def geocode_lines(lines: Iterable[str]) -> Iterator[dict]:
    """One record per non-blank line, in order (see geocode_line)."""
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if line.strip():
            yield geocode_line(line, n)
