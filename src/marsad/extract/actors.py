"""Actors in their roles: actor1 does it, actor2 receives it."""
from __future__ import annotations

from datetime import date

from functools import lru_cache

from marsad.extract.mentions import numbers
from marsad.lexicon import fold_entry, load, matcher
from marsad.extract.protests import PROTEST_KINDS, protest_actors

TRANSITION = date(2024, 12, 8)
GOVERNMENT = {"syrian_regime_forces", "syrian_government_forces", "syrian_state", "iraqi_security_forces", "pmf",
              "peshmerga", "turkish_forces", "russian_forces", "lebanese_forces", "jordanian_forces"}
ARMED_ORDER = ("islamic_state", "al_qaeda", "hts", "unidentified_armed_group")
NON_STATE_ARMED = frozenset(ARMED_ORDER)


UNLISTED = "unlisted_force"   # a state force the spec's list does not name (Israel's): it holds a role, written as null


def listed(actor: str | None) -> str | None:
    """The actor as the spec writes it: a force the list does not name is null."""
    return None if actor == UNLISTED else actor


def resolve_syrian(actor: str | None, when: date | None) -> str | None:
    """The Syrian army/forces before 2024-12-08 are the regime's, after it the new government's."""
    if actor != "syrian_state":
        return actor
    return "syrian_government_forces" if when and when >= TRANSITION else "syrian_regime_forces"


HOME = {"syrian_state": "SY", "syrian_regime_forces": "SY", "syrian_government_forces": "SY",
        "iraqi_security_forces": "IQ"}


def abroad(sent, actor: str | None, context_place) -> str | None:
    """A force named only by a generic phrase ("القوات الحكومية", "قوات الأمن") in a sentence whose places lie in
    another country is that country's force, which the actor list does not name: null (spec: "the Libyan army ...
    is null"). The places of the sentence decide, else the report's place so far."""
    if actor not in HOME:
        return actor
    countries = {p.country for _, _, p in sent.places if p.country}
    if not countries and context_place is not None and getattr(context_place, "country", None):
        countries = {context_place.country}
    if not countries or HOME[actor] in countries:
        return actor
    spans = [a for a in sent.actors if a.value["id"] == actor or HOME.get(a.value["id"]) == HOME[actor]]
    generic = {h.start for h in matcher("cues", "generic_forces").find(sent.folded)}
    return None if spans and all(a.start in generic for a in spans) else actor


NORTH_EAST = frozenset({"Al-Hasakah", "Raqqa", "Deir ez-Zor", "Aleppo"})   # where the Asayish police
_BARE_INTERNAL = fold_entry("قوى الأمن الداخلي")


def internal_security(sent, actor: str | None, context_place, when: date | None) -> str | None:
    """"قوى الأمن الداخلي" bare is the Asayish only in north-east Syria: in Lebanon it is Lebanon's Internal Security
    Forces, elsewhere in Syria after 2024-12-08 the new government's police, in another country a force the list
    does not name. The places of the sentence decide, else the report's place so far; a sentence that also names
    the Asayish another way ("الأسايش"، "لشمال وشرق سوريا") keeps them (actor.internal_security_place)."""
    if actor != "asayish":
        return actor
    spans = [a for a in sent.actors if a.value["id"] == "asayish"]
    if not spans or any(not sent.folded[a.start:a.end].endswith(_BARE_INTERNAL) for a in spans):
        return actor
    places = [p for _, _, p in sent.places if p.country]
    if not places and context_place is not None and getattr(context_place, "country", None):
        places = [context_place]
    countries = {p.country for p in places}
    if not countries or "IQ" in countries:
        return actor
    if countries == {"LB"}:
        return "lebanese_forces"
    if "SY" not in countries:
        return UNLISTED
    if countries == {"SY"} and when and when >= TRANSITION and all(p.admin1 not in NORTH_EAST for p in places):
        return "syrian_government_forces"
    return actor


def _partners(sent) -> set:
    """Starts of the state forces named right after a cue of taking part ("بمشاركة قسد"), when a force leads before them."""
    out = set()
    for c in matcher("cues", "partner").find(sent.folded):
        lead = any(p.end <= c.start and p.value["side"] == "state" for p in sent.actors)
        out |= {p.start for p in sent.actors if lead and c.end <= p.start <= c.end + 1}
    return out


@lru_cache(maxsize=1)
def _speakers() -> tuple[str, ...]:
    return tuple(fold_entry(w) for w in load("cues")["speakers"])


def speaks(sent, p) -> bool:
    """The actor at p is named as who speaks for the report ("المتحدث باسم قيادة العمليات", "مصدر في وزارة
    الداخلية", "مسؤولون بوزارة الداخلية"): a source, not a party (actor.source)."""
    before = sent.folded[max(0, p.start - 40):p.start]
    return before.rstrip().endswith(_speakers()) and (before.endswith(" ") or before.endswith(("ب", "ل")))


