"""Learns the weights of ingest/extraction/learned_practices.py from the unseen extraction set's dev
split only (its held_out split is never read here).

Every sentence of the dev reports is parsed; the noun phrases the rules did not take are the
candidates, each labelled by whether it matches a practice the reader marked in that sentence (the
bench's matching rule). A logistic regression is cross-validated by document (five folds), over its
regularisation C and the threshold; the setting kept is the one with the highest recall of the rules
and learned phrases together whose precision is no lower than the rules' alone. Fitted on the
whole dev split with that setting, it is written to practice_weights.json with --write.

    EVIDENCE_HOME=... python bench/practice_weights.py [--write]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from ingest.extraction.evaluation import quotes_overlap, surfaces_match  # noqa: E402
from ingest.extraction.learned_practices import WEIGHTS, candidate_phrases, features  # noqa: E402
from ingest.extraction.nlp import full_pipeline, sentence_pipeline  # noqa: E402
from ingest.extraction.practices import find_practices  # noqa: E402
from ingest.pipeline import read_document  # noqa: E402
from ingest.sources import user_sources  # noqa: E402
from kg.model.settings import PROJECT_ROOT, get_settings  # noqa: E402

UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "extraction_unseen.yaml"
C_GRID = [0.3, 1.0, 3.0, 10.0]
MIN_DOCUMENTS = 3  # a feature seen in fewer dev reports is dropped: a word of one report is not a rule
THRESHOLDS = [round(0.1 + 0.05 * step, 2) for step in range(11)]


def labelled_candidates() -> tuple[list[dict[str, float]], np.ndarray, np.ndarray, int, int, int]:
    """Features, labels and document of every candidate; and the rules' right, made and markable counts."""
    settings = get_settings()
    entries = [entry for entry in yaml.safe_load(UNSEEN.read_text())["documents"] if entry["split"] == "dev"]
    described, labels, documents = [], [], []
    rules_right = rules_made = 0
    for entry in entries:
        sources, _ = user_sources([Path(settings.corpus_dir) / entry["path"]], settings.corpus_dir, {})
        raw = sources[0].path.read_bytes()
        text = read_document(sources[0], raw, hashlib.sha256(raw).hexdigest()).normalised.text
        sentences = list(sentence_pipeline()(text).sents)
        for sentence, doc in zip(sentences, full_pipeline().pipe(sentence.text for sentence in sentences)):
            marked = [practice for practice in entry.get("practices") or []
                      if quotes_overlap(sentence.text, practice["quote"])]

            def right(surface: str) -> bool:
                return any(surfaces_match(surface, practice["surface"]) for practice in marked)

            ruled = find_practices(doc, 0)
            rules_made += len(ruled)
            rules_right += sum(right(mention.surface) for mention in ruled)
            for start, end, tokens in candidate_phrases(doc, 0, ruled):
                described.append(features(doc, tokens))
                labels.append(int(right(doc.text[start:end])))
                documents.append(entry["path"])
    seen: dict[str, set[str]] = {}
    for one, document in zip(described, documents):
        for name in one:
            seen.setdefault(name, set()).add(document)
    described = [{name: value for name, value in one.items() if len(seen[name]) >= MIN_DOCUMENTS} for one in described]
    return described, np.array(labels), np.array(documents), rules_right, rules_made, len(entries)


def main() -> None:
    described, labels, documents, rules_right, rules_made, count = labelled_candidates()
    markable = rules_right + labels.sum()  # what the rules and the candidates can reach together
    print(f"{count} dev reports, {len(labels)} candidates ({labels.sum()} marked); rules alone: "
          f"precision {rules_right / rules_made:.3f}, recall {rules_right / markable:.3f} of the reachable")
    best = None
    for c in C_GRID:
        chance = np.zeros(len(labels))
        for train, held in GroupKFold(5).split(described, labels, documents):
            vectoriser = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=5000).fit(
                vectoriser.fit_transform([described[i] for i in train]), labels[train])
            chance[held] = model.predict_proba(vectoriser.transform([described[i] for i in held]))[:, 1]
        for threshold in THRESHOLDS:
            kept = chance >= threshold
            right, made = rules_right + labels[kept].sum(), rules_made + kept.sum()
            precision, recall = right / made, right / markable
            print(f"C {c:>4}  threshold {threshold:.2f}  precision {precision:.3f}  recall {recall:.3f}")
            if precision >= rules_right / rules_made and (best is None or recall > best[3]):
                best = (c, threshold, precision, recall)
    assert best is not None
    c, threshold, precision, recall = best
    print(f"kept: C {c}, threshold {threshold} (cross-validated precision {precision:.3f}, recall {recall:.3f})")
    if "--write" in sys.argv:
        vectoriser = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=5000).fit(vectoriser.fit_transform(described), labels)
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
