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
from .normalize import _TRAILING, LETTERS, normalize

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_BULLET_RE = re.compile(r"\s*(?:[-•*·▪◦●■–—►✓+]+|\(?[0-9٠-٩]{1,2}\s?[.)\-–]|\([0-9٠-٩]{1,2}\))(?=\s)")
# A run of sentence punctuation, its closing quotes/brackets, then space, end or a
# letter (``الحصيلة.وقال``). The pattern opens with a plain character class (not a
# repeat), so ``re`` skips to candidate characters in C. Lines never hold \n \r \u2028 \u2029, all
# of which are \s, so one scan of the whole text finds exactly the per-line matches.
_END_RE = re.compile(
    r"(?P<p>[.!?؟…][.!?؟…]*)(?:[\"'»”’)\]]+)?(?=\s|$|[" + LETTERS + r"])"
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


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or initials (the word
    runs back to a space or tab, or to the start of its line)."""
    k = max(text.rfind(" ", line_start, dot), text.rfind("\t", line_start, dot))
    word = text[k + 1 if k >= 0 else line_start:dot]
    known = _ABBR_SEEN.get(word)
    if known is None:
        if len(_ABBR_SEEN) >= 8192:
            _ABBR_SEEN.clear()
        known = _ABBR_SEEN[word] = _abbreviation_word(word)
    return known


_ABBR_SEEN: dict[str, bool] = {}   # word -> _abbreviation_word(word), bounded


def _abbreviation_word(word: str) -> bool:
    if not word or (len(word) > 8 and "." not in word):
        return False
    if _INITIALS_RE.match(word) and all(len(w) <= 1 for w in word.strip("([«“\"").split(".")):
        return True
    return word.casefold().lstrip("([«“\"") in _abbreviations()


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans over an already-normalized text.

    One scan for sentence ends over the whole text; each line (a headline or
    list item is its own sentence) takes the ends that fall inside it.
    """
    ends = [(m.start(), m.end(), m.end("p")) for m in _END_RE.finditer(text)]
    n_ends, j = len(ends), 0
    spans = []
    for lm in _LINE_RE.finditer(text):
        ls, le = lm.span()
        b = _BULLET_RE.match(text, ls, le)
        prev = b.end() if b else ls
        while j < n_ends and ends[j][0] < le:
            ps, cut, pe = ends[j]
            j += 1
            if pe - ps == 1 and text[ps] == "." and _is_abbreviation(text, ls, ps):
                continue
            if cut > prev:
                spans.append((prev, cut))
                prev = cut
        if le > prev:
            spans.append((prev, le))
    return spans


_ALNUM_RE = re.compile(r"[^\W_]")   # str.isalnum() of one character, as a regex


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; spans and texts refer to ``text`` itself."""
    norm = normalize(text)
    offsets = norm.offsets
    out = []
    for s, e in _spans(norm.text):
        # norm.to_original(s, e), inlined: 0 <= s < e <= len(norm.text) here
        os_ = offsets[s]
        oe = offsets[e - 1] + 1
        limit = offsets[e]
        while oe < limit and text[oe] in _TRAILING:
            oe += 1
        chunk = text[os_:oe]
        stripped = chunk.strip()
        if not stripped or not _ALNUM_RE.search(stripped):
            continue
        os_ += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(os_, os_ + len(stripped), stripped))
    return out
