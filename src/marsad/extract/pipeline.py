"""Document -> the spec's extraction dict: sentences, events (merged per incident), claims."""
from __future__ import annotations

import gc
from functools import lru_cache
from typing import Any

from marsad.extract.actors import fill_from_report, listed, report_sides, resolve_syrian
from marsad.extract.clauses import clauses
from marsad.extract.claims import ClaimState, dedupe, sentence_claims
from marsad.extract.context import listed_actors, parse_published, report_place
from marsad.extract.doc import Doc
from marsad.extract.events import Draft, choose_kind, sentence_events, sentence_toll
from marsad.extract.incident import (
    FOLLOW_GAP,
    fill_counts,
    lend_toll,
    merge_headlines,
    merge_or_add,
    share_list,
    told_there,
    toll_place_agrees,
)
from marsad.extract.mentions import PERIOD_RULES, dates
from marsad.extract.triggers import aftermath, claimed_by, find_triggers, retype
from marsad.geo import load_gazetteer
from marsad.lexicon import matcher
from marsad.text.normalize import normalize

EXTRACTOR_VERSION = "0.22.0"


@lru_cache(maxsize=1)
def _load_static() -> None:
    """Load the gazetteer and every lexicon once, then take what is loaded out of the cyclic collector's walks
    (gc.freeze): a full collection otherwise walks the gazetteer's index each time (~0.1 s, several times a
    hundred reports). Nothing loaded here is ever garbage. The gazetteer's derived indexes and the sub-district
    polygons (geoparse.load_indexes) are static data of the same kind, otherwise built inside the first report that
    needs each (~0.15 s, shapely's import included)."""
    from marsad.geo.geoparse import load_indexes

    load_gazetteer()
    load_indexes()
    matcher("triggers", "")
    gc.freeze()


def extract_document(doc) -> dict:
    """One report through the stages of STAGES, in order, then rendered as the spec's dict."""
    _load_static()
    published = parse_published(getattr(doc, "published", None))
    recovered = None if published else _page_date(doc)
    d = Doc.build(doc.text or "", published or recovered)
    for stage in STAGES:
        d = stage(d)
    if recovered is not None:
        for e in d.drafts:
            if e.date_start is not None:
                e.add_rule("date.page_dateline")
    return {"doc_id": doc.doc_id, "published": getattr(doc, "published", None),
            "events": [_render(e, d.sentences, d.text) for e in d.drafts], "claims": d.claims}


def _page_date(doc):
    """A report given without a publication date is dated by what its page says (marsad.pubdate.from_text: a
    dateline, "اليوم الخميس 21 كانون الثاني 2021"), so its relative dates resolve (rule date.page_dateline)."""
    from marsad.pubdate import from_text

    found = from_text(doc.text, url=getattr(doc, "url", None))
    return parse_published(found.date) if found is not None else None


