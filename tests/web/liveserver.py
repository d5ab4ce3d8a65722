"""Run the marsad app with uvicorn in a background thread on a free 127.0.0.1 port."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path, token: str | None = None, preparation=None):
    import uvicorn

    from marsad.web.api import create_app
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=token, preparation=preparation), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def browser_page(width: int = 1400, height: int = 1300):
    """A Chromium page. The page's CSP is bypassed so that Playwright can evaluate its checks;
    this also shows the escaping holds on its own, without CSP's help."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="ar", bypass_csp=True)
            page.set_default_timeout(10_000)
            yield page
        finally:
            browser.close()
