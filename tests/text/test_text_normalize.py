"""Normalization / de-obfuscation table, folding, offsets, vocabulary files."""
from __future__ import annotations

import pytest

from marsad.text import fold, fold_chars, normalize
from marsad.text._data import read_lines, read_tsv
from marsad.text.normalize import fold_text

CASES = [
    # (id, input, expected normalized text)
    ("bar-alef-tatweel-dot", "أعلن تنظيم د|عـ.ـش مسؤوليته", "أعلن تنظيم داعش مسؤوليته"),
    ("dots-every-letter", "عناصر من دا.ع.ش في البادية", "عناصر من داعش في البادية"),
    ("dot-before-last", "خلية تابعة لـداع.ش", "خلية تابعة لداعش"),
    ("al-qabd", "ألقت القوات الـ.ـقبض على مطلوب", "ألقت القوات القبض على مطلوب"),
    ("anasir", "اعتقال ثلاثة عنـ.ـاصر", "اعتقال ثلاثة عناصر"),
    ("tahdhirat-short-left", "أطلقت الشرطة تح.ذيرات للسكان", "أطلقت الشرطة تحذيرات للسكان"),
    ("tatweel-dot-daesh", "هجوم لخلايا داعـ.ـش شرق الفرات", "هجوم لخلايا داعش شرق الفرات"),
    ("quoted-qasad", "قوات “قـ.ـسد” تنفذ حملة", "قوات “قسد” تنفذ حملة"),
    ("star-split", "بيان لتنظيم د*ا*عـش اليوم", "بيان لتنظيم داعش اليوم"),
    ("tatweel-only", "مقتـــل عنصـــرين", "مقتل عنصرين"),
    ("diacritics", "قُتِلَ مُقاتِلٌ وَأُصيبَ آخَرُ", "قتل مقاتل وأصيب آخر"),
    ("tanween-fath", "نحو عشرين ألفاً", "نحو عشرين ألفا"),
    ("zero-width", "داع\u200bش في الرقة", "داعش في الرقة"),
    ("bidi-marks", "\u200fقالت\u200e الوكالة\u202b اليوم\u202c", "قالت الوكالة اليوم"),
    ("bom-and-zwj", "\ufeffالحسكة\u200d والقامشلي", "الحسكة والقامشلي"),
    ("nbsp-to-space", "دير\u00a0الزور", "دير الزور"),
    ("lexicon-long-fragments", "ضربات ضد الإرها.بيين في المنطقة", "ضربات ضد الإرهابيين في المنطقة"),
    ("lexicon-hyphen", "تفكيك عبو-ة ناسفة", "تفكيك عبوة ناسفة"),
    ("tatweel-hyphen", "مقتـ-ـل قيادي", "مقتل قيادي"),
    ("underscore-tatweel", "عمليـ_ـة أمنية", "عملية أمنية"),
    ("amaliya", "عملـ.ـية نوعية", "عملية نوعية"),
    ("tasa3ud", "تصـ.ـاعد الهجمات", "تصاعد الهجمات"),
    # texts that must NOT change
    ("keep-sentence-end", "هاجم عناصر داعش. وقال المصدر إن", "هاجم عناصر داعش. وقال المصدر إن"),
    ("keep-glued-sentence-end", "ارتفعت الحصيلة.وشاهد السكان", "ارتفعت الحصيلة.وشاهد السكان"),
    ("keep-glued-sentence-end-2", "غادروا المكان.قالت المصادر", "غادروا المكان.قالت المصادر"),
    ("keep-glued-short-word", "وقال له.وأضاف أن", "وقال له.وأضاف أن"),
    ("keep-hyphen-compound", "الحوار العربي-الكردي مستمر", "الحوار العربي-الكردي مستمر"),
    ("keep-road-hyphen", "طريق الرقة-الحسكة الدولي", "طريق الرقة-الحسكة الدولي"),
    ("keep-underscore-handle", "نقلا عن قاسيون_متابعات", "نقلا عن قاسيون_متابعات"),
    ("keep-abbrev-afp", "(أ.ف.ب) قالت الوكالة", "(أ.ف.ب) قالت الوكالة"),
    ("keep-abbrev-wam", "وكالة و.ا.م للأنباء", "وكالة و.ا.م للأنباء"),
    ("keep-url", "المصدر: https://example.com/news/2019.html", "المصدر: https://example.com/news/2019.html"),
    ("keep-decimal", "نزوح 3.5 مليون شخص", "نزوح 3.5 مليون شخص"),
    ("keep-slash-date", "في 2018/01/20 وقع الهجوم", "في 2018/01/20 وقع الهجوم"),
    ("keep-dotted-latin", "U.S. forces and the U.N. said", "U.S. forces and the U.N. said"),
    ("keep-ellipsis", "وأضاف... ثم صمت", "وأضاف... ثم صمت"),
    ("keep-double-dot", "انتهت العملية..وبدأت أخرى", "انتهت العملية..وبدأت أخرى"),
    ("keep-plain", "قتل ثلاثة مدنيين بانفجار في ريف حلب", "قتل ثلاثة مدنيين بانفجار في ريف حلب"),
    ("keep-hashtag", "وسم #دير_الزور_تنتفض", "وسم #دير_الزور_تنتفض"),
    ("keep-arabic-indic", "مقتل ٢٠ عنصرا", "مقتل ٢٠ عنصرا"),
    ("keep-bar-spaced", "نورث برس | الحسكة", "نورث برس | الحسكة"),
    ("keep-empty", "", ""),
    ("keep-latin", "ISIS claimed the attack.", "ISIS claimed the attack."),
]


