"""Each dashboard feature an analyst works with, in headless Chromium: export of the filtered view,
totals that follow the filters, filters in the URL, the map fitted to the filter and the picked event
ringed, labelled base map, trend charts, the incidents view, the paged ledger with series, paging,
the Arabic/English switch, the phone layout, human actor names, a claims-only report, /docs offline."""
from __future__ import annotations

import io
import json
import os
import re

import pandas as pd
import pytest
from liveserver import CHROMIUM, browser_page, live_server

pytestmark = pytest.mark.e2e

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (`make browser` or apt-get install chromium); "
                "skipping the browser tests", allow_module_level=True)

from test_web_e2e import build_demo_db  # noqa: E402  (after the skip: it needs chromium too)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("dash") / "demo.db"
    build_demo_db(db)
    from marsad.web import bridge, queries
    conn = queries.connect(db)
    bridge.update_incidents(conn)
    conn.close()
    with live_server(db) as url, browser_page() as page:
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith(url) or r.url.startswith("data:")
                else problems.append(f"external request: {r.url}"))
        yield {"page": page, "url": url, "problems": problems}


def open_page(site, query: str = ""):
    page = site["page"]
    page.goto(site["url"] + "/" + query)
    page.wait_for_selector("#events tbody tr")
    page.wait_for_function("document.body.dataset.loaded")
    return page


def total(page, key: str) -> int:
    text = page.locator(f'#totals [data-key="{key}"]').inner_text()
    digits = re.findall(r"[\d,]+", text)
    if digits:
        return int(digits[0].replace(",", ""))
    return {"حدثان": 2, "تقريران": 2, "قتيلان": 2}.get(text.split()[0], 1)


def test_export_button_downloads_the_filtered_view(site):
    page = open_page(site)
    page.select_option("#f-admin1", "Raqqa")
    page.wait_for_function("document.querySelector('#export-btn').href.includes('admin1=Raqqa')")
    page.wait_for_function("[...document.querySelectorAll('#events tbody tr')].every("
                           "r => r.cells[3].textContent === 'Raqqa')")
    href = page.locator("#export-btn").get_attribute("href")
    body = page.request.get(site["url"] + href).body()
    assert body.startswith(b"\xef\xbb\xbfevent_id_cnty,event_date,year,time_precision,disorder_type")
    frame = pd.read_csv(io.BytesIO(body), encoding="utf-8-sig")
    assert len(frame) == page.locator("#events tbody tr").count() and set(frame.admin1) == {"Ar-Raqqa"}
    page.select_option("#export-format", "geojson")
    href = page.locator("#export-btn").get_attribute("href")
    assert "format=geojson" in href and "admin1=Raqqa" in href
    data = json.loads(page.request.get(site["url"] + href).body())
    assert data["type"] == "FeatureCollection" and data["features"]
    assert site["problems"] == []


def test_totals_follow_the_filters(site):
    page = open_page(site)
    all_events = total(page, "events")
    page.select_option("#f-type", "Strategic developments")
    page.wait_for_function("document.querySelector('#totals').dataset.filtered === 'true'")
    page.wait_for_function("[...document.querySelectorAll('#events tbody tr')].every("
                           "r => r.dataset.type === 'Strategic developments')")
    filtered = total(page, "events")
    assert 0 < filtered < all_events
    assert filtered == page.locator("#events tbody tr").count()
    assert total(page, "documents") <= filtered


def test_filters_live_in_the_url(site):
    page = open_page(site)
    page.select_option("#f-admin1", "Deir ez-Zor")
    page.wait_for_url(re.compile(r"admin1=Deir\+ez-Zor|admin1=Deir%20ez-Zor"))
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_function("document.body.dataset.loaded")
    assert page.locator("#f-admin1").input_value() == "Deir ez-Zor"
    assert all(r.inner_text().find("Deir ez-Zor") >= 0 for r in page.locator("#events tbody tr").all())
    page = open_page(site, "?event_type=Strategic+developments&event=t-arrest%3A1&doc=t-arrest")
    assert page.locator("#f-type").input_value() == "Strategic developments"
    page.locator("#report mark.evidence").wait_for()
    assert page.locator("#report").get_attribute("data-doc-id") == "t-arrest"


