"""The speed-ups of marsad.text against the plain forms they replace (issue 3).

Each fast path must give exactly what the straightforward code gave: the scan
trie vs the documented clitic/word/digit pattern, the clitic lookup dict vs a
scan of the prefixes, the alternative read from ``m.lastindex`` vs testing
every alternative, ``span_to_original`` vs ``Normalized.to_original``.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import _scan, dates, numbers
from marsad.text.normalize import normalize, span_to_original


def _vocab_words() -> list[str]:
    s = _scan._sets()
    return sorted(s.numbers | s.dates | s.duals)


_CLITICS = _scan._PRE.split("|")
TOKENS = st.one_of(
    st.sampled_from(_vocab_words()),
    st.sampled_from(_vocab_words()).flatmap(lambda w: st.sampled_from([c + w for c in _CLITICS])),
    st.sampled_from(_CLITICS).flatmap(lambda c: st.integers(0, 3000).map(lambda n: f"{c}{n}")),
    st.sampled_from(["قتل", "عناصر", "من", "بين", "الى", "-", ".", ",", "،", "x", "5a", "١٢", "\n", "ب2500"]),
)
TEXTS = st.lists(TOKENS, max_size=25).flatmap(
    lambda ts: st.sampled_from([" ", "", "  ", "\t", ".", ","]).map(lambda sep: sep.join(ts)))


def _reference_scan(f: str):
    s = _scan._sets()
    pat = re.compile(rf"(?<![\w.,])(?P<pre>{_scan._PRE})?(?:(?P<w>{_scan.trie_regex(s.numbers | s.dates | s.duals)})"
                     r"(?![\w])|(?P<d>\d))")
    nums, dts, duals = [], [], []
    for m in pat.finditer(f):
        pre, w = m.group("pre", "w")
        if w is None:
            nums.append(m.start())
            dts.append(m.start())
            continue
        if w in s.numbers:
            nums.append(m.start())
        if _scan._is_date_word(pre or "", w, s.dates):
            dts.append(m.start())
        if w in s.duals:
            duals.append((m.start("w"), m.end("w"), w))
    return tuple(nums), tuple(dts), tuple(duals)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_scan_trie_equals_reference_pattern(text):
    sc = _scan.scan(text)
    assert (sc.numbers, sc.dates, sc.duals) == _reference_scan(sc.norm.folded)


def _reference_lookup(word: str, first: bool):
    words = numbers._vocab().words
    if word in words:
        return "", *words[word]
    for p in numbers._PREFIXES:
        if word.startswith(p) and word[len(p):] in words:
            if not first and p not in ("و", "ال"):
                return None
            return p, *words[word[len(p):]]
    return None


@settings(max_examples=300, deadline=None)
@given(TOKENS, st.booleans())
def test_number_lookup_equals_prefix_scan(token, first):
    word = normalize(token).folded
    assert numbers._lookup(word, first) == _reference_lookup(word, first)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_date_alternative_from_lastindex(text):
    _norm, matches = dates._matches(text)
    for m in matches:
        assert dates._kind(m) == next(n for n in dates._HANDLERS if m.group(n) is not None)
        assert dates._vocab().kinds[m.lastindex] == dates._kind(m)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ابت ـَُّ.|\u200b5")), min_size=1, max_size=40), st.data())
def test_span_to_original_equals_method(text, data):
    n = normalize(text)
    if not n.text:
        return
    start = data.draw(st.integers(0, len(n.text) - 1))
    end = data.draw(st.integers(start + 1, len(n.text)))
    assert span_to_original(n, start, end) == n.to_original(start, end)
