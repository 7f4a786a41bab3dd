"""Reads DfE's children's social care statistics into Measure and MeasureValue models, with a report
of every value read, kept or left out and why. Pure: files in, models out (kg/statistics.py writes).

The files (../shared/reference/dfe_statistics, see its SOURCE.md): LAIT's long parquet files (two
releases) with LAIT's data dictionary, and explore-education-statistics (EES) CSV files. Only the
dictionary's children's social care topics are loaded. A suppressed or missing cell ("-" in LAIT,
c/x/z/u/low in EES) yields no value: never a zero.

Areas are matched on the DfE (old) LA code through the council reference, so one council keeps one
code however ONS recoded it. Reorganised councils:
- North Yorkshire (2023), Somerset (2023), Buckinghamshire (2020): the same children's services area
  and DfE code before and after, so one continuous series under the current council.
- Cumbria (→ Cumberland, Westmorland and Furness, 2023), Northamptonshire (→ North and West
  Northamptonshire, 2021), Poole (→ Bournemouth, Christchurch and Poole, 2019): predecessors in the
  council reference; their values stay under their own code, linked to that council and naming its
  successors. A successor's own series starts when it does; its predecessors' series are shown
  beside it, never merged into it (the areas differ).
- Dorset county and Bournemouth before 2019 (DfE 835, 837) are not in the council reference: their
  values are kept the same way, as predecessors of Dorset (838) and of Bournemouth, Christchurch
  and Poole (839). Christchurch, which moved from Dorset county to BCP, cannot be separated out.
- Joint figures for two councils (EES workforce rows such as "314 / 318") match no council and are
  reported as unmatched.

When releases of the same data overlap (LAIT 2016–2025 over LAIT 2015–2024; EES looked-after
children 2021–2025 over 2019–2023), the later release's row wins, even when it withholds the
figure. Where LAIT and EES differ for the same year (a revision), both figures are kept, each with
its source, and `source_rank` says which to show (newest data first, LAIT before EES at the same
vintage); where they agree, the figure is kept once, from the preferred source. Every figure is
cited with its measure's publication (an EES file is a release of the same publication)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pyarrow
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ingest.csv_files import csv_rows
from ingest.reference import Council
from kg.model.errors import EvidenceError
from kg.model.statistics import ENGLAND_CODE, AreaKind, Measure, MeasureValue

STATISTICS_DIR = "dfe_statistics"
DICTIONARY = "lait_data_dictionary.csv"
DICTIONARY_COLUMNS = {"Measure_short", "Topic", "Measure", "Polarity", "y_axis_name", "Description",
                      "Data Owner (DO) /Supplier and Contact Details", "Hyperlink(s)", "Year_Type"}
LAIT_COLUMNS = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"]
EES_COLUMNS = {"time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "region_code"}

# The dictionary's topics that are children's social care (its others are schools, health, youth justice).
TOPICS = frozenset({"Children Looked After", "Children in Need", "Child Protection", "Children's Service Finance",
                    "Children's Services Workforce", "Adoption"})

PUBLISHERS = {"DfE": "Department for Education", "0": "Department for Education", "CAFCASS": "Cafcass"}
# Publication titles by the last part of the dictionary's link to them.
PUBLICATIONS = {
    "children-looked-after-in-england-including-adoptions": "Children looked after in England including adoptions",
    "characteristics-of-children-in-need": "Characteristics of children in need",
    "outcomes-for-children-in-need-including-children-looked-after-by-local-authorities-in-england":
        "Outcomes for children in need, including children looked after by local authorities in England",
    "stability-measures-for-children-looked-after-in-england":
        "Stability measures for children looked after in England",
    "la-and-school-expenditure": "LA and school expenditure",
    "statistics-childrens-social-care-workforce": "Children's social work workforce",
    "childrens-social-care-statistics": "Children's social care statistics",
    "our-data": "Cafcass data",
}
LAIT_PUBLICATION = "Local Authority Interactive Tool"
PERIOD_END_MONTH = {"Annual": 3, "Financial Year": 3, "Annual (end of Sept)": 9, "Academic Year": 8,
                    "Calendar Year": 12, "Annual - January": 1}
UNITS = {"Rate per 10,000": "per 10,000 children", "Unit Cost": "£ a week", "Spend": "£",
         "Case Load": "cases per social worker", "Turnover rate": "%", "Absence Rate": "%"}
EES_MARKERS = {"c": "suppressed to protect confidentiality (c)", "x": "not available (x)",
               "z": "not applicable (z)", "u": "withheld as of low reliability (u)",
               "low": "withheld: rounds to zero (low)", "": "empty cell"}

# LAIT's codes for England and the regions (EES names them by ONS code): ONS code and name.
LAIT_AREAS = {
    970: (ENGLAND_CODE, "England"), 980: ("E12000001", "North East"), 981: ("E12000002", "North West"),
    982: ("E12000003", "Yorkshire and the Humber"), 983: ("E12000004", "East Midlands"),
    984: ("E12000005", "West Midlands"), 985: ("E12000006", "East of England"), 986: ("E12000007", "London"),
    987: ("E13000001", "Inner London"), 988: ("E13000002", "Outer London"), 989: ("E12000008", "South East"),
    990: ("E12000009", "South West"),
}
# Predecessors that the council reference does not list: DfE code → (name, DfE code of the successor).
UNLISTED_PREDECESSORS = {"835": ("Dorset (county, until 2019)", "838"), "837": ("Bournemouth (until 2019)", "839")}

POPULATION = Measure(
    id="Population_0_17", label="Children aged 0 to 17 (mid-year estimate)", unit="children", polarity=None,
    description="ONS mid-year estimate of the population aged 0 to 17, published by DfE beside its children's "
                "social care statistics (the denominator of its rates per 10,000 children).",
    topic="Population", publisher="Office for National Statistics", publication="Mid-year population estimates",
    period_end_month=6)


@dataclass(frozen=True)
class LaitFile:
    file: str
    release: str


@dataclass(frozen=True)
class EesFile:
    """An EES file: which columns hold which measure, for rows of which category (None: every row)."""

    file: str
    release: str
    family: str
    category_column: str | None
    columns: dict[str | None, dict[str, str]]


LAIT = "lait"
# Every source in order of preference (its index is `source_rank`): the newest data first, LAIT
# before EES at the same vintage. Within a family, a later release supersedes an earlier one.
SOURCES: tuple[LaitFile | EesFile, ...] = (
    LaitFile("lait_bds_long_2016_2025.parquet", "LAIT 2026-04-08"),
    EesFile("ees/csww_indicators_2017_to_2025.csv", "EES 2017-2025", "csww", None,
            {None: {"agency_rate_fte": "Work_Force_Agecy_Rate", "turnover_rate_fte": "Work_Force_TO_Rate",
                    "vacancy_rate_fte": "Work_Force_Vac_Rate", "caseload_fte": "Work_Force_AvgNumCase_SW",
                    "absence_rate_fte": "Work_Force_SWAbsence", "inpost_fte": "Work_Force_NoSW",
                    "starters_fte": "Social_Work_Starters", "leavers_fte": "Social_Work_Leavers",
                    "cases": "Work_Force_Num_CaseHeld", "agency_cover_rate_fte": "Work_Force_AgencyCover"}}),
    EesFile("ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "EES 2013-2025", "c1", None,
            {None: {"rereferral_percent": "ReReferral", "referral_count": "CPP_Total_NumRef",
                    "no_further_action_percent": "CIN_Refferals_NFA",
                    "not_in_need_percent": "Referrals_AssessedNotNeed"}}),
    EesFile("ees/d5_cpps_at31march_by_duration_2013_to_2025.csv", "EES 2013-2025", "d5", None,
            {None: {"CPP_At31": "CPP_Num", "2_years_or_more_percent": "CPPlans2yrsActive"}}),
    EesFile("ees/cla_number_and_rate_per_10k_children_2021_to_2025.csv", "EES 2021-2025", "cla", "population_type",
            {"Children looked after on 31 March each year": {"rate_per_10000": "LAC", "children_count": "LACnum"},
             "Children starting to be looked after each year": {"rate_per_10000": "LAC_Start_Rate",
                                                                "children_count": "LACnum_Start"},
             "Children ceasing to be looked after each year": {"rate_per_10000": "LAC_Cease_Rate",
                                                               "children_count": "LACceased"}}),
    LaitFile("lait_bds_long_2015_2024.parquet", "LAIT 2025-05-28"),
    EesFile("ees/b1_children_in_need_2013_to_2024.csv", "EES 2013-2024", "b1", None,
            {None: {"At31_episodes_rate": "CIN"}}),
    # an older file, kept for 2019 and 2020; its category column is misnamed population_count
    EesFile("ees/cla_number_and_rate_per_10k_children_2019_to_2023.csv", "EES 2019-2023", "cla", "population_count",
            {"Children looked after at 31 March each year": {"rate_per_10000": "LAC", "number": "LACnum"},
             "Children starting to be looked after each year": {"rate_per_10000": "LAC_Start_Rate",
                                                                "number": "LACnum_Start"},
             "Children ceasing to be looked after each year": {"rate_per_10000": "LAC_Cease_Rate",
                                                               "number": "LACceased"}}),
    EesFile("ees/ons_mid-year_population_estimates_2012_to_2024.csv", "EES 2012-2024", "population", None,
            {None: {"population_estimate": POPULATION.id}}),
)


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    kind: AreaKind
    successors: tuple[str, ...] = ()


@dataclass
class FileReport:
    """What one file gave: its rows, and each candidate value kept, left out (why) or unmatched (which area)."""

    file: str
    rows: int = 0
    kept: int = 0
    dropped: Counter = field(default_factory=Counter)
    unmatched: Counter = field(default_factory=Counter)

    @property
    def values(self) -> int:
        return self.kept + sum(self.dropped.values()) + sum(self.unmatched.values())


@dataclass
class StatisticsRead:
    measures: list[Measure]
    values: list[MeasureValue]
    files: list[FileReport]

    @property
    def rows(self) -> int:
        return sum(report.rows for report in self.files)

    @property
    def kept(self) -> int:
        return sum(report.kept for report in self.files)

    @property
    def unmatched(self) -> int:
        return sum(sum(report.unmatched.values()) for report in self.files)


class Areas:
    """Resolves the areas the files name (DfE codes, EES region and ONS codes) to graph codes."""

    def __init__(self, councils: list[Council]):
        self.by_la: dict[str, Area] = {}
        self.by_ons: dict[str, Area] = {}
        for council in councils:
            area = Area(council.code, council.name, "predecessor" if council.historic else "council",
                        tuple(council.successor_codes))
            self.by_la[council.la_code] = area
            if council.ons_code:
                self.by_ons[council.ons_code] = area
        for la_code, (name, successor) in UNLISTED_PREDECESSORS.items():
            if successor in self.by_la and la_code not in self.by_la:
                self.by_la[la_code] = Area(la_code, name, "predecessor", (self.by_la[successor].code,))
        for code, name in LAIT_AREAS.values():
            self.by_ons[code] = Area(code, name, "england" if code == ENGLAND_CODE else "region")

    def lait(self, number: float | None) -> Area | str:
        """The area of a LAIT 'LA Number', or why there is none."""
        if number is None or math.isnan(number):
            return "no LA number"
        if int(number) in LAIT_AREAS:
            return self.by_ons[LAIT_AREAS[int(number)][0]]
        return self.by_la.get(str(int(number))) or "DfE code not in the council reference"

    def ees(self, row: dict[str, str]) -> Area | str | None:
        """The area of an EES row, why it has none, or None for a level not loaded."""
        level = row["geographic_level"]
        if level == "National":
            return self.by_ons[ENGLAND_CODE]
        if level == "Regional":
            return self.by_ons.get(row["region_code"]) or "region code not known"
        if level != "Local authority":
            return None
        old, new = row["old_la_code"].strip(), row["new_la_code"].strip()
        if "/" in old:
            return "a joint figure for two councils"
        return self.by_la.get(old) or self.by_ons.get(new) or "DfE and ONS codes not in the council reference"


@lru_cache(maxsize=None)
def year_of(label: str) -> int | None:
    """The year a period ends in: 2023 for '2023', '2022-23', '2022/23 (OT)', '2021-23', '2020/21-22/23';
    None for a label without a year ('0')."""
    numbers = re.findall(r"\d+", label)
    if not numbers or len(numbers[0]) != 4:
        return None
    start, last = int(numbers[0]), numbers[-1]
    if len(last) == 4:
        return int(last)
    end = start // 100 * 100 + int(last)
    return end + 100 if end < start else end


def read_statistics(directory: Path, councils: list[Council]) -> StatisticsRead:
    """Every source file of `directory` (see SOURCES), through the council reference."""
    if not directory.is_dir():
        raise EvidenceError(f"{directory}: statistics folder not found (it holds {DICTIONARY} and the LAIT files)")
    areas = Areas(councils)
    measures = read_dictionary(directory / DICTIONARY)
    measures[POPULATION.id] = POPULATION
    values: list[MeasureValue] = []
    reports: list[FileReport] = []
    covered: dict[str, dict[tuple[str, str, int], int]] = {}  # family → (measure, area, year) → rank of its source
    figures: dict[tuple[str, str, int], float] = {}  # (measure, area, year) → the preferred source's figure
    for rank, source in enumerate(SOURCES):
        report = FileReport(source.file)
        seen = covered.setdefault(LAIT if isinstance(source, LaitFile) else source.family, {})
        file_name = Path(source.file).name
        candidates = (_lait_values(directory / source.file, source, measures, areas, report)
                      if isinstance(source, LaitFile) else
                      _ees_values(directory / source.file, source, measures, areas, report))
        for candidate in candidates:
            if isinstance(candidate, str):
                report.dropped[candidate] += 1
                continue
            measure_id, area, year, label, value = candidate
            key = (measure_id, area.code, year)
            if key in seen:
                report.dropped["superseded by a later release" if seen[key] != rank
                               else "a second row for the same measure, area and year"] += 1
                continue
            seen[key] = rank
            if isinstance(value, str):
                report.dropped[value] += 1
                continue
            if figures.get(key) == value:
                report.dropped["the same figure as a preferred source"] += 1
                continue
            figures.setdefault(key, value)
            values.append(MeasureValue(
                measure_id=measure_id, area_code=area.code,
                area_name=None if area.kind == "council" else area.name, area_kind=area.kind,
                successors=area.successors, year=year, year_label=label, value=value,
                source_file=file_name, release=source.release, source_rank=rank))
            report.kept += 1
        reports.append(report)
    loaded = {value.measure_id for value in values}
    return StatisticsRead([measure for key, measure in measures.items() if key in loaded], values, reports)


Candidate = tuple[str, Area, int, str, float | str] | str


def _lait_values(path: Path, source: LaitFile, measures: dict[str, Measure], areas: Areas,
                 report: FileReport) -> Iterator[Candidate]:
    """Each row of a LAIT file: a candidate value (its figure, or why there is none) or why it is left out."""
    table = _parquet(path)
    report.rows = table.num_rows
    wanted = pc.is_in(table["Short Desc"], value_set=_string_array(list(measures)))
    outside = table.num_rows - pc.sum(wanted).as_py() if table.num_rows else 0
    report.dropped["outside children's social care topics"] += outside
    table = table.filter(wanted)
    columns = {name: table[name].to_pylist() for name in LAIT_COLUMNS}
    area_of = {number: areas.lait(number) for number in set(columns["LA Number"])}
    for measure_id, label, name, text, number in zip(*(columns[name] for name in LAIT_COLUMNS)):
        year = year_of(label or "")
        if year is None:
            yield f"no year ({label!r})"
            continue
        area = area_of[number]
        if isinstance(area, str):
            report.unmatched[f"{name} ({_code(number)}): {area}"] += 1
            continue
        yield measure_id, area, year, label, _lait_figure(text)


def _ees_values(path: Path, source: EesFile, measures: dict[str, Measure], areas: Areas,
                report: FileReport) -> Iterator[Candidate]:
    """Each mapped cell of an EES file's rows: a candidate value or why it is left out."""
    rows = _csv_rows(path, source)
    report.rows = len(rows)
    for row in rows:
        category = row[source.category_column] if source.category_column else None
        mapping = source.columns.get(category)
        if mapping is None:
            report.dropped[f"category not loaded ({category})"] += 1
            continue
        area = areas.ees(row)
        if area is None:
            report.dropped[f"geographic level not loaded ({row['geographic_level']})"] += len(mapping)
            continue
        if isinstance(area, str):
            report.unmatched[f"{row['la_name']} ({row['old_la_code']}): {area}"] += len(mapping)
            continue
        year = year_of(row["time_period"])
        for column, measure_id in mapping.items():
            if measure_id not in measures:
                yield f"measure not in the dictionary ({measure_id})"
            elif year is None:
                yield f"no year ({row['time_period']!r})"
            else:
                yield measure_id, area, year, row["time_period"], _ees_figure(row[column])


