"""Events from the prepared sentences of one report: kind, place, date, actors, counts; merged per incident."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, timedelta

from marsad.extract import actors as A
from marsad.extract.counts import find_counts
from marsad.extract.mentions import PERIOD_RULES, dates, numbers
from marsad.extract.protests import PROTEST_KINDS, confrontation, protest_kind
from marsad.extract.triggers import (DAY_RULES, EXPLOSIVE_KINDS, SINCE_WORDS, Trigger, _cue_near, _word_list, find_triggers,
                                     retype, tag, toll_update)
from marsad.extract.unresolved import NEAR as UNRESOLVED_NEAR, UnresolvedPlace, unresolved_places
from marsad.text.dates import weekday_numbers
from marsad.text.morph import DEFINITE_RUNS, strip_proclitics
from marsad.lexicon import fold_entry, load, matcher

REF_DAY = date(2000, 1, 1)   # resolves relative dates for comparing two mentions when the report has no date
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هذي"}
MAX_INCIDENT_COUNT = 1000
TERRITORY = ("gov_regains", "nsa_takes", "withdrawal")   # a change of territory names the territory after its trigger
CROWD_WINDOW = 3    # tokens after a trigger where a vague crowd ("المئات من المقاتلين") is its object
OPERATIONS = ("arrest", "raid", "disrupted")   # an operation against the authors of an incident named by its noun
COMBAT = ("clash", "attack", "kill")   # a change of territory told with its fighting is the change of territory
LIST_KINDS = {"shelling", "gov_regains", "nsa_takes", "withdrawal", "arrest", "raid", "attack", "clash", "airstrike", "protest",
              "protest_intervention", "protest_force", "riot"}


@dataclass
class Draft:
    kind: str
    trig: Trigger
    sents: list            # indices of sentences
    place: object | None
    own_place: bool
    date_start: date | None
    date_end: date | None
    dated: bool
    actor1: str | None
    actor2: str | None
    counts: dict = field(default_factory=dict)
    headline: bool = False
    when: tuple | None = None      # (first, last, from_ref) days for conflict checks; from_ref: counted from REF_DAY (no publication date)
    anaphoric: bool = False        # the trigger refers back to an incident told before ("الهجوم", "هذا التفجير")
    background: bool = False       # a recalled event ("وكان التنظيم قد ...")
    shift: bool = False            # the sentence opens another topic ("من جهة أخرى")
    bullet: bool = False           # told as an item of a list: items are distinct incidents
    pointed: bool = False          # the trigger follows a demonstrative ("هذا الاستهداف"): it points back, never new
    also: bool = False             # "كما هاجمت ...": the sentence adds another incident
    fronted: bool = False          # "وفي قرية X، ...": the sentence opens with its own place, a roundup's next item
    beside: bool = False           # "وتزامن الهجومان مع انفجار ...": the incident happened beside the one told before
    timed: bool = False            # "وصباح اليوم استهدف ...": the sentence opens with its own time, a roundup's next item
    bombard: bool = False          # told only as "قصف" (no artillery, rocket or aircraft word): the kind of the report's strike
    assault: bool = False          # an attack on a base, a prison or a post: a blast that opens it keeps it a battle
    suspects: bool = False         # an arrest of those suspected of an incident ("القبض على شخصين متورطين بالتفجير")
    on_force: bool = False         # a battle whose sentence names the force or post struck: civilians told later do not retype it
    last: int = -1                 # the last sentence that told it again (evidence keeps only adjacent ones)
    rules: list = field(default_factory=list)   # ids of the rules that made it (lexicon/data/rules.json)

    def add_rule(self, rule: str) -> None:
        if rule not in self.rules:
            self.rules.append(rule)


THROW_WINDOW = 3    # tokens around "قنبلة" searched for a verb of throwing
BOMB = fold_entry("قنبلة")    # with any proclitics ("بقنبلة", "والقنبلة"): the bare bomb


def _bare_bomb(sent, t: Trigger) -> bool:
    """"قنبلة" alone (not "قنبلة يدوية") with no verb of throwing beside it ("ألقى قنبلة", "قنبلة ألقاها"):
    a bomb that was set off or planted, which ACLED codes as a remote explosive, not a grenade."""
    if strip_proclitics(sent.folded[t.start:t.end].split()[-1]) != BOMB:
        return False
    i = sent.tok_index(t.start)
    return not _cue_near(sent, "throw_verbs", i - THROW_WINDOW, i + 1 + THROW_WINDOW)


def choose_kind(sent, trigs: list[Trigger]) -> Trigger | None:
    """The sentence's event kind: highest priority, with the raid/kill/attack rules of the spec."""
    if not trigs:
        return None
    crowd = protest_kind(sent, trigs) or confrontation(sent, trigs)
    if crowd is not None:
        return crowd
    trigs = [t for t in trigs if t.kind != "protest"]     # a protest word the rules above left to the other kinds
    if not trigs:
        return None
    kinds = {t.kind for t in trigs}
    best = max(trigs, key=lambda t: t.prio)
    if best.kind == "attack":
        op = next((t for t in trigs if t.kind == "raid" and _operation_aims(sent, t, best)), None)
        if op is not None:
            best = tag(op, "kind.operation_target")   # "أطلقت قسد عملية أمنية استهدفت خلايا داعش": the operation
    if best.kind == "grenade" and _bare_bomb(sent, best):
        best = retype(best, "ied", "kind.bomb_not_thrown")   # "انفجار قنبلة استهدفت دورية": a bomb, not a grenade
        kinds = {t.kind for t in trigs} | {"ied"}
    if best.kind == "ied" and all(_bare_blast(t) for t in trigs if t.kind in ("ied", "suicide")):
        cause = [t for t in trigs if t.kind in ("airstrike", "shelling")]
        if cause:
            best = tag(max(cause, key=lambda t: t.prio), "kind.blast_of_strike")   # "انفجارات هزت المدينة نتيجة قصف جوي"
    clash = next((t for t in trigs if t.kind == "clash" and t.start < best.start
                  and strip_proclitics(sent.tokens[sent.tok_index(t.start)][2]).startswith("اشتباك")), None)
    if best.kind == "shelling" and clash is not None:
        best = tag(clash, "kind.clash_over_weapons")   # "اندلعت اشتباكات بالأسلحة الرشاشة والقذائف": a battle
    if best.kind in ("ied", "suicide") and any(_fighting(sent, t) for t in trigs) \
            and not any(a.value["id"] == "civilians" for a in sent.actors):
        best = retype(best, "clash", "kind.assault_with_explosives")   # "هجوم بتفجير مفخخات أعقبه اشتباكات"
    if best.kind == "disrupted" and ("kill" in kinds or any(_fighting(sent, t) for t in trigs)) \
            and matcher("cues", "foil_verbs").find(sent.folded):
        best = retype(best, "clash", "kind.foiled_with_fighting")   # "أحبطت هجوما انتحاريا وقتلت المهاجمين"
    if best.kind == "shooting" and _cue_near(sent, "exchange", sent.tok_index(best.start) - EXCHANGE_GAP,
                                             sent.tok_index(best.start)):
        best = retype(best, "clash", "type.exchange_of_fire")   # "تبادل الجيش ومسلحو العشائر إطلاق النار"
    shot = next((t for t in trigs if t.kind == "shooting"), None)
    if best.kind == "attack" and shot is not None and not _force_target(sent, shot) \
            and not any(a.value["side"] == "state" for a in sent.actors):
        best = tag(shot, "kind.shooting_over_attack")   # "استهدف مجهولون بالرصاص أحد منسقي الحملة": gunfire at a person
    if best.kind in ("shelling", "attack", "shooting") and _aerial_agent(sent, best):
        best = retype(best, "airstrike", "type.aerial_agent")   # "قصفت الطائرات الحربية الإسرائيلية مواقع"
    if "disrupted" in kinds and best.kind in ("ied", "suicide"):
        best = tag(next(t for t in trigs if t.kind == "disrupted"), "kind.disrupted_over_explosive")
    arrests = [t for t in trigs if t.kind == "arrest" and not matcher("cues", "disrupt_verbs").find(sent.folded, t.start, t.end)]
    if best.kind == "disrupted" and arrests:
        best = tag(max(arrests, key=lambda t: t.prio), "kind.arrest_over_seizure")   # a raid that arrests people and seizes belts ("فككت عبوة" is not one)
    airdrop = next((t for t in trigs if t.kind == "raid" and _airdrop(sent, t)), None)
    if airdrop is not None and best.kind in ("airstrike", "attack", "shooting", "kill"):
        best = tag(airdrop, "kind.airdrop_over_air")     # "نفذت 8 مروحيات عملية إنزال جوي": the aircraft carry a raid
    if best.kind in ("raid", "arrest") and "kill" in kinds and "raid" in kinds:
        best = retype(best, "clash", "kind.raid_with_killing")
    if best.kind == "kill" and not (kinds - {"kill"}):
        return tag(best, "kind.kill_by_perpetrator") if _perpetrator(sent, best) else None
    if best.kind not in OPERATIONS and _definite(sent, best):
        ops = [t for t in trigs if t.kind in OPERATIONS and not _definite(sent, t)]
        best = tag(max(ops, key=lambda t: t.prio), "kind.operation_over_anaphora") if ops else best    # "اعتقلت المشتبه بضلوعهم في التفجير"
    if best.kind in COMBAT and kinds & set(TERRITORY):
        best = tag(max((t for t in trigs if t.kind in TERRITORY), key=lambda t: t.prio), "kind.territory_over_combat")   # "استعادت الموصل بعد معارك"
    return best


