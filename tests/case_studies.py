"""Two short made-up case studies with a known answer, shared by the what-worked and API tests:
Rotherham's social work academy (with figures) and Sheffield's multi-agency safeguarding hub."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import Ingester
from ingest.reference import read_councils
from ingest.sources import user_sources
from kg.connection import Graph
from kg.councils import load_councils
from kg.model.settings import Settings
from tests.conftest import wipe

WORKFORCE = """Workforce in Rotherham

Rotherham set up a social work academy in 2016 for newly qualified social workers, with protected
caseloads and weekly group supervision. Since the academy opened, the vacancy rate for social workers
has fallen from 30% to 11%, and agency staff fell to 9% of the workforce.
"""
FRONT_DOOR = """Front door in Sheffield

Sheffield opened a multi-agency safeguarding hub in 2015 where police, health and social care share
information about every contact. Partners say decisions on referrals are now quicker and better informed.
"""


def load_case_studies(graph: Graph, settings: Settings, folder: Path, *extra: Path) -> None:
    """An empty graph with the councils, the two case studies and any extra bundled files."""
    wipe(graph)
    load_councils(graph, read_councils(settings.reference_dir))
    for name, text, council in (("workforce.txt", WORKFORCE, "Rotherham"), ("front-door.txt", FRONT_DOOR, "Sheffield")):
        (folder / name).write_text(text)
        sources, _ = user_sources([folder / name], settings.corpus_dir,
                                  {"kind": "case_study", "councils": [council], "date": "2019-05-01"})
        assert Ingester(settings, graph).run(sources).failed == 0
    if extra:
        sources, _ = user_sources(list(extra), settings.corpus_dir, {})
        assert Ingester(settings, graph).run(sources).failed == 0
