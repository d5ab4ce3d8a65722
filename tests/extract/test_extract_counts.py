"""Event counts and incident merging: short reports written for these tests, one per class."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document

# id, text, [(sub_event_type, {field: value})]
ROWS = [
    # a dual subject before a dual verb ("إن عنصرين ... قتلا"), a dual of demonstrators ("قتل متظاهران")
    ("dual-subject-before-dual-verb", "أفاد مراسل محلي في الحسكة بأن عنصرين من قسد قتلا بانفجار عبوة ناسفة استهدفت "
     "سيارتهما في بلدة تل حميس.", [("Remote explosive/landmine/IED", {"fatalities": 2})]),
    ("dual-of-demonstrators", "قتل متظاهران برصاص قوات الأمن خلال احتجاجات في مدينة الناصرية مساء أمس.",
     [("Excessive force against protesters", {"fatalities": 2})]),
    ("pronoun-on-role-word", "أسر عناصر داعش جنديا من الجيش العراقي قرب مدينة سامراء وقاموا بإعدامه.",
     [("Armed clash", {"fatalities": 1})]),
    ("pronoun-on-carrier", "لاحقت قسد قياديا في داعش في بلدة ذيبان وألقت القبض عليه.", [("Arrests", {"arrested": 1})]),
    ("plural-pronoun-refers-back", "لقي 5 مدنيين مصرعهم بانفجار عبوة ناسفة في قضاء المقدادية.",
     [("Remote explosive/landmine/IED", {"fatalities": 5})]),
    ("killed-and-injured-one-figure", "مقتل وإصابة 9 أشخاص بانفجار عبوة ناسفة في قضاء المقدادية.",
     [("Remote explosive/landmine/IED", {"fatalities": None, "injured": None})]),
    ("split-toll-replaces-lumped", "لقي 10 أشخاص مصرعهم بانفجار سيارة مفخخة في قضاء الخالص. وقال مصدر أمني إن الانفجار "
     "أسفر عن مقتل 3 أشخاص وإصابة 7 آخرين.", [("Remote explosive/landmine/IED", {"fatalities": 3, "injured": 7})]),
    ("toll-sentence-before-event", "أعلن تنظيم داعش مقتل عنصرين من قسد بريف دير الزور الشرقي. وقال التنظيم إن عناصره "
     "نصبوا كمينا لدورية قسد في بلدة ذيبان ما أسفر عن مقتلهم.", [("Armed clash", {"fatalities": 2})]),
    ("toll-sentence-after-event", "انفجرت عبوة ناسفة بدورية للحشد الشعبي في ناحية أبي صيدا. وأسفر ذلك عن مقتل عنصرين.",
     [("Remote explosive/landmine/IED", {"fatalities": 2})]),
    ("same-kind-before-elaborated-other", "قتل جنديان بانفجار عبوة ناسفة في محافظة الأنبار. وكانت القوة تفتش موقعا في قضاء "
     "راوة شهد قبل أيام غارة جوية على مضافة لداعش. وأوضحت الخلية أن العبوة انفجرت أثناء التفتيش ما أدى إلى مقتل جنديين "
     "وإصابة ضابط.", [("Remote explosive/landmine/IED", {"fatalities": 2, "injured": 1}), ("Air/drone strike", {})]),
    ("referring-back-same-place", "فجر انتحاري نفسه داخل كنيسة في مدينة حمص. ونقلت سيارات الإسعاف الجرحى. وفرضت القوى "
     "الأمنية طوقا في المكان. وقالت وزارة الصحة إن الهجوم الإرهابي في حمص أسفر عن مقتل 13 شخصا وإصابة 50 آخرين.",
     [("Suicide bomb", {"fatalities": 13, "injured": 50})]),
    ("adjacent-same-kind-region", "قتل ستة رعاة أغنام في هجوم لداعش في بادية حمص. وأطلق عناصر التنظيم النار على الرعاة "
     "قرب جب الجراح في ريف حمص الشرقي.", [("Attack", {"fatalities": 6})]),
    # the counted noun after a number takes that number, not the next group's ("187 قتيلا و115 جريحا")
    ("counted-nouns-after-numbers", "انفجرت سيارة مفخخة في حي الكرادة وسط بغداد ما أسفر عن 187 قتيلا و115 جريحا.",
     [("Remote explosive/landmine/IED", {"fatalities": 187, "injured": 115})]),
    ("counted-noun-with-prefix", "قصفت طائرات حربية بلدة كفرنبل ما أدى إلى سقوط 12 شهيدا و30 مصابا.",
     [("Air/drone strike", {"fatalities": 12, "injured": 30})]),
    # the phrases of dying that carry a toll: أودى بحياة، ارتقى، فارق الحياة
    ("took-the-lives-of", "فجر انتحاري نفسه في شارع تجاري وسط مدينة إسطنبول ما أودى بحياة 4 سياح.",
     [("Suicide bomb", {"fatalities": 4})]),
    ("rose-as-martyrs", "وارتقى ثلاثة مدنيين بقصف جوي روسي على قرية قليدين في سهل الغاب بريف حماة.",
     [("Air/drone strike", {"fatalities": 3})]),
    ("left-life", "فارق الحياة 2 من عناصر الشرطة بانفجار عبوة ناسفة في قضاء الطارمية.",
     [("Remote explosive/landmine/IED", {"fatalities": 2})]),
    ("singular-person-before-role", "قال مصدر إن مدنيا استشهد بقصف مدفعي لقوات النظام على بلدة كنصفرة.",
     [("Shelling/artillery/missile attack", {"fatalities": 1})]),
    # round 4: counts written as words, titles, and numbers past a date or a place
    ("singular-title-arrested", "أعلن جهاز مكافحة الإرهاب القبض على ما يسمى والي كركوك في تنظيم داعش داخل مدينة كركوك.",
     [("Arrests", {"arrested": 1})]),
    ("number-past-date-and-place", "أوقفت دورية من الجيش اللبناني، أمس الاثنين، في بلدة عرسال ثلاثة مواطنين لانتمائهم إلى داعش.",
     [("Arrests", {"arrested": 3})]),
    ("number-past-period", "اعتقل جهاز الأمن الوطني خلال الشهر الماضي خمسة عناصر من داعش في مدينة الموصل.",
     [("Arrests", {"arrested": 5})]),
    ("singular-shepherd", "قتل راعي أغنام برصاص مسلحين مجهولين قرب ناحية الزاب.", [("Attack", {"fatalities": 1})]),
    ("assassination-kills-one-companion-injured", "اغتال مسلحون من داعش، مساء أمس، قياديا في مجلس الرقة العسكري في بلدة عين "
     "عيسى. وأسفر الهجوم عن إصابة مرافقه.", [("Armed clash", {"fatalities": 1, "injured": 1})]),
    ("another-group-adds", "صدت قوة من الجيش العراقي هجوما لداعش في ناحية الضلوعية أسفر عن استشهاد جندي وإصابة اثنين آخرين، فيما "
     "قتل اثنان من المهاجمين.", [("Armed clash", {"fatalities": 3, "injured": 2})]),
    # the second town is another incident: its own event, and its toll does not add to the first one's
    ("another-incident-does-not-add", "استشهد مدني بقصف جوي على بلدة محكان، كما استشهد مدني آخر بقصف على بلدة القورية.",
     [("Air/drone strike", {"fatalities": 1}), ("Air/drone strike", {})]),
    # a plural verb told after its subject takes the subject's number (count.subject_before)
    ("subject-before-plural-verb", "قالت مصادر محلية إن 9 مدنيين بينهم أطفال ونساء قتلوا في هجوم لمسلحين على مزرعة "
     "قرب بلدة السقيلبية.", [("Attack", {"fatalities": 9})]),
    ("partitive-subject-before-verb", "وقال مصدر في الشرطة إن سبعة من عناصر الحشد الشعبي أصيبوا بانفجار عبوة ناسفة في "
     "قضاء الطارمية.", [("Remote explosive/landmine/IED", {"injured": 7})]),
    ("subject-then-own-number", "قالت الحكومة إن 40 جنديا قتلوا و25 أصيبوا في هجوم لبوكو حرام على قاعدة في بلدة "
     "ديفا.", [("Armed clash", {"fatalities": 40, "injured": 25})]),
    # the subject's number is the nearest one: a unit's number ("اللواء 22") is not a person count
    ("unit-number-is-no-subject", "هاجم عناصر داعش مقر اللواء 22 في قضاء الحويجة وقتلوا اثنين من الجنود.",
     [("Armed clash", {"fatalities": 2})]),
    # a definite role word ("الجرحى") takes no attacker of the next clause as its count
    ("definite-role-no-attacker", "فجر انتحاري نفسه في سوق شعبي وسط مدينة كركوك. وبعدما هرع المسعفون لإنقاذ الجرحى فجر "
     "انتحاري آخر نفسه في المكان.", [("Suicide bomb", {"injured": None})]),
    # the toll sentence after the event is not a tally because of a comment clause (لا سيما أن ... منذ مطلع الشهر)
    ("comment-clause-not-generic", "انفجرت سيارة مفخخة في سوق شعبي وسط مدينة كركوك. وأسفر التفجير عن 14 قتيلا و30 "
     "جريحا، لا سيما أن المدينة تشهد استنفارا أمنيا منذ مطلع الشهر الجاري.",
     [("Remote explosive/landmine/IED", {"fatalities": 14, "injured": 30})]),
]


@pytest.mark.parametrize("case_id,text,expected", ROWS, ids=[r[0] for r in ROWS])
def test_counts_and_merging(case_id, text, expected):
    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=None)
    events = extract_document(doc)["events"]
    assert [e["sub_event_type"] for e in events] == [sub for sub, _ in expected]
    for ev, (_, fields) in zip(events, expected):
        for key, value in fields.items():
            assert ev[key] == value, key


# counts read in context, with the actor where it matters: (sub_event_type, actor1, actor2, {field: value});
# rows first found on blind sets (issue 5)
ARR, SUI = "Arrests", "Suicide bomb"
IN_CONTEXT = [
    # a number after a possessive plural noun counts it
    ("possessive-plural-count", "فككت قوى الأمن خلية لداعش في مدينة الرقة واعتقلت أعضاءها الأربعة.",
     None, [(ARR, None, None, {"arrested": 4})]),
    # a plural pronoun on the role word ("مصرعهم") takes the number after the verb a few words before it,
    # and closes its clause: the next role word keeps its own number
    ("toll-pronoun-far-back", "لقي ستة من عناصر الجيش مصرعهم وأصيب 9 آخرون، عندما فجر انتحاري سيارة مفخخة عند حاجز في مدخل مدينة بيجي.",
     "2024-03-03", [(SUI, None, None, {"fatalities": 6, "injured": 9})]),
    # the count search steps over the name of a force ("دورية من ... الجيش اللبناني")
    ("count-across-force-name", "أوقفت دورية من شعبة الاستخبارات في الجيش اللبناني، صباح اليوم، أربعة أشخاص في بلدة عرسال.",
     "2024-03-03", [(ARR, "lebanese_forces", None, {"arrested": 4})]),
]


@pytest.mark.parametrize("case_id,text,published,expected", IN_CONTEXT, ids=[c[0] for c in IN_CONTEXT])
def test_counts_in_context(case_id, text, published, expected, check_events):
    check_events(text, published, expected)
