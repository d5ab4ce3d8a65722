"""Benchmark: the dashboard's API queries at a million events, on SQLite and on PostgreSQL.

Generates N events (default 1,000,000; three per report) from the records of the shared
gold files (../shared/corpus/dev, dev2, seeds-gold: real event and claim records, re-dated
over 2019-2025, places jittered, tolls varied; a report's text is its events' evidence
sentences), loads them into a fresh store (SQLite file; PostgreSQL: a throwaway server from
the distribution's binaries), merges incidents, then times each query the dashboard makes
(FastAPI in process: routing, SQL and JSON) and prints load rate, p50/p99 per query and the
process's peak memory. `serve`'s start (create_app + prepare) is timed too.

    .venv/bin/python bench/bench_api.py [N] [--stores sqlite,postgresql] [--repeat 20]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

MERGE = False
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
SOURCES = [f"outlet-{i:02d}" for i in range(30)]
FALLBACK_EVENT = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                  "actor1": "international_coalition", "actor2": "islamic_state",
                  "location": {"name_ar": "الرقة", "name_en": "Raqqa", "country": "SY", "admin1": "Ar-Raqqa",
                               "lat": 35.95, "lon": 39.01, "geo_precision": 2},
                  "fatalities": 3, "evidence": "قتل ثلاثة عناصر من داعش بغارة جوية للتحالف الدولي قرب الرقة."}


def templates() -> tuple[list[dict], list[dict]]:
    events, claims = [], []
    for sub in ("dev/gold", "dev2/gold", "seeds-gold"):
        for path in sorted((SHARED / sub).glob("*.json")) if (SHARED / sub).is_dir() else []:
            data = json.loads(path.read_text(encoding="utf-8"))
            events += [e for e in data.get("events") or [] if (e.get("location") or {}).get("lat") is not None]
            claims += data.get("claims") or []
    return events or [FALLBACK_EVENT], claims


def generate(n_events: int, seed: int = 7, text_chars: int = 0):
    """(documents, events, claims) rows for the store's tables; `text_chars` cuts each report's
    text to that many characters (0: whole)."""
    from marsad.store.extractions import CLAIM_COLUMNS, EVENT_COLUMNS, claim_row, event_row

    rng = random.Random(seed)
    ev_t, cl_t = templates()
    day0, span = date(2019, 1, 1), 7 * 365
    docs, events, claims = [], [], []
    n_docs = (n_events + 2) // 3
    for i in range(n_docs):
        doc_id = f"g{i:07d}"
        day = day0 + timedelta(days=rng.randrange(span))
        picked = [rng.choice(ev_t) for _ in range(min(3, n_events - 3 * i))]
        text = "\n".join(e.get("evidence") or "" for e in picked)
        text = text[:text_chars] if text_chars else text
        docs.append((doc_id, None, rng.choice(SOURCES), day.isoformat(), text[:80], text, "ar", 1,
                     f"h{i}", None, "bench", "2026-01-01T00:00:00", "{}"))
        for n, t in enumerate(picked, 1):
            loc = dict(t["location"])
            loc["lat"] += rng.uniform(-0.05, 0.05)
            loc["lon"] += rng.uniform(-0.05, 0.05)
            d0 = day - timedelta(days=rng.randrange(2))
            ev = {**t, "location": loc, "date_start": d0.isoformat(), "date_end": day.isoformat(),
                  "fatalities": rng.choice([None, 0, 1, 2, 3, 5, 8, 12])}
            events.append(event_row(doc_id, "bench", n, ev))
        if cl_t and rng.random() < 0.2:
            claims.append(claim_row(doc_id, "bench", 1, {**rng.choice(cl_t), "time": str(day.year)}))
    return docs, events, claims, EVENT_COLUMNS, CLAIM_COLUMNS


def incident_rows(data) -> tuple[list[tuple], list[tuple], tuple[str, ...]]:
    """Incidents without the merge (which bench_merge.py times): the n-th event of two
    neighbouring reports is one incident (so ~events/2 incidents, two reports each)."""
    from marsad.analysis.incident_store import _INCIDENT_COLS

    docs, events, _claims, ev_cols, _ = data
    idx = {c: i for i, c in enumerate(ev_cols)}
    groups: dict[str, list[tuple]] = {}
    for ev in events:
        doc_n, n = int(ev[idx["doc_id"]][1:]), ev[idx["event_id"]].rsplit(":", 1)[1]
        groups.setdefault(f"inc-{doc_n // 2:07d}-{n}", []).append(ev)
    incidents, members = [], []
    for inc_id, evs in groups.items():
        lead = evs[0]
        row = {c: lead[idx[c]] if c in idx else None for c in _INCIDENT_COLS}
        row.update(incident_id=inc_id, n_events=len(evs), n_docs=len(evs), estimate_rule="median", counted=1,
                   lead_event_id=lead[idx["event_id"]], updated_at="2026-01-01T00:00:00",
                   date_start=min(e[idx["date_start"]] for e in evs), date_end=max(e[idx["date_end"]] for e in evs))
        for f in ("fatalities", "injured", "arrested"):
            vals = sorted(e[idx[f]] for e in evs if e[idx[f]] is not None)
            if vals:
                row.update({f"{f}_min": vals[0], f"{f}_max": vals[-1], f"{f}_median": float(statistics.median(vals)),
                            f"{f}_best": int(statistics.median(vals))})
        incidents.append(tuple(row[c] for c in _INCIDENT_COLS))
        members += [(e[idx["event_id"]], inc_id, "bench") for e in evs]
    return incidents, members, _INCIDENT_COLS


def load(store, data, bulk: bool = False) -> float:
    """The generated rows into `store`: row by row through the triggers (COPY on PostgreSQL, in
    transactions of 50,000 rows), or with `bulk` through marsad.store.bulk (one transaction, the
    derived tables' row triggers off, the summary and the ledger rebuilt by their next refresh)."""
    from marsad.store.db import DOC_COLUMNS

    docs, events, claims, ev_cols, cl_cols = data
    t0 = time.perf_counter()
    tables = (("documents", DOC_COLUMNS, docs), ("events", ev_cols, events), ("claims", cl_cols, claims))
    ext = [(d[0], "bench", "2026-01-01T00:00:00", "{}") for d in docs]
    tables += (("extractions", ("doc_id", "version", "extracted_at", "result_json"), ext),)
    if not MERGE:
        incidents, members, inc_cols = incident_rows(data)
        tables += (("incidents", inc_cols, incidents),
                   ("incident_events", ("event_id", "incident_id", "fingerprint"), members))
    conn = store.conn
    if bulk:
        from marsad.store import bulk as bulk_load

        with bulk_load.loading(store) as loader:
            for table, cols, rows in tables:
                loader.rows(table, cols, rows)
        conn.execute("ANALYZE")
        return time.perf_counter() - t0
    for table, cols, rows in tables:
        for i in range(0, len(rows), 50_000):
            with store.transaction():
                chunk = rows[i:i + 50_000]
                if hasattr(conn, "copy_rows"):
                    conn.copy_rows(table, cols, chunk)
                else:
                    conn.executemany(f"INSERT INTO {table}({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                                     chunk)
    conn.execute("ANALYZE")
    return time.perf_counter() - t0


QUERIES = [  # what the dashboard asks (static/app.js), and the lists it pages through
    ("totals", "/api/totals", [{}, {"event_type": "Battles"}, {"date_from": "2024-01-01", "date_to": "2024-03-31"}]),
    ("trends", "/api/trends", [{}, {"event_type": "Battles"}, {"admin1": "Deir ez-Zor"}]),
    ("stats", "/api/stats", [{}, {"event_type": "Battles"}, {"admin1": "Deir ez-Zor"},
                             {"date_from": "2024-01-01", "date_to": "2024-03-31"}]),
    ("incidents/page", "/api/incidents/page", [{"limit": 20}, {"limit": 20, "event_type": "Battles"}]),
    ("ledger", "/api/ledger", [{"limit": 20}, {"limit": 20, "contradictions": "true"}]),
    ("events.geojson", "/api/events.geojson", [{}, {"event_type": "Battles"},
                                               {"date_from": "2024-01-01", "date_to": "2024-03-31"}]),
    ("events (500)", "/api/events", [{"limit": 500}, {"limit": 500, "admin1": "Deir ez-Zor"},
                                     {"limit": 500, "event_type": "Strategic developments"}]),
    ("events page 50", "/api/events", [{"limit": 50, "offset": 5000}, {"limit": 50, "sort": "-fatalities"}]),
    ("incidents", "/api/incidents", [{"limit": 50}, {"limit": 50, "event_type": "Battles"},
                                     {"limit": 50, "admin1": "Ar-Raqqa"}]),
    ("claims/ledger", "/api/claims/ledger", [{}]),
    ("claims", "/api/claims", [{"limit": 100}]),
    ("documents (search)", "/api/documents", [{"q": "داعش", "limit": 20}, {"q": "الرقة", "limit": 20}]),
    ("document", "/api/documents/g0000042", [{}]),
]


def measure(client, repeat: int) -> list[tuple[str, float, float, float, float]]:
    """Wall p50/p99/max, and the p50 of this process's CPU time (immune to other load on the
    machine; for PostgreSQL it leaves out the server's own CPU)."""
    out = []
    for name, path, variants in QUERIES:
        times, cpu = [], []
        client.get(path, params=variants[0])             # warm
        for i in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            r = client.get(path, params=variants[i % len(variants)])
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            assert r.status_code == 200, (path, r.status_code, r.text[:300])
        times.sort()
        p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
        out.append((name, statistics.median(times) * 1000, p99 * 1000, max(times) * 1000,
                    statistics.median(cpu) * 1000))
    return out


def run(store_kind: str, n: int, repeat: int, data) -> None:
    from fastapi.testclient import TestClient

    from marsad.analysis import update_incidents
    from marsad.store import Store
    from marsad.web.api import create_app
    from marsad.web.bridge import prepare

    server = None
    with tempfile.TemporaryDirectory() as tmp:
        if store_kind == "postgresql":
            from marsad.store.pgserver import TempServer
            server = TempServer().start()
            target = server.url
        else:
            target = str(Path(tmp) / "bench.db")
        try:
            with Store(target) as store:
                secs = load(store, data)
                print(f"[{store_kind}] load {n:,} events, {len(data[0]):,} reports, {len(data[2]):,} claims: "
                      f"{secs:.1f} s ({n / secs:,.0f} events/s)", flush=True)
                t0 = time.perf_counter()
                if MERGE:
                    update_incidents(store.conn)
                total = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
                print(f"[{store_kind}] incidents: {total:,} in {time.perf_counter() - t0:.1f} s", flush=True)
            t0 = time.perf_counter()
            prep = prepare(target)
            app = create_app(target, preparation=prep) if prep is not None else create_app(target)
            print(f"[{store_kind}] serve start (prepare + create_app): {time.perf_counter() - t0:.2f} s", flush=True)
            if prep is not None:
                prep.wait()
                print(f"[{store_kind}] ready (background catch-up done): {time.perf_counter() - t0:.2f} s", flush=True)
            with TestClient(app) as client:
                rows = measure(client, repeat)
            print(f"[{store_kind}] {'query':<20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu p50':>8}")
            for name, p50, p99, worst, cpu in rows:
                print(f"[{store_kind}] {name:<20} {p50:8.1f} {p99:8.1f} {worst:8.1f} {cpu:8.1f}", flush=True)
        finally:
            if server is not None:
                server.stop()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--stores", default="sqlite,postgresql")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--merge", action="store_true", help="merge incidents with update_incidents (slow at 1M)")
    args = ap.parse_args(argv)
    global MERGE
    MERGE = args.merge
    t0 = time.perf_counter()
    data = generate(args.n)
    print(f"generated {args.n:,} events in {time.perf_counter() - t0:.1f} s", flush=True)
    for kind in args.stores.split(","):
        run(kind, args.n, args.repeat, data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process, both stores): {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
