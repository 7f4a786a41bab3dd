"""The HTTP API driven through the real app against the real Neo4j: every endpoint, its errors as
problem+json, the API key on writes, request limits, and recovery when Neo4j comes back."""

from __future__ import annotations

import itertools
import re
import time

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from pydantic import SecretStr

from api.app import create_app
from api.limits import MAX_QUERY_STRING
from kg import server
from kg.documents import finish_run, start_run
from kg.model.graph import IngestRunEnd
from tests.case_studies import load_case_studies
from tests.conftest import SHARED, free_port, make_settings, serving

KEY = "test-key-0123456789"
PROBLEM = "application/problem+json"
REPORT = SHARED / "corpus/ofsted/80479_knowsley/children's services inspection - 03 december 2021.pdf"


@pytest.fixture(scope="module")
def api_settings(settings, tmp_path_factory):
    """With the write key, and a curation file of its own (the fuzzer's decisions stay out of other
    modules' ingests)."""
    return settings.model_copy(update={"api_key": SecretStr(KEY),
                                       "curation_file": tmp_path_factory.mktemp("api-curation") / "curation.yaml"})


@pytest.fixture(scope="module")
def client(graph, api_settings, tmp_path_factory):
    load_case_studies(graph, api_settings, tmp_path_factory.mktemp("api-docs"), REPORT)
    with TestClient(create_app(api_settings)) as test_client:
        yield test_client


def is_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_health_reports_the_graph(client):
    response = client.get("/health")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["model_loaded"] and body["counts"]["Document"] == 3 and body["counts"]["Council"] > 150
    assert client.get("/api/health").json()["counts"] == body["counts"]


def test_health_and_every_page_say_when_results_are_partial(client, graph):
    assert client.get("/health").json()["ingest"]["status"] == "finished"
    assert 'class="banner"' not in client.get("/").text
    start_run(graph, "run-still-reading", "test", 353)
    try:
        body = client.get("/health").json()
        assert body["ingest"] == {"documents": 3, "run_id": "run-still-reading", "status": "running",
                                  "planned": 353, "failed": None}
        assert body["loaded"] == "3 documents loaded so far; an ingest is reading 353, so results so far are partial"
        for path in ("/", "/councils/Rotherham", "/search?q=caseloads"):
            assert body["loaded"] in client.get(path).text, path
    finally:
        finish_run(graph, IngestRunEnd(id="run-still-reading", status="finished", documents_added=0,
                                       documents_updated=0, documents_unchanged=0, documents_failed=0, passages=0))
    assert 'class="banner"' not in client.get("/").text


def test_search_returns_cited_hits_and_applies_filters(client):
    body = client.get("/api/search", params={"q": "vacancy rate of social workers", "limit": 3}).json()
    top = body["hits"][0]
    assert "academy" in top["text"] and top["citation"]["title"] and top["citation"]["kind"] == "case_study"
    assert "<mark>" in top["snippet"]
    assert {"social_work_academy"} <= {i["id"] for i in top["interventions"]}
    assert "Rotherham" in {c["name"] for c in top["councils"]}
    assert [m["id"] for m in body["understood"]["metrics"]] == ["vacancy_rate"] and body["understood"]["councils"] == []
    only_sheffield = client.get("/api/search", params={"q": "social workers", "council": "Sheffield"}).json()
    assert only_sheffield["hits"] and all("Sheffield" in {c["name"] for c in hit["councils"]}
                                          for hit in only_sheffield["hits"])
    reports = client.get("/api/search", params={"q": "social workers", "kind": "inspection_report",
                                                "from": "2021", "grade": "requires_improvement"}).json()
    assert all(hit["citation"]["kind"] == "inspection_report" for hit in reports["hits"])
    assert client.get("/api/search", params={"q": "social workers", "intervention": "MASH"}).json()["hits"][0][
        "document_id"] != top["document_id"]


