"""Practices the catalogue never named, from parsed sentences.

Three patterns, all on spaCy's parse:
- what was introduced, set up, commissioned, recruited, invested in… : the object of the verb,
  the subject of its passive ("a hub has been established"), or the object of the noun
  ("the creation of a family connections team");
- names ending in a practice head (model, programme, hub, panel, team, strategy, …) with a
  modifier that is not generic ("the adolescent response team", not "the team");
- capitalised multi-word names and names in quotes (‘Grow your own’).
A span keeps its printed extent (a parenthesised abbreviation after it, "of"/"for" qualifiers)
and drops determiners. Plans and hopes ("plans to introduce"), generic nouns alone ("support",
"work") and Ofsted's own actions are not practices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile
from typing import Any, Callable

from spacy.tokens import Doc, Span, Token

from ingest.extraction.nlp import FINITE_TAGS, NOT_THE_COUNCIL
from kg.model.vocabulary import MONTHS

ACTIONS = {"introduce", "establish", "launch", "pilot", "invest", "recruit", "restructure", "create", "commission",
           "recommission", "adopt", "embed", "implement", "develop", "appoint", "employ", "fund", "initiate",
           "set", "roll", "reorganise", "redesign", "form", "expand", "secure", "extend", "strengthen", "increase"}
_NEEDS_PARTICLE = {"set": "up", "roll": "out", "take": "on"}
NOMINAL_ACTIONS = {"introduction", "creation", "implementation", "development", "establishment", "launch",
                   "recruitment", "restructure", "restructuring", "commissioning", "investment", "appointment",
                   "rollout", "roll", "adoption", "expansion", "use", "reorganisation", "redesign", "delivery",
                   "purchase", "employment"}
HEADS = {"model", "approach", "programme", "program", "service", "hub", "panel", "academy", "team", "unit", "pathway",
         "framework", "board", "trust", "strategy", "scheme", "project", "initiative", "toolkit", "protocol", "offer",
         "conference", "meeting", "forum", "group", "sub-group", "agency", "partnership", "tool", "campaign", "clinic",
         "tracker", "worker", "officer", "adviser", "advisor", "coordinator", "co-ordinator", "champion", "post",
         "role", "apprenticeship", "training", "course", "arrangement", "system", "policy", "pilot", "network",
         "allowance", "passport", "dashboard", "audit", "door", "council", "practitioner", "mentor", "navigator",
         "caseworker", "residence", "home", "fund"}
# heads that name a practice by themselves once a distinctive word qualifies them
STRONG_HEADS = {"model", "approach", "programme", "program", "hub", "panel", "academy", "pathway", "framework",
                "strategy", "scheme", "project", "initiative", "toolkit", "protocol", "tool", "forum", "clinic",
                "tracker", "campaign", "trust", "unit", "team", "offer", "pilot", "passport", "allowance", "dashboard",
                "navigator", "champion", "apprenticeship"}
STRONG_ACTIONS = {"introduce", "establish", "launch", "pilot", "invest", "recruit", "restructure", "create", "commission",
                  "recommission", "set", "roll", "implement", "appoint", "employ", "initiate", "reorganise", "redesign",
                  "adopt", "open", "rebuild"}
# modifiers that leave a phrase generic: "the leadership team", "a new service", "the social work team"
_GENERIC_MODIFIERS = {"new", "same", "similar", "other", "local", "whole", "current", "existing", "previous", "relevant",
                      "senior",
                      "leadership", "management", "social", "work", "children", "child", "council", "authority",
                      "inspection", "appropriate", "specialist", "dedicated", "additional", "own", "their", "its",
                      "this", "that", "these", "those", "such", "each", "every", "all", "many", "some", "several",
                      "few", "more", "most", "key", "wide", "wider", "different", "various", "separate", "single",
                      "right", "early", "good", "effective", "strong", "well", "range", "number", "care", "service",
                      "services", "area", "one", "two", "three", "first", "second", "further", "recent", "regular",
                      "statutory", "corporate", "partnership", "multi", "agency", "s", "’s", "'s", "permanent",
                      "experienced", "individual", "operational", "strategic", "overall", "family", "families",
                      "people", "young", "district", "locality", "court", "legal", "health", "police", "school",
                      "schools", "education", "safeguarding", "frontline", "front", "line", "the", "a", "an"}
GENERIC_NOUNS = {"work", "support", "help", "practice", "service", "services", "team", "teams", "staff", "action",
                  "actions", "arrangement", "arrangements", "system", "systems", "change", "changes", "approach",
                  "improvement", "improvements", "progress", "plan", "plans", "capacity", "resources", "resource",
                  "provision", "way", "ways", "range", "number", "focus", "culture", "priority", "priorities",
                  "process", "processes", "structure", "structures", "thing", "things", "activity", "activities",
                  "opportunity", "opportunities", "initiative", "initiatives", "measure", "measures", "step", "steps",
                  "role", "roles", "area", "areas", "issue", "issues", "need", "needs", "use", "this", "it", "that",
                  "them", "they", "which", "what", "these", "those", "who", "something", "one", "ones", "time",
                  "level", "levels", "quality", "understanding", "relationship", "relationships", "oversight",
                  "scrutiny", "challenge", "sense", "impact", "difference", "decision", "decisions", "response",
                  "interventions", "intervention", "programme", "programmes", "model", "plan", "group", "groups"}
# the standing teams and bodies every children's service has: not a practice a council chose
_STANDING_UNITS = {"assessment", "adoption", "fostering", "leadership", "management", "emergency duty", "youth offending",
                   "virtual school", "disability", "disabilities", "permanence", "permanency", "quality assurance",
                   "performance", "referral and assessment", "long term", "leaving care", "care leaver", "staff",
                   "social work", "fieldwork", "locality", "area", "district", "safeguarding children", "lscb",
                   "information policy", "corporate parenting", "independent reviewing", "child protection", "housing",
                   "children in care", "looked after", "duty", "court", "legal", "health", "school", "schools",
                   "daytime", "day", "out of hour", "children with disabilities", "private fostering",
                   "connected person", "recruitment", "commissioning", "board", "directorate", "senior management",
                   "youth justice", "disabled children"}
EVALUATIVE = {"stable", "strong", "committed", "ambitious", "dedicated", "talented", "effective", "robust", "good",
               "clear", "skilled", "experienced", "capable", "small", "large", "wide", "well",
               "established", "highly", "very", "appropriate", "timely", "consistent", "excellent", "outstanding",
               "positive", "helpful", "valued", "proactive", "responsive", "stronger", "better", "improved", "strengthened",
               "political", "senior", "cohesive", "knowledgeable", "impressive", "inclusive", "supportive", "focused",
               "visible", "accessible", "innovative", "creative", "mature", "overarching", "satisfactory",
               "comprehensive", "adaptable", "specific", "available", "continuous", "coherent", "holistic", "powerful",
               "successful", "best", "bespoke", "practical", "shared", "broader", "broad", "active",
               "alternative", "important", "useful", "sound", "solid", "improving", "renewed", "refreshed", "updated",
               "enhanced", "greater", "increased",
               "reduced", "fewer", "sufficient", "adequate", "weak", "poor", "limited", "different", "various"}
ABSTRACT = {"relationship", "skill", "understanding", "culture", "stability", "standard", "consistency", "quality",
             "grip", "oversight", "line", "sight", "confidence", "trust", "rapport", "knowledge", "awareness",
             "engagement", "part", "response", "effectiveness", "development", "progress", "improvement", "work",
             "practice", "enquiry", "link", "partnership", "capacity", "approach", "system", "arrangement"}
# heads that measure, never name, what a council does: "35 per cent of social workers", "a total of 30"
QUANTITIES = {"majority", "minority", "average", "proportion", "cent", "percent", "percentage", "total"}
# heads that name whom a council recruits or appoints, or what it achieves, rather than what it does:
# "the recruitment of foster carers", "the appointment of a new chair", "creating a stable workforce"
NOT_WHAT_IT_DOES = {"carer", "adopter", "leaver", "parent", "leader", "director", "manager", "member", "chair",
                    "chairperson", "chairman", "chairwoman", "executive", "provider", "superintendent", "councillor",
                    "commissioner", "workforce", "foundation", "change", "identity", "issue", "backlog", "level",
                    "condition", "plan", *QUANTITIES}
_OFSTED = re.compile(r"\b(?:inspectors?|ofsted|this inspection|the inspection)\b", re.IGNORECASE)
_WE = re.compile(r"\bwe\b", re.IGNORECASE)
BY_INSPECTORS = "by_inspectors"  # a parsed sentence's user_data key: is it from an inspection report?
_PLANNED = re.compile(r"\b(?:plans?|planning|intends?|intending|intention|hopes?|hoping|aims?|aiming|proposals?|"
                      r"proposed|will|would|should|could|needs? to|yet to|not yet|about to|in the process of|"
                      r"considering|exploring)\b", re.IGNORECASE)
_NOT_A_NAME = {"ofsted", "local", "authority", "council", "county", "borough", "city", "children", "children’s",
               "children's", "department", "director", "directors", "assistant", "chief", "executive", "lead",
               "member", "members", "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "england", "uk", "inspection", "inspections",
               "services", "social", "care", "england’s", "dfe", "government", "secretary", "state", "education",
               "act", "regulations", "guidance", "working", "together", "court", "courts", "mr", "mrs", "ms",
               "summary", "information", "recommendations", "judgement", "judgements", "overall", "effectiveness",
               "the", "of", "and", "for", "in", "to", "a", "on", "at", "with", "by"}
_QUOTED = re.compile(r"[‘'“\"]([A-Za-z0-9][^‘’'“”\"\n]{2,60}?)[’'”\"]")
_ABBREVIATION = re.compile(r"\s*\(([A-Za-z][A-Za-z0-9&\-’' ]{1,40})\)")
_CROSS_REFERENCE = re.compile(r"(?:[Ss]ee|[Pp]aras?|[Pp]aragraphs?|[Pp]ages?|[Ss]ections?|[Aa]nnex|[Aa]ppendix)\b")
_DETERMINER_TAGS = {"DT", "PRP$", "WDT", "CD"}
MAX_TOKENS = 12
_LEADING = {"a", "an", "the", "its", "their", "our", "this", "these", "that", "those", "his", "her", "new"}


@dataclass
class PracticeMention:
    surface: str
    start: int  # character offsets in the document
    end: int
    head: str  # lemma of the head noun, for clustering
    method: str  # "action_object", "recruited_staff", "named_head", "capitalised_name", "quoted_name"; "learned"
    confidence: float
    words: tuple[Token, ...]  # the parsed words the phrase was made of (no added abbreviation): what the weights read


OPENING_QUOTES = {"‘": "’", "“": "”", "'": "'", '"': '"'}  # each opening quote mark and the mark that closes it


def _with_its_particle(verb: Token) -> bool:
    """"set up", "rolled out": an action only with its particle ("set out" is not setting up)."""
    particle = _NEEDS_PARTICLE.get(verb.lemma_)
    return particle is None or any(child.dep_ == "prt" and child.lower_ == particle for child in verb.children)


def _opens_a_quote(tokens: list[Token]) -> bool:
    """The phrase starts with a quote mark it also closes: "‘No wrong door’ model" keeps both."""
    closing = OPENING_QUOTES.get(tokens[0].text)
    return closing is not None and any(token.text == closing for token in tokens[1:])


_ORDINALS = {"first", "second", "third", "fourth", "fifth", "latest"}  # "our first Mockingbird constellation"
# participles that are part of what a practice is called: "supported lodgings", "enhanced case management"
_NAMING_PARTICIPLES = {"supported", "targeted", "enhanced", "integrated", "specialised", "specialized", "fostering"}


def _trim(tokens: list[Token]) -> list[Token]:
    """No leading determiners, possessives, numbers, ordinals, adverbs or punctuation (but a quote mark the
    phrase closes), nor the end of a bracket opened before it ("LGA)-led" of "(LGA)-led review"); no
    trailing punctuation."""
    while tokens and not _opens_a_quote(tokens) and (
            tokens[0].tag_ in _DETERMINER_TAGS or tokens[0].is_punct or tokens[0].dep_ in {"poss", "case"}
            or tokens[0].pos_ in {"ADV", "ADP", "CCONJ", "PART", "PRON", "AUX", "VERB"}
            and not (tokens[0].lower_ in _NAMING_PARTICIPLES and len(tokens) > 1)
            or tokens[0].lower_ in {"s", "’s", "'s"} or ")" in tokens[0].text and "(" not in tokens[0].text
            or tokens[0].text in _ORDINALS and len(tokens) > 1) and not (  # not "First Steps programme"
            len(tokens) > 2 and tokens[1].text == "-" and not tokens[0].whitespace_  # "in-house", "well-being service";
            and tokens[2].tag_ != "VBN" and tokens[2].lower_ not in EVALUATIVE):  # not "well-established team"
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text != ")" or tokens[-1].pos_ in {"ADP", "CCONJ", "DET",
                                                                                              "PART"}):
        tokens = tokens[:-1]
    return tokens


_PLACES = {"GPE", "LOC", "FAC"}  # entity types of a place
_WHEN = {"between", "from", "since", "during", "until", "on"}
_AREAS = {"area", "district", "locality", "borough", "county", "town", "city", "region", "ward"}


def _where_it_applies(qualifier: Token) -> bool:
    """A qualifier saying where, with whom or instead of what a practice applies, not which practice it is:
    "for each team", "in every locality", "for most cases", "in place of individual supervision", a
    place ("The Launchpad in Chatham", "constellations in Burton and Cannock"), a partner ("with Medway")."""
    if qualifier.head.lower_ == "in" and (qualifier.ent_type_ in _PLACES | {"DATE", "TIME"}
                                          or qualifier.lemma_.lower() in _AREAS):
        return True  # or when: "our first constellation in 2022", "in the Washington area"
    if qualifier.head.lower_ in _WHEN and (qualifier.ent_type_ in {"DATE", "TIME"} or qualifier.lower_ in MONTHS):
        return True  # "permanent staff between January and September"
    if qualifier.lower_ == "place":
        return any(word.dep_ == "prep" and word.lower_ == "of" for word in qualifier.children)
    if qualifier.head.lower_ == "with" and qualifier.ent_type_ in _PLACES | {"ORG", "PERSON"}:
        return True  # whom it is run with: "a joint campaign with Westminster City Council"
    return any(word.text in {"each", "every", "all", "most"} for word in qualifier.children)  # not "Every Child"


def phrase(noun: Token) -> list[Token]:
    """The noun with its left modifiers, and "of"/"for"/"to" qualifiers and bracketed abbreviations after it."""
    left = [token for token in noun.lefts if token.dep_ in {"compound", "amod", "nmod", "nummod", "poss", "npadvmod",
                                                              "det", "punct", "advmod", "case", "quantmod"}]
    start = min([noun.i] + [token.left_edge.i for token in left])
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "to", "between", "with", "on", "in"} and child.i == end:
            objects = [token for token in child.children if token.dep_ == "pobj"]
            if objects and not _where_it_applies(objects[0]) and not _money(objects[0]):
                # up to a relative clause or participle inside the object, if that is short enough
                reach = objects[0].right_edge.i + 1
                for inner in objects[0].subtree:
                    if inner.dep_ in {"relcl", "acl", "advcl"} or inner.lower_ in {"which", "that", "who", ","}:
                        reach = min(reach, inner.i)
                        break
                if reach - start <= MAX_TOKENS:
                    end = reach
        elif child.dep_ == "appos" and child.i == end + 1 and noun.doc[end].text == "(" and not any(
                token.pos_ in {"VERB", "AUX"} or token.like_num for token in child.subtree):  # not "(four of them sit here)"
            end = child.right_edge.i + 1
            if end < len(noun.doc) and noun.doc[end].text == ")":
                end += 1
        elif child.dep_ in {"compound", "amod"} and child.i == end:
            end = child.right_edge.i + 1
        else:
            if child.i >= end:
                break
    start, end = _whole_words(noun.doc, start, end)
    return _trim(list(noun.doc[start:end]))


def _money(noun: Token) -> bool:
    """"3,000 pounds a year", "£4.7m": how much a practice cost, not part of its name ("a market supplement of …")."""
    return any(token.text == "£" or token.lemma_.lower() == "pound" for token in noun.subtree)


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A phrase widened to whole hyphenated words where the parse split one ("advisory sub" of
    "advisory sub-groups")."""
    def joined(hyphen: int) -> bool:
        return (0 < hyphen < len(doc) - 1 and doc[hyphen].text == "-" and not doc[hyphen - 1].whitespace_
                and not doc[hyphen].whitespace_ and doc[hyphen - 1].is_alpha and doc[hyphen + 1].is_alpha)
    while joined(end):
        end += 2
    if joined(start):
        start -= 1  # "pre-proceedings social workers", the parse hanging "-" from the noun and "pre" elsewhere
    while joined(start - 1):
        start -= 2
    return start, end


