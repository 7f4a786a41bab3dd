"""Extraction precision and recall on the hand-checked development set, or (--unseen SPLIT) on
the blind-marked unseen set's dev or held_out split, scored by surface and figure matching
(the rule is in ingest/extraction/evaluation.py: a practice is found when an extracted
mention's sentence overlaps the marked quote (containment or a shared run of 40
characters) and its surface equals the marked one after
normalising case, quotes, hyphens, plurals and determiners, or shares >= 0.6 of its words
(Dice); an outcome when value_from, value_to and unit match in an overlapping sentence; an
outcome stated without any figure is counted apart as `unscored`, the marked set holding figures only;
`outcome_metric_words` then says how much of the reader's metric text the matched outcomes' metric
texts hold, which the figures alone do not score).

    EVIDENCE_HOME=... python bench/extraction.py [--verbose]
    EVIDENCE_HOME=... python bench/extraction.py --unseen dev [--verbose]
    EVIDENCE_HOME=... python bench/extraction.py --narratives SPLIT [--verbose] (a split of the marked file)
    EVIDENCE_HOME=... python bench/extraction.py --second-reader [narratives]

`practices_implemented` scores, by the same rule, only the practices a council implementation rests on
(what council pages and what-worked show); `practices` every practice the document says was done, with or
without a council (not those it names only as planned, hoped for, turned down or asked about).
`outcomes_credited` counts an outcome right only when it is also credited to the document's council;
`practices_credited` a practice only when a council implementation credits it to the document's council.

--narratives scores the blind-marked narrative set (tests/fixtures/extraction_narratives.yaml: news
articles, case studies, committee reports, blogs and evaluation summaries written for this purpose,
about councils no other extraction set uses) by the same rule as --unseen.

--second-reader scores, on the six dev reports a second reader marked blind
(tests/fixtures/extraction_second_reader.yaml), the second reader against the first, and extraction
against each: how far the marking itself can be trusted, and where extraction stands beside it. The
rule is not symmetric: found practices are counted by catalogue entry or distinct normalised surface,
marked ones one by one. `--second-reader narratives` does the same, split by split, on the narrative
set's held_out_3, held_out_17 and held_out_18 splits, which a second reader marked whole
(tests/fixtures/extraction_narratives_second_reader.yaml: councils, practices and outcomes).

Needs a graph with the councils loaded (`evidence councils load`); writes nothing to it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from ingest.extraction.evaluation import metric_agreement, score, score_unseen  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from ingest.sources import user_sources  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.model.settings import PROJECT_ROOT, get_settings  # noqa: E402

CHECKED = PROJECT_ROOT / "tests" / "fixtures" / "extraction_checked.yaml"
UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "extraction_unseen.yaml"
SECOND_READER = PROJECT_ROOT / "tests" / "fixtures" / "extraction_second_reader.yaml"
SECOND_READER_NARRATIVES = PROJECT_ROOT / "tests" / "fixtures" / "extraction_narratives_second_reader.yaml"
NARRATIVES = PROJECT_ROOT / "tests" / "fixtures" / "extraction_narratives.yaml"


def examined(entries: list[dict], folder: Path | None = None) -> list[dict]:
    """What `evidence extract --json` gives for each marked document, in order; paths are relative to
    `folder`, by default the corpus directory."""
    settings = get_settings()
    folder = folder or Path(settings.corpus_dir)
    with Graph(settings) as graph:
        ingester = Ingester(settings, graph)
        reports = []
        for entry in entries:
            sources, _ = user_sources([folder / entry["path"]], settings.corpus_dir, {})
            reports.append(ingester.examine(sources[0]))
    return reports


def as_report(entry: dict) -> dict:
    """A reader's marks shaped as an extraction report, so one reader can be scored against another."""
    return {"councils": [{"ons_code": code} for code in entry.get("councils") or []],
            "outcomes": entry.get("outcomes") or [], "interventions": [
        {"mentions": [{"surface": practice["surface"], "quote": practice["quote"]} for practice in entry["practices"]]}]}


def second_reader(narratives: bool) -> dict:
    """The second reader scored against the first, and extraction against each, on every kind the second
    reader marked (practices only in the Ofsted reports); the narrative set's documents split by the split
    they belong to."""
    second = [{"councils": [], "outcomes": [], **entry}  # the Ofsted reports' second reader marked practices only
              for entry in yaml.safe_load((SECOND_READER_NARRATIVES if narratives else SECOND_READER).read_text())["documents"]]
    marked = NARRATIVES if narratives else UNSEEN
    first_by_path = {entry["path"]: entry for entry in yaml.safe_load(marked.read_text())["documents"]}
    kinds = ["councils", "practices", "outcomes"] if narratives else ["practices"]
    reports = dict(zip((entry["path"] for entry in second),
                       examined([first_by_path[entry["path"]] for entry in second],
                                marked.parent if narratives else None)))

    def scored(expected: list[dict], found: list[dict]) -> dict:
        tallies = score_unseen(expected, found)
        return {kind: tallies[kind].as_json() for kind in kinds}

    def compared(seconds: list[dict]) -> dict:
        first = [first_by_path[entry["path"]] for entry in seconds]
        found = [reports[entry["path"]] for entry in seconds]
        either = [{**entry, **{kind: entry[kind] + other[kind] for kind in ("practices", "outcomes") if kind in kinds}}
                  for entry, other in zip(first, seconds)]
        return {"documents": len(first),
                "second reader scored against the first": scored(first, [as_report(entry) for entry in seconds]),
                "extraction against the first reader": scored(first, found),
                "extraction against the second reader": scored(seconds, found),
                "extraction against either reader (precision only)": {
                    kind: tally["precision"] for kind, tally in scored(either, found).items() if kind != "councils"}}
    splits = sorted({first_by_path[entry["path"]].get("split", "dev") for entry in second})
    return {split: compared([entry for entry in second if first_by_path[entry["path"]].get("split", "dev") == split])
            for split in splits}