OP_TARGET_GAP = 6   # tokens from an operation noun to the verb of targeting that names what it is aimed at


def _operation_aims(sent, op: Trigger, t: Trigger) -> bool:
    """A verb of targeting right after an operation noun ("عملية أمنية استهدفت خلايا تنظيم داعش", "بدء حملة أمنية
    في مدينة الرقة تستهدف ملاحقة المطلوبين") names what the operation is aimed at: the operation is the incident,
    typed by its outcome, not an attack (kind.operation_target). An airdrop keeps its own rule."""
    if _airdrop(sent, op) or op.end > t.start:
        return False
    return sent.tok_index(t.start) - sent.tok_index(max(op.start, op.end - 1)) <= OP_TARGET_GAP


def _bare_blast(t: Trigger) -> bool:
    """An explosion word that names no device ("انفجار", "انفجرت"): the blast of whatever caused it."""
    return t.kind == "ied" and t.key.startswith(("انفجار", "انفجر"))


EXCHANGE_GAP = 6   # tokens from "تبادل" to the gunfire the two sides exchanged
AGENT_GAP = 2   # tokens between a bombardment verb and the aircraft that is its subject (either side)


def _aerial_agent(sent, t: Trigger) -> bool:
    """A bombardment verb whose subject is an aircraft ("قصفت الطائرات الحربية", "الطيران الروسي قصف",
    "مروحيات التحالف قصفت"): the aircraft within AGENT_GAP tokens before or after the verb."""
    i = sent.tok_index(t.start)
    j = sent.tok_index(max(t.start, t.end - 1))
    aircraft = _word_list("aircraft")
    if sent.tokens[i][2].startswith(DEFINITE):
        return _agent_clause(sent, j, aircraft)   # a verbal noun ("القصف") names its subject only in a clause after it
    near = list(range(max(0, i - AGENT_GAP - 1), i)) + list(range(j + 1, min(len(sent.tokens), j + 1 + AGENT_GAP)))
    return any(sent.tokens[k][2] in aircraft or strip_proclitics(sent.tokens[k][2]) in aircraft for k in near)


AGENT_RELATIVES = frozenset({"الذي", "التي"})
AGENT_VERBS = frozenset(fold_entry(w) for w in ("شنه", "شنها", "شنته", "نفذه", "نفذها", "نفذته"))


def _agent_clause(sent, j: int, aircraft) -> bool:
    """A bombardment noun whose relative clause names an aircraft as the one that carried it out ("القصف الذي شنه
    طيران أجنبي", "القصف الجوي الذي شنته الطائرات الحربية الروسية") (type.aerial_agent)."""
    for k in range(j + 1, min(len(sent.tokens) - 2, j + 1 + AGENT_GAP)):
        if sent.tokens[k][2] in AGENT_RELATIVES and sent.tokens[k + 1][2] in AGENT_VERBS:
            w = sent.tokens[k + 2][2]
            return w in aircraft or strip_proclitics(w) in aircraft
    return False


def _airdrop(sent, t: Trigger) -> bool:
    """A raid told as an airdrop (إنزال جوي، أنزلت مروحيات مقاتلين)."""
    span = sent.folded[t.start:t.end]
    return "نزال" in span or "نزل" in span


def _fighting(sent, t: Trigger) -> bool:
    """A clash, or gunfire ("إطلاق نار"), told beside an explosion in a sentence that names no civilians: the
    explosives open or arm an assault on a force, and the incident is a battle (ACLED codes the explosion inside a
    larger armed attack as Armed clash)."""
    return t.kind == "clash" or (t.kind == "shooting" and "نار" in sent.folded[t.start:t.end])


