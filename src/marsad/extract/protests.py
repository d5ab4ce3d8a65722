"""Protests and riots: a crowd's action typed by what happened to it and what it did.

ACLED codes a demonstration by its outcome: peaceful; met by a force that intervenes (dispersal, tear gas);
met with lethal force (live fire, grenades, a toll); or violent itself (storming, arson, stone-throwing,
clashes with the police, a prison riot). The trigger lexicon marks protest words (kind "protest") and riot
words (kind "riot"); this module decides the sentence's kind when a protest word is present.
"""
from __future__ import annotations


from marsad.extract.triggers import Trigger, retype, tag
from marsad.text.morph import DEFINITE_RUNS, PREPOSITIONS, strip_proclitics
from marsad.lexicon import folded_words, matcher

PROTEST_KINDS = ("protest", "protest_force", "protest_intervention", "riot")
VIOLENT_ON_CROWD = ("shooting", "attack", "grenade", "kill", "clash", "execution", "massacre", "shelling", "ied")
FORCE_WINDOW = 80     # characters between a protest word and a force acting on it


def protest_kind(sent, trigs: list[Trigger]) -> Trigger | None:
    """The sentence's kind when it tells a protest or a riot; None to let the other kinds decide."""
    riots = [t for t in trigs if t.kind == "riot"]
    if riots:
        return tag(riots[0], "protest.riot_word")
    crowd = [t for t in trigs if t.kind == "protest" and not _reference(sent, t)]
    if not crowd:
        named = [t for t in trigs if t.kind == "protest"]
        if named and _crowd_acts(sent):
            return retype(named[0], "riot", "protest.riot_acts")   # "اقتحم عدد من المتظاهرين مبنى المحافظة"
        if named and _storming(sent):
            return retype(named[0], "riot", "protest.storming_noun")   # "اقتحام القنصلية من قبل المتظاهرين"
        return None
    first = crowd[0]
    violent = [t for t in trigs if t.kind in VIOLENT_ON_CROWD and not _denounced(sent, t)]
    if _riot_acts(sent) or any(t.kind == "clash" and (_crowd_after(sent, t, crowd) or _confronts(sent, t))
                               for t in violent):
        return retype(first, "riot", "protest.riot_acts")
    if _storming(sent):
        return retype(first, "riot", "protest.storming_noun")
    force = _force_near(sent, crowd) or any(_near(t, crowd) for t in violent)
    if not force and all(t.key in _persons() for t in crowd):
        if _blockade(sent):
            return tag(first, "protest.blockade")   # "أغلق متظاهرون ثلاثة جسور وسط المدينة"
        if any(_gathering(sent, t) for t in crowd):
            return tag(first, "protest.gathering")  # "خرج آلاف المتظاهرين في ساحة الحبوبي"
        return None       # "وقوف القيادة مع المتظاهرين": the people named, no protest told
    if force:
        lethal = _lethal_weapon(sent) or _toll(sent) \
            or any(t.kind in ("kill", "grenade") or (t.kind == "shooting" and not _non_lethal(sent, t.end))
                   for t in violent)
        return retype(first, "protest_force" if lethal else "protest_intervention",
                      "protest.lethal_force" if lethal else "protest.intervention")
    if not violent or first.start < min(t.start for t in violent):
        return tag(first, "protest.main")
    return None


NON_LETHAL_WINDOW = 24   # characters after a weapon cue searched for "in the air" or "rubber"
NON_LETHAL = ("في الهواء", "المطاطي", "بالمطاط", "المطاط")


def _lethal_weapon(sent) -> bool:
    """Live fire or explosives used on the crowd, not fire in the air or rubber bullets ("أطلقت الشرطة النار في
    الهواء لتفريق المحتجين", "بالرصاص المطاطي"): those disperse, they are no lethal force."""
    return any(not _non_lethal(sent, h.end) for h in matcher("cues", "lethal_force").find(sent.folded))


def _non_lethal(sent, end: int) -> bool:
    return any(w in sent.folded[end:end + NON_LETHAL_WINDOW] for w in NON_LETHAL)


def _riot_acts(sent) -> bool:
    """A riot act ("رشقوا بالحجارة", "أضرموا النار") outside the name of the riot police ("قوات مكافحة الشغب"),
    or a verb of storming or setting fire whose subject, right after it, is the crowd ("اقتحم عدد من المتظاهرين
    مبنى المحافظة", "أشعل محتجون النيران") (protest.riot_acts)."""
    police = [(h.start, h.end) for h in matcher("cues", "riot_police").find(sent.folded)]
    if any(not any(a <= h.start < b for a, b in police) for h in matcher("cues", "riot_acts").find(sent.folded)):
        return True
    return _crowd_acts(sent)


def _crowd_acts(sent) -> bool:
    return any(_crowd_subject(sent, sent.tok_index(h.start)) for h in matcher("cues", "riot_verbs").find(sent.folded))


STORM_AGENT_GAP = 2   # tokens after a storming noun where a force named as its agent stands ("اقتحام قوات الأمن للساحة")


def _storming(sent) -> bool:
    """The verbal noun of storming in a sentence telling a protest ("حاولوا اقتحام مباني المحافظات", "عملية اقتحام
    قنصلية من قبل المتظاهرين") is the crowd's act, a riot, unless a force is named right after it as the one that
    storms ("اقتحام قوات الأمن لساحة الاعتصام") (protest.storming_noun)."""
    agents = _word_set("storming_agents")
    for h in matcher("cues", "storming_nouns").find(sent.folded):
        i = sent.tok_index(h.start)
        if not any(w in agents or strip_proclitics(w) in agents for w in sent.words(i + 1, i + 1 + STORM_AGENT_GAP)):
            return True
    return False


