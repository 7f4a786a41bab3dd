"""Snippets: the part of a passage where the query's words are densest, with those words marked."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

STOPWORDS = set("""a about an and are as at be by did do does for from has have how in is it its of on or our
such that the their them there these they this to was were what when where which who why with""".split())
WINDOW = 320


def content_words(query: str) -> list[str]:
    """The query's words split where BM25 splits them, common words and single letters dropped, each
    once: what the full-text query asks for and what proximity pairs."""
    return list(dict.fromkeys(word for word in re.findall(r"[a-z0-9]+", query.lower())
                              if len(word) > 1 and word not in STOPWORDS))


def query_terms(query: str, extra_phrases: Sequence[str] = ()) -> list[str]:
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", query.lower()) if w not in STOPWORDS and len(w) > 2]
    return list(dict.fromkeys(words + [p for p in extra_phrases if len(p) > 2]))


def snippet(text: str, terms: list[str]) -> str:
    """HTML-escaped text around the best match, with matched words in <mark>."""
    if not terms:
        return html.escape(text[:WINDOW])
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) + r"\w*" for t in sorted(terms, key=len, reverse=True)) + r")",
                         re.IGNORECASE)
    hits = [m.start() for m in pattern.finditer(text)]
    start = 0
    if hits:
        start = max(hits, key=lambda h: sum(1 for other in hits if h <= other < h + WINDOW))
        start = max(0, start - 60)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    window = text[start:start + WINDOW]
    marked = pattern.sub(lambda m: f"\0{m.group(0)}\1", window)
    escaped = html.escape(marked).replace("\0", "<mark>").replace("\1", "</mark>")
    return ("…" if start else "") + escaped + ("…" if start + WINDOW < len(text) else "")
