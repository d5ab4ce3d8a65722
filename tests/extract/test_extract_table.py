"""A table of short reports written for these tests, with the events and claims they must give."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import detect, extract_document

ARR, CLASH, IED = "Arrests", "Armed clash", "Remote explosive/landmine/IED"
AIR, SHELL, SUI = "Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb"
VAC, DIS = "Attack", "Disrupted weapons use"
TRANSFER = "Non-violent transfer of territory"

# id, text, published, [(sub_event_type, actor1, actor2, {field: value})]
EVENTS = [
    ("arrest-sdf-village", "اعتقلت قوات سوريا الديمقراطية ثلاثة عناصر من تنظيم داعش في بلدة الشحيل بريف دير الزور الشرقي.", None, [(ARR, "sdf", "islamic_state", {"arrested": 3})]),
    ("arrest-qasad-dual", "ألقت قسد القبض على عنصرين من خلايا داعش في بلدة ذيبان.", None, [(ARR, "sdf", "islamic_state", {"arrested": 2})]),
    ("arrest-singular", "أعلنت قسد القبض على عضو في خلية لداعش في بلدة الباغوز.", None, [(ARR, "sdf", "islamic_state", {"arrested": 1})]),
    ("arrest-iraq", "اعتقلت القوات الأمنية العراقية خمسة إرهابيين في قضاء الطارمية شمال بغداد.", None, [(ARR, "iraqi_security_forces", None, {"arrested": 5})]),
    ("arrest-today", "اعتقلت قسد اليوم الأحد أربعة أشخاص ينتمون لتنظيم داعش في بلدة ذيبان.", "2025-12-14", [(ARR, "sdf", "islamic_state", {"arrested": 4, "date_start": "2025-12-14"})]),
    ("arrest-yesterday", "ألقت قوات الأمن العام أمس القبض على ستة عناصر من داعش في مدينة حمص.", "2025-03-10", [(ARR, "syrian_government_forces", "islamic_state", {"arrested": 6, "date_start": "2025-03-09"})]),
    ("airdrop-arrest", "نفذ التحالف الدولي عملية إنزال جوي في بلدة الشحيل أسفرت عن اعتقال قيادي في داعش.", None, [(ARR, "international_coalition", "islamic_state", {"arrested": 1})]),
    ("airdrop-kill", "أسفرت عملية إنزال جوي للتحالف الدولي في بلدة الشحيل عن مقتل قيادي في داعش.", None, [(CLASH, None, None, {})]),
    # "منذ عام 2019" opens a period: it is not the clash's date
    ("clash-since-year", "اندلعت اشتباكات بين قسد وخلايا داعش في بلدة ذيبان أمس، وهي الأعنف منذ عام 2019.", "2024-05-10", [(CLASH, "islamic_state", "sdf", {"date_start": "2024-05-09"})]),
    ("clash-since-year-only", "اندلعت اشتباكات بين قسد وخلايا داعش في بلدة ذيبان التي تسيطر عليها قسد منذ عام 2019.", "2024-05-10", [(CLASH, "islamic_state", "sdf", {"date_start": None})]),
    # a headline over a part of a country ("شمال العراق") sums up the body's incident in one of its governorates
    ("headline-area", "قصف تركي على شمال العراق\nقتل ثلاثة مدنيين بقصف مدفعي تركي على أطراف قضاء زاخو في محافظة دهوك أمس.",
     "2024-05-10", [(SHELL, None, "civilians", {"fatalities": 3})]),
    # "عملية القبض عليه": the pronoun refers to the man whose arrest was told; the village details the governorate
    ("arrest-pronoun-detail", "أعلنت قيادة العمليات المشتركة القبض على عنصر بارز في تنظيم داعش في محافظة كركوك أمس. "
     "وأوضحت أن عملية القبض عليه جرت في بلدة طوزخورماتو.", "2024-05-10",
     [(ARR, "iraqi_security_forces", "islamic_state", {"arrested": 1, "location": "طوزخورماتو"})]),
    # "تشهد ... احتجاجات، كان آخرها في ...": the latest protest is named, the plural is no summary
    ("protest-latest", "تشهد مدينة السويداء احتجاجات متواصلة، كان آخرها في ساحة الكرامة وسط المدينة.", "2024-05-10",
     [("Peaceful protest", "protesters", None, {})]),
    ("clash-between", "اندلعت اشتباكات بين مسلحين من تنظيم داعش وقوات قسد في بلدة ذيبان بريف دير الزور.", None, [(CLASH, "islamic_state", "sdf", {})]),
    ("clash-ambush", "نصب عناصر داعش كمينا لقوات الحشد الشعبي قرب مدينة سامراء ما أدى لمقتل ثلاثة مقاتلين.", None, [(CLASH, "islamic_state", "pmf", {"fatalities": 3})]),
    ("clash-attack-pmf", "هاجم تنظيم داعش مواقع للحشد الشعبي في قضاء الطارمية وقتل أربعة عناصر.", None, [(CLASH, "islamic_state", "pmf", {"fatalities": 4})]),
    ("clash-foiled-infiltration", "تمكنت قوة مشتركة من الجيش العراقي من إحباط محاولة تسلل لمسلحي داعش قرب مدينة الحويجة.", None, [(CLASH, "iraqi_security_forces", "islamic_state", {})]),
    ("ied-patrol", "قتل جنديان من الجيش العراقي بانفجار عبوة ناسفة استهدفت دورية في قضاء المقدادية.", None, [(IED, None, "iraqi_security_forces", {"fatalities": 2})]),
    ("ied-civilians", "انفجرت عبوة ناسفة قرب سوق شعبية في قضاء المحمودية ما أسفر عن مقتل مدني وإصابة خمسة آخرين.", None, [(IED, None, "civilians", {"fatalities": 1, "injured": 5})]),
    ("landmine", "قتل طفل بانفجار لغم أرضي من مخلفات الحرب في بلدة هجين.", None, [(IED, None, "civilians", {"fatalities": 1})]),
    ("car-bomb", "انفجرت سيارة مفخخة في مدينة الباب ما أسفر عن مقتل 12 شخصا وإصابة 20 آخرين.", None, [(IED, None, None, {"fatalities": 12, "injured": 20})]),
    ("suicide-belt", "فجر انتحاري حزاما ناسفا في سوق مدينة الخالص ما أدى لمقتل سبعة مدنيين.", None, [(SUI, None, "civilians", {"fatalities": 7})]),
    ("suicide-car", "هاجم انتحاري يقود سيارة مفخخة حاجزا للجيش العراقي في قضاء حديثة.", None, [(SUI, None, None, {})]),
    # an undated report: "صباح الخميس" is counted from a stand-in day and cannot contradict the dated retelling
    ("suicide-undated-retold", "هجوم انتحاري استهدف صباح الخميس سوقا شعبية في مدينة الخالص وأدى إلى مقتل تسعة أشخاص. "
     "وقتل تسعة أشخاص الخميس (12 أيلول 2019) في هجوم نفذه انتحاري في الخالص بحسب مصدر أمني.", None,
     [(SUI, None, None, {"fatalities": 9, "date_start": "2019-09-12"})]),
    ("airstrike-coalition", "شنت طائرات التحالف الدولي غارة جوية على مواقع لتنظيم داعش في جبال حمرين.", None, [(AIR, "international_coalition", "islamic_state", {})]),
    ("drone-strike", "استهدفت طائرة مسيرة سيارة تقل عناصر من حراس الدين في بلدة سرمدا بريف إدلب.", None, [(AIR, None, "al_qaeda", {})]),
    ("airstrike-iraq", "دمر طيران الجيش العراقي مضافة لداعش بغارة جوية في وادي حوران بمحافظة الأنبار.", None, [(AIR, "iraqi_security_forces", "islamic_state", {})]),
    ("shelling-regime", "قصفت قوات النظام بالمدفعية الثقيلة بلدة كنصفرة في جبل الزاوية.", "2020-08-13", [(SHELL, "syrian_regime_forces", None, {})]),
    ("shelling-list", "قصفت قوات النظام بالمدفعية بلدتي كنصفرة وسفوهن في ريف إدلب الجنوبي.", "2020-08-13", [(SHELL, "syrian_regime_forces", None, {})] * 2),
    ("mortar-civilians", "سقطت قذائف هاون أطلقها تنظيم داعش على حي الجورة في مدينة دير الزور فقتل مدنيان.", None, [(SHELL, "islamic_state", "civilians", {})]),
    ("execution-civilians", "أعدم تنظيم داعش مدنيين اثنين في قرية الشحيل بتهمة التعامل مع التحالف.", None, [(VAC, "islamic_state", "civilians", {"fatalities": 2})]),
    ("shepherds-shot", "قتل ستة رعاة أغنام برصاص عناصر من داعش في بادية السخنة بريف حمص الشرقي.", None, [(VAC, "islamic_state", "civilians", {"fatalities": 6})]),
    ("bodies-found", "عثرت قوة أمنية على ثلاث جثث لمدنيين قتلوا رميا بالرصاص في قضاء المقدادية.", None, [(VAC, None, "civilians", {"fatalities": 3})]),
    ("gunmen-civilian", "قتل مدني برصاص مسلحين مجهولين في مدينة جاسم بريف درعا.", None, [(VAC, "unidentified_armed_group", "civilians", {"fatalities": 1})]),
    ("defused-ied", "تمكنت القوات الأمنية العراقية من تفكيك عبوة ناسفة على طريق في قضاء الطارمية.", None, [(DIS, "iraqi_security_forces", None, {})]),
    ("regains-peshmerga", "سيطرت قوات البيشمركة على قرية البونجم في ناحية داقوق بعد طرد عناصر داعش.", None, [("Government regains territory", "peshmerga", "islamic_state", {})]),
    ("sdf-takes", "أعلنت قسد في 23 آذار 2019 القضاء على تنظيم داعش في بلدة الباغوز.", None, [("Non-state actor overtakes territory", "sdf", "islamic_state", {"date_start": "2019-03-23"})]),
    ("is-takes-mosul", "وكان تنظيم داعش قد سيطر على مدينة الموصل في العاشر من حزيران عام 2014.", None, [("Non-state actor overtakes territory", "islamic_state", None, {})]),
    ("date-full", "اعتقلت قسد ثلاثة عناصر لداعش في بلدة الشحيل يوم 7 تشرين الثاني 2023.", None, [(ARR, "sdf", "islamic_state", {"date_start": "2023-11-07"})]),
    ("date-yearless-null", "اعتقلت قسد ثلاثة عناصر لداعش في بلدة الشحيل في السابع من تشرين الثاني.", None, [(ARR, "sdf", "islamic_state", {"date_start": None})]),
    ("syrian-army-2025", "اعتقل الجيش السوري اليوم خمسة عناصر من داعش في مدينة تدمر.", "2025-02-01", [(ARR, "syrian_government_forces", "islamic_state", {})]),
    ("syrian-army-2017", "اعتقل الجيش السوري اليوم خمسة عناصر من داعش في مدينة تدمر.", "2017-02-01", [(ARR, "syrian_regime_forces", "islamic_state", {})]),
    ("arabic-indic-digits", "قتل ٣ عناصر من قسد بهجوم لداعش على حاجز في بلدة الصور.", None, [(CLASH, "islamic_state", "sdf", {"fatalities": 3})]),
    ("obfuscated-isis", "اعتقلت قسد عنصرين من د.ا.ع.ش في بلدة ذيبان.", None, [(ARR, "sdf", None, {"arrested": 2})]),
    ("two-sentences-one-event", "انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء الطارمية. وأسفر الانفجار عن مقتل ثلاثة جنود.", None, [(IED, None, "iraqi_security_forces", {"fatalities": 3})]),
    ("follow-up-no-place", "هاجم عناصر من داعش حاجزا للجيش العراقي في قضاء الطارمية شمال بغداد. وقالت مصادر محلية إن انتحاريا فجر نفسه عند الحاجز قبل الهجوم ما أدى لمقتل أربعة جنود.", None, [(CLASH, "islamic_state", "iraqi_security_forces", {"fatalities": 4})]),
    ("follow-up-anaphoric", "انفجرت سيارة مفخخة قرب سوق في مدينة الباب. وأسفر الانفجار عن مقتل خمسة مدنيين.", None, [(IED, None, "civilians", {"fatalities": 5})]),
    ("precise-place-wins", "اعتقلت قوات الأمن العام خلية لداعش في ريف دمشق. وجرت عملية الاعتقال في مدينة المعضمية.", "2025-05-01", [(ARR, "syrian_government_forces", "islamic_state", {})]),
    ("other-day-apart", "هاجم عناصر داعش أمس الجمعة حاجزا لقسد في بلدة ذيبان. وكان مسلحون قد هاجموا الخميس الماضي حاجزا لقسد في مدينة البصيرة.", None, [(CLASH, "islamic_state", "sdf", {}), (CLASH, None, "sdf", {})]),
    ("far-place-apart", "نصب عناصر داعش كمينا لقسد في بلدة ذيبان بريف دير الزور. وقال بيان آخر إن عناصر التنظيم هاجموا حاجزا لقسد في مدينة الرقة.", None, [(CLASH, "islamic_state", "sdf", {}), (CLASH, "islamic_state", "sdf", {})]),
    ("region-with-direction", "اعتقلت قسد ثلاثة عناصر من داعش في ريف دير الزور الغربي.", None, [(ARR, "sdf", "islamic_state", {"arrested": 3})]),
    ("side-clause-not-generic", "اعتقلت قسد عنصرين من داعش في بلدة الشحيل، في ظل تصاعد هجمات التنظيم خلال الأسابيع الماضية.", None, [(ARR, "sdf", "islamic_state", {"arrested": 2})]),
    ("bodies-found-by-police", "عثرت قوة أمنية اليوم على جثتين لرجلين قتلا رميا بالرصاص في قضاء المقدادية.", None, [(VAC, None, "civilians", {})]),
    ("gunmen-shoot-civilians-not-battle", "استشهد مدنيان في قضاء الطارمية بعد تعرضهما لإطلاق نار من قبل عناصر داعش التي عجزت عن مواجهة القوات الأمنية.", None, [(VAC, "islamic_state", "civilians", {"fatalities": 2})]),
    ("plural-with-day", "أدان الوزراء الهجمات الانتحارية المزدوجة في مدينة بغداد في 21 كانون الثاني 2021.", None, [(SUI, None, None, {"date_start": "2021-01-21"})]),
    ("seized-belt-in-arrest", "اعتقلت قوات الأمن العام قياديا في داعش في مدينة المعضمية. وأسفرت العملية عن ضبط حزام ناسف بحوزته.", "2025-05-01", [(ARR, "syrian_government_forces", "islamic_state", {})]),
    ("topic-shift-apart", "انفجرت عبوة ناسفة بدورية للحشد الشعبي في ناحية أبي صيدا. من جهة أخرى، انفجرت عبوة ثانية قرب سوق في ناحية أبي صيدا.", None, [(IED, None, "pmf", {}), (IED, None, None, {})]),
    ("list-items-apart-with-intro-date", "ونفذت قسد خلال الأسبوع الماضي عمليات أمنية، من أبرزها:\n* القبض على عنصر من داعش في بلدة المنصورة بريف الرقة الغربي.\n* القبض على ثلاثة عناصر في شمال الرقة بعملية إنزال جوي.", "2025-06-14", [(ARR, None, None, {"date_start": "2025-06-02"}), (ARR, None, None, {"arrested": 3})]),
    ("facing-is-no-clash", "اعتقلت الأسايش نحو 400 شاب في مدينة الحسكة وأرسلتهم إلى الجبهات في مواجهة تنظيم داعش.", None, [(ARR, "asayish", None, {"arrested": 400})]),
    ("confrontation-is-clash", "قتل 4 مقاتلين من الحشد الشعبي في مواجهة أخرى مع داعش في منطقة الطارمية.", None, [(CLASH, "islamic_state", "pmf", {"fatalities": 4})]),
    ("aircraft-targets", "استهدفت طائرة سيارة لعناصر حراس الدين في بلدة سرمدا.", None, [(AIR, None, "al_qaeda", {})]),
    ("first-word-trigger-later-negation", "اعتقلت قسد ثلاثة عناصر من داعش في بلدة الشحيل دون أن تعلن أسماءهم.", None, [(ARR, "sdf", "islamic_state", {"arrested": 3})]),
    ("territory-without-territory-gives-way", "قصفت قوات النظام قرية الشولا بالمدفعية. وكانت تلك المنطقة تخضع لسيطرة التنظيم إلا أن قوات النظام تمكنت من استردادها، وشهدت الشهر الماضي هجوما من قبل مجهولين على مفرزة للنظام.", None, [(SHELL, "syrian_regime_forces", None, {}), (CLASH, None, None, {})]),
    ("list-items-take-intro-force", "ونفذ التحالف وقسد عمليات أمنية مشتركة، من أبرزها:\n* القبض على عنصر من داعش في بلدة الشحيل.\n* القبض على ثلاثة عناصر في بلدة ذيبان.", None, [(ARR, "sdf", "islamic_state", {"arrested": 1}), (ARR, "sdf", None, {"arrested": 3})]),
    ("raid-firefight-raiders-act", "مقتل قياديين من داعش وإلقاء القبض على آخرين في عملية إنزال جوي للتحالف الدولي في منطقة جبل البشري.", None, [(CLASH, "international_coalition", "islamic_state", {})]),
    # round 4 (generalisation): one row per rule
    ("defused-verb-before-ied", "فككت وحدات الهندسة في قسد عبوة ناسفة مزروعة على طريق قرب بلدة الشحيل.", None, [(DIS, "sdf", None, {})]),
    ("cache-found-with-ieds", "عثرت قوة من الجيش العراقي على مخبأ يحوي أربع عبوات ناسفة في قضاء الطارمية.", None, [(DIS, "iraqi_security_forces", None, {})]),
    ("headline-split-at-double-dot", "العراق.. ضبط وكر للعبوات الناسفة في كركوك\nأعلن جهاز مكافحة الإرهاب القبض على قيادي في داعش في مدينة "
     "كركوك. وأضاف البيان أن قوة من الجهاز ضبطت وكرا يحتوي على عبوات ناسفة في قضاء الحويجة.", None,
     [(DIS, None, None, {}), (ARR, "iraqi_security_forces", "islamic_state", {})]),
    ("territory-over-its-battles", "ويذكر أن القوات العراقية استعادت السيطرة على مدينة الموصل في تموز 2017 بعد معارك استمرت تسعة أشهر.", None,
     [("Government regains territory", "iraqi_security_forces", None, {"date_start": "2017-07-01"})]),
    ("control-noun-territory", "أعلنت قسد السيطرة الكاملة على بلدة الباغوز في 23 آذار 2019.", None,
     [("Non-state actor overtakes territory", "sdf", None, {"date_start": "2019-03-23"})]),
    ("turkish-drone-kills-sdf", "قتل عنصران من قوات سوريا الديمقراطية بقصف نفذته طائرة مسيرة تركية على أطراف مدينة القامشلي.", None,
     [(AIR, "turkish_forces", "sdf", {"fatalities": 2})]),
    ("turkish-gendarmerie", "ألقت قوات الدرك التركية القبض على سبعة أشخاص يشتبه بانتمائهم إلى داعش في مدينة شانلي أورفة.", None,
     [(ARR, "turkish_forces", "islamic_state", {"arrested": 7})]),
    ("border-guards-clash-subject-acts", "أعلنت القوات المسلحة الأردنية أن قوات حرس الحدود اشتبكت مع مجموعة مسلحة حاولت التسلل قرب "
     "منطقة الرويشد.", None, [(CLASH, "jordanian_forces", "unidentified_armed_group", {})]),
    ("report-force-fills-actor1", "أعلن جهاز مكافحة الإرهاب القبض على قيادي في داعش في مدينة كركوك. وأضاف البيان أن قوة من الجهاز "
     "ضبطت وكرا يحتوي على عبوات ناسفة في قضاء الحويجة.", None,
     [(ARR, "iraqi_security_forces", "islamic_state", {"arrested": 1}), (DIS, "iraqi_security_forces", None, {})]),
    ("territory-loser-from-report", "تواصل قوات البيشمركة عملياتها ضد داعش. وسيطرت قوات البيشمركة على قرية البونجم في ناحية داقوق.",
     None, [("Government regains territory", "peshmerga", "islamic_state", {})]),
    ("accident-group-acts", "انفجر حزام ناسف بالخطأ بعنصر من داعش في قضاء الطارمية.", None, [(DIS, "islamic_state", None, {})]),
    ("dual-airstrikes", "نفذت طائرات القوة الجوية العراقية مساء أمس ضربتين جويتين على أوكار لداعش في قضاء داقوق ما أسفر عن مقتل "
     "أربعة إرهابيين.", "2025-05-27", [(AIR, "iraqi_security_forces", "islamic_state", {"fatalities": 4, "date_start": "2025-05-26"})]),
    ("arrest-of-suspects-of-the-bombing", "وفي اليوم نفسه، اعتقلت قسد اثنين من المشتبه بضلوعهم في التفجير خلال مداهمة في بلدة مركدة.", None,
     [(ARR, "sdf", None, {"arrested": 2})]),
    ("assassinated-official-is-clash", "اغتال مسلحون مجهولون، مساء أمس الاثنين، رئيس مجلس ناحية الرياض جنوب غربي كركوك.",
     "2025-09-16", [(CLASH, "unidentified_armed_group", None, {"actor2": None})]),
    # a village mukhtar is a civilian notable, not an official in arms (the real gold codes his killing as an attack)
    ("assassinated-mukhtar-is-attack", "اغتال مسلحون مجهولون، مساء أمس الاثنين، مختار إحدى القرى التابعة لناحية الرياض جنوب غربي كركوك.",
     "2025-09-16", [(VAC, "unidentified_armed_group", "civilians", {"fatalities": 1})]),
    # massacre: a massacre word is an attack on civilians, by whoever the sentence names, with its toll
    # protesters who went out (خرج محتجون) hold a protest; another city's protest is its own event
    ("protesters-went-out", "ومؤخرا، خرج محتجون في مدينة دير الزور وطالبوا بعودة المهجرين.", None,
     [("Peaceful protest", "protesters", None, {})]),
    ("protest-in-another-city-apart", "تظاهر العشرات في مدينة دير الزور أمس للمطالبة بعودة المهجرين. وشهدت الاحتجاجات مشاركة واسعة "
     "في ساحة سعد الله الجابري بمدينة حلب.", "2025-11-22", [("Peaceful protest", "protesters", None, {"location": "دير الزور"}),
                                                            ("Peaceful protest", "protesters", None,
                                                             {"location": "ساحة سعد الله الجابري"})]),   # geo: a square of Aleppo
    # the dual of a feminine trigger noun (مسيرتان)
    ("dual-drones", "استهدفت مسيرتان تركيتان سيارة عسكرية قرب مدينة القامشلي صباح اليوم.", "2024-05-10", [(AIR, None, None, {})]),
    # a direction phrase after a governorate tells where the governorate lies; the event is placed in the governorate
    ("direction-apposition", "قتل 11 جنديا إثر هجوم شنه تنظيم داعش في محافظة ديالى شمال شرقي بغداد فجر اليوم.", "2020-12-11",
     [(CLASH, "islamic_state", None, {"location": "ديالى"})]),
    # two neighbourhoods named in turn are two bombings; "الدبلان" and "دبلان" are one town
    ("two-neighbourhoods-two-bombings", "انفجرت عبوة ناسفة في حي الكرادة وسط بغداد صباح اليوم. وبعد ساعة انفجرت عبوة ناسفة قرب "
     "سوق شعبي في حي الأعظمية.", "2016-07-04", [(IED, None, None, {"location": "الكرادة"}), (IED, None, None, {"location": "الأعظمية"})]),
    # the latest of a series is another incident than the report's main one
    ("latest-of-series-apart", "قتل 11 جنديا في هجوم لداعش في ناحية العظيم بمحافظة ديالى فجر اليوم. وشكلت محافظة ديالى مسرحا "
     "لهجمات داعش، كان آخرها جريمة نحر ضابط في الشرطة.", "2020-12-11", [(CLASH, None, None, {"location": "العظيم"}),
                                                                       (CLASH, None, None, {"location": "ديالى"})]),
    # "من جانب آخر" opens another topic, like "من جهة أخرى": the next incident is its own
    ("topic-shift-on-another-side", "اشتبكت قوات الحشد الشعبي مع عناصر داعش في مدينة سامراء أمس. من جانب آخر، أحبطت قوة مشتركة "
     "محاولة تسلل لمسلحي التنظيم في جبال مكحول.", "2021-03-10", [(CLASH, None, None, {"location": "سامراء"}),
                                                                  (CLASH, None, None, {"location": "جبال مكحول"})]),
    # "وفي السياق"، "وفي سياق متصل"، "وعلى صعيد متصل" open a related item: the air raids after an attack are their own
    ("related-context-apart", "هاجم مسلحو ولاية سيناء حاجزا أمنيا جنوب مدينة العريش مساء الخميس ما أدى إلى مقتل مجندين. "
     "وفي السياق، شنت طائرات حربية غارات على محافظة شمال سيناء.", "2024-02-01",
     [(CLASH, "islamic_state", None, {"location": "جنوب مدينة العريش"}), (AIR, None, None, {"location": "شمال سيناء"})]),
    ("massacre-by-militia", "ارتكبت ميليشيا الدفاع الوطني مجزرة بحق اثني عشر مدنيا في قرية الحمرا بريف حماة الغربي أمس.",
     "2016-05-10", [(VAC, "syrian_regime_forces", "civilians", {"fatalities": 12, "date_start": "2016-05-09"})]),
    ("massacre-toll-victims", "شهدت بلدة الشعفة مساء أمس مجزرة راح ضحيتها تسعة أشخاص بينهم أطفال على يد مسلحين مجهولين.",
     "2024-05-10", [(VAC, "unidentified_armed_group", "civilians", {"fatalities": 9})]),
    ("massacre-by-air-is-strike", "ارتكب الطيران الروسي مجزرة في بلدة معرة النعمان بغارات جوية أمس.", "2019-05-10",
     [(AIR, "russian_forces", None, {})]),
    # an airdrop is a raid whatever aircraft carry it; its outcome types it (a firefight after it: Armed clash)
    ("airdrop-carried-by-helicopters", "نفذت ثلاث مروحيات أمريكية بمشاركة طائرة مسيرة عملية إنزال جوي على منزل في بلدة أطمة بريف إدلب، "
     "وأسفرت العملية عن اعتقال شخصين.", None, [(ARR, "international_coalition", None, {"arrested": 2})]),
    ("airdrop-landed-troops-clash", "أنزلت مروحيات أمريكية مقاتلين قرب قرية الشحيل بعد منتصف الليل. واشتبك المقاتلون مع عناصر من داعش "
     "في محيط القرية.", None, [(CLASH, "international_coalition", None, {})]),
    ("calendar-day-over-announcement-day", "أعلن الجهاز، اليوم الاثنين، القبض على قيادي في داعش خلال عملية نفذها فجر الأحد 12 يناير داخل "
     "مدينة كركوك.", "2025-01-13", [(ARR, None, "islamic_state", {"date_start": "2025-01-12"})]),
    ("rockets-fell", "سقطت ثلاثة صواريخ داخل قاعدة عين الأسد الجوية في ناحية البغدادي غربي محافظة الأنبار.", "2023-11-21", [(SHELL, None, None, {})]),
    ("headline-and-body", "اعتقال خمسة من داعش في الحسكة\nاعتقلت قوى الأمن الداخلي خمسة عناصر من داعش في مدينة الحسكة.", None, [(ARR, "asayish", "islamic_state", {"arrested": 5})]),
    # a withdrawal from a place hands it over (Non-violent transfer of territory), one event per place of a list
    ("withdrawal-from-town", "انسحبت قوات النظام اليوم السبت من بلدة العريمة غرب مدينة منبج.", "2019-10-12",
     [(TRANSFER, "syrian_regime_forces", None, {"date_start": "2019-10-12", "location": "العريمة"})]),
    ("withdrawal-list", "أعلنت قيادة العمليات أن القوات الحكومية انسحبت من راوة وعنه والقائم في محافظة الأنبار.", None,
     [(TRANSFER, None, None, {"location": "راوة"}), (TRANSFER, None, None, {"location": "عنه"}),
      (TRANSFER, None, None, {"location": "القائم"})]),
    # attackers who withdraw to somewhere after their attack hand nothing over
    ("withdrawal-after-attack", "هاجم مسلحو داعش نقطة للجيش في قرية الطلعة بمنطقة العظيم في محافظة ديالى ثم انسحبوا إلى "
     "محافظة صلاح الدين.", None, [(CLASH, "islamic_state", None, {"location": "العظيم"})]),
    # "في شرق العراق" says where in the country Diyala lies: the governorate is the place
    ("country-part-describes", "قتل 11 شخصا على الأقل في هجوم على قرية في محافظة ديالى في شرق العراق.", None,
     [(VAC, None, "civilians", {"location": "ديالى", "fatalities": 11})]),
    # ranks are forces: a lieutenant shot dead is a battle, a conscript killed counts one, two conscripts two
    ("rank-victim-shot", "استشهد ملازم وأصيب مجند برصاص قناص خلال مداهمة أمنية في مدينة الشيخ زويد بشمال سيناء.", None,
     [(CLASH, None, None, {"fatalities": 1, "injured": 1})]),
    ("rank-victim-counted", "استشهد مجند من قوات الأمن وأصيب مجندان آخران بانفجار عبوة ناسفة في مدرعة جنوب مدينة العريش.",
     None, [(IED, None, None, {"fatalities": 1, "injured": 2})]),
    # a demand for a withdrawal is no event
    ("withdrawal-demanded", "تطالب فصائل مسلحة بانسحاب القوات الأمريكية من قاعدة عين الأسد في الأنبار.", None, []),
]

NOTHING = [
    # aircraft flying over (حلق، تحليق) strike nothing
    ("aircraft-flying-over", "وحلق الطيران الحربي التابع للتحالف الدولي بكثافة في أجواء مدينة الحسكة مساء اليوم."),
    # a campaign under way: a present-tense verb of waging and a "since" (منذ)
    ("ongoing-campaign", "وتخوض قوات سوريا الديمقراطية منذ السادس من حزيران معارك داخل مدينة الرقة ضد تنظيم داعش."),
    ("ongoing-offensive", "تسبب الهجوم الذي تشنه تركيا منذ تسعة أيام على مدينة رأس العين بنزوح آلاف المدنيين."),
    ("neg-lam", "لم تعتقل قسد أي عنصر من داعش في بلدة ذيبان."),
    # other senses of a trigger word: a verbal attack, a "time bomb"
    ("sense-verbal-attack", "شن النائب هجوما حادا على الحكومة العراقية خلال جلسة البرلمان في بغداد."),
    # an accident, not an attack: a gas cylinder, a generator, a fuel tank
    ("accident-gas-cylinder", "قتل شاب وأصيب اثنان جراء انفجار جرة غاز في محل لصيانة الأدوات المنزلية في مدينة جاسم."),
    ("accident-gas-verb", "انفجرت أسطوانة غاز في مطعم بحي الكرادة وسط بغداد ما أدى إلى إصابة خمسة أشخاص."),
    ("habit-hardly-a-day", "لا يكاد يمر يوم دون تفجير أو كمين أو هجوم في بادية حمص الشرقية بحسب المرصد."),
    ("sense-ruler-brought-down", "أطاح الجيش بالرئيس في انقلاب عسكري في العاصمة نيامي."),
    ("sense-ceasefire-in-force", "دخل وقف اطلاق النار حيز التنفيذ في محافظة السويداء منتصف الليل."),
    ("sense-verbal-clash", "تبادل النائبان اشتباكا كلاميا حادا خلال جلسة البرلمان في بغداد."),
    ("sense-time-bomb", "وصف المحافظ مخيم الهول بأنه قنبلة موقوتة تهدد أمن محافظة الحسكة."),
    ("summary-last-year", "أسفرت الهجمات التي شنها التنظيم خلال العام الماضي في محافظة ديالى عن مقتل 120 شخصا."),
    ("neg-denial", "نفت قسد اعتقال مدنيين في بلدة الشحيل."),
    ("neg-lan", "لن تقصف قوات التحالف مواقع في مدينة الرقة."),
    ("hyp-plan", "يخطط تنظيم داعش لشن هجمات على سجون قسد في مدينة الحسكة."),
    ("hyp-warn", "حذر مسؤولون من هجوم محتمل لداعش على مخيم الهول في الحسكة."),
    ("hyp-qad", "قد يشن التنظيم هجوما على مدينة دير الزور."),
    ("hyp-threat", "تهدد خلايا داعش بتفجير عبوات ناسفة في أسواق مدينة الرقة."),
    ("summary-ops", "نفذت قسد أكثر من عشر عمليات إنزال جوي في ريف دير الزور منذ بداية العام."),
    ("no-place", "اعتقلت القوات الأمنية عنصرين من داعش."),
    ("no-trigger", "زار وزير الخارجية العراقي مدينة الموصل اليوم لبحث ملف إعادة الإعمار."),
    ("weather", "تشهد محافظة دير الزور موجة حر شديدة هذا الأسبوع."),
    ("economy", "ارتفع سعر صرف الدولار في أسواق مدينة حلب."),
    ("sports", "فاز نادي الفتوة على نادي الجيش في ملعب دير الزور."),
    ("meeting", "عقد مجلس محافظة الرقة اجتماعا لمناقشة الخدمات."),
    ("generic-trend", "تشهد أرياف دير الزور تصاعدا في هجمات خلايا داعش على حواجز قسد خلال الأشهر الماضية."),
    ("generic-habit", "وتتعرض بلدات ريف إدلب لقصف مدفعي بشكل يومي من قوات النظام."),
    ("warning-governs-sentence", "وحذر المصدر من مغبة فرار عناصر داعش من سجون قسد في الحسكة واعتقال المئات مجددا."),
    ("plans-of-cell", "وكشفت التحقيقات عن مخططات للخلية تمثلت في الإعداد لتنفيذ هجمات مسلحة في مدينة الحسكة."),
    ("byline-editorial-team", "مرصد الرقة - فريق التحرير"),
    ("restoring-stability", "قال الوزير إن بلاده ستساعد في استعادة الاستقرار بمدينة الموصل."),
    ("relative-clause", "وأشاد الوزير بالوحدات العسكرية التي حررت مدينة الموصل من التنظيم."),
    ("aside-clause", "تواصل الأسايش حملات التجنيد في مدينة الحسكة في ظل استمرار معركة الرقة ضد التنظيم."),
    ("kind-of-attack", "يعتمد التنظيم على تكتيكات مثل تفجيرات انتحارية في مدينة بغداد."),
    ("habitual-present", "ويتم استهداف النازحين في مدينة الحسكة."),
    ("territory-not-named", "ويرجح ناشط من مدينة دير الزور أن التحالف يصرح بأنه تم القضاء على داعش عسكريا."),
    ("vague-crowd-no-place", "وقد أسر المئات من المقاتلين وتحتجزهم قسد في شمال سوريا."),
    ("tally-of-operations", "ونفذت قسد أكثر من عشر عمليات إنزال وألقت القبض على قياديين في ريف دير الزور."),
    ("battles-lasting-months", "وشهدت مدينة الموصل معارك استمرت تسعة أشهر."),
    ("denial-governs-sentence", "نفت قسد صحة الأنباء التي تداولتها صفحات عن فرار عناصر من داعش من سجن الصناعة في مدينة الحسكة."),
    ("sounds-heard-unconfirmed", "وكانت صفحات محلية قد تحدثت عن سماع أصوات إطلاق نار في حي غويران بمدينة الحسكة."),
    ("death-sentence-court", "أصدرت محكمة الجنايات في بغداد حكما بالإعدام بحق مدان بالانتماء إلى داعش."),
    ("frequency-in-side-clause", "وتشهد البادية مع بداية الموسم في كل عام حوادث مماثلة، إذ تنتشر الألغام في بادية السخنة."),
    ("demining-campaign", "ونشرت وزارة الدفاع فرقا هندسية لإزالة الألغام على طريق مدينة تدمر."),
    ("detention-facility-not-arrest", "وقالت سنتكوم إن آلاف العناصر من داعش محتجزون في مراكز احتجاز في مدينة الحسكة."),
    ("future-sawfa", "سوف تنفذ القوات العراقية حملة أمنية في قضاء الطارمية."),
]

# id, text, published, [(value_low, value_high, qualifier, source_kind)]
CLAIMS = [
    ("un-range", "كشف تقرير للأمم المتحدة أن عدد مقاتلي داعش في العراق وسوريا يتراوح بين 20 و30 ألف مقاتل.", None, [(20000, 30000, "range", "international_org")]),
    ("centcom-ops", "قالت القيادة المركزية الأمريكية إنها نفذت 137 عملية مشتركة ضد داعش في العراق.", None, [(137, 137, "exact", "military")]),
    ("sohr-killed", "وبحسب المرصد السوري لحقوق الإنسان فإن حصيلة القتلى في البادية منذ مطلع العام بلغت 391 قتيلا.", None, [(391, 391, "exact", "ngo")]),
    ("approx-detainees", "قال وزير الخارجية العراقي إن نحو 10 آلاف عنصر من داعش محتجزون في سجون قسد.", None, [(10000, 10000, "approx", "government")]),
    ("at-least", "أكدت مصادر استخباراتية أن أكثر من 2000 مقاتل من داعش ما زالوا في سوريا.", None, [(2000, 2000, "at_least", "intelligence")]),
    ("at-most", "ومن المتوقع نقل ما يصل إلى 7000 معتقل من داعش إلى العراق بحسب سنتكوم.", None, [(7000, 7000, "at_most", "military")]),
    ("number-words", "قدرت مصادر أن نحو ثلاثة آلاف مقاتل من التنظيم توجهوا إلى أفغانستان.", None, [(3000, 3000, "approx", "local_source")]),
    ("alfay", "قال الجنرال إن عدد مقاتلي داعش يبلغ نحو ألفي مقاتل في العراق وسوريا.", None, [(2000, 2000, "approx", "military")]),
    ("the-report", "ويعيش في مخيم الهول نحو 43 ألف شخص من عائلات عناصر داعش.", None, [(43000, 43000, "approx", "the_report")]),
    ("bi-nahw-approx", "وأكدت القيادة المركزية الأمريكية ملاحقة ما يقدر بنحو 2500 عنصر من داعش في سوريا والعراق.", None, [(2500, 2500, "approx", "military")]),
    ("ordinal-not-quantity-exceeded-at-least", "أعلنت وزارة الهجرة العراقية استقبال الدفعة الثامنة عشرة من العائلات العائدة من مخيم "
     "الهول، مؤكدة أن عدد العائدين تجاوز 18 ألف شخص.", "2025-04-22", [(18000, 18000, "at_least", "government")]),
    ("tally-since-a-day-postposed-at-least", "وبحسب وزارة الدفاع الأمريكية، تعرضت القوات الأمريكية في العراق وسوريا لـ 61 هجوماً على الأقل "
     "منذ 17 تشرين الأول الماضي.", "2023-11-21", [(61, 61, "at_least", "military")]),
    ("attempts-counted", "وأكد مصدر عسكري أن القوات المسلحة أحبطت منذ بداية العام الحالي أكثر من 40 محاولة تسلل وتهريب.", "2025-02-26",
     [(40, 40, "at_least", "military")]),
    ("since-start-of-year-figure", "وأضاف البيان أن الجهاز اعتقل منذ بداية العام 420 متهماً بالإرهاب في عموم محافظات البلاد.", "2025-07-01",
     [(420, 420, "exact", "local_source")]),
    ("researchers-expert", "ويقدر باحثون في شؤون الجماعات الجهادية عدد مقاتلي التنظيم في البادية السورية بما بين ألفين وثلاثة آلاف مقاتل.",
     "2025-12-01", [(2000, 3000, "range", "expert")]),
    ("camp-administration-government", "ويقطن المخيم حالياً نحو 36 ألف شخص، وفق إدارة المخيم.", "2025-11-18",
     [(36000, 36000, "approx", "government")]),
    ("hrw", "وتقول منظمة هيومن رايتس ووتش إن سجون قسد تضم نحو 12 ألف رجل من داعش.", None, [(12000, 12000, "approx", "ngo")]),
]

NO_CLAIMS = [
    ("year-only", "قال مسؤول إن التنظيم سيطر على الموصل عام 2014."),
    ("age", "قال مصدر محلي إن عنصر داعش البالغ 25 عاما فر من السجن."),
    ("vague", "قالت مصادر إن عشرات المقاتلين من داعش فروا إلى البادية."),
    ("dual-noun", "قال مصدر أمني إن عنصرين من داعش فرا من السجن في الحسكة."),
    ("duration-adjective", "قال مسؤولون إن عدد مقاتلي التنظيم تراجع خلال السنوات الأربع الماضية."),
    ("year-after-year-word", "قال مسؤول إن التنظيم سيطر على المدينة منذ مطلع العام 2014 في العراق."),
    ("duration", "قال قائد عسكري إن العملية استمرت 48 ساعة في البادية."),
]


def _doc(text: str, published: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)


@pytest.mark.parametrize("case_id,text,published,expected", EVENTS, ids=[c[0] for c in EVENTS])
def test_events(case_id, text, published, expected, check_events):
    check_events(text, published, expected, located=True)


@pytest.mark.parametrize("case_id,text", NOTHING, ids=[c[0] for c in NOTHING])
def test_no_event(case_id, text):
    assert extract_document(_doc(text, "2025-01-10"))["events"] == []


@pytest.mark.parametrize("case_id,text,published,expected", CLAIMS, ids=[c[0] for c in CLAIMS])
def test_claims(case_id, text, published, expected):
    got = [(c["value_low"], c["value_high"], c["qualifier"], c["source_kind"]) for c in extract_document(_doc(text, published))["claims"]]
    assert got == expected


@pytest.mark.parametrize("case_id,text", NO_CLAIMS, ids=[c[0] for c in NO_CLAIMS])
def test_no_claim(case_id, text):
    assert extract_document(_doc(text))["claims"] == []


def test_detect_finds_types_without_place():
    found = detect("انفجرت عبوة ناسفة بدورية عسكرية")
    assert found and found[0]["sub_event_type"] == IED
    assert detect("لم تعتقل القوات أحدا") == []
    text = "قصفت المدفعية القرية"
    d = detect(text)[0]
    assert text[d["start"]:d["end"]] == d["trigger"]


def test_output_keys_are_the_spec():
    out = extract_document(_doc(EVENTS[0][1]))
    assert set(out) == {"doc_id", "published", "events", "claims"}
    assert set(out["events"][0]) == {"event_type", "sub_event_type", "date_start", "date_end", "actor1", "actor2",
                                     "location", "fatalities", "injured", "arrested", "evidence", "rules"}
