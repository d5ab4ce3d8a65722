"""Benchmark: cross-report incident merging on generated events (one core).

Generates N events as reports of ~N/2.5 incidents (1-4 outlets each, jittered
points within ~2 km, tolls that disagree) spread over 3 years and the Syria/Iraq
box, writes them into a fresh migrated SQLite database, then times
``update_incidents`` (the whole merge: read, block, compare, write). Prints one
line per size (wall and CPU seconds: the CPU figure is immune to other load on
the machine) and the wall time per 1,000 events, which is flat when cost is linear;
then 1,000 later reports (dated in the last month) are added and the incremental
update is timed.

    .venv/bin/python bench/bench_merge.py [25000 50000 100000]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from marsad.analysis import update_incidents
from marsad.store import Store

TYPES = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence",
         "Remote explosive/landmine/IED"), ("Battles", "Armed clash"), ("Strategic developments", "Arrests")]
ACTORS = ["sdf", "islamic_state", "iraqi_security_forces", "international_coalition", None]
NAMES = ["ذيبان", "الشحيل", "البصيرة", "هجين", "الشعفة", "الباغوز", "الميادين", "القائم", "الحويجة", "راوة"]


def _events(n: int, rng: random.Random, day0: date = date(2022, 1, 1), days: int = 3 * 365):
    made = 0
    while made < n:
        _events.groups += 1
        lat, lon = rng.uniform(32.0, 37.0), rng.uniform(36.0, 45.0)
        day = day0 + timedelta(days=rng.randrange(days))
        etype, sub = rng.choice(TYPES)
        actor1, actor2 = rng.choice(ACTORS), "islamic_state"
        name = f"{rng.choice(NAMES)} {rng.randrange(400)}"
        toll = rng.randrange(0, 15)
        for _ in range(min(rng.randint(1, 4), n - made)):
            made += 1
            yield (f"d{made}", day.isoformat(), etype, sub, actor1, actor2, name,
                   lat + rng.uniform(-0.01, 0.01), lon + rng.uniform(-0.01, 0.01), toll + rng.randrange(3))


_events.groups = 0


def _fill(store: Store, n: int, prefix: str = "d", seed: int | None = None, **window) -> None:
    rng = random.Random(n if seed is None else seed)
    _events.groups = 0
    rows = [(prefix + r[0][1:], *r[1:]) for r in _events(n, rng, **window)]
    conn = store.conn
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO documents(doc_id, text, content_hash, ingested_at) VALUES (?, '', ?, 'x')",
                     [(r[0], r[0]) for r in rows])
    conn.executemany(
        "INSERT INTO events(event_id, doc_id, version, date_start, date_end, event_type, sub_event_type,"
        " actor1, actor2, name_ar, lat, lon, geo_precision, fatalities)"
        " VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
        [(f"{r[0]}:0", r[0], r[1], r[1], *r[2:]) for r in rows])
    conn.execute("COMMIT")


def run(n: int) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        _fill(store, n)
        t0, c0 = time.perf_counter(), time.process_time()
        stats = update_incidents(store.conn)
        elapsed = time.perf_counter() - t0
        stats["cpu_s"] = time.process_time() - c0
        groups = _events.groups
        _fill(store, 1000, prefix="late", seed=n + 1,      # 1,000 later reports of the last month
              day0=date(2024, 12, 1), days=30)
        t1 = time.perf_counter()
        update_incidents(store.conn)
        stats["incremental_1k_s"] = time.perf_counter() - t1
        _events.groups = groups
        store.close()
    return elapsed, stats


def main(sizes: list[int]) -> None:
    print(f"{'events':>8} {'seconds':>8} {'cpu s':>7} {'ms/1k ev':>9} {'incidents':>10} {'generated':>10} {'then +1k (s)':>13}")
    for n in sizes:
        elapsed, stats = run(n)
        print(f"{n:>8} {elapsed:>8.2f} {stats['cpu_s']:>7.2f} {elapsed * 1e6 / n:>9.1f} {stats['incidents_total']:>10} {_events.groups:>10} {stats['incremental_1k_s']:>13.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [25_000, 50_000, 100_000])
