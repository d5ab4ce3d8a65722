"""Event counts (fatalities, injured, arrested) from role words and the numbers near them."""
from __future__ import annotations

from functools import lru_cache

from marsad.lexicon import fold_entry, load, matcher

AFTER = 6   # tokens after a role word searched for its number


@lru_cache(maxsize=1)
def _words():
    data = load("counts")
    single = frozenset(fold_entry(w) for w in data["person_singular"])
    vague = frozenset(fold_entry(w) for w in data["vague"])
    return single, vague


def _number_after(sent, quants, i: int) -> int | None | str:
    single, vague = _words()
    toks = sent.tokens
    for k in range(i + 1, min(i + 1 + AFTER, len(toks))):
        w = toks[k][2]
        for q in quants:
            if q.start <= toks[k][0] < max(q.end, q.start + 1):
                if q.vague:
                    return "vague"
                return int(q.value_low) if q.value_low is not None and q.value_low < 100000 else None
        if w in vague:
            return "vague"
        if w in single:
            return 1
        if w in ("في", "بعد", "قبل", "خلال", "اثر", "جراء"):
            break
    return None


def _number_before(sent, quants, i: int) -> int | None:
    toks = sent.tokens
    for k in range(max(0, i - 3), i):
        for q in quants:
            if q.start <= toks[k][0] < q.end and q.value_low is not None and q.value_low < 100000:
                return int(q.value_low)
    return None


def find_counts(sent, quants) -> dict[str, int | None]:
    out: dict[str, int | None] = {"fatalities": None, "injured": None, "arrested": None}
    done = set()
    for p in matcher("counts", "roles").find(sent.folded):
        role = p.value
        if role in done:
            continue
        i = sent.tok_index(p.start)
        n = _number_after(sent, quants, i)
        if n is None:
            n = _number_before(sent, quants, i)
        if n == "vague":
            done.add(role)
            continue
        if n is not None:
            out[role] = n
            done.add(role)
    return out
