"""The API's response shapes. The fields each answer promises are typed; nested records also
allow the extra provenance fields the graph keeps (span offsets, method, confidence)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kg.model import graph
from kg.model.curation import CurationDecision
from kg.model.statistics import OfficialCheck
from kg.model.vocabulary import (
    Grade,
    JudgementArea,
    JudgementGrade,
    OutcomeKind,
    Phase,
)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Filters(BaseModel):
    """Choices from a query string or a form: the API and its pages validate them with the same
    model (a page drops a form's empty fields first: they mean "not given")."""

    model_config = ConfigDict(populate_by_name=True)


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Citation(Open):
    document_id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    kind: str | None = None
    page: int | None = None


class CouncilRef(Open):
    code: str | None = None
    name: str


class EntityRef(Open):
    id: str
    name: str


# search
class SearchQuery(Filters):
    q: str = Field(min_length=1, max_length=1000, pattern=r"\S", description="What you are looking for.",
                   examples=["reducing reliance on agency social workers"])
    council: str | None = Field(None, max_length=120)
    region: str | None = Field(None, max_length=120)
    type: str | None = Field(None, max_length=120)
    kind: str | None = Field(None, max_length=120)
    intervention: str | None = Field(None, max_length=120)
    enabler: str | None = Field(None, max_length=120)
    grade: Grade | None = None
    date_from: str | None = Field(None, alias="from", pattern=DATE, max_length=10,
                                  description="On or after: YYYY[-MM[-DD]]")
    date_to: str | None = Field(None, alias="to", pattern=DATE, max_length=10,
                                description="On or before: YYYY[-MM[-DD]]")


class SearchHit(BaseModel):
    passage_id: str
    document_id: str
    text: str
    snippet: str = Field(description="The passage's best window, matched words wrapped in <mark>.")
    score: float
    citation: Citation
    councils: list[CouncilRef]
    interventions: list[EntityRef]
    enablers: list[EntityRef]
    also_in: list[Citation] = Field(description="Other documents holding the same passage.")


class ComparatorsOf(CouncilRef):
    comparators: int = Field(description="How many of its statistical neighbours stand for councils like it.")


class GradeMove(BaseModel):
    """A move between overall grades a question asks about ("from inadequate to good", "fell to
    inadequate"): the reports in which a council made it rank higher."""

    from_grade: JudgementGrade | None = None
    to_grade: JudgementGrade | None = None
    direction: Literal["down", "up"]


class SearchUnderstood(BaseModel):
    """What search read in the query and ranked by (never a filter): why a passage ranked where it did."""

    councils: list[CouncilRef] = []
    comparators_of: list[ComparatorsOf] = []
    interventions: list[EntityRef] = []
    metrics: list[EntityRef] = []
    direction: Literal["down", "up"] | None = None
    grades: list[str] = []
    transition: GradeMove | None = None
    years: list[int] = []


class SearchAnswer(BaseModel):
    query: str
    limit: int
    offset: int
    understood: SearchUnderstood
    hits: list[SearchHit]


# councils
class CouncilSummary(graph.CouncilFacts):
    model_config = ConfigDict(extra="ignore")
    current_grade: JudgementGrade | None


class CouncilList(BaseModel):
    councils: list[CouncilSummary]


class Neighbour(Open):
    rank: int
    name: str
    ons_code: str | None = None
    current_grade: JudgementGrade | None = None


class InspectionRecord(graph.InspectionFacts):
    model_config = ConfigDict(extra="allow")
    judgements: dict[JudgementArea, JudgementGrade]


class JourneyStep(BaseModel):
    date: str
    grade: Grade
    phase: Phase


class Transition(Open):
    label: str
    years: float


class CouncilProfile(graph.CouncilFacts):
    model_config = ConfigDict(extra="ignore")
    predecessors: list[Open]
    successors: list[Open]
    neighbours: list[Neighbour]
    inspections: list[InspectionRecord]
    journey: list[JourneyStep]
    current_phase: Phase | None
    transitions: list[Transition]
    claims: list[Open]


# official statistics
class StatisticPoint(BaseModel):
    year: int = Field(description="The year the period ends in (2023 for 2022-23), for ordering.")
    year_label: str = Field(examples=["2022-23 (OT)"])
    value: float
    source: str = Field(description="The file the figure was read from.", examples=["lait_bds_long_2016_2025.parquet"])
    release: str = Field(examples=["LAIT 2026-04-08"])


class MedianPoint(BaseModel):
    year: int
    year_label: str
    value: float
    count: int = Field(description="How many of the council's statistical neighbours had a figure that year.")
    of: int = Field(description="How many statistical neighbours the council has.")


class PredecessorSeries(BaseModel):
    code: str
    name: str
    series: list[StatisticPoint]


class MeasureSeries(BaseModel):
    id: str = Field(examples=["Work_Force_Agecy_Rate"])
    label: str
    chart_label: str
    unit: str = Field(examples=["%"])
    polarity: Literal["high", "low"] | None = Field(description="Which way is better; null when neither is.")
    description: str
    topic: str
    publication: str
    period_end_month: int
    citation: str = Field(examples=["Department for Education, Children's social work workforce, "
                                    "Open Government Licence v3.0"])
    series: list[StatisticPoint]
    neighbours_median: list[MedianPoint]
    england: list[StatisticPoint]
    predecessors: list[PredecessorSeries] = Field(description="Councils it replaced, each with its own series.")


class StatisticsCouncil(BaseModel):
    code: str
    ons_code: str | None
    la_code: str | None
    name: str


class CouncilStatistics(BaseModel):
    council: StatisticsCouncil
    measures: list[MeasureSeries]


class SimilarCouncil(BaseModel):
    ons_code: str | None
    code: str
    name: str
    score: float
    reasons: list[str]


class SimilarAnswer(BaseModel):
    councils: list[SimilarCouncil]


# interventions, outcomes, enablers
class InterventionSummary(graph.InterventionFacts):
    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [
        {"id": "signs_of_safety", "name": "Signs of Safety", "category": "practice_model",
         "description": "A strengths-based, safety-organised approach to child protection casework.",
         "councils": 12, "documents": 20, "outcomes": 3}]})
    councils: int
    documents: int
    outcomes: int


