"""Official statistics over the real files in ../shared/reference/dfe_statistics: the figures SOURCE.md
quotes and more checked by hand against the files, suppressed cells absent (never zero), reorganised
councils mapped, a second load that changes nothing, and the command line, the API and the council
page showing a council's series beside its statistical neighbours' median and England."""

from __future__ import annotations

import hashlib
import html
import json
import re

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.web.charts import statistics_chart
from ingest.reference import read_councils
from ingest.statistics import LAIT_AREAS, STATISTICS_DIR, read_statistics
from kg.councils import load_councils
from kg.model.statistics import ENGLAND_CODE, KEY_MEASURES
from kg.statistics import council_statistics, load_statistics
from tests.conftest import SHARED, run_cli, wipe

FILES = SHARED / "reference" / STATISTICS_DIR
KENT, BLACKPOOL, HAMPSHIRE, HACKNEY = "E10000016", "E06000009", "E10000014", "E09000012"
CUMBERLAND, WESTMORLAND, CUMBRIA = "E06000063", "E06000064", "909"
NORTH_YORKSHIRE, SOMERSET, DORSET, BCP = "E06000065", "E06000066", "E06000059", "E06000058"
NEW_LAIT, OLD_LAIT = "lait_bds_long_2016_2025.parquet", "lait_bds_long_2015_2024.parquet"


@pytest.fixture(scope="module")
def read():
    return read_statistics(FILES, read_councils(SHARED / "reference"))


@pytest.fixture(scope="module")
def loaded(graph, read):
    """The council reference graph and every statistic, loaded once into an emptied graph."""
    wipe(graph)
    load_councils(graph, read_councils(SHARED / "reference"))
    first = load_statistics(graph, read.measures, read.values)
    return graph, first


def figures(read, measure: str, area: str, year: int) -> dict[str, float]:
    """Every source's figure for one measure, area and year: {source file: value}."""
    return {value.source_file: value.value for value in read.values
            if value.measure_id == measure and value.area_code == area and value.year == year}


def shown(answer: dict, measure: str, year: int, series: str = "series") -> float | None:
    entry = next(entry for entry in answer["measures"] if entry["id"] == measure)
    return next((point["value"] for point in entry[series] if point["year"] == year), None)


def fingerprint(graph) -> dict:
    """Counts and a content checksum of every Measure and MeasureValue with the nodes it links to."""
    digests = []
    with graph.driver.session(database=graph.database) as session:
        for record in session.run("MATCH (m:Measure) RETURN properties(m) AS props"):
            digests.append(hashlib.sha256(json.dumps(record["props"], sort_keys=True).encode()).hexdigest())
        for record in session.run(
                "MATCH (v:MeasureValue) RETURN properties(v) AS props, [(v)-[:OF_MEASURE]->(m:Measure) | m.id] "
                "AS measure, [(v)-[:FOR_COUNCIL]->(c:Council) | c.code] AS councils"):
            digests.append(hashlib.sha256(json.dumps([record["props"], record["measure"], record["councils"]],
                                                     sort_keys=True).encode()).hexdigest())
        counts = session.run("MATCH (m:Measure) WITH count(m) AS measures MATCH (v:MeasureValue) "
                             "RETURN measures, count(v) AS values, "
                             "COUNT { ()-[:OF_MEASURE]->() } AS of_measure, "
                             "COUNT { ()-[:FOR_COUNCIL]->() } AS for_council").single().data()
    return {**counts, "checksum": hashlib.sha256("".join(sorted(digests)).encode()).hexdigest()}


