"""Councils and interventions named in a document.

Councils come from the reference graph's names and aliases (ingest.council_mentions: longest
name wins, so "North Lincolnshire" is never "Lincolnshire", and a town is not a council).
A short everyday form ("Richmond", "Kingston") counts only where the document also names that
council in full (or as "Richmond Council") or is about it, because the same word is often a town
elsewhere.
Interventions come from the catalogue through spaCy phrase matchers: aliases whatever their
case, abbreviations and ordinary-word names exactly as written ("Frontline" only where it is not
used as the ordinary word: see _an_ordinary_word); a name keeps the abbreviation
printed in brackets after it ("multi-agency safeguarding hub (MASH)"), one mention, as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.council_mentions import CouncilMatcher
from ingest.extraction.practices import practice_key, with_abbreviation
from kg.council_names import short_forms
from kg.model.catalogue import CatalogueEntry
from kg.model.graph import Council


@dataclass
class Mention:
    kind: str  # "council" or "intervention"
    key: str  # council code or intervention id
    surface: str
    start: int
    end: int
    confidence: float
    method: str = "phrase_match"
    status: str = "catalogue"  # an intervention's: "catalogue" or "emerging" (kg.model.graph.Intervention)


_BULLETS = {"-", "–", "•", "*", "·"}


_WORKFORCE = {"practitioner", "practitioners", "manager", "managers", "management", "staff", "service", "services",
              "team", "teams", "worker", "workers", "social", "practice", "professional", "professionals",
              "supervision", "workforce", "police", "colleagues", "roles", "posts", "delivery", "level"}


def _an_ordinary_word(doc: Doc, start: int, end: int) -> bool:
    """A name that is also an ordinary word ("Frontline") used as that word: opening a sentence, a line or
    a bullet, where any word is capitalised ("Frontline managers know their teams"), or before the staff or
    work it describes ("support for Frontline practitioners", "Head of Frontline Services")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end].lower_ if end < len(doc) else ""
    return before is None or bool(doc[start].is_sent_start) or before.text in _BULLETS or (
        before.is_space and "\n" in before.text) or after in _WORKFORCE


# a place, not a body: "in Cumbria", "across Northamptonshire", "families in Northamptonshire"
_A_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|around|of)\s+(?:the\s+(?:former\s+)?(?:county\s+of\s+)?)?$")
# the trust a former county's successors share: "Northamptonshire Children's Trust" beside West Northamptonshire
_ITS_TRUST = re.compile(r"\s+Children['’]s\s+Trust\b")
# a short form named as the council: "Hull City Council", "Richmond Council"
_COUNCIL_AFTER = re.compile(r"\s+(?:City |Borough |County |District |Metropolitan Borough )?Council\b")


class EntityFinder:
    def __init__(self, nlp, councils: list[Council], catalogue: tuple[CatalogueEntry, ...]):
        self._councils = CouncilMatcher(councils)
        self._successors = {council.code: set(council.successor_codes) for council in councils if council.historic}
        self._short = {name for names in short_forms().values() for name in names}
        self.catalogue_keys = {practice_key(name): intervention.id for intervention in catalogue
                               for name in (intervention.name, *intervention.aliases, *intervention.exact)}
        self._any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._as_written = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._inside_only = {name for intervention in catalogue for name in intervention.exact_inside}
        for intervention in catalogue:
            names = {intervention.name, *intervention.aliases} - set(intervention.exact)
            self._any_case.add(intervention.id, [nlp.make_doc(name) for name in names])
            if intervention.exact:
                self._as_written.add(intervention.id, [nlp.make_doc(name) for name in intervention.exact])

    def find(self, doc: Doc, document_councils: list[str]) -> list[Mention]:
        return self._councils_in(doc.text, document_councils) + self._interventions_in(doc)

    def _councils_in(self, text: str, document_councils: list[str]) -> list[Mention]:
        """A short form counts only beside its full name; a former council's name said as a place
        ("reorganisation in Cumbria", "across Cumbria") beside a successor is the county, not the
        council, and its name on the trust its successors share is the trust's; "In 2019 Cumbria was
        judged …" is the council."""
        found = self._councils.find(text)
        named_in_full = {mention.code for mention in found
                         if mention.surface not in self._short or _COUNCIL_AFTER.match(text, mention.end)}
        supported = named_in_full | set(document_councils)
        return [Mention("council", mention.code, mention.surface, mention.start, mention.end,
                        0.8 if mention.surface in self._short else 1.0)
                for mention in found if (mention.surface not in self._short or mention.code in supported)
                and not (self._successors.get(mention.code, set()) & supported
                         and (_A_PLACE_BEFORE.search(text, max(mention.start - 40, 0), mention.start)
                              or _ITS_TRUST.match(text, mention.end)))]

    def _interventions_in(self, doc: Doc) -> list[Mention]:
        matches = [(doc.vocab.strings[key], start, end) for key, start, end in self._any_case(doc)] + [
            (doc.vocab.strings[key], start, end) for key, start, end in self._as_written(doc)
            if not (doc[start:end].text in self._inside_only and _an_ordinary_word(doc, start, end))]
        label = {(start, end): intervention_id for intervention_id, start, end in matches}
        spans = filter_spans([doc[start:end] for _id, start, end in matches])
        text = doc.text if spans else ""  # spaCy rebuilds doc.text from every word at each reading: once here
        found: list[Mention] = []
        for span in spans:
            key = label[(span.start, span.end)]
            if found and found[-1].end > span.start_char:
                continue  # the abbreviation in brackets after a name, already part of it
            start, end = with_abbreviation(doc, list(span))
            if any(span.end_char <= other.start_char < end and label[(other.start, other.end)] != key
                   for other in spans):
                end = span.end_char  # another entry in the brackets: "early help offer (Family Hubs and the MASH)"
            found.append(Mention("intervention", key, text[start:end], start, end, 1.0))
        return found
