#!/usr/bin/env python3
"""Throughput of the command `marsad extract PATH --output DIR` on 10,000 reports
(the dev articles repeated under new doc_ids, written as one JSONL file), one worker.

    .venv/bin/python bench/bench_extract_cli.py [N]

The figure includes everything the command does: start-up, reading, language check,
extraction and writing one JSON file per report.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO.parent / "shared" / "corpus" / "dev" / "articles"
MARSAD = REPO / ".venv" / "bin" / "marsad"


def write_input(path: Path, n: int) -> None:
    base = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(ARTICLES.glob("*.json"))]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            doc = dict(base[i % len(base)])
            doc["doc_id"] = f"{doc['doc_id']}-{i}"
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def main(n: int) -> None:
    if not ARTICLES.is_dir():
        sys.exit(f"needs {ARTICLES}")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "reports.jsonl", Path(tmp) / "out"
        write_input(src, n)
        t0 = time.perf_counter()
        subprocess.run([str(MARSAD), "extract", str(src), "--output", str(out), "--workers", "1"],
                       check=True, stdout=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        written = len(list(out.glob("*.json")))
    print(f"reports {n}  written {written}  seconds {dt:.2f}  reports/s {n / dt:.0f}  (one worker, CLI end to end)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
