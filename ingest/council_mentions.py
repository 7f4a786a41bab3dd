"""Finds councils named in running text, from the reference graph's names and aliases.

Longest names win ("North East Lincolnshire" is never read as "Lincolnshire"), matching is
case-sensitive so that a capitalised name is needed (in a title block's lines in capitals, a name said
to be a council's: "DERBYSHIRE COUNTY COUNCIL"), and only the names of children's services
councils count: a town inside a council is not the council, nor is a name inside another proper
name ("University of Reading", "Greater Manchester", "councillor Peter Barnsley"), nor a body of
several councils ("the Liverpool City Region", "the York and North Yorkshire Combined Authority").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model.graph import Council


@dataclass
class CouncilMention:
    start: int
    end: int
    code: str
    surface: str


class CouncilMatcher:
    def __init__(self, councils: list[Council]):
        by_surface: dict[str, set[str]] = {}
        for council in councils:
            for name in set(council.names()):
                if len(name) >= 3:
                    by_surface.setdefault(name, set()).add(council.code)
        # a surface shared by two councils names neither
        unique = {surface: codes.pop() for surface, codes in by_surface.items() if len(codes) == 1}
        self._codes = {_joined(surface).lower(): code for surface, code in unique.items()}
        ordered = sorted(unique, key=len, reverse=True)
        alternation = r"(?<![\w-])(" + "|".join(_flexible(s) for s in ordered) + r")(?![\w-])"
        # with no council loaded, an empty alternation would match everywhere
        self._pattern = re.compile(alternation) if ordered else None
        self._in_capitals = re.compile(alternation, re.IGNORECASE)

    def find(self, text: str) -> list[CouncilMention]:
        if self._pattern is None:
            return []
        matches = list(self._pattern.finditer(text))
        title = len(text) - len(text.lstrip())  # where the document's first line starts
        for line in _CAPITALS_LINE.finditer(text, 0, HEADING_REACH):  # "DERBYSHIRE COUNTY COUNCIL" above a report
            matches += [m for m in self._in_capitals.finditer(text, line.start(), line.end())
                        if (_COUNCIL_OF.search(text, line.start(), m.start()) or _A_COUNCIL.match(text, m.end())
                            or m.start() == title and _ITS_SERVICES.match(text, m.end()))
                        and not any(other.start() == m.start() for other in matches)]
        return [CouncilMention(m.start(), m.end(), self._codes[_joined(m.group(1)).lower()], m.group(1))
                for m in sorted(matches, key=lambda m: m.start())
                if not _POSTCODE.match(text, m.end()) and not _A_WIDER_BODY.match(text, m.end())
                and not _A_LONGER_PLACE.match(text, m.end())
                and not _IN_ANOTHER_NAME.search(text, max(m.start() - 40, 0), m.start())]


HEADING_REACH = 600  # characters: the lines in capitals a report's title block may have
_CAPITALS_LINE = re.compile(r"^(?=[^\n]*[A-Z]{3})[^a-z\n]+$", re.MULTILINE)
# in capitals, only a name said to be a council's: not "FURTHER READING", "UNIVERSITY OF READING"
_A_COUNCIL = re.compile(r"\s+(?:CITY\s+|COUNTY\s+|BOROUGH\s+|DISTRICT\s+|METROPOLITAN\s+BOROUGH\s+)?COUNCIL\b")
_COUNCIL_OF = re.compile(r"\b(?:BOROUGH|CITY|COUNTY|COUNCIL)\s+OF\s+(?:THE\s+)?$")
# … or the document's first words, naming its children's services or their parts ("WORCESTERSHIRE CHILDREN'S SERVICES
# IMPROVEMENT BOARD", "HARINGEY SOCIAL WORK ACADEMY BLOG"); not "READING GROUP FOR FOSTER CARERS", "YORK HOUSE …"
_ITS_SERVICES = re.compile(r"\s+(?:CHILDREN|FAMILIES|SAFEGUARDING|CORPORATE\s+PARENTING|SOCIAL\s+(?:WORK|CARE)|"
                           r"EARLY\s+HELP|FOSTERING|ADOPTION|YOUTH\s+JUSTICE)\b")


# "Colchester, Essex CO4 3ZL" is an address, not the council
_POSTCODE = re.compile(r",?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
# "the Liverpool City Region", "the York and North Yorkshire Combined Authority": a body of several councils;
# "Cumbria Constabulary", "Lancashire and South Cumbria Integrated Care Board", "Barnet, Enfield and Haringey
# Mental Health NHS Trust", "Sheffield Hallam University": a partner named after its area
_A_WIDER_BODY = re.compile(r"(?:(?:,\s+[A-Z][\w'’-]*)*\s+and(?:\s+(?:[A-Z][\w'’-]*|of|upon)){1,4})?\s+(?:City Region|"
                           r"Combined Authority|Constabulary|Police|Fire and Rescue|Integrated Care (?:Board|System)|ICB|"
                           r"Clinical Commissioning Group|CCG|(?:[A-Z][\w'’-]*\s+)*(?:NHS|Hospitals?)|"
                           r"Healthcare|Magistrates)\b|(?:\s+and\s+[A-Z][\w'’-]*)?(?:\s+[A-Z][\w'’-]*)?\s+(?:University|"
                           r"College)\b")  # "Sheffield Hallam University", "Wigan and Leigh College"; no longer list
# the first word of a town's longer name: "Bury St Edmunds", "Newcastle-under-Lyme"
_A_LONGER_PLACE = re.compile(r"\s+St\.?\s+[A-Z][a-z]|-under-[A-Z]")
# the name inside another proper name: "University of Reading", "Greater Manchester", "councillor Peter Barnsley",
# "NHS Gloucestershire", "NHS Kent and Medway" (not "NHS England and Kirklees Council")
_IN_ANOTHER_NAME = re.compile(r"(?:\b(?:University|College|Diocese|Bishop|Port) of|\bGreater|\bNHS(?!\s+England\b)"
                              r"(?:(?:\s+[A-Z][\w'’-]*)+\s+and)?|"
                              r"\b(?:[Cc]ouncillor|Cllr|"
                              r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Professor|Lord|Baroness)\.?\s+[A-Z][a-z]+)\s+$")


def _flexible(surface: str) -> str:
    """Spaces and hyphens between words may be either, or lost (PDF text): "Kingston-uponThames"; an
    abbreviation's full stop may be left out ("St Helens"); "and" may be "&" ("Telford & Wrekin")."""
    return r"[\s-]?".join(r"(?:and|&)" if word.lower() in {"and", "&"} else
                          re.escape(word.rstrip(".")) + (r"\.?" if word.endswith(".") else "")
                          for word in re.split(r"[\s-]+", surface))


def _joined(surface: str) -> str:
    return re.sub(r"[\s.-]+", "", surface.replace("&", "and"))
