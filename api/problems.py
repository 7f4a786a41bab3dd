"""Every error the API returns is an RFC 9457 problem (application/problem+json) with a clear
title and detail; the domain's own errors map to fitting status codes."""

from __future__ import annotations

import logging
from typing import Any, Callable, Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from kg.model.errors import (
    Ambiguous,
    EvidenceError,
    GraphUnavailable,
    IngestBusy,
    ModelMismatch,
    NotFound,
    NotReady,
)

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("evidence.api")

TITLES = {400: "Bad request", 401: "API key required", 403: "API key refused", 404: "Not found",
          405: "Method not allowed", 409: "Conflict", 413: "Too large", 422: "Invalid request",
          500: "Internal error", 503: "Evidence graph unavailable"}


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    candidates: list[dict[str, Any]] | None = None
    errors: list[dict[str, Any]] | None = None


def problem(status: int, detail: str, headers: Mapping[str, str] | None = None, **extra: Any) -> JSONResponse:
    body = Problem(title=TITLES.get(status, "Error"), status=status, detail=detail, **extra)
    headers = dict(headers or {})
    if status == 503:
        headers["Retry-After"] = "5"
    if status == 413:
        headers["Connection"] = "close"  # stop reading the rest of an oversized body
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON,
                        headers=headers)


def status_of(error: EvidenceError) -> int:
    if isinstance(error, (GraphUnavailable, NotReady)):
        return 503
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, (Ambiguous, IngestBusy, ModelMismatch)):
        return 409
    return 400


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an endpoint can answer with."""
    return {status: {"model": Problem, "description": TITLES[status],
                     "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for status in statuses}


JSON_PATHS = ("/api", "/health", "/openapi.json", "/docs")


def install(app: FastAPI, html_error: Callable[[Request, int, str, str], Response] | None = None) -> None:
    """Errors of the JSON API are problems; errors of the web pages are pages (via `html_error`)."""

    def respond(request: Request, status: int, detail: str, headers: Mapping[str, str] | None = None,
                **extra: Any) -> Response:
        if html_error is not None and not request.url.path.startswith(JSON_PATHS):
            return html_error(request, status, TITLES.get(status, "Error"), detail)
        return problem(status, detail, headers=headers, **extra)

    @app.exception_handler(EvidenceError)
    async def evidence_error(request: Request, error: EvidenceError) -> Response:
        if isinstance(error, Ambiguous):
            return respond(request, status_of(error), str(error), candidates=error.candidates)
        return respond(request, status_of(error), str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")} for e in error.errors()]
        detail = "; ".join(f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in errors)
        return respond(request, 422, detail or "the request is not valid", errors=errors)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return respond(request, error.status_code, str(error.detail), headers=error.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "something went wrong on our side; the error has been logged")