def test_spot_values_quoted_in_source_md(read, loaded):
    graph, _ = loaded
    # agency social workers, England: 15.8 % (2017), 17.9 % (2023), 13.0 % (2025)
    for year, value in ((2017, 15.8), (2023, 17.9), (2025, 13.0)):
        assert figures(read, "Work_Force_Agecy_Rate", ENGLAND_CODE, year) == {NEW_LAIT: value}
    # looked-after children per 10,000 in 2023: England 70, Blackpool 190, Hampshire 66, Kent 56
    for area, value in ((ENGLAND_CODE, 70), (BLACKPOOL, 190), (HAMPSHIRE, 66), (KENT, 56)):
        assert figures(read, "LAC", area, 2023)[NEW_LAIT] == value
    # the England CIN rate for 2024 differs between releases: both kept, each with its source; LAIT's shown
    assert figures(read, "CIN", ENGLAND_CODE, 2024) == {NEW_LAIT: 331.2, "b1_children_in_need_2013_to_2024.csv": 332.9}
    kent = council_statistics(graph, "Kent", ["CIN", "LAC", "Work_Force_Agecy_Rate"])
    assert shown(kent, "CIN", 2024, "england") == 331.2
    assert shown(kent, "LAC", 2023) == 56 and shown(kent, "LAC", 2023, "england") == 70
    assert shown(kent, "Work_Force_Agecy_Rate", 2023, "england") == 17.9


# Each checked by hand in the file itself: the parquet files filtered with pyarrow on `Short Desc`,
# `LA Number` and `Years` and the row printed (e.g. pq.read_table(f).filter(...).to_pylist()); the CSV
# files by grep for the row (`grep "^2014,.*,886,.*Kent" ees/b1_…csv`) and counting its columns.
HAND_CHECKED = [
    # LAIT 2016–2025: Work_Force_TO_Rate, 890 Blackpool, '2019' → Values '19.5'
    ("Work_Force_TO_Rate", BLACKPOOL, 2019, NEW_LAIT, 19.5),
    # LAIT 2016–2025: LACFinance, 886 Kent, '2024-25 (OT)' → '2195' (£ a week per looked-after child)
    ("LACFinance", KENT, 2025, NEW_LAIT, 2195),
    # LAIT 2016–2025: CPP_rate, 890 Blackpool, '2016' → '127.8'
    ("CPP_rate", BLACKPOOL, 2016, NEW_LAIT, 127.8),
    # LAIT 2016–2025: Continue_Assess_Comp, 886 Kent, '2022' → '79'
    ("Continue_Assess_Comp", KENT, 2022, NEW_LAIT, 79),
    # LAIT 2015–2024 (the only source of 2015): LAC, 886 Kent, '2015' → '57'
    ("LAC", KENT, 2015, OLD_LAIT, 57),
    # LAIT 2016–2025: ReReferral, 980 North East (a region), '2025' → '20.7'
    ("ReReferral", "E12000001", 2025, NEW_LAIT, 20.7),
    # LAIT 2016–2025: TotalLACFinance, 970 England, '2024-25 (OT)' → '8955421269' (£)
    ("TotalLACFinance", ENGLAND_CODE, 2025, NEW_LAIT, 8955421269),
    # LAIT 2016–2025: LAC, 815 North Yorkshire (before it became a unitary council in 2023), '2016' → '35'
    ("LAC", NORTH_YORKSHIRE, 2016, NEW_LAIT, 35),
    # LAIT 2016–2025: LAC, 933 Somerset, '2019' → '49'
    ("LAC", SOMERSET, 2019, NEW_LAIT, 49),
    # LAIT 2016–2025: LAC, 909 Cumbria (predecessor), '2023' → '82'; 942 Cumberland, '2024' → '93'
    ("LAC", CUMBRIA, 2023, NEW_LAIT, 82),
    ("LAC", CUMBERLAND, 2024, NEW_LAIT, 93),
    # LAIT 2016–2025: LAC, 835 'Dorset (Pre LG)', '2018' → '59'
    ("LAC", "835", 2018, NEW_LAIT, 59),
    # LAIT 2016–2025: Work_Force_Agecy_Rate, 836 'Poole (Pre LG)', '2018' → '4.9000000000000004'
    ("Work_Force_Agecy_Rate", "836", 2018, NEW_LAIT, 4.9),
    # LAIT 2016–2025: CIN, 928 Northamptonshire (predecessor), '2021' → '286.39999999999998'
    ("CIN", "928", 2021, NEW_LAIT, 286.4),
    # EES c1, 2013, National: the 14th column rereferral_percent → 24.7 (LAIT starts in 2015)
    ("ReReferral", ENGLAND_CODE, 2013, "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", 24.7),
    # EES b1, 2014, 886 Kent: At31_episodes_rate (after At31_episodes 10030) → 309.8
    ("CIN", KENT, 2014, "b1_children_in_need_2013_to_2024.csv", 309.8),
    # EES d5, 2013, 886 Kent: CPP_At31 → 999
    ("CPP_Num", KENT, 2013, "d5_cpps_at31march_by_duration_2013_to_2025.csv", 999),
    # EES ONS population, 2024, National, children aged 0 to 17 → 12183016
    ("Population_0_17", ENGLAND_CODE, 2024, "ons_mid-year_population_estimates_2012_to_2024.csv", 12183016),
]


