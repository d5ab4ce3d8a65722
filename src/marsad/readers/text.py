"""Plain UTF-8 .txt reports: the first non-empty line is the title."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.documents import Document, make_document
from marsad.readers.base import DEFAULT_MAX_BYTES, read_text


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    text = read_text(path, max_bytes).replace("\r\n", "\n")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    yield make_document(text, title=title, meta={"format": "txt"})
