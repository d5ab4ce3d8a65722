#!/usr/bin/env python3
"""Geo's share of extract_document: CPU time inside marsad.geo (find_places and report_place, as the extractor
calls them) over the CPU time of extract_document, on ../shared/corpus dev + dev2, each report once.

    .venv/bin/python bench/bench_geo_share.py [RUNS]     # RUNS fresh processes (default 5); prints min and median

Each run is a fresh process (no per-text cache warm from an earlier run; the gazetteer and lexicons load before
the clock starts). Times are process CPU time, so a loaded machine changes them less than wall time; the minimum
of several runs is the figure to compare.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def one_run() -> dict:
    sys.path.insert(0, str(REPO / "src"))
    import marsad.extract.context as context
    from marsad.extract import extract_document

    files = [f for s in ("dev", "dev2") for f in sorted((CORPUS / s / "articles").glob("*.json"))]
    if not files:
        sys.exit(f"no articles under {CORPUS}: the benchmark needs ../shared/corpus")
    docs = []
    for f in files:
        raw = json.loads(f.read_text(encoding="utf-8"))
        docs.append(SimpleNamespace(doc_id=raw["doc_id"], text=raw.get("text") or "", title=raw.get("title"),
                                    url=raw.get("url"), source=raw.get("source"), published=raw.get("published")))
    spent = [0.0]

    def timed(fn):
        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - t
        return wrapper

    context.find_places = timed(context.find_places)         # the names the extractor calls
    context.geo_report_place = timed(context.geo_report_place)
    warm = SimpleNamespace(doc_id="warm", text="قتل شخص في قصف على بلدة في ريف إدلب.", title=None, url=None,
                           source=None, published=None)
    extract_document(warm)            # loads the gazetteer and lexicons outside the clock
    spent[0] = 0.0
    t = time.process_time()
    for d in docs:
        extract_document(d)
    total = time.process_time() - t
    return {"reports": len(docs), "cpu": total, "geo": spent[0]}


def main(runs: int) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--one"], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    cpu = [r["cpu"] for r in results]
    geo = [r["geo"] for r in results]
    n = results[0]["reports"]
    print(f"dev+dev2 once ({n} reports), {runs} fresh processes, CPU time:")
    print(f"  extract_document  min {min(cpu):.2f}s  median {statistics.median(cpu):.2f}s  "
          f"reports/s (best) {n / min(cpu):.0f}")
    print(f"  inside marsad.geo min {min(geo):.2f}s  median {statistics.median(geo):.2f}s  "
          f"share (best run) {min(geo) / cpu[geo.index(min(geo))]:.0%}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--one"]:
        print(json.dumps(one_run()))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
