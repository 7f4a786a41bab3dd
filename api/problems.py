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
from starlette.routing import Match, Route

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


HEADERS: dict[int, dict[str, Any]] = {
    401: {"WWW-Authenticate": {"description": "How to send the key.", "schema": {"type": "string"}}},
    503: {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}},
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an operation can answer with, as problem+json only (a `model`
    here would make FastAPI list application/json too, which these answers never are)."""
    return {status: {"description": TITLES[status],
                     "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
                     **({"headers": HEADERS[status]} if status in HEADERS else {})}
            for status in statuses}


# What any operation of the API can answer, whatever it does: given once to every API router (app.py)
PROBLEMS = problem_responses(413, 422, 500, 503)


def document(app: FastAPI) -> None:
    """Adds the Problem schema the responses above refer to (no route names it as a model), and lists
    each operation's responses by status."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            spec.setdefault("components", {}).setdefault("schemas", {})["Problem"] = Problem.model_json_schema()
            for operations in spec["paths"].values():
                for operation in operations.values():
                    operation["responses"] = dict(sorted(operation["responses"].items()))
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def allowed_methods(request: Request) -> str:
    """Every method some route serves at this path, for the `Allow` of a 405 (Starlette lists only
    the first route's, so GET and POST on one path would advertise one of them)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        if isinstance(route, Route) and route.methods and route.matches(request.scope)[0] is not Match.NONE:
            methods |= route.methods
    return ", ".join(sorted(methods))


JSON_PATHS = ("/api", "/health", "/openapi.json", "/docs")


def install(app: FastAPI, html_error: Callable[[Request, int, str, str], Response] | None = None) -> None:
    """Errors of the JSON API are problems; errors of the web pages are pages (via `html_error`)."""

    document(app)

    def respond(request: Request, status: int, detail: str, headers: Mapping[str, str] | None = None,
                **extra: Any) -> Response:
        if html_error is not None and not request.url.path.startswith(JSON_PATHS):
            page = html_error(request, status, TITLES.get(status, "Error"), detail)
            page.headers.update(headers or {})
            return page
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
        headers = dict(error.headers or {})
        if error.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return respond(request, error.status_code, str(error.detail), headers=headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "something went wrong on our side; the error has been logged")
