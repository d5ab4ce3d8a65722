"""Event counts and incident merging: short reports written for these tests, one per class."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document

# id, text, [(sub_event_type, {field: value})]
ROWS = [
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
    ("singular-person-before-role", "قال مصدر إن مدنيا استشهد بقصف مدفعي لقوات النظام على بلدة كنصفرة.",
     [("Shelling/artillery/missile attack", {"fatalities": 1})]),
]


@pytest.mark.parametrize("case_id,text,expected", ROWS, ids=[r[0] for r in ROWS])
def test_counts_and_merging(case_id, text, expected):
    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=None)
    events = extract_document(doc)["events"]
    assert [e["sub_event_type"] for e in events] == [sub for sub, _ in expected]
    for ev, (_, fields) in zip(events, expected):
        for key, value in fields.items():
            assert ev[key] == value, key
