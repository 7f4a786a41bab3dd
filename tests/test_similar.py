"""Comparable councils: statistical neighbours, type, region, population and journeys, with reasons."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ingest.reference import read_councils
from kg.councils import load_councils
from kg.documents import start_run, write_document
from kg.inspections import create_inspection
from kg.model.graph import Document, Inspection, Judgement
from search.hybrid import moved_reports
from search.similar import Profile, similar
from search.understanding import understand
from tests.conftest import run_cli, wipe

JOURNEYS = {  # council code: overall grades by inspection end date
    "E10000019": [(date(2014, 11, 12), "good"), (date(2019, 5, 3), "outstanding")],  # Lincolnshire
    "E06000013": [(date(2014, 6, 1), "good"), (date(2017, 7, 13), "outstanding")],  # North Lincolnshire
    "E10000020": [(date(2015, 7, 30), "inadequate"), (date(2019, 6, 1), "good")],  # Norfolk
}


@pytest.fixture(scope="module")
def journeys(settings, graph):
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    start_run(graph, "run-test", "test", len(JOURNEYS))
    for code, grades in JOURNEYS.items():
        for end, grade in grades:
            document_id = f"report-{code}-{end.year}"
            document = Document(id=document_id, title=document_id, publisher="Ofsted", date=end.isoformat(),
                                kind="inspection_report", source=None, path=document_id, sha256="0" * 64, bytes=1,
                                format="text", pages=None, passage_count=0, text="", ingest_run="run-test",
                                pipeline_version="test", fingerprint=document_id, ingested_at=end.isoformat())
            inspection = Inspection(id=f"inspection:{document_id}", document_id=document_id, framework="ilacs_short",
                                    framework_basis="test", reinspection=False, start=end, end=end, published=None,
                                    council_as_printed=None, missing=[])
            judgements = [Judgement(id=f"{document_id}:overall", document_id=document_id, area="overall_effectiveness",
                                    grade=grade, printed=grade, char_start=0, char_end=0, date=end)]
            write_document(graph, document, [], [code], "run-test", "added",
                           lambda tx, c=code, i=inspection, j=judgements: create_inspection(tx, c, i, j))
    return graph


def test_neighbours_and_journeys_explain_the_ranking(journeys):
    ranked = {row["name"]: row for row in similar(journeys, "Lincs", limit=155)}
    north = ranked["North Lincolnshire"]
    assert "statistical neighbour #4" in north["reasons"]
    assert "both currently outstanding" in north["reasons"]
    assert "both went good → outstanding" in north["reasons"]
    norfolk = ranked["Norfolk"]
    assert "statistical neighbour #5" in norfolk["reasons"] and "both counties" in norfolk["reasons"]
    assert not any(reason.startswith("both went") for reason in norfolk["reasons"])
    assert "Lincolnshire" not in ranked
    scores = [row["score"] for row in ranked.values()]
    assert scores == sorted(scores, reverse=True)


def test_a_profile_without_a_council(journeys):
    top = similar(journeys, profile=Profile(council_type="County", region="East Midlands"), limit=3)
    assert all("both counties" in row["reasons"] and "both in East Midlands" in row["reasons"] for row in top)


def test_similar_command(journeys, settings):
    result = run_cli(settings, "similar", "Lincolnshire", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    councils = json.loads(result.stdout)["councils"]
    assert len(councils) == 3 and all({"ons_code", "name", "score", "reasons"} <= set(c) for c in councils)
    bad = run_cli(settings, "similar", "--grade", "brilliant")
    assert bad.returncode == 2


def test_the_reports_where_councils_arrived_by_a_move_between_grades(journeys):
    """Search reads "from X to Y" against each council's journey: the reports where it arrived."""
    def arrived(question: str, councils: list[str] | None = None) -> set[str]:
        return moved_reports(journeys, understand(journeys, question), councils)

    assert arrived("councils that went from failing to good") == {"report-E10000020-2019"}
    assert arrived("from good to top-rated") == {"report-E10000019-2019", "report-E06000013-2017"}
    assert arrived("how did Lincolnshire go from good to outstanding", ["E10000019"]) == {"report-E10000019-2019"}
    assert arrived("from good to outstanding", ["E10000020"]) == set()  # Norfolk did not: nothing, not everyone
    assert arrived("councils that climbed out of inadequate") == {"report-E10000020-2019"}
    assert arrived("good councils that fell to inadequate") == set()
    assert arrived("good councils") == set()
