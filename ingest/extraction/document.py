"""The whole extraction of one document: mentions, who implemented what, what changed.

Which council a sentence is about: one it names; otherwise, in a document about one council,
that council; otherwise (a report covering many councils) the council named most recently
within a short window before it — case studies name their council and then talk about it;
otherwise, in a document without metadata whose text is plainly about one council (named in its
opening and far more often than its partners), that council. An inspection report is about its
council throughout.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from copy import copy
from dataclasses import dataclass, field, replace
from typing import Callable

from spacy.tokens import Doc, Span

from embedding.embedder import Embedder
from ingest.extraction.learned_practices import Candidate, candidates, weighed_practices
from ingest.extraction.mentions import EntityFinder, Mention
from ingest.extraction.nlp import (
    FINITE_TAGS,
    asks,
    byline,
    diary_line,
    full_pipeline,
    heading_over,
    instruction,
    sentence_pipeline,
)
from ingest.extraction.open_outcomes import (
    BARE,
    FIGURE_WORDS,
    OpenOutcome,
    aside,
    baseline_of,
    find_open_outcomes,
    later_value_of,
    metric_key,
)
from ingest.extraction.outcomes import (
    OutcomeDraft,
    candidate,
    change_end,
    find_outcomes,
    metric_named,
    own_share,
    refers_back,
    share_position,
)
from ingest.extraction.practices import (
    BY_INSPECTORS,
    HEADS,
    KEPT_WHATEVER_THE_WEIGHTS,
    PracticeMention,
    anothers_practice,
    apposed_name,
    branded,
    councils_kind,
    described_after,
    described_name,
    done_by_a_partner,
    find_practices,
    governance_in_passing,
    introduced,
    labelled_to_come,
    left_behind,
    money_invested,
    named_for,
    not_yet_begun,
    only_a_reference,
    paid_for_it,
    practice_key,
    practice_words,
    provider_engaged,
    reshaped_into,
    role_given,
    source_of_another,
    started_here,
    turned_down,
)
from ingest.extraction.strength import graded, strength_of
from ingest.extraction.tables import table_figures
from ingest.normalise import SENTENCE_END
from kg.model.catalogue import interventions, metric_by_id
from kg.model.graph import Council

_PRACTICE_CUE = re.compile(
    r"\b(?:introduc|establish|launch|pilot|invest|recruit|restructur|creat|commission|adopt|embed|implement|develop|"
    r"appoint|employ|fund|set up|roll\w* out|reorganis|redesign|model|approach|programme|service|hub|panel|academy|"
    r"team|unit|pathway|framework|board|trust|strateg|scheme|project|initiative|toolkit|protocol|offer|conferenc|"
    r"meeting|forum|group|agenc|campaign|clinic|tracker|worker|officer|advis|coordinator|champion|post|role|"
    r"apprentice|training|course|arrangement|system|polic|network|allowance|passport|dashboard|audit|door)|[‘“]"
    r"|(?-i:\b[A-Z][a-z]+ [A-Z][a-z]+)", re.IGNORECASE)
_FIGURE = re.compile(rf"\d|\b(?:{'|'.join(FIGURE_WORDS)}|no|none|any)\b", re.IGNORECASE)
_RUNS_ON = re.compile(r"[-a-z]")
_ENDS = re.compile(r"[.!?…:;\"”’')\]]\s*$")
CONTEXT_WINDOW = 3000  # characters back to look for the council a sentence is about
_SINCE = re.compile(r"\b(?:since|in|from)\s+(?:(?:early|late|mid|the\s+spring\s+of|the\s+summer\s+of|the\s+autumn\s+of|"
                    r"[A-Z][a-z]+)\s+)?((?:19|20)\d\d)\b")
_ADOPTED = re.compile(r"\b(?:launch|introduc|implement|adopt|establish|roll|start|began|begun|set up|embed|pilot|"
                      r"develop|creat|invest|train)\w*", re.IGNORECASE)


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class ImplementationFinding:
    """A sentence saying a council used an intervention; records.py places it in a passage."""

    council: str
    intervention: str
    since: int | None
    sentence: Sentence
    surface: str
    method: str
    confidence: float


@dataclass
class OutcomeFinding:
    """An outcome clause with the council it is about; records.py makes the graph's Outcome of it."""

    council: str
    draft: OutcomeDraft
    sentence: Sentence
    intervention: str | None
    attribution: str | None
    strength: int


@dataclass
class OpenOutcomeFinding:
    """A level, count or change no controlled metric names, with the council it is about and the
    intervention the text links it to."""

    council: str
    outcome: OpenOutcome
    sentence: Sentence
    intervention: str | None = None
    attribution: str | None = None
    from_inspection_report: bool = False

    @property
    def strength(self) -> int:
        """Graded as a controlled outcome is, once any later baseline has made it a change."""
        return graded(self.outcome.kind == "change", False, self.from_inspection_report)


@dataclass
class DocumentEvidence:
    text: str
    mentions: list[Mention] = field(default_factory=list)
    mention_sentences: list[Sentence] = field(default_factory=list)
    implementations: list[ImplementationFinding] = field(default_factory=list)
    outcomes: list[OutcomeFinding] = field(default_factory=list)
    open_outcomes: list[OpenOutcomeFinding] = field(default_factory=list)
    # practices named but not said to be done (planned, hoped for, turned down, asked about): search
    # tags for their passages, not practices of the document
    named_only: list[Mention] = field(default_factory=list)

    def quote(self, sentence: Sentence) -> str:
        return re.sub(r"\s+", " ", self.text[sentence.start:sentence.end]).strip()


