"""PostgreSQL's SQL twins of Python/SQLite functions (migration 0008): marsad_week, the week of an
ISO day, without the EXCEPTION block of 0007's version (the same answers, nothing that can raise),
and marsad_fold, the search folding, pair for pair marsad.text's map."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.store import Store

# 0007's definition, kept here as the reference the new one must agree with
OLD_WEEK = """CREATE OR REPLACE FUNCTION old_week(d text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF d IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN to_char(date_trunc('week', d::date), 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$"""

DATES = [
    "2025-01-06", "2025-01-05", "2024-12-31", "2025-01-01", "2024-02-29", "2023-02-28", "2000-02-29",
    "1999-12-31", "2019-03-01", "2026-06-30", "0001-01-01", "0001-01-07", "9999-12-31", "1900-03-01",
    # not days: NULL (their events go to the 'x' bucket)
    "2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
    "2024-01-00", "2024-01-32", "0000-01-05", "2024-01", "2024", "", " ", "مطلع 2025", "٢٠٢٥-٠١-٠٥",
    "2024-01-0a", "abcd-ef-gh", "20-4-01-05", "----------", None,
]
# other spellings of a day the old cast read (the store's dates are ISO days, EXTRACTION.md): NULL
# now, i.e. 'not a day' -- their events are counted from the events, never summed wrongly
OTHER_SPELLINGS = ["2024-1-05", "20240105", "2024/01/05", "2024-01-05 10:00", "2024-01-05T10:00", " 2024-01-05"]


@pytest.fixture(scope="module")
def pg(pg_server):
    from marsad.store.pgserver import schema_url

    with Store(schema_url(pg_server)) as store:
        store.conn.execute(OLD_WEEK)
        yield store.conn


def _week(conn, d):
    return conn.execute("SELECT marsad_week(?), old_week(?)", (d, d)).fetchone()


@pytest.mark.parametrize("d", DATES)
def test_marsad_week_answers_as_the_cast_it_replaces(pg, d):
    new, old = _week(pg, d)
    assert new == old
    if d and len(d) == 10 and d[4] == "-" and d[7] == "-":
        try:
            day = dt.date.fromisoformat(d)
        except ValueError:
            assert new is None
        else:
            assert new == (day - dt.timedelta(days=day.weekday())).isoformat().zfill(10)


@pytest.mark.parametrize("d", OTHER_SPELLINGS)
def test_other_spellings_of_a_day_are_not_days_now(pg, d):
    new, old = _week(pg, d)
    assert new is None and old == "2024-01-01"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_marsad_week_of_any_day_is_its_monday(pg, day):
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    new, old = _week(pg, text)
    assert new == old == f"{(day - dt.timedelta(days=day.weekday())):%Y-%m-%d}".zfill(10) or day.year < 2


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="0123456789-/ :Tx٠١", max_size=14))
def test_marsad_week_never_raises_and_agrees_on_day_shaped_text(pg, text):
    new, old = _week(pg, text)
    if len(text) == 10 and text[4] == text[7] == "-" or new is not None:
        assert new == old
    # (the old cast also read other spellings of a day, "2024-01-05 10:00" or "20240105"; the
    # store's dates are ISO days, EXTRACTION.md, so those are 'not a day' now: counted from the events)


def test_marsad_week_is_sqlites_week_on_days(pg):
    lite = sqlite3.connect(":memory:")
    day = dt.date(2023, 12, 20)
    for _ in range(80):
        d = day.isoformat()
        assert pg.execute("SELECT marsad_week(?)", (d,)).fetchone()[0] == \
            lite.execute("SELECT date(?, 'weekday 0', '-6 days')", (d,)).fetchone()[0]
        day += dt.timedelta(days=5)


def test_marsad_week_is_inlined_so_it_runs_in_parallel_plans(pg):
    # a constant is folded at plan time (without raising, whatever the text); a column is not
    assert pg.execute("EXPLAIN VERBOSE SELECT marsad_week('2024-02-30')").fetchone()[0].startswith("Result")
    plan = "\n".join(r[0] for r in pg.execute("EXPLAIN VERBOSE SELECT marsad_week(date_start) FROM events"))
    assert "marsad_week" not in plan and "CASE" in plan


# -- the search folding --------------------------------------------------------------------------

SENTENCES = [  # written for this test: Persian/Kurdish letters of place names, Arabic-Indic digits
    "قُتِلَ ٣ مدنيين في كوباني يوم ١٥ آذار ٢٠٢٤",
    "سيطرت قوات على قرية گرد کانی قرب ڤيران",
    "اشتباكات في پنجوين وچمچمال بمحافظة السليمانية ۲۰۲۵",
    "قصفٌ مدفعيّ على ريف إدلب الجنوبيّ ـــ نزوح ٫٥ ألف",
    "ARRESTS in Al-Hasakah: ٧ شبان",
]


def test_marsad_fold_maps_every_pair_of_marsad_text(pg):
    from marsad.text.normalize import _FOLD_MAP

    for src, dst in _FOLD_MAP.items():
        assert pg.execute("SELECT marsad_fold(?)", (f"ب{src}ب",)).fetchone()[0] == f"ب{dst}ب", src


@pytest.mark.parametrize("text", SENTENCES)
def test_marsad_fold_is_the_search_fold_of_python(pg, text):
    from marsad.web.search import fold

    assert pg.execute("SELECT marsad_fold(?)", (text,)).fetchone()[0] == fold(text)


def test_a_search_in_arabic_indic_digits_finds_the_report_on_postgresql(pg_server):
    from marsad.documents import make_document
    from marsad.store.pgserver import schema_url
    from marsad.web.search import doc_match_clause

    with Store(schema_url(pg_server)) as store:
        with store.transaction():
            for i, text in enumerate(SENTENCES):
                store.insert_document(make_document(text, doc_id=f"f{i}"), is_arabic=True, path="t")
        for q, want in (("٢٠٢٤", ["f0"]), ("2024", ["f0"]), ("گرد", ["f1"]), ("كرد", ["f1"]), ("۲۰۲۵", ["f2"]),
                        ("چمچمال", ["f2"])):
            where, params = doc_match_clause(store.conn, q)
            got = [r[0] for r in store.conn.execute(f"SELECT d.doc_id FROM documents d WHERE {where} "
                                                    "ORDER BY d.doc_id", params)]
            assert got == want, q