def read_events(doc: Doc) -> Doc:
    """Events, sentence by sentence in the report's order (events.sentence_events), each merged into the incident
    it tells (incident.merge_or_add); a sentence that only tells a toll lends it to the event before or keeps it
    for the next one; a list's items take the date and force of the line that opens it. Sets each sentence's
    `ref_day` (as it goes) and `told` (it tells an event or lent its toll to one)."""
    sents, drafts = doc.sentences, doc.drafts
    lead = _lead_place(sents) or report_place(doc.text)
    intro = toll = ref_day = None
    for sent in sents:
        area = _area_anaphor_place(sents, sent)
        ctx = area or _context_place(drafts, sent.idx) or lead
        sent.ref_day = ref_day = _ref_day(drafts, sents, sent.idx, ref_day)
        parts = _clause_events(sent, ctx)
        found = _past_aftermath(drafts, [d for part in parts for d in part], sent)
        for d in found:
            if area is not None and d.place is area:
                d.own_place = True        # named by its anaphor: as its own, for merging
                d.add_rule("place.area_anaphor")
        intro = _list_intro(sent) if not sent.bullet else intro
        sent.told = bool(found)
        if not found:
            new_toll = _toll(drafts, sent)
            sent.told = sent.lent = new_toll == ()    # lent to the event before: event counts
            toll = new_toll or toll       # kept for the next event unless lent (())
        held = []
        for d in found:
            d.headline, d.bullet = sent.headline, sent.bullet
            if sent.bullet and intro:
                _from_intro(d, intro)
            if toll and d.sents[0] - toll[0] <= FOLLOW_GAP and not d.shift and toll_place_agrees(d.place, toll[2]):
                fill_counts(d.counts, toll[1])
                d.add_rule("toll.lend_forward")
            toll = None
            held.append(merge_or_add(drafts, d))
            if held[-1] is d and not matcher("cues", "separate").find(sent.folded):
                _context_date(drafts, d)
        for part in parts:
            kept = [h for d, h in zip(found, held) if any(d is x for x in part)]
            if len(kept) > 1:
                share_list(kept)
    return doc


def _clause_events(sent, ctx) -> list[list[Draft]]:
    """The sentence's events, one list per clause that tells an incident of its own (clauses.clauses, rule
    list.clauses), else one list for the whole sentence. A toll told with a list of places belongs to the
    list's first place, not to each."""
    parts = clauses(sent)
    found = [sentence_events(part, sent.pub, ctx) for part in parts] if len(parts) > 1 else []
    if found and all(found):
        for part in found:
            for d in part:
                d.add_rule("list.clauses")
    else:       # one clause (the sentence itself: read once), or a clause without an event of its own
        found = [sentence_events(sent, sent.pub, ctx)]
    for part in found:
        for d in part[1:]:
            d.counts = {}
    return found


def read_claims(doc: Doc) -> Doc:
    """Claims, sentence by sentence (claims.sentence_claims: whether a figure is a claim is claim_scope's), with
    what the report said so far (ClaimState) and whether the sentence told an event (`told`, read_events)."""
    state = ClaimState()
    for sent in doc.sentences:
        doc.claims.extend(sentence_claims(sent, state, sent.told))
    return doc


def join_headlines(doc: Doc) -> Doc:
    """Headlines that sum up a body event join it (incident.merge_headlines); page noise is dropped."""
    noise = frozenset(s.idx for s in doc.sentences if s.headline and not _has_words(s))
    doc.drafts = _drop_page_noise(merge_headlines(doc.drafts, noise), doc.sentences)
    return doc


def type_raids(doc: Doc) -> Doc:
    """A raid is typed by its outcome (type.raid_outcome)."""
    _raid_outcomes(doc.drafts, doc.sentences)
    return doc


def find_planters(doc: Doc) -> Doc:
    """An IED event takes the armed group a later sentence says planted it (actor.planter)."""
    _planters(doc.drafts, doc.sentences)
    return doc


def report_actors(doc: Doc) -> Doc:
    """An operation whose actors its sentence leaves out takes the report's most-named forces (actors.py)."""
    state, armed = report_sides(doc.sentences)
    for d in doc.drafts:
        fill_from_report(d, resolve_syrian(state, d.date_start or doc.published), armed)
    return doc


def dedupe_claims(doc: Doc) -> Doc:
    """A figure told twice (headline and body) is one claim."""
    doc.claims = dedupe(doc.claims, {s.text for s in doc.sentences if s.headline})
    return doc


def drop_guesses(doc: Doc) -> Doc:
    """An event placed only by the report's context (place.context), told once (no other mention merged into it),
    with no day of its own (neither resolved nor named: "ليلة أمس" in an undated report counts as named) and no
    toll is a guess: a background, generic or reported-speech mention the report's place was lent to ("ويشهد البلد
    منذ أشهر احتجاجات ...", "أكد الشهود استخدام الشرطة القوة المفرطة لتفريق المحتجين"). It is dropped (rule
    place.context_alone; prefer no event to a guessed one)."""
    doc.drafts = [d for d in doc.drafts if not _context_alone(d)]
    return doc


