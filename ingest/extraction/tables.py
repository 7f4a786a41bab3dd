"""Figures in a plain-text table of measures: a header line naming its columns, then rows of a label and one
figure per column, the cells set apart by runs of spaces, tabs or bars (as plain-text reports print them):

    Measure                     March 2022    March this year
    Vacancy rate                27%           14%

Columns headed by two or more times make each row a change from the earliest to the latest; a column headed by the
council beside columns of others (England, statistical neighbours, the region) gives the council's level; a lone
time column gives a level. Any other table (bidders' scores, budgets by line, a breakdown by age) says nothing of a
result, and neither do its rows' words read alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile
from typing import Callable

from ingest.extraction.open_outcomes import OpenOutcome, measure_of_label, metric_key
from ingest.extraction.outcomes import AMOUNT, COMPARISON_GROUPS, parse_amount
from kg.model.vocabulary import MONTHS

_FIGURE = re.compile(rf"(?:{AMOUNT}|n/a|-{{1,2}}|[–—])")  # a dash: no figure in that column
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = rf"(?:{'|'.join(f'{name}|{name[:3]}' for name in MONTHS)}|sept)\.?"
# a column of a time: "2022", "2022/23", "Q1", "Q1-Q3 2024-25", "Oct 23 - Mar 24", "March this year", "Last year",
# "Now", "Baseline", "At close"
_DATE = (rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}(?:\s*(?:19|20)?\d\d)?|(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|"
         r"Q[1-4](?:\s*[-–]\s*Q[1-4])?(?:\s+(?:19|20)\d\d(?:[/-]\d\d)?)?|Quarter\s+[1-4]|H[12])")
_UNTIL = rf"(?:\s*(?:[-–]|to)\s*(?:(?:\d{{1,2}}\s+)?{_MONTH})?(?:\s*(?:19|20)?\d\d)?)?"  # "Oct 23 - Mar 24"
_EARLIER = r"last\s+year|previous\s+(?:year|quarter|month)|then|before|baseline|start|previously"
_LATER = r"this\s+year|current\s+(?:year|quarter|month)|now|after|latest|today|close|closure|end|exit|final"
_TIME = re.compile(rf"^(?:(?:as\s+)?at\s+)?(?:{_DATE}{_UNTIL}(?:\s+(?:this|last)\s+year)?|{_EARLIER}|{_LATER})$",
                   re.IGNORECASE)
# columns of others' figures, of aims, or of what a row's move was: not the council's own result
_OTHERS = re.compile(rf"\b(?:{COMPARISON_GROUPS}|average|london|region|benchmark|target|goal|aim|ambition|change|"
                     r"difference|trend|direction|rag|rank|ranking|forecast|projected|projection|planned|plan|"
                     r"estimated?)\b", re.IGNORECASE)
# a table of money (budgets, spending, savings): what was set aside or planned as often as what was achieved
_MONEY = re.compile(r"£|\b(?:budget|spend|spending|savings?|costs?|actual|variance|income|expenditure)\b",
                    re.IGNORECASE)
# the own column of a table set against others: "Us", "Our council"; the council's name is found by the caller
_US = re.compile(r"^(?:us|we|ours?|our\s+(?:council|authority|area)|this\s+(?:council|authority)|the\s+council)$",
                 re.IGNORECASE)
# a row of others, or of a breakdown, not a measure of the council's: "England", "Core cities", "Under 1"
_NOT_A_MEASURE_ROW = re.compile(rf"\b(?:{COMPARISON_GROUPS}|london|region|core\s+cities|total)\b|\baverage$|"
                                r"^(?:north|south|east|west|central)\b", re.IGNORECASE)
_FILLER = {"and", "or", "the", "of", "to", "in", "on", "for", "over", "under", "with", "at", "by", "from"}


@dataclass
class _Line:
    start: int
    text: str


@dataclass
class _Row:
    """A line of a label and figures, and where each figure stands in the text."""

    label: str
    start: int
    end: int
    cells: list[tuple[int, str]]


@dataclass
class TableFigure:
    """One row of a table, with its place in the text (its quote) and its result: None where the table's headings
    say of no result of the council's (a budget's lines, bidders' scores), whatever the row's words alone seem to."""

    outcome: OpenOutcome | None
    row_start: int
    row_end: int


def table_figures(text: str, names_ours: Callable[[int, int], bool]) -> list[TableFigure]:
    """Every result a table of the text gives, row by row; `names_ours(start, end)` says whether a heading names
    the document's council. Normalisation (ingest/normalise.py) keeps a table's columns apart by tabs; a row whose
    long label ran into its first figure keeps only spaces."""
    lines = [_Line(match.start(), match.group()) for match in re.finditer(r"[^\n]*\S[^\n]*", text)]
    figures: list[TableFigure] = []
    for index, header in enumerate(lines):
        if "\t" not in header.text or _row(header) is not None:
            continue
        if _MONEY.search(header.text) and header.text.count("\t") >= 2:  # whatever its rows hold: "Ref  Saving  Target"
            below = range(index + 1, len(lines))
            figures += [TableFigure(None, lines[at].start, lines[at].start + len(lines[at].text)) for at in takewhile(
                lambda at: "\t" in lines[at].text and not _heads_a_table(lines, at), below)]
            continue
        rows: list[_Row] = []
        for line in lines[index + 1:]:
            row = _row(line, len(rows[0].cells) if rows else None)
            if row is None:
                break
            rows.append(row)
        headings = header.text.split("\t")
        if not rows:
            continue
        above = lines[index - 1].text.split("\t") if index > 0 else []
        if len(headings) - len(rows[0].cells) not in {0, 1} or (
                1 < len(above) < len(headings) and _row(lines[index - 1]) is None):
            figures += [TableFigure(None, row.start, row.end) for row in rows]
            continue  # a figure without its heading; under a header's second line, below one of fewer cells
            # ("2022  2024" under "Bristol  England")
        placed = _cells(header)[-len(rows[0].cells):]
        columns = [column for _, column in placed]
        read = _which_columns(columns, [names_ours(start, start + len(column)) for start, column in placed])
        figures += [TableFigure(_row_figure(row, columns, *read) if read else None, row.start, row.end) for row in rows]
    return figures


def _heads_a_table(lines: list[_Line], index: int) -> bool:
    """A tabbed line of headings with a row of figures under it: the next table begins."""
    return _row(lines[index]) is None and index + 1 < len(lines) and _row(lines[index + 1]) is not None


def _cells(line: _Line) -> list[tuple[int, str]]:
    """A tabbed line's cells, each with where it starts in the text."""
    starts = [line.start] + [line.start + match.end() for match in re.finditer("\t", line.text)]
    return list(zip(starts, line.text.split("\t")))


