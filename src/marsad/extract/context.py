"""One report prepared for extraction: sentences with their folded text, tokens and mentions.

The text primitives come from marsad.text (normalize, split_sentences; numbers and dates
through mentions.py) and marsad.geo (places).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from datetime import date

from marsad.extract.doc import Sentence, Token
from marsad.lexicon import fold_entry, load, matcher
from marsad.geo import find_places, report_place as geo_report_place
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences

_TOKEN = re.compile(r"\w+")


Sent = Sentence   # the name the extract modules use
_token = tuple.__new__   # Token(start, end, word) without the NamedTuple's Python-level __new__


def _split(text: str):
    return [(s.start, s.end, s.text) for s in split_sentences(text)]


def _find_places(text: str):
    return [p for p in find_places(text, context=text) if getattr(p, "role", "place") == "place"]


def listed_actors(folded: str, act=None) -> list:
    """The actor spans of a text, less the words inside a group the list does not name ("عمال" in "حزب العمال
    الكردستاني" are no civilians): its spans stay unassigned, as the spec codes unlisted forces."""
    hits = (act or matcher("actors", "")).find(folded)
    unlisted = matcher("cues", "unlisted_groups").find(folded)
    if not unlisted:
        return hits
    return [h for h in hits if not any(u.start < h.end and h.start < u.end for u in unlisted)]


def prepare(text: str, pub: date | None = None) -> list[Sent]:
    """Sentences of a report with triggers, actors and places attached."""
    sents = []
    places = sorted(_find_places(text), key=lambda p: p.start)
    starts = [p.start for p in places]
    trig, act = matcher("triggers", ""), matcher("actors", "")
    lines: dict[tuple[int, int], bool] = {}    # (line start, line end) -> _is_headline: sentences of one line share it
    for i, (s, e, t) in enumerate(_split(text)):
        sent = _sentence(i, s, e, t, pub, trig, act)
        line = (text.rfind("\n", 0, s) + 1, text.find("\n", e))
        headline = lines.get(line)
        if headline is None:
            headline = lines[line] = _is_headline(text, s, e, t)
        sent.headline = headline
        sent.bullet = _is_bullet(text, s)
        _attach_places(sent, places[bisect_left(starts, s):bisect_left(starts, e)])     # places starting inside it
        sents.append(sent)
    return sents


def _sentence(i: int, s: int, e: int, t: str, pub: date | None, trig, act) -> Sent:
    norm = normalize(t)
    folded = norm.folded
    sent = Sent(i, s, e, t, folded, norm, _tokens(folded))
    sent.triggers = trig.find(folded)
    sent.actors = listed_actors(folded, act)
    sent.pub = pub
    return sent


_TOKEN_SPLIT = re.compile(r"(\w+)")   # _TOKEN as a split: gaps and words alternate


def _tokens(folded: str) -> list[Token]:
    """The tokens of _TOKEN.finditer(folded) (the reference, tests/extract/test_extract_tokens.py), from one split: no
    match objects."""
    parts = _TOKEN_SPLIT.split(folded)
    out = []
    append = out.append
    pos = len(parts[0])
    for k in range(1, len(parts), 2):
        word = parts[k]
        end = pos + len(word)
        append(_token(Token, (pos, end, word)))
        pos = end + len(parts[k + 1])
    return out


def _attach_places(sent: Sent, places) -> None:
    for p in places:
        if sent.start <= p.start and p.end <= sent.end and not _junk_place(p):
            fs, fe = sent.folded_span(p.start - sent.start, p.end - sent.start)
            sent.places.append((fs, fe, p))


def clause(sent: Sent, fold_start: int, fold_end: int) -> Sent:
    """The part of a sentence between two offsets of its folded text, as a sentence of its own (same index,
    its own tokens and layers; the places are the sentence's own inside it)."""
    offs = sent.norm.offsets
    o_start, o_end = offs[min(fold_start, len(offs) - 1)], offs[min(fold_end, len(offs) - 1)]
    if fold_end >= len(sent.folded):
        o_end = len(sent.text)
    t = sent.text[o_start:o_end]
    sub = _sentence(sent.idx, sent.start + o_start, sent.start + o_start + len(t), t, sent.pub,
                    matcher("triggers", ""), matcher("actors", ""))
    sub.headline, sub.bullet, sub.stand_in = sent.headline, sent.bullet, sent.stand_in
    _attach_places(sub, [p for _, _, p in sent.places])
    return sub


def report_place(text: str):
    """A governorate-level place for the whole report (marsad.geo)."""
    return geo_report_place(text)


@lru_cache(maxsize=1)
def _not_places() -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["not_places"])


def _junk_place(p) -> bool:
    """Common words a gazetteer also lists as places ("مدينة", "ظهر") and cut-off region phrases."""
    words = fold_entry(p.surface).split()
    stop = _not_places()
    if not words:
        return True
    if getattr(p, "geo_precision", 1) >= 2 and len(words) > 1:
        return False       # "ريف دير الزور الغربي": a region phrase ending in a direction word is a place
    last = words[-1].lstrip("وبل") if len(words[-1]) > 4 else words[-1]
    return " ".join(words) in stop or words[-1] in stop or last in stop


def _is_bullet(text: str, s: int) -> bool:
    prefix = text[text.rfind("\n", 0, s) + 1:s]
    return bool(prefix.strip()) and not any(ch.isalpha() for ch in prefix)


def _is_headline(text: str, s: int, e: int, t: str) -> bool:
    """A sentence of a short line that does not end in final punctuation (a title; "العراق.. القبض على ..." is
    one line split at its "..")."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    line = text[ls:le if le >= 0 else len(text)].rstrip()
    words = line.split()
    if words and words[0].startswith("و") and words[0][1:] in CONNECTIVES:
        return False    # "وفي شهر آب الماضي، استهدفت طائرة م": a sentence cut short, not a title
    return not line.endswith((".", ":", "؟", "!")) and len(words) <= 25


# words that, after the conjunction و, open a sentence that continues a text; a title never starts so
CONNECTIVES = frozenset({"في", "كان", "كانت", "قد", "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "ذكر", "ذكرت",
                         "أفاد", "أفادت", "أشار", "أشارت", "بحسب", "وفق", "لفت", "لفتت", "تابع", "تابعت", "أوضح",
                         "أوضحت", "من", "على", "إلى", "بعد", "خلال", "منذ", "مع", "يأتي", "تأتي", "جاء", "جاءت"})


def parse_published(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