def read_dictionary(path: Path) -> dict[str, Measure]:
    """The children's social care measures of LAIT's data dictionary, by code."""
    rows = csv_rows(path, DICTIONARY_COLUMNS, "LAIT data dictionary")
    measures: dict[str, Measure] = {}
    for row in rows:
        code = row["Measure_short"].strip()
        if row["Topic"] in TOPICS and code not in measures:
            measures[code] = _measure(row)
    return measures


def _measure(row: dict[str, str]) -> Measure:
    links = row["Hyperlink(s)"].split()
    link = links[0] if links else None
    owner = _words(row["Data Owner (DO) /Supplier and Contact Details"])
    return Measure(
        id=row["Measure_short"].strip(), label=_words(row["Measure"]), unit=_unit(row["y_axis_name"]),
        polarity={"High": "high", "Low": "low"}.get(row["Polarity"].strip()),
        description=_words(row["Description"]), topic=row["Topic"], publisher=PUBLISHERS.get(owner, owner),
        publication=_publication(link), publication_url=link,
        period_end_month=PERIOD_END_MONTH.get(row["Year_Type"].strip(), 3))


def _publication(link: str | None) -> str:
    """The publication a dictionary link points at, by the last part of its path that is not a year."""
    if not link:
        return LAIT_PUBLICATION
    parts = [part for part in urlparse(link).path.split("/") if part and not part.isdigit()]
    slug = parts[-1] if parts else ""
    return PUBLICATIONS.get(slug) or slug.replace("-", " ").capitalize() or LAIT_PUBLICATION


