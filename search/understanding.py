"""What a question names, read with the graph's own vocabularies: councils (by name or alias, and
"councils like X" as X's statistical neighbours), catalogue practices, outcome metrics and the
direction asked for, Ofsted grades, a move between grades ("from inadequate to good", "fell to
inadequate") and years. Search uses it as evidence for ranking, never as a
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
from kg.model.graph import Council
from kg.model.vocabulary import GRADE_LEVELS, GRADE_PATTERN, grade_of
from search.vocabulary import expansions, synonym_groups

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
_UPWARD = r"(?:improved|improving|rose|risen|moved|moving|went|gone|got|getting|climbed|climbing|reached|became)"
_DOWNWARD = r"(?:fell|fallen|falling|dropped|dropping|slipped|slipping|declined|declining|deteriorated|went\s+down|" \
            r"downgraded|sank|regressed)"


@lru_cache(maxsize=1)
def _grade_words() -> dict[str, str]:
    """Every word for a grade, the vocabulary's synonyms included ("failing" → inadequate)."""
    words: dict[str, str] = {word: grade_of(word)
                             for word in ("outstanding", "good", "requires improvement", "inadequate")}
    for group in synonym_groups():
        grade = next((words[phrase] for phrase in group if phrase in words), None)
        if grade is not None:
            words.update({phrase: grade for phrase in group if phrase not in words})
    return words


@lru_cache(maxsize=1)
def _transition_patterns() -> tuple[re.Pattern[str], ...]:
    """"from X to Y", "X … fell to Y", "out of X", "fell to Y", "improved to Y" (X, Y: grade words)."""
    grade = "(" + "|".join(re.escape(word) for word in sorted(_grade_words(), key=len, reverse=True)) + \
        r")(?:\s+to\s+be\s+good)?(?:[-\s]rated)?"
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
        rf"\bfrom\s+(?:an?\s+|being\s+)?(?:rated\s+|judged\s+)?{grade}\b.{{0,40}}?\bto\s+(?:be\s+|being\s+)?{grade}\b",
        rf"\b{grade}\b.{{0,60}}?\b{_DOWNWARD}\s+(?:back\s+)?(?:to|into)\s+{grade}\b",
        rf"\b(?:out\s+of|escaped|left|leaving|exited|moved\s+on\s+from|beyond)\s+(?:being\s+)?{grade}\b",
        rf"\b{_DOWNWARD}\s+(?:back\s+)?(?:to|into)\s+{grade}\b",
        rf"\b{_UPWARD}\s+(?:up\s+)?to\s+{grade}\b",
    ))


def read_transition(question: str) -> dict[str, str | None] | None:
    """The move between overall grades a question asks about: from_grade, to_grade (None when not
    said) and direction."""
    words = _grade_words()
    both, fell, out_of, down_to, up_to = _transition_patterns()

    def grade(text: str) -> str:
        text = text.lower().strip()
        return words.get(text) or words[re.sub(r"(?:\s+to\s+be\s+good)?(?:[-\s]rated)?$", "", text)]

    if match := both.search(question) or fell.search(question):
        start, end = grade(match.group(1)), grade(match.group(2))
        if start == end:
            return None
        return {"from_grade": start, "to_grade": end, "direction": "up" if GRADE_LEVELS[end] > GRADE_LEVELS[start] else "down"}
    if match := out_of.search(question):
        return {"from_grade": grade(match.group(1)), "to_grade": None, "direction": "up"}
    if match := down_to.search(question):
        return {"from_grade": None, "to_grade": grade(match.group(1)), "direction": "down"}
    if match := up_to.search(question):
        return {"from_grade": None, "to_grade": grade(match.group(1)), "direction": "up"}
    return None


def moved(transition: dict[str, str | None], earlier: list[str], grade: str) -> bool:
    """Whether a report graded `grade`, after the council's `earlier` grades (oldest first), is where
    it arrived by the move asked about: a step in the asked direction from the grade just before,
    to the asked grade, from the asked grade (just before, or at any earlier inspection when the
    question names both ends: "from inadequate in 2015 to good in 2022")."""
    levels = [GRADE_LEVELS[g] for g in earlier if g in GRADE_LEVELS]
    if not levels or grade not in GRADE_LEVELS:
        return False
    level, start, end = GRADE_LEVELS[grade], transition["from_grade"], transition["to_grade"]
    step = level - levels[-1]
    if not (step > 0 if transition["direction"] == "up" else step < 0):
        return False
    if end is not None and level != GRADE_LEVELS[end]:
        return False
    return start is None or GRADE_LEVELS[start] in (levels if end is not None else levels[-1:])


@dataclass
class Understood:
    """What the question names; codes and ids for ranking, names for the reader."""

    councils: list[dict[str, Any]] = field(default_factory=list)  # code, name and successors' codes
    comparators_of: list[dict[str, str]] = field(default_factory=list)
    comparators: list[str] = field(default_factory=list)  # council codes
    interventions: list[dict[str, str]] = field(default_factory=list)
    metrics: list[dict[str, str]] = field(default_factory=list)
    direction: str | None = None  # "down" or "up"
    grades: list[str] = field(default_factory=list)
    transition: dict[str, str | None] | None = None  # a move between overall grades: from_grade, to_grade, direction
    years: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.councils or self.comparators or self.interventions or self.metrics or self.grades
                    or self.transition or self.years)

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


_INDEX: list[tuple[list[Council], dict[str, Council]]] = []  # the last councils list read and its index


def _council_index(councils: list[Council]) -> dict[str, Council]:
    """Every name key (name, ONS name, aliases) of a current or former council → the council; kept
    while the graph's cached list of councils is the same object."""
    if _INDEX and _INDEX[0][0] is councils:
        return _INDEX[0][1]
    index: dict[str, Council] = {}
    for council in councils:
        for name in council.names():
            key = name_key(name)
            if key and key not in index:
                index[key] = council
    _INDEX[:] = [(councils, index)]
    return index


def _find_councils(question: str, councils: list[Council]) -> list[tuple[Council, int, int]]:
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
    for council, start, end in _find_councils(question, all_councils(graph)):
        named = {"code": council.code, "name": council.name}
        if _LIKE.search(question[:start]) or _NEIGHBOURS_AFTER.match(question[end:]):
            if named not in understood.comparators_of:
                understood.comparators_of.append(named)
                understood.comparators.extend(code for code in council.neighbour_ons_codes[:COMPARATORS]
                                              if code not in understood.comparators)
        elif all(c["code"] != council.code for c in understood.councils):
            understood.councils.append({**named, "successors": council.successor_codes})
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
    understood.transition = read_transition(question)
    for match in _YEAR.finditer(question):
        first = int(match.group(1))
        years = [first] if not match.group(2) else list(range(first, 2000 + int(match.group(2)) + 1))[:5]
        understood.years.extend(year for year in years if year not in understood.years)
    return understood
