"""What a claim figure counts: its noun, what happened to the counted, and a short English label.

Vocabulary: ``lexicon/data/claims.json`` (nouns -> classes -> English; frames; org names).
The label is built to match the ledger's phrases (``analysis/data/claim_keys.json``):
"ISIS fighters", "ISIS members killed", "plots foiled", "USD", "foreign fighters", "returnees" ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.lexicon import folded_words, load, matcher

CASUALTY_FRAMES = ("killed", "injured")                     # what happened to a toll's people
TOLL_FRAMES = CASUALTY_FRAMES + ("arrested", "captured")    # ... or to those an operation took (claim_scope too)
PREFIX_SLACK = 4          # a proclitic (وبال) may precede a noun inside its token
FRAME_AFTER = 8           # tokens after the noun searched for a verb (فروا، عادوا، اختفوا)
FOREIGN_WINDOW = 6        # tokens after the noun searched for أجانب / "من 120 بلدا"
PUNCT = "،,;؛:"          # a mark between a figure and a word ends the search for the figure's noun (not a bracket)
FIGHTERS = ("fighters", "members", "militants", "jihadists")
POPULATION = ("families", "people", "children", "women", "displaced", "refugees", "population")


@dataclass
class Counted:
    """The counted thing of one figure."""

    cls: str | None            # class id of claims.json, None when unknown
    frame: str | None = None   # killed, arrested, returned ... (frame_labels)
    skip: bool = False         # a count that is never a claim (sources, multiples)
    back: bool = False         # the noun repeats an earlier one (آخرين، منهم)
    elided: bool = False       # no noun: the figure shares the noun of its neighbour
    noun_tok: int = -1         # token index of the noun (or of the first token after the figure)
    rule: str = "claim.figure.counted"   # how the counted noun was found (claims.json rules)


def _word_set(section: str) -> frozenset:
    return folded_words("claims", section)


word_set = _word_set


def _hit_at(sent, section: str, k: int):
    """The entry of a claims.json section that starts token k (allowing proclitics), or None."""
    if k >= len(sent.tokens):
        return None
    a, b = sent.tokens[k][0], sent.tokens[k][1]
    hits = matcher("claims", section).find(sent.folded, a, min(len(sent.folded), a + 40))
    return hits[0] if hits and hits[0].start - a <= PREFIX_SLACK and hits[0].start < b else None   # inside token k: "في هجوم" is not "هجوم" at "في"


def _first_token_after(sent, pos: int) -> int:
    i = sent.tok_index(pos)
    while i < len(sent.tokens) and sent.tokens[i][0] < pos:
        i += 1
    return i


def _noun_after(sent, i: int) -> tuple[Counted | None, int]:
    """The class of the noun following a figure (skipping من، كبار ...), and its token index."""
    skip_words = _word_set("noun_skip")
    for k in range(i, min(i + 4, len(sent.tokens))):
        if k > i and any(ch in PUNCT for ch in sent.folded[sent.tokens[k - 1][1]:sent.tokens[k][0]]):
            break         # "وإصابة 15، في هجوم": the figure's noun is not across a comma
        if _hit_at(sent, "not_counted", k) is not None:
            return Counted(None, skip=True), k
        hit = _hit_at(sent, "nouns", k)
        if hit is not None:
            return Counted(hit.value), k
        if sent.tokens[k][2] in _word_set("back_ref"):
            return Counted(None, back=True), k
        if sent.tokens[k][2] not in skip_words:
            break
    return None, i


def _count_head(sent, q) -> str | None:
    """'عدد مقاتلي داعش هو 6 آلاف': the noun after عدد before the figure."""
    heads = _word_set("count_heads")
    j = sent.tok_index(q.start)
    for k in range(j - 1, max(-1, j - 8), -1):
        if sent.tokens[k][2] in heads:
            hit = _hit_at(sent, "nouns", k + 1)
            return hit.value if hit is not None else None
    return None


def _generic_of(sent, k: int) -> str | None:
    """'43 ألف شخص من عوائل التنظيم': the class after من following a generic noun."""
    if k + 2 < len(sent.tokens) and sent.tokens[k + 1][2] == "من":
        hit = _hit_at(sent, "nouns", k + 2)
        if hit is not None and not _class(hit.value).get("generic"):
            return hit.value
    return None


def _window_has(sent, section: str, a: int, b: int) -> Any:
    """The payload of the first entry of ``section`` on tokens a..b, before a comma or a subset (بينهم)."""
    stop = _word_set("window_stop")
    for k in range(max(0, a), min(b, len(sent.tokens))):
        if k > a and any(c in sent.folded[sent.tokens[k - 1][1]:sent.tokens[k][0]] for c in "،,:"):
            return None
        if sent.tokens[k][2] in stop:
            return None
        hit = _hit_at(sent, section, k)
        if hit is not None:
            return hit.value
    return None


def _frame_before(sent, q) -> str | None:
    j = sent.tok_index(q.start)
    for k in range(j - 1, max(-1, j - 3), -1):
        hit = _hit_at(sent, "frames_before", k)
        if hit is not None:
            return hit.value
    return None


def counted(sent, q) -> Counted:
    """The counted thing of figure q in its sentence (class, frame), before neighbours fill gaps."""
    i = _first_token_after(sent, q.end)
    found, k = _noun_after(sent, i)
    if i < len(sent.tokens) and any(ch in PUNCT for ch in sent.folded[q.end:sent.tokens[i][0]]):
        found, k = None, i   # "وإصابة 15، في هجوم": the figure's noun is not across a comma
    if found is None and q.lemma:
        hit = matcher("claims", "nouns").find(q.lemma)
        found = Counted(hit[0].value) if hit else None
    if found is None:
        head = _count_head(sent, q)
        found = Counted(head, rule="claim.figure.count_head") if head else Counted(None, elided=True)
    if found.skip:
        return found
    if found.cls and _class(found.cls).get("generic"):
        found.cls = _generic_of(sent, k) or found.cls
    if found.cls in FIGHTERS and _window_has(sent, "foreign_markers", k + 1, k + 1 + FOREIGN_WINDOW):
        found.cls = "foreigners"
    found.frame = _frame_before(sent, q) or _window_has(sent, "frames_after", k + 1, k + 1 + FRAME_AFTER)
    j = sent.tok_index(q.start)
    if found.frame is None and found.cls in FIGHTERS and _detained(sent, j, k):
        found.cls = "detainees"
    found.noun_tok = k
    return found


def _detained(sent, j: int, k: int) -> bool:
    """A prison or detention word in the figure's clause (up to 8 tokens before it, 6 after its noun)."""
    if _window_has(sent, "detention", k + 1, k + 7):
        return True
    for a in range(j - 1, max(-1, j - 9), -1):
        if any(c in sent.folded[sent.tokens[a][1]:sent.tokens[a + 1][0]] for c in "،,:"):
            return False
        if _hit_at(sent, "detention", a) is not None:
            return True
    return False


