"""Property tests: the primitives never raise and keep their span invariants."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import find_dates, find_numbers, fold, fold_chars, normalize, split_sentences
from marsad.text.normalize import _SEP_RE

# Arabic letters, tatweel, diacritics, digits of both kinds, obfuscation separators,
# punctuation, spaces, bidi/zero-width controls, and a few Latin letters.
ALPHABET = st.sampled_from(list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىئؤـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩0123456789"
    ".|*_-–/:،,؛؟!«»“” \n\t\u200b\u200f\u202b\ufeffUSab"))
ARABICISH = st.text(ALPHABET, max_size=200)
WORDS = st.lists(st.sampled_from([
    "قتل", "عناصر", "داعش", "د|عـ.ـش", "ثلاثة", "آلاف", "و", "من", "إلى", "بين", "30", "٢٠", "-", "أمس",
    "الخميس", "الماضي", "كانون", "الأول", "آذار", "2018", "19", "الـ", "نحو", "أكثر", "عشرات", "عنصرين",
    "مطلع", "الشهر", "العام", "منذ", "بداية", "قبل", "أيام", "هـ", "رمضان", "1445", ".", "/", "12",
]), max_size=30).map(" ".join)
ANY = st.one_of(st.text(max_size=120), ARABICISH, WORDS)


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_normalize_offsets_monotonic_in_range(s):
    n = normalize(s)
    assert len(n.offsets) == len(n.text) + 1
    assert len(n.folded) == len(n.text)
    assert all(0 <= o <= len(s) for o in n.offsets)
    assert all(a < b for a, b in zip(n.offsets, n.offsets[1:]))
    assert n.offsets[-1] == len(s)
    s2, e2 = n.to_original(0, len(n.text))
    assert 0 <= s2 <= e2 <= len(s)


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_fold_idempotent(s):
    f = fold(s)
    assert fold(f) == f


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_fold_chars_is_the_folded_text_without_deobfuscation(s):
    f = fold_chars(s)
    assert fold_chars(f) == f
    if not _SEP_RE.search(s):
        assert f == normalize(s).folded


@settings(max_examples=200, deadline=None)
@given(ANY)
def test_sentences_spans_are_exact(s):
    prev = 0
    for sent in split_sentences(s):
        assert s[sent.start:sent.end] == sent.text == sent.text.strip()
        assert sent.start >= prev
        prev = sent.end


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_find_numbers_never_raises(s):
    for q in find_numbers(s):
        assert 0 <= q.start < q.end <= len(s)
        assert s[q.start:q.end] == q.text
        if q.value_low is not None and q.value_high is not None:
            assert q.value_low <= q.value_high


@settings(max_examples=300, deadline=None)
@given(ANY, st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))))
def test_find_dates_never_raises(s, pub):
    for m in find_dates(s, pub):
        assert 0 <= m.start < m.end <= len(s)
        assert s[m.start:m.end] == m.text
        assert m.precision in ("day", "week", "month", "year")
        if m.date_start is not None:
            assert m.date_end is not None and m.date_start <= m.date_end
