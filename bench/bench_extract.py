#!/usr/bin/env python3
"""Throughput of extract_document, one core, in-process, and its cost as a multiple of reading and normalizing
the same reports.

    .venv/bin/python bench/bench_extract.py [N]          # N reports: the dev articles repeated (default 10,000)
    .venv/bin/python bench/bench_extract.py --once       # dev + dev2, each report once (no warm per-text caches)

Times are CPU time of this process (time.process_time), so a busy machine changes them little; wall time is
printed beside. "x read+normalize" is extract_document's CPU time over the CPU time of json.loads on each report's
file plus marsad.text.normalize on its text (the floor any extraction pays).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("MARSAD_SRC") or str(REPO / "src"))   # MARSAD_SRC: another tree (bench/mypyc_trial.py)

from marsad.extract import extract_document  # noqa: E402
from marsad.text import normalize  # noqa: E402

_normalize_uncached = getattr(sys.modules["marsad.text.normalize"], "_normalize", normalize).__wrapped__

CORPUS = REPO.parent / "shared" / "corpus"


def _docs(n: int | None) -> tuple[list[SimpleNamespace], list[str]]:
    sets = ("dev",) if n else ("dev", "dev2")
    files = [f for s in sets for f in sorted((CORPUS / s / "articles").glob("*.json"))]
    if not files:
        sys.exit(f"no articles under {CORPUS}: the benchmark needs ../shared/corpus")
    raws = [f.read_text(encoding="utf-8") for f in files]
    base = [json.loads(r) for r in raws]
    count = n or len(base)
    docs = [SimpleNamespace(doc_id=f"{b['doc_id']}-{i}", text=b["text"], title=b.get("title"), url=b.get("url"),
                            source=b.get("source"), published=b.get("published"))
            for i in range(count // len(base) + 1) for b in base][:count]
    return docs, [raws[i % len(raws)] for i in range(count)]


def main(n: int | None) -> None:
    docs, raws = _docs(n)
    c0, t0 = time.process_time(), time.perf_counter()
    extract_document(docs[0])            # warm-up: lexicons and gazetteer load once
    warm_cpu, warm = time.process_time() - c0, time.perf_counter() - t0
    c1 = time.process_time()
    for r in raws:                       # the floor: read the report and normalize its text (uncached: repeated
        _normalize_uncached(json.loads(r)["text"])   # texts would otherwise hit normalize's cache)
    floor = time.process_time() - c1
    c2, t2 = time.process_time(), time.perf_counter()
    events = claims = 0
    for d in docs:
        r = extract_document(d)
        events += len(r["events"])
        claims += len(r["claims"])
    cpu, wall = time.process_time() - c2, time.perf_counter() - t2
    chars = sum(len(d.text) for d in docs)
    print(f"reports {len(docs)}  cpu {cpu:.2f}s (wall {wall:.2f}s)  reports/s {len(docs) / cpu:.0f}  "
          f"chars/s {chars / cpu:.0f}  x read+normalize {cpu / floor:.0f}  warm-up {warm_cpu:.2f}s cpu "
          f"({warm:.2f}s wall)  events {events}  claims {claims}")


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 else "10000"
    main(None if arg == "--once" else int(arg))
