"""Quantities in Arabic news text: digits, number words, ranges, qualifiers.

``find_numbers(text)`` returns :class:`Quantity` mentions with spans in the
original text. Parsing runs on the folded normalized text (Arabic-Indic digits
already folded to 0-9), so ``٢٠ ألفاً`` and ``20 ألفا`` are the same thing.

* values: ``30``, ``1,500``, ``2.5 مليون``, ``ثلاثة آلاف وخمسمئة``, ``ألفي``;
* ranges: ``20-30 ألف`` (the scale of the second end applies to the first),
  ``من 20 إلى 30``, ``بين 18 و35``;
* بين X و Y and compounds — the rule: a number joined by و continues the
  compound only where Arabic allows it (unit + و + ten: خمسة وعشرون; a smaller
  part after a larger one: ألف وخمسمئة, مليون و200 ألف). So after بين,
  ``بين خمسة وعشرة`` (5..10), ``بين عشرين وثلاثين ألفاً`` (20000..30000) and
  ``بين ألفين وثلاثة آلاف`` (2000..3000) are ranges, and ``بين خمسة وعشرين
  وثلاثين`` is 25..30. ``خمسة وعشرين`` alone, or after بين with no second end
  (``من بين خمسة وعشرين معتقلا``: among 25), is 25 — unless a range verb
  (data/range_verbs.txt: تتراوح ...) stands within three words before بين, which
  needs two ends: ``تتراوح أعمارهم بين خمسة وعشرين عاما`` is 5..20;
* qualifiers (data/qualifiers.tsv): approx / at_least / at_most; a span
  includes its qualifier phrase. The phrase may carry the clitics ب/و
  (``بنحو``، ``بما يقارب``، ``وأكثر من``) unless it opens with a present-tense
  verb (``وتصل إلى``، ``لتصل إلى`` are not qualifiers); a phrase ending in ب may be
  glued to the number (``يقدر عددهم ب2500``). ``حتى`` before a bare year
  (``حتى 2019``) is a date, not an upper bound;
* open ends: at_least leaves value_high None, at_most leaves value_low None;
* ``20 و30 ألف`` (no بين): a bare number, و, and a larger one with a scale word
  is a range whose scale applies to both ends (20000..30000);
* vague amounts (عشرات، مئات، آلاف، بضعة آلاف) have no value;
* duals of counted nouns (data/duals.tsv) count 2 — not right after a number,
  where the -ين form is the plural (ثلاثة شرطيين);
* construct duals (إضافة) drop their ن: the singular of a counted person noun
  + ي/ـَي (oblique) or + ا (nominative) — ``بمقتل عنصري أمن``، ``اعتقال عنصرَي
  التنظيم``، ``قُتل عنصرا الشرطة`` — count 2 only when immediately followed by
  their noun complement (an ال-word, or a group/force word from
  data/construct_context.tsv: أمن، الشرطة، قسد ...), never at a sentence end;
  not when the word has ال itself, follows a noun it may describe as an adjective
  (``هجوم عنصري``), is followed by a time word/relative (``قتل مدنيا الليلة``), or
  is spelled as a singular (tanwin ``مدنياً``، shadda ``عنصريّ``). Which forms are
  safe is decided per noun in data/duals.tsv: ـي only with a fatha where the
  sound plural's construct has the same letters (``مقاتلي داعش`` is plural,
  ``مقاتلَي الفصيل`` is 2); see :mod:`marsad.text._construct`;
* the counted noun that follows (data/counted_nouns.tsv) is reported as its lemma.

Years and other numbers inside date expressions are not quantities: they are
dropped when they overlap a span given in ``ignore`` (by default the spans of
:func:`marsad.text.dates.find_dates`), and bare years after عام/سنة/منذ are
skipped by rule.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .morph import proclitic_runs

from ._construct import construct_ok as _construct_ok
from ._data import read_lines, read_tsv
from ._scan import scan
from .normalize import fold_text
from .normalize import span_to_original as _to_original

_AR = "\u0621-\u063a\u0641-\u064a"
_CONJ_PREFIX = "و"
_PREFIXES = proclitic_runs()   # marsad.text.morph, longest first
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TOKEN_RE = re.compile(rf"(?P<pre>وال|بال|لل|ال|و|ب|ل)?(?:(?P<d>{_DIGITS})|(?P<w>[{_AR}]+))")
# the same token after spaces/tabs (a token never starts with a space, so the split is unique)
_NEXT_TOKEN_RE = re.compile(rf"[ \t]+{_TOKEN_RE.pattern}")
_SPACE_RE = re.compile(r"[ \t]+")
_RANGE_SEP_RE = re.compile(r"[ \t]*(?P<s>[-–—]|الي|حتي|و)[ \t]*")
_YEAR_CTX_RE = re.compile(r"(?:عام|العام|سنه|لعام|منذ|مطلع|اواخر|اوائل|منتصف|نهايه|بدايه)[ \t]+$")
_BAD_BEFORE_RE = re.compile(r"(?:[A-Za-z]-?|[" + _AR + r"]-|\d[/:.]|[:/])$")
_BAD_AFTER_RE = re.compile(r"(?:[/:]\d|[A-Za-z]|[ \t]*[مه](?![" + _AR + r"]))")
_QUALIFIER_TAIL = 40
_QUAL_CLITICS = ("و", "ب", "وب")
_UPTO_YEAR = ("حتي", "وحتي")
_OPENER_RE = re.compile(r"(?:^|(?<=\s))(?:ما[ \t]+)?(من|بين)[ \t]+$")
_NOUN_RE = re.compile(rf"[ \t]+(?:من[ \t]+)?(?:ال)?(?P<w>[{_AR}]+)")
_ERA_RE = re.compile(r"[ \t]*(?:م|ه|للميلاد|ميلادي)(?![" + _AR + r"])")
_APPROX_AFTER_RE = re.compile(r"[ \t]+تقريبا(?![" + _AR + r"])")
_FATHA_RE = re.compile("\u064e\u0651?ي")
_HALF_RE = re.compile(r"[ \t]+ونصف(?![" + _AR + r"])")
_TWO_RE = re.compile(r"[ \t]+(?:اثنين|اثنان|اثنتين|اثنتان)(?![" + _AR + r"])")
_CONSTRUCT = ("construct", "construct_fatha")
MAX_DIGITS = 15          # digits before the decimal point of a quantity (10^15 > any real count)
MAX_DIGITS_CHARS = 32    # the whole digit token, separators and decimals included


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value_low: int | float | None
    value_high: int | float | None
    qualifier: str = "exact"
    vague: bool = False
    noun: str | None = None
    noun_start: int | None = None
    noun_end: int | None = None


@dataclass
class _Expr:
    start: int
    end: int
    value: int | float | None
    vague: bool
    scale: int
    unit_ten: tuple[int | float, int | float] | None = None    # "خمسة وعشرين": (5, 20), see _split_range


@dataclass(frozen=True)
class _Vocab:
    words: dict
    qual_re: re.Pattern
    quals: dict
    nouns: dict
    duals: dict
    qual_last: frozenset
    lookup: dict     # folded word -> (prefix, value, kind), see _lookup


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in set(words)), key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    words = {fold_text(r[0]): (float(r[1]) if "." in r[1] else int(r[1]), r[2])
             for r in read_tsv("number_words.tsv")}
    quals = {fold_text(r[0]): r[1] for r in read_tsv("qualifiers.tsv")}
    nouns = {fold_text(r[0]): r[1] for r in read_tsv("counted_nouns.tsv")}
    duals = {fold_text(r[0]): (r[1], r[2]) for r in read_tsv("duals.tsv")}
    qual_re = re.compile(rf"(?:^|(?<=[\s(«“\"]))(?P<w>و)?(?P<b>ب)?(?P<q>{_alt(quals)})(?:[ \t]+|(?<=ب))$")
    last = {q.split()[-1] for q in quals}
    qual_last = frozenset(last | {c + w for w in last for c in _QUAL_CLITICS})
    lookup = {w: ("", *v) for w, v in words.items()}
    for p in _PREFIXES:      # the first prefix in order wins, as in a scan of _PREFIXES
        for w, v in words.items():
            lookup.setdefault(p + w, (p, *v))
    return _Vocab(words, qual_re, quals, nouns, duals, qual_last, lookup)


def _lookup(word: str, first: bool):
    """(prefix, value, kind) for a folded word, or None: the word itself, else the
    first of _PREFIXES it starts with whose rest is a number word (a token after
    the first may carry only و or ال)."""
    hit = _vocab().lookup.get(word)
    if hit is None or (hit[0] and not first and hit[0] not in ("و", "ال")):
        return None
    return hit


def _token(f: str, p: int, first: bool):
    """Read one token at ``p`` (after spaces unless first): (start, end, kind, value, prefix)."""
    m = (_TOKEN_RE if first else _NEXT_TOKEN_RE).match(f, p)
    if not m:
        return None
    pre, d = m.group("pre", "d")
    end = m.end()
    if d:
        pre = pre or ""
        if (not first and pre not in ("", "و")) or len(d) > MAX_DIGITS_CHARS \
                or len(d.split(".")[0].replace(",", "")) > MAX_DIGITS:
            return None     # a run of digits longer than any count is a code or noise, not a quantity
        return m.start("d"), end, "digits", _num(d), pre
    if f[end:end + 1].isalnum():
        return None
    start = m.start("pre") if pre else m.start("w")
    hit = _lookup(f[start:end], first)   # prefix + word: the whole letter run
    if hit is None:
        return None
    pre, value, kind = hit
    return start + len(pre), end, kind, value, pre


def _num(s: str) -> int | float:
    s = s.replace(",", "")
    return float(s) if "." in s else int(s)


_FOLLOW = {
    # (last kind, conj) -> kinds that may follow
    ("unit", False): {"teen", "hundred", "scale", "scale_pl"},
    ("unit_teen", False): {"teen"},
    ("unit", True): {"ten"},
    ("teen", False): {"scale", "scale_pl"},
    ("ten", False): {"scale"},
    ("hundred", False): {"scale"},
    ("hundred", True): {"unit", "ten", "digits"},
    ("digits", False): {"scale", "scale_pl"},
    ("scale", True): {"unit", "ten", "hundred", "digits"},
    ("scale_dual", True): {"unit", "ten", "hundred", "digits"},
    ("scale_pl", True): {"unit", "ten", "hundred", "digits"},
    ("vague", False): {"scale_pl"},
}


_NOTHING: frozenset = frozenset()


class _Acc:
    """Accumulates the value of a compound number expression."""

    def __init__(self) -> None:
        self.total: int | float = 0
        self.cur: int | float | None = None
        self.vague = False
        self.scale: int | float = 0
        self.teen_pending = False

    def add(self, kind: str, value, last: str | None) -> bool:
        if kind in ("digits", "unit", "unit_teen", "ten", "hundred"):
            if kind == "hundred" and last == "unit" and self.cur is not None:
                self.cur *= 100
            else:
                self.cur = (self.cur or 0) + value
        elif kind == "teen":
            self.cur = (self.cur or 0) + value
        elif kind == "vague":
            self.vague = True
        elif kind == "scale_dual":
            if self.cur is not None:
                return False
            self.total += value
            self.scale = value // 2
        elif kind in ("scale", "scale_pl"):
            if self.cur is None and (kind == "scale_pl" or self.vague):
                self.vague = True
            else:
                self.total += (self.cur if self.cur is not None else 1) * value
            self.cur, self.scale = None, value
        return True

    def value(self):
        if self.vague:
            return None
        v = self.total + (self.cur or 0)
        return int(v) if isinstance(v, float) and v.is_integer() else v


def _parse_expr(f: str, pos: int) -> _Expr | None:
    """Parse the compound number starting exactly at ``pos`` of folded text ``f``.

    A part joined by و must be smaller than what precedes it (ألف وخمسمئة); a
    scale word after و that is not smaller than the scale before it ends the
    number before the و (``ألفين وثلاثة آلاف`` is two numbers, not 5000).
    """
    tok = _token(f, pos, True)
    if tok is None:
        return None
    start, end, kind, value, pre = tok
    if kind == "unit" and value == 2 and pre.endswith("ال") and f[start:end] == "اثنين":
        return None  # الاثنين: Monday
    if kind == "hundred" and value == 100 and pre.endswith("ال"):
        return None  # في المئة / بالمئة: percent
    acc, last, mark, kinds = _Acc(), None, None, []
    while tok is not None:
        t_start, t_end, kind, value, pre = tok
        if last is not None:
            conj = pre == _CONJ_PREFIX
            allowed = _FOLLOW.get((last, conj), _NOTHING)
            if kind not in allowed or (pre == "ال" and last != "vague"):
                break
            if kind == "digits" and conj and acc.scale and value >= acc.scale:
                break
            if conj:
                mark = (acc.total, acc.cur, acc.scale, end, last, len(kinds))
            elif mark and kind in _SCALES and acc.scale and value >= acc.scale:
                acc.total, acc.cur, acc.scale, end, last, n = mark
                del kinds[n:]
                break
        if kind == "unit_teen":
            nxt = _token(f, t_end, False)
            if nxt is None or nxt[2] != "teen":
                break
        if not acc.add(kind, value, last):
            break
        end, last = t_end, kind
        kinds.append(kind)
        tok = _token(f, end, False)
    if last is None or last == "unit_teen":
        return None
    return _Expr(start, end, acc.value(), acc.vague, acc.scale, _unit_ten(kinds, acc))


_SCALES = ("scale", "scale_pl")


def _unit_ten(kinds: list[str], acc: _Acc) -> tuple[int | float, int | float] | None:
    """(unit, ten) when the number is exactly "unit وten" (+ one scale word): خمسة وعشرين (ألفا)."""
    if len(kinds) < 2 or kinds[0] != "unit" or kinds[1] != "ten":
        return None
    if len(kinds) == 2:
        v = acc.cur
    elif len(kinds) == 3 and kinds[2] == "scale":
        v = acc.total // acc.scale
    else:
        return None
    return v % 10, v - v % 10


def _range_tail(f: str, e1: _Expr, opener: str | None) -> _Expr | None:
    """A second end of a range after ``e1`` ('-', 'إلى' after من, 'و' after بين)."""
    m = _RANGE_SEP_RE.match(f, e1.end)
    if not m:
        return None
    sep = m.group("s").strip()
    if sep in ("الي", "حتي") and opener not in ("من", None):
        return None
    if sep == "و" and opener != "بين" and (e1.scale or e1.vague):
        return None
    e2 = _parse_expr(f, m.end())
    if e2 is None or e1.value is None or e2.value is None or e1.vague or e2.vague:
        return None
    if sep == "و" and opener != "بين" and not _shared_scale(e1, e2):
        return None
    low = e1.value * e2.scale if (not e1.scale and e2.scale and e1.value * e2.scale <= e2.value) else e1.value
    if low >= e2.value:
        return None
    e1.value = low
    return e2


def _shared_scale(e1: _Expr, e2: _Expr) -> bool:
    """``20 و30 ألف``: a bare number, و, then a larger one with a scale word the
    first lacks — one range whose scale applies to both ends (20000..30000)."""
    return not e1.scale and e2.scale > 1 and e1.value * e2.scale < e2.value


def _word_before(f: str, start: int) -> str:
    """The word that ends right before ``start`` (separated by one space/tab)."""
    if start < 2 or f[start - 1] not in " \t":
        return ""
    j = start - 1
    k = f.rfind(" ", 0, j)     # then look for a later tab/newline only after that space
    k = max(k, f.rfind("\t", k + 1, j), f.rfind("\n", k + 1, j))
    return f[k + 1:j]


def _opener(f: str, start: int, before: str) -> tuple[str | None, int]:
    """'من'/'بين'/'ما بين' directly before ``start``: (word, its start).
    ``before`` is ``_word_before(f, start)``."""
    if before not in ("من", "بين"):
        return None, start
    m = _OPENER_RE.search(f[max(0, start - 12):start])
    if not m:
        return None, start
    return m.group(1), start - (len(f[max(0, start - 12):start]) - m.start())


def _qualifier(f: str, start: int, before: str | None = None) -> tuple[str | None, int]:
    """The qualifier phrase (data/qualifiers.tsv) right before ``start``: (qualifier, start).

    The phrase may carry the clitics و/ب (بنحو، وأكثر من) unless it opens with a
    present-tense verb (وتصل إلى is not a qualifier); a phrase ending in ب may be
    glued to the number (يقدر ب2500). A span starts at ب but after و.
    ``before``, when given, is ``_word_before(f, start)``.
    """
    voc = _vocab()
    if _prev_word(f, start, before) not in voc.qual_last:
        return None, start
    window = f[max(0, start - _QUALIFIER_TAIL):start]
    m = voc.qual_re.search(window)
    if not m or ((m.group("w") or m.group("b")) and m.group("q")[0] in "يت"):
        return None, start
    qstart = m.start("b") if m.group("b") else m.start("q")
    return voc.quals[m.group("q")], start - (len(window) - qstart)


def _prev_word(f: str, start: int, before: str | None = None) -> str:
    """The word before ``start``; a ب glued to the number (ب2500) counts as a word."""
    if start >= 2 and f[start - 1] == "ب" and f[start - 2] in " \t\n":
        return "ب"
    return _word_before(f, start) if before is None else before


def _noun(f: str, end: int) -> tuple[str | None, int, int]:
    """Counted noun right after ``end`` (optionally after 'من'): lemma, span in f."""
    nouns = _vocab().nouns
    m = _NOUN_RE.match(f, end)
    if not m:
        return None, -1, -1
    w = m.group("w")
    if w in nouns:
        return nouns[w], m.start("w") - (2 if f[m.start("w") - 2:m.start("w")] == "ال" else 0), m.end("w")
    return None, -1, -1


def _is_year(f: str, e: _Expr) -> bool:
    """A bare year: after عام/منذ/..., before م/ه, or after حتى with no counted noun."""
    s = f[e.start:e.end]
    if not (len(s) == 4 and s.isdigit() and 1900 <= int(s) <= 2100):
        return False
    if _YEAR_CTX_RE.search(f, max(0, e.start - 12), e.start) or _ERA_RE.match(f, e.end):
        return True
    return _word_before(f, e.start) in _UPTO_YEAR and _noun(f, e.end)[0] is None


def _bad_context(f: str, start: int, end: int) -> bool:
    """Digits glued to Latin letters, hyphenated codes (ب-52), clock times, dates."""
    if not f[start].isdigit():
        return False
    return bool(_BAD_BEFORE_RE.search(f[max(0, start - 2):start])) or bool(
        _BAD_AFTER_RE.match(f, end) and not f[end:end + 1].isspace()) or (
        f[end:end + 1] in "/:" and f[end + 1:end + 2].isdigit())


def _build(norm, f: str, s: int, e: int, low, high, qual: str, vague: bool) -> Quantity:
    lemma, ns, ne = _noun(f, e)
    if qual == "exact" and _APPROX_AFTER_RE.match(f, ne if lemma else e):
        qual = "approx"
    os_, oe = _to_original(norm, s, e)
    nos, noe = _to_original(norm, ns, ne) if lemma else (None, None)
    return Quantity(os_, oe, norm.original[os_:oe], low, high, qual, vague, lemma, nos, noe)


def _quantity_at(norm, f: str, pos: int) -> tuple[Quantity | None, int]:
    e1 = _parse_expr(f, pos)
    if e1 is None:
        return None, pos + 1
    if _is_year(f, e1) or _bad_context(f, e1.start, e1.end):
        return None, e1.end
    half = _HALF_RE.match(f, e1.end) if e1.scale and e1.scale >= 1000 and e1.value is not None else None
    if half is not None:        # "مليون ونصف", "ثلاثة آلاف ونصف": half of the last scale more
        e1 = _Expr(e1.start, half.end(), e1.value + e1.scale // 2, e1.vague, e1.scale, None)
    before = _word_before(f, e1.start)
    opener, ostart = _opener(f, e1.start, before)
    e2 = _range_tail(f, e1, opener)
    s, e = e1.start, (e2.end if e2 else e1.end)
    rng = (e1.value, e2.value) if e2 is not None else _split_range(f, e1, opener, ostart)
    qual: str | None
    if rng is not None:
        (low, high), qual = rng, "range"
        s = ostart if opener else s
        _q, qstart = _qualifier(f, s)
        s = qstart if _q else s
    else:
        low = high = e1.value
        qual, s = _qualifier(f, s, before)     # s == e1.start here
        qual = qual or "exact"
        if qual == "at_least":
            high = None
        elif qual == "at_most":
            low = None
    return _build(norm, f, s, e, low, high, qual, e1.vague), e


def _split_range(f: str, e1: _Expr, opener: str | None, ostart: int) -> tuple[int | float, int | float] | None:
    """``تتراوح أعمارهم بين خمسة وعشرين``: بين needs two ends, and "unit وten" is the
    only compound whose parts could be them. The compound (25) is kept unless a range
    verb (data/range_verbs.txt) stands within three words before بين; then it is the
    range unit..ten (5..20), a scale word applying to both ends."""
    if opener != "بين" or e1.unit_ten is None or not _range_verb_before(f, ostart):
        return None
    unit, ten = e1.unit_ten
    scale = e1.scale or 1
    return unit * scale, ten * scale


def _range_verb_before(f: str, start: int) -> bool:
    window = f[max(0, start - 40):start]
    cut = max(window.rfind(p) for p in ".،,؛!؟?\n")
    verbs = _range_verbs()
    return any(w in verbs or w[1:] in verbs for w in window[cut + 1:].split()[-3:])


@lru_cache(maxsize=1)
def _range_verbs() -> frozenset[str]:
    return frozenset(fold_text(w) for w in read_lines("range_verbs.txt"))


def number_words() -> frozenset[str]:
    """Folded number words (pre-filter vocabulary for :mod:`marsad.text._scan`)."""
    return frozenset(_vocab().words)


def dual_words() -> frozenset[str]:
    """Folded dual nouns (pre-filter vocabulary for :mod:`marsad.text._scan`)."""
    return frozenset(_vocab().duals)


def _duals(norm, f: str, found) -> list[Quantity]:
    voc = _vocab()
    out = []
    for ws, end, w in found:
        lemma, mode = voc.duals[w]
        os_, oe = norm.to_original(ws, end)
        if mode in ("fatha", "construct_fatha") and not _FATHA_RE.search(norm.original, os_, oe):
            continue
        if mode in _CONSTRUCT and not _construct_ok(f, ws, end, norm.original[os_:oe]):
            continue
        two = _TWO_RE.match(f, end)
        e = two.end() if two else end
        qs, qe = norm.to_original(ws, e)
        out.append(Quantity(qs, qe, norm.original[qs:qe], 2, 2, "exact", False, lemma, os_, oe))
    return out


def _counted_by(text: str, start: int, ends: set[int]) -> bool:
    """A dual-looking word right after a number is that number's plural noun
    (ثلاثة شرطيين، 5 مواطنين): not a second quantity of 2."""
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k < start and k in ends


def _date_spans(text: str) -> list[tuple[int, int]]:
    from .dates import find_dates

    return [(d.start, d.end) for d in find_dates(text)]


def find_numbers(text: str, ignore: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in ``text`` (spans in ``text``), leftmost first.

    ``ignore``: spans (e.g. dates) whose numbers are not quantities; by default
    the spans found by ``find_dates(text)``.
    """
    sc = scan(text)
    norm = sc.norm
    f = norm.folded
    out = []
    pos = 0
    for start in sc.numbers:
        if start < pos:
            continue
        q, pos = _quantity_at(norm, f, start)
        if q is not None:
            out.append(q)
    if sc.duals:
        ends = {q.end for q in out}
        out += [d for d in _duals(norm, f, sc.duals) if not _counted_by(norm.original, d.start, ends)]
    spans = _date_spans(text) if ignore is None else ignore
    if spans:
        out = _outside(out, spans)
    out.sort(key=lambda q: (q.start, -q.end))
    return _drop_overlaps(out)


def _outside(qs: list[Quantity], spans) -> list[Quantity]:
    """The quantities that overlap none of ``spans`` (bisect over sorted starts)."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    reach, far = [], -1
    for _, b in spans:            # reach[i]: the furthest end among spans[:i + 1]
        far = max(far, b)
        reach.append(far)
    out = []
    for q in qs:
        i = bisect_left(starts, q.end)    # spans[:i] start before q ends
        if i == 0 or reach[i - 1] <= q.start:
            out.append(q)
    return out


def _drop_overlaps(qs: list[Quantity]) -> list[Quantity]:
    """Longest, then leftmost, wins (qs sorted by start, longest first)."""
    out: list[Quantity] = []
    for q in qs:
        if out and q.start < out[-1].end:
            if (q.end - q.start) > (out[-1].end - out[-1].start):
                out[-1] = q
            continue
        out.append(q)
    return out
