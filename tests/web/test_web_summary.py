"""The events summary (marsad.store.summary, migration 0007): /api/stats, /api/totals, /api/trends and
the `total` of /api/events read from it give the same answers as counting the events, for every
filter it answers, and it stays current as reports are re-extracted, merged or deleted."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.store import Store, save_extraction, summary
from marsad.web import queries, reports, views
from marsad.web.filters import Filters

# Sentences written for this test: (event_type, sub_event_type, actor1, actor2, admin1, evidence)
KINDS = [
    ("Explosions/Remote violence", "Air/drone strike", "international_coalition", "islamic_state", "Ar-Raqqa",
     "قتل عناصر من داعش بغارة جوية للتحالف الدولي قرب الرقة."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "syrian_army", None, "Idlib",
     "قصفت قوات النظام بالمدفعية أطراف بلدة كفرنبل في ريف إدلب."),
    ("Battles", "Armed clash", "sdf", "islamic_state", "Deir ez-Zor",
     "اندلعت اشتباكات بين قسد وخلايا داعش في بلدة ذيبان شرقي دير الزور."),
    ("Battles", None, "hts", "syrian_army", "Aleppo", "دارت معارك عنيفة على محور ريف حلب الغربي."),
    ("Strategic developments", "Arrests", "sdf", None, "Al-Hasakah", "اعتقلت قسد خمسة أشخاص في مدينة الحسكة."),
    ("Violence against civilians", "Attack", None, "civilians", None, "قتل مسلحون مجهولون مدنياً على طريق سريع."),
    ("Protests", "Peaceful protest", "protesters", None, "As-Suwayda", "تظاهر العشرات في ساحة الكرامة بالسويداء."),
]
DAY0 = dt.date(2024, 12, 20)


def _reports(n: int, seed: int = 5) -> list[tuple[str, str | None, list[dict]]]:
    """(doc_id, published, events): two events per report at most; some told by two outlets
    (the same kind, place and day: one incident), some undated, some spanning a week's end."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = DAY0 + dt.timedelta(days=rng.randrange(60))
        events = []
        for _ in range(rng.choice([1, 1, 2])):
            etype, sub, a1, a2, admin1, evidence = rng.choice(KINDS)
            start = None if rng.random() < 0.1 else day - dt.timedelta(days=rng.choice([0, 0, 0, 1, 3]))
            located = admin1 is not None and rng.random() < 0.85
            events.append({"event_type": etype, "sub_event_type": sub, "actor1": a1, "actor2": a2,
                           "date_start": start and start.isoformat(), "date_end": start and day.isoformat(),
                           "location": {"name_ar": "مكان", "name_en": admin1, "country": "SY", "admin1": admin1,
                                        "lat": 35.0 + rng.random() if located else None,
                                        "lon": 38.0 + rng.random() if located else None, "geo_precision": 2},
                           "fatalities": rng.choice([None, 0, 1, 2, 5]), "injured": rng.choice([None, 3]),
                           "arrested": 5 if sub == "Arrests" else None, "evidence": evidence})
        out.append((f"s-{i:03d}", day.isoformat(), events))
        if rng.random() < 0.3:     # a second outlet tells the same
            out.append((f"s-{i:03d}b", day.isoformat(), [dict(e) for e in events]))
    return out


def _save(store, doc_id, published, events, version="test-1"):
    from marsad.documents import make_document
    if not store.has_document(doc_id):
        with store.transaction():
            text = " ".join(e["evidence"] for e in events) or "تقرير بلا أحداث."
            store.insert_document(make_document(text, doc_id=doc_id, published=published), is_arabic=True, path="t")
    save_extraction(store, doc_id, version, {"doc_id": doc_id, "events": events, "claims": []})


@pytest.fixture()
def db(db_target):
    from marsad.analysis import update_incidents
    with Store(db_target) as store:
        for report in _reports(70):
            _save(store, *report)
        update_incidents(store.conn)
        store.conn.commit()
    return db_target


