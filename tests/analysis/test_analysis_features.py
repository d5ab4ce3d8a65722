"""What the incident merge reads from a report besides its event: URL dates, weekdays, place names."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.analysis.incident_features import (day_weekdays, is_direction, is_region, landmarks, name_forms, persons,
                                              pub_window, read_days, spelling, statement_weekdays, targets, url_dates,
                                              weekdays)

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _d(s: str) -> int:
    return date.fromisoformat(s).toordinal()


@pytest.mark.parametrize("url, expected", [
    ("https://example.net/news/arabs/2016/7/7/ارتفاع-حصيلة-التفجير", ("2016-07-07", "2016-07-07")),
    ("https://example.com/2017/09/05/مجزرة-في-ريف-حماة", ("2017-09-05", "2017-09-05")),
    ("https://example.org/article/2022-07-20-qasf-mantaqa", ("2022-07-20", "2022-07-20")),
    ("https://example.com/2017/09/تفاصيل-المجزرة/", ("2017-09-01", "2017-09-30")),
    ("https://example.com/news/2016/02/", ("2016-02-01", "2016-02-29")),
    ("https://example.com/2016/13/40/x", None),                 # no such day or month
    ("https://example.com/post/452417/تفجير-مزدوج", None),
    ("https://example.com/1985/01/02/old", None),              # before 1990: not a publication date
    (None, None),
])
def test_url_dates(url, expected):
    got = url_dates(url)
    assert got == (None if expected is None else (_d(expected[0]), _d(expected[1])))


def test_pub_window_prefers_the_report_then_its_original():
    assert pub_window("2021-01-21", "https://x.org/2020/01/01/a") == (_d("2021-01-21"),) * 2
    assert pub_window(None, "https://x.org/2020/01/01/a") == (_d("2020-01-01"),) * 2
    assert pub_window(None, "https://x.org/p/1", "2019-10-27", None) == (_d("2019-10-27"),) * 2
    assert pub_window(None, "https://x.org/p/1", None, "https://y.org/2019/10/28/b") == (_d("2019-10-28"),) * 2
    assert pub_window("not a date", None) is None


@pytest.mark.parametrize("text, expected", [
    ("قتل ثلاثة اشخاص على الاقل الثلاثاء عندما فجر انتحاري نفسه في ساحة عامة", {TUE}),
    ("استهدف هجوم انتحاري مزدوج صباح الاثنين سوقا شعبيا", {MON}),
    ("قُتل 12 شخصا وأصيب 20 آخرون، اليوم الخميس، إثر تفجير مزدوج", {THU}),
    ("شن مسلحون هجوما مباغتا فجر الجمعة على مقر سرية للجيش", {THU, FRI, SAT}),   # a night: either side
    # rule night-of-two-days: a night named by its two days is that night, no day either side
    ("قتل قيادي بضربة مسيرة بعد منتصف ليل الخميس-الجمعة قرب المعبر", {THU, FRI}),
    ("شنت الطائرات غارات ليلة الاثنين - الثلاثاء على مواقع التنظيم", {MON, TUE}),
    ("هاجم مسلحون الحاجز ليلة الخميس على الجمعة", {THU, FRI}),
    ("انفجرت عبوة ليل الأحد - الاثنين في السوق", {SUN, MON}),
    ("قصف متقطع ليل الخميس - الأحد على البلدة", {WED, THU, FRI, SAT, SUN, MON}),   # not one night
    ("والأحد انفجرت عبوة ناسفة في سوق المدينة", {SUN}),
    # a weekday that dates a statement, not the event
    ("أعلنت وزيرة الصحة عديلة حمود الخميس ارتفاع حصيلة التفجير", None),
    ("وقالت وزارة الدفاع، الاثنين، إن الغارة دمرت المبنى", None),
    ("أحد العناصر قتل بانفجار لغم", None),                     # أحد = "one of", not Sunday
    ("انفجار سيارة مفخخة في سوق شعبي", None),
    ("", None),
])
def test_weekdays(text, expected):
    got = weekdays(text)
    assert (None if got is None else set(got)) == expected


def test_day_weekdays_of_stated_dates():
    assert day_weekdays(_d("2021-01-21"), _d("2021-01-21")) == {THU}
    assert day_weekdays(_d("2019-10-26"), _d("2019-10-27")) == {SAT, SUN}
    assert day_weekdays(_d("2021-01-01"), _d("2021-01-31")) is None       # a month names no weekday


@pytest.mark.parametrize("a, b, same_skeleton", [
    ("برخ", "باراخ", True),                   # two spellings of one village
    ("الكرادة", "كرادة", True),
    ("ساحة الطيران", "ساحة الطيران", True),
    ("الشعب", "الشحيل", False),
])
def test_name_skeletons(a, b, same_skeleton):
    assert (name_forms(a)[2] == name_forms(b)[2]) is same_skeleton


def test_name_words_leave_out_generic_place_words():
    assert name_forms("مزرعة الهوات")[1] == frozenset({"هوات"})
    assert name_forms("سوق باب الشيخ")[1] == frozenset({"باب", "شيخ"})
    assert name_forms(None) == ("", frozenset(), "")


@pytest.mark.parametrize("text, expected", [
    # a statement made "today": the event is that day's or the night's before
    ("أعلنت الشرطة ومصادر طبية اليوم الخميس عن وقوع تفجيرين في سوق وسط المدينة", {WED, THU}),
    # a statement day without "today" may come days after the event (a toll update): not read
    ("أعلنت وزيرة الصحة عديلة حمود الخميس ارتفاع حصيلة التفجير", None),
    ("قُتل 12 شخصا، اليوم الخميس، إثر تفجير مزدوج", None),      # the event's own day, not a statement's
])
def test_statement_weekdays(text, expected):
    got = statement_weekdays(text)
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize("text, expected", [
    ("استهدف تفجير انتحاري سوقا شعبيا في منطقة ساحة الطيران وسط بغداد", {"طيران"}),
    ("انفجرت شاحنة مفخخة في شارع تجاري بحي الكرادة", {"كراده"}),
    ("قصف مدفعي على مصيف قرية برخ في ناحية دركار", {"برخ", "دركار"}),
    ("انتحاري فجر نفسه بين العمال بمنطقة الباب الشرقي", {"باب شرقي"}),   # a two-word name
    ("هجوم على سوق بوسط المدينة في منطقة شعبية مزدحمة", set()),          # adjectives name nothing
    ("نقل الجرحى الى مستشفى الكندي", set()),                              # where victims went, not where it happened
    # a place word with the article names a spot by an adjective that has it too
    ("مسيرات استهدفت حفل تخريج الضباط في الكلية الحربية بحمص", {"حربيه"}),
    ("قصف بالطائرات المسيرة طال الكلية الحربية بعد انتهاء الحفل", {"حربيه"}),
    ("ولا تزال فرق الانقاذ تعمل في المنطقة. يشار الى ان", set()),
    ("في الوقت الذي يزدحم فيه السوق قبيل الافطار", set()),
    ("انفجار عبوة في السوق الشعبي وسط المدينة", set()),
    ("", set()),
])
def test_landmarks(text, expected):
    assert set(landmarks(text)) == expected


@pytest.mark.parametrize("name, region", [
    ("ريف حماة", True), ("أرياف دير الزور", True), ("شمال شرقي بغداد", True), ("بادية الميادين", True),
    ("معرزاف", False), ("مخيم الهول", False), ("الشمالية", False), (None, False),
])
def test_is_region(name, region):
    assert is_region(name) is region


@pytest.mark.parametrize("text, expected", [
    # a site that is attacked, named after its word: a detail of one incident in its town
    ("غارة جوية دمرت مبنى القنصلية الإيرانية الملاصق للسفارة في حي المزة", {"ايرانيه"}),
    ("مسيرات استهدفت حفل التخرج في الكلية الحربية بمدينة حمص", {"حربيه"}),
    ("انفجار عبوة ناسفة في سوق الوحيلات بمدينة الصدر عشية العيد", {"وحيلات"}),
    ("هجوم على سجن الصناعة في حي غويران", {"صناعه"}),
    # quarters, squares and villages are places, not targets
    ("تفجير انتحاري في ساحة الطيران بمنطقة الباب الشرقي", set()),
    ("قصف مدفعي على قرية برخ", set()),
    # a market named by an adjective is no name; where the wounded went is no target
    ("انفجار في سوق شعبي مزدحم", set()),
    ("نقل الجرحى الى مستشفى الكندي", set()),
    ("", set()),
])
def test_targets(text, expected):
    assert set(targets(text)) == {spelling(w) for w in expected}


def test_targets_are_compared_by_spelling_skeleton():
    assert targets("صواريخ استهدفت القنصلية الأمريكية في أربيل") == targets("قصف القنصلية الأميركية بأربيل")


@pytest.mark.parametrize("text, expected", [
    # the victim named after a title, its adjectives and a complement skipped
    ("اغتال مسلحون مجهولون مساء الخميس الناشط المدني البارز سامر الكبيسي قرب منزله", {"سامر الكبيسي"}),
    ("أطلق مسلحون النار على الخبير الأمني البارز والباحث في شؤون الجماعات المسلحة كريم الدليمي، ما أدى الى مقتله",
     {"كريم الدليمي"}),
    ("تعرضت الصحفية العراقية والطبيبة المختصة في التغذية نور يوسف للاغتيال", {"نور يوسف"}),
    # three names: the first with each of the others; "عبد" joins its word
    ("قتل الناشط ماهر جاسم العبيدي برصاص مجهولين", {"ماهر جاسم", "ماهر العبيدي"}),
    ("اغتيال مراسل قناة الفرات علي عبد الكريم في الناصرية", {"علي عبدالكريم"}),
    # a name after a title in a sentence that tells no attack: a spokesman, an expert quoted
    ("وقال المتحدث باسم وزارة الداخلية سعد الحسني ان التحقيقات مستمرة", set()),
    ("وقال الخبير الامني كريم الدليمي ان الوضع مستقر في المدينة", set()),
    # a title with no name after it
    ("مقتل ناشط بكربلاء برصاص مجهولين", set()),
    ("", set()),
])
def test_persons(text, expected):
    assert set(persons(text)) == {spelling(w) for w in expected}


def test_persons_are_compared_by_spelling_and_share_a_name_word():
    assert persons("اغتيال الناشطة ريهام الساعدي") & persons("مقتل الناشطة رهام جواد الساعدي بالرصاص")
    assert persons("اغتيال الصحفي احمد عبد الصمد") == persons("اغتيال الصحفي أحمد عبدالصمد")
    assert not persons("اغتيال الناشط سامر الكبيسي") & persons("اغتيال الناشط سامر العبيدي")


@given(st.text(max_size=300))
def test_persons_never_raise(text):
    assert all(isinstance(p, str) and p for p in persons(text))


@pytest.mark.parametrize("name, direction", [
    ("جنوب دمشق", True), ("شرقي العاصمة العراقية", True), ("شمال غربي سوريا", True),
    # a countryside or a desert is a region around a place, not a side of it
    ("ريف حماة", False), ("بادية الميادين", False), ("السيدة زينب", False), (None, False),
])
def test_is_direction(name, direction):
    assert is_direction(name) is direction


@given(st.text(max_size=300))
def test_targets_are_landmarks(text):
    assert targets(text) <= {spelling(w) for w in landmarks(text)}


@given(st.text(max_size=300))
def test_landmarks_never_raise_and_are_names(text):
    got = landmarks(text)
    assert all(len(w) >= 3 and not w.isdigit() for w in got)


@given(st.text(max_size=200))
def test_url_dates_never_raise_and_are_ordered(url):
    got = url_dates(url)
    assert got is None or got[0] <= got[1]


@pytest.mark.parametrize("text, night", [
    ("بعد منتصف ليل الخميس-الجمعة استهدفت مسيرة سيارة", True),
    ("ليلة السبت - الأحد", True),
    ("فجر الجمعة", False),                                     # one day's night: either side of it
    ("ليل الخميس-الجمعة، وعاد القصف الأحد", False),             # and another day besides
    ("اشتباكات الخميس والجمعة", False),
    ("", False),
])
def test_read_days_night_of_two_days(text, night):
    assert read_days(text)[2] is night


@given(st.text(max_size=300))
def test_weekdays_never_raise(text):
    got = weekdays(text)
    assert got is None or (got and got <= set(range(7)))


@pytest.mark.parametrize("text", [
    "قضت محكمة مصرية، الخميس، بإعدام 17 شخصا في قضية تفجير الكنائس",
    "وحكمت المحكمة العسكرية الأحد على 10 متهمين بالسجن",
    "أصدرت محكمة الجنايات الاثنين حكمها في قضية تفجير السوق",
])
def test_weekdays_of_a_court_ruling_are_not_the_events(text):
    """A report of a verdict names the court's day, not the day of the bombing it recalls."""
    assert weekdays(text) is None
