"""One shared pre-filter pass over a normalized text.

Numbers, duals and dates all start at a word from a small vocabulary or at a
digit. Instead of three regex scans, one scan finds every such word start and
sorts it into the candidates of each finder; the result is cached per text so
``find_numbers`` and ``find_dates`` on the same document share it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import Normalized, normalize

_PRE = "وال|بال|فال|لل|ال|وب|ول|و|ف|ب|ل"


@dataclass(frozen=True)
class Scan:
    norm: Normalized
    numbers: tuple[int, ...]      # positions where a number expression may start
    dates: tuple[int, ...]        # positions where a date expression may start
    duals: tuple[tuple[int, int, str], ...]   # (start, end, folded word) of dual nouns


@dataclass(frozen=True)
class _Sets:
    pattern: re.Pattern
    numbers: frozenset
    dates: frozenset
    duals: frozenset


@lru_cache(maxsize=1)
def _sets() -> _Sets:
    from .dates import gate_words
    from .numbers import dual_words, number_words
    nums, dates, duals = frozenset(number_words()), frozenset(gate_words()), frozenset(dual_words())
    union = nums | dates | duals
    alt = trie_regex(union)
    pattern = re.compile(rf"(?<![\w.,])(?P<pre>{_PRE})?(?:(?P<w>{alt})(?![\w])|(?P<d>\d))")
    return _Sets(pattern, nums, dates, duals)


def trie_regex(words) -> str:
    """A regex alternation of ``words`` factored as a prefix trie.

    Python's ``re`` tries alternatives one by one; sharing prefixes means each
    position costs a few character tests instead of one per word.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _is_date_word(pre: str, w: str, dates: frozenset) -> bool:
    if w in dates:
        return True
    full = pre + w
    return full in dates or full[1:] in dates or full[2:] in dates


@lru_cache(maxsize=16)
def scan(text: str) -> Scan:
    norm = normalize(text)
    s = _sets()
    nums: list[int] = []
    dates: list[int] = []
    duals: list[tuple[int, int, str]] = []
    numbers, duals_set = s.numbers, s.duals
    for m in s.pattern.finditer(norm.folded):
        start = m.start()
        pre, w = m.group("pre", "w")
        if w is None:
            nums.append(start)
            dates.append(start)
            continue
        if w in numbers:
            nums.append(start)
        if _is_date_word(pre or "", w, s.dates):
            dates.append(start)
        if w in duals_set:
            duals.append((m.start("w"), m.end("w"), w))
    return Scan(norm, tuple(nums), tuple(dates), tuple(duals))
