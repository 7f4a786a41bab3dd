"""What worked, measured, and claims checked against the official statistics, on a real graph holding
figures made up for the test (so every expected number can be worked out by hand): a practice's
councils against their statistical neighbours' median over the same years, "too few councils to tell"
below three, the grade base rate, the verdicts on claimed figures, and no practice scoring
improvement 1.00 on one council."""

from __future__ import annotations

import datetime as dt

import pytest

from embedding.embedder import embedder_for
from ingest.reference import read_councils
from kg.inspections import JourneyPoint
from kg.model.statistics import Measure, MeasureValue
from kg.model.vocabulary import SINCE_LAST_INSPECTION, credits_change
from kg.statistics import check_outcomes, load_statistics, named_years
from search.evidence_map import cell_evidence, evidence_map
from search.measured import TOO_FEW, Adoption, Measured, measures_for
from search.similar import Profile
from search.what_worked import what_worked
from tests.case_studies import load_case_studies
from tests.conftest import SHARED

AGENCY, VACANCY = "Work_Force_Agecy_Rate", "Work_Force_Vac_Rate"
ROTHERHAM = "E08000018"


def measure(measure_id: str) -> Measure:
    return Measure(id=measure_id, label=measure_id, unit="%", polarity="low", description="made up for the test",
                   topic="Children's Services Workforce", publisher="Department for Education",
                   publication="Children's social work workforce", period_end_month=9)


def figure(measure_id: str, code: str, year: int, value: float) -> MeasureValue:
    return MeasureValue(measure_id=measure_id, area_code=code, area_kind="council", year=year, year_label=str(year),
                        value=value, source_file="made-up.csv", release="test", source_rank=0)


def adopters_and_neighbours() -> tuple[list[str], set[str]]:
    """Four councils none of which is another's neighbour (nor Rotherham's), and all their neighbours."""
    councils = [c for c in read_councils(SHARED / "reference") if not c.historic and len(c.neighbour_ons_codes) >= 5]
    taken: set[str] = {ROTHERHAM}
    adopters: list[str] = []
    for council in councils:
        if council.code not in taken and not taken & set(council.neighbour_ons_codes) and len(adopters) < 4:
            adopters.append(council.code)
            taken |= {council.code, *council.neighbour_ons_codes}
    neighbours = {n for c in councils if c.code in adopters for n in c.neighbour_ons_codes}
    return adopters, neighbours


@pytest.fixture(scope="module")
def measured_graph(graph, settings, tmp_path_factory):
    """The case studies (Rotherham's academy, stated start 2016), Barnsley's inspections of 2014 (requires
    improvement) and 2018 (good), and made-up agency and vacancy rates: each
    adopter falls from 20% (2018) to 10% (2021), its neighbours from 20% to 18%; the last adopter has no
    2021 figure, only 12% in 2020 (its neighbours 19%). Rotherham falls 2016→2019 as its neighbours do."""
    barnsley = SHARED / "corpus" / "ofsted" / "80426_barnsley"
    load_case_studies(graph, settings, tmp_path_factory.mktemp("case-studies"),
                      *(barnsley / f"children's services inspection - {day}.pdf"
                        for day in ("08 august 2014", "19 november 2018")))
    adopters, neighbours = adopters_and_neighbours()
    rotherham = next(c for c in read_councils(SHARED / "reference") if c.code == ROTHERHAM)
    values = []
    for measure_id in (AGENCY, VACANCY):
        for code in adopters[:3]:
            values += [figure(measure_id, code, 2018, 20), figure(measure_id, code, 2021, 10)]
        values += [figure(measure_id, adopters[3], 2018, 20), figure(measure_id, adopters[3], 2020, 12)]
        for code in neighbours - set(adopters) - {ROTHERHAM}:
            values += [figure(measure_id, code, 2018, 20), figure(measure_id, code, 2020, 19),
                       figure(measure_id, code, 2021, 18)]
        values += [figure(measure_id, ROTHERHAM, 2016, 30), figure(measure_id, ROTHERHAM, 2019, 25)]
        values += [figure(measure_id, n, year, value) for n in rotherham.neighbour_ons_codes
                   for year, value in ((2016, 30), (2019, 25))]
    load_statistics(graph, [measure(AGENCY), measure(VACANCY)], values)
    return graph, adopters


