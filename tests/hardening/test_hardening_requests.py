"""Hostile requests (issue 15, finding 6): the token and the body size are checked before the body
is read; huge offsets are refused; every response, errors included, carries the security headers;
a Host header outside the allow-list is refused."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.web.api import MAX_BODY, create_app

REPORT = {"doc_id": "h-1", "text": "أعلنت قوى الأمن الداخلي اعتقال ثلاثة عناصر من تنظيم داعش في مدينة الحسكة أمس."}
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    db = tmp_path_factory.mktemp("req") / "r.db"
    from marsad.store import Store
    Store(db).close()
    return TestClient(create_app(db, token="s3cret"), raise_server_exceptions=False)


class Body:
    """A streamed request body (no Content-Length) that records how much of it the server read."""

    def __init__(self, size: int, chunk: int = 1 << 20) -> None:
        self.size, self.chunk, self.read = size, chunk, 0

    def stream(self):
        while self.read < self.size:
            self.read += self.chunk
            yield b"x" * self.chunk


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The app under uvicorn on a free local port (the test client would read every body itself)."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
    from liveserver import live_server

    from marsad.store import Store
    db = tmp_path_factory.mktemp("live") / "l.db"
    Store(db).close()
    with live_server(db, token="s3cret") as url:
        yield int(url.rsplit(":", 1)[1])


def _raw_post(port: int, headers: str, first: bytes = b"{") -> bytes:
    """Send a POST announcing a 300 MB body but only its first byte; the answer must come anyway."""
    import socket
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      f"Content-Length: {300 * 1024 * 1024}\r\n{headers}\r\n").encode() + first)
        try:
            return sock.recv(4096)
        except TimeoutError:
            return b"(no answer: the server waits for the body)"


@pytest.mark.parametrize("headers,status", [
    ("", b"401"), ("Authorization: Bearer wrong\r\n", b"403"), ("Authorization: Bearer s3cret\r\n", b"413")])
def test_body_is_refused_before_it_is_read(live, headers, status):
    answer = _raw_post(live, headers)       # used to wait for (and then parse) all 300 MB
    assert answer.split(b"\r\n")[0].split()[1:2] == [status], answer[:200]
    assert b"content-security-policy" in answer.lower()


def test_oversized_body_is_refused_by_length(api):
    r = api.post("/api/documents", content=b"{" + b" " * (MAX_BODY + 1) + b"}",
                 headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]


def test_oversized_chunked_body_is_refused(api):
    body = Body(MAX_BODY * 2)                # no Content-Length: counted as it arrives
    r = api.post("/api/documents", content=body.stream(),
                 headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize("path", ["/api/events", "/api/documents", "/api/claims", "/api/incidents"])
@pytest.mark.parametrize("offset", [2**63, 2**64 + 5, 10**30])
def test_huge_offset_is_a_422_not_a_500(api, path, offset):
    r = api.get(f"{path}?offset={offset}")
    assert r.status_code == 422, r.text


@pytest.mark.parametrize("method,path,kwargs,status", [
    ("get", "/api/nowhere", {}, 404),
    ("get", "/api/events?limit=0", {}, 422),
    ("get", "/api/documents/none-such", {}, 404),
    ("post", "/api/documents", {"json": REPORT}, 401),
    ("post", "/api/documents", {"json": {"text": ""}, "headers": {"X-Marsad-Token": "s3cret"}}, 422),
    ("post", "/api/documents", {"content": b"{" * 10, "headers": {"X-Marsad-Token": "s3cret",
                                                                  "Content-Type": "application/json"}}, 422),
    ("get", "/api/events", {"headers": {"Host": "evil.example"}}, 400),
])
def test_every_error_has_the_security_headers(api, method, path, kwargs, status):
    r = getattr(api, method)(path, **kwargs)
    assert r.status_code == status
    for name in HEADERS:
        assert name in r.headers, (name, r.headers)


def test_a_server_error_has_the_security_headers(tmp_path):
    client = TestClient(create_app(tmp_path / "missing-dir" / "none.db"), raise_server_exceptions=False)
    r = client.get("/api/health")                 # the database cannot be opened: a 500
    assert r.status_code == 500
    for name in HEADERS:
        assert name in r.headers


@pytest.mark.parametrize("host,ok", [
    ("127.0.0.1:8000", True), ("localhost", True), ("testserver", True),
    ("attacker.example", False), ("127.0.0.1.nip.io", False), ("localhost.evil.example:8000", False),
])
def test_host_allow_list(api, host, ok):
    r = api.get("/api/health", headers={"Host": host})
    assert (r.status_code == 200) is ok, r.status_code


def test_validation_error_does_not_echo_the_input(api):
    r = api.post("/api/documents", json={"text": "نص", "doc_id": "a/" + "b" * 150},
                 headers={"X-Marsad-Token": "s3cret"})
    assert r.status_code == 422 and "b" * 150 not in r.text
