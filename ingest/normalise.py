"""From raw lines to clean text in blocks (headings, paragraphs, list items), with page numbers.

PDF text arrives wrapped at the page width, with running headers and footers, page numbers,
words hyphenated across lines, ligatures and bullet glyphs. This stage undoes those, so that
passages read as the document does and offsets into the clean text can be cited.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ingest.extract_text import ExtractedText

# a symbol font's glyphs (Symbol, Wingdings) land in the private use area U+F021–U+F0FF: in running
# text they are bullets ("\uf02d 71 live outside the area \uf02d 32 live in …")
_SYMBOL_FONT = "\uf021-\uf0ff"
_BULLET = re.compile(r"^\s*([\u2022\u25cf\u25aa\u25a0\u25fc\u25e6\u2023\u2043\u25a1\u2610\u27a2\u2713\u2714" + _SYMBOL_FONT
                     + r"*+]|-(?=\s))\s*")
_NUMBERED = re.compile(r"^\s*(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+\S")
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?[-–]?\s*\d{1,4}\s*[-–]?\s*(of\s+\d{1,4})?\s*$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
_WORD_AT_END = re.compile(r"([A-Za-z]+)-$")
_WORD_AT_START = re.compile(r"^([a-z]+)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# a table's cell after its first: a figure, or a heading of a few words ("2022/23", "March this year", "England");
# not a word of prose typed with wide spaces ("The  number  of  children")
_TABLE_CELL = re.compile(r"[£\d(][^\s]*(?: \S+){0,2}|n/a|-{1,2}|[–—]|[A-Z][\w'’/-]*(?: [\w'’/()%,-]+){0,4}")
# a cell holding a label and its figure: "Q2: 17%", "Caseload 17"
_LABELLED_FIGURE = re.compile(r":\s*[£\d]|[A-Za-z]{3,}\s+(?!(?:19|20)\d\d\b)£?\d[\d,.]*\s*%?$")
# a table's rule under its header, or a line of rule alone: "|---|:---:|", "-------  ----", "======="
# a two-column table's row: an indented label and its one figure, set apart by wide spaces
_LABEL_AND_FIGURE = re.compile(r"\s{2,}(?P<label>[A-Z\"'‘“][^.!?:;]{0,78}?\S)\s{3,}"
                               r"(?P<figure>£?\d[\d,.]*\s?(?:%|m|k|bn)?)\s*")
_RULE_LINE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*"
                        r"|\s*[-=_–—─━]{3,}(?:\s+[-=_–—─━]{3,})*\s*")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


@dataclass
class Block:
    start: int
    end: int
    page: int
    kind: str  # "heading" | "paragraph" | "item"


@dataclass
class NormalisedText:
    text: str
    blocks: list[Block]
    page_count: int
    page_starts: list[tuple[int, int]]  # (offset in text, page number), ascending

    def page_at(self, offset: int) -> int:
        page = self.page_starts[0][1] if self.page_starts else 1
        for start, number in self.page_starts:
            if start > offset:
                break
            page = number
        return page


@dataclass
class _Line:
    text: str
    page: int


def clean_line(line: str) -> str:
    for ligature, letters in _LIGATURES.items():
        line = line.replace(ligature, letters)
    # U+FFFE is how PDFium marks a hyphen it found at a line end
    line = line.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "").replace("\t", "  ")
    line = line.replace("\ufffe", "-")
    line = unicodedata.normalize("NFC", line)
    if _RULE_LINE.fullmatch(line):
        return ""
    # a table's line keeps its columns apart by tabs (ingest/extraction/tables.py reads them): cells set apart by bars
    # or by wide spaces, a label first, then figures or short headings (or, between bars, words without figures:
    # "CS-01 | Reduce agency use | 1,200 | 1,010"); not labelled figures ("Q2: 17% | Target: 20%", "Re-referrals 22% |
    # Caseload 17"), nor a strip of figures ("92% of visits on time | 14 average caseload | …")
    for cells, wordy in ((re.split(r"\s*\|\s*", line.strip().strip("|").strip()), True),
                         (re.split(r" {2,}", line.strip()), False)):
        if len(cells) >= 3 and len(cells[0]) <= 80 and all(
                _TABLE_CELL.fullmatch(cell) or wordy and not re.search(r"\d", cell) for cell in cells[1:]) and not (
                wordy and (not cells[0][:1].isalpha() or any(_LABELLED_FIGURE.search(cell) for cell in cells))):
            return "\t".join(cells)
    pair = _LABEL_AND_FIGURE.fullmatch(line)
    if pair is not None and len(pair["label"].split()) >= 2:  # "  Children in our care (January 2025)      441"
        return f"{pair['label']}\t{pair['figure']}"
    return re.sub(r" {2,}", " ", line).rstrip()


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (digits masked) that open or close at least half the pages: headers and footers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = [line for line in lines if line.strip()]
        counts.update({_mask(line) for line in edges[:2] + edges[-2:]})
    threshold = max(3, len(pages) // 2)
    return {masked for masked, count in counts.items() if count >= threshold and masked}


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    running = _running_lines(pages)
    cleaned: list[list[str]] = []
    for lines in pages:
        lines = list(lines)
        non_empty = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(non_empty[:2] + non_empty[-2:])
        cleaned.append([
            "" if index in edge and (_mask(line) in running or _PAGE_NUMBER.match(line)) else line
            for index, line in enumerate(lines)
        ])
    return cleaned


_INLINE_BULLET = re.compile(r"\s*[\u2022\u25cf\u25aa\u25fc" + _SYMBOL_FONT + r"]\s+")


def _split_inline_bullets(line: str) -> list[str]:
    """PDF text often runs several bullet points into one line: give each its own."""
    parts = _INLINE_BULLET.split(line)
    if len(parts) == 1:
        return [line]
    head, items = parts[0], parts[1:]
    return ([head] if head.strip() else []) + [f"- {item}" for item in items if item.strip()]


def normalise(extracted: ExtractedText) -> NormalisedText:
    pages = [[part for line in page
              for part in _split_inline_bullets(clean_line(_HTML_TAG.sub(" ", line) if "<" in line else line))]
             for page in extracted.pages]
    pages = _strip_page_furniture(pages)
    lines = [_Line(line, number) for number, page in enumerate(pages, start=1) for line in page + [""]]
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 20)
    full_width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    vocabulary = _vocabulary(lines)
    return _assemble(_blocks(lines, full_width), vocabulary, len(pages))


def _vocabulary(lines: list[_Line]) -> Counter[str]:
    words: Counter[str] = Counter()
    for line in lines:
        words.update(re.findall(r"[a-z]+(?:-[a-z]+)*", line.text.lower()))
    return words


def _is_heading(line: str, previous: str, following: str, full_width: int) -> bool:
    words = line.split()
    introduces_grade = line.endswith(":") and len(words) <= 20 and len(following.split()) <= 4
    if not words or (not introduces_grade and (len(words) > 14 or len(line) > 0.8 * full_width)):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or re.search(r"[.,;]$", line):
        return False
    if _BULLET.match(line) or not re.search(r"[A-Za-z]{3}", line):
        return False
    previous_closed = not previous.strip() or bool(SENTENCE_END.search(previous))
    next_opens = not following.strip() or following.lstrip()[:1].isupper() or bool(_BULLET.match(following))
    return previous_closed and next_opens


def _blocks(lines: list[_Line], full_width: int) -> list[tuple[str, list[_Line]]]:
    """Groups lines into (kind, lines) blocks."""
    blocks: list[tuple[str, list[_Line]]] = []
    current: list[_Line] = []
    kind = "paragraph"

    def close() -> None:
        nonlocal current, kind
        if current:
            blocks.append((kind, current))
        current, kind = [], "paragraph"

    for index, line in enumerate(lines):
        text = line.text
        if not text.strip():
            # a page break inside a sentence does not end the paragraph
            if current and line.page == current[-1].page and not _continues_on_next_page(lines, index, current):
                close()
            continue
        heading = _MD_HEADING.match(text)
        previous = current[-1].text if current else ""
        following = next((later.text for later in lines[index + 1:index + 2]), "")
        if heading:
            close()
            blocks.append(("heading", [_Line(heading.group(2), line.page)]))
            continue
        if _BULLET.match(text) or (_NUMBERED.match(text) and (not previous or SENTENCE_END.search(previous))):
            close()
            kind = "item"
            current.append(_Line(_BULLET.sub("- ", text, count=1) if _BULLET.match(text) else text.strip(), line.page))
            continue
        if _is_heading(text.strip(), previous, following, full_width) and (not current or SENTENCE_END.search(previous)):
            close()
            blocks.append(("heading", [_Line(text.strip(), line.page)]))
            continue
        if "\t" in text:  # a table's row is a line of its own, whatever the next row opens with
            close()
        current.append(_Line(text.strip(), line.page))
        if SENTENCE_END.search(text) and len(text) < 0.75 * full_width or "\t" in text:
            close()
    close()
    return _merge_grade_lines(blocks)


def _continues_on_next_page(lines: list[_Line], index: int, current: list[_Line]) -> bool:
    if SENTENCE_END.search(current[-1].text):
        return False
    following = next((line for line in lines[index + 1:] if line.text.strip()), None)
    return following is not None and following.page != current[-1].page and following.text.strip()[:1].islower()


def _merge_grade_lines(blocks: list[tuple[str, list[_Line]]]) -> list[tuple[str, list[_Line]]]:
    """'... is:' followed by a one- or few-word heading ('Good') is one heading."""
    merged: list[tuple[str, list[_Line]]] = []
    for kind, lines in blocks:
        if (merged and kind == "heading" and merged[-1][0] == "heading" and merged[-1][1][-1].text.endswith(":")
                and len(lines[0].text.split()) <= 4):
            merged[-1][1].extend(lines)
            continue
        merged.append((kind, lines))
    return merged


def _join(lines: list[_Line], vocabulary: Counter[str]) -> tuple[str, list[tuple[int, int]]]:
    """The block's text, and where each of its pages starts within it."""
    text = lines[0].text
    pages = [(0, lines[0].page)]
    for line in lines[1:]:
        tail, head = _WORD_AT_END.search(text), _WORD_AT_START.match(line.text)
        if tail and head:
            hyphenated = f"{tail.group(1).lower()}-{head.group(1)}"
            solid = f"{tail.group(1).lower()}{head.group(1)}"
            if vocabulary[hyphenated] <= vocabulary[solid]:
                text = text[:-1]
        else:
            text += " "
        if line.page != pages[-1][1]:
            pages.append((len(text), line.page))
        text += line.text
    return text, pages


def _assemble(blocks: list[tuple[str, list[_Line]]], vocabulary: Counter[str], page_count: int) -> NormalisedText:
    parts: list[str] = []
    placed: list[Block] = []
    page_starts: list[tuple[int, int]] = []
    offset = 0
    for kind, lines in blocks:
        text, pages = _join(lines, vocabulary)
        if not text.strip():
            continue
        if parts:
            offset += 2
        placed.append(Block(offset, offset + len(text), lines[0].page, kind))
        page_starts.extend((offset + start, page) for start, page in pages
                           if not page_starts or page != page_starts[-1][1])
        parts.append(text)
        offset += len(text)
    return NormalisedText("\n\n".join(parts), placed, page_count, page_starts)
