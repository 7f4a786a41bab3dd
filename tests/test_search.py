"""Hybrid passage search against the real graph: relevance, filters, citations, duplicates, hostile queries."""

from __future__ import annotations

import json

import pytest

from embedding.embedder import embedder_for
from ingest.pipeline import Ingester
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg.councils import load_councils
from kg.model.errors import EvidenceError
from kg.model.settings import Settings
from kg.schema import init_schema
from kg.search import SearchFilters, fulltext_candidates
from search.hybrid import lucene_query, search
from search.understanding import read_transition, understand
from search.vocabulary import expansions
from tests.conftest import run_cli, wipe

WORKFORCE = ("# Workforce\n\nThe council cut its use of agency social workers from a fifth of the workforce to "
             "one in twenty. A social work academy trained newly qualified staff, caseloads fell, and "
             "managers offered regular reflective supervision. " * 3)
FRONT_DOOR = ("# Front door\n\nThe multi-agency safeguarding hub brought police, health and social care into one "
              "team. Contacts were screened within a day and thresholds were applied consistently across "
              "partners. " * 3)
ADOPTION = ("# Adoption\n\nChildren waited less time for adoption after the regional agency matched families "
            "earlier, and more children found permanence through special guardianship. " * 3)


@pytest.fixture(scope="module")
def searchable(tmp_path_factory, settings: Settings, graph):
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    folder = tmp_path_factory.mktemp("search-docs")
    for name, text, council, kind in [("workforce.md", WORKFORCE, "Lincolnshire", "case_study"),
                                      ("frontdoor.md", FRONT_DOOR, "Kent", "news"),
                                      ("adoption.md", ADOPTION, "Kent", "case_study"),
                                      ("workforce-copy.md", WORKFORCE, "Lincolnshire", "news")]:
        path = folder / name
        path.write_text(text)
        sources, _ = user_sources([path], settings.corpus_dir, {"councils": [council], "kind": kind})
        assert Ingester(settings, graph).run(sources).added == 1
    return graph


@pytest.fixture(scope="module")
def embedder(settings):
    return embedder_for(settings)


def test_meaning_finds_the_right_passage_with_its_citation(searchable, embedder):
    hits = search(searchable, embedder, "reducing reliance on locum staff")
    assert "agency social workers" in hits[0].text
    assert hits[0].citation["title"] == "Workforce" and hits[0].citation["page"] == 1
    assert {"code": "E10000019", "name": "Lincolnshire"} in hits[0].councils


def test_identical_passages_are_shown_once_with_all_sources(searchable, embedder):
    hits = search(searchable, embedder, "agency social workers academy")
    workforce = [hit for hit in hits if "agency social workers" in hit.text]
    assert len(workforce) == 1 and len(workforce[0].also_in) == 1
    assert "<mark>agency</mark>" in workforce[0].snippet


def test_filters_apply_inside_the_query(searchable, embedder):
    kent = search(searchable, embedder, "social workers", SearchFilters(council="Kent"))
    assert kent and all(hit.councils == [{"code": "E10000016", "name": "Kent"}] for hit in kent)
    news = search(searchable, embedder, "agency", SearchFilters(kind="news"))
    assert news and all(hit.citation["kind"] == "news" for hit in news)
    assert search(searchable, embedder, "agency", SearchFilters(region="London")) == []


@pytest.mark.parametrize("hostile", ["' OR 1=1 //", "}) DETACH DELETE n //", "`x` AND title:", '"unbalanced',
                                     "\\u0027; MATCH (n) DELETE n", "*?~^[]{}"])
def test_hostile_queries_change_nothing(searchable, embedder, hostile):
    before = searchable.driver.execute_query("MATCH (n) RETURN count(n) AS n")[0][0]["n"]
    search(searchable, embedder, hostile)
    assert searchable.driver.execute_query("MATCH (n) RETURN count(n) AS n")[0][0]["n"] == before


def test_vocabulary_widens_the_full_text_query():
    assert "children in care" in expansions("outcomes for LAC")
    assert '"multi agency safeguarding hub"' in lucene_query("MASH", expansions("MASH"))
    assert "overseas" in expansions("hiring social workers from other countries")
    assert "dcs" in expansions("what did the director of children’s services change")  # apostrophes either way
    assert "re-referral" in expansions("are re-referrals going up")
    assert "re-referrals" not in expansions("are re-referrals going up")  # what the query says is not repeated