@pytest.mark.parametrize("measure, area, year, source, value", HAND_CHECKED)
def test_values_checked_by_hand_against_the_files(read, loaded, measure, area, year, source, value):
    assert figures(read, measure, area, year)[source] == pytest.approx(value)
    graph, _ = loaded
    stored = graph.driver.execute_query(
        "MATCH (v:MeasureValue {measure_id: $measure, area_code: $area, year: $year, source_file: $source}) "
        "RETURN v.value AS value", measure=measure, area=area, year=year, source=source)[0]
    assert [record["value"] for record in stored] == [pytest.approx(value)]


def test_suppressed_or_missing_cells_are_absent_never_zero(read, loaded):
    graph, _ = loaded
    # Hackney sent no children in need census for 2021 and 2022 ('-' in LAIT, 'x' in EES b1);
    # Hampshire's 2024 figures are withheld ('-' in LAIT, 'u' in EES b1)
    for area, year in ((HACKNEY, 2021), (HACKNEY, 2022), (HAMPSHIRE, 2024)):
        assert figures(read, "CIN", area, year) == {}
    hackney = council_statistics(graph, "Hackney", ["CIN"])
    assert {2020, 2023} <= {point["year"] for point in hackney["measures"][0]["series"]}
    assert shown(hackney, "CIN", 2021) is None and shown(hackney, "CIN", 2022) is None
    # no '-' row of the newer LAIT release (38,388 of them in scope) gave a figure from that file
    table = pq.read_table(FILES / NEW_LAIT)
    dashes = table.filter(pc.equal(table["Values"], "-")).select(["Short Desc", "Years", "LA Number"]).to_pylist()
    numbers = {council.code: int(council.la_code) for council in read_councils(SHARED / "reference")}
    numbers.update({code: number for number, (code, _name) in LAIT_AREAS.items()} | {"835": 835, "837": 837})
    kept = {(value.measure_id, value.year_label, numbers[value.area_code]) for value in read.values
            if value.source_file == NEW_LAIT}
    assert len(kept) == 221_712
    assert not [row for row in dashes if (row["Short Desc"], row["Years"], row["LA Number"]) in kept]
    report = next(report for report in read.files if report.file == NEW_LAIT)
    assert report.dropped["suppressed or missing ('-')"] == 38_388


