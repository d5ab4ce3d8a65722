"""Who a claim is attributed to: the source phrase after a reporting verb, its kind and English name.

Vocabulary: ``cues.json`` report_verbs / continuation, ``claims.json`` (source_stop, source_lead,
source_titles, weak_verbs, report_nouns, outer_verbs, anaphoric_sources), ``sources.json`` (kinds,
english). A source phrase ends at أن/إن/بأن and other stop words, at a figure, at a date, or at a
comma — unless the comma opens an apposition with a title ("X، منسق ... في الاتحاد الأوروبي").
"""
from __future__ import annotations

import bisect

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.extract.mentions import dates, numbers
from marsad.text.morph import DEFINITE_RUNS
from marsad.lexicon import fold_entry, folded_words, load, matcher

MAX_SOURCE = 8
MAX_APPOSITION = 10
BREAKS = "،,:;(؛"


@dataclass(frozen=True)
class Attribution:
    verb_start: int      # folded offset of the reporting verb
    text: str            # the source as written (original text of the sentence)
    outer: bool          # بحسب/وفق: attributes the whole sentence
    rule: str = "claim.source.reporting_verb"   # the rule that found it (claims.json rules)
    claimed: bool = False  # "أعلن داعش مسؤوليته عن ...": the group claims the attacks (a source only when alone)


def _words(section: str) -> frozenset:
    return folded_words("claims", section)


