"""How strong the evidence for an outcome is, on a small ordered scale.

4 comparison    the change is set against a comparison or control group (pilot vs non-pilot teams)
3 before_after  figures before and after, or a measured change
2 inspection    an inspectorate's finding (the sentence comes from an inspection report)
1 reported      leaders' or practitioners' account of a direction, without figures
"""

from __future__ import annotations

from ingest.extraction.outcomes import OutcomeDraft


def strength_of(outcome: OutcomeDraft, from_inspection_report: bool) -> int:
    measured = (outcome.value_from is not None and outcome.value_to is not None) or outcome.change is not None
    return graded(measured, outcome.comparison, from_inspection_report)


def graded(measured: bool, comparison: bool, from_inspection_report: bool) -> int:
    """A level or a count (one figure) is not measured: it is graded like a stated direction."""
    if comparison and measured:
        return 4
    if measured:
        return 3
    if from_inspection_report:
        return 2
    return 1
