#!/usr/bin/env python3
"""Dask batch extraction: the speed-up from 1 to 2 local workers, and the equivalence of the
batch output with the single-process path over every report.

    .venv/bin/python bench/bench_batch.py [N] [--workers 1,2] [--rows 500] [--no-check] [--sample K]

Reports: the project's own (examples/, eval/*/articles) and, where ../shared is beside the
checkout, the tuning sets (corpus/dev, dev2, seeds; never corpus/check), repeated to N with each
copy re-dated (its publication date moved by whole days, so relative dates resolve differently)
and every other copy's paragraphs in reverse order. Each worker count runs `marsad.batch.run_batch`
on a fresh output folder (a LocalCluster of that many processes); then every report is extracted
again in this process as `marsad extract FILE --output` does (read, language, extract_document)
and compared with the batch's result_json. Prints wall seconds, reports/s, the speed-up and the
number of differing reports (0 expected). Wall time: run it on an otherwise idle machine.
--sample K compares K reports picked at random (seeded) instead of all of them (at 100k reports
extracting all again in one process is as long as the batch itself); the batch still covers all,
and its output is checked to hold every report once.
--dir DIR keeps the reports (DIR/reports.jsonl, generated once and reused) and the outputs
(DIR/outW) instead of a temporary folder, so the timed runs and the check can run apart:
`--workers 1 --no-check --dir D`, `--workers 2 --no-check --dir D`, then `--workers 2 --check-only
--dir D --jobs 2` (the check extracts again in --jobs processes; its results do not depend on it).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def seeds() -> list:
    from marsad.ingest import read_documents

    roots = [REPO / "examples", *sorted((REPO / "eval").glob("*/articles"))]
    shared = REPO.parent / "shared" / "corpus"
    roots += [p for p in (shared / "dev" / "articles", shared / "dev2" / "articles", shared / "seeds") if p.is_dir()]
    docs, _errors = read_documents(roots)
    return [d for d in docs if d.text.strip()]


def write_reports(path: Path, n: int) -> None:
    base = seeds()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = base[i % len(base)]
            copy = i // len(base)
            published = d.published
            if published and copy:
                try:
                    published = (date.fromisoformat(published[:10]) + timedelta(days=copy)).isoformat()
                except ValueError:
                    pass
            text = d.text if copy % 2 == 0 else "\n".join(reversed(d.text.split("\n")))
            fh.write(json.dumps({"doc_id": f"{d.doc_id}~{copy}", "title": d.title, "source": d.source,
                                 "published": published, "text": text}, ensure_ascii=False) + "\n")


def run(src: Path, out: Path, workers: int, rows: int) -> float:
    from marsad.batch import run_batch

    t0 = time.perf_counter()
    report = run_batch([src], out, workers=workers, rows=rows)
    secs = time.perf_counter() - t0
    assert not report.failed, report.failed[:3]
    print(f"{workers} worker(s): {report.documents:,} reports, {report.events:,} events in {secs:.1f} s "
          f"= {report.documents / secs:,.0f} reports/s", flush=True)
    return secs


def _extract_one(doc):
    from marsad.extract import extract_document

    return doc.doc_id, (extract_document(doc) if doc.lang in ("ar", "arz") else None)


def check(src: Path, out: Path, sample: int = 0, jobs: int = 1) -> int:
    """Reports whose batch result differs from the single-process extraction (all of them, or a
    seeded random `sample`)."""
    import hashlib
    import random

    import pyarrow.parquet as pq

    from marsad.ingest import read_documents

    batch = {r["doc_id"]: r["result_json"] for f in (out / "documents").glob("*.parquet")
             for r in pq.read_table(f, columns=["doc_id", "result_json"]).to_pylist()}
    docs, _errors = read_documents([src])
    assert len(batch) == len(docs) == len({d.doc_id for d in docs}), (len(batch), len(docs))
    if sample and sample < len(docs):
        docs = random.Random(18).sample(docs, sample)
    differ, digest = 0, hashlib.sha256()
    t0 = time.perf_counter()
    if jobs > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(jobs)
        wanted = pool.imap(_extract_one, docs, chunksize=50)
    else:
        pool, wanted = None, map(_extract_one, docs)
    for doc, (doc_id, want) in zip(docs, wanted):
        assert doc_id == doc.doc_id
        got = json.loads(batch[doc.doc_id]) if batch.get(doc.doc_id) else None
        digest.update(json.dumps(got, sort_keys=True, ensure_ascii=False).encode())
        if got != want:
            differ += 1
            if differ <= 3:
                print(f"  differs: {doc.doc_id}", flush=True)
    if pool is not None:
        pool.close()
        pool.join()
    print(f"equivalence: {len(docs):,} reports extracted again in {jobs} process(es) ({time.perf_counter() - t0:.0f} s): "
          f"{differ} differ from the batch output; batch output covers {len(batch):,}; "
          f"sha256 of the compared outputs {digest.hexdigest()[:16]}", flush=True)
    return differ


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("--sample", type=int, default=0, help="compare this many random reports (0: all)")
    ap.add_argument("--dir", help="keep the reports and outputs in this folder (reused)")
    ap.add_argument("--check-only", action="store_true", help="check DIR/outW (W: the largest --workers)")
    ap.add_argument("--jobs", type=int, default=1, help="processes for the check's extraction")
    args = ap.parse_args(argv)
    if args.dir:
        Path(args.dir).mkdir(parents=True, exist_ok=True)
        return work(args, Path(args.dir))
    with tempfile.TemporaryDirectory() as tmp:
        return work(args, Path(tmp))


def work(args, tmp: Path) -> int:
    src = tmp / "reports.jsonl"
    if not src.is_file():
        write_reports(src.with_suffix(".part"), args.n)
        src.with_suffix(".part").rename(src)
    if args.check_only:
        w = max(map(int, args.workers.split(",")))
        return 1 if check(src, tmp / f"out{w}", args.sample, args.jobs) else 0
    print(f"{args.n:,} reports ({src.stat().st_size / 1e6:.0f} MB); cores: {os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    times = {}
    for w in map(int, args.workers.split(",")):
        out = tmp / f"out{w}"
        if out.exists():
            import shutil

            shutil.rmtree(out)
        times[w] = run(src, out, w, args.rows)
    if 1 in times and 2 in times:
        print(f"speed-up 1 -> 2 workers: {times[1] / times[2]:.2f}x (load average now "
              f"{os.getloadavg()[0]:.1f})", flush=True)
    if not args.no_check:
        return 1 if check(src, tmp / f"out{max(times)}", args.sample, args.jobs) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
