"""Arabic folding for gazetteer keys and text scanning.

Uses ``marsad.text.normalize`` when it is available; otherwise a small private
fallback with the same contract (folded text + offsets back into the original).
The fallback removes diacritics/tatweel and folds hamza/alef/ya/ta-marbuta forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DROP = dict.fromkeys(
    [c for c in range(0x064B, 0x0660)] + [0x0670, 0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF],
    None,
)
_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                      "ک": "ك", "ی": "ي", "ے": "ي", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج"})
_MAP_PAIRS = [(chr(k), v) for k, v in _MAP.items()]
_DROP_RE = re.compile("[\u064b-\u065f\u0670\u0640\u200c-\u200f\u061c\ufeff]")


def fold(s: str) -> str:
    """Fold a name for use as a lexicon key (no span bookkeeping)."""
    return " ".join(s.translate(_DROP).translate(_MAP).split())


def fold_blob(s: str) -> str:
    """Fold a whole file at once (character mapping only; whitespace kept)."""
    s = _DROP_RE.sub("", s)
    for src, dst in _MAP_PAIRS:
        if src in s:
            s = s.replace(src, dst)
    return s


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the index in the original."""

    folded: str
    offsets: list[int] | None  # None when folded is aligned 1:1 with the original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1


def _private_fold(text: str) -> Folded:
    if not _DROP_RE.search(text):
        return Folded(text.translate(_MAP), None)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if _DROP_RE.match(ch):
            continue
        out.append(ch)
        offsets.append(i)
    offsets.append(len(text))
    return Folded("".join(out).translate(_MAP), offsets)


def fold_text(text: str) -> Folded:
    """Fold running text, keeping a way back to original offsets."""
    try:
        from marsad.text import normalize
    except ImportError:
        return _private_fold(text)
    norm = normalize(text)
    return _TextFolded(norm.folded, norm)


class _TextFolded(Folded):
    def __init__(self, folded: str, norm) -> None:  # noqa: ANN001 - marsad.text.Normalized
        object.__setattr__(self, "folded", folded)
        object.__setattr__(self, "offsets", None)
        object.__setattr__(self, "_norm", norm)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._norm.to_original(start, end)
