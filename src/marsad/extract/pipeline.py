"""Document -> the spec's extraction dict: sentences, events (merged per incident), claims."""
from __future__ import annotations

from marsad.extract.claims import sentence_claims
from marsad.extract.context import parse_published, prepare, report_place
from marsad.extract.events import Draft, choose_kind, sentence_events
from marsad.extract.triggers import find_triggers
from marsad.text import normalize

EXTRACTOR_VERSION = "0.2.0"
HEADLINE_GAP = 5   # a headline event absorbs the first same-type event this many sentences below
MERGE_GAP = 1   # sentences between two mentions that may still be one incident


def extract_document(doc) -> dict:
    text = doc.text or ""
    pub = parse_published(getattr(doc, "published", None))
    sents = prepare(text, pub)
    drafts: list[Draft] = []
    claims: list[dict] = []
    lead, source = _lead_place(sents) or report_place(text), None
    for sent in sents:
        ctx = _context_place(drafts, sent.idx) or lead
        found = sentence_events(sent, pub, ctx)
        for d in found:
            d.headline = sent.headline
            _merge_or_add(drafts, d)
        if not found:
            new, source = sentence_claims(sent, pub, source)
            claims.extend(new)
    return {"doc_id": doc.doc_id, "published": getattr(doc, "published", None),
            "events": [_render(d, sents, text) for d in drafts], "claims": claims}


def _lead_place(sents):
    for s in sents[:3]:
        for _, _, p in s.places:
            if p.admin1:
                return p
    return None


def _context_place(drafts: list[Draft], idx: int):
    for d in reversed(drafts):
        if idx - d.sents[-1] <= MERGE_GAP + 1 and d.place is not None:
            return d.place
    return None


def _same_place(a, b) -> bool:
    if a is None or b is None:
        return False
    return normalize(a.name_ar).folded == normalize(b.name_ar).folded


def _merge_or_add(drafts: list[Draft], d: Draft) -> None:
    for e in drafts:
        if e.headline and e.trig.event_type == d.trig.event_type and d.sents[0] - e.sents[-1] <= HEADLINE_GAP \
                and d.sents[0] not in e.sents:
            _absorb(e, d, adjacent=False)
            if not d.headline:
                e.sents, e.headline = list(d.sents), False
                if d.own_place:
                    e.place, e.own_place = d.place, True
            return
    for e in reversed(drafts):
        if d.sents[0] in e.sents or e.trig.event_type != d.trig.event_type:
            continue
        near = d.sents[0] - e.sents[-1] <= MERGE_GAP and (not d.own_place or not e.own_place
                                                           or _same_place(d.place, e.place))
        if near or (_same_place(d.place, e.place) and e.kind == d.kind and (not d.dated or not e.dated
                                                                              or d.date_start == e.date_start)):
            _absorb(e, d, adjacent=d.sents[0] - e.sents[-1] <= MERGE_GAP)
            return
    drafts.append(d)


def _absorb(e: Draft, d: Draft, adjacent: bool) -> None:
    if adjacent:
        e.sents = sorted(set(e.sents) | set(d.sents))
    for k, v in d.counts.items():
        if v is not None and (e.counts.get(k) is None or v > e.counts[k]):
            e.counts[k] = v
    if not e.own_place and d.own_place:
        e.place, e.own_place = d.place, True
    if not e.dated and d.dated:
        e.date_start, e.date_end, e.dated = d.date_start, d.date_end, True
    e.actor1 = e.actor1 or d.actor1
    e.actor2 = e.actor2 or d.actor2


def _render(d: Draft, sents, text: str) -> dict:
    first, last = sents[d.sents[0]], sents[d.sents[-1]]
    loc = d.place.location() if d.place is not None else None
    return {"event_type": d.trig.event_type, "sub_event_type": d.trig.sub_event_type,
            "date_start": d.date_start.isoformat() if d.date_start else None,
            "date_end": d.date_end.isoformat() if d.date_end else None,
            "actor1": d.actor1, "actor2": d.actor2, "location": loc,
            "fatalities": d.counts.get("fatalities"), "injured": d.counts.get("injured"),
            "arrested": d.counts.get("arrested"), "evidence": text[first.start:last.end]}


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
    from marsad.extract.context import Sent, _split, _TOKEN
    from marsad.lexicon import matcher

    out = []
    for i, (s, e, t) in enumerate(_split(text)):
        norm = normalize(t)
        sent = Sent(i, s, e, t, norm.folded, norm, [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm.folded)])
        sent.triggers = matcher("triggers", "").find(norm.folded)
        sent.actors = matcher("actors", "").find(norm.folded)
        out.append(sent)
    return out