JOINED = ("toll.lend_back", "toll.lend_forward", "aftermath.joins")   # with merge.* and list.*: told more than once


def _context_alone(d: Draft) -> bool:
    if "place.context" not in d.rules or d.date_start is not None or d.when is not None \
            or "date.named_today" in d.rules or any(v for v in d.counts.values()):
        return False
    return not any(r.startswith(("merge.", "list.")) or r in JOINED for r in d.rules)


# The extractor: Doc.build (sentences with their tokens, triggers, actors and places), then these, in order.
STAGES = (read_events, read_claims, join_headlines, type_raids, find_planters, report_actors, drop_guesses,
          dedupe_claims)


def _drop_page_noise(drafts: list[Draft], sents) -> list[Draft]:
    """A headline-like line after the body has begun (a related article's title, a caption, a navigation
    link) that no body event joined tells another report's news: its event is dropped."""
    body = next((s.idx for s in sents if not s.headline), None)
    if body is None:
        return drafts
    return [d for d in drafts if not (d.headline and d.sents[0] > body and all(_title_like(sents[i]) for i in d.sents))]


TITLE_WORDS = 15   # a related article's title or a caption is short


def _has_words(sent) -> bool:
    """The line has an Arabic word of three letters or more (not a date, a time, a counter or a label)."""
    return any(len(t[2]) >= 3 and "\u0621" <= t[2][0] <= "\u064a" for t in sent.tokens)


def _title_like(sent) -> bool:
    """A short line without final punctuation that does not continue the text (no opening و/ف)."""
    return sent.headline and len(sent.tokens) <= TITLE_WORDS and not sent.folded.lstrip().startswith(("و", "ف"))


OUTCOME_GAP = 2   # sentences after a raid searched for its outcome


def _raid_outcomes(drafts: list[Draft], sents) -> None:
    """A raid or airdrop (إنزال، مداهمة) is typed by its outcome: one that arrests no one and after which the
    report tells killing or a clash (its own sentence or the next OUTCOME_GAP ones, with no arrest told) ended in
    a firefight: Battles/Armed clash (spec: "one that ends in a firefight is Armed clash")."""
    for d in drafts:
        if d.trig.kind != "raid" or d.counts.get("arrested"):
            continue
        window = sents[d.sents[0]:d.sents[-1] + 1 + OUTCOME_GAP]
        kinds = {t.kind for s in window for t in find_triggers(s)}
        if kinds & {"kill", "clash"} and not kinds & {"arrest"}:
            d.kind, d.trig = "clash", retype(d.trig, "clash", "type.raid_outcome")
            d.add_rule("type.raid_outcome")


def _past_aftermath(drafts: list[Draft], found: list[Draft], sent) -> list[Draft]:
    """An incident named as the object of its aftermath (responsibility, condemnation, mourning) when the report
    has told an incident already: it joins the last one of its event type (aftermath.joins), else it is dropped.
    The first incident of a report may be told this way, and then it is kept. A claim of responsibility is kept
    (aftermath.claimed_apart) when no body event of its type was told at its place on its days: it claims another
    incident ("ويوم الخميس تبنى التنظيم هجوما على بلدة ..."), or the one only the headline told."""
    if not found or not drafts or not aftermath(sent, found[0].trig):
        return found
    claimed = claimed_by(sent, found[0].trig)
    for e in reversed(drafts):
        if e.trig.event_type == found[0].trig.event_type and not e.headline:
            if claimed and not told_there(e, found[0]):
                break
            e.add_rule("aftermath.joins")
            fill_counts(e.counts, found[0].counts)
            return []
    else:
        if not claimed:
            return []
    for d in found:       # another incident, or the one a headline told ("داعش يتبنى هجوما ..."): kept, to merge
        d.add_rule("aftermath.claimed_apart")
    return found


