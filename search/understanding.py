"""What a question names, read with the graph's own vocabularies: councils (by name or alias, and
"councils like X" as X's statistical neighbours), catalogue practices, outcome metrics and the
direction asked for, Ofsted grades and years. Search uses it as evidence for ranking, never as a
filter, and shows it so a user can see why a passage ranked where it did."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from kg.connection import Graph
from kg.council_names import name_key
from kg.councils import all_councils
from kg.model.catalogue import interventions, metrics
from kg.model.vocabulary import GRADE_PATTERN, grade_of
from search.vocabulary import expansions

COMPARATORS = 10  # the nearest statistical neighbours stand for "councils like X"
MAX_NAME_WORDS = 6
MAX_QUESTION_CHARS = 1000
# council names that are also everyday words count only when capitalised
_EVERYDAY = {"reading", "bury", "poole"}
_LIKE = re.compile(r"(?:\blike|\bsimilar\s+to|\bcomparable\s+(?:to|with)|\bresembling|\bsuch\s+as|"
                   r"\bcompared\s+(?:to|with)|\bakin\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_NEIGHBOURS_AFTER = re.compile(r"^(?:['’]s|\s+and\s+its)\s+(?:statistical\s+)?(?:neighbours|comparators|peers)",
                               re.IGNORECASE)
_DOWN = re.compile(r"\b(?:reduc\w*|fewer|less|lower\w*|cut|cuts|cutting|fell|fall\w*|drop\w*|decreas\w*|"
                   r"declin\w*|shr[ai]nk\w*|shrunk|halv\w*|brought\s+down|bring\w*\s+down|came\s+down|"
                   r"come\s+down|coming\s+down|down)\b", re.IGNORECASE)
_UP = re.compile(r"\b(?:increas\w*|ris(?:e|es|ing|en)|rose|more|higher|grew|grow\w*|doubl\w*)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(20[0-3]\d)(?:\s*[-/–]\s*(\d{2}))?\b")
_GRADE = re.compile(r"\b" + GRADE_PATTERN + r"\b", re.IGNORECASE)


@dataclass
class Understood:
    """What the question names; codes and ids for ranking, names for the reader."""

    councils: list[dict[str, str]] = field(default_factory=list)
    comparators_of: list[dict[str, str]] = field(default_factory=list)
    comparators: list[str] = field(default_factory=list)  # council codes
    interventions: list[dict[str, str]] = field(default_factory=list)
    metrics: list[dict[str, str]] = field(default_factory=list)
    direction: str | None = None  # "down" or "up"
    grades: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.councils or self.comparators or self.interventions or self.metrics or self.grades
                    or self.years)

    def council_codes(self) -> set[str]:
        return {council["code"] for council in self.councils} | {
            code for council in self.councils for code in council.get("successors", [])}

    def as_json(self) -> dict[str, Any]:
        shown = asdict(self)
        shown.pop("comparators")
        shown["councils"] = [{"code": c["code"], "name": c["name"]} for c in self.councils]
        shown["comparators_of"] = [{**c, "comparators": len(self.comparators)} for c in self.comparators_of]
        return shown


@lru_cache(maxsize=1)
def _intervention_patterns() -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Each practice's aliases (any case) and its exact forms (as written)."""
    found = []
    for entry in interventions():
        loose = {alias.lower() for alias in entry.aliases}
        exact = set(entry.exact)
        if entry.name.lower() not in loose:
            exact.add(entry.name)
        loose_pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(loose, key=len, reverse=True))
                                   + r")\b", re.IGNORECASE) if loose else re.compile(r"(?!x)x")
        exact_pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(exact, key=len, reverse=True))
                                   + r")\b") if exact else None
        found.append((entry.id, entry.name, loose_pattern, exact_pattern))
    return tuple(found)


_INDEX: list[tuple[list[dict], dict[str, dict]]] = []  # the last councils list read and its index


def _council_index(councils: list[dict]) -> dict[str, dict]:
    """Every name key (name, ONS name, aliases) of a current or former council → the council; kept
    while the graph's cached list of councils is the same object."""
    if _INDEX and _INDEX[0][0] is councils:
        return _INDEX[0][1]
    index: dict[str, dict] = {}
    for council in councils:
        for name in [council["name"], council["ons_name"], *(council["aliases"] or [])]:
            key = name_key(name or "")
            if key and key not in index:
                index[key] = council
    _INDEX[:] = [(councils, index)]
    return index


def _find_councils(question: str, councils: list[dict]) -> list[tuple[dict, int, int]]:
    """Councils named in the question, longest name first, no two overlapping: (council, start, end)."""
    index = _council_index(councils)
    words = list(re.finditer(r"[A-Za-z&][\w&'’.-]*", question))
    taken: set[int] = set()
    found = []
    for size in range(MAX_NAME_WORDS, 0, -1):
        for first in range(len(words) - size + 1):
            span = range(first, first + size)
            if taken.intersection(span):
                continue
            start, end = words[first].start(), words[first + size - 1].end()
            text = re.sub(r"['’]s$", "", question[start:end])
            if size == 1 and len(text) < 3:
                continue
            council = index.get(name_key(text))
            if council is None:
                continue
            if size == 1 and text.lower() in _EVERYDAY and not text[0].isupper():
                continue
            taken.update(span)
            found.append((council, start, end))
    return sorted(found, key=lambda item: item[1])


def understand(graph: Graph, question: str) -> Understood:
    """Reads the question; the graph supplies council names, neighbours and successors."""
    question = question.strip()[:MAX_QUESTION_CHARS]
    understood = Understood()
    links = {row["code"]: row for row in graph.read_cached("search_council_links")}
    for council, start, end in _find_councils(question, all_councils(graph)):
        named = {"code": council["code"], "name": council["name"]}
        row = links.get(council["code"], {})
        if _LIKE.search(question[:start]) or _NEIGHBOURS_AFTER.match(question[end:]):
            if named not in understood.comparators_of:
                understood.comparators_of.append(named)
                understood.comparators.extend(code for code in row.get("neighbours", [])[:COMPARATORS]
                                              if code not in understood.comparators)
        elif all(c["code"] != council["code"] for c in understood.councils):
            understood.councils.append({**named, "successors": row.get("successors", [])})
    read_question(question, understood)
    return understood


def read_question(question: str, understood: Understood) -> Understood:
    """The parts that need no graph: practices, metrics and direction, grades, years."""
    widened = " ; ".join([question, *expansions(question)])
    for intervention_id, name, loose, exact in _intervention_patterns():
        if loose.search(widened) or (exact is not None and exact.search(question)):
            understood.interventions.append({"id": intervention_id, "name": name})
    for metric in metrics():
        if metric.pattern.search(widened):
            understood.metrics.append({"id": metric.id, "name": metric.name})
    down, up = _DOWN.search(question), _UP.search(question)
    if down and not up:
        understood.direction = "down"
    elif up and not down:
        understood.direction = "up"
    for match in _GRADE.finditer(widened):
        grade = grade_of(match.group(1))
        if grade not in understood.grades:
            understood.grades.append(grade)
    for match in _YEAR.finditer(question):
        first = int(match.group(1))
        years = [first] if not match.group(2) else list(range(first, 2000 + int(match.group(2)) + 1))[:5]
        understood.years.extend(year for year in years if year not in understood.years)
    return understood