def test_change_is_measured_against_the_neighbours_median_and_needs_three_councils(measured_graph):
    graph, adopters = measured_graph
    measured = Measured(graph, histories={})
    change = measured.change(adopters[0], AGENCY, 2018)
    assert (change["change"], change["comparators_change"], change["better_than_comparators"]) == (-10, -2, True)
    assert (change["from_year"], change["to_year"]) == (2018, 2021) and change["comparators"] >= 3
    # no 2021 figure: the change over two years, the neighbours' over the same two
    later = measured.change(adopters[3], AGENCY, 2018)
    assert (later["to_year"], later["change"], later["comparators_change"]) == (2020, -8, -1)
    assert measured.change(adopters[0], AGENCY, 2024) is None  # no figures after adoption yet

    two = {code: Adoption(code, code, 2018, "stated start") for code in adopters[:2]}
    summary, councils = measured.practice(two, [AGENCY])
    assert summary["n"] == 2 and not summary["enough"] and summary["improvement"] == 0.5
    assert summary["measures"][0]["change"] is None and summary["measures"][0]["note"] == TOO_FEW
    assert TOO_FEW in summary["explained"] and councils[adopters[0]]["changes"][0]["change"] == -10

    four = {code: Adoption(code, code, 2018, "first dated mention") for code in adopters}
    summary, _ = measured.practice(four, [AGENCY])
    row = summary["measures"][0]
    assert (row["n"], row["change"], row["comparators_change"], row["better_than_comparators"]) == (4, -10, -2, 4)
    # four of four did better, shrunk towards 0.5 by two councils' worth: (4 + 1) / (4 + 2)
    assert summary["improvement"] == round(5 / 6, 4) and summary["first_dated_mention"] == 4


def test_next_grade_is_set_against_the_base_rate_of_councils_at_the_same_grade(measured_graph):
    graph, adopters = measured_graph
    day = dt.date(2017, 6, 1)
    later = dt.date(2020, 3, 1)
    histories = {
        "A": [JourneyPoint(day, "requires_improvement", "fair"), JourneyPoint(later, "good", "good")],
        "B": [JourneyPoint(day, "requires_improvement", "fair"), JourneyPoint(later, "requires_improvement", "fair")],
        "C": [JourneyPoint(day, "requires_improvement", "fair"), JourneyPoint(later, "inadequate", "poor")],
        "D": [JourneyPoint(day, "inadequate", "poor"), JourneyPoint(later, "good", "good")],
        "E": [JourneyPoint(dt.date(2019, 1, 1), "requires_improvement", "fair"), JourneyPoint(later, "good", "good")],
        "F": [JourneyPoint(day, "requires_improvement", "fair")],  # not inspected again: not counted
    }
    measured = Measured(graph, histories=histories)
    assert measured.base_rate("fair", 2018) == (1 / 3, 3)  # A rose; B and C did not; E was not yet at it
    grade = measured.grade_after("A", 2018)
    assert (grade["from_grade"], grade["to_grade"], grade["rose"], grade["base_rate"]) == \
        ("requires_improvement", "good", True, round(1 / 3, 3))
    assert measured.grade_after("F", 2018) is None
    summary, _ = measured.practice({"A": Adoption("A", "A", 2018, "stated start")}, [])
    # one council: too few to tell, and its rise (against a one-in-three base rate) does not make it 1.00
    assert summary["grade"] == {"n": 1, "rose": None, "base_rate": None, "note": TOO_FEW}
    assert summary["improvement"] == 0.5


def test_claims_are_checked_against_the_official_figures(measured_graph):
    graph, adopters = measured_graph
    code = adopters[0]

    def outcome(**fields):
        return {"ons_code": code, "outcome": {"metric": "agency_staff", "unit": "%", "quote": "agency staff fell",
                                              "value_from": 20.4, "value_to": 10, "period": "2018–2021", **fields}}

    rows = [outcome(), outcome(value_from=25, value_to=12, period="between 2018 and 2021"),
            outcome(period="2012–2013"), outcome(period="three years"), outcome(metric="staff_morale"),
            outcome(unit="count", value_from=40, value_to=12), outcome(period="since 2018", value_from=20.9),
            # dated beside each figure: February 2022 is nearest the census of September 2021
            outcome(quote="agency staff fell from 20% in September 2018 to 10% in February 2022", period=None,
                    value_from=20)]
    checks = [row["outcome"]["official"] for row in check_outcomes(graph, rows)]
    assert checks[0]["verdict"] == "consistent" and "within 1 percentage point" in checks[0]["tolerance"]
    assert [(f["year"], f["claimed"], f["official"]) for f in checks[0]["figures"]] == [(2018, 20.4, 20), (2021, 10, 10)]
    assert checks[1]["verdict"] == "differs" and "claimed 25%, official 20%" in checks[1]["detail"]
    assert checks[2]["verdict"] == "no official figure"
    assert checks[3] is None and checks[4] is None  # no year named; no official measure of morale
    assert checks[5]["verdict"] == "no official figure"  # a count of agency workers is not the official rate
    assert checks[6]["verdict"] == "consistent" and [f["year"] for f in checks[6]["figures"]] == [2018]
    assert checks[7]["verdict"] == "consistent" and [f["year"] for f in checks[7]["figures"]] == [2018, 2021]
    assert named_years("2019/20") == [2020] and named_years("2016-2017") == [2017] and named_years("2014−15") == [2015]
    assert named_years("from 2015 to 2019") == [2015, 2019]


