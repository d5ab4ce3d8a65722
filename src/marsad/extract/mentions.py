"""Numbers and dates of one sentence, from marsad.text, with spans moved into the sentence's folded text.

The extractor works on a sentence's folded text (``Sent.folded``); marsad.text finds mentions
with spans in the text it is given (here the sentence's original text). These helpers run the
finders once per sentence (cached on the Sent) and translate the spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.lexicon import matcher
from marsad.text import find_dates, find_numbers

_YEAR = re.compile(r"^(?:19|20)\d\d$")
PERIOD_RULES = ("period", "period_since", "period_year", "relative_phrase_long")   # "منذ 2017", "منذ بداية العام": not an event's date (the "period" pattern reports period_since)


@dataclass(frozen=True)
class Num:
    """A quantity of marsad.text with its span in the sentence's folded text."""

    start: int
    end: int
    text: str
    value_low: int | float | None
    value_high: int | float | None
    qualifier: str
    vague: bool
    lemma: str | None      # the counted noun's lemma (marsad.text)
    noun: str | None       # the lemma, else the folded word after the number
    dual: bool = False     # a dual noun counting 2 ("عنصرين")


@dataclass(frozen=True)
class When:
    """A date mention of marsad.text with its span in the sentence's folded text."""

    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: str
    relative: bool
    rule: str


_REPORT = object()   # pub not given: the sentence's report's publication date (Sentence.pub)


def dates(sent, pub=_REPORT) -> list[When]:
    """Date mentions of a sentence, resolved against `pub` (by default the report's publication date; cached per
    sentence and date)."""
    pub = sent.pub if pub is _REPORT else pub
    key = ("dates", pub)
    if key not in sent.cache:
        found = find_dates(sent.text, pub)
        sent.cache["date_spans"] = [(d.start, d.end) for d in found]
        sent.cache[key] = [When(*sent.folded_span(d.start, d.end), d.date_start, d.date_end, d.precision,
                                d.relative, d.rule) for d in found]
    return sent.cache[key]


def numbers(sent, pub=_REPORT) -> list[Num]:
    """Quantities of a sentence outside its date mentions (cached per sentence)."""
    pub = sent.pub if pub is _REPORT else pub
    if "numbers" not in sent.cache:
        dates(sent, pub)
        out = []
        for q in find_numbers(sent.text, ignore=sent.cache["date_spans"]):
            fs, fe = sent.folded_span(q.start, q.end)
            low = q.value_low if q.value_low is not None else q.value_high
            high = q.value_high if q.value_high is not None else q.value_low
            out.append(Num(fs, fe, sent.folded[fs:fe], low, high, _qualifier(sent, fs, q.qualifier), q.vague, q.noun,
                           q.noun or _next_word(sent, fe), q.noun_start == q.start))
        sent.cache["numbers"] = out
    return sent.cache["numbers"]


def _qualifier(sent, start: int, qual: str) -> str:
    """WORKAROUND (marsad.text leaves "بنحو 2500", "ما يصل إلى 7000" exact): cues.json qualifier_gap."""
    if qual != "exact":
        return qual
    before = sent.folded[max(0, start - 16):start].rstrip()
    for hit in matcher("cues", "qualifier_gap").find(before):
        if hit.end == len(before):
            return hit.value
    return qual


def _next_word(sent, end: int) -> str | None:
    i = sent.tok_index(end)
    while i < len(sent.tokens) and sent.tokens[i][0] < end:
        i += 1
    if i < len(sent.tokens) and sent.tokens[i][2] == "من":
        i += 1
    return sent.tokens[i][2] if i < len(sent.tokens) else None


def is_year(q: Num) -> bool:
    """A bare 19xx/20xx figure with no counted noun (marsad.text already drops years in date phrases)."""
    return q.value_low == q.value_high and bool(_YEAR.match(q.text)) and q.lemma is None