DEFINITE = DEFINITE_RUNS + ("وفي ال",)     # marsad.text.morph: a definite word's proclitics


PERPETRATOR_GAP = 2   # tokens between a killing verb and the armed men who did it
FORCE_SUBJECT_GAP = 8   # tokens from a force that is the subject ("تمكنت قوات ... من قتل") to its killing verb
OPENER_BEFORE = 3       # tokens before the force where the verb opening the killing may stand ("أقدم عناصر التنظيم على")


def _opens_killing(sent, k: int, i: int) -> bool:
    """Between the force (token k) and the killing word (token i) stands a verb that makes the force the killer:
    "تمكنت ... من قتل", "أقدم ... على قتل / بقتل", "نجحت ... في قتل"."""
    openers = _word_list("kill_openers")
    return any(w in openers for w in sent.words(k - OPENER_BEFORE, i))


def _perpetrator(sent, t: Trigger) -> bool:
    """A killing told with who did it ("قتل مسلحون مجهولون مدنيين", "متطرفين قتلوا مختار القرية"): armed men
    right before or after the verb, not named as the victims ("مقتل ثلاثة من عناصر داعش")."""
    i = sent.tok_index(t.start)
    if sent.tokens[i][2].startswith(("ال", "وال", "بال")) or sent.tokens[i][2].startswith(("مقتل", "ومقتل")):
        return False      # a noun ("مقتل", "القتل") tells a toll, not who killed
    lo = sent.tokens[max(0, i - PERPETRATOR_GAP)][0]
    hi = sent.tokens[min(len(sent.tokens) - 1, i + PERPETRATOR_GAP)][1]
    far = sent.tokens[max(0, i - FORCE_SUBJECT_GAP)][0]
    partitive = _partitive()
    for a in sent.actors:
        k = sent.tok_index(a.start)
        if a.value["side"] in ("state", "armed") and far <= a.start < t.start and _opens_killing(sent, k, i):
            return True       # "تمكنت قوات من الشرطة الاتحادية من قتل ثلاثة من عناصر داعش": "من" names a unit
        if k > 0 and sent.tokens[k - 1][2] in partitive:
            continue          # "ثلاثة من عناصر داعش": the dead
        if a.value["side"] == "armed" and lo <= a.start < hi:
            return True
    return any(lo <= c.start < hi for c in matcher("cues", "perpetrators").find(sent.folded, lo, hi))


@lru_cache(maxsize=1)
def _partitive() -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["partitive"])


def _definite(sent, t: Trigger) -> bool:
    """The trigger is a definite incident noun ("التفجير", "بالهجوم"; cues anaphora): an incident told before."""
    a, b, word = sent.tokens[sent.tok_index(t.start)]
    return word.startswith(DEFINITE) and bool(matcher("cues", "anaphora").find(sent.folded, a, b))


def refine(t: Trigger, a1: str | None, a2: str | None) -> Trigger:
    """Sub-types that depend on who acted on whom."""
    if t.kind in ("attack", "kill", "shooting", "execution") and a2 == "civilians" and not A.is_government(a1) \
            and a1 not in ("sdf", "asayish", "international_coalition"):
        return retype(t, "shooting", "type.on_civilians") if t.kind != "execution" else t
    if t.kind == "clash" and a2 == "civilians" and a1 in A.NON_STATE_ARMED:
        return retype(t, "shooting", "type.armed_on_civilians")    # armed men on civilians: not a battle
    if t.kind in ("shooting", "execution") and a2 not in (None, "civilians"):
        return retype(t, "clash", "type.on_armed_side")
    if t.kind == "nsa_takes" and A.is_government(a1):
        return retype(t, "gov_regains", "type.territory_by_government")
    if t.kind == "gov_regains" and a1 and not A.is_government(a1):
        return retype(t, "nsa_takes", "type.territory_by_non_state")
    return t


def _distinct(places: list) -> list:
    """A list's places less those at the point of an earlier one ("العاصمة الأردنية عمان" names Amman once)."""
    seen, out = set(), []
    for p in places:
        key = (p.lat, p.lon) if p.lat is not None else id(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _places(sent, trig: Trigger, kind: str) -> list:
    """The event's own place(s): a coordinated list of localities gives one event each."""
    cands = [(s, e, p) for s, e, p in sent.places if not _inside_actor(sent, s, e) and p.admin1
             and not _distance_ref(sent, s) and not _origin(sent, s)]
    if not cands:
        return []
    parts = [c for c in cands if c[2].entry_id.startswith("country:")]
    if parts and len(parts) < len(cands):
        cands = [c for c in cands if c not in parts]   # "في محافظة ديالى في شرق العراق": where in the country Diyala is
    described = [c for c in cands if _describes_place(sent, c)]
    if described and len(described) < len(cands):
        cands = [c for c in cands if c not in described]   # "في محافظة ديالى شمال شرقي بغداد": Diyala, placed
    unframed = [c for c in cands if not getattr(c[2], "frame", "")]
    cands = unframed or cands     # "طريق دمشق - عمان", "على بعد 10 كم من X": the place of the event is another one
    if kind in REMOTE_KINDS:
        cands = [c for c in cands if not _launched_from(sent, trig, c[0])]    # "شن الضربة من مرتفعات الجولان"
        if not cands:
            return []
    if kind in LIST_KINDS:
        run = _distinct(_list_run(sent, cands))
        if len(run) > 1:
            return run
        items = _distinct(_target_list(sent, trig, cands))
        if len(items) > 1:
            return items
    after = [c for c in cands if c[0] >= trig.start]
    pool = after or cands
    best = min(pool, key=lambda c: (c[2].geo_precision, abs(c[0] - trig.end)))
    return [best[2]]


ORIGIN_WINDOW = 4   # tokens before a place where a word of origin stands ("المنحدرين من بلدة X")


def _origin(sent, start: int) -> bool:
    """A place someone comes from ("الشابين ... المنحدرين من بلدة خربة غزالة"، "الانتحاري المتحدر من مدينة غازي
    عنتاب") is not where the incident happened (place.origin_of_person)."""
    i = sent.tok_index(start)
    return _cue_near(sent, "origin", i - ORIGIN_WINDOW, i)


REMOTE_KINDS = ("airstrike", "shelling")


def _launched_from(sent, trig: Trigger, start: int) -> bool:
    """A place after a strike or a bombardment introduced by "من" ("شن الضربة من مرتفعات الجولان", "من اتجاه
    الجولان", "انطلاقا من مواقعها في X") is where it was launched from, not what it hit (place.origin)."""
    if start < trig.end:
        return False
    before = sent.folded[max(trig.end, start - 20):start].split()
    for n in (3, 2, 1):
        if len(before) >= n and " ".join(before[-n:]) in _word_list("strike_origin"):
            return True
    return False


APPOSITION_GLUE = frozenset(fold_entry(w) for w in ("", "الواقعة", "الواقع", "،", ","))


def _describes_place(sent, cand) -> bool:
    """A direction phrase right after another place ("محافظة ديالى شمال شرقي بغداد", "ديالى الواقعة شمال شرق
    بغداد") tells where that place lies: it is not the event's place (place.apposition)."""
    s, _, p = cand
    if "(dir" not in (getattr(p, "why", "") or ""):
        return False
    return any(e <= s and sent.folded[e:s].strip() in APPOSITION_GLUE for _, e, _ in sent.places)


DISTANCE_WINDOW = 4   # tokens before a place searched for a distance phrase ("على بعد 10 كم من بلدة X")


def _distance_ref(sent, s: int) -> bool:
    """The place is named only as a distance reference ("على بعد كيلومترات من بلدة صدد"): not the event's place."""
    i = sent.tok_index(s)
    lo = sent.tokens[max(0, i - DISTANCE_WINDOW)][0]
    return bool(matcher("cues", "distance").find(sent.folded, lo, s))


def _inside_actor(sent, s: int, e: int) -> bool:
    return any(a.start <= s and e <= a.end for a in sent.actors)


@lru_cache(maxsize=1)
def _list_glue() -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["list_glue"]) | {"،", ","}


