"""Event counts (fatalities, injured, arrested) from role words and the numbers near them.

A role word ("مقتل", "جرحى", "اعتقال") takes, in order: the persons an object pronoun on it (or on a
carrier right after it) stands for ("مقتله" 1, "اعتقالهما" 2, "مقتلهم" unknown); the number nearest
after it (a quantity of marsad.text, or a singular person noun: "مقتل مدني" 1); the number right
before it. A vague amount ("عشرات", "عدد من") leaves the count unknown.
"""
from __future__ import annotations

import bisect

from functools import lru_cache

from marsad.text.morph import BARE_RUNS
from marsad.lexicon import fold_entry, load, matcher

AFTER = 6   # tokens after a role word searched for its number
BACK = 7    # tokens before a plural-pronoun role word ("لقي خمسة من عناصر الشرطة مصرعهم") searched for its number
STOP = frozenset(("في", "بعد", "قبل", "خلال", "اثر", "جراء"))   # a number past these belongs to something else
_PROCLITICS = BARE_RUNS      # marsad.text.morph: و ف ب ل ك and their pairs, longest first


@lru_cache(maxsize=1)
def _words():
    data = load("counts")
    single = frozenset(fold_entry(w) for w in data["person_singular"])
    vague = frozenset(fold_entry(w) for w in data["vague"])
    return single, vague


@lru_cache(maxsize=1)
def _place_types() -> frozenset:
    return frozenset(fold_entry(w) for w in load("counts")["place_types"])


@lru_cache(maxsize=1)
def _pronoun_forms() -> tuple[dict, dict]:
    """{folded word: (role, count)} for role words with an object pronoun, and {carrier+pronoun: count}.
    A word ending in ta marbuta takes the pronoun on its ت ("إصابة" -> "إصابته")."""
    data = load("counts")
    pron = {fold_entry(k): v for k, v in data["object_pronouns"].items()}
    forms = {}
    for role, words in data["roles"].items():
        for w in words:
            base = fold_entry(w.rstrip("*"))
            if " " in base:
                continue
            for b in {base, base[:-1] + "ت" if base.endswith("ه") else base}:
                for suffix, n in pron.items():
                    forms.setdefault(b + suffix, (role, n))
    carriers = {fold_entry(c) + s: n for c in data["carriers"] for s, n in pron.items()}
    return forms, carriers


def _bare(word: str) -> list[str]:
    """The word and its forms without proclitics (و ف ب ل, then ال)."""
    out = [word]
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            out.append(word[len(p):])
            break
    out += [w[2:] for w in out if w.startswith("ال") and len(w) > 4]
    return out


def _pronoun_form(sent, k: int) -> tuple[str, object] | None:
    """(role, count) when token k is a role word with an object pronoun; a final ة is no pronoun
    ("أسرة", "قتلة" fold like "أسره", "قتله")."""
    _, e, word = sent.tokens[k]
    if sent.norm.text[e - 1:e] == "ة":
        return None
    return _word_pronoun_form(word)


@lru_cache(maxsize=1 << 14)
def _word_pronoun_form(word: str) -> tuple[str, object] | None:
    """(role, count) of a folded word that is a role word with an object pronoun (a pure function of the word)."""
    forms, _ = _pronoun_forms()
    for b in _bare(word):
        if b in forms:
            return forms[b]
    return None


def _pronoun_count(sent, i: int, role: str):
    """Persons an object pronoun on the role word at token i (or on a carrier after it) stands for."""
    _, carriers = _pronoun_forms()
    hit = _pronoun_form(sent, i)
    n = hit[1] if hit and hit[0] == role else carriers.get(sent.tokens[i + 1][2]) if i + 1 < len(sent.tokens) else None
    return "back" if n == "vague" else n   # a plural pronoun refers back: "لقي 16 شخصا مصرعهم"


def _skipped(sent) -> list[tuple[int, int]]:
    """Spans a role word's number is searched across: dates, places and actor names ("أوقفت، أمس الاثنين، في
    بلدة عرسال ثلاثة مواطنين", "اعتقل خلال الشهر الماضي خمسة عناصر", "أوقفت دورية في الجيش ثلاثة أشخاص")."""
    if "count_skip" not in sent.cache:
        from marsad.extract.mentions import dates

        spans = [(d.start, d.end) for d in dates(sent)] + [(s, e) for s, e, _ in sent.places]
        spans += [(a.start, a.end) for a in sent.actors if a.value["id"] != "civilians"]   # a force, not persons
        sent.cache["count_skip"] = spans
    return sent.cache["count_skip"]


