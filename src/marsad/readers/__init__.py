"""Readers: one module per input format, each yielding Documents (or InputErrors for the
parts of an input that could not be read). `iter_sources` walks files and folders,
`read_source` picks the reader by suffix; heavy parsers load only when needed."""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.documents import Document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES

# suffix -> (module, function)
READERS = {
    ".txt": ("text", "read"),
    ".html": ("html", "read"),
    ".htm": ("html", "read"),
    ".json": ("jsonfmt", "read_json"),
    ".jsonl": ("jsonfmt", "read_jsonl"),
    ".xml": ("feed", "read"),
    ".rss": ("feed", "read"),
    ".atom": ("feed", "read"),
}

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "is_url", "iter_sources", "read_source"]


def is_url(source: str) -> bool:
    return str(source).startswith(("http://", "https://"))


def iter_sources(paths: Iterable[str | Path]) -> Iterator[str | Path | InputError]:
    """Each input to read: URLs as given, files, and the readable files under folders
    (recursively, sorted; hidden files and unknown suffixes there are passed over)."""
    for raw in paths:
        if is_url(str(raw)):
            yield str(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in READERS:
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_source(source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents and per-part errors from one source; whole-source failures are yielded
    as one InputError, so a caller's loop never stops on bad input."""
    try:
        if is_url(str(source)):
            from marsad.readers.feed import read_url
            yield from read_url(str(source), max_bytes)
            return
        path = Path(source)
        spec = READERS.get(path.suffix.lower())
        if spec is None:
            raise InputError(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}")
        module = importlib.import_module(f"marsad.readers.{spec[0]}")
        yield from getattr(module, spec[1])(path, max_bytes)
    except InputError as exc:
        yield exc
