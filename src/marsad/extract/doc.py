"""The report as the extractor sees it: a typed `Doc` of `Sentence`s, each with its tokens and span layers.

Built once per report by `Doc.build` (marsad.extract.context.prepare returns its sentences). Spans of a sentence's
layers are offsets into its folded text (`Sentence.folded`); `Sentence.start`/`end` place it in the report's
original text, and `Sentence.norm` maps a folded span back to the sentence's original text.

Layers: `places` (geo, built with the report), `triggers` and `actors` (lexicon matches), `dates` and `numbers`
(marsad.text, made on first use by marsad.extract.mentions and kept in `memo`). `memo` keeps the results of pure
per-sentence functions only (what a function computes from the sentence alone); nothing travels through it from
one stage to another: a value one stage sets for another is a field (`ref_day`, a property over `ref`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, NamedTuple

from marsad.text.normalize import Normalized

_bisect_right = bisect.bisect_right


class Token(NamedTuple):
    """A word (a run of \\w) of a sentence's folded text."""

    start: int
    end: int
    word: str


@dataclass
class Sentence:
    idx: int
    start: int            # span in the document's original text
    end: int
    text: str
    folded: str
    norm: Normalized
    tokens: list[Token]
    headline: bool = False  # a line of its own without final punctuation (title, repeated title)
    places: list = field(default_factory=list)    # [(folded_start, folded_end, PlaceMention)]
    triggers: list = field(default_factory=list)  # [marsad.lexicon.Phrase] of the trigger lexicon
    actors: list = field(default_factory=list)    # [marsad.lexicon.Phrase] of the actor lexicon
    cache: dict = field(default_factory=dict)     # memo of pure per-sentence functions (see the module docstring)
    pub: date | None = None                       # the report's publication date
    bullet: bool = False                          # an item of a list (a line opened by "*", "-", "1.")
    stand_in: date | None = None  # an undated report's reference day for comparing mentions (events.stand_in_day)
    ref: date | None | Callable[[], date | None] = None   # ref_day as set: a day, None, or a callable giving it
    told: bool = False            # the sentence tells an event or lends its toll to one (set by read_events)
    lent: bool = False            # the sentence only gives a toll, lent to the event before it (set by read_events)

    @property
    def ref_day(self) -> date | None:
        """The day "اليوم نفسه"/"اليوم التالي" count from (set by the pipeline, in order; a callable it set is called on
        the first read: most sentences never ask, and the day may need the previous sentence's dates)."""
        r = self.ref
        if callable(r):
            r = self.ref = r()
        return r

    @ref_day.setter
    def ref_day(self, value) -> None:
        self.ref = value

    def tok_index(self, pos: int) -> int:
        starts = self.cache.get("tok_starts")
        if starts is None:
            starts = self.cache["tok_starts"] = [t[0] for t in self.tokens]
        i = _bisect_right(starts, pos) - 1
        return i if i > 0 else 0

    def words(self, a: int, b: int) -> list[str]:
        return [t[2] for t in self.tokens[max(0, a):max(0, b)]]

    def folded_span(self, o_start: int, o_end: int) -> tuple[int, int]:
        """Map a span of the sentence's original text to its folded text."""
        offs = self.norm.offsets
        return bisect.bisect_left(offs, o_start, 0, len(offs) - 1), bisect.bisect_left(offs, o_end, 0, len(offs) - 1)


@dataclass
class Doc:
    """One report: its text, its publication date and its sentences (with their layers)."""

    text: str
    published: date | None
    sentences: list[Sentence]
    drafts: list = field(default_factory=list)   # events (marsad.extract.events.Draft), merged per incident
    claims: list = field(default_factory=list)   # claims, as the spec's dicts

    @classmethod
    def build(cls, text: str, published: date | None = None) -> Doc:
        from marsad.extract.context import prepare

        sents = prepare(text, published)
        if published is None and sents:
            from marsad.extract.events import stand_in_day

            day = stand_in_day(sents)
            for sent in sents:
                sent.stand_in = day
        return cls(text, published, sents)
