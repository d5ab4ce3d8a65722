"""Is a figure about the conflict as a whole, or a detail of one incident?

A count that belongs to one incident (the toll of a bombing, the arrests of one raid, the ransom of one
kidnapping) is never a claim, whether or not an event was extracted from its sentence: this is decided
from the sentence itself. A sentence that spans a period ("منذ مطلع العام", "حتى الآن", "خلال الأشهر"), counts
incidents ("نفذت 137 عملية") or totals ("إجمالي", "إحصائية") is about many incidents: its figures stay claims.

Vocabulary: ``claims.json`` incident_words, aggregate_markers, toll_heads, participants. Each decision
returns the id of the rule (``claims.json`` rules) that made it.
"""
from __future__ import annotations

import re

from marsad.extract.claim_label import TOLL_FRAMES, word_set
from marsad.extract.mentions import dates
from marsad.lexicon import load, matcher
from marsad.text.morph import strip_proclitics

INCIDENT_COUNT = ("operations", "attacks", "air_strikes")   # a figure counting incidents sums many of them
CAUSE_WINDOW = 60        # characters from a plural incident noun to its result verb ("هجمات ... أسفرت عن")
FEW = 10                 # "مقتل سبعة أشخاص": a handful of victims is one incident's
MANY = 15                # "نفذ التحالف 8 ضربات في كركوك" tells one operation; "نفذت 137 عملية" sums many
LARGE = 1000             # a casualty or arrest figure in the thousands is no single incident's toll
_DURING_HOURS = re.compile(r"خلال\s+(?:ال)?\d")            # "خلال الـ24 ساعة الماضية"


def _period(sent) -> bool:
    """A period of many incidents: 'منذ مطلع العام', 'حتى الآن', 'خلال تموز', 'خلال الـ24 ساعة', a total — not
    'منذ مساء الخميس' (hours of one incident)."""
    short = {h.start for h in matcher("claims", "short_since").find(sent.folded)}
    if any(h.start not in short for h in matcher("claims", "aggregate_markers").find(sent.folded)):
        return True
    return bool(_DURING_HOURS.search(sent.folded))


def _countries_only(sent) -> bool:
    """The sentence's places are two countries or more and nothing finer ("في سوريا والعراق"): its figures are about
    the war across countries, not one incident (claim.scope.countries)."""
    kinds = [getattr(p, "kind", "") for _, _, p in sent.places]
    return kinds.count("country") >= 2 and all(k == "country" for k in kinds)


def _has(sent, section: str) -> bool:
    """Whether the sentence has a word of the list, asked once per sentence and list (a sentence of many figures
    asks for each of them: scanning it again each time would make long lists quadratic)."""
    key = "claims_has:" + section
    found = sent.cache.get(key)
    if found is None:
        found = sent.cache[key] = bool(matcher("claims", section).find(sent.folded))
    return found


def aggregate(sent, quants, items, follows_claim: bool = False) -> str | None:
    """The rule id that makes a sentence a summary of many incidents, or None. ``follows_claim``: the sentence
    before gave claims (a breakdown that follows a total: "وأوضحت أن الحصيلة تتضمن ...")."""
    if _period(sent):
        return "claim.scope.period_or_total"
    if _countries_only(sent):
        return "claim.scope.countries"
    counted_at = {q.end for q in quants}
    results = [h.start for h in matcher("claims", "result_verbs").find(sent.folded)]
    for hit in matcher("claims", "plural_incidents").find(sent.folded):
        if not any(0 <= hit.start - e <= 2 for e in counted_at) \
                and any(0 < r - hit.end <= CAUSE_WINDOW for r in results):
            return "claim.scope.many_incidents"      # "هجمات قسد ... أسفرت عن", not "ثلاث غارات"
    classes = load("claims")["classes"]
    for q, c in zip(quants, items):
        if c.cls in INCIDENT_COUNT and not (c.elided or c.back) and (q.value_low or 0) >= MANY:
            return "claim.scope.counts_incidents"
        if (classes.get(c.cls or "", {}).get("casualty") or c.frame in ("killed", "arrested")) \
                and (q.value_low or 0) >= LARGE:
            return "claim.scope.large_toll"
    if follows_claim and not _has(sent, "incident_words"):
        return "claim.scope.continues_summary"
    return None


def incident_detail(sent, q, c) -> str | None:
    """The rule id that makes figure q a detail of one incident (so not a claim), or None.
    Call only for sentences that are not summaries (``aggregate`` gave None)."""
    if _participants(sent, q):
        return "claim.drop.participants"
    if _crowd(sent, q):
        return "claim.drop.crowd"
    if court_case(sent):
        return "claim.drop.court_case"
    if _has(sent, "toll_heads"):
        return "claim.drop.incident_toll"
    if _has(sent, "incident_words") or (is_toll(c) and _event_trigger(sent, q)):
        return "claim.drop.incident_detail"
    if _breakdown(sent, q) and _event_trigger(sent, q):
        return "claim.drop.toll_breakdown"
    if sent.headline and is_toll(c):
        return "claim.drop.headline_toll"
    return None