def test_map_fits_the_filter_and_rings_the_picked_event(site):
    page = open_page(site)
    start_zoom = int(page.locator("#map").get_attribute("data-zoom"))
    page.select_option("#f-admin1", "Raqqa")
    page.wait_for_function(f"Number(document.querySelector('#map').dataset.zoom) > {start_zoom}")
    bounds = page.evaluate("(() => { const b = Marsad.state.map.map.getBounds(); "
                           "return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()")
    assert bounds[0] < 35.95 < bounds[2] and bounds[1] < 39.0 < bounds[3]       # Raqqa's events in view
    page.locator("#events tbody tr").first.click()
    page.locator("#map path.picked").wait_for()
    assert page.locator("#map path.picked").count() == 1


def test_base_map_has_place_labels(site):
    page = open_page(site)
    page.wait_for_selector("#map .map-label.gov")
    labels = page.locator("#map .map-label.gov").all_inner_texts()
    assert "دير الزور" in labels and "الرقة" in labels
    page.evaluate("Marsad.state.map.map.setView([35.33, 40.14], 9, {animate: false})")
    page.wait_for_selector("#map .map-label.city")
    assert page.locator("#map .map-label.city, #map .map-label.town").count() > 3


def test_base_map_draws_the_borders(site):
    page = open_page(site)
    page.wait_for_selector("#map path.boundary.admin1")
    for country in ("SY", "IQ", "TR", "JO", "LB"):                       # each neighbour's outline
        assert page.locator(f"#map path.boundary.admin0.c-{country}").count() == 1, country
    assert page.locator("#map path.boundary.admin1.c-SY").count() == 14      # Syria's governorates
    assert page.locator("#map path.boundary.admin1.c-IQ").count() >= 18      # Iraq's
    panes = page.evaluate("['overlayPane', 'rivers'].map(p => Marsad.state.map.map.getPane(p)"
                          ".querySelectorAll('path.boundary').length)")
    assert panes[0] > 50 and panes[1] == 0                                   # under the rivers


def river_labels(page) -> dict[str, str]:
    return page.eval_on_selector_all("#map .map-label.river span",
                                     "ss => Object.fromEntries(ss.map(s => [s.dataset.river, s.textContent]))")


def test_base_map_draws_the_rivers_named_in_arabic(site):
    page = open_page(site)
    page.wait_for_selector("#map .map-label.river")
    assert page.locator("#map path.river.rank-1").count() == 2                 # the Euphrates and the Tigris
    assert page.locator("#map path.river.rank-2").count() >= 8 and page.locator("#map path.river.rank-3").count() == 1
    assert page.evaluate("Marsad.state.map.map.getZoom()") < 7
    assert river_labels(page) == {"euphrates": "الفرات", "tigris": "دجلة"}      # the widest view: the great two
    panes = page.evaluate("['overlayPane', 'rivers', 'markerPane'].map("
                          "p => +getComputedStyle(Marsad.state.map.map.getPane(p)).zIndex)")
    assert panes[0] < panes[1] < panes[2]                 # over the boundaries' fill, under the events
    # each name sits on its river, on screen, turned along it
    box = page.locator("#map").bounding_box()
    for span in page.locator("#map .map-label.river span").all():
        b = span.bounding_box()
        assert b and b["width"] > 0
    assert any("rotate(" in s and "rotate(0deg)" not in s for s in
               page.eval_on_selector_all("#map .map-label.river span", "ss => ss.map(s => s.style.transform)"))
    page.evaluate("Marsad.state.map.map.setView([35.9, 40.6], 8, {animate: false})")   # al-Hasakah, Deir ez-Zor
    page.wait_for_selector('#map .map-label.river span[data-river="khabur"]')
    labels = river_labels(page)
    assert {labels[k] for k in ("khabur", "orontes", "great_zab", "little_zab", "euphrates")} == {
        "الخابور", "العاصي", "الزاب الكبير", "الزاب الصغير", "الفرات"}
    khabur = page.locator('#map .map-label.river span[data-river="khabur"]').bounding_box()
    assert box["x"] <= khabur["x"] <= box["x"] + box["width"] and box["y"] <= khabur["y"] <= box["y"] + box["height"]
    # the layer control hides and shows the rivers with their names
    page.locator("#map .leaflet-control-layers").hover()
    page.locator("#map .leaflet-control-layers label", has_text="الأنهار").locator("input").uncheck()
    assert page.locator("#map path.river").count() == 0 and page.locator("#map .map-label.river").count() == 0
    page.locator("#map .leaflet-control-layers label", has_text="الأنهار").locator("input").check()
    assert page.locator("#map path.river").count() > 10 and river_labels(page)["khabur"] == "الخابور"
    assert "GSHHG" in page.locator("#attribution").inner_text()
    assert site["problems"] == []                                               # no request leaves the machine