class InterventionList(BaseModel):
    interventions: list[InterventionSummary]


class EmergingQuote(BaseModel):
    quote: str = Field(description="The sentence of the mention.")
    passage_id: str
    citation: Citation


class EmergingSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"id": "emerging:kinship_navigator_service", "name": "kinship navigator service", "category": "edge_of_care",
         "mentions": 3, "documents": 2, "councils": 2,
         "quotes": [{"quote": "Barnsley set up a kinship navigator service in 2021.", "passage_id": "doc:0001",
                     "citation": {"document_id": "doc", "title": "Kinship care in Barnsley", "page": 1}}]}]})
    id: str
    name: str
    category: str | None
    mentions: int
    documents: int
    councils: int
    quotes: list[EmergingQuote]


class EmergingList(BaseModel):
    interventions: list[EmergingSummary]


class CurationAnswer(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"decision": {"action": "rename", "id": "emerging:kinship_navigator_service",
                      "name": "Kinship navigator service", "decided": "2026-12-02T14:00:00+00:00"},
         "intervention": {"id": "emerging:kinship_navigator_service", "name": "Kinship navigator service",
                          "status": "emerging"}}]})
    decision: CurationDecision
    intervention: Open | None = Field(description="The intervention as it now is (the target of a merge); null "
                                                  "after a rejection.")


class OutcomeFigures(graph.OutcomeFigures):
    """The graph's figures of an outcome, with the provenance it keeps beside them, and how they compare
    with the official statistics."""

    model_config = ConfigDict(extra="allow")
    official: OfficialCheck | None = Field(None, description="The claim checked against DfE's figures for the "
                                                             "same council, measure and years; null when it "
                                                             "gives no figure with a year to check.")


class OutcomeRecord(BaseModel):
    ons_code: str | None
    council: str
    outcome: OutcomeFigures
    intervention_id: str | None = None
    intervention: str | None = None
    link: str | None = Field(None, description="How the outcome is tied to the intervention, in the evidence map.")
    citation: Citation


class OutcomeList(BaseModel):
    outcomes: list[OutcomeRecord]


class Implementation(BaseModel):
    ons_code: str | None
    council: str
    since: int | None = None
    quote: str | None = None
    method: str | None = None
    confidence: float | None = None
    passage_id: str | None = None
    citation: Citation


