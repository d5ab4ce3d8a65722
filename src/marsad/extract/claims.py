"""Claims: quantities about the conflict as a whole with their attributed source, place and time.

One ``ClaimState`` runs through a report: it remembers the sources named so far (for quotes that
continue — "وأضاف" — and for definite references — "البيان") and the time of the last claim
(for "هذا العدد"). What is counted: claim_label.py; who says it: claim_source.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from marsad.extract import claim_label as lab
from marsad.extract import claim_scope as scope
from marsad.extract.claim_source import attributions, english, kind_in_context, resolve, source_for, source_kind
from marsad.extract.mentions import Num, dates, is_year, numbers
from marsad.lexicon import matcher

PLACE_LINK = {"", "و", "،", ",", "او"}   # what may stand between two coordinated places
BEFORE_PENALTY = 2
RANGE_OPEN = re.compile(r"(?:^|\s)بين\s*$")                    # "ما بين", "تتراوح بين" before the first end
RANGE_GAP = re.compile(r"^\s*(?:\w+\s+)?(?:الي|ل|و|حتي|-)\s*$")    # "27 ألف إلى 31 ألف", "500 مليون دولار إلى مليار"
LIST_GAP = 2                               # a list opened at most this many sentences after a claim
YEARS = (1900, 2100)                       # a figure in this range after "العام/مطلع" may be a year                         # a place after the figure is preferred to one before it


@dataclass
class ClaimState:
    """What one report has said so far (sources named, the time of the last claim)."""

    sources: list[str] = field(default_factory=list)
    last_time: str | None = None
    last_sent: int | None = None        # the sentence of the last claim
    joined: set[int] = field(default_factory=set)   # starts of ranges joined in the current sentence
    list_open: bool = False             # the bullets that follow are items of a list of figures
    last_source: str | None = None      # the source of the last claim (of the sentence last_sent), if a report's


_DEFINITE = re.compile(r"^[وف]?(?:[بك]?ال|لل)\w\w")     # a word with the article, after a conjunction/preposition


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
    before = sent.tokens[i - 1][2] if i else ""
    if before and unit.find(before) and not matcher("cues", "year_prev").find(before):
        return True                                 # "السنوات الأربع", "الأشهر الستة": a duration
    if i and sent.tokens[i - 1][2] in lab.word_set("ordinals"):   # "الدفعة الثامنة عشرة": an ordinal
        return True
    if i and sent.folded[sent.tokens[i][0]:q.start].endswith("ال") and _DEFINITE.match(sent.tokens[i - 1][2]):
        return True           # "خطة النقاط الست": a definite number word after a definite noun describes it, counts nothing
    if i and sent.tokens[i - 1][2] in lab.word_set("unit_words"):   # "لواء 49": a unit's number
        return True
    prev = " ".join(sent.words(i - 2, i))
    if any(prev.endswith(p.key) for p in matcher("cues", "not_claim_prev").find(prev)):
        return True
    if YEARS[0] <= q.value_low <= YEARS[1] and any(prev.endswith(p.key) for p in matcher("cues", "year_prev").find(prev)):
        return True           # "العام 2014"
    return q.value_low < 2 and j < len(sent.tokens)


def _join_ranges(sent, quants: list[Num], joined: set[int]) -> list[Num]:
    """'ما بين 4000 لـ 6000 مقاتل', 'بين 27 ألف إلى 31 ألف': two figures after بين joined by إلى/لـ/و are one range
    (rule claim.figure.between_range)."""
    out: list[Num] = []
    for q in quants:
        prev = out[-1] if out else None
        if prev is not None and prev.qualifier == "exact" and q.qualifier == "exact" \
                and RANGE_OPEN.search(sent.folded[max(0, prev.start - 12):prev.start]) \
                and RANGE_GAP.match(sent.folded[prev.end:q.start]) and prev.value_low < q.value_low:
            joined.add(prev.start)
            out[-1] = replace(q, start=prev.start, value_low=prev.value_low, qualifier="range",
                              text=sent.folded[prev.start:q.end])
            continue
        out.append(q)
    return out


def _fmt(d) -> str | None:
    """A date mention as the claim's time: 2018, 2018-08, or 2014..2018 for a span of years."""
    if d.date_start is None or d.date_end is None:
        return None
    a, b = d.date_start, d.date_end
    if a.year != b.year:
        return f"{a.year}..{b.year}"
    if d.precision == "year" or (a.month != b.month):
        return str(a.year)
    return a.isoformat()[:7]


def _time(sent, state: ClaimState) -> str | None:
    found = dates(sent)
    for rel in (False, True):
        for h in found:
            if h.relative == rel and _fmt(h):
                return _fmt(h)
    if state.last_time and matcher("claims", "time_back_ref").find(sent.folded):
        return state.last_time
    return sent.pub.isoformat()[:7] if sent.pub else None