GATHER_GAP = 4   # tokens before a protest_persons word where the verb of going out or gathering stands


def _gathering(sent, t: Trigger) -> bool:
    """People who go out, gather or sit in ("خرج آلاف المتظاهرين", "تجمع مئات المحتجين أمام مبنى المحافظة"): the
    verb, within GATHER_GAP tokens before the crowd word, makes the people a demonstration (protest.gathering)."""
    i = sent.tok_index(t.start)
    verbs = _word_set("gathering_verbs")
    return any(w in verbs or strip_proclitics(w) in verbs for w in sent.words(max(0, i - GATHER_GAP), i))


BLOCKADE_GAP = 3   # tokens after a verb of cutting or closing where the road or bridge it closes is named


def _blockade(sent) -> bool:
    """Protesters closing roads or bridges ("أقدم متظاهرو المدينة على إغلاق ثلاثة جسور", "قطع المتظاهرين جسور
    الزيتون والنصر"): a verb or noun of cutting or closing with a road word right after it, no force named as its
    subject ("أغلقت قوات الأمن الطرق المؤدية إلى الساحة") (protest.blockade)."""
    agents = _word_set("storming_agents")
    for h in matcher("cues", "blockade_verbs").find(sent.folded):
        i = sent.tok_index(h.start)
        if any(strip_proclitics(w) in agents for w in sent.words(i + 1, i + 3)):
            continue
        hi = sent.tokens[min(i + BLOCKADE_GAP, len(sent.tokens) - 1)][1]
        if matcher("cues", "blockade_ways").find(sent.folded, h.end, hi):
            return True
    return False


CROWD_SUBJECT_GAP = 4   # tokens after a riot verb where its subject, the crowd, is named ("اقتحم عدد من المتظاهرين")


def _crowd_subject(sent, i: int) -> bool:
    persons = _persons()
    return any(w in persons or strip_proclitics(w) in persons for w in sent.words(i + 1, i + 1 + CROWD_SUBJECT_GAP))


CONFRONTATION = "مواجهات"


def _confronts(sent, t: Trigger) -> bool:
    return sent.folded[t.start:t.end].endswith(CONFRONTATION)


def confrontation(sent, trigs: list[Trigger]) -> Trigger | None:
    """"مواجهات" (confrontations; armed fighting is "اشتباكات") between people and a force ("خلال مواجهات بين
    شبان وقوات الأمن"), with no armed group named: a violent demonstration (protest.confrontation)."""
    if any(a.value["side"] == "armed" for a in sent.actors):
        return None
    for t in trigs:
        if t.kind == "clash" and _confronts(sent, t) \
                and any(tok[2] in _word_set("confront_crowd") for tok in sent.tokens):
            return retype(t, "riot", "protest.confrontation")
    return None


CLASH_CROWD = 4      # tokens after a clash word where the crowd it is fought with is named ("مواجهات بين متظاهرين")
REFERENCE_PREPS = tuple(r for r in DEFINITE_RUNS if r.lstrip("وف")[:1] in PREPOSITIONS)   # بال لل كال وبال ...
REFERENCE_WORDS = frozenset({"في", "على", "عن", "ضد", "من", "خلال", "بعد", "قبل", "اثر", "عقب", "امتداد"})


def _persons() -> frozenset:
    return _word_set("protest_persons")


def _word_set(section: str) -> frozenset:
    return folded_words("cues", section)


def _reference(sent, t: Trigger) -> bool:
    """A definite protest noun governed by a preposition ("داعمين للمظاهرات", "شارك في الاحتجاجات", "بعد
    المظاهرات") refers to protests known to the reader; it does not report one."""
    i = sent.tok_index(t.start)
    word = sent.tokens[i][2]
    if word.startswith(REFERENCE_PREPS):
        return True
    return word.startswith(("ال", "وال")) and i > 0 and sent.tokens[i - 1][2] in REFERENCE_WORDS


def _crowd_after(sent, t: Trigger, crowd: list[Trigger]) -> bool:
    i = sent.tok_index(t.start)
    hi = sent.tokens[min(i + CLASH_CROWD, len(sent.tokens) - 1)][1]
    return any(t.end <= c.start < hi for c in crowd)


def _denounced(sent, t: Trigger) -> bool:
    """The violent word is what the protest denounces ("منددين بالقصف الأميركي"): within three tokens after a
    cue of the protest's object."""
    i = sent.tok_index(t.start)
    lo = sent.tokens[max(0, i - 3)][0]
    return bool(matcher("cues", "protest_object").find(sent.folded, lo, t.start))


def _near(t: Trigger, crowd: list[Trigger]) -> bool:
    return any(abs(t.start - c.start) <= FORCE_WINDOW for c in crowd)


def _force_near(sent, crowd: list[Trigger]) -> bool:
    return any(any(abs(f.start - c.start) <= FORCE_WINDOW for c in crowd)
               for f in matcher("cues", "protest_force").find(sent.folded))


def _toll(sent) -> bool:
    return any(r.value in ("fatalities", "injured") for r in matcher("counts", "roles").find(sent.folded))


def protest_actors(kind: str, state: str | None, armed: str | None) -> tuple[str | None, str | None]:
    """actor1/actor2 of a protest kind: the crowd acts in a protest or a riot, the force acts on protesters."""
    if kind == "protest":
        return "protesters", None
    if kind == "riot":
        return "rioters", state
    return state or armed, "protesters"
