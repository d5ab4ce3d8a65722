#!/usr/bin/env python3
"""Instructions executed by extract_document (valgrind's callgrind "I refs"), a deterministic figure for changes smaller
than this machine's timing noise (CPU time of one process varies by ±10-25% from run to run at the same load, so a
change worth 1-3% is invisible to bench_extract.py).

    .venv/bin/python bench/bench_extract_ir.py [--sets=dev,dev2] [--src=DIR]

Runs the reports twice under callgrind (PYTHONHASHSEED=0): once with the warm-up report alone (imports, gazetteer and
lexicon loading, one extraction) and once with the warm-up and then every report of the sets once; the difference is
the instructions of the reports. Two runs of the same tree give the same count to the instruction; two trees at
different paths differ by ~0.1% for the path alone, so compare trees at paths of the same length, or read differences
under 0.2% as nothing. Needs valgrind (Debian: apt-get install valgrind); each run takes about a minute for dev + dev2.
--src runs another tree's src/ (e.g. main's, from `git archive main src | tar -x -C DIR`).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def _inner(src: str, sets: list[str], count: int) -> None:
    sys.path.insert(0, src)
    from marsad.extract import extract_document

    files = [f for s in sets for f in sorted((CORPUS / s / "articles").glob("*.json"))]
    docs = [SimpleNamespace(**{k: b.get(k) for k in ("doc_id", "text", "title", "url", "source", "published")})
            for b in (json.loads(f.read_text(encoding="utf-8")) for f in files)]
    extract_document(docs[0])            # warm-up: lexicons and gazetteer load once
    for d in docs[:count]:
        extract_document(d)
    print(len(docs))


def _run(src: str, sets: list[str], count: int) -> tuple[int, int]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          __file__, "--inner", src, ",".join(sets), str(count)],
                         capture_output=True, text=True, env=env, check=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if refs is None:
        sys.exit(f"no instruction count in callgrind's output:\n{out.stderr[-2000:]}")
    return int(refs.group(1).replace(",", "")), int(out.stdout.split()[-1])


def main(argv: list[str]) -> None:
    if argv[:1] == ["--inner"]:
        _inner(argv[1], argv[2].split(","), int(argv[3]))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    sets = next((a.split("=", 1)[1].split(",") for a in argv if a.startswith("--sets=")), ["dev", "dev2"])
    src = next((a.split("=", 1)[1] for a in argv if a.startswith("--src=")), str(REPO / "src"))
    base, n = _run(src, sets, 0)
    full, _ = _run(src, sets, 1 << 30)
    print(f"src {src}  sets {','.join(sets)}  reports {n}  instructions {full - base:,} "
          f"({(full - base) / n / 1e6:.2f} M per report; warm-up alone {base:,})")


if __name__ == "__main__":
    main(sys.argv[1:])