@pytest.mark.parametrize("params", [
    {"q": ""}, {"q": "   "}, {"q": "x", "limit": 0}, {"q": "x", "limit": 101}, {"q": "x", "offset": -1},
    {"q": "x", "from": "last year"}, {"q": "x", "grade": "excellent"}, {"q": "x" * 1001},
])
def test_search_refuses_bad_parameters_with_422(client, params):
    is_problem(client.get("/api/search", params=params), 422)


def test_a_huge_query_string_is_refused_before_it_is_parsed(client):
    is_problem(client.get("/api/search?q=" + "a" * 60_000), 413)  # the client caps URLs at 64 KB


def test_every_query_string_the_document_allows_is_under_the_limit():
    """The 413 at the door must never refuse a request the OpenAPI document allows: every query
    parameter has a bound, and all of them at their longest, in 4-byte characters percent-encoded
    (12 bytes each), fit."""
    def longest(schema: dict) -> int:
        if "enum" in schema:
            return max(len(str(value)) for value in schema["enum"])
        if schema["type"] == "array":  # a repeated parameter: its name (under 18 bytes here), '=' and '&' again each time
            assert "maxItems" in schema, schema
            return schema["maxItems"] * (longest(schema["items"]) + 20) - 20
        if schema["type"] == "string":
            assert "maxLength" in schema, schema
            return 12 * schema["maxLength"]
        assert schema["type"] == "integer" and "maximum" in schema, schema
        return len(str(schema["maximum"]))

    spec = create_app(load_model=False).openapi()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            query = [p for p in operation.get("parameters", []) if p["in"] == "query"]
            size = sum(len(p["name"]) + 2 + max(longest(variant) for variant in p["schema"].get("anyOf", [p["schema"]])
                                                 if variant.get("type") != "null") for p in query)
            assert size <= MAX_QUERY_STRING, f"{method.upper()} {path}: {size} bytes"


def test_unknown_filters_say_what_is_missing(client):
    assert "intervention" in is_problem(client.get("/api/search", params={"q": "x", "intervention": "zzz"}), 404)[
        "detail"]
    is_problem(client.get("/api/search", params={"q": "x", "council": "Nowhereshire"}), 404)


def test_councils_list_filters_and_profiles_by_any_code_or_name(client):
    london = client.get("/api/councils", params={"region": "London"}).json()["councils"]
    assert len(london) == 33 and all(c["region"] == "London" for c in london)
    graded = client.get("/api/councils", params={"grade": "requires_improvement"}).json()["councils"]
    assert [c["name"] for c in graded] == ["Knowsley"]
    by_name = client.get("/api/councils/Knowsley").json()
    assert client.get(f"/api/councils/{by_name['ons_code']}").json() == by_name
    assert client.get(f"/api/councils/{by_name['la_code']}").json()["name"] == "Knowsley"
    assert by_name["inspections"][0]["judgements"]["overall_effectiveness"] == "requires_improvement"
    assert by_name["journey"][0]["phase"] == "fair" and len(by_name["neighbours"]) == 10
    ambiguous = is_problem(client.get("/api/councils/Yorkshire"), 409)
    assert {"North Yorkshire", "East Riding of Yorkshire"} <= {c["name"] for c in ambiguous["candidates"]}
    is_problem(client.get("/api/councils/Atlantis"), 404)


def test_similar_councils_come_with_reasons(client):
    councils = client.get("/api/councils/Knowsley/similar", params={"limit": 5}).json()["councils"]
    assert len(councils) == 5 and councils[0]["reasons"][0].startswith("statistical neighbour")
    assert councils == sorted(councils, key=lambda c: -c["score"])