def _row(line: _Line, width: int | None = None) -> _Row | None:
    """A label and its figures (`width` of them once the table's first row has said how many); None for any other
    line, or a header of years ("Measure  2022  2023")."""
    if "\t" in line.text:
        (_, label), *cells = _cells(line)
        values = [value for _, value in cells]
    elif width and width > 1:  # a label run into its first figure: "… to adoption 402\t454" lost its tab
        words = line.text.split(" ")
        label, values = " ".join(words[:-width]), words[-width:]
        at = line.start + len(label) + 1
        cells = [(at + sum(len(word) + 1 for word in values[:place]), value) for place, value in enumerate(values)]
    else:
        return None
    if not re.match(r"[\"'‘“]?[A-Za-z]", label) or not values or width is not None and len(values) != width or not all(
            _FIGURE.fullmatch(value) for value in values) or all(_YEAR.fullmatch(value) for value in values):
        return None
    return _Row(label.strip(), line.start, line.start + len(line.text), cells)


def _when(column: str) -> float | None:
    """Where a column's time falls, to order a table's times: a year (with its month or quarter), or before or after
    any year for "Baseline" and "This year"; None when it names no time."""
    if re.fullmatch(_EARLIER, column, re.IGNORECASE):
        return float("-inf")
    if re.search(rf"\b(?:{_LATER})$", column, re.IGNORECASE):
        return float("inf")
    year = re.search(r"(?:19|20)(\d\d)|(?<=\s)(\d\d)\b", column)
    month = re.search(_MONTH, column, re.IGNORECASE)
    quarter = re.search(r"(?:Q|Quarter\s+|H)([1-4])", column)
    if year is None:
        return float(quarter.group(1)) if quarter else None
    months = [name[:3] for name in MONTHS]
    within = months.index(month.group()[:3].lower()) / 12 if month else int(quarter.group(1)) / 5 if quarter else 0
    return int(year.group(1) or year.group(2)) + within


def _which_columns(columns: list[str], ours: list[bool]) -> tuple[int, int | None] | None:
    """The column whose figure is the result, and the one a change is from (None for a level): the latest and the
    earliest of two or more times, in whatever order printed; or the council's own column beside others'."""
    times = [(when, index) for index, column in enumerate(columns)
             if _TIME.match(column) and not _OTHERS.search(column) and (when := _when(column)) is not None]
    if len(times) >= 2:
        if len({when for when, _ in times}) < len(times):
            return None  # the same time twice: columns of two groups, or two units
        return max(times)[1], min(times)[1]
    own = [index for index, named in enumerate(ours) if named or _US.match(columns[index])]
    if len(own) == 1 and all(_OTHERS.search(column) for index, column in enumerate(columns) if index != own[0]):
        return own[0], None
    if len(times) == 1 and len(columns) == 1 and times[0][0] > float("-inf"):
        return 0, None  # "Measure  2023/24": a level then
    return None


def _row_figure(row: _Row, columns: list[str], result: int, start: int | None) -> OpenOutcome | None:
    if _NOT_A_MEASURE_ROW.search(row.label) or not any(
            word.isalpha() and word.islower() and len(word) > 2 and word not in _FILLER for word in row.label.split()):
        return None  # "England", "Core cities"; a breakdown's row ("Under 1", "White British", "Family A")
    if not re.fullmatch(AMOUNT, row.cells[result][1]):
        return None
    if start is not None and not re.fullmatch(AMOUNT, row.cells[start][1]):
        start = None  # "n/a  63%": measured only since; a level
    at, printed = row.cells[result]
    amount = parse_amount(printed)
    if amount.unit == "£":
        return None
    shown, unit = measure_of_label(row.label, amount.unit)
    outcome = OpenOutcome("level", shown, metric_key(shown), amount.value, None, unit, at, at + len(printed),
                          period=columns[result] if _TIME.match(columns[result]) else None)
    if start is not None:
        before = parse_amount(row.cells[start][1])
        if before.unit != amount.unit:
            return None
        outcome.changed_from(before.value)
    return outcome
