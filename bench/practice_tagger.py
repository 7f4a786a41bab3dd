"""Would a token tagger find practices better than the per-phrase weights of learned_practices.py?
Cross-validated on the unseen extraction set's dev split (held_out is never read), scored by the
extraction bench's own rule (score_unseen), so its figures sit beside `bench/extraction.py --unseen dev`.

Every sentence extraction parses (cued_sentences) is read by the encoder; each of its tokens is
tagged B (a marked practice's first token), I (inside one) or O by a small bidirectional LSTM over
the encoder's frozen word vectors, trained on the training reports (weighted as
bench/practice_weights.py weighs them) and four fifths of dev, tested on the fifth left out (five
folds by report). A run of tokens whose chance of being inside a practice reaches a bound is a
phrase, widened to whole words; it is kept when its tokens' mean chance reaches a second bound.
Both bounds are swept and printed; nothing is written.

    EVIDENCE_HOME=... python bench/practice_tagger.py [--epochs 6]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import GroupKFold
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from practice_weights import marked_reports, report_text, report_weight  # noqa: E402

from embedding.embedder import DIMENSIONS, OnnxEncoder, model_dir, tokens_over  # noqa: E402
from embedding.int8_model import build_question_model  # noqa: E402
from ingest.extraction.document import cued_sentences, sentences_of  # noqa: E402
from ingest.extraction.evaluation import quotes_overlap, score_unseen  # noqa: E402
from ingest.extraction.nlp import sentence_pipeline  # noqa: E402
from kg.model.settings import get_settings  # noqa: E402

OUTSIDE, BEGINS, INSIDE = 0, 1, 2
HIDDEN = 128
BOUNDS = [(0.3, 0.45), (0.3, 0.5), (0.3, 0.55), (0.3, 0.6), (0.4, 0.5), (0.4, 0.55), (0.5, 0.6)]
_WORD_END = " ,.;:)\"'’”"


@dataclass
class TaggedSentence:
    text: str
    offsets: list[tuple[int, int]]
    vectors: np.ndarray  # float16, one row per token
    tags: np.ndarray


@dataclass
class TaggedReport:
    path: str
    weight: float
    from_dev: bool
    marks: list[dict]
    sentences: list[TaggedSentence]


def _tags(text: str, offsets: list[tuple[int, int]], marks: list[dict]) -> np.ndarray:
    """B/I on the tokens of each marked surface printed in this sentence of its quote."""
    tags = np.full(len(offsets), OUTSIDE, dtype=np.int64)
    for mark in marks:
        if not quotes_overlap(text, mark["quote"]):
            continue
        printed = _printed(mark["surface"]).search(text)
        if printed:
            inside = tokens_over(offsets, printed.start(), printed.end())
            if inside:
                tags[inside] = INSIDE
                tags[inside[0]] = BEGINS
    return tags


def _printed(surface: str) -> re.Pattern[str]:
    """A marked surface as printed: its words in order, any whitespace between, any case."""
    return re.compile(r"\s+".join(re.escape(word) for word in surface.split()), re.IGNORECASE)


def tagged_reports(encoder: OnnxEncoder) -> list[TaggedReport]:
    found = []
    for entry in marked_reports():
        text = report_text(entry)
        sentences = [text[sentence.start:sentence.end]
                     for sentence in cued_sentences(text, sentences_of(text, sentence_pipeline()(text)))]
        marks = entry.get("practices") or []
        found.append(TaggedReport(entry["path"], report_weight(entry), entry.get("split") == "dev", marks, [
            TaggedSentence(sentence, offsets, vectors.astype(np.float16), _tags(sentence, offsets, marks))
            for sentence, (offsets, vectors) in zip(sentences, encoder.word_vectors(sentences, 16))]))
        print(f"read {entry['path']}: {len(sentences)} sentences", flush=True)
    return found


class Tagger(nn.Module):
    """Frozen word vectors, narrowed, read both ways, tagged B/I/O."""

    def __init__(self) -> None:
        super().__init__()
        self.dropout = nn.Dropout(0.25)
        self.narrow = nn.Linear(DIMENSIONS, HIDDEN)
        self.read = nn.LSTM(HIDDEN, HIDDEN, batch_first=True, bidirectional=True)
        self.tag = nn.Linear(2 * HIDDEN, 3)

    def forward(self, vectors: torch.Tensor) -> torch.Tensor:
        read, _ = self.read(torch.relu(self.narrow(self.dropout(vectors))))
        return self.tag(self.dropout(read))


def _batches(sentences: list[tuple[TaggedSentence, float]], size: int, shuffled: bool):
    """Padded batches of sentences of similar length: their indexes, vectors, tags and weights."""
    order = sorted(range(len(sentences)), key=lambda index: len(sentences[index][0].tags))
    groups = [order[start:start + size] for start in range(0, len(order), size)]
    if shuffled:
        random.shuffle(groups)
    for group in groups:
        width = max(len(sentences[index][0].tags) for index in group)
        vectors = torch.zeros(len(group), width, DIMENSIONS)
        tags = torch.full((len(group), width), -100, dtype=torch.long)
        weights = torch.zeros(len(group))
        for row, index in enumerate(group):
            sentence, weight = sentences[index]
            vectors[row, :len(sentence.tags)] = torch.from_numpy(sentence.vectors.astype(np.float32))
            tags[row, :len(sentence.tags)] = torch.from_numpy(sentence.tags)
            weights[row] = weight
        yield group, vectors, tags, weights


def trained(reports: list[TaggedReport], epochs: int) -> Tagger:
    sentences = [(sentence, report.weight) for report in reports for sentence in report.sentences]
    tagger = Tagger()
    optimiser = torch.optim.Adam(tagger.parameters(), lr=2e-3)
    loss_of = nn.CrossEntropyLoss(reduction="none", ignore_index=-100)
    tagger.train()
    for _ in range(epochs):
        for _, vectors, tags, weights in _batches(sentences, 32, shuffled=True):
            losses = loss_of(tagger(vectors).reshape(-1, 3), tags.reshape(-1)).reshape(tags.shape) * weights[:, None]
            loss = losses.sum() / ((tags != -100).float() * weights[:, None]).sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return tagger


def chances(tagger: Tagger, report: TaggedReport) -> list[np.ndarray]:
    """Each sentence's tokens' chances of O, B and I."""
    tagger.eval()
    sentences = [(sentence, 1.0) for sentence in report.sentences]
    read: list[np.ndarray] = [np.zeros((0, 3))] * len(sentences)
    with torch.no_grad():
        for group, vectors, _, _ in _batches(sentences, 64, shuffled=False):
            tagged = torch.softmax(tagger(vectors), -1).numpy()
            for row, index in enumerate(group):
                read[index] = tagged[row, :len(sentences[index][0].tags)]
    return read


def phrases(sentence: TaggedSentence, tagged: np.ndarray, bound: float) -> list[tuple[str, float]]:
    """Runs of tokens at least `bound` likely inside a practice (a new one where a word is more
    likely to begin one), widened to whole words, with their tokens' mean chance."""
    runs: list[list] = []
    current: list | None = None
    for index, (first, last) in enumerate(sentence.offsets):
        if first >= last:
            continue
        inside = 1.0 - tagged[index, OUTSIDE]
        if inside >= bound:
            new_word = current is not None and first > current[1] and not sentence.text[current[1]:first].strip()
            if current is None or (new_word and tagged[index, BEGINS] > tagged[index, INSIDE]):
                if current is not None:
                    runs.append(current)
                current = [first, last, [inside]]
            else:
                current[1] = last
                current[2].append(inside)
        elif current is not None:
            runs.append(current)
            current = None
    if current is not None:
        runs.append(current)
    found = []
    for first, last, insides in runs:
        while first > 0 and not sentence.text[first - 1].isspace() and sentence.text[first - 1] not in "(\"'‘“":
            first -= 1
        while last < len(sentence.text) and not sentence.text[last].isspace() and sentence.text[last] not in _WORD_END:
            last += 1
        surface = sentence.text[first:last].strip(_WORD_END.replace(")", ""))
        if surface.count(")") > surface.count("("):
            surface = surface.rstrip(")")
        if surface.count("(") > surface.count(")"):
            surface = surface.lstrip("(")
        if surface:
            found.append((surface, float(np.mean(insides))))
    return found


