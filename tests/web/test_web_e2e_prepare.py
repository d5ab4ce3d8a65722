"""The dashboard while `serve` still catches up (/api/health "preparing"), in headless Chromium: the
header says which step runs and that figures may be incomplete; once ready the note goes and the
figures are reloaded."""
from __future__ import annotations

import os

import pytest
from liveserver import CHROMIUM, browser_page, live_server

pytestmark = pytest.mark.e2e

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (`make browser` or apt-get install chromium); "
                "skipping the browser tests", allow_module_level=True)

from test_web_e2e import build_demo_db  # noqa: E402  (after the skip: it needs chromium too)


class Catching:
    """A stand-in for bridge.Preparation whose step the test moves on."""

    def __init__(self) -> None:
        self.step: str | None = "summary"

    def status(self) -> dict:
        return {"state": "preparing", "step": self.step} if self.step else {"state": "ready"}


def test_the_header_says_the_database_is_being_prepared(tmp_path):
    db = tmp_path / "demo.db"
    build_demo_db(db)
    prep = Catching()
    with live_server(db, preparation=prep) as url, browser_page() as page:
        page.goto(url + "/?lang=en")
        note = page.locator("#prep-note")
        note.wait_for(state="visible")
        assert "events summary" in note.inner_text() and note.get_attribute("data-step") == "summary"
        page.wait_for_function("document.body.dataset.loaded")      # the dashboard works meanwhile
        prep.step = "search"
        page.wait_for_function("document.getElementById('prep-note').dataset.step === 'search'")
        assert "search index" in note.inner_text()
        loaded = page.evaluate("document.body.dataset.loaded")
        prep.step = None
        note.wait_for(state="hidden")
        page.wait_for_function(f"document.body.dataset.loaded !== '{loaded}'")   # figures reloaded
