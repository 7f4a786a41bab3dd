"""What the graph stores: one pydantic model per node kind and per relationship that carries
properties, each the single definition of its fields. Extraction and reading build them, `kg/`
writes exactly their fields and reads them back, and the API's answers derive from them.

    (:Region)<-[:IN_REGION]-(:Council)-[:STATISTICAL_NEIGHBOUR {rank}]->(:Council)
    (:Council)-[:SUCCEEDED_BY]->(:Council)
    (:IngestRun)-[:ADDED|UPDATED]->(:Document)-[:ABOUT]->(:Council)
    (:Document)-[:HAS_PASSAGE]->(:Passage)
    (:Council)-[:INSPECTED]->(:Inspection)-[:REPORTED_IN]->(:Document)
    (:Inspection)-[:JUDGED]->(:Judgement)-[:EVIDENCED_BY]->(:Passage)
    (:JudgementClaim)-[:ABOUT]->(:Council), (:JudgementClaim)-[:STATED_IN]->(:Passage)
    (:Passage)-[:MENTIONS Mention]->(:Council|:Intervention)
    (:Council)-[:IMPLEMENTED Implementation]->(:Intervention)
    (:Council)-[:REPORTED]->(:Outcome)-[:STATED_IN]->(:Passage), (:Outcome)-[:ATTRIBUTED_TO]->(:Intervention)
    (:Passage)-[:DISCUSSES EnablerLink]->(:Enabler)
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from kg.model.vocabulary import (
    DocumentKind,
    Framework,
    JudgementArea,
    JudgementGrade,
    OutcomeKind,
)


class GraphModel(BaseModel):
    """Validated on assignment too, so a field set after construction is checked like the rest."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")


# councils
class Region(GraphModel):
    code: str
    name: str


class CouncilFacts(GraphModel):
    """What every answer about a council shows: its codes, name, region, type and size."""

    code: str = Field(description="ONS code for a current council, DfE code for a predecessor without one.")
    ons_code: str | None
    la_code: str = Field(description="The DfE (old) local authority code.")
    name: str
    region: str
    type: str | None = Field(description="The ONS type: County, Metropolitan District, London Borough, …")
    population_0_25: int | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def historic(self) -> bool:
        """A predecessor, replaced in a reorganisation: it has no current ONS code."""
        return self.ons_code is None


class Council(CouncilFacts):
    """A children's services council from the reference file, current or a predecessor, with the
    names it goes by and its links: ranked statistical neighbours, and a predecessor's successors."""

    ons_name: str
    aliases: list[str]
    region_code: str
    ofsted_urn: str | None
    former_ons_code: str | None
    neighbour_ons_codes: list[str] = Field(default_factory=list, description="Ranked DfE statistical neighbours.")
    successor_codes: list[str] = Field(default_factory=list)

    def names(self) -> list[str]:
        """Every name the council goes by: its display name, its ONS name and its aliases."""
        return [self.name, self.ons_name, *self.aliases]

    def facts(self) -> dict[str, object]:
        """What an answer shows of it (CouncilFacts)."""
        return self.model_dump(include={*CouncilFacts.model_fields, "historic"})


# documents
class DocumentFacts(GraphModel):
    """What a reader of a document is shown: what it is, where it came from and the run that read it."""

    id: str
    title: str
    publisher: str | None
    date: str | None
    kind: DocumentKind
    source: str | None
    format: str
    pages: int | None
    sha256: str
    ingest_run: str


class Document(DocumentFacts):
    path: str
    bytes: int
    passage_count: int
    text: str
    pipeline_version: str
    fingerprint: str = Field(description="Same file, metadata and pipeline version: nothing to re-read.")
    ingested_at: str


class PassageFacts(GraphModel):
    """What a reader of a passage is shown: where it sits in its document and what it says."""

    id: str
    ordinal: int
    section: str | None
    page: int | None
    text: str


class Passage(PassageFacts):
    document_id: str
    page_end: int | None
    char_start: int
    char_end: int
    words: int
    text_hash: str
    credits_change: bool = Field(False, description="Says what changed since an earlier inspection or what "
                                                    "leaders did (vocabulary.CREDITS_CHANGE).")
    since_last_inspection: bool = Field(False, description="Compares with the previous inspection "
                                                           "(vocabulary.SINCE_LAST_INSPECTION).")
    embedding: list[float]
    embedding_model: str
    embedding_backend: str


# inspections
class Judgement(GraphModel):
    """One graded area of an inspection, with the words it was read from. The reader fills the
    grade and span; the pipeline adds the ids, the passage and the date."""

    area: JudgementArea
    grade: JudgementGrade
    printed: str = Field(description="The area and grade as the report prints them.")
    char_start: int
    char_end: int
    id: str | None = None
    document_id: str | None = None
    passage_id: str | None = None
    date: dt.date | None = None


class InspectionFacts(GraphModel):
    """What every answer about an inspection shows: its framework, dates and report."""

    document_id: str
    framework: Framework
    framework_basis: str
    reinspection: bool
    start: dt.date | None
    end: dt.date | None
    published: dt.date | None


class Inspection(InspectionFacts):
    id: str
    council_as_printed: str | None
    missing: list[str]


