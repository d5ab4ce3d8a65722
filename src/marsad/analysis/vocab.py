"""The one cached loader for the analysis vocabulary (``marsad/analysis/data``).

Phrases in the data files (claim keys, places) are matched word by word: a phrase
matches a text when every one of its words occurs in the text as a word (in any
order). Arabic words are compared after ``marsad.text.fold`` and after removing a
leading conjunction/preposition/article (و ف ب ل ك ال), so "لمقاتلي" matches
"مقاتلي" and "العراق" matches "والعراق". English words are lowercased; a phrase
word ending in ``*`` matches any word it begins. Entries go through exactly the
same function as the text when loaded, so data and text always agree.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[\w$]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# Clitics stripped from the start of an Arabic word, longest first.
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def fold(s: str) -> str:
    """marsad.text.fold, lowercased (so English phrases fold too)."""
    from marsad.text import fold as text_fold

    return text_fold(s or "").lower()


def base_word(word: str) -> str:
    """The comparable form of one folded word (clitics off for Arabic)."""
    if _ARABIC.search(word):
        for p in _PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                return word[len(p):]
        return word
    if word.endswith("'s"):
        word = word[:-2]
    return word


def words(text: str) -> tuple[str, ...]:
    """The base words of a text, in order."""
    return tuple(base_word(w) for w in _WORD.findall(fold(text)))


@dataclass(frozen=True)
class Phrase:
    """One data-file phrase, already normalized; ``prefix`` words end in ``*``."""
    source: str
    exact: frozenset[str]
    prefix: tuple[str, ...]

    def matches(self, text_words: frozenset[str]) -> bool:
        if not self.exact <= text_words:
            return False
        return all(any(w.startswith(p) for w in text_words) for p in self.prefix)


def make_phrase(source: str) -> Phrase:
    exact, prefix = set(), []
    for raw in fold(source).split():
        if raw.endswith("*"):
            prefix.append(raw[:-1])
            continue
        exact.update(base_word(w) for w in _WORD.findall(raw))
    return Phrase(source, frozenset(exact), tuple(prefix))


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """Read data file ``name`` once."""
    raw = resources.files("marsad.analysis").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(raw)


@dataclass(frozen=True)
class Entry:
    """A canonical id with a label and the phrases that name it."""
    id: str
    label: str
    phrases: tuple[Phrase, ...]

    def matches(self, text_words: frozenset[str]) -> bool:
        return any(p.matches(text_words) for p in self.phrases)


def _entries(items: list[dict], id_field: str) -> tuple[Entry, ...]:
    out = []
    for item in items:
        phrases = tuple(make_phrase(p) for p in item.get("en", []) + item.get("ar", []))
        out.append(Entry(item[id_field], item["label"], phrases))
    return tuple(out)


@lru_cache(maxsize=None)
def claim_keys() -> tuple[Entry, ...]:
    """Canonical claim keys, most specific first (the first match wins)."""
    return _entries(load_json("claim_keys.json")["keys"], "key")


@lru_cache(maxsize=None)
def places() -> tuple[Entry, ...]:
    """Canonical places that claims refer to."""
    return _entries(load_json("claim_keys.json")["places"], "place")


@lru_cache(maxsize=None)
def incident_rules() -> dict:
    """Merge parameters and compatibility tables for incidents."""
    return load_json("incident_rules.json")