class Extractor:
    """Built once per run: the matchers hold every council name and catalogue alias."""

    def __init__(self, councils: list[Council], embedder: Embedder):
        self._nlp = sentence_pipeline()
        self._embedder = embedder  # for the meaning of candidate practices (learned_practices.py)
        self._finder = EntityFinder(self._nlp, councils, interventions())
        self._standing = {entry.id for entry in interventions() if entry.standing}

    def extract(self, text: str, document_councils: list[str], inspection_council: str | None) -> DocumentEvidence:
        doc = self._nlp(text)
        sentences = sentences_of(text, doc)
        starts = [sentence.start for sentence in sentences]

        def sentence_at(offset: int) -> Sentence:
            return sentences[max(bisect.bisect_right(starts, offset) - 1, 0)]

        evidence = DocumentEvidence(text)
        evidence.mentions = self._finder.find(doc, document_councils)
        cued = cued_sentences(text, sentences)
        # parsed too, a sentence naming a catalogue practice: is it a recommendation, a plan, or (for what
        # every council has) news that the council started or changed it?
        naming_catalogue = {sentence.start: sentence for sentence in (
            sentence_at(mention.start) for mention in evidence.mentions if mention.kind == "intervention")}
        for sentence in cued:
            naming_catalogue.pop(sentence.start, None)
        by_inspectors = inspection_council is not None  # who "we" are
        parsed_cued = parsed_sentences(text, cued + list(naming_catalogue.values()), by_inspectors)
        # sentences that state nothing the council does: what it is told to do names practices it does not
        # have, a question asks ("Does the council use Signs of Safety?"), a byline or a contact line names
        # who wrote or whom to call ("– Jo Bloggs, coordinator, Brightwell Family Trust")
        to_improve = _lists_of_what_to_improve(text)
        asked = {sentence.start for sentence in sentences if asks(text[sentence.start:sentence.end])}
        unstated = asked | {start for start, parsed in parsed_cued.items()
                            if instruction(parsed) or byline(parsed) or heading_over(parsed) or diary_line(parsed)
                            or signed_off(text, start, parsed)
                            or any(first <= start < last for first, last in to_improve)}
        mentions = self._with_practices(
            text, [sentence for sentence in cued if sentence.start not in unstated], parsed_cued,
            evidence.mentions, sentence_at)
        mention_sentences = [sentence_at(mention.start) for mention in mentions]
        # an outcome is credited to a practice its sentence names, even one every council has ("the
        # early help service has cut re-referrals"), which is the council's practice only where it is news
        about = _CouncilContext(text, mentions, mention_sentences, document_councils, inspection_council)
        title_end = _title_end(text)
        kept = [(mention, sentence) for mention, sentence in zip(mentions, mention_sentences)
                if mention.kind != "intervention" or (
                    mention.start >= title_end and not _in_a_headline(text[sentence.start:sentence.end], mention)
                    and not _not_its_practice(text, parsed_cued, sentence, mention)
                    and (mention.status == "catalogue" or not _not_yet_begun(text, parsed_cued, sentence, mention))
                    and (mention.key not in self._standing or (sentence.start not in unstated
                                                               and _introduced(parsed_cued, sentence, mention))))]
        evidence.mentions = [mention for mention, _ in kept]
        evidence.mention_sentences = [sentence for _, sentence in kept]
        for mention, sentence in zip(evidence.mentions, evidence.mention_sentences):
            if mention.kind != "intervention":
                continue
            if sentence.start in unstated or _not_yet_begun(text, parsed_cued, sentence, mention):
                evidence.named_only.append(mention)
            elif about.anothers(parsed_cued, sentence, mention):
                evidence.named_only.append(mention)  # "Hertfordshire's Family Safeguarding model is widely praised"
            else:
                council, method, confidence = about.council_for(sentence)
                if council and method:
                    evidence.implementations.append(ImplementationFinding(
                        council, mention.key, _since(text[sentence.start:sentence.end]), sentence, mention.surface,
                        method, confidence))
        candidates: list[tuple[Sentence, str | None]] = []  # with the metric the sentence before named
        context_metric = None
        # the area's children described (demographics), questions asked and lists of what is still to be done
        # ("Option D would involve: - opening two homes by 2026;"): not outcomes
        area = _about_the_area(text, sentences) | asked | {sentence.start for sentence in sentences if any(
            first <= sentence.start < last for first, last in to_improve)}
        for sentence in sentences:
            if sentence.start in area:
                continue
            body = text[sentence.start:sentence.end]
            named = metric_named(body)
            if candidate(body, named, context_metric):
                candidates.append((sentence, context_metric))
            context_metric = named
        # the candidates the practices' parse has not read already (most hold a figure, so it has)
        parsed = parsed_cued | parsed_sentences(text, [sentence for sentence, _ in candidates
                                                       if sentence.start not in parsed_cued], by_inspectors)
        for sentence, context_metric in candidates:
            drafts = find_outcomes(parsed[sentence.start], sentence.start, context_metric)
            council = about.council_for(sentence)[0] if drafts else None
            if not council:
                continue
            for draft in drafts:
                if about.about_another(sentence, parsed[sentence.start], draft.figure_at):
                    continue
                intervention, attribution = about.intervention_for(sentence, draft.refers_back)
                evidence.outcomes.append(OutcomeFinding(council, draft, sentence, intervention, attribution,
                                                 strength_of(draft, inspection_council is not None)))
        taken: dict[int, set[tuple[float, str]]] = {}
        for finding in evidence.outcomes:
            draft = finding.draft
            taken.setdefault(finding.sentence.start, set()).update(
                (abs(value), unit or "count") for value, unit in ((draft.value_from, draft.unit),
                                                                   (draft.value_to, draft.unit),
                                                                   (draft.change, draft.change_unit))
                if isinstance(value, (int, float)))
        previous: list[OpenOutcomeFinding] = []
        for sentence in cued:
            if not _FIGURE.search(text, sentence.start, sentence.end) or sentence.start in area:
                continue
            body = text[sentence.start:sentence.end]
            if aside(body):
                continue  # "(Figures are rounded to the nearest 5.)": neither an outcome nor the one a baseline follows
            points = baseline_of(body)
            if points is not None:
                evidence.open_outcomes += _changed_from(previous, points, sentence, text)
                continue
            known = taken.get(sentence.start, set())
            later = later_value_of(body)
            if later is not None and _changed_to(previous, *later, sentence, text):
                read = (later[0], "count" if later[1] == BARE else later[1])
                known = known | {read}  # read already, as the previous figure's later value
                evidence.outcomes = [finding for finding in evidence.outcomes if not (  # nor a change from nothing
                    finding.sentence.start == sentence.start and finding.draft.value_from is None
                    and (finding.draft.value_to, finding.draft.unit) == read)]
            council = about.council_for(sentence)[0]
            if council:
                intervention, attribution = about.intervention_for(sentence, refers_back(body))
                previous = [OpenOutcomeFinding(council, found, sentence, intervention, attribution,
                                               inspection_council is not None)
                            for found in find_open_outcomes(parsed_cued[sentence.start], sentence.start, known)
                            if not about.about_another(sentence, parsed_cued[sentence.start], found.char_start)]
                previous = _later_in_clause(previous, body, sentence, text)
                evidence.open_outcomes += previous
        _ends_from_before(text, [sentence for sentence in sentences if sentence.start not in area], evidence, about)
        _read_tables(text, evidence, about, inspection_council is not None)
        return evidence


    def _with_practices(self, text: str, cued: list[Sentence], parsed: dict[int, Doc], mentions: list[Mention],
                        sentence_at: Callable[[int], Sentence]) -> list[Mention]:
        """Catalogue mentions widened to the printed name around them, and practices the catalogue
        does not name: the rules' phrases and other noun phrases, as the learned weights keep them,
        linked to an entry when their normalised words are its name or an alias, otherwise emerging
        under their normalised words. A rule's phrase the weights drop still widens or names a
        catalogue entry. A practice inside a council's name or around several council or catalogue
        names is dropped; one around one council's name is that council's own ("Enfield Youth Hub"). A
        description given a name right after it is that name ("a perpetrator programme, Caring Dads,"), kept
        whatever the weights say where the council started it ("launched a parenting programme, Caring Dads,")
        or calls it its own ("our reunification programme, Bridge Back,"),
        and so is a catalogue entry's ("the regional adoption agency, Adoption Counts,": that agency) but
        for one every council has, whose name is the council's own practice ("the children in care
        council, Voices Heard,"). What a service was reshaped into is named with the reshaping ("restructured
        into four locality teams"); money put into the workforce is a practice whatever the weights say; a
        name linked to an entry once is linked wherever the document prints it."""
        catalogue = [mention for mention in mentions if mention.kind == "intervention"]
        for mention in catalogue:
            if mention.key in self._standing:
                continue
            sentence_start = sentence_at(mention.start).start
            named = _printed_name(parsed[sentence_start], mention.start - sentence_start,  # every one is parsed
                                  mention.end - sentence_start)
            if named is not None and "\t" not in text[sentence_start + named[0]:sentence_start + named[1]]:
                mention.surface = text[sentence_start + named[0]:sentence_start + named[1]]
                mention.start, mention.end = sentence_start + named[0], sentence_start + named[1]
        found = list(mentions)
        ruled: list[PracticeMention] = []
        weighable: list[Candidate] = []
        for sentence in cued:
            sentence_ruled = find_practices(parsed[sentence.start], sentence.start)
            ruled += sentence_ruled
            weighable += candidates(parsed[sentence.start], sentence.start, sentence_ruled)
        weighed = weighed_practices(weighable, self._embedder)  # the document's candidates embedded together
        kept = {(practice.start, practice.end) for practice in weighed}
        looked_at = [*weighed, *(practice for practice in ruled if (practice.start, practice.end) not in kept)]
        # what the weights dropped is still the council's where its description is given a name beside it
        dropped = [candidate.mention for candidate in weighable if not any(
            practice.start < candidate.mention.end and candidate.mention.start < practice.end
            for practice in looked_at)]
        added: set[tuple[int, int]] = set()
        for practice, weights_dropped in [*((practice, False) for practice in looked_at),
                                          *((practice, True) for practice in dropped)]:
            was_kept = (practice.start, practice.end) in kept
            sentence_start = sentence_at(practice.start).start
            words = parsed[sentence_start]
            at = (practice.start - sentence_start, practice.end - sentence_start)
            if role_given(words, *at) or provider_engaged(words, *at) or governance_in_passing(words, *at) \
                    or named_for(words, *at) or _FEWER.match(practice.surface):
                continue  # nor "fewer senior posts": less of something is no practice
            named = _printed_name(words, *at)
            # what the council started or calls its own, given its name beside it ("launched an adolescent service,
            # Safer at Home,", "our reunification programme, Bridge Back,") or in it ("its Grow Our Own scheme"): a
            # practice whatever the weights say
            was_kept = was_kept or practice.head not in _ONE_OFF and (started_here(words, *at) and (
                named is not None or described_after(words, *at)) or (named is not None or branded(words, *at))
                and councils_kind(words, *at))
            if weights_dropped and not was_kept:
                continue
            if named is not None:
                start, end = sentence_start + named[0], sentence_start + named[1]
                practice = replace(practice, surface=text[start:end], start=start, end=end)
            if (practice.start, practice.end) in added or "\t" in practice.surface:
                continue  # once; and within a table's cell
            inside = [mention for mention in catalogue
                      if practice.start <= mention.start and mention.end <= practice.end]
            if inside:
                if len(inside) == 1 and _widens(practice.surface, inside[0].surface):
                    inside[0].surface, inside[0].start, inside[0].end = (practice.surface, practice.start,
                                                                         practice.end)
                continue
            overlapping = [mention for mention in mentions
                           if mention.start < practice.end and practice.start < mention.end]
            if len(overlapping) > 1 or any(not _names_with(practice, mention) for mention in overlapping):
                continue  # inside a council's name, or around more than one council or catalogue name
            key = practice_key(practice.surface)
            known = self._finder.catalogue_keys.get(key)
            reshaped = None if known else reshaped_into(words, practice.start - sentence_start,
                                                        practice.end - sentence_start)
            if reshaped is not None:  # "restructured its teams into four locality teams"
                surface, key = reshaped
                practice = replace(practice, surface=surface)
            if known:
                found.append(Mention("intervention", known, practice.surface, practice.start, practice.end,
                                     practice.confidence, "normalised_alias"))
            elif key and (was_kept or reshaped is not None or practice.method in KEPT_WHATEVER_THE_WEIGHTS):
                # a reshaping into teams, a name given "under its own banner", pay raised: whatever the weights say
                found.append(Mention("intervention", emerging_id(key), practice.surface, practice.start,
                                     practice.end, practice.confidence, practice.method, "emerging"))
            added.add((practice.start, practice.end))
        for sentence in cued:  # money put into the workforce, whatever the weights make of its words
            for start, end, key in money_invested(parsed[sentence.start]):
                start, end = sentence.start + start, sentence.start + end
                found = [mention for mention in found if mention.kind != "intervention" or mention.status != "emerging"
                         or not start <= mention.start < mention.end <= end]
                found.append(Mention("intervention", emerging_id(key), text[start:end], start, end, 0.7,
                                     "money_invested", "emerging"))
        # a name is one practice throughout a document: "the Keystone Team, a small edge-of-care service" links
        # "the Keystone Team" of the next sentence to the same entry
        linked = {practice_key(mention.surface): mention.key for mention in found
                  if mention.kind == "intervention" and mention.status == "catalogue"}
        for mention in found:
            if mention.status == "emerging" and practice_key(mention.surface) in linked:
                mention.key, mention.status = linked[practice_key(mention.surface)], "catalogue"
        return sorted(found, key=lambda mention: mention.start)