class InterventionProfile(graph.InterventionFacts):
    model_config = ConfigDict(extra="allow")
    councils: list[Implementation]
    outcomes: list[OutcomeRecord]


class EnablerSummary(graph.EnablerFacts):
    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [
        {"id": "engaging_partners", "name": "Engaging partners", "description": "Working with partner agencies.",
         "passages": 448, "documents": 96}]})
    passages: int
    documents: int


class EnablerList(BaseModel):
    enablers: list[EnablerSummary]


class EnablerPassage(Open):
    passage_id: str
    text: str
    score: float
    citation: Citation


class EnablerPassages(BaseModel):
    enabler: str
    passages: list[EnablerPassage]


# what worked
class ProfileQuery(Filters):
    type: str | None = Field(None, max_length=60, examples=["Metropolitan district"])
    region: str | None = Field(None, max_length=60, examples=["Yorkshire and The Humber"])
    grade: Grade | None = Field(None, examples=["requires_improvement"])
    population: int | None = Field(None, ge=1, le=10_000_000)


class WhatWorkedQuery(Filters):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"council": "Bexley", "question": "stabilise the workforce", "limit": 5}]})
    council: str | None = Field(None, max_length=120, description="The council asking (name or code).")
    profile: ProfileQuery | None = Field(None, description="Or a profile, when no council is named.")
    question: str | None = Field(None, max_length=1000, description="What the council wants to achieve.")
    limit: int = Field(5, ge=1, le=25)


class MeasuredChange(BaseModel):
    """One council's change in an official measure over the years after it adopted a practice, beside
    the median change of its statistical neighbours over the same years."""

    measure_id: str
    label: str
    from_year: int
    to_year: int
    value_from: float
    value_to: float
    change: float
    comparators_change: float = Field(description="The median change of its statistical neighbours.")
    comparators: int = Field(description="How many neighbours had figures for both years.")
    better_than_comparators: bool | None = Field(description="Null when the measure has no better direction "
                                                             "or the changes are equal.")


class GradeAfter(BaseModel):
    """A council's overall grade when it adopted a practice, its next one, and how often councils at the
    same grade that year were graded higher next time."""

    from_grade: str
    from_date: str
    to_grade: str
    to_date: str
    rose: bool
    base_rate: float | None
    base_rate_councils: int


class WhatWorkedCouncil(Open):
    name: str
    journey: str
    comparable: list[str]
    improved_after: bool | None = Field(None, description="Its next overall grade after adoption was higher.")
    since: int | None = None
    adopted: int | None = Field(None, description="The year it adopted the practice.")
    adopted_basis: Literal["stated start", "first dated mention"] | None = None
    changes: list[MeasuredChange] = []
    grade_after: GradeAfter | None = None


class MeasureAfter(BaseModel):
    """A practice's councils on one official measure: medians of their changes and of their comparators'."""

    id: str
    label: str
    unit: str
    polarity: Literal["high", "low"] | None
    n: int = Field(description="Councils with figures for the years after adoption and enough neighbours.")
    change: float | None = Field(description="Median change; null below three councils (too few to tell).")
    comparators_change: float | None
    better_than_comparators: int | None
    note: str | None
    citation: str


class GradeSummary(BaseModel):
    n: int
    rose: int | None
    base_rate: float | None = Field(description="The mean base rate of rising from the same grade in the "
                                                "same years; null below three councils.")
    note: str | None


class Measured(BaseModel):
    """The improvement part of a what-worked score: what the practice's councils' official figures and
    next inspections did, against comparators. Observational, not causal."""

    councils_dated: int
    stated_start: int
    first_dated_mention: int
    n: int
    enough: bool
    improvement: float = Field(ge=0, le=1)
    measures: list[MeasureAfter]
    grade: GradeSummary
    explained: str


class Quote(BaseModel):
    council: str
    quote: str
    citation: Citation


class WhatWorkedOutcome(Open):
    council: str
    kind: OutcomeKind = "change"
    metric: str | None = None
    metric_name: str
    metric_text: str | None = None
    direction: str
    strength: int
    quote: str
    citation: Citation
    official: OfficialCheck | None = None


class WhatWorkedResult(BaseModel):
    intervention: EntityRef
    score: float
    score_parts: dict[str, float]
    score_explained: str
    measured: Measured
    councils: list[WhatWorkedCouncil]
    outcomes: list[WhatWorkedOutcome]
    quotes: list[Quote]


