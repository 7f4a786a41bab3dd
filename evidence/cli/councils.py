"""`evidence councils load` and `evidence council NAME`: the council reference graph."""

from __future__ import annotations

import typer
from rich.table import Table

from evidence.cli.output import console, print_json
from ingest.reference import read_councils
from kg.connection import Graph
from kg.councils import load_councils
from kg.inspections import council_profile
from kg.model.settings import get_settings
from kg.model.vocabulary import words
from kg.schema import init_schema

app = typer.Typer(no_args_is_help=True, help="The council reference graph.")


@app.command("load")
def load() -> None:
    """Load every children's services council, its region and its ranked statistical neighbours."""
    settings = get_settings()
    councils = read_councils(settings.reference_dir)
    with Graph(settings) as graph:
        graph.verify()
        init_schema(graph)
        load_councils(graph, councils)
    historic = sum(council.historic for council in councils)
    console.print(f"loaded {len(councils)} councils ({historic} predecessors) from {settings.reference_dir}")


def council(
    name: str = typer.Argument(..., help="A name, short name, ONS code or DfE code."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """One council: codes, region, type, population, neighbours, inspections and improvement journey."""
    with Graph(get_settings()) as graph:
        profile = council_profile(graph, name)
    if as_json:
        print_json(profile)
        return
    console.print(f"[bold]{profile['name']}[/bold]  ONS {profile['ons_code'] or '—'}  DfE {profile['la_code']}  "
                  f"{profile['type'] or ''}, {profile['region']}, 0–25 population {profile['population_0_25'] or '—'}")
    if profile["inspections"]:
        table = Table("date", "framework", "overall", "other judgements", "report", box=None)
        for inspection in profile["inspections"]:
            judgements = dict(inspection["judgements"])
            overall = judgements.pop("overall_effectiveness", "—")
            table.add_row(inspection["end"] or "", inspection["framework"], words(overall),
                          ", ".join(f"{words(area)}: {words(grade)}" for area, grade in judgements.items()),
                          inspection["document_id"])
        console.print(table)
        steps = "; ".join(step["label"] for step in profile["transitions"]) or "no change of phase on record"
        console.print(f"journey: now {words(profile['current_phase'] or 'unknown')} ({steps})")
    else:
        console.print("no inspection report of this council in the evidence base, so no journey")
    console.print("neighbours: " + ", ".join(
        f"#{n['rank']} {n['name']} ({words(n['current_grade'] or 'no grade')})" for n in profile["neighbours"]))