def _ref_day(drafts: list[Draft], sents, idx: int, prev):
    """The day a reference ("اليوم نفسه", "اليوم التالي") in this sentence counts from: the last event's day,
    else the last day-precise date of an earlier sentence (a _LastDay: looked up only when the sentence asks)."""
    if drafts and drafts[-1].date_start is not None:
        return drafts[-1].date_start
    if idx == 0:
        return prev
    return _LastDay(sents[idx - 1], prev)


class _LastDay:
    """The last day-precise date of a sentence, else `prev` (a day, None or another _LastDay): computed on the
    first call and kept (Sentence.ref_day calls it when read). The sentence's dates are a pure function of it."""

    __slots__ = ("sent", "prev", "done", "day")

    def __init__(self, sent, prev):
        self.sent, self.prev, self.done, self.day = sent, prev, False, None

    def __call__(self):
        if not self.done:
            chain: list[_LastDay] = []
            node: Any = self          # a _LastDay, a day or None
            while isinstance(node, _LastDay) and not node.done:     # the chain of sentences without an event
                chain.append(node)
                node = node.prev
            day = node.day if isinstance(node, _LastDay) else node
            for link in reversed(chain):       # from the earliest sentence on, as the eager loop went
                before = [h for h in dates(link.sent) if h.date_start and h.precision == "day"]
                day = link.day = before[-1].date_start if before else day
                link.done = True
        return self.day


def _toll(drafts: list[Draft], sent):
    """A toll sentence lends its counts to the event before it, else is kept for the next one.
    None: no toll; (): lent to the event before; else (idx, counts, places) for the next event."""
    counts = sentence_toll(sent, sent.pub)
    if not counts:
        return None
    places = [p for _, _, p in sent.places if p.admin1]
    return () if lend_toll(drafts, sent.idx, counts, places) else (sent.idx, counts, places)


def _list_intro(sent):
    """A sentence that opens a list ("نفذت قسد ... من أبرز هذه العمليات:") lends its date and its acting
    force to the items below it: (date mention or None, state actor or None)."""
    if not sent.text.rstrip().endswith(":"):
        return None
    hits = [h for h in dates(sent) if h.date_start and h.rule not in PERIOD_RULES]
    state = [a.value["id"] for a in sent.actors if a.value["side"] == "state"]
    local = [a for a in state if a != "international_coalition"]     # a joint operation is the local force's
    actor = (local or state or [None])[0]
    return (hits[-1] if hits else None), actor


def _from_intro(d: Draft, intro) -> None:
    when, actor = intro
    if when and not d.dated:
        d.date_start, d.date_end, d.dated = when.date_start, when.date_end, True
        d.add_rule("list.intro")
    if actor and d.actor1 is None and d.trig.agent == "state" and d.actor2 != actor:
        d.actor1 = actor
        d.add_rule("list.intro")


def _context_date(drafts: list[Draft], d: Draft) -> None:
    """An undated event told right after a dated one ("وتمكنت بعد ساعات من ...") takes its date: the report's context."""
    if d.dated or d.background or d.shift:
        return
    for e in reversed(drafts[:-1]):
        if d.sents[0] - e.sents[-1] <= FOLLOW_GAP and e.dated and not e.background:
            d.date_start, d.date_end, d.dated, d.when = e.date_start, e.date_end, True, d.when or e.when
            d.add_rule("date.context")
        return


def _planters(drafts: list[Draft], sents) -> None:
    """An IED event without actor1 takes the armed group a later sentence says planted it ("التي زرعت العبوة")."""
    for d in drafts:
        if d.kind != "ied" or d.actor1 is not None or matcher("cues", "legacy").find(sents[d.sents[0]].folded):
            continue
        for s in sents[d.sents[-1] + 1:d.sents[-1] + 1 + FOLLOW_GAP]:
            armed = [a.value["id"] for a in s.actors if a.value["side"] == "armed"]
            if armed and matcher("cues", "planted").find(s.folded):
                d.actor1 = armed[0] if armed[0] != d.actor2 else None
                d.add_rule("actor.planter")
                break


