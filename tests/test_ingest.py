"""Ingestion against the real Neo4j: bad input, incremental re-ingest, replace-on-change and
citations (page and offsets) that point back to the right text."""

from __future__ import annotations

import io
import re
import shutil

import pypdf
import pypdfium2
import pytest

from ingest.chunk import MAX_WORDS, MIN_WORDS, TINY_WORDS
from ingest.pipeline import Ingester, ingest_lock
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg.councils import load_councils
from kg.integrity import problems
from tests.conftest import SHARED, run_cli

OFSTED = SHARED / "corpus" / "ofsted"
LINCOLNSHIRE_2019 = OFSTED / "80484_lincolnshire" / "children's services inspection - 11 june 2019.pdf"
NOT_FOUND_PAGE = OFSTED / "80429_birmingham" / "children's services inspection - 19 october 2012.pdf"

PARAGRAPH = (
    "The council reduced its reliance on agency social workers over two years. Caseloads fell and "
    "managers held regular supervision with every practitioner. Partners in health and the police "
    "joined the front door, and the quality of referrals improved as a result. "
)


def ingest(settings, graph, *paths, **overrides):
    sources, missing = user_sources(list(paths), settings.corpus_dir, overrides)
    return Ingester(settings, graph).run(sources, missing)


def reason(summary, path) -> str:
    return next(f.error for f in summary.failures if f.path == str(path))


@pytest.fixture
def councils_graph(empty_graph, settings):
    load_councils(empty_graph, read_councils(settings.reference_dir))
    return empty_graph


def count(graph, query: str, **params) -> int:
    return graph.driver.execute_query(query, params)[0][0][0]