def _unit(axis: str) -> str:
    axis = _words(axis)
    return "%" if axis.startswith("%") else UNITS.get(axis, axis)


def _words(text: str) -> str:
    return " ".join(text.split())


def _code(number: float | None) -> str:
    return "no code" if number is None or math.isnan(number) else str(int(number))


def _lait_figure(text: str | None) -> float | str:
    if text is None or text.strip() in {"", "-"}:
        return "suppressed or missing ('-')"
    try:
        return float(text)
    except ValueError:
        return f"not a figure ({text.strip()!r})"


def _ees_figure(text: str) -> float | str:
    cell = text.strip()
    try:
        return float(cell)
    except ValueError:
        return EES_MARKERS.get(cell.lower(), f"not a figure ({cell!r})")


def _parquet(path: Path) -> pyarrow.Table:
    if not path.is_file():
        raise EvidenceError(f"{path}: LAIT file not found")
    table = pq.read_table(path)
    missing = set(LAIT_COLUMNS) - set(table.column_names)
    if missing:
        raise EvidenceError(f"{path}: missing columns {', '.join(sorted(missing))}")
    return table.select(LAIT_COLUMNS)


def _string_array(items: list[str]) -> pyarrow.Array:
    return pyarrow.array(items, type=pyarrow.string())


def _csv_rows(path: Path, source: EesFile) -> list[dict[str, str]]:
    needed = EES_COLUMNS | {column for mapping in source.columns.values() for column in mapping}
    needed |= {source.category_column} if source.category_column else set()
    return csv_rows(path, needed, "EES file")