def _searchable(sent) -> list[int]:
    """The tokens a number is searched on (not those of a date or a place, nor a preposition before one),
    found once per sentence (sorted spans, bisect) so that many role words keep the work linear."""
    if "count_searchable" not in sent.cache:
        spans, toks = sorted(_skipped(sent)), sent.tokens
        starts, reach, far = [a for a, _ in spans], [], -1
        for _, b in spans:               # reach[j]: the furthest end among spans[:j + 1]
            far = max(far, b)
            reach.append(far)
        inside = []
        for t in toks:
            j = bisect.bisect_right(starts, t[0])
            inside.append(j > 0 and reach[j - 1] > t[0])
        types = _place_types()
        for k in range(len(toks) - 2, -1, -1):
            inside[k] = inside[k] or (inside[k + 1] and any(b in types for b in _bare(toks[k][2])))
        sent.cache["count_searchable"] = [
            k for k in range(len(toks))
            if not (inside[k] or (toks[k][2] in STOP and k + 1 < len(toks) and inside[k + 1]))]
    return sent.cache["count_searchable"]


def _search_tokens(sent, i: int) -> list[int]:
    """Up to AFTER tokens after token i, not counting those of a date or a place (nor a preposition before one)."""
    ok = _searchable(sent)
    j = bisect.bisect_right(ok, i)
    return ok[j:j + AFTER]


def _quant_at(sent, quants, k: int):
    """The first of ``quants`` (sorted, not overlapping) that holds token k's start or starts inside token k."""
    held = sent.cache.get("count_quant_starts")
    if held is None or held[0] is not quants:
        held = sent.cache["count_quant_starts"] = (quants, [q.start for q in quants])
    starts = held[1]
    a, b = sent.tokens[k][0], sent.tokens[k][1]
    j = bisect.bisect_right(starts, a)
    if j and a < max(quants[j - 1].end, quants[j - 1].start + 1):
        return quants[j - 1]
    if j < len(quants) and a < quants[j].start < b:
        return quants[j]
    return None


def _number_after(sent, quants, i: int) -> int | None | str:
    single, vague = _words()
    toks = sent.tokens
    if _definite_role(toks[i][2]):
        single = single - ATTACKERS   # "لإنقاذ الجرحى فجر انتحاري آخر": the next clause's attacker is no count
    for k in _search_tokens(sent, i):
        w = toks[k][2]
        q = _quant_at(sent, quants, k)     # a definite number word ("أفرادها الثلاثة") starts inside its token
        if q is not None:
            if q.vague:
                return "vague"
            return int(q.value_low) if q.value_low is not None and q.value_low < 100000 else None
        if w in vague:
            return "vague"
        if w in single:
            return 1
        if w in STOP:
            break
    return None


ATTACKERS = frozenset(fold_entry(w) for w in ("انتحاري", "انتحاريا", "مسلح", "إرهابي", "مهاجم"))


def _definite_role(word: str) -> bool:
    """A definite role word ("الجرحى", "القتلى", "للمصابين"): it refers to persons already told."""
    return any(b.startswith("ال") and len(b) > 4 for b in _bare(word))


def _number_before(sent, quants, i: int, reach: int = 3) -> int | None:
    single, _ = _words()
    toks = sent.tokens
    if i and toks[i - 1][2] in single:
        return 1        # "أن مدنيا استشهد"
    for k in range(max(0, i - reach), i):
        q = _quant_at(sent, quants, k)
        if q is not None and q.start < toks[k][1] and toks[k][0] < q.end and q.value_low is not None \
                and q.value_low < 100000:     # "و47 أصيبوا": a number after a conjunction
            return int(q.value_low)
    return None


COUNTED_NOUNS = ("قتيل", "قتلى", "جريح", "جرحى", "شهيد", "شهداء", "مصاب", "جثث", "جثة")


def _counted_noun(sent, quants, i: int) -> int | None:
    """A role word that is the counted noun of the number right before it ("187 قتيلا و115 جريحا"): that number,
    not the next group's."""
    if not i or not any(_bare_word(sent.tokens[i][2]).startswith(w) for w in COUNTED_NOUNS):
        return None
    q = _quant_at(sent, quants, i - 1)
    if q is None or q.vague or q.value_low is None or q.end > sent.tokens[i][0] or q.value_low >= 100000:
        return None
    return int(q.value_low)