def test_reorganised_councils_are_mapped_through_the_reference(read, loaded):
    graph, _ = loaded
    # North Yorkshire and Somerset kept their DfE code when they became unitary in 2023: one series
    for council in ("North Yorkshire", "Somerset"):
        years = [point["year"] for point in council_statistics(graph, council, ["LAC"])["measures"][0]["series"]]
        assert years == list(range(2015, 2026))
    # Cumbria's figures stay under its own code, linked to it and naming its successors
    cumbria = {value.successors for value in read.values if value.area_code == CUMBRIA}
    assert cumbria == {(CUMBERLAND, WESTMORLAND)}
    linked = graph.driver.execute_query(
        "MATCH (v:MeasureValue {area_code: '909'})-[:FOR_COUNCIL]->(c:Council) RETURN DISTINCT c.name AS name")[0]
    assert [record["name"] for record in linked] == ["Cumbria"]
    # a successor's series starts when it does, with its predecessor's beside it
    cumberland = council_statistics(graph, "Cumberland", ["LAC"])["measures"][0]
    assert [point["year"] for point in cumberland["series"]] == [2024, 2025]
    assert [(p["code"], p["name"]) for p in cumberland["predecessors"]] == [(CUMBRIA, "Cumbria")]
    assert cumberland["predecessors"][0]["series"][-1] == {"year": 2023, "year_label": "2023", "value": 82,
                                                           "source": NEW_LAIT, "release": "LAIT 2026-04-08"}
    north = council_statistics(graph, "North Northamptonshire", ["CIN"])["measures"][0]
    assert [p["name"] for p in north["predecessors"]] == ["Northamptonshire"]
    # BCP replaced Bournemouth and Poole, Dorset replaced Dorset county (neither old code is in the reference)
    bcp = council_statistics(graph, "Bournemouth, Christchurch and Poole", ["LAC"])["measures"][0]
    assert sorted(p["code"] for p in bcp["predecessors"]) == ["836", "837"]
    dorset = council_statistics(graph, DORSET, ["LAC"])["measures"][0]
    assert [(p["code"], p["series"][-1]["value"]) for p in dorset["predecessors"]] == [("835", 59)]
    # joint workforce figures for two councils match neither and are reported as unmatched
    workforce = next(report for report in read.files if report.file.endswith("csww_indicators_2017_to_2025.csv"))
    assert set(workforce.unmatched) == {
        "Kingston upon Thames / Richmond upon Thames (314 / 318): a joint figure for two councils",
        "North Northamptonshire / West Northamptonshire (940 / 941): a joint figure for two councils"}
    assert read.unmatched == sum(workforce.unmatched.values()) == 140


def test_a_second_load_changes_nothing_and_a_revision_rewrites_only_its_measure(read, loaded):
    graph, first = loaded
    assert first.measures_written == len(read.measures) and first.values_written == len(read.values)
    before = fingerprint(graph)
    assert before["values"] == len(read.values) == before["of_measure"]
    assert before["measures"] == len(read.measures)
    again = load_statistics(graph, read.measures, read.values)
    assert (again.measures_written, again.values_written, again.measures_unchanged) == (0, 0, len(read.measures))
    assert fingerprint(graph) == before
    # a revised figure rewrites its measure alone; loading the files again restores the graph exactly
    revised = [value.model_copy(update={"value": 1.0}) if value.measure_id == "Population_0_17"
               and value.area_code == ENGLAND_CODE and value.year == 2024 else value for value in read.values]
    changed = load_statistics(graph, read.measures, revised)
    population = sum(1 for value in read.values if value.measure_id == "Population_0_17")
    assert (changed.measures_written, changed.values_written) == (1, population)
    stored = graph.driver.execute_query("MATCH (v:MeasureValue {measure_id: 'Population_0_17', area_code: $england, "
                                        "year: 2024}) RETURN v.value AS value", england=ENGLAND_CODE)[0]
    assert [record["value"] for record in stored] == [1.0]
    load_statistics(graph, read.measures, read.values)
    assert fingerprint(graph) == before