def _place(sent, q: Num) -> str | None:
    """The place the figure refers to: the nearest place mention (after it preferred) and those joined to it."""
    if not sent.places:
        return None
    best = min(range(len(sent.places)), key=lambda n: _place_rank(sent, q, sent.places[n]))
    group = [best]
    for step in (-1, 1):
        n = best
        while 0 <= n + step < len(sent.places):
            a, b = sorted((sent.places[n], sent.places[n + step]), key=lambda p: p[0])
            if re.sub(r"[^\w،,]", "", sent.folded[a[1]:b[0]]) not in PLACE_LINK:
                break
            n += step
            group.append(n)
    names = []
    for n in sorted(group):
        p = sent.places[n][2]
        name = _ascii(p.name_en) or p.name_ar
        if name and name not in names:
            names.append(name)
    return " and ".join(names) if names else None


def _place_rank(sent, q: Num, p) -> tuple[int, int]:
    """Places in the figure's clause first (after it before before it), then the nearest elsewhere."""
    after = p[0] >= q.end
    between = sent.folded[q.end:p[0]] if after else sent.folded[p[1]:q.start]
    same_clause = not any(c in between for c in "،,:;؛")
    dist = len(between) if after else len(between) * BEFORE_PENALTY
    return (0 if same_clause and after else 1 if same_clause else 2, dist)


def _ascii(name: str | None) -> str | None:
    """'Al Qā’im' -> "Al Qa'im": gazetteer names without diacritics, so the ledger's phrases match."""
    if not name:
        return name
    flat = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
    return "".join(ch for ch in flat if not unicodedata.combining(ch))


def _continues(sent, q: Num) -> bool:
    """The sentence goes on with the previous speaker's words (وأضاف ...، مضيفاً أن ...)."""
    if matcher("cues", "continuation").find(sent.folded[:20]):
        return True
    return any(h.start < q.start for h in matcher("claims", "continuation_anywhere").find(sent.folded))


def _source(sent, q: Num, state: ClaimState) -> tuple[str | None, list[str]]:
    """The figure's source and the ids of the rules that found it."""
    att = source_for(attributions(sent), q.start, q.end)
    if att is not None:
        text = resolve(att.text, state.sources)
        return text, [att.rule] + (["claim.source.refers_back"] if text != att.text else [])
    if state.sources and _continues(sent, q):
        return state.sources[-1], ["claim.source.continues_quote"]
    if state.sources and sent.bullet and state.list_open:
        return state.sources[-1], ["claim.source.list_intro"]
    if state.last_source and state.last_sent == sent.idx - 1:
        return state.last_source, ["claim.source.figures_paragraph"]
    return None, ["claim.source.the_report"]


REPORTING_BODIES = ("international_org", "ngo", "expert")   # whose reports run over a paragraph of figures


def _claim(sent, q: Num, c, what: str, state: ClaimState, time: str | None, summary: str | None) -> dict:
    src, src_rules = _source(sent, q, state)
    kind = kind_in_context(src, state.sources)
    rules = [c.rule] + (["claim.figure.between_range"] if q.start in state.joined else [])
    rules += ([summary] if summary else []) + src_rules
    if kind != source_kind(src):
        rules.append("claim.kind.title_of_body")
    return {"quantity": what, "value_low": int(q.value_low), "value_high": int(q.value_high),
            "qualifier": lab.qualifier(sent, q, c), "place": _place(sent, q), "time": time,
            "source_ar": src, "source_en": english(src), "source_kind": kind,
            "evidence": sent.text, "rules": rules, "_sent": sent.idx}


def remember(sent, state: ClaimState) -> None:
    """The sentence's sources, the speaker last: an outlet that relays him (بحسب موقع ...) is not who goes on
    speaking in the next sentence (وأضاف أن ...)."""
    atts = attributions(sent)
    relays = [a for a in atts if a.outer and source_kind(a.text) == "media"]
    for att in relays + [a for a in atts if a not in relays]:
        text = resolve(att.text, state.sources)
        if text not in state.sources:
            state.sources.append(text)