ASIDE = re.compile(r"\([^()]{1,40}\)|[–—-][^–—\-،,.]{1,30}[–—-]")


def _asides(sent) -> list[tuple[int, int]]:
    return [m.span() for m in ASIDE.finditer(sent.folded)]


def _list_run(sent, cands) -> list:
    """The longest run of localities joined by list glue; an aside after an item ("صيدا (جنوب لبنان)، ومنطقة
    الزوق"، "الأسكندرية –شمال مصر- والدقهلية") says where it lies and does not break the run (place.list_aside)."""
    asides = _asides(sent)
    cands = [c for c in cands if not any(a < c[0] and c[1] < b for a, b in asides)] or cands
    best, run = [], [cands[0]]
    for prev, cur in zip(cands, cands[1:]):
        gap = sent.folded[prev[1]:cur[0]]
        for a, b in asides:
            if prev[1] <= a and b <= cur[0]:
                gap = gap.replace(sent.folded[a:b], " ")
        gap = gap.split()
        if all(g in _list_glue() for g in gap) and len(gap) <= 2 and _locality(cur[2]):
            run.append(cur)
        else:
            best, run = max(best, run, key=len), [cur]
    best = max(best, run, key=len)
    return [c[2] for c in best] if len(best) > 1 and all(_locality(c[2]) for c in best) else []


def _span(sent, p) -> tuple[int, int] | None:
    """A place's span in the sentence's folded text: a gazetteer mention's own offsets are the report's (it was
    geoparsed with the whole report), so they are read from the sentence's place layer; an unresolved locality's
    are the sentence's already."""
    for a, b, q in sent.places:
        if q is p:
            return a, b
    return (p.start, p.end) if isinstance(p, UnresolvedPlace) else None


def _aside_between(sent, places: list) -> bool:
    """An aside stands between two items of the event's list of places (place.list_aside)."""
    ends = sorted(sp for sp in (_span(sent, p) for p in places) if sp is not None)
    return any(e1 <= a and b <= s2 for a, b in _asides(sent) for (_, e1), (s2, _) in zip(ends, ends[1:]))


BETWEEN_PAIR = frozenset(fold_entry(w) for w in ("بلدتي", "قريتي", "مدينتي", "منطقتي", "حيي", "ناحيتي"))
BETWEEN_ONE = frozenset(fold_entry(w) for w in ("بلدة", "قرية", "مدينة", "منطقة", "حي", "ناحية", "مخيم"))


def _between_pair(sent, places: list) -> list:
    """The places less the second of a pair that bounds one point ("بين بلدتي تولين وقلاوية", "الطريق الواصل بين
    بلدتي اليادودة والمزيريب", "منازل سكنية بين قريتي معربليت ومعرزاف", "الطريق الواصل بين بلدة اليادودة ومدينة
    درعا"): the incident is placed at the first
    (place.between)."""
    out = list(places)
    spanned = sorted((sp, n, p) for n, (sp, p) in enumerate((_span(sent, p), p) for p in places) if sp is not None)
    for (xsp, _, _x), (ysp, _, y) in zip(spanned, spanned[1:]):
        (xs, xe), (ys, _ye) = xsp, ysp
        gap = sent.folded[xe:ys].strip()
        kinded = gap.startswith("و") and gap[1:] in BETWEEN_ONE     # "بين بلدة اليادودة ومدينة درعا"
        if gap not in ("", "و") and not kinded:
            continue
        i = sent.tok_index(xs)
        before = [sent.tokens[k][2] for k in range(max(0, i - 2), i)]
        pair = BETWEEN_ONE if kinded else BETWEEN_PAIR
        if (before[-1:] == ["بين"] and not kinded) or len(before) == 2 and before[0] == "بين" and before[1] in pair:
            out = [p for p in out if p is not y]
    return out


def _locality(p) -> bool:
    """An item of a list of places: a village or town, a governorate's city named bare ("في اللاذقية وطرطوس"), or a
    governorate ("شهدت محافظتا الأسكندرية والدقهلية مظاهرات": each is coded)."""
    return p.geo_precision == 1 or bool(getattr(p, "gov_city", False)) or p.kind == "gov"


def _target_list(sent, trig: Trigger, cands) -> list:
    """Named places after the trigger, each set off from the one before by a comma or و ("طالت الضربات مستودعات في
    السومرية، ومنطقة عين منين بريف دمشق، إضافة إلى مركز البحوث في برزة ومطار المروحيات في عقربا"): a list of targets
    struck in one go, one event each. A place named as a reference point ("القريبة من بلدة X", "شمال مدينة Y") or
    a wider place holding an item ("بريف دمشق") is not an item."""
    items = []
    for s, e, p in cands:
        if s < trig.end or p.geo_precision != 1 or getattr(p, "gov_city", False):
            continue
        i = sent.tok_index(s)
        if _cue_near(sent, "place_reference", i - 2, i):
            continue
        if items:
            between = sent.folded[items[-1][1]:s]
            if "،" not in between and "," not in between and not any(w.startswith("و") for w in between.split()):
                continue
        items.append((s, e, p))
    return [p for _, _, p in items]