def _sides(sent, trigger_pos: int):
    """(state actors, armed actors, civilians?) ordered by distance from the trigger; a force that only takes
    part ("بمشاركة ...") comes after the force that leads."""
    state, armed, civ = [], [], False
    partners = _partners(sent)
    for p in sorted(sent.actors, key=lambda a: (a.start in partners, abs(a.start - trigger_pos))):
        side, aid = p.value["side"], p.value["id"]
        if side != "civilian" and speaks(sent, p):
            continue
        if side == "state" and civ_count(sent) and among(sent, p.start):
            civ = True          # "5 مدنيين بينهم منتسبون في الحشد": civilians were hit, some of them members of a force
            continue
        if side == "civilian":
            civ = True
        elif side == "armed":
            armed.append(aid)
        elif aid not in state:
            state.append(aid)
    armed.sort(key=ARMED_ORDER.index)
    return state, armed, civ


def _state_initiates(sent, state: list, armed: list) -> bool:
    if not state or not armed:
        return bool(state)
    cues = matcher("cues", "state_initiative").find(sent.folded)
    return bool(cues)


def assign(sent, trig, kind: str) -> tuple[str | None, str | None]:
    state, armed, civ = _sides(sent, trig.start)
    s0, a0 = (state[0] if state else None), (armed[0] if armed else None)
    victim = "civilians" if civ else None
    if kind in PROTEST_KINDS:
        return protest_actors(kind, s0, a0)
    if kind == "massacre":
        return a0 or s0, "civilians"     # "ارتكبت قوات النظام مجزرة بحق المدنيين": whoever is named did it
    if kind == "sexual":
        return a0 or s0, "civilians"     # sexual violence is against civilians
    if kind in ("base", "agreement", "handover", "withdrawal"):
        first = s0 or a0                 # the force that builds a base, signs, hands over or withdraws: the one named
        return first, next((x for x in state + armed if x != first), None)
    if kind in ("looting", "group_change"):
        return a0 or s0, None
    if kind in ("execution", "shooting", "abduction"):
        victim_state = s0 if s0 and not civ and (_after(sent, s0, trig.start) or casualty_force(sent, a0) == s0) else None
        return a0, victim_state or "civilians"
    if kind in ("arrest", "raid", "disrupted", "transfer"):
        if kind == "disrupted" and a0 and not s0 and matcher("cues", "accident").find(sent.folded):
            return a0, None       # "انفجر حزام ناسف بالخطأ": the group's own accident
        return s0, a0 or victim
    if kind in ("airstrike",):
        return (s0 if s0 else None), a0 or victim
    if kind == "gov_regains" or kind == "nsa_takes":
        subj = _subject(sent, trig)      # "سيطر تنظيم داعش على ...": the verb's subject takes it
        if subj:
            return subj, next((x for x in state + armed if x != subj), None)
        loser = _taken_from(sent, trig)  # "انتزع مقاتلو الفصائل السيطرة على البلدة من قوات النظام"
        if loser:
            return next((x for x in state + armed if x != loser), None), loser
        return s0 or a0, (a0 if s0 else s0)
    if kind == "shelling":
        if s0 and (not a0 or _state_initiates(sent, state, armed)):
            return s0, victim or a0
        return a0, victim or s0
    if kind in ("clash", "attack", "kill") and s0 and a0 and _state_initiates(sent, state, armed) \
            and _state_first(sent, s0, a0):
        return s0, a0
    if s0 and victim and _only_agent(sent, s0):
        return a0, victim     # "فجرا نفسيهما أثناء ملاحقتهما من قبل القوات الأمنية ما أدى إلى مقتل مدنيين"
    return a0, (s0 or victim)


AGENT_MARKS = frozenset({"قبل", "يد", "ايدي"})     # "من قبل X"، "على يد X"، "على أيدي X": X did it


def _only_agent(sent, aid: str) -> bool:
    """Every mention of the state force is a passive agent ("من قبل القوات الأمنية"، "على يد الشرطة"): it acted,
    it was not hit (actor.passive_agent)."""
    marks = [p for p in sent.actors if p.value["id"] == aid]
    for p in marks:
        k = sent.tok_index(p.start)
        if not (k >= 2 and sent.tokens[k - 1][2] in AGENT_MARKS and sent.tokens[k - 2][2] in ("من", "علي")):
            return False
    return bool(marks)


FROM_WORDS = ("من", "منه", "منها")


def _taken_from(sent, trig) -> str | None:
    """The force a territory is taken from: named right after "من" later in the sentence (actor.taken_from)."""
    for p in sorted(sent.actors, key=lambda a: a.start):
        if p.start < trig.end or p.value["side"] not in ("state", "armed"):
            continue
        k = sent.tok_index(p.start)
        for gap in range(GRIP_GAP + 1):     # "من قوات النظام"، "من قبضة حركة الشباب"، "من سيطرة مسلحي داعش"
            if k - gap - 1 >= 0 and sent.tokens[k - gap - 1][2] in FROM_WORDS \
                    and all(t[2] in GRIP_WORDS for t in sent.tokens[k - gap:k]):
                return p.value["id"]
    return None


GRIP_GAP = 2     # words between "من" and the force: its grip or control, its fighters
GRIP_WORDS = frozenset({"قبضه", "سيطره", "ايدي", "يد", "براثن", "مسلحي", "عناصر", "مقاتلي"})


