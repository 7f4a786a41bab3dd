"""Which reader a file needs, decided by its bytes rather than its name (some '.pdf' files are HTML)."""

from __future__ import annotations

import re
from typing import Literal

from charset_normalizer import from_bytes

from kg.model.errors import BadDocument

Format = Literal["pdf", "html", "markdown", "text"]

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"</?(p|div|h[1-6]|li|ul|table|br|span|a)\b[^>]*>", re.IGNORECASE)
_MARKDOWN = re.compile(r"^(#{1,6} \S|[-*+] \S|\d+\. \S|>\s)", re.MULTILINE)


def detect_format(raw: bytes) -> Format:
    if not raw.strip():
        raise BadDocument("empty file")
    head = raw[:2048]
    if head.lstrip().startswith(b"%PDF-") or b"%PDF-" in raw[:1024]:
        return "pdf"
    if _HTML_START.match(head):
        return "html"
    text = decode_text(raw)
    if len(_HTML_TAGS.findall(text[:20000])) >= 10:
        return "html"
    if len(_MARKDOWN.findall(text[:20000])) >= 3:
        return "markdown"
    return "text"


def decode_text(raw: bytes) -> str:
    """UTF-8 when it is, else the encoding charset-normalizer detects; binary content is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode(_legacy_encoding(raw), errors="replace")
    if _looks_binary(text):
        raise BadDocument("binary content: not a PDF, HTML or text document")
    return text


# English documents that are not UTF-8 are nearly always Windows-1252 or Latin-1; other single-byte
# code pages fit the same bytes about as well ('£' would read as 'Ł' in cp1250), so prefer these.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _legacy_encoding(raw: bytes) -> str:
    matches = from_bytes(raw[:200_000])
    if not len(matches):
        raise BadDocument("binary content: not a PDF, HTML or text document")
    western = next((match for match in matches if match.encoding in _WESTERN), None)
    best = western or matches.best()
    if best is None:
        raise BadDocument("binary content: not a PDF, HTML or text document")
    return best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if "\x00" in sample:
        return True
    control = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f")
    replaced = sample.count("\ufffd")
    letters = sum(char.isalpha() for char in sample)
    return (control + replaced) > 0.02 * len(sample) or letters < 0.3 * len(sample)
