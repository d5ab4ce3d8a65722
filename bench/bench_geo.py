"""Benchmark marsad.geo: index load time and recognition + resolution throughput.

    .venv/bin/python bench/bench_geo.py

Text: the Arabic articles of ../shared/corpus (dev + seeds) repeated to ~2 MB, each
article geoparsed as one document (find_places(text, context=text)), one core.
Falls back to a generated Arabic text where ../shared is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

SAMPLE = ("أعلنت قوات سوريا الديمقراطية القبض على عنصرين من خلايا تنظيم داعش في بلدة ذيبان بريف دير الزور "
          "الشرقي، فيما قتل جندي بهجوم قرب البوكمال وشمال الرقة، وفي قضاء الطارمية شمال بغداد. ")


def load_time() -> float:
    code = ("import time; t=time.perf_counter(); from marsad.geo import load_gazetteer; load_gazetteer(); "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(REPO / "src")})
    return float(out.stdout.strip())


def documents() -> list[str]:
    corpus = REPO / ".." / "shared" / "corpus"
    files = sorted((corpus / "dev" / "articles").glob("*.json")) + sorted((corpus / "seeds").glob("*.json"))
    docs = [json.loads(f.read_text(encoding="utf-8")).get("text") or "" for f in files]
    return [d for d in docs if d] or [SAMPLE * 40]


def main() -> None:
    loads = [load_time() for _ in range(3)]
    print(f"index load (fresh process, import + load): best {min(loads) * 1000:.0f} ms, "
          f"mean {sum(loads) / len(loads) * 1000:.0f} ms")
    from marsad.geo import find_places, load_gazetteer
    load_gazetteer()
    docs = documents()
    # distinct strings per round so no per-text cache helps
    batch, size, r = [], 0, 0
    while size < 2_000_000:
        for d in docs:
            t = d + f"\n{r}"
            batch.append(t)
            size += len(t.encode("utf-8"))
        r += 1
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(find_places(t, context=t)) for t in batch)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    print(f"recognition + resolution: {size / 1e6:.2f} MB in {dt:.2f} s = {size / 1e6 / dt:.2f} MB/s "
          f"({len(batch)} documents, {n} place mentions); CPU {dc:.2f} s = {size / 1e6 / dc:.2f} MB/s "
          f"(a busy machine inflates wall time, less so CPU time)")


if __name__ == "__main__":
    main()