class JudgementClaim(GraphModel):
    """A grade a narrative document says a council was given ("judged inadequate in 2012")."""

    id: str
    document_id: str
    council_code: str
    year: int
    month: int | None
    grade: JudgementGrade
    area: JudgementArea
    quote: str
    char_start: int
    char_end: int
    passage_id: str | None


# evidence
InterventionStatus = Literal["catalogue", "emerging", "curated"]


class InterventionFacts(GraphModel):
    """What every answer about an intervention shows."""

    id: str
    name: str
    category: str
    description: str
    status: InterventionStatus = "catalogue"


class Intervention(InterventionFacts):
    """A catalogue entry, or an emerging practice extraction found that the catalogue never named
    (id "emerging:<normalised words>", name its most frequent surface, category its nearest entry's),
    "curated" once a curator promoted it (kg/model/curation.py)."""

    aliases: list[str]


class EnablerFacts(GraphModel):
    """What every answer about an enabler of improvement shows."""

    id: str
    name: str
    description: str


class Enabler(EnablerFacts):
    cues: list[str] = Field(description="Words that mark a passage as discussing it.")


class Mention(GraphModel):
    """(:Passage)-[:MENTIONS]->(:Council|:Intervention): the words as written and how often."""

    passage_id: str
    kind: Literal["council", "intervention"]
    key: str
    surface: str
    count: int
    char_start: int
    char_end: int
    method: str
    confidence: float


class Implementation(GraphModel):
    """(:Council)-[:IMPLEMENTED]->(:Intervention), one per council, intervention and document."""

    council: str
    intervention: str
    document_id: str
    passage_id: str | None
    char_start: int
    char_end: int
    quote: str
    surface: str
    since: int | None
    method: str
    confidence: float


class OutcomeFigures(GraphModel):
    """What changed, by how much and how strongly it is evidenced: the part of an Outcome every
    answer shows. Absent figures default to None, as Neo4j leaves them out when read back.

    The metric is a controlled one (kg/model/metrics.yaml) or, when none names what the figure
    measures, only the noun phrase as printed (`metric_text`) with a normalised `metric_key` that
    groups the same free metric across documents."""

    kind: OutcomeKind = Field("change", description="change (from → to, or a stated change), level (one value) "
                                                    "or count (things done).")
    metric: str | None = Field(None, description="The controlled metric's id; null for a free metric.")
    metric_name: str = Field(description="The controlled metric's name, or the free metric's printed words.")
    metric_text: str | None = Field(None, description="What the figure measures, as printed.")
    metric_key: str | None = Field(None, description="Groups one metric across documents: the controlled id, or "
                                                     "the free metric's normalised words.")
    direction: str = Field(description="up, down or improved for a change; none for a level or count.")
    value_from: float | None = None
    value_to: float | str | None = Field(None, description="A number, or a rank in words (\"top quartile\").")
    unit: str | None = None
    change: float | None = None
    change_unit: str | None = None
    period: str | None = None
    strength: int = Field(ge=1, le=4, description="1 reported, 2 inspection, 3 before/after, 4 comparison.")
    strength_label: str
    quote: str


class Outcome(OutcomeFigures):
    """What a council reported changing, with its figures, evidence strength and quote. `council`,
    `intervention` and `attribution` are its links, not properties of the node."""

    id: str
    document_id: str
    passage_id: str
    council: str
    intervention: str | None
    attribution: str | None
    clause: str
    char_start: int
    char_end: int
    method: str
    confidence: float


class EnablerLink(GraphModel):
    """(:Passage)-[:DISCUSSES]->(:Enabler)."""

    passage_id: str
    enabler: str
    score: float
    cues: list[str]
    method: str = "embedding+cues"


class DocumentEvidenceRows(GraphModel):
    """Everything extraction found in one document, ready for the document's transaction."""

    emerging: list[Intervention] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    implementations: list[Implementation] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    enabler_links: list[EnablerLink] = Field(default_factory=list)


# runs
RunStatus = Literal["running", "finished", "failed", "interrupted"]


class IngestStatus(GraphModel):
    """What the evidence base holds while (or after) the latest ingest run reads the corpus."""

    documents: int = Field(description="Documents in the graph.")
    run_id: str | None = None
    status: RunStatus | None = Field(
        None, description="The latest run's; none before the first ingest.")
    planned: int | None = Field(None, description="Documents the latest run means to read.")
    failed: int | None = Field(None, description="Documents the latest finished run could not read.")

    @property
    def partial(self) -> bool:
        """Answers may miss evidence that is still being read, or that an interrupted run never read."""
        return self.status in ("running", "interrupted")

    def summary(self) -> str:
        """'212 documents loaded so far; an ingest is reading 353, so results so far are partial'."""
        if self.status == "running":
            return (f"{self.documents:,} documents loaded so far; an ingest is reading {self.planned or 0:,}, "
                    "so results so far are partial")
        if self.status == "interrupted":
            return (f"{self.documents:,} documents loaded; the last ingest was interrupted, so results may be "
                    "partial until `evidence ingest` (or `make run`) carries on")
        failed = f"; {self.failed} could not be read (`evidence ingest` lists them)" if self.failed else ""
        return f"{self.documents:,} documents loaded{failed}"


class IngestRunEnd(GraphModel):
    """How an (:IngestRun) ended and what it counted."""

    id: str
    status: RunStatus
    documents_added: int
    documents_updated: int
    documents_unchanged: int
    documents_failed: int
    passages: int
