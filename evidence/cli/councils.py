"""`evidence councils load` and `evidence council NAME`: the council reference graph."""

from __future__ import annotations

import typer

from evidence.cli.output import console, print_json
from evidence.settings import get_settings
from ingest.reference import read_councils
from kg.connection import Graph
from kg.councils import all_councils, load_councils, resolve
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
    """One council: codes, region, type, population and statistical neighbours."""
    with Graph(get_settings()) as graph:
        found = resolve(all_councils(graph), name)
    if as_json:
        print_json(found)
        return
    console.print(f"{found['name']} ({found['code']}, DfE {found['la_code']}): {found['type']}, {found['region']}")