# statutory and national bodies every area has: named, but not a practice a council chose
_STATUTORY = re.compile(r"safeguarding (?:children|adults?|partnership)? ?board|\blscb\b|health and well-?being board|"
                        r"family justice board|court advisory|disclosure and barring|\bcafcass\b|youth offending|"
                        r"independent reviewing officer|\biros?\b|\bcdop\b|child death overview|\blado\b|"
                        r"designated officer|public law outline|\bplo\b|local offer|virtual school", re.IGNORECASE)


# a partner organisation by its name (its last words, before any abbreviation in brackets): "Greater
# Manchester Police", "Mersey Care NHS Foundation Trust", "the University of Reading", "UNISON", "the Thames
# Centre for Social Care Research", "the integrated care board", a region's sector-led "Regional Improvement
# and Innovation Alliance", the Local Government Association alone (not its "peer review"); not a council's own
# "Centre for Professional Practice", "Social Work College" or "ICB-funded mental health service"
_PARTNER_BODY = re.compile(r"(?:(?-i:\b(?:Police|Constabulary|University)|\bNHS\b.*\b(?:Trust|Board)"
                           r"|\b(?:Centre|Institute)\b.*\bResearch|\bResearch (?:Centre|Institute))"
                           r"|integrated care board|clinical commissioning group|\bccg|\bicb"
                           r"|improvement (?:and innovation )?alliance)(?:\s*\([^)]*\))?$"
                           r"|^(?:the )?local government association(?:\s*\([^)]*\))?$"
                           r"|(?-i:^University of\b|\bUNISON\b)", re.IGNORECASE)


def not_the_councils(tokens: list[Token]) -> bool:
    """A body every area has by statute, a partner organisation (or the start of one's name: "Regional
    Improvement" of "… Regional Improvement and Innovation Alliance"), or the inspection's own
    machinery: named, but not a practice the council chose."""
    words = " ".join(token.text for token in tokens)
    after = tokens[-1].i + 1
    bracket = tokens[-1].doc[after:after + 3]
    if len(bracket) == 3 and bracket[0].text == "(" and bracket[2].text == ")" and tokens[-1].lemma_.lower() in {
            "service", "board", "court", "partnership"}:  # a body's abbreviation, not a process's ("meeting (PLO)")
        words += f" ({bracket[1].text})"  # "Children and Family Court Advisory and Support Service (Cafcass)"
    going_on = [token.text for token in takewhile(lambda token: token.pos_ in {"PROPN", "NOUN", "ADJ", "CCONJ"},
                                                  tokens[-1].doc[after:after + 4])]
    partner = any(_PARTNER_BODY.search(" ".join([words, *going_on[:length]])) for length in range(len(going_on) + 1))
    return partner or bool(_STATUTORY.search(words)) or any(token.lower_ in _INSPECTION_WORDS for token in tokens) \
        or _originator(head_of(tokens))


_ORIGINATING = {"develop", "design", "devise", "create", "found", "pioneer", "originate", "write", "invent"}


def _originator(head: Token) -> bool:
    """Who first made a model ("an approach developed by Family Rights Group"): another body, not the
    council's practice."""
    by = head.head
    return head.dep_ == "pobj" and by.lower_ == "by" and by.head.tag_ == "VBN" and \
        by.head.lemma_.lower() in _ORIGINATING


_PARTNERS = {"Police", "Constabulary", "NHS"}
_PERSON_ROLES = {"worker", "director", "manager", "officer", "leader", "lead", "member", "head", "chief", "executive",
                 "commissioner", "councillor", "minister", "inspector", "practitioner", "chair", "mayor", "secretary",
                 "spokesperson", "spokesman", "spokeswoman", "carer", "parent", "mother", "father", "author"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "sir", "dame", "professor", "prof"}
_SPEECH = {"say", "tell", "explain", "add", "describe", "note", "comment", "write", "warn"}


def names_a_person(tokens: list[Token]) -> bool:
    """A person the text names ("the lead social worker, Jane Doe,", "Cllr Doe", "Jane Doe said", "the
    trust's safeguarding lead wrote"):
    people are not practices, and a parser's PERSON label alone is too often a brand name to go by."""
    head = head_of(tokens)
    if tokens[0].lower_.rstrip(".") in _TITLES and len(tokens) > 1 and tokens[1].is_title:
        return True  # "Councillor Jo Bloggs", whatever the parser calls the name
    if head.dep_ == "appos" and head.is_title and _role_of(head.head):
        return True  # "a permanent Director of Children's Services, Jo Bloggs,", whatever the parser calls the name
    if _speakers_label(tokens):
        return True
    speaker = tokens[-1]  # "the trust's safeguarding lead wrote: …": who speaks holds a post, not a practice
    if speaker.dep_ == "nsubj" and speaker.head.lemma_.lower() in _SPEECH and speaker.lemma_.lower() in _PERSON_ROLES:
        return True
    if head.ent_type_ != "PERSON":
        return False
    if any(token.lower_.rstrip(".") in _TITLES for token in tokens):
        return True
    beside = ([head.head] if head.dep_ == "appos" else []) + [child for child in head.children if child.dep_ == "appos"]
    return (any(token.lemma_.lower() in _PERSON_ROLES for token in beside)
            or head.dep_ == "nsubj" and head.head.lemma_.lower() in _SPEECH)


def _speakers_label(tokens: list[Token]) -> bool:
    """A transcript's speaker: "Helen Barraclough (DCS): We launched …", "Jo Bloggs: Thank you"."""
    doc = tokens[0].doc
    printed = "".join(token.text for token in doc[tokens[0].i:tokens[-1].i + 5])  # not doc.text: slow to build
    label = _SPEAKER.match(printed)
    return label is not None and (label.group(1) is not None or tokens[0].ent_type_ == "PERSON")


_SPEAKER = re.compile(r"(?:[A-Z][a-z'’-]+){1,4}(\([A-Z]{2,6}\))?:")  # the name's words, run together


_NAME_LINKS = {"of", "and", "for", "the", "to", "&"}  # inside a name: "Mind of My Own"
_INNER_LINKS = {"at", "into", "on", "with"}  # inside a name given in apposition: "Stronger at Home", "Together with Families"
# (not "in": a place follows)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _a_time(doc: Doc, i: int) -> bool:
    """Whether the word at `i` says when: "on Friday", "at 9am", "on 3 May"."""
    return i < len(doc) and (doc[i].lower_ in _WEEKDAYS or doc[i].lower_ in MONTHS or doc[i].ent_type_ in {"DATE", "TIME"}
                             or doc[i].like_num)
# what may follow a name given in apposition: a verb ("Changing Patterns, delivered by…"), a relative
# pronoun ("…, which"), a subject pronoun ("…, they"), a preposition or an adverb; not a list's next item
_AFTER_APPOSITION = {"VBN", "VBD", "VBZ", "VBP", "VBG", "MD", "WDT", "WP", "PRP", "IN", "RB", "TO"}


def apposed_name(doc: Doc, end: int) -> tuple[int, int] | None:
    """The proper name a description of a practice ending at character `end` of `doc` is given right
    after it ("a perpetrator programme, Changing Patterns, delivered by…", "a recruitment hub,
    Foster4.", "a practice framework, known locally as Greenwich Together, which…", "…, called Stay
    Strong, …", "…, branded Working Together, …", "…, which we call Grow, …"): the name a reader
    calls the practice by, as its character span (with any bracketed abbreviation); None for a list's
    next item ("the edge of care team, Family Solutions, and the MASH") or a person (after a role)."""
    described = [token for token in doc if token.idx + len(token.text) <= end]
    comma = doc[described[-1].i + 1] if described and described[-1].i + 1 < len(doc) else None
    if comma is not None and comma.lower_ in {"each", "every"} and comma.i + 2 < len(doc) \
            and doc[comma.i + 1].lemma_.lower() in _PERIODS:
        comma = doc[comma.i + 2]  # "a new reflective writing session each month, called Kitchen Table"
    qualified = comma is not None and comma.pos_ == "ADP" and comma.lower_ in {"in", "at", "for"}
    if qualified and comma is not None:  # "a hub in Bognor Regis, called The Landing", "for 11 to 17s, branded …"
        comma = next((word for word in doc[comma.i + 1:comma.i + 8] if word.text in {",", ";", "."}), None)
        if comma is None or comma.text != "," or any(word.pos_ == "VERB" for word in doc[described[-1].i + 1:comma.i]):
            return None
    called = comma is not None and comma.lower_ in {"called", "named"} and bool(described) and (  # "an adolescent
        head_of(described[-3:]).lemma_.lower() in _KINDS)  # service called Lantern for …"; not "a charity called …"
    if comma is None or comma.text != "," and not called or head_of(described[-3:]).lemma_.lower() in _PERSON_ROLES \
            or _role_of(described[-1]):
        return None
    i = comma.i if called else comma.i + 1
    known = [word.lower_ for word in doc[i:i + 3]]
    if qualified and not (known[:1] in (["called"], ["named"], ["branded"]) or known[:2] == ["known", "as"]):
        return None  # after a qualifier, only a name said to be one
    if known[:2] == ["known", "as"] or known == ["known", "locally", "as"]:
        i += len(known) if known[-1] == "as" else 2
    elif known[:1] in (["called"], ["named"], ["branded"]):  # "a new edge-of-care service, called Stay Strong, …"
        i += 1
    elif known[:1] == ["which"] and known[1:2] in (["we"], ["it"], ["they"]) and i + 3 < len(doc) \
            and doc[i + 2].lemma_ in {"call", "name", "brand"}:
        i += 3  # "our own social work academy, which we call Durham Grow, …", "…, which it calls Merton Anchor, …"
    if i + 1 < len(doc) and doc[i].lower_ == "the" and doc[i + 1].is_title:
        i += 1  # "a new edge-of-care service, the Bridge Team, was set up"
    words: list[Token] = []
    if i < len(doc) and doc[i].text in OPENING_QUOTES:
        closing = next((word for word in doc[i + 1:i + 12] if word.text == OPENING_QUOTES[doc[i].text]), None)
        inside: list[Token] = list(doc[i + 1:closing.i]) if closing is not None else []
        if len(inside) > 1 and inside[0].is_title and all(  # a quoted name with its own commas: "Look, Learn, Lead"
                word.is_title or word.is_punct or word.lower_ in _NAME_LINKS | _INNER_LINKS for word in inside):
            words, i = list(inside), len(doc)
        i += 1
    while i < len(doc) and (doc[i].is_title or doc[i].is_upper and len(doc[i]) > 1 or (
            doc[i].text[:1].isupper() and any(character.isdigit() for character in doc[i].text))
            or words and (doc[i].lower_ in _NAME_LINKS or doc[i].lower_ in _INNER_LINKS and not _a_time(doc, i + 1) and (
                doc[i].lower_ != "with" or i + 1 < len(doc) and doc[i + 1].is_title))):  # not "Incredible Years with the NHS"
        words.append(doc[i])
        i += 1
    while words and words[-1].lower_ in _NAME_LINKS | _INNER_LINKS:
        words.pop()
    head = words[-1].i + 1 if words else len(doc)
    if head < len(doc) and doc[head].lower_ in HEADS:  # "…, the Holding Together team."
        words.append(doc[head])
    if not 1 <= len(words) <= 7:
        return None
    start, stop = with_abbreviation(doc, words)
    following = [token for token in doc if token.idx >= stop and token.text not in {"’", "”", "'", '"'}]
    if following and following[0].text == "(" and ")" in [token.text for token in following[:6]]:
        closing = next(token for token in following if token.text == ")")  # its short name: "(Momo)"
        stop, following = closing.idx + 1, [token for token in following if token.i > closing.i]
    if following and not (following[0].text in {".", ";", ":"} or called and following[0].tag_ == "IN"
                          or following[0].text == "," and (
            len(following) == 1 or following[1].tag_ in _AFTER_APPOSITION or following[1].tag_ == "CC" and len(
                following) > 2 and following[2].tag_ in {"VBD", "VBN"})):  # "…, called The Landing, and adopted …"
        return None
    return start, stop


# what a name is said to be: "Harbour, an edge-of-care service", "Our Family Way is the council's model of …"
_KINDS = {"model", "approach", "programme", "program", "service", "hub", "panel", "academy", "team", "unit", "pathway",
          "framework", "scheme", "project", "initiative", "toolkit", "protocol", "offer", "agency", "partnership",
          "tool", "campaign", "clinic", "network", "home", "trust", "strategy", "pilot", "fund", "platform", "base",
          "centre", "center", "space", "course", "app", "helpline", "line", "group", "club", "forum", "session"}
_PERIODS = {"day", "week", "fortnight", "month", "term", "quarter", "year"}
_BEFORE_DESCRIPTION = {"DT", "PRP$", "POS"}  # "an", "the council's own", "WCF's", "our own"


def _introduces(token: Token) -> bool:
    """A word that opens a description: "an", "the council's own"."""
    return token.tag_ in _BEFORE_DESCRIPTION or token.dep_ in {"poss", "case"} or token.lower_ == "own"


def started_here(doc: Doc, start: int, end: int) -> bool:
    """Whether a phrase (characters `start` to `end` of `doc`) is what its sentence says was introduced, launched, set
    up…, and not planned nor by inspectors: "We launched a family support service, …"."""
    words = doc.char_span(start, end, alignment_mode="expand")
    verb = words.root.head if words is not None and words.root.dep_ == "dobj" else None
    return verb is not None and verb.pos_ == "VERB" and verb_is(verb, STRONG_ACTIONS) and _with_its_particle(verb) \
        and not planned(verb) and not subject_is_ofsted(verb)