MEMBER_GAP = 3   # tokens around a count of countries where the alliance or membership word stands


def members(sent, q) -> bool:
    """A count of countries that are members of an alliance or its meeting ('أعرب ثلاثون بلدا عضوا في التحالف'،
    'التحالف الدولي (يضم 86 دولة)'): the size of a coalition, not a figure about the conflict; countries of origin
    ('مقاتل أجنبي من 80 دولة') stay claims (claim.drop.coalition_members)."""
    i = sent.tok_index(q.start)
    words = word_set("member_words")
    return any(w in words or strip_proclitics(w) in words for w in sent.words(max(0, i - MEMBER_GAP), i + 2 + MEMBER_GAP))


BREAKDOWN_GAP = 2   # tokens before a figure where "بينهم" (among them) stands


def _breakdown(sent, q) -> bool:
    """The figure counts some of an incident's victims ('ما أدى إلى مقتل 18 شخصا بينهم 3 أطفال'): part of that
    incident's toll, not a figure of its own."""
    i = sent.tok_index(q.start)
    marks = word_set("breakdown_markers")
    return any(sent.tokens[k][2] in marks for k in range(max(0, i - BREAKDOWN_GAP), i))


def court_case(sent) -> bool:
    """A court acting in a verdict ('قضت محكمة ... بإعدام 12 متهما'، 'أصدرت محكمة الجنايات حكما بحق ثمانية'):
    the people it sentences are a detail of one case, even in a sentence that names only countries or follows a
    claim (claim.drop.court_case)."""
    return _has(sent, "court_case") and _has(sent, "verdict_verbs")


def is_toll(c) -> bool:
    """A count of victims or of people arrested (not of fighters at large, returnees or detainees held)."""
    info = load("claims")["classes"].get(c.cls or "", {})
    if c.frame is not None:
        return c.frame in TOLL_FRAMES
    return bool(info.get("casualty") or info.get("generic"))


def _participants(sent, q) -> bool:
    """'بمشاركة أكثر من 5000 عنصر ... من ضمنهم 150': the forces taking part in one operation."""
    return bool(matcher("claims", "participants").find(sent.folded, 0, q.start))


CROWD_GAP = 4    # tokens after a figure where the gathering verb its people are the subject of stands


def _crowd(sent, q) -> bool:
    """'حوالى ألف شخص تجمعوا في الساحة للمطالبة بـ': the people counted gathered to demand or denounce something,
    the size of one demonstration (not 'نحو 300 ألف نازح تجمعوا في المخيمات')."""
    if not matcher("cues", "protest_object").find(sent.folded):
        return False
    i = sent.tok_index(q.end - 1) + 1
    if i >= len(sent.tokens):
        return False
    hi = sent.tokens[min(i + CROWD_GAP, len(sent.tokens)) - 1][1]
    return bool(matcher("claims", "crowd_verbs").find(sent.folded, sent.tokens[i][0], hi))


def _event_trigger(sent, q) -> bool:
    """An event trigger of the sentence (triggers.json, found by the trigger stage) of a kind that tells an
    incident; an outcome alone (مقتل، اعتقال) tells one only with a place, a day, or a handful of people
    ('قواته اعتقلت 300 عنصر' is a total)."""
    kinds = sent.cache.get("claim_incident_kinds")
    if kinds is None:     # once per sentence: a long list of figures must not rescan its triggers for each
        skip = set(load("claims")["not_incident_kinds"])
        kinds = sent.cache["claim_incident_kinds"] = frozenset({t.value for t in getattr(sent, "triggers", None) or ()} - skip)
    if kinds - set(OUTCOME_KINDS):
        return True
    return bool(kinds) and (bool(sent.places) or (q.value_low or 0) < FEW or _names_day(sent))


def _names_day(sent) -> bool:
    return any(d.precision == "day" for d in dates(sent))


CLAUSE_BREAKS = "،,;؛:"
OUTCOME_KINDS = ("kill", "arrest", "transfer")     # trigger kinds that name an outcome, not an incident


def clause_incident(sent, q, c) -> bool:
    """In a summary sentence, a toll whose own clause tells one incident and names no period is that incident's
    ('داهمت القوات البلدة واعتقلت خمسة، ليرتفع عدد المعتقلين حتى الآن إلى 300': 5 is the raid's)."""
    if not is_toll(c):
        return False
    a = max(sent.folded.rfind(ch, 0, q.start) for ch in CLAUSE_BREAKS) + 1
    ends = [e for e in (sent.folded.find(ch, q.end) for ch in CLAUSE_BREAKS) if e >= 0]
    b = min(ends) if ends else len(sent.folded)
    if matcher("claims", "aggregate_markers").find(sent.folded, a, b):
        return False
    if matcher("claims", "incident_words").find(sent.folded, a, b):
        return True
    return any(a <= t.start < b and t.value not in OUTCOME_KINDS for t in getattr(sent, "triggers", None) or ())
