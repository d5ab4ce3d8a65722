"""bench_dashboard.py on PostgreSQL: a throwaway server (the distribution's binaries), N generated
events loaded by COPY (bench_api.generate/load), serve's catch-up (ledger, summary) timed, then
every dashboard request timed as bench_dashboard.py does.

    .venv/bin/python bench/bench_dashboard_pg.py [N] [--repeat 10] [--only stats,totals]
        [--bulk | --rows] [--load-only] [--keep DIR]

--bulk (the default) loads through marsad.store.bulk (COPY with the summary/facet/ledger triggers
off, each derived table rebuilt once after); --rows loads through the row triggers (what an
older version did). --keep DIR leaves the server running in DIR (its URL in DIR/url) so that
bench_dashboard.py URL can time the same database again after a change; stop it with
`python -m marsad.store.pgserver stop DIR`. --text-chars N cuts each report's text (~750 characters,
three evidence sentences) to N: PostgreSQL's two search indexes cost ~1 ms of server CPU per whole
report, which at a million events (333k reports) is most of the load.
--sqlite PATH builds the same database as a SQLite file instead (no server; the search index
folded by sync_search after the load), for bench_dashboard.py PATH.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def server_cpu(pid: int) -> float:
    """CPU seconds of one server backend so far (its /proc entry: the server runs on this machine);
    immune to the other processes sharing the cores, unlike wall time."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    ap.add_argument("--only", default="", help="comma-separated query names")
    ap.add_argument("--rows", action="store_true", help="load through the row triggers (no bulk path)")
    ap.add_argument("--load-only", action="store_true", help="stop after the load and the catch-up")
    ap.add_argument("--keep", default="", help="run the server in this folder and leave it running")
    ap.add_argument("--sqlite", default="", help="build a SQLite file at this path instead (with --load-only)")
    ap.add_argument("--text-chars", type=int, default=0,
                    help="cut each report's text to this many characters (the search indexes' cost is per character)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    data = bench_api.generate(args.n, text_chars=args.text_chars)
    print(f"generated {args.n:,} events in {time.perf_counter() - t0:.1f} s", flush=True)
    if args.sqlite:
        return build_sqlite(args.sqlite, data, args.n)
    server = TempServer(args.keep or None).start()
    try:
        with Store(server.url) as store:
            pid = store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
            s0 = server_cpu(pid)
            secs = bench_api.load(store, data, bulk=not args.rows)
            print(f"load ({'rows' if args.rows else 'bulk'}): {secs:.1f} s ({args.n / secs:,.0f} events/s), "
                  f"server cpu {server_cpu(pid) - s0:.1f} s", flush=True)
            del data
            for name, step in (("summary", summary.refresh), ("ledger", ledger.refresh)):
                t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu(pid)
                step(store.conn)
                print(f"{name}: {time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s cpu here, "
                      f"server cpu {server_cpu(pid) - s0:.1f} s", flush=True)
            store.conn.execute("ANALYZE")
            store.conn.commit()
        if args.load_only:
            return 0
        t0 = time.perf_counter()
        prep = prepare(server.url)
        app = create_app(server.url, preparation=prep)
        print(f"serve start (prepare + create_app): {time.perf_counter() - t0:.2f} s", flush=True)
        prep.wait()
        print(f"ready: {time.perf_counter() - t0:.1f} s {prep.status()}", flush=True)
        print(f"{'query':<20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu p50':>8}")
        with TestClient(app) as client:
            only = set(filter(None, args.only.split(",")))
            queries = [q for q in bench_dashboard.QUERIES if not only or q[0] in only]
            bench_dashboard.measure(client, queries, args.repeat, args.max_variants)
    finally:
        if args.keep:
            print(f"server left running: {server.url} (stop: python -m marsad.store.pgserver stop {args.keep})")
        else:
            server.stop()
    return 0


def build_sqlite(path: str, data, n: int) -> int:
    """The generated rows into a new SQLite file, then what serve's catch-up does (summary, ledger,
    search index), each timed."""
    import bench_api

    from marsad.store import Store, ledger, summary
    from marsad.web.search import sync_search

    if Path(path).exists():
        raise SystemExit(f"{path} exists")
    with Store(path) as store:
        secs = bench_api.load(store, data, bulk=True)
        print(f"load (bulk, sqlite): {secs:.1f} s ({n / secs:,.0f} events/s)", flush=True)
        del data
        for name, step in (("summary", summary.refresh), ("ledger", ledger.refresh), ("search", sync_search)):
            t0 = time.perf_counter()
            step(store.conn)
            print(f"{name}: {time.perf_counter() - t0:.1f} s", flush=True)
        store.conn.execute("ANALYZE")
        store.conn.commit()
    print(f"{path}: {Path(path).stat().st_size / 1e9:.2f} GB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
