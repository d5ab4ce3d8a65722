"""Readers: one module per input format, each yielding Documents (or InputErrors for the
parts of an input that could not be read). `iter_sources` walks files and folders,
`read_source` picks the reader by suffix; heavy parsers load only when needed."""
from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.documents import Document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES, check_document, special_kind

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


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """The readable files under a folder (recursive, sorted, hidden names and unknown suffixes
    passed over); a sub-folder that cannot be listed, and a special file (FIFO, device) with a
    reader's suffix, are reported, never skipped in silence. Symlinked folders are not followed."""
    found: list[Path | InputError] = []

    def refused(exc: OSError) -> None:
        found.append(InputError(exc.filename or str(folder), f"folder unreadable ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=refused):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            child = Path(root) / name
            if name.startswith(".") or child.suffix.lower() not in READERS:
                continue
            try:
                kind = special_kind(child.stat().st_mode)
            except OSError as exc:
                found.append(InputError(str(child), f"unreadable ({exc.strerror or exc})"))
                continue
            found.append(InputError(str(child), f"not a regular file ({kind}); refused") if kind else child)
    found.sort(key=lambda item: Path(item.path if isinstance(item, InputError) else item).parts)
    yield from found


def iter_sources(paths: Iterable[str | Path]) -> Iterator[str | Path | InputError]:
    """Each input to read: URLs as given, files, and the readable files under folders
    (recursively, sorted; hidden files and unknown suffixes there are passed over)."""
    for raw in paths:
        if is_url(str(raw)):
            yield str(raw)
            continue
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            yield InputError(str(path), "no such file or directory")
            continue
        except OSError as exc:
            yield InputError(str(path), f"unreadable ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif special_kind(mode):
            yield InputError(str(path), f"not a regular file ({special_kind(mode)}); refused")
        else:
            yield path


def read_source(source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Documents and per-part errors from one source; whole-source failures are yielded
    as one InputError, so a caller's loop never stops on bad input: any exception a reader
    raises (a parser's bug, a hostile file) becomes one `source: reason` line, and the
    documents it gave before are kept."""
    try:
        if is_url(str(source)):
            from marsad.readers.feed import read_url
            items = read_url(str(source), max_bytes)
        else:
            path = Path(source)
            spec = READERS.get(path.suffix.lower())
            if spec is None:
                raise InputError(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}")
            module = importlib.import_module(f"marsad.readers.{spec[0]}")
            items = getattr(module, spec[1])(path, max_bytes)
        for item in items:
            yield item if isinstance(item, InputError) else _checked(str(source), item)
    except InputError as exc:
        yield exc
    except RecursionError:
        yield InputError(str(source), "nested too deeply to read")
    except Exception as exc:   # noqa: BLE001 - one input's failure must never end the batch
        yield InputError(str(source), f"could not be read ({type(exc).__name__}: {_short(exc)})")


def _checked(where: str, doc: Document) -> Document | InputError:
    try:
        return check_document(where, doc)
    except InputError as exc:
        return exc


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit] + "…"
