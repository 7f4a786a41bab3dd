"""Judgements that narrative documents state ("Kingston children's services were judged inadequate
in July 2012"): dated claims with their quote, kept apart from the inspection record and later
checked against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.council_mentions import CouncilMatcher
from kg.model.vocabulary import GRADE_PATTERN, MONTHS, grade_of

# past tense only: "could be judged good" or "judged good by 2017" are hopes, not judgements
_CLAIM = re.compile(
    rf"\b(?:was|were|had been|has been|have been)\s+(?:(?:subsequently|then|again|also|previously|"
    rf"consistently|overall|on re-inspection),?\s+)*(?:judged|rated|graded|found|deemed|assessed)\s+"
    rf"(?:by Ofsted\s+)?(?:to be\s+|as\s+|to have improved to\s+)?(?:an?\s+)?(?:strong\s+)?{GRADE_PATTERN}\b",
    re.IGNORECASE)
_DATE = re.compile(r"\b(?:in|since|from|during)\s+(?:(" + "|".join(MONTHS) + r")\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]|$)")


@dataclass
class JudgementClaim:
    council_code: str
    council_surface: str
    year: int
    month: int | None
    grade: str
    quote: str
    char_start: int
    char_end: int


def find_claims(text: str, matcher: CouncilMatcher, document_councils: list[str]) -> list[JudgementClaim]:
    """Claims with a council (named in the sentence, or the document's only council) and a date."""
    claims = []
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group(0)
        judged = _CLAIM.search(body)
        dated = _DATE.search(body)
        if not judged or not dated:
            continue
        mentions = matcher.find(body)
        if mentions:
            council, surface = mentions[0].code, mentions[0].surface
        elif len(document_councils) == 1:
            council, surface = document_councils[0], ""
        else:
            continue
        month = MONTHS[dated.group(1).lower()] if dated.group(1) else None
        start = sentence.start() + len(body) - len(body.lstrip())
        claims.append(JudgementClaim(
            council, surface, int(dated.group(2)), month,
            grade_of(judged.group(1)), body.strip(), start,
            start + len(body.strip())))
    return claims
