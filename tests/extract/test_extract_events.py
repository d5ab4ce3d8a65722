"""Round 6 (issue 5): general classes found on a third blind set; rows written for these tests in news style."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document

ARR, SUI, OTHER, SHELL = "Arrests", "Suicide bomb", "Other", "Shelling/artillery/missile attack"
DIS, AIR = "Disrupted weapons use", "Air/drone strike"

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]; actor None = not checked
EVENTS = [
    # a plural pronoun on the role word ("مصرعهم") takes the number after the verb a few words before it,
    # and closes its clause: the next role word keeps its own number
    ("toll-pronoun-far-back", "لقي ستة من عناصر الجيش مصرعهم وأصيب 9 آخرون، عندما فجر انتحاري سيارة مفخخة عند حاجز في مدخل مدينة بيجي.",
     "2024-03-03", [(SUI, None, None, {"fatalities": 6, "injured": 9})]),
    # the count search steps over the name of a force ("دورية من ... الجيش اللبناني")
    ("count-across-force-name", "أوقفت دورية من شعبة الاستخبارات في الجيش اللبناني، صباح اليوم، أربعة أشخاص في بلدة عرسال.",
     "2024-03-03", [(ARR, "lebanese_forces", None, {"arrested": 4})]),
    # an escape from a prison ("فرّ/هرب ... من سجن") is a prison break; its escapee count is no claim
    ("prison-break-verb", "فرّ ثلاثة معتقلين من عناصر داعش من سجن غويران في مدينة الحسكة، فجر اليوم، بعد كسر نافذة الزنزانة.",
     "2024-03-03", [(OTHER, None, None, {"date_start": "2024-03-03"})]),
    # the re-arrest of escapees is an Arrests event of its own, not merged into the escape
    ("prison-break-rearrest", "هرب خمسة من عناصر داعش من سجن في مدينة الحسكة أمس. وتمكنت قوى الأمن الداخلي من إعادة القبض على ثلاثة منهم في أحد أحياء المدينة.",
     "2024-03-03", [(OTHER, None, None, {}), (ARR, "asayish", None, {"arrested": 3})]),
    # the places of one list share the date and the acting force; the toll stays with the place it names
    ("list-shares-date", "قصفت قوات النظام بالمدفعية ريف إدلب الجنوبي يوم الأربعاء 13 آذار 2019. واستهدفت القذائف بلدات كنصفرة والبارة وبسامس، ما أدى إلى مقتل ثلاثة مدنيين في كنصفرة.",
     "2019-03-14", [(SHELL, "syrian_regime_forces", None, {"date_start": "2019-03-13", "fatalities": 3}),
                    (SHELL, "syrian_regime_forces", None, {"date_start": "2019-03-13", "fatalities": None}),
                    (SHELL, "syrian_regime_forces", None, {"date_start": "2019-03-13", "fatalities": None})]),
    # an undated event told right after a dated one takes its date; one told as a separate operation does not
    ("context-date", "هرب خمسة من عناصر داعش من سجن في مدينة الحسكة أمس. وتمكنت قوى الأمن الداخلي من إعادة القبض على ثلاثة منهم في أحد أحياء المدينة.",
     "2024-03-03", [(OTHER, None, None, {"date_start": "2024-03-02"}), (ARR, "asayish", None, {"date_start": "2024-03-02"})]),
    ("separate-op-no-date", "فككت فرق الهندسة أمس عبوة ناسفة في مدينة الرقة. وفي عملية منفصلة اعتقلت قسد ثلاثة عناصر من داعش في بلدة الكسرة.",
     "2024-03-03", [("Disrupted weapons use", None, None, {"date_start": "2024-03-02"}), (ARR, None, None, {"date_start": None})]),
    # the force named before "بمشاركة" leads; the one after it takes part
    ("partner-force", "قتل قيادي في تنظيم داعش خلال إنزال جوي نفذته قوات أميركية بمشاركة قوات سوريا الديمقراطية في بلدة الشحيل فجر اليوم بعد اشتباك مع حراسه.",
     "2024-07-19", [("Armed clash", "international_coalition", None, {})]),
    # a mine left over from an old war ("من مخلفات") has no acting force
    ("legacy-mine", "أصيب طفل بانفجار لغم أرضي من مخلفات تنظيم داعش في محيط بلدة السخنة صباح اليوم.",
     "2024-03-03", [("Remote explosive/landmine/IED", None, None, {"actor1": None})]),
    # the planter named in a later sentence ("الخلية التي زرعت العبوة") is the IED's actor1
    ("ied-planter-later", "قتل جندي بانفجار عبوة ناسفة استهدفت دورية للجيش العراقي في قضاء طوزخورماتو صباح اليوم. وباشرت القوات بحملة لملاحقة عناصر داعش الذين زرعوا العبوة.",
     "2021-06-01", [("Remote explosive/landmine/IED", "islamic_state", "iraqi_security_forces", {})]),
    # defusing the bombs of a seized cache is the cache's disrupted use, not an arrest of the cell it belonged to
    ("defuse-cache-bombs", "صادرت قوات الأمن العام أمس مخزناً للذخائر في مدينة تدمر. وقال مصدر أمني إن المخزن يعود لخلية تابعة لداعش وإن فرق الهندسة عملت على تفكيك العبوات.",
     "2025-05-02", [(DIS, "syrian_government_forces", None, {})]),
    # a definite plural ("الغارات") right after a strike that names only a wide region tells the strike again
    ("strikes-told-again-region", "شنت طائرات حربية غارات على مواقع قرب مدينة إزرع مساء أمس. وقال متحدث عسكري إن الغارات استهدفت مخازن سلاح، وإنه لن يقبل بوجود قوات معادية في جنوب سوريا.",
     "2025-02-26", [(AIR, None, None, {"date_start": "2025-02-25"})]),
]

# no event: a habit told with a bare plural and no day; a tally of dismantled cells
NOTHING = [
    ("bare-plural-habit", "ويرى محللون أن التنظيم يعتمد على هجمات صغيرة متفرقة تستهدف الحواجز في بادية حمص."),
    ("cells-tally", "وأعلنت وزارة الداخلية أن الأجهزة الأمنية فككت منذ عام 2015 أكثر من 40 خلية إرهابية في محافظة حلب."),
]


@pytest.mark.parametrize("case_id,text", NOTHING, ids=[c[0] for c in NOTHING])
def test_no_event(case_id, text):
    assert extract_document(_doc(text, "2024-05-01"))["events"] == []

def _doc(text: str, published: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected, check_events):
    check_events(text, published, expected)


def test_security_bureau_and_its_head_are_intelligence():
    """A foreign counter-terrorism bureau is intelligence, and so is its director named after it."""
    text = ("أعلنت المديرية العامة لمراقبة التراب الوطني أن 420 مقاتلاً من البلاد التحقوا بتنظيم داعش في سوريا. "
            "وقال مدير المديرية في مؤتمر صحافي إن 90 مقاتلاً عادوا إلى البلاد منذ 2016.")
    claims = extract_document(_doc(text, "2023-05-10"))["claims"]
    assert [c["value_low"] for c in claims] == [420, 90]
    assert [c["source_kind"] for c in claims] == ["intelligence", "intelligence"]


def test_attributed_figure_after_a_claim_keeps_its_subject():
    """A second figure told by another source right after a claim is a claim too; "نقلت X عن Y" is Y's;
    a nationality noun counts persons."""
    text = ("قال وزير الداخلية إن المخيم ما زال يؤوي نحو 15 ألف سوري من عائلات عناصر التنظيم. "
            "ونقلت صحيفة محلية عن مسؤول في وزارة الشؤون الاجتماعية أن ما بين 80 و120 عائلة تغادر في كل قافلة.")
    claims = extract_document(_doc(text, "2023-04-02"))["claims"]
    assert [(c["value_low"], c["value_high"]) for c in claims] == [(15000, 15000), (80, 120)]
    assert claims[1]["source_ar"].startswith("مسؤول")
    assert claims[1]["source_kind"] == "government"
