"""A document that cannot be ingested: the reason is one line, shown against its path in the summary."""

from kg.errors import EvidenceError


class BadDocument(EvidenceError):
    """This file cannot become a document; the rest of the batch carries on."""
