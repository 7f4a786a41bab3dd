"""Phrases that look like named interventions ("the Family Valued programme", "the Hub model")
but are not in the catalogue: counted with example quotes for a curator, never added by
themselves."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from kg.model.catalogue import interventions

HEADS = ("model", "programme", "program", "approach", "pilot", "framework", "service", "panel", "hub", "project",
         "initiative", "scheme")
# names of bodies and roles, not of things a council adopts
_INSTITUTIONAL = {"director", "directors", "board", "council", "committee", "team", "office", "department",
                  "inspectorate", "ofsted", "government", "archives", "policy", "information"}
_PHRASE = re.compile(
    r"\bthe\s+((?:[\w’'&-]+\s+){1,4}?(?:" + "|".join(HEADS) + r"))s?\b", re.IGNORECASE)
# words that make a phrase ordinary rather than a name
_ORDINARY = {"same", "new", "current", "previous", "whole", "overall", "local", "authority", "authority's",
             "authority’s", "council", "council's", "council’s", "this", "that", "their", "its", "our", "first",
             "second", "other", "wider", "existing", "national", "each", "one", "two", "three", "single", "key",
             "main", "quality", "care", "social", "work", "children", "children's", "children’s", "early", "help"}


@dataclass
class Candidate:
    phrase: str
    count: int = 0
    document_ids: set[str] = field(default_factory=set)
    examples: list[dict[str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.document_ids)

    def as_json(self) -> dict[str, Any]:
        return {"phrase": self.phrase, "count": self.count, "documents": self.documents, "examples": self.examples}


def _known_aliases() -> list[str]:
    return [alias.lower() for entry in interventions() for alias in (entry.name, *entry.aliases, *entry.exact)]


def _looks_named(words: list[str]) -> bool:
    """A capitalised or coined word, not only ordinary ones."""
    modifiers = words[:-1]
    if not modifiers or all(word.lower() in _ORDINARY for word in modifiers):
        return False
    if any(word.lower().strip("’'") in _INSTITUTIONAL for word in modifiers):
        return False
    return any(word[:1].isupper() or any(ch.isdigit() for ch in word) for word in modifiers)


def find_candidates(passages: Iterable[dict[str, Any]], min_count: int = 3) -> list[Candidate]:
    """`passages`: dicts with passage_id, document_id and text. Most frequent first."""
    known = _known_aliases()
    found: dict[str, Candidate] = defaultdict(lambda: Candidate(""))
    for passage in passages:
        text = passage["text"]
        for match in _PHRASE.finditer(text):
            phrase = re.sub(r"\s+", " ", match.group(1)).strip()
            words = phrase.split()
            if not _looks_named(words) or any(alias in phrase.lower() for alias in known):
                continue
            key = phrase.lower()
            candidate = found[key]
            candidate.phrase = candidate.phrase or phrase
            candidate.count += 1
            candidate.document_ids.add(passage["document_id"])
            if len(candidate.examples) < 3:
                start, end = max(match.start() - 120, 0), min(match.end() + 120, len(text))
                candidate.examples.append({"passage_id": passage["passage_id"],
                                           "quote": re.sub(r"\s+", " ", text[start:end]).strip()})
    ranked = [candidate for candidate in found.values() if candidate.count >= min_count]
    return sorted(ranked, key=lambda candidate: (-candidate.count, candidate.phrase))
