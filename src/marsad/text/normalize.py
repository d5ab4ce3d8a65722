"""Arabic normalization, de-obfuscation and folding with an offset map.

``normalize(text)`` removes tatweel, diacritics, zero-width and bidi controls,
and undoes obfuscation inserted to evade filters (``د|عـ.ـش`` → ``داعش``).
Every character of the result maps back to an offset in the original text.

De-obfuscation rule (per separator ``. | * _ -`` lying between two Arabic
letters with no space):

* ``*`` inside a word, and any separator touching a tatweel (``عـ.ـش``), is
  always obfuscation; ``|`` there stands for alef;
* ``.`` joins when one side is a short fragment (<= 2 letters) — unless all
  fragments are single letters (an abbreviation such as أ.ف.ب), the left side
  ends in a word-final letter (ة ى), or the left side is a complete short word
  that can end a sentence (data/short_words.txt);
* any ``.``, ``-``, ``_`` also joins when the joined token is a known commonly
  obfuscated word (data/obfuscated_words.txt), after stripping clitics.

Everything else (``العربي-الكردي``, ``المكان.قالت``, URLs, 3.5, U.S.) is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .morph import proclitic_runs

from ._data import read_lines

LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed"
_TATWEEL = "\u0640"
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_SEPS = ".|*_-"
_DROP_RE = re.compile(f"[{_TATWEEL}{_MARKS}{_INVISIBLE}]")
_WORD = f"{LETTERS}{_TATWEEL}{_MARKS}"
# a separator between two word characters; it opens with the separator class (the
# letter before is checked by a lookbehind over both), so re skips to candidates in C
_SEP_RE = re.compile(rf"[.|*_\-](?<=[{_WORD}][.|*_\-])(?=[{_WORD}])")
_WORD_CH_RE = re.compile(f"[{_WORD}{_INVISIBLE}]")
_CORE_DROP_RE = re.compile(f"[^{LETTERS}]")
_FINAL_ONLY = "ةى"
_TRAILING = frozenset("\u0640" + "".join(map(chr, range(0x064B, 0x0660))) + "\u0670")

_SPACES = {c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
_FOLD_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ې": "ي", "ے": "ي", "ک": "ك", "ڪ": "ك", "گ": "ك", "ە": "ه", "ھ": "ه",
    "ڤ": "ف", "پ": "ب", "چ": "ج", "٫": ".", "٬": ",",
}  # Persian/Kurdish/Urdu letters of place names (ک ی ے ڤ گ پ چ) fold to their Arabic twins
_FOLD_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_FOLD_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})
_PREFIXES = proclitic_runs()   # marsad.text.morph
_SUFFIXES = ("يين", "ية", "ين", "ون", "ات", "ها", "هم", "ي", "ه")


@dataclass(frozen=True)
class Normalized:
    """A normalized text, its folded twin and the map back to the original."""

    original: str
    text: str
    folded: str
    offsets: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text``/``folded`` to a span of ``original``."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end == start:
            return self.offsets[start], self.offsets[start]
        oend = self.offsets[end - 1] + 1
        limit = self.offsets[end]
        while oend < limit and self.original[oend] in _TRAILING:
            oend += 1  # keep a word's trailing diacritics/tatweel inside the span
        return self.offsets[start], oend


def span_to_original(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """``norm.to_original(start, end)`` for a non-empty span already in range
    (0 <= start < end <= len(norm.text)): the finders' fast path."""
    offsets = norm.offsets
    oend = offsets[end - 1] + 1
    limit = offsets[end]
    if oend < limit:
        original = norm.original
        while oend < limit and original[oend] in _TRAILING:
            oend += 1
    return offsets[start], oend


_FOLD_PAIRS = tuple(_FOLD_MAP.items())
_FOLD_TABLE = str.maketrans(_FOLD_MAP)   # same map; no target is also a source
_SHORT = 48
_SPACE_CHARS = tuple(_SPACES)


def fold_text(s: str) -> str:
    """Fold an already-normalized string (length preserving).

    A chain of ``str.replace`` (each a fast C scan, skipped when the character
    is absent) is several times faster than ``str.translate`` on Arabic text;
    on a short string (a word, a fragment) one ``translate`` is cheaper. Both
    give the same result: every mapping is one character to one character and
    no target is also a source.
    """
    if len(s) < _SHORT:
        return s.translate(_FOLD_TABLE)
    for a, b in _FOLD_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


def fold_chars(s: str) -> str:
    """Fold an already-clean string character by character (fast; no offsets).

    Drops tatweel, diacritics and zero-width/bidi controls, turns unusual spaces
    into " " and applies the fold map — the same mapping as ``Normalized.folded``
    but without de-obfuscation, so ``fold_chars(s) == normalize(s).folded`` for
    any ``s`` with no ``. | * _ -`` between two letters. For gazetteer names,
    lexicon keys and whole data files; length changes only by dropped characters.
    """
    if _DROP_RE.search(s):
        s = _DROP_RE.sub("", s)
    return fold_text(_fix_spaces(s))


def _fix_spaces(s: str) -> str:
    for a in _SPACE_CHARS:
        if a in s:
            s = s.replace(a, " ")
    return s


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    return frozenset(fold_text(w) for w in read_lines("obfuscated_words.txt"))


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    return frozenset(fold_text(w) for w in read_lines("short_words.txt"))


