"""Faults and backups against the real Neo4j: the integrity check finds damage and passes a clean
graph; Neo4j stopped in the middle of an ingest and a write the server refuses (a full disk) leave
no half-written document, and a re-run gives the same graph as a clean ingest; a dump restores
into an empty graph exactly, and a truncated dump is refused."""

from __future__ import annotations

import json
import shutil
import signal

import pytest
from neo4j.exceptions import DatabaseError

from ingest.pipeline import Ingester
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg import server
from kg.backup import dump, graph_checksum, restore
from kg.connection import Graph
from kg.councils import load_councils
from kg.integrity import problems
from kg.model.errors import EvidenceError, GraphUnavailable
from tests.case_studies import load_case_studies
from tests.conftest import SHARED, ingest_paused_after_one_document, run_cli, wipe

OFSTED = SHARED / "corpus" / "ofsted"
REPORTS = [OFSTED / "80479_knowsley/children's services inspection - 03 december 2021.pdf",
           OFSTED / "80527_north lincolnshire/children's services inspection - 25 november 2022.pdf",
           OFSTED / "80484_lincolnshire/children's services inspection - 11 june 2019.pdf"]
# what differs between two ingests of the same files: the runs themselves
RUN_BOOKKEEPING = {"ignore_labels": ["IngestRun", "EmbeddingModel"], "ignore_types": ["ADDED", "UPDATED"],
                   "ignore_properties": ["ingest_run", "ingested_at"]}


def count(graph: Graph, query: str) -> int:
    return graph.driver.execute_query(query)[0][0][0]


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for report in REPORTS:
        shutil.copy(report, folder / report.name.replace(" ", "-"))
    return folder


def clean_ingest_checksum(graph: Graph, settings, folder) -> dict:
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    sources, _ = user_sources([folder], settings.corpus_dir, {})
    assert Ingester(settings, graph).run(sources).failed == 0
    return graph_checksum(graph, **RUN_BOOKKEEPING)


def test_db_check_passes_a_clean_graph_and_names_each_kind_of_damage(settings, graph, tmp_path):
    load_case_studies(graph, settings, tmp_path, REPORTS[0])
    clean = run_cli(settings, "db", "check", "--json")
    assert clean.returncode == 0 and json.loads(clean.stdout) == {"clean": True, "problems": []}
    graph.driver.execute_query("MATCH (p:Passage) WITH p LIMIT 1 REMOVE p.embedding")
    graph.driver.execute_query("MATCH (c:Council)-[r:IMPLEMENTED]->(i) WITH c, r, i LIMIT 1 "
                               "CREATE (c)-[r2:IMPLEMENTED]->(i) SET r2 = properties(r)")
    graph.driver.execute_query("MATCH (d:Document {kind: 'inspection_report'})-[:HAS_PASSAGE]->(p) "
                               "WITH p ORDER BY p.ordinal DESC LIMIT 1 DETACH DELETE p")
    graph.driver.execute_query("CREATE (:Passage {id: 'stray#0', text: 'x'})")
    damaged = run_cli(settings, "db", "check", "--json")
    assert damaged.returncode == 1
    found = {row["problem"]: row for row in json.loads(damaged.stdout)["problems"]}
    assert set(found) >= {"passages without an embedding", "passages without a document",
                          "documents with fewer or more passages than were written",
                          "duplicate implementations (same council, intervention and document)"}
    assert found["passages without a document"]["examples"] == ["stray#0"]


def test_neo4j_stopped_mid_ingest_then_a_rerun_equals_a_clean_ingest(settings, graph, reports):
    expected = clean_ingest_checksum(graph, settings, reports)
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    process = ingest_paused_after_one_document(settings, reports)
    try:
        server.stop(settings)
        process.send_signal(signal.SIGCONT)
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 1 and "Neo4j" in stderr and "Traceback" not in stderr
        assert len(stderr.strip().splitlines()) == 1
    finally:
        process.kill()
        server.start(settings)
    landed = count(graph, "MATCH (d:Document) RETURN count(d)")
    assert landed == 1
    assert problems(graph) == []  # what landed is whole
    rerun = run_cli(settings, "ingest", str(reports), "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["documents"]["unchanged"] == landed
    assert problems(graph) == []
    assert graph_checksum(graph, **RUN_BOOKKEEPING) == expected


def test_a_write_the_server_refuses_names_the_file_and_leaves_nothing_half_written(settings, graph, reports,
                                                                                     monkeypatch):
    """A full disk, simulated where our code meets the driver (this tests our handling, not Neo4j's)."""
    expected = clean_ingest_checksum(graph, settings, reports)
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    real_transaction = Graph.transaction
    writes = {"documents": 0}

    def disk_fills_on_second_document(self, work, *args):
        if work.__name__ == "work" and "write_document" in work.__qualname__:
            writes["documents"] += 1
            if writes["documents"] == 2:
                def failing(tx, *inner):
                    work(tx, *inner)
                    raise DatabaseError("Could not apply the transaction: No space left on device")
                return real_transaction(self, failing, *args)
        return real_transaction(self, work, *args)

    monkeypatch.setattr(Graph, "transaction", disk_fills_on_second_document)
    sources, _ = user_sources([reports], settings.corpus_dir, {})
    with pytest.raises(GraphUnavailable, match=r"reports/.*\.pdf: not written, Neo4j could not write"):
        Ingester(settings, graph).run(sources)
    monkeypatch.undo()
    assert count(graph, "MATCH (d:Document) RETURN count(d)") == 1
    assert problems(graph) == []
    assert Ingester(settings, graph).run(sources).added == len(REPORTS) - 1
    assert graph_checksum(graph, **RUN_BOOKKEEPING) == expected


def test_dump_and_restore_round_trip_the_whole_graph_exactly(settings, graph, tmp_path):
    load_case_studies(graph, settings, tmp_path, REPORTS[0])
    before = graph_checksum(graph)
    path = tmp_path / "graph.jsonl"
    dumped = run_cli(settings, "db", "dump", str(path))
    assert dumped.returncode == 0, dumped.stderr
    assert json.loads(path.read_text().splitlines()[-1])["checksum"] == before["checksum"]
    records = before["nodes"] + before["relationships"]
    # the progress line of a log (no terminal): done/total at the end
    assert f"dumping: {records:,}/{records:,} nodes and relationships" in dumped.stderr
    refused = run_cli(settings, "db", "restore", str(path))
    assert refused.returncode == 1 and "not empty" in refused.stderr
    wipe(graph)
    restored = run_cli(settings, "db", "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert f"restoring: {records:,}/{records:,} nodes and relationships" in restored.stderr
    assert graph_checksum(graph) == before and before["nodes"] > 200 and before["relationships"] > 1000
    assert count(graph, "MATCH (n:DumpNode) RETURN count(n)") == 0
    search = run_cli(settings, "search", "vacancy rate for social workers", "--json")
    assert "academy" in json.loads(search.stdout)["hits"][0]["text"]


def test_a_truncated_dump_is_refused_before_anything_is_written(settings, graph, tmp_path):
    load_case_studies(graph, settings, tmp_path)
    path = tmp_path / "graph.jsonl"
    dump(graph, path)
    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text("\n".join(path.read_text().splitlines()[:-50]) + "\n")
    wipe(graph)
    with pytest.raises(EvidenceError, match="incomplete"):
        restore(graph, truncated)
    assert count(graph, "MATCH (n) RETURN count(n)") == 0
