"""Behaviour held still: the JSON of a fixed set of CLI calls, and the graph's content checksum,
after ingesting the five seeds and one Ofsted report, equal what was recorded.

A change that alters any of them on purpose re-records them:
`python -m pytest tests/test_recorded_outputs.py --record-outputs`, and the diff of
tests/fixtures/recorded_outputs.json shows what moved. Floats are compared at four decimals, long
text by digest, and embeddings and run bookkeeping are left out of the checksum, so another
CPU's last bits do not count.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg import server
from kg.backup import graph_checksum
from kg.connection import Graph
from kg.model.settings import PROJECT_ROOT, Settings
from kg.schema import init_schema
from tests.conftest import SHARED, free_port, make_settings, run_cli, settings_env

LONGEST_QUOTE = 160
RECORDED = Path(__file__).parent / "fixtures" / "recorded_outputs.json"
REPORT = "ofsted/2532283_dorset/children's services inspection - 19 november 2021.pdf"
CALLS: dict[str, list[str]] = {
    "council": ["council", "Lincolnshire", "--json"],
    "council_with_report": ["council", "Dorset", "--json"],
    "search": ["search", "reducing reliance on agency social workers", "--limit", "5", "--json"],
    "search_filtered": ["search", "early help", "--council", "Lincolnshire", "--limit", "3", "--json"],
    "similar": ["similar", "Lincolnshire", "--json"],
    "what_worked": ["what-worked", "--council", "Bexley", "--question", "stabilise the workforce", "--json"],
    "what_worked_profile": ["what-worked", "--type", "County", "--grade", "requires_improvement",
                            "--question", "reach good", "--json"],
    "interventions": ["interventions", "--json"],
    "intervention": ["intervention", "Signs of Safety", "--json"],
    "outcomes": ["outcomes", "--json"],
    "enablers": ["enablers", "--json"],
    "extract_case_study": ["extract", str(SHARED / "corpus" / "seeds" / "002_91d99006c628f2e2.txt"), "--json"],
    "extract_news": ["extract", str(SHARED / "corpus" / "seeds" / "000_37e01896d5b40164.txt"), "--json"],
}
# Not content: when and by which run or build a node was written, and vectors whose last bits
# depend on the CPU.
CHECKSUM_IGNORES = {"ignore_labels": ["IngestRun", "EmbeddingModel"], "ignore_types": ["ADDED", "UPDATED"],
                    "ignore_properties": ["embedding", "ingested_at", "ingest_run", "score"]}


# The calls through the CLI's own app, in one process so the model loads once.
_ALL_CALLS_IN_ONE_PROCESS = """
import contextlib, io, json, sys
from evidence.cli import app
outputs = {}
for name, args in json.loads(sys.argv[1]).items():
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        app(args, standalone_mode=False)
    outputs[name] = printed.getvalue()
print(json.dumps(outputs))
"""


def comparable(value: Any) -> Any:
    """Floats at four decimals; paths into ../shared from its folder, wherever a clone has it; text
    longer than a short quote as its digest, so no passage of the corpus is kept in the repo."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, str) and value.startswith(str(SHARED)):
        value = "../shared" + value.removeprefix(str(SHARED))
    if isinstance(value, str) and len(value) > LONGEST_QUOTE:
        return "sha1:" + hashlib.sha1(value.encode()).hexdigest()
    if isinstance(value, list):
        return [comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    return value


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Iterator[tuple[Settings, Graph]]:
    """A Neo4j of its own: full-text scores count the terms of every document a server's index has
    held, deleted ones included, so a server other tests wrote to would rank differently."""
    settings = make_settings(tmp_path_factory.mktemp("recorded-home"), free_port())
    server.start(settings)
    try:
        with Graph(settings) as graph:
            init_schema(graph)
            yield settings, graph
    finally:
        server.stop(settings)


@pytest.fixture(scope="module")
def outputs(fresh) -> dict[str, Any]:
    settings, graph = fresh
    assert run_cli(settings, "councils", "load").returncode == 0
    ingested = run_cli(settings, "ingest", str(SHARED / "corpus" / "seeds"), str(SHARED / "corpus" / REPORT),
                       "--json")
    assert ingested.returncode == 0, ingested.stderr
    calls = subprocess.run([sys.executable, "-c", _ALL_CALLS_IN_ONE_PROCESS, json.dumps(CALLS)],
                           capture_output=True, text=True, timeout=900, env=settings_env(settings), cwd=PROJECT_ROOT)
    assert calls.returncode == 0, calls.stderr
    found = {name: comparable(json.loads(output)) for name, output in json.loads(calls.stdout).items()}
    found["graph_checksum"] = graph_checksum(graph, **CHECKSUM_IGNORES)
    return found


def test_cli_outputs_and_checksum_are_as_recorded(outputs, request) -> None:
    if request.config.getoption("--record-outputs"):
        RECORDED.write_text(json.dumps(outputs, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    recorded = json.loads(RECORDED.read_text())
    for name in [*CALLS, "graph_checksum"]:
        if outputs[name] != recorded[name]:
            pytest.fail(f"{name} differs from {RECORDED.name} (re-record on purpose):\n" + "\n".join(
                difflib.unified_diff(as_lines(recorded[name]), as_lines(outputs[name]), "recorded", "now", lineterm="")))


def as_lines(value: Any) -> list[str]:
    """One line per field in a fixed key order, so a failure shows only the lines that moved."""
    return json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True).splitlines()
