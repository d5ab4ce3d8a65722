"""Benchmark: cross-report incident merging on generated events (one core).

Generates N events as reports of ~N/2.5 incidents (1-4 outlets each, jittered
points within ~2 km, tolls that disagree) spread over 3 years and the Syria/Iraq
box; 5% of the reports are undated (half with a publication date, half with none)
and 2% are near-copies of another report; each event has a sentence naming a spot and
sometimes a weekday (what the merge reads from evidence). Writes them into a fresh migrated SQLite
database, then times ``update_incidents`` (the whole merge: read, block, compare,
write, in passes of 50,000 events). Prints one line per size (wall and CPU seconds:
the CPU figure is immune to other load on the machine), the CPU time per 1,000 events,
which is flat when cost is linear, and the process's peak memory; then 1,000 later reports (dated in the
last month) are added and the incremental update is timed.

    .venv/bin/python bench/bench_merge.py [--passes] [--cpu-limit SECONDS] [100000 1000000]

``--passes`` also prints each pass of 50,000 events as it ends (events merged so far, the pass's
CPU seconds and CPU ms per event): a run stopped by ``--cpu-limit`` (the machine is shared) still
shows how the cost of a pass moves as the stored data grows. Results: bench/bench_merge.md.

    .venv/bin/python bench/bench_merge.py --db FILE [--budget CPU_SECONDS] N

keeps the database in FILE and works on it for at most about ``--budget`` CPU seconds (checked
between batches of rows and between passes), then stops: run the same command again to go on. It
fills FILE with the same N generated events (batches of 50,000, each committed), merges them (the
update commits each pass and the queue holds the rest, so a stopped run resumes at the next pass),
and logs every batch and pass to FILE.log.jsonl. When all are merged it adds 1,000 later reports,
times their incremental update and an update with nothing queued, and prints the table of the
whole run from the log: a 1M run on a shared machine, in pieces of a couple of minutes each.
"""
from __future__ import annotations

import json
import random
import resource
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
ADMIN1 = ["Deir ez-Zor", "Ar-Raqqa", "Al-Hasakah", "Anbar", "Nineveh", "Salah ad-Din", "Kirkuk", "Diyala"]
SENTENCES = ["قتل عدد من الاشخاص في هجوم استهدف", "انفجرت عبوة ناسفة في", "اعلنت قوات الامن اعتقال مطلوبين في",
             "اندلعت اشتباكات عنيفة قرب"]
SPOTS = ["قرية", "بلدة", "سوق", "حي", "منطقة"]
WEEKDAYS = ["", "", "الاثنين", "فجر الجمعة", "اليوم الخميس", "اعلنت الشرطة الاحد"]
NAMES = ["ذيبان", "الشحيل", "البصيرة", "هجين", "الشعفة", "الباغوز", "الميادين", "القائم", "الحويجة", "راوة"]


def _events(n: int, rng: random.Random, day0: date = date(2022, 1, 1), days: int = 3 * 365):
    made = 0
    while made < n:
        _events.groups += 1
        lat, lon = rng.uniform(32.0, 37.0), rng.uniform(36.0, 45.0)
        day = day0 + timedelta(days=rng.randrange(days))
        etype, sub = rng.choice(TYPES)
        actor1, actor2 = rng.choice(ACTORS), "islamic_state"
        name = f"{rng.choice(NAMES)}{rng.randrange(400)}"       # 4,000 distinct one-word places
        admin1 = rng.choice(ADMIN1)
        toll = rng.randrange(0, 15)
        first = None
        for _ in range(min(rng.randint(1, 4), n - made)):
            made += 1
            r = rng.random()
            dated = day.isoformat() if r >= 0.05 else None            # 5% undated ...
            published = day.isoformat() if r < 0.025 else None       # ... half of them with a publication date
            copy_of = first if first and rng.random() < 0.02 else None
            first = first or f"d{made}"
            evidence = f"{rng.choice(SENTENCES)} {rng.choice(SPOTS)} {name} {rng.choice(WEEKDAYS)}"
            yield (f"d{made}", dated, etype, sub, actor1, actor2, name, admin1,
                   lat + rng.uniform(-0.01, 0.01), lon + rng.uniform(-0.01, 0.01), toll + rng.randrange(3),
                   evidence, published, copy_of)


_events.groups = 0


