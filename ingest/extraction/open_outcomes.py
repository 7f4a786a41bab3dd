"""Figures no controlled metric names: levels ("31% of posts were covered by agency staff",
"caseloads average 17") and counts of things done ("recruited 30 permanent social workers",
"there have been 49 adoptions"), each with the noun phrase it measures as free `metric_text`
and a normalised key so the same free metric groups across documents; and changes of a metric no
controlled one names ("approved foster carers rose from 112 to 140"). A figure with no noun of its
own is measured by its clause ("157 (43%) were placed out of borough", see `_clause_metric`). A
level becomes a change when its baseline is given after it ("85% now, compared with 60% in 2018",
"16%, down from 33%"; outcomes.baselines_after), or by the next sentence ("This is an increase from 374 …", see
`baseline_of`); a level the next sentence restates later ("That figure now stands at 12%") is a
change to that (`later_value_of`).

Figures in words count: "there have been no disruptions" is a count of none, "two thirds of care
leavers" and "one in three children" are per cent. A rate printed first ("36 children per 10,000
(209)") gives the rate and its bracketed count.

A figure is skipped when it is a year, a date, an age ("16- and 17-year-olds"), a section or
page number, a label ("stage two"), a telephone number, things already known ("the two virtual
school heads"), a threshold or target, a comparison group's figure (England, national, statistical
neighbours) or a difference from one ("39% higher"), an area's demographics, an inspector's own
tally, or sits in a clause that plans, hopes or negates (a negated clause gives only a count of
none: "the council does not operate any children's homes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import dropwhile, takewhile
from typing import Any

from spacy.tokens import Doc, Token

from ingest.extraction.nlp import (
    FINITE_TAGS,
    NOT_THE_COUNCIL,
    PARAGRAPH_NUMBER,
    instruction,
)
from ingest.extraction.outcomes import (
    AIM_NOUNS,
    AMOUNT,
    COMPARISON_GROUPS,
    FIGURE_NOUN,
    FRACTION,
    HEDGE,
    MOVED_BY_THEN_TO,
    MULTIPLIED_WORDS,
    MULTIPLYING,
    NUMBER_WORDS,
    PARTS,
    PAST,
    PER_10000,
    SCALES,
    STOOD_THEN_MOVED,
    TENS,
    TIME_UNIT,
    a_budget,
    baseline_for,
    baselines_after,
    elsewhere,
    from_to,
    moved_size,
    of_a_budget,
    parse_amount,
    period_of,
    ranges,
    said_of_a_group,
    share_in_words,
    share_of,
    share_words,
    signed_change,
    size_printed_before,
    stated_share,
)
from kg.model.vocabulary import GRADE_PATTERN, MONTHS

_WORDS = {**NUMBER_WORDS, "half": 50}
# a figure written in words, for the cheap test of which sentences may hold one: "fourteen", "a fifth", "halved"
RANK_WORDS = ("best", "lowest", "highest", "quickest", "fastest", "strongest", "steepest", "biggest", "largest",
              "smallest", "shortest", "fewest")  # "the lowest in the region": a printed rank
FIGURE_WORDS = sorted({*_WORDS, *PARTS, *MULTIPLIED_WORDS, *RANK_WORDS})
_STAFFING = {"train", "recruit", "appoint", "employ", "approve"}  # what is done to people, counted
_COUNT_VERBS = _STAFFING | {"hold", "carry", "complete", "place", "adopt", "create", "convene", "undertake", "deliver",
                            "attend", "open", "qualify", "receive", "make"}
# a comparison group's figure: printed after one of these (since the figure before), or followed by "nationally"
# a comparison group named in the words just before a figure: "a national average of around 18%", "the South East
# average of 21", "statistical neighbours (45)", "a target of 16"; not "a manageable average of 15", nor "The
# average wait fell from 31 to 19 weeks"
# "the London average", "a London-wide figure of 35 per cent" (but "the Bristol-wide rate" is the council's own)
_PLACE_AVERAGE = (r"(?:(?-i:(?!(?:The|This|That|Our|Its|Their|An?)\b)[A-Z][a-z]+) average|"
                  r"(?:England|London|nation|country|region|UK)-wide (?:average|figure|rate))")
_COMPARISON_GROUP = re.compile(rf"\b(?:{COMPARISON_GROUPS}|{_PLACE_AVERAGE}|threshold|target|"
                               r"(?:against|versus|where)\s+(?:an|the)\s+average)\b"
                               r"(?:[\s('’]+[\w/-]+){0,4}?[\s(:]*$", re.IGNORECASE)
_NAMES_A_GROUP = re.compile(rf"\b(?:{COMPARISON_GROUPS})\b", re.IGNORECASE)
_REGION = (r"(?:inner |outer )?London|the (?:North East|North West|South East|South West|East Midlands|West Midlands|"
           r"East of England)|Yorkshire(?: and the Humber)?")  # England's regions, whose figures compare, not the council's
_GROUP_AFTER = re.compile(r"\s*(?:%|per ?cent|per 10,000(?: children)?)?\s*(?:nationally|regionally|in england|across "
                          r"england|for england|of (?:the|a) (?:comparison|control|matched) (?:group|cohort|sample)|"
                          r"(?:in|across|for|among|amongst) (?:our |its |their )?statistical neighbours|"
                          rf"(?:in|across) (?:the region|{_REGION})|"
                          r"target(?=\s*[)\],.;]|\s*$))\b", re.IGNORECASE)  # "711 families (689 target)"
# a sentence that only gives what the one before is set against: "That compares with 49 per 10,000 across London"
_COMPARES_OPENING = re.compile(r"\W*(?:that|this|these|those|which|it)\s+(?:compares?|is\s+compared|contrasts?)\s+"
                               r"(?:with|to)\b", re.IGNORECASE)
# how many comparators a study had: "a comparison group of five statistical neighbours"
_GROUP_COUNTED = re.compile(r"\s+(?:statistical neighbours?|comparators?|(?:comparable|comparison|similar|neighbouring) "
                            r"(?:authorities|areas|councils)|control groups?)\b", re.IGNORECASE)
# an area's people, not the council's children in care: "the looked-after population stood at 68" is a result
_DEMOGRAPHIC = re.compile(r"\b(?:(?<!10,000 )(?<!looked-after )(?<!looked after )(?<!care )(?<!cla )population|"
                          r"poverty|low[- ]income|ethnic|free school meals?|languages|"
                          r"deprived|deprivation|"
                          r"english as an additional|"
                          r"under the age of|live in (?:the|this) (?:area|county|city|borough)|million (?:people|residents)|"
                          r"square miles|"
                          r"of them (?:are )?(?:aged )?under (?:18|eighteen))\b"
                          # "About 100,000 children and young people live in County Durham"
                          r"|\b\d{1,3}(?:,\d{3})+\s+(?:people|residents|inhabitants)\s+(?:spread|scattered)\b"  # "…, spread across"
                          r"|\b\d{1,3}(?:,\d{3})+\s+(?:people|residents|children(?: and young people)?)\s+live\s+(?:here\b|in\s+"
                          r"(?:the\s+)?(?-i:[A-Z]))"
                          # "a borough of around 207,000 people, with 45,000 children and young people"; not "of
                          # 1,500 children, 300 were seen", nor "has 1,250 children with a plan"
                          r"|(?:\b(?:borough|city|county|district|town|area|population) of|\bhas|\bhave|,\s*with|"
                          r"\bserv(?:es|ing)|\bhome to)\s+"
                          r"(?:(?:around|about|some|approximately|roughly|over|nearly|almost|more\s+than)\s+)?"
                          r"\d{1,3}(?:,\d{3})+\s+(?:people|residents|inhabitants|children(?: and young people)?)"
                          r"(?=\s*(?:[,.;)]|$|and\b|aged\b|under\b|live|living\b))"
                          # "a borough of around 320,000 people on the western edge of …"
                          r"|\b(?:borough|city|county|district|town|area) of\s+(?:(?:around|about|some|roughly|over|nearly|"
                          r"almost|more\s+than)\s+)?\d{1,3}(?:,\d{3})+\s+(?:people|residents|inhabitants)\b",
                          re.IGNORECASE)
_NOT_MEASURE = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "age", "section",
                "page", "paragraph", "stage", "level", "tier", "key", "point", "minute", "minutes", "time", "times",
                "o'clock", "am", "pm", "inspector", "inspectors", "case", "cases", "record", "records", "file",
                "files", "audit", "audits", "sample",
                # the inspection's own machinery and how a service is divided up: counted, never an outcome
                "notification", "notifications", "review", "reviews", "scr", "scrs", "visit", "visits",
                "recommendation", "recommendations", "priority", "priorities", "theme", "themes", "example",
                "examples", "area", "areas", "district", "districts", "locality", "localities", "authorities",
                "group", "groups", "member", "members", "system", "systems", "report", "reports", "risk", "risks",
                "mile", "miles", "quarter", "quarters", "term", "terms", "gcse", "gcses", "quadrant", "quadrants",
                "option", "options", "response", "responses", "correspondent", "correspondents",
                # what a document lists about itself: "three things", "four commitments", "three simple questions"
                "thing", "things", "commitment", "commitments", "principle", "principles",
                "lesson", "lessons", "pillar", "pillars", "way", "ways", "aspiration", "aspirations", "objective",
                "objectives", "ambition", "ambitions", "aim", "aims", "alternative", "alternatives", "scenario",
                "scenarios", "innovation", "innovations", "idea", "ideas",
                # a procurement's own workings: "sixteen submitted compliant bids", "a 10 per cent weighting"
                "bid", "bids", "bidder", "bidders", "tender", "tenders", "weighting", "weightings"}
# words a number labels rather than counts after ("stage two", "level 3", "Act 1989")
_LABELS = {"section", "act", "page", "grade", "stage", "level", "tier", "phase", "step", "part", "chapter", "year",
           "recommendation", "paragraph", "para", "appendix", "annex", "table", "item", "option", "question",
           "action", "priority", "objective", "figure", "chart", "box", "episode", "issue", "series", "volume", "vol",
           "column", "proposal", "clause", "reference", "ref", "answer", "outcome", "milestone", "theme", "workstream",
           "module", "lot", "indicator", "criterion", "standard", "principle", "pillar", "commitment"}
_YEAR = re.compile(r"(?:199|20[0-3])\d")  # a year wherever it stands
_YEAR_NAMED = re.compile(r"(?:19|20)\d\d")  # a year when the parser reads it as a number
_GRADE_THEN_NUMBER = re.compile(GRADE_PATTERN + r"\s+\d", re.IGNORECASE)
_DURATIONS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
              "hour": "hours", "hours": "hours"}
_DETERMINERS = {"a", "an", "the", "of", "these", "those", "their", "its", "our", "all", "some"}


# the council's own people, whose visits elsewhere are how they learned, not a result
_STAFF = {"head", "manager", "director", "councillor", "officer", "member", "leader", "colleague", "lead", "worker",
          "practitioner", "staff"}
_NOT_CHANGED = {"council", "authority", "service", "department", "we", "they", "it", "this", "that", "which"}


@dataclass
class OpenOutcome:
    kind: str  # "level", "count", or "change" (from → to, a level whose baseline is given, or "fell by 22%")
    metric_text: str
    metric_key: str
    value: float | None  # None for a change stated only by its size ("fell by 22%")
    value_from: float | None
    unit: str | None  # of the values: "%", "count", "per 10,000", "days", "weeks", …; None without values
    char_start: int
    char_end: int
    direction: str = "none"  # "up" or "down" for a change
    change: float | None = None
    period: str | None = None
    change_unit: str | None = None  # "points" for a change of a share, "%" for a relative one

    def moved(self, direction: str, change: float, change_unit: str | None, start: int, end: int) -> OpenOutcome:
        """The move of the same measure printed beside it, by its size only ("…, up 9 percentage points")."""
        return OpenOutcome("change", self.metric_text, self.metric_key, None, None, None, start, end,
                           direction=direction, change=change, period=self.period, change_unit=change_unit)

    def changed_from(self, value_from: float, period: str | None = None) -> None:
        """Its baseline is given: a level (or count) becomes a change from it."""
        assert self.value is not None and self.unit is not None
        self.kind, self.value_from = "change", value_from
        self.change = round(self.value - value_from, 2)
        self.change_unit = "points" if self.unit == "%" else self.unit
        self.direction = "down" if self.value < value_from else "up" if self.value > value_from else "none"
        self.period = period or self.period


def metric_key(text: str) -> str:
    """Lower case, possessives, quotes, determiners and a leading "number of" gone, plurals singular:
    groups a free metric."""
    words = re.sub(r"[’'‘\"(),.]", " ", text.lower().replace("’s", "").replace("'s", "")).split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if words[:2] == ["total", "number"] or words[:2] in (["number", "of"], ["numbers", "of"]):
        words = words[words.index("of") + 1:] if "of" in words else words
    words = [word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
             for word in words if word not in _DETERMINERS]
    return " ".join(words)


def _hyphenated(token: Token) -> float | None:
    """'sixty-eight' (three tokens): 68 read at its first word."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and token.lower_ in TENS \
            and doc[token.i + 2].lower_ in _WORDS and _WORDS[doc[token.i + 2].lower_] < 10:
        return float(TENS[token.lower_] + _WORDS[doc[token.i + 2].lower_])
    return None


_OR_MORE = {"more", "fewer", "less", "over", "above"}
_SCALE_WORDS = {"hundred": 100, "thousand": 1000}


