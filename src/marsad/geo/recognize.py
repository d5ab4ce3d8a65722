"""Recognition: find gazetteer names in folded Arabic text.

Tokens are runs of Arabic letters in the folded text. At each token the attached
prefixes (و ف ب ل ك and their pairs, لل → ال) are tried, then the longest name
in the index that starts there (up to ``max_name_words`` words, only across plain
spaces). Overlap policy: longest, then leftmost. A match is kept when it passes
the acceptance rules in ``accept`` (stoplist, person/organisation heads, minor
places need a cue or a locative context). The names are found in one Aho-Corasick pass over the text's
tokens (``scan``; pyahocorasick, as marsad.lexicon.loader does for the lexicons); ``scan_tokens`` is the
token-by-token reference it is tested against.

Lists (``find_lists``): a plural place-type cue opens a list ("قرى وبلدات X وY وZ",
"القرى التي استهدفت هي: X، Y"); every item start (after "،" or a و prefix) takes the
cue, unknown items are skipped, and the list ends at a clause mark, an end word
(في، على، ...) or an item longer than ``list_max_item_words``. At cue and list slots
where no name is found, a guarded spelling variant is tried (``variant_forms``:
with/without ال, with/without an initial alef), kept only when an entry of the cue's
kinds has it; after a locative word (في، من، قرب) only a village or town variant, and
resolve keeps it only when its governorate is named nearby.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from marsad.text.morph import CONJUNCTIONS, PREPOSITIONS

from .fold import fold
from .gazetteer import CORE_COUNTRIES, Gazetteer, load_gazetteer

TOKEN_RE = re.compile("[\u0621-\u063a\u0641-\u064a]+")
ONE_PREFIX = frozenset(CONJUNCTIONS + PREPOSITIONS)                                  # و ف ب ل ك (marsad.text.morph)
TWO_PREFIX = frozenset(c + p for p in PREPOSITIONS for c in CONJUNCTIONS)              # وب فب ول فل وك فك
MINOR_KINDS = frozenset(("village", "ruin", "neighbourhood", "district", "subdistrict"))
LIST_STOP = frozenset(".؛;!?()\n«»\"")   # a gap with one of these ends a list
ITEM_SEP = frozenset("،,")
LIST_INTRO = frozenset(("هي", "هما", "وهي", "وهما"))   # "القرى هي X وY": like a colon
QUOTES = frozenset(('"', "'", "«", "“", "”"))        # 'بلدة "X"': still the cue's slot
VARIANT_LOCATIVE_KINDS = ("village", "town", "ruin")


class Token(NamedTuple):
    """A run of Arabic letters of the folded text (a named tuple: a report makes hundreds, each must be cheap)."""

    start: int
    end: int
    word: str
    joined: bool   # only spaces between the previous token and this one
    gap: str = ""  # the non-space characters between the previous token and this one


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
    listed: bool = False   # an item of a list opened by a plural cue (cue = the list's cue)
    span: tuple[int, int] | None = None   # tokens of the whole list, for local context
    variant: str = ""      # the form as written when the key is a spelling variant of it
    cued: str = ""         # "حي X": a name the sources store only with its type word (gaz.cued)
    rare: bool = False     # reached by stripping a rare prefix (ك ف ل) with no cue, region head or list
    locative: bool = False  # (rare matches only) a locative word before it
    head: str = ""         # the region head or direction word right before it ("قرب", "جرود", "شمال")
    framed: bool = False   # a cue, list, region head or locative word before it ("في X", "بX", "مدينة X")
    before: str = ""       # the word right before the name, without its prefixes ("سلطنه", "العاصمه")
    shadda: bool = False   # written with a shadda (set by geoparse from the original text: "عمّان")
    guard: str = ""        # why an uncued name may be an ordinary word ("adjective", "word"): it stands
                           # only when its governorate is named near it or in the report (resolve.doubtful)
    beside: str = ""       # ISO2 of the country named right after the name, when it is a city of that country
                           # ("في قم في إيران", "العين الإماراتية"): rule recognize.country_beside


@dataclass(frozen=True)
class Vocab:
    cues: dict
    list_cues: dict
    list_end: frozenset
    list_colon_window: int
    list_max_item: int
    heads: dict
    directions: dict
    person: frozenset
    org: frozenset
    locative: frozenset
    countryside: frozenset
    never: frozenset       # cue, head and direction words: never a place by themselves
    max_words: int
    slots: dict            # word before a variant slot -> kinds: the cues, and locatives (village/town)
    triggers: frozenset    # list cues and slot words with every attached prefix: the tokens worth a look
    cue_type: dict         # cue word -> the type word of the cued names it unlocks ("احياء" -> "حي")
    rare_letters: frozenset
    rare_safe: frozenset
    verb_like: frozenset   # names that are also verbs (تدمر "destroys"): guarded in a verb's frame
    guarded: frozenset     # names that are also common nouns (الراعي "the shepherd"): need a cue or their
                           # governorate named
    adjectives: dict       # nationality adjective, bare and with each attached prefix -> ISO2 ("والاردنيه" -> "JO")
    place_nouns: frozenset = frozenset()   # "تفجير", "مجزرة", "أهالي": their complement is usually a place


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    v = load_gazetteer().vocab

    def fset(words: list[str]) -> frozenset:
        return frozenset(fold(w) for w in words)

    locative = fset(v["locative_words"])
    cues = {fold(k): tuple(val) for k, val in v["cues"].items() if not k.startswith("_")}
    slots = {**dict.fromkeys(locative, VARIANT_LOCATIVE_KINDS), **cues}
    list_cues = {fold(k): tuple(val) for k, val in v["list_cues"].items() if not k.startswith("_")}
    prefixes = ("",) + tuple(ONE_PREFIX) + tuple(TWO_PREFIX)
    cue_type = {fold(w): fold(t) for t, ws in v["cued_names"].items() if not t.startswith("_") for w in ws}
    adjectives = {p + fold(w): cc for cc, ws in v.get("country_adjectives", {}).items() if not cc.startswith("_")
                  for w in ws for p in prefixes}
    return Vocab(
        adjectives=adjectives, cue_type=cue_type, guarded=fset(v.get("guarded_names", [])), verb_like=fset(v.get("verb_like_names", [])), rare_letters=fset(v["rare_prefixes"]["letters"]),
        rare_safe=fset(v["rare_prefixes"]["safe"]),
        slots=slots, triggers=frozenset(p + w for w in [*slots, *list_cues] for p in prefixes),
        cues=cues,
        list_cues=list_cues,
        list_end=fset(v["list_end_words"]), list_colon_window=int(v["list_colon_window"]),
        list_max_item=int(v["list_max_item_words"]),
        heads={fold(k): val for k, val in v["region_heads"].items() if not k.startswith("_")},
        directions={fold(k): val for k, val in v["directions"].items() if not k.startswith("_")},
        person=fset(v["person_heads"]), org=fset(v["org_heads"]), locative=locative,
        place_nouns=fset(v.get("place_nouns", [])),
        countryside=fset(v["countryside_words"]), max_words=int(v["max_name_words"]),
        never=fset([k for sec in ("cues", "list_cues", "region_heads", "directions") for k in v[sec]
                    if not k.startswith("_")]
                   + v["countryside_words"] + v["name_strip_words"] + v["joined_first_words"]),
    )


TOKEN_SPLIT = re.compile("([\u0621-\u063a\u0641-\u064a]+)")   # TOKEN_RE as a split: gaps and words alternate


def tokenize(folded: str) -> list[Token]:
    """The runs of Arabic letters of a folded text, each with the gap before it (one split, no match objects)."""
    parts = TOKEN_SPLIT.split(folded)
    gaps, words = parts[0::2], parts[1::2]
    toks: list[Token] = []
    append = toks.append
    new = tuple.__new__      # Token(...) without the named tuple's Python-level __new__
    pos = len(gaps[0])
    for k, word in enumerate(words):
        gap = gaps[k]
        end = pos + len(word)
        if gap == " ":
            append(new(Token, (pos, end, word, True, "")))
        else:
            gap = gap.strip(" \t")
            append(new(Token, (pos, end, word, not gap.strip(), gap)))
        pos = end + len(gaps[k + 1])
    return toks


def tokenize_matches(folded: str) -> list[Token]:
    """``tokenize`` match by match: the reference it must agree with (tests/geo/test_geo_recognize.py)."""
    toks: list[Token] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(folded):
        s, e = m.span()
        gap = folded[prev_end:s]
        if gap == " ":
            toks.append(Token(s, e, m.group(), True))
        else:
            gap = gap.strip(" \t")
            toks.append(Token(s, e, m.group(), not gap.strip(), gap))
        prev_end = e
    return toks


GLUED_MIN = 7                 # letters of a token worth trying as two glued names
GLUED_LEFT_KINDS = frozenset(("country", "gov"))
GLUED_RIGHT_KINDS = frozenset(("country", "gov", "city"))


def split_glued(toks: list[Token], gaz: Gazetteer) -> list[Token]:
    """Two names written without the space between them ("سورياوالعراق", "العاصمة العراقيةبغداد": seen in three
    reports): a token no name begins with, made of a country or governorate name (or a country's adjective, or a
    direction word: "في جنوبالصومال", fresh5 f5b-029 and fresh10 j-009) and a country, governorate or city name
    (with its attached prefix), is read as the two tokens."""
    lefts, longest, heads = _glue_lefts()
    out: list[Token] = []
    for t in toks:
        w = t.word
        cut = 0
        if len(w) >= GLUED_MIN and w[:3] in heads and any(w[:k] in lefts
                                                         for k in range(3, min(longest, len(w) - 3) + 1)):
            if w not in gaz.first_words and not any(f in gaz.first_words for f, _ in stems(w)[1:]):
                cut = _glued_cut(w, gaz, lefts)
        if cut:
            out.append(Token(t.start, t.start + cut, w[:cut], t.joined, t.gap))
            out.append(Token(t.start + cut, t.end, w[cut:], True))
        else:
            out.append(t)
    return out


@lru_cache(maxsize=1)
def _glue_lefts() -> tuple[frozenset, int, frozenset]:
    """The words a glued pair may begin with (country and governorate names, countries' adjectives, directions), the
    longest's length, and their first three letters (a token that opens with none needs no closer look)."""
    gaz = load_gazetteer()
    lefts = set(vocab().adjectives)
    lefts.update(w for w in vocab().directions if " " not in w and not w.startswith("ال") and not w.endswith("ا"))
    lefts.update(k for k, ids in gaz.by_name.items() if " " not in k
                 and any(gaz.entries[x].kind in GLUED_LEFT_KINDS for x in ids))
    return frozenset(lefts), max(map(len, lefts)), frozenset(x[:3] for x in lefts)


def _glued_cut(w: str, gaz: Gazetteer, lefts: frozenset) -> int:
    adjectives = vocab().adjectives
    for cut in range(3, len(w) - 2):
        if w[:cut] not in lefts:
            continue
        own = adjectives.get(w[:cut])     # a country's adjective is glued to a name of that country only
        for form, _ in stems(w[cut:]):   # ("العراقيةبغداد"; not "ضابط الجيش الصوماليعدن نور", a person: j-009)
            if len(form) >= 3 and any(gaz.entries[x].kind in GLUED_RIGHT_KINDS and (own is None or
                                      gaz.entries[x].country == own) for x in gaz.by_name.get(form, ())):
                return cut
    return 0


def stems(word: str) -> list[tuple[str, int]]:
    """The word and its forms without attached prefixes, as (form, letters stripped)."""
    out = [(word, 0)]
    n = len(word)
    if n > 2 and word[0] in ONE_PREFIX:     # "وتل البصل", "بحي": 2-letter stems start longer names only
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


_BARE: dict[str, str] = {}
BARE_CACHE_MAX = 1 << 17


def bare(word: str) -> str:
    """The word as a vocabulary word: itself when the vocabulary knows it, else the first
    prefix-stripped form it knows (بريف → ريف, but بلدة stays بلدة), else the shortest form (cached by word)."""
    got = _BARE.get(word)
    if got is None:
        if len(_BARE) >= BARE_CACHE_MAX:
            _BARE.clear()
        got = _BARE[word] = _bare(word)
    return got


def _bare(word: str) -> str:
    forms = stems(word)
    known = _VOCAB_WORDS or _vocab_words()
    for form, _ in forms:
        if form in known:
            return form
    return forms[-1][0]


def _vocab_words() -> set[str]:
    voc = vocab()
    _VOCAB_WORDS.update(voc.cues, voc.list_cues, voc.list_end, voc.heads, voc.directions, voc.person,
                        voc.org, voc.locative, voc.countryside, ("من", "في"))
    return _VOCAB_WORDS


def longest_at(toks: list[Token], i: int, form: str, gaz: Gazetteer, max_words: int) -> tuple[int, str] | None:
    """The longest index name starting with ``form`` (token i, prefix stripped): (words, key)."""
    longest = gaz.first_words.get(form)
    if not longest:
        return None
    if longest == 1:
        return (1, form) if form in gaz.by_name and len(form) > 2 else None
    k = min(longest, max_words, len(toks) - i)
    while k > 1 and not all(toks[x].joined for x in range(i + 1, i + k)):
        k -= 1
    while k >= 1:
        key = form if k == 1 else form + " " + " ".join(t.word for t in toks[i + 1:i + k])
        if key in gaz.by_name and (k > 1 or len(form) > 2):
            return k, key
        k -= 1
    return None


KEY_END = "|"      # after every token of the scanned stream and every key: a match ends where a token ends
UNJOINED = "#"     # before a token not joined to the previous one: no name spans it


class _Names:
    """One Aho-Corasick automaton (pyahocorasick) over the index's folded names as token streams ("X|Y|"), and,
    for a name opening with ال, the same without its alef: "للعراق" is ل + "لعراق" (stems: لل -> ال)."""

    def __init__(self, gaz: Gazetteer, max_words: int):
        import ahocorasick

        self.gaz = gaz
        self.automaton = ahocorasick.Automaton()
        found: dict[str, tuple] = {}
        for key in gaz.by_name:
            if " " in key:
                n = key.count(" ") + 1
                if n > max_words or "  " in key or key[0] == " " or key[-1] == " ":
                    continue
            elif len(key) <= 2:
                continue
            else:
                n = 1
            stream = key.replace(" ", KEY_END) + KEY_END
            found[stream] = found.get(stream, ()) + ((len(stream), key, False, n),)
            if key[:2] == "ال":
                found[stream[1:]] = found.get(stream[1:], ()) + ((len(stream) - 1, key, True, n),)
        add = self.automaton.add_word
        for stream, values in found.items():
            add(stream, values)
        self.automaton.make_automaton()


_NAMES: dict[tuple[int, int], _Names] = {}


def _names(gaz: Gazetteer, max_words: int) -> _Names:
    got = _NAMES.get((id(gaz), max_words))
    if got is None or got.gaz is not gaz:      # built once per gazetteer (load_gazetteer is cached)
        got = _NAMES[(id(gaz), max_words)] = _Names(gaz, max_words)
    return got


def scan(toks: list[Token], gaz: Gazetteer, max_words: int) -> list[Match]:
    """Longest-then-leftmost matches of index names over the tokens, in one Aho-Corasick pass over the text's
    tokens written as a stream ("word|", "#" before a token not joined to the one before). A hit counts where it
    starts at a token's start or after one or two of its attached prefixes, as ``stems`` strips them (a name
    after "لل" only in its alef-less form); at each token the most words win, then the fewest prefix letters;
    then, as ``scan_tokens`` does, the leftmost match is taken and scanning resumes after it."""
    if not toks:
        return []
    parts: list[str] = []
    at: dict[int, int] = {}
    pos = 0
    for i, t in enumerate(toks):
        if i and not t.joined:
            parts.append(UNJOINED)
            pos += 1
        at[pos] = i
        parts.append(t.word)
        parts.append(KEY_END)
        pos += len(t.word) + 1
    best: dict[int, tuple[int, int, str]] = {}     # token -> (words, -prefix letters, key)
    for end, values in _names(gaz, max_words).automaton.iter("".join(parts)):
        for length, key, alt, nwords in values:
            start = end - length + 1
            if start in at:
                if alt:
                    continue
                i, plen = at[start], 0
            else:
                if start - 1 in at:
                    i, plen = at[start - 1], 1
                elif start - 2 in at:
                    i, plen = at[start - 2], 2
                else:
                    continue
                word = toks[i].word
                n = len(word)
                if word[0] not in ONE_PREFIX or n <= 2:
                    continue
                if plen == 1:
                    if alt != (word[1] == "ل" and word[0] == "ل"):
                        continue
                elif n <= 4 or word[:2] not in TWO_PREFIX or alt != (word[2] == "ل" and word[1] == "ل"):
                    continue
            have = best.get(i)
            if have is None or (nwords, -plen) > have[:2]:
                best[i] = (nwords, -plen, key)
    out: list[Match] = []
    nxt = 0
    for i in sorted(best):
        if i < nxt:
            continue
        nwords, neg, key = best[i]
        out.append(Match(i, i + nwords, key, -neg))
        nxt = i + nwords
    return out


def scan_tokens(toks: list[Token], gaz: Gazetteer, max_words: int) -> list[Match]:
    """Longest-then-leftmost matches of index names over the tokens, token by token: the reference ``scan``
    (one Aho-Corasick pass) must agree with (tests/geo/test_geo_scan.py)."""
    first = gaz.first_words
    out: list[Match] = []
    i, n = 0, len(toks)
    while i < n:
        best = None
        word = toks[i].word
        if word not in first and word[0] not in ONE_PREFIX:
            i += 1
            continue
        for form, plen in stems(word):
            if form not in first:
                continue
            found = longest_at(toks, i, form, gaz, max_words)
            if found and (best is None or found[0] > best.j - best.i):
                best = Match(i, i + found[0], found[1], plen)
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best.j
    return out


# ---------------------------------------------------------------- lists and variants


@dataclass
class ListSpan:
    cue: str            # the folded list cue ("قري", "بلدات", ...)
    i: int              # first item token
    j: int              # one past the list's last token
    starts: list[int]   # tokens that begin an item


def _vocab_form(word: str, table) -> str:
    """The form of ``word`` (itself or without one or two attached prefixes) that ``table`` holds, or ""."""
    if word in table:
        return word
    if word[0] in ONE_PREFIX:
        if word[1:] in table:
            return word[1:]
        if word[:2] in TWO_PREFIX and word[2:] in table:
            return word[2:]
    return ""


def find_lists(toks: list[Token], voc: Vocab, at: list[int] | None = None) -> list[ListSpan]:
    """Lists of names opened by a plural place-type cue (see the module docstring); ``at``:
    the only token indexes worth trying (words of ``voc.triggers``), when known."""
    out: list[ListSpan] = []
    end = 0
    for i in (range(len(toks)) if at is None else at):
        cue = _vocab_form(toks[i].word, voc.list_cues) if i >= end else ""
        span = _list_items(toks, _list_start(toks, i, voc), cue, voc) if cue else None
        if span is not None:
            out.append(span)
            end = span.j
    return out


def _list_start(toks: list[Token], i: int, voc: Vocab) -> int:
    """First item token after the cue at i: past "وبلدات"-style extra cues, or after a colon
    within ``list_colon_window`` tokens ("القرى التي استهدفت هي: ...")."""
    j, n = i + 1, len(toks)
    while j < n and toks[j].joined and toks[j].word[0] == "و" and (
            toks[j].word[1:] in voc.list_cues or toks[j].word[1:] in voc.cues):
        j += 1
    for k in range(j, min(n, j + voc.list_colon_window)):
        if ":" in toks[k].gap:
            return k
        if toks[k].word in LIST_INTRO and k + 1 < n and toks[k + 1].joined:
            return k + 1     # "أربعة أحياء بالكامل هي المشلب والصناعة"
        if k > j and LIST_STOP.intersection(toks[k].gap):
            break
    return j


def _list_items(toks: list[Token], start: int, cue: str, voc: Vocab) -> ListSpan | None:
    starts: list[int] = []
    k, seg, n = start, 0, len(toks)
    while k < n:
        t = toks[k]
        if k > start and LIST_STOP.intersection(t.gap):
            break
        if t.word in voc.list_end or _vocab_form(t.word, voc.list_end):
            break
        if k == start or ITEM_SEP.intersection(t.gap) or (t.word[0] == "و" and len(t.word) > 2):
            starts.append(k)
            seg = 1
        else:
            seg += 1
            if seg > voc.list_max_item:
                break
        k += 1
    if len(starts) < 2 and not (starts and ":" in toks[start].gap):
        return None      # one item: the plain cue rule covers it
    return ListSpan(cue, start, k, starts)


def variant_forms(form: str) -> list[str]:
    """Spelling variants of a name's first word: with/without ال, with/without an initial alef."""
    out = []
    if form.startswith("ال"):
        if len(form) >= 5:
            out.append(form[2:])
    elif len(form) >= 3:
        out.append("ال" + form)
        if form[0] == "ا" and len(form) >= 5:
            out.append(form[1:])
        elif form[0] != "ا" and len(form) >= 4:
            out.append("ا" + form)
    return out


def variant_at(toks: list[Token], i: int, gaz: Gazetteer, kinds: tuple, max_words: int) -> Match | None:
    """A guarded variant match at token i (a cue or list slot): an entry of the cue's kinds."""
    for form, plen in stems(toks[i].word):
        for var in variant_forms(form):
            found = longest_at(toks, i, var, gaz, max_words) if var in gaz.first_words else None
            if not found or found[1] in gaz.stoplist:
                continue
            if "any" in kinds or any(gaz.entries[x].kind in kinds for x in gaz.by_name[found[1]]):
                return Match(i, i + found[0], found[1], plen, variant=form)
    return None


def short_city_at(toks: list[Token], k: int, gaz: Gazetteer) -> Match | None:
    """A two-letter city name ("مدينة قم", "مدينة إب"), read only right after a city cue (anywhere else
    two letters are a word)."""
    word = toks[k].word
    if len(word) == 2 and word in gaz.by_name and (k + 1 == len(toks) or not toks[k + 1].joined
                                                   or word + " " + toks[k + 1].word not in gaz.by_name):
        if any(gaz.entries[x].kind == "city" for x in gaz.by_name[word]):
            return Match(k, k + 1, word, 0)
    return None


def cued_at(toks: list[Token], k: int, ctype: str, gaz: Gazetteer, max_words: int) -> Match | None:
    """A name stored only as "<ctype> X" (gaz.cued), read at token k right after a cue of that type."""
    for form, plen in stems(toks[k].word):    # "أحياء المشلب والصناعة": the item after و too
        longest = gaz.cued_first.get(form)
        if not longest:
            continue
        n = min(longest, max_words, len(toks) - k)
        while n > 1 and not all(toks[x].joined for x in range(k + 1, k + n)):
            n -= 1
        for w in range(n, 0, -1):
            rest = " ".join([form] + [t.word for t in toks[k + 1:k + w]])
            if ctype + " " + rest in gaz.cued:
                return Match(k, k + w, rest, plen, cued=ctype + " " + rest)
    return None


def _cued_slot(k: int, ctype: str, toks: list[Token], gaz: Gazetteer, voc: Vocab,
               at: dict[int, Match], covered: set[int]) -> Match | None:
    """At the slot after a cue: a cued name; merged into an ordinary match that starts there (which
    it may lengthen), a new match when nothing covers the slot, else nothing."""
    if not ctype:
        return None
    c = cued_at(toks, k, ctype, gaz, voc.max_words)
    if c is None:
        return None
    m = at.get(k)
    if m is not None and m.j <= c.j and not any(x in at for x in range(m.j, c.j)):
        if m.j < c.j:    # "مزرعة صوفي كبير" over the shorter ordinary "صوفي"
            m.j, m.key, m.plen = c.j, c.key, c.plen
            covered.update(range(c.i, c.j))
        m.cued = c.cued
        return None
    return c if k not in covered else None


def _with_slots(matches: list[Match], toks: list[Token], gaz: Gazetteer, voc: Vocab) -> list[Match]:
    """Mark list items, and try spelling variants at cue, list and locative slots that found nothing."""
    trig = voc.triggers
    hits = [k for k, t in enumerate(toks) if t.word in trig]
    if not hits:
        return matches
    covered = {x for m in matches for x in range(m.i, m.j)}
    at = {m.i: m for m in matches}
    added: list[Match] = []
    for span in find_lists(toks, voc, hits):
        for k in span.starts:
            m = at.get(k)
            c = _cued_slot(k, voc.cue_type.get(span.cue, ""), toks, gaz, voc, at, covered)
            if c is not None:
                m = c
                added.append(m)
                covered.update(range(m.i, m.j))
            if m is None and k not in covered:
                m = variant_at(toks, k, gaz, voc.list_cues[span.cue], voc.max_words)
                if m is not None:
                    added.append(m)
                    covered.update(range(m.i, m.j))
            if m is not None:
                m.listed, m.span, m.cue = True, (span.i, span.j), span.cue
    for k in (h + 1 for h in hits if h + 1 < len(toks)):
        slot = _vocab_form(toks[k - 1].word, voc.slots)
        if not slot or not (toks[k].joined or toks[k].gap in QUOTES):
            continue
        m = _cued_slot(k, voc.cue_type.get(slot, ""), toks, gaz, voc, at, covered)
        if m is not None:
            added.append(m)
            covered.update(range(m.i, m.j))
        if k in covered or bare(toks[k].word) in voc.never:
            continue     # "في ناحية البغدادي": a type word is never read as a variant name (الناحية)
        m = short_city_at(toks, k, gaz) if slot in voc.cues and "city" in voc.cues[slot] else None
        m = m or variant_at(toks, k, gaz, voc.slots[slot], voc.max_words)
        if m is not None:
            added.append(m)
            covered.update(range(m.i, m.j))
    return sorted(matches + added, key=lambda m: m.i) if added else matches


def cue_kinds(m: Match, voc: Vocab) -> tuple:
    """The kinds the match's cue (direct or list) prefers."""
    return voc.cues.get(m.cue) or voc.list_cues.get(m.cue, ())


CUE_PREFIXED = "recognize.cue_prefixed"
CUE_PREFIXED_RULE = (
    "a type word (حي، قرية، تلة ...) names the word right after it only when that word carries no preposition "
    "(ب، ل، ك، ف): 'في حي بالمدينة' is a neighbourhood in the city, not a place called al-Madina, and 'وكتلة كبيرة' "
    "is a large bloc, not a hill named Bira (ك + بيرة); the name is then read as any uncued name (its common-word "
    "guard included). Seen in f17T hb-031 (a Kenyan attack read in Basra's al-Madina) and ha-031.")
CUE_PREFIX_LETTERS = frozenset("بلكف")


def _set_cue(m: Match, toks: list[Token], voc: Vocab) -> None:
    if m.plen and CUE_PREFIX_LETTERS.intersection(toks[m.i].word[:m.plen]):
        return      # rule recognize.cue_prefixed (CUE_PREFIXED_RULE)
    if m.i > 0:
        w = bare(toks[m.i - 1].word)
        if w in voc.cues or (m.listed and w in voc.list_cues):
            m.cue, m.cue_i = w, m.i - 1


def accept(matches: list[Match], toks: list[Token], gaz: Gazetteer) -> list[Match]:
    """Apply the not-a-place rules; mark organisation context."""
    voc = vocab()
    kept: list[Match] = []
    matches = _short_cities_beside(matches, toks, gaz, voc)
    starts = {m.i: m for m in matches}
    for m in _with_slots(matches, toks, gaz, voc):
        _set_cue(m, toks, voc)
        prev = toks[m.i - 1].word if m.i > 0 else ""
        prev_bare = bare(prev) if prev else ""
        m.before = prev_bare
        if m.key in voc.never:
            continue
        m.beside = m.beside or _country_beside(m, starts, toks, gaz, voc)
        if m.beside:
            m.why.append(f"{COUNTRY_BESIDE}: {m.beside}")
            m.framed = True
            if prev_bare in voc.org or prev in voc.org:
                m.role = "org"
            kept.append(m)
            continue
        in_region = prev_bare in voc.heads or prev_bare in voc.directions or prev_bare in voc.countryside
        chained = bool(kept) and kept[-1].j == m.i and m.plen > 0 and toks[m.i].word[0] == "و"
        if m.key in gaz.stoplist and (not m.cue or m.listed and m.cue_i < 0):
            continue
        if m.variant:
            m.why.append(f"variant of {m.variant}")
        if m.cued:
            m.why.append(f"cued name '{m.cued}'")
        if m.plen and not (m.cue or in_region or m.listed):
            m.rare = _rare_prefix(toks[m.i].word[:m.plen], voc)
            m.locative = m.rare and _locative(m, toks, voc)
        if not (m.cue or in_region or m.listed):
            m.guard = _guard(m, toks, gaz, voc)
        elif m.cue and not m.listed:
            m.guard = _cue_adjective(m, toks, gaz)
        if not (m.guard or m.cue or m.listed):
            m.guard = _noun_with_adjective(m, toks, gaz, voc)
        if m.guard:
            m.why.append(f"guarded ({m.guard})")
        m.framed = bool(m.cue or in_region or m.listed) or _locative(m, toks, voc)
        if m.listed:
            m.why.append(f"list after cue:{m.cue}")
        elif m.cue or in_region:
            m.why.append(f"cue:{m.cue or prev_bare}")
            m.head = "" if m.cue else prev_bare
        elif prev in voc.person or prev_bare in voc.person:
            continue
        elif _all_minor(gaz, m.key) and not (_locative(m, toks, voc) or chained or m.key.split(" ")[0] in voc.cues):
            if not _place_noun(m, toks, gaz, voc):
                continue     # a name written with its type word ("حي صلاح الدين") carries its own cue
            m.framed = True
            m.why.append(f"{PLACE_NOUN}: after '{prev_bare}'")
        if prev_bare in voc.org or prev in voc.org or _outlet(m, toks):
            m.role = "org"
        kept.append(m)
    return kept


OUTLET = "recognize.outlet_number"
OUTLET_RULE = (
    "a place name with a number right after it, closed by a bracket or quote or followed by 'إن/أن' ('أربيل "
    "(كوردستان 24)-', 'وقالت مصادر محلية لكوردستان 24 إن', '(درعا 24)'), is a news outlet's name, not the place "
    "(role org); a date or a count after a name ('دمشق 24 آذار', 'في حلب 24 قتيلا') is neither. Seen in dev c039, "
    "c071 and dev2 rd013.")
OUTLET_NUMBER = re.compile(r"\s*\d{1,3}\s*[)\"”»]")
OUTLET_SAYS = frozenset(("ان",))     # folded إن / أن


def _outlet(m: Match, toks: list[Token]) -> bool:
    """Rule recognize.outlet_number (OUTLET_RULE), on the gap after the name (the next token's gap)."""
    if m.j >= len(toks):
        return False
    gap = toks[m.j].gap
    if OUTLET_NUMBER.match(gap):
        return True
    return bool(re.fullmatch(r"\d{1,3}", gap)) and toks[m.j].word in OUTLET_SAYS


COUNTRY_BESIDE = "recognize.country_beside"
COUNTRY_BESIDE_RULE = (
    "a city's name followed right away by its own country -- 'في قم في إيران', 'إب باليمن', 'العين الإماراتية', "
    "'معسكر في الجزائر' -- is that city, even when the name is a common word, on the stop list or two letters "
    "long: a report names a city with its country when it is about that city (the world layer test: every city "
    "of over 100k named so lands on itself)")
BESIDE_LINKS = frozenset(("في",))


def _country_at(k: int, starts: dict[int, Match], toks: list[Token], gaz: Gazetteer, voc: Vocab) -> str:
    """ISO2 of a country named at token k ("إيران", "باليمن") or cued by its nationality adjective there
    ("الإيرانية"), else ""."""
    if k >= len(toks) or not toks[k].joined:
        return ""
    cc = voc.adjectives.get(toks[k].word)
    if cc:
        return cc
    m = starts.get(k)
    if m is None or m.plen and toks[k].word[0] != "ب":
        return ""
    return next((gaz.entries[x].country for x in gaz.by_name.get(m.key, ()) if gaz.entries[x].kind == "country"), "")


def _country_beside(m: Match, starts: dict[int, Match], toks: list[Token], gaz: Gazetteer, voc: Vocab) -> str:
    """ISO2 of the country named right after the name (COUNTRY_BESIDE_RULE) when one of the name's readings is a
    city of that country, else ""."""
    j = m.j
    if j >= len(toks) or not toks[j].joined:
        return ""
    cc = _country_at(j, starts, toks, gaz, voc)
    if not cc and toks[j].word in BESIDE_LINKS:
        cc = _country_at(j + 1, starts, toks, gaz, voc)
    if not cc:
        return ""
    ids = gaz.by_name.get(m.key, ())
    return cc if any(gaz.entries[x].kind == "city" and gaz.entries[x].country == cc for x in ids) else ""


def _short_cities_beside(matches: list[Match], toks: list[Token], gaz: Gazetteer, voc: Vocab) -> list[Match]:
    """Two-letter city names after a locative word, with their country right after them ("في قم في إيران", "في
    إب باليمن"): the scan reads no two-letter name (COUNTRY_BESIDE_RULE)."""
    covered = {x for m in matches for x in range(m.i, m.j)}
    starts = {m.i: m for m in matches}
    added = []
    for k in range(1, len(toks)):
        w = toks[k].word
        if len(w) != 2 or k in covered or w not in gaz.by_name or not toks[k].joined:
            continue
        if toks[k - 1].word not in voc.locative and bare(toks[k - 1].word) not in voc.locative:
            continue
        m = Match(k, k + 1, w, 0)
        cc = _country_beside(m, starts, toks, gaz, voc)
        if cc:
            m.beside = cc
            added.append(m)
    return sorted(matches + added, key=lambda m: m.i) if added else matches


PLACE_NOUN = "recognize.place_noun"
PLACE_NOUN_RULE = (
    "a village or neighbourhood named right after a noun whose complement is usually a place (vocab place_nouns: "
    "'تفجير الكرادة' the Karrada bombing, 'مجزرة القبير', 'أهالي معرزاف') is that place, though no locative frames "
    "it, when the name is rare as an ordinary word (absent from the word frequencies: 'تفجير الكنيسة', 'مجزرة "
    "التحالف' stay words). Seen in dev2 rc001, rc003, rc004 (Karrada), rc030, rc031 (Maarzaf), rf030, rc005.")


def _place_noun(m: Match, toks: list[Token], gaz: Gazetteer, voc: Vocab) -> bool:
    """Rule recognize.place_noun (PLACE_NOUN_RULE): the name follows one of voc.place_nouns (with or without an
    attached و/ب/ل), nothing but spaces between, and the name is no common word (not in gaz.zipf, whole or
    with its prefix) and carries no guard."""
    if m.i == 0 or not toks[m.i].joined or m.plen or m.guard:
        return False
    if bare(toks[m.i - 1].word) not in voc.place_nouns and toks[m.i - 1].word not in voc.place_nouns:
        return False
    return m.key not in gaz.zipf and toks[m.i].word not in gaz.zipf


GUARD_SKIP_KINDS = frozenset(("country", "gov"))


def _guard(m: Match, toks: list[Token], gaz: Gazetteer, voc: Vocab) -> str:
    """An uncued name that reads as an ordinary word: a listed common noun ("قتل الراعي"), or a
    one-word nisba name (-ية) right after a noun it agrees with in definiteness, i.e. its
    adjective ("أسلحة حربية", "طائرات حربية", "المملكة الأردنية الهاشمية")."""
    if m.key in voc.guarded:
        return "word"
    if m.key == AGE_WORD and m.i and bare(toks[m.i - 1].word) == "من" and not m.plen:
        return "construct.idiom_age"
    rule = _construct(m, toks, gaz, voc)
    if rule:
        return rule      # before "frequent": the grammar says word, whatever the report votes for
    if _indefinite_adjective(m, toks, gaz, voc):
        return INDEFINITE_ADJECTIVE
    if common_word(m.key, gaz):
        return "frequent"
    if m.key.startswith("ال") and word_tie(m.key, gaz) and not _locative(m, toks, voc) \
            and not (m.i and bare(toks[m.i - 1].word) in TIE_FRAMES):
        return WORD_TIE
    if not m.key.startswith("ال") and article_tie(m.key, gaz) and not _locative(m, toks, voc) \
            and not (m.i and bare(toks[m.i - 1].word) in TIE_FRAMES):
        return ARTICLE_TIE
    if m.plen and m.j - m.i == 1 and common_word(toks[m.i].word, gaz, m.key):
        return "frequent"     # "بشكل كامل": the whole word is far commoner than ك + Āmol
    if m.key in voc.verb_like and _verb_frame(m, toks, voc):
        return "verb"
    if m.plen or m.j - m.i != 1 or m.i == 0:
        return ""
    if not m.key.endswith("يه"):
        return _definite_adjective(m, toks, gaz, voc)
    prev = toks[m.i - 1]
    if not toks[m.i].joined or len(prev.word) < 3:
        return ""     # only spaces between the noun and its adjective ("طائرات حربية", after '"3 ' too)
    pb = bare(prev.word)
    if pb in voc.locative or pb in voc.never or pb in voc.person or pb in voc.org or prev.word in voc.locative:
        return ""
    if any(gaz.entries[x].kind in GUARD_SKIP_KINDS for x in gaz.by_name.get(m.key, ())):
        return ""
    prev_def = any(form.startswith("ال") for form, _ in stems(prev.word))
    return "adjective" if prev_def == m.key.startswith("ال") else ""


TIME_WORDS = frozenset(fold(w) for w in (
    "اليوم", "الليلة", "الشهر", "الأسبوع", "العام", "السنة", "الصباح", "المساء", "الفجر", "الظهر", "العصر",
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
AGE_WORD = "العمر"     # folded: "من العمر", age
OTHER_WORDS = frozenset(("والاخر", "والاخري"))   # "بين الفينة والأخرى", "بين الحين والآخر": now and then


CONSTRUCT_RULES = {
    "construct.idiom_other": "'بين X والآخر/والأخرى' is 'now and then' ('بين الفينة والأخرى', 'بين الحين والآخر')",
    "construct.participle": "a definite active participle (ال + فاعل) governing a ب phrase: 'القائم بأعمال السفارة' "
                            "is the chargé d'affaires, not al-Qaim",
    "construct.idiom_age": "'من العمر' is age: 'يبلغ من العمر 20 عاما', 'في العقد الثاني من العمر' (not the village "
                           "al-Amer of Hasakah, which a Hasakah report kept; fresh7 f7e-013, fresh8 f8g-029, dev c071)",
    "construct.idafa": "an indefinite name followed by the definite noun it governs: 'حصار المدن' is the siege of the "
                       "cities, 'سكان المخيم' the camp's residents, 'مقر السفارة' the embassy's seat",
}


def _construct(m: Match, toks: list[Token], gaz: Gazetteer, voc: Vocab) -> str:
    """The id of the CONSTRUCT_RULES rule by which a one-word name, commoner as a word than as any place it may
    be, heads a compound with the word after it (so it is that word, not the place), or "". For idafa the next
    word is definite and no direction, region head, country adjective, adjective or time adverb ("في منبج
    اليوم"), and a governorate or country heads none. Seen in dev/dev2/seeds: rf018, rs008, c031/rc014 (already
    a word), seed 000, rc040, rc037, rp020. The place still stands with its governorate named beside it (a
    grammar guard: resolve.doubtful)."""
    if m.j - m.i != 1 or m.j >= len(toks) or not toks[m.j].joined or toks[m.j].gap:
        return ""
    if not _commoner_than_places(m.key, gaz):
        return ""
    nxt = toks[m.j].word
    if nxt in OTHER_WORDS:
        ok = m.i > 0 and toks[m.i].joined and bare(toks[m.i - 1].word) == "بين"
        return "construct.idiom_other" if ok else ""
    if m.key.startswith("ال"):
        w = m.key[2:]
        ok = len(w) == 4 and w[1] == "ا" and nxt.startswith("ب") and len(nxt) >= 4 and nxt[1:] not in gaz.by_name
        return "construct.participle" if ok else ""
    if not nxt.startswith("ال") or len(nxt) < 5 or nxt in voc.heads or nxt in voc.countryside or nxt in voc.adjectives:
        return ""
    if nxt in TIME_WORDS or any(gaz.entries[x].kind in GUARD_SKIP_KINDS for x in gaz.by_name.get(m.key, ())):
        return ""
    if nxt in voc.directions or adjective_shape(nxt) or nxt.endswith("ي"):
        return ""
    return "construct.idafa"


DEMONSTRATIVES = frozenset(("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هولاء", "اولئك"))


def _definite_adjective(m: Match, toks: list[Token], gaz: Gazetteer, voc: Vocab) -> str:
    """"التعاون القائم بين" (the existing cooperation, not al-Qaim), "التقديرات الحديثة" (recent estimates, not
    Haditha): a one-word definite name, commoner as a word than as any place it may be, right after a definite
    word that is no place, cue or locative, is that word's adjective; so is an indefinite name in a feminine
    adjective's shape after an indefinite word ("تقديرات حديثة", "أربع قرى جديدة"). After a demonstrative
    ("هذا الحراك") it is a noun."""
    if not toks[m.i].joined:
        return ""
    prev = toks[m.i - 1].word
    definite = m.key.startswith("ال")
    if definite and prev in DEMONSTRATIVES:
        return "noun" if _commoner_than_places(m.key, gaz) else ""
    prev_def = any(form.startswith("ال") for form, _ in stems(prev))
    if definite != prev_def or not definite and not adjective_shape(m.key):
        return ""
    if len(prev) < 4 or prev in gaz.by_name or any(c.isdigit() for c in toks[m.i - 1].gap):
        return ""
    pb = bare(prev)
    if pb in voc.locative or pb in voc.never or pb in voc.person or pb in voc.org or prev in voc.adjectives:
        return ""
    return "adjective" if _commoner_than_places(m.key, gaz) else ""


def _commoner_than_places(key: str, gaz: Gazetteer) -> bool:
    """The name is at least as common as a word as it would be as any place it may be (no margin: for a
    reading the grammar already favours)."""
    z = gaz.zipf.get(key)
    return z is not None and all(z >= place_zipf(gaz.entries[x]) for x in gaz.by_name.get(key, ()))


def _cue_adjective(m: Match, toks: list[Token], gaz: Gazetteer) -> str:
    """"قرية صغيرة من 20 منزلاً", "البلدة الكبيرة": a one-word feminine name after its type word that is far
    commoner as a word, and agrees with the type word in definiteness, is the type word's adjective."""
    if m.plen or m.j - m.i != 1 or m.cue_i != m.i - 1 or not toks[m.i].joined or not adjective_shape(m.key):
        return ""
    if not common_word(m.key, gaz):
        return ""
    cue_def = any(form.startswith("ال") for form, _ in stems(toks[m.cue_i].word))
    if cue_def != m.key.startswith("ال"):
        return ""
    plural = m.cue in vocab().list_cues and not m.cue.endswith(("تي", "تين", "يي"))   # not a dual
    return "plural adjective" if plural else "adjective"   # "أربع قرى جديدة": one name after a plural is its adjective


def adjective_shape(key: str) -> bool:
    """A feminine adjective's shape (folded, ة as ه): a nisba (-يه: "حربيه"), فعيلة ("صغيره", "كبيره"),
    فاعلة ("كامله") or مفعولة ("مهجوره"), with or without ال. "برشلونه" has none: "مدينة برشلونة" is the city."""
    w = key[2:] if key.startswith("ال") else key
    if len(w) < 4 or not w.endswith("ه"):
        return False
    return (w.endswith("يه") or len(w) == 5 and w[2] == "ي" or len(w) == 5 and w[1] == "ا"
            or len(w) == 6 and w[0] == "م" and w[3] == "و")


def _noun_with_adjective(m: Match, toks: list[Token], gaz: Gazetteer, voc: Vocab) -> str:
    """"قرب الباب الرئيسي للسجن" (the main gate), "عند الباب الخلفي": a one-word definite name, commoner as a word
    than as any place it may be, followed by a definite adjective (-ي, -ية) that is no direction, no country's
    adjective and no place, is that noun with its adjective (a direction after a name is "الباب الشرقي", a
    place's part; "الحسكة السورية" is a place and its country)."""
    if m.j - m.i != 1 or m.j >= len(toks) or not toks[m.j].joined or not m.key.startswith("ال"):
        return ""
    nxt = toks[m.j].word
    if not nxt.startswith("ال") or len(nxt) < 5 or not (nxt.endswith("ي") or nxt.endswith("يه")):
        return ""
    if nxt in voc.directions or nxt in voc.never or nxt in voc.adjectives or nxt in gaz.by_name:
        return ""
    z = gaz.zipf.get(m.key)
    if z is None or any(z < place_zipf(gaz.entries[x]) for x in gaz.by_name.get(m.key, ())):
        return ""
    return "noun"


INDEFINITE_ADJECTIVE = "recognize.indefinite_adjective"
INDEFINITE_ADJECTIVE_RULE = (
    "a one-word name without ال that is an ordinary word about as common as the place (its word frequency at least "
    "INDEF_ADJ_MARGIN below the place's, see PLACE_ZIPF; no country, governorate or capital), followed with no "
    "punctuation by an indefinite nisba adjective (-ي of 4 letters or more, -ية of 5: not 'عشية') that is no "
    "direction, country adjective or place, is the noun that adjective describes: a name is definite and takes no "
    "indefinite adjective ('في مشهد إنساني مؤثر' is a touching scene, not Mashhad; 'في مشهد دموي'). Seen in fresh6 "
    "f6c-013 and in the issue's list of open cases.")
INDEF_ADJ_MARGIN = 0.5
INDEF_ADJ_MIN_ZIPF = 3.5       # the name must be a common word at all
INDEF_ADJ_SKIP = frozenset(("country", "gov"))   # with a capital: their word frequency is the name's own
DEFINITE_FORMS = ("ال", "وال", "فال", "بال", "كال", "لل")   # "دمشق والذي": no indefinite word follows


def _indefinite_adjective(m: Match, toks: list[Token], gaz: Gazetteer, voc: Vocab) -> bool:
    """Rule recognize.indefinite_adjective (INDEFINITE_ADJECTIVE_RULE)."""
    if m.j - m.i != 1 or m.j >= len(toks) or not toks[m.j].joined or toks[m.j].gap.strip() or m.key.startswith("ال"):
        return False
    z = gaz.zipf.get(m.key)
    if z is None or z < INDEF_ADJ_MIN_ZIPF:
        return False
    es = [gaz.entries[x] for x in gaz.by_name.get(m.key, ())]
    if any(z < place_zipf(e) - INDEF_ADJ_MARGIN or e.kind in INDEF_ADJ_SKIP or e.capital for e in es):
        return False
    nxt = toks[m.j].word
    if nxt.startswith(DEFINITE_FORMS) or not (len(nxt) >= 4 and nxt.endswith("ي") or len(nxt) >= 5 and nxt.endswith("يه")):
        return False
    return not (nxt in voc.directions or nxt in voc.adjectives or nxt in voc.never or nxt in gaz.by_name
                or bare(nxt) in gaz.by_name)


def _verb_frame(m: Match, toks: list[Token], voc: Vocab) -> bool:
    """"ضربة جوية تدمر مضافة": a name that is also a verb reads as the verb between two words of one
    clause with no place frame: nothing attached to it, no locative, cue or direction before it,
    and an indefinite word (its object) right after it."""
    if m.plen or m.i == 0 or m.j >= len(toks) or not toks[m.i].joined or not toks[m.j].joined:
        return False
    prev = bare(toks[m.i - 1].word)
    if prev in voc.locative or toks[m.i - 1].word in voc.locative or prev in voc.never:
        return False
    return not toks[m.j].word.startswith("ال")


def _rare_prefix(prefix: str, voc: Vocab) -> bool:
    """ك، ف، ل (alone or after و/ف) begin ordinary words too; فب (ف + locative ب) does not count."""
    return prefix not in voc.rare_safe and any(c in voc.rare_letters for c in prefix)


def _all_minor(gaz: Gazetteer, key: str) -> bool:
    """Every reading is a village-like place (a town of the world layer counts as one)."""
    return all(gaz.entries[i].kind in MINOR_KINDS or gaz.entries[i].world_minor for i in gaz.by_name.get(key, ()))


# How common a place's name is in the news, as a zipf frequency, before its ordinary-word reading is
# weighed against it: a country or governorate is named often, a large city more the larger it is, a
# village hardly ever. A one-word name whose frequency as a word (gaz.zipf, from wordfreq) passes the
# best reading's figure by WORD_MARGIN reads as the word unless a cue, a region head or its
# governorate/country vouches for the place ("صور" photos / Tyre, "عنه" about him / Anah,
# "المرحلة" the stage / a village).
PLACE_ZIPF = {"country": 5.5, "gov": 4.6, "city": 4.0, "district": 4.0, "town": 3.4, "field": 3.4, "camp": 3.4,
              "airport": 3.4, "base": 3.4, "prison": 3.4, "dam": 3.4, "crossing": 3.4, "area": 3.6,
              "desert": 3.6, "mountain": 3.4, "valley": 3.4}
WORD_MARGIN = 1.0
WORLD_WORD_MARGIN = 0.5   # a lesser town or city of the world layer ("بداخله" Dakhla, "من طراز" Taraz): a reader
                          # expects it only in a report about its country, so its word reading wins sooner


NEWS_TOWN_COUNTRIES = frozenset(("SY", "IQ"))   # the war's own towns; a Turkish resort town (Side, "سيدة") is not
WORLD_CITY_ZIPF = 3.4    # a city of the world layer that is neither a capital nor of a million: seldom named
WORLD_GOV_ZIPF = 4.0     # a first-level division outside SY/IQ/TR/LB/JO


def place_zipf(e) -> float:
    z = PLACE_ZIPF.get(e.kind, 3.0)
    if e.kind == "city" and e.country not in CORE_COUNTRIES and not e.famous:
        z = WORLD_CITY_ZIPF
    elif e.kind == "gov" and e.country not in CORE_COUNTRIES:
        z = WORLD_GOV_ZIPF
    if e.kind == "city" and e.pop > 100_000:
        z += 0.4 * (math.log10(e.pop) - 5)
    elif e.kind == "town" and e.country in NEWS_TOWN_COUNTRIES and e.pop > 10_000:
        z = 4.0 + 0.4 * (math.log10(e.pop) - 4.5)    # a Syrian or Iraqi town of some size: in the news often
    return z


def common_word(word: str, gaz: Gazetteer, key: str = "") -> bool:
    """The word (the name ``key``, or the name with its attached prefix) is far more common as an ordinary word
    than the name as any place it may be (see PLACE_ZIPF)."""
    z = gaz.zipf.get(word)
    if z is None:
        return False
    return all(z >= place_zipf(e) + word_margin(e) for e in map(gaz.entries.__getitem__, gaz.by_name.get(key or word, ())))


WORD_TIE = "recognize.word_tie"
WORD_TIE_RULE = (
    "a one-word definite name whose every reading is a Syrian or Iraqi town, village, district or sub-district, and "
    "which is about as common as an ordinary word as it is as that place (its word frequency at most TIE_MARGIN "
    "below the place's, see PLACE_ZIPF), is a word unless a cue, a region head, a list or a locative (في، من، ب، على) "
    "frames it or its governorate is named near it or in the report (resolve.doubtful): 'التزم المتظاهرون مبدأ "
    "السلمية' (peacefulness, not Salamiyah), 'ويستمر الحراك' (the movement, not Hrak). Seen in dev2 rp020 (an Iraqi "
    "report), rp028 and fresh5 f5a-021.")
TIE_MARGIN = 0.1
TIE_KINDS = frozenset(("town", "village", "district", "subdistrict"))
TIE_COUNTRIES = frozenset(("SY", "IQ"))
TIE_FRAMES = frozenset(("علي",))   # "غارات على القائم", "سيطرت على الطبقة": a place's frame too (folded على)


def word_tie(key: str, gaz: Gazetteer) -> bool:
    """Rule recognize.word_tie (WORD_TIE_RULE): the name is as likely the ordinary word as the place."""
    z = gaz.zipf.get(key)
    if z is None:
        return False
    es = [gaz.entries[x] for x in gaz.by_name.get(key, ())]
    return bool(es) and all(e.kind in TIE_KINDS and e.country in TIE_COUNTRIES and z >= place_zipf(e) - TIE_MARGIN
                            for e in es)


ARTICLE_TIE = "recognize.article_tie"
ARTICLE_TIE_RULE = (
    "a one-word name without ال whose every reading is a Syrian or Iraqi town, village, district or sub-district "
    "that the gazetteer also names with ال at the same spot (ARTICLE_TIE_KM; the news writes it 'الخالص'), and "
    "which is about as common as an ordinary word as it is as that place (as recognize.word_tie), is the word unless "
    "a cue, a region head, a list or a locative frames it or its governorate is named near it or in the report: "
    "'أعربت الوزارة عن خالص التعازي' (sincere, not al-Khalis). Seen in fresh8 f8h-029 and fresh9 i-031.")
ARTICLE_TIE_KM = 10.0


def _article_named(key: str, gaz: Gazetteer) -> bool:
    """Every reading of the bare name has a reading of its ال form within ARTICLE_TIE_KM (asked only of the few
    names that pass the frequency test)."""
    from .resolve import km     # resolve imports this module
    with_al = [gaz.entries[x] for x in gaz.by_name.get("ال" + key, ())]
    return bool(with_al) and all(any(km(e.lat, e.lon, a.lat, a.lon) <= ARTICLE_TIE_KM for a in with_al)
                                 for e in map(gaz.entries.__getitem__, gaz.by_name.get(key, ())))


def article_tie(key: str, gaz: Gazetteer) -> bool:
    """Rule recognize.article_tie (ARTICLE_TIE_RULE)."""
    z = gaz.zipf.get(key)
    if z is None or " " in key:
        return False
    es = [gaz.entries[x] for x in gaz.by_name.get(key, ())]
    return bool(es) and all(e.kind in TIE_KINDS and e.country in TIE_COUNTRIES and z >= place_zipf(e) - TIE_MARGIN
                            for e in es) and _article_named(key, gaz)


def word_margin(e) -> float:
    """How far a name's word frequency must pass the place's news frequency: less for a town or lesser
    city of the world layer (its country's reports vouch for it, see resolve.doubtful)."""
    return WORLD_WORD_MARGIN if e.world_minor or e.remote else WORD_MARGIN


def _locative(m: Match, toks: list[Token], voc: Vocab) -> bool:
    """ب/في/من/قرب... before the name: the usual frame of a place."""
    tok = toks[m.i]
    if m.plen and tok.word[0] in "ب" or (m.plen == 2 and tok.word[1] == "ب"):
        return True
    if m.i > 0:
        p = toks[m.i - 1].word
        return p in voc.locative or bare(p) in voc.locative
    return False
