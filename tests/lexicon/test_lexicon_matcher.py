"""The phrase matcher: one Aho-Corasick pass per text over every lexicon, answering each list with the semantics
of its regex (PhraseMatcher._regex_scan, the reference)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from marsad.lexicon.loader import PhraseMatcher, _origin, _Shared, matcher
from marsad.text import normalize, split_sentences

ENTRIES = [("قصف", "strike", False), ("قصف مدفعي", "shelling", False), ("استهدف", "attack", True),
           ("الحشد الشعبي", "pmf", False), ("حشد", "crowd", False), ("ولاية", "province", False),
           ("اشتباك", "clash", True), ("في", "in", False), ("ال", "article", False), ("لواء", "brigade", False),
           ("بيان", "statement", False), ("ل", "lam", False), ("كمين", "ambush", False)]

CASES = [  # (text, [(the match in the folded text, key)])
    ("والقصف المدفعي على القرية", [("قصف", "قصف")]),  # the article is a proclitic; "المدفعي" is not "مدفعي"
    ("قصف مدفعي استهدف القرية", [("قصف مدفعي", "قصف مدفعي"), ("استهدف", "استهدف")]),
    ("قصفت الطائرات", []),                          # an exact entry ends its word
    ("واستهدفت الطائرات", [("استهدفت", "استهدف")]),  # a stem entry takes the rest of the word
    ("قيادي في الحشد الشعبي", [("في", "في"), ("حشد", "حشد")]),  # the article taken first, "حشد" ends its word
    ("للحشد الشعبي بيان", [("لحشد الشعبي", "لحشد الشعبي"), ("بيان", "بيان")]),  # ل + the entry's لـ alias
    ("قصف\nمدفعي", [("قصف\nمدفعي", "قصف مدفعي")]),   # a key's space stands for any run of whitespace
    ("قصف   مدفعي", [("قصف   مدفعي", "قصف مدفعي")]),
    ("ولاية والي", [("ولايه", "ولايه")]),             # "والي": the conjunction and the article are tried first
    ("«كمين» محكم", [("كمين", "كمين")]),
    ("مكمين", []),                                 # inside a word: no match
]


def _m() -> PhraseMatcher:
    return PhraseMatcher(ENTRIES)


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_matches(text, expected):
    folded = normalize(text).folded
    got = [(folded[p.start:p.end], p.key) for p in _m().find(folded)]
    assert got == expected
    assert _m()._scan(folded, 0, len(folded)) == _m()._regex_scan(folded, 0, len(folded))


PIECES = [e[0] for e in ENTRIES] + ["و", "ف", "ب", "ل", "ك", "لل", "ال", "ت", "ات", "ها", "ين", " ", " ", " ", "  ",
                                    "\n", "،", ".", "«", "»", "-", "3", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.data())
def test_automaton_answers_as_the_regex(pieces, data):
    text = "".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    m = _m()
    assert m._scan(text, 0, len(text)) == m._regex_scan(text, 0, len(text))
    assert m._scan(text, a, b) == m._regex_scan(text, a, b)


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev" / "articles"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("lexicon,section", [("triggers", ""), ("actors", ""), ("cues", "hypothetical"),
                                             ("cues", "false_triggers"), ("counts", "roles"), ("claims", "nouns")])
def test_real_sentences_match_as_the_regex(lexicon, section):
    m = matcher(lexicon, section)
    texts = [normalize(s.text).folded for f in sorted(CORPUS.glob("*.json"))[:12]
             for s in split_sentences(json.loads(f.read_text(encoding="utf-8"))["text"] or "")]
    for t in texts:
        assert m._scan(t, 0, len(t)) == m._regex_scan(t, 0, len(t)), t
        half = len(t) // 2
        assert m._scan(t, 3, half) == m._regex_scan(t, 3, half), t


def _window_by_filter(m: PhraseMatcher, text: str, a: int, b: int) -> list:
    """A window's matches as the whole text's when none is cut by its ends, else the window scanned alone."""
    whole = m._regex_scan(text, 0, len(text))
    if any(p.start < a < p.end or p.start < b < p.end for p in whole):
        return m._regex_scan(text, a, b)
    return [p for p in whole if a <= p.start and p.end <= b]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.data())
def test_a_window_is_answered_from_the_whole_text(pieces, data):
    text = "".join(pieces)
    m = _m()
    for _ in range(3):
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, len(text)))
        assert m.find(text, a, b) == _window_by_filter(m, text, a, b)


BODY_START_TEXTS = ["وبالقصف المدفعي على القرية", "فللحشد الشعبي بيان، وللجيش آخر", "ولل ال و ب قصف",
                    "«كمين» محكم_ قرب 3 قرى", "استهدف\nالطيران  مواقع (داعش) في ريف الرقة.", "كالبرق والرعد فالسيل"]


def _pass_of(text: str):
    """The pass of `text` by an automaton of ENTRIES (asked), and its origins checked against _origin."""
    m = _m()
    m.find(text)
    run = m._shared.scan(text)
    for s, p in run.origins.items():
        assert p == (_origin(text, s) or [-1])[0], (text, s)
    return run


def test_pass_origins_are_those_of_origin():
    """Where a hit may put its entry (a word start, or after a run of proclitics), found per hit start by the pass,
    is what _origin finds; the table has hits after a proclitic run and hits inside a word."""
    origins = [o for text in BODY_START_TEXTS for o in _pass_of(normalize(text).folded).origins.items()]
    assert any(p >= 0 and s != p for s, p in origins)
    assert any(p < 0 for _, p in origins)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_pass_origins_on_any_text(pieces):
    _pass_of("".join(pieces))


def test_a_matcher_asked_late_finds_its_matches_on_a_text_already_scanned():
    """A pass keeps only the hits of matchers asked so far: one asked later, on a text already scanned for another
    list of the same automaton (sharing keys with it), still gets all its matches (its first question drops the
    passes made before)."""
    shared = _Shared()
    first = PhraseMatcher(ENTRIES[:6], shared)
    late = PhraseMatcher([("قصف", "q", False), ("بيان", "b", False), ("كمين", "k", False)], shared)
    never = PhraseMatcher([("القرية", "v", False)], shared)
    text = normalize("قصف مدفعي على القرية، ثم بيان عن كمين").folded
    assert [p.key for p in first.find(text)] == ["قصف مدفعي"]
    assert [p.key for p in late.find(text)] == ["قصف", "بيان", "كمين"]
    assert late.find(text) == late._regex_scan(text, 0, len(text))
    assert first.find(text) == first._regex_scan(text, 0, len(text))
    assert never._id not in shared.active and shared.active == {first._id, late._id}


def test_the_narrow_automaton_finds_what_the_full_one_finds(monkeypatch):
    """After QUIET scans with no new list asked, passes run on an automaton of the asked keys only; the keys of a
    list asked later that it lacks go into a small late automaton passes also run (past LATE_MAX late keys, passes
    go back to the full automaton until the next quiet stretch). Matches are the same throughout."""
    monkeypatch.setattr(_Shared, "QUIET", 3)
    shared = _Shared()
    first = PhraseMatcher(ENTRIES[:6], shared)
    late = PhraseMatcher([("قصف", "q", False), ("بيان", "b", False), ("كمين", "k", False)], shared)
    PhraseMatcher([("القرية", "v", False)], shared)          # never asked: its key stays out of the narrow one
    texts = [normalize(t).folded for t in ("قصف مدفعي على القرية، ثم بيان عن كمين", "والقصف المدفعي", "للحشد الشعبي بيان",
                                            "قصف\nمدفعي", "كمين في القرية", "قيادي في الحشد الشعبي")]
    for t in texts[:4]:
        assert first.find(t) == first._regex_scan(t, 0, len(t))
    assert shared.narrow is not None and len(shared.narrow) < len(shared.automaton)
    for t in texts:
        assert late.find(t) == late._regex_scan(t, 0, len(t))   # asked now: its keys missing from the narrow one
    assert shared.narrow is not None and shared.late is not None   # are in the late automaton ("قصف" is not)
    assert shared.late_keys == {"بيان", "كمين"}
    for t in texts:
        shared.passes.clear()
        assert first.find(t) == first._regex_scan(t, 0, len(t))
        assert late.find(t) == late._regex_scan(t, 0, len(t))


def test_past_late_max_the_full_automaton_is_back(monkeypatch):
    """A late list with more keys than LATE_MAX sends passes back to the full automaton; matches stay the same."""
    monkeypatch.setattr(_Shared, "QUIET", 2)
    monkeypatch.setattr(_Shared, "LATE_MAX", 1)
    shared = _Shared()
    first = PhraseMatcher(ENTRIES[:6], shared)
    late = PhraseMatcher([("قصف", "q", False), ("بيان", "b", False), ("كمين", "k", False)], shared)
    texts = [normalize(t).folded for t in ("قصف مدفعي على القرية، ثم بيان عن كمين", "والقصف المدفعي", "كمين في القرية")]
    for t in texts:
        assert first.find(t) == first._regex_scan(t, 0, len(t))
    assert shared.narrow is not None
    assert late.find(texts[0]) == late._regex_scan(texts[0], 0, len(texts[0]))
    assert shared.narrow is None and shared.late is None       # until QUIET scans again
    for t in texts + texts:
        shared.passes.clear()
        assert first.find(t) == first._regex_scan(t, 0, len(t))
        assert late.find(t) == late._regex_scan(t, 0, len(t))
    assert shared.narrow is not None
