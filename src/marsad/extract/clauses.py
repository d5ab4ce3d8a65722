"""One sentence that tells several incidents, one per clause ("انفجرت عبوة ... في ناحية العبارة، فيما قتل مزارع
... في قرية الهارونية، كما أصيب مدنيان ... في ناحية أبي صيدا"): the sentence is cut at a clause connector when the
clauses on both sides each have an event trigger and a place of their own (rule list.clauses).

A clause that names no trigger or no place of its own (a detail, a toll, a source) stays with the clause before it.
Each clause is then read as a sentence of its own (its own kind, actors, toll and places), so a daily report's
run-on list of incidents gives one event per incident, each with its own toll.
"""
from __future__ import annotations

from marsad.extract.context import clause
from marsad.extract.triggers import find_triggers
from marsad.lexicon import fold_entry

# Connectors that open a clause telling something else (after a comma): فيما، بينما، في حين، كما، كذلك، and وفي
# ("، وفي محافظة البيضاء قتل ثلاثة ...": a comma-spliced report moving to another place), and the ordinal that
# counts the next of several ("هاجمت المجموعة الأولى حاجزا بين بلدتي ذيبان والحوايج، والثانية شنت هجوما على ...").
CONNECTORS = frozenset(fold_entry(w) for w in ("فيما", "وفيما", "بينما", "وبينما", "كما", "وكما", "كذلك", "وكذلك",
                                                "وفي", "والثانية", "والثاني", "والثالثة", "والثالث"))
COMMAS = ("،", ",", "؛", ";")
PLACE_FIRST = fold_entry("وفي")


def _cuts(sent) -> list[int]:
    """Folded offsets where a connector opens a clause after a comma. A clause opened by وفي (a place first) must
    tell its incident before its next comma ("، وفي محافظة البيضاء قتل ثلاثة"): "، وفي ساحة الشهداء، حيث طالب
    المشاركون" goes on listing the places of one protest (a bare toll word such as "الشهداء" does not count: "ساحة
    الشهداء" is a square)."""
    out = []
    toks = sent.tokens
    trigs = None
    for k, (s, _, w) in enumerate(toks):
        if k == 0:
            continue
        two = w == "في" and k + 1 < len(toks) and toks[k + 1][2] == "حين"
        if (w in CONNECTORS or two) and sent.folded[:s].rstrip().endswith(COMMAS):
            if w == PLACE_FIRST:
                trigs = [t.start for t in find_triggers(sent) if t.kind != "kill"] if trigs is None else trigs
                stop = min((sent.folded.find(c, s) for c in COMMAS if sent.folded.find(c, s) >= 0), default=len(sent.folded))
                if not any(s < t < stop for t in trigs):
                    continue
            out.append(s)
    return out


def _names(sent, lo: int, hi: int) -> set:
    """The places named in a span: a named place by its gazetteer entry ("مدينة بعقوبة" and "بعقوبة" are one), a
    region phrase by its name ("شرق حماة" is not "ريف حماة الغربي")."""
    return {p.entry_id if p.geo_precision == 1 and p.entry_id else _bare(p.name_ar)
            for s, _, p in sent.places if lo <= s < hi}


SETTLEMENT_NOUNS = frozenset(fold_entry(w) for w in ("مدينة", "بلدة", "قرية", "ناحية", "قضاء", "منطقة", "مركز"))


def _bare(name: str) -> str:
    return " ".join(w for w in fold_entry(name).split() if w not in SETTLEMENT_NOUNS)


def clauses(sent) -> list:
    """The sentence's clauses, each a sentence of its own, or [sent] when it tells one incident."""
    cuts = _cuts(sent)
    if not cuts:
        return [sent]
    trigs = [t.start for t in find_triggers(sent)]
    if len(trigs) < 2:
        return [sent]
    bounds = [0] + cuts + [len(sent.folded)]
    parts: list[list[int]] = []      # [start, end] of the clauses kept
    opening = None                   # start of a lead-in with no incident of its own ("شهدت ديالى عدة حوادث، إذ ...")
    for lo, hi in zip(bounds, bounds[1:]):
        names = _names(sent, lo, hi)
        if not (names and any(lo <= t < hi for t in trigs)):
            if parts:
                parts[-1][1] = hi     # a detail, a toll or a source: the clause before goes on
            elif opening is None:
                opening = lo
            continue
        if parts and not names - _names(sent, *parts[-1]):
            parts[-1][1] = hi         # the same place again: the same incident goes on
            continue
        parts.append([lo if parts or opening is None else opening, hi])
    if len(parts) < 2:
        return [sent]
    return [clause(sent, lo, hi) for lo, hi in parts]
