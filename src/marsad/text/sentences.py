"""Sentence splitting for Arabic news text, with spans in the original text.

Boundaries: line breaks (headlines and list items are their own sentences),
sentence punctuation ``. ! ? ؟ …`` followed by space or end (closing quotes and
brackets stay with the sentence), and a dot glued between two Arabic words
that normalization kept (``الحصيلة.وقال``). Never on decimals (3.5), dotted
dates (20.01.2018), slashes (2018/01/20), single-letter initials (د. U.S.) or
listed abbreviations (data/abbreviations.txt). Bullet markers (``-``, ``•``,
``*``, ``1-``) at a line start are left out of the sentence span.

Headline separators. A run of two or more ASCII dots (``..``, ``...``; only
dots) inside a line is a topic/dateline separator, not a sentence end
(``العراق.. القبض على خلية``, ``دير الزور... مقتل مدنيين``), when all hold:

1. whitespace and more text follow it on the same line;
2. the text from the start of the current sentence to the dots is at most
   ``SEPARATOR_MAX_WORDS`` (4) whitespace-separated words;
3. no sentence end follows on the rest of the line (the rest runs to the line
   end unpunctuated, as a headline does). A later dot run that is itself
   followed by text on the line does not count as an end here.

Otherwise the run ends a sentence as before: at the end of a line
(``...في موقع العملية..``), after a longer clause, or when a punctuated
sentence follows it (``وأضاف... لكن الهجوم تكرر.``). The Unicode ellipsis
``…`` always ends a sentence.
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
SEPARATOR_MAX_WORDS = 4   # words before a headline separator ".." (see module doc)


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
            if pe - ps > 1 and text[ps] == "." and _is_separator(text, ends, j, ls, prev, le):
                continue
            if cut > prev:
                spans.append((prev, cut))
                prev = cut
        if le > prev:
            spans.append((prev, le))
    return spans


def _dot_run_inside(text: str, ps: int, cut: int, pe: int, le: int) -> bool:
    """The end at ps..pe is a run of 2+ dots followed by whitespace and more text on its line."""
    return (pe - ps > 1 and text.count(".", ps, pe) == pe - ps and cut < le
            and text[cut] in " \t" and not text[cut:le].isspace())


def _is_separator(text: str, ends: list, j: int, ls: int, prev: int, le: int) -> bool:
    """The dot run ``ends[j - 1]`` is a headline separator (rules in the module doc)."""
    ps, cut, pe = ends[j - 1]
    if not _dot_run_inside(text, ps, cut, pe, le):
        return False
    if len(text[prev:ps].split()) > SEPARATOR_MAX_WORDS:
        return False
    for ps2, cut2, pe2 in ends[j:]:
        if ps2 >= le:
            break
        if pe2 - ps2 == 1 and text[ps2] == "." and _is_abbreviation(text, ls, ps2):
            continue
        if not _dot_run_inside(text, ps2, cut2, pe2, le):
            return False
    return True


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
