"""Claims: what is counted (English label), who says it, where, and counts that are not claims.

Short texts written for these tests; one row per class of fixed behaviour.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.analysis.claimkeys import claim_key
from marsad.extract import extract_document


def _claims(text: str, published: str | None = "2019-05-10") -> list[dict]:
    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)
    return extract_document(doc)["claims"]


# id, text, [(value_low, value_high, quantity)]
LABELS = [
    # "تعداد" (a tally) between a figure and its noun, like "عدد": "92 تعداد الاستهدافات" counts the strikes
    ("figure-before-tally-noun", "وبذلك، يرتفع إلى 92 تعداد الاستهدافات الجوية التي نفذتها طائرات مسيرة تركية على مناطق الإدارة "
     "الذاتية منذ مطلع العام، أسفرت عن مقتل 3 مدنيين.", [(92, 92, "attacks"), (3, 3, "civilians killed")]),
    # "عدد" between a figure and its noun: "127 عدد قتلى" counts the dead
    ("figure-before-count-noun", "وبذلك يرتفع إلى 127 عدد قتلى قوات النظام في هجمات التنظيم ضمن البادية منذ مطلع العام، وفقا للمرصد.",
     [(127, 127, "people killed")]),
    ("fighters-org", "قالت مصادر إن عدد مقاتلي داعش يبلغ نحو 4 آلاف مقاتل في سوريا.", [(4000, 4000, "ISIS fighters")]),
    ("members-org", "قال مسؤول عسكري إن 900 عنصر من التنظيم ما زالوا في البادية.", [(900, 900, "ISIS members")]),
    ("detainees-org", "قال الوزير إن هناك 5 آلاف معتقل من داعش في السجون.", [(5000, 5000, "ISIS detainees")]),
    ("members-in-prison-are-detainees", "قالت منظمة حقوقية إن سجون قسد تضم نحو 7 آلاف عنصر من داعش.", [(7000, 7000, "ISIS detainees")]),
    ("plots", "أعلن جهاز الأمن إحباط 14 مخططا إرهابيا للتنظيم خلال العام.", [(14, 14, "plots foiled")]),
    ("usd", "قال مصدر محلي إن المهربين تقاضوا نحو 5 آلاف دولار عن كل عنصر من داعش.", [(5000, 5000, "USD")]),
    ("foreign", "قال الباحث إن قرابة 900 أجنبي من عناصر داعش ما زالوا في المخيمات.", [(900, 900, "foreign fighters")]),
    ("foreign-from-countries", "قال مسؤولون إن نحو 9 آلاف مقاتل من أكثر من 60 دولة انضموا إلى داعش.",
     [(9000, 9000, "foreign fighters joined"), (60, 60, "countries")]),
    ("returned-generic-noun-takes-من-noun", "قال المنسق الأوروبي إنه عاد نحو 700 شخص من عناصر داعش إلى بلدانهم.", [(700, 700, "ISIS members returned")]),
    ("killed-and-back-ref", "قالت القيادة المركزية إن عملياتها أسفرت عن مقتل 25 مسلحا من داعش واعتقال 40 آخرين.",
     [(25, 25, "ISIS militants killed"), (40, 40, "ISIS militants arrested")]),
    ("elided-noun-forward", "قالت القيادة المركزية إن العمليات أدت إلى مقتل 12 واعتقال 33 من عناصر داعش.",
     [(12, 12, "ISIS members killed"), (33, 33, "ISIS members arrested")]),
    ("returnees-generic", "قال المسؤول إنه عاد قرابة 400 شخص إلى بلدانهم من مناطق القتال.", [(400, 400, "returnees")]),
    ("leaders-skip-adjective", "قال البيان إن العمليات منذ مطلع العام أسفرت عن قتل خمسة من كبار قادة داعش.", [(5, 5, "ISIS leaders killed")]),
    ("count-head-before", "قالت المخابرات إن عدد مقاتلي داعش هو 3 آلاف في المنطقة.", [(3000, 3000, "ISIS fighters")]),
    ("camp-families", "ويعيش في مخيم الهول نحو 30 ألف شخص من عائلات عناصر التنظيم.", [(30000, 30000, "ISIS families in camps")]),
    ("fled-frame", "قالت مصادر إن نحو 500 مقاتل من داعش فروا إلى البادية.", [(500, 500, "ISIS fighters fled")]),
    ("unknown-whereabouts", "قدرت المخابرات وجود 700 مقاتل من داعش لا يمكن تحديد أماكن وجودهم.", [(700, 700, "ISIS fighters whereabouts unknown")]),
    ("foreign-window-stops-at-subset", "قال تقرير أممي إن 15 ألف مقاتل من داعش في سوريا وبينهم آلاف الأجانب.", [(15000, 15000, "ISIS fighters")]),
]

NOT_CLAIMS = [
    ("count-of-sources", "نقلت وكالة أنباء عن أكثر من 15 مصدرا أن داعش يعيد تنظيم خلاياه."),
    ("multiples", "قالت الصحيفة إن هذا العدد يبلغ من 3 إلى 4 أضعاف تقديرات سابقة لعناصر داعش."),
    ("unknown-noun", "قالت مصادر إن قسد جندت 200 شاب من ريف الحسكة."),
    ("population", "قال المسؤول إن عدد سكان المدينة يبلغ نحو مليوني نسمة."),
    ("single-incident-toll", "وبحسب الدفاع المدني فإن 9 قتلى و20 جريحا هي حصيلة التفجير."),
    # the noun of "15" is not "هجوم" across the comma: these are one attack's dead, captured and wounded
    # the noun of "87" is not "هجوم" in the next word ("في هجوم"): the wounded of one attack, not 87 attacks
    ("noun-not-after-preposition", "قتل 40 شخصا على الأقل وأصيب 87 في هجوم بسيارة مفخخة استهدف سوقا شعبية في مدينة الصدر."),
    ("noun-not-after-preposition-wounded", "قتل 12 شخصا وجرح 35 في هجوم نفذه انتحاري على مسجد في العاصمة كابول."),
    # the wounded of one incident are its toll, like its dead ("أصيب" frames the figure as injured)
    ("injured-toll-of-one-attack", "أصيب ثلاثة عناصر من قوى الأمن الداخلي في بلدة الشحيل بعد استهداف سيارتهم بالرصاص."),
    ("injured-toll-of-one-attack-partitive", "أصيب ثلاثة من أعضاء قوى الأمن الداخلي في بلدة الشحيل بعد استهداف سيارتهم."),
    ("noun-not-across-comma", "وكان أفيد في وقت سابق عن مقتل 10 عسكريين على الأقل، وأسر 5 وإصابة 15، في هجوم شنه مسلحون من "
     "تنظيم القاعدة على مركز للشرطة."),
]

# id, text, index of the claim, source_ar, source_kind
SOURCES = [
    ("report-of-un", "وبيّن تقرير للأمم المتحدة، أن عدد مقاتلي داعش يبلغ 14 ألف مقاتل.", 0, "تقرير للأمم المتحدة", "international_org"),
    ("source-ends-before-figure", "وتقدر مصادر الاستخبارات الغربية وجود ثلاثة آلاف مقاتل من التنظيم.", 0,
     "مصادر الاستخبارات الغربية", "intelligence"),
    ("apposition-title", "قال فلان الفلاني، منسق مكافحة الإرهاب في الاتحاد الأوروبي، إن أكثر من 800 مقاتل أجنبي عادوا.", 0,
     "فلان الفلاني، منسق مكافحة الإرهاب في الاتحاد الأوروبي", "international_org"),
    # claim.source.issued_by: the issuer after "صادر عن" belongs to the source; a quantity noun after a verb of
    # estimating is the estimated thing, not a source
    ("statement-issued-by", "وقال بيان صادر عن التحالف الدولي إن 500 عنصر من داعش قتلوا خلال الشهر الماضي.", 0,
     "بيان صادر عن التحالف الدولي", "military"),
    ("toll-issued-by", "وأوقعت المعارك 40 قتيلا في طرابلس، وأكثر من مئة جريح، منذ الاثنين الماضي، بحسب آخر حصيلة صدرت عن وزارة الصحة مساء الجمعة.", 0,
     "آخر حصيلة صدرت عن وزارة الصحة", "government"),
    ("estimated-size-no-source", "وبحسب الصحيفة، يُقدر حجم المخيم الواقع في الصحراء بنحو 70 ألف شخص.", 0,
     "الصحيفة", "media"),
    ("general-military", "قال الجنرال جون سميث إن نحو 1500 مقاتل من داعش ينشطون في العراق.", 0, "الجنرال جون سميث", "military"),
    ("according-to-ngo", "ووفقاً للمرصد السوري لحقوق الإنسان، قتل 70 عنصرا من داعش منذ بداية العام.", 0,
     "المرصد السوري لحقوق الإنسان", "ngo"),
    ("newspaper-media", "وذكرت صحيفة محلية أن نحو 600 عنصر من داعش فروا من السجن.", 0, "صحيفة محلية", "media"),
    ("nearest-inner-source", "وبحسب الصحيفة، فإن التقرير جاء بعد أن أعلنت المخابرات الأمريكية أن عدد مقاتلي داعش هو 5 آلاف.", 0,
     "المخابرات الأمريكية", "intelligence"),
    ("responsibility-is-content", "وبحسب سنتكوم، أعلن تنظيم داعش مسؤوليته عن 90 هجوما في العراق.", 0, "سنتكوم", "military"),
    ("negated-verb-no-source", "قال مصدر أمني عراقي إن 4 آلاف عنصر من داعش معتقلون. وأضاف المصدر الذي طلب عدم ذكر اسمه أن 500 أجنبي من داعش بين المعتقلين.", 1,
     "مصدر أمني عراقي", "military"),
    ("continuing-quote", "قال وزير الداخلية إن قواته اعتقلت 300 عنصر من داعش. وأضاف أن 40 قياديا في التنظيم قتلوا.", 1,
     "وزير الداخلية", "government"),
    ("camp-administration-is-government", "وقالت مديرة مخيم الروج إن نحو 2600 شخص من عائلات عناصر داعش يقيمون في المخيم.", 0,
     "مديرة مخيم الروج", "government"),
    ("local-council-is-government", "وأعلن المجلس المحلي في البلدة أن 900 عائلة نازحة عادت إلى منازلها منذ مطلع العام.", 0,
     "المجلس المحلي", "government"),
    ("according-to-figures-of", "وقتل 70 مدنيا منذ بداية الشهر، وفقا لإحصاءات وزارة الصحة.", 0, "إحصاءات وزارة الصحة", "government"),
    ("surname-refers-back", "قال وزير الخارجية سامي يوسف إن الوضع خطير. وذكر يوسف أن السجون تضم 6 آلاف عنصر من داعش.", 0,
     "وزير الخارجية سامي يوسف", "government"),
]


@pytest.mark.parametrize("case_id,text,expected", LABELS, ids=[c[0] for c in LABELS])
def test_claim_labels(case_id, text, expected):
    got = [(c["value_low"], c["value_high"], c["quantity"]) for c in _claims(text)]
    assert got == expected


@pytest.mark.parametrize("case_id,text", NOT_CLAIMS, ids=[c[0] for c in NOT_CLAIMS])
def test_not_claims(case_id, text):
    assert _claims(text) == []


@pytest.mark.parametrize("case_id,text,n,source,kind", SOURCES, ids=[c[0] for c in SOURCES])
def test_claim_sources(case_id, text, n, source, kind):
    c = _claims(text)[n]
    assert (c["source_ar"], c["source_kind"]) == (source, kind)


def test_place_keeps_coordinated_countries():
    c = _claims("قال تقرير للأمم المتحدة إن نحو 10 آلاف مقاتل من داعش ما زالوا في العراق وسوريا.")[0]
    assert c["place"] in ("Iraq and Syria", "Syria and Iraq")


def test_time_from_month_year_and_back_reference():
    cs = _claims("وفي آب 2018 كشف تقرير أممي أن عدد مقاتلي داعش يبلغ 20 ألف مقاتل. "
                 "وقالت صحيفة إن هذا العدد أكبر من تقدير المخابرات البالغ 5 آلاف مقاتل.", "2019-01-22")
    assert [c["time"] for c in cs] == ["2018-08", "2018-08"]


def test_time_period_since_start_of_year():
    c = _claims("أكد مسؤولون إحباط 10 مخططات لداعش منذ بداية العام.", "2025-06-14")[0]
    assert c["time"] == "2025"


def test_headline_repeat_is_one_claim():
    text = "سنتكوم: 80 عملية ضد داعش في سوريا\nقالت القيادة المركزية إنها نفذت 80 عملية ضد داعش في سوريا."
    cs = _claims(text)
    assert len(cs) == 1 and cs[0]["source_kind"] == "military"


@pytest.mark.parametrize("case_id,text,expected", LABELS, ids=[c[0] for c in LABELS])
def test_labels_have_ledger_keys(case_id, text, expected):
    for _, _, quantity in expected:
        assert claim_key(quantity).known, quantity


# a sentence about detention facilities is a claim, not an arrest
CLAIMS = [
    # a distance in كلم ("(300 كلم غرب الرمادي)") locates a place: it is no count of the figure's noun
    ("distance-in-klm", "وقالت مصادر أمنية إن نحو 40 عنصرا من داعش يتحصنون في وادي حوران (300 كلم غرب الرمادي).",
     "2024-01-01", [(40, 40, "approx")]),
    ("detention-facilities", "وقال البيان إن أكثر من 8 آلاف عنصر من داعش محتجزون في أكثر من 25 منشأة احتجاز في شمال شرق سوريا.",
     "2025-03-01", [(8000, 8000, "at_least"), (25, 25, "at_least")]),
]


@pytest.mark.parametrize("case_id,text,published,expected", CLAIMS, ids=[c[0] for c in CLAIMS])
def test_claims_not_events(case_id, text, published, expected):
    doc = extract_document(SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None,
                                           published=published))
    assert doc["events"] == []
    assert [(c["value_low"], c["value_high"], c["qualifier"]) for c in doc["claims"]] == expected


def test_definite_noun_is_no_reporting_verb():
    """"فريق الرصد" is a noun: the source is the whole team, not the words after "الرصد"."""
    text = "قدّر تقرير لفريق الرصد التابع للأمم المتحدة عدد مقاتلي داعش في العراق بنحو 2500 مقاتل."
    claims = _claims(text, "2024-07-20")
    assert len(claims) == 1
    assert "فريق الرصد" in claims[0]["source_ar"]
    assert claims[0]["source_kind"] == "international_org"


def test_security_bureau_and_its_head_are_intelligence():
    """A foreign counter-terrorism bureau is intelligence, and so is its director named after it."""
    text = ("أعلنت المديرية العامة لمراقبة التراب الوطني أن 420 مقاتلاً من البلاد التحقوا بتنظيم داعش في سوريا. "
            "وقال مدير المديرية في مؤتمر صحافي إن 90 مقاتلاً عادوا إلى البلاد منذ 2016.")
    claims = _claims(text, "2023-05-10")
    assert [c["value_low"] for c in claims] == [420, 90]
    assert [c["source_kind"] for c in claims] == ["intelligence", "intelligence"]


def test_attributed_figure_after_a_claim_keeps_its_subject():
    """A second figure told by another source right after a claim is a claim too; "نقلت X عن Y" is Y's;
    a nationality noun counts persons."""
    text = ("قال وزير الداخلية إن المخيم ما زال يؤوي نحو 15 ألف سوري من عائلات عناصر التنظيم. "
            "ونقلت صحيفة محلية عن مسؤول في وزارة الشؤون الاجتماعية أن ما بين 80 و120 عائلة تغادر في كل قافلة.")
    claims = _claims(text, "2023-04-02")
    assert [(c["value_low"], c["value_high"]) for c in claims] == [(15000, 15000), (80, 120)]
    assert claims[1]["source_ar"].startswith("مسؤول")
    assert claims[1]["source_kind"] == "government"


# one figure two named sources each give is two claims side by side in the ledger; a retelling without a
# source (or with the same source) stays one claim
TWO_SOURCES = [
    ("two-sources-same-figure",
     "وقال مستشار الأمن القومي العراقي إن مخيم الهول يضم 25 ألف عراقي. وذكر تقرير للأمم المتحدة أن المخيم يضم 25 ألف عراقي أيضا.",
     [(25000, "مستشار الأمن القومي العراقي"), (25000, "تقرير للأمم المتحدة")]),
    ("same-source-told-twice",
     "وقال مستشار الأمن القومي العراقي إن مخيم الهول يضم 25 ألف عراقي. وأضاف مستشار الأمن القومي العراقي أن المخيم يضم 25 ألف عراقي.",
     [(25000, "مستشار الأمن القومي العراقي")]),
]


@pytest.mark.parametrize("case_id,text,expected", TWO_SOURCES, ids=[c[0] for c in TWO_SOURCES])
def test_dedupe_keeps_two_sources(case_id, text, expected):
    doc = extract_document(SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None,
                                           published="2023-07-01"))
    assert [(c["value_low"], c["source_ar"]) for c in doc["claims"]] == expected