@pytest.mark.parametrize("src,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_normalize_table(src, expected):
    n = normalize(src)
    assert n.text == expected
    assert len(n.offsets) == len(n.text) + 1
    for i, ch in enumerate(n.text):
        o = n.offsets[i]
        assert n.original[o] == ch or (n.original[o] == "|" and ch == "ا") or n.original[o].isspace()


FOLDS = [
    ("hamza-alef", "أإآٱ", "اااا"),
    ("alef-maqsura", "مستشفى", "مستشفي"),
    ("taa-marbuta", "مدينة", "مدينه"),
    ("waw-hamza", "مؤسسة", "موسسه"),
    ("ya-hamza", "رئيس", "رييس"),
    ("digits", "٢٠١٩", "2019"),
    ("persian-digits", "۱۲", "12"),
    ("mixed", "إرهابيّ", "ارهابي"),
    ("fixpoint-taa-dot", "ة.ءف", "هءف"),   # found by hypothesis: folding ة exposed a separator
    ("persian-kaf-ya", "کرکوک ویران شد", "كركوك ويران شد"),
    ("gaf", "قرية گرگر", "قريه كركر"),
    ("pe-che", "پنجوین وچمچمال", "بنجوين وجمجمال"),
    ("ve", "بلدة ڤيان", "بلده فيان"),
    ("ya-barree", "نگدے", "نكدي"),
]


@pytest.mark.parametrize("src,expected", [c[1:] for c in FOLDS], ids=[c[0] for c in FOLDS])
def test_fold_table(src, expected):
    assert fold(src) == expected
    assert fold(expected) == expected
    assert len(normalize(src).folded) == len(normalize(src).text)


def test_to_original_span_covers_obfuscated_word():
    src = "هجوم لـ د|عـ.ـش أمس"
    n = normalize(src)
    i = n.text.index("داعش")
    s, e = n.to_original(i, i + 4)
    assert src[s:e] == "د|عـ.ـش"


def test_to_original_keeps_trailing_tanween():
    src = "نحو ٢٠ ألفاً مقاتل"
    n = normalize(src)
    i = n.text.index("ألفا")
    s, e = n.to_original(i, i + 4)
    assert src[s:e] == "ألفاً"


@pytest.mark.parametrize("name", ["obfuscated_words.txt", "short_words.txt", "abbreviations.txt",
                                  "ordinal_blockers.txt", "range_verbs.txt"])
def test_word_lists_are_clean(name):
    words = read_lines(name)
    assert words, name
    assert len(set(words)) == len(words), "duplicates"
    for w in words:
        assert normalize(w).text == w, f"{w!r} is not normalized"


@pytest.mark.parametrize("name,cols", [
    ("number_words.tsv", 3), ("qualifiers.tsv", 2), ("counted_nouns.tsv", 2), ("duals.tsv", 3),
    ("months.tsv", 4), ("weekdays.tsv", 2), ("relative_dates.tsv", 2), ("month_parts.tsv", 2),
    ("ordinal_days.tsv", 2), ("construct_context.tsv", 2),
])
def test_tsv_files_are_clean(name, cols):
    rows = read_tsv(name)
    assert rows
    keys = [fold_text(r[0]) for r in rows]
    assert len(set(keys)) == len(keys), f"duplicate keys after folding in {name}"
    for r in rows:
        assert len(r) == cols, r
        assert normalize(r[0]).text == r[0], f"{r[0]!r} is not normalized"


def test_dual_modes_and_construct_roles_are_known():
    assert {r[2] for r in read_tsv("duals.tsv")} <= {"always", "fatha", "construct", "construct_fatha"}
    assert {r[1] for r in read_tsv("construct_context.tsv")} == {"group", "not_complement", "adjective_head"}
    for r in read_tsv("duals.tsv"):      # a construct dual is its lemma + ي or + ا (ة -> ت)
        if r[2].startswith("construct"):
            assert r[0][:-1] in (r[1], r[1][:-1] + "ت") and r[0][-1] in "يا", r


def test_ordinal_days_cover_1_to_31():
    days = {int(r[1]) for r in read_tsv("ordinal_days.tsv")}
    assert days == set(range(1, 32))


FOLD_CHARS = [
    # (id, input, expected): character-level folding of clean strings (names, data files)
    ("names-line", "الرقة|الرَّقّة|ٱلرقة", "الرقه|الرقه|الرقه"),
    ("tatweel-zwnj", "پاموک\u200cکالـــه", "باموككاله"),
    ("tabs-newlines-kept", "حلب\tAleppo\nإدلب", "حلب\tAleppo\nادلب"),
    ("nbsp", "دير\u00a0الزور", "دير الزور"),
    ("digits", "قرية ٣", "قريه 3"),
    ("no-deobfuscation", "دا.ع.ش", "دا.ع.ش"),
]


@pytest.mark.parametrize("src,expected", [c[1:] for c in FOLD_CHARS], ids=[c[0] for c in FOLD_CHARS])
def test_fold_chars_table(src, expected):
    assert fold_chars(src) == expected
