"""`evidence stats load`, `evidence stats COUNCIL` and `evidence stats measures`: DfE's official
children's social care statistics in the graph, and a council's series beside its statistical
neighbours' median and England's."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import typer
from rich.table import Table
from typer.core import TyperGroup

from evidence.cli.output import console, print_json
from evidence.cli.progress import counting
from ingest.reference import read_councils
from ingest.statistics import STATISTICS_DIR, StatisticsRead, read_statistics
from kg.connection import Graph
from kg.model.settings import get_settings
from kg.model.statistics import KEY_MEASURES, better, display
from kg.schema import init_schema
from kg.statistics import (
    StatisticsLoad,
    council_statistics,
    load_statistics,
    loaded_measures,
    yearly_rows,
)


class CouncilOrCommand(TyperGroup):
    """`evidence stats Kent` shows a council: a first word that names no command is the council."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


app = typer.Typer(cls=CouncilOrCommand, no_args_is_help=True, options_metavar="",
                  help="Official statistics (DfE): `evidence stats load`, `evidence stats COUNCIL [--measure ID …] "
                       "[--json]`, `evidence stats measures`.")


@app.command("load")
def load(
    directory: Path = typer.Option(None, "--dir", help="The statistics folder (default: "
                                                         f"$EVIDENCE_REFERENCE_DIR/{STATISTICS_DIR})."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON summary."),
) -> None:
    """Load the LAIT and EES files into the graph (idempotent: a second load writes nothing)."""
    settings = get_settings()
    folder = directory or settings.reference_dir / STATISTICS_DIR
    started = time.monotonic()
    read = read_statistics(folder, read_councils(settings.reference_dir))
    read_seconds = time.monotonic() - started
    with Graph(settings) as graph:
        graph.verify()
        init_schema(graph)
        with counting("writing figures", "figures", settings.progress_seconds) as on_progress:
            result = load_statistics(graph, read.measures, read.values, on_progress)
    if as_json:
        print_json(_load_summary(folder, read, read_seconds, result))
        return
    _print_load(folder, read, read_seconds, result)


def _load_summary(folder: Path, read: StatisticsRead, read_seconds: float, result: StatisticsLoad) -> dict[str, Any]:
    return {
        "directory": str(folder), "rows_read": read.rows, "values_kept": read.kept, "values_unmatched": read.unmatched,
        "files": [{"file": report.file, "rows": report.rows, "values": report.values, "kept": report.kept,
                   "dropped": dict(report.dropped), "unmatched": dict(report.unmatched)} for report in read.files],
        "measures": len(read.measures), "measures_written": result.measures_written,
        "measures_unchanged": result.measures_unchanged, "measures_removed": result.measures_removed,
        "values_written": result.values_written, "read_seconds": round(read_seconds, 1),
        "write_seconds": round(result.seconds, 1),
    }


def _print_load(folder: Path, read: StatisticsRead, read_seconds: float, result: StatisticsLoad) -> None:
    console.print(f"read {read.rows:,} rows from {len(read.files)} files in {folder} ({read_seconds:.1f} s): "
                  f"{read.kept:,} values kept, {read.unmatched:,} unmatched", highlight=False)
    for report in read.files:
        dropped = ", ".join(f"{count:,} {reason}" for reason, count in report.dropped.most_common())
        console.print(f"  {report.file}: {report.rows:,} rows, {report.values:,} values, {report.kept:,} kept"
                      + (f"; left out: {dropped}" if dropped else ""), highlight=False)
        for area, count in report.unmatched.most_common():
            console.print(f"    unmatched: {area} ({count:,} values)", highlight=False)
    console.print(f"wrote {result.measures_written} measures ({result.values_written:,} figures), "
                  f"{result.measures_unchanged} unchanged, {result.measures_removed} removed in {result.seconds:.1f} s",
                  highlight=False)


@app.command("show", hidden=True)
def show(
    council: str = typer.Argument(..., help="A name, ONS code or DfE code."),
    measure: list[str] = typer.Option(None, "--measure", help="A measure id (repeatable; default: the key measures: "
                                                              + ", ".join(KEY_MEASURES) + ")."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """A council's series with its statistical neighbours' median and England."""
    with Graph(get_settings()) as graph:
        answer = council_statistics(graph, council, measure or None)
    if as_json:
        print_json(answer)
        return
    name = answer["council"]["name"]
    if not answer["measures"]:
        console.print("no statistics loaded: run `evidence stats load`")
    for entry in answer["measures"]:
        direction = better(entry["polarity"])
        console.print(f"\n[bold]{entry['chart_label']}[/bold]" + (f" ({direction})" if direction else ""),
                      highlight=False)
        table = Table("year", name, "neighbours' median", "England",
                      *(f"{p['name']} (predecessor)" for p in entry["predecessors"]), "source", box=None)
        for row in _rows(entry):
            table.add_row(*row)
        console.print(table)
        console.print(f"[dim]{entry['citation']}[/dim]", highlight=False)


def _rows(entry: dict[str, Any]) -> list[list[str]]:
    """One row a year: the council, the neighbours' median (of how many), England, each predecessor, the source."""
    unit = entry["unit"]

    def cell(value: float | None) -> str:
        return "—" if value is None else display(value, unit)

    return [[row["year_label"], cell(row["council"]),
             f"{cell(row['median'])} ({row['median_count']} of {row['median_of']})" if row["median"] is not None
             else "—", cell(row["england"]), *(cell(value) for value in row["predecessors"]), row["release"] or ""]
            for row in yearly_rows(entry)]


@app.command("measures")
def list_measures(as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """The loaded measures: id, label, unit, which way is better, and how many figures each holds."""
    with Graph(get_settings()) as graph:
        rows = loaded_measures(graph)
    if as_json:
        print_json({"measures": rows})
        return
    table = Table("id", "measure", "unit", "better", "figures", "publication", box=None)
    for row in rows:
        table.add_row(row["id"], row["label"], row["unit"], better(row["polarity"]) or "", f"{row['values']:,}",
                      row["publication"])
    console.print(table)