def _insert(store: Store, rows: list) -> None:
    """One transaction: a document and its one event per generated row."""
    conn = store.conn
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO documents(doc_id, text, content_hash, ingested_at, published, near_dup_of)"
                     " VALUES (?, '', ?, 'x', ?, ?)", [(r[0], r[0], r[-2], r[-1]) for r in rows])
    conn.executemany(
        "INSERT INTO events(event_id, doc_id, version, date_start, date_end, event_type, sub_event_type,"
        " actor1, actor2, name_ar, admin1, lat, lon, geo_precision, fatalities, evidence)"
        " VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        [(f"{r[0]}:0", r[0], r[1], r[1], *r[2:-2]) for r in rows])
    conn.execute("COMMIT")


def _fill(store: Store, n: int, prefix: str = "d", seed: int | None = None, **window) -> None:
    rng = random.Random(n if seed is None else seed)
    _events.groups = 0
    rows = [(prefix + r[0][1:], *r[1:-1], r[-1] and prefix + r[-1][1:]) for r in _events(n, rng, **window)]
    _insert(store, rows)


def _pass_printer(c0: float):
    last = [0, c0]

    def progress(done: int, total: int) -> None:
        now = time.process_time()
        n = done - last[0]
        print(f"   pass: {done:>8}/{total} merged, pass cpu {now - last[1]:7.2f} s,"
              f" {1e3 * (now - last[1]) / max(n, 1):.3f} ms/event", flush=True)
        last[:] = [done, now]
    return progress


def run(n: int, passes: bool = False) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        _fill(store, n)
        t0, c0 = time.perf_counter(), time.process_time()
        stats = update_incidents(store.conn, progress=_pass_printer(c0) if passes else None)
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


class _Budget(Exception):
    """This invocation's CPU budget is spent (raised between passes: the merge resumes next run)."""


def _log(path: Path, **rec) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")


def _fill_part(store: Store, n: int, have: int, rows_max: int, prefix: str = "d") -> int:
    """Insert the generated rows have..have+rows_max of the N-event run (same seed: the same rows)."""
    rng = random.Random(n)
    _events.groups = 0
    rows = []
    for k, r in enumerate(_events(n, rng)):
        if k < have:
            continue
        if len(rows) >= rows_max:
            break
        rows.append((prefix + r[0][1:], *r[1:-1], r[-1] and prefix + r[-1][1:]))
    _insert(store, rows)
    return len(rows)


def resumable(db: Path, n: int, budget: float) -> None:
    """One piece of a run kept in `db` (see the module docstring)."""
    log = db.with_name(db.name + ".log.jsonl")
    c_start = time.process_time()
    store = Store(db)
    conn = store.conn
    have = conn.execute("SELECT COUNT(*) FROM events WHERE event_id NOT LIKE 'late%'").fetchone()[0]
    while have < n:
        if time.process_time() - c_start > budget:
            print(f"filled {have}/{n}: budget spent, run again to go on", flush=True)
            return
        t0, c0 = time.perf_counter(), time.process_time()
        added = _fill_part(store, n, have, 50_000)
        have += added
        _log(log, kind="fill", rows=have, cpu=time.process_time() - c0, wall=time.perf_counter() - t0)
        print(f"filled {have}/{n}", flush=True)
    merged = conn.execute("SELECT COUNT(*) FROM incident_events").fetchone()[0]
    if merged < n:
        last = [merged, time.process_time(), time.perf_counter()]

        def progress(done: int, total: int) -> None:
            now, wall = time.process_time(), time.perf_counter()
            _log(log, kind="pass", merged=merged + done, events=merged + done - last[0],
                 cpu=now - last[1], wall=wall - last[2], rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            print(f"   merged {merged + done}/{n}: pass cpu {now - last[1]:.1f} s,"
                  f" {1e3 * (now - last[1]) / max(merged + done - last[0], 1):.3f} ms/event", flush=True)
            last[:] = [merged + done, now, wall]
            if now - c_start > budget and merged + done < n:
                raise _Budget
        try:
            update_incidents(conn, progress=progress)
        except _Budget:
            print("budget spent, run again to go on", flush=True)
            return
    recs = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    if not any(r["kind"] == "late" for r in recs):
        _fill(store, 1000, prefix="late", seed=n + 1, day0=date(2024, 12, 1), days=30)
        t0, c0 = time.perf_counter(), time.process_time()
        late = update_incidents(conn)
        late_wall, late_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        update_incidents(conn)
        _log(log, kind="late", wall=late_wall, cpu=late_cpu, assigned=late["events_assigned"],
             idle_wall=time.perf_counter() - t0, idle_cpu=time.process_time() - c0,
             incidents=late["incidents_total"])
        recs = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    store.close()
    _report(n, recs)


def _report(n: int, recs: list[dict]) -> None:
    fill = [r for r in recs if r["kind"] == "fill"]
    passes = [r for r in recs if r["kind"] == "pass"]
    (late,) = [r for r in recs if r["kind"] == "late"]
    cpu = sum(r["cpu"] for r in passes)
    print(f"{n} events: fill {sum(r['cpu'] for r in fill):.0f} s CPU; merge {cpu:.1f} s CPU"
          f" ({1e3 * cpu / n:.3f} ms/event), {sum(r['wall'] for r in passes):.0f} s wall, {len(passes)} passes,"
          f" peak RSS {max(r['rss_mb'] for r in passes):.0f} MB; {late['incidents']} incidents")
    print("passes (CPU ms/event): " + ", ".join(f"{1e3 * r['cpu'] / max(r['events'], 1):.3f}" for r in passes))
    print(f"then +1k later reports: {late['wall']:.2f} s wall ({late['cpu']:.2f} s CPU);"
          f" an update with nothing queued: {late['idle_wall']:.3f} s wall")


def main(argv: list[str]) -> None:
    if "--db" in argv:
        k = argv.index("--db")
        db = Path(argv[k + 1])
        del argv[k:k + 2]
        budget = 1e9
        if "--budget" in argv:
            k = argv.index("--budget")
            budget = float(argv[k + 1])
            del argv[k:k + 2]
        (n,) = [int(a) for a in argv if not a.startswith("--")]
        resumable(db, n, budget)
        return
    passes = "--passes" in argv
    argv = [a for a in argv if a != "--passes"]
    if "--cpu-limit" in argv:
        k = argv.index("--cpu-limit")
        limit = int(argv[k + 1])
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))
        del argv[k:k + 2]
    sizes = [int(a) for a in argv] or [100_000, 1_000_000]
    print(f"{'events':>8} {'seconds':>8} {'cpu s':>7} {'cpu ms/1k':>9} {'incidents':>10} {'generated':>10}"
          f" {'then +1k (s)':>13} {'peak RSS MB':>12}", flush=True)
    for n in sizes:
        elapsed, stats = run(n, passes)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:>8} {elapsed:>8.2f} {stats['cpu_s']:>7.2f} {stats['cpu_s'] * 1e6 / n:>9.1f}"
              f" {stats['incidents_total']:>10} {_events.groups:>10} {stats['incremental_1k_s']:>13.2f} {rss:>12.0f}",
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