# an inspection report's section on the area's children (population, free school meals, ethnicity,
# languages), up to its next "… in this area" heading, and never longer than AREA_SECTION characters
AREA_SECTION = 4000
_AREA_HEADING = re.compile(r"^[^\S\n]*Children living in this area[^\S\n]*$", re.MULTILINE)
_NEXT_AREA_HEADING = re.compile(r"^[^\S\n]*[A-Z][^.\n]{0,60}\bin this area[^\S\n]*$", re.MULTILINE)


_PERSON_LINE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Cllr|Councillor|Professor|Prof|Sir|Dame)\.?\s+)?"
                          r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}")
_SIGNING_ROLES = {"commissioner", "adviser", "advisor", "director", "chair", "manager", "officer", "lead", "head",
                  "leader", "executive", "member", "councillor", "worker"}


def signed_off(text: str, start: int, line: Doc) -> bool:
    """A role printed under a person's name at a letter's or report's end ("Dr Jo Bloggs" / "Children's Services
    Commissioner"): who signs, not a practice the council has."""
    words = [token for token in line if not token.is_punct]
    previous = text[:start].rstrip().rpartition("\n")[2].strip()
    return (0 < len(words) <= 6 and words[-1].lemma_.lower() in _SIGNING_ROLES
            and not any(token.tag_ in FINITE_TAGS for token in line) and bool(_PERSON_LINE.fullmatch(previous)))


def _about_the_area(text: str, sentences: list[Sentence]) -> set[int]:
    """The starts of the sentences in which a document describes the children of its area rather than
    its services: demographics."""
    spans = []
    for heading in _AREA_HEADING.finditer(text):
        following = _NEXT_AREA_HEADING.search(text, heading.end(), heading.end() + AREA_SECTION)
        spans.append((heading.start(), following.start() if following else heading.end() + AREA_SECTION))
    return {sentence.start for sentence in sentences if any(start <= sentence.start < end for start, end in spans)}


