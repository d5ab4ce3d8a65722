"""What the merge derives from a stored event and its report, beyond the event row itself.

Nothing here extracts events: these are cheap readings of fields the records already carry.

- ``url_dates(url)``: the day (or month) a report's URL names (``/2016/7/7/``, ``/2017/09/``,
  ``2022-07-20-...``) — publication metadata for reports stored without ``published``;
- ``pub_window(...)``: the days a report may have been published, from ``published``, its URL, or
  its near-duplicate's (the document it copies);
- ``weekdays(text)``: the weekdays a sentence names for its event ("فجر الجمعة", "الثلاثاء"), leaving
  out a weekday that dates a statement ("أعلنت الوزارة الخميس") or a court ruling ("قضت محكمة، الخميس،
  بإعدام ..." in a report that recalls the bombing) and widening a night ("ليل السبت")
  to the days around it, but not a night named by its two days ("ليل الخميس-الجمعة"; ``read_days``
  says so);
- ``landmarks(text)``: the named spots a sentence names after a place word ("ساحة الطيران" ->
  "طيران", "بحي الكرادة" -> "كراده", "قرية برخ" -> "برخ"): the place an outlet states below the
  town or governorate it was geocoded to;
- ``persons(text)``: the people a sentence tells as the target of an attack, by a name after a
  title word ("الناشط إيهاب الوزني"), compared like named sites;
- ``name_forms(name)``: the folded name, its words without generic place words, and its spelling
  skeleton (long vowels dropped: "باراخ" and "برخ" are one skeleton).
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from . import vocab

_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_VOWELS = str.maketrans("", "", "اويى")
_TODAY = "اليوم"
EARLIEST = date(1990, 1, 1).toordinal()


def url_dates(url: str | None) -> tuple[int, int] | None:
    """(first, last) day ordinals a URL's path names, or None."""
    if not url:
        return None
    m = _URL_DAY.search(url)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
        except ValueError:
            d = None
        if d is not None and d >= EARLIEST:
            return d, d
    m = _URL_MONTH.search(url)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            first = date(year, month, 1).toordinal()
            if first >= EARLIEST:
                return first, date(year, month, calendar.monthrange(year, month)[1]).toordinal()
    return None


def iso_day(s: str | None) -> int | None:
    """The ordinal day of an ISO date (its first ten characters), None when absent or malformed."""
    if not s:
        return None
    try:
        return date.fromisoformat(str(s)[:10]).toordinal()
    except ValueError:
        return None


def pub_window(published: str | None, url: str | None, root_published: str | None = None,
               root_url: str | None = None) -> tuple[int, int] | None:
    """The days the report was published: its own date, its URL's, else its original's."""
    for pub, link in ((published, url), (root_published, root_url)):
        d = iso_day(pub)
        if d is not None:
            return d, d
        found = url_dates(link)
        if found:
            return found
    return None


@lru_cache(maxsize=1)
def _weekday_vocab() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    raw = vocab.incident_rules()
    days = {vocab.fold(k): v for k, v in raw["weekdays"].items()}
    night = frozenset(vocab.fold(w) for w in raw["weekday_night_cues"])
    report = frozenset(vocab.fold(w) for w in raw["weekday_report_cues"])
    return days, night, report


def _strip(token: str) -> str:
    """A clitic و/ف/ب/ل before a token ("والخميس", "بالأحد")."""
    if len(token) > 4 and token[0] in "وفبل" and token[1:3] == "ال":
        return token[1:]
    return token


def weekdays(text: str | None) -> frozenset[int] | None:
    """The weekdays (Monday = 0) a text names for its event, or None when it names none."""
    return read_weekdays(text)[0]


def statement_weekdays(text: str | None) -> frozenset[int] | None:
    """The weekdays of a statement made "today" about the event ("أعلنت الشرطة اليوم الخميس"),
    widened to the day before (breaking news tells last night's and today's events). A statement
    day without "اليوم" ("أعلنت الوزارة الخميس ارتفاع الحصيلة") may come days later: not read."""
    return read_weekdays(text)[1]


_NIGHT_JOINS = frozenset(("علي", "الي", "و"))     # folded: "ليلة الخميس على الجمعة", "ليل الخميس إلى الجمعة"


def read_weekdays(text: str | None) -> tuple[frozenset[int] | None, frozenset[int] | None]:
    """(event weekdays, statement weekdays) a text names; None for none."""
    return read_days(text)[:2]


