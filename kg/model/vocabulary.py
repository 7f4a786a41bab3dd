"""The field's fixed vocabularies, each defined once: Ofsted grades and how reports print them,
the phases of an improvement journey, inspection frameworks and judgement areas, evidence
strength and document kinds. The curated, longer lists (interventions, metrics, enablers) are
YAML files read by `kg.model.catalogue`."""

from __future__ import annotations

import re
from typing import Literal, get_args

Grade = Literal["inadequate", "requires_improvement", "adequate", "good", "outstanding"]
# A judgement may also be printed "not judged" (an area the framework did not grade that time).
JudgementGrade = Literal[Grade, "not_judged"]

# How reports and articles print a grade → the grade.
PRINTED_GRADES: dict[str, JudgementGrade] = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires_improvement",
    "require improvement to be good": "requires_improvement",
    "requires improvement": "requires_improvement",
    "require improvement": "requires_improvement",
    "adequate": "adequate",
    "inadequate": "inadequate",
    "not judged": "not_judged",
}
# The printed grades as a regex group, longest wording first ("not judged" left to the reader
# of inspection tables, since narrative text never says it of a council).
GRADE_PATTERN = r"(requires? improvement(?: to be good)?|outstanding|inadequate|adequate|good)"

# Steps on one scale: adequate (the pre-2013 grade) stands where requires improvement does.
GRADE_LEVELS: dict[str, int] = {"inadequate": 0, "requires_improvement": 1, "adequate": 1, "good": 2,
                                "outstanding": 3}
# the months by name, lower case, with their numbers: the one list every date and figure reader uses
MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
LEVEL_NAMES = ["Inadequate", "Requires improvement", "Good", "Outstanding"]

# The research report's phases of the improvement journey.
Phase = Literal["poor", "fair", "good", "great"]
PHASES: dict[str, Phase] = {"inadequate": "poor", "requires_improvement": "fair", "adequate": "fair",
                            "good": "good", "outstanding": "great"}
PHASE_WORDS: dict[str, str] = {"poor": "inadequate", "fair": "requires improvement", "good": "good",
                               "great": "outstanding"}

# What a later inspection report says changed and who changed it: a passage saying so is marked at
# ingest (`Passage.credits_change`), unless it is the report's table of grades, which credits nothing.
CREDITS_CHANGE = re.compile(
    r"\b(since the (last|previous|preceding) (inspection|full inspection|ilacs|sif|visit)|leaders have|senior leaders|"
    r"leadership team has|have improved|has improved|improvements? (in|to|since)|strengthened|transformed)\b",
    re.IGNORECASE)
GRADE_TABLE = re.compile(r"\bjudgement\s+grade\b", re.IGNORECASE)
# The strongest of those cues: a comparison with the previous inspection (`Passage.since_last_inspection`).
SINCE_LAST_INSPECTION = re.compile(r"\bsince the (?:last|previous|preceding) (?:full )?(?:inspection|ilacs|sif|visit)\b",
                                   re.IGNORECASE)


def credits_change(text: str) -> bool:
    """Whether a passage says what changed or what leaders did (marked once, at ingest)."""
    return bool(CREDITS_CHANGE.search(text)) and not GRADE_TABLE.search(text)


Framework = Literal["lac_2013", "sif", "ilacs_standard", "ilacs_short", "sif_lscb_review"]
JudgementArea = Literal[
    "overall_effectiveness", "impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers",
    "looked_after_and_permanence", "adoption", "leadership_management_governance", "capacity_to_improve",
    "outcomes_for_looked_after_children", "quality_of_provision", "leadership_and_management", "lscb",
]

# Evidence strength, strongest first: see ingest/extraction/strength.py for how it is graded.
STRENGTHS: dict[int, str] = {4: "comparison", 3: "before_after", 2: "inspection", 1: "reported"}

# What an outcome's figures say: a change (from → to, or a stated change), a level (one value at one
# time: "caseloads average 17") or a count of things done ("recruited 30 social workers"). Levels and
# counts rank below changes in what-worked: they show a state, not that anything moved.
OutcomeKind = Literal["change", "level", "count"]
OUTCOME_KINDS: tuple[str, ...] = get_args(OutcomeKind)

DocumentKind = Literal["inspection_report", "case_study", "research_report", "committee_report", "news", "other"]
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)


def grade_of(printed: str) -> JudgementGrade:
    """The grade a report's words mean ("Requires improvement to be good" → requires_improvement)."""
    return PRINTED_GRADES[re.sub(r"\s+", " ", printed.strip().lower())]


def words(code: str) -> str:
    """A vocabulary code as a reader writes it: requires_improvement → requires improvement."""
    return code.replace("_", " ")