def test_bad_inputs_are_listed_and_the_rest_lands(settings, councils_graph, tmp_path):
    files = {
        "empty.txt": b"",
        "garbage.bin": bytes(range(256)) * 64,
        "truncated.pdf": LINCOLNSHIRE_2019.read_bytes()[:40000],
        "corrupt.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 40,
        "good.txt": (PARAGRAPH * 6).encode(),
        "page.pdf": f"<!doctype html><html><head><title>Case study</title></head><body><nav>Home</nav>"
                    f"<h1>Front door</h1><p>{PARAGRAPH * 3}</p></body></html>".encode(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    locked = pypdf.PdfWriter()
    locked.add_blank_page(200, 200)
    locked.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    locked.write(buffer)
    (tmp_path / "locked.pdf").write_bytes(buffer.getvalue())
    scanned = pypdfium2.PdfDocument.new()
    scanned.new_page(595, 842)
    scanned.save(str(tmp_path / "scanned.pdf"))
    shutil.copy(NOT_FOUND_PAGE, tmp_path / "not-found.pdf")

    summary = ingest(settings, councils_graph, tmp_path, tmp_path / "missing.pdf")

    assert reason(summary, tmp_path / "empty.txt") == "empty file"
    assert "binary" in reason(summary, tmp_path / "garbage.bin")
    assert "corrupt or truncated PDF" in reason(summary, tmp_path / "truncated.pdf")
    assert "corrupt or truncated PDF" in reason(summary, tmp_path / "corrupt.pdf")
    assert reason(summary, tmp_path / "locked.pdf") == "password-protected PDF"
    assert "no text layer" in reason(summary, tmp_path / "scanned.pdf")
    assert "HTML error page" in reason(summary, tmp_path / "not-found.pdf")
    assert reason(summary, tmp_path / "missing.pdf") == "no such file or folder"
    assert summary.failed == 8 and summary.added == 2
    formats = dict(councils_graph.driver.execute_query("MATCH (d:Document) RETURN d.path, d.format")[0])
    assert formats == {str(tmp_path / "good.txt"): "text", str(tmp_path / "page.pdf"): "html"}
    assert count(councils_graph, "MATCH (p:Passage) WHERE p.embedding IS NULL RETURN count(p)") == 0


def test_size_limit_and_non_utf8_text(settings, councils_graph, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes((PARAGRAPH * 400).encode())
    latin = tmp_path / "latin.txt"
    latin.write_bytes((PARAGRAPH * 4 + "The budget fell by £3 million – children’s services saved it. ").encode("cp1252"))
    small = settings.model_copy(update={"max_file_mb": 0.05})
    summary = Ingester(small, councils_graph).run(user_sources([big, latin], settings.corpus_dir, {})[0])
    assert "over the 0.05 MB limit" in reason(summary, big), summary
    texts = [r[0] for r in councils_graph.driver.execute_query("MATCH (p:Passage) RETURN p.text")[0]]
    assert any("£3 million – children’s services" in text for text in texts)


def test_unchanged_is_skipped_and_changed_replaces_passages(settings, councils_graph, tmp_path):
    doc = tmp_path / "case.md"
    doc.write_text("# Workforce\n\n" + PARAGRAPH * 8 + "\n\n# Front door\n\n" + PARAGRAPH * 3)
    first = ingest(settings, councils_graph, doc, councils=["Lincolnshire"], kind="case_study")
    assert first.added == 1
    again = ingest(settings, councils_graph, doc, councils=["Lincolnshire"], kind="case_study")
    assert (again.unchanged, again.added, again.updated) == (1, 0, 0)
    doc.write_text("# Workforce\n\n" + PARAGRAPH * 2 + " Turnover fell by 41%.")
    changed = ingest(settings, councils_graph, doc, councils=["Lincolnshire"], kind="case_study")
    assert changed.updated == 1
    passages = councils_graph.driver.execute_query(
        "MATCH (d:Document)-[:HAS_PASSAGE]->(p) RETURN d.id AS d, d.passage_count AS n, collect(p.text) AS texts")[0]
    assert len(passages) == 1 and passages[0]["n"] == len(passages[0]["texts"]) == 1
    assert "Turnover fell by 41%" in passages[0]["texts"][0]
    assert count(councils_graph, "MATCH (:Document)-[:ABOUT]->(c:Council {ons_code: 'E10000019'}) RETURN count(c)") == 1
    runs = councils_graph.driver.execute_query(
        "MATCH (r:IngestRun)-[e:ADDED|UPDATED]->(:Document) RETURN type(e) AS change ORDER BY r.started")[0]
    assert [r["change"] for r in runs] == ["ADDED", "UPDATED"]


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def test_passages_point_back_to_their_page_and_offsets(settings, councils_graph):
    summary = ingest(settings, councils_graph, LINCOLNSHIRE_2019)
    assert summary.added == 1
    document, passages = councils_graph.driver.execute_query(
        "MATCH (d:Document)-[:HAS_PASSAGE]->(p) WITH d, p ORDER BY p.ordinal "
        "RETURN d.text AS text, collect(p {.*, embedding: null}) AS passages")[0][0]
    pdf = pypdfium2.PdfDocument(str(LINCOLNSHIRE_2019))
    pages = [_squash(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    assert len(passages) >= 10
    assert MIN_WORDS <= sum(p["words"] for p in passages) / len(passages) <= MAX_WORDS
    for passage in passages:
        assert document[passage["char_start"]:passage["char_end"]] == passage["text"]
        assert TINY_WORDS <= passage["words"] <= MAX_WORDS * 1.2
        opening = _squash(" ".join(passage["text"].split()[:6]))
        assert opening in pages[passage["page"] - 1], (passage["page"], passage["text"][:80])


def test_second_ingest_refuses_while_one_runs(settings, councils_graph, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(PARAGRAPH * 5)
    with ingest_lock(settings):
        result = run_cli(settings, "ingest", str(doc))
    assert result.returncode == 1
    assert "another ingest is running" in result.stderr and "Traceback" not in result.stderr


def test_cli_exit_codes(settings, councils_graph, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPH * 5)
    ok = run_cli(settings, "ingest", str(good), "--json")
    assert ok.returncode == 0, ok.stderr
    failed = run_cli(settings, "ingest", str(good), str(tmp_path / "nope.txt"), "--json")
    assert failed.returncode == 3
    assert '"unchanged": 1' in failed.stdout and "no such file or folder" in failed.stdout
    usage = run_cli(settings, "ingest", str(good), "--kind", "poem")
    assert usage.returncode == 2


def test_an_ingest_logged_to_a_file_writes_progress_lines(settings, councils_graph, tmp_path):
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(name + " " + PARAGRAPH * 4)
    result = run_cli(settings, "ingest", str(tmp_path), EVIDENCE_PROGRESS_SECONDS="0.5")
    assert result.returncode == 0, result.stderr
    lines = re.findall(r"^ingesting: (\d+)/2 documents, ([\d,]+) passages, [\d.]+ documents/min, .+$",
                       result.stderr, re.MULTILINE)
    assert len(lines) >= 2, result.stderr  # the model's load alone outlasts half a second
    assert lines[-1][0] == "2" and int(lines[-1][1]) > 0


def test_kill_mid_run_leaves_no_partial_document_and_rerun_completes(settings, councils_graph, tmp_path):
    import signal

    from tests.conftest import ingest_paused_after_one_document

    reports = sorted((OFSTED / "80484_lincolnshire").glob("*.pdf")) + sorted((OFSTED / "80527_north lincolnshire").glob("*.pdf"))
    for index, report in enumerate(reports):
        shutil.copy(report, tmp_path / f"report-{index}.pdf")
    process = ingest_paused_after_one_document(settings, tmp_path)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    landed = count(councils_graph, "MATCH (d:Document) RETURN count(d)")
    assert landed == 1
    partial = count(councils_graph,
                    "MATCH (d:Document) OPTIONAL MATCH (d)-[:HAS_PASSAGE]->(p) WITH d, count(p) AS n "
                    "WHERE n <> d.passage_count RETURN count(d)")
    assert partial == 0
    summary = ingest(settings, councils_graph, tmp_path)
    assert summary.added == len(reports) - landed and summary.unchanged == landed and summary.failed == 0
    assert count(councils_graph, "MATCH (d:Document) RETURN count(d)") == len(reports)
    assert count(councils_graph, "MATCH (p:Passage) WHERE NOT (:Document)-[:HAS_PASSAGE]->(p) RETURN count(p)") == 0
    assert count(councils_graph, "MATCH (r:IngestRun {status: 'interrupted'}) RETURN count(r)") == 1
    assert problems(councils_graph) == []


def test_background_writes_land_in_order_one_at_a_time_and_a_failure_stops_the_rest():
    import threading
    import time

    from ingest.background_writer import BackgroundWriter

    written, landed, caller = [], [], threading.get_ident()
    in_flight = threading.Semaphore(1)

    def write(name, fail=False):
        def run():
            assert in_flight.acquire(blocking=False), "two writes in flight"
            try:
                time.sleep(0.05)  # long enough for the caller to queue the rest behind it
                written.append(name)
                if fail:
                    raise RuntimeError(f"{name} refused")
            finally:
                in_flight.release()
        return run

    def on_landing(name):
        return lambda: landed.append((name, threading.get_ident() == caller))

    with pytest.raises(RuntimeError, match="second refused"):
        with BackgroundWriter() as writer:
            for name in ("first", "second", "third", "fourth"):
                writer.submit(write(name, fail=name == "second"), on_landing(name))
    assert written == ["first", "second"]
    assert landed == [("first", True)]

    with BackgroundWriter() as writer:
        for name in ("a", "b", "c"):
            writer.submit(write(name), on_landing(name))
        writer.wait()
        assert landed == [("first", True), ("a", True), ("b", True), ("c", True)]


def test_progress_moves_once_per_document_and_the_graph_is_the_same_whatever_the_window(
        settings, councils_graph, tmp_path, monkeypatch):
    """Documents are read and embedded in windows, then written one behind the other; a window for
    each document and one for all must give the same graph, vectors included."""
    from ingest import pipeline
    from kg.backup import graph_checksum
    from tests.conftest import wipe

    folder = tmp_path / "reports"
    folder.mkdir()
    for report in (LINCOLNSHIRE_2019, NOT_FOUND_PAGE):
        shutil.copy(report, folder / report.name.replace(" ", "-"))
    (folder / "notes.txt").write_text(PARAGRAPH * 3)
    uncached = settings.model_copy(update={"embedding_cache": False})
    sources, _ = user_sources([folder], settings.corpus_dir, {})
    checksums = []
    for window in (1, 100_000):
        wipe(councils_graph)
        load_councils(councils_graph, read_councils(settings.reference_dir))
        monkeypatch.setattr(pipeline, "WINDOW_PASSAGES", window)
        moved: list[str] = []
        summary = Ingester(uncached, councils_graph, lambda label, _passages: moved.append(label)).run(sources)
        assert (summary.added, summary.failed) == (2, 1)
        assert sorted(moved) == sorted(source.path.name for source in sources)
        checksums.append(graph_checksum(councils_graph, ignore_labels=["IngestRun", "EmbeddingModel"],
                                        ignore_types=["ADDED"], ignore_properties=["ingest_run", "ingested_at"]))
    assert checksums[0] == checksums[1]
    assert problems(councils_graph) == []


def test_worker_processes_extract_exactly_what_the_ingest_itself_does(settings, councils_graph, tmp_path, monkeypatch):
    """A window of documents extracted by two spawned worker processes, one thread each, gives the
    graph one process gives, confidences and vectors included."""
    from ingest import pipeline
    from ingest.extraction.workers import ExtractionWorkers
    from kg.backup import graph_checksum
    from tests.conftest import wipe

    folder = tmp_path / "reports"
    folder.mkdir()
    for report in (LINCOLNSHIRE_2019, OFSTED / "80479_knowsley" / "children's services inspection - 03 december 2021.pdf"):
        shutil.copy(report, folder / report.name.replace(" ", "-"))
    (folder / "notes.txt").write_text(PARAGRAPH * 3)
    sources, _ = user_sources([folder], settings.corpus_dir, {})
    monkeypatch.setattr(pipeline, "FIRST_WINDOW_PASSAGES", 100_000)
    monkeypatch.setattr(pipeline, "WORKERS_FROM_PASSAGES", 1)
    started: list[str] = []
    real_start = ExtractionWorkers.start
    monkeypatch.setattr(ExtractionWorkers, "start",
                        lambda workers, text, *rest: started.append(text) or real_start(workers, text, *rest))
    checksums = []
    for processes in (1, 2):
        wipe(councils_graph)
        load_councils(councils_graph, read_councils(settings.reference_dir))
        alone = settings.model_copy(update={"embedding_cache": False, "extraction_processes": processes})
        summary = Ingester(alone, councils_graph).run(sources)
        assert (summary.added, summary.failed) == (3, 0) and summary.implementations and summary.outcomes
        checksums.append(graph_checksum(councils_graph, ignore_labels=["IngestRun", "EmbeddingModel"],
                                        ignore_types=["ADDED"], ignore_properties=["ingest_run", "ingested_at"]))
        assert len(started) == (0 if processes == 1 else 3)
    assert checksums[0] == checksums[1]


def test_a_worker_that_dies_fails_its_document_with_one_clear_line(settings):
    import multiprocessing
    import os
    import signal

    from ingest.extraction.workers import ExtractionWorkers
    from kg.model.errors import EvidenceError

    with ExtractionWorkers(settings, lambda: [], 1) as workers:
        assert workers.start("The council set up a new front door.", [], None)().text
        for worker in multiprocessing.active_children():
            os.kill(worker.pid, signal.SIGKILL)
            worker.join()
        with pytest.raises(EvidenceError, match="an extraction worker stopped .*EVIDENCE_EXTRACTION_PROCESSES=1"):
            workers.start("A second document.", [], None)()


def test_a_failing_run_kills_its_workers_instead_of_finishing_their_queue(settings):
    """The extractions queued would be thrown away: the workers are killed, not waited for."""
    import multiprocessing
    from concurrent.futures import CancelledError

    from ingest.extraction.workers import ExtractionWorkers
    from kg.model.errors import EvidenceError

    pending = []
    with pytest.raises(RuntimeError, match="the run failed"):
        with ExtractionWorkers(settings, lambda: [], 1) as workers:
            pending = [workers.start(PARAGRAPH * 400, [], None) for _ in range(6)]
            raise RuntimeError("the run failed")
    assert multiprocessing.active_children() == []
    with pytest.raises(EvidenceError, match="an extraction worker stopped"):  # handed over already: not cancelled
        pending[0]()
    with pytest.raises(CancelledError):
        pending[-1]()


_WORKERS_THEN_WAIT = """
import multiprocessing, sys, time
from ingest.extraction.workers import ExtractionWorkers
from kg.model.settings import Settings
workers = ExtractionWorkers(Settings(EVIDENCE_HOME=sys.argv[1]), lambda: [], 1)
workers.start("The council set up a hub.", [], None)()
print(*[child.pid for child in multiprocessing.active_children()], flush=True)
time.sleep(600)
"""


def test_workers_do_not_outlive_an_ingest_killed_outright(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from kg.model.settings import PROJECT_ROOT

    ingest = subprocess.Popen([sys.executable, "-c", _WORKERS_THEN_WAIT, str(tmp_path)], cwd=PROJECT_ROOT,
                              stdout=subprocess.PIPE, text=True)
    children = [int(pid) for pid in ingest.stdout.readline().split()]
    assert children, "the worker was started"
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()
    deadline = time.monotonic() + 30
    while any(os.path.exists(f"/proc/{pid}") for pid in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(os.path.exists(f"/proc/{pid}") for pid in children)


def test_a_folder_lists_its_documents_not_its_notes_and_ids_do_not_depend_on_where_the_corpus_is(tmp_path):
    for copy in ("one", "two"):
        folder = tmp_path / copy / "corpus" / "case-studies"
        folder.mkdir(parents=True)
        for name in ("story.txt", "README.md", "SOURCES.md", "LICENSE"):
            (folder / name).write_text(PARAGRAPH, encoding="utf-8")
    listed = {copy: user_sources([tmp_path / copy / "corpus" / "case-studies"], tmp_path / copy / "corpus", {})[0]
              for copy in ("one", "two")}
    assert [source.path.name for source in listed["one"]] == ["story.txt"]
    assert listed["one"][0].id == listed["two"][0].id
    named, _ = user_sources([tmp_path / "one" / "corpus" / "case-studies" / "README.md"], tmp_path / "one", {})
    assert [source.path.name for source in named] == ["README.md"]
    elsewhere, _ = user_sources([tmp_path / "two" / "corpus" / "case-studies"], tmp_path / "one" / "corpus", {})
    assert elsewhere[0].id != listed["one"][0].id
