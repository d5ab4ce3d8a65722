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
    words: dict     # matched clitic+word -> (len(clitic), word, is number, is date, is dual)


@lru_cache(maxsize=1)
def _sets() -> _Sets:
    r"""The scan pattern, equivalent to

        (?<![\w.,])(?P<pre>{_PRE})?(?:(?P<w>{words})(?![\w])|(?P<d>\d))

    compiled as ONE prefix trie over every clitic+word and clitic+digit, so
    ``re`` never re-reads a word once per clitic; ``words`` recovers the clitic
    and word of a match the way that pattern splits it (first clitic in _PRE
    order whose rest is a word, else none). A match that is not in ``words``
    ends in a digit.
    """
    from .dates import gate_words
    from .numbers import dual_words, number_words
    nums, dates, duals = frozenset(number_words()), frozenset(gate_words()), frozenset(dual_words())
    union = nums | dates | duals
    pres = _PRE.split("|") + [""]
    words: dict = {}
    for pre in pres:
        for w in union:
            words.setdefault(pre + w, (len(pre), w, w in nums, _is_date_word(pre, w, dates), w in duals))
    trie: dict = {}
    for key in words:
        _trie_add(trie, key, "")
    for pre in pres:
        _trie_add(trie, pre, _DIGIT)
    pattern = re.compile(rf"(?<![\w.,]){_scan_pattern(trie)}")
    return _Sets(pattern, nums, dates, duals, words)


_DIGIT = "\\d"    # trie leaf: a digit follows (the key "" marks a word end)


def _trie_add(trie: dict, s: str, leaf: str) -> None:
    node = trie
    for ch in s:
        node = node.setdefault(ch, {})
    node[leaf] = {}


def _scan_pattern(node: dict) -> str:
    alts = [_DIGIT if ch == _DIGIT else re.escape(ch) + _scan_pattern(child)
            for ch, child in sorted(node.items()) if ch]
    if "" in node:
        alts.append(r"(?![\w])")     # a word ends here
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


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
    words = s.words
    for m in s.pattern.finditer(norm.folded):
        start = m.start()
        hit = words.get(m.group())
        if hit is None:           # clitic + digit
            nums.append(start)
            dates.append(start)
            continue
        npre, w, is_num, is_date, is_dual = hit
        if is_num:
            nums.append(start)
        if is_date:
            dates.append(start)
        if is_dual:
            duals.append((start + npre, m.end(), w))
    return Scan(norm, tuple(nums), tuple(dates), tuple(duals))
