"""Outcomes: what changed, by how much, from sentences with figures or a clear direction.

"a 36% reduction in child protection plans (from 436 to 279)", "reduced its reliance on agency
workers from 50% to 4%", "turnover reduced in the pilot teams (by 41%)", "£3million is no longer
being spent", "now in the top quartile for adoptions", "sickness absence has reduced".

A sentence is cut into clauses (";", "and a …", ", while …", ", as has …") so each figure
takes the metric named nearest it in its own clause. Figures after "compared with" describe
the comparison group: they are not outcomes, but they make the evidence a comparison; with a time
("compared with 24% in 2021") or after "down from" they are the figure's baseline instead. Clauses
that hope, aim or predict (a modal verb, by the parser's tags) are not outcomes, nor are those
that are negated or state a purpose ("so that referrals are reduced"); and looked-after children
named as the group some other measure is of ("outcomes for children in care") are not the metric.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ingest.extraction.nlp import instruction
from kg.model.catalogue import Metric, metric_by_id, metrics
from kg.model.vocabulary import MONTHS

_YEAR = r"(?:19|20)\d\d(?:[-/–−]\d\d(?:\d\d)?)?"  # 2019, 2019-20, 2013–14, 2014−15 (a minus sign)
_MONTH = rf"(?:{'|'.join(sorted(MONTHS))})"
# a time gone by, said before what a figure was then: "in March 2023", "in 2022", "three years ago", "a year earlier"
PAST = (rf"(?:(?:in|at|by)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?{_YEAR}|"
        rf"(?:[\w-]+\s+){{1,2}}(?:years?|months?)\s+(?:ago|earlier|before)|a\s+year\s+(?:ago|earlier|before)|back\s+then|"
        rf"at\s+the\s+(?:last|previous)\s+inspection)")
_PERCENT = r"(?:%|percentage\s+points?\b|per\s?cent\b|percent\b)"
# the words a sentence names an earlier figure by: "the figure a year ago was …", "that proportion is now …"
FIGURE_NOUN = r"(?:figure|proportion|percentage|share|number|rate|total)"
AMOUNT = rf"(?:£\s?)?\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s?(?:{_PERCENT}|million\b|m\b|k\b|bn\b|billion\b))?"
# a share in words is so many parts of a whole: "two thirds" = 2 of 3 = 66.7%
PARTS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6,
         "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_SEVERAL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "five": 5, "seven": 7}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, **TENS}
# a figure in words where a from-to or a baseline may print one: "from four coordinators to eleven", "up from three"
_IN_WORDS = (rf"(?:(?:{'|'.join(TENS)})-(?:one|two|three|four|five|six|seven|eight|nine)|"
             rf"{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b(?!-)")
# a figure in words standing alone as a baseline: "up from three,", "compared with nine in June", "up from one the
# year before"; not "one in five", "one of the highest", "three years ago", "nine hundred", "nine teams"
_WORDS_ALONE = (rf"{_IN_WORDS}(?=\s*(?:[,;.)]|$)|\s+(?:in|at|by|during)\s+(?![\d]|{_IN_WORDS})|\s+(?:last|the previous|"
                rf"(?:the|a) year (?:before|earlier|ago))\b)")
# a share as "N in M": "compared with one in ten in June"
_N_IN_M = rf"(?:{_IN_WORDS}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{_IN_WORDS}|\d{{1,3}}(?![\d,]))"  # "2 in 5"
FRACTION = rf"half|(?:{'|'.join(_SEVERAL)})[- ](?:{'|'.join(sorted(PARTS, key=len, reverse=True))})"
HEDGE = r"(?:(?:a|an)\s+(?:current\s+)?(?:high|peak|rate|total|figure|level|average)\s+of\s+|average\s+of\s+|(?:an\s+)?estimated\s+|around\s+|about\s+|approximately\s+|roughly\s+|almost\s+|nearly\s+|over\s+|under\s+|just\s+(?:over|under)?\s*|more than\s+|less than\s+|fewer than\s+)?"

# what the first figure counts, printed between it and "to": "from 24 children per worker to 18",
# "from 52 per 10,000 children in March 2020 to 38", "from 38% of social worker posts … to 21%"
PER_10000 = r"\s+per\s+10,000"
_COUNTED = (rf"(?P<ra>{PER_10000})?(?:\s+(?!(?:to|in|at|from|and|by|during|was|were|is|are|has|have|had|been|"
            rf"january|february|march|april|may|june|july|august|september|october|november|december)\b)"
            rf"[a-z][a-z'’-]*){{0,4}}?")
# a timescale the first figure is measured against: "from 58% within 72 hours to 86%"
_WITHIN = r"(?:\s+within\s+\d+\s+(?:working\s+)?(?:hours?|days?|weeks?|months?))?"
# a quarter the first figure was measured in: "from 54% in Q1 to 88%", "in the first quarter of 2024", "in Q2 last year"
_QUARTER = (r"(?:q[1-4]|quarter\s+(?:one|two|three|four|[1-4])|the\s+(?:first|second|third|fourth|last)\s+quarter)"
            rf"(?:\s+(?:of\s+)?{_YEAR}|\s+(?:of\s+)?(?:last|the\s+previous)\s+year)?")
# the time before something began that the first figure was measured in: "from 29 in the year before the pilot to 17"
_BEFORE_IT_BEGAN = (r"(?:in|during|over)\s+the\s+(?:\w+\s+)?(?:year|months?|quarters?|weeks?|period)\s+(?:before|prior\s+to)\s+"
                    r"(?:the\s+|its\s+|our\s+|this\s+)?[\w-]+")
_FROM_TO = re.compile(
    rf"\bfrom\s+{HEDGE}(?P<a>{AMOUNT}|{_IN_WORDS}){_COUNTED}{_WITHIN}(?:\s+in\s+(?:[A-Z][a-z]+\s+)?(?P<ya>{_YEAR})|\s+(?:at|in|during) "
    rf"the (?:previous|last|time of the) (?:inspection|year|visit)|\s+(?:in|at|on|by)\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?"
    rf"(?:\d{{1,2}}\s+)?{_MONTH}(?:\s+{_YEAR})?|\s+in\s+{_QUARTER}|\s+{_BEFORE_IT_BEGAN})?,?\s+(?:down\s+|up\s+)?(?:to|into)\s+"
    rf"{HEDGE}(?P<b>{AMOUNT}|{_IN_WORDS})(?P<rb>{PER_10000})?(?:\s+in\s+(?:[A-Z][a-z]+\s+)?(?P<yb>{_YEAR}))?",
    re.IGNORECASE)
_PAIRED_YEARS = re.compile(
    rf"(?P<a>{AMOUNT})\s+in\s+(?P<ya>{_YEAR})\s*(?:,|to|and)\s*(?P<b>{AMOUNT})\s+in\s+(?P<yb>{_YEAR})", re.IGNORECASE)
_TO_VALUE = re.compile(
    rf"\b(?P<cue>increased|rose|risen|fell|fallen|reduced|decreased|dropped|declined|(?:went|come|gone) (?:down|up)|"
    rf"(?:is|are|was|were) (?:down|up)(?!\s+to\b))\b[^.;()]{{0,60}}?,?\s+to\s+{HEDGE}"  # "are up to 25" is at most 25
    rf"(?P<b>{AMOUNT})(?![.,]?\d)(?P<rb>{PER_10000})?(?!\s*(?:months?|years?|weeks?|days?)\b)", re.IGNORECASE)
_CHANGE_NOUNS = r"(?:reduction|decrease|fall|drop|decline|cut|increase|rise|improvement)"
_CHANGE_NOUN = re.compile(rf"(?P<c>{AMOUNT})\s+(?P<cue>{_CHANGE_NOUNS}|growth)\b", re.IGNORECASE)
# a size in words needs its unit to be a change's: "by six percentage points", not "by two of the teams"
_BY = re.compile(rf"\bby\s+{HEDGE}(?P<c>{FRACTION}|{AMOUNT}|{_IN_WORDS}\s+{_PERCENT})", re.IGNORECASE)
_SHARE = rf"\d+(?:\.\d+)?\s?{_PERCENT}"
# a move by a share printed straight after its verb, with no "by": "rose 13 percentage points"; not "fell 12% to 1,200"
_MOVED_SIZE = re.compile(rf"\b(?:rose|risen|fell|fallen|increased|decreased|dropped|declined|grew|grown)\s+{HEDGE}"
                         rf"(?P<c>{_SHARE})(?!,?\s+(?:(?:to|from)\s+(?!(?:19|20)\d\d\b)|(?:below|above|short|behind|"
                         r"under|over|higher|lower)\b))", re.IGNORECASE)
# a unit of time after a figure: "12 weeks", "45 working days"
TIME_UNIT = re.compile(r"\s+(?:working\s+|calendar\s+|school\s+)?(hours?|days?|weeks?|months?)\b(?!-)", re.IGNORECASE)

# a change's size printed before the level it came to: "fell by 6 percentage points, to 20%", "are up 9
# points, to 86%": both are results, the move and where it ended (a reader marks the two)
MOVED_BY_THEN_TO = re.compile(
    rf"\b(?P<cue>increased|rose|risen|fell|fallen|reduced|decreased|dropped|declined|improved|cut|(?:is|are|was|were|"
    rf"went|gone|come|been) (?:down|up)|up|down)\s+(?:by\s+)?{HEDGE}(?P<c>{_SHARE}|\d+(?:\.\d+)?\s+points?\b),?\s+to\s+"
    rf"{HEDGE}(?=\d|£)",
    re.IGNORECASE)


def _size(group: str) -> str:
    return rf"{HEDGE}(?:a\s+)?(?P<{group}>(?:{FRACTION})(?!\w)|{_SHARE})(?!\s+of\b)"  # not "three quarters of the gap"


# a change's size as a share printed right beside its two ends (or the time of the second): "…, a reduction
# of almost 25%", "(a 36% reduction)", "…, by a tenth", "… to 17 in the second year, a drop of two-fifths"; and
# before them as a noun: "a 36% reduction in plans (from 436 to 279)". Not "fell by 12%, from 600 to 528" or
# "halved, from 58 to 29": readers take that as one change, given by its ends
_SHARE_AFTER = re.compile(
    rf"(?:\s+(?:in|by|during|over|at)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}[\w-]+(?=,))?"
    rf"\s*(?:,|\(|\s[-–])?\s*(?:by\s+{_size('by')}|an?\s+(?:(?P<first>{_SHARE})\s+{_CHANGE_NOUNS}\b|(?:[a-z]+\s+)?"
    rf"{_CHANGE_NOUNS}\s+of\s+{_size('of')}))", re.IGNORECASE)
_SHARE_BEFORE = re.compile(rf"\ban?\s+(?P<ahead>{_SHARE})\s+{_CHANGE_NOUNS}\b[^.;,()]{{0,60}}?\(?\s*$", re.IGNORECASE)
# what "halve", "double", "treble" and "triple" change a figure by, in per cent
MULTIPLYING = {"halve": -50.0, "double": 100.0, "treble": 200.0, "triple": 200.0}
SCALES = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}  # "£2.4m", "£1bn"
MULTIPLIED_WORDS = ("halved", "doubled", "trebled", "tripled")
_MULTIPLIED = re.compile(rf"\b(?P<cue>{'|'.join(MULTIPLIED_WORDS)})\b", re.IGNORECASE)
_NO_LONGER_SPENT = re.compile(rf"(?P<c>£\s?{AMOUNT})\s+(?:is|was|are|were)\s+no\s+longer\s+(?:being\s+)?spent",
                              re.IGNORECASE)
_SAVING = re.compile(rf"\bsav(?:ing|ings|ed)\s+(?:of\s+)?(?P<c>£\s?{AMOUNT})", re.IGNORECASE)
_RANK = re.compile(r"\b(?:in|among|within)\s+the\s+(?P<q>top|upper|bottom|lowest|highest|best)\s+(?P<u>quartile|decile|"
                   r"performing)", re.IGNORECASE)
_DIRECTION_VERB = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:also\s+|significantly\s+|steadily\s+|consistently\s+|since\s+|now\s+)?(?:been\s+)?)?"
    r"(?P<cue>reduced|decreased|fallen|fell|dropped|declined|increased|risen|rose|grown|improved)\b", re.IGNORECASE)
_DIRECTION_NOUN = re.compile(
    r"\b(?P<cue>reductions?|decreases?|falls?|drops?|declines?|increases?|rises?|improvements?)\s+in\s+(?:the\s+)?"
    r"(?:(?:volume|number|numbers|rate|rates|proportion|use|level|levels)\s+of\s+)?"
    r"|(?<!\bor\s)\b(?P<fewer>fewer|more)\s+(?!than\b)",  # "two or more contacts" is a threshold, not a change
    re.IGNORECASE)

_LIST_BREAK = re.compile(r"\band\b|[,;:]")
_DURATION = re.compile(r"\s*(?:(?:working|calendar|school)\s+)?(?:months?|years?|weeks?|days?)\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:reduc\w*|decreas\w*|fell|fallen|falls?|drop\w*|declin\w*|lower\w*|fewer|cut|halved|down|"
                   r"no longer)\b", re.IGNORECASE)
_UP = re.compile(r"\b(?:increas\w*|rose|risen|rise|rising|grow\w*|grew|higher|doubled|trebled|tripled|up)\b",
                 re.IGNORECASE)
_IMPROVED = re.compile(r"\bimprov\w*\b", re.IGNORECASE)
_COMPARISON = re.compile(r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|than\s+(?:in\s+)?(?:the\s+)?"
                         r"(?:other|non-?\s?pilot|comparison|control))\b|\bcontrol\s+group|\bnon-?\s?pilot\b",
                         re.IGNORECASE)
# how things were done before, said of the same place: "under the old rota"; not "in the rest of the county"
_THE_OLD_WAY = r"(?:under|with)\s+the\s+(?:old|former)\s+\w+(?![^,;.]*\b(?:rest\s+of|elsewhere|other\s+\w+))"
# a figure's baseline printed after it: "now 16%, down from 33% in 2021", "fallen to 19%, from 28% at the
# time of the last inspection", "9%, compared with 17% two years ago", "96%, compared with 60% under the old rota",
# "12%, compared with 21% when the strategy began", "37 approved against 29 the previous year"; after "compared
# with", "against" or a bare "from" only when a time follows, and never a comparison group's figure or a target
# ("compared with 22% nationally", "compared with 24% in England last year")
_BASELINE_AFTER = re.compile(
    rf"(?:\b(?P<moved>down|up|falling|rising|(?:increase|rise|reduction|decrease|fall|drop|decline|improvement)"
    rf"(?:\s+of\s+\d+%?)?)\s+from|(?P<adjacent>(?<=\d)|(?<=%)|(?<=\bcent))\s+from|(?P<comma>,)\s*from|\bcompare[sd]?\s+(?:with|to)|\bagainst|(?P<was>,\s*having\s+(?:been|peaked)(?:\s+at)?|[;,]\s*"
    rf"(?:and\s+)?(?:{PAST},?\s+(?:(?:the|that|this|it)(?:\s+{FIGURE_NOUN})?\s+(?:was|had\s+been|stood\s+at)|"
    rf"they\s+(?:were|had\s+been|stood\s+at))|(?:the|that)\s+{FIGURE_NOUN}\s+{PAST}\s+(?:was|had\s+been|stood\s+at))))\s+"
    rf"(?:closer?\s+to\s+)?{HEDGE}"
    rf"(?P<v>{_N_IN_M}|{AMOUNT}|{FRACTION}|{_WORDS_ALONE})(?!(?:st|nd|rd|th)?\s+{_MONTH}\b)(?P<r>{PER_10000})?"
    rf"(?P<when>[^,;.]{{0,60}}?\b(?:(?:19|20)\d\d|ago|before|previous|last|{_MONTH}|{_THE_OLD_WAY}|"
    rf"baseline|time of|start|beginning|earlier|when\s+(?:the|our|its|this|we|it)\b[^,;.]{{0,40}}?\b(?:began|begun|"
    rf"started|launched|introduced|agreed|opened))\b)?", re.IGNORECASE)
_AIMED_AT = re.compile(r"\b(?:target|aim|ambition|goal|trajectory)s?\b", re.IGNORECASE)
# a bracket holding only a figure and the year it was that: "94% were held on time (88% in 2022/23)"
# or an earlier figure said so: "17 went to Stage 2 (previously 23)", "(last year: 23)", "(23 the year before)"
_BRACKETED_BASELINE = re.compile(
    rf"\(\s*(?:(?P<v>{AMOUNT})(?P<r>{PER_10000})?\s+(?:in|at)\s+(?P<when>(?:19|20)\d\d(?:[/–-]\d\d)?)|"
    rf"(?:previously|(?:last|the\s+previous)\s+year:?|was)\s+(?P<earlier>{AMOUNT})|"
    rf"(?P<before>{AMOUNT})\s+(?:previously|(?:last|the\s+previous)\s+year|the\s+year\s+before))\s*\)", re.IGNORECASE)
# the others a council's figure is compared with, not its own earlier self
COMPARISON_GROUPS = (r"england|national(?:ly)?|statistical neighbours?|comparators?|regional|neighbouring|"
                     r"(?:comparable|comparison|similar|other) (?:(?:[A-Z][a-z]+|inner|outer) ){0,2}(?:authorities|areas|councils|"
                     r"teams|boroughs|counties)|"
                     r"(?:control|comparison|matched) groups?|"
                     r"(?:club|peer[- ]group|benchmarking(?: group| club)?) (?:average|median|mean|figure|rate)s?")
_GROUP_NAMED = re.compile(rf"\b(?:{COMPARISON_GROUPS}|average)", re.IGNORECASE)
# … where "average" is a group's, a noun standing alone: "the average (88%)", "the average for England", not our own
# "Caseloads average 16", "the average caseload"
_A_GROUPS_AVERAGE = re.compile(rf"\b(?:{COMPARISON_GROUPS})|\baverage\b(?=\s*(?:[(,.;:]|$|of\b|for\b|in\b|across\b))",
                               re.IGNORECASE)
# a share said of a group right after it: "18 per cent for children in care nationally", "18% in England"; not "22%
# against 16% nationally", whose group is the other figure's
_SAID_OF_A_GROUP = re.compile(rf"(?:\s+(?!(?:and|against|compared|than|but|while|whereas)\b)[\w'’-]+){{0,6}}?\s+(?:in\s+|across\s+)?"
                              rf"(?:{COMPARISON_GROUPS})\b", re.IGNORECASE)
# not a year, nor "per 10,000", nor an ordinal ("18th")
_A_NUMBER = re.compile(r"(?<!per )(?<!\d/)(?<!\d-)(?<!\d–)(?<![\d,.])\b(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?(?!\d|\.\d|(?:st|nd|rd|th)\b)")
_A_SHARE = re.compile(_A_NUMBER.pattern + r"\s*(?:%|per\s?cent(?!age))", re.IGNORECASE)  # not a move in points


@dataclass
class Baseline:
    """What a figure printed before it was earlier: its value, its unit (None: the figure's own) and when."""
    start: int  # in the sentence
    end: int
    value: float
    unit: str | None
    period: str | None


_NEXT_CLAUSE = re.compile(r"\s+(?:and|but|while|whereas)\s+|\s+[-–]\s+")


def baselines_after(text: str) -> list[Baseline]:
    """The baselines a sentence prints after its figures (see _BASELINE_AFTER and _BRACKETED_BASELINE),
    not the start of a from-to ("from 28% to 19%" is read whole)."""
    found = []
    for match in _BASELINE_AFTER.finditer(text):
        whole = _FROM_TO.search(text, match.start())
        rest = text[match.end("r") if match.group("r") else match.end("v"):]
        if not (match.group("moved") or match.group("was") or match.group("when") and match.group("adjacent") is None
                or _after_a_move(match)) \
                or _is_year(match.group("v")) \
                or (whole is not None and whole.start() < match.start("v")) or _GROUP_NAMED.search(match.group(0)) \
                or _AIMED_AT.search(match.group(0)) or match.group("was") and elsewhere(rest) or not (
                    match.group("moved") or match.group("adjacent") or match.group("comma")) and elsewhere(
                    _NEXT_CLAUSE.split(rest, 1)[0]):  # not "compared with 52 in Somerset"
            continue
        year = re.search(r"(?:19|20)\d\d", match.group("when") or "")
        found.append(_baseline(match, f"since {year.group(0)}" if year else None))
    for match in _BRACKETED_BASELINE.finditer(text):
        clause = text[:match.start()].rsplit(";", 1)[-1]
        if _A_GROUPS_AVERAGE.search(clause) or re.search(r"\bthan\b", clause):
            continue  # a comparator's figure ("above the national average (88% in 2023)"); not "Caseloads average 16
            # (previously 22)", "The average caseload is 16 (was 19)"
        if match.group("when") is None:
            found.append(_baseline(match, None, match.group("earlier") or match.group("before")))
        elif not any(int(earlier) <= int(match.group("when")[:4])
                     for earlier in re.findall(r"\b(?:19|20)\d\d\b", clause)):  # not a later figure
            found.append(_baseline(match, f"since {match.group('when')}"))
    return sorted(found, key=lambda baseline: baseline.start)


# a figure a change moved to, printed last: "rose to 91%" (before " from 78%"), "fell to 28% of frontline posts"
_MOVED_TO = re.compile(rf"\b(?:increased|rose|risen|fell|fallen|reduced|decreased|dropped|declined|improved|grew|grown|"
                       rf"reached|(?:came|come|gone|went)\s+(?:down|up))\b[^.;()]{{0,60}}?\b(?:to\s+)?{HEDGE}"
                       rf"(?P<to>{AMOUNT})"
                       rf"(?:{PER_10000})?(?:\s+of\s+(?:[\w'’-]+\s+){{0,3}}[\w'’-]+)?$", re.IGNORECASE)
_AFTER_A_BASELINE = {"in", "at", "on", "by", "last", "a", "the", "when", "before", "ago", "previously", "and", "but",
                     "per", "earlier", "over", "during", "since", "two", "three", "four", "five"}


def _after_a_move(match: re.Match) -> bool:
    """'rose to 91% from 78%': the figure it moved from, printed right after the one it moved to, in its
    unit and counting nothing else ("rose to 420 from 35 schools", "fell to 18 from 1 April" are no
    baselines)."""
    moved = _MOVED_TO.search(match.string, 0, match.start())
    if match.group("adjacent") is None and match.group("comma") is None or moved is None \
            or match.group("v")[:1].isalpha():
        return False
    counted = re.match(r"\s*([a-z]+)", match.string[match.end("v"):], re.IGNORECASE)
    return parse_amount(moved.group("to")).unit == parse_amount(match.group("v")).unit and (
        counted is None or counted.group(1).lower() in _AFTER_A_BASELINE)


# what follows a figure said to be another area's, or one expected: "… in statistical neighbours", "… across the
# region", "… across the South West", "… in Bradford", "… we expected"
_ELSEWHERE = re.compile(rf"^[^,;.]*?(?:\b(?:{COMPARISON_GROUPS}|average|region|expected|forecast|projected|"
                        r"target)\b|\b(?:in|across|for)\s+(?-i:[A-Z][a-z]+)|\b(?:in|across|for)\s+the\s+(?:(?:north|south)(?:\s+"
                        r"(?:east|west))?|(?:east|west)(?:\s+midlands)?|region|country)\b)", re.IGNORECASE)


def elsewhere(rest: str) -> bool:
    """Whether the words after a figure, up to the clause's end, give it to another area or to a forecast."""
    rest = re.sub(rf"{PER_10000}|\b(?:in|at|by)\s+(?:{_MONTH}|(?:19|20)\d\d)", "", rest, flags=re.IGNORECASE)
    return bool(_ELSEWHERE.search(rest))


def _baseline(match: re.Match, period: str | None, value: str | None = None) -> Baseline:
    """The baseline a match's value (`value`, else its group `v`) and rate (`r`) give; a count's unit is
    the figure's own, and a count in words is a count ("compared with nine in June" is not 9%)."""
    value = value or match.group("v")
    share = share_in_words(value)  # "against more than a quarter two years ago"
    if share is not None:
        return Baseline(match.start(), match.end(), round(share, 2), "%", period)
    amount = parse_amount(value)
    in_words = not re.search(r"\d", value)
    unit = "per 10,000" if match.group("r") else "count" if in_words else None if amount.unit == "count" else amount.unit
    return Baseline(match.start(), match.end(), amount.value, unit, period)


# the words a figure follows when a change ends or begins at it: "has now dropped to", "had fallen from"
_ONE_END = re.compile(rf"\b(?P<verb>\w+)\s+(?:(?:now|further|steadily|sharply|back)\s+)?(?P<end>to|from)\s+{HEDGE}$",
                      re.IGNORECASE)
_A_CHANGE_BEFORE = re.compile(rf"\b(?:by|from)\s+{HEDGE}$", re.IGNORECASE)  # "dropped by 20%", "from 25% to 19%"
_OF_IT = re.compile(r"\s*of\s+(?:the\s+|all\s+)?")


def change_end(before: str) -> tuple[str, str] | None:
    """Which way a change went and which end of it ("to" or "from") the figure after `before` is, when the
    words just before the figure say so ("has now dropped to", "had fallen from"); otherwise None."""
    match = _ONE_END.search(before)
    if match is None:
        return None
    verb = match.group("verb")
    direction = "down" if _DOWN.fullmatch(verb) else "up" if _UP.fullmatch(verb) else None
    return (direction, match.group("end").lower()) if direction else None


def own_share(sentence: str, measure: re.Match) -> float | None:
    """The first share a sentence gives of the `measure` it names, as it stood: not after a comparison
    group or a target ("Nationally, turnover was 17%", "a target of 20%"), nor one compared with or said of a group
    after it ("This compares with 18% for children in care nationally"), not a change ("dropped by 20%",
    "fell from 25% to 19%" gives 19), and not a part of the measure ("64% of re-referrals were for neglect")."""
    for match in _A_SHARE.finditer(sentence):
        if _GROUP_NAMED.search(sentence, 0, match.start()) or _AIMED_AT.search(sentence, 0, match.start()):
            return None
        if _SAID_OF_A_GROUP.match(sentence, match.end()) or re.search(r"\bcompar\w*\s+with\s+$", sentence[:match.start()],
                                                                      re.IGNORECASE):
            continue  # "This compares with 18 per cent for children in care nationally": theirs
        if _A_CHANGE_BEFORE.search(sentence[max(0, match.start() - 40):match.start()]):
            continue
        of_it = _OF_IT.match(sentence, match.end())
        if of_it is not None and of_it.end() == measure.start():
            return None
        return parse_amount(match.group(0)).value
    return None


def share_position(text: str, start: int, end: int, value: float) -> int | None:
    """Where, between `start` and `end`, the share `value` is printed."""
    return next((match.start() for match in _A_SHARE.finditer(text, start, end)
                 if parse_amount(match.group(0)).value == value), None)


# a measure's earlier level told by a clause on it before its move or its level now: "Vacancies, which stood at 27% in
# the spring of 2023, had fallen to 15%", "Turnover, which stood at 21 per cent three years ago, is now 13 per cent"
STOOD_THEN_MOVED = re.compile(
    rf"\b(?:which|that)\s+(?:stood|sat)\s+at\s+{HEDGE}(?P<was>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|per\s?cent\b|days?\b|"
    rf"weeks?\b|months?\b|hours?\b)?(?:(?!\band\b)(?:[^.;\d]|{_YEAR})){{0,40}}?,?\s*(?:(?:has|had|have)\s+(?:since\s+)?"
    rf"(?:fallen|risen|dropped|climbed|increased|decreased|reduced|come\s+down|gone\s+up)\s+to|(?:is|are)\s+now|"
    rf"now\s+(?:stands?|sits?)\s+at)\s+{HEDGE}(?P<is>\d)"
    r"(?![\d,.]*\s*(?:%|per\s?cent|points?)?\s*(?:lower|higher|fewer|more|less|greater|above|below|of)\b)",
    re.IGNORECASE)  # not a difference: "…, is now 10 per cent lower"


# the "Stage " of "214 Stage 1 complaints": a label's number, not a figure
_A_LABEL = re.compile(r"\b(?:Stage|Tier|Level|Year|Key\s+Stage|Section|Phase|Step|Part)\s+$")


def baseline_for(text: str, baselines: list[Baseline], position: int, unit: str | None) -> Baseline | None:
    """Of the sentence's `baselines` (baselines_after), the one printed after the figure at
    `position` in the same clause, with no other figure in digits between them (no other share, for a
    share: "88% within 45 days, up from 71%"; a figure in words has none: "eight, up from three")."""
    for baseline in baselines:
        # a bracketed one only right after its figure ("9% of staff, and 40 new starters (was 12%)" is not 12 → 9)
        between = _A_SHARE if baseline.unit == "%" and text[baseline.start] != "(" else _A_NUMBER
        if baseline.start > position and (baseline.unit is None or baseline.unit == unit) \
                and sum(not _A_LABEL.search(text, 0, figure.start())
                        for figure in between.finditer(text, position, baseline.start)) <= 1 \
                and ";" not in text[position:baseline.start]:
            return baseline
    return None


_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:and|while|whereas|but|yet)\s+(?=(?:a|an|the|there|this|these|its|their|(?:[\w-]+\s+){1,5}(?:has|have|had|was|"
    r"were|is|are))\b)"
    r"|,\s+as\s+(?:has|have|had|did)\b", re.IGNORECASE)
_BETWEEN_YEARS = re.compile(rf"\b(?:between|from)\s+(?:\w+\s+)?({_YEAR})\s+(?:and|to)\s+(?:\w+\s+)?({_YEAR})\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:the|this|these)\s+(pilot|programme|program|model|approach|scheme|initiative|"
                          r"project|academy|hub|board|panel|new\s+roles?|intervention)\b", re.IGNORECASE)
_REPORTING = {"VBD", "VBN", "VBZ", "VBP"}  # past, participle, present: forms that report; not VB
_RESULT_VERBS = {"help", "manage", "continue", "begin", "start", "succeed", "go"}
_HEDGE_ADVERBS = {"potentially", "possibly", "probably", "likely", "perhaps"}
AIM_NOUNS = {"target", "aim", "ambition", "goal", "objective"}  # "a target of reducing re-referrals by 25%"
_AIMS = {"aim", "target", "intend", "plan", "hope", "expect", "want", "seek", "need", "assume", "forecast", "project",
         "anticipate"}  # "the business case assumed savings of £2.4 million"
# a direction with no figure counts only when the metric is named right by it
_DIRECTION_ONLY_REACH = 50
_ADJECTIVE_REACH = 15  # "a reduction in unnecessary referrals"
_DENOMINATOR = re.compile(r"(?:%|\bper\s?cent)\s+of\s+(?:the\s+|all\s+)?"
                          r"(?:(?:total\s+)?(?:number|population)\s+of\s+(?:the\s+)?)?$")
_GROUP_AFTER = re.compile(r"(?:['’]s)?\s+(?:who|whose|with|being|achieving|having|experiencing|attending|receiving|"
                          r"offending|going|reviews?|council|teams?|services?|panels?|boards?|nurses?)\b",
                          re.IGNORECASE)
_GROUP_BEFORE = re.compile(r"\b(?:for|of|among|between|to|by)\s+(?:the\s+|our\s+|its\s+|all\s+)?$", re.IGNORECASE)
_COUNT_OF = re.compile(r"\b(?:number|numbers|proportion|percentage|population|total|rate)\s+of\s+(?:the\s+|all\s+)?$",
                       re.IGNORECASE)
_REFERS_TO_NUMBER = re.compile(r"\b(?:the|this|that)\s+(?:number|numbers|rate|figure|proportion)\b", re.IGNORECASE)
_MULTIPLIERS = {f"{lemma}d": change for lemma, change in MULTIPLYING.items()}  # "halved": -50


@dataclass
class OutcomeDraft:
    metric: str
    direction: str  # "down", "up" or "improved"
    value_from: float | None
    value_to: float | str | None  # a rank such as "top quartile" is kept as words
    unit: str | None  # of the values: "%", "£", "count", "rank"
    change: float | None  # signed
    change_unit: str | None  # "%", "£", "count"
    period: str | None
    comparison: bool
    refers_back: str | None  # "the pilot", "this approach": the intervention is named earlier, as this noun
    char_start: int  # of the clause the figure is in, in document offsets
    char_end: int
    figure_at: int  # where its figure (or the words of its change) starts, in document offsets


@dataclass
class _Amount:
    value: float
    unit: str


def parse_amount(text: str) -> _Amount:
    """'£3million' → (3000000, '£'); '36%' → (36, '%'); '7 percentage points' → (7, 'points');
    '436' → (436, 'count')."""
    lowered = text.lower().replace(",", "").replace(" ", "")
    unit = "£" if "£" in lowered else "points" if "point" in lowered else "%" if (
        "%" in lowered or "cent" in lowered) else "count"
    digits = re.search(r"\d+(?:\.\d+)?", lowered)
    if digits is None:  # "six", "forty-one", "six percentage points"
        tens, _, units = text.lower().strip().split()[0].partition("-")
        if tens not in NUMBER_WORDS or units and units not in NUMBER_WORDS:
            raise ValueError(f"no figure in {text!r}")
        return _Amount(float(NUMBER_WORDS[tens] + NUMBER_WORDS.get(units, 0)), unit)
    number = float(digits.group(0))
    scale = re.search(r"(?:million|billion|bn|m|k)$", lowered)
    return _Amount(round(number * SCALES[scale.group(0)], 2) if scale else number, unit)  # not 4099999.9999999995


def candidate(text: str, named: str | None, context_metric: str | None = None) -> bool:
    """Cheap test: could this sentence hold an outcome? Only these go through the parser.
    `named` is `metric_named(text)`, which the caller needs anyway."""
    if not (re.search(r"\d", text) or _DIRECTION_VERB.search(text) or _DIRECTION_NOUN.search(text)
            or _MULTIPLIED.search(text) or _RANK.search(text) or _BY.search(text)):  # "are down by half"
        return False
    if context_metric and _REFERS_TO_NUMBER.search(text) and re.search(r"\d", text):
        return True
    return named is not None


def metric_named(text: str) -> str | None:
    """The first metric a sentence names, if any."""
    named = [(match.start(), metric.id) for metric in metrics() for match in [metric.pattern.search(text)] if match]
    return min(named)[1] if named else None


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _nearest_metric(clause: str, position: int) -> tuple[int, Metric] | None:
    best: tuple[int, Metric, int] | None = None
    for metric in metrics():
        for match in metric.pattern.finditer(clause):
            # "from 7% to 18% of looked-after children": what the share is of, not what changed
            if _DENOMINATOR.search(clause, 0, match.start()) or (metric.counts_children
                                                                  and _names_a_group(clause, match)):
                continue
            if match.start() <= position < match.end():
                distance = 0
            elif match.end() <= position:
                distance = position - match.end()
            else:  # a metric after the figure is usually the next clause's subject
                distance = 2 * (match.start() - position)
            # "conversion of referrals" is a better reading than "referrals"
            if best is None or (distance, -len(match.group(0))) < (best[0], -best[2]):
                best = (distance, metric, len(match.group(0)))
    return (best[0], best[1]) if best else None


def _names_a_group(clause: str, match: re.Match) -> bool:
    """'Outcomes for children in care', 'looked-after children who have a dental check': the group
    a measure is taken of, not a count of the children in it."""
    return bool(_GROUP_AFTER.match(clause, match.end())
                or (_GROUP_BEFORE.search(clause, 0, match.start()) and not _COUNT_OF.search(clause, 0, match.start())))


def _direction(clause: str, position: int) -> str | None:
    """The direction word nearest the figure."""
    cues = [(abs(match.start() - position), name) for name, pattern in (("down", _DOWN), ("up", _UP), ("improved", _IMPROVED))
            for match in pattern.finditer(clause)]
    return min(cues)[1] if cues else None


def _signed(magnitude: float, direction: str | None) -> float:
    return -magnitude if direction == "down" else magnitude


def _is_year(amount_text: str) -> bool:
    return bool(re.fullmatch(_YEAR, amount_text.strip()))


def from_to(text: str, start: int = 0) -> tuple[re.Match, _Amount, _Amount] | None:
    """'rose from 112 to 140' (the first from character `start` on): the match and its two amounts, unless
    they are two years, a duration or the same figure."""
    match = next((match for match in _FROM_TO.finditer(text, start) if not a_range(match)), None)  # not a spread
    if match is None or (_is_year(match.group("a")) and _is_year(match.group("b"))) or _ages_or_a_period(
            text, match) or _bare_words(match):
        return None
    before, after = _from_to_amounts(match)
    return None if before.value == after.value else (match, before, after)


# what a from-to printed as a spread, not a change, follows or comes with: "salaries range from £38,000 to
# £45,000", "aged from 11 to 17", "paid from … to … depending on experience"; pay unless said to move
_RANGE_BEFORE = re.compile(r"(?:\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\W+(?:\w+\W+){0,3}|\baged\s+)$",
                           re.IGNORECASE)
_PAY_MOVED = re.compile(r"\b(?:increas|rais|rose|risen|fell|fallen|cut|reduc|decreas|grew|grown|went|lift|uplift)\w*",
                        re.IGNORECASE)
_PAY_BEFORE = re.compile(r"\b(?:paid|pay|salar(?:y|ies)|wages?)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\W*(?:depending|according\s+to\s+(?:experience|grade))", re.IGNORECASE)


def a_range(match: re.Match) -> bool:
    """Whether a from-to match is a spread of pay, ages or sizes rather than a change ("salaries rose from …
    to …" is one)."""
    clause = re.split(r"[,;.]\s", match.string[:match.start()])[-1]
    return bool(_RANGE_BEFORE.search(clause) or _PAY_BEFORE.search(clause) and not _PAY_MOVED.search(clause)
                or _RANGE_AFTER.match(match.string, match.end()))


# a spread printed without "from": "between six and ten families", "within the 50 to 70 range"; not sums, whose
# spread is an estimate's ("avoided costs of between £2.4m and £3.1m")
_SPREAD = re.compile(rf"\bbetween\s+(?!£)(?:{AMOUNT}|{_IN_WORDS})\s+and\s+(?!£)(?:{AMOUNT}|{_IN_WORDS})|"
                     rf"\b(?:{AMOUNT})\s*(?:to|-|–)\s*(?:{AMOUNT})\s+range\b", re.IGNORECASE)


def ranges(text: str) -> list[tuple[int, int]]:
    """The spans of the spreads a sentence prints (a from-to that is one, a_range; "between six and ten",
    "the 50 to 70 range"): figures that are neither changes nor levels."""
    return [(match.start(), match.end()) for match in _FROM_TO.finditer(text) if a_range(match)] + [
        (match.start(), match.end()) for match in _SPREAD.finditer(text)]


# what says a from-to ending in weeks or days measures a time taken: "the average wait fell from 31 to 19 weeks";
# not "full-time", "at times", "the length of support"
_TIME_TAKEN = re.compile(r"(?<![-\w])(?:time|waits?|waiting|took|timescales?|durations?|delays?)\b", re.IGNORECASE)
_YEARS = re.compile(r"\s*years?\b", re.IGNORECASE)


def _ages_or_a_period(text: str, match: re.Match) -> bool:
    """A from-to ending in a unit of time gives ages or a period ("support from 18 to 25 years"), unless
    both ends print the unit ("from 31 weeks to 19 weeks"; in years, ages too: "from 18 years to 25 years")
    or its clause names a time taken."""
    if not _DURATION.match(text, match.end()):
        return False
    if _DURATION.match(text, match.end("a")) and not _YEARS.match(text, match.end()):
        return False
    return not _TIME_TAKEN.search(re.split(r"[,;.]\s", text[:match.start()])[-1])


def _bare_words(match: re.Match) -> bool:
    """Ends in words with nothing counted between them ("open from ten to four", "from nine to five"): a
    clock's hours as often as a figure; "from four coordinators to eleven" and "from four to eleven coordinators"
    count something, and so does a move told just before ("halved, from six to three")."""
    counted = match.string[match.end("a"):match.start("b")]
    return not re.search(r"\d", match.group("a")) and not re.search(r"[a-z]{3,}\s+(?:in|into|to)\b", counted,
                                                                   re.IGNORECASE) \
        and not (_COUNTED_AFTER.match(match.string, match.end("b"))
                 and not _CLOCK.search(match.string, 0, match.start())) \
        and not (_MOVED_JUST_BEFORE.search(match.string, 0, match.start())  # "halved, from six to three"
                 and not _CLOCK.search(match.string, 0, match.start()))  # not "opening hours were cut, from nine to three"


_CLOCK = re.compile(r"\b(?:hours|open\w*|clos\w*|times?)\b", re.IGNORECASE)
# what the later end counts, printed after it: "from three to seven coordinators"; not "from nine to five pm"
_COUNTED_AFTER = re.compile(r"\s+(?!(?:hours|minutes|days|weeks|weekdays|weekends|months|years|nights|evenings|"
                            r"mornings|afternoons|am|pm|o'clock)\b)[a-z-]{3,}s\b")
_MOVED_JUST_BEFORE = re.compile(rf"\b(?:{'|'.join(MULTIPLIED_WORDS)}|fell|fallen|rose|risen|dropped|reduced|increased|"
                                r"decreased|cut|grew|grown|went\s+(?:up|down))\W*$", re.IGNORECASE)


def stated_share(text: str, whole: tuple[re.Match, _Amount, _Amount]) -> re.Match | None:
    """A change's size as a share printed right beside its two ends (`whole`, from_to's reading), with
    its words read by share_words; not the ends' own difference in points ("from 24% to 19%, a
    drop of 5 percentage points"), nor a share said of anything else in the sentence."""
    match, before, after = whole
    share = _SHARE_AFTER.match(text, match.end()) or _SHARE_BEFORE.search(text, 0, match.start())
    if share is None:
        return None
    words = share_words(share)
    restated = before.unit == "%" and share_in_words(words) is None and parse_amount(words).value == round(
        abs(after.value - before.value), 2)
    return None if restated else share


def size_printed_before(text: str, whole: tuple[re.Match, _Amount, _Amount]) -> tuple[int, int] | None:
    """The span of the size a change's two ends follow ("fell by 18%, from 812 to 666"): the same change
    told twice, so not a figure of its own."""
    size = _BY_SIZE_BEFORE.search(text, 0, whole[0].start())
    return (size.start(), size.end()) if size is not None else None


_BY_SIZE_BEFORE = re.compile(rf"\bby\s+{_size('by')},?\s*$", re.IGNORECASE)


def share_words(share: re.Match) -> str:
    """The size's words in a stated_share match: "almost 25%", "a tenth"."""
    return next(words for words in share.groupdict(default="").values() if words)


def _from_to_amounts(match: re.Match) -> tuple[_Amount, _Amount]:
    """The two amounts of a from-to match; a rate per 10,000, or a unit of time, printed after either is
    both's unit ("from 512 days to 398", "from 512 to 398 days")."""
    before, after = parse_amount(match.group("a")), parse_amount(match.group("b"))
    time = _DURATION.match(match.string, match.end("a")) or _DURATION.match(match.string, match.end())
    if match.group("ra") or match.group("rb"):
        before.unit = after.unit = "per 10,000"
    elif time and before.unit == after.unit == "count":
        before.unit = after.unit = time.group().split()[-1].lower().rstrip("s") + "s"
    return before, after


def refers_back(text: str) -> str | None:
    """'the pilot', 'this approach': the intervention is named before; the noun that refers to it."""
    match = _REFERS_BACK.search(text)
    return match.group(1).lower() if match else None


def period_of(sentence: Doc) -> str | None:
    """The years or date a sentence gives its figures ("2018–2020", "last year")."""
    return _period(sentence, sentence.text)


def _period(sentence: Doc, text: str) -> str | None:
    between = _BETWEEN_YEARS.search(text)
    if between:
        return f"{between.group(1)}–{between.group(2)}"
    for entity in sentence.ents:
        if entity.label_ == "DATE" and re.search(r"\d|month|year|week", entity.text):
            return entity.text
    return None


def _hedged(sentence: Doc, offset: int) -> bool:
    """A figure governed by a modal verb (will, could, should, may…) or a stated aim is a hope,
    not a result, and one that is negated ("have not improved") is none; so is a sentence that
    gives an instruction ("Ensure that…", a recommendation)."""
    if instruction(sentence):
        return True
    anchor = next((token for token in sentence if token.idx >= offset), None)
    if anchor is None:
        return False
    asserted = False  # a reporting verb form on the way up states the figure as fact
    for token in [anchor, *anchor.ancestors]:
        if any(child.tag_ == "MD" or child.dep_ == "neg" or child.lower_ in _HEDGE_ADVERBS
               for child in token.children):
            return True
        lemma = token.lemma_.lower()
        if (token.pos_ == "VERB" and lemma in _AIMS) or (token.pos_ == "NOUN" and lemma in AIM_NOUNS):
            return True
        if _so_that(token):
            return True  # "… so that the number of referrals is reduced"
        if not asserted and _infinitive_of_purpose(token):
            return True  # "an opportunity to drive improvements", "took action to reduce caseloads"
        asserted = asserted or token.tag_ in _REPORTING
    return False


def _so_that(token: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" and child.i > 0
               and child.doc[child.i - 1].lower_ in {"so", "order"} for child in token.children)


def _infinitive_of_purpose(token: Token) -> bool:
    """'to reduce …', 'has yet to be reduced' say what was meant, unless a reporting verb of result
    governs it ('helped to reduce')."""
    infinitive = token.tag_ in {"VB", "VBN"} and any(child.tag_ == "TO" and child.dep_ == "aux"
                                                       for child in token.children)
    if not infinitive:
        return False
    head = token.head
    return not (head.tag_ in _REPORTING and head.lemma_.lower() in _RESULT_VERBS)


def _is_verb(token: Token | None) -> bool:
    """A reporting verb with no object: "caseloads have reduced" says caseloads changed; "referrals
    reduced the effectiveness" says what referrals did to something else."""
    if token is None:
        return True
    return (token.dep_ != "amod" and token.tag_ in _REPORTING
            and not any(child.dep_ == "dobj" for child in token.children))


def _by_a_change(token: Token | None) -> bool:
    """'reduced by 36%' and 'went down by a third' give a change; 'evidenced by 12 agency workers' does not."""
    if token is None or token.lower_ != "by" or token.head.pos_ != "VERB":
        return True
    words = [token.head, *(child for child in token.head.children if child.dep_ == "prt")]
    return any(pattern.match(word.text) for word in words for pattern in (_DOWN, _UP, _IMPROVED))


# what a contract is offered or set at ("the bid was priced at £842,000"), a budget only with a verb that sets it:
# "the price fell from £5.2m to £4.6m" is a saving
_PRICE_NOUNS = {"price", "envelope", "bid", "tender"}
_PRICE_SET = {"be", "set", "fix", "cap", "price"}
BUDGET_NOUNS = {"budget", "overspend", "underspend", "overspending", "deficit", "forecast", "allocation", "shortfall",
                "value", *_PRICE_NOUNS}  # a contract's: "the estimated value is £3.6m"
# what a sum's size does: "the overspend is £4.2m", "fell to £3.1m", "we reduced the deficit to £2m"
_SIZE_VERBS = {"be", "fall", "rise", "reduce", "increase", "grow", "drop", "decrease", "stand", "remain", "cut", "set",
               "fix", "cap", "price"}  # "next year's budget is set at £151,000"


def a_budget(figure: Token) -> bool:
    """A sum of money that is a budget or its overspend ("The budget for 2024/25 is £41.6m", "an
    overspend of £4.2m", "the overspend fell from £8.2m to £3.1m"), what was set aside rather than what
    was done; but a budget something is done with is spent: "A budget of £3.1m was allocated to …"."""
    if not (figure.text.startswith("£") or figure.i > 0 and figure.doc[figure.i - 1].text == "£"):
        return False
    amount = next((token for token in figure.doc[figure.i:figure.i + 3] if token.like_num), figure)
    for node in (amount, *amount.ancestors):
        if node.pos_ == "NOUN" and node.lemma_.lower() in BUDGET_NOUNS:
            return not (node.dep_ in {"nsubj", "nsubjpass"} and node.head.lemma_ != "be")
        if node.pos_ in {"VERB", "AUX"} and node.lower_ not in SCALES:  # "£3.6m": the "m" is tagged a verb
            return node.lemma_ in _SIZE_VERBS and any(
                child.dep_ == "nsubj" or child.dep_ in {"dobj", "nsubjpass"} and node.lemma_ != "be"
                for child in node.children if child.lemma_.lower() in BUDGET_NOUNS and (
                    child.lemma_.lower() not in _PRICE_NOUNS or node.lemma_ in _PRICE_SET))  # not "the price fell"
    return False


def of_a_budget(sentence: Doc, start: int) -> bool:
    """Whether the first sum printed from `start` on is a budget's (a_budget)."""
    figure = next((token for token in sentence if token.idx >= start and (token.like_num or token.text == "£")), None)
    return figure is not None and a_budget(figure)


# a sentence opening with the group its figures are about: "Nationally, …", "Across England, …", "In the region, …"
_FRONTED_GROUP = re.compile(r"^\W*(?:\d[\d.]*\s+)?(?:nationally|regionally|(?:across|in|for)\s+(?:england|the\s+"
                            r"(?:country|region)))\b", re.IGNORECASE)
_TURN = re.compile(r";|\b(?:but|while|whereas|ours|our|we|locally|here|compared)\b", re.IGNORECASE)  # "…; ours is 68"


def said_of_a_group(text: str, position: int) -> bool:
    """A figure (at `position` of a sentence) in a sentence that opens by naming the comparison group its
    figures are about ("Nationally, turnover is 17%"), before the sentence turns to the council's own ("…;
    ours is 14%", "…, but we …")."""
    fronted = _FRONTED_GROUP.match(text)
    return fronted is not None and not _TURN.search(text, fronted.end(), position)


def find_outcomes(sentence: Doc, offset: int, context_metric: str | None = None) -> list[OutcomeDraft]:
    """Outcomes stated in one sentence, parsed on its own; `offset` places it in the document.
    `context_metric`, the metric the previous sentence named, is what "the number" refers to."""
    text = sentence.text
    comparison_sentence = bool(_COMPARISON.search(text))
    period = _period(sentence, text)
    found: list[OutcomeDraft] = []
    previous_metric: Metric | None = metric_by_id().get(context_metric) if context_metric else None
    tokens = {token.idx: token for token in sentence}
    baselines = baselines_after(text)
    stood = STOOD_THEN_MOVED.search(text)  # "which stood at 27% …, had fallen to 15%": one per sentence at most
    for clause_start, clause_end in _clauses(text):
        clause = text[clause_start:clause_end]
        cut = _COMPARISON.search(clause)
        scope = clause[:cut.start()] if cut else clause
        draft = _outcome_in(scope, found[-1].direction if found else None,
                            lambda offset, base=clause_start: tokens.get(base + offset))
        if draft is None:
            continue
        metric_id, direction, value_from, value_to, unit, change, change_unit, position = draft
        if _hedged(sentence, clause_start + position) or of_a_budget(sentence, clause_start + position) \
                or said_of_a_group(text, clause_start + position):
            continue
        draft_period, compared = period, comparison_sentence
        if value_from is None and isinstance(value_to, float) and change is None \
                and (baseline := baseline_for(text, baselines, clause_start + position, unit)) is not None:
            value_from, change = baseline.value, round(value_to - baseline.value, 2)
            change_unit = "points" if unit == "%" else unit
            direction = "down" if change < 0 else "up" if change > 0 else direction
            draft_period = baseline.period or period
            compared = bool(_COMPARISON.search(text[:baseline.start] + text[baseline.end:]))  # not the baseline's
        if stood is not None and value_from is None and isinstance(value_to, float) and change is None \
                and stood.start("is") >= clause_start + position:
            value_from = float(stood.group("was").replace(",", ""))
            change, change_unit = round(value_to - value_from, 2), "points" if unit == "%" else unit
            direction = "down" if change < 0 else "up" if change > 0 else direction
        if metric_id is None:
            nearest = _nearest_metric(scope, position)
            if nearest is not None:
                previous_metric = nearest[1]
            elif previous_metric is None:
                continue
            metric_id = previous_metric.id
        found.append(OutcomeDraft(
            metric_id, direction, value_from, value_to, unit, change, change_unit, draft_period, compared,
            refers_back(text), offset + clause_start, offset + clause_end, offset + clause_start + position))
        moved = MOVED_BY_THEN_TO.match(scope, position) if value_from is None and change is None else None
        if moved is not None:  # "fell by 6 percentage points, to 20%": the move, too
            size, size_unit = moved_size(moved)
            found.append(OutcomeDraft(
                metric_id, direction, None, None, None, size, size_unit, draft_period, compared,
                refers_back(text), offset + clause_start, offset + clause_end, offset + clause_start + moved.start("c")))
        whole = from_to(scope) if value_from is not None else None
        share = stated_share(scope, whole) if whole is not None else None
        if share is not None:  # "fell from 224 to 171, a reduction of almost 25%": the change as printed, too
            size, size_unit = signed_change(share_words(share), direction)
            found.append(OutcomeDraft(
                metric_id, direction, None, None, None, round(size, 2), size_unit, draft_period, compared,
                refers_back(text), offset + clause_start, offset + clause_end, offset + clause_start + share.start()))
    return found


def _outcome_in(scope: str, inherited_direction: str | None = None, token_at=lambda _offset: None):
    """(metric id or None, direction, from, to, unit, change, change unit, position) or None."""
    for pattern in (_FROM_TO, _PAIRED_YEARS):
        # a time taken is no controlled metric's ("Waits fell from 31 to 19 weeks and caseloads fell from 22 to
        # 17": the caseloads' change is the second); the open reading gives it its own measure
        match = next((match for match in pattern.finditer(scope) if (pattern is not _FROM_TO or not a_range(match))
                      and not _DURATION.match(scope, match.end())), None)
        if match and not (_is_year(match.group("a")) and _is_year(match.group("b"))):
            before, after = _from_to_amounts(match) if pattern is _FROM_TO else (
                parse_amount(match.group("a")), parse_amount(match.group("b")))
            if pattern is _PAIRED_YEARS and match.group("ya")[:4] > match.group("yb")[:4]:
                before, after = after, before  # "22% in 2024 and 25% in 2019": from 2019's to 2024's
            if before.value == after.value:
                return None
            unit = after.unit if after.unit != "count" else before.unit
            direction = "down" if after.value < before.value else "up"
            change, change_unit = after.value - before.value, "points" if unit == "%" else unit
            return None, direction, before.value, after.value, unit, round(change, 2), change_unit, match.start()
    match = _TO_VALUE.search(scope)
    if match and not _is_year(match.group("b")):
        amount = parse_amount(match.group("b"))
        unit = "per 10,000" if match.group("rb") else amount.unit
        return None, _direction_of(match.group("cue")), None, amount.value, unit, None, None, match.start()
    match = _NO_LONGER_SPENT.search(scope) or _SAVING.search(scope)
    if match:
        amount = parse_amount(match.group("c"))
        return "spend", "down", None, None, None, -amount.value, "£", match.start()
    for pattern in (_CHANGE_NOUN, _BY, _MOVED_SIZE):
        match = pattern.search(scope)
        if match and not _is_year(match.group("c")) and _by_a_change(token_at(match.start())):
            # "…have reduced (by 36%), as has the number of looked-after children (by 15%)"
            found_direction = _direction(scope, match.start()) or inherited_direction
            if found_direction is None:
                continue
            direction = found_direction
            change, change_unit = signed_change(match.group("c"), direction)
            timed = TIME_UNIT.match(scope, match.end())
            if change_unit == "count" and timed:  # "fell by 40 days": a wait's change, in its unit
                change_unit = timed.group(1).lower().rstrip("s") + "s"
            return None, direction, None, None, None, round(change, 2), change_unit, match.start()
    match = _MULTIPLIED.search(scope)
    if match:
        change = _MULTIPLIERS[match.group("cue").lower()]
        return None, "down" if change < 0 else "up", None, None, None, change, "%", match.start()
    match = _RANK.search(scope)
    if match:
        rank = f"{match.group('q').lower()} {match.group('u').lower()}"
        direction = "down" if match.group("q").lower() in {"bottom", "lowest"} else "up"
        return None, direction, None, rank, "rank", None, None, match.start()
    for match in _DIRECTION_VERB.finditer(scope):
        if not _is_verb(token_at(match.start("cue"))):
            continue  # "improved morale" names a hope, "morale improved" a result
        # the metric is the verb's subject: "sickness absence has reduced", not "reduced spend"
        nearest = _nearest_metric(scope[:match.start()], match.start())
        gap = scope[max(match.start() - (nearest[0] if nearest else 0), 0):match.start()]
        if nearest and nearest[0] <= _DIRECTION_ONLY_REACH and not _LIST_BREAK.search(gap):
            return nearest[1].id, _direction_of(match.group("cue")), None, None, None, None, None, match.start()
    for match in _DIRECTION_NOUN.finditer(scope):
        # the metric follows: "a reduction in referrals", "fewer child protection plans"
        nearest = _nearest_metric(scope[match.end():], 0)
        if nearest and nearest[0] <= _ADJECTIVE_REACH:
            cue = match.group("cue") or ("fewer" if match.group("fewer").lower() == "fewer" else "increase")
            return nearest[1].id, _direction_of(cue), None, None, None, None, None, match.start()
    return None


def moved_size(moved: re.Match) -> tuple[float, str]:
    """The signed size and unit of a move MOVED_BY_THEN_TO found."""
    size, unit = signed_change(moved.group("c"), _direction_of(moved.group("cue")))
    return round(size, 2), unit


def _direction_of(cue: str) -> str:
    cue = cue.lower()
    return "improved" if cue.startswith("improv") else "down" if _DOWN.search(cue) else "up"


def share_of(parts: float, whole: float) -> float:
    """So many in so many ("one in three", "a third") in whole per cent, as readers write it: 33.0; but exact when
    one decimal holds it ("one in eight": 12.5)."""
    exact = 100 * parts / whole
    return exact if round(exact, 1) == exact else float(round(exact))


def share_in_words(text: str) -> float | None:
    """ "half", "a third", "two-thirds", "three quarters", "one in ten" in per cent; None for anything else."""
    words = [word for word in text.lower().replace("-", " ").split() if word != "every"]  # "three in every eight"
    if len(words) >= 3 and words[-2] in {"in", "of"}:  # "one in ten", "nine out of ten"
        parts, whole = (float(word) if word.isdigit() else NUMBER_WORDS.get(word, 0) for word in (words[0], words[-1]))
        return share_of(parts, whole) if 0 < parts < whole else None
    if len(words) == 1 and words[0] == "half":
        return share_of(1, 2)
    if len(words) == 2 and words[0] in _SEVERAL and words[1] in PARTS:
        return share_of(_SEVERAL[words[0]], PARTS[words[1]])
    return None


def signed_change(text: str, direction: str | None) -> tuple[float, str]:
    """A change's size in words or figures, signed by its direction, with its unit: "a fifth", "22%", "£2m"."""
    fraction = share_in_words(text)
    if fraction is not None:
        return _signed(fraction, direction), "%"
    amount = parse_amount(text)
    return _signed(amount.value, direction), amount.unit