@lru_cache(maxsize=1)
def _noun_leads() -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["noun_leads"])


SUBJECT_GAP = 1   # tokens between a verb and the actor that is its subject


def _subject(sent, trig) -> str | None:
    """The actor named right after the trigger verb (Arabic verb-subject order), else None."""
    i, j = sent.tok_index(trig.start), sent.tok_index(max(trig.start, trig.end - 1)) + 1
    lead = sent.tokens[i - 1][2] if i else ""
    if j >= len(sent.tokens) or sent.tokens[i][2].startswith(("ال", "وال", "بال")) or lead in _noun_leads():
        return None     # a verbal noun ("القضاء على داعش", "بعد طرد عناصر داعش") is followed by its object
    hi = sent.tokens[min(j + SUBJECT_GAP, len(sent.tokens) - 1)][1]
    for p in sorted(sent.actors, key=lambda a: a.start):
        if trig.end <= p.start < hi and p.value["side"] in ("state", "armed"):
            return p.value["id"]
    return None


CASUALTY_WINDOW = 5   # tokens after a killed/injured word where the force its dead belong to is named


def casualty_force(sent, a1: str | None) -> str | None:
    """The force whose members were killed or injured ("قتل عنصران من قوات سوريا الديمقراطية بقصف ..."): a
    state actor named within CASUALTY_WINDOW tokens after a killed/injured word, other than the actor."""
    for r in matcher("counts", "roles").find(sent.folded):
        if r.value == "arrested":
            continue
        i = sent.tok_index(r.start)
        hi = sent.tokens[min(i + CASUALTY_WINDOW, len(sent.tokens) - 1)][1]
        for p in sent.actors:
            if r.end <= p.start < hi and p.value["side"] == "state" and p.value["id"] != a1 and not among(sent, p.start):
                return p.value["id"]
    return None


AMONG_GAP = 3     # tokens before a force's name where "بينهم" puts it among the persons counted


def among(sent, pos: int) -> bool:
    """The word at pos is named among the persons just counted ("5 مدنيين بينهم منتسبون في الحشد"، "مقتل سبعة
    أشخاص بينهم شرطي"): the victims are the persons, the force's members are some of them (actor.among_persons)."""
    i = sent.tok_index(pos)
    return any(w in AMONG_WORDS for w in sent.words(i - AMONG_GAP, i))


def civ_count(sent, *pub) -> bool:
    """The sentence counts civilians or persons ("5 مدنيين"، "سبعة أشخاص"); `pub`: the publication date numbers()
    reads dates with (the sentence's own by default)."""
    persons = _person_words()
    return any(q.lemma and fold_entry(q.lemma) in persons for q in numbers(sent, *pub))


@lru_cache(maxsize=1)
def _person_words() -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["toll_persons"])


AMONG_WORDS = frozenset({"بينهم", "وبينهم", "بينهما", "منهم", "ومنهم", "بينهن"})


TARGET_KINDS = ("arrest", "raid", "gov_regains", "nsa_takes", "airstrike")   # a state force acts on the armed group


def report_sides(sents) -> tuple[str | None, str | None]:
    """The report's most-named state force and non-state armed group (first named wins a tie)."""
    counts: dict[str, list] = {}
    for n, sent in enumerate(sents):
        for p in sent.actors:
            side, aid = p.value["side"], p.value["id"]
            if side in ("state", "armed") and aid != "unidentified_armed_group":
                c = counts.setdefault(aid, [side, 0, n])
                c[1] += 1
    best = {}
    for aid, (side, _count, _first) in sorted(counts.items(), key=lambda x: (-x[1][1], x[1][2])):
        best.setdefault(side, aid)
    return best.get("state"), best.get("armed")


def fill_from_report(d, state: str | None, armed: str | None) -> None:
    """An operation of a state force whose actors the sentence leaves out takes them from the report: the
    force it names most ("قوة من الجهاز" of a report on the CTS) and the group it names most (the arrested).
    Not a Syrian or Iraqi force for an event placed in another country (actor.abroad)."""
    country = getattr(d.place, "country", None)
    if state in HOME and country and country != HOME[state]:
        state = None
    if d.actor1 is None and d.trig.agent == "state" and state and state != d.actor2:
        d.actor1 = state
        d.add_rule("actor.report_force")
    if d.actor2 is None and d.kind in TARGET_KINDS and is_state(d.actor1) and armed and armed != d.actor1:
        d.actor2 = armed
        d.add_rule("actor.report_group")


def is_state(actor: str | None) -> bool:
    return actor is not None and actor not in NON_STATE_ARMED and actor != "civilians"


def _after(sent, actor: str, pos: int) -> bool:
    """The actor is mentioned after the trigger (the object: "أعدم داعش جنديا من الجيش")."""
    return any(p.value["id"] == actor and p.start > pos for p in sent.actors)


def _state_first(sent, s0: str, a0: str) -> bool:
    pos = {}
    for p in sent.actors:
        pos.setdefault(p.value["id"], p.start)
    return pos.get(s0, 10**9) < pos.get(a0, 10**9)


def is_government(actor: str | None) -> bool:
    return actor in GOVERNMENT
