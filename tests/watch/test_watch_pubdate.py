"""Publication-date recovery (marsad.pubdate): HTML metadata, JSON-LD, <time>, the URL, and
datelines in the text. Texts and addresses written for these tests."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.documents import Document, make_document
from marsad.pubdate import (
    DATELINE,
    FEED,
    HTML_META,
    JSON_LD,
    LABELLED,
    TIME_TAG,
    TODAY,
    URL_PATH,
    Recovered,
    complete,
    from_html,
    from_text,
    from_url,
    is_recovered,
    plausible,
    set_recovered,
)

TODAY_ = dt.date(2026, 3, 1)


def _page(head: str = "", body: str = "<p>نص</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


HTML_CASES = [
    ("og-meta", _page('<meta property="article:published_time" content="2025-08-29T10:15:00+03:00">'),
     "2025-08-29", HTML_META),
    ("name-meta", _page('<meta name="pubdate" content="2024-01-06">'), "2024-01-06", HTML_META),
    ("itemprop-meta", _page('<meta itemprop="datePublished" content="2023-09-02T20:16:00Z">'), "2023-09-02", HTML_META),
    ("meta-order", _page('<meta name="date" content="2020-01-01"><meta property="og:published_time" '
                         'content="2019-12-31T23:00:00Z">'), "2019-12-31", HTML_META),
    ("json-ld", _page('<script type="application/ld+json">' + json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2022-07-20T08:00:00+03:00"})
        + "</script>"), "2022-07-20", JSON_LD),
    ("json-ld-graph", _page('<script type="application/ld+json">' + json.dumps(
        {"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "datePublished": "2021-01-21"}]})
        + "</script>"), "2021-01-21", JSON_LD),
    ("json-ld-list", _page('<script type="application/ld+json">[{"@type": "Organization"}, '
                           '{"@type": "Article", "datePublished": "2018-11-03"}]</script>'), "2018-11-03", JSON_LD),
    ("time-pubdate", _page(body='<time datetime="2017-01-01">قديم</time><time pubdate datetime="2016-07-07">'
                                '7 تموز</time>'), "2016-07-07", TIME_TAG),
    ("time-first", _page(body='<p>نشر</p><time datetime="2016-03-29T09:00">'), "2016-03-29", TIME_TAG),
    ("broken-json-ld", _page('<script type="application/ld+json">{"datePublished": </script>'), None, None),
    ("future-meta", _page('<meta name="pubdate" content="2031-05-05">'), None, None),
    ("no-date", _page(), None, None),
]


@pytest.mark.parametrize("html, day, method", [c[1:] for c in HTML_CASES], ids=[c[0] for c in HTML_CASES])
def test_from_html(html, day, method):
    found = from_html(html, today=TODAY_)
    assert (found.date, found.method) == (day, method) if day else found is None


URL_CASES = [
    ("ymd-unpadded", "https://news.example/arabworld/2020/8/13/إدلب-غارة", "2020-08-13"),
    ("ymd-padded", "https://example.com/iraq/2019/10/03/%D8%A7%D9%84%D8%B9%D9%81%D9%88", "2019-10-03"),
    ("iso-slug", "https://example.org/article/2022-07-20-barkh-village", "2022-07-20"),
    ("details", "https://example.net/news/details/2026/1/6/2920456/title", "2026-01-06"),
    ("query-ddmmyyyy", "https://example.com/news/view.aspx?cdate=21012026&id=a0bd", "2026-01-21"),
    ("month-only", "https://example.com/2017/09/slug/", None),
    ("impossible-day", "https://example.com/2019/02/30/slug", None),
    ("id-not-date", "https://example.com/news/20250829", None),
    ("future", "https://example.com/2030/01/01/slug", None),
    ("none", None, None),
]


@pytest.mark.parametrize("url, day", [c[1:] for c in URL_CASES], ids=[c[0] for c in URL_CASES])
def test_from_url(url, day):
    found = from_url(url, today=TODAY_)
    assert (found.date, found.method) == (day, URL_PATH) if day else found is None


TEXT_CASES = [
    ("labelled-iso", "خبر عن اشتباكات\nنشر بتاريخ 2025-08-29\nاندلعت اشتباكات أمس في ريف حلب.", "2025-08-29", LABELLED),
    ("labelled-month", "تاريخ النشر: 12 شباط 2026\nقتل شخصان بقصف مدفعي.", "2026-02-12", LABELLED),
    ("labelled-english", "Published on 2024-04-01\nقصفت طائرات مسيرة مواقع في ريف دمشق.", "2024-04-01", LABELLED),
    ("today-with-date", "أعلنت خلية الإعلام الأمني، اليوم الجمعة 6 شباط 2026، مقتل ثلاثة مسلحين.", "2026-02-06", TODAY),
    ("today-parenthesis", "أعلنت القيادة، اليوم الإثنين (4 نيسان 2022)، إصابة ضابطين.", "2022-04-04", TODAY),
    ("today-levantine", "فجر اليوم الثلاثاء 20 كانون الثاني 2026 اندلع حريق في السجن.", "2026-01-20", TODAY),
    ("dateline-numeric", "قتل عنصران في هجوم\n06-01-2024\nقتل عنصران بالحشد الشعبي.", "2024-01-06", DATELINE),
    ("dateline-dots", "مسيرة تستهدف سيارة\n2023.09.02 | 20:16 دمشق\nاستهدفت مسيرة سيارة قرب القامشلي.",
     "2023-09-02", DATELINE),
    ("dateline-weekday", "وكالة أنباء\n• الاثنين, 20 مايو - 2024\nأعلنت القوات مقتل اثنين من عناصرها.",
     "2024-05-20", DATELINE),
    ("dateline-earliest", "الخميس 15 أيار 2025\nشعار الموقع\nتنظيم يتبنى هجوما\n2016-03-11 09:37:28 AM\n"
                          "أعلن التنظيم أمس تبنيه الهجوم.", "2016-03-11", DATELINE),
    ("dateline-last-line", "اعتقلت القوات ثلاثة مطلوبين في حملة أمنية بريف الرقة.\n\n11/11/2016", "2016-11-11", DATELINE),
    # a date that is the event's, not the report's: no publication date
    ("event-day-not-today", "استهدفت غارة إسرائيلية يوم الإثنين 1 أبريل 2024 مبنى في دمشق.", None, None),
    ("future-call", "دعت قوى مدنية اليوم الثلاثاء إلى تظاهرة يوم الجمعة القادم 12 أغسطس 2022.", None, None),
    ("date-in-a-sentence", "قال التقرير إن 20 شخصا قتلوا منذ 3 آذار 2019 في المحافظة وإن الحصيلة مرشحة للارتفاع.",
     None, None),
    ("yearless-today", "أعلن التنظيم اليوم الأربعاء 3 آب مسؤوليته عن الهجوم.", None, None),
    # yearless, with a weekday: the one year the text writes in which that day is that weekday
    ("yearless-weekday-year-in-text", "انفجرت سيارة مفخخة اليوم، السبت 16 من تشرين الثاني، في مدينة الباب.\n"
                                      "وهي الأعنف منذ مطلع عام 2019 في المدينة.", "2019-11-16", TODAY),
    ("yearless-weekday-wrong-year", "انفجرت سيارة مفخخة اليوم، السبت 16 من تشرين الثاني، في المدينة.\n"
                                    "وهي الأعنف منذ عام 2018.", None, None),
    ("yearless-no-weekday", "قال المتحدث اليوم 16 تشرين الثاني إن الهجوم هو الأعنف منذ عام 2019.", None, None),
    ("yearless-two-fitting-years", "أعلن الجيش اليوم الأربعاء 3 آب مقتل مسلحين، بعد هجمات عامي 2016 و2022.",
     None, None),
    ("no-date", "اشتباكات عنيفة في ريف دير الزور الشرقي.", None, None),
]


@pytest.mark.parametrize("text, day, method", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_from_text(text, day, method):
    found = from_text(text, today=TODAY_)
    assert (found.date, found.method) == (day, method) if day else found is None


def test_a_year_in_the_url_pins_a_yearless_today():
    text = "نقلت الوكالة اليوم، الأحد 27 من تشرين الأول، عن مسؤول أن العملية انتهت."
    assert from_text(text, today=TODAY_) is None
    found = from_text(text, today=TODAY_, url="https://example.com/2019/10/report-title")
    assert (found.date, found.method) == ("2019-10-27", TODAY)


def test_complete_dates_an_undated_document_and_says_how():
    doc = make_document("قتل جنديان اليوم بانفجار عبوة ناسفة قرب الطارمية.", url="https://example.iq/2025/08/31/x")
    complete(doc)
    assert doc.published == "2025-08-31"
    assert doc.meta["published_note"].startswith("recovered: a date in the URL")
    assert is_recovered(doc.meta) and doc.meta["published_recovered"] == URL_PATH


def test_complete_leaves_a_dated_document_alone():
    doc = make_document("نص", url="https://example.iq/2025/08/31/x", published="2024-01-01")
    complete(doc)
    assert doc.published == "2024-01-01" and "published_note" not in doc.meta


def test_url_before_text_and_nothing_found_leaves_it_undated():
    doc = Document("d1", "نشر بتاريخ 2020-01-02\nنص الخبر.", url="https://example.com/2021/3/4/x")
    assert complete(doc).published == "2021-03-04"
    bare = Document("d2", "نص بلا تاريخ.", url="https://example.com/news/123")
    assert complete(bare).published is None and bare.meta == {}


def test_a_stated_date_is_noted_but_not_flagged_recovered():
    doc = Document("d3", "نص")
    set_recovered(doc, Recovered("2025-01-02", FEED, "published"))
    assert doc.meta["published_note"].startswith("stated: the feed entry") and not is_recovered(doc.meta)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY_), st.sampled_from(["/{y}/{m}/{d}/", "/{y}/{m:02d}/{d:02d}/",
                                                                                  "/{y}-{m:02d}-{d:02d}-slug"]))
def test_any_date_in_a_url_path_is_read_back(day, pattern):
    url = "https://example.com/news" + pattern.format(y=day.year, m=day.month, d=day.day) + "title"
    assert from_url(url, today=TODAY_).date == day.isoformat()


@given(st.text(max_size=300))
def test_text_recovery_never_fails_and_gives_only_plausible_days(text):
    found = from_text(text, today=TODAY_)
    assert found is None or plausible(found.date, TODAY_) == found.date


@given(st.text(max_size=200))
def test_html_recovery_never_fails_on_junk(text):
    found = from_html("<html><head><meta name='date' content='" + text + "'></head>" + text, today=TODAY_)
    assert found is None or plausible(found.date, TODAY_) == found.date


# -- at ingest, for every input kind -----------------------------------------------------------------
ARREST_AR = "اعتقلت قوات الأمن ثلاثة مطلوبين في حملة أمنية بريف الرقة الشمالي وصادرت أسلحة كانت بحوزتهم."
INGEST_KINDS = [
    ("dateline.txt", "حملة أمنية في ريف الرقة\nنشر بتاريخ 2025-08-29\n" + ARREST_AR, "2025-08-29"),
    ("url.json", json.dumps({"doc_id": "k-json", "url": "https://news.example/syria/2024/3/7/raqqa-arrests",
                             "text": ARREST_AR}, ensure_ascii=False), "2024-03-07"),
    ("lines.jsonl", json.dumps({"doc_id": "k-jsonl", "text": "أعلنت القيادة، اليوم الإثنين (4 نيسان 2022)، أنها "
                                + ARREST_AR}, ensure_ascii=False) + "\n", "2022-04-04"),
    ("meta.html", '<html lang="ar"><head><meta charset="utf-8"><title>حملة أمنية</title><meta property='
                  '"article:published_time" content="2023-09-02T20:16:00+03:00"></head><body><article><h1>حملة أمنية'
                  f"</h1><p>{ARREST_AR}</p><p>{ARREST_AR}</p></article></body></html>", "2023-09-02"),
    ("feed.xml", '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نشرة</title><item>'
                 "<title>حملة أمنية</title><link>https://news.example/iraq/2021/01/21/raqqa</link>"
                 f"<description>{ARREST_AR}</description></item></channel></rss>", "2021-01-21"),
]


@pytest.mark.parametrize("name, content, day", INGEST_KINDS, ids=[c[0] for c in INGEST_KINDS])
def test_ingest_recovers_the_date_of_every_input_kind(tmp_path, name, content, day):
    """`marsad ingest` completes an undated report's publication date whatever it was read from (text,
    JSON, JSONL, HTML, a feed) and keeps how it was found in the document's published_note."""
    from marsad.ingest import ingest
    from marsad.store import Store
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with Store(tmp_path / "k.db") as store:
        report = ingest([path], store)
        assert report.ok and len(report.added) == 1, report.errors
        doc = store.get_document(report.added[0])
    assert doc.published == day
    assert doc.meta.get("published_note"), doc.meta