# filters the summary answers (the dashboard's: type, actor, governorate, whole weeks of the brush,
# the undated bucket) and a few it does not (a range that is not whole weeks, text search)
ANSWERED = [
    {},
    {"event_type": ["Battles"]},
    {"event_type": ["Battles", "Protests"], "sub_event_type": ["Armed clash"]},
    {"event_type": ["Battles", "Explosions/Remote violence"]},
    {"actor": "islamic_state"},
    {"actor": "sdf", "event_type": ["Strategic developments"]},
    {"admin1": "deir ez-zor"},
    {"admin1": "Nowhere"},
    {"undated": True},
    {"date_from": dt.date(2024, 12, 30), "date_to": dt.date(2025, 1, 12)},       # Monday .. Sunday
    {"date_from": dt.date(2025, 1, 6)},
    {"date_to": dt.date(2025, 1, 5), "admin1": "Idlib"},
    # ranges that are not whole weeks: whole weeks from the summary, the edge weeks from their events
    {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 1, 9)},           # Wednesday .. Thursday
    {"date_from": dt.date(2025, 1, 8), "date_to": dt.date(2025, 1, 10)},          # inside one week
    {"date_from": dt.date(2025, 1, 6), "date_to": dt.date(2025, 1, 15)},          # Monday .. Wednesday
    {"date_from": dt.date(2024, 12, 26), "date_to": dt.date(2025, 1, 19)},        # Thursday .. Sunday
    {"date_from": dt.date(2025, 1, 3)},
    {"date_to": dt.date(2025, 1, 2), "event_type": ["Battles"]},
    {"date_from": dt.date(2024, 12, 24), "date_to": dt.date(2025, 2, 4), "actor": "sdf"},
    {"date_from": dt.date(2025, 1, 2), "date_to": dt.date(2025, 1, 30), "admin1": "ar-raqqa"},
    {"date_from": dt.date(2025, 1, 7), "date_to": dt.date(2025, 1, 7), "sub_event_type": ["Air/drone strike"]},
]
NOT_ANSWERED = [
    {"q": "داعش"},
    {"bbox": (38.0, 35.0, 38.5, 35.5)},
]


def _by_events(monkeypatch, fn, conn, f):
    with monkeypatch.context() as m:
        m.setattr(summary, "usable", lambda *_a, **_k: False)
        return fn(conn, f)


def _total(conn, f):
    where, params = queries.event_where(conn, f)
    return queries.count_events(conn, f, where, params)


VIEWS = [("stats", reports.stats), ("totals", views.totals), ("trends", views.trends), ("events total", _total)]


@pytest.mark.parametrize("kw", ANSWERED, ids=[str(sorted(k)) for k in ANSWERED])
def test_summary_gives_what_the_events_give(db, monkeypatch, kw):
    conn = queries.connect(db)
    f = Filters(**kw)
    assert summary.usable(conn, f), "the summary should answer this filter"
    for name, fn in VIEWS:
        assert fn(conn, f) == _by_events(monkeypatch, fn, conn, f), name
    conn.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.integers(-5, 70), days=st.integers(0, 40), open_end=st.sampled_from(["", "from", "to"]))
def test_any_date_range_from_the_summary_is_what_the_events_give(db, monkeypatch, start, days, open_end):
    conn = queries.connect(db)
    first = DAY0 + dt.timedelta(days=start)
    f = Filters(date_from=None if open_end == "from" else first,
                date_to=None if open_end == "to" else first + dt.timedelta(days=days))
    assert summary.usable(conn, f)
    for name, fn in VIEWS:
        assert fn(conn, f) == _by_events(monkeypatch, fn, conn, f), (name, f.date_from, f.date_to)
    conn.close()


@pytest.mark.parametrize("kw", NOT_ANSWERED, ids=[str(sorted(k)) for k in NOT_ANSWERED])
def test_other_filters_count_the_events(db, kw):
    conn = queries.connect(db)
    f = Filters(**kw)
    assert summary.current(conn) and not summary.usable(conn, f)
    assert reports.stats(conn, f)["events"] == _total(conn, f) > 0
    conn.close()