def _core(fragment: str) -> str:
    return fold_text(_CORE_DROP_RE.sub("", fragment))


def _known_word(word: str) -> bool:
    lex = _lexicon()
    cands = {word}
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            cands.add(word[len(p):])
    for c in list(cands):
        for s in _SUFFIXES:
            if c.endswith(s) and len(c) - len(s) >= 3:
                cands.add(c[: -len(s)])
    return not cands.isdisjoint(lex)


def _token_bounds(text: str, pos: int) -> tuple[int, int]:
    """Expand from separator ``pos`` to the whole obfuscated token."""
    n = len(text)
    i = pos
    while i > 0 and (_WORD_CH_RE.match(text, i - 1) or (
            text[i - 1] in _SEPS and i > 1 and _WORD_CH_RE.match(text, i - 2)
            and _WORD_CH_RE.match(text, i))):
        i -= 1
    j = pos + 1
    while j < n and (_WORD_CH_RE.match(text, j) or (
            text[j] in _SEPS and j + 1 < n and _WORD_CH_RE.match(text, j + 1)
            and _WORD_CH_RE.match(text, j - 1))):
        j += 1
    return i, j


def _join_decisions(parts: list[str], seps: list[str]) -> list[bool]:
    """Decide for each separator whether it is obfuscation (True) or real."""
    cores = [_core(p) for p in parts]
    known = _known_word("".join(cores))
    all_single = all(len(c) <= 1 for c in cores)
    short = _short_words()
    out = []
    for k, sep in enumerate(seps):
        left, right = parts[k], parts[k + 1]
        lc, rc = cores[k], cores[k + 1]
        if sep == "*" or sep == "|" or left.endswith(_TATWEEL) or right.startswith(_TATWEEL):
            out.append(True)
        elif known:
            out.append(True)
        elif sep != "." or all_single or not lc or not rc:
            out.append(False)
        elif lc[-1] in "هي" and parts[k][-1:] in _FINAL_ONLY:
            out.append(False)
        elif k == 0 and lc in short:
            out.append(False)
        else:
            out.append(len(lc) <= 2 or (len(rc) <= 2 and rc not in short))
    return out


def _obfuscation_edits(text: str) -> dict[int, str]:
    """Positions of separators to delete ('') or replace (alef for '|')."""
    edits: dict[int, str] = {}
    done_until = -1
    for m in _SEP_RE.finditer(text):
        if m.start() < done_until:
            continue
        a, b = _token_bounds(text, m.start())
        done_until = b
        token = text[a:b]
        pieces = re.split(r"([.|*_\-])", token)
        parts, seps = pieces[0::2], pieces[1::2]
        pos = a
        for k, join in enumerate(_join_decisions(parts, seps)):
            pos += len(parts[k])
            if join:
                edits[pos] = "ا" if seps[k] == "|" else ""
            pos += 1
    return edits


def _apply(text: str, edits: dict[int, str]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    offsets: list[int] = []
    prev = 0
    for pos in sorted(edits):
        if pos > prev:
            pieces.append(text[prev:pos])
            offsets.extend(range(prev, pos))
        rep = edits[pos]
        if rep:
            pieces.append(rep)
            offsets.extend([pos] * len(rep))
        prev = pos + 1
    pieces.append(text[prev:])
    offsets.extend(range(prev, len(text)))
    offsets.append(len(text))
    return "".join(pieces), offsets


SHORT_TEXT = 2000   # a sentence or a title: its normalization is kept longer (the extractor asks again per sentence)


def normalize(text: str) -> Normalized:
    """Normalize Arabic ``text``; see the module docstring for the rules. Cached: the last 16 texts, and the last
    1024 of at most SHORT_TEXT characters (a sentence is normalized by the extractor's preparation and again by
    the date and number finders, often more than 16 sentences later)."""
    if not isinstance(text, str):
        raise TypeError("normalize() expects str")
    return _normalize_short(text) if len(text) <= SHORT_TEXT else _normalize(text)


@lru_cache(maxsize=1024)
def _normalize_short(text: str) -> Normalized:
    return _normalize(text)


@lru_cache(maxsize=16)
def _normalize(text: str) -> Normalized:
    edits = _obfuscation_edits(text) if _SEP_RE.search(text) else {}
    for m in _DROP_RE.finditer(text):
        edits.setdefault(m.start(), "")
    if edits:
        out, offsets = _apply(text, edits)
    else:
        out, offsets = text, list(range(len(text) + 1))
    out = _fix_spaces(out)
    return Normalized(original=text, text=out, folded=fold_text(out), offsets=offsets)


def fold(s: str) -> str:
    """``normalize(s).folded`` — the key form used for lexicon lookups.

    Folding can expose a separator the ة/ى rule kept (``ة.ءف`` folds to ``ه.ءف``,
    which de-obfuscates to ``هءف``), so the rare string that still has a separator
    between letters is folded again until nothing changes: ``fold`` is idempotent.
    """
    f = normalize(s).folded
    while _SEP_RE.search(f):
        g = normalize(f).folded
        if g == f:
            break
        f = g
    return f
