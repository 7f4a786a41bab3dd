"""Which of the seven enablers of improvement a passage discusses.

Score = cosine similarity of the passage's embedding to the enabler's description, less the
enabler's baseline (enablers.yaml), plus a small bonus for each distinct cue phrase the passage
uses; a passage is linked to every enabler whose score passes the margin. The margin was set by
reading the scores of the research report's own enabler chapters (all pass) against the corpus
at large (about one passage in ten passes for the broadest enabler).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from kg.model.catalogue import EnablerDefinition, enablers

MARGIN = 0.15
CUE_BONUS = 0.02
MAX_CUES = 3


@dataclass
class EnablerScore:
    enabler: str
    score: float
    cues: list[str]


class EnablerScorer:
    def __init__(self, embedder):
        self._enablers = enablers()
        self._vectors = np.asarray(embedder.embed([enabler.description for enabler in self._enablers]))
        self._cues = [_cue_patterns(enabler) for enabler in self._enablers]
        self._baselines = np.array([enabler.baseline for enabler in self._enablers])

    def score(self, vectors: np.ndarray, texts: list[str]) -> list[list[EnablerScore]]:
        """For each passage, the enablers it discusses, best first."""
        if len(texts) == 0:
            return []
        similarity = np.asarray(vectors) @ self._vectors.T - self._baselines
        links = []
        for row, text in zip(similarity, texts):
            found = []
            folded = text.casefold()
            for enabler, cues, cosine in zip(self._enablers, self._cues, row):
                # a cue absent from the case-folded text cannot match: most are, and `in` costs far less
                used = [cue for cue, folded_cue, pattern in cues if folded_cue in folded and pattern.search(text)]
                score = float(cosine) + CUE_BONUS * min(len(used), MAX_CUES)
                if score >= MARGIN:
                    found.append(EnablerScore(enabler.id, round(score, 4), used))
            links.append(sorted(found, key=lambda link: -link.score))
        return links


def _cue_patterns(enabler: EnablerDefinition) -> list[tuple[str, str, re.Pattern]]:
    return [(cue, cue.casefold(), re.compile(rf"\b{re.escape(cue)}\b", re.IGNORECASE)) for cue in enabler.cues]