def described_after(doc: Doc, start: int, end: int) -> bool:
    """Whether a proper name (characters `start` to `end` of `doc`) is said right after it to be a kind of practice:
    "opened Compass, a drop-in base for care leavers"."""
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and words[-1].pos_ == "PROPN" and any(
        child.dep_ == "appos" and child.lemma_.lower() in _KINDS for child in words.root.children)


def councils_kind(doc: Doc, start: int, end: int) -> bool:
    """Whether a phrase (characters `start` to `end` of `doc`) is a kind of practice said to be the council's
    ("its own pre-birth pathway", "the authority's own framework", "our reunification programme"): given a name
    beside it, the council's practice whatever its verb; not another body's ("whose own exploitation unit")."""
    words = doc.char_span(start, end, alignment_mode="expand")
    owner = next((child for child in words.root.children if child.dep_ == "poss"), None) if words is not None else None
    if words is None or owner is None or words.root.lemma_.lower() not in _KINDS:
        return False
    if owner.lower_ in {"its", "their"}:  # the council's only where the council is who has it, not "Barnardo's runs its …"
        verb = next((node for node in words.root.ancestors if node.pos_ in {"VERB", "AUX"}), None)
        while verb is not None and verb.dep_ == "conj" and not any(child.dep_ == "nsubj" for child in verb.children):
            verb = verb.head
        return verb is not None and any(child.dep_ == "nsubj" and child.lemma_.lower() in _THE_COUNCIL | _COUNCIL_NOUNS
                                        and child.pos_ != "PROPN" for child in verb.children)
    return owner.lemma_.lower() in _OWNERS


_OWNERS = {"our", "we", "council", "authority", "borough", "county", "city", "service", "department"}  # not "whose"
_PLACES_AND_UNITS = {"team", "base", "centre", "center", "hub", "office", "space", "group", "unit"}  # named for where


def branded(doc: Doc, start: int, end: int) -> bool:
    """Whether a phrase (characters `start` to `end` of `doc`) is a kind of practice carrying a name of two or more
    capitalised words after "our" or "its" ("its Grow Our Own scheme", "our Voice Box app"): named where it stands; not
    a council's, a department's or a place's ("Bedford Borough's panel model", "our Finance team", "our Bridge Street
    base", "our Hastings, Eastbourne and Lewes teams")."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or words.root.lemma_.lower() not in _KINDS:
        return False
    named = [token for token in words if token.i < words.root.i and token.is_title and not token.is_sent_start]
    owner = next((child for child in words.root.children if child.dep_ == "poss"), None)
    return len(named) >= 2 and owner is not None and owner.lower_ in {"our", "its"} \
        and words.root.lemma_.lower() not in _PLACES_AND_UNITS and not any(  # not "our Lawrence Hill team"
            token.ent_type_ in {"GPE", "LOC"} or token.text == "," for token in words)  # nor "our Hastings, Lewes teams"


def described_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name a practice phrase (characters `start` to `end` of `doc`) describes, as its character
    span: "Harbour, an edge-of-care service for …" and "Our Family Way is the council's model of …"
    name "Harbour" and "Our Family Way", which a reader calls the practice by; the description is not a
    second practice. None when the phrase is not a kind of practice said of a capitalised name."""
    words = doc.char_span(start, end, alignment_mode="expand")
    inside = range(words.start, words.end) if words is not None else range(0)
    head = next((token for token in words or () if token.head.i not in inside or token.head.i == token.i), None)
    while words is not None and head is not None and head.dep_ in {"compound", "amod", "nmod"} \
            and head.head.i >= words.end and head.head.lemma_.lower() in _KINDS \
            and not any(token.is_title for token in words):  # not "a Staying Close offer", a name of its own
        head = head.head  # "family group conferencing" of "our in-house family group conferencing service"
        words = doc[words.start:head.i + 1]
    if words is None or head is None or head.lemma_.lower() not in _KINDS:
        return None
    i = words[0].i - 1  # back over the description's words before the phrase ("our in-house")
    while i >= 0 and (_introduces(doc[i]) or head.left_edge.i <= i and doc[i].text != ","):
        i -= 1
    if not any(_introduces(token) for token in doc[i + 1:words[0].i]):
        return None  # "Mockingbird, Family Hubs and …": a list's next item, not a description
    apposed = head.dep_ == "appos" and head.head.i < i
    quoted_before = i > 0 and doc[i - 1].text in _CLOSING_QUOTES  # "Created “Fostering Friends”, a buddy scheme"
    if i > 0 and doc[i].text == "," and (apposed or (_fronted(doc, i) or _opens_the_sentence(doc, i) or quoted_before)
                                         and not _listed_after(words)):
        # the apposed name, or a name after "through", "with"… however parsed ("Through Adopt South West, the
        # regional adoption agency we share with …"), inside its quote marks ("“Stronger Together”, an …")
        end = i
        while end > 0 and doc[end - 1].text in _CLOSING_QUOTES:
            end -= 1
        named = head.head if apposed and _name_start(doc, end) <= head.head.i else doc[end - 1]
    elif head.dep_ == "attr" and head.head.lemma_ == "be" and doc[i].i == head.head.i:
        named = next((child for child in head.head.children if child.dep_ == "nsubj"), head)
        end = named.i + 1
    else:
        return None
    name = _quoted_before(doc, end) or _capitalised_before(doc, end)
    if name and name[0].i > 1 and doc[name[0].i - 1].lower_ in {"in", "at"} and _capitalised_before(doc, name[0].i - 1) \
            and all(token.ent_type_ in _PLACES for token in name):
        named = doc[name[0].i - 2]  # "The Launchpad in Chatham, a drop-in hub": where the hub is, not its name
        name = _capitalised_before(doc, named.i + 1)
    while name and (name[0].lower_ in _NAME_LINKS or name[0].lower_ in {"a", "an"} or name[0].pos_ == "ADP"
                    or name[0].lower_ in _BY_WAY_OF):
        name = name[1:]  # not the "Through" opening "Through Adopt South, the …", nor a "Via" tagged as a name
    quoted = end < len(doc) and doc[end].text in _CLOSING_QUOTES  # a name however tagged
    if not name or named not in name or len(name) > 6 or not (quoted or any(token.tag_ in {"NNP", "NNPS"}
                                                                            for token in name) or _mid_sentence(name)) \
            or names_a_person(name) or len(name) == 1 and name[0].lower_ in _LIST_WORDS:
        return None  # not "Third, a new quality assurance framework …"
    return name[0].idx, name[-1].idx + len(name[-1].text)


def _mid_sentence(name: list[Token]) -> bool:
    """Two or more capitalised words inside a sentence: a name however tagged ("set up Stronger Roots, a …")."""
    return len(name) >= 2 and name[0].i > 0 and all(token.is_title or token.lower_ in _NAME_LINKS for token in name)


_CLOSING_QUOTES = set(OPENING_QUOTES.values())
# words that open a list's item or a step of an argument, capitalised at a sentence's start: not a name
_LIST_WORDS = {"first", "second", "third", "fourth", "fifth", "firstly", "secondly", "thirdly", "finally", "lastly",
               "next", "also", "meanwhile", "instead", "however"}
_BY_WAY_OF = {"through", "via", "with", "by", "from"}  # not "in" or "across", after which a place is named


def _quoted_before(doc: Doc, end: int) -> list[Token]:
    """The words of a quoted name ending at token `end`, before its closing quote mark ("Room at Home"), if
    it has an opening one within a few words; else none."""
    if end >= len(doc) or doc[end].text not in _CLOSING_QUOTES:
        return []
    opening = next((token.i for token in reversed(doc[max(0, end - 8):end]) if token.text in OPENING_QUOTES), None)
    return list(doc[opening + 1:end]) if opening is not None and opening + 1 < end else []


def _capitalised_before(doc: Doc, end: int) -> list[Token]:
    """The capitalised words (and the small words inside a name) that end at token `end`."""
    name: list[Token] = []
    for token in reversed(doc[:end]):
        if not (token.is_title or token.is_upper and len(token) > 1 or token.is_alpha and token.text[0].isupper()
                or name and token.lower_ in _NAME_LINKS):
            break
        name.insert(0, token)
    return name


def _name_start(doc: Doc, comma: int) -> int:
    """Where the capitalised words right before a comma begin (the comma itself if there are none); a
    "Through" opening the sentence is not one of them."""
    i = comma - 1
    while i >= 0 and doc[i].lower_ not in _BY_WAY_OF and (
            doc[i].is_title or doc[i].is_upper and len(doc[i]) > 1 or doc[i].lower_ in _NAME_LINKS):
        i -= 1
    return i + 1


def _fronted(doc: Doc, comma: int) -> bool:
    """Whether two or more capitalised words before a comma follow "through", "via", "with", "by" or "from"
    ("Through Adopt South West, …", "arranged through Adopt South, …"): a name a description may follow;
    not a list's first item after a verb ("introduced Signs of Safety, the MASH and …"), nor a time ("From
    April, …", "During Covid, …")."""
    start = _name_start(doc, comma)
    run = doc[start:comma]
    return len(run) >= 2 and start > 0 and doc[start - 1].lower_ in _BY_WAY_OF and not any(
        token.ent_type_ in {"DATE", "TIME", "EVENT"} or token.lower_ in _INSPECTION_WORDS for token in run)


def _opens_the_sentence(doc: Doc, comma: int) -> bool:
    """Whether capitalised words opening the sentence run up to a comma ("Bridge Back, our reunification
    programme …, has"): a name a description may follow, however parsed; not a time or a place ("In April, …",
    "Across Kent, …")."""
    start = _name_start(doc, comma)
    return 0 < comma - start and (start == 0 or start == 1 and doc[0].text in OPENING_QUOTES) and not any(
        token.ent_type_ in {"DATE", "TIME", "EVENT", "GPE", "LOC"} or token.pos_ == "ADP" for token in doc[start:comma])


def _listed_after(words: Span) -> bool:
    """Whether a phrase is followed by "and"/"or" (right away or after a comma): a list's item."""
    after = [token.lower_ for token in words.doc[words.end:words.end + 2]]
    return bool(after) and (after[0] in {"and", "or"} or after[0] == "," and after[1:] in (["and"], ["or"]))


