"""The dashboard in headless Chromium, on the demo data (examples/ ingested and extracted)
plus this folder's own reports (one of them carries <script> and an onerror image)."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from liveserver import CHROMIUM, browser_page, live_server
from webdata import ARREST, make_db

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (`make browser` or apt-get install chromium); "
                "skipping the browser tests", allow_module_level=True)


def build_demo_db(path: Path) -> dict:
    """`marsad ingest examples/ && marsad extract`, through the library, then the test reports."""
    from marsad.ingest import ingest
    from marsad.store import Store
    from marsad.store.runner import extract_pending
    with Store(path) as store:
        rep = ingest([REPO / "examples"], store)
        ext = extract_pending(store)
        demo_events = store.conn.execute("SELECT count(*) FROM events WHERE lat IS NOT NULL").fetchone()[0]
    make_db(path)
    return {"documents": len(rep.added), "extracted": len(ext.extracted), "located_events": demo_events}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    info = build_demo_db(db)
    if info["located_events"] == 0:
        warnings.warn(f"the extractor found no located event in examples/ ({info}); "
                      "the dashboard test runs on the web tests' own reports", stacklevel=1)
    with live_server(db) as url, browser_page() as page:
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith(url) or r.url.startswith("data:")
                else problems.append(f"external request: {r.url}"))
        page.goto(url + "/")
        page.wait_for_selector("#events tbody tr")
        yield {"page": page, "url": url, "info": info, "problems": problems, "db": db}


def rows(page):
    return page.locator("#events tbody tr")


def test_dashboard_loads_offline(demo):
    page = demo["page"]
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".leaflet-marker-icon").count() > 0                # clusters or event markers
    page.wait_for_function("document.querySelectorAll('#map path.leaflet-interactive, #map svg path').length > 50")
    assert page.locator("#timeline rect").count() > 1
    assert demo["problems"] == []                                           # no JS error, no CDN, no tiles


def test_filter_by_type_then_click_shows_highlighted_evidence(demo):
    page = demo["page"]
    total = rows(page).count()
    page.select_option("#f-type", "Strategic developments")
    page.wait_for_function("[...document.querySelectorAll('#events tbody tr')].every("
                           "r => r.dataset.type === 'Strategic developments')")
    filtered = rows(page)
    assert 0 < filtered.count() < total
    target = page.locator('#events tbody tr[data-event-id="t-arrest:1"]')
    target.click()
    mark = page.locator("#report mark.evidence")
    mark.wait_for()
    assert mark.inner_text().strip() == ARREST
    assert page.locator("#report .source a").get_attribute("href") == "https://example.org/a1"
    bg = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")                    # visibly highlighted
    page.select_option("#f-type", "")
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length === {total}")


def test_report_with_script_shows_as_text(demo):
    page = demo["page"]
    page.locator('#events tbody tr[data-event-id="t-ied:1"]').click()
    page.wait_for_function("document.querySelector('#report').dataset.docId === 't-ied'")
    report = page.locator("#report")
    assert "<script>window.__pwned = 1</script>" in report.locator(".report-text").inner_text()
    assert report.locator("script, img").count() == 0
    assert report.locator(".report-title").inner_text().endswith("<b>bold</b>")
    assert report.locator("b", has_text="bold").count() == 0
    assert report.locator(".source a").count() == 0                         # javascript: URL is not a link
    assert page.evaluate("window.__pwned") is None
    assert "IED" in report.inner_text() or "عبوة" in report.inner_text()


def test_related_reports_and_brush(demo):
    page = demo["page"]
    page.locator('#events tbody tr[data-event-id="t-strike:1"]').click()
    page.wait_for_selector("#report .related li")
    assert "غارة للتحالف" in page.locator("#report .related").inner_text()
    before = rows(page).count()
    box = page.locator("#timeline svg").bounding_box()
    page.mouse.move(box["x"] + 25, box["y"] + 40)                           # the first weeks (March 2025)
    page.mouse.down()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.up()
    page.wait_for_function("document.getElementById('range-label').textContent.length > 0")
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length < {before}")
    assert rows(page).count() >= 1


def test_ledger_shows_sources_side_by_side(demo):
    page = demo["page"]
    ledger = page.locator("#ledger")
    assert ledger.locator(".claim").count() >= 2
    text = ledger.inner_text()
    assert "UN report" in text and "Iraqi official" in text
