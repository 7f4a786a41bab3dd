"""Tests run against a real Neo4j: one embedded server per test session, on a free port, in a
throwaway EVIDENCE_HOME, started and stopped by the project's own server code."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from evidence.cli.serve import server_config
from kg import server
from kg.connection import Graph
from kg.model.settings import PROJECT_ROOT, Settings
from kg.schema import init_schema

SHARED = PROJECT_ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--record-outputs", action="store_true",
                     help="re-record tests/fixtures/recorded_outputs.json (a change of behaviour made on purpose)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(app: FastAPI, timeout_s: float = 30) -> Iterator[str]:
    """The app under a real uvicorn, configured as `evidence serve` configures it (without the access
    log), on a free loopback port; yields its base URL."""
    config = server_config(app, "127.0.0.1", free_port())
    config.access_log = False
    config.configure_logging()
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout_s
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def make_settings(home: Path, port: int, **overrides) -> Settings:
    values = {
        "EVIDENCE_HOME": home, "EVIDENCE_NEO4J_PORT": port,
        "EVIDENCE_NEO4J_HEAP_MB": 1024, "EVIDENCE_NEO4J_PAGECACHE_MB": 256,
        "EVIDENCE_CORPUS_DIR": SHARED / "corpus", "EVIDENCE_REFERENCE_DIR": SHARED / "reference",
    }
    values.update(overrides)
    return Settings(**values)


def settings_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment that makes a subprocess `evidence` talk to the given settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NEO4J_", "EVIDENCE_"))}
    env.update({
        "EVIDENCE_HOME": str(settings.home), "EVIDENCE_NEO4J_PORT": str(settings.neo4j_port),
        "EVIDENCE_CORPUS_DIR": str(settings.corpus_dir), "EVIDENCE_REFERENCE_DIR": str(settings.reference_dir),
        "EVIDENCE_NEO4J_HEAP_MB": str(settings.neo4j_heap_mb),
        "EVIDENCE_NEO4J_PAGECACHE_MB": str(settings.neo4j_pagecache_mb),
        # a test that reads a command's stderr line by line sees no progress lines unless it asks
        "EVIDENCE_PROGRESS_SECONDS": "3600",
    })
    env.update(extra)
    return env


def run_cli(settings: Settings, *args: str, timeout: float = 600, **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evidence", *args], capture_output=True, text=True, timeout=timeout,
        env=settings_env(settings, **extra_env), cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL,
    )


# The CLI's ingest, frozen (SIGSTOP) right after its first document commits: a fault injected then
# (a kill, Neo4j stopped) hits the same point of the run however fast the machine is.
_INGEST_THAT_PAUSES_AFTER_ONE_DOCUMENT = """
import os, signal, sys
import ingest.pipeline
from evidence.cli import main
real_write = ingest.pipeline.write_document
def write_then_pause(*args, **kwargs):
    real_write(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGSTOP)
ingest.pipeline.write_document = write_then_pause
sys.argv = ["evidence", "ingest", sys.argv[1]]
main()
"""


def ingest_paused_after_one_document(settings: Settings, folder: Path, timeout_s: float = 300) -> subprocess.Popen:
    """`evidence ingest folder`, returned once it has paused; SIGCONT resumes it."""
    process = subprocess.Popen([sys.executable, "-c", _INGEST_THAT_PAUSES_AFTER_ONE_DOCUMENT, str(folder)],
                               env=settings_env(settings, EVIDENCE_EMBEDDING_CACHE="false"), cwd=PROJECT_ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout_s
    with open(f"/proc/{process.pid}/stat") as stat:
        while stat.read().rsplit(")", 1)[1].split()[0] != "T":  # the process state
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError(f"the ingest never paused: {process.communicate()[1]}")
            time.sleep(0.05)
            stat.seek(0)
    return process


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    for key in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        os.environ.pop(key, None)
    test_settings = make_settings(tmp_path_factory.mktemp("evidence-home"), free_port())
    server.start(test_settings)
    yield test_settings
    server.stop(test_settings)


@pytest.fixture(scope="session")
def graph(settings: Settings) -> Graph:
    with Graph(settings) as session_graph:
        init_schema(session_graph)
        yield session_graph


def wipe(graph: Graph) -> None:
    """Removes every node (the schema stays)."""
    graph.run_script("graph_wipe")


@pytest.fixture
def empty_graph(graph: Graph) -> Graph:
    """The session's graph with every node removed (schema kept)."""
    wipe(graph)
    return graph
