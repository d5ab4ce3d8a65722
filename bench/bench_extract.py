#!/usr/bin/env python3
"""Throughput of extract_document over 10,000 reports (the dev articles repeated), one core, in-process.

    .venv/bin/python bench/bench_extract.py [N]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.extract import extract_document  # noqa: E402


def main(n: int) -> None:
    files = sorted((REPO.parent / "shared" / "corpus" / "dev" / "articles").glob("*.json"))
    base = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    docs = [SimpleNamespace(doc_id=f"{b['doc_id']}-{i}", text=b["text"], title=b.get("title"), url=b.get("url"),
                            source=b.get("source"), published=b.get("published"))
            for i in range(n // len(base) + 1) for b in base][:n]
    t0 = time.perf_counter()
    extract_document(docs[0])            # warm-up: lexicons and gazetteer load once
    warm = time.perf_counter() - t0
    t1 = time.perf_counter()
    events = claims = 0
    for d in docs:
        r = extract_document(d)
        events += len(r["events"])
        claims += len(r["claims"])
    dt = time.perf_counter() - t1
    chars = sum(len(d.text) for d in docs)
    print(f"reports {n}  seconds {dt:.2f}  reports/s {n / dt:.0f}  chars/s {chars / dt:.0f}  "
          f"warm-up {warm:.2f}s  events {events}  claims {claims}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