def _bare_word(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ب", "ف", "ل") and len(word) > 4 else word


@lru_cache(maxsize=1)
def _persons() -> tuple[frozenset, tuple]:
    """The nouns of persons a number may count (whole words, and stems from entries ending in '*')."""
    words = load("counts")["persons"]
    whole = frozenset(fold_entry(w) for w in words if not w.endswith("*"))
    stems = tuple(fold_entry(w[:-1]) for w in words if w.endswith("*"))
    return whole, stems


def _subject_before(sent, quants, i: int) -> int | None:
    """The number of the subject told before a plural verb ("إن 11 مدنيا بينهم أطفال قتلوا", "خمسة من مقاتلي
    الحشد أصيبوا"): within BACK tokens, a number of persons (its counted noun is a person) or one followed by من."""
    whole, stems = _persons()
    toks = sent.tokens
    for k in range(i - 1, max(-1, i - BACK - 1), -1):
        q = _quant_at(sent, quants, k)
        if q is None or q.vague or q.value_low is None or q.value_low >= 100000 or q.start < toks[k][0]:
            continue
        lemma = fold_entry(q.lemma) if q.lemma else ""
        after = sent.folded[q.end:].lstrip()
        if lemma in whole or (lemma and lemma.startswith(stems)) or after.startswith(_PARTITIVE):
            return int(q.value_low)
        return None       # the nearest number counts something else ("و47 أصيبوا" is the verb's own number)
    return None


_PARTITIVE = tuple(fold_entry(w) + " " for w in ("من", "على الأقل من"))


def _plural_verb(sent, i: int) -> bool:
    return sent.tokens[i][2].endswith("وا")


def _dual_verb(sent, i: int) -> bool:
    """A dual past verb ("قتلا", "أصيبا"), told after its dual subject ("إن عنصرين من قسد قتلا"): only a dual
    subject before it gives it its count (an accusative noun "قتلا" never has one)."""
    w = sent.tokens[i][2]
    return w.endswith("ا") and not w.endswith("وا") and len(w) >= 4


def _role_hits(sent) -> list[tuple[int, str]]:
    """(token index, role) of the role words, in text order: lexicon matches and pronoun forms."""
    got = sent.cache.get("count_role_hits")     # a pure function of the sentence, asked for each of its triggers
    if got is None:
        hits = {sent.tok_index(p.start): p.value for p in matcher("counts", "roles").find(sent.folded)}
        text = sent.norm.text
        for k, (_, e, word) in enumerate(sent.tokens):     # _pronoun_form of each token, the cached word test first
            if k not in hits:
                form = _word_pronoun_form(word)
                if form and text[e - 1:e] != "ة":
                    hits[k] = form[0]
        got = sent.cache["count_role_hits"] = sorted(hits.items())
    return list(got)


def _joined(sent, quants, i: int, role: str, roles_at: dict) -> bool:
    """Two role words joined by و share the number after them ("مقتل وإصابة 16 شخصا", "قتلى وجرحى")."""
    other = roles_at.get(i + 1)
    if not other or other == role or not sent.tokens[i + 1][2].startswith("و"):
        return False
    if _pronoun_count(sent, i, role) is not None:
        return False     # "لقوا مصرعهم وأصيب 9": the first role word's clause is closed
    return _number_before(sent, quants, i) is None and _number_after(sent, quants, i + 1) is not None


def _another_group(sent, quants, i: int) -> int | None:
    """The number of a role word that opens a clause of another group ("فيما قتل اثنان من المهاجمين")."""
    lo = sent.tokens[max(0, i - 2)][0]
    joined = matcher("counts", "joiners").find(sent.folded, lo, sent.tokens[i][0])
    if not joined or any(s >= joined[0].start for s, _, _ in sent.places):
        return None                      # "كما استشهد مدني آخر في بلدة X": another incident
    n = _number_after(sent, quants, i)
    return n if isinstance(n, int) else None


def find_counts(sent, quants) -> dict[str, int | None]:
    out: dict[str, int | None] = {"fatalities": None, "injured": None, "arrested": None}
    done = set()
    hits = _role_hits(sent)
    roles_at = dict(hits)
    n: int | str | None
    for i, role in hits:
        if role in done:
            extra = _another_group(sent, quants, i) if role == "fatalities" and out[role] is not None else None
            out[role] = out[role] + extra if extra else out[role]
            continue
        n = _subject_before(sent, quants, i) if _plural_verb(sent, i) else None   # "إن 11 مدنيا بينهم أطفال قتلوا"
        if n is None and _dual_verb(sent, i):
            n = 2 if _subject_before(sent, quants, i) == 2 else None   # "إن عنصرين من قسد قتلا بانفجار عبوة"
        if n is None and _joined(sent, quants, i, role, roles_at):
            done |= {role, roles_at[i + 1]}      # "مقتل وإصابة 16": one figure for both, neither known
            continue
        if n is None:
            n = _pronoun_count(sent, i, role)
        if n is None:
            n = _counted_noun(sent, quants, i)
        if n is None:
            n = _number_after(sent, quants, i)
        if n is None or n == "back":
            n = _number_before(sent, quants, i, BACK if n == "back" else 3) or ("vague" if n == "back" else None)
        if n == "vague":
            done.add(role)
        elif n is not None:
            out[role] = n
            done.add(role)
    return out
