"""Claims: quantities about the conflict as a whole with their attributed source."""
from __future__ import annotations

from datetime import date

from marsad.extract.mentions import Num, dates, is_year, numbers
from marsad.lexicon import load, matcher

STOP_SOURCE = {"ان", "إن", "أن", "عن", "في", "خلال", "الي", "على", "علي", "بان", "انه", "انها", "بيان", "تصريح",
               "تصريحات", "لها", "له"}   # a date mention (marsad.text) also ends the source
MAX_SOURCE = 8


def _excluded(sent, q: Num) -> bool:
    """Not a claim figure: vague, a year, a dual noun, a duration/percentage/distance, an article number."""
    if q.value_low is None or is_year(q) or q.dual:
        return True
    i = sent.tok_index(q.start)
    j = sent.tok_index(max(q.start, q.end - 1)) + 1
    unit = matcher("cues", "not_claim_next")
    nxt = sent.folded[q.end:q.end + 14]
    hits = unit.find(nxt)
    if hits and hits[0].start <= 2:
        return True
    if i and unit.find(sent.tokens[i - 1][2]):      # "السنوات الأربع", "الأشهر الستة": a duration
        return True
    prev = " ".join(sent.words(i - 2, i))
    if any(prev.endswith(p.key) for p in matcher("cues", "not_claim_prev").find(prev)):
        return True
    return q.value_low < 2 and j < len(sent.tokens)


def _source(sent) -> tuple[str | None, int]:
    """The attributed source written after a reporting verb (VSO) or after بحسب/وفق."""
    when = [(d.start, d.end) for d in dates(sent, sent.pub)]
    for v in matcher("cues", "report_verbs").find(sent.folded):
        i = sent.tok_index(v.start) + 1
        words = []
        for k in range(i, min(i + MAX_SOURCE, len(sent.tokens))):
            w = sent.tokens[k][2]
            between = sent.folded[sent.tokens[k - 1][1]:sent.tokens[k][0]]
            in_date = any(a <= sent.tokens[k][0] < b for a, b in when)
            if w in STOP_SOURCE or in_date or (words and any(c in between for c in "،,:«\"“")):
                break
            words.append(sent.tokens[k])
        if words:
            a, b = words[0][0], words[-1][1]
            oa, ob = sent.norm.to_original(a, b)
            return sent.text[oa:ob], v.start
    return None, -1


def source_kind(source_ar: str | None) -> str:
    if not source_ar:
        return "the_report"
    from marsad.lexicon import fold_entry

    hits = matcher("sources", "").find(fold_entry(source_ar))
    if not hits:
        return "local_source"
    order = [k for k, _ in load("sources")["kinds"]]
    return min((h.value for h in hits), key=order.index)


def _english(source_ar: str | None) -> str | None:
    if not source_ar:
        return None
    from marsad.lexicon import fold_entry

    f = fold_entry(source_ar)
    for ar, en in load("sources")["english"].items():
        if fold_entry(ar) in f:
            return en
    return None


def _time(sent, pub: date | None) -> str | None:
    for h in dates(sent, pub):
        if h.date_start and not h.relative:
            return h.date_start.isoformat()[:7]
    return pub.isoformat()[:7] if pub else None


def sentence_claims(sent, pub: date | None, inherited: str | None) -> tuple[list[dict], str | None]:
    """Claims of one sentence without an event; returns them and the source to carry on."""
    if not matcher("cues", "claim_context").find(sent.folded):
        return [], inherited
    quants = [q for q in numbers(sent, pub) if not _excluded(sent, q)]
    src, _ = _source(sent)
    if src is None and inherited and matcher("cues", "continuation").find(sent.folded[:20]):
        src = inherited
    if not quants:
        return [], src or inherited
    place = sent.places[0][2].name_ar if sent.places else None
    out, seen = [], set()
    for q in quants:
        key = (q.value_low, q.value_high)
        if key in seen:
            continue
        seen.add(key)
        out.append({"quantity": _quantity(q), "value_low": int(q.value_low), "value_high": int(q.value_high),
                    "qualifier": q.qualifier, "place": place, "time": _time(sent, pub),
                    "source_ar": src, "source_en": _english(src), "source_kind": source_kind(src),
                    "evidence": sent.text})
    return out, src or inherited


def _quantity(q: Num) -> str:
    from marsad.lexicon import fold_entry

    nouns = load("sources").get("nouns", {})
    noun = q.noun or ""
    for ar, en in nouns.items():
        if fold_entry(ar) in noun:
            return en
    return noun or "count"
