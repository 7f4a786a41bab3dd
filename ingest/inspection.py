"""Reads an Ofsted children's services inspection report: which council, when, under which
framework, and every graded judgement, each with the words it was read from.

Recognised by content, not by folder. Four frameworks: the 2013 inspections of looked-after
children services (lac_2013), the single inspection framework (sif, including re-inspections),
and ILACS standard or short inspections (ilacs_standard / ilacs_short). A grade that cannot be
read is reported missing, never guessed; a text that opens as an Ofsted inspection report but
yields no inspection gets a one-line reason (read_report), so that no report is skipped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kg.model.graph import Judgement
from kg.model.vocabulary import GRADE_PATTERN, MONTHS, grade_of

_GRADE = GRADE_PATTERN[:-1] + "|not judged)"

# Areas as each framework prints them, most specific wording first.
ILACS_AREAS = [
    ("impact_of_leaders", r"The impact of leaders on social work practice with children and families"),
    ("help_and_protection", r"The experiences and progress of children who need help and protection"),
    ("children_in_care", r"The experiences and progress of children in care and care leavers"),
    ("children_in_care", r"The experiences and progress of children in care"),
    ("care_leavers", r"The experiences and progress of care leavers"),
    ("overall_effectiveness", r"Overall effectiveness"),
]
SIF_AREAS = [
    ("help_and_protection", r"Children who need help and protection"),
    ("looked_after_and_permanence", r"Children looked after and achieving permanence"),
    ("adoption", r"Adoption performance"),
    ("care_leavers", r"Experiences and progress of care leavers"),
    ("leadership_management_governance", r"Leadership, management and governance"),
]
LAC_2013_AREAS = [
    ("overall_effectiveness", r"Overall effectiveness"),
    ("capacity_to_improve", r"Capacity to improve"),
    ("outcomes_for_looked_after_children", r"Outcomes for looked after children and young people"),
    ("quality_of_provision", r"Quality of provision"),
    ("leadership_and_management", r"Leadership and management"),
]

# Full or abbreviated ("18 Feb 2014", "Sept."): the lookup goes by the first three letters.
_MONTH_BY_ABBREVIATION = {name[:3]: number for name, number in MONTHS.items()}
_MONTH = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
# not the tail of a longer number: "2014" must never be read as the day 14
_DAY = r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?"
_DASH = r"\s*(?:to|until|[-–—─‐‑‒−])\s*"
_RANGE = re.compile(
    rf"{_DAY}\s*(?:{_MONTH})?\s*(\d{{4}})?{_DASH}{_DAY}\s+{_MONTH}\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC_RANGE = re.compile(rf"(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_DASH}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})")
_SINGLE = re.compile(rf"{_DAY}\s+{_MONTH}\s+(\d{{4}})", re.IGNORECASE)
_DATES_LABEL = re.compile(r"(?:Inspection dates?|Dates? of (?:the )?inspection)\s*:?\s*", re.IGNORECASE)
_PUBLISHED = re.compile(rf"(?:Report )?[Pp]ublished:?\s*{_DAY}\s+{_MONTH}\s+(\d{{4}})")
_PUBLISHED_NUMERIC = re.compile(r"(?:Report )?[Pp]ublished:?\s*(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass
class InspectionRecord:
    framework: str
    framework_basis: str
    council_names: list[str]
    start: date | None
    end: date | None
    published: date | None
    reinspection: bool
    judgements: list[Judgement] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


_OFSTED = re.compile(r"Ofsted|Majesty[’']s Inspector|\bHMI\b|Lead inspector|Reporting inspector")
# What a report prints under its title and an article or committee paper about one does not.
_FURNITURE = re.compile(r"Inspection dates?\b|Dates? of (?:the )?inspection|Lead inspector|Reporting inspector|"
                        r"Judgement\s+Grade", re.IGNORECASE)
_TITLE_START = re.compile(r"^[ \t]*(?:Re-?inspection|Inspection|Review) of\s", re.IGNORECASE | re.MULTILINE)
_TITLE_END = re.compile(r"\s(?:Inspection dates?|Dates? of (?:the )?inspection|Lead inspector|Reporting inspector|"
                        r"Report published|Published)\b", re.IGNORECASE)
_UNGRADED = re.compile(r"^[ \t]*(?:Focused visit|Monitoring visit|Joint targeted area inspection)\b",
                       re.IGNORECASE | re.MULTILINE)


def report_title(text: str) -> tuple[str, int] | None:
    """The report's own title and where it starts: a line near the top that opens 'Inspection of',
    'Re-inspection of' or 'Review of' and is about children. An article quoting a title does not open
    a line with it, so it has none."""
    for match in _TITLE_START.finditer(text[:1500]):
        title = _TITLE_END.split(_flat(text[match.start():match.start() + 400]), maxsplit=1)[0].strip()
        if re.search(r"child", title, re.IGNORECASE):
            return title, match.start()
    return None


def _recognised(text: str) -> tuple[str, int] | None:
    """The title of a text that opens as an Ofsted inspection report: a title, Ofsted or its
    inspectors named, and the dates, inspector or judgement table printed under it."""
    found = report_title(text)
    if found is None or not _OFSTED.search(text[:20000]) or not _FURNITURE.search(text[:6000]):
        return None
    return found


def detect_framework(text: str) -> tuple[str, bool] | None:
    """(family, reinspection) for an inspection report, None for anything else."""
    found = _recognised(text)
    return _family(found[0]) if found else None


def _family(title: str) -> tuple[str, bool] | None:
    """The framework a title names; None for a title of a framework this module does not read (the
    2012 safeguarding and looked after children inspections, say)."""
    if re.match(r"Inspection of looked after children services", title, re.IGNORECASE):
        return "lac_2013", False
    sif = re.match(r"(Re-?inspection|Inspection) of services for children in need of help and protection", title,
                   re.IGNORECASE)
    if sif:
        return "sif", sif.group(1).lower().startswith("re")
    if re.match(r"Inspection of .{0,120}?children.?s (?:social care )?services", title, re.IGNORECASE):
        return "ilacs", False
    if re.match(r"Review of the effectiveness of the Local Safeguarding Children Board", title, re.IGNORECASE):
        return "sif_lscb_review", False
    return None


def read_report(text: str, declared: bool = False) -> tuple[InspectionRecord | None, str | None]:
    """The inspection a report records, or None and the reason it records none when the text opens
    as an Ofsted inspection report (or is declared to be one) — so that no report is dropped
    silently; (None, None) for any other text."""
    found = _recognised(text)
    if found is None:
        if not declared:
            return None, None
        if _UNGRADED.search(text[:1500]):
            return None, "an Ofsted visit letter (focused, monitoring or joint targeted area), which grades nothing"
        return None, "does not open as an Ofsted inspection report (a title, then its dates and inspector)"
    title = found[0]
    detected = _family(title)
    if detected is None:
        return None, f"its title names no inspection framework this reader knows: {title[:100]!r}"
    record = _parse(text, *detected)
    if not record.judgements:
        return None, (f"recognised as an Ofsted inspection report ({record.framework}), but no graded judgement "
                      "could be read from it")
    return record, None


def parse_inspection(text: str) -> InspectionRecord | None:
    """The inspection a report records; None for any other text, and for a report none can be read
    from (read_report says why)."""
    return read_report(text)[0]


def _parse(text: str, family: str, reinspection: bool) -> InspectionRecord:
    blocks = fieldwork_blocks(text)
    start = min((b[0] for b in blocks), default=None)
    end = max((b[1] for b in blocks), default=None)
    published = _published(text)
    record = InspectionRecord(
        framework=family, framework_basis="", council_names=council_names(text), start=start, end=end,
        published=published, reinspection=reinspection,
    )
    if family == "ilacs":
        days = sum((b[1] - b[0]).days + 1 for b in blocks)
        record.framework = "ilacs_short" if blocks and days <= 7 else "ilacs_standard"
        record.framework_basis = (
            f"ILACS judgement table; {days} calendar days of fieldwork "
            f"({'one week: short' if days <= 7 else 'two weeks: standard'} inspection)" if blocks
            else "ILACS judgement table; no fieldwork dates, assumed standard"
        )
        # the table's header, or its first row where a report prints no header
        _table(text, ILACS_AREAS, record, after=r"Judgement\s+Grade|The impact of leaders on social work practice")
        expected = ["impact_of_leaders", "help_and_protection", "children_in_care", "overall_effectiveness"]
    elif family == "sif":
        record.framework_basis = ("SIF re-inspection (title)" if reinspection
                                  else "single inspection framework (title: services for children in need of "
                                       "help and protection, children looked after and care leavers)")
        _sif_overall(text, record)
        _table(text, SIF_AREAS, record, after=r"1\.\s*Children who need help")
        # the board was reviewed alongside the inspection only when the title says so
        reviews_board = bool(re.search(r"Review of the effectiveness of the Local Safeguarding Children Board",
                                       _flat(text[:1500]), re.IGNORECASE))
        if reviews_board:
            _lscb(text, record)
        expected = ["overall_effectiveness", "help_and_protection", "looked_after_and_permanence", "adoption",
                    "care_leavers", "leadership_management_governance"] + (["lscb"] if reviews_board else [])
    elif family == "sif_lscb_review":
        record.framework = "sif"
        record.framework_basis = "SIF review of the Local Safeguarding Children Board only (title)"
        _lscb(text, record)
        expected = ["lscb"]
    else:
        record.framework_basis = "2013 inspection of looked after children services (title)"
        _table(text, LAC_2013_AREAS, record, after=r"Record of main findings")
        expected = [area for area, _ in LAC_2013_AREAS]
    found = {j.area for j in record.judgements}
    record.missing = [f"grade for {area}" for area in expected if area not in found]
    if start is None:
        record.missing.append("inspection dates")
    return record


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), _MONTH_BY_ABBREVIATION[month[:3].lower()], int(day))
    except (ValueError, KeyError):
        return None


def _numeric_date(day: str, month: str, year: str) -> date | None:
    """A dd/mm/yyyy date, None when it is not a real day."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def fieldwork_blocks(text: str) -> list[tuple[date, date]]:
    """Every 'from – to' range after 'Inspection date(s):' (some reports print two blocks)."""
    label = _DATES_LABEL.search(text[:6000])
    if not label:
        return []
    segment = text[label.end():label.end() + 160]
    stop = re.search(r"Lead inspector|Reporting inspector|Report published|Published|Judgement|Age group|"
                     r"The overall|Children’s services in", segment)
    segment = segment[:stop.start()] if stop else segment
    blocks = []
    for match in _RANGE.finditer(segment):
        day1, month1, year1, day2, month2, year2 = match.groups()
        end = _date(day2, month2, year2)
        if end is None:
            continue
        month1 = month1 or month2
        start = _date(day1, month1, year1 or year2)
        if start is not None and start > end and not year1:
            start = _date(day1, month1, str(int(year2) - 1))
        if start is not None and start <= end:
            blocks.append((start, end))
    for match in _NUMERIC_RANGE.finditer(segment):
        start, end = _numeric_date(*match.groups()[:3]), _numeric_date(*match.groups()[3:])
        if start is not None and end is not None and start <= end:
            blocks.append((start, end))
    if not blocks:
        single = _SINGLE.search(segment)
        if single:
            day = _date(*single.groups())
            if day:
                blocks.append((day, day))
    return blocks