def test_the_question_picks_the_measures():
    assert set(measures_for("reduce social worker caseloads and reliance on agency staff", [])) == \
        {"Work_Force_AvgNumCase_SW", AGENCY}
    assert measures_for("improve staff retention", [])[:1] == [AGENCY]  # no measure of retention: its area's
    assert measures_for("how to reach good", ["vacancy_rate"]) == [VACANCY]


def test_a_practice_used_by_one_council_never_scores_improvement_one(measured_graph, settings):
    graph, _ = measured_graph
    answer = what_worked(graph, embedder_for(settings), council="Doncaster", question="recruit and keep social workers")
    top = answer.results[0]
    assert top["intervention"]["id"] == "social_work_academy"
    assert top["measured"]["n"] == 1 and top["score_parts"]["improvement"] == 0.5
    assert TOO_FEW in top["score_explained"]
    rotherham = top["councils"][0]
    assert (rotherham["adopted"], rotherham["adopted_basis"]) == (2016, "stated start")
    # the question names no metric, so the academy's reported outcome (vacancies) picks the measure; Rotherham
    # fell 30% → 25% over 2016–2019, exactly as its neighbours did: no better, no worse
    assert [(c["measure_id"], c["change"], c["comparators_change"], c["better_than_comparators"])
            for c in rotherham["changes"]] == [(VACANCY, -5, -5, None)]
    assert all("official" in o for o in top["outcomes"])
    assert any("observational associations" in note for note in answer.notes)


def test_the_gap_map_tells_reported_from_measured_and_filters_to_measured(measured_graph):
    graph, _ = measured_graph
    everything = {(c["intervention"], c["area"]): c for c in evidence_map(graph)["cells"]}
    academy = everything[("social_work_academy", "workforce")]
    # Rotherham reported its vacancy rate falling, and is measured on agency and vacancy rates after 2016
    assert academy["reported"] >= 1 and academy["measured"] == 1
    measured_only = evidence_map(graph, evidence="measured")
    assert {(c["intervention"], c["area"]) for c in measured_only["cells"]} == \
        {key for key, c in everything.items() if c["measured"]} and measured_only["evidence"] == "measured"
    assert all(c["reported"] for c in evidence_map(graph, evidence="reported")["cells"])
    cell = cell_evidence(graph, "social_work_academy", "workforce", evidence="measured")
    assert cell["outcomes"] == []
    assert sorted((row["measure_id"], row["from_year"], row["to_year"], row["change"]) for row in cell["measured"]) \
        == [(AGENCY, 2016, 2019, -5), (VACANCY, 2016, 2019, -5)]
    assert cell_evidence(graph, "social_work_academy", "workforce", evidence="reported")["measured"] == []


def test_a_profile_hears_what_inspectors_credited_when_councils_like_it_improved(measured_graph, settings):
    graph, _ = measured_graph
    profile = Profile.described("Metropolitan District", None, "requires_improvement", None)
    answer = what_worked(graph, embedder_for(settings), profile=profile, question="how to reach good")
    story = next(s for s in answer.credited if s["council"] == "Barnsley")
    assert (story["transition"], story["from_date"][:4], story["to_date"][:4]) == \
        ("requires improvement → good", "2014", "2018")
    assert story["passages"] and all(p["citation"]["date"].startswith("2018") for p in story["passages"])
    assert answer.credited_heading == ("What inspectors credited when comparable councils moved from "
                                       "requires improvement to good")
    # a council already good hears of no move from requires improvement
    good = what_worked(graph, embedder_for(settings), profile=Profile.described(None, None, "good", None))
    assert all(s["from_phase"] == "good" for s in good.credited)


@pytest.mark.parametrize(("text", "credits"), [
    ("Since the last inspection, senior leaders have strengthened the front door.", True),
    ("Practice has improved considerably.", True),
    ("Judgement grade: Requires improvement to be good. Leaders have plans.", False),
    ("Children are seen regularly by their social workers.", False),
])
def test_a_passage_credits_change_when_it_says_what_changed_or_what_leaders_did(text, credits):
    assert credits_change(text) is credits
    assert bool(SINCE_LAST_INSPECTION.search(text)) is text.startswith("Since the last inspection")
