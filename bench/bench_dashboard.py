"""Benchmark: every request the dashboard makes (static/app.js), timed against an existing database.

bench_api.py generates and loads a database and then times the API; this script only times, so
the same database (built once, e.g. by `bench_api.py --keep PATH`) can be measured before and
after a change. Each query runs `--repeat` times cycling over its variants (the filters the
dashboard sends: nothing, an event type, an actor, a governorate, a brushed range of whole weeks,
the undated bucket, a text search: a word in ~2% of the reports, and one in ~27%); it prints wall p50/p99/max and the p50 of this process's CPU
time (SQLite runs in-process, so that counts the SQL too; for PostgreSQL it leaves out the
server's own CPU). `serve`'s start (prepare: migrations, then create_app) is timed first, and
the background catch-up (`--wait`) separately.

    .venv/bin/python bench/bench_dashboard.py DB [--repeat 20] [--wait] [--only stats,totals] [--no-cache]

A text search's aggregates are kept per state of the events (marsad.web.cache): with the cache on,
each query's warm-up call counts and keeps them and the timed calls are served from the table;
--no-cache times what the first request of a search (or any after the events change) costs.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

WEEKS = {"date_from": "2024-01-01", "date_to": "2024-03-31"}       # Monday .. Sunday: a brushed range
TYPE, ACTOR, ADMIN1 = {"event_type": "Battles"}, {"actor": "sdf"}, {"admin1": "Deir ez-Zor"}
SEARCH = {"q": "الرقة"}           # a word in ~2% of the bench's reports
COMMON = {"q": "إلى"}             # a word in ~27% of them (folded: a substring of 26.5% of their texts)
FILTERS = [{}, TYPE, ACTOR, ADMIN1, WEEKS, {"undated": "true"}, {**TYPE, **WEEKS}]
QUERIES = [  # (name, path, variants) in the order app.js asks
    ("stats (start)", "/api/stats", [{}]),
    ("stats", "/api/stats", [TYPE, ACTOR, ADMIN1]),
    ("totals", "/api/totals", FILTERS),
    ("events.geojson", "/api/events.geojson", [{**f, "whole": "true"} for f in FILTERS]),   # the dashboard's map
    # the map's cells when capped: the first view (zoom 6) and two zooms in, under each filter
    ("events/grid", "/api/events/grid", [{**f, "cell": 90 / 128} for f in FILTERS] + [{"cell": 90 / 512}]),
    ("trends", "/api/trends", FILTERS),
    ("events page", "/api/events", [{**f, "limit": 100} for f in FILTERS] + [{"limit": 100, "offset": 1000}]),
    ("incidents/page", "/api/incidents/page", [{**f, "limit": 20} for f in FILTERS]),
    ("ledger", "/api/ledger", [{"limit": 10}, {"limit": 10, "contradictions": "true"}, {"limit": 10, "q": "isis"}]),
    ("document", "/api/documents/g0000042", [{}]),
    ("health", "/api/health", [{}]),
    ("basemap/places", "/api/basemap/places", [{}]),
    ("search: totals", "/api/totals", [SEARCH]),
    ("search: stats", "/api/stats", [SEARCH]),
    ("search: events", "/api/events", [{**SEARCH, "limit": 100}]),
    ("search: geojson", "/api/events.geojson", [{**SEARCH, "whole": "true"}]),
    ("search: grid", "/api/events/grid", [{**SEARCH, "cell": 90 / 128}]),
    # what the API gives past the dashboard: the 5,000-feature layer whatever matches, a grid of a brushed range
    ("api: geojson 5000", "/api/events.geojson", [{}, TYPE, ADMIN1]),
    ("api: grid of weeks", "/api/events/grid", [{**WEEKS, "cell": 90 / 128}]),
    ("search: trends", "/api/trends", [SEARCH]),
    ("search: incidents/page", "/api/incidents/page", [{**SEARCH, "limit": 20}]),
    # the same panels for a common word
    ("common: totals", "/api/totals", [COMMON]),
    ("common: stats", "/api/stats", [COMMON]),
    ("common: events", "/api/events", [{**COMMON, "limit": 100}]),
    ("common: geojson", "/api/events.geojson", [{**COMMON, "whole": "true"}]),
    ("common: grid", "/api/events/grid", [{**COMMON, "cell": 90 / 128}]),
    ("common: trends", "/api/trends", [COMMON]),
    ("common: incidents/page", "/api/incidents/page", [{**COMMON, "limit": 20}]),
    ("unaligned: totals", "/api/totals", [{"date_from": "2024-01-03", "date_to": "2024-03-20"}]),
]


def measure(client, queries, repeat: int, max_variants: int = 0) -> list[tuple]:
    out = []
    for name, path, variants in queries:
        variants = variants[:max_variants] if max_variants else variants
        client.get(path, params=variants[0])          # warm
        times, cpu = [], []
        for i in range(max(repeat, len(variants))):
            t0, c0 = time.perf_counter(), time.process_time()
            r = client.get(path, params=variants[i % len(variants)])
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            assert r.status_code == 200, (path, r.status_code, r.text[:300])
        times.sort()
        p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
        out.append((name, statistics.median(times) * 1000, p99 * 1000, times[-1] * 1000,
                    statistics.median(cpu) * 1000))
        print(f"{name:<20} {out[-1][1]:8.1f} {out[-1][2]:8.1f} {out[-1][3]:8.1f} {out[-1][4]:8.1f}", flush=True)
    return out


def main(argv: list[str]) -> int:
    from fastapi.testclient import TestClient

    from marsad.web.api import create_app
    from marsad.web.bridge import prepare

    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--wait", action="store_true", help="wait for serve's background catch-up before timing")
    ap.add_argument("--only", default="", help="comma-separated query names")
    ap.add_argument("--max-variants", type=int, default=0, help="time only the first N variants of each query")
    ap.add_argument("--no-prepare", action="store_true", help="do not migrate or catch up (time the file as it is)")
    ap.add_argument("--no-cache", action="store_true",
                    help="count every search's aggregates (marsad.web.cache off): what the first request of a search costs")
    args = ap.parse_args(argv)
    if args.no_cache:
        from marsad.web import cache

        cache.ENABLED = False
    t0 = time.perf_counter()
    prep = None if args.no_prepare else prepare(args.db)
    app = create_app(args.db, preparation=prep)
    print(f"serve start (prepare + create_app): {time.perf_counter() - t0:.2f} s", flush=True)
    if prep is not None and args.wait:
        prep.wait()
        print(f"ready (background catch-up done): {time.perf_counter() - t0:.1f} s {prep.status()}", flush=True)
    queries = [q for q in QUERIES if not args.only or q[0] in args.only.split(",")]
    print(f"{'query':<20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu p50':>8}")
    with TestClient(app) as client:
        measure(client, queries, args.repeat, args.max_variants)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
