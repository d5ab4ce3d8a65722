"""One cached loader for the vocabulary files under ``marsad/text/data``.

Files are plain UTF-8: one entry per line, ``#`` starts a comment, blank lines
are skipped. TSV files split on tabs. Nothing is read at import time.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Return the non-comment, non-blank, stripped lines of data file ``name``."""
    raw = resources.files("marsad.text").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of TSV data file ``name`` as tuples of stripped cells."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in read_lines(name))
