"""`evidence similar NAME|CODE` or a profile: councils like this one, with the reasons."""

from __future__ import annotations

import typer

from evidence.cli.output import console, print_json
from kg.connection import Graph
from kg.model.settings import get_settings
from kg.model.vocabulary import PHASES
from search.similar import Profile
from search.similar import similar as rank_similar


def profile_from_options(council_type: str | None, region: str | None, grade: str | None,
                         population: int | None) -> Profile:
    """The profile described by the --type, --region, --grade and --population options."""
    if grade is not None and grade not in PHASES:
        raise typer.BadParameter(f"{grade!r} is not one of {', '.join(PHASES)}", param_hint="--grade")
    return Profile.described(council_type, region, grade, population)


def similar(
    council: str = typer.Argument(None, help="A council name or code; or describe a profile with the options."),
    council_type: str = typer.Option(None, "--type", help="Profile: council type, e.g. 'County'."),
    region: str = typer.Option(None, help="Profile: region, e.g. 'South East'."),
    grade: str = typer.Option(None, help="Profile: current overall grade, e.g. requires_improvement."),
    population: int = typer.Option(None, help="Profile: 0–25 population."),
    limit: int = typer.Option(10, min=1, max=100),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Comparable councils, ranked, each with plain-English reasons."""
    profile = None if council else profile_from_options(council_type, region, grade, population)
    with Graph(get_settings()) as graph:
        councils = rank_similar(graph, council, profile, limit)
    if as_json:
        print_json({"councils": councils})
        return
    for number, row in enumerate(councils, start=1):
        console.print(f"{number:>2}. [bold]{row['name']}[/bold] ({row['ons_code']}) {row['score']:.2f}: "
                      f"{'; '.join(row['reasons']) or 'no shared traits'}", highlight=False)
