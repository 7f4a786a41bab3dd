"""Learns the weights of ingest/extraction/learned_practices.py from the unseen extraction set's dev
split only (its held_out split is never read here).

The dev reports' sentences are read as extraction reads them (cued_sentences); the rules' phrases
and the other noun phrases are the candidates, each labelled by whether it matches a practice the
reader marked in that sentence (the bench's matching rule). A logistic regression is cross-validated
by document (five folds), over its regularisation C and the threshold; the setting kept is the one
with the highest F1 of precision and recall (of the right phrases the candidates hold; each candidate
is counted on its own, though extraction keeps only the longest of overlapping learned phrases, so a
practice two candidates match counts twice). Fitted on the whole dev split with that setting, it is
written to practice_weights.json with --write.

    EVIDENCE_HOME=... python bench/practice_weights.py [--write]
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from ingest.extraction.document import cued_sentences, sentences_of  # noqa: E402
from ingest.extraction.evaluation import quotes_overlap, surfaces_match  # noqa: E402
from ingest.extraction.learned_practices import (  # noqa: E402
    WEIGHTS,
    candidate_phrases,
    features,
    ruled_features,
)
from ingest.extraction.nlp import full_pipeline, sentence_pipeline  # noqa: E402
from ingest.extraction.practices import find_practices  # noqa: E402
from ingest.pipeline import read_document  # noqa: E402
from ingest.sources import user_sources  # noqa: E402
from kg.model.settings import PROJECT_ROOT, get_settings  # noqa: E402

UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "extraction_unseen.yaml"
C_GRID = [0.3, 1.0, 3.0, 10.0]
MIN_DOCUMENTS = 3  # a feature seen in fewer dev reports is dropped: a word of one report is not a rule
THRESHOLDS = [round(0.1 + 0.05 * step, 2) for step in range(11)]


@dataclass
class Labelled:
    """Each candidate's features, label (a marked practice of its sentence) and report; the rules'
    phrases are the candidates described with a "rule" feature."""
    described: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)


def labelled_candidates() -> Labelled:
    """The dev reports' sentences as extraction reads them (cued_sentences), their rule mentions and candidates."""
    settings = get_settings()
    labelled = Labelled()
    for entry in [entry for entry in yaml.safe_load(UNSEEN.read_text())["documents"] if entry["split"] == "dev"]:
        sources, _ = user_sources([Path(settings.corpus_dir) / entry["path"]], settings.corpus_dir, {})
        raw = sources[0].path.read_bytes()
        text = read_document(sources[0], raw, hashlib.sha256(raw).hexdigest()).normalised.text
        cued = cued_sentences(text, sentences_of(text, sentence_pipeline()(text)))
        for sentence, doc in zip(cued, full_pipeline().pipe(text[sentence.start:sentence.end] for sentence in cued)):
            marked = [practice for practice in entry.get("practices") or []
                      if quotes_overlap(doc.text, practice["quote"])]

            def right(surface: str) -> bool:
                return any(surfaces_match(surface, practice["surface"]) for practice in marked)

            ruled = find_practices(doc, 0)
            for mention in ruled:
                labelled.described.append(ruled_features(doc, mention))
                labelled.labels.append(int(right(mention.surface)))
                labelled.reports.append(entry["path"])
            for start, end, tokens in candidate_phrases(doc, 0, ruled):
                labelled.described.append(features(doc, tokens))
                labelled.labels.append(int(right(doc.text[start:end])))
                labelled.reports.append(entry["path"])
    return labelled


def _common(described: list[dict[str, float]], reports: list[str]) -> list[dict[str, float]]:
    """Features seen in fewer than MIN_DOCUMENTS reports dropped: a word of one report is not a rule."""
    seen: dict[str, set[str]] = {}
    for one, report in zip(described, reports):
        for name in one:
            seen.setdefault(name, set()).add(report)
    return [{name: value for name, value in one.items() if len(seen[name]) >= MIN_DOCUMENTS} for one in described]


def _fitted(described: list[dict[str, float]], labels: np.ndarray,
            c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectoriser = DictVectorizer()
    return vectoriser, LogisticRegression(C=c, max_iter=5000).fit(vectoriser.fit_transform(described), labels)


def main() -> None:
    labelled = labelled_candidates()
    labels, reports = np.array(labelled.labels), np.array(labelled.reports)
    from_rules = np.array(["rule" in described for described in labelled.described])
    rules_right, rules_made = labels[from_rules].sum(), from_rules.sum()
    rules_precision = rules_right / rules_made
    reachable = labels.sum()  # right mentions the rules and the other candidates can give together
    print(f"{len(set(labelled.reports))} dev reports, {len(labels)} candidates ({labels.sum()} marked); rules alone: "
          f"{rules_right} of {rules_made} mentions right (precision {rules_precision:.3f}, "
          f"recall {rules_right / reachable:.3f} of the {reachable} right mentions reachable)")
    best = None
    for c in C_GRID:
        chance = np.zeros(len(labels))
        for train, held in GroupKFold(5).split(labelled.described, labels, reports):
            kept_features = _common([labelled.described[i] for i in train], list(reports[train]))
            vectoriser, model = _fitted(kept_features, labels[train], c)
            chance[held] = model.predict_proba(vectoriser.transform([labelled.described[i] for i in held]))[:, 1]
        for threshold in THRESHOLDS:
            kept = chance >= threshold
            right, made = labels[kept].sum(), max(kept.sum(), 1)
            precision, recall = right / made, right / reachable
            f1 = 2 * precision * recall / (precision + recall) if right else 0.0
            print(f"C {c:>4}  threshold {threshold:.2f}  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
            if best is None or f1 > best[4]:
                best = (c, threshold, precision, recall, f1)
    assert best is not None
    c, threshold, precision, recall, _ = best
    print(f"kept: C {c}, threshold {threshold} (cross-validated precision {precision:.3f}, recall {recall:.3f})")
    if "--write" in sys.argv:
        vectoriser, model = _fitted(_common(labelled.described, labelled.reports), labels, c)
        weights = {name: round(float(weight), 4) for name, weight in zip(vectoriser.feature_names_, model.coef_[0])
                   if abs(weight) >= 0.001}
        WEIGHTS.write_text(json.dumps({
            "about": "Written by bench/practice_weights.py --write from the dev split of "
                     "tests/fixtures/extraction_unseen.yaml; see ingest/extraction/learned_practices.py.",
            "C": c, "threshold": threshold,
            "cross_validated": {"precision": round(float(precision), 3), "recall": round(float(recall), 3)},
            "intercept": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items())),
        }, indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {WEIGHTS} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
