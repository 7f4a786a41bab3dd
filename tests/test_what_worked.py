"""What worked for councils like us, against the real graph: ranked by the question, every
result carrying its quotes and citations, and honest about thin evidence."""

from __future__ import annotations

import json

import pytest

from tests.case_studies import load_case_studies
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def evidence_graph(graph, settings, tmp_path_factory):
    load_case_studies(graph, settings, tmp_path_factory.mktemp("case-studies"))
    return graph


def test_the_question_decides_the_ranking_and_every_result_is_cited(settings, evidence_graph):
    result = run_cli(settings, "what-worked", "--council", "Doncaster", "--question",
                     "recruit and keep social workers", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["results"][0]["intervention"]["id"] == "social_work_academy"
    top = answer["results"][0]
    assert set(top["score_parts"]) == {"relevance", "comparability", "improvement", "strength"}
    assert [c["name"] for c in top["councils"]] == ["Rotherham"]
    assert "statistical neighbour" in " ".join(top["councils"][0]["comparable"])
    assert top["quotes"][0]["citation"]["title"] and "academy" in top["quotes"][0]["quote"]
    assert [o["metric"] for o in top["outcomes"]][:1] == ["vacancy_rate"] and top["outcomes"][0]["citation"]["title"]
    assert answer["comparable_councils"][0]["name"] == "Rotherham"


def test_thin_evidence_is_said_not_padded(settings, evidence_graph):
    answer = json.loads(run_cli(settings, "what-worked", "--type", "County", "--question",
                                "improving the attendance of children in care at school", "--json").stdout)
    assert answer["results"] == [] and answer["notes"]


def test_a_council_is_not_told_about_its_own_practice(settings, evidence_graph):
    answer = json.loads(run_cli(settings, "what-worked", "--council", "Sheffield", "--json").stdout)
    assert all(c["name"] != "Sheffield" for r in answer["results"] for c in r["councils"])
