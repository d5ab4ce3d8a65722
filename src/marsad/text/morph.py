"""Arabic morphology for lexicon matching: proclitics, the article, and the inflections of an entry.

Lexicon entries are written once, in their base form (a verb in the past third person masculine singular, a
noun in the singular); `inflect` expands them to the surface forms news text uses, all in folded spelling
(marsad.text.normalize: no diacritics, alef variants as ا, ة as ه, ى as ي):

- a verb: the past stem takes any suffix (قصف -> قصفت، قصفوا، قصفها); the present prefixes ي ت ن with the
  stem's initial alef dropped (انفجر -> ينفجر، تنفجر؛ استهدف -> يستهدف؛ أطلق -> يطلق) and any suffix; a form III
  verb also its verbal noun (هاجم -> مهاجمة).
  Passive forms that only differ by vowels fold to the same letters; a hollow passive (اغتيل) is its own entry.
- a masculine noun phrase (صاروخ، تفجير انتحاري): the indefinite accusative (صاروخا، تفجيرا انتحاريا) and the dual
  in both cases (تفجيران انتحاريان، تفجيرين انتحاريين).
- a feminine noun phrase (ضربة جوية, غارة): the sound plural (ضربات جوية: an inanimate plural keeps the
  feminine singular adjective) and the dual in both cases (ضربتان جويتان، ضربتين جويتين); a phrase of
  several words also in its definite forms (العبوات الناسفة).
"""
from __future__ import annotations

from functools import lru_cache

# Proclitics that may precede a lexicon word: a conjunction, then a preposition, then the article.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
LAM_ARTICLE = "لل"          # ل + ال
PROCLITIC_PATTERN = r"(?<![\w])(?:[وف])?(?:[بلك]|لل)?(?:ال)?"   # the regex form of the three slots above



def proclitic_runs(article: bool | None = None) -> tuple[str, ...]:
    """Every run of proclitics a word may open with (a conjunction, then a preposition, then the article; ل + ال is
    written لل), longest first: article=True the runs that end in the article (a definite word: ال، وال، بال، لل،
    وبال ...), article=False the runs without it (و، ب، وب، فل ...), None both. Runs of one length exclude each other
    (a word opens with at most one of them), so a first-match scan of this order takes the longest run."""
    out = []
    for c in ("",) + CONJUNCTIONS:
        for p in ("",) + PREPOSITIONS:
            for a in ("", ARTICLE):
                if article is not None and bool(a) != article:
                    continue
                run = c + (LAM_ARTICLE if p == "ل" and a else p + a)
                if run:
                    out.append(run)
    return tuple(sorted(out, key=len, reverse=True))


DEFINITE_RUNS = proclitic_runs(article=True)      # ال وال بال لل كال وبال ولل ... : a definite word opens with one
BARE_RUNS = proclitic_runs(article=False)         # و ف ب ل ك وب ول فب ...: proclitics without the article

_RUNS_LONGEST = tuple(sorted(DEFINITE_RUNS + BARE_RUNS, key=len, reverse=True))


@lru_cache(maxsize=1 << 14)     # a pure function of the word, asked for the same words again and again
def strip_proclitics(word: str, keep: int = 3) -> str:
    """A folded word without its longest proclitic run (conjunction, preposition, article), keeping at least
    `keep` letters: "بالطائرات" -> "طائرات", "لهذا" -> "هذا", "بلد" stays."""
    run = next((r for r in _RUNS_LONGEST if word.startswith(r) and len(word) - len(r) >= keep), "")
    return word[len(run):]


PRESENT_PREFIXES = ("ي", "ت", "ن")
TA_MARBUTA = "ه"            # folded ة


def present_stem(past: str) -> str:
    """The present stem of a past-tense verb: forms VII, VIII, X and IV drop their initial alef."""
    return past[1:] if past.startswith("ا") and len(past) > 3 else past


def verb_forms(past: str) -> list[str]:
    """Stems (to be matched with any suffix) of a verb given in the past tense: past and present."""
    stem = present_stem(past)
    return [past] + [p + stem for p in PRESENT_PREFIXES]


def verbal_noun(past: str) -> str | None:
    """The verbal noun of a form III verb (فاعل -> مفاعلة, folded: هاجم -> مهاجمه، داهم -> مداهمه), else None:
    the other forms' verbal nouns are entries of their own (تفجير، اغتيال، إطلاق)."""
    return "م" + past + TA_MARBUTA if len(past) == 4 and past[1] == "ا" else None


def _plural_word(word: str) -> str:
    return word[:-1] + "ات" if word.endswith(TA_MARBUTA) else word


def _dual_word(word: str, ending: str) -> str:
    if word.endswith(TA_MARBUTA):
        return word[:-1] + "ت" + ending
    return word + ending


# a masculine head ending in one of these takes no accusative alif (اعتداءً) and no plain dual ending
NO_ALIF_ENDINGS = ("ء", "ا", "ي", "و", "ئ")


def masculine_forms(phrase: str) -> list[str]:
    """The indefinite accusative and the dual in both cases of a masculine noun phrase (head noun first,
    adjectives after, each inflected alike): صاروخ -> صاروخا، صاروخان، صاروخين؛ تفجير انتحاري -> تفجيرا انتحاريا،
    تفجيران انتحاريان، تفجيرين انتحاريين."""
    words = phrase.split()
    if not words or words[0].endswith(TA_MARBUTA) or words[0].endswith(NO_ALIF_ENDINGS) or len(words[0]) < 3:
        return []
    if any(w.endswith(TA_MARBUTA) or w.startswith(ARTICLE) for w in words[1:]):
        return []        # a construct ("مخلفات الحرب") or a feminine adjective: not a masculine phrase
    return [" ".join(w + e for w in words) for e in ("ا", "ان", "ين")]


def noun_forms(phrase: str) -> list[str]:
    """Plural and dual forms of a feminine noun phrase (head noun first, adjectives after); the accusative and
    dual forms of a masculine one (masculine_forms)."""
    words = phrase.split()
    if words and not words[0].endswith(TA_MARBUTA):
        return masculine_forms(phrase)
    if not words:
        return []
    head, rest = words[0], words[1:]
    plural = " ".join([_plural_word(head)] + rest)
    duals = [" ".join([_dual_word(head, e)] + [_dual_word(w, e) if w.endswith(TA_MARBUTA) else w for w in rest])
             for e in ("ان", "ين")]
    return [plural] + duals


def definite(phrase: str) -> str | None:
    """The definite form of a noun phrase, the article on every word but the first (the matcher's proclitic slot
    takes the first one's): "عبوات ناسفه" -> "عبوات الناسفه", matching "العبوات الناسفه"."""
    words = phrase.split()
    if len(words) < 2:
        return None
    return " ".join(words[:1] + [w if w.startswith(ARTICLE) else ARTICLE + w for w in words[1:]])


def inflect(folded: str, verb: bool = False, noun: bool = False) -> list[tuple[str, bool]]:
    """(form, matches with any suffix) for one folded lexicon entry, the entry itself first."""
    out: list[tuple[str, bool]] = []
    if verb:
        out += [(f, True) for f in verb_forms(folded)]
        masdar = verbal_noun(folded)
        if masdar:
            out.append((masdar, False))
    if noun:
        forms = [folded] + noun_forms(folded)
        out += [(f, False) for f in forms[1:]]
        out += [(d, False) for d in (definite(f) for f in forms) if d]
    return out
