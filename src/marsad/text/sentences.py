"""Sentence splitting for Arabic news text, with spans in the original text.

Boundaries: line breaks (headlines and list items are their own sentences),
sentence punctuation ``. ! ? ؟ …`` followed by space or end (closing quotes and
brackets stay with the sentence), and a dot glued between two Arabic words
that normalization kept (``الحصيلة.وقال``). Never on decimals (3.5), dotted
dates (20.01.2018), slashes (2018/01/20), single-letter initials (د. U.S.) or
listed abbreviations (data/abbreviations.txt). Bullet markers (``-``, ``•``,
``*``, ``1-``) at a line start are left out of the sentence span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import read_lines
from .normalize import LETTERS, normalize

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_BULLET_RE = re.compile(r"\s*(?:[-•*·▪◦●■–—►✓+]+|\(?[0-9٠-٩]{1,2}\s?[.)\-–]|\([0-9٠-٩]{1,2}\))(?=\s)")
_END_RE = re.compile(
    r"(?:[.!?؟…]+|(?<=[" + LETTERS + r"]{3})\.(?=[" + LETTERS + r"]))"
    r"(?:[\"'»”’)\]]+)?(?=\s|$|[" + LETTERS + r"])"
)
_INITIALS_RE = re.compile(r"^[(\[«“\"]?(?:\w\.)*\w$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in read_lines("abbreviations.txt"))


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or initials."""
    k = max(line.rfind(" ", 0, dot), line.rfind("\t", 0, dot)) + 1
    word = line[k:dot]
    if not word or (len(word) > 8 and "." not in word):
        return False
    if _INITIALS_RE.match(word) and all(len(w) <= 1 for w in word.strip("([«“\"").split(".")):
        return True
    return word.casefold().lstrip("([«“\"") in _abbreviations()


def _line_cuts(line: str) -> list[int]:
    """End positions (exclusive) of the sentences inside one line."""
    cuts = []
    for m in _END_RE.finditer(line):
        punct = m.group(0)
        if punct[0] == "." and len(punct.rstrip("\"'»”’)]")) == 1 and _is_abbreviation(line, m.start()):
            continue
        cuts.append(m.end())
    return cuts


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans over an already-normalized text."""
    spans = []
    for lm in _LINE_RE.finditer(text):
        line, base = lm.group(0), lm.start()
        b = _BULLET_RE.match(line)
        prev = b.end() if b else 0
        for cut in _line_cuts(line) + [len(line)]:
            if cut > prev:
                spans.append((base + prev, base + cut))
            prev = max(prev, cut)
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; spans and texts refer to ``text`` itself."""
    norm = normalize(text)
    out = []
    for s, e in _spans(norm.text):
        os_, oe = norm.to_original(s, e)
        chunk = text[os_:oe]
        stripped = chunk.strip()
        if not stripped or not any(ch.isalnum() for ch in stripped):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        os_ += lead
        out.append(Sentence(os_, os_ + len(stripped), stripped))
    return out
