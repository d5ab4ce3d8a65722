"""Stage: cutting a sentence that tells several incidents into clauses (marsad.extract.clauses, rule list.clauses)."""
from __future__ import annotations

import pytest

from marsad.extract.clauses import clauses
from marsad.extract.doc import Doc

CASES = [
    # two incidents, two places, فيما
    ("انفجرت عبوة ناسفة بسيارة مدنية في بلدة الشحيل بريف دير الزور، فيما قتل شاب برصاص مجهولين في بلدة ذيبان.", 2),
    # three incidents; the lead-in with no incident goes with the first
    ("شهدت محافظة ديالى أمس عدة حوادث، إذ انفجرت عبوة في ناحية العبارة، فيما قتل مزارع برصاص مجهولين في قرية "
     "الهارونية، كما أصيب مدنيان بانفجار عبوة في ناحية أبي صيدا.", 3),
    # في حين
    ("قصفت المدفعية التركية قرية صيدا بريف عين عيسى، في حين استهدفت طائرة مسيرة سيارة قرب مدينة القامشلي.", 2),
    # the second clause is a toll of the same incident: no place of its own
    ("انفجرت عبوة ناسفة على دورية للشرطة في ناحية العبارة، فيما أصيب عنصران من الدورية بجروح.", 1),
    # the same place again
    ("قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل، كما تضررت منازل في مدينة كفرنبل جراء القصف.", 1),
    # no connector after a comma
    ("قتل مدني بقصف على بلدة كفرنبل وأصيب آخر بقصف على قرية حاس.", 1),
    # a source clause names a place but no trigger
    ("قتل مدني بقصف على بلدة كفرنبل، كما أفاد ناشطون في مدينة إدلب.", 1),
    # a comma-spliced report moving to another place with وفي, its incident told before the next comma
    ("قتل خمسة جنود في كمين في بلدة حبان بمحافظة شبوة، وفي محافظة البيضاء قتل ثلاثة من أفراد الأمن في هجوم مماثل.", 2),
    # وفي going on with a list of one protest's places: its clause tells nothing before the next comma
    ("تتواصل الاحتجاجات، كان آخرها في ساحة سعد الله الجابري بمدينة حلب، وفي ساحة الشهداء باللاذقية، حيث طالب "
     "المشاركون بوقف الاعتقالات.", 1),
]


@pytest.mark.parametrize("text,n", CASES, ids=[f"clauses-{i}" for i in range(len(CASES))])
def test_clauses(text, n):
    sent = Doc.build(text).sentences[0]
    parts = clauses(sent)
    assert len(parts) == n, [p.text for p in parts]
    if n > 1:
        assert "".join(p.text for p in parts).replace(" ", "") == sent.text.replace(" ", "")
        assert all(p.idx == sent.idx and p.places for p in parts)
