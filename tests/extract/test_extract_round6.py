"""Round 6 (issue 5): general classes found on a third blind set; rows written for these tests in news style."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document

ARR, SUI = "Arrests", "Suicide bomb"

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]; actor None = not checked
EVENTS = [
    # a plural pronoun on the role word ("مصرعهم") takes the number after the verb a few words before it,
    # and closes its clause: the next role word keeps its own number
    ("toll-pronoun-far-back", "لقي ستة من عناصر الجيش مصرعهم وأصيب 9 آخرون، عندما فجر انتحاري سيارة مفخخة عند حاجز في مدخل مدينة بيجي.",
     "2024-03-03", [(SUI, None, None, {"fatalities": 6, "injured": 9})]),
    # the count search steps over the name of a force ("دورية من ... الجيش اللبناني")
    ("count-across-force-name", "أوقفت دورية من شعبة الاستخبارات في الجيش اللبناني، صباح اليوم، أربعة أشخاص في بلدة عرسال.",
     "2024-03-03", [(ARR, "lebanese_forces", None, {"arrested": 4})]),
]

CLAIMS: list = []


def _doc(text: str, published: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected):
    events = extract_document(_doc(text, published))["events"]
    assert len(events) == len(expected), events
    for ev, (sub, a1, a2, fields) in zip(events, expected):
        assert ev["sub_event_type"] == sub
        if a1 is not None:
            assert ev["actor1"] == a1
        if a2 is not None:
            assert ev["actor2"] == a2
        for key, value in fields.items():
            got = ev["location"]["name_ar"] if key == "location" else ev[key]
            assert got == value, key