@pytest.mark.parametrize("kw", [{"event_type": ["Battles"]}, {"event_type": ["Battles", "Protests"]},
                                {"admin1": "AL-HASAKAH"}, {"actor": "islamic_state"}])
def test_reports_and_claims_of_one_facet_come_from_the_facets(db, monkeypatch, kw):
    """A report with two matching events counts once; its claims once."""
    with Store(db) as store:
        _save(store, "s-claims", "2025-01-20", [{**_reports(1)[0][2][0], **{k: v for k, v in (
            ("event_type", kw.get("event_type", ["Battles"])[0]), ("actor1", kw.get("actor")),
            ("location", {"admin1": kw.get("admin1", "Idlib"), "lat": 36.0, "lon": 37.0})) if v}}] * 2)
        store.conn.execute("INSERT INTO claims(claim_id, doc_id, version, quantity, value_low, value_high, "
                           "evidence) VALUES ('s-claims:c1', 's-claims', 'test-1', 'killed', 3, 3, "
                           "'قتل ثلاثة مدنيين.')")
        store.conn.commit()
    conn = queries.connect(db)
    f = Filters(**kw)
    counts = summary.doc_counts(conn, f)
    assert counts is not None and counts[1] >= 1
    raw = _by_events(monkeypatch, views.totals, conn, f)
    assert counts == (raw["documents"], raw["claims"]) and views.totals(conn, f) == raw
    assert summary.doc_counts(conn, Filters(event_type=["Battles"], admin1="Idlib")) is None    # two facets
    conn.close()


def test_the_figures_are_real(db):
    """Not a tautology: counted by incident, two outlets of one strike count once."""
    conn = queries.connect(db)
    t = views.totals(conn, Filters())
    assert t["events"] > t["incidents"] > 0 and t["located"] < t["events"]
    everything = reports.stats(conn, Filters())
    assert sum(r["events"] for r in everything["weekly"]) + sum(r["events"] for r in everything["undated"]) \
        == everything["incidents"] == t["incidents"]
    conn.close()


def _rows(conn) -> list[list[tuple]]:
    """The summary and its two roll-ups (a roll-up row whose counts went to zero is no row)."""
    measures = "n_events, n_located, n_incidents, fatalities, injured, arrested, date_min, date_max"
    queries = [f"SELECT bucket, ws, we, ms, event_type, sub_event_type, admin1, actor1, actor2, {measures} "
               "FROM event_summary", f"SELECT bucket, ws, we, ms, event_type, {measures} FROM summary_types",
               "SELECT dim, vkey, event_type, n_incidents, fatalities FROM summary_dims "
               "WHERE n_incidents <> 0 OR fatalities <> 0", "SELECT facet, doc_id, n_claims FROM doc_facets"]
    return [sorted((tuple(r) for r in conn.execute(q)), key=repr) for q in queries]


def test_kept_current_as_reports_change(db, monkeypatch):
    """Re-extraction (new dates, another type), deletion, a merge: only the queued weeks are
    recomputed, and the result is what a rebuild from scratch gives."""
    from marsad.analysis import update_incidents
    with Store(db) as store:
        summary.refresh(store.conn)
        moved = [{**_reports(1, seed=9)[0][2][0], "date_start": "2025-02-03", "date_end": "2025-02-04"}]
        _save(store, "s-001", "2025-02-04", moved, version="test-2")
        _save(store, "s-002", "2025-01-01", [], version="test-2")
        store.conn.execute("DELETE FROM events WHERE doc_id = 's-003'")
        store.conn.execute("DELETE FROM extractions WHERE doc_id = 's-003'")
        store.conn.commit()
        update_incidents(store.conn)
        store.conn.commit()
        weeks = store.conn.execute("SELECT count(DISTINCT bucket) FROM event_summary").fetchone()[0]
        assert 0 < summary.pending(store.conn) < weeks / 2
        assert summary.refresh(store.conn) > 0 and summary.pending(store.conn) == 0
        incremental = _rows(store.conn)
        summary.rebuild(store.conn)
        assert _rows(store.conn) == incremental and all(incremental)
    conn = queries.connect(db)
    for kw in ANSWERED[:4]:
        f = Filters(**kw)
        assert reports.stats(conn, f) == _by_events(monkeypatch, reports.stats, conn, f)
    conn.close()