def test_interventions_outcomes_and_enablers(client):
    catalogue = {row["id"]: row for row in client.get("/api/interventions").json()["interventions"]}
    assert catalogue["social_work_academy"]["councils"] >= 1
    academy = client.get("/api/interventions/Social work academy").json()
    assert academy["id"] == "social_work_academy"
    assert academy["councils"][0]["council"] == "Rotherham" and "academy" in academy["councils"][0]["quote"]
    is_problem(client.get("/api/interventions/perpetual-motion"), 404)
    vacancies = client.get("/api/outcomes", params={"metric": "vacancy_rate", "council": "Rotherham"}).json()
    outcome = vacancies["outcomes"][0]["outcome"]
    assert (outcome["value_from"], outcome["value_to"], outcome["direction"]) == (30, 11, "down")
    assert vacancies["outcomes"][0]["citation"]["title"]
    assert client.get("/api/outcomes", params={"min_strength": 4}).json()["outcomes"] == []
    is_problem(client.get("/api/outcomes", params={"min_strength": 5}), 422)
    enablers = client.get("/api/enablers").json()["enablers"]
    assert len(enablers) == 7
    partners = client.get("/api/enablers/Engaging partners/passages", params={"limit": 3}).json()
    assert partners["enabler"] == "engaging_partners" and partners["passages"][0]["citation"]["title"]
    is_problem(client.get("/api/enablers/luck/passages"), 404)


def test_what_worked_for_a_council_and_for_a_profile(client):
    answer = client.post("/api/what-worked", json={"council": "Doncaster",
                                                   "question": "recruit and keep social workers"}).json()
    top = answer["results"][0]
    assert top["intervention"]["id"] == "social_work_academy" and top["quotes"][0]["citation"]["title"]
    assert set(top["score_parts"]) == {"relevance", "comparability", "improvement", "strength"}
    profile = client.post("/api/what-worked", json={"profile": {"type": "Metropolitan District",
                                                                "region": "Yorkshire and the Humber"}}).json()
    assert profile["comparable_councils"] and profile["results"]
    is_problem(client.post("/api/what-worked", json={"profile": {"grade": "brilliant"}}), 422)
    is_problem(client.post("/api/what-worked", json={"limit": 0}), 422)
    is_problem(client.post("/api/what-worked", content=b"{not json", headers={"content-type": "application/json"}),
               422)
    is_problem(client.post("/api/what-worked", json={"council": "Atlantis"}), 404)


def test_evidence_map_cells_open_their_evidence(client):
    gap_map = client.get("/api/evidence-map").json()
    cell = next(c for c in gap_map["cells"] if c["intervention"] == "social_work_academy" and c["area"] == "workforce")
    assert cell["councils"] == 1 and cell["documents"] == 1 and cell["outcomes"] >= 1
    assert {"workforce", "front_door"} <= {area["id"] for area in gap_map["areas"]}
    evidence = client.get("/api/evidence-map/social_work_academy/workforce").json()["outcomes"]
    assert evidence and all(row["council"] == "Rotherham" and row["outcome"]["quote"] for row in evidence)
    elsewhere = client.get("/api/evidence-map", params={"region": "London"}).json()
    assert elsewhere["cells"] == [] and elsewhere["councils_in_scope"] == 33
    near = client.get("/api/evidence-map", params={"comparators_of": "Doncaster"}).json()
    assert near["councils_in_scope"] == 11


def test_the_gap_map_pages_through_listed_practices_most_councils_first(client):
    whole = client.get("/api/evidence-map").json()
    assert whole["interventions_total"] == len(whole["interventions"]) >= 2
    first = client.get("/api/evidence-map", params={"limit": 1}).json()
    second = client.get("/api/evidence-map", params={"limit": 1, "offset": 1}).json()
    assert first["interventions_total"] == whole["interventions_total"] and second["offset"] == 1
    assert first["interventions"] + second["interventions"] == whole["interventions"][:2]
    assert {cell["intervention"] for cell in first["cells"]} == {row["id"] for row in first["interventions"]}
    tied: dict[str, int] = {}
    for cell in whole["cells"]:
        tied[cell["intervention"]] = max(tied.get(cell["intervention"], 0), cell["councils"])
    assert tied[whole["interventions"][0]["id"]] == max(tied.values())
    # an emerging practice one council is recorded using is left off the map, as off the list
    listed = {row["id"] for row in client.get("/api/interventions").json()["interventions"]}
    assert {row["id"] for row in whole["interventions"]} <= listed


