"""Throughput of marsad.text: normalize + sentences + numbers + dates.

Generates ~20 MB of Arabic news-style text (documents of a few KB made from
templates written for this benchmark, with obfuscation, diacritics, numbers
and dates mixed in; 40% of sentences carry numbers/dates, which gives about
twice the density of numbers and dates found in the dev corpus), then runs the four stages on every document on one core
and prints MB/s overall and the time of each stage.

    .venv/bin/python bench/bench_text.py [--mb 20] [--seed 1]
"""
from __future__ import annotations

import argparse
import importlib
import datetime as dt
import random
import time

from marsad.text import find_dates, find_numbers, normalize, split_sentences
from marsad.text import dates as _dates

TEMPLATES = [
    "أعلنت قوات سوريا الديمقراطية، {wd}، القبض على {n} {noun} من خلايا تنظيم {isis} في ريف دير الزور الشرقي.",
    "وقال مصدر محلي إن {q} {n} {noun} قتلوا في هجوم شنه مسلحون مجهولون على حاجز قرب بلدة الشحيل {rel}.",
    "وأضاف المصدر أن الهجوم وقع في {date} وأسفر عن مقتل {n2} وإصابة {n} آخرين بجروح متفاوتة.",
    "وبحسب المرصد السوري لحقوق الإنسان، فإن حصيلة القتلى ارتفعت إلى {n} منذ بداية العام، بينهم {n} مدنيا.",
    "ونفذت الطائرات المسيّرة غارة على موقع لـ{isis} في البادية السورية {rel} دون ورود أنباء عن خسائر.",
    "وتأتي العملية ضمن حملة أمنية انطلقت {rel} في مخيم الهول، شارك فيها نحو {n} ألف عنصر من قوى الأمن الداخلي.",
    "وقالت وزارة الدفاع العراقية في بيان إن قواتها دمرت {n} مضافات لـ«{isis}» في وادي حوران يوم {date}.",
    "- تم ضبط {n} عبوات ناسفة و{n2} من الأسلحة الخفيفة والمتوسطة.",
    "وتتراوح أعداد المقاتلين بين {n} و{n3} ألفا حسب تقديرات التحالف الدولي الصادرة في {date}.",
    "وأُصيب عنصرين من الشرطة بانفجار عبوة ناسفة زُرعت على طريق الرقة – الحسكة صباح أمس.",
    "وكان {isis} قد تبنى الهجوم عبر وكالة أعماق التابعة له، مشيرا إلى مقتل {n} عناصر من {sdf}.",
    "وأشار التقرير إلى أن 3.5 مليون شخص ما زالوا نازحين، وأن الأوضاع الإنسانية تتدهور منذ 2018/01/20.",
]
FILLERS = [
    "وشهدت المنطقة توترا أمنيا متصاعدا خلال الفترة الأخيرة وسط مخاوف السكان من عودة نشاط الخلايا النائمة.",
    "وتتهم الإدارة الذاتية الحكومة السورية بتسهيل تحركات المسلحين في المناطق الصحراوية المحاذية لنهر الفرات.",
    "ولم تعلق الجهات الرسمية على الحادثة حتى لحظة إعداد هذا التقرير، فيما فرضت القوات الأمنية طوقا حول المكان.",
    "ويرى مراقبون أن التنظيم يعتمد على أسلوب حرب العصابات والهجمات الخاطفة بعد خسارته آخر معاقله الجغرافية.",
    "وأكد شهود عيان لمراسلنا أن دوي انفجارات سُمع في أرجاء المدينة، وأن سيارات الإسعاف هرعت إلى موقع الحادث.",
    "وتطالب منظمات حقوقية بفتح تحقيق مستقل في الانتهاكات التي تعرض لها المدنيون خلال العمليات العسكرية.",
    "ويعاني سكان المخيم من نقص حاد في الخدمات الأساسية والرعاية الصحية، بحسب ما أفادت به مصادر إنسانية.",
    "وتعمل قوات التحالف على تدريب وحدات محلية لمكافحة الإرهاب وتأمين الطرق الرئيسية بين المدن.",
]
FILL = {
    "wd": ["الخميس", "يوم الأحد", "الثلاثاء الماضي", "أمس", "اليوم"],
    "noun": ["عناصر", "مقاتلين", "أشخاص", "مدنيين", "معتقلين"],
    "isis": ["داعش", "د|عـ.ـش", "دا.ع.ش", "داعـ.ـش", "الدولة الإسلامية"],
    "sdf": ["قسد", "قـ.ـسد", "قوات سوريا الديمقراطية"],
    "q": ["نحو", "ما لا يقل عن", "أكثر من", "قرابة", "حوالي", ""],
    "rel": ["أمس", "فجر اليوم", "الليلة الماضية", "الأسبوع الماضي", "قبل أيام", "مطلع الشهر الجاري"],
    "date": ["19 كانون الأول/ديسمبر 2018", "الـ21 من الشهر الماضي", "3 من أيار", "12 يوليو 2017",
             "الأحد 20 كانون الأول", "15 رمضان 1445 هـ", "منتصف آذار", "2019/03/23",
             "السابع من تشرين الثاني/نوفمبر الماضي", "19-20 كانون الأول 2018"],
}


