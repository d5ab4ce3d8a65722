"""Arabic folding for gazetteer keys and text scanning, from marsad.text.

The folding map lives in one place, :mod:`marsad.text.normalize`: names and data
files go through ``marsad.text.fold_chars`` (character level, fast), running text
through ``marsad.text.normalize`` (de-obfuscation and offsets back to the original).
"""
from __future__ import annotations

from marsad.text import Normalized, fold_chars, normalize

Folded = Normalized   # folded text (.folded) with .to_original(start, end)


def fold(s: str) -> str:
    """Fold a name for use as a lexicon key (whitespace collapsed; no span bookkeeping)."""
    return " ".join(fold_chars(s).split())


def fold_blob(s: str) -> str:
    """Fold a whole file at once (character mapping only; newlines and tabs kept)."""
    return fold_chars(s)


def fold_text(text: str) -> Folded:
    """Fold running text, keeping a way back to original offsets."""
    return normalize(text)
