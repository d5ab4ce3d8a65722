"""An event's dates (the dates stage): day references counted from the day told before them, an undated
event taking the date of the one told just before it. Rows written for these tests in news style
(classes first found on blind sets, issue 5)."""
from __future__ import annotations

import pytest

ARR, CLASH, DIS, OTHER = "Arrests", "Armed clash", "Disrupted weapons use", "Other"

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]; actor None = not checked
EVENTS = [
    # a day reference ("اليوم ذاته", "اليوم التالي") counts from the day told before it; alone it is ignored
    ("same-day-ref", "هاجم مسلحون من داعش حاجزاً لقسد في بلدة ذيبان يوم 3 آذار 2025. وفي اليوم ذاته فككت فرق الهندسة عبوة ناسفة في بلدة الشحيل.",
     "2025-03-05", [(CLASH, None, None, {"date_start": "2025-03-03"}), (DIS, None, None, {"date_start": "2025-03-03"})]),
    ("next-day-ref", "هاجم مسلحون من داعش حاجزاً لقسد في بلدة ذيبان يوم 3 آذار 2025. وفي اليوم التالي فككت فرق الهندسة عبوة ناسفة في بلدة الشحيل.",
     "2025-03-05", [(CLASH, None, None, {"date_start": "2025-03-03"}), (DIS, None, None, {"date_start": "2025-03-04"})]),
    ("ref-without-day", "فككت فرق الهندسة في اليوم ذاته عبوة ناسفة في بلدة الشحيل.",
     "2025-03-05", [(DIS, None, None, {"date_start": None})]),
    # an undated event told right after a dated one takes its date; one told as a separate operation does not
    ("context-date", "هرب خمسة من عناصر داعش من سجن في مدينة الحسكة أمس. وتمكنت قوى الأمن الداخلي من إعادة القبض على ثلاثة منهم في أحد أحياء المدينة.",
     "2024-03-03", [(OTHER, None, None, {"date_start": "2024-03-02"}), (ARR, "asayish", None, {"date_start": "2024-03-02"})]),
    ("separate-op-no-date", "فككت فرق الهندسة أمس عبوة ناسفة في مدينة الرقة. وفي عملية منفصلة اعتقلت قسد ثلاثة عناصر من داعش في بلدة الكسرة.",
     "2024-03-03", [("Disrupted weapons use", None, None, {"date_start": "2024-03-02"}), (ARR, None, None, {"date_start": None})]),
]


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected, check_events):
    check_events(text, published, expected)
