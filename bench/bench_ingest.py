"""Ingest throughput: 10,000 generated Arabic reports, as one JSONL file and as 10,000 .json
files, into a fresh SQLite store (language detection, MinHash near-duplicate search, batched
commits, the search index included). Prints documents/s (wall), the CPU seconds of this process
(worker processes not included) and its peak memory; with --workers N the language
identification and MinHashes run in N processes.

    .venv/bin/python bench/bench_ingest.py [N] [--workers N]
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from marsad.ingest import ingest
from marsad.store import Store

PLACES = ["ذيبان", "الشحيل", "البصيرة", "هجين", "الحويجة", "الموصل", "الرقة", "السخنة", "القائم", "الطبقة"]
ACTORS = ["قوات سوريا الديمقراطية", "جهاز مكافحة الإرهاب", "قوات التحالف الدولي", "الجيش العراقي", "الأمن العام"]
ACTS = ["اعتقال {n} عناصر من خلية لتنظيم داعش", "مقتل {n} مسلحين بضربة جوية", "ضبط مخبأ يحوي {n} عبوات ناسفة",
        "إصابة {n} مدنيين بانفجار عبوة ناسفة", "اشتباك مع خلية لداعش أسفر عن مقتل {n} مسلحين"]
FILLER = ["وقال مصدر أمني إن العملية جرت بناءً على معلومات استخبارية دقيقة.",
          "وأضاف المصدر أن القوات صادرت أسلحة وذخائر ووثائق تعود للتنظيم.",
          "وتشهد المنطقة منذ أشهر هجمات متكررة تنفذها خلايا التنظيم ضد نقاط عسكرية.",
          "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى ساعة إعداد هذا الخبر.",
          "وشرعت قوة مشتركة بعملية تمشيط واسعة في القرى المحيطة بحثاً عن المطلوبين."]


# words for a varied closing sentence, so that generated reports are not all near-duplicates
WORDS = sorted(set(" ".join(FILLER + ACTS + ACTORS + PLACES).replace("{n}", "").replace(".", "").split()))


def report(i: int, rng: random.Random) -> dict:
    place, actor, act = rng.choice(PLACES), rng.choice(ACTORS), rng.choice(ACTS).format(n=rng.randint(2, 40))
    title = f"{actor}: {act} في {place}"
    body = [f"أعلنت {actor}، يوم {rng.randint(1, 28)} من الشهر الجاري، {act} في منطقة {place} (بلاغ رقم {i})."]
    body += rng.sample(FILLER, 2)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45)))
    body.append(f"و{words}.")
    return {"doc_id": f"bench{i:06d}", "source": "مولد الاختبار", "published": f"2025-{rng.randint(1, 12):02d}-15",
            "title": title, "text": title + "\n" + "\n".join(body)}


WORKERS = 1


def run(label: str, inputs: list, db: Path, n: int) -> None:
    import resource

    with Store(db) as store:
        start, cpu = time.perf_counter(), time.process_time()
        result = ingest(inputs, store, **({"workers": WORKERS} if WORKERS > 1 else {}))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert result.ok and len(result.added) == n, (result.errors[:3], len(result.added))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<22} {n} documents in {seconds:6.2f} s = {n / seconds:7.0f} documents/s; "
          f"CPU {cpu:6.2f} s = {n / cpu:7.0f} documents/CPU-s; peak memory {peak:,.0f} MB "
          f"({len(result.near_duplicates)} near-duplicates linked)", flush=True)


def main(n: int = 10_000) -> None:
    rng = random.Random(7)
    records = [report(i, rng) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        jsonl = root / "batch.jsonl"
        jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        folder = root / "files"
        folder.mkdir()
        for r in records:
            (folder / f"{r['doc_id']}.json").write_text(json.dumps(r, ensure_ascii=False), encoding="utf-8")
        print(f"ingest throughput, {n} generated reports (mean {sum(len(r['text']) for r in records) // n} chars)")
        run("one JSONL file", [jsonl], root / "a.db", n)
        run(f"{n} .json files", [folder], root / "b.db", n)
        with Store(root / "a.db") as store:
            start = time.perf_counter()
            again = ingest([jsonl], store)
            seconds = time.perf_counter() - start
        print(f"{'re-ingest (no-op)':<22} {again.already} already stored in {seconds:6.2f} s, {len(again.added)} added")


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--workers" in args:
        i = args.index("--workers")
        WORKERS = int(args[i + 1])
        del args[i:i + 2]
    main(int(args[0]) if args else 10_000)
