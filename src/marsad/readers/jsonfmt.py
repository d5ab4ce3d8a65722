"""JSON (one document, or a list) and JSONL (one document a line) in the corpus's fields:
doc_id, url, source, published, title, text. Other fields are kept in ``meta``."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from marsad.documents import Document, make_document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES, decode_text, read_text

FIELDS = ("doc_id", "url", "source", "published", "title")


def from_record(where: str, record) -> Document:
    """A Document from one decoded JSON object, or InputError saying what is wrong."""
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "missing or empty 'text'")
    doc_id = record.get("doc_id")
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        raise InputError(where, "'doc_id' must be a string")
    meta = {k: v for k, v in record.items() if k not in FIELDS and k != "text"}
    meta["format"] = "json"
    return make_document(text, meta=meta, **{k: record.get(k) for k in FIELDS})


def _loads(where: str, text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc


def read_json(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """One JSON object, or a list of them (each reported by its index when bad)."""
    data = _loads(str(path), read_text(path, max_bytes))
    if not isinstance(data, list):
        yield from_record(str(path), data)
        return
    for i, record in enumerate(data):
        try:
            yield from_record(str(path), record)
        except InputError as exc:
            yield InputError(str(path), f"item {i}: {exc.reason}")


def _jsonl_line(path: Path, lineno: int, raw: bytes, max_bytes: int) -> Document:
    where = f"{path}: line {lineno}"
    if len(raw) > max_bytes:
        raise InputError(where, f"too large ({len(raw)} bytes; the limit is {max_bytes})")
    return from_record(where, _loads(where, decode_text(where, raw)))


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """One document a line, streamed; the size limit applies to each line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"unreadable ({exc.strerror or exc})") from exc
    seen = False
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            seen = True
            try:
                yield _jsonl_line(path, lineno, raw, max_bytes)
            except InputError as exc:
                yield InputError(str(path), f"line {lineno}: {exc.reason}")
    if not seen:
        raise InputError(str(path), "empty file")
