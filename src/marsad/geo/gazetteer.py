"""The gazetteer: the built index (data/gazetteer.tsv.gz) plus the hand-written
features, countries and aliases, folded and indexed by name once per process."""
from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .fold import fold, fold_blob

DATA_DIR = Path(__file__).resolve().parent / "data"

CORE_COUNTRIES = frozenset(("SY", "IQ", "TR", "LB", "JO"))   # village depth; the rest is the world layer
WORLD_MINOR_KINDS = frozenset(("town", "village", "ruin", "neighbourhood"))
# Countries whose towns Arabic conflict news names (the Arab world, the Sahel and the Horn, Nigeria, Mozambique,
# Iran, Afghanistan, Pakistan...): the world layer keeps every town of theirs with an Arabic name.
NEWS_REGION = frozenset(("EG LY TN DZ MA MR EH SD SS SO DJ ER ET KE YE SA OM AE QA BH KW PS IL AF NG NE ML BF TD CM "
                         "MZ CF TZ UG CD IR PK").split())
FAMOUS_POP = 1_000_000
GLOBAL_POP = 5_000_000     # outside the news region a city of a million is seldom named: Huế (هوية), Medan (ميدان)
SEAT_POP = 300_000
HAND_KINDS = frozenset(("field", "camp", "prison", "dam", "crossing", "airport", "base", "mountain",
                        "desert", "valley", "area", "country"))
PRECISION_OF_KIND = {"country": 3, "gov": 3, "district": 2, "subdistrict": 2, "desert": 2, "valley": 2}
KIND_RANK = {"country": 7.0, "gov": 6.0, "city": 4.0, "district": 0.9, "town": 3.0, "subdistrict": 0.8,
             "field": 3.5, "camp": 3.5, "prison": 3.5, "dam": 3.5, "crossing": 3.5, "airport": 3.5,
             "base": 3.5, "area": 4.0, "mountain": 3.0, "desert": 3.0, "valley": 3.0, "neighbourhood": 1.5,
             "village": 1.0, "ruin": 0.3}


@dataclass(slots=True)
class Entry:
    id: str
    kind: str
    country: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    pop: int
    name_en: str
    names: list[str]
    precision: int = 1
    capital: bool = False      # a country's capital (world layer; for SY/IQ/TR/LB/JO: the city at the country's point)
    seat: bool = False         # the largest town of a first-level division in the news region (world layer)
    admin3: str = ""           # sub-district (SY/IQ, OCHA adm3 by point-in-polygon at build time)
    prior_memo: float = -1.0   # ``prior``, computed once (kind and population do not change after loading)

    @property
    def name_ar(self) -> str:
        return self.names[0] if self.names else ""

    @property
    def world_minor(self) -> bool:
        """A town or village of the world layer (outside SY/IQ/TR/LB/JO): named in the news only in
        reports about its country."""
        return self.kind in WORLD_MINOR_KINDS and self.country not in CORE_COUNTRIES

    @property
    def remote(self) -> bool:
        """A city of the world layer that is not famous (see ``famous``): named in reports about its country."""
        return self.kind == "city" and self.country not in CORE_COUNTRIES and not self.famous

    @property
    def famous(self) -> bool:
        """A capital, a city of a million people (outside the news region: of five million) or the main city
        (of 300,000) of a division: named in the news without its country."""
        if self.capital:
            return True
        big = FAMOUS_POP if self.country in NEWS_REGION or self.country in CORE_COUNTRIES else GLOBAL_POP
        return self.kind == "city" and (self.pop >= big or self.seat and self.pop >= SEAT_POP)

    @property
    def prior(self) -> float:
        """Importance before context: kind, then population."""
        p = self.prior_memo
        if p < 0:
            if self.kind == "country":
                p = KIND_RANK["country"]    # hand and world countries alike (the world layer stores population)
            else:
                p = KIND_RANK.get(self.kind, 1.0) + 0.25 * math.log10(self.pop + 1)
            self.prior_memo = p
        return p


@dataclass
class Gazetteer:
    entries: list[Entry]
    by_name: dict[str, list[int]] = field(default_factory=dict)   # folded name -> entry indexes
    first_words: dict[str, int] = field(default_factory=dict)     # first word -> longest name (words)
    vocab: dict = field(default_factory=dict)
    stoplist: frozenset[str] = frozenset()
    admin1_entry: dict[str, int] = field(default_factory=dict)    # admin1 English -> gov entry
    cued: dict[str, list[int]] = field(default_factory=dict)      # "حي X": names the sources store only
    cued_first: dict[str, int] = field(default_factory=dict)      # with a type word; X's first word -> words
    country_entry: dict[str, int] = field(default_factory=dict)   # ISO2 -> country entry
    zipf: dict[str, float] = field(default_factory=dict)          # one-word name -> frequency as an ordinary word

    def lookup(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.by_name.get(key, ())]

    def add_name(self, name: str, idx: int) -> None:
        self.add_key(fold(name), idx)

    def add_cued(self, key: str, idx: int) -> None:
        """A name stored only with its type word ("مزرعه X"): found only after that cue (see recognize)."""
        ids = self.cued.setdefault(key, [])
        if idx not in ids:
            ids.append(idx)
        rest = key.split(" ")[1:]
        if self.cued_first.get(rest[0], 0) < len(rest):
            self.cued_first[rest[0]] = len(rest)

    def add_key(self, key: str, idx: int) -> None:
        if not key:
            return
        ids = self.by_name.setdefault(key, [])
        if idx not in ids:
            ids.append(idx)
        words = key.split(" ")
        if self.first_words.get(words[0], 0) < len(words):
            self.first_words[words[0]] = len(words)