def _printed_name(words: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name a practice phrase (characters `start` to `end` of its parsed sentence) is given beside
    it, before ("a parenting programme, Strong Starts,") or after ("Harbour, an edge-of-care service")."""
    return apposed_name(words, end) or described_name(words, start, end)


def _mention_words(parsed: dict[int, Doc], sentence: Sentence, mention: Mention) -> Span | None:
    """A mention's words in its parsed sentence; None where the sentence was not parsed."""
    doc = parsed.get(sentence.start)
    words = doc.char_span(mention.start - sentence.start, mention.end - sentence.start,
                          alignment_mode="expand") if doc is not None else None
    return words if words is not None and len(words) > 0 else None


def _introduced(parsed: dict[int, Doc], sentence: Sentence, mention: Mention) -> bool:
    """A practice its (parsed) sentence says the council started or changed."""
    words = _mention_words(parsed, sentence, mention)
    return words is not None and introduced(words)


FRONT_MATTER_LINES = 4  # not counting blank ones
FRONT_MATTER_WORDS = 20  # a line longer than this is the text's first paragraph


def _title_end(text: str) -> int:
    """Where a document's front matter ends (0 if it has none): its first few short lines without a
    sentence's closing stop (a title, a subtitle, who it was prepared for, a date) name the subject
    the text then reports on, so the practices they name are claimed there, not here. A long line,
    a closed one or a list item is the text itself."""
    end, lines = 0, 0
    for line in re.finditer(r"[^\n]*\n", text):
        words = line.group().strip()
        if not words:
            continue
        lines += 1
        if (lines > FRONT_MATTER_LINES or len(words.split()) > FRONT_MATTER_WORDS or SENTENCE_END.search(words)
                or _LIST_BULLET.match(words)):
            break
        end = line.end()
    return end


def _in_a_headline(sentence: str, mention: Mention) -> bool:
    """A name of several words in a line all in capitals ("MORE CHILDREN STAYING CLOSE TO HOME"): ordinary words
    a headline shouts, not the practice."""
    words = re.findall(r"[A-Za-z]+", sentence)
    return len(words) >= 4 and all(word.isupper() for word in words) and len(mention.surface.split()) >= 2


def _not_its_practice(text: str, parsed: dict[int, Doc], sentence: Sentence, mention: Mention) -> bool:
    """A practice its sentence names as one the council gave up, as what something else is aligned with
    or reported to, as a partner body's, as a board or strategy already known, as what a name was given for, or as
    what paid for the work."""
    words = _mention_words(parsed, sentence, mention)
    return (words is not None and (left_behind(words) or only_a_reference(words) or done_by_a_partner(words)
                                   or governance_in_passing(words.doc, words.start_char, words.end_char)
                                   or named_for(words.doc, words.start_char, words.end_char))) or paid_for_it(
        text[sentence.start:mention.start], mention.surface, text[mention.end:sentence.end])


def _not_yet_begun(text: str, parsed: dict[int, Doc], sentence: Sentence, mention: Mention) -> bool:
    """A practice its (parsed) sentence only plans, turned down or says the council lacks, or a catalogue
    practice it names as what the council's own was drawn from: named, not implemented."""
    words = _mention_words(parsed, sentence, mention)
    before = text[sentence.start:mention.start]
    if not before.strip(" -–•*") and _LABEL_NOT_DONE.match(text, mention.end, sentence.end):
        return True  # a list's line: "Staying Close: hoping to launch in 2026", "Pause: bid not successful"
    return (words is not None and not_yet_begun(words.root)) or turned_down(
        before, text[mention.end:sentence.end], text[sentence.end:sentence.end + 200]) or (
        words is not None and labelled_to_come(before, words.doc)) or (
        mention.status == "catalogue" and source_of_another(before))


# what a list line's label says after its practice's name when it was not done, or not yet
_LABEL_NOT_DONE = re.compile(
    r"\s*[:–—-]\s+(?:(?:bid|application|looked\s+at|considered|explored|reviewed)\b[^.;:]{0,60}?\b(?:not\s+"
    r"(?:successful|funded|replicated?|adopted|taken\s+forward)|unsuccessful|rejected|declined|"
    r"decided\s+(?:not|against))|not\s+(?:yet\s+)?(?:started|begun|launched|in\s+place|funded|running)|unsuccessful"
    r"|rejected|decided\s+(?:not|against)|hop(?:e|es|ing)\s+to|plan(?:s|ned)?\s+(?:to|for)|planning\s+to"
    r"|propos(?:ed|al)|aim(?:s|ing)?\s+to|intend(?:s|ing)?\s+to"
    r"|due\s+to\s+(?:start|launch|begin|open|go\s+live)|considering|exploring|scoping|under\s+consideration|awaiting"
    r"|pending|will\s+(?:launch|start|begin|open|go\s+live|be\s+(?:launched|introduced|piloted)))\b", re.IGNORECASE)


# what is done once, not a practice that runs, even when the council commissioned it and named it
_ONE_OFF = {"review", "evaluation", "consultation", "audit", "survey", "inspection", "report", "study", "event"}


MAIN_COUNCIL_OPENING = 300  # characters: a title and its standfirst


def _main_council(councils: list[Mention], text: str, sources: set[int]) -> str | None:
    """The council a document with no metadata is about, when the text makes it plain: named in its
    opening, at least three times, and at least twice as often as any other (a case study naming its
    partners); when the opening names none, named at least twice other than as a source or partner (the
    mentions whose ids are in `sources`) and twice as often as any other (a staff email); or the only one its
    opening names when no other is named more often other than as a source or partner (and it is named twice, or in
    the title line, if another is named as often); None for a report about several councils."""
    counts = Counter(mention.key for mention in councils)
    if not counts:
        return None
    (key, times), *rest = counts.most_common(2)
    runner_up = rest[0][1] if rest else 0
    opening = {mention.key for mention in councils if mention.start < MAIN_COUNCIL_OPENING}
    if key in opening and times >= 3 and times >= 2 * runner_up:
        return key
    acting = sum(1 for mention in councils if mention.key == key and id(mention) not in sources)
    if not opening and acting >= 2 and times >= 2 * runner_up:
        return key
    # a letter, minutes or a feature that names its council once or twice and then says "the council":
    # the only council its opening names, named more often than any other, or as often and at least twice; where
    # another is named as a source or partner ("the agency we share with Bristol"), those mentions do not count
    only = next(iter(opening)) if len(opening) == 1 else None
    title_end = text.find("\n", len(text) - len(text.lstrip()))
    in_title = any(mention.key == only and mention.end <= (title_end if title_end >= 0 else len(text))
                   for mention in councils)
    others = Counter(mention.key for mention in councils if mention.key != only and id(mention) not in sources)
    rival = max(others.values(), default=0)
    named = counts[only] if only is not None else 0
    return only if named > rival or named == rival > 0 and (named >= 2 or in_title) else None


def _last_level(previous: list[OpenOutcomeFinding], unit: str, moved: str | None = None,
                earlier: float | None = None, counted: str | None = None) -> OpenOutcomeFinding | None:
    """The previous sentence's last level (no baseline yet) in `unit` (in any, for BARE); with a move said ("up" from
    `earlier`), the last that moved that way; of those, the last whose measure names what the earlier figure counted
    ("642 missing episodes involving 231 children. That is down from 788 episodes": the episodes)."""
    levels = [found for found in previous if _in_unit(found.outcome, unit)
              and found.outcome.value_from is None and found.outcome.value is not None
              and (moved is None or earlier is None or (found.outcome.value > earlier) == (moved == "up"))]
    named = [found for found in levels if counted and counted in metric_key(found.outcome.metric_text).split()]
    return (named or levels)[-1] if levels else None


def _quoted_with(found: OpenOutcomeFinding, sentence: Sentence, text: str) -> None:
    """A change read across two sentences is quoted with both, when nothing stands between them."""
    if not text[found.sentence.end:sentence.start].strip():
        found.sentence = Sentence(found.sentence.start, sentence.end)


_SAID_MOVE = re.compile(r"\W*(?:this|that)\s+(?:is|was)\s+(up|down)\b", re.IGNORECASE)
_COUNTED_BEFORE = re.compile(r"\d\s+([a-z]{3,})\b")  # what an earlier figure counted: "down from 788 episodes"


def _changed_from(previous: list[OpenOutcomeFinding], points: list[dict[str, float]],
                  sentence: Sentence, text: str) -> list[OpenOutcomeFinding]:
    """The previous sentence's last level of each unit becomes a change from the first earlier
    point (`sentence` gives it), the last that moved the way it says ("That is up from 350"); each further point
    ("… and 489 at 31 March 2015") adds a change of its own. Returns those."""
    added: list[OpenOutcomeFinding] = []
    said = _SAID_MOVE.match(text, sentence.start)
    counted = _COUNTED_BEFORE.search(text, sentence.start, sentence.end)
    for unit in points[0]:
        found = _last_level(previous, unit, said.group(1).lower() if said else None, points[0][unit],
                            metric_key(counted.group(1)) if counted else None)
        if found is None:
            continue
        level = copy(found.outcome)
        found.outcome.changed_from(points[0][unit])
        _quoted_with(found, sentence, text)
        for point in points[1:]:
            if unit in point:
                outcome = copy(level)
                outcome.changed_from(point[unit])
                added.append(replace(found, outcome=outcome))
    return added


def _changed_to(previous: list[OpenOutcomeFinding], value: float, unit: str, sentence: Sentence, text: str) -> bool:
    """The previous sentence's last level in `unit` becomes a change to `value` (which `sentence`
    gives); a bare number takes the unit of the last level ("… used to be 38 days. It is now 17."); False
    when it has none."""
    found = _last_level(previous, unit)
    if found is None or found.outcome.kind != "level":
        return False  # "The council opened two homes. … that number had dropped to 31": not the homes
    earlier, found.outcome.value = found.outcome.value, value
    assert earlier is not None
    found.outcome.changed_from(earlier)
    _quoted_with(found, sentence, text)
    return True


def _later_in_clause(found: list[OpenOutcomeFinding], body: str, sentence: Sentence,
                     text: str) -> list[OpenOutcomeFinding]:
    """"… was 27 working days last summer; it is now 11": the clause after a semicolon gives the later
    value of the level before it, which becomes a change; the later value is no level of its own."""
    semicolon = body.find(";")
    later = later_value_of(body[semicolon + 1:]) if semicolon > 0 else None
    if later is None:
        return found
    cut = sentence.start + semicolon
    before = [finding for finding in found if finding.outcome.char_start < cut]
    if not _changed_to(before, *later, sentence, text):
        return found
    value, unit = later
    return [finding for finding in found if finding.outcome.char_start < cut or not (
        finding.outcome.kind == "level" and finding.outcome.value == value and _in_unit(finding.outcome, unit))]


def _in_unit(outcome: OpenOutcome, unit: str) -> bool:
    """Whether an outcome is in `unit`; a later value printed as a number alone (BARE) is in any."""
    return unit in {outcome.unit, BARE}


# words too common to say two sentences give the same measure
_COMMON_WORDS = set("""a an the of to in on at for and or is are was were be been has have had with by from as that
which who its their our this these those per cent percent number numbers proportion percentage rate rates share level
levels figure total average all new now still also only children child young people family families social work
worker workers staff case cases council service services team teams year years month months care""".split())
# where a sentence's subject ends: "Agency use, while still too high, had fallen …" → "Agency use"
_SUBJECT_END = re.compile(r",|\b(?:has|have|had|is|are|was|were)\b", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:now|still|currently|today|at present|is|are|stands?)\b", re.IGNORECASE)


def _ends_from_before(text: str, sentences: list[Sentence], evidence: DocumentEvidence,
                      about: _CouncilContext) -> None:
    """A change printed with one end ("Turnover has fallen to 13%", "Agency use had fallen from 41 per cent")
    takes its other end from the nearest earlier sentence within CONTEXT_WINDOW that names the same measure
    and gives a share of it (own_share: "Turnover in 2022 was 19%"; for a change's start the share now:
    "27% of posts are still filled by agency staff"), about no other council, when the two agree with the
    way the change went: the text states them apart, and a reader reads them together."""

    def other_end(sentence: Sentence, council: str, change: tuple[str, str], value: float,
                  measure: Callable[[str], re.Match | None]) -> tuple[float, float] | None:
        direction, end = change
        for earlier in reversed(sentences):
            if earlier.start >= sentence.start:
                continue
            if earlier.start < sentence.start - CONTEXT_WINDOW:
                return None
            body = text[earlier.start:earlier.end]
            named = measure(body)
            another_council = any(mention.key != council for mention in about.named_in(earlier))
            if named is None or another_council or (end == "from" and not _CURRENT.search(body)):
                continue
            share = own_share(body, named)
            if share is None:
                continue
            value_from, value_to = (share, value) if end == "to" else (value, share)
            went = "down" if value_to < value_from else "up" if value_to > value_from else None
            return (value_from, value_to) if went == direction else None
        return None

    for finding in evidence.outcomes:
        draft = finding.draft
        if draft.unit != "%" or draft.value_from is not None or not isinstance(draft.value_to, float) \
                or draft.change is not None:
            continue
        figure = share_position(text, draft.char_start, draft.char_end, draft.value_to)
        if figure is None or change_end(text[finding.sentence.start:figure]) != (draft.direction, "to"):
            continue
        ends = other_end(finding.sentence, finding.council, (draft.direction, "to"), draft.value_to,
                         metric_by_id()[draft.metric].pattern.search)
        if ends is not None:
            draft.value_from, draft.change, draft.change_unit = ends[0], round(ends[1] - ends[0], 2), "points"
    for found in evidence.open_outcomes:
        outcome = found.outcome
        before = text[found.sentence.start:outcome.char_start]
        change = change_end(before) if outcome.kind == "level" and outcome.unit == "%" else None
        if change is None or outcome.value is None:
            continue
        subject = _SUBJECT_END.split(before, maxsplit=1)[0].strip()
        metric_words = _measure_words(outcome.metric_text)
        words = metric_words or _measure_words(subject)
        pattern = re.compile(rf"(?<![-\w])(?:{'|'.join(map(re.escape, sorted(words)))})", re.IGNORECASE)
        ends = other_end(found.sentence, found.council, change, outcome.value, pattern.search) if words else None
        if ends is not None:
            if not metric_words:  # "had fallen from 41 per cent": the measure is its subject
                outcome.metric_text, outcome.metric_key = subject, metric_key(subject)
            outcome.value = ends[1]
            outcome.changed_from(ends[0])


def _read_tables(text: str, evidence: DocumentEvidence, about: _CouncilContext, by_inspectors: bool) -> None:
    """A table's rows are read by their columns' headings, in place of what their lines say alone; a row named
    after a council (one of several compared) is not the document's result."""
    for figure in table_figures(text, about.names_own):
        row = Sentence(figure.row_start, figure.row_end)
        evidence.outcomes = [found for found in evidence.outcomes if not row.start <= found.sentence.start < row.end]
        evidence.open_outcomes = [found for found in evidence.open_outcomes
                                  if not row.start <= found.outcome.char_start < row.end]
        if figure.outcome is None or about.named_in(row):
            continue
        council = about.council_for(row)[0]
        if council:
            evidence.open_outcomes.append(OpenOutcomeFinding(council, figure.outcome, row,
                                                             from_inspection_report=by_inspectors))


def _measure_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]+", text.lower()) if word not in _COMMON_WORDS and len(word) > 2}


