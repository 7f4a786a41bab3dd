"""CSV files we read (the council reference, DfE's statistics): every row as a dict, or one clear
line naming the file when it is missing or lacks a column we rely on."""

from __future__ import annotations

import csv
from pathlib import Path

from kg.model.errors import EvidenceError


def csv_rows(path: Path, required: set[str], what: str, hint: str = "") -> list[dict[str, str]]:
    """`what` names the file for the error ("council reference file"); `hint` says how to fix it."""
    if not path.is_file():
        raise EvidenceError(f"{path}: {what} not found{f' ({hint})' if hint else ''}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise EvidenceError(f"{path}: missing columns {', '.join(sorted(missing))}")
        return list(reader)