def sentence_claims(sent, state: ClaimState, told: bool = False) -> list[dict]:
    """Claims of one sentence (the state remembers its sources for the next ones). Whether a figure is a claim or
    a detail of one incident is decided from the sentence itself (claim_scope), whether or not an event was
    extracted from it; ``told`` (it was) only adds the rule id claim.scope.beside_event to its claims."""
    in_list = sent.bullet and state.list_open
    if not sent.bullet:
        state.list_open = _opens_list(sent, state)
    if not in_list and not matcher("cues", "claim_context").find(sent.folded) and not _goes_on(sent, state):
        remember(sent, state)
        return []
    state.joined = set()
    quants = _join_ranges(sent, [q for q in numbers(sent) if not _excluded(sent, q)], state.joined)
    items = [lab.counted(sent, q) for q in quants]
    lab.fill_gaps(sent, quants, items)
    out, seen = [], set()
    time = _time(sent, state) if quants else None
    follows = state.last_sent is not None and sent.idx - state.last_sent == 1
    summary = "claim.list.item" if in_list else scope.aggregate(sent, quants, items, follows)
    for q, c in zip(quants, items):
        what = None if c.skip or lab.is_event_toll(sent, c) else lab.label(sent, c, in_list)
        if what is None or (q.value_low, q.value_high, what) in seen:
            continue
        if c.cls == "countries" and scope.members(sent, q):
            continue        # "أعرب ثلاثون بلدا عضوا في التحالف" (claim.drop.coalition_members)
        if summary != "claim.scope.period_or_total" and scope.court_case(sent):
            continue        # "قضت محكمة مصرية بالإعدام على 12 متهما" in a sentence naming countries (claim.drop.court_case)
        if summary is None and sent.lent and scope.is_toll(c):
            continue        # "وقالت مصادر إن 11 عنصرا قتلوا": the toll of the incident just told (claim.drop.lent_toll)
        if scope.incident_detail(sent, q, c) if summary is None else \
                (summary == "claim.scope.period_or_total" and scope.clause_incident(sent, q, c)):
            continue
        seen.add((q.value_low, q.value_high, what))
        out.append(_claim(sent, q, c, what, state, time, summary))
    remember(sent, state)
    for claim in out if told else ():
        claim["rules"].append("claim.scope.beside_event")
    if out:
        state.last_time, state.last_sent = out[-1]["time"], sent.idx
        state.last_source = out[-1]["source_ar"] if out[-1]["source_kind"] in REPORTING_BODIES else None
    return out


def _opens_list(sent, state: ClaimState) -> bool:
    """'وأوضحت أن العمليات حققت النتائج الآتية:': a sentence ending in a colon right after claims, or announcing
    figures, opens a list whose items are claims of the same source (rule claim.list.item)."""
    if not sent.text.rstrip(" \"'”»").endswith(":"):
        return False
    near = state.last_sent is not None and sent.idx - state.last_sent <= LIST_GAP
    return near or bool(matcher("claims", "list_intro_words").find(sent.folded))


def _goes_on(sent, state: ClaimState) -> bool:
    """An attributed figure right after a claim of the report keeps to its subject ("ونقلت الصحيفة عن مسؤول أن ما
    بين 150 و200 عائلة تنقل في كل دفعة")."""
    return state.last_sent is not None and sent.idx - state.last_sent == 1 and bool(attributions(sent))


def dedupe(claims: list[dict], headlines: set[str]) -> list[dict]:
    """The same figure of the same thing told twice in one report (headline and body) is one claim."""
    named: dict[tuple, set] = {}        # figure -> the named sources that give it
    for c in claims:
        named.setdefault((c["value_low"], c["value_high"], c["quantity"]), set()).add(c.get("source_ar"))
    best: dict[tuple, dict] = {}
    for c in claims:
        figure = (c["value_low"], c["value_high"], c["quantity"])
        key = figure + (_source_key(c.get("source_ar"), named[figure]),)
        old = best.get(key)
        if old is None or (old["evidence"] in headlines and c["evidence"] not in headlines):
            best[key] = c
    kept = {id(c) for c in best.values()}
    out = [c for c in claims if id(c) in kept]
    body = {(c["value_low"], c["value_high"]) for c in out if c["evidence"] not in headlines}
    out = [c for c in out if c["evidence"] not in headlines or (c["value_low"], c["value_high"]) not in body]
    out = [c for c in out if not any(_rounds(c, o) for o in out if o is not c)]
    for c in out:
        c.pop("_sent", None)
    return out


def _source_key(src: str | None, sources: set) -> str | None:
    """A figure two named sources each give is two claims (the ledger sets them side by side); a telling without a
    source is the same claim as one with it. `sources`: every source that gives the figure in the report."""
    return src if src is not None and sources - {None, src} else None


LEAD = 3            # the lead (headline and first sentences) rounds what the body states precisely
ROUND_ZEROS = 2     # "4000", "350 ألف": a round figure; "170" may be a count of its own
ROUNDING = 0.1      # a rounded figure and a precise one within 10% of it tell the same quantity


def _zeros(v: int) -> int:
    n = 0
    while v and v % 10 == 0:
        v, n = v // 10, n + 1
    return n


def _rounds(c: dict, precise: dict) -> bool:
    """'أكثر من 350 ألف' in the lead, '353935' later in the body: the rounded figure of the same quantity goes
    (rule claim.dedupe.rounded)."""
    v, p = c["value_low"], precise["value_low"]
    if c["_sent"] > LEAD or precise["_sent"] <= c["_sent"]:
        return False
    if c["value_high"] != v or precise["value_high"] != p or not v or _zeros(v) < ROUND_ZEROS or _zeros(v) <= _zeros(p):
        return False
    low = v if c["qualifier"] == "at_least" else v * (1 - ROUNDING)
    return low <= p < v * (1 + ROUNDING)
