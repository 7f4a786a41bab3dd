"""`evidence serve`: the API and the web pages, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import typer
import uvicorn
from fastapi import FastAPI

from evidence.cli.output import console, err_console
from kg.model.settings import get_settings

# Each worker builds its own app from the settings in the environment.
APP_FACTORY = "api.app:create_app"


def server_options(host: str, port: int) -> dict[str, Any]:
    # a request line up to 256 KB reaches the app, which refuses an over-long query string with a
    # problem (413) rather than the HTTP parser dropping it with a bare 400
    return {"host": host, "port": port, "log_level": "info", "h11_max_incomplete_event_size": 256 * 1024}


def server_config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    """How `evidence serve` runs an app, for an app built in this process (the tests')."""
    return uvicorn.Config(app, **server_options(host, port))


def serve(
    host: str = typer.Option(None, help="Address to bind (default EVIDENCE_API_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default EVIDENCE_API_PORT, 8000)."),
    ingest: bool = typer.Option(False, "--ingest", help="Meanwhile load DfE's statistics and ingest the bundled "
                                                     "corpus, each in a process of its own."),
    workers: int = typer.Option(1, min=1, max=32, help="API processes sharing the port (each loads the model)."),
) -> None:
    """Serve the JSON API under /api, /health and the web pages until interrupted."""
    settings = get_settings()
    host, port = host or settings.api_host, port or settings.api_port
    console.print(f"serving http://{host}:{port}/ (API docs at /docs) with {workers} worker"
                  f"{'s' if workers > 1 else ''}; Neo4j at {settings.bolt_uri}")
    # uvicorn re-raises a SIGTERM once it has shut down; as SystemExit it unwinds through `background`
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(128 + signal.SIGTERM))
    with background(["stats", "load"], ["ingest"]) if ingest else nullcontext():
        uvicorn.run(APP_FACTORY, factory=True, workers=workers, **server_options(host, port))


@contextmanager
def background(*commands: list[str]) -> Iterator[None]:
    """`evidence` commands (the statistics load, the corpus ingest) each in a process of its own
    beside the server, so the first answers come while they work (their progress lines go to the
    same log, and a line says how each ended); stopped with the server, and a later run carries on
    where they stopped, unchanged documents and measures being skipped. Each runs in a session of
    its own, so a Ctrl-C reaches it once, from here, and it can end its run as interrupted."""
    started = [(" ".join(command), subprocess.Popen([sys.executable, "-m", "evidence", *command],
                                                     stdin=subprocess.DEVNULL, start_new_session=True))
               for command in commands]
    for name, process in started:
        threading.Thread(target=_report_end, args=(name, process), daemon=True).start()
    try:
        yield
    finally:
        for _, process in started:
            if process.poll() is None:
                process.terminate()
        for _, process in started:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _report_end(name: str, process: subprocess.Popen[bytes]) -> None:
    code = process.wait()
    outcome = "finished" if code == 0 else "stopped" if code in (-signal.SIGTERM, 128 + signal.SIGTERM) else \
        f"exited {code} (see its lines above)"
    err_console.print(f"background `evidence {name}` {outcome}", highlight=False)
