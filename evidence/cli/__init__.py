"""The `evidence` command: one Typer app whose sub-commands live one concern per module."""

from __future__ import annotations

import logging
import sys

import typer

from evidence.cli import (
    councils,
    db,
    evaluate,
    extract,
    ingest,
    interventions,
    search,
    serve,
    similar,
    stats,
    what_worked,
)
from evidence.cli.output import err_console
from kg.model.errors import EvidenceError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Evidence Graph: what worked for councils like us.")
app.add_typer(db.app, name="db")
app.add_typer(councils.app, name="councils")
app.add_typer(stats.app, name="stats")
app.add_typer(evaluate.app, name="eval")
app.command("council")(councils.council)
app.command("ingest")(ingest.ingest)
app.command("search")(search.search)
app.command("extract")(extract.extract)
app.command("candidates")(extract.candidates)
app.add_typer(interventions.app, name="interventions")
app.command("intervention")(interventions.intervention)
app.command("outcomes")(interventions.outcomes)
app.command("enablers")(interventions.enablers)
app.command("enabler")(interventions.enabler)
app.command("similar")(similar.similar)
app.command("what-worked")(what_worked.what_worked)
app.command("serve")(serve.serve)


def main() -> None:
    """Runs the CLI; expected failures print one line and exit non-zero, never a traceback.

    Usage errors exit 2 (Typer's own handling); `typer.Exit(n)` exits n."""
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)  # its retry and connection notices are not for the user
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted", highlight=False)
        sys.exit(130)
    except EvidenceError as error:
        err_console.print(f"[red]error:[/red] {error}", soft_wrap=True, highlight=False)
        sys.exit(error.exit_code)