def read_days(text: str | None) -> tuple[frozenset[int] | None, frozenset[int] | None, bool]:
    """(event weekdays, statement weekdays, night): ``night`` when the event weekdays are one night
    the text names by its two days ("ليل الخميس-الجمعة"; rule ``night-of-two-days``), and no other."""
    if not text:
        return None, None, False
    days, night, report = _weekday_vocab()
    tokens = [_strip(t) for t in _TOKEN.findall(vocab.fold(text))]
    found: set[int] = set()
    said: set[int] = set()
    second = -1                                   # the token of a night's second day, read with its first
    other = False                                 # an event weekday not of a two-day night
    for i, tok in enumerate(tokens):
        day = days.get(tok)
        if day is None or i == second:
            continue
        before = tokens[max(0, i - 6):i]
        if any(b in report or b[1:] in report for b in before):
            if before and before[-1] == _TODAY:   # "أعلنت الشرطة اليوم الخميس": news of today
                said.update(((day - 1) % 7, day))
            continue                              # the day a statement was made, not the event's
        found.add(day)
        if any(b in night for b in tokens[max(0, i - 3):i]):
            # rule night-of-two-days: "ليل الخميس-الجمعة", "ليلة الاثنين - الثلاثاء" names the night
            # itself, between those two days: neither day before the first nor after the second
            nxt = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] in _NIGHT_JOINS)
            if nxt < len(tokens) and days.get(tokens[nxt]) == (day + 1) % 7:
                found.add((day + 1) % 7)
                second = nxt
                continue
            found.update(((day - 1) % 7, (day + 1) % 7))
        other = True
    return frozenset(found) or None, frozenset(said) or None, bool(found) and not other


def day_weekdays(start: int, end: int) -> frozenset[int] | None:
    """The weekdays a stated date range covers (None for a week or more: no constraint)."""
    if end - start >= 6:
        return None
    return frozenset(date.fromordinal(d).weekday() for d in range(start, end + 1))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_name_word(vocab.fold(w)) for w in vocab.incident_rules()["generic_place_words"])