def scored(reports: list[TaggedReport], tagged: list[list[np.ndarray]], bound: float, keep: float) -> tuple[float, float]:
    marked, extracted = [], []
    for report, chances_of in zip(reports, tagged):
        mentions = [{"surface": surface, "quote": sentence.text}
                    for sentence, chance in zip(report.sentences, chances_of)
                    for surface, mean in phrases(sentence, chance, bound) if mean >= keep]
        marked.append({"path": report.path, "councils": [], "practices": report.marks, "outcomes": []})
        extracted.append({"councils": [], "outcomes": [], "implementations": [],
                          "interventions": [{"mentions": mentions}] if mentions else []})
    tally = score_unseen(marked, extracted)["practices"]
    return tally.precision, tally.recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=6)
    arguments = parser.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    torch.manual_seed(0)
    random.seed(0)
    encoder = OnnxEncoder(build_question_model(model_dir(), get_settings().home / "models"))
    reports = tagged_reports(encoder)
    dev = [report for report in reports if report.from_dev]
    training = [report for report in reports if not report.from_dev]
    tagged: list[list[np.ndarray]] = [[] for _ in dev]
    for fold, (fitted, held) in enumerate(GroupKFold(5).split(dev, groups=[report.path for report in dev])):
        tagger = trained(training + [dev[index] for index in fitted], arguments.epochs)
        for index in held:
            tagged[index] = chances(tagger, dev[index])
        print(f"fold {fold + 1} of 5 tagged", flush=True)
    for bound, keep in BOUNDS:
        precision, recall = scored(dev, tagged, bound, keep)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"inside >= {bound}, kept at mean >= {keep}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