def _published(text: str) -> date | None:
    match = _PUBLISHED.search(text[:6000])
    if match:
        return _date(*match.groups())
    numeric = _PUBLISHED_NUMERIC.search(text[:6000])
    return _numeric_date(*numeric.groups()) if numeric else None


_COUNCIL_IN_TITLE = [
    re.compile(r"Inspection of (?:the )?(.{3,80}?) local authority children[’']s services", re.IGNORECASE),
    re.compile(r"Inspection of looked after children services\s+(.{3,80}?)\s+Inspection dates?", re.IGNORECASE),
    re.compile(r"Inspection of (?:the )?(.{3,80}?(?:Council|Borough of [A-Z][\w ]+?))\s+children[’']s services",
               re.IGNORECASE),
]
# The opening sentence of some reports; a weaker clue than the title, so it comes last.
_COUNCIL_IN_SENTENCE = re.compile(r"(?i:Children[’']s services in) (?:the )?([A-Z][\w ,'’&-]{1,60}?) "
                                  r"(?:are|is|requires?) ")
# Words around a council's name that are not part of it: "Council of the Isles of Scilly",
# "London Borough of Ealing local authority", "Surrey Safeguarding Children Board".
_NOT_THE_NAME = [
    re.compile(r"^(?:the\s+)?council\s+of\s+(?:the\s+)?", re.IGNORECASE),
    re.compile(r"\s+(?:local authority|council area|area)$", re.IGNORECASE),
    re.compile(r"\s*(?:Local\s+)?Safeguarding\s+Children[’']?s?\s+Board$", re.IGNORECASE),
]


