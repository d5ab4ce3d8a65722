#!/usr/bin/env python3
"""Recognition's token passes: the one Aho-Corasick pass over the gazetteer's names (marsad.geo.recognize.scan) and
tokenizing by one split (tokenize), each beside the token-by-token reference it is tested against (scan_tokens,
tokenize_matches), on ../shared/corpus dev + dev2, and the automaton's one-time build.

    .venv/bin/python bench/bench_geo_scan.py [ROUNDS]      # default 5; prints the minimum CPU time of each

Times are CPU time of this process (time.process_time) over all reports, the minimum of ROUNDS rounds.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.geo import load_gazetteer  # noqa: E402
from marsad.geo.fold import fold_text  # noqa: E402
from marsad.geo.recognize import (  # noqa: E402
    _Names, scan, scan_tokens, split_glued, tokenize, tokenize_matches, vocab)

CORPUS = REPO.parent / "shared" / "corpus"


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    files = [f for s in ("dev", "dev2") for f in sorted((CORPUS / s / "articles").glob("*.json"))]
    if not files:
        sys.exit(f"no articles under {CORPUS}: the benchmark needs ../shared/corpus")
    gaz, max_words = load_gazetteer(), vocab().max_words
    texts = [fold_text(json.loads(f.read_text(encoding="utf-8")).get("text") or "").folded for f in files]
    t0 = time.process_time()
    _Names(gaz, max_words)
    build = time.process_time() - t0
    toks = [split_glued(tokenize(t), gaz) for t in texts]
    scan(toks[0], gaz, max_words)
    best: dict[str, float] = {}
    runs = {"scan (one Aho-Corasick pass)": lambda: [scan(t, gaz, max_words) for t in toks],
            "scan_tokens (reference)": lambda: [scan_tokens(t, gaz, max_words) for t in toks],
            "tokenize (one split)": lambda: [tokenize(t) for t in texts],
            "tokenize_matches (reference)": lambda: [tokenize_matches(t) for t in texts]}
    for _ in range(rounds):
        for name, run in runs.items():
            t0 = time.process_time()
            run()
            best[name] = min(best.get(name, float("inf")), time.process_time() - t0)
    print(f"{len(texts)} reports, {sum(map(len, toks))} tokens; automaton build {build:.3f}s CPU (once per process)")
    for name, t in best.items():
        print(f"  {name:32s} {t * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
