"""The council reference graph: one Council per reference row, ranked neighbours, predecessors."""

from __future__ import annotations

import csv

import pytest

from ingest.reference import read_councils
from kg.councils import all_councils, load_councils, resolve
from kg.model.errors import Ambiguous, NotFound
from tests.conftest import SHARED

REFERENCE = SHARED / "reference" / "local_authorities.csv"


def reference_rows() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def loaded(empty_graph, settings):
    load_councils(empty_graph, read_councils(settings.reference_dir))
    return empty_graph


def graph_counts(graph) -> dict:
    nodes = {row["label"]: row["count"] for row in graph.read("node_counts")}
    rels = graph.driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t")[0]
    props = graph.driver.execute_query(
        "MATCH ()-[r:STATISTICAL_NEIGHBOUR]->() RETURN sum(r.rank) AS ranks")[0][0]["ranks"]
    return {"nodes": nodes, "rels": {r["t"]: r["n"] for r in rels}, "ranks": props}


def test_one_council_per_reference_row(loaded):
    rows = reference_rows()
    result = loaded.driver.execute_query("MATCH (c:Council) RETURN c.la_code AS la_code")[0]
    assert sorted(r["la_code"] for r in result) == sorted(row["la_code"] for row in rows)


def test_current_councils_have_ten_ranked_neighbours_in_reference_order(loaded):
    rows = {row["la_code_new"]: row for row in reference_rows() if row["la_code_new"]}
    records = loaded.driver.execute_query(
        "MATCH (c:Council {historic: false})-[e:STATISTICAL_NEIGHBOUR]->(n:Council) "
        "WITH c, e, n ORDER BY e.rank RETURN c.ons_code AS code, collect(n.ons_code) AS neighbours, "
        "collect(e.rank) AS ranks")[0]
    assert len(records) == len(rows)
    for record in records:
        expected = [code.strip() for code in rows[record["code"]]["stat_neighbours_la_code"].split(",")]
        assert record["neighbours"] == expected
        assert record["ranks"] == list(range(1, 11))


def test_predecessors_are_kept_and_linked_to_successors(loaded):
    records = loaded.driver.execute_query(
        "MATCH (old:Council {historic: true}) OPTIONAL MATCH (old)-[:SUCCEEDED_BY]->(new) "
        "RETURN old.name AS name, old.code AS code, old.ons_code AS ons, collect(new.name) AS successors")[0]
    by_name = {r["name"]: r for r in records}
    assert set(by_name) == {"Cumbria", "Northamptonshire", "Poole"}
    assert by_name["Cumbria"]["code"] == "909" and by_name["Cumbria"]["ons"] is None
    assert sorted(by_name["Cumbria"]["successors"]) == ["Cumberland", "Westmorland and Furness"]
    assert sorted(by_name["Northamptonshire"]["successors"]) == ["North Northamptonshire", "West Northamptonshire"]
    assert by_name["Poole"]["successors"] == ["Bournemouth, Christchurch and Poole"]


def test_councils_read_back_as_the_reference_file_gave_them(loaded, settings):
    written = sorted(read_councils(settings.reference_dir), key=lambda council: council.code)
    assert sorted(all_councils(loaded), key=lambda council: council.code) == written
    assert any(council.successor_codes for council in written) and all(
        len(council.neighbour_ons_codes) == 10 for council in written if not council.historic)


def test_second_load_changes_nothing(loaded, settings):
    before = graph_counts(loaded)
    load_councils(loaded, read_councils(settings.reference_dir))
    assert graph_counts(loaded) == before
    assert before["nodes"]["Council"] == len(reference_rows())
    assert before["nodes"]["Region"] == 9


@pytest.mark.parametrize("name, code", [
    ("Kingston", "E09000021"),
    ("Royal Borough of Kingston upon Thames", "E09000021"),
    ("Kingston upon Hull", "E06000010"),
    ("Hull City Council", "E06000010"),
    ("Bournemouth, Christchurch and Poole", "E06000058"),
    ("BCP", "E06000058"),
    ("Herts", "E10000015"),
    ("East Riding", "E06000011"),
    ("Cheshire West", "E06000050"),
    ("Lincolnshire County Council", "E10000019"),
    ("North Lincolnshire", "E06000013"),
    ("north east lincolnshire", "E06000012"),
    ("925", "E10000019"),
    ("e10000019", "E10000019"),
    ("Bristol", "E06000023"),
    ("City of Bristol", "E06000023"),
    ("St Helens", "E08000013"),
    ("Cumbria", "909"),
])
def test_resolves_the_usual_names(loaded, name, code):
    assert resolve(all_councils(loaded), name).code == code


def test_ambiguous_and_unknown_names(loaded):
    councils = all_councils(loaded)
    with pytest.raises(Ambiguous) as ambiguous:
        resolve(councils, "Yorkshire")
    assert {"North Yorkshire", "East Riding of Yorkshire"} <= {c["name"] for c in ambiguous.value.candidates}
    with pytest.raises(NotFound):
        resolve(councils, "Grimsby")
