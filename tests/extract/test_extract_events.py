"""Which sentences make an event, and of which kind (triggers -> events); what is no event; a strike
told again is one event. Rows written for these tests in news style (classes first found on blind sets, issue 5)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document

ARR, CLASH, DIS, OTHER = "Arrests", "Armed clash", "Disrupted weapons use", "Other"
AIR = "Air/drone strike"
VIOLENT = "Violent demonstration"
GOV = "Government regains territory"

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]; actor None = not checked
EVENTS = [
    # the feminine and plural of "استولى" (its ى becomes ت/وا): "واستولت على", "استولوا على مدينة"
    ("seized-plural", "وكان المسلحون قد استولوا الشهر الماضي على مدينة موسيمبوا دا برايا الساحلية في شمال موزمبيق.",
     "2020-09-15", [("Non-state actor overtakes territory", None, None, {})]),
    # a headline tells what the crowd does in the present tense ("محتجون يقتحمون", "متظاهرون يحرقون", "يغلقون الطرق")
    ("headline-crowd-storms", "محتجون يقتحمون مبنى المحافظة في مدينة السويداء", "2022-12-21",
     [("Violent demonstration", "rioters", None, {})]),
    ("headline-crowd-burns", "متظاهرون يحرقون مقر الوقف في مدينة الناصرية", "2022-12-21", [("Violent demonstration", "rioters", None, {})]),
    ("headline-crowd-blocks", "عشرات المحتجين يغلقون الطرق الرئيسة والجسور في الناصرية", "2022-12-21",
     [("Peaceful protest", "protesters", None, {})]),
    # the construct state of a protester plural ("متظاهرو الناصرية", "متظاهري ساحة التحرير": the ن falls before a
    # genitive) names the crowd like "متظاهرون"
    ("construct-protesters-dispersed", "فرقت قوات الأمن متظاهري ساحة التحرير في بغداد بالغاز المسيل للدموع مساء أمس.",
     "2021-07-20", [("Protest with intervention", None, "protesters", {})]),
    ("construct-protesters-storm", "اقتحم متظاهرو الناصرية مبنى المحافظة وأضرموا النار فيه مساء أمس.",
     "2021-07-20", [("Violent demonstration", "rioters", None, {})]),
    # a noun trigger in the indefinite accusative ("لغماً", "صاروخاً": the object of a verb) is the same trigger
    ("accusative-mine", "وقتل ثلاثة جنود حين صدمت آليتهم لغماً قرب بلدة الشدادي جنوب الحسكة.",
     "2024-03-02", [("Remote explosive/landmine/IED", None, None, {"fatalities": 3})]),
    # "ملغمة"/"ملغومة" (booby-trapped) is "مفخخة" in Iraqi and Gulf usage: a vehicle bomb
    ("booby-trapped-vehicle", "قتل خمسة جنود في هجوم بعربة ملغمة شنه تنظيم داعش شمال مدينة الفلوجة أمس.",
     "2024-03-02", [("Remote explosive/landmine/IED", None, None, {"fatalities": 5})]),
    ("accusative-rocket", "أطلق مسلحون مجهولون صاروخاً على قاعدة عين الأسد في محافظة الأنبار مساء أمس.",
     "2024-03-02", [("Shelling/artillery/missile attack", None, None, {})]),
    # an assassination of an official (council member, committee head) by gunmen is an armed clash
    # a crowd named as the subject of a gathering or blocking verb tells a protest ("تجمع المحتجون", "قطعوا طريق")
    ("crowd-gathers-definite", "وتجمع المحتجون في ساحة الحبوبي وسط مدينة الناصرية للمطالبة بتوفير فرص العمل.",
     "2021-01-26", [("Peaceful protest", "protesters", None, {})]),
    ("crowd-blocks-road", "وأفاد مصدر بأن عشرات المحتجين قطعوا طريق الكوفة الرئيس وأغلقوا عددا من الشوارع الفرعية.",
     "2021-01-26", [("Peaceful protest", "protesters", None, {})]),
    # burning or razing civilians' property (houses, orchards, crops) is property destruction (lex.looting's burning
    # and demolition words, which need a property noun in the sentence)
    ("burned-orchards", "أقدمت الميليشيات على إحراق عدد من البساتين الزراعية في محيط قرية الخيلانية بقضاء المقدادية.",
     "2016-05-30", [("Looting/property destruction", None, None, {})]),
    ("razed-houses", "هدم مسلحو التنظيم منازل المدنيين في قرية البو حمدان بريف دير الزور.",
     "2016-05-30", [("Looting/property destruction", None, None, {})]),
    ("official-council-member", "اغتال مسلحون ملثمون يستقلون سيارة، فجر اليوم، عضواً في مجلس بلدة ذيبان أمام منزله.",
     "2025-04-02", [(CLASH, "unidentified_armed_group", None, {})]),
    ("official-committee-head", "اغتال مسلحون مجهولون رئيس لجنة الإغاثة في بلدة الشحيل بريف دير الزور الشرقي.",
     None, [(CLASH, "unidentified_armed_group", None, {})]),
    # arrests dominate a seizure of explosive belts in the same raid; "فككت عبوة" stays a defusal
    ("arrest-with-belts", "داهمت قوات الأمن العام منزلاً في مدينة البوكمال واعتقلت أربعة عناصر من داعش وضبطت أحزمة ناسفة.",
     "2025-06-01", [(ARR, "syrian_government_forces", "islamic_state", {"arrested": 4})]),
    # a protest told by what the crowd did: blocking roads, "in protest at", gathering with banners, a strike
    ("protest-road-block", "قطع محتجون الطرق الرئيسية في مدينة طرابلس احتجاجا على تردي الأوضاع المعيشية.",
     "2021-01-26", [("Peaceful protest", "protesters", None, {})]),
    ("protest-in-protest-at", "أغلق أصحاب المحال التجارية متاجرهم في مدينة السويداء احتجاجا على قرار المحافظ بإغلاق السوق القديم.",
     "2025-02-11", [("Peaceful protest", "protesters", None, {})]),
    ("protest-gathering-banners", "تجمع المئات أمام مبنى المحافظة في مدينة الديوانية رافعين لافتات تطالب بفرص العمل.",
     "2025-02-11", [("Peaceful protest", "protesters", None, {})]),
    ("protest-march-against-shelling", "شارك الآلاف في مسيرة في مدينة القامشلي تنديدا بالقصف التركي.",
     "2025-02-11", [("Peaceful protest", "protesters", None, {})]),
    ("protest-took-to-the-streets", "نزل المئات إلى شوارع مدينة السويداء للمطالبة بالإفراج عن المعتقلين.",
     "2025-02-11", [("Peaceful protest", "protesters", None, {})]),
    # Iraqi bulletins' "أطاح ب" (brought down) a cell, a wanted man: an arrest; a ruler brought down is not one
    ("arrest-brought-down-cell", "أطاحت قوات الأمن بخلية إرهابية في حي الزهور بمدينة الموصل.",
     "2025-02-11", [(ARR, None, None, {})]),
    ("arrest-brought-down-one", "تمكنت مفارز الاستخبارات من الإطاحة بأحد عناصر داعش في محافظة كركوك.",
     "2025-02-11", [(ARR, None, "islamic_state", {})]),
    # two protesters (a dual) shot by the security forces: excessive force, not a battle with the forces
    ("protesters-dual-shot", "قتل متظاهران برصاص قوات الأمن في مدينة الناصرية مساء أمس.",
     "2025-02-11", [("Excessive force against protesters", None, "protesters", {})]),
    # a sit-in dispersed by the security forces (فضت): a protest with intervention
    ("protest-sit-in-dispersed", "فضت قوات الأمن اعتصاما للمعلمين أمام مبنى المحافظة في مدينة السليمانية.",
     "2025-02-11", [("Protest with intervention", None, "protesters", {})]),
    # an angry crowd that attacks and burns: rioters
    ("riot-angry-crowd", "هاجم حشد غاضب مركزا للشرطة في مدينة الزبير وأحرقوا سيارات.",
     "2025-02-11", [("Violent demonstration", "rioters", None, {})]),
    ("protest-stand-before", "نظم ناشطون وقفة أمام مقر الأمم المتحدة في مدينة أربيل.",
     "2025-02-11", [("Peaceful protest", "protesters", None, {})]),
    # one place named twice in apposition ("العاصمة الأردنية عمان") is one event
    ("protest-capital-apposition", "اعتصم مئات المعلمين أمام وزارة التربية في العاصمة الأردنية عمان.",
     "2025-02-11", [("Peaceful protest", "protesters", None, {})]),
    # a crowd's verb before its subject is singular ("أحرق محتجون", "أضرم المتظاهرون"): still a riot's act
    ("riot-verb-before-crowd", "أحرق محتجون غاضبون مبنى مجلس المحافظة في مدينة الناصرية ليل أمس.",
     "2025-02-11", [("Violent demonstration", "rioters", None, {})]),
    ("riot-fire-set", "أضرم المتظاهرون النار في مقر أحد الأحزاب في مدينة الديوانية بعد ساعات من الاحتجاج.",
     "2025-02-11", [("Violent demonstration", "rioters", None, {})]),
    # gunfire told as "أعيرة/عيارات نارية": by gunmen at a patrol a battle; by a gathered crowd (المتجمهرون) a riot;
    # by the police at protesters excessive force
    ("shooting-rounds-at-patrol", "أطلق مسلحون أعيرة نارية على دورية للشرطة في مدينة الرمادي مساء أمس.",
     "2025-02-11", [(CLASH, "unidentified_armed_group", None, {"date_start": "2025-02-10"})]),
    ("riot-crowd-fires-rounds", "قال البيان إن بعض المتجمهرين أطلقوا أعيرة نارية على مبنى المحافظة في مدينة معان ما أدى إلى إصابة أحد الحراس.",
     "2025-02-11", [(VIOLENT, "rioters", None, {"injured": 1})]),
    ("protest-police-fire-rounds", "أطلقت قوات الشرطة العيارات النارية لتفريق المتظاهرين في مدينة معان ما أسفر عن إصابة شخصين.",
     "2025-02-11", [("Excessive force against protesters", None, "protesters", {"injured": 2})]),
    # a word inside a force's name is no cue: "العمليات" of "قيادة العمليات المشتركة" is no summary of operations
    ("joint-operations-command-arrest", "أعلنت قيادة العمليات المشتركة اعتقال أربعة إرهابيين في قضاء الحويجة.",
     "2025-02-11", [(ARR, "iraqi_security_forces", None, {})]),
    # an air strike that destroys a hideout is the strike; only a shot-down aircraft is disrupted
    ("strike-destroys-hideout", "دمرت ضربة جوية عراقية وكرا لداعش في جبال حمرين صباح اليوم.",
     "2025-02-11", [(AIR, None, "islamic_state", {})]),
    ("drone-shot-down", "أسقطت الدفاعات الجوية طائرة مسيرة قرب مطار أربيل مساء أمس.",
     "2025-02-11", [(DIS, None, None, {})]),
    # a sniper's shot ("قنص", "بنيران قناص") is gunfire; at a soldier, a battle
    ("sniper-verb", "قنص عنصر من داعش جنديا عراقيا في ناحية العظيم بمحافظة ديالى مساء أمس.",
     "2025-02-11", [(CLASH, "islamic_state", None, {})]),
    ("sniper-on-civilian", "أصيبت امرأة بنيران قناص في حي الخالدية بمدينة حمص صباح اليوم.",
     "2025-02-11", [("Attack", None, "civilians", {})]),
    # a ceasefire breached: the shelling is the event, not the ceasefire's "إطلاق النار"
    ("ceasefire-breach-shelling", "قصفت قوات النظام بلدة كنصفرة بريف إدلب رغم اتفاق وقف إطلاق النار.",
     "2019-05-10", [("Shelling/artillery/missile attack", "syrian_regime_forces", None, {})]),
    # an attack stopped before it went off is a disrupted weapon use; stopped by fighting, a battle
    ("foiled-suicide-attack", "أحبطت القوات الأمنية هجوما انتحاريا كان يستهدف زوار مرقد في مدينة سامراء فجر اليوم.",
     "2025-02-11", [(DIS, "iraqi_security_forces", None, {})]),
    ("foiled-by-defusing-the-belt", "تمكنت قوات الأمن من إفشال تفجير حزام ناسف كان يرتديه شاب في سوق مدينة الرمادي.",
     "2025-02-11", [(DIS, None, None, {})]),
    ("foiled-with-fighting", "أفشلت قوات البيشمركة هجوما بسيارة مفخخة على مقر لها قرب قضاء مخمور وقتلت منفذيه بعد اشتباك.",
     "2025-02-11", [(CLASH, None, None, {})]),
    ("defuse-not-arrest", "فككت فرق الهندسة في قسد عبوة ناسفة زرعها مجهولون قرب بلدة الكسرة.",
     None, [(DIS, "sdf", None, {})]),
    # an escape from a prison ("فرّ/هرب ... من سجن") is a prison break; its escapee count is no claim
    ("prison-break-verb", "فرّ ثلاثة معتقلين من عناصر داعش من سجن غويران في مدينة الحسكة، فجر اليوم، بعد كسر نافذة الزنزانة.",
     "2024-03-03", [(OTHER, None, None, {"date_start": "2024-03-03"})]),
    # the re-arrest of escapees is an Arrests event of its own, not merged into the escape
    ("prison-break-rearrest", "هرب خمسة من عناصر داعش من سجن في مدينة الحسكة أمس. وتمكنت قوى الأمن الداخلي من إعادة القبض على ثلاثة منهم في أحد أحياء المدينة.",
     "2024-03-03", [(OTHER, None, None, {}), (ARR, "asayish", None, {"arrested": 3})]),
    # defusing the bombs of a seized cache is the cache's disrupted use, not an arrest of the cell it belonged to
    ("defuse-cache-bombs", "صادرت قوات الأمن العام أمس مخزناً للذخائر في مدينة تدمر. وقال مصدر أمني إن المخزن يعود لخلية تابعة لداعش وإن فرق الهندسة عملت أمس على تفكيك العبوات.",
     "2025-05-02", [(DIS, "syrian_government_forces", None, {})]),
    # a definite plural ("الغارات") right after a strike that names only a wide region tells the strike again
    ("strikes-told-again-region", "شنت طائرات حربية غارات على مواقع قرب مدينة إزرع مساء أمس. وقال متحدث عسكري إن الغارات استهدفت مخازن سلاح، وإنه لن يقبل بوجود قوات معادية في جنوب سوريا.",
     "2025-02-26", [(AIR, None, None, {"date_start": "2025-02-25"})]),
    # riots: violent demonstrations named as such, protesters seizing a building, confrontations of people with a
    # force, a mutiny of prisoners; the riot police's name is no riot act
    ("riot-violent-protests", "أسفرت الاحتجاجات العنيفة في مدينة الديوانية عن إصابة 9 أشخاص بينهم عناصر من الشرطة.",
     "2023-07-20", [(VIOLENT, "rioters", None, {})]),
    ("riot-protesters-seize-building", "وسيطر المحتجون على مبنى مجلس محافظة ميسان وأشعلوا فيه النيران مساء اليوم.",
     "2023-07-20", [(VIOLENT, "rioters", None, {})]),
    ("riot-confrontation-youths", "اندلعت مواجهات بين شبان وقوات الأمن في مدينة الرمثا بعد مقتل شاب برصاص دورية.",
     "2023-07-20", [(VIOLENT, "rioters", None, {})]),
    ("riot-confrontation-protesters", "تجددت المواجهات بين عناصر مكافحة الشغب والمتظاهرين في وسط بيروت.",
     "2023-07-20", [(VIOLENT, "rioters", None, {})]),
    ("riot-police-dispersal", "فرقت قوات مكافحة الشغب المتظاهرين بالغاز المسيل للدموع في ساحة التحرير ببغداد.",
     "2023-07-20", [("Protest with intervention", None, "protesters", {})]),
    # fire in the air and rubber bullets disperse a crowd: intervention, not lethal force
    ("protest-fire-in-the-air", "أطلقت الشرطة العراقية النار في الهواء لتفريق مئات المحتجين أمام مبنى محافظة البصرة.",
     "2023-07-20", [("Protest with intervention", None, "protesters", {})]),
    ("protest-rubber-bullets", "فرقت قوات الأمن المتظاهرين بالرصاص المطاطي في مدينة الناصرية.", "2023-07-20",
     [("Protest with intervention", None, "protesters", {})]),
    ("protest-live-fire", "أطلقت قوات الأمن الرصاص الحي على المتظاهرين في مدينة الناصرية.", "2023-07-20",
     [("Excessive force against protesters", None, "protesters", {})]),
    ("riot-prison-mutiny", "شهد سجن الحلة المركزي تمردا للسجناء الذين أحرقوا الفرش واحتجزوا عددا من الحراس.",
     "2023-07-20", [(VIOLENT, "rioters", None, {})]),
    # "مواجهات" with an armed group named stays an armed clash
    ("confrontation-armed-group", "اندلعت مواجهات بين قوات الجيش ومسلحي داعش قرب قرية الطالعة في ناحية العظيم.",
     "2023-07-20", [(CLASH, None, None, {})]),
    # an air attack named as such (هجوم جوي، عدوان جوي) is an air strike
    ("air-attack-noun", "نفذت إسرائيل هجوما جويا فجر اليوم على مواقع في محيط مدينة دمشق.", "2024-06-02",
     [(AIR, None, None, {})]),
    ("air-aggression-noun", "شنت طائرات الاحتلال عدوانا جويا على مستودعات قرب مدينة مصياف.", "2024-06-02",
     [(AIR, None, None, {})]),
    # barrel bombs are dropped from helicopters: an air strike
    ("barrel-bombs", "ألقت مروحيات النظام عددا من البراميل المتفجرة على مدينة اللطامنة شمال حماة.", "2019-06-02",
     [(AIR, None, None, {})]),
    # a headline that counts the villages of the list below sums it up, across lines of page noise (a date, a time,
    # a counter) and across the distance from the city it names to the villages in its governorate
    ("headline-sums-list", "القوات العراقية تحرر 3 قرى في الموصل\n12/11/2016\n00:00\n3\n0\n0\nحررت القوات العراقية قرى "
     "النعمانية وعباس رجب والطايش جنوب شرقي الموصل بعد معارك مع تنظيم داعش.", "2016-11-12",
     [(GOV, None, None, {"location": "النعمانية"}), (GOV, None, None, {}), (GOV, None, None, {})]),
    # the rest of the typology: sexual violence, looting, agreements, a group's change, a base built, a handover,
    # a chemical weapon
    ("sexual-violence", "اغتصب عناصر من الميليشيا امرأتين في قرية قرب مدينة الفاشر.", "2024-06-02",
     [("Sexual violence", None, "civilians", {})]),
    ("sexual-violence-counter", "اتهم البيان الحكومة باغتصاب السلطة في مدينة الفاشر.", "2024-06-02", []),
    ("looting", "نهب مسلحون محلات تجارية في مدينة الصنمين مساء اليوم.", "2024-06-02",
     [("Looting/property destruction", "unidentified_armed_group", None, {})]),
    ("agreement-ceasefire", "وقعت قوات سوريا الديمقراطية والحكومة السورية اتفاقا لوقف إطلاق النار في مدينة منبج.",
     "2025-03-10", [("Agreement", "sdf", None, {})]),
    ("group-dissolves", "أعلن تنظيم حراس الدين حل نفسه في ريف إدلب.", "2025-01-29",
     [("Change to group/activity", "al_qaeda", None, {})]),
    ("base-established", "أنشأت القوات التركية قاعدة عسكرية جديدة قرب بلدة الأتارب.", "2020-02-02",
     [("Headquarters or base established", "turkish_forces", None, {})]),
    ("handover-without-fighting", "سلمت قوات سوريا الديمقراطية مدينة منبج للجيش السوري دون قتال.", "2025-03-10",
     [("Non-violent transfer of territory", None, None, {})]),
    ("chemical-sarin", "قصفت قوات النظام بلدة خان شيخون بغاز السارين.", "2017-04-04",
     [("Chemical weapon", None, None, {})]),
    # a place a strike was launched from ("من مرتفعات الجولان") is not where it hit
    ("strike-launched-from", "قال مصدر عسكري إن جيش الاحتلال شن غارة من مرتفعات الجولان على مواقع في ريف دمشق.",
     "2024-06-02", [(AIR, None, None, {"location": "ريف دمشق"})]),
    # an assault on a base opened by a car bomb is a battle (kind.assault_over_blast)
    ("assault-opened-by-car-bomb", "قتل 12 جنديا في هجوم شنته حركة الشباب على قاعدة عسكرية قرب مدينة مقديشو. وقال مسؤول إن "
     "سيارة مفخخة انفجرت عند مدخل القاعدة ثم حاول المسلحون اقتحامها.", "2023-07-20",
     [(CLASH, "al_qaeda", None, {"fatalities": 12})]),
]

# no event: a habit told with a bare plural and no day; a tally of dismantled cells
NOTHING = [
    # a count of three or more incidents in their plural ("4 استهدافات", "5 اغتيالات") is a tally, not one incident
    ("tally-of-targetings", "4 استهدافات على مدينة الرقة أسفرت عن مقتل 3 من العسكريين."),
    ("tally-of-assassinations", "وشهدت محافظة دير الزور 5 اغتيالات طالت عناصر سابقين في قسد."),
    # a warrant ("مذكرات قبض/توقيف") is issued, no one is arrested yet
    ("arrest-warrants", "أصدرت الهيئة التحقيقية في محافظة النجف مذكرات قبض بحق المعتدين على المتظاهرين."),
    ("arrest-warrant-issued", "أعلن مجلس القضاء إصدار مذكرات توقيف بحق مطلقي النار في مدينة الناصرية."),
    ("bare-plural-habit", "ويرى محللون أن التنظيم يعتمد على هجمات صغيرة متفرقة تستهدف الحواجز في بادية حمص."),
    # "استعادة" of citizens is their repatriation, not territory regained (false_triggers)
    # burning tyres is a protest's act, not property destruction (no property noun)
    ("burned-tyres-not-property", "أحرق شبان الإطارات في شارع رئيسي بمدينة الحلة."),
    ("repatriate-citizens", "ودعا مستشار الأمن القومي دول العالم إلى استعادة مواطنيها من مخيم الهول في ريف الحسكة."),
    ("repatriate-nationals", "وأرسلت الحكومة طائرة لاستعادة كل رعاياها من مدينة بنغازي الليبية."),
    ("cells-tally", "وأعلنت وزارة الداخلية أن الأجهزة الأمنية فككت منذ عام 2015 أكثر من 40 خلية إرهابية في محافظة حلب."),
]


def _doc(text: str, published: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)


@pytest.mark.parametrize("case_id,text", NOTHING, ids=[c[0] for c in NOTHING])
def test_no_event(case_id, text):
    assert extract_document(_doc(text, "2024-05-01"))["events"] == []


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected, check_events):
    check_events(text, published, expected)