def council_names(text: str) -> list[str]:
    """What the report calls its council, most telling first: its title, then the lines just above
    the title (where many reports name the council, sometimes wrapped over two lines), then its
    opening sentence."""
    head = _flat(text[:2500])
    names = [match.group(1) for pattern in _COUNCIL_IN_TITLE for match in [pattern.search(head)] if match]
    found = report_title(text)
    if found is not None:
        above = [_flat(line).strip() for line in text[:found[1]].split("\n") if line.strip()]
        if 0 < len(" ".join(above).split()) <= 12:
            names.append(" ".join(above))
        # a line of its own ("Ofsted" above "Council of the Isles of Scilly"), but never one word
        # left over from a wrapped name ("Council", "Fulham")
        names.extend(line for line in reversed(above[-3:]) if len(line.split()) >= 2)
    sentence = _COUNCIL_IN_SENTENCE.search(head)
    if sentence:
        names.append(sentence.group(1))
    return list(dict.fromkeys(name for name in map(_council_name, names) if name))


def _council_name(printed: str) -> str:
    """The name without the words around it, so that the reference file's names match it."""
    name = re.sub(r"\s+", " ", printed).strip()
    for pattern in _NOT_THE_NAME:
        name = pattern.sub("", name)
    return name.strip(" ,")