def test_uploads_need_the_key_and_land_through_the_pipeline(client, api_settings):
    files = {"file": ("../../etc/ofsted notes.md", b"# Notes\n\nWigan set up a social work academy in 2018. "
                                                     b"Caseloads fell after the academy opened.\n")}
    is_problem(client.post("/api/documents", files=files), 401)
    is_problem(client.post("/api/documents", files=files, headers={"X-API-Key": "wrong"}), 403)
    form = {"kind": "case_study", "councils": ["Wigan"], "title": "Wigan notes"}
    created = client.post("/api/documents", files=files, data=form, headers={"Authorization": f"Bearer {KEY}"})
    assert created.status_code == 201, created.text
    document_id = created.json()["document_id"]
    stored = list((api_settings.home / "uploads").rglob("*.md"))
    assert [path.name for path in stored] == ["ofsted-notes.md"]
    assert stored[0].resolve().is_relative_to((api_settings.home / "uploads").resolve())
    again = client.post("/api/documents", files=files, data=form, headers={"X-API-Key": KEY})
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    document = client.get(f"/api/documents/{document_id}").json()
    assert document["title"] == "Wigan notes" and [c["name"] for c in document["councils"]] == ["Wigan"]
    assert document["passages"][0]["interventions"][0]["id"] == "social_work_academy"
    rejected = client.post("/api/documents", files={"file": ("empty.txt", b"")}, headers={"X-API-Key": KEY})
    assert "empty" in is_problem(rejected, 422)["detail"]
    is_problem(client.post("/api/documents", files=files, data={"kind": "gossip"}, headers={"X-API-Key": KEY}), 422)
    is_problem(client.get("/api/documents/no-such-document"), 404)


def test_uploads_over_the_limit_are_stopped(api_settings):
    small = api_settings.model_copy(update={"max_file_mb": 0.01})
    with TestClient(create_app(small, load_model=False)) as small_client:
        too_big = small_client.post("/api/documents", files={"file": ("big.txt", b"word " * 5000)},
                                    headers={"X-API-Key": KEY})
        is_problem(too_big, 413)
        declared = small_client.post("/api/documents", content=b"x" * (2 * 1024 * 1024),
                                     headers={"X-API-Key": KEY, "content-type": "multipart/form-data; boundary=b"})
        is_problem(declared, 413)
    assert not [p for p in (small.home / "uploads").rglob("*") if p.name.startswith(".incoming")]


def test_writes_are_off_without_a_configured_key(settings):
    with TestClient(create_app(settings, load_model=False)) as keyless:
        is_problem(keyless.post("/api/documents", files={"file": ("a.txt", b"text")}, headers={"X-API-Key": "x"}),
                   403)


