"""Passages of about 100–250 words that end on sentence boundaries and never straddle a heading.

Each passage is a span [start, end) of the normalised text, so its citation (page, offsets)
points back at exactly the words shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalise import Block, NormalisedText

MIN_WORDS = 100
MAX_WORDS = 250
TINY_WORDS = 25

_ABBREVIATIONS = r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)(?<!\bvs)(?<!\bcf)(?<!\bSt)(?<!\bpara)"
_SENTENCE_BREAK = re.compile(_ABBREVIATIONS + r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9£])")


@dataclass
class Span:
    start: int
    end: int
    words: int


@dataclass
class PassageDraft:
    ordinal: int
    start: int
    end: int
    page: int
    page_end: int
    section: str | None
    text: str


def sentences(text: str, block: Block) -> list[Span]:
    """Sentence spans of one block, as absolute offsets; a run-on longer than MAX_WORDS is cut at words."""
    body = text[block.start:block.end]
    spans: list[Span] = []
    cursor = 0
    for match in _SENTENCE_BREAK.finditer(body):
        cut = match.start() + len(match.group(0).rstrip())
        spans.extend(_split_long(body, cursor, cut, block.start))
        cursor = match.end()
    spans.extend(_split_long(body, cursor, len(body), block.start))
    return spans


def _split_long(body: str, start: int, end: int, base: int) -> list[Span]:
    words = list(re.finditer(r"\S+", body[start:end]))
    if not words:
        return []
    spans = []
    for first in range(0, len(words), MAX_WORDS):
        group = words[first:first + MAX_WORDS]
        spans.append(Span(base + start + group[0].start(), base + start + group[-1].end(), len(group)))
    return spans


def chunk(normalised: NormalisedText) -> list[PassageDraft]:
    text = normalised.text
    sections = _sections(text, normalised.blocks)
    drafts: list[tuple[Span, str | None, list[Block]]] = []
    for heading, blocks in sections:
        current: list[Span] = []
        for block in blocks:
            for span in sentences(text, block):
                words = sum(s.words for s in current)
                if current and words >= MIN_WORDS and words + span.words > MAX_WORDS:
                    drafts.append((_merge(current), heading, blocks))
                    current = []
                current.append(span)
        if current:
            tail = _merge(current)
            previous = drafts[-1] if drafts and drafts[-1][2] is blocks else None
            if previous and tail.words < MIN_WORDS and previous[0].words + tail.words <= MAX_WORDS * 1.2:
                # a short end of section joins the passage before it rather than standing alone
                drafts[-1] = (_merge([previous[0], tail]), heading, blocks)
            else:
                drafts.append((tail, heading, blocks))
    drafts = _absorb_tiny(drafts)
    return [
        PassageDraft(ordinal, span.start, span.end, normalised.page_at(span.start), normalised.page_at(span.end - 1),
                     heading, text[span.start:span.end])
        for ordinal, (span, heading, _) in enumerate(drafts)
    ]


def _sections(text: str, blocks: list[Block]) -> list[tuple[str | None, list[Block]]]:
    """Blocks grouped under the heading that opens them (the heading block included)."""
    sections: list[tuple[str | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind == "heading":
            sections.append((text[block.start:block.end][:160], [block]))
        else:
            sections[-1][1].append(block)
    return [(heading, members) for heading, members in sections if members]


def _merge(spans: list[Span]) -> Span:
    return Span(spans[0].start, spans[-1].end, sum(span.words for span in spans))


def _absorb_tiny(drafts: list[tuple[Span, str | None, list[Block]]]) -> list[tuple[Span, str | None, list[Block]]]:
    """A passage of a few words (a lone heading, a table caption) joins the passage after it."""
    kept: list[tuple[Span, str | None, list[Block]]] = []
    carry: Span | None = None
    for span, heading, blocks in drafts:
        if carry is not None:
            span = Span(carry.start, span.end, carry.words + span.words)
            carry = None
        if span.words < TINY_WORDS:
            carry = span
            continue
        kept.append((span, heading, blocks))
    if carry is not None:
        if kept:
            last, heading, blocks = kept[-1]
            kept[-1] = (Span(last.start, carry.end, last.words + carry.words), heading, blocks)
        else:
            kept.append((carry, None, []))
    return kept