def _spelled_out(token: Token) -> tuple[float, int] | None:
    """A number spelled out in several words, read at its first: "four hundred and ten", "a hundred and
    twelve", "two hundred and eighty-one", "ten thousand"; its value and the index of its last word."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in _SCALE_WORDS or not (
            token.lower_ == "a" or token.lower_ in _WORDS and token.lower_ != "half") \
            or token.lower_ == "a" and token.i > 0 and doc[token.i - 1].lower_ == "in":
        return None  # not the "a hundred" of "one in a hundred"
    value = float((1 if token.lower_ == "a" else _WORDS[token.lower_]) * _SCALE_WORDS[doc[token.i + 1].lower_])
    last = token.i + 1
    rest = last + 2 if last + 2 < len(doc) and doc[last + 1].lower_ == "and" else last + 1
    if rest < len(doc) and doc[rest].lower_ in _WORDS and doc[rest].lower_ != "half":
        tens_and_units = _hyphenated(doc[rest])
        value += tens_and_units or _WORDS[doc[rest].lower_]
        last = rest + 2 if tens_and_units else rest
    if last + 1 < len(doc) and doc[last + 1].lower_ == "thousand":
        value, last = value * 1000, last + 1  # "two hundred and fifty thousand"
    return value, last


_WITHHELD = re.compile(r"\b(?:withheld|withhold|suppressed|redacted|not\s+(?:be\s+)?(?:disclosed|published|released))\b",
                       re.IGNORECASE)


_REFERENCES = {"uin", "ref", "reference", "id", "ticket"}  # what numbers a document or a question


def _not_a_figure(token: Token) -> bool:
    """A number that is not a figure of the text: a day of a date ("9 May"), an age ("aged 16 to
    17"), a year, the end of a range ("2015–16"), a paragraph or footnote number opening a sentence
    ("1 Ofsted produces") or after a heading ("Workforce 3.1 Agency …"), a page number before a
    heading ("protection 10 The experiences") or after the last word ("operation 143."), a telephone
    number, a bound on who is counted ("three or more placement moves", "5 A*–C grades"), a guess
    ("three or four social workers")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > doc[0].i else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (before is not None and before.lower_ in MONTHS) or (after is not None and after.lower_ in MONTHS):
        return True
    if any(word.lower_ == "aged" for word in doc[max(token.i - 3, 0):token.i]):
        return True  # an age ("aged 16 to 17")
    if after is not None and (after.text == "+" or after.lower_ == "or" and token.i + 2 < len(doc)
                              and doc[token.i + 2].lower_ in _OR_MORE or after.text.startswith("A*")):
        return True  # who is counted, not how many: "three or more placement moves", "16+ young people", "5 A*–C"
    if _a_guess(token):
        return True  # "three or four social workers in a year"
    if token.lower_ == "none" and after is not None and after.lower_ == "of" and token.i + 2 < len(doc) \
            and doc[token.i + 2].lower_ in {"this", "that", "it", "these", "those", "them", "which", "us", "you"}:
        return True  # "none of this is possible": no count
    if before is not None and (before.lower_.rstrip(".") in _REFERENCES or before.text == ":" and before.i > doc[0].i
                               and doc[before.i - 1].text.isdigit() and len(token.text) == 2
                               and not before.whitespace_ and not doc[before.i - 1].whitespace_):
        return True  # "UIN 48217", "Ref 2231", a clock's minutes ("21:40")
    if re.fullmatch(r"\d{1,2}[:.]\d{2}", token.text) and any(word.lower_ in {"am", "pm", "hrs"} or re.fullmatch(
            r"\d{1,2}[:.]\d{2}(?:am|pm)", word.lower_) for word in doc[token.i + 1:token.i + 4]) \
            or re.fullmatch(r"\d{1,2}:\d{2}", token.text):
        return True  # a time of day, or the start of a span of them ("4.00 to 5.30pm")
    if before is not None and before.lower_ == "than" and token.i > 1 and doc[token.i - 2].lower_ in {"fewer", "less"} \
            and (_number(token.text) or 11) <= 10 and _WITHHELD.search(doc.text):
        return True  # "fewer than five …; the exact figure is withheld": a small number kept back, not a count
    if not token.text[:1].isdigit():
        return False
    if re.match(r"0\d", token.text):
        return True  # a telephone number or a code ("01206 878178")
    if _YEAR.fullmatch(token.text) or (token.ent_type_ == "CARDINAL" and _YEAR_NAMED.fullmatch(token.text)):
        return True
    if before is not None and before.text in {"-", "–"} and before.i > doc[0].i and doc[before.i - 1].text[:1].isdigit():
        return True  # the end of a range or of "2015–16"
    if after is not None and after.is_title and (before is None or after.is_stop or after.pos_ in {"DET", "PRON"}):
        return True
    if after is not None and after.text == "." and after.i + 1 < len(doc) and doc[after.i + 1].is_title:
        return True  # "… exploitation 5. Improve …": a numbered item run into the sentence
    if PARAGRAPH_NUMBER.fullmatch(token.text) and after is not None and (after.text[:1].isdigit() or (
            after.text[:1].isupper() and (before is None or before.is_title and after.is_title))):
        return True  # "Workforce 3.1 Agency workers …", "5.1 371 children …": a paragraph's number; not "2.5 FTE"
    if before is None and (token.text.endswith(".") or after is not None and after.text == "."):
        return True  # "2. extends the model to…": the number of a list's item
    at_end = after is None or (after.is_punct and after.i == len(doc) - 1)
    return at_end and before is not None and before.pos_ in {"NOUN", "PROPN", "ADJ"}


def _opening_in_words(token: Token, first: int) -> bool:
    """A number in words opening its sentence, as style guides ask, which the parser reads as part of a
    name ("Eleven children were adopted", "Twenty-seven agency workers chose …"; `first`: its first word)."""
    return token.dep_ in {"compound", "amod"} and not token.text[:1].isdigit() and token.head.pos_ == "NOUN" \
        and token.head.is_lower and (first == 0 or first == 1 and token.doc[0].is_quote)  # not "Ten Steps training"


def _a_guess(token: Token) -> bool:
    """One of two bare numbers joined by "or" ("three or four social workers"); not a count restated as a
    share or a sum ("176 or 18% of the total")."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "or":
        other = doc[token.i + 2]
    elif token.i > 1 and doc[token.i - 1].lower_ == "or":
        other = doc[token.i - 2]
    else:
        return False

    def bare(number: Token) -> bool:
        following = doc[number.i + 1].lower_ if number.i + 1 < len(doc) else ""
        return _number(number.text) is not None and following not in {"%", "per", "percent"} and (
            number.i == 0 or doc[number.i - 1].text != "£")
    return bare(token) and bare(other)


def _compared_with_others(token: Token) -> bool:
    """"39% higher", "5% above that of all pupils"; but "12% higher than last year" is a change."""
    following = [word.lower_ for word in token.doc[token.i + 1:token.i + 3]]
    if following[:1] == ["%"]:
        following = following[1:]
    return bool(following) and following[0] in _ABOVE and not _THAN_BEFORE.search(token.doc.text, token.idx)


_ABOVE = {"higher", "lower", "above", "below"}
_THAN_BEFORE = re.compile(r"\bthan (?:last year|the previous year|a year (?:ago|earlier)|(?:it was )?in (?:19|20)\d\d)",
                          re.IGNORECASE)


_DAYS_OF = re.compile(rf"(?:st|nd|rd|th)?\s*(?:and|&|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(sorted(MONTHS))})\b",
                      re.IGNORECASE)


def _dated(token: Token) -> bool:
    """Part of a date the tagger found; a lone number it calls a date ("87 (24%) were …") is not one, nor one
    counting what a plural noun names ("This year 64 young people were matched"); the first day of "23 and 24
    July"."""
    if _DAYS_OF.match(token.doc.text, token.idx + len(token.text)):
        return True
    if token.ent_type_ != "DATE":
        return False
    entity = next(span for span in token.doc.ents if span.start <= token.i < span.end)
    if token.i == entity.end - 1 and token.dep_ == "nummod" and token.head.tag_ == "NNS" \
            and token.head.lower_ not in _DURATIONS:
        return False
    return len(entity) > 1 or bool(_YEAR.fullmatch(token.text))


def _a_phrase_of_its_own(word: Token, figure: Token) -> bool:
    """"Under this workstream 140 families …", "On the third pillar 45 schools …": a label word with its own
    determiner, before a figure counting a plural noun; not "Outcome 1 (…)", "our stage two reply", "a section 47
    enquiry"."""
    return word.dep_ not in {"compound", "nmod", "nummod"} and figure.dep_ == "nummod" and figure.head.tag_ == "NNS" \
        and any(child.dep_ in {"det", "amod", "poss"} for child in word.children)


def _a_time_before(word: Token) -> bool:
    """"This year", "last year", "each year": a time, not a label ("Year 9")."""
    return word.lower_ == "year" and word.i > 0 and word.doc[word.i - 1].lower_ in {"this", "last", "next", "each",
                                                                                     "every", "that", "a", "per"}


def _in_a_spread(doc: Doc, first: int, last: Token) -> bool:
    """A number at either end of "N to M" with no "from" before it ("a cluster of six to ten families",
    "aged 11 to 17"): a spread; a from-to is read as a change elsewhere."""
    starts = last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "to" and _number(doc[last.i + 2].text) is not None
    ends = first >= 2 and doc[first - 1].lower_ == "to" and _number(doc[first - 2].text) is not None
    if not (starts or ends):
        return False
    opening = first - 1 if starts else first - 3  # the word before the spread's first number
    return opening < 0 or doc[opening].lower_ not in _MOVED_FROM


_MOVED_FROM = {"from", "rose", "fell", "increased", "decreased", "reduced", "risen", "fallen"}


def _duration_unit(token: Token) -> Token | None:
    """The unit of time a number is followed by: "32 weeks", "31 working days", "27 school days"."""
    doc = token.doc
    unit = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if unit is not None and unit.lower_ in {"working", "calendar", "school"} and token.i + 2 < len(doc):
        unit = doc[token.i + 2]
    return unit if unit is not None and unit.lower_ in _DURATIONS else None


def _a_duration(token: Token) -> bool:
    """"32 weeks" (which the tagger calls a date) measures how long something took; "within 45
    days", "at 35 days", "every 6 weeks", "exceed 26 weeks", "in the 12 months prior" and "six months on"
    are timescales and points in time, not figures."""
    doc = token.doc
    unit = _duration_unit(token)
    i = token.i - 1
    while i > doc[0].i and (doc[i].dep_ in {"det", "amod"} or doc[i].lower_ in {"only", "just"} and _in_place(token)) \
            and doc[i].lower_ not in _BEFORE_A_SPAN:
        i -= 1  # "within the statutory 45 working days", "in place for only four months"
    before = doc[i] if i >= doc[0].i else None
    after = doc[unit.i + 1] if unit is not None and unit.i + 1 < len(doc) else None
    on_average = after is not None and after.lower_ == "on" and after.i + 1 < len(doc) \
        and doc[after.i + 1].lower_ == "average"  # "31 days on average", not "six months on"
    return unit is not None and (before is None or before.lower_ not in _BEFORE_A_SPAN) \
        and (after is None or after.lower_ not in _AFTER_A_SPAN or on_average)


def _an_average_time(figure: Token) -> bool:
    """Hours (which the tagger calls a time) as a measure: "within an average of nine hours", "a median of 30 hours",
    "four hours on average", "the longest wait was 36 hours"; not "lasts three hours", "open 24 hours a day"."""
    doc = figure.doc
    return _duration_unit(figure) is not None and _a_duration(figure) and (
        figure.i >= 2 and doc[figure.i - 1].lower_ == "of" and doc[figure.i - 2].lower_ in _AVERAGES
        or doc[figure.i + 2:figure.i + 4].text.lower() == "on average" or bool(_A_WAIT.search(doc.text, 0, figure.idx)))


def _in_place(figure: Token) -> bool:
    """A figure in a clause saying how long something has been in place or running, not how long a wait took."""
    verb = next((word for word in figure.ancestors if word.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_.lower() in {"be", "run", "operate", "exist", "last"}


_BEFORE_A_SPAN = {"within", "every", "for", "after", "over", "last", "past", "next", "at", "in", "first", "than",
                  "previous", "preceding", "following", "on", "during", "exceed", "exceeds", "exceeding", "exceeded",
                  "beyond"}  # "cases that exceed 26 weeks": a threshold
_AFTER_A_SPAN = {"after", "on", "prior", "ago", "later", "before", "since", "from", "old", "into"}


def _contents_line(doc: Doc) -> bool:
    """Several numbers each followed by a capitalised word, or a grade followed by a number: a table
    of contents or of grades."""
    return sum(1 for token in doc[:-1] if token.text.isdigit() and doc[token.i + 1].is_title
               and doc[token.i + 1].lower_ not in MONTHS) >= 2 \
        or bool(_GRADE_THEN_NUMBER.search(doc.text))


_PEOPLE = {"mother", "father", "parent", "carer", "grandparent", "woman", "man", "girl", "boy", "family", "child"}
_CASELOAD = {"child", "family", "case"}  # what one worker holds


_DONE_AND_COUNTED = {"audit", "case"}  # what a service does, counted: "completed 340 audits"
_MEETING = {"meet", "sit", "convene"}


def _done_and_counted(noun: Token) -> bool:
    """Work a service did, counted ("we completed 340 audits", "the panel considered 47 cases", "the panel
    sat 21 times"), though audits, cases and times counted otherwise measure nothing; not visits or reviews,
    which are as often the inspectorate's or a review of the service ("received two monitoring visits")."""
    verb = noun.head
    lemma = noun.lemma_.lower()
    return verb.pos_ == "VERB" and verb.tag_ in {"VBD", "VBN"} and (  # not "completes two audits a month"
        lemma in _DONE_AND_COUNTED and noun.dep_ in {"dobj", "nsubjpass"} and verb.lemma_ in _COUNT_VERBS | {"consider"}
        or lemma == "time" and verb.lemma_ in _MEETING)


_SPREAD_OVER = {"across", "in", "into", "over", "among", "between"}


def _where_it_went(noun: Token, first: int) -> bool:
    """A number of places or groups another figure of the clause went into or across ("invested £3.4m in
    two children's homes", "recruited 22 social workers across two cohorts"); not "opened two homes", nor
    new things the money made ("invested £1.8m in 14 new senior practitioner roles")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _SPREAD_OVER or any(
            child.lower_ in _MORE for child in noun.children):
        return False
    return any(word.like_num and not _YEAR.fullmatch(word.text) for word in noun.doc[:noun.head.i]
               if word.i < first and word.head.i != noun.head.i)


def _averaged(figure: Token) -> Token | None:
    """What "average" as a verb says a figure is the average of: "Caseloads average 18 children", "Waits
    now average 9 weeks"; a common noun, not a pronoun ("they average 17") nor a place ("Leeds average 19")."""
    counted = figure.head if figure.dep_ == "nummod" else figure
    verb = counted.head
    if counted.dep_ not in {"dobj", "npadvmod", "attr"} or verb.lemma_.lower() != "average" or verb.pos_ != "VERB" \
            or any(word.is_punct for word in figure.doc[verb.i:figure.i]):
        return None  # not "the core cities average (738)", a noun the parser took for a verb
    subject = clause_subject(verb)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _a_persons_own(noun: Token) -> bool:
    """"her three brothers", "a father, whose three children were on plans", "I had 26 children" (one
    worker's caseload): one person's, not the service's (but "Leeds, whose 1,300 children in care …" is
    the council's)."""
    if noun.dep_ == "dobj" and noun.head.lemma_ == "have" and noun.lemma_.lower() in _CASELOAD and any(
            child.dep_ == "nsubj" and child.lower_ == "i" for child in noun.head.children):
        return True
    for owner in noun.children:
        if owner.dep_ == "poss" and owner.lower_ in {"his", "her", "my"}:
            return True
        if owner.dep_ == "poss" and owner.lower_ == "whose":
            clause = next((word for word in noun.ancestors if word.dep_ == "relcl"), None)
            return clause is not None and (clause.head.lemma_.lower() in _PEOPLE | _ONE_OF_THEM
                                           or clause.head.ent_type_ == "PERSON")
    return False


def _phrase(noun: Token, skip: Token, first: int) -> str:
    """The words naming what a number counts, without the number (tokens `first` to `skip`)."""
    tokens = [token for token in noun.subtree if not first <= token.i <= skip.i
              and not (skip.i <= token.i <= skip.head.i and token.dep_ in {"nummod", "quantmod"})]
    rate = _per_10000(noun)
    if rate is not None:
        tokens = [token for token in tokens if token.i not in range(rate.i, rate.right_edge.i + 1)]
    tokens = [token for token in tokens if token.dep_ not in {"relcl", "punct", "det", "nummod", "quantmod"}
              and not any(word.lower_ in _ASIDES for word in (token, *token.ancestors) if word.i > noun.i)
              and not (token.dep_ == "acl" and not _short_participle(token))
              and not any(ancestor.dep_ in {"relcl", "acl", "appos"} and not _short_participle(ancestor)
                          for ancestor in token.ancestors
                          if ancestor.i in range(noun.left_edge.i, noun.right_edge.i + 1) and ancestor.i != noun.i)]
    return _printed(tokens[:10])


_SHORT = 4  # words: "looked after", "placed for adoption"


def _short_participle(token: Token) -> bool:
    """A participle naming which of a group are meant ("children looked after", "children placed for
    adoption"), kept whole; a longer one is a clause of its own, left out whole (not "children placed")."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and len(list(token.subtree)) <= _SHORT


def _printed(tokens: list[Token]) -> str:
    """Words as printed: "children’s homes", not "children ’s homes"; one space where words were left out."""
    text = ""
    for token, following in zip(tokens, [*tokens[1:], None]):
        text += token.text
        if following is not None:
            text += token.whitespace_ if following.i == token.i + 1 else " "
    return text.strip()


# words that name whom a figure counts and say nothing of what about them it measures ("two children")
_GROUP_WORDS = {"child", "children", "young", "people", "person", "persons", "care", "leaver", "leavers", "family",
                "families", "parent", "parents", "carer", "carers", "adopter", "adopters", "staff", "social",
                "worker", "workers", "pupil", "pupils", "household", "households", "looked", "after", "and", "or",
                "other", "remaining", "local", "only", "all", "approximately", "around", "about", "some", "nearly",
                "almost", "over", "them", "they", "whom", "which", "who", "these", "those", "couple", "couples",
                "fewer", "more", "further", "its", "their", "our", "new", "us", "we"}
_PRONOUNS = {"them", "they", "whom", "which", "who", "these", "those", "us", "we", "you"}
_HEDGES = {"approximately", "around", "about", "nearly", "almost", "over", "only", "some", "all", "its", "their", "our"}
_ASIDES = {"including", "excluding", "compared", "such"}  # "…, including two who …": a part, not the measure
_LEFT_OUT = {"det", "aux", "auxpass", "advmod", "punct"}  # what a metric may leave out between its words
_MOST_WORDS = 14


def _bare_group(text: str) -> bool:
    """Words that say only whom a figure counts ("children and young people", "whom")."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(word in _GROUP_WORDS for word in words)


def _said_of(group: Token, text: str, figure: range, own_clause: bool = True) -> str:
    """What a figure counting a bare group (or a share of anything) measures, from what its clause says
    of it: "two children lived in a private fostering placement" → "children lived in a private fostering
    placement"; "of whom 27% live out of the area" → "live out of the area"; else, where `own_clause`,
    the group's own relative clause or participle ("children who require specialist provision").
    `figure`: the figure's word indexes."""
    path = [group, *group.ancestors]
    verb_at = next((i for i, token in enumerate(path) if token.pos_ in {"VERB", "AUX"}), None)
    # the figure is the subject ("…, of which 40 were referred by GPs"), or the group is, through it
    subject = next((word for word in group.doc[figure.start:figure.stop] if word.dep_ in {"nsubj", "nsubjpass"}
                    and word.head.pos_ in {"VERB", "AUX"}), None)
    if subject is None and verb_at and path[verb_at - 1].dep_ in {"nsubj", "nsubjpass"} and all(
            token.i in figure or token.dep_ in {"pobj", "nsubj", "nsubjpass"} or token.lower_ == "of"
            or token.text == "%" for token in path[:verb_at]):
        subject = path[verb_at - 1]
    said: list[Token] = []
    if subject is not None:
        verb = subject.head
        said = [token for token in verb.subtree if token.i > max(subject.right_edge.i, group.i)  # not "At 31 May, …"
                and (_in_metric(token, verb, {"nsubj", "nsubjpass"}) or _how(token, verb))
                and not any(_when(word, verb) for word in [token, *token.ancestors])]
    elif own_clause:
        said = [token for child in group.children if child.dep_ in {"relcl", "acl"} and child.i > group.i
                and not any(word.like_num for word in child.subtree)  # "…, of which 120 were referred"
                for token in child.subtree if not token.is_punct]
    said = [token for token in said if token.i not in figure and not any(
        word.dep_ == "prep" and (word.lower_ in _ASIDES or _dates(word))
        for word in [token, *token.ancestors] if word.i > group.i)]
    while said and (said[-1].is_punct or said[-1].pos_ == "CCONJ"):
        said = said[:-1]  # "were in university and"; but "looked after" keeps its "after"
    kept = {token.i for token in said}
    if not any(not token.is_stop and token.is_alpha for token in said) or any(  # a parse gone astray: words
            token.i not in kept and token.i not in figure and token.dep_ not in _LEFT_OUT  # missing between
            for token in group.doc[said[0].i:said[-1].i]):
        return text
    words = [word for word in text.split() if not own_clause or word.lower() not in _PRONOUNS | _HEDGES]
    return " ".join([*words, _printed(said[:_MOST_WORDS - len(words)])])


_WHEN = {"now", "currently", "subsequently", "also", "still", "recently", "already", "then", "previously", "again",
         "additionally", "only", "just", "however", "further", "up", "down"}  # not "returned home", "seen alone"


def _how(word: Token, verb: Token) -> bool:
    """An adverb of the verb that says how or where ("returned home", "not seen regularly")."""
    return word.dep_ == "advmod" and word.head.i == verb.i and word.lower_ not in _WHEN


def _when(word: Token, verb: Token) -> bool:
    """An adverb of the verb that says when, or holds another figure ("…, up from 62% in 2022")."""
    return word.dep_ == "advmod" and word.head.i == verb.i and (
        word.lower_ in _WHEN or any(inner.like_num for inner in word.subtree))


def _dates(prep: Token) -> bool:
    """"in March", "during 2022": a preposition whose objects are all dates (not "within 20 days")."""
    objects = [word for word in prep.children if word.dep_ == "pobj"]
    return bool(objects) and all(any(inner.lower_ in MONTHS or _YEAR.fullmatch(inner.text) for inner in [
        word, *(child for child in word.children if child.dep_ in {"compound", "nummod", "amod"})]) for word in objects)


_TEN_THOUSAND = {"10,000", "10000"}  # the population a rate is per


def _is_per_10000(word: Token) -> bool:
    """The "per" of "per 10,000" (or the "in" of "in every 10,000"): a rate, not a count."""
    return _ten_thousand(word) is not None


def _ten_thousand(word: Token) -> Token | None:
    """The "10,000" of a rate whose first word is `word`: "per 10,000", "in every 10,000", "for every 10,000"."""
    doc = word.doc
    if word.lower_ == "per":
        ten = word.i + 1
    elif word.lower_ in {"in", "for"} and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "every":
        ten = word.i + 2
    else:
        return None
    return doc[ten] if ten < len(doc) and doc[ten].text in _TEN_THOUSAND else None


def _per_10000(noun: Token) -> Token | None:
    """The "per 10,000 [population]" a noun's figure is a rate of, printed just after it or after its own
    few words ("59 children in care per 10,000", "our rate of 59 children in care per 10,000", "we have 59
    children in care per 10,000")."""
    owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    verb = noun.head.children if noun.head.pos_ in {"VERB", "AUX"} else ()  # "we have 118 children in care per 10,000"
    return next((word for word in (*noun.subtree, *owner.children, *verb)
                 if _is_per_10000(word) and 0 < word.i - noun.i <= 4), None)


def _rated_before(token: Token) -> Token | None:
    """"36 children per 10,000 (209)": the noun whose rate the bracketed count restates."""
    doc = token.doc
    if token.i < 3 or doc[token.i - 1].text != "(":
        return None
    rate = next((word for word in reversed(doc[max(token.i - 4, 0):token.i - 1]) if _is_per_10000(word)), None)
    if rate is None or rate.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return rate.head


# not "spent £4.5 million on agency staff": a cost, not an investment
_SPENDING = {"invest", "commit", "allocate", "put", "contribute"}


def _spent_on(amount: Token) -> str:
    """"invested £1.8 million … in recruitment and retention": money a council put into something,
    measured by what it went on (nothing when that is not said, or is a pronoun: "invested £1.2m in it");
    "£0.9m has been invested in …" too."""
    verb = amount.head
    if amount.dep_ not in {"dobj", "npadvmod", "nsubjpass"} or verb.lemma_.lower() not in _SPENDING:  # "£2.5m" is read as a
        return ""  # noun phrase of its own, "m" hanging from the verb
    into = {"in", "into"} if verb.lemma_.lower() == "put" else {"in", "on", "into"}  # not "put £3m of pressure on"
    if any(child.dep_ == "prep" and child.lower_ == "in" and any(word.lower_ in {"principle", "advance"}
                                                                 for word in child.children) for child in verb.children):
        return ""  # "committed in principle": not yet spent
    below = [word for child in verb.children if child.dep_ == "prep" for word in child.children if word.dep_ == "pobj"]
    prep = next((child for child in (*amount.children, *verb.children, *(child for word in below for child in word.children))
                 if child.dep_ == "prep" and child.lower_ in into  # "over two years in workforce stability"
                 and any(word.dep_ == "pobj" and word.pos_ in {"NOUN", "PROPN"} for word in child.children)), None)
    return "" if prep is None else _printed([verb, *list(prep.subtree)[:8]])


_AVERAGES = {"average", "mean", "median"}


def _clause_metric(figure: Token) -> str:
    """What a figure with no noun of its own measures, read from its clause: the predicate when the
    figure is the subject ("157 (43%) were placed out of borough"; "of whom 66% live out of the area"),
    otherwise the subject ("the average length of care proceedings is 32 weeks"). Nothing when the
    figure hangs in a second, shortened clause ("…, emotional abuse in 27%"), whose subject is not said."""
    if figure.lower_ == "half" or any(child.dep_ == "prep" and child.lower_ == "of" and any(
            noun.lemma_.lower().split("-")[-1] in _NOT_MEASURE for noun in child.children) for child in figure.children):
        return ""  # "over half did so" says too little; "two of the sub-groups" counts the service's parts
    if _parts_of_a_list(figure.doc):
        return ""  # "Of the seven commitments, four are rated green": how a document's list stands
    path = [figure, *figure.ancestors]
    verb_at = next((i for i, token in enumerate(path) if token.pos_ in {"VERB", "AUX"}), None)
    if not verb_at or any(token.dep_ == "conj" and not _restated(token) or token.lower_ in {"by", "towards"}
                          for token in path[:verb_at]):
        return ""  # a second clause, the size of a change ("fell by 90%") or where it heads, not a level
    verb, below = path[verb_at], path[:verb_at]
    if any(token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in {"%", "cent", "percent", *_DURATIONS}
           and token.lemma_.lower() not in _SHARES | _AVERAGES for token in below):
        return ""  # the figure belongs to a noun the rules above did not take as its measure; not "an average
        # of 14 weeks"
    by_predicate = below[-1].dep_ in {"nsubj", "nsubjpass"} or _after_of_whom(figure)
    if by_predicate:
        tokens = [token for token in verb.subtree if _in_metric(token, verb, {"nsubj", "nsubjpass"})]
    else:
        subject = clause_subject(verb, joined=False)  # not "…, and in several cases has exceeded £15,000"
        if subject is None or subject.pos_ == "PRON" or subject.lemma_.lower() in _NOT_CHANGED | _NOT_MEASURE \
                and not _time_taken(subject):
            return ""
        if any(token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"} for token in verb.doc[verb.i + 1:figure.i]):
            return ""  # "… in 61% and emotional abuse in 22%": a second subject, listed after the verb
        tokens = [token for token in subject.subtree if _in_metric(token, subject, set())]
    words = [token for token in tokens if not token.like_num and token.text != "%"]
    if by_predicate and sum(1 for token in words if not token.is_stop) < 2:
        return ""  # "only two were highlighted": too little said of what was counted
    return _printed(words[:10])


def _time_taken(subject: Token) -> bool:
    """"The time to find a placement", "the time taken to allocate", "the time between referral and
    plan": how long something takes is a measure, though "time" alone is not."""
    return subject.lemma_.lower() == "time" and any(
        child.dep_ in {"acl", "relcl"} or child.dep_ == "prep" and child.lower_ in {"for", "between", "from"}
        for child in subject.children)


def _parts_of_a_list(doc: Doc) -> bool:
    """A sentence opening "Of the ten actions in the plan, …": it counts the parts of what a document lists."""
    opening = next((token for token in doc if not (token.like_num or token.is_punct)), None)
    return opening is not None and opening.lower_ == "of" and opening.dep_ == "prep" and any(
        word.dep_ == "pobj" and word.lemma_.lower() in _LISTED_ITEMS for word in opening.children)


# what a plan or a report lists: how many of them stand where is its progress, not a result for children
_LISTED_ITEMS = {"action", "commitment", "recommendation", "priority", "objective", "aim", "ambition", "pillar",
                 "principle", "theme", "milestone", "measure", "target"}


_PART_WORDS = {"them", "these", "those", "whom"}
_PART_ENDS = {",", ";", ".", ":", "(", "-", "–"}


def _parts_counted(doc: Doc, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """A part of a count printed after it, with what sets it apart: "recruited 41 social workers, 15 of
    them through Step Up", "trained 560 staff, including 150 from schools", "23 young people have stayed
    there and 16 of them have returned home": a count of its own, of the whole's measure and those words;
    not "including two youth workers", which names its own noun (read as a figure of its own if at all)."""
    parts = []
    for token in doc:
        value = _number(token.text)
        after = token.i + 1
        if value is None or value < 2 or after >= len(doc):
            continue  # "including one in custody": one child, not a count
        if token.i >= 2 and doc[token.i - 1].lower_ in {"in", "of"} and (
                _number(doc[token.i - 2].text) is not None or doc[token.i - 2].lower_ == "out"):
            continue  # the whole of a share: "one in twenty of them"
        if doc[after].lower_ == "of" and after + 1 < len(doc) and doc[after + 1].lower_ in _PART_WORDS:
            after += 2  # "15 of them through …"
        elif not (token.i > 0 and doc[token.i - 1].lower_ == "including" and doc[after].pos_ in {"ADP", "PRON"}
                  and doc[after].lower_ != "of"):
            continue  # "including 150 from schools", "including nine who …"; not "including 20 of our care leavers"
        whole = next((outcome for outcome in reversed(found) if outcome.unit == "count" and outcome.value is not None
                      and outcome.char_start - offset < token.idx and outcome.value > value), None)
        if whole is None or any(outcome.value == value and outcome.char_start - offset == token.idx for outcome in found):
            continue
        words = []
        for word in doc[after:]:
            if word.text in _PART_ENDS or word.lower_ == "and" and word.i + 1 < len(doc) and doc[word.i + 1].like_num:
                break
            words.append(word)
        if words:
            text = f"{whole.metric_text} {_printed(words[:8])}"
            parts.append(OpenOutcome(whole.kind, text, metric_key(text), value, None, "count", offset + token.idx,
                                     offset + token.idx + len(token.text)))
    return parts


def _after_of_whom(figure: Token) -> bool:
    """"…, of whom 66% live out of the area": the figure is what the relative clause says of its group."""
    start = figure.left_edge.i
    return start >= 2 and figure.doc[start - 1].tag_ in _RELATIVE_PRONOUNS and figure.doc[start - 2].lower_ == "of"


def _restated(token: Token) -> bool:
    """The same figure another way, in brackets: "261 (or 54.8%) live outside the area"."""
    start = token.left_edge.i
    return start >= 2 and token.doc[start - 1].lower_ == "or" and token.doc[start - 2].text == "("


_SHARES = {"majority", "minority", "proportion", "percentage", "share", "number", "total", "half", "third", "quarter"}
_RELATIVE_PRONOUNS = {"WP", "WDT", "WP$"}  # "whom", "which", "whose"
# dependencies that leave a clause's metric: a relative clause, an aside, a second clause, "of whom"
_CLAUSE_EDGES = {"relcl", "advcl", "acl", "mark", "appos", "npadvmod", "punct", "aux", "auxpass", "det"}


def _in_metric(token: Token, top: Token, edges: set[str]) -> bool:
    """`token` hangs from `top` by no dependency in `edges` or _CLAUSE_EDGES, nor through a second verb
    or a relative pronoun, and is not an adverb of the clause's own verb ("subsequently")."""
    if token.dep_ == "advmod" and token.head.i == top.i:
        return False
    while token.i != top.i:
        if _infinitive(token) or token.dep_ in {"aux", "auxpass"} and _infinitive(token.head):
            token = token.head
            continue
        if token.dep_ in edges or token.dep_ in _CLAUSE_EDGES or token.tag_ in _RELATIVE_PRONOUNS \
                or (token.dep_ in {"conj", "cc"} and token.head.pos_ in {"VERB", "AUX"}) \
                or any(child.tag_ in _RELATIVE_PRONOUNS for child in token.children if token.dep_ == "prep"):
            return False
        token = token.head
    return True


def _infinitive(token: Token) -> bool:
    """"returned to be looked after": an infinitive the verb goes on into, part of what it says."""
    return token.dep_ in {"advcl", "xcomp"} and token.pos_ in {"VERB", "AUX"} \
        and any(child.dep_ in {"aux", "auxpass"} and child.lower_ == "to" for child in token.children)


_BASELINE = re.compile(r"^\W*(?:this|that) (?:is|was|represents) (?:an? (?:\w+ )?(?:increase|reduction|decrease|rise|"
                       r"fall|drop|improvement)|(?:\w+ )?unchanged|up|down) (?:from|on|compared with) "
                       r"(?:both )?(?:the )?",
                       re.IGNORECASE)
# "This is lower than the 112 per 10,000 recorded a year before": a year gone by, in the clause, and no comparison group
_THAN_BEFORE_BASELINE = re.compile(rf"^\W*this is (?:\w+ )?(?:lower|higher|fewer|more|less) than (?:the )?"
                                   rf"(?=\d(?:[^,;]|,\d)*?\b(?:(?:19|20)\d\d|ago|before|earlier|previously|last year)\b)"
                                   rf"(?!(?:[^,;]|,\d)*\b(?:{COMPARISON_GROUPS}|average)\b)", re.IGNORECASE)
# "In March 2023 the figure was 22%.", "Three years ago it was 31.", "The figure for the same group when they joined was
# 51%, a rise of 21 percentage points.": what the previous sentence's figure was then
_THEN = (rf"(?:{PAST}|when\s+(?:they|it|we|the\s+\w+)\s+(?:joined|started|began|arrived|opened)|at\s+(?:the\s+)?(?:start|"
         rf"outset|beginning|baseline))")
_FIGURE_WAS = re.compile(rf"^\W*(?:(?:{PAST}|before\s+(?:the|its|our|this)\s+[\w-]+(?:\s+[\w-]+)?),?\s+(?:the|that|this|it)"
                         rf"(?:\s+{FIGURE_NOUN})?|(?:the|that)\s+{FIGURE_NOUN}"
                         rf"(?:\s+for\s+(?:the\s+same|these|those|this|that)\s+[\w-]+(?:\s+[\w-]+)?)?\s+{_THEN})\s+"
                         rf"(?:was|had\s+been|stood\s+at)\s+{HEDGE}"
                         rf"(?=[\w,.]+?(?:\s*%|\s*per 10,000)?(?:,\s+an?\s+(?:rise|fall|increase|decrease|drop|reduction|"
                         rf"improvement)\s+of\s+[^.;,]+)?\W*$)", re.IGNORECASE)
# one earlier figure: "374", "374 (64.0 per 10,000)", "26 per 10,000 (152)", "13%", "four", "the ten children"
_EARLIER = re.compile(r"(?P<first>\d[\d,]*(?:\.\d+)?|[a-z]+)(?P<first_unit>\s*%|\s*per 10,000)?"
                      r"(?:\s*\((?P<second>\d[\d,]*(?:\.\d+)?)(?P<second_unit>\s*per 10,000)?[^)]*\))?", re.IGNORECASE)
_NEXT_EARLIER = re.compile(r"[^.;]*?\band (?:from )?", re.IGNORECASE)


def baseline_of(sentence: str) -> list[dict[str, float]] | None:
    """"This is an increase from 374 (64.0 per 10,000) at 31 March 2013", "That is up from 81": the previous sentence's
    figures were these before, by unit; "from both 403 per 10,000 (2,341) at … and 489 per 10,000
    (2,017) at …" gives two earlier points."""
    match = _BASELINE.search(sentence) or _FIGURE_WAS.search(sentence) or _THAN_BEFORE_BASELINE.search(sentence)
    if not match or match.re is _THAN_BEFORE_BASELINE and elsewhere(sentence[match.end():]):
        return None  # "… than the 112 recorded in Bradford", "… than the 52 we expected"
    points: list[dict[str, float]] = []
    at = match.end()
    while (earlier := _EARLIER.match(sentence, at)) is not None:
        first, second = _number(earlier.group("first")), earlier.group("second")
        if first is None:
            break
        first_unit = (earlier.group("first_unit") or "count").strip()
        point = {first_unit: first}
        if second:  # the other figure in brackets: a rate beside a count, a count beside a rate
            second_unit = "per 10,000" if first_unit == "count" else (earlier.group("second_unit") or "count").strip()
            point[second_unit] = float(second.replace(",", ""))
        points.append(point)
        following = _NEXT_EARLIER.match(sentence, earlier.end())
        if following is None:
            break
        at = following.end()
    return points or None


_SPELLED = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))  # the longest first: "nineteen", not its "nine"
_LATER = re.compile(rf"^\W*(?P<when>(?:(?:by|in|at|since|after)\s+(?:the\s+end\s+of\s+)?(?:{'|'.join(sorted(MONTHS))}|"
                    rf"(?:19|20)\d\d|(?:last|this|the) (?:year|spring|summer|autumn|winter|quarter))\b[^.;,]{{0,20}}?|"
                    rf"(?:this|last)\s+(?:year|spring|summer|autumn|winter|quarter|month)|today|now|currently|"
                    rf"(?:by|at)\s+the\s+(?:end|close)\s+of\s+(?:the|its|our|their)\s+[a-z]+|"  # "By the end of the …"
                    rf"(?:after|following|since|with|thanks\s+to)\s+(?:[^.;]|\.\d){{0,200}}?,"
                    rf"(?=\s+(?:that|this|the)\s+{FIGURE_NOUN}\b)),?\s+)?"
                    rf"(?:(?:that|this|the) {FIGURE_NOUN}|(?:that|this) (?P<waited>wait|waiting time|delay)|"
                    rf"(?:that|this|it)"
                    rf"(?=\s+(?:ha[sd]\b|(?:is|was)\s+(?:now\s+)?down\s+to\b|is\s+now\s+up\s+to\b))|(?P<it>it)(?=['’]s\b|\s+is\b))\b[^.;A-Z]{{0,20}}?"
                    rf"\b(?P<now>now )?(?:stands at|is(?P<is_now> now)?|['’]s(?P<now_after> now)?|(?:is |was )(?:now )?down to|is now up to|"
                    rf"(?:has |had )?(?:since |now )?(?:fallen|fell|dropped|risen|rose|increased|decreased|reduced|grown|"
                    rf"come down|gone up) to)\s+{HEDGE}(?P<v>{AMOUNT}|(?:{_SPELLED})(?=\s+(?:days?|weeks?|months?)\b))"
                    rf"(?P<r>{PER_10000})?", re.IGNORECASE)


_TIME_AFTER = re.compile(r"\s*(years?|months?|weeks?|days?|hours?|old)\b", re.IGNORECASE)
BARE = "bare"  # the unit of a later value printed as a number alone ("It is now 17."): the earlier figure's


def later_value_of(sentence: str) -> tuple[float, str] | None:
    """"That figure now stands at 12 per cent": the previous sentence's figure, later; its value and
    unit (BARE for a number alone). Only "that"/"this" figure, "the figure", "that" or "it" with nothing
    between ("Today the figure is 17%", "that had fallen to 17%", "It's now 17%", "It is now 17"): "The number in
    care is now 1,650" may be another metric's; never a comparison group's ("the figure nationally is 18%")."""
    match = _LATER.search(sentence)
    if not match or re.search(rf"\b(?:{COMPARISON_GROUPS}|average)\b", match.group(0), re.IGNORECASE) or (
            match.group("it") and not (match.group("when") or match.group("now") or match.group("is_now")
                                        or match.group("now_after"))):
        return None  # "it is 15%" only with a time: "Today it's 15%", "It's now 17%"
    rest = sentence[match.end():]
    if elsewhere(rest) or re.match(rf"\s*(?:in|out of)\s+(?:\d|{'|'.join(NUMBER_WORDS)})\b", rest, re.IGNORECASE):
        return None  # "that had fallen to 12% in Kirklees", "Today it's 1 in 5 families"
    amount = parse_amount(match.group("v"))
    waited = _TIME_AFTER.match(rest) if amount.unit == "count" else None
    if waited is not None and match.group("waited") and waited.group(1).lower() != "old":
        return amount.value, waited.group(1).lower().rstrip("s") + "s"  # "that wait had come down to nine days"
    if waited is not None:
        return None  # "it is now 2 years old", "it is now 3 weeks until …": how long, not the figure's later value
    if match.group("r"):
        return amount.value, "per 10,000"
    return amount.value, BARE if amount.unit == "count" and re.match(r"\s*(?:[.;,)]|$)", rest) else amount.unit


def aside(sentence: str) -> bool:
    """A sentence wholly in brackets: a note on the figures, not a figure of the text."""
    return bool(_ASIDE.fullmatch(sentence))


_ASIDE = re.compile(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\W*")


def _number(text: str) -> float | None:
    text = text.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return float(_WORDS[text]) if text in _WORDS else None


# a scorecard's or dashboard's line: a label and its figure, with the figure before it in brackets or after "down
# from": "Vacancy rate: 14 per cent (Quarter 1: 21 per cent).", "Children in care, rate per 10,000: 61 (66)",
# "Agency social workers: 19, down from 27."
# the time an earlier figure in brackets is of: "(Quarter 1: 81 per cent)", "(2022/23: 44%)", "(last year: 12)"
_MONTH_NAME = rf"(?:{'|'.join(sorted(m.capitalize() for m in MONTHS))})"
_PERIOD_LABEL = (rf"(?:Q[1-4]|Quarter\s+[1-4]|(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|(?:last|previous)\s+(?:year|quarter)|"
                 rf"{_MONTH_NAME}(?:\s+(?:19|20)\d\d)?)")
_LABELLED = re.compile(
    rf"^\s*\W{{0,3}}(?:\(?[a-z0-9]{{1,3}}[.)]\s+)?(?P<label>[A-Z][^:\n\t]{{2,90}}?)"
    r"(?:(?<!\d):|:(?=\s)|\t(?=[^\t]*$))\s*(?:now\s+)?"  # not a clock's "21:40"; a two-column row's one tab
    rf"(?P<value>{AMOUNT})"
    r"(?:\s*(?P<unit>per\s+10,000|(?:working\s+)?days|weeks|months|hours|years))?(?:\s+(?!(?:in|at|on|by)\b)[a-z]+|\s+[FW]TE)?"
    rf"(?:\s+(?:at|on|by|in)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+)?{_MONTH_NAME}(?:\s+(?:19|20)\d\d)?)?"  # "9% at 31 March"
    rf"(?:\s*\((?:(?P<period>{_PERIOD_LABEL}):\s*)?(?!(?:19|20)\d\d\b)(?P<before>{AMOUNT})\)"
    rf"|\s*\((?:(?:compared\s+(?:with|to)|was|were)\s+(?P<was>{AMOUNT})|(?P<was_share>\d+(?:\.\d+)?%))\s+(?:in|at)\s+"
    rf"(?P<then_period>{_PERIOD_LABEL})\)"
    rf"|\s*\((?:was|were)\s+(?P<was_alone>{AMOUNT})\)"  # "(was 11% in 2022)", "(64% in Q1)", "(was 11%)"
    rf"|,?\s+(?:down|up)\s+from\s+(?P<from>{AMOUNT})(?:\s*per\s+10,000)?(?:\s+in\s+(?:19|20)\d\d(?:[/-]\d\d)?"
    r"|\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:year|quarter)\s+before|(?:\w+\s+)?years?\s+ago))?"
    rf"|\s*\((?:down|up)\s+from\s+(?P<bracketed_from>{AMOUNT})\)"  # "365 (down from 448)"
    r"|\s*\([^()\n]{1,40}\)"  # anything else in brackets says nothing of before: "(England: 70)", "(12 vacant)"
    rf"|\s+in\s+[A-Z][a-z]+(?:\s+\d{{4}})?,\s*(?P<later>{AMOUNT})(?:\s+in\s+(?P<then>[A-Z][a-z]+(?:\s+\d{{4}})?))?"
    r"|,\s*(?:still|above|below|versus|slightly|well|in\s+line)\b[^\n]*"
    r"|,\s*(?P<rest>(?:against|compared|up|down|and|or|of\s+wh(?:ich|om)|roughly|around|about|nearly|almost|some|including)\b"
    r"[^\n]*))?\s*[.;]?\s*$")
# a list line naming a measure, its figure in brackets after it: "Changes of social worker (15 per cent, down from 24
# per cent)", "Disagreement with a decision (21%)"; a share, or a count said to have moved, not "Communication (6)"
_BRACKETED_LABEL = re.compile(rf"^\s*\W{{0,3}}(?P<label>[A-Z][^:()\n]{{2,90}}?)\s*\((?P<value>{AMOUNT})"
                              rf"(?:,\s*(?:down|up)\s+from\s+(?P<from>{AMOUNT}))?\)\s*[.;]?\s*$")
# a note's measure and its figure, with no verb: "Agency share 14 per cent.", "Average caseload 13."
_NOTED = re.compile(rf"^\s*\W{{0,3}}(?P<label>[A-Z][a-z]+(?:\s+[a-z][a-z'’-]*){{0,4}}?)\s+(?P<value>{AMOUNT})"
                    r"(?:\s*(?P<unit>per\s+10,000|(?:working\s+)?days|weeks|months))?\s*\.?\s*$")
# a meeting's record or a plan, labelled as a list of outcomes is: "Present: 7", "Carried: 5", "Expected: 40"
_PROCEDURE = {"present", "absent", "apologies", "excused", "elected", "attended", "attending", "abstained", "carried",
              "declared", "seconded", "agreed", "noted", "deferred", "withdrawn", "planned", "expected", "estimated",
              "projected", "proposed", "required", "quorate", "quorum"}
_MEASURES = {"rate", "rates", "turnover", "caseload", "caseloads", "share", "proportion", "percentage", "vacancy",
             "vacancies", "average"}
# a document's own parts, or pay and prices, named before a bracketed share: "Section 4 (12%)", "Pay award (4%)"
_NOT_A_MEASURE = re.compile(r"^\W*(?:Section|Appendix|Annex|Table|Figure|Chart|Item|Page|Part)\b|"
                            r"\b(?:pay|uplift|inflation|weighting|price|cost|salary|salaries|fee|fees)\b",
                            re.IGNORECASE)
_NOT_OURS_LABEL = re.compile(rf"\b(?:{COMPARISON_GROUPS}|average\s+for|target|budget|forecast|page|tel|telephone|"
                             r"version|ref|date|ages?|postcode|standstill|contract|tender|deadline)\b|"
                             r"(?:^\W*|\b(?:total|grant|amount)\s+)award(?:ed)?\s*$",  # "Total award:", not "the Arts Award"
                             re.IGNORECASE)


def measure_of_label(label: str, unit: str, printed_unit: str | None = None) -> tuple[str, str]:
    """A label as a measure's words (without a closing "(%)") and its bare number's unit as the label (or the words
    after it) names it: "Rate per 10,000: 61", "Children in care (rate/10k)  58", "Re-referrals (%): 19", "Average
    days to adoption: 365", "… : 12 working days", "… : 3.1 years"."""
    words = re.sub(r"\s*\((?:%|per cent)\)\s*$", "", label).strip()
    named_unit = re.sub(r"\s+", " ", printed_unit or next(iter(re.findall(r"(?:per |/ ?)10(?:,000|k)\b|%|per cent",
                                                                                label)), ""))
    counted_in = re.match(r"(?:(?:average|mean|median)\s+(?:number\s+of\s+)?)?(?:working\s+)?(days|weeks)\b", label,
                          re.IGNORECASE)
    named_unit = named_unit or (counted_in.group(1).lower() if counted_in else "")
    if unit != "count" or not named_unit:
        return words, unit
    last = named_unit.split()[-1]
    if named_unit.endswith(("10,000", "10k")):
        return words, "per 10,000"
    return words, "%" if named_unit in {"%", "per cent"} else _DURATIONS.get(last, last)


def _a_noted_measure(label: list[Token]) -> bool:
    """Whether the words before a note's figure name a measure of the service: a measure word and another word, with
    nothing but nouns after a first adjective ("Agency share", "Average caseload"); not "Section 4", "Average number
    12", "Vacancy rate down 4%", "Average caseload last year 16", "Average house price £310,000", "Caseloads are 19"."""
    words = {token.lower_ for token in label}
    return len(label) >= 2 and bool(words & _MEASURES) and bool(
        words - {"average", "number", "figure", "rate", "share", "proportion", "percentage"}) \
        and all(token.pos_ in {"NOUN", "PROPN"} or token.i == label[0].i and token.pos_ == "ADJ" for token in label) \
        and not _NOT_A_MEASURE.search(" ".join(words)) and not words & {"maximum", "minimum", "limit", "cap", "year"}


@dataclass
class _Labelled:
    """A label's figure, and where the words after it start when they are a clause to read as any sentence's
    ("Referrals: 1,146, up 31%", "Vacancy rate: 9%, compared with 16% a year earlier")."""
    outcomes: list[OpenOutcome]
    rest: int | None


def labelled_figure(doc: Doc, offset: int) -> _Labelled | None:
    """The figure of a line that is a label and its figure (None for any other sentence): a level, or a change from
    the figure bracketed or "down from" after it; not a comparison group's, a target or a budget, nor a table's row
    whose label names only a place and a time ("North Tyneside 2023-24: 27%"), nor a year."""
    match = _LABELLED.match(doc.text) or _BRACKETED_LABEL.match(doc.text) or _NOTED.match(doc.text)
    if match is not None and match.re is _NOTED and not _a_noted_measure(
            [token for token in doc if match.start("label") <= token.idx < match.end("label")]):
        return None
    words = doc.char_span(match.start("label"), match.end("label"), alignment_mode="expand") if match else None
    if match is None or words is None or _NOT_OURS_LABEL.search(match["label"]) or _YEAR.fullmatch(match["value"]) \
            or not any(token.pos_ == "NOUN" or token.is_lower and token.is_alpha and len(token) > 2
                       or token.pos_ == "ADJ" or token.tag_ == "VBN" for token in words) \
            or match["label"].strip().lower() in _PROCEDURE:
        return None  # but a list of how things ended has adjectives: "Substantiated: 31", "Malicious: 1"
    if match.re is _BRACKETED_LABEL and (
            any(token.pos_ in {"VERB", "AUX"} and token.tag_ != "VBN" for token in words) or len(words) < 2
            or _NOT_A_MEASURE.search(match["label"]) or not match["from"] and parse_amount(match["value"]).unit != "%"):
        return None  # "Referrals rose (15%)" is a sentence; "Communication (6)", "Quality (60%)" say too little
    printed: dict[str, Any] = {**dict.fromkeys(_LABELLED.groupindex), **match.groupdict()}  # the bracketed label has
    # only some of the groups
    amount = parse_amount(printed["value"])
    if amount.unit == "points":
        return None
    label, unit = measure_of_label(printed["label"], amount.unit, printed["unit"])
    outcome = OpenOutcome("level", label, metric_key(label), amount.value, None, unit, offset + match.start("value"),
                          offset + match.end("value"))
    earlier = next((printed[group] for group in ("before", "from", "bracketed_from", "was", "was_share", "was_alone")
                    if printed[group] is not None), None)
    before = parse_amount(earlier) if earlier is not None else None
    if before is not None and before.unit in {amount.unit, "count"}:
        outcome.changed_from(before.value, printed["period"] or printed["then_period"])
    later = parse_amount(printed["later"]) if printed["later"] is not None else None  # "64% in June, 92% in September"
    if later is not None and later.unit == amount.unit:
        outcome.char_start, outcome.char_end = offset + match.start("later"), offset + match.end("later")
        outcome.value, outcome.period = later.value, printed["then"]
        outcome.changed_from(amount.value)
    return _Labelled([outcome], match.start("rest") if printed["rest"] else None)


# a recommendation a decision record or committee report puts: "2.1 To approve capital spending of £1.15m …"
_A_DECISION_SOUGHT = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?To\s+(?:approve|agree|authorise|authorize|delegate|allocate|"
                                r"release)\b")  # not "To note that 84% of assessments were on time"


# what may stand between a change's size and its two ends told as one move: "halved, from 8 to 4", "halved over the
# quarter, from eight children to four", "halved in 2023, from 30% to 15%", "halved our reliance on agency staff, from
# 32% to 16%"; not another clause's ("halved as caseloads fell from 24 to 17", "…, with vacancies going from 40 to 22")
_SAME_MOVE = re.compile(r"(?:(?!\b(?:and|but|while|whereas|with|as|because|when)\b)[^;]){0,80}")


def find_open_outcomes(doc: Doc, offset: int, taken: set[tuple[float, str]]) -> list[OpenOutcome]:
    """Levels, counts and changes in one parsed sentence; `taken` holds (value, unit) a controlled outcome
    already gives."""
    if _DEMOGRAPHIC.search(doc.text) or NOT_THE_COUNCIL.search(doc.text) or _A_DECISION_SOUGHT.match(doc.text):
        return []  # an area's people, a service "run by the NHS trust, not the council", or "To approve £1.15m …"
    labelled = labelled_figure(doc, offset)
    if labelled is not None and labelled.rest is None:
        return [outcome for outcome in labelled.outcomes if (outcome.value, outcome.unit) not in taken]
    if any(token.dep_ in {"nsubj", "nsubjpass"} and token.lemma_.lower() == "inspector" for token in doc):
        return []  # "inspectors visited two houses": the inspection's own tally
    if labelled is None and (not any(token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT" and {"nsubj", "dobj"} <= {
            child.dep_ for child in token.children} for token in doc) or _contents_line(doc)):
        return []  # a heading or a contents line, whose numbers are pages and grades; but "The scheme cost £138,000"
        # has a verb the tagger calls a noun
    found: list[OpenOutcome] = []
    skipped = ranges(doc.text)  # character spans of figures read already (a change, a baseline, a share) or spreads
    if labelled is not None and labelled.rest is not None:
        skipped.append((0, labelled.rest))  # the label and its figure, read already
    spelled_until = -1  # the last word of a number spelled out in several words, read at its first
    shares, unread = _shares(doc, offset)
    for share, span in shares:
        found.append(share)
        skipped.append(span)
    skipped += unread
    whole_change = from_to(doc.text)
    while whole_change is not None and of_a_budget(doc, whole_change[0].start("a")):
        whole_change = from_to(doc.text, whole_change[0].end())  # "the overspend fell from £8.2m to £3.1m, and …"
    changes = _changes_by(doc, offset, taken)
    if whole_change is not None:  # "halved, from 58 to 29" and "fell by 18%, from 812 to 666" are one change
        told_twice = size_printed_before(doc.text, whole_change)
        skipped += [told_twice] if told_twice is not None else []
        change = _open_change(doc, offset, taken, whole_change)
        read = [told_twice or (0, 0), (whole_change[0].start(), whole_change[0].end())]
        read += [span for _, span in changes if _SAME_MOVE.fullmatch(doc.text, span[1], whole_change[0].start())]
        stated = stated_share(doc.text, whole_change) if change is not None else None
        read += [(stated.start(), stated.end())] if stated is not None else []
        # another clause's change by its size stays: "Rent arrears have halved, and waits came down from 19 weeks to 8"
        changes = [(outcome, span) for outcome, span in changes
                   if not any(span[0] < end and start < span[1] for start, end in read)]
        changes += [change] if change is not None else []
        if change is not None and stated is not None:  # "…, a reduction of almost 25%": its size as printed, too
            outcome = change[0]
            size, size_unit = signed_change(share_words(stated), outcome.direction)
            if (round(abs(size), 2), size_unit) not in taken:
                changes.append((OpenOutcome("change", outcome.metric_text, outcome.metric_key, None, None, None,
                                            offset + stated.start(), offset + stated.end(), direction=outcome.direction,
                                            change=round(size, 2), period=outcome.period, change_unit=size_unit),
                                (stated.start(), stated.end())))
    for outcome, span in changes:
        found.append(outcome)
        skipped.append(span)
    baselines = baselines_after(doc.text)
    skipped += [(baseline.start, baseline.end) for baseline in baselines]
    for token in doc:
        if any(start <= token.idx < end for start, end in skipped):
            continue
        if token.i > 1 and doc[token.i - 1].text == "-" and _hyphenated(doc[token.i - 2]) is not None \
                or token.i <= spelled_until:
            continue  # the "eight" of "sixty-eight", read at "sixty"; the "ten" of "four hundred and ten"
        spelled = _spelled_out(token)
        hyphenated = _hyphenated(token)
        value = spelled[0] if spelled else hyphenated or _number(token.text)
        if value is None or token.ent_type_ == "ORDINAL" or _not_a_figure(token) \
                or token.ent_type_ == "TIME" and not _an_average_time(token) \
                or (_dated(token) and not _a_duration(token)):
            continue
        first = counted = token.i  # the figure's first word; the word the parser hangs the counted noun on
        if spelled:
            counted, spelled_until = token.i + 1, spelled[1]  # "hundred"
            token = doc[spelled[1]]
        elif hyphenated:
            token = doc[token.i + 2]
            counted = token.i
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        if following is not None and (following.lower_ in PARTS and doc[following.i + 1:following.i + 2].text.lower()
                                      not in {"form", "former", "formers"}  # not "two sixth formers"
                                      or following.text in {"-", "–"} and token.i + 2 < len(doc)
                                      and doc[token.i + 2].lower_ in PARTS):
            continue  # the "two" of "two thirds" or "two-thirds", read as a share or not at all
        if following is not None and following.lower_ == "of" and doc[token.i + 2:token.i + 3].text.lower() == "us":
            continue  # "Four of us went to Kirklees": the writers themselves, not a result
        if token.lower_ == "one" and first == token.i and not _after_of_whom(token):
            continue  # "one child in particular"; but "…, of whom one returned home" counts
        if before is not None and (before.is_title and any(not word.is_punct for word in doc[:before.i])
                                   or before.lower_ in _LABELS and not (
                following is not None and following.lower_ in {"%", "per", "percent"} or _a_time_before(before)
                or _a_phrase_of_its_own(before, token))):
            continue  # "Chat 2 Change", "Act 1989", "Good 2", "stage two assessments"; not "in the year 29%", "This
            # year 64 young people were matched", "- Migrated 38,000 case records" (a list line's first word)
        if before is not None and before.text == "." and before.i > 0 and doc[before.i - 1].lower_ == "no":
            continue  # "case study no. 7"
        if _compared_with_others(token):
            continue  # "39% higher", "5% above that of all pupils": a difference from others, not a level
        if first > 0 and doc[first - 1].lower_ in {"the", "these", "those"}:
            continue  # "the two virtual school heads", "these three young people": things already known, not a count
        if following is None or following.is_punct and following.i == len(doc) - 1 and token.i > 0 and \
                doc[token.i - 1].is_title:
            continue
        if following is not None and following.text in {"-", "–"}:
            continue  # an age or a range ("16-", "5–10")
        if _in_a_spread(doc, first, token):
            continue  # "a group of six to ten households": a spread, not a count
        unit, noun, spent = "count", None, ""
        if before is not None and (before.lower_ == "per" or before.lower_ == "every" and before.i > 0
                                   and _ten_thousand(doc[before.i - 1]) == token):
            continue  # the 10,000 of "per 10,000", "in every 10,000"
        if before is not None and before.lower_ in _WORDS and token.lower_ in _WORDS:
            continue  # read with the word before it
        if following is not None and following.lower_ in _WORDS and token.lower_ in _WORDS and value >= 20:
            value += _WORDS[following.lower_]  # "twenty five": the parse hangs on "five"
            token = following
            counted = token.i
            following = doc[following.i + 1] if following.i + 1 < len(doc) else None
            if following is None:
                continue
        last = token  # the figure's last word
        if following is not None and following.lower_ in {"pound", "pounds"}:
            unit, last = "£", following  # "ten thousand pounds"
            noun = _of_object(following) or _measured_subject(token)
            spent = "" if noun is not None else _spent_on(token)
        elif before is not None and before.text == "£":
            scale = SCALES.get(following.lower_.rstrip(".")) if following is not None else None
            anchor = following if scale and following is not None else token  # "£2.4 million": read at "million"
            unit, value, first, last = "£", round(value * (scale or 1), 2), before.i, anchor
            # "£2.4m of investment", "the contract sum is £78.6m", "a £3,000 retention payment"
            noun = _of_object(anchor) or _measured_subject(anchor) or (
                anchor.head if anchor.head.pos_ == "NOUN" and anchor.head.i != anchor.i else None)
            spent = _spent_on(anchor)  # "invested £2.4m of its own money … in workforce stability": a count
        elif _is_per_10000(following):
            unit = "per 10,000"
            ten = _ten_thousand(following)
            # "56 per 10,000 children"
            after_rate = doc[ten.i + 1] if ten is not None and ten.i + 1 < len(doc) else None
            noun = token.head if token.head.pos_ == "NOUN" and token.head.i != token.i else \
                after_rate if after_rate is not None and after_rate.pos_ == "NOUN" else (
                    _measured_subject(token) or following)
        elif following is not None and (following.text == "%" or following.lower_ == "percent" or following.lower_ == "per"
                                      and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "cent"):
            unit = "%"
            # "31% of posts": the noun after "of"; "31% are": the subject
            of = next((child for child in following.subtree if child.lower_ == "of"), None) or next(
                (child for child in token.head.children if child.lower_ == "of"), None)
            objects = [child for child in (of.children if of is not None else []) if child.dep_ == "pobj"]
            # "turnover remains at 21 per cent", "… at 30%"
            noun = objects[0] if objects else _measured_subject(following if following.text in {"%", "percent"} else token)
        elif (timed := _duration_unit(token)) is not None:
            unit, noun = _DURATIONS[timed.lower_], None
        elif (rated := _rated_before(token)) is not None:
            noun = rated  # the count in brackets after a rate: "36 children per 10,000 (209)"
            if not any(child.dep_ == "nummod" for child in rated.children):
                unit = "per 10,000"  # no rate before it: "the rate per 10,000 (93)" is the rate
        elif (averaged := _averaged(doc[counted])) is not None:
            noun = averaged  # "caseloads average 18 children": the caseloads, not the children
        elif doc[counted].head.pos_ in {"NOUN", "PROPN"} and (doc[counted].dep_ in {"nummod", "appos"}
                                                               or _opening_in_words(doc[counted], first)):
            noun = doc[counted].head  # "30 social workers"; "a high number of children (529)"; "Eleven children were …"
            if noun.dep_ == "compound" and noun.tag_ == "NN" and noun.head.tag_ == "NNS" or noun.dep_ == "poss":
                noun = noun.head  # "54 care leavers", "four children’s homes": the number read as the first word's
            if (noun.lower_ in _NOT_MEASURE or noun.lemma_.lower() in _NOT_MEASURE) and not _done_and_counted(noun) \
                    or _a_persons_own(noun) or _one_persons_many(noun):
                continue  # "whose two children", "her three brothers", "four different social workers": one family's
            if _where_it_went(noun, first):
                continue  # "recruited 22 social workers across two cohorts": the 22 is the count
            if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in {"visit", "tour"} and noun.lemma_.lower() in _STAFF:
                continue  # "Two heads of service visited Camden": who went to learn; but "200 families visited the hub"
            if _per_10000(noun) is not None:
                unit = "per 10,000"  # the rate printed first: "36 children and young people per 10,000"
        elif token.dep_ == "dobj" and token.head.lemma_ in _STAFFING and (part := _of_object(token)) is not None \
                and not any(word.dep_ == "nummod" for word in part.children):
            noun = part  # "trained 38 of its social workers": the workers, so many of them; not "30 of its 90"
        elif (brought := _brought_to(token) or _moved_to(token)) is not None:
            noun = brought  # "…, bringing the active pool to 92", "Complaints rose to 42": where it stands now
            if any(_is_per_10000(word) for word in noun.subtree):
                unit = "per 10,000"  # "The number of children we look after per 10,000 has fallen to 33"
        elif (subject := _measured_subject(token)) is not None:
            noun = subject  # "average caseloads are 15", "stood at 24", "referrals totalled 3,412"
            if _per_10000(noun) is not None:
                unit = "per 10,000"  # "the rate per 10,000 is now 52"
        elif token.dep_ not in {"nsubj", "nsubjpass"}:
            continue  # a figure that is a clause's subject ("32 live in …") is read from its clause below
        if (value, unit) in taken:
            continue
        if noun is None and unit not in _DURATIONS.values():
            noun = next((ancestor for ancestor in token.ancestors if ancestor.pos_ == "NOUN"), None)
        text = _phrase(noun, last, first) if noun is not None and noun.text != "%" else ""
        if noun is not None and noun.lower_ in {"cent", "percent"}:
            text = _clause_metric(token) or text  # the clause's subject before the unit's own "per cent"
        if noun is not None and noun.lemma_.lower() == "time":  # "the panel sat 21 times": how often it sat
            text = _printed([*(word for child in noun.head.children if child.dep_ == "nsubj" for word in child.subtree
                               if word.dep_ != "det"), noun.head])
        bare = _bare_group(text)
        if noun is not None and (bare or unit == "%" and noun.dep_ == "pobj" and noun.head.lower_ == "of"):
            # "two children lived in …"; "90% of reviews were completed on time": the share's measure
            text = _said_of(noun, text, range(first, last.i + 2 if unit == "%" else last.i + 1), bare)
        if text.lower() in _PRONOUNS:
            text = _clause_metric(token) or text  # "…, of which 12 (27%) were out of borough"
        if len(text) < 3:
            text = spent or _clause_metric(token)
        if len(text) < 3:
            continue
        verb = next((ancestor for ancestor in token.ancestors if ancestor.pos_ == "VERB"), None)
        kind = "count" if spent or unit == "count" and verb is not None and verb.lemma_ in _COUNT_VERBS and verb.tag_ in {
            "VBD", "VBN"} and not _held_steady(verb) else "level"
        found.append(OpenOutcome(kind, text, metric_key(text), value, None, unit, offset + token.idx,
                                 offset + token.idx + len(token.text)))
    found += _parts_counted(doc, offset, found)
    # a negated clause states no figure, but "does not operate any homes" counts none
    found = _none_counted(doc, offset) + [
        outcome for outcome in found if _stated(doc, outcome.char_start - offset)
        and not _of_a_comparison_group(doc, outcome.char_start - offset, outcome.char_end - offset)
        and not _parts_of_the_service(doc, outcome.char_start - offset)
        and not _an_age_or_a_capacity(doc, outcome.char_start - offset, outcome.unit)
        and not _one_persons(doc, outcome.char_start - offset) and not _still_to_come(doc, outcome.char_start - offset)
        and not _not_a_result(doc, outcome.char_start - offset, outcome)
        and not (outcome.unit == "count" and _of_those_heard(doc.text, outcome.char_start - offset))]
    if labelled is not None:
        found = [outcome for outcome in labelled.outcomes if (outcome.value, outcome.unit) not in taken] + found
    for outcome in found:
        # "85% now, compared with about 60% in 2018", "16%, down from 33%": a baseline, not a comparison group
        baseline = baseline_for(doc.text, baselines, outcome.char_start - offset, outcome.unit)
        if outcome.kind != "change" and baseline is not None:
            outcome.changed_from(baseline.value, baseline.period)
    found = _used_to(doc.text, offset, _ours_after_theirs(doc.text, offset, _dated_pair(doc.text, offset, _times_before(
        doc.text, offset, _shares_moved(doc.text, offset, _shares_then_now(doc.text, offset, found))))))
    found = _was_and_is(doc.text, offset, found + _moved_by(doc.text, offset, found) + _moved_then(doc.text, offset, found,
                                                                                                  taken))
    return found + _ranks(doc, offset, found)


_A_NUMBER = rf"(?:\d+|{_SPELLED})"
_A_SHARE = (rf"(?!(?:19|20)\d\d\b)(?P<{{0}}>{_A_NUMBER})\s+(?:(?!{_A_NUMBER}\b)[a-z]+\s+)?(?:in|out\s+of)\s+"
            rf"(?:every\s+)?(?P<{{1}}>{_A_NUMBER})")
# a share then and the same one now: "one in six carers left; this year it was closer to one in eleven", "…, and today it
# is about one in twelve"; not "…; now nine in ten say they would recommend it" (another measure)
_SHARES_THEN_NOW = re.compile(rf"\b{_A_SHARE.format('parts', 'whole')}\b[^.]{{0,100}}?\b(?:now|today|this\s+year|currently|"
                              rf"by\s+(?:the\s+end\s+of\s+)?\w+(?:\s+\d{{4}})?),?\s+(?:it|this|that|the\s+(?:figure|rate|"
                              rf"share|proportion))\s*(?:is|was|['’]s|stands\s+at|has\s+(?:fallen|risen)\s+to|fell\s+to|rose\s+to)"
                              rf"\s+(?:(?:about|around|roughly|nearly|almost|closer\s+to|just|only|under|over)\s+)*"
                              rf"{_A_SHARE.format('parts_now', 'whole_now')}\b", re.IGNORECASE)


def _shares_then_now(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """Two shares in words a time apart, the later said "now", "this year" or "by March": one change."""
    match = _SHARES_THEN_NOW.search(text)
    if match is None:
        return found
    numbers = [_number(match[name]) or 0.0 for name in ("parts", "whole", "parts_now", "whole_now")]
    then = next((outcome for outcome in found if outcome.char_start == offset + match.start("parts")), None)
    if then is None or then.unit != "%" or not all(0 < numbers[i] < numbers[i + 1] for i in (0, 2)):
        return found
    now = OpenOutcome("level", then.metric_text, then.metric_key, share_of(numbers[2], numbers[3]), None, "%",
                      offset + match.start("parts_now"), offset + match.end("whole_now"))
    now.changed_from(then.value or 0.0)
    return [outcome for outcome in found if outcome is not then and not (
        now.char_start <= outcome.char_start < now.char_end)] + [now]


# a share in words ("one in five", "a third", "nearly half") moving to another: "down from roughly a third of the
# workforce to about one in five", "who once made up nearly half the workforce, are now down to about one in five"
_WORDS_SHARE = rf"(?:{_A_NUMBER}\s+(?:[a-z]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?{_A_NUMBER}|{FRACTION})"  # "one worker in five"
_HEDGED = (r"(?:(?:about|around|roughly|nearly|almost|just\s+over|just\s+under|over|under|some|closer\s+to|"
           r"(?:fewer|less|more)\s+than)\s+)?")
_OF_WHOM = r"(?:\s+(?:of\s+)?(?:the\s+|its\s+|our\s+|their\s+)?(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)?"
_SHARES_MOVED = re.compile(
    rf"\b(?:from\s+{_HEDGED}(?P<then>{_WORDS_SHARE}){_OF_WHOM}\s+to\s+|(?:once|previously|formerly)\s+(?:made\s+up|"
    rf"accounted\s+for|were|was|stood\s+at)\s+{_HEDGED}(?P<once>{_WORDS_SHARE}){_OF_WHOM},?\s+(?:are|is|have|has)\s+"
    rf"(?:now\s+)?(?:down|up|fallen|risen|dropped)\s+to\s+)(?:now\s+)?{_HEDGED}(?P<now>{_WORDS_SHARE})\b", re.IGNORECASE)


def _shares_moved(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """A share in words moving to another ("from roughly a third of the workforce to about one in five"): one
    change of the measure either share was read as, in place of the two levels."""
    match = _SHARES_MOVED.search(text)
    if match is None:
        return found
    then_group = "then" if match.group("then") else "once"
    then, now = share_in_words(match.group(then_group)), share_in_words(match.group("now"))
    spans = [(offset + match.start(group), offset + match.end(group)) for group in (then_group, "now")]
    read = [outcome for outcome in found if any(start <= outcome.char_start < end for start, end in spans)]
    named = next((outcome for outcome in reversed(read) if outcome.unit == "%"), None)
    if then is None or now is None or then == now or named is None:
        return found
    moved = OpenOutcome("level", named.metric_text, named.metric_key, round(now, 2), None, "%", *spans[1])
    moved.changed_from(round(then, 2))
    return [outcome for outcome in found if outcome not in read] + [moved]


_OURS = re.compile(r"\bours\s+(?:is|was|stands\s+at|is\s+now|now\s+stands\s+at)\s+(?:(?:about|around|roughly|just)\s+)?"
                   r"(?P<value>\d[\d,.]*)", re.IGNORECASE)


def _ours_after_theirs(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """"The North East has the highest rate in England, at about 110 per 10,000; ours is 96": the levels
    before "ours" are what ours is set against, and ours is a level of the same measure."""
    match = _OURS.search(text)
    ours = next((outcome for outcome in found if match and outcome.char_start == offset + match.start("value")), None)
    if match is None or ours is None:
        return found
    theirs = [outcome for outcome in found if outcome.kind == "level" and outcome.char_end <= offset + match.start()]
    unit = _THEIR_UNIT.findall(text, 0, match.start())
    if theirs:
        ours.unit, ours.metric_text, ours.metric_key = theirs[-1].unit, theirs[-1].metric_text, theirs[-1].metric_key
    elif unit:  # theirs a comparison group's, read as none: "The regional average is 22%, and ours is 18"
        ours.unit = "per 10,000" if "10" in unit[-1] else "%"
    ours.kind = "level"
    if theirs and _OUR_OWN.search(text, 0, match.start()):  # "Last year our rate was 24%; this year ours is 19%"
        assert ours.value is not None and theirs[-1].value is not None
        ours.changed_from(theirs[-1].value)
        theirs = theirs[-1:]
    return [outcome for outcome in found if all(outcome is not their for their in theirs)]


_OUR_OWN = re.compile(r"\b(?:we|us)\b|\bour\b(?!\s+(?:statistical\s+|nearest\s+)?neighbou?r)", re.IGNORECASE)
_THEIR_UNIT = re.compile(r"%|per ?cent\b|percent\b|per 10,?000\b", re.IGNORECASE)


# the size of a move printed after a level, at the end of its clause: "62% of care leavers are in education,
# employment or training, up 9 percentage points on 2022", "412 carers, down 30"; not "up 1 in 5", "up 2 places"
_MOVED_BY = re.compile(rf",\s*(?P<direction>up|down)\s+(?:by\s+)?(?P<size>\d+\.\d+|{_A_NUMBER})"
                       r"(?:\s*(?P<points>percentage points?|points?)|\s*(?P<percent>%|per ?cent)|"
                       r"(?=\s*(?:[,.;)]|$|(?:on|since|from|compared|over)\b)))", re.IGNORECASE)


def _moved_by(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """A level (or a change from a baseline printed later) followed by the size of its move ("Some 62% of care
    leavers are in education, employment or training, up 9 percentage points"), with no other figure found between:
    that change too, of the same measure, by its size only."""
    moves = []
    for outcome in found:
        moved = _MOVED_BY.search(text, outcome.char_end - offset)
        if outcome.value is None or moved is None or any(
                outcome.char_end <= other.char_start < offset + moved.start() for other in found):
            continue
        direction = moved.group("direction").lower()
        written = moved.group("size").lower()
        size = float(NUMBER_WORDS[written] if written in NUMBER_WORDS else written)  # "up six points", "up 9 points"
        if outcome.kind == "change" and (outcome.change is None or abs(abs(outcome.change) - size) < 1):
            continue  # the same move told twice; but "61%, up 15 points on Q1 and compared with 38% in 2022" is two
        unit = "points" if moved.group("points") or outcome.unit == "%" and not moved.group("percent") else (
            "%" if moved.group("percent") else outcome.unit)
        moves.append(outcome.moved(direction, size if direction == "up" else -size, unit,
                                   offset + moved.start("size"), offset + moved.end()))
    return moves


# a count set against an earlier one as a multiple: "more than double the 19 approved in 2022", "about four times as
# many as in 2020/21", "more than double the previous year"
_TIMES_BEFORE = re.compile(
    r"[^.;]{0,60}?,?\s+(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+|around\s+|over\s+|roughly\s+)?"
    r"(?P<times>double|twice|treble|triple|(?:two|three|four|five|ten)\s+times)\s+(?:as\s+many\s+as\s+|the\s+number\s+of\s+)?"
    r"(?:the\s+(?!(?:19|20)\d\d\b)(?P<before>\d[\d,]*)\b(?=[^.;,]{0,40}?\b(?:(?:in|during)\s+(?:19|20)\d\d|last\s+year|"
    r"(?:a|the)\s+year\s+(?:before|earlier)|(?:the\s+)?(?:previous|prior)\s+year|previously)\b)|"
    r"(?:in\s+)?(?:the\s+)?(?:previous|last|prior)\s+year|"
    r"(?:in\s+|the\s+)?(?:19|20)\d\d(?:/\d\d)?(?:\s+(?:figure|total|level))?|"
    r"(?:the\s+year|a\s+year|two\s+years|three\s+years)\s+(?:before|earlier|ago))", re.IGNORECASE)


def _times_before(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """A count or level followed by the multiple it is of an earlier one: a change from the earlier figure where
    it is printed, else a change by its size ("about four times as many": up 300%)."""
    kept = list(found)
    for outcome in found:
        multiple = _TIMES_BEFORE.match(text, outcome.char_end - offset)
        if multiple is None or outcome.kind == "change" or outcome.value is None or any(
                outcome.char_end <= other.char_start < offset + multiple.start("times") for other in found):
            continue
        kept = [other for other in kept  # the "four" of "four times" is the multiple, not a count
                if not offset + multiple.start("times") <= other.char_start < offset + multiple.end("times")]
        if multiple.group("before") is not None:
            outcome.changed_from(float(multiple.group("before").replace(",", "")))
        else:
            word = multiple.group("times").split()[0].lower()  # "double", "twice", "treble", "four (times)"
            size = MULTIPLYING.get("double" if word == "twice" else word) or 100.0 * (NUMBER_WORDS[word] - 1)
            kept.append(outcome.moved("up", size, "%", offset + multiple.start("times"), offset + multiple.end()))
    return kept


def _moved_then(text: str, offset: int, found: list[OpenOutcome], taken: set[tuple[float, str]]) -> list[OpenOutcome]:
    """A level printed after the size of its move ("Dental checks are up 9 percentage points, to 86%"): that
    change too, of the same measure, by its size only."""
    before_level = {offset + match.end(): match for match in MOVED_BY_THEN_TO.finditer(text)}
    moves = []
    for outcome in found:
        moved = before_level.get(outcome.char_start)
        if outcome.kind == "change" or outcome.value is None or moved is None:
            continue
        size, unit = moved_size(moved)
        read = any(other.kind == "change" and other.char_start < offset + moved.end("c")  # "fell by 6 points": read
                   and offset + moved.start("c") < other.char_end for other in found)  # already
        if (abs(size), unit) not in taken and not read:
            moves.append(outcome.moved("down" if size < 0 else "up", size, unit, offset + moved.start("c"),
                                       offset + moved.end("c")))
    return moves


_DATED = rf"(?:(?:{'|'.join(sorted(MONTHS))})\s+)?(?P<year{{0}}>(?:19|20)\d\d)"  # "in March 2024", "in 2019"
_DATED_PAIR = re.compile(rf"(?P<a>\d[\d,]*(?:\.\d+)?)(?P<unit_a>\s*%|\s*per ?cent)?[^.;\d]{{0,60}}?\s+in\s+{_DATED.format('_a')}"
                         rf"\s*,?\s+and\s+(?:to\s+)?(?P<b>\d[\d,]*(?:\.\d+)?)(?P<unit_b>\s*%|\s*per ?cent)?\s+in\s+"
                         rf"{_DATED.format('_b')}\b", re.IGNORECASE)


def _dated_pair(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """"38% of the workforce in March 2024 and 26% in December 2024", "48% in 2021 and 57% in 2024": one
    measure at two times, a change from the earlier to the later (of the first figure's measure)."""
    match = _DATED_PAIR.search(text)
    if match is None or int(match.group("year_a")) > int(match.group("year_b")) or (
            bool(match.group("unit_a")) != bool(match.group("unit_b"))):
        return found
    first = next((outcome for outcome in found if outcome.char_start == offset + match.start("a")), None)
    if first is None or first.kind == "change" or first.value is None or first.unit is None:
        return found
    later = _number(match.group("b"))
    if later is None or later == first.value:
        return found
    kept = [outcome for outcome in found if outcome is not first
            and outcome.char_start != offset + match.start("b")]
    moved = OpenOutcome("level", first.metric_text, first.metric_key, later, None, first.unit,
                        offset + match.start("b"), offset + match.end("b"))
    moved.changed_from(first.value, f"{match.group('year_a')} to {match.group('year_b')}")
    return kept + [moved]


_WAS_AND_IS = re.compile(rf"\b(?:was|were)\s+{HEDGE}(?P<was>\d)(?P<when>(?:[^.;]|\.\d){{0,60}}?)\s(?:and|but)\s+"
                         rf"(?:it\s+|they\s+)?(?:is|are|stands? at|(?:ha(?:s|ve)\s+)?(?:fallen|fell|dropped|risen|rose|"
                         rf"increased|decreased|reduced|(?:came|come|gone|went)\s+(?:down|up)) to)\s+(?:now\s+)?{HEDGE}"
                         rf"(?P<is>\d)", re.IGNORECASE)
# "Agency staffing, which had peaked at 28 per cent, now sat at 11 per cent": a level then, and one now
_THEN_NOW = re.compile(rf"\b(?:had\s+(?:peaked|stood|been|reached|risen|climbed)|peaked)\s+(?:at\s+)?{HEDGE}(?P<was>\d)"
                       rf"(?P<when>(?:(?!\b(?:but|while|whereas|average|across)\b)[^.;]){{0,80}}?)\bnow\s+(?:stands?|sits?|sat|stood|is|are|was|were)\s+(?:at\s+)?{HEDGE}"
                       r"(?P<is>\d)", re.IGNORECASE)
_A_TIME = re.compile(rf"(?:19|20)\d\d|\b(?:{'|'.join(sorted(MONTHS))}|last year|ago|previously|quarter)\b",
                     re.IGNORECASE)


_PERCENT_AT = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.IGNORECASE)
_COUNT_AT = re.compile(r"(?P<value>\d{1,3}(?:,\d{3})*|\d+)(?!\s*(?:%|per\b|[\d.,]))")


def _was_and_is(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """"The number in care was 617 at 31 March and is 598": two dated levels of one thing, a change
    (a time beside the first: not "caseloads were 18 in one team and are 14 in another"), or what "had peaked
    at 28%" and "now" stands at."""
    match = _WAS_AND_IS.search(text)
    if match is None or not _A_TIME.search(match.group("when")):
        match = _THEN_NOW.search(text)
    if match is None:
        return found
    was = next((outcome for outcome in found if outcome.char_start == offset + match.start("was")), None)
    now = next((outcome for outcome in found if outcome.char_start == offset + match.start("is")), None)
    if now is None and was is not None and was.unit in {"%", "count"}:  # "were 24% in 2021/22 and came down to 18%"
        printed = (_PERCENT_AT if was.unit == "%" else _COUNT_AT).match(text, match.start("is"))
        if printed is not None and not _GROUP_AFTER.match(text, printed.end()):  # not "… to 18% nationally"
            now = replace(was, value=_number(printed.group("value")), char_start=offset + printed.start(),
                          char_end=offset + printed.end())
            found = [*found, now]
    if was is None or now is None or was.unit != now.unit or was.value is None or "change" in (was.kind, now.kind):
        return found
    now.metric_text, now.metric_key = was.metric_text, was.metric_key
    now.changed_from(was.value)
    return [outcome for outcome in found if outcome is not was]


# "assessments, which used to take about 26 weeks, now average 16": a level then, and the one now
_USED_TO = re.compile(rf"\bused\s+to\s+(?:be|take|stand\s+at|sit\s+at|average|run\s+at)\s+{HEDGE}(?P<was>\d[\d,]*(?:\.\d+)?)"
                      rf"\s*(?P<unit>%|per\s?cent\b|days?\b|weeks?\b|months?\b|hours?\b)?(?:(?!\band\b)[^.\d]){{0,40}}?\b(?:now\s+"
                      rf"(?:(?:average|stand|sit|take|run)s?\s+(?:at\s+)?|(?:(?:it|they)\s+)?(?:is|are)\s+)?|(?:is|are)\s+now\s+)"
                      rf"{HEDGE}(?P<is>\d)", re.IGNORECASE)


# or after it: "in an average of 34 days, which is better than the 45 it used to be"
_USED_TO_AFTER = re.compile(rf"\b(?:than|from|below|above|under|over)\s+(?:the\s+)?{HEDGE}(?P<was>\d[\d,]*(?:\.\d+)?)"
                            r"\s*(?P<unit>%|per\s?cent\b)?\s+(?:it|they|that)\s+used\s+to\s+be\b", re.IGNORECASE)


def _used_to(text: str, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """A level now set against what it "used to" be earlier in the sentence (or, after it, "than the 45 it used to
    be"): a change, in the earlier figure's unit where the later one prints none ("used to take 26 weeks, now average
    16", "which stood at 140 in June, has since fallen to 35")."""
    match = _USED_TO.search(text) or STOOD_THEN_MOVED.search(text)
    after = _USED_TO_AFTER.search(text) if match is None else None
    if after is not None:  # the figure just before, in the same clause, with no other figure between
        now = max((outcome for outcome in found if outcome.char_start < offset + after.start()),
                  key=lambda outcome: outcome.char_start, default=None)
        between = text[now.char_end - offset:after.start()] if now is not None else ""
        if now is None or re.search(r"\d|;|\b(?:and|but|though|although|while|whereas)\b", between) \
                or after.group("unit") is not None and now.unit != "%":
            return found
        match = after
    elif match is None:
        return found
    else:
        now = next((outcome for outcome in found if outcome.char_start == offset + match.start("is")), None)
    if now is None or now.value is None or now.value_from is not None:
        return found
    unit = match.group("unit")
    was_unit = None if unit is None else "%" if unit[0] in "%pP" else _DURATIONS[unit.lower()]
    if was_unit is not None and now.unit == "count":
        now.unit = was_unit
    if (was_unit or "count") != now.unit and not (was_unit is None and now.unit in _DURATIONS.values()):
        return found  # "which stood at 712 …, is now 10%": another measure, or a difference
    now.changed_from(float(match.group("was").replace(",", "")))
    return [outcome for outcome in found if outcome.char_start != offset + match.start("was")]


# a printed rank among others or over time: "now the best in the South West", "the second lowest turnover among its
# statistical neighbours", "the lowest of the seven metropolitan councils", "the lowest they have been for six years"
_RANK = re.compile(
    rf"(?:(?<!\bof )(?<!\bamong )\bthe\s+|\bnow\s+|\bis\s+)(?:(?P<order>second|third|fourth|fifth)[- ])?(?P<most>{'|'.join(RANK_WORDS)})\b"
    r"(?P<what>(?:\s+(?!in\b|of\b|among\b|for\b)[\w'’-]+){0,5}?)\s+(?:(?:in|across)\s+(?:the\s+)?(?:region|country|"
    rf"england|{_REGION}|(?:north|south|east|west|central)\s+london)\b|(?:of|among|amongst)\s+(?:the\s+|its\s+|our\s+|"
    r"any\s+|all\s+)?(?:[\w-]+\s+){0,4}?(?:neighbours|councils?|authorities|boroughs|counties|cities|areas)\b|"
    r"nationally\b|(?:that\s+)?(?:it|they|we)\s+ha(?:s|ve)\s+been\s+(?:for|since|in)\b)", re.IGNORECASE)
# what a rank is of, when named between its word and its group: "the lowest social worker turnover among …"
_RANKED = _MEASURES - {"average"} | {
    "timeliness", "performance", "performing", "use", "figure", "figures", "score", "scores", "result", "results",
    "stability", "fall", "rise", "reduction", "improvement", "level", "levels", "number", "record", "time", "times",
    "wait", "waits"}
_WAS_RANKED = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+\s+){0,2}$|\bago\b[^.;]*$", re.IGNORECASE)
_AIMING = re.compile(r"\b(?:aims?|ambitions?|wants?|goals?|targets?|hopes?|strive|plans?|will|would|could|should|"
                     r"want(?:ed)?\s+to)\b[^.;]*$", re.IGNORECASE)
_ORDERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
           "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
# a place printed among others: "we rank second of the ten councils", "ranks ninth of 15 councils in the North West",
# "ranked 4th out of 11 statistical neighbours", "we rank third in the region"
_PLACED = re.compile(rf"\b(?:rank(?:s|ed)?|placed|came)\s+(?:now\s+)?(?P<most>(?P<order>{'|'.join(_ORDERS)})|"
                     r"(?P<number>\d{1,3})(?:st|nd|rd|th))(?P<what>)\s+(?:(?:of|out\s+of|among|amongst)\s+(?:the\s+)?"
                     rf"(?:\d+|[a-z]+)\b|(?:in|across)\s+(?:the\s+)?(?:region|country|england|{_REGION})\b"
                     r"|nationally\b)",
                     re.IGNORECASE)


def _ranks(doc: Doc, offset: int, found: list[OpenOutcome]) -> list[OpenOutcome]:
    """A rank the sentence prints of the council's figure now, among England's regions, the country or a group of
    councils (a level of 1, 2, …), where no other figure of the sentence is read at its words; not an aim ("we
    want to be the best in the region"), a rank once held ("was the highest in 2019"), nor a superlative of
    something no measure names ("the largest city in the South West")."""
    ranks, text = [], doc.text
    for match in [*_RANK.finditer(text), *_PLACED.finditer(text)]:
        start, end = offset + match.start("most"), offset + match.end()
        what = match.group("what").split()
        if what and what[-1].lower() not in _RANKED or _AIMING.search(text, 0, match.start()) \
                or _WAS_RANKED.search(text, 0, match.start()) or re.match(r"\s+in\s+(?:19|20)\d\d", text[match.end():]) \
                or any(outcome.char_start < end and start < outcome.char_end for outcome in found):
            continue
        word = _figure_at(doc, match.start("most"))
        subject = _subject_of_clause(word) if word is not None else None
        words = text[match.start("most"):match.end()]
        measured = _printed([token for token in subject.subtree if token.dep_ not in {"det", "punct"}
                             and token.lower_ not in {"our", "its", "their"}][:8]) if subject is not None else ""
        named = f"{measured} rank: {words}".strip()
        place = int(match["number"]) if match.re is _PLACED and match["number"] else _ORDERS.get(
            (match["order"] or "").lower(), 1)
        ranks.append(OpenOutcome("level", named, metric_key(named), float(place), None, "rank", start, end))
    return ranks


_INTENDING = {"aim", "plan", "intend", "promise", "hope", "expect", "want", "seek", "forecast", "project", "propose",
              "assume", "pencil", "earmark", "budget"}  # "has pencilled in £3m for a new home": money set aside
_FORECASTS = {"projection", "forecast", "modelling"}  # "current projections indicate savings of £1.6 million"
_AIMED = AIM_NOUNS | {"intention", "aspiration"}  # "our ambition is to reach 80%"
# "the projected overspend"; not "planned" (a planned move is not an emergency one) nor "expected" (a standard)
_FORESEEN = {"propose", "project", "forecast", "anticipate", "budget"}
_INTENDED = _INTENDING | _AIMED | {"proposal", "bid"}  # nouns whose infinitive is still to be done
_METHOD = {"survey", "interview", "sample", "questionnaire", "focus", "consultation", "analysis", "conversation"}
# "Members will recall that …", "as you will know, …": a modal of what readers know, not of what is to come
_RECALLED = {"recall", "remember", "know", "note", "recognise", "recognize", "appreciate"}


def _figure_at(doc: Doc, start: int) -> Token | None:
    """The word a figure starting `start` characters into the sentence begins at."""
    return next((token for token in doc if token.idx >= start), None)


_PRICED = {"be", "average", "stand", "remain"}
_PER_UNIT = re.compile(r"\s*(?:m|k|bn|million|thousand)?\s*(?:a|an|per|each)\s+(?:week|night|day|month|year|placement|"
                       r"child|young person|head|family|case)\b|\s*(?:m|k|bn|million|thousand)?\s*each\b", re.IGNORECASE)


def _a_price(figure: Token) -> bool:
    """A price, what something costs a week, a year or each, not what was done: "placements costing £6,000 a
    week", "The cost of extending the service is £600,000 a year", "The cost of a placement averages £960 a
    week"; but what a programme cost is what was spent on it ("The programme cost £4.1m a year"), and a total
    ("placement costs stood at £6.2m") is a level."""
    if not _PER_UNIT.match(figure.doc.text, figure.idx + len(figure.text)):
        return False  # a total ("Placement costs stood at £6.2m"), not a price
    verb = next((token for token in figure.ancestors if token.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and (verb.lemma_.lower() == "cost" and verb.tag_ != "VBD" or verb.lemma_ in _PRICED and any(
        child.dep_ == "nsubj" and child.lemma_.lower() == "cost" for child in verb.children))


def _stated(doc: Doc, start: int) -> bool:
    """Whether the figure at `start` (characters into the sentence) is stated as a result: not in a
    negated clause ("has not reduced to 10%", though "has not reduced, and remains at 21%" states the
    21), nor in one that plans, hopes or forecasts ("aims to bring agency use below 8%", "will open
    four homes", "may recruit 15", "is forecasting an overspend of £6.8 million, of which £5.9 million…"),
    nor a count of how a study was made ("a survey of 212 practitioners", "interviews with 38 parents and
    14 young people", what the writer did: "I met 120 staff") or of the parts a service was divided into
    ("restructured into six teams"), nor a budget ("The budget for 2024/25 is £41.6m", "an overspend of £4.2m"),
    nor a number in words someone says ("'… they'd had four, five social workers,' she said")."""
    figure = _figure_at(doc, start)
    if figure is None:
        return True
    if instruction(doc) or figure.dep_ == "nummod" and _foreseen(figure.head) or a_budget(figure) or _spoken(figure) \
            or _a_price(figure):
        return False  # a recommendation ("Agree to establish … up to four homes"), "four proposed hubs"
    verb = next((token for token in (figure, *figure.ancestors) if token.pos_ in {"VERB", "AUX"}), None)
    doer = verb
    while doer is not None and doer.dep_ == "conj" and not any(child.dep_ == "nsubj" for child in doer.children):
        doer = doer.head  # "I have visited the teams and spoken with 34 children"
    if doer is not None and doer.lemma_.lower() in _INQUIRING and any(
            child.dep_ == "nsubj" and (child.text == "I" or child.lower_ == "we" and doer.lemma_.lower() in _STUDYING)
            for child in doer.children) and not (verb is not None and verb.lemma_ in _COUNT_VERBS
                                                 and figure.head.dep_ == "dobj" and figure.head.head.i == verb.i):
        return False  # the writer's own tally, like an inspector's; not "I recruited 30 social workers", nor "we
        # interviewed 41 adopters and approved 28 families"
    if any(node.lower_ == "for" and node.head.lemma_ == "look" for node in figure.ancestors):
        return False  # "We are looking for three team managers": sought, not there
    if verb is not None and verb.lemma_ == "respond":
        return False  # "Some 118 staff responded, around 55% of the workforce": a survey's sample
    if verb is not None and any(word.lower_ == "hopefully" for child in verb.children
                                for word in (child, *(child.children if child.dep_ == "prep" else ()))):
        return False  # "we are opening two homes, hopefully by spring"
    if verb is not None and any(child.dep_ == "neg" for child in verb.children) and not any(
            child.dep_ in {"nsubj", "nsubjpass"} and child.left_edge.i <= figure.i <= child.right_edge.i
            for child in verb.children):
        return False  # but "12% of care leavers are not in education" measures who is not
    while verb is not None and verb.pos_ in {"VERB", "AUX"}:
        if verb.lemma_.lower() in _INTENDING or verb.lemma_.lower() not in _RECALLED and any(
                child.tag_ == "MD" for child in verb.children) or any(
                child.dep_ in {"nsubj", "nsubjpass"} and (child.lemma_.lower() in _FORECASTS or _foreseen(child) or (
                    child.lemma_.lower() in _AIMED and verb.lemma_ == "be"
                    and any(word.dep_ == "xcomp" for word in verb.children)) or (
                    child.lemma_.lower() in AIM_NOUNS and verb.lemma_ in _STAND_AT | {"be"}))
                for child in (*verb.children, clause_subject(verb, joined=False)) if child is not None):
            return False  # "our ambition is to reach 80%", "the target remains 15%", "The target, agreed …, is 12%"
        goes_on = verb.dep_ in {"xcomp", "ccomp", "advcl", "acl", "relcl", "prep", "pobj"} or (
            verb.dep_ == "conj" and verb.tag_ == "VB" and not any(child.dep_ in {"nsubj", "nsubjpass"}
                                                                  for child in verb.children)) or any(
            word.lower_ == "which" and word.head.lower_ == "of" for word in verb.subtree if word.i < verb.i)
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in _INTENDED:
            return False  # "the council's plan to open two homes", "a bid to create three hubs"
        if verb.dep_ in {"acl", "relcl"}:  # a clause about a noun: on to the verb that noun hangs from
            verb = next((node for node in verb.ancestors if node.pos_ in {"VERB", "AUX"}), None)
        else:
            verb = verb.head if goes_on and verb.head.i != verb.i else None  # "plans to open… and (to) recruit 50"
    if any(node.pos_ == "NOUN" and (node.lemma_.lower() in AIM_NOUNS or _a_plan_to_do(node))
           for node in figure.ancestors):
        return False  # "set itself a target of getting agency use down to 12%", "plans for two new homes"
    building = next((token for token in figure.ancestors if token.pos_ == "VERB"), None)
    if building is not None and building.tag_ == "VBG" and building.lemma_ in _UNDER_WAY and any(
            child.dep_ == "aux" and child.lower_ in {"is", "are", "'re", "’re"} for child in building.children):
        return False  # "we are building two homes": not there yet
    noun = figure.head  # "a survey of 212 practitioners", "into six teams"
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "interviews with 38 parents and 14 young people"
    study = noun.head.head if noun.dep_ == "pobj" else None
    return not (noun.dep_ == "pobj" and (noun.head.lower_ == "into" or noun.head.lower_ in {"of", "with"} and (
        study is not None and any(word.lemma_.lower() in _METHOD for word in (study, *study.children)
                                  if word.i == study.i or word.dep_ == "compound"))))


_PLANS = {"plan", "proposal"}
_PEOPLE_MET = {"worker", "professional", "person", "people", "carer", "manager", "officer", "placement", "practitioner"}


def _one_persons_many(noun: Token) -> bool:
    """"held by four different social workers in eight months": how many someone met, a story's count."""
    return noun.lemma_.lower() in _PEOPLE_MET and any(child.lower_ == "different" for child in noun.children)


def _a_plan_to_do(noun: Token) -> bool:
    """"Plans for two new homes", "a proposal to open three hubs": what is intended; not a child protection plan."""
    return noun.lemma_.lower() in _PLANS and not any(child.dep_ in {"compound", "amod"} for child in noun.children) and any(
        child.dep_ == "prep" and child.lower_ == "for" and not any(  # "plans for 45 children": their care plans
            word.dep_ == "pobj" and word.lemma_.lower() in {"child", "person", "family", "leaver", "people"}
            for word in child.children)
        or child.dep_ in {"acl", "xcomp"} for child in noun.children)
_UNDER_WAY = {"build", "open", "develop", "create", "establish", "recruit", "plan", "prepare"}
_SPOKEN_AT_MOST = 5  # "three different people", "four, five social workers": a story's small numbers


def _spoken(figure: Token) -> bool:
    """A small number written in words inside quoted speech, not a share ("three in ten") nor what was done
    ("recruited eleven carers"): how people tell a story ("meeting three different people in three months"),
    not a figure a document reports; in digits it is reported ("'We had 30,' she said")."""
    if NUMBER_WORDS.get(figure.lower_, _SPOKEN_AT_MOST + 1) > _SPOKEN_AT_MOST:
        return False
    doc = figure.doc
    if figure.i + 1 < len(doc) and doc[figure.i + 1].lower_ in {"in", "out"}:
        return False
    verb = next((word for word in figure.ancestors if word.pos_ == "VERB"), None)
    if verb is not None and verb.lemma_ in _COUNT_VERBS:
        return False
    before = doc.text[:figure.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# what a commissioner or reviewer did to find out
_INQUIRING = {"meet", "speak", "talk", "visit", "sample", "interview", "review", "audit", "observe", "attend", "read",
              "examine", "consult", "hear", "survey", "track", "analyse", "analyze"}
# "we interviewed 46 practitioners", "we spoke with 62 young people": an evaluation's "we"
_STUDYING = {"interview", "survey", "analyse", "analyze", "speak", "talk"}
# the make-up of those a study heard from: "Of the young people we spoke to, 38 were in care", "half of those we spoke to"
_OF_THOSE_HEARD = re.compile(r"\bof\s+(?:those|the\s+[\w' -]{1,40}?)\s+(?:we|I)\s+(?:spoke|talked|met|interviewed|surveyed|"
                             r"heard\s+from)\b", re.IGNORECASE)


def _of_those_heard(text: str, start: int) -> bool:
    """A figure in the clause after "Of the young people we spoke to, …": the make-up of a study's sample."""
    heard = _OF_THOSE_HEARD.search(text)
    if heard is None or start < heard.start():
        return False
    following = re.search(r";|,\s+and\s+(?:the|our|we|it)\b", text[heard.end():])
    return following is None or start < heard.end() + following.start()


def _foreseen(noun: Token) -> bool:
    """"four proposed hubs", "the projected overspend", "the forecast overspend": a noun said to be still to come."""
    return any(child.dep_ == "amod" and child.lemma_.lower() in _FORESEEN
               or child.dep_ == "compound" and child.lemma_.lower() in _FORECASTS for child in noun.children)


# the units a service is organised in: how many it has is its shape, not a result
_UNITS = {"team", "hub", "panel", "council", "board", "group", "unit", "strand", "site", "centre", "cluster", "locality",
          "pod"}
_MORE = {"new", "additional", "extra", "further", "more"}
_ADDING = {"create", "establish", "open", "launch", "set", "fund", "add", "form", "introduce", "commission", "expand"}


def _parts_of_the_service(doc: Doc, start: int) -> bool:
    """"has two children in care councils", "three panels operating in the county", "each manages two
    hubs": how the service is organised; but "created two new teams", "funding for two extra teams" and
    "24 teams were established" are things done."""
    figure = _figure_at(doc, start)
    if figure is None or figure.dep_ != "nummod":
        return False
    if _in_each_unit(figure.head) or _among_roles(figure.head):
        return True  # "pods of five practitioners", "each unit has two social workers": a unit's make-up
    if figure.head.lemma_.lower() not in _UNITS:
        return False
    units = figure.head
    if any(word.lower_ in _MORE for word in units.children):
        return False
    verb = next((node for node in units.ancestors if node.pos_ in {"VERB", "AUX"}), None)
    return verb is None or verb.lemma_.lower() not in _ADDING


_MEMBERS = {"worker", "practitioner", "manager", "staff", "coordinator", "co-ordinator", "assistant", "psychologist",
            "therapist", "clinician", "supervisor", "nurse", "officer", "member", "sergeant", "consultant", "mentor",
            "navigator", "advocate", "lead"}


_STAFF_MOVES = {"hire", "bring", "lose", "leave", "add", "welcome", "join", "gain", "take", "retain", "keep"}


def _among_roles(noun: Token) -> bool:
    """Whether a counted role is listed beside a single one ("a team of family workers, a clinical
    psychologist and two youth workers", "four family workers and a psychologist"): who a team is made
    of; not whom a council hired ("recruited 30 social workers and a principal social worker") nor who
    did something."""
    if noun.lemma_.lower() not in _MEMBERS:
        return False
    top = noun
    while top.dep_ in {"conj", "appos"} and top.head.i != top.i:
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ == "by":
        return False  # "driven by two dedicated SGO workers and a fostering worker": who does it, not a team's make-up
    listed, frontier = [top], [top]
    while frontier:
        frontier = [child for word in frontier for child in word.children if child.dep_ in {"conj", "appos"}]
        listed += frontier
    if not any(word.i != noun.i and word.lemma_.lower() in _MEMBERS and not any(child.like_num for child in word.children)
               and any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in word.children) for word in listed):
        return False
    verb = next((node for node in top.ancestors if node.pos_ == "VERB"), None)
    return verb is None or verb.lemma_.lower() not in _COUNT_VERBS | _STAFF_MOVES



def _in_each_unit(noun: Token) -> bool:
    """Whether a counted noun is what one unit holds: "pods of five practitioners", "each unit has a
    consultant and two social workers"."""
    while noun.dep_ in {"conj", "appos"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.lemma_.lower() not in _MEMBERS:
        return False  # "a group of 15 care leavers", "each team has two vacancies": not who a unit is made of
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in {"pod", "team", "unit"}:
        return True
    verb = noun.head if noun.dep_ in {"dobj", "attr"} else None
    return verb is not None and any(child.dep_ == "nsubj" and child.lemma_.lower() in _UNITS and any(
        word.dep_ == "det" and word.lower_ in {"each", "every"} for word in child.children) for child in verb.children)


_UP_TO = re.compile(r"\b(?:for|tak\w*|accommodat\w*|support\w*|offer\w*|hous\w*|hold\w*|room\s+for|capacity\s+"
                    r"(?:for|of))\s+up\s+to\s+$", re.IGNORECASE)  # what a place can take, not "up to 10 carers have …"


_SERVICE_USERS = {"carer", "family", "child", "adopter", "leaver", "household"}
_ONE_OF_THEM = {"person", "dad", "mum", "mother", "father", "parent", "respondent", "grandparent", "grandmother",
                "grandfather", "girl", "boy", "woman", "man", "teenager", "son", "daughter", "baby", "nephew", "niece",
                "brother", "sister", "aunt", "uncle", "cousin", "grandson", "granddaughter", "husband", "wife"}


def _one_person(word: Token) -> bool:
    """"him" or "her" done to, "my son", "one young person", "one of our carers", "a dad": a single person (not "I",
    who may be a director telling what the service did: "I recruited 30 social workers")."""
    if word.lower_ in {"him", "her"} and word.dep_ in {"dobj", "nsubj"} and not any(
            child.dep_ == "conj" for child in word.children):
        return True  # not "helped him and 40 other young people"
    one = word.tag_ in {"NN", "NNP"} and any(child.lower_ in {"one", "a", "an"} and child.dep_ in {"nummod", "det"}
                                             for child in word.children) and not any(  # not "Twenty-one women",
        child.dep_ == "prep" and child.lower_ in {"in", "out"} and any(  # nor "one family in five"; but "one mother
            word.like_num for word in child.subtree) for child in word.children)  # in our group"
    mine = any(child.dep_ == "poss" and (child.lower_ in {"my", "his", "her"} or child.tag_ == "NN" and child.lemma_.lower()
                                         in _ONE_OF_THEM | {"child"}) for child in word.children)  # "the baby's mother"
    if word.lemma_.lower() == "caseload" and any(child.dep_ == "poss" and child.lower_ in {"my", "his", "her"}
                                                 for child in word.children):
        return True  # "My caseload started at six children": one worker's, not the service's average
    return word.lemma_.lower() in _ONE_OF_THEM and (one or mine) or word.lower_ == "one" and any(
        child.dep_ == "prep" and child.lower_ == "of" and any(
            member.lemma_.lower() in _ONE_OF_THEM | _SERVICE_USERS for member in child.children)
        for child in word.children)  # "one of our carers"; not "one of our hubs", "one of our managers"


def _one_persons(doc: Doc, start: int) -> bool:
    """A figure told of one person, the doer or the one done to in its clause or the clauses above it: "My son has
    been waiting 40 weeks", "One of our carers waited seven weeks", "helped him clear £1,400 of arrears": a story,
    not the service's result."""
    figure = _figure_at(doc, start)
    if figure is None:
        return False
    verbs = []
    for verb in [token for token in figure.ancestors if token.pos_ in {"VERB", "AUX"}][:3]:
        verbs.append(verb)
        if verb.dep_ not in {"xcomp", "conj"}:
            break  # its own clause only: not "I'm told agency use is down to 10%", nor "when a young person …, holding 286"
    def who(child: Token) -> Token:  # "a family … who had waited eleven weeks": the relative clause's person
        return child.head.head if child.tag_ in {"WP", "WDT"} and child.head.dep_ == "relcl" else child

    def a_persons(child: Token) -> bool:  # "a mother whose three children waited …"; not "my team" (a manager's)
        return any(owner.lower_ == "whose" for owner in child.children) and _a_persons_own(child)

    return any(child.dep_ in {"nsubj", "nsubjpass", "dobj"} and (_one_person(who(child)) or a_persons(child)) and not (
        child.left_edge.i <= figure.i <= child.right_edge.i and child.lower_ == "one")
        for verb in verbs for child in verb.children)


_SOON_TO = {"open", "start", "begin", "join", "launch", "arrive", "qualify", "complete"}


def _still_to_come(doc: Doc, start: int) -> bool:
    """A figure of what is due to begin: "a new home, for four children, is due to open next spring", "with six
    trainees due to start in September"."""
    figure = _figure_at(doc, start)
    if figure is None:
        return False
    holders = [figure, *list(figure.ancestors)[:4]]
    return any(word.lower_ == "due" and any(child.dep_ == "xcomp" and child.lemma_ in _SOON_TO for child in word.children)
               for holder in holders for word in (holder, *holder.children))


_TALKING_POINTS = {"change", "changes", "reason", "reasons", "way", "ways", "thing", "things", "point",
                   "points", "lesson", "lessons", "priority", "priorities", "theme", "themes",
                   "message", "messages", "option", "options"}


def _not_a_result(doc: Doc, start: int, outcome: OpenOutcome) -> bool:
    """A count of a text's own talking points ("made three changes", "two lessons"; not "301 placement changes"): not
    a result of the service."""
    figure = _figure_at(doc, start)
    if figure is None or outcome.unit != "count":
        return False
    counted = figure.head if figure.dep_ == "nummod" else doc[figure.i + 1] if figure.i + 1 < len(doc) else figure
    plain = not any(word.dep_ in {"compound", "amod"} for word in counted.children)
    return counted.lower_ in _TALKING_POINTS and plain \
        or counted.lemma_.lower() == "question" and counted.head.lemma_ == "ask"  # "asks three simple questions"


def _an_age_or_a_capacity(doc: Doc, start: int, unit: str | None) -> bool:
    """A number that is someone's age after their name ("said Kayden, 13.", "Ellie, 15, said"), or how many a
    place can take ("homes for up to three young people"): neither is a result."""
    if unit != "count":
        return False
    if _UP_TO.search(doc.text, 0, start):
        return True
    number = next((token for token in doc if token.idx == start), None)
    if number is None or number.i < 2 or not number.text.isdigit() or int(number.text) > 99:
        return False
    name, comma = doc[number.i - 2], doc[number.i - 1]
    following = doc[number.i + 1].text if number.i + 1 < len(doc) else "."
    return comma.text == "," and following in {",", ".", ")"} and name.pos_ == "PROPN" and name.is_title


def _of_a_comparison_group(doc: Doc, start: int, end: int) -> bool:
    """A figure (characters start to end of the sentence) a comparison group's: printed just after "the
    England average", "statistical neighbours" or "a target of", or followed by "nationally"; "14%,
    against a national average of 18%" keeps the 14."""
    figure = _figure_at(doc, start)
    averaged = _averaged(figure) if figure is not None else None
    if averaged is not None:  # "Caseloads average 15": a verb, not "the London average"; but "neighbours average 19"
        return bool(_NAMES_A_GROUP.search(doc[averaged.left_edge.i:averaged.right_edge.i + 1].text))
    previous = max((token.idx + len(token.text) for token in doc  # a year is not a figure: "for 2022/23"
                    if token.like_num and not _YEAR.match(token.text) and token.idx + len(token.text) <= start),
                   default=0)
    return bool(_COMPARISON_GROUP.search(doc.text, previous, start) or _GROUP_AFTER.match(doc.text, end)
                or _COMPARES_OPENING.match(doc.text) or _OPENS_WITH_A_GROUP.match(doc.text)
                and not re.search(r";|\b(?:we|our|us|while|whereas|but)\b", doc.text[:start], re.IGNORECASE)
                or _GROUP_COUNTED.match(doc.text, end) or said_of_a_group(doc.text, start)
                or _subject_names_a_group(doc, start))


# a sentence opening on a region or the country, whose figures follow: "Across London the rate fell from 49 to 46"
_OPENS_WITH_A_GROUP = re.compile(rf"\W*(?:across|throughout)\s+(?:{_REGION}|england|the\s+(?:country|"
                                 r"region))\b(?!['’]s)", re.IGNORECASE)
_ACROSS_A_REGION = re.compile(rf"\w+\s+(?:across|in|for)\s+(?:{_REGION})\b")
_GROUP_MEASURES = {"rate", "average", "median", "mean", "figure", "level", "proportion", "percentage", "share"}
_GROUPS = {"team", "authority", "council", "area", "borough", "county", "neighbour", "comparator", "group", "cohort"}
_A_GROUP_BEFORE = re.compile(rf"\b(?:{COMPARISON_GROUPS}|benchmark\w*|pan-\w+)\b|\b(?:{_REGION})\b", re.IGNORECASE)
_GROUP_AVERAGE = re.compile(rf"\b{_PLACE_AVERAGE}\b"
                            r"|\bLondon (?:rate|figure)\b")


def _subject_names_a_group(doc: Doc, start: int) -> bool:
    """The subject of the figure's clause is a comparison group, or its measure named before its noun: "The
    comparison teams saw a smaller reduction, from 31 to 27", "The regional average agency rate is still around 17%",
    "The London average is 24%", "The London average quoted in the paper, 16, …"; or a bare average in a clause whose
    opening phrase names a group or a benchmarking round ("In the pan-London benchmarking round the average was 74%")."""
    figure = _figure_at(doc, start)
    if figure is not None and figure.dep_ == "appos" and figure.head.lemma_.lower() in _GROUP_MEASURES:
        named = doc[figure.head.left_edge.i:figure.head.i + 1].text  # "The London average quoted in the paper, 16"
        return bool(_NAMES_A_GROUP.search(named) or _GROUP_AVERAGE.search(named))
    verb = next((token for token in (figure.ancestors if figure is not None else ()) if token.pos_ in {"VERB", "AUX"}),
                None)
    if verb is not None and verb.dep_ == "conj" and not any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children):
        verb = verb.head  # "England's rate of children looked after has climbed to 70", parsed as two clauses
    subjects = [child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}] if verb else []
    if not subjects or figure is None or any(subject.right_edge.i >= figure.i for subject in subjects):
        return False  # after the figure, or holding it ("…, the regional adoption agency, 19 children were placed")
    subject = subjects[-1]
    before = doc[subject.left_edge.i:subject.i]
    named = doc[subject.left_edge.i:subject.i + 1].text
    if any(word.lower_ in {"our", "its"} for word in before):
        return False  # not "Our national award-winning team supported 420 families"
    if subject.lemma_.lower() not in _GROUP_MEASURES:  # the group itself, not "the regional adoption agency"
        return subject.lemma_.lower() in _GROUPS and bool(_NAMES_A_GROUP.search(named))
    across = doc[subject.i:subject.right_edge.i + 1].text  # "the average across the North West group"
    if subject.lemma_.lower() in _AVERAGES and subject.left_edge.i == subject.i - 1 == subject.right_edge.i - 1 and any(
            child.dep_ == "prep" and child.i < subject.i and _A_GROUP_BEFORE.search(
                doc[child.left_edge.i:child.right_edge.i + 1].text) for child in subject.head.children):
        return True  # "In the pan-London benchmarking round the average was 74%"; not "Since we joined the club, …"
    relative = subject.head if subject.head.dep_ == "relcl" else None  # "…, our statistical neighbours, whose average is 21%"
    if relative is not None and any(child.lower_ == "whose" for child in subject.children) and _NAMES_A_GROUP.search(
            doc[relative.head.left_edge.i:relative.head.i + 1].text):
        return True
    return bool(_NAMES_A_GROUP.search(named) or _GROUP_AVERAGE.search(named) or _ACROSS_A_REGION.match(across))


_NO_MEASURE_ALONE = {"aim", "ambition", "target", "goal", "objective", "figure", "total", "team", "number"}
_STAND_AT = {"stand", "remain", "stay", "sit", "peak", "settle", "plateau"}
_STATE_AS_OBJECT = {"total", "average", "reach", "number", "cost"}


def _of_object(word: Token) -> Token | None:
    """The noun after a word's "of": "£2.4 million of additional investment" → investment."""
    of = next((child for child in word.children if child.lower_ == "of"), None)
    return next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None


def _held_steady(verb: Token) -> bool:
    """"held steady at 390": a level kept, not a meeting held."""
    return verb.lemma_ == "hold" and any(child.lower_ in {"steady", "stable"} for child in verb.children)


def _brought_to(figure: Token) -> Token | None:
    """"…, bringing the active pool to 92", "taking the total to 140": the noun a figure says was brought to it."""
    to = figure.head
    if figure.dep_ != "pobj" or to.lower_ != "to" or to.head.lemma_.lower() not in {"bring", "take", "raise", "lift"}:
        return None
    return next((child for child in to.head.children if child.dep_ == "dobj" and child.pos_ == "NOUN"
                 and child.lemma_.lower() not in _NOT_MEASURE | _NOT_CHANGED), None)


_MOVED_TO = {"rise", "fall", "increase", "decrease", "drop", "grow", "decline", "climb", "reduce", "improve"}


def _moved_to(figure: Token) -> Token | None:
    """"Complaints rose to 42", "the number of carers has grown to 180": the subject whose level a move ended at
    (its start, if printed, is read as a from-to or a baseline)."""
    to = figure.head
    if figure.dep_ != "pobj" or to.lower_ != "to" or to.head.lemma_.lower() not in _MOVED_TO \
            or to.head.tag_ == "VBG" or figure.lower_ in PARTS:
        return None  # not "27 days' leave rising to 32" (a scale), nor "fell to half" (a share, read elsewhere)
    subject = clause_subject(to.head)
    return subject if subject is not None and subject.pos_ == "NOUN" \
        and subject.lemma_.lower() not in _NOT_MEASURE | _NOT_CHANGED else None


def _one_subject(subjects: list[Token]) -> Token | None:
    """A verb's first subject; the last word of a hyphenated one the parser split into several ("Re-referrals
    are 19%")."""
    joined = len(subjects) > 1 and all(not word.whitespace_ for word in subjects[0].doc[subjects[0].i:subjects[-1].i])
    return subjects[-1] if joined else next(iter(subjects), None)


_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}  # "Matching a child now takes 17 days"
_RAISING = {"say", "report", "think", "believe", "seem", "appear", "continue", "tend", "understand"}


def clause_subject(verb: Token, joined: bool = True) -> Token | None:
    """The subject of a verb's clause: its own, or the one it shares with the verb it hangs on: a second verb
    joined to the first ("… looked after in Calderdale remained stable at 340", parsed as two clauses), an
    infinitive after a reporting verb ("caseloads were said to average 17", "waits continue to average 9
    weeks"), or a clause the parser hung on the participle describing its subject ("applications concluded in
    the last quarter took an average of 31 weeks"); a joined verb's only when `joined`."""
    while True:
        subject = _one_subject([child for child in verb.children if child.dep_ in _SUBJECTS])
        if subject is None:  # "the number of adolescents becoming looked after has fallen", read as two clauses
            subject = next((clause_subject(child, False) for child in verb.children if child.dep_ == "advcl"
                            and child.i < verb.i and all(word.dep_ in {"aux", "auxpass", "neg"}
                                                         for word in verb.doc[child.right_edge.i + 1:verb.i])), None)
        head = verb.head
        if subject is not None or head.i == verb.i or head.pos_ not in {"VERB", "AUX"}:
            return subject
        if not (verb.dep_ == "conj" and joined or verb.dep_ == "xcomp" and head.lemma_.lower() in _RAISING
                or verb.dep_ in {"ccomp", "conj", "dep", "advcl"} and _participle_read_as_main(verb)):
            return None
        verb = head


_TOLD = {"tell", "state", "confirm", "explain", "add", "find", "show", "claim", "argue", "estimate", "hear"}


def _participle_read_as_main(verb: Token) -> bool:
    """A verb the parser hung on a participle it read as the main verb, though the participle only describes the
    subject: "The share of children placed far from home fell by 6 points" ("placed" the root, "fell" joined to it
    with no "and" between; "The rate of children looked after fell from …", the participle tagged as a past tense)."""
    head = verb.head
    if verb.dep_ == "advcl" and (verb.tag_ not in {"VBD", "VBZ", "VBP"}
                                 or any(child.dep_ == "mark" for child in verb.children)):
        return False  # a clause of its own ("…, reducing caseloads", "as referrals fell"), not a finite verb misread
    if head.lemma_.lower() in _RAISING | _RECALLED | _TOLD:
        return False  # "Ofsted said the number of children placed … fell": a report, its subject not the measure's
    return head.tag_ in {"VBN", "VBD"} and head.dep_ == "ROOT" and head.i < verb.i and not any(
        child.dep_ in {"aux", "auxpass"} or child.dep_ == "cc" and child.i < verb.i for child in head.children)


def _measured_subject(figure: Token) -> Token | None:
    """The subject whose level a figure states: "average caseloads are 15", "caseloads now stand at
    16", "the number remained stable at around 340", "referrals totalled 3,412"; not a pronoun or
    what is never measured."""
    verb = figure.head
    if figure.dep_ == "pobj" and verb.lower_ == "at":
        verb = verb.head.head if verb.head.pos_ == "ADJ" else verb.head  # "remained stable at"
        if verb.lemma_.lower() not in _STAND_AT and not _held_steady(verb):
            return None
    elif not ((figure.dep_ == "attr" and verb.lemma_ == "be")
              or (figure.dep_ == "dobj" and verb.lemma_.lower() in _STATE_AS_OBJECT)):
        return None
    subject = clause_subject(verb)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() in _NOT_MEASURE | _NOT_CHANGED:
        return None
    if subject.lemma_.lower() in _NO_MEASURE_ALONE and not any(child.dep_ == "prep" for child in subject.children):
        return None  # "our aim is 20", "the figure was 340": an aim, or a measure named elsewhere
    return subject


def _in_or_out_of(token: Token) -> Token | None:
    """The word before the whole of "four in ten", "nine out of ten", "nine cases out of ten", "two in every five"
    or "one post in three", when a word follows it."""
    doc = token.doc
    words = [word.lower_ for word in doc[token.i + 1:token.i + 4]]
    counted_first = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN"  # "one post in three"
    gap = 2 if words[:2] == ["in", "every"] else 1 if words[:1] == ["in"] else 2 if words[:2] == ["out", "of"] else 3 if (
        words[1:] == ["out", "of"] and counted_first) else 2 if (
        words[1:2] == ["in"] and counted_first and token.lower_ == "one") else 0
    return doc[token.i + gap] if gap and token.i + gap + 1 < len(doc) else None


def _shares(doc: Doc, offset: int) -> tuple[list[tuple[OpenOutcome, tuple[int, int]]], list[tuple[int, int]]]:
    """"half of post-16 students", "nearly two thirds of care leavers", "one in three children", "four
    in ten posts": a share of a group, in per cent, with the words' span; and the spans of every "N in M"
    share, its group read or not ("four in five said …"), whose numbers count nothing else."""
    found: list[tuple[OpenOutcome, tuple[int, int]]] = []
    unread: list[tuple[int, int]] = []
    for token in doc:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text in {"-", "–"} and token.i > 1:
            before = doc[token.i - 2]  # "two-thirds"
        if token.lower_ in PARTS and following is not None and following.lower_ == "of":
            if before is not None and (before.lower_ in _NOT_A_SHARE or before.ent_type_ == "ORDINAL"):
                continue  # "the first quarter of 2016", "each half of the year"
            several = before if before is not None and before.lower_ not in {"a", "one"} and _number(before.text) \
                else None  # the "two" of "two thirds"
            if several is not None and several.i > 0 and doc[several.i - 1].lower_ in _NOT_A_SHARE:
                continue  # "the first two quarters of 2015–16"
            first = several or token
            parts = _number(several.text) if several is not None else None
            value = share_of(parts or 1.0, PARTS[token.lower_])
            groups = [child for child in following.children if child.dep_ == "pobj"]
            group = next((child for child in groups if child.pos_ == "NOUN"), groups[0] if groups else None)
        elif (several_in := _number(token.text)) and (joiner := _in_or_out_of(token)) is not None \
                and (out_of := _number(doc[joiner.i + 1].text)) \
                and several_in < out_of <= 1000 and not _YEAR.fullmatch(doc[joiner.i + 1].text):
            first, value = token, share_of(several_in, out_of)  # "one in three", "nine out of ten"
            counted = doc[joiner.i + 1]
            unread.append((token.idx, counted.idx + len(counted.text)))  # the ten of "nine out of ten" counts nothing
            group = doc[token.i + 1] if doc[token.i + 1].pos_ == "NOUN" else counted.head if counted.head.pos_ == "NOUN" else next(
                (child for child in joiner.children if child.dep_ == "pobj" and child.pos_ == "NOUN"), None) or next(
                (word for of in counted.children if of.dep_ == "prep" and of.lower_ == "of"
                 for word in of.children if word.dep_ == "pobj" and word.pos_ in {"NOUN", "PRON"}), None)
            # "four in ten of our staff", "one in twenty of them came into care"
            if group is None and (counted.i + 1 == len(doc) or doc[counted.i + 1].is_punct) and not (
                    token.i > 0 and doc[token.i - 1].lower_ == "from") and not _NAMES_A_GROUP.search(doc.text):
                group = _subject_of_clause(token)  # "our agency rate is now around one in five."
        else:
            continue
        if group is None or group.like_num or group.ent_type_ == "DATE" or _YEAR.match(group.text) \
                or group.lemma_.lower() in _NOT_MEASURE and group.lower_ not in _SHARED_OUT:
            continue
        last = max(group.right_edge, token.right_edge, key=lambda word: word.i)
        exact = _EXACTLY.search(doc.text, token.idx, last.idx + 1) or _EXACTLY.match(doc.text, last.idx + len(last.text))
        closing = _EXACTLY.search(doc.text, last.idx + len(last.text))
        if exact is None and closing is not None and not re.search(r"\d|\b(?:average|national|regional|england|target|"
                                                                  r"figure|neighbours?|compared|than)\b",
                                                                  doc.text[last.idx:closing.start()], re.IGNORECASE) \
                and re.fullmatch(r"\W*", doc.text[closing.end():]):
            exact = closing  # "Nearly two thirds of children now attend their own review (64%).": the sentence's last
        if exact:  # "almost a third of social workers (31 per cent)": the share is the printed 31
            value = float(exact.group("value"))
        text = " ".join(dropwhile(lambda word: word.lower() in _HEDGES, _phrase(group, token, token.i).split()))
        if _bare_group(text):
            text = _said_of(group, text, range(first.i, token.i + 1))
        if len(text) >= 3:
            share = OpenOutcome("level", text, metric_key(text), value, None, "%",
                                offset + first.idx, offset + token.idx + len(token.text))
            earlier = _SHARE_FROM.search(doc.text, 0, first.idx)
            if earlier and (parts := _number(earlier.group("parts"))) and (whole := _number(earlier.group("whole"))):
                share.changed_from(share_of(parts, whole))  # "down from one in three to one in eight"
                found = [(told, span) for told, span in found if told.char_start < offset + earlier.start()]
            found.append((share, (first.idx, max(group.idx, exact.end() if exact else 0))))
    return found, unread


# the share a share in words moved from: "down from one in three to around one in eight"
_SHARE_FROM = re.compile(rf"\bfrom\s+{HEDGE}(?P<parts>\w+)\s+(?:in|out\s+of)\s+(?P<whole>\w+)(?:\s+[a-z]+)?\s+to\s+{HEDGE}$",
                         re.IGNORECASE)


def _subject_of_clause(figure: Token) -> Token | None:
    """The measured noun subject of the verb a figure closing its clause hangs on ("our agency rate is
    down to one in five"), when that verb states a level or a move."""
    verb = next((word for word in figure.ancestors if word.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in _STAND_AT | {"be", "fall", "rise", "drop", "reduce", "increase",
                                                               "improve", "come", "go", "grow"}:
        return None
    subject = next((child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() in _NOT_MEASURE | _NO_MEASURE_ALONE \
            | _NOT_CHANGED:
        return None
    return subject


_EXACTLY = re.compile(r"\s*\(\s*(?P<value>\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s*\)", re.IGNORECASE)
_NOT_A_SHARE = {"the", "this", "that", "each", "every", "per", "first", "second", "last", "final", "next", "previous",
                "other", "top", "bottom", "upper", "lower", "lowest", "highest", "worst",
                "performing"}  # a rank, not a share: "the best-performing quarter of London boroughs"
# never counted, but "in two thirds of cases" measures a result
_SHARED_OUT = {"case", "cases", "record", "records", "file", "files", "audit", "audits"}


def _none_counted(doc: Doc, offset: int) -> list[OpenOutcome]:
    """"There have been no adoption disruptions", "no complaints were received", "the council does
    not operate any children's homes", "none live in residential schools": a count of none. Not
    when it is a condition ("when there are no plans to…"), what inspectors did not see or find,
    or the absence of something that is not counted ("no concerns", "no delays")."""
    found = []
    for token in doc:
        if token.lower_ == "none" and token.dep_ in {"nsubj", "nsubjpass"}:
            if _not_a_figure(token):
                continue  # "none of this is possible"
            noun, verb = token, token.head
        elif token.lower_ in {"no", "any"} and token.dep_ == "det" and token.head.tag_ == "NNS":
            noun = token.head.head if token.head.dep_ == "poss" else token.head  # "no children's homes"
            verb = noun.head
        else:
            continue
        existential = noun.dep_ == "attr" and any(child.dep_ == "expl" for child in verb.children)
        if not (existential or noun.dep_ in {"nsubj", "nsubjpass", "dobj"}):
            continue
        having = verb if verb.lemma_ == "have" else verb.head if verb.dep_ in {"ccomp", "xcomp"} else None
        if having is not None and having.lemma_ == "have" and any(
                child.dep_ == "nsubj" and child.lemma_.lower() not in _HOLDERS for child in having.children):
            continue  # "supervision notes had no actions": a finding about them, not a count; "the council has no homes"
        negated = any(child.dep_ == "neg" for child in verb.children)
        if (token.lower_ == "any") != negated or noun.lemma_.lower() in _NOT_COUNTED | _NOT_MEASURE \
                or verb.lemma_.lower() in _FOUND \
                or any(child.dep_ == "mark" or child.tag_ == "WRB" for child in verb.children):
            continue
        if existential or noun.dep_ == "dobj":
            tokens = [word for word in noun.subtree if word.i != token.i and word.dep_ != "punct"]
        else:
            tokens = [word for word in verb.subtree if word.i != token.i and word.dep_ not in {"punct", "det"}
                      and (word.i == noun.i or _in_metric(word, verb, set()) or noun.is_ancestor(word))]
        tokens = [word for word in tokens if word.ent_type_ != "DATE" and not (
            word.dep_ == "prep" and any(child.ent_type_ == "DATE" for child in word.children))]
        text = " ".join(word.text for word in tokens[:10]).strip()
        if len(text) >= 3:
            found.append(OpenOutcome("level", text, metric_key(text), 0.0, None, "count", offset + token.idx,
                                     offset + token.idx + len(token.text)))
    return found


# what an absence is stated of that is not counted ("no concerns", "no delays"); what inspectors saw or found
_HOLDERS = {"council", "authority", "we", "it", "service", "trust", "borough", "county", "city", "corporation",
            "partnership", "company"}  # who has none of something a service counts
_NOT_COUNTED = {"concern", "implication", "plan", "failure", "difference", "aspect", "record", "issue", "gap",
                "delay", "sign", "indication", "evidence", "barrier", "problem", "weakness", "question", "reason",
                "change", "service", "arrangement", "consequence", "opportunity", "exception", "shortfall", "data",
                "datum", "declaration", "apology"}  # a meeting's "No declarations of interest were made"
_FOUND = {"see", "find", "identify", "observe", "note", "notice", "seen", "found"}


# how far apart others' figures lie, not a change: "the spread between authorities", "the range across councils"
_SPREAD = re.compile(r"(?:spread|range|variation|gap)\b.*\b(?:between|across)\s+(?:\w+\s+)?(?:authorities|councils|areas|"
                     r"regions|boroughs|counties)\b", re.IGNORECASE)


def _open_change(doc: Doc, offset: int, taken: set[tuple[float, str]], found: tuple[re.Match, Any, Any]
                 ) -> tuple[OpenOutcome, tuple[int, int]] | None:
    """'Approved foster carers increased from 112 to 140' (`found`, outcomes.from_to's reading): a
    change of what the verb's subject (or, when the council is the subject, its object) names; with
    the span of its figures."""
    match, before, after = found
    unit = after.unit if after.unit != "count" else before.unit
    if (before.value, unit) in taken or (after.value, unit) in taken:
        return None  # a controlled metric's outcome already
    timed = TIME_UNIT.match(doc.text, match.end("a"))
    if unit == "count" and timed:
        unit = _DURATIONS[timed.group(1).lower()]  # "dropped from 26 hours to 17"
    if _DAYS_OF.match(doc.text, match.end("a")):
        return None  # "ran from 7 to 11 October": days of a month
    anchor = next((token for token in doc if token.idx >= match.start()), None)
    text = _changed_metric(anchor, match.start(), match.end()) if anchor is not None else None
    if text is None:  # "expanded its service from four coordinators to eleven", "from eight large teams into 14"
        between = [token for token in doc if match.end("a") < token.idx < match.start("b")]
        named = list(takewhile(lambda token: token.pos_ in {"ADJ", "NOUN"}, between))
        text = " ".join(token.text for token in named) if named and named[-1].pos_ == "NOUN" \
            and named[-1].lower_ not in _DURATIONS else None
    if text is None or _SPREAD.match(text):
        return None  # "the spread between authorities is wide, from under 40 to over 150"
    outcome = OpenOutcome("level", text, metric_key(text), after.value, None, unit, offset + match.start(),
                          offset + match.end(), period=period_of(doc))
    outcome.changed_from(before.value)
    return outcome, (match.start(), match.end())


def _changed_metric(anchor: Token, start: int, end: int, verb: Token | None = None) -> str | None:
    """What a change (its words from `start` to `end`, `anchor` the first) is of: the noun it hangs
    on, else its verb's (`verb`, or the anchor's) object or subject; not a pronoun, the council, or a
    modal verb's change."""
    noun = anchor.head if verb is None and anchor.head.pos_ in {"NOUN", "PROPN"} else None
    if noun is None:
        verb = verb or next((token for token in (anchor.head, *anchor.head.ancestors) if token.pos_ in {"VERB", "AUX"}),
                            None)
        if verb is None or any(child.tag_ == "MD" for child in verb.children):
            return None
        objects = [child for child in verb.children if child.dep_ == "dobj" and not start <= child.idx < end]  # not
        # the change's own figure ("fell from 97 in 2021-22 to 74", the 74 read as the object)
        # a subject the parser read as a clause: "Missing episodes among them halved"
        subject = _one_subject([child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass", "csubj"}]) \
            or clause_subject(verb, joined=False)  # "Agency reliance is reported to have fallen by a third"
        noun = next(iter(objects), subject)
        if noun is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB" \
                and not any(child.dep_ == "cc" and child.i < verb.i for child in verb.head.children):  # not "peaked in
            # 2021 and has fallen"; but "… looked after has fallen from 61 to 44, and the rate …", misparsed
            subject = next((child for child in verb.head.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
            return _words_from(subject, verb)  # "Audits graded good or outstanding increased from 29% to 52%"
        if not objects and subject is not None and subject.head.i != verb.i and _participle_read_as_main(verb):
            return _words_from(subject, verb)  # "The rate of children looked after fell from …": up to the verb
        if noun is None and verb.dep_ == "acl" and not any(token.tag_ in FINITE_TAGS for token in verb.doc):
            root = next(token for token in verb.doc if token.dep_ == "ROOT")  # "Children entering care from the
            phrase = verb.doc[root.left_edge.i:verb.i]  # teams reduced by a fifth", not "Highlights: X, with Y reduced"
            return _words_from(root, verb) if root.pos_ in {"NOUN", "PROPN"} and not any(
                token.is_punct for token in phrase) else None
    if noun is None or noun.pos_ == "PRON" or noun.lemma_.lower() in _NOT_CHANGED:
        return None
    keep = (lambda token: token.idx < start) if noun.idx < start else (lambda token: token.idx >= end)
    tokens = [token for token in noun.subtree if keep(token) and token.dep_ != "det"
              and (token.dep_ != "punct" or _joins_a_word(token))  # "looked-after", not "lookedafter"
              and not (token.dep_ == "poss" and token.pos_ == "PRON")
              and not any(ancestor.dep_ in {"relcl", "acl", "appos"} and ancestor.i != noun.i
                          and noun.left_edge.i <= ancestor.i <= noun.right_edge.i for ancestor in token.ancestors)
              and token.dep_ not in {"relcl", "acl", "appos"}]
    doc = noun.doc
    while tokens and tokens[0].i > 0 and not (before := doc[tokens[0].i - 1]).whitespace_ and (
            before.is_alpha or before.text == "-"):
        tokens.insert(0, before)  # the "Re-" of "Re-referrals", split off by the parser
    return _named_by(tokens)


def _joins_a_word(token: Token) -> bool:
    """The hyphen of a hyphenated word ("looked-after")."""
    return token.text in {"-", "–"} and not token.whitespace_ and token.i > 0 \
        and not token.doc[token.i - 1].whitespace_


def _words_from(subject: Token | None, verb: Token) -> str | None:
    """A change verb the parser did not read as the main verb: joined to a participle it read so ("The
    proportion of audited cases graded good or better rose from 41% …"), or a clause on the last noun of a
    sentence it read as one noun phrase ("Children entering care from the teams reduced by a fifth"): the
    words from `subject` to the change verb are what changed."""
    if subject is None or subject.pos_ == "PRON" or subject.lemma_.lower() in _NOT_CHANGED:
        return None
    words = verb.doc[subject.left_edge.i:verb.i]
    aside = next((token.i for token in words if token.text in {",", ";", "("} or token.tag_ in {"WDT", "WP"}), verb.i)
    tokens = [token for token in verb.doc[subject.left_edge.i:aside]  # not "…, which the council has prioritised,"
              if token.dep_ != "det" and (token.dep_ != "punct" or _joins_a_word(token))]
    while tokens and (tokens[-1].pos_ == "CCONJ" or tokens[-1].head.i == verb.i and tokens[-1].dep_ in {"aux", "neg"}):
        tokens = tokens[:-1]  # nor the change verb's "has"
    return _named_by(tokens)


def _named_by(tokens: list[Token]) -> str | None:
    """A changed metric's words (at most ten), or None when too short to name one."""
    text = "".join(token.text_with_ws for token in tokens[:10]).strip()  # "Re-referrals", not "Re - referrals"
    return text if len(text) >= 3 else None


# a size in words only with its unit: "by three weeks", "by six points"; not "by two of the teams"
_BY_SIZE = re.compile(rf"by\s+{HEDGE}(?:a\s+)?(?P<c>{FRACTION}|{AMOUNT}|\b(?:{_SPELLED})\b(?={TIME_UNIT.pattern}|"
                      rf"\s+(?:percentage\s+)?points?\b))(?!\d|[,.]\d)", re.IGNORECASE)


# a share's move after "is up" or "are down", with no "by": "were down 5 percentage points", "up 12%"
_UP_OR_DOWN_SIZE = re.compile(rf"\s+{HEDGE}(?P<c>\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b|(?:percentage\s+)?points?\b))",
                              re.IGNORECASE)


def _size(words: str, direction: str) -> tuple[float, str] | None:
    """A change's size, signed, and unit: "22%", "£11 million", "a fifth" (20 %), "6 percentage points", a
    count ("increased by 19"); None for a year."""
    if _YEAR.fullmatch(words):
        return None
    return signed_change(words, direction)


_CHANGE_VERBS = {"fall": "down", "reduce": "down", "decrease": "down", "drop": "down", "decline": "down", "cut": "down",
                 "lower": "down", "rise": "up", "increase": "up", "grow": "up"}


def _moved(verb: Token) -> str | None:
    """Which way a change's verb goes: "fell by", "rose by", or "are up by", "is down by"."""
    if verb.lemma_.lower() in _CHANGE_VERBS:
        return _CHANGE_VERBS[verb.lemma_.lower()]
    if verb.lemma_ != "be":
        return None
    return next((child.lower_ for child in verb.children if child.dep_ == "advmod" and child.lower_ in {"up", "down"}),
                None)


_POINTS = re.compile(r"\s+points?\b", re.IGNORECASE)
# what a change in hours, days or weeks is a change of: "the wait for an assessment was cut by 12 weeks"; not "by
# three weeks after the launch", a point in time
_A_WAIT = re.compile(r"\b(?:waits?|waiting|delays?|time|times|timescales?|duration|length)\b", re.IGNORECASE)
_A_TIME_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago|on|from)\b", re.IGNORECASE)
_NOT_A_COUNT = re.compile(r",?\s+(?:to|per|in|out\s+of|places?)\b|\s*(?:%|per\s?cent)", re.IGNORECASE)


def _changes_by(doc: Doc, offset: int, taken: set[tuple[float, str]]) -> list[tuple[OpenOutcome, tuple[int, int]]]:
    """A change stated by its size: "the number of children entering care fell by 22%", "reduced by
    around a fifth", "has more than halved", "cut its reliance on agency staff by more than half"; of
    what `_changed_metric` names, with the span of its figure."""
    found = []
    for token in doc:
        verb, size = token.head, None
        match = _BY_SIZE.match(doc.text, token.idx) if token.lower_ == "by" else None
        moved = _moved(verb) if match else None
        if match and moved:
            size, end = _size(match.group("c"), moved), match.end()
            if size is not None and size[1] == "count" and (points := _POINTS.match(doc.text, end)):
                size, end = (size[0], "points"), points.end()  # "rose by 8 points": a share's move
            elif size is not None and size[1] == "count" and (timed := TIME_UNIT.match(doc.text, end)) \
                    and not _A_TIME_AFTER.match(doc.text, timed.end()):
                size, end = (size[0], _DURATIONS[timed.group(1).lower()]), timed.end()  # "waits cut by 12 weeks"
            elif size is None or size[1] == "count" and (TIME_UNIT.match(doc.text, end)
                                                          or _NOT_A_COUNT.match(doc.text, end)):
                continue  # "by 2026", "by 12 weeks", "by 4 per 10,000", "by 3 to 19%", "by 5 places": a date, or a
                # size whose unit is another's or read elsewhere
        elif token.lower_ in {"up", "down"} and verb.lemma_ == "be" and token.i == verb.i + 1 \
                and (match := _UP_OR_DOWN_SIZE.match(doc.text, token.idx + len(token.text))) \
                and not re.match(r",?\s+to\b", doc.text[match.end():]):  # not "up 9 points, to 86%": read with its level
            size, end = signed_change(match.group("c"), token.lower_), match.end()  # "were down 5 percentage points"
        elif token.lemma_.lower() in _CHANGE_VERBS and token.tag_ in {"VBD", "VBN", "VBZ", "VBP"} \
                and (match := _UP_OR_DOWN_SIZE.match(doc.text, token.idx + len(token.text))) \
                and not re.match(r",?\s+(?:(?:to|from)\s+(?!(?:19|20)\d\d\b)|below|above|short|behind|under|over|"
                                 r"higher|lower)\b", doc.text[match.end():]):  # not a gap: "fell 4% short of …"
            verb = token  # "rose 13 percentage points", "fell 4%": a move by that much
            size, end = signed_change(match.group("c"), _CHANGE_VERBS[token.lemma_.lower()]), match.end()
        elif token.lemma_.lower() in MULTIPLYING and token.pos_ == "VERB" \
                and token.tag_ in {"VBD", "VBN", "VBZ", "VBP"}:
            verb, size, end = token, (MULTIPLYING[token.lemma_.lower()], "%"), token.idx + len(token.text)
        if size is None or (round(abs(size[0]), 2), size[1]) in taken:  # rounded as the other rules keep it
            continue
        text = _changed_metric(token, token.idx, end, verb)
        if text is not None and (size[1] not in _DURATIONS.values() or _A_WAIT.search(text)):  # a wait's, in time
            found.append((OpenOutcome("change", text, metric_key(text), None, None, None, offset + token.idx,
                                      offset + end, direction="down" if size[0] < 0 else "up",
                                      change=round(size[0], 2), period=period_of(doc), change_unit=size[1]),
                          (token.idx, end)))
    return found
