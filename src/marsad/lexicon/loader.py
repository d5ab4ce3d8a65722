"""One cached loader for the lexicon data files, and a phrase matcher over folded text.

Matching is one pass per text over every lexicon: one Aho-Corasick automaton (pyahocorasick) holds the keys of
every phrase list of the lexicon files; a text is scanned once and its hits are bucketed by list, kept only where
they start right after a word start and a run of proclitics (marsad.text.morph). Each PhraseMatcher then answers
from its bucket with the regex semantics it was written with (kept in `_regex_scan`, the reference the property
tests compare against): leftmost match first, at each word start the proclitic slots tried greedily in order,
then the longest entry that ends its word (or, for a stem entry, any continuation of the word).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import ahocorasick

from marsad.text.morph import (
    ARTICLE,
    CONJUNCTIONS,
    LAM_ARTICLE,
    PREPOSITIONS,
    PROCLITIC_PATTERN as _PREFIX,
    inflect,
)

_WORDS = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_WORD_REST = re.compile(r"\w*")
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]|  ")       # whitespace a one-space key does not meet as-is
_KEY_SHAPE = re.compile(r"\w")              # a key opening with a word character: the automaton answers it exactly

NAMES = ("actors", "triggers", "cues", "counts", "sources", "claims", "rules")


@lru_cache(maxsize=1 << 16)
def fold_entry(s: str) -> str:
    """Fold a lexicon entry exactly as the text is folded (marsad.text.normalize); cached."""
    from marsad.text import normalize

    return " ".join(normalize(s).folded.split())


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The raw JSON of one lexicon file (cached)."""
    if name not in NAMES:
        raise KeyError(f"unknown lexicon {name!r}")
    text = resources.files("marsad.lexicon").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def folded_words(name: str, section: str) -> frozenset:
    """The folded entries of one word list of a lexicon file, as a set (cached): the lists a rule tests a token
    against ("storming_agents", "breakdown_markers")."""
    return frozenset(fold_entry(w) for w in load(name)[section])


class Phrase(NamedTuple):
    """One match of a lexicon entry in a folded text (a named tuple: made for every match, it must be cheap)."""

    start: int
    end: int
    key: str        # the folded entry that matched
    value: Any      # the payload the entry carries


_tuple_new = tuple.__new__


def _prefix_lengths() -> tuple[tuple[str, ...], ...]:
    """Every run of proclitics a match may open with, as the strings of its three slots."""
    conj = ("",) + CONJUNCTIONS
    prep = ("",) + PREPOSITIONS + (LAM_ARTICLE,)
    return tuple((c, p, a) for c in conj for p in prep for a in ("", ARTICLE))


_PREFIXES = frozenset("".join(x) for x in _prefix_lengths())
_MAX_PREFIX = max(len(p) for p in _PREFIXES)
assert "" in _PREFIXES     # a hit at a word start is reached through the empty run (_Pass's shortcut)
_SLOT_FIRST = frozenset(x[0] for x in CONJUNCTIONS + PREPOSITIONS + (LAM_ARTICLE, ARTICLE))   # letters a slot opens with


class _Pass:
    """One text scanned once by the shared automaton: for each matcher id, its hits [(start, end, key)] that
    start where a match may put its entry (a word start plus a run of proclitics), in order of start."""

    __slots__ = ("text", "origins", "buckets", "_starts", "found")

    def __init__(self, automata: tuple, text: str):
        """`automata`: the automata to scan the text with, whose keys do not overlap (hits are gathered from each)."""
        self.text = text
        # hit start -> the start of the word it is reached from through a run of proclitics, or -1 (inside a word
        # otherwise): found once per start of a hit (the reference is _origin)
        origins: dict[int, int] = {}
        kept = []
        if text:
            scan, back = text, None
            if _ODD_SPACE.search(text):          # a key's space stands for any run of whitespace (\s+)
                scan, back = _squeeze(text)
            for automaton in automata:
                if not len(automaton):
                    continue
                for last, (size, key, owners) in automaton.iter(scan):
                    if not owners:                   # a key of lists no one has asked yet
                        continue
                    start = last + 1 - size
                    end = last + 1
                    if back is not None:
                        start, end = back[start], back[last] + 1
                    o = origins.get(start)
                    if o is None:
                        if start == 0 or not ((c := text[start - 1]).isalnum() or c == "_"):
                            o = start                        # the hit starts its word (no proclitics: "" is a run)
                        else:
                            o = -1
                            for n in range(1, min(_MAX_PREFIX, start) + 1):
                                q = start - n
                                if q == 0 or not ((c := text[q - 1]).isalnum() or c == "_"):   # q starts its word (\w)
                                    if text[q:start] in _PREFIXES:
                                        o = q
                                    break
                        origins[start] = o
                    if o >= 0:
                        kept.append((start, end, key, owners))
        kept.sort()
        buckets: dict[int, list[tuple[int, int, str]]] = {}
        for start, end, key, owners in kept:
            hit = (start, end, key)
            for mid in owners:
                got = buckets.get(mid)
                if got is None:
                    buckets[mid] = [hit]
                else:
                    got.append(hit)
        self.origins = origins
        self.buckets = buckets          # each in order of start: a window reads only its own hits (bisect)
        self._starts: dict[int, list[int]] = {}
        self.found: dict[int, tuple] = {}   # matcher id -> its whole-text matches and their starts (PhraseMatcher.find)

    def starts(self, mid: int) -> list[int]:
        got = self._starts.get(mid)
        if got is None:
            got = self._starts[mid] = [h[0] for h in self.buckets[mid]]
        return got


