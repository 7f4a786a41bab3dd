"""Figures in a plain-text table of measures: a header line naming its columns, then rows of a label and one
figure per column, the cells set apart by runs of spaces or tabs (as reports and PDFs' text print them):

    Measure                     March 2022    March this year
    Vacancy rate                27%           14%

Columns headed by two times make each row a change from the first to the last; a column headed by the council
beside columns of others (England, statistical neighbours, the region) gives the council's level; a lone time
column gives a level. Any other table (bidders' scores, budgets by line) says nothing of a result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extraction.open_outcomes import OpenOutcome, metric_key, unit_of_label
from ingest.extraction.outcomes import AMOUNT, COMPARISON_GROUPS, parse_amount
from kg.model.vocabulary import MONTHS

_FIGURE = re.compile(rf"(?:{AMOUNT}|n/a|-|–)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = rf"(?:{'|'.join(f'{name}|{name[:3]}' for name in MONTHS)}|sept)\.?"
# a column of a time: "2022", "2022/23", "Q1", "Oct 23 - Mar 24", "March this year", "Last year", "Now", "Baseline"
_DATE = (rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}(?:\s*(?:19|20)?\d\d)?|(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|"
         r"Q[1-4]|Quarter\s+[1-4]|H[12])")
_UNTIL = rf"(?:\s*(?:[-–]|to)\s*(?:(?:\d{{1,2}}\s+)?{_MONTH})?(?:\s*(?:19|20)?\d\d)?)?"  # "Oct 23 - Mar 24"
_TIME = re.compile(rf"^(?:(?:as\s+)?at\s+)?{_DATE}{_UNTIL}(?:\s+(?:this|last)\s+year)?$|"
                   r"^(?:(?:this|last|previous|current)\s+(?:year|quarter|month)|now|then|before|after|baseline|start|"
                   r"latest|previously|today)$", re.IGNORECASE)
# columns of others' figures, of aims, or of what a row's move was: not the council's own result
_OTHERS = re.compile(rf"\b(?:{COMPARISON_GROUPS}|average|london|region|benchmark|target|goal|aim|ambition|change|"
                     r"difference|trend|direction|rag|rank|ranking|budget|forecast|projected|projection|planned|plan|"
                     r"estimated?)\b", re.IGNORECASE)


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
    """One row's result, with the row's place in the text (its quote)."""

    outcome: OpenOutcome
    row_start: int
    row_end: int


def table_figures(text: str) -> list[TableFigure]:
    """Every result a table of the text gives, row by row. Normalisation (ingest/normalise.py) keeps a table's
    columns apart by tabs; a row whose long label ran into its first figure keeps only spaces."""
    lines = [_Line(match.start(), match.group()) for match in re.finditer(r"[^\n]*\S[^\n]*", text)]
    figures: list[TableFigure] = []
    for index, header in enumerate(lines):
        if "\t" not in header.text or _row(header) is not None:
            continue
        rows: list[_Row] = []
        for line in lines[index + 1:]:
            row = _row(line, len(rows[0].cells) if rows else None)
            if row is None:
                break
            rows.append(row)
        columns = header.text.split("\t")[-len(rows[0].cells):] if rows else []
        read = _which_columns(columns) if rows and len(header.text.split("\t")) >= len(rows[0].cells) else None
        if read is not None:
            figures += [figure for row in rows if (figure := _row_figure(row, columns, *read)) is not None]
    return figures


def _row(line: _Line, width: int | None = None) -> _Row | None:
    """A label and its figures (`width` of them once the table's first row has said how many); None for any other
    line, or a header of years ("Measure  2022  2023")."""
    if "\t" in line.text:
        label, *values = line.text.split("\t")
        at = line.start + len(label) + 1
        cells = []
        for value in values:
            cells.append((at, value))
            at += len(value) + 1
    elif width and width > 1:  # a label run into its first figure: "… to adoption 402\t454" lost its tab
        words = line.text.split(" ")
        label, values = " ".join(words[:-width]), words[-width:]
        at = line.start + len(label) + 1
        cells = [(at + sum(len(word) + 1 for word in values[:place]), value) for place, value in enumerate(values)]
    else:
        return None
    if not re.match(r"[A-Za-z]", label) or not values or width is not None and len(values) != width or not all(
            _FIGURE.fullmatch(value) for value in values) or all(_YEAR.fullmatch(value) for value in values):
        return None
    return _Row(label.strip(), line.start, line.start + len(line.text), cells)


def _which_columns(columns: list[str]) -> tuple[int, int | None] | None:
    """The column whose figure is the result, and the one a change is from (None for a level)."""
    times = [index for index, column in enumerate(columns) if _TIME.match(column) and not _OTHERS.search(column)]
    if len(times) >= 2:
        return times[-1], times[0]
    ours = [index for index, column in enumerate(columns) if not _OTHERS.search(column)]
    if len(ours) == 1 and (len(columns) > 1 or times):
        return ours[0], None
    return None


def _row_figure(row: _Row, columns: list[str], result: int, start: int | None) -> TableFigure | None:
    if not all(re.fullmatch(AMOUNT, row.cells[index][1]) for index in (result, start) if index is not None):
        return None
    at, printed = row.cells[result]
    amount = parse_amount(printed)
    shown = re.sub(r"\s*\((?:%|per cent)\)\s*$", "", row.label)
    outcome = OpenOutcome("level", shown, metric_key(shown), amount.value, None, unit_of_label(row.label, amount.unit),
                          at, at + len(printed), period=columns[result] if _TIME.match(columns[result]) else None)
    if start is not None:
        before = parse_amount(row.cells[start][1])
        if before.unit != amount.unit:
            return None
        outcome.changed_from(before.value)
    return TableFigure(outcome, row.start, row.end)
