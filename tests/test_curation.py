"""Curation of emerging interventions: review lists them with counts and quotes; promote, merge,
rename and reject change the graph at once and are recorded in the curation file, which every later
ingest applies (the same graph either way); unknown ids and bad files are one-line errors that write
nothing; the API needs the write key."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from evidence.cli import main
from ingest.pipeline import Ingester
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg.backup import graph_checksum
from kg.councils import load_councils
from kg.evidence import all_interventions, load_catalogue
from kg.model.curation import read_curation
from kg.model.errors import CurationError
from kg.model.settings import Settings, get_settings
from tests.conftest import settings_env, wipe

KEY = "curation-key-0123456789"
# Made-up case studies: one practice at two councils, and one practice at each
WAKEFIELD = """Family support in Wakefield

Wakefield Council set up a family bridging service in 2020. The family bridging service now works with
sixty families. The council also launched a Kitchen Table Forum for foster carers.
"""
DONCASTER = """Family support in Doncaster

Doncaster Council launched a family bridging service in 2021. It also set up a parent mentor scheme for
fathers.
"""
BRIDGING = "emerging:family_bridging_service"
FORUM = "emerging:kitchen_table_forum_for_foster_carer"
SCHEME = "emerging:parent_mentor_scheme_for_father"


@pytest.fixture(scope="module")
def curating(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    home = tmp_path_factory.mktemp("curation")
    return settings.model_copy(update={"curation_file": home / "curation.yaml", "api_key": SecretStr(KEY)})


@pytest.fixture(scope="module")
def ingester(curating: Settings, graph) -> Ingester:
    """One for the module, so spaCy and the embedding model load once."""
    return Ingester(curating, graph)


@pytest.fixture(autouse=True)
def no_decisions_yet(curating: Settings) -> None:
    curating.curation_path.unlink(missing_ok=True)


def ingest(ingester: Ingester, folder: Path, *names: str) -> None:
    councils = {"wakefield.txt": "Wakefield", "doncaster.txt": "Doncaster"}
    for name in names:
        sources, _ = user_sources([folder / name], ingester.settings.corpus_dir,
                                  {"kind": "case_study", "councils": [councils[name]], "date": "2022-03-01"})
        assert ingester.run(sources).failed == 0


def fresh(ingester: Ingester, folder: Path, wakefield: str = WAKEFIELD, doncaster: str = DONCASTER) -> None:
    """An empty graph with the councils, the catalogue and the two case studies, as the decisions want them."""
    graph = ingester.graph
    wipe(graph)
    load_councils(graph, read_councils(ingester.settings.reference_dir))
    load_catalogue(graph)
    (folder / "wakefield.txt").write_text(wakefield)
    (folder / "doncaster.txt").write_text(doncaster)
    ingest(ingester, folder, "wakefield.txt", "doncaster.txt")


def checksum(graph) -> str:
    return graph_checksum(graph, ignore_labels=["IngestRun", "EmbeddingModel", "Curation"],
                          ignore_types=["ADDED", "UPDATED"], ignore_properties=["ingest_run", "ingested_at"])


def emerging_state(graph) -> list[tuple]:
    """Each ingest-written intervention with its name, status, category and evidence."""
    rows = graph.driver.execute_query(
        "MATCH (i:Intervention) WHERE i.status IN ['emerging', 'curated'] "
        "RETURN i.id AS id, i.name AS name, i.status AS status, i.category AS category, "
        "COUNT { (:Passage)-[:MENTIONS]->(i) } AS mentions, COUNT { (:Council)-[:IMPLEMENTED]->(i) } AS implemented "
        "ORDER BY id")[0]
    return [tuple(row.values()) for row in rows]


def cli(settings: Settings, *args: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
        ) -> tuple[int, str, str]:
    """`evidence ARGS` in this process (a subprocess spends seconds importing): exit code, stdout, stderr."""
    with monkeypatch.context() as patch:
        for key, value in settings_env(settings, EVIDENCE_CURATION_FILE=str(settings.curation_path),
                                       EVIDENCE_API_KEY=KEY).items():
            patch.setenv(key, value)
        patch.setattr(sys, "argv", ["evidence", *args])
        get_settings.cache_clear()
        try:
            main()
            code = 0
        except SystemExit as exit:
            code = int(exit.code or 0)
        finally:
            get_settings.cache_clear()
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def evidence(curating, monkeypatch, capsys):
    return lambda *args: cli(curating, *args, monkeypatch=monkeypatch, capsys=capsys)


def test_review_lists_emerging_practices_with_counts_and_quotes(curating, ingester, evidence, tmp_path):
    fresh(ingester, tmp_path)
    code, out, err = evidence("interventions", "review", "--json")
    assert code == 0, err
    listed = {row["id"]: row for row in json.loads(out)["interventions"]}
    assert {BRIDGING, FORUM, SCHEME} <= set(listed)
    bridging = listed[BRIDGING]
    assert (bridging["name"], bridging["councils"], bridging["documents"], bridging["mentions"]) == (
        "family bridging service", 2, 2, 3)  # Wakefield's names it twice
    quotes = {quote["citation"]["title"]: quote["quote"] for quote in bridging["quotes"]}
    assert quotes["Family support in Doncaster"] == "Doncaster Council launched a family bridging service in 2021."
    assert quotes["Family support in Wakefield"].startswith("Wakefield Council set up a family bridging service")
    assert listed[FORUM]["councils"] == 1 and listed[FORUM]["quotes"][0]["citation"]["kind"] == "case_study"
    code, out, _ = evidence("interventions", "review", "--min-councils", "2", "--json")
    assert [row["id"] for row in json.loads(out)["interventions"]] == [BRIDGING]
    code, shown, _ = evidence("interventions", "review", "--min-councils", "2")
    assert "family bridging service" in shown and "Family support in Doncaster" in shown


def test_decisions_change_the_graph_at_once_and_every_later_ingest_applies_them(graph, curating, ingester, evidence,
                                                                                 tmp_path):
    fresh(ingester, tmp_path)
    assert FORUM not in [row["id"] for row in all_interventions(graph)]  # one council: not listed yet
    for args in (("rename", BRIDGING, "Family Bridging Service"), ("merge", SCHEME, BRIDGING),
                 ("promote", FORUM, "--category", "children_in_care")):
        code, out, err = evidence("interventions", *args)
        assert code == 0 and str(curating.curation_path) in out, err
    decisions = read_curation(curating.curation_path).decisions
    assert [(d.action, d.id) for d in decisions] == [("rename", BRIDGING), ("merge", SCHEME), ("promote", FORUM)]
    state = emerging_state(graph)
    # the scheme's mention and implementation moved to the service: Doncaster's two from one document are one
    assert state == [(BRIDGING, "Family Bridging Service", "emerging", state[0][3], 3, 2),
                     (FORUM, "Kitchen Table Forum for foster carers", "curated", "children_in_care", 1, 1)]
    assert FORUM in [row["id"] for row in all_interventions(graph)]  # promoted: listed like a catalogue entry
    curated = checksum(graph)

    # the same decisions applied by an ingest into an empty graph give the same graph
    fresh(ingester, tmp_path)
    assert checksum(graph) == curated and emerging_state(graph) == state

    # a changed document re-creates what it names; the decisions still hold, and a rejection too
    doncaster, wakefield = DONCASTER + "\nThe scheme meets every month.\n", WAKEFIELD + "\nCarers value the forum.\n"
    (tmp_path / "doncaster.txt").write_text(doncaster)
    ingest(ingester, tmp_path, "doncaster.txt")
    assert emerging_state(graph) == state
    assert evidence("interventions", "reject", FORUM)[0] == 0
    assert emerging_state(graph) == state[:1]
    (tmp_path / "wakefield.txt").write_text(wakefield)
    ingest(ingester, tmp_path, "wakefield.txt")
    assert emerging_state(graph) == state[:1]
    rejected = checksum(graph)
    fresh(ingester, tmp_path, wakefield, doncaster)
    assert checksum(graph) == rejected


def test_unknown_ids_and_catalogue_entries_are_refused_and_nothing_is_written(graph, curating, ingester, evidence,
                                                                              tmp_path):
    fresh(ingester, tmp_path)
    before = emerging_state(graph)
    for args, words in ((("reject", "emerging:no_such_practice"), "not in the graph"),
                        (("merge", SCHEME, "emerging:no_such_practice"), "not in the graph"),
                        (("merge", SCHEME, "No Such Programme"), "no intervention called"),
                        (("merge", SCHEME, SCHEME), "into itself"),
                        (("rename", "signs_of_safety", "Signs"), "emerging:"),
                        (("promote", FORUM, "--category", "gardening"), "category")):
        code, _, err = evidence("interventions", *args)
        assert code != 0 and words in err, (args, err)
        assert len(err.strip().splitlines()) == 1, err
    assert not curating.curation_path.exists() and emerging_state(graph) == before


def test_a_bad_curation_file_is_one_line_naming_the_file_and_field(curating, ingester, evidence, tmp_path):
    path = curating.curation_path
    path.write_text("decisions:\n  - action: promote\n    id: emerging:family_bridging_service\n"
                    "  - action: banish\n    id: emerging:parent_mentor_scheme_for_father\n")
    with pytest.raises(CurationError, match=r"curation\.yaml: decisions\.1\.action: Input should be"):
        read_curation(path)
    code, _, err = evidence("interventions", "reject", SCHEME)
    assert code != 0 and str(path) in err and "decisions.1.action" in err
    assert len(err.strip().splitlines()) == 1, err
    (tmp_path / "wakefield.txt").write_text(WAKEFIELD)
    with pytest.raises(CurationError, match="decisions.1.action"):
        ingest(ingester, tmp_path, "wakefield.txt")
    path.write_text("decisions: [unclosed\n")
    with pytest.raises(CurationError, match="not readable YAML"):
        read_curation(path)


def test_the_api_reviews_and_curates_with_the_write_key(curating, ingester, tmp_path):
    fresh(ingester, tmp_path)
    with TestClient(create_app(curating, load_model=False)) as client:
        listed = client.get("/api/interventions/emerging", params={"min_councils": 2}).json()["interventions"]
        assert [row["id"] for row in listed] == [BRIDGING] and listed[0]["quotes"][0]["citation"]["document_id"]
        url = f"/api/interventions/{SCHEME}/curation"
        assert client.post(url, json={"action": "reject"}).status_code == 401
        assert client.post(url, json={"action": "reject"}, headers={"X-API-Key": "wrong"}).status_code == 403
        assert client.post(url, json={"action": "merge"}, headers={"X-API-Key": KEY}).status_code == 422
        assert client.post("/api/interventions/emerging:nothing/curation", json={"action": "reject"},
                           headers={"X-API-Key": KEY}).status_code == 404
        assert client.post("/api/interventions/signs_of_safety/curation", json={"action": "reject"},
                           headers={"X-API-Key": KEY}).status_code == 422
        assert not curating.curation_path.exists()
        merged = client.post(url, json={"action": "merge", "into": "Family group conferencing"},
                             headers={"Authorization": f"Bearer {KEY}"})
        assert merged.status_code == 200, merged.text
        assert merged.json()["intervention"]["id"] == "family_group_conferencing"
        assert merged.json()["decision"]["into"] == "family_group_conferencing"
        assert client.get(f"/api/interventions/{SCHEME}").status_code == 404
        councils = client.get("/api/interventions/family_group_conferencing").json()["councils"]
        assert [row["council"] for row in councils] == ["Doncaster"]
    assert [d.into for d in read_curation(curating.curation_path).decisions] == ["family_group_conferencing"]