class _Spans:
    """Spans (dates, figures) a source phrase may not cross; ``holds(pos)`` by bisect, not a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts, self.reach, far = [a for a, _ in spans], [], -1
        for _, b in spans:
            far = max(far, b)
            self.reach.append(far)

    def holds(self, pos: int) -> bool:
        j = bisect.bisect_right(self.starts, pos)
        return j > 0 and self.reach[j - 1] > pos


def _blocked(sent) -> _Spans:
    spans = [(d.start, d.end) for d in dates(sent)]
    return _Spans(spans + [(q.start, q.end) for q in numbers(sent)])


def _gap(sent, k: int) -> str:
    return sent.folded[sent.tokens[k - 1][1]:sent.tokens[k][0]]


def _collect(sent, i: int, blocked, stops: frozenset, limit: int) -> tuple[list[int], bool]:
    """Token indexes of a phrase from token i; the flag tells whether a comma ended it."""
    out = []
    issued = _words("issued_by")
    for k in range(i, min(i + limit + 2, len(sent.tokens))):
        a, _, w = sent.tokens[k]
        if out and any(c in _gap(sent, k) for c in BREAKS):
            return out, True
        nxt = sent.tokens[k + 1][2] if k + 1 < len(sent.tokens) else ""
        through = (w == "عن" and out and sent.tokens[out[-1]][2] in issued) or (k == i and nxt in issued)
        if not through and (w in stops or w.isdigit() or blocked.holds(a)):
            break      # "بيان صادر عن التحالف", "آخر حصيلة صدرت عن وزارة الصحة": the issuer belongs to the source
        if len(out) >= limit and not through:
            break
        out.append(k)
    return out, False


def _word_after(sent, k: int) -> str | None:
    return sent.tokens[k + 1][2] if k + 1 < len(sent.tokens) else None


def _negated(sent, pos: int) -> bool:
    """'طلب عدم ذكر اسمه': a reporting verb under negation attributes nothing. The word before is asked as a
    window of the sentence's own pass (a token's window starts and ends at word bounds, so it has the matches the
    word alone has) instead of a new pass over the word."""
    k = sent.tok_index(pos)
    if k <= 0:
        return False
    a, b, _ = sent.tokens[k - 1]
    return bool(matcher("cues", "negation").find(sent.folded, a, b))


def _definite_word(sent, pos: int) -> bool:
    word = sent.tokens[sent.tok_index(pos)][2]
    return word.startswith(DEFINITE_RUNS)


def _is_title(sent, k: int) -> bool:
    if k >= len(sent.tokens):
        return False
    a = sent.tokens[k][0]
    hits = matcher("claims", "source_titles").find(sent.folded, a, min(len(sent.folded), a + 30))
    return bool(hits) and hits[0].start - a <= 4


def _phrase_after(sent, pos: int, blocked, outer: bool = False, claims_ok: bool = False) -> tuple[int, int] | None:
    """The folded span of the source phrase after a reporting verb ending at pos; after بحسب/وفق (outer) a figure
    noun opens it ('وفق أرقام الأمم المتحدة')."""
    i = sent.tok_index(pos)
    while i < len(sent.tokens) and sent.tokens[i][0] < pos:
        i += 1
    lead = _words("source_lead")
    while i < len(sent.tokens) and sent.tokens[i][2] in lead:
        i += 1
    first = i
    if outer and i < len(sent.tokens) and sent.tokens[i][2] in _words("figure_nouns"):
        i += 1
    toks, comma = _collect(sent, i, blocked, _words("source_stop"), MAX_SOURCE)
    if toks and first < i:
        toks = [first] + toks
    if not toks or (not claims_ok and _word_after(sent, toks[-1]) in _words("responsibility")):
        return None
    nxt = toks[-1] + 1
    if comma and _is_title(sent, nxt):
        more, _ = _collect(sent, nxt, blocked, _words("source_stop") - {"في"}, MAX_APPOSITION)
        toks += more
    return sent.tokens[toks[0]][0], sent.tokens[toks[-1]][1]


def _quoted(sent, span: tuple[int, int], blocked) -> tuple[int, int]:
    """"نقلت الصحيفة عن مسؤول ...": the one quoted after عن, else the relaying outlet."""
    k = sent.tok_index(span[1] - 1) + 1
    if k < len(sent.tokens) and sent.tokens[k][2] == "عن":
        return _phrase_after(sent, sent.tokens[k][1], blocked) or span
    return span


def attributions(sent) -> list[Attribution]:
    """Every attributed source of a sentence, in order (cached per sentence)."""
    if "attributions" in sent.cache:
        return sent.cache["attributions"]
    outer = _words("outer_verbs")
    weak = {h.start for h in matcher("claims", "weak_verbs").find(sent.folded)}
    verbs = {h.start for h in matcher("cues", "report_verbs").find(sent.folded)}
    hits = matcher("cues", "report_verbs").find(sent.folded) + matcher("claims", "report_nouns").find(sent.folded)
    hits += matcher("claims", "weak_verbs").find(sent.folded)
    if not hits:        # no reporting word: no source, and no need of the spans a source may not cross (the
        sent.cache["attributions"] = []    # sentence's dates and numbers, found only for this otherwise)
        return []
    blocked = _blocked(sent)
    out, seen = [], set()
    for v in sorted(hits, key=lambda h: h.start):
        if v.start in seen:
            continue
        seen.add(v.start)
        if _negated(sent, v.start) or (v.start in verbs and _definite_word(sent, v.start)):
            continue     # "فريق الرصد": a definite noun is no reporting verb
        span = _phrase_after(sent, v.end, blocked, v.key in outer, claims_ok=True)
        rule = "claim.source.according_to" if v.key in outer else "claim.source.reporting_verb"
        claimed = span is not None and _word_after(sent, sent.tok_index(span[1] - 1)) in _words("responsibility")
        if claimed:
            rule = OWN_CLAIM
        if span is not None and sent.tokens[sent.tok_index(v.start)][2] in _words("relay_verbs"):
            quoted = _quoted(sent, span, blocked)
            rule, span = ("claim.source.relayed" if quoted != span else rule), quoted
        if span is None:
            continue
        oa, ob = sent.norm.to_original(*span)
        text = sent.text[oa:ob].strip(" \"'«»“”")
        if text.startswith("لل"):          # وفقاً للمرصد -> المرصد
            text = "ال" + text[2:]
        elif text.startswith("ل") and fold_entry(text.split()[0])[1:] in _words("figure_nouns"):
            text = text[1:]                # وفقاً لأرقام الأمم المتحدة -> أرقام الأمم المتحدة
        if not text or (v.start in weak and not matcher("sources", "").find(fold_entry(text))):
            continue
        out.append(Attribution(v.start, role_only(text), v.key in outer, rule, claimed))
    sent.cache["attributions"] = out
    return out


@lru_cache(maxsize=4096)
def role_only(text: str) -> str:
    """'الناشط الإعلامي <name>' -> 'الناشط الإعلامي': a source that is a private person's role
    (claims.json private_roles, with role_modifiers after it) keeps the role, never the name after
    it; records name institutions, roles and public officials only. A role followed by a known
    source ('مراسل وكالة رويترز') is kept whole. A pure function of the text (cached: it folds each word and
    makes up to three passes over slices)."""
    words = text.split()
    folded = [fold_entry(w) for w in words]
    head = matcher("claims", "private_roles").find(folded[0]) if folded else []
    if not head or head[0].start > 2:
        return text
    modifiers = _words("role_modifiers")
    k = 1
    while k < len(words) and folded[k] in modifiers:
        k += 1
    rest = " ".join(folded[k:])
    if k == len(words) or matcher("sources", "").find(rest) or matcher("sources", "english").find(rest):
        return text
    return " ".join(words[:k])


OWN_CLAIM = "claim.source.own_claim"


def source_for(atts: list[Attribution], start: int, end: int) -> Attribution | None:
    """The source of a figure: a trailing بحسب/وفق, else the nearest attribution before it. A group that claims
    attacks ("أعلن داعش مسؤوليته عن 5 هجمات") is their source only where no one else in the sentence relays the
    claim ("وبحسب سنتكوم، أعلن داعش مسؤوليته عن 153 هجوما": CENTCOM's figure) (claim.source.own_claim)."""
    if any(not a.claimed for a in atts):
        atts = [a for a in atts if not a.claimed]
    trailing = [a for a in atts if a.outer and a.verb_start >= end]
    before = [a for a in atts if a.verb_start < start]
    speakers = [a for a in before if not (a.outer and source_kind(a.text) == "media")]
    if trailing:
        if speakers and source_kind(trailing[0].text) == "media":
            return _relayed(speakers[-1])    # "قال الأعرجي: ..."، بحسب موقع نورث برس: the outlet relays the speaker
        return trailing[0]
    if before and before[-1].outer and source_kind(before[-1].text) == "media" and speakers:
        return _relayed(speakers[-1])        # "وأوضح غليزر، بحسب موقع روسيا اليوم، أن ..."
    return before[-1] if before else None


def _relayed(att: Attribution) -> Attribution:
    return replace(att, rule="claim.source.speaker_over_relay")


def resolve(text: str, earlier: list[str]) -> str:
    """A definite reference ('البيان', 'المصادر ذاتها') or a bare surname takes the fuller source named before."""
    if not earlier:
        return text
    f = fold_entry(text)
    if f in _words("anaphoric_sources") or f.removeprefix("و") in _words("anaphoric_sources"):
        return earlier[-1]
    if len(f.split()) == 1 and not matcher("sources", "").find(f):
        for prev in reversed(earlier):
            if f in fold_entry(prev).split():
                return prev
    return text


@lru_cache(maxsize=4096)
def source_kind(source_ar: str | None) -> str:
    """The kind of a source by the sources lexicon (a pure function of the text, cached: asked for every
    attribution and claim, on the same few sources of a report)."""
    if not source_ar:
        return "the_report"
    hits = matcher("sources", "").find(fold_entry(source_ar))
    if not hits:
        return "local_source"
    order = [k for k, _ in load("sources")["kinds"]]
    return min((h.value for h in hits), key=order.index)


WEAK_KINDS = ("local_source", "government")   # kinds a title takes from the body it heads


def kind_in_context(source_ar: str | None, earlier: list[str]) -> str:
    """The source's kind; a title of a body named before ("مدير المكتب" after "المكتب المركزي للأبحاث القضائية")
    takes that body's kind."""
    kind = source_kind(source_ar)
    if kind not in WEAK_KINDS or not earlier or source_ar in earlier:
        return kind
    words = {w for w in fold_entry(source_ar).split() if w.startswith("ال") and len(w) > 4}
    for prev in reversed(earlier):
        if words & set(fold_entry(prev).split()):
            return source_kind(prev)
    return kind


def english(source_ar: str | None) -> str | None:
    """English from the known parts of the source, in English order (the Arabic head noun comes last)."""
    if not source_ar:
        return None
    parts = [h.value for h in matcher("sources", "english").find(fold_entry(source_ar))]
    if not parts:
        return None
    parts.reverse()
    kept = [p for n, p in enumerate(parts)
            if not any(set(p.split()) < set(o.split()) for m, o in enumerate(parts) if m != n) and p not in parts[:n]]
    return " ".join(kept)