def test_openapi_documents_every_endpoint_with_an_example(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def expanded(node, depth: int = 3) -> str:
        text = str(node)
        if depth:
            text += "".join(expanded(schemas[name], depth - 1) for name in re.findall(r"#/components/schemas/(\w+)", text))
        return text

    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert "example" in expanded(operation), f"{method.upper()} {path} has no example"
            assert any(status.startswith(("4", "5")) for status in operation["responses"]), f"{method} {path}"


FUZZ_CONFIG = {
    "generation": {"mode": "all", "max-examples": 40, "deterministic": True, "database": "none"},
    "checks": {
        "enabled": True,
        # schemathesis's own list, and 413: how the app refuses a query string over its limit before
        # reading it, a rejection like 422
        "negative_data_rejection": {"expected-statuses": ["400", "401", "403", "404", "405", "406", "409", "413",
                                                          "415", "422", "428", "429", "5xx"]},
    },
    "auth": {"openapi": {"APIKeyHeader": {"api_key": KEY}}},
    "operations": [{
        # Any bytes are a valid `file` to the schema; whether they are a readable document is only known
        # once they are read, and the answer to unreadable bytes is the documented 422
        "include-path": "/api/documents", "include-method": "POST",
        "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "404", "409", "422"]}},
    }, {
        # A made-up id the schema allows is not in the graph (404), and a catalogue entry or a merge into
        # itself is refused (400): only the graph knows
        "include-path-regex": "/curation$", "include-method": "POST",
        "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]}},
    }],
}
# The app's own document, loaded before any fixture exists so that schemathesis can make one test per
# operation; the requests go over HTTP to the app under test, as `schemathesis run` sends them
fuzzed = schemathesis.openapi.from_dict(create_app(load_model=False).openapi(),
                                        config=schemathesis.config.SchemathesisConfig.from_dict(FUZZ_CONFIG))
fuzz_cases: list[str] = []


@pytest.fixture(scope="module")
def served(client, api_settings):
    """The API under uvicorn over the module's graph, once it is ready (a 503 while the model loads is
    documented, but not what the fuzzer is here to find)."""
    with serving(create_app(api_settings)) as base_url:
        deadline = time.monotonic() + 120
        while httpx.get(f"{base_url}/health").status_code != 200:
            assert time.monotonic() < deadline, "the API never became ready"
            time.sleep(0.5)
        yield base_url


@fuzzed.parametrize()
@hypothesis_settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_input_breaks_the_api_or_its_schema(case, served):
    """Every check, both generation modes and every stateless phase (examples, coverage with its
    unsupported methods, fuzzing), as `schemathesis run --checks all`: no 5xx; every response has a
    documented status, content type, headers and schema; valid data is accepted and invalid data refused;
    undocumented methods are answered 405 with an `Allow` that lists the documented ones."""
    case.call_and_validate(base_url=served)
    fuzz_cases.append(case.operation.label)


def test_workflows_across_operations_keep_to_the_document(served):
    """The stateful phase, over the links schemathesis infers (a council from the list to its profile,
    an upload to its document, …), with every check: what one answer names, the next can open."""
    uploads = itertools.count()

    class Workflow(fuzzed.as_state_machine()):  # type: ignore[misc]
        def before_call(self, case: schemathesis.Case) -> None:
            """Each upload's file is made new (a counter appended), so it is added whether or not an
            earlier scenario sent the same bytes: the same steps then meet the same answers."""
            file = case.body.get("file") if isinstance(case.body, dict) else None
            if case.operation.label == "POST /api/documents" and isinstance(file, (bytes, str)):
                suffix = f"\n{next(uploads)}"
                case.body["file"] = file + (suffix if isinstance(file, str) else suffix.encode())

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, str]:
            return {"base_url": served}

    # generation only, as schemathesis's own state machines run: the answers depend on what earlier
    # scenarios created (an upload is new once, then unchanged), so a replay would not be the same run
    Workflow.run(settings=hypothesis_settings(max_examples=40, stateful_step_count=6, deadline=None,
                                              derandomize=True, database=None, phases=[Phase.generate],
                                              suppress_health_check=list(HealthCheck)))


def test_the_fuzzer_reached_every_operation():
    """Counts what the test above sent, so a schema or config change cannot quietly shrink the run."""
    if not fuzz_cases:
        pytest.skip("counts the cases of test_no_generated_input_breaks_the_api_or_its_schema, which did not run")
    operations = {found.ok().label for found in fuzzed.get_all_operations()}
    assert len(operations) == 19 and set(fuzz_cases) == operations, sorted(operations - set(fuzz_cases))
    assert len(fuzz_cases) > 900, len(fuzz_cases)


def test_neo4j_down_is_503_and_the_api_recovers_by_itself(client, settings):
    elsewhere = make_settings(settings.home, free_port())
    with TestClient(create_app(elsewhere, load_model=False)) as unreachable:
        body = is_problem(unreachable.get("/api/councils"), 503)
        assert "not reachable" in body["detail"] and unreachable.get("/health").status_code == 503
    server.stop(settings)
    try:
        down = client.get("/api/councils/Knowsley")
        assert is_problem(down, 503) and down.headers["retry-after"]
        assert "password" not in down.text.lower()
    finally:
        server.start(settings)
    deadline = time.monotonic() + 60
    while (back := client.get("/api/councils/Knowsley")).status_code == 503 and time.monotonic() < deadline:
        time.sleep(1)  # the database may still be coming online: a 503, never a 500, until it is
    assert back.status_code == 200, back.text
    assert back.json()["name"] == "Knowsley"
