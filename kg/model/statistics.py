"""Official statistics as graph nodes: a `Measure` (one DfE indicator, described by LAIT's data
dictionary) and a `MeasureValue` (its figure for one area and year, as one source file gives it).

Part of the model layer. It also holds the vocabulary the pages and the command line share: the key measures charted on a council's page and
the words every figure is cited with."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LICENCE = "Open Government Licence v3.0"
ENGLAND_CODE = "E92000001"

Polarity = Literal["high", "low"]
AreaKind = Literal["council", "predecessor", "region", "england"]

# The measures a council's page charts, in the order shown, with their chart labels: the workforce,
# the demand on children's social care, the quality of the front door, and what care costs.
KEY_MEASURES: dict[str, str] = {
    "Work_Force_Agecy_Rate": "Agency social workers (%)",
    "Work_Force_TO_Rate": "Social worker turnover (%)",
    "Work_Force_Vac_Rate": "Social worker vacancies (%)",
    "Work_Force_AvgNumCase_SW": "Average caseload per social worker",
    "LAC": "Children looked after, per 10,000 children",
    "CIN": "Children in need, per 10,000 children",
    "CPP_rate": "Children on child protection plans, per 10,000 children",
    "ReReferral": "Re-referrals within 12 months (%)",
    "Continue_Assess_Comp": "Assessments completed within 45 working days (%)",
    "LACFinance": "Spend per looked-after child (£ a week)",
}


class Measure(BaseModel):
    """One indicator, as LAIT's dictionary describes it (or, for a figure LAIT lacks, as its
    publisher does)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="LAIT's short code, e.g. Work_Force_Agecy_Rate.")
    label: str
    unit: str = Field(description="'%', 'per 10,000 children', '£ a week', '£', or the dictionary's axis title.")
    polarity: Polarity | None = Field(description="Which way is better; None when neither is.")
    description: str
    topic: str
    publisher: str
    publication: str
    publication_url: str | None = None
    period_end_month: int = Field(ge=1, le=12, description="The month a year's figure is taken at (3: 31 March).")

    @property
    def chart_label(self) -> str:
        return KEY_MEASURES.get(self.id, self.label)

    @property
    def citation(self) -> str:
        return citation(self.publisher, self.publication)


class MeasureValue(BaseModel):
    """A figure as one source file gives it, cited with its measure's publication. A suppressed or
    missing cell has no MeasureValue: it is never stored as zero. When sources differ on the same
    area and year, `source_rank` says which to show (0 first); it also tells the source apart in `id`."""

    model_config = ConfigDict(frozen=True)

    measure_id: str
    area_code: str = Field(description="The council's graph code (ONS code; DfE code for a predecessor), "
                                       "a region's ONS code, or E92000001 for England.")
    area_name: str | None = Field(default=None, description="Set for an area that is not a current council "
                                                            "(a predecessor, a region, England): a council's "
                                                            "Council node names it.")
    area_kind: AreaKind
    successors: tuple[str, ...] = Field(default=(), description="For a predecessor: the councils that replaced it.")
    year: int = Field(description="The year the period ends in, for sorting: 2023 for 2022-23.")
    year_label: str = Field(description="The period as the source writes it: 2023, 2022-23 (OT).")
    value: float
    source_file: str
    release: str = Field(description="Which release of the data the file is: 'LAIT 2026-04-08', 'EES 2013-2025'.")
    source_rank: int = Field(ge=0)

    @property
    def id(self) -> str:
        return f"{self.measure_id}|{self.area_code}|{self.year}|{self.source_rank}"


def citation(publisher: str, publication: str) -> str:
    """How every figure shown is credited."""
    return f"{publisher}, {publication}, {LICENCE}"


def display(value: float, unit: str) -> str:
    """A figure as a reader expects it: 17.9%, £1,915 a week, 56, 2,304."""
    places = 0 if abs(value) >= 1000 else 1 if abs(value) >= 1 or value == 0 else 2
    number = f"{value:,.{places}f}".removesuffix(".0")
    if unit == "%":
        return f"{number}%"
    if unit.startswith("£"):
        return f"£{number}{unit[1:]}"
    return number


def better(polarity: str | None) -> str | None:
    """Which way is better, in words, for a measure that has a direction."""
    return {"high": "higher is better", "low": "lower is better"}.get(polarity or "")


# Checking a figure a document claims against the official series.
Verdict = Literal["consistent", "differs", "no official figure"]
PERCENT_TOLERANCE = 1.0  # percentage points: rounding, and counts taken on other dates or as headcount, not FTE
RELATIVE_TOLERANCE = 0.05  # of the official figure, for rates, counts and caseloads (at least half a unit: rounding)


def tolerance_words(unit: str) -> str:
    if unit == "%":
        return f"within {PERCENT_TOLERANCE:g} percentage point"
    return f"within {RELATIVE_TOLERANCE:.0%} (or half a unit, for rounding)"


def within_tolerance(claimed: float, official: float, unit: str) -> bool:
    if unit == "%":
        return abs(claimed - official) <= PERCENT_TOLERANCE + 1e-9
    return abs(claimed - official) <= max(RELATIVE_TOLERANCE * abs(official), 0.5) + 1e-9


class ComparedFigure(BaseModel):
    """One figure of a claim beside the official one for the same council and year."""

    year: int
    claimed: float
    official: float | None = Field(description="None when the official series has no figure that year.")
    year_label: str | None = None
    source: str | None = None


class OfficialCheck(BaseModel):
    """How an outcome's figures compare with DfE's figures for the same council, measure and years, like
    the check of a judgement claim against the inspection record."""

    verdict: Verdict
    detail: str = Field(description="The verdict in words, with both figures where they differ.")
    measure_id: str | None = None
    measure: str | None = None
    unit: str | None = None
    tolerance: str | None = None
    figures: list[ComparedFigure] = Field(default_factory=list)
    citation: str | None = None
