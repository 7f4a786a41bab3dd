"""What worked for councils like us, against the real graph: ranked by the question, every
result carrying its quotes and citations, and honest about thin evidence."""

from __future__ import annotations

import json

import pytest

from ingest.pipeline import Ingester
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg.councils import load_councils
from tests.conftest import run_cli

WORKFORCE = """Workforce in Rotherham

Rotherham set up a social work academy in 2016 for newly qualified social workers, with protected
caseloads and weekly group supervision. Since the academy opened, the vacancy rate for social workers
has fallen from 30% to 11%, and agency staff fell to 9% of the workforce.
"""
FRONT_DOOR = """Front door in Sheffield

Sheffield opened a multi-agency safeguarding hub in 2015 where police, health and social care share
information about every contact. Partners say decisions on referrals are now quicker and better informed.
"""


@pytest.fixture(scope="module")
def evidence_graph(graph, settings, tmp_path_factory):
    from tests.conftest import wipe
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    folder = tmp_path_factory.mktemp("case-studies")
    for name, text, council in (("workforce.txt", WORKFORCE, "Rotherham"), ("front-door.txt", FRONT_DOOR, "Sheffield")):
        (folder / name).write_text(text)
        sources, _ = user_sources([folder / name], settings.corpus_dir, {"kind": "case_study", "councils": [council]})
        assert Ingester(settings, graph).run(sources).failed == 0
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
