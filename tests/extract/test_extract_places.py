"""An event's place (the places stage): a distance reference is not the place; the places of one list
each make an event, sharing its date and force. Rows written for these tests in news style
(classes first found on blind sets, issue 5)."""
from __future__ import annotations

import pytest

NSA, SHELL = "Non-state actor overtakes territory", "Shelling/artillery/missile attack"

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]; actor None = not checked
EVENTS = [
    # a town named only as a distance reference is not the event's place
    ("distance-reference", "سيطر تنظيم داعش على بلدة السخنة التي تقع على بعد 20 كم من مدينة تدمر.",
     "2015-08-09", [(NSA, "islamic_state", None, {"location": "السخنة"})]),
    # the places of one list share the date and the acting force; the toll stays with the place it names
    ("list-shares-date", "قصفت قوات النظام بالمدفعية ريف إدلب الجنوبي يوم الأربعاء 13 آذار 2019. واستهدفت القذائف بلدات كنصفرة والبارة وبسامس، ما أدى إلى مقتل ثلاثة مدنيين في كنصفرة.",
     "2019-03-14", [(SHELL, "syrian_regime_forces", None, {"date_start": "2019-03-13", "fatalities": 3}),
                    (SHELL, "syrian_regime_forces", None, {"date_start": "2019-03-13", "fatalities": None}),
                    (SHELL, "syrian_regime_forces", None, {"date_start": "2019-03-13", "fatalities": None})]),
]


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected, check_events):
    check_events(text, published, expected)