def qualifier(sent, q, c: Counted) -> str:
    """'9 آلاف منهم تقريباً': a qualifier word right after the figure or its noun."""
    if q.qualifier != "exact":
        return q.qualifier
    i = _first_token_after(sent, q.end)
    for k in range(i, min(max(i, c.noun_tok) + 2, len(sent.tokens))):
        hit = _hit_at(sent, "qualifier_after", k)
        if hit is not None:
            return hit.value
    return q.qualifier


def fill_gaps(sent, quants, items: list[Counted]) -> None:
    """A figure without a noun takes its neighbour's: the next one when a conjunction follows it
    ('مقتل 30 واعتقال 74 من عناصر'), else the one before ('ألفي مقاتل، ونحو ثمانية آلاف')."""
    nxt_with: list[Counted | None] = [None] * (len(items) + 1)      # nxt_with[n]: the first of items[n:] with a class (linear, not a scan each)
    for n in range(len(items) - 1, -1, -1):
        nxt_with[n] = items[n] if items[n].cls else nxt_with[n + 1]
    prev_with = None
    for n, c in enumerate(items):
        nxt_q = quants[n + 1] if n + 1 < len(quants) else None
        if c.cls in FIGHTERS and nxt_q is not None and items[n + 1].cls == "countries" \
                and sent.tok_index(nxt_q.start) - c.noun_tok <= FOREIGN_WINDOW:
            c.cls = "foreigners"          # "40 ألف مقاتل من أكثر من 120 بلداً"
        if c.back or c.elided:
            _fill_from(sent, quants[n], c, prev_with, nxt_with[n + 1])
        prev_with = c if c.cls else prev_with


def _fill_from(sent, q, c: Counted, prev: Counted | None, nxt: Counted | None) -> None:
    i = _first_token_after(sent, q.end)
    forward = c.elided and i < len(sent.tokens) and sent.tokens[i][2].startswith("و")
    src = (nxt or prev) if forward else (prev or (nxt if c.elided else None))
    if src is not None:
        c.cls, c.rule = src.cls, "claim.figure.shares_noun"
        if c.back and c.frame is None and src.frame not in TOLL_FRAMES:
            c.frame = src.frame


def _in_sentence(sent, lexicon: str, section: str) -> bool:
    """Whether the sentence holds an entry of a lexicon section; found once per sentence, so labelling
    every figure of a sentence stays linear in its length."""
    key = ("in_sentence", lexicon, section)
    if key not in sent.cache:
        sent.cache[key] = bool(matcher(lexicon, section).find(sent.folded))
    return sent.cache[key]


def _class(cls: str | None) -> dict:
    return load("claims")["classes"].get(cls or "", {})


def label(sent, c: Counted, in_list: bool = False) -> str | None:
    """Short English for what is counted, or None when the class is unknown (or counts only in a list of figures
    and this is not one)."""
    info = _class(c.cls)
    if not info or (info.get("list_only") and not in_list):
        return None
    org = _in_sentence(sent, "claims", "org")
    base = info.get("org") if org and info.get("org") else info["en"]
    if c.frame and info.get("frames", True):
        suffix, generic = load("claims")["frame_labels"].get(c.frame, [c.frame, c.frame])
        if info.get("generic"):
            base = generic
        elif suffix.split()[0] not in base.split():
            base = f"{base} {suffix}"
    if c.cls in POPULATION and _in_sentence(sent, "claims", "camp_context"):
        base = f"{base} in camps"
    return base


def is_event_toll(sent, c: Counted) -> bool:
    """A casualty count in a sentence about one definite incident ('حصيلة التفجير') is the event's."""
    casualty = _class(c.cls).get("casualty") or c.frame in CASUALTY_FRAMES
    return bool(casualty and _in_sentence(sent, "cues", "anaphora"))