def _mixed_list(sent, frame) -> list:
    """A list of localities after a plural ("ست قرى هي: البونجم، وسماقة العليا، والزركة") where the gazetteer knows
    some names and not others: every item, known or not, in the order of the text."""
    listed = [(s, e, p) for s, e, p in unresolved_places(sent, frame) if p.head == "list"]
    if not listed:
        return []
    lo, hi = listed[0][2].list_start, listed[-1][1]
    gap = 40    # characters: a known item may stand just after the last unknown one
    known = [(s, e, p) for s, e, p in sent.places if p.geo_precision == 1 and lo <= s <= hi + gap
             and not _inside_actor(sent, s, e)]
    return [p for _, _, p in sorted(listed + known, key=lambda c: c[0])]


def _named_after(sent, trig: Trigger, place) -> bool:
    """The place is named after the sentence's first territory trigger ("سيطرت على قرية X ... بعد طرد",
    not "الناشط المنحدر من X ... القضاء على داعش")."""
    first = min((t.end for t in find_triggers(sent) if t.kind in TERRITORY), default=trig.end)
    return any(p is place and s >= first for s, _, p in sent.places)


def _vague_crowd(sent, trig: Trigger, places: list) -> bool:
    """A vague crowd right after the trigger ("أسر المئات من المقاتلين") with no date and no named place:
    the sentence tells the war at large, not one incident."""
    if any(p.geo_precision == 1 for p in places) or dates(sent, sent.pub):
        return False
    i = sent.tok_index(trig.start)
    hi = sent.tokens[min(i + CROWD_WINDOW, len(sent.tokens) - 1)][1]
    return any(q.vague and trig.end <= q.start < hi for q in numbers(sent, sent.pub))


def _date(sent, pub: date | None, trig: Trigger, why: list | None = None):
    h = _nearest_date(sent, pub, trig, why)
    return (h.date_start, h.date_end, True) if h else (None, None, False)


REF_SHIFT = {"same_day_ref": 0, "next_day_ref": 1, "prev_day_ref": -1}   # "اليوم نفسه", "اليوم التالي", "اليوم السابق"


def _resolve_ref(sent, h):
    """A day reference resolved against the day told before it (sent.ref_day, set by the pipeline); None if there is none."""
    if h.rule not in REF_SHIFT or h.date_start is not None:
        return h
    ref = sent.ref_day
    if ref is None:
        return None       # ignored: the event takes its date from elsewhere
    day = ref + timedelta(days=REF_SHIFT[h.rule])
    return replace(h, date_start=day, date_end=day, precision="day")


STATEMENT_WINDOW = 3    # tokens before a day where the statement that gives it stands ("أعلن ... امس الخميس")


def _statement_day(sent, h) -> bool:
    """The day a statement was made, not the incident's: a report verb or a statement noun at most STATEMENT_WINDOW
    tokens before the day ("أعلن التنظيم امس الخميس"، "في بيان الأحد"), with no "أن/إنه" between them ("قال إنه
    نفذها الأسبوع الفائت" gives the day of what was said)."""
    i = sent.tok_index(h.start)
    if h.precision != "day" or any(t[2] in _word_list("complementizers") for t in sent.tokens[max(0, i - STATEMENT_WINDOW):i]):
        return False
    return _cue_near(sent, "report_verbs", i - STATEMENT_WINDOW, i) or _cue_near(sent, "statements", i - STATEMENT_WINDOW, i)


def _statement_days(sent, hits) -> set:
    """ids of the hits that give a statement's day; a day right after one ("امس الخميس") names the same day."""
    out, prev = set(), None
    for h in sorted(hits, key=lambda h: h.start):
        if _statement_day(sent, h) or (prev is not None and id(prev) in out
                                       and sent.tok_index(h.start) - sent.tok_index(max(prev.start, prev.end - 1)) <= 1):
            out.add(id(h))
        prev = h
    return out


def _nearest_date(sent, pub: date | None, trig: Trigger, why: list | None = None):
    hits = [r for r in (_resolve_ref(sent, h) for h in dates(sent, pub) if h.rule not in PERIOD_RULES) if r]
    if toll_update(sent, trig):
        hits = [h for h in hits if h.start > trig.start]    # "ارتفعت، السبت، حصيلة قتلى هجوم": the day of the update
    if not hits:
        return None
    if len({h.date_start for h in hits}) > 1:
        said = _statement_days(sent, hits)
        told = [h for h in hits if id(h) not in said]    # "أعلن التنظيم امس الخميس تبنيه هجوم ... فجر الاثنين"
        if told and len(told) < len(hits):
            hits = told
            if why is not None:
                why.append("date.statement_day")
    absolute = [h for h in hits if not h.relative]
    days = [h for h in hits if h.rule.startswith(DAY_RULES)]   # "فجر الأحد 12 يناير" over "اليوم" of the announcement
    return min(absolute or days or hits, key=lambda h: abs(h.start - trig.start))


def _when(sent, pub: date | None, trig: Trigger) -> tuple | None:
    """The event's days for conflict checks: resolved, else resolved against a reference day."""
    h = _nearest_date(sent, pub or sent.stand_in or REF_DAY, trig)
    if not h or not h.date_start:
        return None
    return h.date_start, h.date_end, pub is None and h.relative   # days counted from REF_DAY are not real days


@lru_cache(maxsize=1)
def _today_weekday() -> re.Pattern:
    """"اليوم" then a weekday of marsad.text's weekday list, in folded text ("اليوم الثلاثاء"، "اليوم (الأربعاء)")."""
    names = "|".join(sorted(map(re.escape, weekday_numbers()), key=len, reverse=True))
    return re.compile(r"(?:^|[^\w])اليوم\s*\(?\s*(" + names + r")(?!\w)")


def stand_in_day(sents) -> date:
    """The day an undated report's relative dates are compared from: REF_DAY, moved back to the weekday the report
    calls today ("اليوم الثلاثاء", "صباح اليوم (الأربعاء)"), so that its "الثلاثاء" and "اليوم الثلاثاء" are one
    day and its "أمس" the day before it (rule date.named_today)."""
    for sent in sents:
        m = _today_weekday().search(sent.folded)
        if m:
            return REF_DAY - timedelta(days=(REF_DAY.weekday() - weekday_numbers()[m.group(1)]) % 7)
    return REF_DAY


PRONOUN_OBJECTS = frozenset({"عليه", "عليها", "عليهم", "عليهما"})


