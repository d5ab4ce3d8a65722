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

from marsad.lexicon import load, matcher

INCIDENT_COUNT = ("operations", "attacks", "air_strikes")   # a figure counting incidents sums many of them
MANY = 5                 # "ثلاث غارات على المنزل" tells one incident; "نفذت 137 عملية" sums many
LARGE = 1000             # a casualty or arrest figure in the thousands is no single incident's toll
_DURING_HOURS = re.compile(r"خلال\s+(?:ال)?\d")            # "خلال الـ24 ساعة الماضية"


def _has(sent, section: str) -> bool:
    return bool(matcher("claims", section).find(sent.folded))


def aggregate(sent, quants, items, follows_claim: bool = False) -> str | None:
    """The rule id that makes a sentence a summary of many incidents, or None. ``follows_claim``: the sentence
    before gave claims (a breakdown that follows a total: "وأوضحت أن الحصيلة تتضمن ...")."""
    if _has(sent, "aggregate_markers") or _DURING_HOURS.search(sent.folded):
        return "claim.scope.period_or_total"
    counted_at = {q.end for q in quants}
    for hit in matcher("claims", "plural_incidents").find(sent.folded):
        if not any(0 <= hit.start - e <= 2 for e in counted_at):
            return "claim.scope.many_incidents"      # "هجمات قسد أسفرت عن ...", not "ثلاث غارات"
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
    if _has(sent, "toll_heads"):
        return "claim.drop.incident_toll"
    if _has(sent, "incident_words"):
        return "claim.drop.incident_detail"
    casualty = load("claims")["classes"].get(c.cls or "", {}).get("casualty") or c.frame == "killed"
    if sent.headline and casualty:
        return "claim.drop.headline_toll"
    return None


def _participants(sent, q) -> bool:
    """'بمشاركة أكثر من 5000 عنصر ... من ضمنهم 150': the forces taking part in one operation."""
    return bool(matcher("claims", "participants").find(sent.folded, 0, q.start))