def _origin(text: str, s: int) -> list[int]:
    """[p]: the start of the word holding text[s] when text[p:s] is a run of proclitics, else [] (the reference
    the origins of a pass are tested against)."""
    for n in range(min(_MAX_PREFIX, s) + 1):
        p = s - n
        if p == 0 or not ((c := text[p - 1]).isalnum() or c == "_"):     # p starts its word (\w as re reads it)
            return [p] if text[p:s] in _PREFIXES else []
    return []


def _squeeze(text: str) -> tuple[str, list[int]]:
    """The text with each run of whitespace as one space, and the index in text of each of its characters."""
    out, back, i = [], [], 0
    for m in _SPACES.finditer(text):
        out.append(text[i:m.start()])
        back.extend(range(i, m.start()))
        out.append(" ")
        back.append(m.start())
        i = m.end()
    out.append(text[i:])
    back.extend(range(i, len(text)))
    return "".join(out), back


class _Shared:
    """The automaton over every registered matcher's keys, and the passes of recent texts. A pass keeps the hits of
    the matchers asked at least once (activate): a list read only as words by its module costs nothing."""

    CACHE_SIZE = 2048

    def __init__(self):
        self.owners: dict[str, list[int]] = {}   # key -> every matcher id that holds it
        self.asked: dict[str, list[int]] = {}    # key -> the ids of those asked so far (the automaton's values hold
        self.active: set[int] = set()            # these very lists, so activating one needs no new automaton)
        self.automaton: Any = None     # ahocorasick.Automaton (untyped library)
        # the automaton over the keys asked so far only, made once no new matcher has been asked for QUIET scans
        # (the keys of lists read only as words, "ل" or "ه", made over half the full automaton's hits): the same
        # kept hits, since a pass drops the keys no one has asked
        self.narrow: Any = None
        self.quiet = 0
        # the keys of lists asked after the narrow automaton was made that it lacks, in a small automaton of their
        # own passes also run: a list asked late keeps the narrow one (no return to the full automaton for QUIET
        # scans, no new narrow one to build) until the late keys grow to LATE_MAX
        self.narrow_keys: frozenset = frozenset()
        self.late_keys: set[str] = set()
        self.late: Any = None
        self.passes: dict[str, _Pass] = {}
        self.count = 0

    def register(self, keys) -> int:
        mid = self.count
        self.count += 1
        for k in keys:
            self.owners.setdefault(k, []).append(mid)
            self.asked.setdefault(k, [])
        self.automaton = self.narrow = self.late = None
        self.quiet = 0
        self.passes = {}
        return mid

    def activate(self, mid: int, keys) -> None:
        """Matcher `mid` is asked for the first time: passes keep its hits from now on (earlier ones are dropped)."""
        if mid in self.active:
            return
        self.active.add(mid)
        for k in keys:
            self.asked[k].append(mid)
        self.passes = {}
        if self.narrow is None:
            self.quiet = 0
            return
        self.late_keys.update(k for k in keys if k not in self.narrow_keys)
        if len(self.late_keys) > self.LATE_MAX:      # too many for a side automaton: back to the full one
            self.narrow = self.late = None
            self.quiet = 0
        elif self.late_keys:
            self.late = self._automaton(self.late_keys)

    QUIET = 256
    LATE_MAX = 2000

    def scan(self, text: str) -> _Pass:
        got = self.passes.get(text)
        if got is None:
            if self.narrow is not None:
                automata = (self.narrow, self.late) if self.late is not None else (self.narrow,)
            else:
                if self.automaton is None:
                    self.automaton = self._automaton(self.owners)
                automata = (self.automaton,)
                self.quiet += 1
                if self.quiet >= self.QUIET:
                    self.narrow_keys = frozenset(k for k, ids in self.asked.items() if ids)
                    self.narrow = self._automaton(self.narrow_keys)
                    self.late_keys, self.late = set(), None
            if len(self.passes) >= self.CACHE_SIZE:
                self.passes.clear()
            got = self.passes[text] = _Pass(automata, text)
        return got

    def _automaton(self, keys):
        automaton = ahocorasick.Automaton()
        for k in keys:
            automaton.add_word(k, (len(k), k, self.asked[k]))
        automaton.make_automaton()
        return automaton


