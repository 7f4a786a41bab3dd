"""Extraction precision and recall on the hand-checked development set.

    EVIDENCE_HOME=... python bench/extraction.py [--verbose]

Needs a graph with the councils loaded (`evidence councils load`); writes nothing to it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from ingest.extraction.evaluation import score  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from ingest.sources import user_sources  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.model.settings import PROJECT_ROOT, get_settings  # noqa: E402

CHECKED = PROJECT_ROOT / "tests" / "fixtures" / "extraction_checked.yaml"


def run(verbose: bool) -> dict:
    settings = get_settings()
    checked = yaml.safe_load(CHECKED.read_text())["documents"]
    with Graph(settings) as graph:
        ingester = Ingester(settings, graph)
        reports = []
        for entry in checked:
            sources, _ = user_sources([Path(settings.corpus_dir) / entry["path"]], settings.corpus_dir, {})
            reports.append(ingester.examine(sources[0]))
    tallies = score(checked, reports)
    if verbose:
        for name, tally in tallies.items():
            for line in tally.extras:
                print(f"extra  {name}: {line}", file=sys.stderr)
            for line in tally.misses:
                print(f"missed {name}: {line}", file=sys.stderr)
    return {name: tally.as_json() for name, tally in tallies.items()}


if __name__ == "__main__":
    print(json.dumps(run("--verbose" in sys.argv), indent=2))