def test_river_names_follow_the_language(site):
    page = open_page(site, "?lang=en")
    page.wait_for_selector("#map .map-label.river")
    page.evaluate("Marsad.state.map.map.setView([35.0, 38.5], 7, {animate: false})")
    page.wait_for_selector('#map .map-label.river span[data-river="orontes"]')
    labels = river_labels(page)
    assert labels["euphrates"] == "Euphrates" and labels["orontes"] == "Orontes" and labels["khabur"] == "Khabur"
    assert page.locator("#map .leaflet-control-layers label", has_text="Rivers").count() == 1
    assert site["problems"] == []


def test_trend_charts_by_month_and_type(site):
    page = open_page(site)
    bars = page.locator("#trend-events rect")
    assert bars.count() > 2 and page.locator("#trend-fatalities rect").count() > 0
    types = set(page.eval_on_selector_all("#trend-events rect", "rs => rs.map(r => r.dataset.type)"))
    assert len(types) > 1
    page.select_option("#f-type", "Battles")
    page.wait_for_function("[...document.querySelectorAll('#trend-events rect')].every(r => r.dataset.type === 'Battles')")
    months = page.eval_on_selector_all("#trend-events rect", "rs => rs.map(r => r.dataset.month)")
    assert months == sorted(months)


def test_incidents_view_shows_every_reports_figures(site):
    page = open_page(site)
    rows = page.locator("#incidents tbody tr")
    assert rows.count() >= 3
    strike = page.locator("#incidents tbody tr", has_text="Wire A")
    assert strike.count() == 1
    assert strike.get_attribute("data-reports") == "2"
    figures = strike.locator("ul.figures li")
    assert figures.count() == 2
    text = strike.inner_text()
    assert "3" in text and "4" in text and "3–4" in text                      # each report's toll and the range
    strike.locator("ul.figures li a").first.click()
    page.wait_for_function("['t-strike', 't-strike2'].includes(document.querySelector('#report').dataset.docId)")


def test_ledger_with_series_and_filter(site):
    page = open_page(site)
    group = page.locator("#ledger .group", has_text="UN report")
    assert group.count() >= 1
    page.wait_for_selector("#ledger svg.series")
    assert page.locator("#ledger svg.series .point").count() >= 2
    page.fill("#ledger-q", "no such quantity")
    page.wait_for_function("document.querySelectorAll('#ledger .group').length === 0")
    page.fill("#ledger-q", "")
    page.wait_for_function("document.querySelectorAll('#ledger .group').length > 0")


def test_claims_only_report_shows_its_text(site):
    page = open_page(site)
    page.locator("#ledger .claim", has_text="UN report").first.locator("a.doc-link").click()
    page.wait_for_function("document.querySelector('#report').dataset.docId === 't-claims'")
    report = page.locator("#report")
    assert "قدر تقرير للأمم المتحدة" in report.locator(".report-text").inner_text()
    assert report.locator("mark.evidence").count() == 1
    assert report.locator(".doc-claims li").count() == 2


def test_language_switch(site):
    page = open_page(site)
    assert page.locator("html").get_attribute("lang") == "ar"
    assert not page.locator("h1 .en").is_visible()
    page.click("#lang-switch")
    page.wait_for_function("document.documentElement.lang === 'en' && document.body.dataset.loaded")
    page.wait_for_selector("#events tbody tr")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text().strip() == "Marsad"
    assert "lang=en" in page.url
    assert page.locator("#f-type option").first.inner_text() == "All"
    assert "Events" in page.locator("#totals").inner_text() or "events" in page.locator("#totals").inner_text()
    assert "Islamic State" in page.locator("#events tbody").inner_text()
    page.click("#lang-switch")
    page.wait_for_function("document.documentElement.lang === 'ar'")
    assert "lang=en" not in page.url


def test_human_actor_names_no_codes(site):
    page = open_page(site)
    options = page.locator("#f-actor option").all_inner_texts()
    assert any("قوات سوريا الديمقراطية" in o for o in options)
    shown = page.locator("#events tbody").inner_text() + " ".join(options)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b|\bsdf\b", shown), shown


def test_phone_layout(site):
    phone = site["page"].context.browser.new_page(viewport={"width": 390, "height": 844}, locale="ar")
    try:
        phone.goto(site["url"] + "/")
        phone.wait_for_selector("#events tbody tr")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390       # nothing overflows sideways
        header = phone.locator("header.top").bounding_box()
        assert header["width"] <= 390
        assert phone.locator("#legend-box").get_attribute("open") is None           # legend folded away
        map_box = phone.locator("#map").bounding_box()
        assert map_box["width"] <= 390 and map_box["height"] > 300
    finally:
        phone.close()