def _number(rng: random.Random) -> str:
    return rng.choice([str(rng.randint(2, 90)), "ثلاثة", "خمسة وعشرين", "عشرات", "٢٠", "1,500", "مئتين", "ثمانية"])


def generate(mb: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    docs, total, target = [], 0, int(mb * 1024 * 1024)
    while total < target:
        lines = []
        for _ in range(rng.randint(6, 14)):
            t = rng.choice(FILLERS if rng.random() < 0.6 else TEMPLATES)
            vals = {k: rng.choice(v) for k, v in FILL.items()}
            vals.update(n=_number(rng), n2=_number(rng), n3=str(rng.randint(91, 200)))
            lines.append(t.format(**vals))
        doc = "\n".join(lines)
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


def _clear_caches() -> None:
    importlib.import_module("marsad.text.normalize").normalize.cache_clear()
    importlib.import_module("marsad.text._scan").scan.cache_clear()   # else the warm-up's last 16 skip the scan
    _dates._matches.cache_clear()


def run(docs: list[str], pub: dt.date) -> dict[str, float]:
    stages = {"normalize": 0.0, "sentences": 0.0, "numbers": 0.0, "dates": 0.0}
    clock = time.process_time  # CPU time of this process: one core, unaffected by other load
    for doc in docs:
        t0 = clock()
        normalize(doc)
        t1 = clock()
        split_sentences(doc)
        t2 = clock()
        dates = find_dates(doc, pub)
        t3 = clock()
        find_numbers(doc, ignore=[(d.start, d.end) for d in dates])
        t4 = clock()
        stages["normalize"] += t1 - t0
        stages["sentences"] += t2 - t1
        stages["dates"] += t3 - t2
        stages["numbers"] += t4 - t3
    return stages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    docs = generate(args.mb, args.seed)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    chars = sum(len(d) for d in docs)
    run(docs[:50], dt.date(2019, 3, 28))  # warm the vocabulary caches
    _clear_caches()
    stages = run(docs, dt.date(2019, 3, 28))
    total = sum(stages.values())
    print(f"documents: {len(docs)}  size: {size:.1f} MB (UTF-8)  chars: {chars:,}")
    for name, sec in stages.items():
        print(f"  {name:10s} {sec:7.2f} s   ({size / sec:6.1f} MB/s for its share; dates includes the scan shared with numbers)")
    print(f"total      {total:7.2f} s   {size / total:8.2f} MB/s  (normalize+sentences+numbers+dates, one core)")


if __name__ == "__main__":
    main()
