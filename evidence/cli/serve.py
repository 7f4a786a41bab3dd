"""`evidence serve`: the API and the web pages, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import typer
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from evidence.cli.output import console
from kg.model.settings import get_settings


def server_config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    # a request line up to 256 KB reaches the app, which refuses an over-long query string with a
    # problem (413) rather than the HTTP parser dropping it with a bare 400
    return uvicorn.Config(app, host=host, port=port, log_level="info", h11_max_incomplete_event_size=256 * 1024)


def serve(
    host: str = typer.Option(None, help="Address to bind (default EVIDENCE_API_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default EVIDENCE_API_PORT, 8000)."),
    ingest: bool = typer.Option(False, "--ingest", help="Ingest the bundled corpus in the background meanwhile."),
) -> None:
    """Serve the JSON API under /api, /health and the web pages until interrupted."""
    settings = get_settings()
    host, port = host or settings.api_host, port or settings.api_port
    console.print(f"serving http://{host}:{port}/ (API docs at /docs); Neo4j at {settings.bolt_uri}")
    with background_ingest() if ingest else nullcontext():
        uvicorn.Server(server_config(create_app(settings), host, port)).run()


@contextmanager
def background_ingest() -> Iterator[None]:
    """`evidence ingest` of the bundled corpus in a process of its own beside the server, so the
    first answers come while it reads (its progress lines go to the same log); stopped with the
    server, and a later run carries on where it stopped, unchanged documents being skipped."""
    reader = subprocess.Popen([sys.executable, "-m", "evidence", "ingest"], stdin=subprocess.DEVNULL)
    try:
        yield
    finally:
        if reader.poll() is None:
            reader.terminate()
            reader.wait(timeout=60)
