"""One cached loader for the lexicon data files, and a phrase matcher over folded text."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text.morph import PROCLITIC_PATTERN as _PREFIX, inflect

NAMES = ("actors", "triggers", "cues", "counts", "sources", "claims", "rules")


def fold_entry(s: str) -> str:
    """Fold a lexicon entry exactly as the text is folded (marsad.text.normalize)."""
    from marsad.text import normalize

    return " ".join(normalize(s).folded.split())


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The raw JSON of one lexicon file (cached)."""
    if name not in NAMES:
        raise KeyError(f"unknown lexicon {name!r}")
    text = resources.files("marsad.lexicon").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Phrase:
    """One match of a lexicon entry in a folded text."""

    start: int
    end: int
    key: str        # the folded entry that matched
    value: object   # the payload the entry carries


class PhraseMatcher:
    """Longest-then-leftmost matching of folded phrases, allowing Arabic proclitics.

    An entry ending in '*' (or given with stem=True) may continue as a longer word.
    """

    def __init__(self, entries: list[tuple[str, object, bool]]):
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
        alts = sorted(exact | stem, key=len, reverse=True)
        self._stem = stem
        # an exact entry must end its word inside the pattern, so the regex backtracks to another entry
        # ("السيطرة الكاملة على" is not lost to "سيطر" after the optional ال was taken as a prefix)
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") + ("" if a in stem else r"(?!\w)") for a in alts) or "(?!)"
        self._re = re.compile(_PREFIX + f"({body})(\\w*)")
        self._cache: dict[str, list[Phrase]] = {}

    CACHE_SIZE = 2048   # texts whose whole-text matches are kept: the cue checks ask one sentence many times

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[Phrase]:
        """Matches inside folded[start:end]. A window is answered from the whole text's matches (scanned once and
        kept) when they are the same: the matches that lie inside the window, none of them cut by its ends."""
        end = len(folded) if end is None else end
        whole = self._cache.get(folded)
        if whole is None:
            whole = self._scan(folded, 0, len(folded))
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            self._cache[folded] = whole
        if start == 0 and end == len(folded):
            return list(whole)
        if not any(p.start < start < p.end or p.start < end < p.end for p in whole):
            return [p for p in whole if start <= p.start and p.end <= end]
        return self._scan(folded, start, end)

    def _scan(self, folded: str, start: int, end: int) -> list[Phrase]:
        out = []
        for m in self._re.finditer(folded, start, end):
            key = " ".join(m.group(1).split())
            if m.group(2) and key not in self._stem:
                continue
            out.append(Phrase(m.start(1), m.end(2), key, self.payload[key]))
        return out


@lru_cache(maxsize=None)
def matcher(name: str, section: str) -> PhraseMatcher:
    """A cached matcher for one list in a lexicon file (see the file's _doc for its shape)."""
    data = load(name)
    if name == "actors":
        entries = [(a, actor, False) for actor in data["actors"] for a in actor["aliases"]]
    elif name == "triggers":
        entries = []
        for t in data["triggers"]:
            entries.append((t["text"], t["kind"], t["stem"]))
            if t.get("verb") or t.get("noun"):
                entries += [(form, t["kind"], stem) for form, stem in
                            inflect(fold_entry(t["text"]), verb=t.get("verb", False), noun=t.get("noun", False))]
    elif name == "sources" and section == "":
        entries = [(w, kind, False) for kind, words in data["kinds"] for w in words]
    elif name == "counts" and section == "roles":
        entries = [(w, role, False) for role, words in data["roles"].items() for w in words]
    else:
        node = data[section]
        items = node.items() if isinstance(node, dict) else ((w, w) for w in node)
        entries = [(w, v, False) for w, v in items]
    return PhraseMatcher(entries)