_SHARED = _Shared()


class PhraseMatcher:
    """Longest-then-leftmost matching of folded phrases, allowing Arabic proclitics.

    An entry ending in '*' (or given with stem=True) may continue as a longer word.
    """

    def __init__(self, entries: list[tuple[str, object, bool]], shared: _Shared | None = None):
        self.payload: dict[str, object] = {}
        exact, stem = set[str](), set[str]()
        for text, value, is_stem in entries:
            if text.endswith("*"):
                text, is_stem = text[:-1], True
            key = fold_entry(text)
            if not key:
                continue
            self.payload.setdefault(key, value)
            (stem if is_stem else exact).add(key)
            if key.startswith("ال") and len(key) > 3:
                alias = "ل" + key[2:]          # لل + rest: "للدولة"
                self.payload.setdefault(alias, value)
                (stem if is_stem else exact).add(alias)
        self._stem = frozenset(stem)
        self._keys = exact | stem
        self._regex: re.Pattern | None = None
        self._cache: dict[str, tuple] = {}     # text -> whole-text matches and starts (a matcher of its own regex)
        # a match starts at a word start (then proclitics): a list with a key opening with another character ("%",
        # "،") keeps the regex
        self._exact_keys = all(_KEY_SHAPE.match(k) for k in self._keys)
        self._shared = shared or _Shared()
        self._id = self._shared.register(self._keys) if self._exact_keys else -1
        self._asked = False

    def _ask(self) -> None:
        self._shared.activate(self._id, self._keys)
        self._asked = True

    def _compiled(self) -> re.Pattern:
        if self._regex is None:
            alts = sorted(self._keys, key=len, reverse=True)
            # an exact entry must end its word inside the pattern, so the regex backtracks to another entry
            # ("السيطرة الكاملة على" is not lost to "سيطر" after the optional ال was taken as a prefix)
            body = "|".join(re.escape(a).replace(r"\ ", r"\s+") + ("" if a in self._stem else r"(?!\w)")
                            for a in alts) or "(?!)"
            self._regex = re.compile(_PREFIX + f"({body})(\\w*)")
        return self._regex

    CACHE_SIZE = 2048   # texts whose whole-text matches are kept: the cue checks ask one sentence many times

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Phrase]:
        """Matches inside folded[start:end]. A window is answered from the whole text's matches (scanned once and
        kept, on the text's pass for a matcher of the shared automaton) when they are the same: the matches that
        lie inside the window, none of them cut by its ends."""
        if self._id >= 0:
            if not self._asked:
                self._ask()
            run = self._shared.passes.get(folded)
            if run is None:
                run = self._shared.scan(folded)
            whole = run.found.get(self._id)
            if whole is None:       # no hit of this list in the text: nothing to scan
                whole = run.found[self._id] = self._whole(folded) if self._id in run.buckets else self._NONE
        else:
            whole = self._cache.get(folded)
            if whole is None:
                whole = self._whole(folded)
                if len(self._cache) >= self.CACHE_SIZE:
                    self._cache.clear()
                self._cache[folded] = whole
        found, starts = whole
        if not found:
            return []
        n = len(folded)
        if end is None:
            end = n
        if start == 0 and end == n:
            return list(found)
        # the matches do not overlap: only the last one starting before an end of the window can cut it
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if (i and found[i - 1].end > start) or (j and found[j - 1].end > end):
            return self._scan(folded, start, end)
        return found[i:j]

    _NONE: tuple = ((), ())

    def _whole(self, folded: str) -> tuple:
        found = self._scan(folded, 0, len(folded))
        return (found, [p.start for p in found]) if found else self._NONE

    def _scan(self, folded: str, start: int, end: int) -> list[Phrase]:
        if not self._exact_keys:
            return self._regex_scan(folded, start, end)
        if not self._asked:
            self._ask()
        run = self._shared.scan(folded)
        hits = run.buckets.get(self._id)
        if not hits:
            return []
        if start > 0 or end < len(folded):
            starts = run.starts(self._id)
            hits = hits[bisect_left(starts, start):bisect_left(starts, end)]
        by_start: dict[int, list[tuple[int, str]]] = {}
        origin = run.origins
        if len(hits) == 1:
            s, e, key = hits[0]
            if e > end:
                return []
            by_start[s] = [(e, key)]
            p = origin[s]
            m = self._at(folded, p, end, by_start) if start <= p < end else None
            return [m] if m is not None else []
        origins = set()
        for s, e, key in hits:
            if e <= end:
                got = by_start.get(s)
                if got is None:
                    by_start[s] = [(e, key)]
                else:
                    got.append((e, key))
                origins.add(origin[s])
        out = []
        pos = start
        for p in sorted(origins):
            if p < pos or p >= end:
                continue
            m = self._at(folded, p, end, by_start)
            if m is not None:
                out.append(m)
                pos = m.end
        return out

    def _at(self, text: str, p: int, end: int, by_start: dict) -> Phrase | None:
        """The match the regex finds at word start p: proclitic slots taken greedily (conjunction, then a
        preposition or لل, then the article), each dropped in turn when no entry follows; the longest entry."""
        if text[p] not in _SLOT_FIRST:      # no slot can open here: the entry starts at p or nowhere
            found = by_start.get(p)
            return self._longest(text, p, found, end) if found else None
        for c in ((1, 0) if text[p] in CONJUNCTIONS else (0,)):
            q1 = p + c
            preps = []
            if q1 < end and text[q1] in PREPOSITIONS:
                preps.append(1)
            if q1 + 2 <= end and text.startswith(LAM_ARTICLE, q1):
                preps.append(2)
            preps.append(0)
            for pl in preps:
                q2 = q1 + pl
                for al in ((2, 0) if q2 + 2 <= end and text.startswith(ARTICLE, q2) else (0,)):
                    q3 = q2 + al
                    found = by_start.get(q3)
                    hit = self._longest(text, q3, found, end) if found else None
                    if hit is not None:
                        return hit
        return None

    def _longest(self, text: str, q: int, found, end: int) -> Phrase | None:
        """The longest entry of `found` (its ends and keys at q) that ends a word, or is a stem, which then runs to
        the end of its word; None when none does."""
        best = None
        for e, key in found:
            if best is not None and len(key) <= len(best[1]):
                continue
            if key in self._stem or e == end or not _WORD_CHAR.match(text, e):
                best = (e, key)
        if best is None:
            return None
        e, key = best
        if key in self._stem:
            e = _WORD_REST.match(text, e, end).end()
        return _tuple_new(Phrase, (q, e, key, self.payload[key]))   # Phrase(...) without its Python-level __new__

    def _regex_scan(self, folded: str, start: int, end: int) -> list[Phrase]:
        """The reference: the pattern this matcher stands for, run by re."""
        out = []
        for m in self._compiled().finditer(folded, start, end):
            key = " ".join(m.group(1).split())
            if m.group(2) and key not in self._stem:
                continue
            out.append(Phrase(m.start(1), m.end(2), key, self.payload[key]))
        return out


