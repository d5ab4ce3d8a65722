"""JSON (one document, or a list) and JSONL (one document a line) in the corpus's fields:
doc_id, url, source, published, title, text. Other fields are kept in ``meta``."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from marsad.documents import Document, make_document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES, check_document, decode_text, open_regular, read_text

FIELDS = ("doc_id", "url", "source", "published", "title")
MAX_DEPTH = 32     # nesting of arrays/objects in one record; deeper is refused, never a RecursionError


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
    return check_document(where, make_document(text, meta=meta, **{k: record.get(k) for k in FIELDS}))


def _too_deep(value, limit: int = MAX_DEPTH) -> bool:
    """Whether arrays/objects nest deeper than ``limit`` (iterative: no recursion to exhaust)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _loads(where: str, text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(where, f"JSON nested too deeply (the limit is {MAX_DEPTH} levels)") from exc
    except ValueError as exc:      # e.g. an integer of more than 4,300 digits
        raise InputError(where, f"malformed JSON ({str(exc).split(';')[0]})") from exc
    if _too_deep(data):
        raise InputError(where, f"JSON nested too deeply (the limit is {MAX_DEPTH} levels)")
    return data


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
        raise InputError(where, f"too large (more than {max_bytes} bytes; see --max-bytes)")
    return from_record(where, _loads(where, decode_text(where, raw)))


def _lines(handle, max_bytes: int) -> Iterator[bytes]:
    """Lines of a binary file, each cut at max_bytes + 1 (the rest of an oversized line is skipped),
    so a file without newlines never fills memory."""
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield raw


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """One document a line, streamed; the size limit applies to each line."""
    seen = False
    with open_regular(path) as handle:
        for lineno, raw in enumerate(_lines(handle, max_bytes), 1):
            if not raw.strip():
                continue
            seen = True
            try:
                yield _jsonl_line(path, lineno, raw, max_bytes)
            except InputError as exc:
                yield InputError(str(path), f"line {lineno}: {exc.reason}")
    if not seen:
        raise InputError(str(path), "empty file")
