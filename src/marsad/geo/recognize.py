"""Recognition: find gazetteer names in folded Arabic text.

Tokens are runs of Arabic letters in the folded text. At each token the attached
prefixes (و ف ب ل ك and their pairs, لل → ال) are tried, then the longest name
in the index that starts there (up to ``max_name_words`` words, only across plain
spaces). Overlap policy: longest, then leftmost. A match is kept when it passes
the acceptance rules in ``accept`` (stoplist, person/organisation heads, minor
places need a cue or a locative context).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .fold import fold
from .gazetteer import Gazetteer, load_gazetteer

TOKEN_RE = re.compile("[\u0621-\u063a\u0641-\u064a]+")
ONE_PREFIX = frozenset("وفبلك")
TWO_PREFIX = frozenset(("وب", "فب", "ول", "فل", "وك", "فك"))
MINOR_KINDS = frozenset(("village", "ruin", "neighbourhood", "district", "subdistrict"))


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str
    joined: bool   # only spaces between the previous token and this one


@dataclass
class Match:
    i: int                 # first token
    j: int                 # one past the last token
    key: str               # folded name found in the index
    plen: int              # prefix letters stripped from the first token
    cue: str = ""          # folded cue word before the name ("" when none)
    cue_i: int = -1        # token index of the cue
    role: str = "place"
    why: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Vocab:
    cues: dict
    heads: dict
    directions: dict
    person: frozenset
    org: frozenset
    locative: frozenset
    countryside: frozenset
    never: frozenset       # cue, head and direction words: never a place by themselves
    max_words: int


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    v = load_gazetteer().vocab

    def fset(words: list[str]) -> frozenset:
        return frozenset(fold(w) for w in words)

    return Vocab(
        cues={fold(k): tuple(val) for k, val in v["cues"].items() if not k.startswith("_")},
        heads={fold(k): val for k, val in v["region_heads"].items() if not k.startswith("_")},
        directions={fold(k): val for k, val in v["directions"].items() if not k.startswith("_")},
        person=fset(v["person_heads"]), org=fset(v["org_heads"]), locative=fset(v["locative_words"]),
        countryside=fset(v["countryside_words"]), max_words=int(v["max_name_words"]),
        never=fset([k for sec in ("cues", "region_heads", "directions") for k in v[sec] if not k.startswith("_")]
                   + v["countryside_words"] + v["name_strip_words"] + v["joined_first_words"]),
    )


def tokenize(folded: str) -> list[Token]:
    toks: list[Token] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(folded):
        s, e = m.span()
        gap = folded[prev_end:s]
        toks.append(Token(s, e, m.group(), gap == " " or not gap.strip()))
        prev_end = e
    return toks


def stems(word: str) -> list[tuple[str, int]]:
    """The word and its forms without attached prefixes, as (form, letters stripped)."""
    out = [(word, 0)]
    n = len(word)
    if n > 3 and word[0] in ONE_PREFIX:
        if word[0] == "ل" and word[1] == "ل":
            out.append(("ا" + word[1:], 1))
        else:
            out.append((word[1:], 1))
        if n > 4 and word[:2] in TWO_PREFIX:
            if word[2] == "ل" and word[1] == "ل":
                out.append(("ا" + word[2:], 2))
            else:
                out.append((word[2:], 2))
    return out


_VOCAB_WORDS: set[str] = set()


def bare(word: str) -> str:
    """The word as a vocabulary word: itself when the vocabulary knows it, else the first
    prefix-stripped form it knows (بريف → ريف, but بلدة stays بلدة), else the shortest form."""
    forms = stems(word)
    known = _VOCAB_WORDS or _vocab_words()
    for form, _ in forms:
        if form in known:
            return form
    return forms[-1][0]


def _vocab_words() -> set[str]:
    voc = vocab()
    _VOCAB_WORDS.update(voc.cues, voc.heads, voc.directions, voc.person, voc.org, voc.locative,
                        voc.countryside, ("من", "في"))
    return _VOCAB_WORDS


def scan(toks: list[Token], gaz: Gazetteer, max_words: int) -> list[Match]:
    """Longest-then-leftmost matches of index names over the tokens."""
    first = gaz.first_words
    by_name = gaz.by_name
    out: list[Match] = []
    i, n = 0, len(toks)
    while i < n:
        best = None
        word = toks[i].word
        if word not in first and word[0] not in ONE_PREFIX:
            i += 1
            continue
        for form, plen in stems(word):
            longest = first.get(form)
            if not longest:
                continue
            k = min(longest, max_words, n - i)
            while k > 1 and not all(toks[x].joined for x in range(i + 1, i + k)):
                k -= 1
            while k >= 1:
                key = form if k == 1 else form + " " + " ".join(t.word for t in toks[i + 1:i + k])
                if key in by_name:
                    if best is None or k > best.j - best.i:
                        best = Match(i, i + k, key, plen)
                    break
                k -= 1
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best.j
    return out


def _set_cue(m: Match, toks: list[Token], voc: Vocab) -> None:
    if m.i > 0:
        w = bare(toks[m.i - 1].word)
        if w in voc.cues:
            m.cue, m.cue_i = w, m.i - 1


def accept(matches: list[Match], toks: list[Token], gaz: Gazetteer) -> list[Match]:
    """Apply the not-a-place rules; mark organisation context."""
    voc = vocab()
    kept: list[Match] = []
    for m in matches:
        _set_cue(m, toks, voc)
        prev = toks[m.i - 1].word if m.i > 0 else ""
        prev_bare = bare(prev) if prev else ""
        if m.key in voc.never:
            continue
        in_region = prev_bare in voc.heads or prev_bare in voc.directions or prev_bare in voc.countryside
        chained = bool(kept) and kept[-1].j == m.i and m.plen > 0 and toks[m.i].word[0] == "و"
        if m.key in gaz.stoplist and not m.cue:
            continue
        if m.cue or in_region:
            m.why.append(f"cue:{m.cue or prev_bare}")
        elif prev in voc.person or prev_bare in voc.person:
            continue
        elif _all_minor(gaz, m.key) and not (_locative(m, toks, voc) or chained):
            continue
        if prev_bare in voc.org or prev in voc.org:
            m.role = "org"
        kept.append(m)
    return kept


def _all_minor(gaz: Gazetteer, key: str) -> bool:
    return all(gaz.entries[i].kind in MINOR_KINDS for i in gaz.by_name[key])


def _locative(m: Match, toks: list[Token], voc: Vocab) -> bool:
    """ب/في/من/قرب... before the name: the usual frame of a place."""
    tok = toks[m.i]
    if m.plen and tok.word[0] in "ب" or (m.plen == 2 and tok.word[1] == "ب"):
        return True
    if m.i > 0:
        p = toks[m.i - 1].word
        return p in voc.locative or bare(p) in voc.locative
    return False
