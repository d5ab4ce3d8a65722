"""Numbers with their qualifier and noun, found in a FOLDED sentence (spans in the folded string).

A private finder with the Quantity contract of docs/INTERFACES.md, used by the extractor on
the folded text it already holds. Number words, multipliers and qualifier cues come from
the lexicon (numbers.json).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.lexicon import fold_entry, load

_TOKEN = re.compile(r"و(?=\d)|\d+(?:[.,]\d+)*|\w+|-|–")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value_low: float | None
    value_high: float | None
    qualifier: str
    vague: bool
    noun: str | None
    noun_start: int | None
    noun_end: int | None


@lru_cache(maxsize=1)
def _tables():
    data = load("numbers")
    words = {fold_entry(k): v for k, v in data["words"].items()}
    mult = {fold_entry(k): v for k, v in data["multipliers"].items()}
    quals = [(q, fold_entry(c).split()) for q, cues in data["qualifiers"].items() for c in cues]
    quals.sort(key=lambda t: -len(t[1]))
    return words, mult, quals


def _atom(tok: str, words: dict) -> float | None:
    if tok[0].isdigit():
        clean = tok.replace(",", "")
        try:
            return float(clean)
        except ValueError:
            return None
    if tok in words:
        return words[tok]
    if tok.startswith("و") and tok[1:] in words:
        return None
    return None


def _parse(toks: list, i: int, words: dict, mult: dict) -> tuple[float, int] | None:
    """Parse a number phrase at token i -> (value, index after it)."""
    total, j, seen = 0.0, i, False
    while j < len(toks):
        tok = toks[j][2]
        conj = seen and tok.startswith("و")
        if conj and tok == "و" and j + 1 < len(toks):
            j, tok = j + 1, "و" + toks[j + 1][2]
        core = tok[1:] if conj else tok
        val = _atom(core, words)
        if val is None or (conj and not _joins(total, val)):
            break
        j += 1
        if j < len(toks) and toks[j][2] in ("عشر", "عشره") and val < 10:
            val, j = val + 10, j + 1
        if j < len(toks) and toks[j][2] in mult and val < 1000:
            val, j = val * mult[toks[j][2]], j + 1
        total, seen = total + val, True
        if not (j < len(toks) and toks[j][2].startswith("و") and not _between(toks, i)):
            break
    return (total, j) if seen else None


def _qualifier(toks: list, i: int, quals) -> str:
    for q, cue in quals:
        n = len(cue)
        if i >= n and [t[2] for t in toks[i - n:i]] == cue:
            return q
        if i >= n + 1 and toks[i - 1][2] in ("من", "الي", "علي", "عن") and [t[2] for t in toks[i - n - 1:i - 1]] == cue:
            return q
    return "exact"


def find_quantities(folded: str) -> list[Quantity]:
    words, mult, quals = _tables()
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
    out, i = [], 0
    while i < len(toks):
        parsed = _parse(toks, i, words, mult)
        if parsed is None:
            i += 1
            continue
        low, j = parsed
        high, qual = low, _qualifier(toks, i, quals)
        if j + 1 < len(toks) and toks[j][2] in ("-", "–", "الي", "و") and (toks[j][2] != "و" or _between(toks, i)):
            nxt = _parse(toks, j + 1, words, mult)
            if nxt:
                high, j = nxt
                if low < high / 100 and high >= 1000:
                    low *= 1000 if high % 1000 == 0 and high < 10**6 else 1
                qual = "range"
        noun = toks[j] if j < len(toks) else None
        if noun and noun[2] in ("من",) and j + 1 < len(toks):
            noun = toks[j + 1]
        out.append(Quantity(toks[i][0], toks[j - 1][1], folded[toks[i][0]:toks[j - 1][1]], low, high, qual, False,
                            noun[2] if noun else None, noun[0] if noun else None, noun[1] if noun else None))
        i = j
    return out


def _joins(total: float, val: float) -> bool:
    """'ثلاثة آلاف و500' and 'خمسة وعشرين' join; '2000 و4000' does not."""
    return (total >= 100 and val < total and val < 1000) or (total < 10 and val in (20, 30, 40, 50, 60, 70, 80, 90))


def _between(toks: list, i: int) -> bool:
    return i > 0 and toks[i - 1][2] in ("بين", "ما بين")


_COUNTED = re.compile(r"^(مقاتل|عنصر|عناصر|معتقل|شخص|مدني|قتيل|سجين|جندي|مسلح|طفل|امراه|عائل|عوائل|اجنبي|لاجي|نازح|دولار|عمليه|هجوم|غاره|قيادي|اسره)")


def is_year(q: Quantity) -> bool:
    """A four-digit 19xx/20xx figure not followed by a counted noun is a year."""
    if q.value_low is None or q.value_low != q.value_high or not _YEAR.match(q.text):
        return False
    return not (q.noun and _COUNTED.match(q.noun))