def _entries(name: str, section: str) -> list[tuple[str, object, bool]]:
    data = load(name)
    if name == "actors":
        return [(a, actor, False) for actor in data["actors"] for a in actor["aliases"]]
    if name == "triggers":
        entries = []
        for t in data["triggers"]:
            entries.append((t["text"], t["kind"], t["stem"]))
            if t.get("verb") or t.get("noun"):
                entries += [(form, t["kind"], stem) for form, stem in
                            inflect(fold_entry(t["text"]), verb=t.get("verb", False), noun=t.get("noun", False))]
        return entries
    if name == "sources" and section == "":
        return [(w, kind, False) for kind, words in data["kinds"] for w in words]
    if name == "counts" and section == "roles":
        return [(w, role, False) for role, words in data["roles"].items() for w in words]
    node = data[section]
    items = node.items() if isinstance(node, dict) else ((w, w) for w in node)
    return [(w, v, False) for w, v in items]


@lru_cache(maxsize=None)
def matcher(name: str, section: str) -> PhraseMatcher:
    """A cached matcher for one list in a lexicon file (see the file's _doc for its shape)."""
    _register_all()
    return _matcher(name, section)


@lru_cache(maxsize=None)
def _matcher(name: str, section: str) -> PhraseMatcher:
    return PhraseMatcher(_entries(name, section), _SHARED)


PHRASE_LEXICONS = ("actors", "triggers", "cues", "counts", "sources", "claims")


@lru_cache(maxsize=1)
def _register_all() -> None:
    """Build the matcher of every phrase list of the lexicon files at once, so the shared automaton is built once
    (a matcher made later for another list adds its keys and the automaton is rebuilt on the next text)."""
    for name in PHRASE_LEXICONS:
        data = load(name)
        if name in ("actors", "triggers"):
            _matcher(name, "")
            continue
        if name == "sources":
            _matcher(name, "")
        for section, node in data.items():
            if section.startswith("_"):
                continue
            if name == "counts" and section == "roles" or _phrase_list(node):
                _matcher(name, section)


def _phrase_list(node) -> bool:
    if isinstance(node, dict):
        return bool(node) and all(isinstance(k, str) for k in node)
    return isinstance(node, list) and bool(node) and all(isinstance(w, str) for w in node)
