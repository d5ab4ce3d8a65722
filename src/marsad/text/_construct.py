"""Construct duals (إضافة): ``عنصري أمن``، ``اعتقال عنصرَي التنظيم``، ``قُتل عنصرا الشرطة``.

A dual that heads a construct phrase drops its ن: the singular of a counted
person noun + ي (oblique) or + ا (nominative). The same letters are often
something else — an adjective (هجوم عنصري), an accusative singular (قتل مدنياً،
قتل مدنيا الليلة), a plural construct (مقاتلي داعش) or "my ..." (عنصرِي) — so
:func:`construct_ok` accepts one only in the construct context:

* the word has no ال (or لل) of its own: a construct head never does;
* its spelling does not mark a singular: no tanwin; for ـي no shadda on the
  final ي (عنصريّ = racist) and no kasra before it;
* the word before it is not a noun it could describe as an adjective
  (data/construct_context.tsv, role adjective_head: هجوم، خطاب ...);
* it is IMMEDIATELY followed (spaces or tabs, an opening quote allowed; no
  punctuation or line break, so never at a sentence end) by its noun complement:
  a word with ال that is not listed as not_complement (time words, weekdays,
  الذي/التي, إلى, the complements of adjectives: الطابع، الدوافع), or a group/force
  word listed as group (أمن، شرطة، جيش، قسد، داعش ...).

Which forms of which nouns are allowed at all (and which need a fatha: مقاتلَي
but not مقاتلي, the plural construct) is data: data/duals.tsv, modes
construct / construct_fatha.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ._data import read_tsv
from .normalize import fold_text

_AR = "\u0621-\u063a\u0641-\u064a"
# the word after a construct dual: spaces/tabs, an optional opening quote, a word
_COMPLEMENT_RE = re.compile(rf"[ \t]+[\"«“(']?(?P<w>[{_AR}]+)")
# the word before a token start: one run of non-space characters, then spaces/tabs
_BEFORE_RE = re.compile(r"(?:^|(?<=\s))(?P<w>\S+)[ \t]+$")
_TANWIN_FATHA = "\u064b"
_KASRA, _SHADDA = "\u0650", "\u0651"
_NONE: frozenset = frozenset()


@lru_cache(maxsize=1)
def _context() -> dict[str, frozenset[str]]:
    """role -> folded words, from data/construct_context.tsv."""
    roles: dict[str, set[str]] = {}
    for word, role in read_tsv("construct_context.tsv"):
        roles.setdefault(role, set()).add(fold_text(word))
    return {r: frozenset(ws) for r, ws in roles.items()}


def construct_ok(f: str, ws: int, end: int, orig: str) -> bool:
    """Is the dual-looking word ``f[ws:end]`` of folded text ``f`` (``orig``: its
    original spelling, diacritics included) a construct dual in its context?"""
    k = ws
    while k > 0 and f[k - 1].isalpha():
        k -= 1
    if "ال" in f[k:ws] or f[k:ws].endswith("لل"):
        return False
    if _singular_spelling(orig, f[end - 1] == "ي"):
        return False
    ctx = _context()
    m = _BEFORE_RE.search(f, max(0, k - 30), k)
    before = m.group("w") if m else ""
    heads = ctx.get("adjective_head", _NONE)
    if before in heads or before[1:] in heads:
        return False
    m = _COMPLEMENT_RE.match(f, end)
    if not m:
        return False
    w = m.group("w")
    if w in ctx.get("group", _NONE):
        return True
    return w.startswith("ال") and len(w) > 3 and w not in ctx.get("not_complement", _NONE)


def _singular_spelling(orig: str, oblique: bool) -> bool:
    """The diacritics of ``orig`` mark a singular: tanwin (مدنياً، مدنيًا = a civilian);
    for the ـي form a shadda on the final ي (عنصريّ = racist) or a kasra before it
    (عنصرِي = my element)."""
    if _TANWIN_FATHA in orig:
        return True
    if not oblique:
        return False
    i = orig.rfind("ي")
    j = i
    while j > 0 and "\u064b" <= orig[j - 1] <= "\u0652":
        j -= 1
    return _SHADDA in orig[i + 1:] or _KASRA in orig[j:i]