def emerging_id(key: str) -> str:
    """The id every document gives the practice with these normalised words."""
    return "emerging:" + re.sub(r"[^a-z0-9]+", "_", key)[:80].strip("_")


def _names_with(practice: PracticeMention, mention: Mention) -> bool:
    """A council's name inside a longer practice's: a council's own service ("Derby Family Practice
    Model", "Stay Together Rochdale")."""
    if mention.kind != "council" or not (practice.start <= mention.start and mention.end <= practice.end):
        return False
    outside = practice.surface[:mention.start - practice.start] + " " + practice.surface[mention.end - practice.start:]
    return any(word not in _COUNCIL_WORDS for word in re.findall(r"[a-z]+", outside.lower()))


_COUNCIL_WORDS = {"council", "borough", "city", "county", "district", "metropolitan", "royal", "of", "the", "and", "s"}


def _widens(practice: str, catalogue: str) -> bool:
    """A wider printed name for the same thing: its bracketed abbreviation, a head noun or qualifier
    after it ("Step Up" -> "Step Up to Social Work programme"), not a different practice around it or what the
    practice was the setting of ("staff … in restorative practice"), nor whom it
    is for ("Lifelong Links for children in care", "Mockingbird constellations for our foster carers") or where it
    runs ("Family Safeguarding in the two assessment teams")."""
    extra = len(practice.split()) - len(catalogue.split())
    before, _, after = practice.partition(catalogue)
    return 0 < extra <= 4 and not _FOR_WHOM.match(after) and not _WHERE_IT_RUNS.match(after) and not re.search(
        r"\b(?:in|on|for|to|with|from)\s", before)  # not "(the voluntary sector) in restorative practice"


_FEWER = re.compile(r"(?:fewer|less)\s", re.IGNORECASE)
_WHERE_IT_RUNS = re.compile(r"\s+(?:in|at|across|within|throughout)\s+(?![A-Z])")
_FOR_WHOM = re.compile(r"\s+(?:for|of)\s+(?:(?:our|its|their|the)\s+)?(?:[a-z-]+\s+){0,2}?(?:children|young\s+people|"
                       r"famil(?:y|ies)|(?:foster\s+)?carers|care\s+leavers|parents|teenagers|adolescents)\b(?!['’])")