def test_full_text_candidates_carry_their_texts_for_the_nearness_of_words(searchable):
    rows = fulltext_candidates(searchable, lucene_query("caseloads", []), SearchFilters(), None, 10, 10, texts=True)
    assert rows and all("caseloads" in row["text"] for row in rows)
    assert all(row["text"] is None for row in fulltext_candidates(searchable, lucene_query("caseloads", []),
                                                                  SearchFilters(), None, 10, 10))


def test_full_text_matches_other_forms_of_a_word(searchable, embedder):
    hits = search(searchable, embedder, "academies training", mode="fulltext")
    assert hits and "academy trained" in hits[0].text  # stemmed on both sides


def test_db_init_replaces_the_unstemmed_full_text_index(searchable, embedder):
    searchable.driver.execute_query("DROP INDEX passage_stems")
    searchable.driver.execute_query("CREATE FULLTEXT INDEX passage_words FOR (p:Passage) ON EACH [p.text, p.section] "
                                    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}")
    init_schema(searchable)
    names = {row["name"] for row in searchable.driver.execute_query("SHOW FULLTEXT INDEXES YIELD name")[0]}
    assert names == {"passage_stems"}
    assert search(searchable, embedder, "academies training", mode="fulltext")


def test_a_different_model_is_refused(searchable, embedder):
    searchable.driver.execute_query("MATCH (m:EmbeddingModel) SET m.name = 'another-model'")
    try:
        with pytest.raises(EvidenceError, match="refusing to search"):
            search(searchable, embedder, "agency")
    finally:
        searchable.driver.execute_query(f"MATCH (m:EmbeddingModel) SET m.name = '{embedder.name}'")


def test_search_command_prints_hits_as_json(searchable, settings):
    result = run_cli(settings, "search", "safeguarding hub thresholds", "--json", "--limit", "2")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert len(hits) == 2 and hits[0]["citation"]["title"] == "Front door"
    assert set(hits[0]) >= {"passage_id", "document_id", "text", "snippet", "score", "citation", "councils",
                            "interventions", "enablers"}


def test_retrieval_metrics_credit_each_anchor_once():
    from search.evaluation import Passage, score_ranking

    relevant = [{"doc": "d", "anchor": "agency  staff fell"}, {"doc": "d", "anchor": "caseloads fell"}]
    ranking = [Passage("x", "d", "Nothing here."), Passage("y", "d", "The agency staff fell and caseloads fell."),
               Passage("z", "other", "agency staff fell")]
    scores = score_ranking(ranking, relevant)
    assert scores["recall@10"] == 1.0 and scores["mrr"] == 0.5
    assert 0 < scores["ndcg@10"] < 1


def _document_ids(graph) -> dict[str, str]:
    """File name → document id."""
    return {row["path"].rsplit("/", 1)[-1]: row["id"] for row in graph.driver.execute_query(
        "MATCH (d:Document) RETURN d.path AS path, d.id AS id")[0]}


