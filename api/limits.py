"""Bounds on what a request may send, enforced before anything is parsed or buffered: the query
string, and the body (counted as it streams in, so a 1 GB upload is stopped at the limit)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem

# Above the longest query string the OpenAPI document allows (a search with every filter at its
# maxLength in 4-byte characters, percent-encoded: about 21 KB), so whatever it allows gets through
MAX_QUERY_STRING = 32 * 1024
MAX_JSON_BODY = 64 * 1024
MULTIPART_SLACK = 1024 * 1024  # form fields and part headers around the file


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it through as a 413."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes")


class RequestLimits:
    def __init__(self, app: ASGIApp, upload_bytes: int, upload_paths: tuple[str, ...] = ("/api/documents",)):
        self.app = app
        self.upload_bytes = upload_bytes
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING:
            await problem(413, f"the query string is over {MAX_QUERY_STRING:,} bytes")(scope, receive, send)
            return
        limit = self.upload_bytes + MULTIPART_SLACK if scope["path"] in self.upload_paths else MAX_JSON_BODY
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await problem(413, BodyTooLarge(limit).detail)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)