def test_the_command_line_loads_and_answers_in_json(loaded, settings):
    result = run_cli(settings, "stats", "load", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["rows_read"] > 1_200_000 and summary["values_unmatched"] == 140
    assert summary["measures_written"] == 0 and summary["values_written"] == 0
    assert "writing figures: 0/0 figures" in result.stderr  # the progress line a log gets at the end
    result = run_cli(settings, "stats", "Kent", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["council"] == {"code": KENT, "ons_code": KENT, "la_code": "886", "name": "Kent"}
    assert [entry["id"] for entry in answer["measures"]] == list(KEY_MEASURES)
    agency = answer["measures"][0]
    assert set(agency) >= {"id", "label", "unit", "polarity", "series", "neighbours_median", "england", "citation"}
    assert (agency["unit"], agency["polarity"]) == ("%", "low")
    assert agency["citation"] == ("Department for Education, Children's social work workforce, "
                                  "Open Government Licence v3.0")
    assert set(agency["series"][0]) == {"year", "year_label", "value", "source", "release"}
    assert all(point["count"] <= point["of"] == 10 for point in agency["neighbours_median"])
    result = run_cli(settings, "stats", "Cumberland", "--measure", "LAC", COLUMNS="160")
    assert result.returncode == 0 and "Cumbria (predecessor)" in result.stdout, result.stderr
    result = run_cli(settings, "stats", "Kent", "--measure", "No_Such_Measure")
    assert result.returncode == 2 and "no measure 'No_Such_Measure'" in result.stderr


def test_the_api_answers_from_the_same_function(loaded, settings):
    graph, _ = loaded
    with TestClient(create_app(settings, load_model=False)) as client:
        response = client.get("/api/councils/Kent/statistics", params={"measure": ["LAC", "ReReferral"]})
        assert response.status_code == 200
        assert response.json() == council_statistics(graph, "Kent", ["LAC", "ReReferral"])
        assert [entry["id"] for entry in client.get("/api/councils/886/statistics").json()["measures"]] \
            == list(KEY_MEASURES)
        assert client.get("/api/councils/Kent/statistics", params={"measure": "Nope"}).status_code == 404
        assert client.get("/api/councils/Atlantis/statistics").status_code == 404


def test_the_council_page_charts_the_key_measures_with_tables_and_citations(loaded, settings):
    with TestClient(create_app(settings, load_model=False)) as client:
        page = client.get("/councils/Kent").text
        cumberland = client.get("/councils/Cumberland").text
    section = html.unescape(page.split('<h2 id="statistics">', 1)[1].split("</section>", 1)[0])
    charts = re.findall(r'<svg class="statchart"[^>]*role="img"[^>]*>\s*<title[^>]*>([^<]*)</title>', section)
    assert len(charts) == len(KEY_MEASURES)
    assert charts[0].startswith("Agency social workers (%): Kent, its statistical neighbours' median and England")
    assert section.count("<table") == len(KEY_MEASURES) and section.count("<caption>") == len(KEY_MEASURES)
    assert "Statistical neighbours' median</text>" in section and ">England</text>" in section  # legends, in words
    assert section.count("Source: Department for Education, ") == len(KEY_MEASURES)
    assert "Department for Education, Children's social work workforce, Open Government Licence v3.0" in section
    row_2023 = re.search(r'<th scope="row">2023</th><td>56</td>\s*<td>[^<]*</td>\s*<td>70</td>',
                         section.split("Children looked after, per 10,000 children: Kent", 1)[1])
    assert row_2023, "the looked-after table gives Kent 56 and England 70 for 2023"
    assert 'href="/api/councils/E10000016/statistics"' in section
    assert "Cumbria (predecessor)" in cumberland
    # inspections within the chart's years are marked, each with its date and grade in words
    graph, _ = loaded
    agency = council_statistics(graph, "Kent", ["Work_Force_Agecy_Rate"])["measures"][0]
    chart = statistics_chart(agency, "Kent", [{"when": "2019-05-10", "grade": "good"},
                                              {"when": "2009-01-01", "grade": "inadequate"}])
    assert chart.count('<g class="inspection">') == 1 and "<title>Inspection 2019-05-10: good</title>" in chart
    assert ">Inspection</text>" in chart