def _anaphoric(sent, trig: Trigger) -> bool:
    """The sentence refers back to an incident: a definite trigger or incident noun ("الهجوم", "العملية"),
    or a demonstrative before the trigger ("هذا التفجير")."""
    i = sent.tok_index(trig.start)
    if i > 0 and sent.tokens[i - 1][2] in DEMONSTRATIVES:
        return True
    j = sent.tok_index(max(trig.start, trig.end - 1)) + 1
    if j < len(sent.tokens) and sent.tokens[j][2] in PRONOUN_OBJECTS:
        return True           # "عملية القبض عليه": the person arrested was named before
    for hit in matcher("cues", "anaphora").find(sent.folded):
        word = sent.tokens[sent.tok_index(hit.start)][2]
        if word.startswith(("ال", "وال", "فال")):
            return True
    return False


ALSO_WORDS = frozenset({"كما", "وكما", "كذلك", "وكذلك"})
ALSO_GAP = 1    # tokens between "كما" and the trigger verb it opens


def _also(sent, trig: Trigger) -> bool:
    """The sentence opens with "كما" (also) right before its trigger ("كما هاجمت خلايا التنظيم حاجزا"): it adds
    another incident of the same kind, not a detail of the one before."""
    i = sent.tok_index(trig.start)
    return bool(sent.tokens) and sent.tokens[0][2] in ALSO_WORDS and 0 < i <= 1 + ALSO_GAP


TIMED_GAP = 3      # tokens from the sentence's opening time phrase to the trigger verb ("وصباح اليوم استهدف")


def _timed(sent, pub: date | None, trig: Trigger) -> bool:
    """The sentence opens with a time phrase and goes straight on to its trigger ("وصباح اليوم استهدف مجهولون ...",
    "ومساء أمس قتل ..."): a roundup's next item told by its own time (merge.timed_apart, where the day differs)."""
    found = dates(sent, pub or sent.stand_in or REF_DAY)
    if not found or not sent.tokens or found[0].start > sent.tokens[min(1, len(sent.tokens) - 1)][0]:
        return False
    end = sent.tok_index(max(found[0].start, found[0].end - 1))
    return 0 < sent.tok_index(trig.start) - end <= TIMED_GAP


SIMULTANEOUS = frozenset(fold_entry(w) for w in ("تزامن", "وتزامن", "تزامنت", "وتزامنت", "بالتزامن", "وبالتزامن",
                                                  "تزامنا", "وتزامنا", "يتزامن"))
BESIDE_GAP = 6     # tokens between the word of simultaneity and the trigger it introduces ("وتزامن الهجومان مع انفجار")


def _beside(sent, trig: Trigger) -> bool:
    """A word of simultaneity before the trigger ("وتزامن الهجومان مع انفجار دراجة نارية في بلدة X", "وبالتزامن مع
    هذا الاستهداف، ألقت طائرات ..."): the incident it tells happened at the same time as the one before, so it is
    another incident, not a detail of it (merge.simultaneous_apart)."""
    i = sent.tok_index(trig.start)
    return any(sent.tokens[k][2] in SIMULTANEOUS for k in range(max(0, i - BESIDE_GAP), i))


FRONTED_WORDS = frozenset({"في", "وفي", "ففي"})
FRONTED_GAP = 4     # tokens after the opening "وفي" where the fronted place begins ("وفي منطقة قريبة من X")


def _fronted(sent, trig: Trigger, place, anaphoric: bool) -> bool:
    """The sentence opens with its own place, fronted before the trigger ("وفي قرية أبو طويلة، قتل ...", "وفي
    ريف حلب الشمالي، استهدفت ..."): a roundup's next item, another incident unless at the same place
    (merge.fronted_apart). A trigger that refers back ("وفي الموصل، قال مصدر إن الهجوم ...") is not one."""
    toks = sent.tokens
    if anaphoric or len(toks) < 3 or toks[0][2] not in FRONTED_WORDS:
        return False
    hi = toks[min(FRONTED_GAP, len(toks) - 1)][0]
    return any(pp is place and s <= hi and s < trig.start for s, _e, pp in sent.places) \
        or (getattr(place, "start", -1) <= hi and getattr(place, "start", -1) >= 0 and place.start < trig.start
            and getattr(place, "kind", "") == "unresolved")


BOMBARD_WORDS = frozenset({"قصف", "القصف", "قصفت", "وقصفت", "وقصف", "بالقصف", "للقصف", "لقصف", "بقصف", "قصفا", "قصفه"})


def _bare_bombardment(sent) -> bool:
    """Shelling told only with the bombardment word قصف: no artillery, shell, rocket or aircraft word in the
    sentence. Such a word is said of an air strike as much as of artillery."""
    words = [t[2] for t in sent.tokens]
    if not any(w in BOMBARD_WORDS for w in words):
        return False
    kinds = {t.kind for t in find_triggers(sent) if sent.folded[t.start:t.end] not in BOMBARD_WORDS}
    return "shelling" not in kinds and "airstrike" not in kinds


def _pointed(sent, trig: Trigger) -> bool:
    """A demonstrative right before the trigger, with or without a preposition ("هذا الاستهداف", "لهذا الهجوم",
    "بهذه العملية")."""
    i = sent.tok_index(trig.start)
    return i > 0 and strip_proclitics(sent.tokens[i - 1][2]) in DEMONSTRATIVES


def _lead_has(sent, cues: str, words: int) -> bool:
    """A cue among the sentence's first `words` + 1 tokens: asked as a window of the sentence's own pass (a window
    that ends at a token's end answers as the slice would), not as a new text to scan."""
    if not sent.tokens:
        return False
    return bool(matcher("cues", cues).find(sent.folded, 0, sent.tokens[min(words, len(sent.tokens) - 1)][1]))


def _topic_shift(sent) -> bool:
    return _lead_has(sent, "topic_shift", 3)


def _background(sent, trig: Trigger) -> bool:
    """A recalled incident: the sentence opens in the past perfect ("وكان ... قد"), or the trigger follows "منذ"
    ("لم تشهد البلاد هجوما منذ الهجوم على جامعة غاريسا في أبريل 2015": the incident since which, told with its
    own date; block.origin spares it only then)."""
    i = sent.tok_index(trig.start)
    return _lead_has(sent, "past_frame", 2) or (i > 0 and sent.tokens[i - 1][2] in SINCE_WORDS)


