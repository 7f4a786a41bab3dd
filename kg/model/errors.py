"""Errors the command line and the API turn into one clear line (or a problem+json body)."""


class EvidenceError(Exception):
    """An expected failure with a message fit to show a user as it is."""

    exit_code = 1


class GraphUnavailable(EvidenceError):
    """Neo4j cannot be reached, refused our credentials, or timed out."""


class ServerError(EvidenceError):
    """The embedded Neo4j could not be built, started or stopped."""


class NotFound(EvidenceError):
    exit_code = 2


class Ambiguous(EvidenceError):
    """A name matched several councils; the candidates are kept so callers can list them."""

    exit_code = 2

    def __init__(self, message: str, candidates: list[dict[str, str]]):
        super().__init__(message)
        self.candidates = candidates


class NotReady(EvidenceError):
    """The graph cannot answer yet (nothing has been ingested)."""


class ModelMismatch(EvidenceError):
    """The graph's passages were embedded by another model than the one asking."""


class BadDocument(EvidenceError):
    """This file cannot become a document; the rest of the batch carries on."""


class IngestBusy(EvidenceError):
    """Another ingest holds this home's lock."""


class CurationError(EvidenceError):
    """A curation decision that cannot be made (a catalogue entry, a bad name), or a curation file
    that cannot be read."""
