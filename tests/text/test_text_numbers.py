"""Quantity table: (id, text, [(surface, low, high, qualifier, vague, noun), ...])."""
from __future__ import annotations

import pytest

from marsad.text import find_numbers

E, A, L, M, R = "exact", "approx", "at_least", "at_most", "range"

CASES = [
    ("digits-noun", "قتل 30 مقاتلا في الهجوم", [("30", 30, 30, E, False, "مقاتل")]),
    ("arabic-indic", "مقتل ٢٠ عنصرا من التنظيم", [("٢٠", 20, 20, E, False, "عنصر")]),
    ("thousands-sep", "نزوح 1,500 شخص من القرية", [("1,500", 1500, 1500, E, False, "شخص")]),
    ("arabic-thousands-sep", "اعتقال ١٬٢٠٠ مشتبه", [("١٬٢٠٠", 1200, 1200, E, False, "مشتبه")]),
    ("decimal-million", "تخصيص 2.5 مليون دولار للإغاثة", [("2.5 مليون", 2500000, 2500000, E, False, "دولار")]),
    ("digits-thousand", "حشد 30 ألف مقاتل", [("30 ألف", 30000, 30000, E, False, "مقاتل")]),
    ("indic-thousand-tanween", "يضم المخيم ٢٠ ألفاً من النازحين", [("٢٠ ألفاً", 20000, 20000, E, False, "نازح")]),
    ("word-three-masc", "قتل ثلاثة مدنيين", [("ثلاثة", 3, 3, E, False, "مدني")]),
    ("word-three-fem", "انفجرت ثلاث عبوات ناسفة", [("ثلاث", 3, 3, E, False, "عبوة")]),
    ("word-twenty-acc", "اعتقل عشرين شخصا", [("عشرين", 20, 20, E, False, "شخص")]),
    ("word-twenty-nom", "قتل عشرون عنصرا", [("عشرون", 20, 20, E, False, "عنصر")]),
    ("word-hundred", "أسر مئة مقاتل", [("مئة", 100, 100, E, False, "مقاتل")]),
    ("word-hundred-alt", "أسر مائة مقاتل", [("مائة", 100, 100, E, False, "مقاتل")]),
    ("word-two-hundred", "فرار مئتين من السجناء", [("مئتين", 200, 200, E, False, None)]),
    ("word-two-thousand-construct", "تجنيد ألفي مقاتل", [("ألفي", 2000, 2000, E, False, "مقاتل")]),
    ("word-eight-thousand", "احتجاز ثمانية آلاف معتقل", [("ثمانية آلاف", 8000, 8000, E, False, "معتقل")]),
    ("compound-25", "قتل خمسة وعشرون مدنيا", [("خمسة وعشرون", 25, 25, E, False, "مدني")]),
    ("compound-250", "وصول مئتين وخمسين عائلة", [("مئتين وخمسين", 250, 250, E, False, "عائلة")]),
    ("compound-3500", "فر ثلاثة آلاف وخمسمئة شخص", [("ثلاثة آلاف وخمسمئة", 3500, 3500, E, False, "شخص")]),
    ("compound-1200", "ألف ومئتا عنصر", [("ألف ومئتا", 1200, 1200, E, False, "عنصر")]),
    ("teen-13", "مقتل ثلاثة عشر عنصرا", [("ثلاثة عشر", 13, 13, E, False, "عنصر")]),
    ("teen-11-fem", "إحدى عشرة امرأة", [("إحدى عشرة", 11, 11, E, False, "امرأة")]),
    ("teen-12", "اثنا عشر جنديا", [("اثنا عشر", 12, 12, E, False, "جندي")]),
    ("hundred-thousand", "مئة ألف نازح", [("مئة ألف", 100000, 100000, E, False, "نازح")]),
    ("three-hundred-thousand", "ثلاثمئة ألف شخص", [("ثلاثمئة ألف", 300000, 300000, E, False, "شخص")]),
    ("millions-mixed", "مليون و200 ألف لاجئ", [("مليون و200 ألف", 1200000, 1200000, E, False, "لاجئ")]),
    ("thousand-alone", "ألف مقاتل", [("ألف", 1000, 1000, E, False, "مقاتل")]),
    ("million-alone", "مليون دولار", [("مليون", 1000000, 1000000, E, False, "دولار")]),
    ("prefix-waw", "قتل عنصر وثلاثة مدنيين", [("ثلاثة", 3, 3, E, False, "مدني")]),
    ("prefix-ba-digits", "انفجار أودى ب5 أشخاص", [("5", 5, 5, E, False, "شخص")]),
    ("range-hyphen-scale", "يتراوح عددهم 20-30 ألف مقاتل", [("20-30 ألف", 20000, 30000, R, False, "مقاتل")]),
    ("range-en-dash", "سقوط 5 – 6 قذائف", [("5 – 6", 5, 6, R, False, "قذيفة")]),
    ("range-min-ila", "من 20 إلى 30 ألفاً من العناصر", [("من 20 إلى 30 ألفاً", 20000, 30000, R, False, "عنصر")]),
    ("range-bayn-wa", "تتراوح أعمارهم بين 18 و35 عاما", [("بين 18 و35", 18, 35, R, False, "عام")]),
    ("range-ma-bayn", "ما بين 100 و150 مقاتلا", [("ما بين 100 و150", 100, 150, R, False, "مقاتل")]),
    ("range-approx-prefix", "نحو 20-30 ألف مقاتل", [("نحو 20-30 ألف", 20000, 30000, R, False, "مقاتل")]),
    ("range-words", "بين خمسة وسبعة عناصر", [("بين خمسة وسبعة", 5, 7, R, False, "عنصر")]),
    # بين X و Y: a range when Y is a separate number; "unit وten" alone stays a compound
    ("bayn-unit-teen", "اعتقل بين خمسة وعشرة أشخاص في الحملة", [("بين خمسة وعشرة", 5, 10, R, False, "شخص")]),
    ("bayn-tens-thousand", "يقدر عدد النازحين بين عشرين وثلاثين ألفاً", [("بين عشرين وثلاثين ألفاً", 20000, 30000, R, False, None)]),
    ("bayn-compound-then-end", "تتراوح أعمار المعتقلين بين خمسة وعشرين وثلاثين عاما", [("بين خمسة وعشرين وثلاثين", 25, 30, R, False, "عام")]),
    ("compound-25-acc", "أفرج عن خمسة وعشرين معتقلا", [("خمسة وعشرين", 25, 25, E, False, "معتقل")]),
    ("min-bayn-among-25", "وكان من بين خمسة وعشرين معتقلا أفرج عنهم ثلاثة أطفال", [("خمسة وعشرين", 25, 25, E, False, "معتقل"), ("ثلاثة", 3, 3, E, False, "طفل")]),
    ("bayn-25-no-verb", "توزعت الجثث بين خمسة وعشرين موقعا", [("خمسة وعشرين", 25, 25, E, False, None)]),
    ("bayn-range-verb-5-20", "تتراوح أعمارهم بين خمسة وعشرين عاما", [("بين خمسة وعشرين", 5, 20, R, False, "عام")]),
    ("bayn-range-verb-scale", "وتتراوح أعداد المقاتلين ما بين ثلاثة وعشرين ألفا", [("ما بين ثلاثة وعشرين ألفا", 3000, 20000, R, False, None)]),
    ("bayn-verb-other-sentence", "لم تتراوح. بين خمسة وعشرين", [("خمسة وعشرين", 25, 25, E, False, None)]),
    ("bayn-hundred-fifty-not-split", "تتراوح الحصيلة بين مئة وخمسين قتيلا", [("مئة وخمسين", 150, 150, E, False, "قتيل")]),
    ("bayn-scale-order", "يضم الفصيل بين ألفين وثلاثة آلاف مقاتل", [("بين ألفين وثلاثة آلاف", 2000, 3000, R, False, "مقاتل")]),
    ("bayn-thousand-five-thousand", "عاد بين ألف وخمسة آلاف نازح", [("بين ألف وخمسة آلاف", 1000, 5000, R, False, "نازح")]),
    ("bayn-millions", "كلفت بين ثلاثة ملايين وخمسة ملايين دولار", [("بين ثلاثة ملايين وخمسة ملايين", 3000000, 5000000, R, False, "دولار")]),
    ("scale-order-two-numbers", "أرسل ألفين وثلاثة آلاف آخرين لاحقا", [("ألفين", 2000, 2000, E, False, None), ("ثلاثة آلاف", 3000, 3000, E, False, None)]),
    ("approx-nahw", "نحو 40 عنصرا", [("نحو 40", 40, 40, A, False, "عنصر")]),
    ("approx-qurabat", "قرابة 200 شخص", [("قرابة 200", 200, 200, A, False, "شخص")]),
    ("approx-hawali", "حوالي ألفي نازح", [("حوالي ألفي", 2000, 2000, A, False, "نازح")]),
    ("approx-zuhaa", "زهاء خمسين مقاتلا", [("زهاء خمسين", 50, 50, A, False, "مقاتل")]),
    ("approx-yunahiz", "ما يناهز 70 مدنيا", [("ما يناهز 70", 70, 70, A, False, "مدني")]),
    ("approx-after", "مقتل 12 مدنيا تقريبا", [("12", 12, 12, A, False, "مدني")]),
    ("atleast-akthar", "أكثر من 100 قتيل", [("أكثر من 100", 100, None, L, False, "قتيل")]),
    ("atleast-la-yaqil", "ما لا يقل عن 30 عنصرا", [("ما لا يقل عن 30", 30, None, L, False, "عنصر")]),
    ("atleast-yazid", "يزيد على 70 مقاتلا", [("يزيد على 70", 70, None, L, False, "مقاتل")]),
    ("atleast-yarbu", "ما يربو على ألف شخص", [("ما يربو على ألف", 1000, None, L, False, "شخص")]),
    ("atmost-aqal", "أقل من 10 مسلحين", [("أقل من 10", None, 10, M, False, "مسلح")]),
    ("atmost-la-yata3ada", "عددهم لا يتعدى 50 عنصرا", [("لا يتعدى 50", None, 50, M, False, "عنصر")]),
    ("vague-tens", "عشرات المدنيين", [("عشرات", None, None, E, True, "مدني")]),
    ("vague-hundreds-min", "مئات من العناصر", [("مئات", None, None, E, True, "عنصر")]),
    ("vague-thousands", "آلاف النازحين", [("آلاف", None, None, E, True, "نازح")]),
    ("vague-few-thousand", "بضعة آلاف مقاتل", [("بضعة آلاف", None, None, E, True, "مقاتل")]),
    ("vague-tens-of-thousands", "عشرات الآلاف من النازحين", [("عشرات الآلاف", None, None, E, True, "نازح")]),
    ("vague-millions", "ملايين الدولارات", [("ملايين", None, None, E, True, "دولار")]),
    ("vague-qualified", "أكثر من عشرات العناصر", [("أكثر من عشرات", None, None, L, True, "عنصر")]),
    ("dual-unsure-plural", "مقتل مقاتلين من الفصائل", []),
    ("dual-always", "مقتل عنصرين من التنظيم", [("عنصرين", 2, 2, E, False, "عنصر")]),
    ("dual-shakhsayn", "إصابة شخصين بجروح", [("شخصين", 2, 2, E, False, "شخص")]),
    ("dual-fatha", "مقتل مقاتلَين اثنين", [("مقاتلَين اثنين", 2, 2, E, False, "مقاتل")]),
    ("dual-nominative", "قتل مدنيان", [("مدنيان", 2, 2, E, False, "مدني")]),
    ("plural-madaniyin", "قتل مدنيين في القصف", []),
    ("dual-definite", "وأصيب الطفلين", [("طفلين", 2, 2, E, False, "طفل")]),
    ("two-quantities", "قتل 3 وأصيب 5 آخرون", [("3", 3, 3, E, False, None), ("5", 5, 5, E, False, None)]),
    ("year-in-date", "في 19 كانون الأول 2018 قتل 4 عناصر", [("4", 4, 4, E, False, "عنصر")]),
    ("year-after-aam", "في عام 2017 اعتقل 9 أشخاص", [("9", 9, 9, E, False, "شخص")]),
    ("slash-date-skip", "في 2018/01/20 وقع الهجوم", []),
    ("monday-not-two", "يوم الاثنين قتل ثلاثة", [("ثلاثة", 3, 3, E, False, None)]),
    ("ordinal-not-quantity", "الفوج الثالث والكتيبة الأولى", []),
    ("sunday-not-one", "الأحد الماضي", []),
    ("one-of-not-quantity", "أحد العناصر", []),
    ("percent-not-hundred", "تراجع بنسبة 30 بالمئة", [("30", 30, 30, E, False, None)]),
    ("aircraft-code", "طائرة F-16 وقاذفة B-52", []),
    ("clock-time", "عند الساعة 10:30 صباحا", []),
    ("day-relmonth-skip", "في 21 الشهر الجاري اعتقل 6 مطلوبين", [("6", 6, 6, E, False, None)]),
    ("noun-with-min", "ثلاثة من المعتقلين", [("ثلاثة", 3, 3, E, False, "معتقل")]),
    ("no-numbers", "لم يعلن التنظيم مسؤوليته عن الهجوم", []),
    # qualifiers with the clitic ب (and و), and phrases ending in ب
    ("approx-bi-nahw", "تطارد القوات ما يقدر بنحو 900 مسلح في الجبال", [("بنحو 900", 900, 900, A, False, "مسلح")]),
    ("approx-bi-hawali", "قدرت الخسائر بحوالي مليون دولار", [("بحوالي مليون", 1000000, 1000000, A, False, "دولار")]),
    ("approx-bi-qurabat", "ارتفع عدد النازحين بقرابة 40 ألفا", [("بقرابة 40 ألفا", 40000, 40000, A, False, None)]),
    ("approx-bi-ma-yuqarib", "أحصت المنظمة بما يقارب 300 معتقل", [("بما يقارب 300", 300, 300, A, False, "معتقل")]),
    ("approx-yuqaddar-bi-tatweel", "يحتجز ما يقدر بـ 4000 شخص في السجن", [("ما يقدر بـ 4000", 4000, 4000, A, False, "شخص")]),
    ("approx-yuqaddar-glued", "مسلحون يقدر عددهم ب150 عنصرا", [("يقدر عددهم ب150", 150, 150, A, False, "عنصر")]),
    ("approx-yuqaddar-glued-word", "يقدر عددهم بألفي مقاتل", [("يقدر عددهم بألفي", 2000, 2000, A, False, "مقاتل")]),
    ("approx-wa-nahw", "قتل ثلاثة ونحو 20 آخرين", [("ثلاثة", 3, 3, E, False, None), ("نحو 20", 20, 20, A, False, None)]),
    ("atleast-bi-akthar", "تقدر حصيلة الضحايا بأكثر من 60 قتيلا", [("بأكثر من 60", 60, None, L, False, "قتيل")]),
    ("atleast-bi-ma-la-yaqil", "أصيب بما لا يقل عن 15 شخصا", [("بما لا يقل عن 15", 15, None, L, False, "شخص")]),
    ("bi-not-qualifier", "أودى الانفجار ب12 شخصا", [("12", 12, 12, E, False, "شخص")]),
    # upper bounds (at_most): value_low stays None
    ("atmost-ma-yasil", "تخطط السلطات لنقل ما يصل إلى 3000 محتجز", [("ما يصل إلى 3000", None, 3000, M, False, None)]),
    ("atmost-ma-yasil-folded", "يضم المعسكر ما يصل الى 800 مقاتل", [("ما يصل الى 800", None, 800, M, False, "مقاتل")]),
    ("atmost-hatta", "قد يعتقل حتى 600 عنصر خلال الحملة", [("حتى 600", None, 600, M, False, "عنصر")]),
    ("atmost-hatta-year-not", "استمرت المعارك حتى 2017 في المدينة", []),
    ("atmost-hatta-aam-not", "بقي المخيم مغلقا حتى عام 2020 وأعيد فتحه", []),
    ("atmost-hatta-now-not", "لم يعرف حتى الآن مصير 7 مختطفين", [("7", 7, 7, E, False, None)]),
    ("atmost-hatta-date-not", "استمر الحظر حتى 15 آذار 2019", []),
    ("atmost-la-yatajawaz", "عدد المسلحين لا يتجاوز 200 مسلح", [("لا يتجاوز 200", None, 200, M, False, "مسلح")]),
    ("atmost-la-tatajawaz", "خسائر لا تتجاوز 5 ملايين دولار", [("لا تتجاوز 5 ملايين", None, 5000000, M, False, "دولار")]),
    ("atmost-la-yazid-an", "قوة لا يزيد عن 40 عنصرا", [("لا يزيد عن 40", None, 40, M, False, "عنصر")]),
    ("atmost-ma-la-yazid", "اعتقال ما لا يزيد على 12 شخصا", [("ما لا يزيد على 12", None, 12, M, False, "شخص")]),
    ("atleast-yazid-not-negated", "أسر ما يزيد عن 90 عنصرا", [("ما يزيد عن 90", 90, None, L, False, "عنصر")]),
    ("atmost-aqal-words", "بقي أقل من مئة مقاتل", [("أقل من مئة", None, 100, M, False, "مقاتل")]),
    ("reach-toll-not-atmost", "ارتفعت الحصيلة لتصل إلى 45 قتيلا", [("45", 45, 45, E, False, "قتيل")]),
    ("reach-wa-verb-not-atmost", "وتصل إلى 45 قتيلا حسب المرصد", [("45", 45, 45, E, False, "قتيل")]),
    # a range whose second end carries the scale word: it applies to both ends
    ("range-wa-trailing-scale", "تتقاضى الشبكة مبالغ تصل إلى 15 و25 ألف دولار للشخص", [("تصل إلى 15 و25 ألف", 15000, 25000, R, False, "دولار")]),
    ("range-bayn-digits-scale", "يقدر عددهم بين 10 و12 ألفاً", [("بين 10 و12 ألفاً", 10000, 12000, R, False, None)]),
    ("range-wa-words-scale", "فر عشرين وثلاثين ألفا من السكان", [("عشرين وثلاثين ألفا", 20000, 30000, R, False, None)]),
    ("range-min-ila-still", "نزح من 40 إلى 50 ألف شخص", [("من 40 إلى 50 ألف", 40000, 50000, R, False, "شخص")]),
    ("range-hyphen-still", "يتوقع عودة 8-10 آلاف عائلة", [("8-10 آلاف", 8000, 10000, R, False, "عائلة")]),
    ("wa-two-numbers-no-scale", "قتل 4 و6 جرحى في الهجوم", [("4", 4, 4, E, False, None), ("6", 6, 6, E, False, "جريح")]),
    ("wa-compound-not-range", "نزوح مليون و300 ألف شخص", [("مليون و300 ألف", 1300000, 1300000, E, False, "شخص")]),
    # duals of person nouns
    ("dual-muwatinan", "استشهد مواطنان بقصف مدفعي", [("مواطنان", 2, 2, E, False, "مواطن")]),
    ("dual-muwatinin-plural", "نزوح المواطنين من القرية", []),
    ("dual-muwatinin-fatha", "اعتقال مواطنَين من البلدة", [("مواطنَين", 2, 2, E, False, "مواطن")]),
    ("dual-dabitayn", "اعتقال ضابطين في الجيش", [("ضابطين", 2, 2, E, False, "ضابط")]),
    ("dual-shurtiyayn-plural", "مقتل شرطيين في هجوم", []),
    ("dual-shurtiyan", "أصيب شرطيان بجروح", [("شرطيان", 2, 2, E, False, "شرطي")]),
    ("dual-shabbayn", "إصابة شابين برصاص قناص", [("شابين", 2, 2, E, False, "شاب")]),
    ("dual-akhawayn", "اعتقل الأخوين على حاجز", [("أخوين", 2, 2, E, False, "أخ")]),
    ("dual-ikhwan-not", "قيادي في جماعة الإخوان", []),
    ("dual-tiflatayn", "مقتل طفلتين في القصف", [("طفلتين", 2, 2, E, False, "طفلة")]),
    ("dual-shahidan", "سقط شهيدان في الغارة", [("شهيدان", 2, 2, E, False, "شهيد")]),
    ("plural-after-number", "مقتل خمسة شرطيَين", [("خمسة", 5, 5, E, False, None)]),
]


@pytest.mark.parametrize("src,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_numbers_table(src, expected):
    got = find_numbers(src)
    assert [(q.text, q.value_low, q.value_high, q.qualifier, q.vague, q.noun) for q in got] == expected
    for q in got:
        assert src[q.start:q.end] == q.text
        if q.noun is not None:
            assert q.start <= q.noun_start < q.noun_end <= len(src)


def test_ignore_spans_drop_numbers():
    src = "قتل 5 عناصر"
    assert find_numbers(src, ignore=[(4, 5)]) == []


def test_ignore_spans_unsorted_and_nested():
    src = "قتل 5 عناصر وأصيب 7 آخرون واعتقل 9"
    i5, i7, i9 = src.index("5"), src.index("7"), src.index("9")
    got = find_numbers(src, ignore=[(i9, i9 + 1), (0, 2), (i5 - 1, i5 + 1), (i5, i5 + 1)])
    assert [q.value_low for q in got] == [7]
    assert [q.value_low for q in find_numbers(src, ignore=[(i5 + 1, i7)])] == [5, 7, 9]