_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
# a council named as where a model began ("first developed in Hertfordshire", "pioneered by Leeds", "the model from
# Hertfordshire")
_ORIGIN = re.compile(r"\b(?:(?:developed|pioneered|designed|devised|originated|founded|started|began|first\s+used)"
                     r"\s+(?:\w+\s+)?(?:in|by)|"
                     r"(?:model|approach|programme|framework)\s+from)\s+(?:the\s+)?$")
# a council named as where what the sentence tells was learned or brought from ("with help from Leeds City
# Council", "learned from the London Borough of Hounslow", "modelled on the approach used in Doncaster"), or where it
# was seen, when the sentence tells of a start here ("after visiting Leeds, we …", "colleagues who'd done it in
# Leeds", "the director, who joined from Staffordshire County Council, …")
_AFTER_A_COUNCIL = r"(?:\s+(?!(?:we|our|the\s+council)\b)[\w'’-]+){0,4}?\s+(?:the\s+)?(?:(?:London\s+)?Borough\s+of\s+|City\s+of\s+)?$"
_LEARNED_FROM = re.compile(r"\b(?:(?:help|support|advice|lessons?|learning)\s+from|learn(?:ed|t|ing)?(?:\s+a\s+(?:great\s+)?deal)?"
                           rf"\s+from|modelled\s+on|based\s+on|inspired\s+by|(?:borrow\w*|adapted|copied)\s+from|dr[ae]w\w*\s+on|"
                           r"(?:grateful|thanks)\s+to)"
                           rf"{_AFTER_A_COUNCIL}", re.IGNORECASE)
_SEEN_IN = re.compile(r"\b(?:visit(?:ed|ing|s)?(?:\s+to)?|joined(?:\s+us)?\s+from|(?:colleagues|counterparts|peers)\s+"
                      rf"(?:in|at|from)|(?:used|done\s+it|tried)\s+in){_AFTER_A_COUNCIL}", re.IGNORECASE)
# … or described after its name as where a model began: "Leeds, which pioneered the approach", "North Yorkshire,
# where No Wrong Door started", "Hounslow, whose approach …"
_COUNCIL_WORD = r"(?:\s+(?:County|City|Borough|District)?\s*Council)?"  # the rest of "Leeds City Council"
_SOURCE_AFTER = re.compile(rf"{_COUNCIL_WORD},\s+(?:which|who|where|whose)\b[^.;,]*?"
                           r"\b(?:pioneer\w*|develop\w*|start\w*|began|begun|devis\w*|design\w*|originat\w*|approach|model)\b")
# what says a practice was started or changed here, outside the source's own clause
_STARTED_HERE = re.compile(r"\b(?:adopt|introduc|launch|implement|set\s+up|establish|creat|open|roll\w*\s+out|expand|"
                           r"chose|choos|train|brought\s+in|buil[dt]|develop|pilot|commission|restructur|redesign)\w*",
                           re.IGNORECASE)
_RELATIVE_AFTER = re.compile(rf"^{_COUNCIL_WORD},\s+(?:where|which|who|whose)\b[^,;]*")
_LEADING_WORDS = re.compile(r"^(?:\W*\b(?:our|the|their|its|and|but|so)\b)+\W*", re.IGNORECASE)
_DOES_AFTER = re.compile(rf"{_COUNCIL_WORD},\s+(?:which|who)\s+(?:has\s+|had\s+)?"
                         r"(?:introduced|launched|set\s+up|adopted|opened|created|established|implemented|rolled\s+out|"
                         r"piloted|commissioned|runs|ran)\b")
# a council that helped the one speaking: "Leeds helped us set up …", "Medway City Council supported the council"
_HELPED_AFTER = re.compile(rf"{_COUNCIL_WORD}\s+(?:has\s+|have\s+|had\s+)?"
                           r"(?:helped|supported|advised|mentored|coached)\s+(?:us|our|the\s+council)\b")
# "Like Medway, we …": another council did it too
_LIKE = re.compile(r"\b(?:like|as\s+in)\s+(?:the\s+)?$", re.IGNORECASE)
_ITS_MODEL = re.compile(r"['’]s(?:\s+[\w-]+){0,3}?\s+(?:model|approach)\b")  # "… adopted North Yorkshire's No Wrong Door model"
_THE_PLACE_MODEL = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:model|approach)\b")  # "the North Yorkshire (No Wrong Door) model"
_AGENT = re.compile(r"\b(?:[Ww]e|[Tt]he (?:council|borough|county|city|authority|trust|service))\b")  # who adopted it
# a council "we" work with, not who did it: "with Medway", "alongside Kent", "jointly with Bucks"
_PARTNER = re.compile(r"\b(?:with|alongside|and|including)\s+(?:the\s+)?(?:(?:London\s+)?Borough\s+of\s+|City\s+of\s+)?$")
_GOES_ON = re.compile(r"\W*(?:It|They|Its|Their)\b")  # a sentence going on about the council named before it
_ITS = re.compile(r"\b(?:its|their)\b")  # "Inspectors praised its Mockingbird programme"
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b)")  # "Darlington, Hartlepool and …", not "Hertfordshire, Somerset introduced"
_LISTED_AFTER = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?")  # "with Darlington, Hartlepool and …"
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")  # what someone quoted says: their "we", not the document's


