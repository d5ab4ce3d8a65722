"""Who acts and who is acted on (the actors stage): the taker of a territory, state forces, a partner
force, a mine with no acting force, a planter named later. Rows written for these tests in news style
(classes first found on blind sets, issue 5)."""
from __future__ import annotations

import pytest

NSA, GOV, AIR = "Non-state actor overtakes territory", "Government regains territory", "Air/drone strike"
IED = "Remote explosive/landmine/IED"
VBIED = IED

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]; actor None = not checked
EVENTS = [
    # "occupation forces" with a nationality is that country's force, not the unlisted one
    ("occupation-forces-russian", "قصفت قوات الاحتلال الروسي بلدة كفرنبل بريف إدلب مساء اليوم.", "2019-05-01",
     [("Shelling/artillery/missile attack", "russian_forces", None, {})]),
    # a force the spec's list does not name (Israel's) holds its role and is written as null: the ministry that
    # reports the strike and the militia whose building is hit do not take it
    ("unlisted-force-strike", "قالت وزارة الدفاع السورية إن ضربة إسرائيلية استهدفت مبنى تابعا لميليشيات إيرانية في حي المزة بدمشق.",
     "2024-04-01", [(AIR, None, None, {"actor1": None})]),
    ("unlisted-force-report", "شن جيش الاحتلال غارة على مستودعات في ريف حمص. وقالت مصادر إن الغارة استهدفت مواقع لحزب الله.",
     "2024-04-01", [(AIR, None, None, {"actor1": None})]),
    # who speaks for the report (a spokesman of a force, a source in a ministry) is no party (actor.source); a
    # bombing that counts its dead in persons hit civilians (actor.persons_toll)
    ("speaker-is-no-party", "قال المتحدث باسم قيادة عمليات بغداد إن 7 أشخاص قتلوا وأصيب 15 آخرون بتفجير سيارة مفخخة في سوق شعبي بمدينة الصدر.",
     "2021-04-15", [(VBIED, None, "civilians", {"fatalities": 7})]),
    ("source-in-ministry", "أفاد مصدر في وزارة الداخلية العراقية بأن انتحاريا فجر نفسه في ساحة عدن بمدينة الكاظمية ما أسفر عن مقتل 5 أشخاص.",
     "2021-04-15", [("Suicide bomb", None, "civilians", {})]),
    # a state force named only as the passive agent ("من قبل القوات الأمنية") acted; the civilians killed were hit
    # (actor.passive_agent)
    ("passive-agent-not-hit", "فجر انتحاري نفسه أثناء ملاحقته من قبل القوات الأمنية في سوق شعبي ببغداد، ما أدى إلى مقتل عدد من المدنيين.",
     "2021-01-21", [("Suicide bomb", None, "civilians", {})]),
    ("agent-on-yad-not-hit", "انفجرت عبوة ناسفة في سيارة مطلوب أثناء ملاحقتها على يد قوات الشرطة في سوق الموصل، ما أدى إلى إصابة عدد من المدنيين.",
     "2021-01-21", [(IED, None, "civilians", {})]),
    ("toll-of-soldiers-no-civilians", "قتل 3 جنود من الجيش العراقي بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الطارمية.",
     "2021-04-15", [(IED, None, "iraqi_security_forces", {})]),
    # the territory's taker is the subject right after the verb
    ("is-takes-town", "سيطر تنظيم داعش ليل السبت على بلدة السخنة بعد معارك مع قوات النظام السوري.",
     "2015-08-09", [(NSA, "islamic_state", "syrian_regime_forces", {})]),
    ("army-regains-town", "استعاد الجيش العراقي السيطرة على قضاء تلعفر بعد طرد مسلحي داعش منه.",
     None, [(GOV, "iraqi_security_forces", "islamic_state", {})]),
    # Turkish and Lebanese state forces
    ("turkish-occupation-army", "قصفت طائرة مسيرة تابعة لجيش الاحتلال التركي سيارة قرب مدينة القامشلي.",
     None, [(AIR, "turkish_forces", None, {})]),
    # the force named before "بمشاركة" leads; the one after it takes part
    ("partner-force", "قتل قيادي في تنظيم داعش خلال إنزال جوي نفذته قوات أميركية بمشاركة قوات سوريا الديمقراطية في بلدة الشحيل فجر اليوم بعد اشتباك مع حراسه.",
     "2024-07-19", [("Armed clash", "international_coalition", None, {})]),
    # a mine left over from an old war ("من مخلفات") has no acting force
    ("legacy-mine", "أصيب طفل بانفجار لغم أرضي من مخلفات تنظيم داعش في محيط بلدة السخنة صباح اليوم.",
     "2024-03-03", [("Remote explosive/landmine/IED", None, None, {"actor1": None})]),
    # the planter named in a later sentence ("الخلية التي زرعت العبوة") is the IED's actor1
    ("ied-planter-later", "قتل جندي بانفجار عبوة ناسفة استهدفت دورية للجيش العراقي في قضاء طوزخورماتو صباح اليوم. وباشرت القوات بحملة لملاحقة عناصر داعش الذين زرعوا العبوة.",
     "2021-06-01", [("Remote explosive/landmine/IED", "islamic_state", "iraqi_security_forces", {})]),
    # "قوى الأمن الداخلي" alone: the Asayish in north-east Syria, Lebanon's force in Lebanon, the new Syrian
    # government's police elsewhere in Syria after 2024-12-08 (actor.internal_security_place)
    ("internal-security-beirut", "أصيب عنصران من قوى الأمن الداخلي برشق حجارة من محتجين غاضبين قرب مجلس النواب في وسط بيروت مساء السبت.",
     "2020-08-09", [("Violent demonstration", "rioters", "lebanese_forces", {})]),
    ("internal-security-homs", "قتل عنصر من قوى الأمن الداخلي بهجوم مسلحين مجهولين على حاجز في حي الوعر بمدينة حمص ليل الخميس.",
     "2025-03-02", [("Armed clash", None, "syrian_government_forces", {})]),
    ("internal-security-hasakah", "قتل عنصر من قوى الأمن الداخلي بهجوم مسلحين مجهولين على حاجز في حي غويران بمدينة الحسكة ليل الخميس.",
     "2025-03-02", [("Armed clash", None, "asayish", {})]),
    # branches the spec names beyond Syria and Iraq: an al-Qaeda branch, an IS province, the Houthis
    ("shabaab-is-al-qaeda", "سيطر مسلحو حركة الشباب على بلدة بولو برتي وسط الصومال بعد انسحاب القوات الحكومية منها.",
     "2025-02-11", [(NSA, "al_qaeda", None, {"actor2": None})]),
    ("jnim-is-al-qaeda", "هاجم مسلحون من جماعة نصرة الإسلام والمسلمين ثكنة للجيش في مدينة تمبكتو شمالي مالي.",
     "2025-02-11", [("Armed clash", "al_qaeda", None, {})]),
    ("sinai-province-is-islamic-state", "قتل خمسة جنود في هجوم شنه مسلحو ولاية سيناء على كمين للجيش جنوب مدينة العريش.",
     "2025-02-11", [("Armed clash", "islamic_state", None, {})]),
    ("houthis-are-iran-backed", "قتل مدنيان بقذيفة أطلقها الحوثيون على حي سكني في مدينة تعز اليمنية.",
     "2025-02-11", [("Shelling/artillery/missile attack", "iran_backed_militias", "civilians", {})]),
    # the force a territory is taken from ("من قوات النظام") loses it, even when the taker is not on the list
    ("territory-taken-from", "انتزع مقاتلو الفصائل السيطرة على بلدة كفرنبودة من قوات النظام بعد معارك استمرت ساعات.",
     "2019-05-30", [(NSA, None, "syrian_regime_forces", {"actor1": None})]),
    # "من قبضة/سيطرة/أيدي X": X loses the territory, and an unlisted army that takes it back is null
    ("territory-from-grip-of", "أعلن الجيش النيجيري مساء الخميس استعادة بلدة دامبوا في ولاية بورنو من قبضة تنظيم داعش.",
     "2022-09-16", [(GOV, None, "islamic_state", {"actor1": None})]),
    ("territory-from-control-of", "استعادت القوات الموزمبيقية يوم الأحد بلدة موسيمبوا دا برايا من سيطرة مسلحي داعش.",
     "2021-08-10", [(GOV, None, "islamic_state", {"actor1": None})]),
    # a group the list does not name keeps its words from reading as actors ("عمال" in "حزب العمال" is no civilian)
    ("unlisted-group-no-civilians", "قصفت المقاتلات التركية مواقع لحزب العمال الكردستاني في قضاء العمادية بمحافظة دهوك.",
     "2025-02-11", [(AIR, "turkish_forces", None, {"actor2": None})]),
    ("workers-are-civilians", "قتل ثلاثة عمال بقصف مدفعي تركي على قرية في قضاء العمادية بمحافظة دهوك.",
     "2025-02-11", [("Shelling/artillery/missile attack", None, "civilians", {})]),
    # a generic "government forces" abroad is that country's force, which the list does not name (actor.abroad)
    ("government-forces-abroad", "قصفت طائرات مسيرة مواقع للقوات الحكومية في محافظة مأرب اليمنية.",
     "2025-02-11", [(AIR, None, None, {"actor1": None})]),
    ("government-forces-at-home", "قصفت طائرات مسيرة مواقع للقوات الحكومية في مدينة إدلب السورية.",
     "2025-02-11", [(AIR, "syrian_government_forces", None, {})]),
]


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected, check_events):
    check_events(text, published, expected)