def test_a_request_refreshes_a_small_queue_and_counts_the_events_past_it(db, monkeypatch):
    conn = queries.connect(db)
    summary.refresh(conn)
    with Store(db) as store:
        _save(store, "s-new", "2025-03-03", [{**_reports(1)[0][2][0], "date_start": "2025-03-03",
                                              "date_end": "2025-03-03"}])
    assert summary.pending(conn) == 1
    assert summary.usable(conn, Filters()) and summary.pending(conn) == 0      # refreshed by the request
    with Store(db) as store:
        for i, week in enumerate(range(10)):
            day = (dt.date(2023, 1, 2) + dt.timedelta(weeks=week)).isoformat()
            _save(store, f"s-old{i}", day, [{**_reports(1)[0][2][0], "date_start": day, "date_end": day}])
    monkeypatch.setattr(summary, "REQUEST_REFRESH", 5)
    assert not summary.usable(conn, Filters())         # 10 weeks queued: the request counts the events
    assert reports.stats(conn, Filters())["events"] == _total(conn, Filters())
    conn.close()


def test_an_older_database_is_summarized_by_the_next_refresh(db):
    with Store(db) as store:
        store.conn.execute("DELETE FROM summary_state")
        store.conn.execute("DELETE FROM event_summary")
        store.conn.commit()
        assert summary.pending(store.conn) is None and not summary.current(store.conn)
        assert summary.refresh(store.conn) > 0
        assert summary.current(store.conn, limit=0)


def test_a_date_that_is_not_a_day_keeps_date_ranges_on_the_events(db, monkeypatch):
    with Store(db) as store:
        _save(store, "s-odd", "2025-01-07", [{**_reports(1)[0][2][0], "date_start": "مطلع 2025",
                                              "date_end": "مطلع 2025"}])
    conn = queries.connect(db)
    assert summary.usable(conn, Filters())
    assert not summary.usable(conn, Filters(date_from=dt.date(2024, 12, 30)))
    for fn in (reports.stats, views.totals, views.trends):
        assert fn(conn, Filters()) == _by_events(monkeypatch, fn, conn, Filters())
    conn.close()


def test_events_and_claims_are_of_their_documents_extraction(db):
    """The invariant that let the per-row version check go: every event's version is its
    document's current extraction's, after extractions were replaced."""
    with Store(db) as store:
        for doc_id, published, events in _reports(5)[:4]:
            _save(store, doc_id, published, events[:1], version="test-3")
    conn = queries.connect(db)
    odd = conn.execute("SELECT count(*) FROM events e JOIN extractions x ON x.doc_id = e.doc_id "
                       "WHERE x.version <> e.version").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                           "(SELECT 1 FROM extractions x WHERE x.doc_id = e.doc_id)").fetchone()[0]
    assert (odd, orphans) == (0, 0)
    conn.close()


@pytest.mark.parametrize("kw", [{}, {"actor": "sdf"}, {"admin1": "idlib"}, {"sub_event_type": ["Armed clash"]},
                                {"event_type": ["Battles"], "actor": "islamic_state"}, {"q": "داعش"},
                                {"q": "داعش", "event_type": ["Battles"]}, {"q": "لا شيء من هذا"},
                                {"bbox": (38.0, 35.0, 38.5, 35.5)}])
def test_stats_in_one_pass_are_the_figures_one_by_one(db, monkeypatch, kw):
    """PostgreSQL's /api/stats without dates reads the summary's rows, or the matching events, once
    (GROUPING SETS): the same figures, in the same order, as a query per figure."""
    conn = queries.connect(db)
    try:
        f = Filters(**kw)
        for source in (reports._stats_events, reports.stats):
            got = source(conn, f)
            with monkeypatch.context() as m:
                m.setattr(reports, "ONE_PASS", False)
                assert got == source(conn, f)
    finally:
        conn.close()
