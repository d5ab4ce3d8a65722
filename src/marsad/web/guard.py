"""ASGI guards around the API: security headers on every response, and for requests with a body
the token and size checks done before a byte of the body is read (so an unauthenticated or
oversized POST costs nothing). Pure ASGI, so they also cover streamed and chunked bodies."""
from __future__ import annotations


import json
from collections.abc import Mapping

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse

_READ_ONLY = frozenset({"GET", "HEAD", "OPTIONS"})


class SecurityHeaders:
    def __init__(self, app, headers: list[tuple[bytes, bytes]]) -> None:
        self.app, self.headers = app, headers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _reply(status: int, detail: str, extra: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=extra)


class WriteGuard:
    """For a request with a body: with a token set, 401/403 before reading it; then 413 for a body
    over ``max_body`` bytes (by Content-Length, or counted as it streams in)."""

    def __init__(self, app, token: str | None, max_body: int) -> None:
        self.app, self.token, self.max_body = app, token, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in _READ_ONLY:
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _drain_nothing(refusal, scope, receive, send)
            return
        seen, over = 0, False

        async def counted():
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:      # stop reading; the app sees the body end here,
                    over = True               # and whatever it answers is replaced by a 413
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def replaced(message):
            if not over:
                await send(message)
            elif message["type"] == "http.response.start":
                await self._too_large()(scope, receive, send)

        await self.app(scope, counted, replaced)

    def _refusal(self, scope, headers: Headers) -> JSONResponse | None:
        if self.token and scope["path"].startswith("/api/"):
            from fastapi import HTTPException

            from marsad.web.api import check_token
            try:
                check_token(self.token, headers.get("authorization"), headers.get("x-marsad-token"))
            except HTTPException as exc:
                return _reply(exc.status_code, exc.detail, exc.headers)
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _reply(400, "bad Content-Length")
            if int(length) > self.max_body:
                return self._too_large()
        return None

    def _too_large(self) -> JSONResponse:
        return _reply(413, f"request body too large (the limit is {self.max_body} bytes)")


async def _drain_nothing(response: JSONResponse, scope, receive, send) -> None:
    """Answer without reading the body; the server closes the connection after it."""
    response.headers["connection"] = "close"
    await response(scope, receive, send)


class _AsciiJSON(JSONResponse):
    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def validation_error(_request: Request, exc) -> JSONResponse:
    """422 without echoing the input back: a 2 MB text is not worth returning, and a lone surrogate
    in it could not even be encoded (it made FastAPI's own handler fail with a 500)."""
    from fastapi.encoders import jsonable_encoder

    errors = [{k: v for k, v in e.items() if k not in ("input", "ctx", "url")} for e in exc.errors()]
    return _AsciiJSON({"detail": jsonable_encoder(errors)}, status_code=422)


def server_error(_request: Request, exc: Exception) -> JSONResponse:
    """500 with the security headers (Starlette sends this one outside every middleware)."""
    from marsad.web.api import security_headers

    response = JSONResponse({"detail": "internal error"}, status_code=500)
    for k, v in security_headers():
        response.headers[k.decode()] = v.decode()
    return response


__all__ = ["SecurityHeaders", "WriteGuard", "server_error", "validation_error"]