def _table(text: str, areas: list[tuple[str, str]], record: InspectionRecord, after: str) -> None:
    """Area–grade pairs in a judgement table, in the order printed, starting at `after`."""
    anchors = list(re.finditer(after, text))
    if not anchors:
        return
    # a contents page may name the table before the table itself: take the last mention
    anchor = anchors[-1] if after.startswith("Record") else anchors[0]
    segment_start = anchor.start()
    segment = text[segment_start:segment_start + 1500]
    wanted = [(area, label) for area, label in areas if all(j.area != area for j in record.judgements)]
    columns = _table_by_columns(segment, segment_start, wanted)
    record.judgements.extend(_table_by_rows(segment, segment_start, wanted) if columns is None else columns)


def _table_by_rows(segment: str, segment_start: int, areas: list[tuple[str, str]]) -> list[Judgement]:
    """Each area's label followed by its grade."""
    read: list[Judgement] = []
    taken: list[tuple[int, int]] = []
    for area, label in areas:
        if any(j.area == area for j in read):
            continue
        pattern = label.replace(" ", r"\s+")
        for match in re.finditer(rf"(?:\d(?:\.\d)?\.?\s*)?({pattern})\s*[:.\-–]?\s*{_GRADE}\b", segment, re.IGNORECASE):
            span = (match.start(1), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            # "children in care" must not be read out of "children in care and care leavers"
            if _flat(segment[match.end(1):match.end(1) + 20]).lower().startswith(" and care leavers") and \
                    "and care leavers" not in label:
                continue
            taken.append(span)
            read.append(Judgement(
                area=area, grade=grade_of(match.group(2)), printed=re.sub(r"\s+", " ", match.group(0)).strip(),
                char_start=segment_start + span[0], char_end=segment_start + span[1]))
            break
    return read


def _table_by_columns(segment: str, segment_start: int,
                      areas: list[tuple[str, str]]) -> list[Judgement] | None:
    """A table whose text came out column by column: three or more labels one after another, then
    as many grades in the same order. None when the table is not laid out so; nothing read unless
    the counts agree, as the first label's grade would otherwise be read beside the last label."""
    header = re.match(r"(?:Judgement\s+Grade)?\s*", segment, re.IGNORECASE)
    position = header.end() if header else 0
    labels: list[tuple[str, int, int]] = []
    while True:
        for area, label in areas:
            pattern = label.replace(" ", r"\s+")
            match = re.compile(rf"(?:\d(?:\.\d)?\.?\s*)?({pattern})\s*", re.IGNORECASE).match(segment, position)
            if match and all(area != seen for seen, _, _ in labels):
                labels.append((area, match.start(1), match.end(1)))
                position = match.end()
                break
        else:
            break
    if len(labels) < 3:
        return None
    grades = re.compile(r"\s*".join([_GRADE] * len(labels)) + r"\b", re.IGNORECASE).match(segment, position)
    if grades is None:
        return []
    return [Judgement(area=area, grade=grade_of(printed), printed=f"{_flat(segment[start:end])} {_flat(printed)}",
                      char_start=segment_start + start, char_end=segment_start + end)
            for (area, start, end), printed in zip(labels, grades.groups())]


_SIF_OVERALL = [
    re.compile(rf"The overall judgement is (?:that )?(?:children[’']s services (?:are |is )?)?{_GRADE}", re.IGNORECASE),
    re.compile(rf"Children[’']s services in (?:the )?[A-Z][\w ,'’&-]{{1,60}}? (?:are |is )?(?:judged )?(?:to be )?{_GRADE}"),
]


def _sif_overall(text: str, record: InspectionRecord) -> None:
    """The SIF prints its overall grade in a sentence, not in its table."""
    head = text[:6000]
    for pattern in _SIF_OVERALL:
        match = pattern.search(head)
        if match:
            record.judgements.append(Judgement(
                area="overall_effectiveness", grade=grade_of(match.group(1)),
                printed=re.sub(r"\s+", " ", match.group(0)), char_start=match.start(), char_end=match.end()))
            return


_LSCB = re.compile(
    rf"(?:The effectiveness of the (?:Local Safeguarding Children Board(?: \(LSCB\))?|LSCB)|"
    rf"The Local Safeguarding Children Board(?: \(LSCB\))?(?: in [A-Z][\w ]+)?|The LSCB) (?:is |are )?{_GRADE}",
    re.IGNORECASE)


def _lscb(text: str, record: InspectionRecord) -> None:
    match = _LSCB.search(text)
    if match:
        record.judgements.append(Judgement(
            area="lscb", grade=grade_of(match.group(1)), printed=re.sub(r"\s+", " ", match.group(0)),
            char_start=match.start(), char_end=match.end()))
