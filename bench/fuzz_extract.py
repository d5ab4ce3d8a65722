#!/usr/bin/env python3
"""Fuzz extract_document with mutated Arabic reports: nothing may raise, none may take over 1 s.

    .venv/bin/python bench/fuzz_extract.py [N] [--seed S]

Seeds: the project's own reports (examples/, eval/*/articles) and, where ../shared is beside the
checkout, the tuning sets (corpus/dev, dev2, seeds; never corpus/check). Each report gets 1-6
mutations: characters inserted (Arabic, diacritics, digits of both scripts, Latin, bidi marks,
punctuation) or deleted, a span repeated, a figure-heavy phrase pasted (ranges, lists, tolls, long
digit runs), sentence ends removed (one long sentence), sentences shuffled, cut short. Mutated
reports are kept under 4x their seed's length (at most 40,000 characters). Prints the counts tried,
failures (with the seed and mutations to reproduce them) and the slowest documents (CPU seconds of
extract_document, so a busy machine does not inflate them).
"""
from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.documents import Document  # noqa: E402
from marsad.extract import extract_document  # noqa: E402
from marsad.ingest import read_documents  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ"
NOISE = LETTERS * 3 + " ًٌٍَُِّْـ0123456789٠١٢٣٤٥٦٧٨٩،؛؟.:-–/()«»\"'\n\u200f\u200e\u200c\u200d%xAZ🙂"
PHRASES = ["من 20 إلى 30 ألف مقاتل، ", "بين 18 و35 عنصرا بينهم 4 قادة، ", "مقتل 3 وإصابة 5 في ذيبان و",
           "20، 30، 40، 50، ", "ثلاثة آلاف وخمسمئة ", "قال الناشط الإعلامي فلان إن ", "في 3 آذار 2019 ",
           "ISIS 2019 km 3 ", "نحو 2.5 مليون ", "اليوم التالي ", "أمس الاثنين ", "قسد وداعش والجيش السوري "]


def seeds() -> list[Document]:
    roots = [REPO / "examples", *sorted((REPO / "eval").glob("*/articles"))]
    shared = REPO.parent / "shared" / "corpus"
    roots += [p for p in (shared / "dev" / "articles", shared / "dev2" / "articles", shared / "seeds") if p.is_dir()]
    docs, _errors = read_documents(roots)
    return [d for d in docs if d.text.strip()]


def mutate(text: str, rng: random.Random) -> tuple[str, list[str]]:
    done = []
    for _ in range(rng.randint(1, 6)):
        i = rng.randint(0, len(text))
        op = rng.choice(["insert", "insert", "delete", "repeat", "phrase", "phrase", "digits", "unpunct",
                         "shuffle", "cut", "replace"])
        if op == "insert":
            text = text[:i] + "".join(rng.choice(NOISE) for _ in range(rng.randint(1, 20))) + text[i:]
        elif op == "replace":
            text = "".join(rng.choice(NOISE) if rng.random() < 0.05 else c for c in text)
        elif op == "delete":
            text = text[:i] + text[i + rng.randint(1, 200):]
        elif op == "repeat":
            text = text[:i] + text[i:i + rng.randint(5, 200)] * rng.randint(2, 40) + text[i:]
        elif op == "phrase":
            text = text[:i] + rng.choice(PHRASES) * rng.randint(1, 200) + text[i:]
        elif op == "digits":
            text = text[:i] + " " + "".join(rng.choice("0123456789٠١٢٣٤٥٦٧٨٩,.") for _ in range(rng.randint(1, 6000))) + " " + text[i:]
        elif op == "unpunct":
            text = text.replace(".", " ").replace("\n", " ").replace("،", " ")
        elif op == "shuffle":
            parts = text.split(".")
            rng.shuffle(parts)
            text = ".".join(parts)
        else:
            text = text[:i]
        done.append(op)
    return text, done


def main(n: int, seed: int) -> int:
    rng = random.Random(seed)
    base = seeds()
    extract_document(base[0])            # warm-up: lexicons and gazetteer load once
    failures, times, sizes = [], [], []
    t0 = time.perf_counter()
    for k in range(n):
        doc = base[k % len(base)]
        text, ops = mutate(doc.text, rng)
        limit = min(4 * len(doc.text), 40_000)
        text = text[:limit] or "."
        mutated = Document(f"{doc.doc_id}-f{k}", text, published=doc.published)
        t = time.process_time()      # CPU seconds of this process: other load on the machine does not count
        try:
            result = extract_document(mutated)
            json.dumps(result, ensure_ascii=False).encode("utf-8")
        except Exception:   # noqa: BLE001 - counted and shown
            failures.append((k, doc.doc_id, ops, traceback.format_exc(limit=3)))
        times.append((time.process_time() - t, k, doc.doc_id, len(text), ops))
        sizes.append(len(text))
        if (k + 1) % 1000 == 0:
            slow = max(times)
            print(f"  ... {k + 1} tried in {time.perf_counter() - t0:.0f} s, failures {len(failures)}, slowest so far {slow[0]:.3f} s (#{slow[1]}, "
                  f"{slow[3]} chars)", flush=True)
    wall = time.perf_counter() - t0
    times.sort(reverse=True)
    print(f"fuzz: seed {seed}, {len(base)} seed reports, {n} mutated reports tried in {wall:.1f} s; "
          f"sizes {min(sizes)}-{max(sizes)} chars (mean {sum(sizes) // len(sizes)}); failures {len(failures)}; "
          f"over 1 s: {sum(1 for t in times if t[0] > 1.0)}")
    for secs, k, doc_id, size, ops in times[:5]:
        print(f"  slowest: #{k} from {doc_id}: {secs:.3f} s, {size} chars, mutations {ops}")
    for k, doc_id, ops, tb in failures[:10]:
        print(f"  FAILED #{k} from {doc_id} {ops}:\n{tb}")
    return 1 if failures or times[0][0] > 1.0 else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    s = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 15
    if "--seed" in sys.argv:
        args.remove(str(s))
    sys.exit(main(int(args[0]) if args else 20_000, s))
