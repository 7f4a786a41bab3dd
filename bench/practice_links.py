"""Could practices be linked by meaning, and above which cosine? Issue 20 asks for a practice to
link to a catalogue entry when its embedding is close enough, and for emerging practices to be
grouped across documents by phrase embedding and head noun, each threshold calibrated and reported.

Two hand-judged samples (see their headers): tests/fixtures/catalogue_links_judged.yaml (an emerging
practice beside its nearest catalogue entry) and tests/fixtures/practice_groups_judged.yaml (two
emerging practices with the same head word, each the other's nearest). For each, the pair's cosine
(MiniLM, as extraction embeds a candidate practice; to a catalogue entry, the nearest of its name
and aliases) and, for each threshold, how many pairs reach it and the share judged "yes" ("unsure"
counts as not right: a wrong link misattributes evidence). A link by meaning is worth making only
above a threshold whose share is at least PRECISION_NEEDED. The samples were drawn by band of cosine
(every pair above 0.9, a fixed number in each band below), so a share pooled over several bands is
the sample's, not the corpus's: it leans on the higher bands.

    HF_HUB_OFFLINE=1 python bench/practice_links.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from embedding.embedder import Embedder, embedder_for  # noqa: E402
from kg.model.catalogue import intervention_by_id  # noqa: E402
from kg.model.settings import PROJECT_ROOT, get_settings  # noqa: E402

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
THRESHOLDS = [0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97]
PRECISION_NEEDED = 0.9


def catalogue_cosines(pairs: list[dict], embedder: Embedder) -> list[float]:
    """Each phrase's cosine to the nearest name or alias of the catalogue entry it is paired with."""
    catalogue = intervention_by_id()
    phrases = embedder.embed([pair["phrase"] for pair in pairs])  # unit vectors: a dot product is the cosine
    cosines = []
    for pair, phrase in zip(pairs, phrases):
        entry = catalogue[pair["entry"]]
        cosines.append(float((embedder.embed([entry.name, *entry.aliases]) @ phrase).max()))
    return cosines


def group_cosines(pairs: list[dict], embedder: Embedder) -> list[float]:
    """The cosine of the two practices' names."""
    first = embedder.embed([pair["phrase"] for pair in pairs])
    second = embedder.embed([pair["other"] for pair in pairs])
    return [float(one @ other) for one, other in zip(first, second)]


def report(title: str, pairs: list[dict], cosines: list[float]) -> None:
    judged_yes = np.array([pair["judged"] == "yes" for pair in pairs])
    reached_by = np.array(cosines)
    print(f"{title}: {len(pairs)} judged pairs, {judged_yes.sum()} yes, "
          f"{sum(pair['judged'] == 'no' for pair in pairs)} no, {sum(pair['judged'] == 'unsure' for pair in pairs)} unsure")
    usable = None  # the lowest threshold at which, and at every threshold above it, the share holds
    for threshold in THRESHOLDS:
        reached = reached_by >= threshold
        right = int(judged_yes[reached].sum())
        share = right / reached.sum() if reached.any() else float("nan")
        print(f"  cosine >= {threshold:.2f}: {reached.sum():>3} pairs, {right:>3} judged yes, precision {share:.2f}")
        if reached.any() and share < PRECISION_NEEDED:
            usable = None
        elif usable is None and reached.any():
            usable = (threshold, int(reached.sum()))
    print(f"  lowest threshold with precision >= {PRECISION_NEEDED} there and above: "
          + (f"{usable[0]} ({usable[1]} pairs)" if usable else "none"))


def main() -> None:
    embedder = embedder_for(get_settings())
    links = yaml.safe_load((FIXTURES / "catalogue_links_judged.yaml").read_text())["pairs"]
    report("practice to catalogue entry", links, catalogue_cosines(links, embedder))
    groups = yaml.safe_load((FIXTURES / "practice_groups_judged.yaml").read_text())["pairs"]
    report("practice to practice (same head word)", groups, group_cosines(groups, embedder))


if __name__ == "__main__":
    main()