def _name_word(word: str) -> str:
    """A folded name word without its article (names carry no other clitic: "باراخ" keeps its ب)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@lru_cache(maxsize=65536)
def name_forms(name: str | None) -> tuple[str, frozenset[str], str]:
    """(folded name, its specific words, spelling skeleton of the whole name)."""
    words = tuple(_name_word(w) for w in _TOKEN.findall(vocab.fold(name or "")))
    folded = " ".join(words)
    specific = frozenset(w for w in words if len(w) >= 3 and w not in _generic())
    skeleton = "".join(w.translate(_VOWELS) for w in words)
    return folded, specific, skeleton if len(skeleton) >= 3 else ""


@lru_cache(maxsize=1)
def _landmark_vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str], dict[str, str],
                               frozenset[str]]:
    raw = vocab.incident_rules()
    heads = frozenset(_name_word(vocab.fold(w)) for w in raw["landmark_words"])
    stop = frozenset(_name_word(vocab.fold(w)) for w in raw["landmark_stop_words"]) | _generic()
    compound = frozenset(vocab.fold(w) for w in raw["landmark_compound_words"])
    # every written form of a place word, to its bare form: bare or behind one clitic ("بساحة",
    # "وبمنطقة"), and with the article ("في الكلية", "بالسوق")
    bare = {p + h: h for h in heads for p in ("", "وب", "و", "ب", "ف", "ل")}
    article = {p + h: h for h in heads for p in ("ال", "بال", "وال", "وبال", "فال")}
    targets = frozenset(_name_word(vocab.fold(w)) for w in raw["target_words"])
    return heads, stop, compound, bare, article, targets


def _unclitic(word: str) -> str:
    """The word behind one preposition or conjunction ("بوسط" -> "وسط", "بريف" -> "ريف")."""
    return word[1:] if len(word) > 3 and word[0] in "وبفل" else word


def _spots(text: str | None, limit: int) -> list[tuple[str, str]]:
    """(place word, name) for each specific name that follows a place word in ``text``."""
    if not text:
        return []
    heads, stop, compound, bare, article_forms, _targets = _landmark_vocab()
    tokens = _TOKEN.findall(vocab.fold(text[:limit]))
    found: list[tuple[str, str]] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        head = bare.get(tok)
        article = False
        if head is None:
            # "في الكلية الحربية": a place word with the article names a spot only by an adjective
            # that has it too ("في المنطقة. يشار", "السوق قبيل الإفطار" name nothing)
            head = article_forms.get(tok)
            if head is None:
                continue
            article = True
        j = i + 1
        while j < n and j <= i + 3 and _name_word(tokens[j]) in heads:
            j += 1
        if j >= n:
            continue
        if article and not tokens[j].startswith("ال"):
            continue
        word = _name_word(tokens[j])
        if word in compound and j + 1 < n:       # "باب الشرقي", "تل أبيض": one name
            word = f"{word} {_name_word(tokens[j + 1])}"
        elif len(word) < 3 or word.isdigit() or word in stop or _unclitic(word) in stop:
            continue
        found.append((head, word))
    return found


def landmarks(text: str | None, limit: int = 2000) -> frozenset[str]:
    """The specific names that follow a place word in ``text`` (its first ``limit`` characters).

    After a place word, further place words are skipped ("منطقة ساحة الطيران"); the next word
    is the name unless it is an adjective or a generic word (landmark_stop_words: "منطقة
    شعبية" names nothing). Names are folded, without the article, at least three letters.
    """
    return frozenset(word for _head, word in _spots(text, limit))


def spots_and_targets(text: str | None, limit: int = 2000) -> tuple[frozenset[str], frozenset[str]]:
    """(landmarks, targets): the targets are the names after a word for a site that is attacked
    rather than a place one lives in (target_words: "القنصلية الإيرانية", "الكلية الحربية",
    "سجن الصناعة", "سوق الوحيلات"): a detail two reports of one incident share, and two
    bombings in one town seldom do."""
    found = _spots(text, limit)
    targets = _landmark_vocab()[5]
    return frozenset(w for _h, w in found), frozenset(spelling(w) for h, w in found if h in targets)


def spelling(word: str) -> str:
    """A name's spelling skeleton (long vowels dropped: "الأميركية" and "الأمريكية" are one), or
    the name itself when that leaves under three letters."""
    skeleton = word.replace(" ", "").translate(_VOWELS)
    return skeleton if len(skeleton) >= 3 else word


def targets(text: str | None, limit: int = 2000) -> frozenset[str]:
    """The named sites a text names after a target word (see ``spots_and_targets``), as
    spelling skeletons."""
    return spots_and_targets(text, limit)[1]


_PERSON_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?؟\n]+")
_MODIFIER = ("ال", "وال", "بال", "لل", "كال", "فال")
_ARTICLE_AFTER_CLITIC = ("وال", "بال", "لل", "كال", "فال")


@lru_cache(maxsize=1)
def _person_vocab() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    raw = vocab.incident_rules()
    bare = frozenset(vocab.fold(w) for w in raw["person_title_words"])
    titles = frozenset("ال" + w for w in bare)
    cues = tuple(vocab.fold(w) for w in raw["person_target_cues"])
    stop = frozenset(vocab.fold(w) for w in raw["person_name_stop_words"])
    complements = frozenset(vocab.fold(w) for w in raw["person_title_complements"])
    return titles, bare, cues, stop, complements


def _is_cue(token: str, cues: tuple[str, ...]) -> bool:
    """An attack word behind its clitics and article ("باغتيال", "للاغتيال", "واغتالوا")."""
    for _ in range(2):
        if token.startswith(cues):
            return True
        if token.startswith("لل"):
            token = token[2:]
        elif token.startswith("ال"):
            token = token[2:]
        elif len(token) > 4 and token[0] in "وفبلك":
            token = token[1:]
        else:
            return False
    return token.startswith(cues)


def _person_after(tokens: list[str], i: int, stop: frozenset[str], complements: frozenset[str]) -> list[str]:
    """The name after the title at ``i``: adjectives and further titles with the article ("العراقي
    البارز والباحث"), a complement ("في شؤون الجماعات") and a media name ("قناة دجلة") are
    skipped; then the first name and up to two name words, to the next punctuation or word with
    a preposition and the article ("إيهاب جواد الوزني"). "عبد"/"أبو" join the word after."""
    j, n = i + 1, len(tokens)
    for _ in range(8):
        if j < n and tokens[j].startswith(_MODIFIER):
            j += 1
        elif j + 1 < n and tokens[j] in ("في", "ب") and tokens[j + 1].isalpha():
            j += 2
        elif j + 1 < n and tokens[j] in complements and tokens[j + 1].isalpha():
            j += 2
        else:
            break
    words: list[str] = []
    while (j < n and len(words) < 3 and tokens[j].isalpha() and tokens[j] not in stop
           and not tokens[j].startswith(_ARTICLE_AFTER_CLITIC)):
        word = tokens[j]
        if not words and (word.startswith(_MODIFIER) or len(word) < 3):
            return []
        if word in ("عبد", "ابو", "ابن", "بن") and j + 1 < n and tokens[j + 1].isalpha():
            word, j = word + tokens[j + 1], j + 1
        words.append(word)
        j += 1
    return words


def persons(text: str | None, limit: int = 2000) -> frozenset[str]:
    """The people a text tells as the target of an attack: a name after a title word
    (person_title_words: "الناشطة العراقية ريهام يعقوب", "الصحفي أحمد عبد الصمد") in a sentence with
    an attack word (person_target_cues: "اغتيال", "أطلقوا النار"). Each name gives its first name
    with each name word after it, as spelling skeletons, so "إيهاب الوزني" and "إيهاب جواد الوزني"
    share one. Officials and spokesmen have no title here: their names recur across incidents."""
    if not text:
        return _EMPTY_NAMES
    titles, bare, cues, stop, complements = _person_vocab()
    out: set[str] = set()
    for sentence in _SENTENCE_END.split(vocab.fold(text[:limit])):
        tokens = _PERSON_TOKEN.findall(sentence)
        if not any(_is_cue(tok, cues) for tok in tokens):
            continue
        for i, tok in enumerate(tokens):
            if tok in titles or (tok[:1] in "وف" and tok[1:] in titles) or (
                    tok in bare and i + 1 < len(tokens) and tokens[i + 1] in complements):
                words = _person_after(tokens, i, stop, complements)
                out.update(spelling(f"{words[0]} {w}") for w in words[1:])
    return frozenset(out)


_EMPTY_NAMES: frozenset[str] = frozenset()


@lru_cache(maxsize=65536)
def is_region(name: str | None) -> bool:
    """A place named as a countryside or a direction from a place ("ريف حماة", "أرياف دير
    الزور", "شمال شرقي بغداد"): a region, which two reports can share without one incident."""
    words = _TOKEN.findall(vocab.fold(name or ""))
    return bool(words) and _name_word(words[0]) in _region_words()


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    return frozenset(_name_word(vocab.fold(w)) for w in vocab.incident_rules()["region_words"])


@lru_cache(maxsize=65536)
def is_direction(name: str | None) -> bool:
    """A place named as a direction from a city ("جنوب دمشق", "شرقي العاصمة العراقية", "شمال
    غربي سوريا"): not a countryside ("ريف حماة") or a desert; the geocoder puts its point
    ``region_offset_km`` (or, from a city, ``region_offset_city_km``) out from the city that way."""
    words = _TOKEN.findall(vocab.fold(name or ""))
    return bool(words) and _name_word(words[0]) in _direction_words()


@lru_cache(maxsize=1)
def _direction_words() -> frozenset[str]:
    return frozenset(_name_word(vocab.fold(w)) for w in vocab.incident_rules()["direction_words"])


@lru_cache(maxsize=1)
def _toll_cues() -> tuple[frozenset[str], frozenset[str]]:
    raw = vocab.incident_rules()
    fold = lambda ws: frozenset(vocab.fold(w) for w in ws)       # noqa: E731
    return fold(raw.get("toll_provisional_cues", ())), fold(raw.get("toll_rising_cues", ()))


def toll_state(text: str | None) -> tuple[bool, bool]:
    """(provisional, risen): whether a sentence gives its figures as a first count ("حصيلة أولية",
    "على الأقل", "مرشحة للارتفاع") or as a toll that has risen ("ارتفع عدد القتلى إلى"); rule
    ``toll-still-rising``. A clitic و/ف before a cue is read through ("وارتفعت")."""
    if not text:
        return False, False
    provisional, rising = _toll_cues()
    tokens = {t[1:] if len(t) > 3 and t[0] in "وف" else t for t in _TOKEN.findall(vocab.fold(text))} \
        | set(_TOKEN.findall(vocab.fold(text)))
    return bool(tokens & provisional), bool(tokens & rising)