def role_given(doc: Doc, start: int, end: int) -> bool:
    """A phrase saying what role a practice named before it plays, "adopted systemic practice as its
    whole-service model", "embedded as our practice approach": a description, not a second practice; a
    name given after "as" is a name."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    before = doc[root.left_edge.i:words.start]
    return (root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.pos_ in {"VERB", "AUX"}
            and any(token.tag_ in {"PRP$", "POS"} for token in [*before, *words])
            and not any(token.tag_ in {"NNP", "NNPS"} for token in words))  # "rebranded it as our Youth Justice Service"


_NAME_NOUNS = {"name", "term", "brand", "label", "title"}


def named_for(doc: Doc, start: int, end: int) -> bool:
    """A phrase a name set beside it was given for ("Our Family Table, our own name for an expanded family group
    conferencing service"): the description of a practice named just before it, not a second practice; not "chose
    the name for the new family hubs"."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    i = words.start - 1
    while i > 0 and (doc[i].pos_ in {"DET", "ADJ", "ADV"} or doc[i].tag_ in {"VBN", "VBG"}):
        i -= 1  # "for an expanded", "for a newly created"
    if i < 2 or doc[i].lower_ != "for" or doc[i - 1].lemma_.lower() not in _NAME_NOUNS:
        return False
    set_apart = [word.i for word in doc[max(0, i - 6):i - 1] if word.text in {",", "(", "-", "–", ":"}]
    return bool(set_apart) and not any(word.pos_ in {"VERB", "AUX"} for word in doc[set_apart[-1] + 1:i - 1])


def done_by_a_partner(words: Span) -> bool:
    """A practice its sentence says a partner body runs ("Thames Valley Police notifies schools through
    Operation Encompass"): the police's or the NHS's, not the council's; but not where the council takes part
    ("Kent Police and the council launched a joint hub", "the council's hub" they praise, "run with the
    council", "which the council runs"), nor a practice further down ("funded a worker in each Family
    Safeguarding team"), nor people ("NHS colleagues sit in the MASH"). Nor what its clause says is run "not by the
    council" ("is commissioned by the ICB, not by the council")."""
    root = words.root
    verb = next((node for node in (root, *root.ancestors) if node.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and NOT_THE_COUNCIL.search(words.doc[verb.left_edge.i:verb.right_edge.i + 1].text):
        return True
    governor = root.head.head if root.dep_ == "pobj" else root.head  # "… through Operation Encompass"
    if governor.pos_ not in {"VERB", "AUX"} or root.dep_ not in {"dobj", "pobj"}:
        return False  # not "the ICB funded a worker in each Family Safeguarding team"
    verb = governor
    while verb.dep_ in {"xcomp", "conj"} and not any(child.dep_ == "nsubj" for child in verb.children):
        verb = verb.head  # "Thames Valley Police continues to notify …"
    subjects = [word for child in verb.children if child.dep_ == "nsubj" for word in (child, *child.conjuncts)]
    with_the_council = any(word.lower_ in {"council", "our", "its", "we", "us"} for word in verb.subtree)
    runs_it = root.dep_ == "dobj" and verb_is(governor, _RUNNING)  # "Police colleagues continue to run Operation …"
    return bool(subjects) and not with_the_council and all(
        (subject.pos_ == "PROPN" or runs_it)
        and _PARTNER_SUBJECT.search(subject.doc[subject.left_edge.i:subject.i + 1].text)
        for subject in subjects)  # not "NHS colleagues sit in the MASH"


_RUNNING = {"run", "operate", "deliver", "lead", "manage", "host", "provide"}


# bodies that work beside a council, named as a clause's subject: what they run is theirs (not the DfE's
# appointing a commissioner, which acts on the council)
_PARTNER_SUBJECT = re.compile(r"\b(?:Police|Constabulary|NHS|Integrated Care Board|ICB|CCG|Clinical Commissioning Group|"
                              r"University|College|Foundation Trust|Health Trust)\b")


# what governs or sets out the work, rather than doing it: a practice only where it is new or changed (a panel
# does the work: "the legal gateway panel provides sound advice")
_GOVERNING = {"strategy", "board", "committee"}


def governance_in_passing(doc: Doc, start: int, end: int) -> bool:
    """A strategy or board referred to as one already known ("the Sufficiency Strategy will return to the
    Board", "overseen by the Improvement Board", "the first year of the Early Help Strategy"), not where it
    was set up, refreshed or first told of ("established an Improvement Board", "the board, which was
    relaunched"); in an inspection report, whatever inspectors describe runs."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or words.root.lemma_.lower() not in _GOVERNING or doc.user_data.get(BY_INSPECTORS, True):
        return False  # inspectors describe what runs ("the sufficiency strategy is helping to forecast demand")
    root = words.root
    known = doc[root.left_edge.i].lower_ == "the" or any(child.dep_ == "det" and child.lower_ == "the"
                                                         for child in root.children)
    settled = any(child.dep_ in {"acl", "relcl"} and child.lemma_ in _SETTLED for child in root.children) or (
        root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in _SETTLED)  # "the strategy agreed in March"
    return known and not settled and not introduced(words)


_SETTLED = {"agree", "approve", "publish", "adopt", "embed", "implement", "sign"}  # what makes a strategy the council's


_ENGAGING = {"commission", "contract", "appoint", "engage", "fund", "ask", "pay"}


def provider_engaged(doc: Doc, start: int, end: int) -> bool:
    """A body engaged to do something, "commissioned Coram Voice to run the survey", "contracted Harbour
    College to deliver a course": who runs the practice, not the practice; but "commissioned the Hope
    Project to deliver therapy" names one (a practice's head word)."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    verb = root.head
    return root.dep_ == "dobj" and verb.lemma_.lower() in _ENGAGING and root.lemma_.lower() not in HEADS and any(
        child.dep_ in {"xcomp", "advcl"} and child.i > root.i and any(word.dep_ == "aux" and word.lower_ == "to"
                                                                   for word in child.children)
        for child in verb.children)


def _role_of(last: Token) -> bool:
    """Whether a phrase ending at `last` names a post ("a permanent Director of Children's Services"):
    the name after it is a person's."""
    while last.lemma_.lower() not in _PERSON_ROLES:
        if not (last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.i != last.head.i):
            return False
        last = last.head.head  # "Services" of "Director of Children's Services"
    return True


def _content(tokens: list[Token]) -> list[Token]:
    """A phrase's words but punctuation, prepositions, conjunctions and determiners."""
    return [token for token in tokens if not token.is_punct and token.pos_ not in {"ADP", "CCONJ", "DET"}]


def _plain_words(content: list[Token]) -> list[str]:
    """Content words, lower case, evaluation ("strong", "effective") set aside."""
    return [token.lower_ for token in content if token.lower_ not in EVALUATIVE]


def _a_standing_unit(words: list[str]) -> bool:
    """"leaving care service", "Disabled Children's Team", "in-house fostering service": a unit every council has."""
    words = [word for word in words if word not in {"in-house", "in", "house"}] if words[:1] in (["in-house"], ["in"]) \
        else words
    return len(words) >= 2 and (" ".join(practice_words(" ".join(words[:-1]))) in _STANDING_UNITS
                                or practice_key(" ".join(words[:-1])) in _STANDING_UNITS)


_UNITS = {"service", "team", "unit", "department", "directorate"}


def standing_unit_in_passing(noun: Token, tokens: list[Token]) -> bool:
    """A unit every council has, named where something else is said ("supported by the Leaving Care
    Service", "vacancies in the Disabled Children's Team"), not where it was set up or changed."""
    words = _plain_words(_content(tokens))
    made = noun.dep_ in {"dobj", "nsubjpass"} and (verb_is(noun.head, STRONG_ACTIONS) or noun.head.lemma_ in {
        "bring", "merge", "insource"}) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "into")  # "restructured into four locality teams"
    return noun.lemma_.lower() in _UNITS and _a_standing_unit(words) and not made


def generic(tokens: list[Token]) -> bool:
    """Generic words alone, evaluation plus a head ("stable senior leadership team"), a standing
    unit, or the inspection's own machinery (its framework, its judgements)."""
    content = _content(tokens)
    if not_the_councils(tokens):
        return True
    # nothing left once evaluation, generic modifiers and practice heads are set aside: "clear vision",
    # "comprehensive approach", "The Way" — capitalised or not
    if len(content) <= 3 and not any(distinctive(token) for token in content):
        return True
    words = _plain_words(content)
    if _a_standing_unit(words):
        return True
    if not words or any(word in {"information", "licence", "archives", "standards", "skills"} for word in words):
        return True
    if sum(token.is_title and not token.is_sent_start for token in content) >= 2:
        return False  # a capitalised name, however ordinary its words
    if not content:
        return True
    if len(content) == 1:
        return content[0].lower_ in GENERIC_NOUNS or content[0].lemma_.lower() in GENERIC_NOUNS or (
            content[0].pos_ != "PROPN" and not content[0].is_upper)
    return all(token.lower_ in _GENERIC_MODIFIERS or token.lemma_.lower() in GENERIC_NOUNS for token in content)


_INSPECTION_WORDS = {"inspection", "inspections", "inspector", "inspectors", "ofsted", "inspectorate"}
_PLAIN_WORDS = {"vision", "knowledge", "learning", "data", "worker", "workers", "carer", "carers", "form", "forms",
                "result", "results", "structure", "governance", "identity", "range", "type", "types", "way"}


def distinctive(token: Token) -> bool:
    """A word that could tell one council's practice from another's."""
    lower, lemma = token.lower_, token.lemma_.lower()
    return not (lower in EVALUATIVE or lower in _GENERIC_MODIFIERS or lemma in GENERIC_NOUNS or lemma in HEADS
                or lemma in _PLAIN_WORDS or lower in _PLAIN_WORDS or token.like_num)


_NAME_IN_BRACKETS = 5  # words at most: "(Family Group Conferences)", not "(four of those posts sit in this team)"


def with_abbreviation(doc: Doc, tokens: list[Token]) -> tuple[int, int]:
    """A phrase's extent with the abbreviation in brackets after it (not a cross-reference such as
    "(paragraph 12)"); doc.text, which spaCy rebuilds from every word at each reading, is read only
    when a bracket follows."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if tokens[-1].i + 1 == len(doc) or not doc[tokens[-1].i + 1].text.startswith("("):
        return start, end
    following = _ABBREVIATION.match(doc.text, end)
    if following and not _CROSS_REFERENCE.match(following.group(1)) and (
            following.group(1).isupper() or " " not in following.group(1) and any(
                ch.isupper() for ch in following.group(1)[1:])  # "(MoJ)", not "(the model that started in Leeds)"
            or 1 < len(following.group(1).split()) <= _NAME_IN_BRACKETS and (
                tokens[-1].pos_ == "NOUN" or following.group(1)[0].isupper())):  # "(Bristol MASH)"
        end = following.end()
    return start, end


# verbs, and the nouns that name a plan ("the proposal to replace the IASS with a MASH")
_PLAN_WORDS = {"plan", "intend", "hope", "wish", "aim", "propose", "need", "want", "expect", "consider", "seek",
               "explore", "scope", "proposal", "intention", "ambition", "aspiration"}
_WEIGHING = {"plan", "propose", "consider", "explore", "scope"}  # "is exploring a hub": it does not exist yet


def planned(token: Token, modals: set[str] | None = None) -> bool:
    """A verb under a plan, hope, modal (any, or one of `modals`), negation or application ("has applied
    to join"), or in a clause that is."""
    told_as_done = False  # below a clause of its own in the past or perfect, a modal above it is not its own
    for below, node in zip([token, token, *token.ancestors], [token, *token.ancestors][:4]):
        told_as_done = told_as_done or below.i != node.i and _past_clause(below)
        for child in node.children:
            if not told_as_done and (child.dep_ == "neg" or (child.dep_ == "aux" and child.tag_ == "MD"
                                                             and (modals is None or child.lower_ in modals))):
                return True
        if node.lemma_ in _PLAN_WORDS or _applied_for(node, below) or _in_talks(node, below) or _required(node):
            return True
    return False


def _past_clause(verb: Token) -> bool:
    """A clause of its own that tells of something done: "Eight hubs have opened; four more will open" (the
    first clause parsed as hanging from the second)."""
    return verb.dep_ in {"ccomp", "parataxis"} and (verb.tag_ == "VBD" or any(
        child.dep_ == "aux" and child.lemma_ == "have" and child.tag_ != "VB" for child in verb.children))


def _required(node: Token) -> bool:
    """"The reforms require councils to set up family help teams": asked of the council by someone else,
    not done; but "the council required every team to use the tool" is its own doing, and "the notice
    required the council to set up a board" tells of what was then done."""
    return node.lemma_ in {"require", "oblige"} and node.tag_ in {"VBP", "VBZ", "VB"} and not any(
        child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.lower() in _THE_COUNCIL for child in node.children)


def _in_talks(node: Token, below: Token) -> bool:
    """"We're talking to North Tyneside about joining their Mockingbird programme": a start still being
    talked about; not "we talked to carers about Mockingbird"."""
    return node.lemma_ in {"talk", "speak"} and node.tag_ == "VBG" and below.dep_ == "prep" and below.lower_ == "about" \
        and any(word.dep_ == "pcomp" and word.lemma_ in _STARTING for word in below.children)


def _applied_for(node: Token, below: Token) -> bool:
    """"has applied to join the programme", "bid for funding to set up a court", "an application for Staying
    Close money": asked, not yet in; but "applied to join … and went live" (not "… but have not yet heard"),
    nor "a successful bid for …"."""
    if node.lemma_ not in _BIDDING or below.head.i != node.i:
        return False
    asked_for = any(child.dep_ == "prep" and child.lower_ == "for" for child in node.children)
    what_for = below.dep_ == "xcomp" or below.dep_ in {"advcl", "acl"} and asked_for or (  # "bid for funding to set up …"
        below.dep_ == "prep" and below.lower_ == "for" and any(  # money or a programme, not "accreditation of …"
            word.dep_ == "pobj" and word.pos_ == "PROPN" or word.dep_ in {"pobj", "pcomp"} and any(
                part.lemma_.lower() in _MONEY_ASKED for part in word.subtree) for word in below.children))
    granted = any(child.dep_ == "conj" and child.pos_ == "VERB" and not any(word.dep_ == "neg" for word in child.children)
                  or child.lemma_.lower() in {"successful", "successfully", "winning"} for child in node.children) or any(
        word.pos_ == "VERB" and word.lemma_ in _GRANTED for word in node.doc[node.right_edge.i + 1:])
    return what_for and not granted


_MONEY_ASKED = {"funding", "money", "fund", "grant", "share", "investment"}


# what, told after a bid, says it came good: "Our first bid … was rejected, but a second bid succeeded"
_GRANTED = {"succeed", "win", "secure", "approve", "award", "grant", "launch", "open", "start", "begin"}


_STARTING = {"introduce", "launch", "establish", "set", "create", "open", "pilot", "implement", "adopt", "develop",
             "roll", "commission", "start", "begin", "build", "use", "join", "bring", "buy"}
_OPENING = {"open", "launch", "start", "begin", "commence"}  # what a practice does itself when it begins
_NOT_YET = {"forthcoming", "proposed", "planned", "future", "prospective"}
_STARTING_NOUNS = {"introduction", "creation", "implementation", "establishment", "launch", "rollout", "opening"}
_FUTURE_MODALS = {"will", "would", "shall", "'ll"}  # not "can" or "should": "children can use Mind of My Own"
_SCHEDULED = {"due", "set", "expect", "schedule", "prepare", "about", "be"}  # "is due to open", "is to be introduced"
_INTRODUCING = _STARTING - {"start", "begin", "use", "join", "bring", "build"}  # done only to what is not there yet
_HELD_BACK = {"delay", "postpone", "defer"}  # "the revised strategy has been delayed"
_LATER = {"next", "coming", "upcoming", "forthcoming"}  # "next year", "in the coming months"
_SOON = {"soon", "shortly", "later"}  # "is launching it shortly"; not "soon after referral"
_TIMES = {"year", "month", "week", "term", "spring", "summer", "autumn", "winter", "months", "weeks", "years"}
_PRESENT_BE = {"is", "are", "am", "'re", "’re", "'s", "’s"}


def _scheduled_to_start(verb: Token, practice_is_subject: bool) -> bool:
    """"The hub is due to open", "is set to launch Mockingbird", "is soon to be introduced": a start still
    to come; not an existing practice starting something new ("the MASH is due to start a new rota", "is expected to begin
    taking referrals"), nor families due to start one ("are due to start Family Group Conferences")."""
    if verb.dep_ != "xcomp" or verb.head.lemma_ not in _SCHEDULED or (
            verb.head.lemma_ == "be" and verb.head.lower_ not in _PRESENT_BE):  # not "the response was to set up"
        return False
    if practice_is_subject and not any(child.dep_ == "auxpass" for child in verb.children):  # not "is due to be set up"
        return verb.lemma_ in _OPENING and not any(child.dep_ in {"dobj", "xcomp", "ccomp"} for child in verb.children)
    return verb.lemma_ in _INTRODUCING


def _later_on(verb: Token) -> bool:
    """A start told in the present with a time still to come, said of the verb itself: "we are launching
    Mockingbird in the new year", "opens next month", "is launching it shortly"; not a past one ("launched
    it in the new year"), nor a time said of something else ("children coming into care", "the next tier
    of services", "soon after referral"); a start in the present simple with a month ("starts in June") is to come."""
    helpers = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    present = verb.tag_ in {"VBZ", "VBP"} or bool(helpers & _PRESENT_BE) and (
        verb.tag_ == "VBG" or verb.tag_ == "VBN" and "being" in helpers)  # "is launching", "is being launched"
    if not present:
        return False
    held = [verb, *(child for child in verb.children if child.dep_ == "dobj")]  # "launching X in the new year"
    times = [child for child in verb.children if child.dep_ in {"npadvmod", "advmod"}] + [
        word for holder in held for child in holder.children if child.dep_ == "prep"
        for word in child.children if word.dep_ == "pobj"]
    starts_then = verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ in _OPENING  # "the framework starts in June"
    return any(word.lower_ in _SOON and not list(word.children) or word.lemma_.lower() in _TIMES and any(
        modifier.lower_ in _LATER or modifier.lower_ == "new" and word.lower_ == "year" for modifier in word.children)
        or starts_then and word.lower_ in MONTHS for word in times)


_GIVEN_UP = {"shelve", "abandon", "drop", "scrap", "withdraw", "reject", "halt", "pause", "suspend", "postpone"}
_FAILED = {"unsuccessful", "rejected", "refused", "declined"}
_ASKED = {"plan", "proposal", "bid", "application", "idea", "attempt"}  # what can be shelved before anything ran
_BIDDING = {"bid", "apply", "application", "try", "attempt", "seek"}
_SUCCEEDED = {"succeed", "launch", "open", "start", "begin", "win", "approve", "continue", "resume", "reopen"}


def given_up(token: Token) -> bool:
    """A practice that was only asked for, and the asking was given up or failed: "a plan to open a No
    Wrong Door hub was shelved", "plans for a second home were dropped", "our bid for Staying Close was
    unsuccessful", "the bid we put in for a pilot was unsuccessful", "we bid to become a Staying Close site but
    were unsuccessful", "the plan was put on hold", "the plan fell through". Read at the first finite verb above
    it: not "referrals to the MASH dropped", nor a practice that ran and was then paused or dropped ("our constellation was paused"),
    nor plans to change one that runs ("plans to extend Mockingbird were dropped"), nor one that later
    succeeded ("…, but a second bid succeeded")."""
    node, child, asked = token, token, False
    while node.head.i != node.i and not (node.pos_ in {"VERB", "AUX"} and (
            node.tag_ in FINITE_TAGS or any(word.dep_ in {"aux", "auxpass"} and word.tag_ != "TO" for word in node.children))):
        node, child = node.head, node
        if node.pos_ == "VERB" and (verb_is(node, _REDOING) or node.lemma_ == "replace" and child.dep_ == "dobj"):
            return False  # "plans to extend Mockingbird", "a proposal to replace the duty desk": it runs already
        asked = asked or node.lemma_.lower() in _ASKED or node.pos_ == "VERB" and node.lemma_ in _BIDDING
    if node.dep_ == "relcl" and node.head.lemma_.lower() in _ASKED:  # "The bid we put in for X was unsuccessful"
        node, child, asked = node.head.head, node.head, True
    if node.pos_ not in {"VERB", "AUX"} or any(verb_is(word, _SUCCEEDED) for word in node.doc
                                               if word.pos_ == "VERB" and word.i > node.i and word.dep_ == "conj"):
        return False
    subject = [word for word in node.children if word.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    asked = asked or node.lemma_ in _BIDDING or any(word.lemma_.lower() in _ASKED for word in subject)
    if not asked:
        return False
    if verb_is(node, _GIVEN_UP) and child.dep_ in {"nsubjpass", "dobj"}:
        return True
    clause = [node, *(word for word in node.children if word.dep_ == "conj" and word.pos_ in {"VERB", "AUX"}
                      and not any(subject.dep_ in {"nsubj", "nsubjpass"} for subject in word.children))]
    return any(word.dep_ == "acomp" and word.lower_ in _FAILED for verb in clause for word in verb.children) or any(
        verb.lemma_ == "put" and any(prep.lower_ == "on" and any(held.lower_ == "hold" for held in prep.children)
                                     for prep in verb.children) or verb.lemma_ == "fall" and any(
            word.lower_ == "through" and word.i == verb.i + 1 for word in verb.children) for verb in clause)


def not_yet_begun(token: Token) -> bool:
    """A practice a council only plans, hopes for or does not have: "plans to introduce Mockingbird",
    "a Mockingbird constellation is planned", "the forthcoming MASH", "the forthcoming implementation
    of a MASH", "has yet to implement", "does not use Signs of Safety", "the hub will open in June", "the
    hub is due to open", "is exploring a No Wrong Door hub", "the proposal to replace the IASS with a
    MASH", "we are launching Mockingbird in the new year", "the revised strategy has been delayed";
    not one that exists and is planned to change ("the MASH will move", "the forthcoming MASH review",
    "a planned expansion of Mockingbird"), nor one a modal says can be used. A relative clause about it
    counts too: "a hub for care leavers, which is about to be created". So does one agreed "in principle" and one
    given up before it began (`given_up`)."""
    if given_up(token):
        return True
    described = [token, *(word for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}
                           for word in prep.children if word.dep_ == "pobj")]  # "a hub for care leavers, which…"
    if token.pos_ in {"NOUN", "PROPN"} and any(
            _clause_not_yet(clause, subject, subject) for noun in described for clause in noun.children
            if clause.dep_ == "relcl"
            for subject in clause.children if subject.dep_ in {"nsubj", "nsubjpass"} and subject.tag_ in {"WDT", "WP"}):
        return True
    node, child = token, token  # the practice's own word is a name, whatever the tagger calls it ("Staying Close")
    while node.head.i != node.i and (node.i == token.i or node.pos_ not in {"VERB", "AUX"}):
        if node.i != token.i and _applied_for(node, child):
            return True  # "an application for Staying Close money", "a bid for Mockingbird funding"
        if node.lemma_.lower() in _MOOTED and child.dep_ == "prep" and child.lower_ in {"of", "about"} and not any(
                word.dep_ in {"det", "poss"} and word.lower_ in _KNOWN for word in token.children):
            return True  # "there's talk of a second constellation"; not "talk of our Mockingbird hub being extended"
        if (node.dep_ != "compound" and (node.i == token.i or node.lemma_.lower() in _STARTING_NOUNS)
                and any(word.lower_ in _NOT_YET and word.dep_ == "amod" or _due_later(word) for word in node.children)
                and not _some_of(node)):  # "the forthcoming hub", "the new system, due in November,"
            return True
        node, child = node.head, node
    if node.i == token.i or node.pos_ not in {"VERB", "AUX"}:
        return False
    if node.lemma_ in {"approve", "agree"} and any(prep.lower_ == "in" and any(
            word.lower_ == "principle" for word in prep.children) for prep in node.children) and not any(
            verb_is(word, _SUCCEEDED) for word in node.doc if word.pos_ == "VERB" and word.i > node.i):
        return True  # "the constellation is approved in principle": agreed, not begun; not "…, and opened in May"
    if node.lemma_ in _MENTIONING and child.dep_ in {"dobj", "ccomp"} and any(
            word.dep_ == "nsubj" and (word.lower_ in {"you", "many", "some", "several"} or word.lemma_.lower() in _CONSULTED)
            for word in node.children) and not any(
            word.dep_ in {"poss", "relcl", "acl"} or word.lower_ in {"our", "its"} for word in child.children):
        return True  # "many of you mentioned the Family Safeguarding model", "You said Staying Close"
    if _asked_whether(node) or _asked_to(node) or node.lemma_ == "prepare" and node.tag_ == "VBG" and any(
            word.dep_ == "aux" and word.lower_ in _PRESENT_BE for word in node.children) and child.dep_ == "prep" and (
            child.lower_ == "for") or node.lemma_ == "put" and any(
            word.dep_ == "prt" and word.lower_ == "back" for word in node.children):
        return True  # "is preparing for the programme", "has been put back to spring"
    named = token  # the practice word its name is part of: "a No Wrong Door hub", not "the Mockingbird report"
    while named.dep_ in {"compound", "det", "amod", "nmod"} and named.head.lemma_.lower() in HEADS:
        named = named.head
    return _clause_not_yet(node, child, named)


_DECIDING = {"decide", "opt", "choose", "vote"}
_MENTIONING = {"mention", "say", "cite", "quote"}  # what those consulted say of a practice, not done
_CONSULTED = {"respondent", "participant", "attendee", "delegate", "member", "staff", "practitioner", "people", "parent",
              "carer", "colleague"}
_MOOTED = {"talk", "possibility"}  # "talk of a hub", "the possibility of a MASH": not there yet
_KNOWN = {"the", "our", "its", "their"}
_DECISION_MAKERS = {"board", "cabinet", "committee", "member", "members", "council", "panel", "meeting", "councillor"}
_DECISIONS = {"approve", "agree", "endorse", "support", "consider", "fund", "note"}


def _due_later(word: Token) -> bool:
    """"The new system, due in November, …", "due next month": still to come; not "due largely to lower caseloads"."""
    return word.lower_ == "due" and word.dep_ in {"amod", "appos"} and any(
        child.dep_ == "prep" and child.lower_ in {"in", "by", "from", "for"} or child.dep_ == "npadvmod"
        for child in word.children)


def _asked_to(verb: Token) -> bool:
    """A paper's request to those who decide: "The Board is asked to support continued funding of the team",
    "Members are invited to approve the hub"; not staff asked to use a model, carers invited to join one."""
    decision = verb
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_ in {"ask", "invite"} and any(child.dep_ == "auxpass" for child in verb.children):
            return decision.lemma_ in _DECISIONS and any(
                child.dep_ == "nsubjpass" and child.lemma_.lower() in _DECISION_MAKERS for child in verb.children)
        decision = verb
    return False


def _asked_whether(verb: Token) -> bool:
    """A clause under "whether" that supposes rather than tells: "asked whether the Staying Close model would
    follow", "whether we should have gone for Mockingbird sooner", "Whether you trained at university or came
    through Step Up, …"; not "asked whether the model had reduced caseloads", "whether the council's teams could
    be expanded" (they run)."""
    def whether(clause: Token) -> bool:
        return any(child.dep_ == "mark" and child.lower_ == "whether" for child in clause.children)

    def supposed(clause: Token) -> bool:
        return not verb_is(clause, _REDOING) and any(
            child.tag_ == "MD" or child.dep_ == "nsubj" and child.lower_ == "you" for child in clause.children)

    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return whether(verb) and supposed(verb) or verb.dep_ != "ROOT" and any(  # the list's first clause, parsed above
        child.dep_ == "advcl" and child.i < verb.i and whether(child) and supposed(child) for child in verb.children)


_SHARES = {"first", "some", "most", "half", "several", "many"}
_MADE = _OPENING | {"set", "establish", "create", "build"}  # what says part of a plan now exists


def _some_of(noun: Token) -> bool:
    """Some of what was planned is there: "opened the first four of seven planned hubs", "two of the
    planned hubs are open"; not "two of the proposed hubs await funding", "cancelled half of the planned hubs"."""
    counted = any(word.dep_ == "nummod" and any(part.lower_ == "of" for part in word.children) for word in noun.children)
    if not (counted or noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.tag_ == "CD" or noun.head.head.lower_ in _SHARES)):
        return False
    verb = next((node for node in noun.ancestors if node.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and (verb.lemma_ in _MADE or verb.lemma_ == "be" and any(
        child.dep_ in {"acomp", "advmod"} and child.lower_ in {"open", "running", "operational", "live"}
        for child in verb.children))


def _weighed_or_turned_down(verb: Token) -> bool:
    """A start only weighed ("discussed whether to adopt Signs of Safety") or turned down after ("looked at
    introducing Mockingbird but decided against it"): the decision joined to a verb above the start, and
    against "it"; not "introduced Mockingbird but decided against extending it"."""
    if any(child.dep_ == "mark" and child.lower_ in {"whether", "if"} for child in verb.children):
        return True
    decisions = [word for node in verb.ancestors for word in node.children if word.dep_ == "conj"
                 and word.lemma_ in _DECIDING]
    return any(child.dep_ == "prep" and child.lower_ == "against" and any(
        word.dep_ == "pobj" and word.lower_ in {"it", "this", "that", "them"} for word in child.children)
        for decision in decisions for child in decision.children)


_STILL_TO = {"continue", "keep", "want", "need", "plan", "hope", "intend", "wish"}  # "continue to look at", "want to explore"
_WISHING = {"like", "love", "prefer"}  # after a modal: "I'd like us to look at X"


def _clause_not_yet(node: Token, child: Token, named: Token) -> bool:
    """What the verb `node` says of the practice below it (through its word `child`; `named` the practice's
    own noun): planned, weighed, scheduled, held back, or started only later or under a plan."""
    weighing = node.lemma_ in _WEIGHING | {"look"} and (  # "is exploring", "will explore", "proposes", "is looking
        node.tag_ == "VBG" or node.lemma_ == "propose"  # at"; not "staff plan FGCs", "we looked at X and adopted it"
        or any(word.lower_ in _FUTURE_MODALS for word in node.children)
        or node.dep_ == "xcomp" and node.head.lemma_ in _STILL_TO  # "we continue to look at X"
        or node.dep_ in {"xcomp", "ccomp"} and node.head.lemma_ in _WISHING and any(  # "I'd like us to look at X"
            word.tag_ == "MD" for word in node.head.children))
    weighed_word = named.head if named.dep_ == "appos" else named  # "No Wrong Door, the North Yorkshire model"
    while weighed_word.dep_ == "conj" and weighed_word.head.i != weighed_word.i:
        weighed_word = weighed_word.head  # "looked at Hammersmith and Fulham's constellation", parsed as a list
    weighed = child.dep_ == "dobj" and child.i == weighed_word.i and node.lemma_ != "look" or (
        node.lemma_ == "look" and child.dep_ == "prep" and child.lower_ in {"at", "into"}
        and weighed_word.head.i == child.i and any(word.dep_ in {"aux", "nsubj"} for word in node.children)
        and not any(word.lower_ in {"our", "its"} for word in weighed_word.children))  # not "Looking at our X, …"
    if weighing and weighed or (
            node.lemma_ in {"plan", "propose"} and child.dep_ == "nsubjpass"):
        return True
    if node.lemma_ == "promise" and child.dep_ in {"nsubjpass", "dobj"} and child.i == weighed_word.i and not any(
            word.dep_ == "conj" and word.pos_ == "VERB" and not any(part.dep_ in {"nsubj", "neg"} for part in word.children)
            for word in node.children):  # not "promised a hub and delivered one"
        return True  # "family hubs are promised for 2025", "I was promised a family group conference"
    later = [node, *node.children, *(word for verb in node.children if verb.dep_ == "acomp" for word in verb.children)]
    if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(_scheduled_to_start(verb, child.dep_ != "dobj")
                                                           for verb in later):
        return True
    if node.lemma_ in _HELD_BACK and child.dep_ == "nsubjpass" and not any(  # "has been delayed", not "was delayed
            word.dep_ == "conj" for word in node.children) and any(  # but launched in 2021"
            word.dep_ == "aux" and word.lemma_ == "have" or word.lower_ in _PRESENT_BE for word in node.children):
        return True
    if node.lemma_ in _DECIDING and child.dep_ == "prep" and child.lower_ == "against" or _applied_for(node, child):
        return True  # "decided against a four-day week", "applied for Staying Close funding"
    started_by_others = node.lemma_ in _STARTING and child.dep_ in {"dobj", "nsubjpass", "prep"} or (
        node.lemma_ == "replace" and child.dep_ == "prep" and child.lower_ == "with")  # what comes in its place
    starts_itself = node.lemma_ in _OPENING and child.dep_ == "nsubj"  # "the hub will open", "has not launched"
    if not (started_by_others or starts_itself):
        return False
    if _later_on(node) or _weighed_or_turned_down(node):
        return True
    doc = node.doc
    yet_to = any(word.lower_ == "yet" and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "to"
                 for verb in [node, *node.ancestors][:4] for word in verb.children)  # "has yet to implement"
    return yet_to or planned(node, _FUTURE_MODALS)  # "does not use", "will introduce", "plans to introduce"


# what a council does to an arrangement it already has, when it changes it
_REDOING = {"relaunch", "refresh", "redesign", "reconfigure", "revise", "reshape", "remodel", "rebrand", "revamp",
            "rebuild", "revitalise", "reconstitute", "overhaul", "refocus", "reorganise", "reorganize", "restructure", "expand",
            "enhance", "strengthen", "improve", "widen", "extend", "recommission"}
# ... and what it does when it starts or changes one
_CHANGING = ACTIONS | _REDOING | {"replace", "merge", "integrate", "combine", "open", "bring"}
_CHANGE_NOUNS = NOMINAL_ACTIONS - {"use", "delivery", "employment"} | {
    "refresh", "relaunch", "reconfiguration", "strengthening", "opening", "change", "improvement"}
_STARTS_ITSELF = {"open", "launch", "start", "begin", "commence", "expand", "grow"}  # "the hub opened in May"
_PART_OF = {"membership", "remit", "range", "role", "structure", "capacity", "terms"}  # "the membership of the board"


def verb_is(token: Token, verbs: set[str]) -> bool:
    """The verb is one of `verbs`, whatever the lemmatiser made of a word it does not know ("remodelle",
    "relaunche", "rebrande" for remodelled, relaunched, rebranded; "restructured" as an adjective)."""
    lemma = token.lemma_.lower()
    return bool({lemma, lemma[:-1], lemma[:-2], re.sub(r"lled$|lle$", "l", lemma)} & verbs)


def _changes(verb: Token) -> bool:
    """A verb saying the council started or changed something: "was established", "has been
    reconfigured", "set up"; not a state ("is well established", "are commissioned by the council":
    a present passive), a plan, what inspectors did, nor "set out"."""
    present_passive = any(word.dep_ == "auxpass" and word.tag_ in {"VBZ", "VBP"} for word in verb.children) and not any(
        word.dep_ == "aux" and word.lemma_ == "have" for word in verb.children)
    return (verb_is(verb, _CHANGING) and not present_passive and not planned(verb) and not subject_is_ofsted(verb)
            and not any(word.lower_ in {"well", "long"} for word in verb.children) and _with_its_particle(verb))


def _marks_change(modifier: Token) -> bool:
    """"a new hub", "the relaunched board", "a newly established panel"; not "an integrated offer"."""
    return modifier.lower_ == "new" or (modifier.lower_.endswith("ed") and verb_is(modifier, _REDOING)) or (
        any(word.lower_ in {"newly", "recently"} for word in modifier.children) and _changes(modifier))


def _begun_change(noun: Token) -> bool:
    """A change noun ("the relaunch of", "investment in") that is not planned, denied or the inspectors'."""
    return not (planned_or_by_inspectors(noun) or any(
        word.lower_ in _NOT_YET | {"no"} for word in noun.children if word.dep_ in {"amod", "det"}) or any(
        word.lemma_.lower() in {"plan", "proposal"} for word in noun.ancestors))


def introduced(words: Span) -> bool:
    """An arrangement every council has is news only where its sentence says the council started or
    changed it: "a new early help hub", "the board, which was relaunched in 2022", "early help
    services have been remodelled", "the hub opened in May", "the expansion of the early help offer",
    "invested in early help", "the membership of the board has been refreshed"; not "care leavers
    attend the corporate parenting board", "the board's recent annual report", "a planned relaunch"."""
    if any(child.dep_ == "det" and child.lower_ == "no" for child in words.root.children):
        return False  # "there is no new early help offer"
    if any(child.dep_ == "amod" and _marks_change(child) or child.dep_ in {"acl", "relcl"} and _changes(child)
           for token in words for child in token.children):
        return True
    node = words.root
    while True:
        if node.i != words.root.i and node.lemma_.lower() in _CHANGE_NOUNS:
            return _begun_change(node)
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
            governor = head.head
            if governor.lemma_.lower() in _CHANGE_NOUNS or head.lower_ == "of" and governor.lemma_.lower() in _PART_OF:
                node = governor
                continue
            return head.lower_ == "in" and verb_is(governor, {"invest"}) and _changes(governor)
        if node.dep_ in {"conj", "appos"}:
            node = head
            continue
        if node.dep_ in {"dobj", "nsubjpass"}:  # "the council joined a regional adoption agency"
            return _changes(head) or node.dep_ == "dobj" and head.lemma_ == "join" and _the_councils_doing(head) \
                and not planned(head)
        if node.dep_ == "nsubj" and verb_is(head, _STARTS_ITSELF):  # "the hub opened", not "opened a café"
            return not planned(head) and not any(word.dep_ == "dobj" for word in head.children)
        if node.dep_ == "nsubj" and head.lemma_ == "be":  # "was re-launched", parsed as "was" + adjective
            participles = [word for word in head.children if word.dep_ == "acomp" and word.tag_ == "VBN"]
            if head.dep_ in {"aux", "auxpass"}:
                participles.append(head.head)
            now_open = any(word.dep_ == "acomp" and word.lower_ == "open" for word in head.children) and any(
                word.lower_ == "now" for word in head.children)  # "seven family hubs are now open"
            return not planned(head) and (now_open or any(verb_is(word, _CHANGING) and not planned(word)
                                                          for word in participles))
        return False


# what a council does to a practice it gives up, and to one it turns into another ("restructured into")
_ENDING = {"decommission", "discontinue", "cease", "stop", "end", "abandon", "withdraw", "scrap", "disband",
           "dismantle", "replace", "retire"}
# not "moved the MASH into the hub building": still there
_RESHAPING = {"restructure", "reorganise", "reorganize", "remodel", "transform", "convert", "reshape", "reconfigure",
              "redesign", "split", "relaunch", "rebrand", "rename"}


_MERGING = {"merge", "combine", "amalgamate"}  # "merged the MASH and the hub into a single front door"
_INVESTING = {"invest", "put", "commit", "allocate", "plough"}  # not "spent £900,000 on agency staff": a cost
# what money put into the workforce went on, when a reader names the investment rather than a thing bought
_WORKFORCE_SPENDING = {"workforce", "recruitment", "retention", "staffing", "pay", "staff", "post"}  # "in six posts"
# recruiting or retaining staff: "in recruiting and retaining social workers" (not "in recruiting foster carers")
_HIRING_STAFF = {"recruit": "recruitment", "retain": "retention"}
# who invests when the council does: "we", "the council", "children's services", "the trust"
_THE_COUNCIL = {"we", "it", "council", "authority", "service", "trust", "directorate", "administration", "cabinet",
                "borough", "corporation", "company", "partnership"}


def money_invested(doc: Doc) -> list[tuple[int, int, str]]:
    """Money a council put into its workforce, a practice of its own ("invested £3.1 million in its
    workforce", "put £2.3m into pay, training and market supplements"), as its characters in `doc` (the
    verb to the end of what the money went on) and the key it groups under ("investment in workforce");
    not money for a thing a reader names instead ("invested £280,000 in a wellbeing service"), nor money
    planned, hoped for, spent as a cost, or put in by others (the government, partners)."""
    found = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _INVESTING or planned(verb) or subject_is_ofsted(verb):
            continue
        if any(child.dep_ == "nsubj" and child.lemma_.lower() not in _THE_COUNCIL for child in verb.children):
            continue  # "The government invested £50m in pay", "Partners invested £1m"
        money = [child for child in verb.children if child.dep_ in {"dobj", "npadvmod"} and any(
            word.text == "£" or word.ent_type_ == "MONEY" for word in child.subtree)]
        into = {"in", "into"} if verb.lemma_.lower() in {"put", "plough"} else {"in", "into", "on", "to"}
        # "in its workforce", "over two years in pay, supervision and development"
        preps = [word for word in verb.subtree if word.dep_ == "prep" and word.lower_ in into and word.i > verb.i
                 and next(node for node in word.ancestors if node.pos_ in {"VERB", "AUX"}).i == verb.i]
        spent_on = next(((word, part) for prep in preps for word in prep.children if word.dep_ in {"pobj", "pcomp"}
                         for part in (word, *word.subtree) if (part.i == word.i or part.dep_ in {"conj", "nmod"})
                         and (part.lemma_.lower() in _WORKFORCE_SPENDING or part.lemma_.lower() in _HIRING_STAFF
                              and any(staff.lemma_.lower() in _STAFF for staff in word.subtree))), None)
        if not money or spent_on is None:
            continue
        recipient, part = spent_on
        end = max(word.i for word in recipient.subtree if not word.is_punct or word.text == ")") + 1
        spent = _HIRING_STAFF.get(part.lemma_.lower(), part.lemma_.lower())
        found.append((verb.idx, doc[end - 1].idx + len(doc[end - 1].text), f"investment in {spent}"))
    return found


_LINKED = {"align", "link", "attach", "connect", "match", "tie", "map",  # "aligned with", "linked to"
           "report", "submit", "present", "escalate"}  # "reported to the improvement board"
# what something is aligned with or reported to as a place or body that is there already
_PLACES_OF = {"hub", "centre", "center", "school", "network", "board", "panel", "site", "building", "office", "cluster",
              "neighbourhood", "ward", "district", "locality", "area"}


def only_a_reference(words: Span) -> bool:
    """A practice named as what something else is aligned with, linked to or reported to ("four locality
    teams aligned with the family hubs", "each linked to a Family Hub", "findings are reported quarterly to
    the Improvement Board"): there already, not started here (but "aligned with the new Family Hubs")."""
    node = words.root
    while node.dep_ in {"conj", "compound"} and node.head.i != node.i:
        node = node.head
    if node.lemma_.lower().removesuffix("s") not in _PLACES_OF or any(word.lower_ == "new" for word in node.lefts):
        return False  # not "aligned with Signs of Safety principles": a framework aligned with is used
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in {"one", "each", "any"}:
        node = node.head.head  # "linked to one of the family hubs"
    linked = node.head.head
    if linked.pos_ == "ADV":
        linked = linked.head  # "reported quarterly to the board", however parsed
    return node.dep_ == "pobj" and node.head.lower_ in {"with", "to"} and linked.lemma_.lower() in _LINKED or (
        node.dep_ == "dobj" and node.head.lemma_.lower() in {"match", "mirror"} and not any(
            child.dep_ in {"relcl", "acl"} for child in node.children))  # "so that they match the Family Hubs"


_UNITS_OF_A_SERVICE = {"team", "unit", "hub", "pod", "locality", "service", "area", "cluster", "district", "group",
                       "patch", "quadrant", "zone", "division", "panel"}


def reshaped_into(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """What a service was reshaped into, named with the reshaping as a reader names the practice: "four
    locality teams" of "restructured its teams into four locality teams" is "restructured into four
    locality teams"; with the key it groups under across documents, without the count ("restructured into
    locality team"). None for a phrase (characters `start` to `end` of `doc`) that is no such thing."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return None
    noun, into = words.root, words.root.head
    verb = into.head
    if noun.dep_ != "pobj" or into.lower_ != "into" or not verb_is(verb, _RESHAPING) or planned(verb) \
            or noun.lemma_.lower() not in _UNITS_OF_A_SERVICE or any(word.is_title for word in (noun, *noun.lefts)):
        return None  # not "into fewer senior posts", nor a named destination ("into the new Front Door")
    counted = [child for child in noun.lefts if child.dep_ == "nummod" and child.i < words.start]
    printed = doc.text[(counted[0].idx if counted else words.start_char):end]
    return f"{verb.text} into {printed}", practice_key(f"{verb.text} into {words.text}")


def left_behind(words: Span) -> bool:
    """A practice the council gave up or turned into another: "moved away from Signs of Safety", "the
    MASH was restructured into the Front Door", "merged the MASH and the hub into one front door" (the
    front door is the practice), "relaunched as Family Connect", "the framework replaced
    tick-box audits", "stopped using the model", "in place of individual supervision", "the panel was disbanded"; not "the hub
    replaced the duty team" (the hub is the new one), "restructured its teams" (still there), nor a
    plan to ("will replace the panel")."""
    node, doc = words.root, words.doc
    while node.dep_ in {"conj", "appos", "compound"} and node.head.i != node.i:
        after = node.right_edge.i + 1
        if node.dep_ == "conj" and after < len(doc) and doc[after].pos_ in {"AUX", "VERB"}:
            return False  # "scrapped the panel and conferences are used instead": a new clause's subject
        node = node.head
    head = node.head
    if node.dep_ in {"dobj", "nsubjpass"}:
        verb = head.head if head.dep_ == "xcomp" and verb_is(head.head, _ENDING) else head  # "stopped using X"
        if verb_is(verb, _ENDING) and not _to_come(verb):
            return True
        preps = [*head.children, *(word for listed in node.conjuncts for word in listed.children)]  # "X and Y into Z"
        if head.lemma_ == "convert" and node.lemma_.lower() in _STAFF:
            return False  # "converted 12 agency social workers into permanent posts": the staff stay, the council's own
        return verb_is(head, _RESHAPING | _MERGING) and not _to_come(head) and any(
            child.dep_ == "prep" and (child.lower_ == "into" or child.lower_ == "as" and not any(
                word.lower_ == "part" for word in child.children)) for child in preps)
    if node.dep_ != "pobj":
        return False
    if head.lower_ == "from":  # "moved away from"
        return any(word.lower_ == "away" for word in [head.head, *head.head.children])
    return head.lower_ == "of" and head.head.lower_ in {"place", "instead"}


def _to_come(verb: Token) -> bool:
    """A verb denied, to come, only possible, or what a plan or decision is to do ("will replace",
    "could replace", "may decide to replace", "did not end", "a plan to replace", "rather than
    replacing"); not a participle hanging from a plan's name ("the family plan replacing the old
    assessment")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in {"than", "of"} and verb.head.i > 0 and (
            verb.doc[verb.head.i - 1].lower_ in {"rather", "instead"}):
        return True
    node = verb
    while True:
        if any(child.dep_ == "neg" or child.dep_ == "aux" and child.tag_ == "MD" for child in node.children):
            return True
        if node.i != verb.i and node.lemma_.lower() in _PLAN_WORDS | {"decide", "agree"}:
            return True
        infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in node.children)
        if node.dep_ == "xcomp" or infinitive and node.dep_ in {"acl", "advcl", "ccomp"}:
            node = node.head
            continue
        return False


# a practice named as what paid for the work, not as the work: "funded through the DfE's Strengthening
# Families, Protecting Children programme", "funded from the Supporting Families grant", "with support
# from the DfE capital fund". Between the funding word and the practice only an adverb, a preposition
# and a funder's name ("the Department for Education's") may stand, so that "Supported by the DfE, the
# council rolled out Family Safeguarding" and "the money saved by Family Safeguarding" keep the practice
_FUNDER = r"(?:Department for Education|Department of Health|DfE|[Gg]overnment|Home Office)(?:['’]s)?"
_NAME_WORDS = r"(?:(?:[A-Z][\w’'&-]*|of|for|and|&)\s+)*"  # case matters: a name's words, not a clause's
_PAID_THROUGH = re.compile(
    r"\b(?i:(?:(?:part|co|jointly|partly)[- ])?funded|financed|paid for|funding|grants?|money)(?:\s+\w+ly)?"
    rf"\s+(?i:from|through|by|via|under)\s+(?:the\s+)?{_NAME_WORDS}$")
_SUPPORTED_BY = re.compile(r"\b(?i:supported|support|backed)(?:\s+\w+ly)?\s+(?i:from|through|by|under)\s+"
                           rf"(?:the\s+)?(?P<funder>{_FUNDER}\s+{_NAME_WORDS})?$")
_NATIONAL = re.compile(rf"{_FUNDER}\b")
_PAID_WITH = re.compile(r"[’'”\"]?\s*(?i:grants?|bid)\b")  # "the X grant", "the X bid"


def paid_for_it(before: str, surface: str, after: str) -> bool:
    """The practice printed as `surface` between `before` and `after` (its sentence's words either
    side) is what paid for the work: a funding programme, grant or bid. "Supported by" counts only
    from a national funder ("supported by the DfE's X programme", "support from the DfE capital fund"),
    not "families supported by X"."""
    before = before[-120:]
    supported = _SUPPORTED_BY.search(before)
    if supported:
        return bool(supported.group("funder") or _NATIONAL.match(surface))
    return bool(_PAID_THROUGH.search(before) or _PAID_WITH.match(after))


_WEIGHED_BEFORE = re.compile(
    r"\b(?i:look(?:ed|ing)?(?:\s+\w+)?\s+at|consider(?:ed|ing)?|explor(?:ed|ing)|examin(?:ed|ing)|visit(?:ed|ing)|costed|"
    r"(?:went|came|travelled)\s+(?:up\s+|down\s+|over\s+)?to\s+[\w' -]{2,30}?\s+to\s+see|bid\s+(?:for|to)|"
    r"appl(?:ied|y)\s+(?:for|to)|expressed\s+(?:an\s+)?interest\s+in|discuss(?:ed|ing)?)\b(?P<gap>[^.;:]*)$")
_WEIGHED_AFTER = re.compile(r"^[^.;:]*?\b(?i:was|were)\s+(?i:considered|explored|discussed|looked\s+at)\b|"
                            r"^(?:(?!\b(?i:which|that|who)\b|,)[^.;:])*?\b(?i:was|were)\s+(?i:floated|mooted|proposed|"
                            r"suggested)\b")  # "X was floated …, rejected"; not "X, which was suggested by …, has run"
_TURNED_DOWN = re.compile(
    r"\b(?i:(?:decided|chose|opted)\s+(?:against|not\s+to)|rejected|turned\s+(?:(?:it|them)\s+)?down|not\s+taken\s+forward|"
    r"not\s+taken\s+(?:it|them|this|that)\s+forward|not\s+selected|unsuccessful|"
    r"but\s+(?:concluded|decided|judged|felt|found)\b(?=[^.;]*(?:\b(?:not|against|unaffordable)\b|n['’]t\b|\btoo\s+\w+))|"
    r"(?:wasn['’]t|weren['’]t|was\s+not|were\s+not|isn['’]t|is\s+not)\s+"
    r"(?:successful|right\s+for\s+us)|"
    r"(?:agreed|decided|felt|judged)\s+(?:that\s+)?(?:it|this|they)\s+(?:should|would|must)\s+wait|"  # put off
    r"(?:decided|chose|agreed)\s+to\s+wait)")
# where a practice weighed is run, said right after its name: "… model from North Yorkshire", "…, the model developed in
# North Yorkshire", "…, which Leeds has used"
_FROM_ELSEWHERE = re.compile(r"\W*(?:(?:the\s+)?(?:model|approach|programme|hub)\s+)?(?:from|(?:developed|pioneered|used|run)"
                             r"\s+(?:in|by)|which\s+(?:[\w-]+\s+){0,3}?ha(?:s|ve|d)\s+(?:used|run|adopted))\s+(?:the\s+)?[A-Z]")
_BID_IN_VAIN = re.compile(r"\b(?i:bid|applied)\s+unsuccessfully\b(?P<gap>[^.;:]*)$")  # "bid unsuccessfully in 2023 to become a … site"
_OTHERS_WEIGHING = re.compile(r"\b(?:review|inspectors?|ofsted|panel|scrutiny|evaluat\w*|visitors?|auditors?|"
                              r"peers?)\b", re.IGNORECASE)
_LATER_SUCCESS = re.compile(r"(?:\b(?i:but|however|although|later)\b|;)[^.;]*\b(?i:succeeded|went\s+live|launched|started|"
                            r"began|opened|introduced|adopted)\b|"  # "rejected, but a second bid succeeded"
                            r"\b(?i:launched|introduced|adopted|implemented|started|opened)\s+(?i:it|them)\b|"
                            r"\b(?i:it|they)\s+(?i:went\s+live|began|started|opened|launched)\b|"
                            r"\b(?i:when|until)\s+(?i:we|it|the\s+council)\s+(?i:launched|introduced|started|opened)\b")
# "… but decided not to wait, and launched it ourselves", "… and it went live in June", "… until 2023, when we launched"
# what the weighing was of, when it is a change to a practice that runs ("considered closing our constellation")
_CHANGING_WORDS = re.compile(r"\b(?i:clos(?:e|ed|es|ing|ure)\b|replac\w*|extend\w*|expand\w*|ending|cutting|stopp\w*|withdraw\w*|chang\w*|"
                             r"moving|merg\w*|reduc\w*|scal\w*|decommission\w*)\b|,\s*(?i:we|it|they|the council)\b")
# a refusal in a clause of its own, or of something else: "where mediation has been unsuccessful", "families who
# had rejected earlier offers", "rejected those that …"
_OTHER_CLAUSE = re.compile(r"\b(?i:where|when|who|although|though|because|so(?!\s+we\b)|since|if|whose)\b|(?<!,)\s(?i:which|that)\b"
                           r"(?!\s+(?i:was|were)\s)")  # but "…, and that was looked at and turned down"
_REJECTED_ELSE = re.compile(r"\s+(?!(?:it|them|this|that|the\s+(?:idea|proposal|model|option|approach|bid|plan))\b)\w",
                            re.IGNORECASE)
# the next sentence turning down what the last weighed: "We decided the timing wasn't right", "We concluded against it"
_DECIDED_NOT = re.compile(r"\s*(?i:we|they|the council|leaders|members|councillors)\s+(?i:decided|concluded|agreed|felt|"
                          r"judged)\b[^.;]*?(?:\b(?i:not|against)\b|n['’]t\b)")
_GONE_AHEAD = re.compile(r"\b(?i:expand|extend|went\s+live|now\s+(?:covers|runs|reaches))")  # besides _STARTED_WORDS
_STARTED_WORDS = re.compile(r"\b(?i:adopt|introduc|launch|implement|set\s+up|establish|creat|open|roll)")


# what a practice is named as the source of, after the council's own: "Derby Family Circles, our own take on family
# group conferencing", "…, its own blend of Signs of Safety and relationship-based practice", "…, drawing on systemic
# practice", "…, which borrows heavily from Restorative Practice"; not "based on" or "built on", after which readers
# count the model as used, nor "the social worker drew on Signs of Safety" (used)
_SOURCE_OF_ANOTHER = re.compile(
    r",\s+(?i:(?:our|its|their)\s+(?:own\s+)?(?:local\s+)?(?:take|version|variant|adaptation|twist)\s+(?:on|of)|"
    r"drawing\s+on|borrowing\s+(?:\w+\s+)?from|inspired\s+by|which\s+(?:draws\s+on|borrows\s+(?:\w+\s+)?from|"
    r"was\s+inspired\s+by))\s+(?:the\s+)?$|"
    r"\b(?i:borrow(?:s|ed)\s+(?:\w+\s+)?from|learn(?:ed|t|ing)?\s+from\s+(?:their|its|the)\s+(?:implementation|use|"
    r"experience)\s+of)\s+(?:the\s+)?$|"  # "Homeward borrows heavily from", "to learn from their implementation of"
    r",\s+(?i:(?:our|its|their|the\s+council['’]s)\s+(?:own\s+)?(?:blend|mix|combination|fusion)\s+of)\s+"
    r"(?:[\w'’-]+\s+){0,6}?$")  # "the Sutton Practice Framework, the council's own blend of X and Y": both


# a line or sentence labelled as still to come or as an option put to those who decide: "Next year: a family hub in
# Somers Town", "Coming soon – …", "Option C - Adopt a full No Wrong Door model"
_TO_COME_LABEL = re.compile(r"^\W*(?i:next\s+(?:year|month|term|spring|summer|autumn|winter)|coming\s+(?:soon|next|up)|"
                            r"still\s+to\s+come|later\s+this\s+year|in\s+the\s+pipeline|on\s+the\s+way|"
                            r"option\s+(?:[a-z]|\d+))\s*[:–—.)-]")


def labelled_to_come(before: str, sentence: Doc | Span) -> bool:
    """Whether the words of its sentence `before` a practice open with a label saying it is an option, or still to
    come in a line with no verb of its own ("Next year: a family hub"; not "Next year: X, which we introduced in
    2022, will be extended")."""
    label = _TO_COME_LABEL.match(before)
    return label is not None and (label.group().strip().lower().startswith("option") or not any(
        token.tag_ in FINITE_TAGS or token.tag_ == "VBN" for token in sentence))


def source_of_another(before: str) -> bool:
    """Whether the words `before` a catalogue practice name it as what the council's own was drawn from."""
    return bool(_SOURCE_OF_ANOTHER.search(before[-80:]))


def turned_down(before: str, after: str, following: str = "") -> bool:
    """A practice its sentence (`before` and `after` it) says was weighed and turned down: "we looked hard
    at X but decided against it", "X was considered but not taken forward", "bid for money to run X and
    weren't successful", "considered X and rejected it", or weighed and turned down in the sentence
    `following` ("We looked hard at X. We decided the timing wasn't right."); not "having considered
    several models, we adopted X and rejected Y" (a start between the weighing and X, or between X and the
    refusal), nor "the first bid for X was rejected, but a second succeeded"."""
    bid = _BID_IN_VAIN.search(before)
    if bid is not None and not (_STARTED_WORDS.search(bid.group("gap")) or _GONE_AHEAD.search(bid.group("gap"))
                                or re.search(r"\b(?:selected|went\s+ahead|later)\b", bid.group("gap"), re.IGNORECASE)):
        return True  # not "bid unsuccessfully for funding but later launched X"
    weighed = _WEIGHED_BEFORE.search(before)
    if weighed is not None and _OTHERS_WEIGHING.search(before, 0, weighed.start()):
        weighed = None  # a review, inspectors or visitors weighed it: "An independent review examined X but concluded …"
    # the weighing was of starting X, not of changing one that runs ("considered closing our constellation")
    weighed_start = weighed is not None and not (_STARTED_WORDS.search(weighed.group("gap"))
                                                 or _CHANGING_WORDS.search(weighed.group("gap")))
    if weighed_start and _FROM_ELSEWHERE.match(after) and not (
            _STARTED_WORDS.search(after) or _GONE_AHEAD.search(after) or _LATER_SUCCESS.search(after)
            or re.search(r"\b(?:chose|began|started|runs)\b", after, re.IGNORECASE)):
        return True  # "We looked closely at the No Wrong Door model developed in North Yorkshire": seen, not taken up
    refusal = _TURNED_DOWN.search(after)
    following = re.split(r"(?<=[.!?])\s", following.strip(), maxsplit=1)[0]  # the next sentence only
    if refusal is None and weighed and _DECIDED_NOT.match(following) and not _STARTED_WORDS.search(after) \
            and not (_STARTED_WORDS.search(following) or _GONE_AHEAD.search(following)):  # "… and adopted it"
        return weighed_start
    if refusal is None or _STARTED_WORDS.search(after[:refusal.start()]) or _LATER_SUCCESS.search(
            after, refusal.end()) or _OTHER_CLAUSE.search(after[:refusal.start()]) or (
            refusal.group().lower() == "rejected" and _REJECTED_ELSE.match(after, refusal.end())):
        return False
    return weighed_start or bool(_WEIGHED_AFTER.match(after))


def subject_is_ofsted(verb: Token) -> bool:
    """Whether inspectors did it: "inspectors", "Ofsted", and "we" in an inspection report (its sentences'
    user_data[BY_INSPECTORS], true unless said otherwise); elsewhere "we" is the council or its staff
    ("we launched Hearth")."""
    by_inspectors = verb.doc.user_data.get(BY_INSPECTORS, True)
    return any(child.dep_ in {"nsubj", "agent"} and (
        _OFSTED.search(text := verb.doc[child.left_edge.i:child.right_edge.i + 1].text)
        or by_inspectors and _WE.search(text)) for child in verb.children)


def practice_words(surface: str) -> list[str]:
    """A practice name's words with case, quote marks, hyphens, possessives, plurals and leading
    determiners normalised away: "the ‘Step-Up’ teams" and "Step Up team" give the same words."""
    text = surface.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[\"'()\[\],.:;]", " ", text.replace("-", " ").replace("–", " "))
    words = [word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word
             for word in text.split()]
    while words and words[0] in _LEADING:
        words = words[1:]
    return words


def practice_key(surface: str) -> str:
    return " ".join(practice_words(surface))


_SEEING = {"visit", "see", "observe", "tour", "shadow"}  # "visited Hertfordshire to see …"
_US = {"we", "our", "us", "ours"}
_STARTERS = STRONG_ACTIONS | _OPENING | {"join"}  # verbs that tell who started a practice


_COUNCIL_NOUNS = {"council", "authority", "borough", "county"}
_SOME = {"a", "an", "another", "other", "some", "many", "several", "most", "few", "neighbouring", "similar"}


def _some_council(token: Token) -> bool:
    """A council no name says ("a council already running it", "many councils", "other authorities",
    "councils that adopted it"): not the document's."""
    return token.lemma_.lower() in _COUNCIL_NOUNS and token.pos_ == "NOUN" and (
        any(child.dep_ in {"det", "amod"} and child.lower_ in _SOME for child in token.children)
        or token.tag_ == "NNS" and not any(child.dep_ in {"det", "poss", "nummod"} for child in token.children))


def anothers_practice(words: Span, others: set[int], own: set[int]) -> bool:
    """Whether a practice (its parsed words) is another council's, whose words are the tokens `others` (`own`: the
    document's council's words in the sentence): its owner ("Hertfordshire's Family Safeguarding model"), the
    council a clause is of ("Lancashire pays a higher allowance", "a council already running it"), where it was seen
    ("staff visited Hertfordshire to see how its teams …") or where it is run ("how it is organised in Leeds"). Not
    where the document's council is named with it ("Leeds and Bristol run it"), nor where "we" or "our" start or
    own it ("…, which we adopted in 2020", "our version of Leeds's model"), nor where a clause tells who started it
    ("Medway introduced it in 2021": council_for credits Medway). Another council's practice named only in passing
    is evidence of what neither chose."""
    root, doc = words.root, words.doc
    if own or _we_started(doc) or any(child.dep_ == "poss" and child.lower_ in _US for node in _nouns_above(root)
                                      for child in node.children):
        return False
    others = others | {token.i for token in doc if _some_council(token)}
    started = next((node for node in [root, *root.ancestors] if node.pos_ == "VERB" and verb_is(node, _STARTERS)),
                   None)
    if started is not None:  # who started it is told: a council named is credited ("Medway introduced it in 2021")
        return any(_some_council(token) for child in started.children if child.dep_ == "nsubj"
                   for token in child.subtree)  # "a number of councils have adopted it"
    if any(child.dep_ == "poss" and child.i in others for child in root.children):
        return True
    verbs, below = [], root
    for node in root.ancestors:  # each verb above it, with the word its path came up through
        if node.pos_ in {"VERB", "AUX"}:
            verbs.append((node, below))
        below = node
    for verb, below in verbs:  # where it was seen, unless "we" do it first
        if verb.lemma_.lower() in _SEEING and below.dep_ in {"xcomp", "advcl", "ccomp"} and any(
                child.dep_ == "dobj" and child.i in others for child in verb.children):
            return True
        if any(token.lower_ in _US for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}
               for token in child.subtree):
            return False
    its_subject = any(_the_council_of(child, others) for verb, _ in verbs for child in verb.children
                      if child.dep_ == "nsubj")  # "Lancashire pays a higher allowance"
    described = any(verb.dep_ in {"acl", "relcl"} and verb.head.i in others and below.dep_ not in {"nsubj", "nsubjpass"}
                    for verb, below in verbs)  # "a council already running Mockingbird"
    run_there = bool(verbs) and verbs[0][1].i == root.i and any(  # "how it is organised in Leeds"
        grandchild.i in others for child in verbs[0][0].children if child.dep_ == "prep" and child.lower_ == "in"
        for grandchild in child.children if grandchild.dep_ == "pobj")
    return its_subject or described or run_there


def _nouns_above(root: Token) -> list[Token]:
    """A phrase's noun and the nouns it hangs from, up to its verb: "our version of Leeds's model"."""
    nouns = [root]
    for node in root.ancestors:
        if node.pos_ in {"VERB", "AUX"}:
            break
        nouns.append(node)
    return nouns


def _the_council_of(subject: Token, others: set[int]) -> bool:
    """A subject that is another council itself ("Lancashire County Council", "many councils", "Leeds and Wigan"),
    not someone from it ("a speaker from Leeds")."""
    return any(token.i in others for token in (subject, *(child for child in subject.children if child.dep_ == "conj")))


def _we_started(doc: Doc) -> bool:
    """A clause of the sentence in which "we" or "our …" start something: "…, which we adopted", "and we adopted
    it in 2021", "we decided to adopt it"."""
    for verb in doc:
        if verb.pos_ != "VERB" or not verb_is(verb, _STARTERS):
            continue
        doer = verb
        while doer.dep_ in {"xcomp", "conj", "advcl"} and not any(
                child.dep_ in {"nsubj", "nsubjpass"} for child in doer.children) and doer.head.i != doer.i:
            doer = doer.head
        if any(token.lower_ in _US for child in doer.children if child.dep_ == "nsubj" for token in child.subtree):
            return True
    return False


def planned_or_by_inspectors(noun: Token) -> bool:
    """The verb a noun hangs from is planned, hoped for or negated, or is what inspectors did."""
    verb = next((node for node in noun.ancestors if node.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and (planned(verb) or subject_is_ofsted(verb))


def head_of(tokens: list[Token]) -> Token:
    """The noun a phrase is about: the first noun no other word modifies, else its last noun."""
    nouns = [token for token in tokens if token.pos_ in {"NOUN", "PROPN"}]
    fallback = nouns[-1] if nouns else (tokens[-1] if tokens[-1].text != ")" else tokens[0])
    return next((token for token in nouns if token.dep_ not in {"compound", "amod", "nmod", "poss"}), fallback)


def find_practices(sentence: Doc | Span, offset: int) -> list[PracticeMention]:
    """Practice phrases in one parsed sentence; `offset` places its characters in the document."""
    doc = sentence.doc if isinstance(sentence, Span) else sentence
    found: list[PracticeMention] = []

    def add(tokens: list[Token], method: str, confidence: float, plainly_named: bool = False) -> None:
        tokens = _trim(tokens)
        # whom a council hires is named in generic words ("permanent social workers"), but must be its own;
        # so is what it reshaped a service into ("into four locality teams"): the reshaping is the practice
        if not tokens or len(tokens) > MAX_TOKENS or names_a_person(tokens) or (
                not_the_councils(tokens) if plainly_named else generic(tokens)):
            return
        start, end = with_abbreviation(doc, tokens)
        head = head_of(tokens)
        if (head.lemma_.lower() in NOT_WHAT_IT_DOES and method != "recruited_staff"  # "permanent managers" hired
                or head.ent_type_ in {"DATE", "TIME"} or head.lower_ in MONTHS):
            return
        found.append(PracticeMention(doc.text[start:end], offset + start, offset + end, head.lemma_.lower(), method,
                                     confidence, tuple(tokens)))

    for token in doc:
        # "restructured its teams into four locality teams": the practice is what they became (but
        # "introduced conferences into its offer" introduced the conferences)
        reshaped = token.pos_ == "VERB" and verb_is(token, _RESHAPING) and any(
            child.dep_ == "prep" and child.lower_ == "into" for child in token.children)
        brought_in = token.lemma_ == "bring" and any(child.dep_ == "prt" and child.lower_ == "in"
                                                     for child in token.children)
        if token.pos_ == "VERB" and verb_is(token, _RENAMING) and not planned(token):  # "was relaunched as B&D Connect"
            for new_name in (word for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "as"
                             for word in prep.children if word.dep_ == "pobj" and word.pos_ == "PROPN"):
                add(phrase(new_name), BANNER, 0.7, plainly_named=True)
        if token.pos_ == "VERB" and token.lemma_ in _RAISING and not planned(token) and _the_councils_doing(token):
            for child in token.children:  # "raised fostering allowances"; not "raised fees as a concern"
                pay = phrase(child)
                if child.dep_ in {"dobj", "nsubjpass"} and child.lemma_.lower() in _PAY and len(pay) >= 2 and not any(
                        word.dep_ == "prep" and word.lower_ == "as" for word in token.children):
                    add(pay, PAY_RAISED, 0.7, plainly_named=True)
        if token.lemma_ == "be" and any(child.dep_ == "expl" for child in token.children) and not planned(token):
            for child in token.children:  # "There was also a new reflective writing session": something begun
                if child.dep_ == "attr" and child.lemma_.lower() in _KINDS and any(
                        word.dep_ == "amod" and word.lower_ == "new" for word in child.children) and not any(
                        word.lower_ in {"national", "government", "from"} for word in child.subtree):
                    add(phrase(child), "action_object", 0.6)  # not "a new national framework", "… from the government"
        if token.pos_ == "VERB" and token.lemma_ == "convert" and not planned(token) and _the_councils_doing(token):
            staff = next((child for child in token.children if child.dep_ == "dobj" and child.lemma_.lower() in _STAFF),
                         None)  # "converted nine agency workers to permanent contracts": staff made the council's own
            contract = next((word for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"to", "into"}
                             for word in prep.children if word.dep_ == "pobj"
                             and word.lemma_.lower() in {"contract", "post", "role", "employee"}), None)
            if staff is not None and contract is not None:
                add(list(doc[staff.left_edge.i:contract.i + 1]), CONVERTED, 0.7, plainly_named=True)
        if token.pos_ == "VERB" and token.lemma_ in {"replace", "supersede"} and token.tag_ in {"VBD", "VBN", "VBZ"} \
                and not (_to_come(token) or planned(token)) and any(child.dep_ == "dobj" for child in token.children):
            for child in token.children:  # "The Practice Observation Framework replaced the old file audit": the new
                if child.dep_ == "nsubj" and child.lemma_.lower() in _KINDS:  # not "Sarah Jones replaced …"
                    add(phrase(child), REPLACING, 0.6)
        if token.pos_ == "VERB" and (verb_is(token, STRONG_ACTIONS | {"take"}) or reshaped or brought_in):
            if not (_with_its_particle(token) or brought_in):  # "took on 30 social workers", "brought in a discount"
                continue
            if planned(token) or subject_is_ofsted(token):
                continue
            for child in token.children:
                if child.dep_ in {"dobj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"} and (
                        child.lemma_.lower() not in ABSTRACT) and not reshaped:
                    named = phrase(child)
                    hired = verb_is(token, _HIRING) and _staff_of_a_kind(named) and not (
                        token.lemma_ == "commission" and head_of(named).lemma_.lower() in {"adviser", "advisor"})
                    if token.lemma_ == "take" and not hired:
                        continue
                    add(named, "recruited_staff" if hired else "action_object", 0.7, plainly_named=hired)
                elif child.lower_ == "experienced" and verb_is(token, _HIRING) and doc[child.i - 1].like_num:
                    # "recruited 19 experienced social workers", the parser reading "experienced" as a verb
                    staff = next((word for word in child.children if word.dep_ == "dobj"), None)
                    if staff is not None and staff.lemma_.lower() in _STAFF:
                        add(list(doc[child.i:staff.i + 1]), "recruited_staff", 0.7, plainly_named=True)
                elif child.dep_ == "prep" and (child.lower_ == "in" and token.lemma_ == "invest"
                                               or child.lower_ == "into" and reshaped):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN"}:
                            add(phrase(pobj), "action_object", 0.7,
                                plainly_named=reshaped and pobj.lemma_.lower() in _UNITS_OF_A_SERVICE)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in NOMINAL_ACTIONS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "in"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN"}:
                            add(phrase(pobj), "action_object", 0.7)
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in STRONG_HEADS and token.dep_ != "compound":
            if not planned_or_by_inspectors(token):
                add(phrase(token), "named_head", 0.6)
    for name in _capitalised(doc):
        after = doc.text[name[-1].idx + len(name[-1].text):]
        if any(token.text in _PARTNERS for token in name):
            continue  # "Kent Police and Kent County Council": the bodies, not a practice
        if name[-1].lemma_.lower() in HEADS or _ABBREVIATION.match(after):
            add(name, "capitalised_name", 0.6)
    for match in (match for pattern in _UNDER_A_BANNER for match in pattern.finditer(doc.text)):
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is not None and 1 <= len(span) <= 6 and _the_councils_doing(span[0]):
            found.append(PracticeMention(span.text, offset + span.start_char, offset + span.end_char,
                                         span[-1].lemma_.lower(), BANNER, 0.7, tuple(span)))
    for match in _QUOTED.finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and 1 <= len(span) <= 6 and not span.text.endswith("."):
            tokens = list(span)
            head_after = span.end < len(doc) and doc[span.end].text in {"’", "'", "”", '"'} and span.end + 1 < len(doc)
            if head_after and doc[span.end + 1].lemma_.lower() in HEADS:  # ‘No wrong door’ model
                start = tokens[0].idx - 1
                end = doc[span.end + 1].idx + len(doc[span.end + 1].text)
                found.append(PracticeMention(doc.text[start:end], offset + start, offset + end,
                                             doc[span.end + 1].lemma_.lower(), "quoted_name", 0.7,
                                             (*tokens, doc[span.end + 1])))
            # a quoted phrase capitalised only for a day is someone's words, not a name: "a whole Friday, every Friday"
            elif any((token.is_title or token.is_upper) and token.lower_ not in _WEEKDAYS for token in tokens) \
                    and "," not in span.text and not tokens[0].is_sent_start \
                    and not _spoken(tokens) and not (_a_clause(tokens) and _quoted_alone(doc, span)):
                found.append(PracticeMention(span.text, offset + span.start_char, offset + span.end_char,
                                             tokens[-1].lemma_.lower(), "quoted_name", 0.6, tuple(tokens)))
    return longest(found)


# a name a council gives its work: "under its own banner, Foster Shropshire", "under the Shropshire Roots name"
_BANNER_NAME = r"[“\"‘']?(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|to|&)\s+)?[A-Z0-9][\w'’-]*)*)[”\"’']?"
_UNDER_A_BANNER = (re.compile(r"\b[Uu]nder\s+(?:(?:its|their|our)\s+own|a|a\s+new|one)\s+(?:banner|brand|name),?\s+"
                              + _BANNER_NAME),
                   re.compile(rf"\bunder\s+the\s+{_BANNER_NAME}\s+(?:banner|brand|name)\b"))
BANNER = "under_a_banner"  # the method of such a name, and of one a service was relaunched as
_RENAMING = {"relaunch", "rebrand", "rename"}
# what a council pays carers or staff, raised: "raised fostering allowances by 12%", "increased the skills fee"
_RAISING = {"raise", "increase", "uplift", "improve", "enhance"}
_PAY = {"allowance", "fee", "pay", "payment", "supplement", "allowances", "fees"}
PAY_RAISED = "pay_raised"
REPLACING = "replaced_the_old"  # what took an old way's place, said so
CONVERTED = "converted_to_permanent"  # agency staff taken on as the council's own
# methods of practices the learned weights do not judge
KEPT_WHATEVER_THE_WEIGHTS = {BANNER, PAY_RAISED, REPLACING, CONVERTED}


def _the_councils_doing(word: Token) -> bool:
    """Whether the clause of `word` has the council (or a name), its service or "we" as its subject, or no doer
    named: "the authority has run a drive under its own banner, …", "fostering allowances were raised", "- raised
    fostering allowances;"; not "Councillor Jones, elected under the Labour banner", "providers increased their
    fees"."""
    verb = next((node for node in (word, *word.ancestors) if node.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ in {"acl", "relcl"}:
        return False
    doers = [child for child in verb.children if child.dep_ in {"nsubj", "agent"}]
    return all(child.dep_ == "nsubj" and (child.lemma_.lower() in _THE_COUNCIL or child.pos_ == "PROPN" and not any(
        part.lower_ in _TITLES for part in child.subtree)) for child in doers)  # none: a list's item, "raising …"


_HIRING = {"recruit", "appoint", "hire", "take", "commission"}
_STAFF = {"worker", "staff", "practitioner", "psychologist", "therapist", "nurse", "supervisor", "assistant",
          "manager", "director", "coordinator", "co-ordinator", "adviser", "advisor"}
_ONE_MORE = {"additional", "extra", "second", "third", "fourth", "fifth"}  # a post added to those there were
_OF_A_KIND = {"permanent", "experienced", "additional", "extra", "more", "senior", "specialist",
              "international", "overseas", "own"}  # not "newly qualified": every team takes them on


def _staff_of_a_kind(tokens: list[Token]) -> bool:
    """"recruited 41 permanent social workers", "appointed additional family practitioners": whom a council
    hires is its practice when the words say which kind, and more than one, or one post more than there were ("took
    on a third personal adviser"; not "recruited social workers", nor "appointed a senior practitioner")."""
    if not tokens:
        return False  # a phrase the parse left empty ("four dedicated pre-proceedings social workers")
    head = head_of(tokens)
    if any(token.lower_ in {"interim", "acting", "temporary", "locum", "agency"} for token in (*tokens, *head.children)):
        return False  # cover for a post, not a post more
    return head.lemma_.lower() in _STAFF and (head.tag_ == "NNS" or head.lower_ == "staff") and any(
        token.lower_ in _OF_A_KIND for token in tokens) or head.lemma_.lower() in _STAFF and any(
        token.lower_ in _ONE_MORE for token in head.children)  # "took on a third personal adviser"


def _spoken(tokens: list[Token]) -> bool:
    """Words in quotes that someone said or a page tells the reader to do ("‘I don’t feel…’", "go to
    ‘Subscribe’"), not a name: a personal pronoun, or a single verb."""
    return any(token.pos_ == "PRON" and token.lower_ in {"i", "we", "you", "me", "us", "my", "our", "your"}
               for token in tokens) or (len(tokens) == 1 and tokens[0].pos_ == "VERB")


def _a_clause(tokens: list[Token]) -> bool:
    """Words with a subject and a finite verb of their own: "Social workers are leaving in droves"."""
    inside = {token.i for token in tokens}
    return any(token.tag_ in FINITE_TAGS and any(word.dep_ in {"nsubj", "nsubjpass"} and word.i in inside
                                                for word in (token.head if token.dep_ in {"aux", "auxpass"} else token).children)
               for token in tokens)


def _quoted_alone(doc: Doc, span: Span) -> bool:
    """A quote that is its line's whole sentence, or what a headline or a person said: a remark, not a name."""
    words = [token for token in doc if not token.is_punct]
    before = doc[span.start - 2] if span.start >= 2 else None
    return len(span) >= 0.8 * len(words) or before is not None and (
        before.lemma_.lower() in {"say", "read", "headline", "tell", "write"} or before.text == ":")


def _capitalised(doc: Doc) -> list[list[Token]]:
    """Runs of two or more capitalised words (with "of", "and", "for", "to" inside), not council,
    place or person names, nor a sentence's first word alone."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for token in [*doc, None]:
        capital = token is not None and (token.is_title or token.is_upper and len(token) > 1 or token.like_num and run) \
            and token.ent_type_ not in {"GPE", "PERSON", "DATE", "LOC", "NORP"}
        joiner = token is not None and run and token.lower_ in {"of", "and", "for", "to", "&"}
        if capital or joiner:
            run.append(token)
            continue
        while run and run[-1].lower_ in {"of", "and", "for", "to", "&"}:
            run.pop()
        words = [token for token in run if token.lower_ not in _NOT_A_NAME]
        if len(run) >= 2 and len(words) >= 1 and not (run[0].i == doc[0].i and len(run) < 3):
            runs.append(run)
        run = []
    return runs


def longest(found: list[PracticeMention]) -> list[PracticeMention]:
    """Of overlapping phrases the longest, each once; of two as long, one a rule keeps whatever the weights say."""
    return first_of_overlapping(found, lambda item: (-(item.end - item.start),
                                                     item.method not in KEPT_WHATEVER_THE_WEIGHTS, item.start))


def first_of_overlapping(found: list[PracticeMention],
                         order: Callable[[PracticeMention], Any]) -> list[PracticeMention]:
    """Of overlapping phrases the one `order` puts first, each once, in the text's order."""
    kept: list[PracticeMention] = []
    for mention in sorted(found, key=order):
        if not any(mention.start < other.end and other.start < mention.end for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda item: item.start)