def test_eval_command_reports_each_split(searchable, settings, tmp_path):
    ids = _document_ids(searchable)
    queries = tmp_path / "questions.json"
    queries.write_text(json.dumps({"splits": {}, "queries": [
        {"id": "d1", "split": "dev", "query": "cutting agency staff",
         "relevant": [{"doc": ids[title], "anchor": "use of agency social workers"}  # shown once, from either
                      for title in ("workforce.md", "workforce-copy.md")]},
        {"id": "t1", "split": "test", "query": "what did Kent do about the front door",
         "relevant": [{"doc": ids["frontdoor.md"], "anchor": "multi-agency safeguarding hub"}]},
        {"id": "t2", "split": "test", "query": "adopters found sooner",
         "relevant": [{"doc": ids["adoption.md"], "anchor": "regional agency matched families"}]}]}))
    result = run_cli(settings, "eval", "retrieval", "--queries", str(queries), "--ablation", "--json")
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout)
    assert list(table) == ["dev", "test"]
    assert set(table["test"]) == {"questions", "hybrid", "dense", "fulltext", "graph", "without-dense",
                                  "without-fulltext", "without-graph", "bm25"}
    assert table["dev"]["questions"] == {"count": 1} and table["test"]["questions"] == {"count": 2}
    assert table["test"]["hybrid"]["recall@10"] == 1.0 and table["dev"]["hybrid"]["mrr"] == 1.0
    # the older format (no splits) is one split, all
    old = tmp_path / "queries.json"
    old.write_text(json.dumps({"queries": [{"id": "q1", "query": "agency social workers",
                                            "relevant": [{"doc": "x", "anchor": "agency social workers"}]}]}))
    result = run_cli(settings, "eval", "retrieval", "--queries", str(old), "--json")
    assert result.returncode == 0, result.stderr
    assert list(json.loads(result.stdout)) == ["all"]
    assert set(json.loads(result.stdout)["all"]) == {"questions", "hybrid", "dense", "fulltext", "graph", "bm25"}
    result = run_cli(settings, "eval", "retrieval", "--queries", str(old), "--loaded-only", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == {}  # its document "x" is not in the graph


def test_understanding_reads_councils_metrics_direction_and_years(searchable):
    understood = understand(searchable, "How has Kent reduced its use of locum social workers since 2019?")
    assert [c["name"] for c in understood.councils] == ["Kent"]
    assert [m["id"] for m in understood.metrics] == ["agency_staff"]  # locum is the field's word for agency
    assert understood.direction == "down" and understood.years == [2019]
    rising = understand(searchable, "re-referrals rising in the 2020-21 lockdowns")
    assert [m["id"] for m in rising.metrics] == ["re_referrals"]
    assert rising.direction == "up" and rising.years == [2020, 2021] and not rising.councils


def test_understanding_reads_councils_like_x_as_their_neighbours(searchable):
    understood = understand(searchable, "councils like the Isle of Wight that went from failing to good")
    neighbours = [row["code"] for row in searchable.read("council_neighbours", code="E06000046")]
    assert understood.councils == [] and [c["name"] for c in understood.comparators_of] == ["Isle of Wight"]
    assert understood.comparators == neighbours[:10] and understood.comparators
    assert set(understood.grades) == {"inadequate", "good"}  # failing is the field's word for inadequate
    similar = understand(searchable, "edge of care in councils comparable to North Yorkshire")
    assert [c["name"] for c in similar.comparators_of] == ["North Yorkshire"]


def test_understanding_reads_practices_and_keeps_longer_council_names(searchable):
    understood = understand(searchable, "family group conferences and Signs of Safety in North Lincolnshire")
    assert [c["name"] for c in understood.councils] == ["North Lincolnshire"]
    assert {"family_group_conferencing", "signs_of_safety"} <= {i["id"] for i in understood.interventions}
    front_door = understand(searchable, "front door swamped by police notifications")
    assert "mash" in {i["id"] for i in front_door.interventions}
    nothing = understand(searchable, "reading about reflective supervision")
    assert not nothing and nothing.as_json()["councils"] == []


def test_understanding_names_the_councils_that_succeeded_a_former_one(searchable):
    understood = understand(searchable, "after Cumbria was split in 2023")
    assert [c["name"] for c in understood.councils] == ["Cumbria"]
    successors = {record["code"] for record in searchable.driver.execute_query(
        "MATCH (:Council {code: $code})-[:SUCCEEDED_BY]->(s:Council) RETURN s.code AS code",
        code=understood.councils[0]["code"])[0]}
    assert len(successors) == 2 and successors <= understood.council_codes()


def test_passages_linked_to_the_named_council_rank_first(searchable, embedder, settings):
    hits = search(searchable, embedder, "what did Kent do", mode="graph")
    assert hits and all(hit.councils == [{"code": "E10000016", "name": "Kent"}] for hit in hits)
    assert search(searchable, embedder, "what did Kent do")[0].councils == [{"code": "E10000016", "name": "Kent"}]
    result = run_cli(settings, "search", "what did Kent do", "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["understood"]["councils"] == [{"code": "E10000016", "name": "Kent"}]


@pytest.mark.parametrize("question, move", [
    ("councils that went from inadequate to good", ("inadequate", "good", "up")),
    ("what worked moving from RI to good", ("requires_improvement", "good", "up")),
    ("good-rated councils that fell to inadequate", ("good", "inadequate", "down")),
    ("councils that have climbed out of failing", ("inadequate", None, "up")),
    ("services which slipped back to requires improvement", (None, "requires_improvement", "down")),
    ("how they improved to outstanding", (None, "outstanding", "up")),
    ("good practice at the front door", None),
    ("from good to good", None),
])
def test_understanding_reads_a_move_between_grades(question, move):
    found = read_transition(question)
    assert (found and (found["from_grade"], found["to_grade"], found["direction"])) == move