class CreditedPassage(BaseModel):
    quote: str
    citation: Citation


class CreditedStory(BaseModel):
    """A council whose overall grade rose, with what the later report credited for it."""

    council: str
    ons_code: str
    transition: str = Field(examples=["requires improvement → good"])
    from_phase: str
    to_phase: str
    from_date: str
    to_date: str
    score: float = Field(description="Half how comparable the council is, half how well the passages answer "
                                     "the question.")
    comparable: list[str]
    practices: list[EntityRef] = Field(description="Interventions the credited passages name.")
    passages: list[CreditedPassage]


class WhatWorkedAnswer(BaseModel):
    results: list[WhatWorkedResult]
    comparable_councils: list[SimilarCouncil]
    notes: list[str]
    credited: list[CreditedStory] = Field(default_factory=list, description="What inspectors credited when "
                                          "comparable councils' overall grade rose from where this one stands.")
    credited_heading: str | None = None


# evidence map
EvidenceKind = Literal["all", "reported", "measured"]


class EvidenceCell(BaseModel):
    intervention: str
    area: str
    councils: int
    documents: int
    outcomes: int
    reported: int = Field(description="Outcomes a document reports (text).")
    measured: int = Field(description="Councils that used the intervention measured on the area's official "
                                      "statistics over the years after adopting it.")
    best_strength: int | None = Field(ge=1, le=4, description="Of the reported outcomes; null when none.")
    best_strength_label: str | None


class EvidenceMap(BaseModel):
    interventions: list[EntityRef] = Field(description="The rows shown: most councils first, then by name.")
    interventions_total: int = Field(description="Rows of the whole map (`limit` and `offset` page through them).")
    offset: int
    areas: list[EntityRef]
    cells: list[EvidenceCell]
    councils_in_scope: int | None = Field(description="How many councils the filters leave; null when unfiltered.")
    evidence: EvidenceKind = Field(description="The kind of evidence the cells count: all, reported or measured.")


class CellMeasured(MeasuredChange):
    """A council that used the intervention, measured on one of the area's official measures."""

    ons_code: str
    council: str
    adopted: int
    adopted_basis: Literal["stated start", "first dated mention"]
    unit: str
    polarity: Literal["high", "low"] | None
    citation: str


class CellEvidence(OutcomeList):
    measured: list[CellMeasured] = Field(description="Measured outcomes: official statistics after adoption "
                                                     "beside the statistical neighbours' median.")


# documents
class DocumentPassage(graph.PassageFacts):
    model_config = ConfigDict(extra="ignore")
    councils: list[CouncilRef]
    interventions: list[EntityRef]
    outcomes: list[graph.OutcomeFigures] = Field(default_factory=list, description="What the passage states "
                                                                                  "changed, stood at or was done.")


class DocumentDetail(graph.DocumentFacts):
    model_config = ConfigDict(extra="ignore")
    councils: list[CouncilRef]
    passages: list[DocumentPassage]


class IngestFailure(BaseModel):
    path: str
    error: str


class UploadAnswer(BaseModel):
    status: str = Field(description="added, updated or unchanged", examples=["added"])
    document_id: str | None
    passages: int
    run_id: str | None
    warnings: list[str] = []


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"status": "ok", "neo4j": "bolt://127.0.0.1:7687", "model_loaded": True,
         "counts": {"Council": 156, "Document": 350, "Passage": 13112}}]})
    status: str
    neo4j: str
    model_loaded: bool
    counts: dict[str, int]
    ingest: graph.IngestStatus = Field(description="What is loaded, and whether an ingest is still reading.")
    loaded: str = Field(description="The same in words, as the pages' banner says it.")


# a council's page: the profile and what the page shows beside it
class CouncilIntervention(graph.InterventionFacts):
    model_config = ConfigDict(extra="ignore")
    since: int | None
    quote: str | None
    passage_id: str | None
    citation: Citation
    documents: int


class CouncilPage(CouncilProfile):
    interventions: list[CouncilIntervention]
    outcomes: list[OutcomeRecord]
    statistics: CouncilStatistics = Field(description="The key official measures, as /statistics answers them.")
    what_worked: WhatWorkedAnswer | None = Field(description="For councils like this one; none for a predecessor.")