def _data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in _data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def _read_index() -> tuple[list[Entry], list[list[str]]]:
    """Entries of the built index and, in parallel, their folded names (folded in one pass)."""
    raw = gzip.decompress((DATA_DIR / "gazetteer.tsv.gz").read_bytes()).decode("utf-8")
    out, names = [], []
    for ln in raw.split("\n")[1:]:
        if not ln:
            continue
        f = ln.split("\t")
        out.append(Entry(f[0], f[1], f[2], f[3], f[4], float(f[5]), float(f[6]), int(f[7]), f[8],
                         f[9].split("|"), PRECISION_OF_KIND.get(f[1], 1), len(f) > 11 and f[11] == "capital",
                         len(f) > 11 and f[11] == "seat", f[12] if len(f) > 12 else ""))
        names.append(f[9])
    keys = [k.split("|") for k in fold_blob("\n".join(names)).split("\n")]
    return out, keys


HAND_FILES = (("features.tsv", "feature"), ("places_hand.tsv", "hand"))
HAND_PREFIXES = ("feature:", "hand:", "country:")


def _hand_entries() -> list[Entry]:
    """features.tsv (notable features) and places_hand.tsv (hand-placed neighbourhoods and places)."""
    out = []
    for name, tag in HAND_FILES:
        for f in _rows(name):
            out.append(Entry(f"{tag}:{f[6]}", f[0], f[1], f[2], "", float(f[4]), float(f[5]), 0, f[6],
                             f[7].split("|"), int(f[3])))
    for f in _rows("countries.tsv"):
        out.append(Entry(f"country:{f[0]}", "country", f[0], "", "", float(f[2]), float(f[3]), 0, f[1],
                         f[4].split("|"), 3))
    return out


def _add_aliases(gaz: Gazetteer) -> None:
    for f in _rows("aliases.tsv"):
        variant, target, country = f[0], fold(f[1]), f[2]
        admin1 = f[3] if len(f) > 3 else ""
        for i in gaz.by_name.get(target, []):
            e = gaz.entries[i]
            if e.country == country and (not admin1 or e.admin1 == admin1) and e.kind != "gov":
                gaz.add_name(variant, i)


def _mark_capitals(gaz: Gazetteer) -> None:
    """The largest city within 20 km of a country's point (its capital's) is that country's capital."""
    points = {e.country: (e.lat, e.lon) for e in gaz.entries if e.kind == "country" and e.country in CORE_COUNTRIES}
    best: dict[str, Entry] = {}
    for e in gaz.entries:
        p = points.get(e.country)
        if e.kind == "city" and p and abs(e.lat - p[0]) < 0.2 and abs(e.lon - p[1]) < 0.25:
            if e.country not in best or e.pop > best[e.country].pop:
                best[e.country] = e
    for e in best.values():
        e.capital = True


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the index shipped in the package (cached: once per process)."""
    index, index_keys = _read_index()
    hand = _hand_entries()
    entries = index + hand
    keys = index_keys + [[fold(n) for n in e.names] for e in hand]
    gaz = Gazetteer(entries)
    gaz.vocab = json.loads(_data_text("vocab.json"))
    joiners = frozenset(fold(w) for w in gaz.vocab["joined_first_words"])
    strip = frozenset(fold(w) for w in gaz.vocab["name_strip_words"])
    for i, e in enumerate(entries):
        by_hand = e.kind in HAND_KINDS or e.id.startswith(HAND_PREFIXES)
        for key in keys[i]:
            first, _, rest = key.partition(" ")
            if rest and first in strip and not by_hand:
                if rest not in keys[i]:
                    gaz.add_cued(key, i)   # "حي X" with no bare "X": only after the cue حي
                continue   # "قضاء القائم": the cue path handles the type word; the bare name is kept
            if rest and first in strip and rest not in keys[i]:
                gaz.add_cued(key, i)       # a hand "حي الصناعة" also as an item of "أحياء المشلب والصناعة"
            gaz.add_key(key, i)
            if rest and first in joiners:
                gaz.add_key(first + rest, i)   # "ابو حمام" -> "ابوحمام"
        if e.kind == "gov" and (e.country in CORE_COUNTRIES or e.admin1 not in gaz.admin1_entry):
            gaz.admin1_entry[e.admin1] = i
        elif e.kind == "country" and e.id.startswith("country:"):
            gaz.country_entry[e.country] = i
    _add_aliases(gaz)
    _mark_capitals(gaz)
    gaz.zipf = {f[0]: float(f[1]) for f in _rows("word_zipf.tsv")}
    gaz.stoplist = frozenset(list(joiners) +
        [fold(w.strip()) for w in _data_text("stoplist.txt").splitlines() if w.strip() and not w.startswith("#")]
        + [fold(k) for k in gaz.vocab["directions"] if not k.startswith("_")])
    return gaz