def sentence_toll(sent, pub: date | None) -> dict | None:
    """The counts of a sentence whose only trigger is a killing ("وأسفر ذلك عن مقتل عنصرين"): a toll that
    belongs to the incident told next to it."""
    trigs = find_triggers(sent)
    if not trigs or any(t.kind != "kill" for t in trigs):
        return None
    counts = {k: v for k, v in find_counts(sent, numbers(sent, pub)).items() if v is not None}
    if not counts or any(v > MAX_INCIDENT_COUNT for v in counts.values()):
        return None
    return counts


def _event_trigger(sent) -> Trigger | None:
    """The sentence's kind; a change of territory that names no territory after it gives way to the next kind
    ("تمكنت قوات النظام من استردادها، وشهدت الشهر الماضي هجوما ..." is the attack)."""
    trigs = find_triggers(sent)
    trig = choose_kind(sent, trigs)
    if trig is not None and trig.kind in TERRITORY and \
            not any(_named_after(sent, trig, p) for p in _places(sent, trig, trig.kind)):
        trig = choose_kind(sent, [t for t in trigs if t.kind not in TERRITORY])
    return trig


AIR_FORCES = ("international_coalition", "russian_forces")   # in Syria and Iraq they strike from the air
OFFICIAL_WINDOW = 8   # tokens after an assassination trigger where its victim is named


def _official_victim(sent, trig: Trigger) -> bool:
    """The victim of an assassination/execution is an official or a commander (مختار، رئيس مجلس، قائد)."""
    i = sent.tok_index(trig.start)
    hi = sent.tokens[min(i + OFFICIAL_WINDOW, len(sent.tokens) - 1)][1]
    return any(h.start < hi for h in matcher("cues", "officials").find(sent.folded, trig.end))   # may end past hi


def _force_target(sent, trig: Trigger) -> bool:
    """A shooting at a force (a patrol, a checkpoint, soldiers, police) named right after it, in a sentence that
    names no civilians: an armed clash with a force, even one the actor list does not name (the army of Niger)."""
    if any(a.value["side"] == "civilian" for a in sent.actors):
        return False
    i = sent.tok_index(trig.start)
    hi = sent.tokens[min(i + OFFICIAL_WINDOW, len(sent.tokens) - 1)][1]
    lo = sent.tokens[max(0, i - OFFICIAL_WINDOW)][0]
    return any(h.start < hi and not A.among(sent, h.start) for h in matcher("cues", "force_targets").find(sent.folded, lo))


TARGET_WINDOW = 4   # tokens after an attack where the place or gathering it struck is named


def _civilian_target(sent, trig: Trigger) -> bool:
    """An attack whose target is a civilians' place or gathering (a village, market, mosque, museum, bus,
    wedding) right after it, in a sentence that names no state force and no force target: violence against
    civilians (ACLED), not a battle."""
    if any(a.value["side"] == "state" for a in sent.actors) or _force_target(sent, trig):
        return False
    j = sent.tok_index(max(trig.start, trig.end - 1)) + 1
    places = _word_list("civilian_places")
    return any(strip_proclitics(sent.tokens[k][2]) in places or sent.tokens[k][2] in places
               for k in range(j, min(len(sent.tokens), j + TARGET_WINDOW)))


ASSAULT_WINDOW = 12   # tokens after an attack word where the base, prison or post it struck is named


def _fortified_target(sent, trig: Trigger) -> bool:
    """The attack struck a base, a prison, a barracks or a post ("هجوم شنته حركة الشباب ... على قاعدة عسكرية",
    "داعش يهاجم سجن غويران"): an assault, a battle even when a car bomb opens it."""
    i = sent.tok_index(trig.start)
    hi = sent.tokens[min(i + ASSAULT_WINDOW, len(sent.tokens) - 1)][1]
    return any(h.start < hi for h in matcher("cues", "fortified_targets").find(sent.folded, trig.end))


SUSPECT_GAP = 40   # characters after "متورطين"/"يشتبه بتورطهم" where the incident they are suspected of is named


def _suspects(sent, trig: Trigger) -> bool:
    """An arrest of people suspected of an incident ("القبض على شخصين متورطين بتفجير بوابة المحكمة", "يشتبه
    بتورطهم في حادثة الهجوم"): the suspect word after the arrest, then an incident word (a trigger of another kind)
    right after it; suspects of smuggling or of "أنشطة" are no incident's (merge.suspects_apart)."""
    for h in matcher("cues", "suspects").find(sent.folded, trig.end):
        if any(h.end <= t.start <= h.end + SUSPECT_GAP and t.value not in ("arrest", "raid")
               for t in getattr(sent, "triggers", None) or ()):
            return True
    return False


COUNT_GAP = 2   # characters between a figure and the force noun it counts ("8 جنود", "وخمسة جنود")
PARTITIVE_GAP = 6   # characters between a figure and the force noun it counts through "من" ("ثلاثة من عناصر الشرطة")


def _forces_among_dead(sent, pub: date | None) -> bool:
    """The sentence counts members of a force ("8 جنود", "خمسة جنود", "ثلاثة من عناصر الشرطة") besides civilians: the
    attack struck a force, and civilians died in it (ACLED: a battle) (type.forces_among_dead)."""
    nums = numbers(sent, pub)
    return any(_counts_noun(sent, n, h) for h in matcher("cues", "force_targets").find(sent.folded) for n in nums)


def _counts_noun(sent, n, h) -> bool:
    """Figure n counts the noun at hit h: right before it, or before it through "من"."""
    gap = h.start - n.end
    return 0 <= gap <= COUNT_GAP or 0 <= gap <= PARTITIVE_GAP and sent.folded[n.end:h.start].strip() == "من"


def _persons_toll(sent, pub: date | None, a1=None) -> bool:
    """The sentence counts its dead or wounded in persons, not in members of a force ("قتل 12 شخصا", "إصابة 20
    مدنيا"), and names no force or group among them."""
    if any(a.value["side"] in ("state", "armed") and not A.speaks(sent, a) and a.value["id"] != a1 for a in sent.actors):
        return False
    return A.civ_count(sent, pub)


