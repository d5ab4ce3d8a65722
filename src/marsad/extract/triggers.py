"""Event triggers in a sentence: lexicon matches minus negated, hypothetical and summary ones."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.lexicon import fold_entry, folded_words, load, matcher
from marsad.text.normalize import normalize
from marsad.text.morph import inflect, strip_proclitics

NEG_WINDOW = 4      # tokens before a trigger searched for negation / hypothetical cues
SUMMARY_WINDOW = 3  # tokens either side searched for summary cues
LEAD = 3            # a hypothetical cue among a sentence's first tokens governs all of it
DISRUPT_WINDOW = 10 # tokens (dates not counted) from a defusing/finding verb to the explosive it governs
EXPLOSIVE_KINDS = ("ied", "suicide", "shelling", "grenade", "airstrike")   # a drone shot down is disrupted
MAKE_WINDOW = 6     # tokens before an explosive searched for a word of making it
AFTERMATH_WINDOW = 4   # tokens before a trigger searched for a word of an incident's aftermath
COURT_WINDOW = 6       # tokens before a trigger searched for a word of a court case or a charge
LATEST_WINDOW = 8      # tokens after a plural of incidents searched for "كان آخرها" (its latest one is named)
EVAL_WINDOW = 3        # tokens before a trigger searched for a word ranking or judging it
COPULA_WINDOW = 4      # tokens before a trigger searched for a relative pronoun and a copula


@dataclass
class Trigger:
    start: int       # folded span in the sentence
    end: int
    key: str
    kind: str
    event_type: str
    sub_event_type: str
    prio: int
    agent: str
    rules: tuple = ()    # ids of the lexicon entry and the rules that typed it (lexicon/data/rules.json)


@lru_cache(maxsize=1)
def _requires() -> dict[str, frozenset]:
    out = {}
    for t in load("triggers")["triggers"]:
        if t.get("requires"):
            need = frozenset(fold_entry(w) for w in t["requires"])
            key = fold_entry(t["text"])
            out[key] = need
            for form, _ in inflect(key, verb=t.get("verb", False), noun=t.get("noun", False)):
                out.setdefault(form, need)
    return out


def kind_info(kind: str) -> dict:
    return load("triggers")["kinds"][kind]


def _make(p) -> Trigger:
    k = kind_info(p.value)
    return Trigger(p.start, p.end, p.key, p.value, k["event_type"], k["sub_event_type"], k["prio"], k["agent"],
                   (f"lex.{p.value}",))


def retype(t: Trigger, kind: str, rule: str) -> Trigger:
    """The trigger typed as another kind by the rule `rule`."""
    k = kind_info(kind)
    return Trigger(t.start, t.end, t.key, kind, k["event_type"], k["sub_event_type"], k["prio"], k["agent"],
                   t.rules + (rule,))


def tag(t: Trigger, rule: str) -> Trigger:
    """The same trigger, chosen by the rule `rule`."""
    return t if rule in t.rules else replace(t, rules=t.rules + (rule,))


def _disrupted(sent, t: Trigger) -> bool:
    """An explosive that a defusing/finding/seizing verb governs ("فككت وحدات الهندسة عبوة ناسفة", "عثرت قوة
    على مخبأ يحوي عبوات"): the verb within DISRUPT_WINDOW tokens before it (dates not counted), no armed
    group named in between ("فككت خلية زرعت عبوة" is the cell's)."""
    from marsad.extract.mentions import dates

    i = sent.tok_index(t.start)
    spans = [(d.start, d.end) for d in dates(sent)]
    k, seen = i - 1, 0
    while k >= 0 and seen < DISRUPT_WINDOW:
        if not any(a <= sent.tokens[k][0] < b for a, b in spans):
            seen += 1
        k -= 1
    lo = sent.tokens[k + 1][0] if k + 1 < i else t.start
    verbs = matcher("cues", "intercept_verbs" if t.kind == "airstrike" else "disrupt_verbs").find(sent.folded, lo, t.start)
    if not verbs:       # an aircraft is disrupted only when shot down ("أسقطت مسيرة"); "دمرت ضربة جوية وكرا" is a strike
        return False
    last = verbs[-1].end
    return not any(a.value["side"] == "armed" and last <= a.start < t.start for a in sent.actors)


ORIGIN_WINDOW = 3    # tokens between "منذ عام 2014 عندما" and the incident that opened the period
ORIGIN_LINKS = frozenset({"عندما", "حين", "حينما", "عقب", "اثر", "بعد"})
SINCE_WORDS = frozenset({"منذ", "ومنذ"})
SINCE_PHRASE = 6     # tokens after "منذ" + an incident word where the rest of that incident is told
SINCE_YEAR = frozenset({"عام", "العام", "مطلع", "بداية", "اواخر", "اواسط"})


def _period_origin(sent, i: int) -> bool:
    """The trigger tells the incident that began a period: it follows "منذ" ("ومنذ مقتل غودان في ضربة أميركية"),
    or "منذ (عام) YEAR" and a word of time ("عندما"، "عقب") within ORIGIN_WINDOW tokens ("يشهد اليمن حربا منذ عام 2014 عندما استولى الحوثيون على صنعاء",
    "توقف العمل فيه منذ عام 2021 عقب هجوم على بالما"): background, not the report's incident (block origin)."""
    if i > 0 and sent.tokens[i - 1][2] in SINCE_WORDS:
        return not _dated_recall(sent, i)   # "منذ مقتل غودان في ضربة أميركية", "منذ سيطرة طالبان على الحكم": since then
    for k in range(max(0, i - SINCE_PHRASE), i - 1):
        if sent.tokens[k][2] in SINCE_WORDS and any(sent.tok_index(t.start) == k + 1 for t in sent.triggers):
            return not _dated_recall(sent, k + 1)   # "ضربة" in "منذ مقتل غودان في ضربة أميركية": the same incident
    for k in range(max(1, i - ORIGIN_WINDOW), i):
        if sent.tokens[k][2] not in ORIGIN_LINKS:
            continue
        year = sent.tokens[k - 1][2].strip("،,")
        if not (len(year) == 4 and year.isdigit() and year[:2] in ("19", "20")):
            continue
        before = [sent.tokens[m][2] for m in range(max(0, k - 3), k - 1)]
        if before and (before[-1] == "منذ" or before[-1] in SINCE_YEAR and "منذ" in before):
            return True
    return False


RECALL_SPAN = 14     # tokens after "منذ" + an incident word within which that incident's own date is told


def _dated_recall(sent, i: int) -> bool:
    """The incident told after "منذ" is given its own month or day ("الأكبر منذ الهجوم الذي استهدف حاجزا ببئر العبد
    في 14 أكتوبر الماضي", "منذ الهجوم على جامعة غاريسا في أبريل 2015"): a specific incident the report recalls, an
    event of its own with its date (the spec's background events), not the vague origin of a period (block.origin)."""
    from marsad.extract.mentions import dates

    a = sent.tokens[i][0]
    b = sent.tokens[min(i + RECALL_SPAN, len(sent.tokens) - 1)][1]
    return any(a < d.start <= b and d.precision in ("day", "week", "month") and d.date_start is not None
               for d in dates(sent))


def _cue_near(sent, cues: str, a: int, b: int, skip: tuple[int, int] | None = None, names: bool = False) -> bool:
    """A cue of the list within tokens a..b, other than one inside `skip`; with `names`, other than a word inside
    a force's name ("العمليات" in "قيادة العمليات المشتركة" is no summary of operations).

    The sentence's memo keeps a table of the cue lists asked so far (`cue_lists`: list name -> whether the list
    matches anywhere in the sentence, a pure per-sentence function): a list without a match in the whole sentence
    has none in any window of it (PhraseMatcher.find answers a window from the whole text's matches), so the calls
    about lists absent from the sentence (most of the ~150 per report) need no windowed find."""
    table = sent.cache.get("cue_lists")
    if table is None:
        table = sent.cache["cue_lists"] = {}
    present = table.get(cues)
    if present is False:
        return False
    a, b = max(0, a), min(b, len(sent.tokens))
    if a >= b:
        return False
    if present is None:
        present = table[cues] = bool(matcher("cues", cues).find(sent.folded))
        if not present:
            return False
    lo, hi = sent.tokens[a][0], sent.tokens[b - 1][1]
    for c in matcher("cues", cues).find(sent.folded, lo, hi):
        if skip and c.start < skip[1] and skip[0] < c.end:
            continue
        if names and any(p.start <= c.start and c.end <= p.end for p in sent.actors):
            continue
        return True
    return False


TOLL_WINDOW = 3   # tokens before a trigger where the toll noun of an update stands ("حصيلة ضحايا تفجير")


def toll_update(sent, t) -> bool:
    """The trigger names the incident whose toll a sentence updates ("ارتفعت حصيلة قتلى هجوم ... إلى 30",
    "ارتفاع عدد ضحايا تفجير الكرادة إلى 187"): a toll noun right before it, a verb of rising or reaching in the
    sentence, and the trigger is not a bare plural of incidents ("حصيلة الهجمات")."""
    i = sent.tok_index(t.start)
    if not _cue_near(sent, "toll_nouns", i - TOLL_WINDOW, i) or not matcher("cues", "toll_rise").find(sent.folded):
        return False
    j = sent.tok_index(max(t.start, t.end - 1)) + 1
    return not (j - i == 1 and sent.tokens[i][2] in _word_list("summary"))


DAY_RULES = ("day_month", "day_ordinal", "day_range", "numeric")   # rule prefixes of a calendar day ("21 يناير")


def generic(sent) -> bool:
    """The sentence tells a period, a trend or a habit ("خلال الأشهر الماضية", "بين الحين والآخر"), not one
    incident, unless it names a calendar day."""
    if "generic" not in sent.cache:
        side = _side_clauses(sent)
        hit = any(not any(a <= g.start < b for a, b in side) for g in matcher("cues", "generic").find(sent.folded)) \
            or bool(matcher("cues", "frequency").find(sent.folded))
        sent.cache["generic"] = (hit or _tally(sent) or _opens_since(sent)) and not names_day(sent)
    return sent.cache["generic"]


def _opens_since(sent) -> bool:
    """The sentence opens with "منذ" and a date ("ومنذ تشرين الأول 2017، بدأ المسلحون استهداف القرى"): it tells what
    has gone on since then, a trend (block.generic)."""
    from marsad.extract.mentions import dates

    if not sent.tokens or sent.tokens[0][2] not in ("منذ", "ومنذ"):
        return False
    return any(d.start <= sent.tokens[min(2, len(sent.tokens) - 1)][1] for d in dates(sent))


TALLY_MIN = 3   # this many incidents counted in one sentence make it a tally


@lru_cache(maxsize=1)
def _incident_nouns() -> frozenset:
    return frozenset(fold_entry(w) for w in load("cues")["incident_nouns"])


def _tally(sent) -> bool:
    """The sentence counts incidents ("أكثر من عشر عمليات إنزال", "عشرات الهجمات")."""
    from marsad.extract.mentions import numbers

    nouns = _incident_nouns()
    return any(q.lemma and fold_entry(q.lemma) in nouns and (q.vague or (q.value_low or 0) >= TALLY_MIN)
               for q in numbers(sent))


def names_day(sent) -> bool:
    """The sentence names a calendar day ("في 21 يناير"): what it tells is a dated incident."""
    if "names_day" not in sent.cache:
        from marsad.extract.mentions import dates

        sent.cache["names_day"] = any((d.rule.startswith(DAY_RULES) or (d.rule == "weekday" and not _said_on(sent, d.start)))
                                      and not _since(sent, d.start) for d in dates(sent))
    return sent.cache["names_day"]


SAID_WINDOW = 6    # tokens before a weekday where the report verb of the statement made on it stands


def _said_on(sent, pos: int) -> bool:
    """The weekday at pos is when something was said: a complementizer (or "عن") right after it ("قالت القيادة،
    الأربعاء، إن قواتها نفذت منذ بداية العام 40 عملية"، "أعلنت الوزارة الخميس عن ...") or a report verb right before
    it ("أعلنت وزارة الداخلية، اليوم الثلاثاء، انخفاض عدد الهجمات خلال العام الماضي")."""
    i = sent.tok_index(pos)
    if any(t[2] in _word_list("complementizers") or t[2] == "عن" for t in sent.tokens[i + 1:i + 3]):
        return True
    return _cue_near(sent, "report_verbs", i - SAID_WINDOW, i)


SINCE_SPAN = 12   # tokens from "منذ" to the date that ends its phrase ("منذ اندلاع الحرب ... في السابع من أكتوبر")


def _since(sent, pos: int) -> bool:
    """The date at pos opens a period: right after "منذ" ("منذ 17 تشرين الأول") or closing a "منذ" phrase of the same
    clause ("منذ بدء الاحتجاجات في 9 يوليو", "ومنذ اندلاع الحرب ... في السابع من أكتوبر", no comma between): the
    start of a tally or a habit, not an incident's day (block.generic keeps such a sentence generic)."""
    i = sent.tok_index(pos)
    since = _word_list("since")
    for k in range(i - 1, max(-1, i - 1 - SINCE_SPAN), -1):
        if sent.tokens[k][2] in since:
            return not any(c in sent.folded[sent.tokens[k][1]:pos] for c in "،,.؛:")
    return False


def _side_clauses(sent, cues: str = "circumstance") -> list[tuple[int, int]]:
    """Spans from a circumstance cue ("في ظل", "وسط", "رغم") to the next comma: side clauses."""
    key = ("side", cues)
    if key in sent.cache:
        return sent.cache[key]
    out = sent.cache[key] = []
    for c in matcher("cues", cues).find(sent.folded):
        ends = [k for k in (sent.folded.find(p, c.end) for p in "،,") if k >= 0]
        out.append((c.start, min(ends) if ends else len(sent.folded)))
    return out


STOCK_MIN = 100   # a count of mines or bombs from this many up is a stock or a tally, never one explosion


def _stock(sent, t: Trigger) -> bool:
    """A count of STOCK_MIN or more right before the explosive's noun ("10 ملايين لغم", "آلاف العبوات")."""
    from marsad.extract.mentions import numbers

    return any(n.end <= t.start and not sent.folded[n.end:t.start].strip() and (n.value_low or n.value_high or 0) >= STOCK_MIN
               for n in numbers(sent))


OVERFLIGHT_WINDOW, OVERFLIGHT_AFTER = 3, 5   # tokens before/after an aircraft word searched for flying over


def _aircraft_only(sent, t: Trigger) -> bool:
    """The trigger names an aircraft (الطيران الحربي، طائرات، مسيرة: its first word is in the cue list `aircraft`),
    not a strike (غارة، ضربة، قصف، هجوم جوي)."""
    first = sent.folded[t.start:t.end].split()[0]
    return strip_proclitics(first) in _word_list("aircraft") or first in _word_list("aircraft")


ONGOING_BEFORE, ONGOING_AFTER = 10, 4   # tokens before/after a trigger searched for a present-tense verb of waging


def _ongoing(sent, i: int, j: int) -> bool:
    """A campaign under way: a present-tense verb of waging near the trigger ("تخوض ... معارك", "الهجوم الذي
    تشنه") and a "since" (منذ) in the sentence."""
    if "منذ" not in sent.folded:
        return False
    return _cue_near(sent, "ongoing", i - ONGOING_BEFORE, j + ONGOING_AFTER)


def blocked(sent, t: Trigger) -> str | None:
    """Why this trigger does not report an event that happened (None if it does)."""
    if caption(sent):
        return "caption"
    if generic(sent):
        return "generic"
    if matcher("cues", "other_sense").find(sent.folded, 0, t.start):
        return "sense"             # "مباراة انتهت بتعادل ناري"، "تحاكي المناورة فرضية مهاجمة": sport, a drill
    i = sent.tok_index(t.start)
    j = sent.tok_index(max(t.start, t.end - 1)) + 1
    if _cue_near(sent, "negation", i - NEG_WINDOW, i):
        return "negation"
    if t.kind in EXPLOSIVE_KINDS and _cue_near(sent, "manufacture", i - MAKE_WINDOW, i):
        return "manufacture"       # "خلية متخصصة في صناعة العبوات الناسفة": what a cell makes
    if t.kind == "ied" and _stock(sent, t):
        return "stock"             # "تحتوي أرض العراق على نحو 10 ملايين لغم": mines lying in the ground, no explosion
    if _cue_near(sent, "evaluative", i - EVAL_WINDOW, i + 1) or _relative_copula(sent, i):
        return "evaluation"        # "ويعد الهجوم أكثر الهجمات دموية", "التي كانت محل تركيز الضربات الجوية"
    if t.kind == "suicide" and _cue_near(sent, "worn", i - WORN_GAP, i):
        return "description"       # "إرهابيين اثنين يرتديان حزامين ناسفين": what they wear, no explosion told
    if _cue_near(sent, "relative", i - 2, i) or _cue_near(sent, "kind_of", i - 2, i) or _cue_near(sent, "habitual", i - 1, i):
        return "description"       # "التي حررت المدينة", "مثل تفجيرات انتحارية", "يتم استهداف": no incident told
    if any(a <= t.start < b for a, b in _side_clauses(sent, "aside")):
        return "aside"             # "في ظل استمرار معركة الرقة"
    if _denial(sent):
        return "denial"            # "نفت قسد صحة الأنباء عن فرار عناصر من السجن"
    if _cue_near(sent, "hypothetical", i - NEG_WINDOW - 2, i) or _cue_near(sent, "unconfirmed", i - 2, i) or _cue_near(sent, "hypothetical", 0, min(i, LEAD)):
        return "hypothetical"      # near the trigger, or governing the whole sentence ("وحذر المصدر من ...")
    if i and sent.tokens[i - 1][2] == "قد" and sent.tokens[i][2][:1] in "يت" and not sent.tokens[i][2].endswith("ت"):
        return "hypothetical"
    if t.kind == "airstrike" and _cue_near(sent, "overflight", i - OVERFLIGHT_WINDOW, j + OVERFLIGHT_AFTER) \
            and _aircraft_only(sent, t):
        return "overflight"        # "وسط تحليق للطيران المسير": aircraft flying over, no strike
    if _long_lasting(sent, j) or _ongoing(sent, i, j):
        return "war"               # "بعد معارك استمرت تسعة أشهر", "وتخوض قسد منذ حزيران معارك"
    if _cue_near(sent, "court", i - COURT_WINDOW, i):
        return "court"             # "حكما بالإعدام على مدان بتفجير سيارة مفخخة": a case, not the report's incident
    if _verdict(sent, t):
        return "court"             # "أصدرت محكمة ... أحكاما بالإعدام ... متهمين بارتكاب أعمال عنف تستهدف": the case
    if t.kind == "execution" and _judicial(sent, t, j):
        return "court"             # "تأكيد إعدام 7 مصريين بتهمة الانتماء لداعش": a sentence carried out, not a killing
    if t.kind == "ied" and _cue_near(sent, "clearance", i - CLEAR_WINDOW, i):
        return "stock"             # "تمشيط المدينة من الألغام": mines cleared, no explosion
    if _cue_near(sent, "anniversary", i - AFTERMATH_WINDOW, i):
        return "anniversary"       # "في الذكرى الخامسة للتفجير": long past
    if _period_origin(sent, i):
        return "origin"            # "حرب أهلية منذ عام 2014 عندما استولى الحوثيون على صنعاء": what began a period
    if t.kind == "protest" and _cue_near(sent, "outcry", _clause_start(sent, i, OUTCRY_WINDOW), i):
        return "outcry"            # "ما أثار تنديدا دوليا", "لاقى القرار احتجاجات واسعة": a reaction, no demonstration
    if _cue_near(sent, "recent_plural", i, j + 1) and not names_day(sent):
        return "recent"            # "وأثارت الهجمات الأخيرة في محافظتي الرقة ودير الزور": incidents recalled
    if t.kind == "withdrawal" and _withdrawn_to(sent, t, i):
        return "withdrawal_away"   # "نفذوا هجومهم ثم انسحبوا إلى محافظة صلاح الدين": no place handed over
    if toll_update(sent, t):
        return None                # "ارتفاع حصيلة ضحايا تفجير الكرادة إلى 187": one incident's toll, not a summary
    latest = _cue_near(sent, "latest", j, j + LATEST_WINDOW)    # "الاحتجاجات ... كان آخرها في ساحة": one is named
    if _cue_near(sent, "summary", i - SUMMARY_WINDOW, j + SUMMARY_WINDOW, skip=(t.start, t.end), names=True) \
            and not names_day(sent) \
            and not _one_day(sent) and not latest:
        return "summary"
    if j - i == 1 and sent.tokens[i][2] in _word_list("summary") and not names_day(sent) and not _dated(sent) \
            and not latest:
        return "summary"           # a bare plural with no day ("عبر هجمات صغيرة تستهدف الحواجز"): a habit
    return None


def _clause_start(sent, i: int, window: int) -> int:
    """The first of the `window` tokens before token i that lies in i's clause (after the last comma before it)."""
    lo = max(0, i - window)
    for k in range(i - 1, lo - 1, -1):
        gap = sent.folded[sent.tokens[k][1]:sent.tokens[k + 1][0]]
        if "،" in gap or "," in gap or "؛" in gap:
            return k + 1
    return lo


def _verdict(sent, t: Trigger) -> bool:
    """A court and its verdict (قضت، حكمت، أصدرت ... حكما/أحكاما، أدانت) told before the trigger: the sentence reports
    a verdict, and its violent words are what the case is about (block court)."""
    courts = matcher("claims", "court_case").find(sent.folded, 0, t.start)
    if not courts:
        return False
    verdicts = matcher("claims", "verdict_verbs").find(sent.folded, 0, t.start)
    return bool(verdicts) and bool(matcher("cues", "court").find(sent.folded, courts[0].end, t.end))


OUTCRY_WINDOW = 6     # tokens before a protest word where a verb of arousing or meeting stands ("أثار موجة من الاحتجاجات")
CLEAR_WINDOW = 3      # tokens before a mine word where a verb of clearing it stands
WORN_GAP = 2          # tokens between a verb of wearing and the explosive belt it describes
WITHDRAW_WINDOW = 6   # tokens after a withdrawal word where it says from where or to where


def _withdrawn_to(sent, t: Trigger, i: int) -> bool:
    """A withdrawal (انسحب، انسحاب) that says where to before it says where from: a force moving away after its
    attack, not a place it hands over (a withdrawal from a place is a non-violent transfer of territory)."""
    if not strip_proclitics(sent.tokens[i][2]).startswith(("انسحب", "انسحاب")):
        return False
    towards = _word_list("withdraw_to")
    for w in sent.words(i + 1, i + 1 + WITHDRAW_WINDOW):
        if w in ("من", "ومن"):
            return False
        if w in towards:
            return True
    return False


def _judicial(sent, t: Trigger, j: int) -> bool:
    """An execution with a charge after it and no armed group named before the charge as the executioner
    ("إعدام 7 مصريين بتهمة الانتماء لداعش"; not "أعدم تنظيم داعش ثلاثة شبان بتهمة التعامل مع التحالف")."""
    hi = sent.tokens[min(j + COURT_WINDOW, len(sent.tokens)) - 1][1]
    charge = matcher("cues", "charged").find(sent.folded, t.end, hi)
    if not charge:
        return False
    return not any(a.value["side"] == "armed" and a.start < charge[0].start for a in sent.actors)


CAPTION_WORDS = 25    # a photo caption is one short line
_CREDIT = re.compile(r"\(([^()\n]{1,60})\)\s*$")


def caption(sent) -> bool:
    """A short line of its own that ends with a photo credit in parentheses ("(فرانس برس)", "(إنترنت)",
    "(اسم المصور/الوكالة)"): a caption depicts a scene, often of another day; it reports no incident."""
    if not sent.headline or len(sent.tokens) > CAPTION_WORDS:
        return False
    m = _CREDIT.search(sent.text)
    if m is None:
        return False
    inner = m.group(1).strip()
    if "/" in inner:
        return True
    folded = normalize(inner).folded.strip()
    return any(h.start == 0 and h.end >= len(folded) for h in matcher("cues", "credits").find(folded))


def _relative_copula(sent, i: int) -> bool:
    """A relative pronoun then a copula within COPULA_WINDOW tokens before the trigger ("التي كانت محل تركيز
    الضربات"): the trigger describes the noun the clause qualifies."""
    lo = max(0, i - COPULA_WINDOW)
    words = sent.words(lo, i)
    rel, cop = _word_list("relative"), _word_list("copula")
    for k, w in enumerate(words):
        if (w in rel or (w.startswith("و") and w[1:] in rel)) and any(x in cop for x in words[k + 1:]):
            return True
    return False


def _one_day(sent) -> bool:
    """The sentence pins what it tells to one day, relative or not ("مساء اليوم الاثنين", "أمس"): a series of
    strikes that day is one event (ACLED codes one event per place and day)."""
    from marsad.extract.mentions import PERIOD_RULES, dates

    return any(d.precision == "day" and d.rule not in PERIOD_RULES and not _since(sent, d.start)
               for d in dates(sent))


def _dated(sent) -> bool:
    from marsad.extract.mentions import dates

    return any(d.date_start for d in dates(sent))


def _denial(sent) -> bool:
    """The sentence opens with a denial (not of responsibility: "نفى التنظيم مسؤوليته عن التفجير")."""
    if "denial" not in sent.cache:
        sent.cache["denial"] = _cue_near(sent, "denial", 0, LEAD) and not matcher("cues", "denial_except").find(sent.folded)
    return sent.cache["denial"]


LASTING_WINDOW = 3   # tokens after a trigger searched for a verb of lasting
LASTING_SPAN = 5     # tokens after that verb searched for its span ("استمرت أكثر من ثلاث سنوات")


def _long_lasting(sent, j: int) -> bool:
    """The trigger ending before token j lasted weeks, months or years: a war or a campaign."""
    lasting, units = _word_list("lasting"), _word_list("long_units")
    for k in range(j, min(j + LASTING_WINDOW, len(sent.tokens))):
        if sent.tokens[k][2] in lasting:
            return any(w in units for w in sent.words(k + 1, k + 1 + LASTING_SPAN))
    return False


def _word_list(section: str) -> frozenset:
    return folded_words("cues", section)


def find_triggers(sent, keep_blocked: bool = False) -> list[Trigger]:
    """The sentence's triggers, less the blocked ones unless keep_blocked (computed once per sentence)."""
    key = ("triggers", keep_blocked)
    found = sent.cache.get(key)
    if found is None:
        found = sent.cache[key] = _find_triggers(sent, keep_blocked)
    return list(found)


def _find_triggers(sent, keep_blocked: bool) -> list[Trigger]:
    req = _requires()
    false = matcher("cues", "false_triggers").find(sent.folded) if sent.triggers else []
    out = []
    for p in sent.triggers:
        need = req.get(p.key)
        if need and not any(w in sent.folded for w in need):
            continue
        if any(f.start <= p.start and p.end <= f.end for f in false):
            continue
        t = _make(p)
        if t.kind in EXPLOSIVE_KINDS and _disrupted(sent, t):
            t = retype(t, "disrupted", "type.disrupted_verb")
        if keep_blocked or blocked(sent, t) is None:
            out.append(t)
    return out


def claimed_by(sent, t: Trigger) -> bool:
    """The trigger is the object of a claim of responsibility ("تبنى التنظيم هجوما", "أعلن مسؤوليته عن
    التفجير"): a claim may tell an incident the report has not told yet."""
    i = sent.tok_index(t.start)
    return _cue_near(sent, "responsibility", i - AFTERMATH_WINDOW, i)


def aftermath(sent, t: Trigger) -> bool:
    """The trigger is the object of an incident's aftermath ("أعلن التنظيم تبنيه الهجوم", "أدان الوزير التفجير",
    "نجا من الغارة", "حدادا على أرواح ضحايا التفجير"): it tells again an incident, it does not report a new one."""
    i = sent.tok_index(t.start)
    return _cue_near(sent, "aftermath", i - AFTERMATH_WINDOW, i)
