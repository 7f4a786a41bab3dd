"""Text out of PDF, HTML, Markdown and plain text, as pages of lines.

Every reader yields the same shape, with Markdown's conventions marking structure where the
source has it ('# ' headings, '- ' list items, blank lines between blocks), so one normaliser
serves all formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pypdfium2 as pdfium

from ingest.detect import Format, decode_text
from kg.model.errors import BadDocument

MIN_HTML_WORDS = 80
_ERROR_TITLE = re.compile(r"\b(not found|404|error|access denied|forbidden|page unavailable)\b", re.IGNORECASE)


@dataclass
class ExtractedText:
    pages: list[list[str]]
    title: str | None = None
    page_count: int = 1
    notes: list[str] = field(default_factory=list)


def extract(raw: bytes, fmt: Format, max_pages: int = 2000) -> ExtractedText:
    if fmt == "pdf":
        return _pdf(raw, max_pages)
    if fmt == "html":
        return _html(decode_text(raw))
    return ExtractedText(pages=[decode_text(raw).splitlines()])


def _pdf(raw: bytes, max_pages: int) -> ExtractedText:
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise BadDocument("password-protected PDF") from None
        raise BadDocument(f"corrupt or truncated PDF ({str(error).strip()})") from None
    try:
        count = len(document)
        if count == 0:
            raise BadDocument("PDF has no pages")
        if count > max_pages:
            raise BadDocument(f"PDF has {count} pages, over the {max_pages}-page limit")
        pages: list[list[str]] = []
        for index in range(count):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").split("\n"))
            textpage.close()
            page.close()
        title = (document.get_metadata_dict().get("Title") or "").strip() or None
    except pdfium.PdfiumError as error:
        raise BadDocument(f"corrupt or truncated PDF ({str(error).strip()})") from None
    finally:
        document.close()
    if sum(len(" ".join(lines).split()) for lines in pages) < 20:
        raise BadDocument("PDF has no text layer (a scanned image?)")
    return ExtractedText(pages=pages, title=title, page_count=count)


class _HtmlToLines(HTMLParser):
    """Keeps the readable text of a page: headings, paragraphs and list items, not navigation."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button", "template"}
    BLOCK = {"p", "div", "section", "article", "main", "table", "tr", "ul", "ol", "blockquote", "br", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.in_title = False
        self.prefix = ""

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.lines.extend([self.prefix + text, ""])
        self.current, self.prefix = [], ""

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag == "li":
            self._flush()
            self.prefix = "- "
        elif tag in self.BLOCK:
            self._flush()
        elif tag == "td":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self.BLOCK or tag == "li" or re.fullmatch(r"h[1-6]", tag):
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.current.append(data)


def _html(text: str) -> ExtractedText:
    parser = _HtmlToLines()
    parser.feed(text)
    parser.close()
    parser._flush()
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    words = sum(len(line.split()) for line in parser.lines)
    if title and _ERROR_TITLE.search(title) and words < 400:
        raise BadDocument(f"HTML error page, not a document (title: {title[:80]!r})")
    if words < MIN_HTML_WORDS:
        raise BadDocument(f"HTML page with too little text to be a document ({words} words)")
    return ExtractedText(pages=[parser.lines], title=title)