def per_surface(report: dict) -> dict:
    """The report with its interventions' status left out, so that every surface counts apart."""
    return {**report, "interventions": [{key: value for key, value in entry.items() if key != "status"}
                                        for entry in report["interventions"]]}


def implemented_only(report: dict, council: str | None = None) -> dict:
    """The report with only the mentions a council implementation (by `council`, if given) rests on: a practice
    named only as planned, hoped for, turned down or another body's is in the report, not in the graph's council
    pages; and a marked practice is the document's council's, so one credited to a partner or to a council named
    as where a model began is wrong."""
    done = {(implementation["intervention"], implementation["quote"]) for implementation in report["implementations"]
            if council is None or implementation["council"] == council}
    return {**report, "interventions": [
        {**entry, "mentions": [mention for mention in entry.get("mentions", []) if (entry["id"], mention["quote"]) in done]}
        for entry in report["interventions"]]}


def credited_to(report: dict, council: str) -> dict:
    """The report with only the outcomes it credits to `council`: a marked figure is the document's council's,
    so one credited to a partner or a council named before is wrong however its figures read."""
    return {**report, "outcomes": [outcome for outcome in report["outcomes"] if outcome["council"] == council]}


def run(verbose: bool, split: str | None = None, marked: Path = UNSEEN) -> dict:
    """`marked`'s documents of one split (their paths relative to the corpus, or for the narrative set
    to its own folder), or with no split the hand-checked set."""
    if split:
        checked = [entry for entry in yaml.safe_load(marked.read_text())["documents"] if entry["split"] == split]
    else:
        checked = yaml.safe_load(CHECKED.read_text())["documents"]
    reports = examined(checked, marked.parent if split and marked == NARRATIVES else None)
    tallies = score_unseen(checked, reports) if split else score(checked, reports)
    if verbose:
        for name, tally in tallies.items():
            for line in tally.extras:
                print(f"extra  {name}: {line}", file=sys.stderr)
            for line in tally.misses:
                print(f"missed {name}: {line}", file=sys.stderr)
    if split:  # the unit used before session 29: every surface of a catalogue entry counted apart
        surfaces = [per_surface(report) for report in reports]
        tallies["practices_per_surface"] = score_unseen(checked, surfaces)["practices"]
        tallies["practices_implemented"] = score_unseen(checked, [implemented_only(report) for report in reports])[
            "practices"]
        tallies["outcomes_credited"] = score_unseen(checked, [credited_to(report, entry["council"])
                                                              for entry, report in zip(checked, reports)])["outcomes"]
        tallies["practices_credited"] = score_unseen(checked, [implemented_only(report, entry["council"])
                                                               for entry, report in zip(checked, reports)])["practices"]
    found = {"interventions_by_status": dict(Counter(entry.get("status", "catalogue") for report in reports
                                                      for entry in report["interventions"])),
             "mentions_by_status": dict(Counter(entry.get("status", "catalogue") for report in reports
                                                for entry in report["interventions"]
                                                for _ in entry.get("mentions", [None]))),
             "outcomes_by_kind": dict(Counter(outcome.get("kind", "change") for report in reports
                                              for outcome in report["outcomes"]))}
    agreement = {"outcome_metric_words": metric_agreement(checked, reports)} if split else {}
    return {**{name: tally.as_json() for name, tally in tallies.items()}, **agreement, "found": found}


if __name__ == "__main__":
    if "--second-reader" in sys.argv:
        print(json.dumps(second_reader("narratives" in sys.argv), indent=2))
        sys.exit(0)
    marked = NARRATIVES if "--narratives" in sys.argv else UNSEEN
    option = "--narratives" if marked == NARRATIVES else "--unseen"
    split = sys.argv[sys.argv.index(option) + 1] if option in sys.argv[:-1] else None
    splits = {entry["split"] for entry in yaml.safe_load(marked.read_text())["documents"]}
    if option in sys.argv and split not in splits:
        sys.exit(f"{option} takes {', '.join(sorted(splits))}")
    print(json.dumps(run("--verbose" in sys.argv, split, marked), indent=2))
