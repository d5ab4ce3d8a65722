"""What every reader shares: safe reading of bytes and text, and HTML to plain text."""
from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from marsad.documents import Document, document_problem
from marsad.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024   # 10 MiB per file (per line for JSONL)
_SNIFF = 8192
_BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"}


def special_kind(mode: int) -> str | None:
    """'FIFO', 'device', 'socket' ... for a file mode that is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "directory"
    return "special file"


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """The file opened for binary reading, refusing FIFOs, devices and sockets (also behind a
    symlink) without blocking on them: a FIFO or /dev/zero must never hang or fill memory."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(str(path), f"unreadable ({exc.strerror or exc})") from exc
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind:
            raise InputError(str(path), f"not a regular file ({kind}); refused")
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or InputError for unreadable, special, oversized or empty files."""
    with open_regular(path) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(str(path), f"too large ({size} bytes; the limit is {max_bytes}, see --max-bytes)")
            data = handle.read(max_bytes + 1)      # never more than the limit, whatever stat said
        except OSError as exc:
            raise InputError(str(path), f"unreadable ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError(str(path), f"too large (more than {max_bytes} bytes, see --max-bytes)")
    if not data:
        raise InputError(str(path), "empty file")
    return data


def check_document(where: str, doc: Document) -> Document:
    """The document, or InputError when it cannot be stored (doc_id rule, invalid Unicode)."""
    problem = document_problem(doc)
    if problem:
        raise InputError(where, problem)
    return doc


def decode_text(where: str, data: bytes) -> str:
    """UTF-8 (with or without BOM; UTF-16 with BOM) to str, refusing binary and other encodings."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(where, f"wrong encoding (bad UTF-16: {exc.reason})") from exc
    else:
        if b"\x00" in data[:_SNIFF]:
            raise InputError(where, "binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad = data[exc.start:exc.start + 1].hex()
            raise InputError(where, f"wrong encoding (not UTF-8: byte 0x{bad} at offset {exc.start})") from exc
    if not text.strip():
        raise InputError(where, "empty (only whitespace)")
    return text


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode_text(str(path), read_bytes(path, max_bytes))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry), one paragraph a line."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)


def with_title(title: str | None, body: str) -> str:
    """The body with the title as its first line (as wire reports and the corpus carry it)."""
    if title and not body.lstrip().startswith(title.strip()):
        return f"{title.strip()}\n{body}"
    return body