def test_docs_work_offline(site):
    page = site["page"]
    before = list(site["problems"])
    page.goto(site["url"] + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert "/api/export" in page.locator(".swagger-ui").inner_text()
    assert site["problems"] == before                                            # no CDN, no CSP error


@pytest.fixture(scope="module")
def big(tmp_path_factory, site):
    """230 events and 12 claim groups: enough for the tables and the ledger to page."""
    from marsad.documents import make_document
    from marsad.store import Store, save_extraction
    db = tmp_path_factory.mktemp("big") / "big.db"
    with Store(db) as store:
        with store.transaction():
            for i in range(23):
                doc = make_document(f"تقرير تجريبي رقم {i} عن عشرة اشتباكات في ريف الرقة", doc_id=f"b{i}",
                                    title=f"تقرير {i}", source="مصدر", published="2025-05-01")
                doc.lang = "ar"
                store.insert_document(doc, is_arabic=True, path="tests/web")
        for i in range(23):
            events = [{"event_type": "Battles", "sub_event_type": "Armed clash",
                       "date_start": f"2025-{1 + k % 9:02d}-{1 + i:02d}", "date_end": f"2025-{1 + k % 9:02d}-{1 + i:02d}",
                       "actor1": "sdf", "actor2": "islamic_state", "fatalities": k % 3, "injured": None, "arrested": None,
                       "location": {"name_ar": "الرقة", "name_en": "Raqqa", "country": "SY", "admin1": "Raqqa",
                                    "lat": 35.95 + i / 100, "lon": 39.01 + k / 100, "geo_precision": 1},
                       "evidence": f"اشتباك رقم {k}", "rules": ["trigger.clash", f"actor.pair.{k}"]} for k in range(10)]
            claims = [{"quantity": f"fighters of group {i % 12}", "value_low": 100 + i, "value_high": 200 + i,
                       "qualifier": "range", "place": f"place {i % 12}", "time": f"2024-{1 + i % 12:02d}",
                       "source_ar": "مصدر", "source_en": "a source", "source_kind": "media", "evidence": "قيل"}]
            save_extraction(store, f"b{i}", "v", {"doc_id": f"b{i}", "events": events, "claims": claims})
    with live_server(db) as url:
        yield {"page": site["page"], "url": url}


def test_tables_and_ledger_page(big):
    page = open_page(big)
    assert page.locator("#events tbody tr").count() == 100
    assert re.search(r"1–100\D+230", page.locator("#events-pager").inner_text())
    first = page.locator("#events tbody tr").first.get_attribute("data-event-id")
    page.click("#events-pager button.next")
    page.wait_for_function("document.querySelector('#events-pager .range').textContent.startsWith('101')")
    assert page.locator("#events tbody tr").first.get_attribute("data-event-id") != first
    page.click("#events-pager button.prev")
    page.wait_for_function("document.querySelector('#events-pager .range').textContent.startsWith('1–')")
    groups = page.locator("#ledger .group")
    assert groups.count() == 10 and "12" in page.locator("#ledger-pager").inner_text()
    page.click("#ledger-pager button.next")
    page.wait_for_function("document.querySelectorAll('#ledger .group').length === 2")


def test_event_detail_shows_rule_ids(big):
    page = open_page(big)
    page.locator("#events tbody tr").first.click()
    page.locator("#report .rules code").first.wait_for()
    codes = page.locator("#report .rules code").all_inner_texts()
    assert codes[0] == "trigger.clash" and codes[1].startswith("actor.pair.")


@pytest.fixture(scope="module")
def counted(tmp_path_factory, site):
    """17 events whose types come in counts that need each Arabic counted-noun form: 11 Battles
    (11+: singular accusative), 3 Strategic developments (3-10: plural), 2 Protests (dual) and one
    Riots event that has no date (singular; the timeline's undated bucket)."""
    from marsad.documents import make_document
    from marsad.store import Store, save_extraction
    db = tmp_path_factory.mktemp("counted") / "counted.db"
    kinds = [("Battles", "Armed clash", "sdf", 11), ("Strategic developments", "Arrests", "sdf", 3),
             ("Protests", "Peaceful protest", "protesters", 2), ("Riots", "Violent demonstration", "rioters", 1)]
    with Store(db) as store:
        n = 0
        for event_type, sub, actor, count in kinds:
            for _ in range(count):
                doc = make_document(f"تقرير تجريبي رقم {n} عن حدث في ريف الرقة الشمالي", doc_id=f"c{n}",
                                    title=f"تقرير {n}", source="مصدر", published=None if event_type == "Riots" else "2025-05-01")
                doc.lang = "ar"
                with store.transaction():
                    store.insert_document(doc, is_arabic=True, path="tests/web")
                day = None if event_type == "Riots" else f"2025-0{1 + n % 4}-{1 + n:02d}"
                save_extraction(store, f"c{n}", "v", {"doc_id": f"c{n}", "claims": [], "events": [{
                    "event_type": event_type, "sub_event_type": sub, "date_start": day, "date_end": day,
                    "actor1": actor, "actor2": None, "fatalities": 0, "injured": None, "arrested": None,
                    "location": {"name_ar": "الرقة", "name_en": "Raqqa", "country": "SY", "admin1": "Raqqa",
                                 "lat": 35.95 + n / 100, "lon": 39.01, "geo_precision": 1},
                    "evidence": f"حدث رقم {n}"}]})
                n += 1
    from marsad.web import bridge, queries
    conn = queries.connect(db)
    bridge.update_incidents(conn)
    conn.close()
    with live_server(db) as url:
        yield {"page": site["page"], "url": url}


@pytest.mark.parametrize("event_type,shown", [
    ("", "17 حدثًا"), ("Battles", "11 حدثًا"), ("Strategic developments", "3 أحداث"), ("Protests", "حدثان"),
    ("Riots", "حدث واحد")], ids=["17", "11", "3", "2", "1"])
def test_arabic_counted_nouns(counted, event_type, shown):
    """The issue saw a wrong Arabic plural: counts take the singular, dual, plural or accusative."""
    page = open_page(counted, f"?event_type={event_type.replace(' ', '+')}" if event_type else "")
    assert page.locator("#events-count").inner_text() == f"({shown})"
    assert page.locator('#totals [data-key="events"]').inner_text() == shown


def test_undated_events_are_a_bucket_of_the_timeline(counted):
    """Issue 16's undated bucket: the timeline shows it beside the weeks; clicking it shows only the
    undated events on the map and in the table, a second click shows all again."""
    page = open_page(counted)
    bucket = page.locator("#undated-bucket")
    assert bucket.inner_text() == "بلا تاريخ: 1"
    bucket.click()
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 1")
    assert page.locator("#events tbody tr").first.get_attribute("data-type") == "Riots"
    assert page.locator("#undated-bucket").get_attribute("aria-pressed") == "true"
    assert "بلا تاريخ" in page.locator("#range-label").inner_text()
    page.locator("#undated-bucket").click()
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 17")


def test_a_capped_map_counts_every_event_in_cells(counted):
    """When the filter matches more located events than the map layer holds (5,000; lowered to 5
    here), the map counts every matching event in cells from the server instead of silently showing
    fewer, says so, and counts again as the zoom changes; a narrower filter shows single events."""
    page = counted["page"]
    layer = re.compile(r"/api/events\.geojson")
    page.route(layer, lambda route: route.continue_(
        url=route.request.url + ("&" if "?" in route.request.url else "?") + "limit=5"))
    cells = "[...document.querySelectorAll('#map .grid-icon .cell')]"
    total = f"{cells}.reduce((a, c) => a + Number(c.dataset.events), 0)"
    try:
        page = open_page(counted)
        note = page.locator("#map-note")
        assert note.is_visible() and "(17)" in note.inner_text()
        assert page.evaluate(total) == 17 and page.locator("#map .ev-icon").count() == 0
        zoom = int(page.locator("#map").get_attribute("data-zoom"))
        before = page.locator("#map .grid-icon").count()
        page.evaluate(f"Marsad.state.map.map.setZoom({zoom + 3}, {{animate: false}})")
        page.wait_for_function(f"{cells}.length > {before} && {total} === 17")
        page.evaluate(f"Marsad.state.map.map.setZoom({zoom}, {{animate: false}})")
        page.wait_for_function(f"{cells}.length === {before} && {total} === 17")
        page.select_option("#f-type", "Strategic developments")          # 3 events: all drawn one by one
        page.wait_for_function("document.querySelector('#map-note').hidden")
        page.wait_for_function("document.querySelectorAll('#map .grid-icon').length === 0")
    finally:
        page.unroute(layer)