def sentence_events(sent, pub: date | None, context_place) -> list[Draft]:
    trig = _event_trigger(sent)
    if trig is None:
        return []
    extra: list[str] = ["toll.update"] if toll_update(sent, trig) else []
    ds, de, dated = _date(sent, pub, trig, extra)
    raid = trig.kind == "clash" and any(t.kind == "raid" for t in find_triggers(sent))
    a1, a2 = A.assign(sent, trig, "raid" if raid else trig.kind)   # a raid that ends in a firefight: the raiders act
    if A.civ_count(sent) and (any(a.value["side"] == "state" and A.among(sent, a.start) for a in sent.actors)
                              or any(A.among(sent, h.start) for h in matcher("cues", "force_targets").find(sent.folded))):
        extra.append("actor.among_persons")    # "5 مدنيين بينهم منتسبون في الحشد": the force's members are among them
    home = A.abroad(sent, a1, context_place), A.abroad(sent, a2, context_place)
    if home != (a1, a2):
        a1, a2 = home
        extra.append("actor.abroad")        # "القوات الحكومية" in Mogadishu: Somalia's, not in the actor list
    police = (A.internal_security(sent, a1, context_place, ds or pub),
              A.internal_security(sent, a2, context_place, ds or pub))
    if police != (a1, a2):
        a1, a2 = police
        extra.append("actor.internal_security_place")   # "قوى الأمن الداخلي" in Beirut: Lebanon's, not the Asayish
    if a2 is None and trig.kind not in ("arrest", "raid", "disrupted", "transfer") + PROTEST_KINDS:
        a2 = A.casualty_force(sent, a1)     # "قتل عنصران من قسد بقصف مسيرة تركية": the dead's force received it
    if a2 is None and trig.kind in ("attack", "kill") + EXPLOSIVE_KINDS and _civilian_target(sent, trig):
        a2 = "civilians"
        extra.append("actor.civilian_target")     # "هجوم على قرية/متحف/ملهى" with no force named: on civilians
    elif a2 is None and trig.kind in ("attack",) + EXPLOSIVE_KINDS and _persons_toll(sent, pub, a1):
        a2 = "civilians"
        extra.append("actor.persons_toll")        # "قتل 12 شخصا إثر تفجير انتحاري": no force among the dead
    if a2 == "civilians" and trig.kind in ("attack", "kill", "shooting") and _forces_among_dead(sent, pub):
        a2 = None
        extra.append("type.forces_among_dead")    # "قتل مسلحون 8 جنود ومدنيا في هجوم": a battle, civilians caught in it
    trig = refine(trig, a1, a2)
    if trig.kind == "massacre" and (a1 in AIR_FORCES or any(t[2].endswith("طيران") for t in sent.tokens)):
        trig = retype(trig, "airstrike", "type.air_force_massacre")   # "ارتكب طيران التحالف مجزرة"
    if trig.kind in ("shooting", "execution") and _official_victim(sent, trig):
        trig, a2 = retype(trig, "clash", "type.official_victim"), (None if a2 == "civilians" else a2)   # "اغتال مسلحون مختار القرية"
    elif trig.kind == "shooting" and _force_target(sent, trig):
        trig, a2 = retype(trig, "clash", "type.on_forces"), (None if a2 == "civilians" else a2)   # "أطلقوا النار على دورية للجيش"
    if trig.kind != "raid" and trig.kind in ("shooting",) and a2 != "civilians":
        a2 = "civilians" if a2 is None else a2
    if trig.kind == "ied" and matcher("cues", "legacy").find(sent.folded):
        a1 = None           # "لغم من مخلفات الحرب": no one set it off in this incident
        extra.append("actor.legacy_explosive")
    a1, a2 = A.resolve_syrian(a1, ds or pub), A.resolve_syrian(a2, ds or pub)
    counts = find_counts(sent, numbers(sent, pub))
    if any(v is not None and v > MAX_INCIDENT_COUNT for v in counts.values()):
        return []   # a toll of thousands is a tally of many incidents: a claim, not an event
    places = _places(sent, trig, trig.kind)
    if trig.kind in TERRITORY:
        places = [p for p in places if _named_after(sent, trig, p)]
    elif _vague_crowd(sent, trig, places):
        return []
    if places and all(p.geo_precision > 1 for p in places):
        frame = places[0] if places else context_place
        named = [p for _, _, p in unresolved_places(sent, frame)]
        if named:
            places = named if trig.kind in LIST_KINDS else named[:1]
            extra.append("place.unresolved")
    elif trig.kind in LIST_KINDS:
        listed = _mixed_list(sent, places[0] if places else context_place)
        if len(listed) > len(places):
            places = listed
            extra.append("place.unresolved")
    if any(getattr(p, "near", None) is not None for p in places):
        extra.append(UNRESOLVED_NEAR)       # located at the point of the place that frames it
    if places and all(getattr(p, "frame", "") == "road" for p in places) and _anaphoric(sent, trig):
        places = []             # "الهجوم كان على طريق دمشق - عمان": a retelling on a road, at the incident's place
        extra.append("place.road_retold")
    if places and any(_describes_place(sent, c) for c in sent.places) \
            and not any(_describes_place(sent, c) for c in sent.places if c[2] in places):
        extra.append("place.apposition")
    own = bool(places)
    if any(_origin(sent, s) for s, _e, _p in sent.places):
        extra.append("place.origin_of_person")     # "المنحدرين من بلدة X": the place someone comes from is set aside
    if len(places) > 1:
        kept = _between_pair(sent, places)
        if len(kept) < len(places):
            places = kept
            extra.append("place.between")   # "استهدفت سيارة بين بلدتي تولين وقلاوية": one point, not two targets
    if len(places) > 1:
        extra.append("place.list")
        if _aside_between(sent, places):
            extra.append("place.list_aside")
    if not places and context_place is not None and trig.kind not in TERRITORY:
        places = [context_place]
        extra.append("place.context")
    when, ana, back = _when(sent, pub, trig), _anaphoric(sent, trig), _background(sent, trig)
    if when is not None and pub is None and sent.stand_in not in (None, REF_DAY):
        extra.append("date.named_today")      # compared with the report's other days from the weekday it calls today
    latest = bool(matcher("cues", "latest").find(sent.folded))
    if latest:
        extra.append("merge.latest_apart")    # "كان آخرها جريمة نحر ضابط": the latest of a series, another incident
    rules = list(trig.rules) + extra
    return [Draft(trig.kind, trig, [sent.idx], p, own, ds, de, dated, a1, a2 if a2 != a1 else None, dict(counts),
                  when=when, anaphoric=ana, background=back, shift=_topic_shift(sent) or latest, rules=list(rules),
                  pointed=_pointed(sent, trig), also=_also(sent, trig), fronted=_fronted(sent, trig, p, ana),
                  beside=_beside(sent, trig), timed=_timed(sent, pub, trig),
                  bombard=trig.kind == "shelling" and _bare_bombardment(sent),
                  assault=trig.kind == "attack" and _fortified_target(sent, trig),
                  suspects=trig.kind == "arrest" and _suspects(sent, trig),
                  on_force=trig.event_type == "Battles" and trig.kind in ("attack", "clash")
                  and (_force_target(sent, trig) or _fortified_target(sent, trig) or _official_victim(sent, trig)))
            for p in places]
