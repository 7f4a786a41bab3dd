"""Reads the DfE/ONS council reference file into Council models (not the graph: kg/councils.py writes them)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ingest.csv_files import csv_rows
from kg.council_names import aliases_for, display_name, name_key
from kg.model.errors import EvidenceError
from kg.model.graph import Council

REFERENCE_FILE = "local_authorities.csv"
REQUIRED_COLUMNS = {
    "urn", "la_code", "la_code_new", "stat_neighbours", "stat_neighbours_la_code", "local_authority_ons_name",
    "also_known_as", "region_code", "region_name", "ons_population_0-25", "ons_la_type", "ltla23cd",
}


def _split_codes(cell: str) -> list[str]:
    return [code.strip() for code in cell.split(",") if code.strip()]


def _also_known_as(cell: str, ons_name: str) -> list[str]:
    """The bracketed, comma-separated list; a run of pieces that together spell the council's own
    name is one name ('Bournemouth, Christchurch & Poole'), not several."""
    pieces = [piece.strip() for piece in cell.strip().strip("[]").split(",") if piece.strip()]
    own_key = name_key(ons_name)
    names: list[str] = []
    start = 0
    while start < len(pieces):
        end = next(
            (stop for stop in range(len(pieces), start + 1, -1) if name_key(", ".join(pieces[start:stop])) == own_key),
            start + 1,
        )
        names.append(", ".join(pieces[start:end]))
        start = end
    return names


def read_councils(reference_dir: Path) -> list[Council]:
    path = reference_dir / REFERENCE_FILE
    rows = csv_rows(path, REQUIRED_COLUMNS, "council reference file", "set EVIDENCE_REFERENCE_DIR")
    region_codes = _region_codes(rows)
    councils = [_council(row, region_codes, path, number) for number, row in enumerate(rows, start=2)]
    _link_successors(councils)
    return councils


def _region_codes(rows: list[dict[str, str]]) -> dict[str, str]:
    """The short code of each region name, by majority: the file leaves a few blank or 'NotKnown'."""
    votes: dict[str, Counter] = {}
    for row in rows:
        code = row["region_code"].strip()
        if code and code != "NotKnown":
            votes.setdefault(row["region_name"].strip(), Counter())[code] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


def _council(row: dict[str, str], region_codes: dict[str, str], path: Path, line: int) -> Council:
    la_code = row["la_code"].strip()
    ons_name = row["local_authority_ons_name"].strip()
    if not la_code or not ons_name:
        raise EvidenceError(f"{path}:{line}: la_code and local_authority_ons_name are required")
    ons_code = row["la_code_new"].strip() or None
    population = row["ons_population_0-25"].strip()
    region = row["region_name"].strip()
    neighbours = _split_codes(row["stat_neighbours_la_code"])
    return Council(
        code=ons_code or la_code,
        la_code=la_code,
        ons_code=ons_code,
        name=display_name(ons_name),
        ons_name=ons_name,
        aliases=aliases_for(ons_name, _also_known_as(row["also_known_as"], ons_name)),
        region=region,
        region_code=region_codes.get(region, re.sub(r"\W+", "_", region.upper())),
        type=row["ons_la_type"].strip() or None,
        population_0_25=int(population) if population.isdigit() else None,
        ofsted_urn=row["urn"].strip() or None,
        former_ons_code=row["ltla23cd"].strip() or None,
        neighbour_ons_codes=neighbours if ons_code else [],
    )


def _link_successors(councils: list[Council]) -> None:
    """A predecessor's successors: current councils that still carry its old area code, or whose
    name contains its name as whole words (Poole → Bournemouth, Christchurch and Poole)."""
    current = [council for council in councils if not council.historic]
    for old in (council for council in councils if council.historic):
        old_key = name_key(old.name)
        pattern = re.compile(rf"\b{re.escape(old_key)}\b")
        old.successor_codes = sorted(
            new.code for new in current
            if (old.former_ons_code and new.former_ons_code == old.former_ons_code)
            or pattern.search(name_key(new.name))
        )