def _lead_place(sents):
    for s in sents[:3]:
        for _, _, p in s.places:
            if p.admin1:
                return p
    return None


AREA_ANAPHORS = ("تلك المنطقة", "هذه المنطقة", "المنطقة ذاتها", "المنطقة نفسها", "نفس المنطقة", "ذات المنطقة",
                 "تلك البلدة", "هذه البلدة", "البلدة ذاتها", "البلدة نفسها", "تلك القرية", "هذه القرية",
                 "القرية ذاتها", "القرية نفسها")
AREA_ANAPHOR_BACK = 2      # sentences back to look for the place an area anaphor refers to


@lru_cache(maxsize=1)
def _area_anaphors():
    import re

    from marsad.lexicon import fold_entry
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_entry(a)) for a in AREA_ANAPHORS) + r")(?!\w)")


def _area_anaphor_place(sents, sent):
    """A sentence that names no place but refers to one with a demonstrative ("وكانت تلك المنطقة ... وشهدت الشهر
    الماضي هجوما", "في القرية نفسها") is at the place the sentence before named (within AREA_ANAPHOR_BACK): its
    most precise one, the last of equals (rule place.area_anaphor; seed 004: Bir al-Qasab, not the report's Deir
    ez-Zor). Only the context an event without a place of its own takes."""
    if sent.places or not _area_anaphors().search(sent.folded):
        return None
    for prev in reversed(sents[max(0, sent.idx - AREA_ANAPHOR_BACK):sent.idx]):
        named = [p for _, _, p in prev.places if p.admin1]
        if named:
            return min(reversed(named), key=lambda p: p.geo_precision)
    return None


def _context_place(drafts: list[Draft], idx: int):
    for d in reversed(drafts):
        if idx - d.sents[-1] <= FOLLOW_GAP and d.place is not None:
            return d.place
    return None


def _render(d: Draft, sents, text: str) -> dict:
    first, last = sents[d.sents[0]], sents[d.sents[-1]]
    loc = d.place.location() if d.place is not None else None
    return {"event_type": d.trig.event_type, "sub_event_type": d.trig.sub_event_type,
            "date_start": d.date_start.isoformat() if d.date_start else None,
            "date_end": d.date_end.isoformat() if d.date_end else None,
            "actor1": listed(d.actor1), "actor2": listed(d.actor2), "location": loc,
            "fatalities": d.counts.get("fatalities"), "injured": d.counts.get("injured"),
            "arrested": d.counts.get("arrested"), "evidence": text[first.start:last.end], "rules": list(d.rules)}


def detect(text: str) -> list[dict]:
    """Event types and sub-types its triggers find in a text, even without place or time."""
    out = []
    for sent in prepare_light(text):
        trig = choose_kind(sent, find_triggers(sent))
        if trig is None:
            continue
        s, e = sent.norm.to_original(trig.start, trig.end)
        out.append({"event_type": trig.event_type, "sub_event_type": trig.sub_event_type,
                    "trigger": sent.text[s:e], "start": sent.start + s, "end": sent.start + e})
    return out


def prepare_light(text: str):
    """Sentences with triggers and actors only (no geoparsing) for detect()."""
    from marsad.extract.context import _TOKEN, Sent, _split

    out = []
    for i, (s, e, t) in enumerate(_split(text)):
        norm = normalize(t)
        sent = Sent(i, s, e, t, norm.folded, norm, [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm.folded)])
        sent.triggers = matcher("triggers", "").find(norm.folded)
        sent.actors = listed_actors(norm.folded)
        out.append(sent)
    return out
