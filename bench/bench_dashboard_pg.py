"""bench_dashboard.py on PostgreSQL: a throwaway server (the distribution's binaries), N generated
events loaded by COPY (bench_api.generate/load), serve's catch-up (ledger, summary) timed, then
every dashboard request timed as bench_dashboard.py does.

    .venv/bin/python bench/bench_dashboard_pg.py [N] [--repeat 10]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    import bench_api
    import bench_dashboard
    from fastapi.testclient import TestClient

    from marsad.store import Store, ledger, summary
    from marsad.store.pgserver import TempServer
    from marsad.web.api import create_app
    from marsad.web.bridge import prepare

    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--max-variants", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    data = bench_api.generate(args.n)
    print(f"generated {args.n:,} events in {time.perf_counter() - t0:.1f} s", flush=True)
    server = TempServer().start()
    try:
        with Store(server.url) as store:
            secs = bench_api.load(store, data)
            print(f"load: {secs:.1f} s ({args.n / secs:,.0f} events/s)", flush=True)
            del data
            for name, step in (("summary", summary.refresh), ("ledger", ledger.refresh)):
                t0, c0 = time.perf_counter(), time.process_time()
                step(store.conn)
                print(f"{name}: {time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s cpu here",
                      flush=True)
            store.conn.execute("ANALYZE")
            store.conn.commit()
        t0 = time.perf_counter()
        prep = prepare(server.url)
        app = create_app(server.url, preparation=prep)
        print(f"serve start (prepare + create_app): {time.perf_counter() - t0:.2f} s", flush=True)
        prep.wait()
        print(f"ready: {time.perf_counter() - t0:.1f} s {prep.status()}", flush=True)
        print(f"{'query':<20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu p50':>8}")
        with TestClient(app) as client:
            bench_dashboard.measure(client, bench_dashboard.QUERIES, args.repeat, args.max_variants)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
