"""The embedded default and the command line around it, driven as a user would."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ingest.reference import read_councils
from kg import server
from kg.connection import VERSION_REUSE_S, Graph
from kg.councils import load_councils
from kg.model.settings import PROJECT_ROOT
from tests.conftest import SHARED, free_port, make_settings, run_cli, settings_env


def test_second_start_reports_the_running_server(settings):
    before = server.status(settings)
    result = run_cli(settings, "db", "start")
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    assert server.status(settings).pid == before.pid


def test_status_shows_counts_after_councils_load(settings, empty_graph):
    load = run_cli(settings, "councils", "load")
    assert load.returncode == 0, load.stderr
    status = run_cli(settings, "db", "status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["nodes"]["Council"] == 156 and report["nodes"]["Region"] == 9
    assert report["version"].startswith("Neo4j Kernel 5.26")


def test_password_file_is_private(settings):
    assert settings.password_file.stat().st_mode & 0o777 == 0o600


def test_load_fails_in_one_line_when_nothing_listens(settings, tmp_path):
    dead = f"bolt://127.0.0.1:{free_port()}"
    result = run_cli(settings, "councils", "load", NEO4J_URI=dead, NEO4J_PASSWORD="x")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and dead in lines[0]


def test_load_fails_in_one_line_when_embedded_server_is_stopped(tmp_path):
    stopped = make_settings(tmp_path / "home", free_port())
    server.ensure_password(stopped)
    result = run_cli(stopped, "councils", "load")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "evidence db start" in lines[0], result.stderr


def test_stale_pid_file_is_not_a_running_server(tmp_path):
    stale = make_settings(tmp_path / "home", free_port())
    stale.neo4j_dir.mkdir(parents=True)
    (stale.neo4j_dir / "neo4j.pid").write_text(str(os.getpid()))
    assert server.status(stale).running is False
    assert server.stop(stale) is False


def test_a_second_home_runs_side_by_side_and_stops_cleanly(settings, tmp_path):
    """...with its own JVM options (the session's server runs the default ones)."""
    other = make_settings(tmp_path / "other", free_port(),
                          EVIDENCE_NEO4J_JVM_OPTIONS="-XX:TieredStopAtLevel=1 -Devidence.note='a b'")
    first = server.start(other)
    try:
        assert first.started_now and first.pid != server.status(settings).pid
        arguments = Path(f"/proc/{first.pid}/cmdline").read_bytes().split(b"\0")
        assert b"-XX:TieredStopAtLevel=1" in arguments and b"-Devidence.note=a b" in arguments
        assert b"-XX:TieredStopAtLevel=1" in Path(f"/proc/{server.status(settings).pid}/cmdline").read_bytes()
        again = server.start(other)
        assert again.pid == first.pid and not again.started_now
    finally:
        assert server.stop(other) is True
    assert server.status(other).running is False
    assert server.status(settings).running is True


def test_settings_come_only_from_their_own_variables(monkeypatch):
    """HOME, API_KEY and the like belong to the machine, not to us: a field's own name is no
    variable of ours, or every user's home would become the data home and a stray API_KEY the
    upload key."""
    from kg.model.settings import PROJECT_ROOT, Settings

    for name in ("EVIDENCE_HOME", "EVIDENCE_API_KEY", "EVIDENCE_CORPUS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/tmp/somebody")
    monkeypatch.setenv("API_KEY", "not-ours")
    monkeypatch.setenv("CORPUS_DIR", "/tmp/elsewhere")
    settings = Settings()
    assert settings.home == PROJECT_ROOT / ".evidence"
    assert settings.api_key is None
    assert settings.corpus_dir == PROJECT_ROOT.parent / "shared" / "corpus"
    monkeypatch.setenv("EVIDENCE_API_KEY", "ours")
    assert Settings().api_key.get_secret_value() == "ours"


def test_serve_answers_while_its_background_ingest_reads_the_corpus(settings, empty_graph, tmp_path):
    """`make run`'s last step on a corpus of the five narrative documents and one report: the
    service answers /health at once, says the results are partial while the ingest reads, and
    searches find what has landed; stopping it ends the ingest too."""
    corpus = tmp_path / "corpus"
    (corpus / "ofsted").mkdir(parents=True)
    (corpus / "seeds").symlink_to(SHARED / "corpus" / "seeds")
    manifest = (SHARED / "corpus" / "ofsted" / "MANIFEST.csv").read_text(encoding="utf-8").splitlines()
    (corpus / "ofsted" / "MANIFEST.csv").write_text("\n".join(manifest[:2]) + "\n", encoding="utf-8")
    (corpus / "ofsted" / manifest[1].split(",")[0].split("/")[0]).symlink_to(
        SHARED / "corpus" / "ofsted" / manifest[1].split(",")[0].split("/")[0])
    assert run_cli(settings, "councils", "load").returncode == 0
    port = free_port()
    service = subprocess.Popen([sys.executable, "-m", "evidence", "serve", "--port", str(port), "--ingest"],
                               env=settings_env(settings, EVIDENCE_CORPUS_DIR=str(corpus),
                                                EVIDENCE_PROGRESS_SECONDS="5"),
                               cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[dict] = []
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer:
                    seen.append(json.loads(answer.read()))
            except (OSError, ValueError):
                pass
            if seen and seen[-1]["ingest"]["status"] == "finished":
                break
            time.sleep(1)
        assert seen and seen[-1]["ingest"] == {"documents": 6, "run_id": seen[-1]["ingest"]["run_id"],
                                               "status": "finished", "planned": 6, "failed": 0}
        assert any(report["ingest"]["status"] == "running" for report in seen), "never seen while reading"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=agency+social+workers") as answer:
            assert json.loads(answer.read())["hits"]
    finally:
        service.send_signal(signal.SIGINT)
        _, stderr = service.communicate(timeout=120)
    assert re.search(r"^ingesting: \d+/6 documents", stderr, re.MULTILINE), stderr


def _serve(settings, port: int, *options: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "evidence", "serve", "--port", str(port), *options],
                            env=settings_env(settings, **env), cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def _ready(base: str, answers: int = 6, timeout_s: float = 300) -> None:
    """/health has answered 200 several times in a row (every worker up, the model loaded)."""
    deadline, ok = time.monotonic() + timeout_s, 0
    while ok < answers:
        assert time.monotonic() < deadline, f"{base} never became ready"
        try:
            with urllib.request.urlopen(base + "/health", timeout=5):
                ok += 1
        except OSError:
            ok = 0
            time.sleep(1)


def _interventions_of(base: str, council: str) -> set[str]:
    with urllib.request.urlopen(f"{base}/api/councils/{council}", timeout=60) as answer:
        return {row["id"] for row in json.loads(answer.read())["interventions"]}


def test_two_workers_and_another_process_over_one_graph_see_each_others_writes(settings, empty_graph):
    """Several API processes over one Neo4j (README, Deployment): `serve --workers 2` warms its
    caches, another process takes an upload, and every answer of the two workers shows it at once
    (their cached reads are keyed by the graph's version token)."""
    assert run_cli(settings, "councils", "load").returncode == 0
    pair, single = free_port(), free_port()
    workers = _serve(settings, pair, "--workers", "2")
    writer = _serve(settings, single, EVIDENCE_API_KEY="two-workers-key")
    try:
        _ready(f"http://127.0.0.1:{pair}")
        _ready(f"http://127.0.0.1:{single}", answers=1)
        children = Path(f"/proc/{workers.pid}/task/{workers.pid}/children").read_text().split()
        spawned = [pid for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(spawned) == 2, "uvicorn did not start two worker processes"
        before = [_interventions_of(f"http://127.0.0.1:{pair}", "Wigan") for _ in range(6)]
        assert before == [set()] * 6
        upload = urllib.request.Request(
            f"http://127.0.0.1:{single}/api/documents", method="POST",
            headers={"X-API-Key": "two-workers-key", "Content-Type": "multipart/form-data; boundary=b"},
            data=(b"--b\r\nContent-Disposition: form-data; name=\"councils\"\r\n\r\nWigan\r\n"
                  b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wigan.md\"\r\n\r\n"
                  b"# Wigan\n\nWigan set up a social work academy in 2018 for newly qualified social workers.\n"
                  b"\r\n--b--\r\n"))
        with urllib.request.urlopen(upload, timeout=300) as answer:
            assert answer.status == 201
        after = [_interventions_of(f"http://127.0.0.1:{pair}", "Wigan") for _ in range(6)]
        assert after == [{"social_work_academy"}] * 6
    finally:
        for process in (workers, writer):
            process.send_signal(signal.SIGINT)
        for process in (workers, writer):
            process.communicate(timeout=120)


def test_cached_reads_follow_writes_of_this_and_of_another_connection(settings, empty_graph):
    """A cached read trusts a version token for a fraction of a second (one request's reads cost one
    round trip), yet shows this connection's own write at once and another's after that fraction."""
    councils = read_councils(SHARED / "reference")
    assert empty_graph.read_cached("councils_all") == []
    with Graph(settings) as other:
        load_councils(other, councils[:3])
        time.sleep(VERSION_REUSE_S)
        assert len(empty_graph.read_cached("councils_all")) == 3
    load_councils(empty_graph, councils[3:5])
    assert len(empty_graph.read_cached("councils_all")) == 5