def _first_person(words: str) -> bool:
    """Whether a sentence speaks as "we" (a quoted "we" is the speaker's, not the document's)."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub("", words)))


class _CouncilContext:
    def __init__(self, text: str, mentions: list[Mention], sentences: list[Sentence], document_councils: list[str],
                 inspection_council: str | None):
        self._text = text
        pairs = sorted(zip(mentions, sentences), key=lambda pair: pair[0].start)
        self._councils = [mention for mention, _ in pairs if mention.kind == "council"]
        self._sentence_of = {id(mention): sentence for mention, sentence in pairs}
        self._interventions = [mention for mention, _ in pairs if mention.kind == "intervention"]
        self._council_starts = [mention.start for mention in self._councils]
        self._intervention_starts = [mention.start for mention in self._interventions]
        self._inspection_council = inspection_council
        self._only_council = document_councils[0] if len(document_councils) == 1 else None
        main = None if document_councils or inspection_council else _main_council(
            self._councils, text, {id(mention) for mention in self._councils if self._named_as_source(mention)})
        self._own = self._only_council or main  # the council the document is given for, or plainly about
        self._own_found = (self._own, "document_council", 0.8) if self._only_council else (main, "main_council", 0.6)

    def council_for(self, sentence: Sentence) -> tuple[str | None, str | None, float]:
        """(council code, method, confidence) for what a sentence says, or (None, None, 0)."""
        if self._inspection_council:
            return self._inspection_council, "inspection_report", 0.9
        own, own_found = self._own, self._own_found
        words = self._text[sentence.start:sentence.end]
        we_speak = self._we_speak(words)
        named = self.named_in(sentence)
        doers = self._doers(words, sentence, named, we_speak)
        if doers:  # a shared service lists its councils: the document's own among them is the one it is about
            listed = all(_LISTED_AFTER.fullmatch(words, first.end - sentence.start, second.start - sentence.start)
                         for first, second in zip(doers, doers[1:]))
            chosen = next((mention for mention in doers if mention.key == own), doers[0]) if listed else doers[0]
            return chosen.key, "named_in_sentence", 0.9
        if own and (named or self._only_council):  # "we" with partners, a model "first developed in Hertfordshire"
            return own_found
        if own is None and _first_person(words):
            return None, None, 0  # "we" of a council the document never makes plain, not the one named last
        recent = self._within(self._councils, self._council_starts, sentence.start - CONTEXT_WINDOW, sentence.start)
        if recent:
            # the first council that acts in the latest sentence naming one: its subject, not a partner named
            # after it nor where a model began; a sentence listing several councils makes none of them the
            # subject of what follows
            last = self._sentence_of[id(recent[-1])]
            last_words = self._text[last.start:last.end]
            latest = self._doers(last_words, last, [mention for mention in recent if mention.start >= last.start],
                                 self._we_speak(last_words))
            # but in a document about one council, another named before is what follows only when the
            # sentence goes on with "it", "they", "its" or "their" (and not "the council") in the same paragraph,
            # and never where "we" speak: they wrote the document ("Camden saw a similar fall.\n\nThe council …",
            # "… with help from Leeds. It set up …")
            same_paragraph = "\n" not in self._text[last.end:sentence.start]
            goes_on = _GOES_ON.match(words) or _ITS.search(words) and not _AGENT.search(words)
            if own and (not latest or own in {mention.key for mention in latest} or we_speak or not same_paragraph
                        or not goes_on):
                return own_found
            if latest and len({mention.key for mention in latest}) < 3:
                return latest[0].key, "named_before", 0.6
        return own_found if own else (None, None, 0.0)

    def anothers(self, parsed: dict[int, Doc], sentence: Sentence, practice: Mention) -> bool:
        """Whether a practice its sentence names is another council's than the document's own, or some
        councils' ("many councils use it"): practices.anothers_practice; a reader marks it for neither."""
        words = _mention_words(parsed, sentence, practice)
        if self._inspection_council or words is None:
            return False
        if self._own is None:  # no council the document is about: only one no name says is another's
            return anothers_practice(words, set(), set())
        named = self.named_in(sentence)

        def words_of(mentions: list[Mention]) -> set[int]:  # the tokens naming those councils
            return {token.i for token in words.doc
                    if any(mention.start <= sentence.start + token.idx < mention.end for mention in mentions)}

        return anothers_practice(words, words_of([mention for mention in named if mention.key != self._own]),
                                 words_of([mention for mention in named if mention.key == self._own]))

    def _named_as_source(self, mention: Mention) -> bool:
        """A council its sentence names only as where a model began or was learned, or as a partner."""
        sentence = self._sentence_of[id(mention)]
        words = self._text[sentence.start:sentence.end]
        return self._maker_or_partner(words, mention.start - sentence.start, mention.end - sentence.start,
                                      _first_person(words))

    def _we_speak(self, words: str) -> bool:
        """"We" in a sentence of a document about one council is that council."""
        return self._own is not None and _first_person(words)

    def _doers(self, words: str, sentence: Sentence, named: list[Mention], we_speak: bool) -> list[Mention]:
        """The councils a sentence (`words`) names as doing what it says: not a partner, nor where a model
        began or was learned; a council listed after a partner ("with Darlington, Hartlepool and …") is one."""
        doers: list[Mention] = []
        partners: list[Mention] = []
        for mention in named:
            start, end = mention.start - sentence.start, mention.end - sentence.start
            listed = partners and _LISTED_AFTER.fullmatch(words, partners[-1].end - sentence.start, start) and (
                " and " in words[partners[-1].end - sentence.start:start] or _LIST_GOES_ON.match(words, end))
            (partners if listed or self._maker_or_partner(words, start, end, we_speak) else doers).append(mention)
        return doers

    @staticmethod
    def _maker_or_partner(words: str, start: int, end: int, we_speak: bool) -> bool:
        """A council a sentence names (characters `start` to `end` of its `words`) only as where a model began
        ("first developed in Hertfordshire", "Leeds, which pioneered it", "the council adopted Medway's model",
        "we adopted the North Yorkshire model"), as where it was learned or seen ("after visiting Leeds",
        "with support from Hertfordshire", "inspired by Leeds", "Leeds helped us set up …") or as a partner of the
        "we" or the council who speak ("we run the agency jointly with Medway", "the council worked with Sutton on
        …", "Like Medway, we …"): not who did what the sentence says."""
        if _DOES_AFTER.match(words, end):
            return False  # "We visited Medway, which introduced Lifelong Links": Medway did it
        before = words[:start]
        others_act = we_speak or bool(_AGENT.search(before))
        # where something done here was seen: not the subject ("Our colleagues in Leeds launched …"), nor a
        # council only visited or described ("We visited Leeds, where conferences are offered to all")
        seen = _SEEN_IN.search(before)
        started_here = _STARTED_HERE.search(before) or _STARTED_HERE.search(_RELATIVE_AFTER.sub("", words[end:], count=1))
        seen = seen if seen is not None and started_here and (
            _LEADING_WORDS.sub("", before[:seen.start()]).strip() or seen.start() == 0 and others_act) else None
        learned = _LEARNED_FROM.search(before)
        learned = learned if learned is not None and (learned.start() > 0 or others_act or _AGENT.search(words, end)) \
            else None  # "Inspired by Medway, the council …"
        return bool(_ORIGIN.search(before) or seen or learned or _HELPED_AFTER.match(words, end) or others_act and (
            _SOURCE_AFTER.match(words, end) or _ITS_MODEL.match(words, end) or _PARTNER.search(before)
            or _LIKE.search(before) or before.lower().endswith("the ") and _THE_PLACE_MODEL.match(words, end)))

    def names_own(self, start: int, end: int) -> bool:
        """Whether the text from `start` to `end` (a table's heading) names the council the document is about."""
        return self._own is not None and any(
            mention.key == self._own for mention in self.named_in(Sentence(start, end)))

    def named_in(self, sentence: Sentence) -> list[Mention]:
        """The councils a sentence names, in order."""
        return self._within(self._councils, self._council_starts, sentence.start, sentence.end)

    def about_another(self, sentence: Sentence, parsed: Doc, figure_at: int) -> bool:
        """A figure (at document offset `figure_at`) whose clause has another council than the document's
        own as its subject ("Slough was at around 30%", "while Rochdale's rate is 26%", "Wigan reports that
        15% …", "St Helens saw its numbers fall by a third") or as where it was done ("in Lambeth it reduced …"):
        that council's figure, a comparison, not this council's result. Not a clause whose subject is "we", a
        measure, the figure itself, or a practice named after a council ("Bury's Family Hub model … has helped us
        reduce …")."""
        own = self._own
        others = [mention for mention in self.named_in(sentence) if mention.key != own]
        if own is None or not others:
            return False
        covered = {token.i for mention in others for token in parsed
                   if mention.start <= sentence.start + token.idx < mention.end}
        at = [token for token in parsed if sentence.start + token.idx >= figure_at][:4]  # "by a third", "£2.4m"
        figure = next((token for token in at if token.like_num), at[0] if at else None)
        for verb in (word for word in (figure.ancestors if figure is not None else ()) if word.pos_ in {"VERB", "AUX"}):
            subject = next((child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and any(word.lower_ in {"we", "our", "us", "ours"} for word in subject.subtree):
                return False  # "In Somerset we placed 8 children": ours, wherever it was done
            if any(child.dep_ == "prep" and child.lower_ == "in" and any(place.i in covered for place in child.children)
                   for child in verb.children):
                return True  # "in Lambeth it reduced repeat missing episodes by a quarter"
            if subject is None:
                continue
            owner = next((child for child in subject.children if child.dep_ == "poss"), None)
            if subject.i in covered or owner is not None and owner.i in covered and subject.lemma_.lower() not in HEADS:
                return True
            if not (owner is not None and owner.lower_ in {"its", "their"} or verb.dep_ == "ccomp"):
                return False  # said of its own subject; but "its numbers", "reports that …" look further up
        return False

    def intervention_for(self, sentence: Sentence, referred: str | None) -> tuple[str | None, str | None]:
        """The intervention the text links an outcome to: named in its sentence, or "the pilot" named
        before (the latest one named with that noun, "the academy" → "social work academy", else the latest)."""
        named = self._within(self._interventions, self._intervention_starts, sentence.start, sentence.end)
        if named:
            return named[0].key, "named_in_sentence"
        if referred:
            recent = self._within(self._interventions, self._intervention_starts,
                                  sentence.start - CONTEXT_WINDOW, sentence.start)
            noun = practice_words(referred)[-1]
            alike = [mention for mention in recent if noun in practice_words(mention.surface)]
            if recent:
                return (alike or recent)[-1].key, "refers_back"
        return None, None

    @staticmethod
    def _within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
        return mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def parsed_sentences(text: str, sentences: list[Sentence], by_inspectors: bool = True) -> dict[int, Doc]:
    """The sentences through the full parser in one batch (several times faster than a call per
    sentence), by their start; each says whether it is from an inspection report, where "we" are the
    inspectors (practices.BY_INSPECTORS)."""
    parsed = dict(zip((sentence.start for sentence in sentences),
                      full_pipeline().pipe(text[sentence.start:sentence.end] for sentence in sentences)))
    for doc in parsed.values():
        doc.user_data[BY_INSPECTORS] = by_inspectors
    return parsed


def sentences_of(text: str, doc: Doc) -> list[Sentence]:
    """The document's sentences as extraction reads them (the segmenter's, mended and split at lines)."""
    return [piece for start, end in _rejoined(text, doc) for piece in _lines(text, start, end)]


def cued_sentences(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences worth a full parse: a practice's cue or a figure in them."""
    return [sentence for sentence in sentences if _PRACTICE_CUE.search(text, sentence.start, sentence.end)
            or _FIGURE.search(text, sentence.start, sentence.end)]


def _rejoined(text: str, doc: Doc) -> list[tuple[int, int]]:
    """The segmenter's sentences, with its false breaks mended: one that stops without a full stop
    before a hyphen or a lower-case word ("Re" | "-referral rates have reduced…") runs on."""
    spans: list[tuple[int, int]] = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        if spans and _RUNS_ON.match(text, start) and not _ENDS.search(text, 0, spans[-1][1]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _lines(text: str, start: int, end: int) -> list[Sentence]:
    """A heading or list item on its own line is never part of the next sentence; a list item
    starts after its bullet ("- 87 (24%) were …" is read as "87 (24%) were …")."""
    pieces, cursor = [], start
    for line_break in [*re.finditer(r"\n+", text[start:end]), None]:
        stop = start + line_break.start() if line_break else end
        bullet = _LIST_BULLET.match(text, cursor, stop)
        first = bullet.end() if bullet else cursor
        if text[first:stop].strip():
            pieces.append(Sentence(first, stop))
        if line_break:
            cursor = start + line_break.end()
    return pieces


_LIST_BULLET = re.compile(r"[ \t]*- ")
# a report's heading over what the council must improve: "What needs to improve in this local authority?"; or
# over what it will do: "Next steps", "What we will do next", "Priorities for 2025/26"
_TO_IMPROVE = re.compile(r"^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?:what needs to improve(?: in this local authority)?|"
                         r"areas? for (?:priority )?(?:action|improvement)|recommendations?|next steps|"
                         r"what we (?:will|plan to) do next|(?:our |key )?priorities(?: for (?:the )?[\w/–-]+(?: \w+)?)?)"
                         r"[ \t]*[?:]?[ \t]*\d*[ \t]*$", re.IGNORECASE | re.MULTILINE)
# a line leading into a list of what is still to be done: "Over the next year we will:", "Our priorities are
# to:", "I recommend that the Minister:", "Option D would involve:"; not "The grant was used to:", whose items
# were done, nor "Cabinet is recommended to:", whose items may note what runs
_WILL_DO = re.compile(r"^(?![^\n]*\b(?:report|document|paper|letter|section|briefing|update)\s+(?:will|should|is|are)\b)"
                      r"[^\n]*\b(?:will|shall|should|must|(?:will|would)\s+(?:involve|include|mean|see|deliver|comprise)|"
                      r"(?:plans?|aims?|intends?|is|are|wants?|hopes?|going|"
                      r"proposes?|needs?) to|recommends? that[^\n:]*)[ \t]*:[ \t]*$", re.IGNORECASE | re.MULTILINE)
# an item telling what was done, or that a practice the council has goes on: "- Mockingbird was launched in
# 2022", "- Build on our three constellations", "- Embed the neglect toolkit agreed in March"
_DONE_OR_GOING_ON = re.compile(r"\b(?:was|were|has been|have been|had)\b|\b(?:launched|introduced|opened|began|started|"
                               r"rolled out|set up)\b(?!\s+(?:a|an|the|our|its|new)\b)|^\W*(?:\w+\W{1,3})?"
                               r"(?:build on|continue|sustain|maintain|embed|strengthen)\b", re.IGNORECASE)
# a list item: bulleted, lettered ("a)", "(b)", "c.") or numbered ("2.", "4.10") and, unless bulleted, a
# sentence (ending in a stop or a semicolon), so that the next section's numbered heading ends the list
_ITEM = re.compile(r"[ \t]*(?P<marker>(?P<bullet>[-•*])[ \t]|(?:(?P<letter>\(?[a-z]\)|[a-z]\.)|(?P<number>\d+(?:\.\d+)*)[.)]?)"
                   r"[ \t]+)(?:(?<=[-•*][ \t])|[^\n]*[.;:,][ \t]*$)")
_ASKED_FOR = re.compile(r"improve|recommendation", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_ITEM_END = re.compile(r"[.!?](?=\s+[A-Z0-9])")


def _lists_of_what_to_improve(text: str) -> list[tuple[int, int]]:
    """Where a list of what is still to be done lies: under a "What needs to improve?" heading (or
    "Areas for improvement", "Recommendations", "Next steps", "Priorities") or after a line leading into
    it ("Over the next year we will:"). Its items name what the council must or will improve or start in
    phrases ("Implementation of an effective quality assurance framework", "a) commission a Family Group
    Conferencing service"), which `instruction` does not always read as instructions."""
    spans = []
    # a heading is part of its list (the parse may join it to the first item); a line leading into one may
    # also tell of what was done before it
    # (an inspector's "What needs to improve" or "Recommendations" asks for every item, whatever its tense)
    leads = [(heading.start(), heading.end(), bool(_ASKED_FOR.search(heading.group())))
             for heading in _TO_IMPROVE.finditer(text)] + [(line.end(), line.end(), False)
                                                           for line in _WILL_DO.finditer(text)]
    for start, after, asked_for in leads:
        kind, items = None, []
        for line in _LINE.finditer(text, after):
            item = _ITEM.match(line.group())
            if item is None or kind is not None and _kind_of_item(item) != kind:
                break  # not an item, or one of another list ("5.1 In 2023 we …" after "- recruit …")
            kind = None if line.group().rstrip().endswith(":") else _kind_of_item(item)  # "5.1 I recommend:" a), b)
            stop = _ITEM_END.search(text, line.start(), line.end())  # the last may run on into the next section
            end = stop.end() if stop else line.end()
            if asked_for or not _DONE_OR_GOING_ON.search(text[line.start() + item.end("marker"):end]):
                items.append((line.start(), end))
        if items and start < after:
            spans.append((start, after))
        spans += items
    return spans


def _kind_of_item(item: re.Match) -> str:
    """"bullet", "letter", or "number" with what precedes its last part ("4.10" is of 4, as "4.9" is; "5.1" is not)."""
    return "bullet" if item.group("bullet") else "letter" if item.group("letter") else \
        f"number {item.group('number').rpartition('.')[0]}"


def _since(sentence: str) -> int | None:
    if not _ADOPTED.search(sentence):
        return None
    year = _SINCE.search(sentence)
    return int(year.group(1)) if year else None
