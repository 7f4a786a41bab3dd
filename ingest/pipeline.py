"""The ingest run: sources → read → chunk → embed → write, one document at a time, each landing
whole or not at all; unchanged files are skipped by their sha256 before being parsed."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import subprocess
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from embedding.cache import ingest_embedder
from embedding.embedder import Embedder
from ingest.background_writer import BackgroundWriter
from ingest.chunk import PassageDraft, chunk
from ingest.claims import find_claims
from ingest.council_mentions import CouncilMatcher
from ingest.detect import detect_format
from ingest.extract_text import extract
from ingest.extraction.document import DocumentEvidence, Extractor
from ingest.extraction.enablers import EnablerScore, EnablerScorer
from ingest.extraction.records import (
    PassageLocator,
    PassageSpan,
    extract_report,
    graph_rows,
)
from ingest.extraction.workers import ExtractionStarter, ExtractionWorkers
from ingest.inspection import InspectionRecord, read_report
from ingest.normalise import NormalisedText, normalise
from ingest.sources import MissingSource, Source
from kg.connection import Graph
from kg.councils import all_councils, resolve
from kg.documents import (
    check_embedding_model,
    fingerprints,
    finish_run,
    record_embedding_model,
    start_run,
    write_document,
)
from kg.evidence import load_catalogue, write_evidence
from kg.inspections import create_claims, create_inspection
from kg.model.curation import Curation, read_curation
from kg.model.errors import BadDocument, EvidenceError, GraphUnavailable, IngestBusy
from kg.model.graph import (
    Council,
    Document,
    IngestRunEnd,
    Inspection,
    Judgement,
    JudgementClaim,
    Passage,
    RunStatus,
)
from kg.model.settings import PROJECT_ROOT, Settings
from kg.model.vocabulary import SINCE_LAST_INSPECTION, credits_change

MAX_PDF_PAGES = 2000
# Bump when reading a document would now give a different result: documents read by an older
# version are read again (their unchanged passages come back from the embedding cache), as are
# documents whose file or metadata changed.
PIPELINE_VERSION = "105"
# Passages read and embedded before the window's documents are extracted and written (see _ingest_all):
# each window ends waiting for its last write, and holds a few megabytes.
WINDOW_PASSAGES = 1024
# Worker processes extract a window of several documents once the run has had one of this many
# passages: each worker takes 7 to 10 s of a core to start (its parser and model), which two of
# them win back at about 0.016 s a passage on two cores (BENCHMARKS.md).
WORKERS_FROM_PASSAGES = 800
# The first window is small, so a service started beside a fresh ingest has something to answer
# with in seconds rather than after a thousand passages.
FIRST_WINDOW_PASSAGES = 64


@dataclass
class Failure:
    path: str
    error: str


@dataclass
class IngestWarning:
    path: str
    warning: str


@dataclass
class IngestSummary:
    run_id: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    passages: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    inspections: int = 0
    claims: int = 0
    implementations: int = 0
    outcomes: int = 0
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {
            "run_id": self.run_id,
            "documents": {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                          "failed": self.failed},
            "passages": self.passages,
            "inspections": self.inspections,
            "judgement_claims": self.claims,
            "implementations": self.implementations,
            "outcomes": self.outcomes,
            "failures": [asdict(failure) for failure in self.failures],
            "warnings": [asdict(warning) for warning in self.warnings],
            "seconds": round(self.seconds, 2),
        }


@dataclass
class ReadDocument:
    """A parsed document ready to embed and write."""

    source: Source
    sha256: str
    size: int
    fmt: str
    title: str
    normalised: NormalisedText
    passages: list[PassageDraft]
    inspection: InspectionRecord | None
    # why a document that is, or is declared to be, an Ofsted inspection report yields no inspection
    inspection_unread: str | None = None


@dataclass
class DerivedEvidence:
    council_codes: list[str]  # the councils the document's metadata names
    inspection_council: str | None
    inspection: Inspection | None
    judgements: list[Judgement]
    claims: list[JudgementClaim]
    evidence: DocumentEvidence
    enabler_links: list[list[EnablerScore]]


@contextmanager
def ingest_lock(settings: Settings) -> Iterator[None]:
    """One ingest at a time per home; the kernel drops the lock if the process dies."""
    settings.home.mkdir(parents=True, exist_ok=True)
    path = settings.home / "ingest.lock"
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise IngestBusy(f"another ingest is running in {settings.home} (pid {holder}); try again when it finishes")
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def code_version() -> str:
    try:
        sha = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha = ""
    return f"evidence-graph 0.1.0{'+' + sha if sha else ''}"


def read_document(source: Source, raw: bytes, sha256: str) -> ReadDocument:
    fmt = detect_format(raw)
    extracted = extract(raw, fmt, max_pages=MAX_PDF_PAGES)
    normalised = normalise(extracted)
    passages = chunk(normalised)
    if not passages:
        raise BadDocument("no readable text")
    title = source.title or extracted.title or _first_heading(normalised) or source.path.stem
    inspection, unread = read_report(normalised.text, declared=source.kind == "inspection_report")
    return ReadDocument(source, sha256, len(raw), fmt, title, normalised, passages, inspection, unread)


def _first_heading(normalised: NormalisedText) -> str | None:
    for block in normalised.blocks[:5]:
        text = normalised.text[block.start:block.end]
        if block.kind == "heading" or len(text.split()) <= 14:
            return text[:200]
    return None


def document_fingerprint(sha256: str, source: Source) -> str:
    """Same file, same metadata and same pipeline version: nothing to do."""
    return hashlib.sha256(f"{sha256}|{PIPELINE_VERSION}|{source.metadata_key()}".encode()).hexdigest()


def _iso_date(text: str | None):
    try:
        return datetime.strptime(text or "", "%Y-%m-%d").date()
    except ValueError:
        return None


def embedding_text(passage: PassageDraft) -> str:
    """The section heading gives a passage the context its first words may lack."""
    if passage.section and not passage.text.startswith(passage.section):
        return f"{passage.section}\n{passage.text}"
    return passage.text


def _passage_spans(document: ReadDocument) -> list[PassageSpan]:
    return [PassageSpan(f"{document.source.id}#{passage.ordinal}", passage.start, passage.end)
            for passage in document.passages]


def text_hash(text: str) -> str:
    return hashlib.sha1(re.sub(r"\s+", " ", text).strip().lower().encode()).hexdigest()


class Ingester:
    """Runs one ingest; the embedder is loaded only when some document actually needs it."""

    def __init__(self, settings: Settings, graph: Graph, on_progress: Callable[[str, int], None] | None = None):
        self.settings = settings
        self.graph = graph
        self.on_progress = on_progress or (lambda _label, _passages: None)
        self._embedder: Embedder | None = None
        self._councils: list[Council] | None = None
        self._matcher: CouncilMatcher | None = None
        self._extractor: Extractor | None = None
        self._enabler_scorer: EnablerScorer | None = None
        self._curation: tuple[tuple[int, int] | None, Curation] | None = None

    def curation(self) -> Curation:
        """Curators' decisions, read again whenever the file changes (a decision made while the
        ingest runs applies to the documents written after it)."""
        path = self.settings.curation_path
        try:
            stat = path.stat()
            stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = None
        if self._curation is None or self._curation[0] != stamp:
            self._curation = (stamp, read_curation(path))
        return self._curation[1]

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = ingest_embedder(self.settings)
            check_embedding_model(self.graph, self._embedder.name, self._embedder.dimensions)
            # recorded before the first passage lands, so search answers while the ingest goes on
            record_embedding_model(self.graph, self._embedder.name, self._embedder.dimensions,
                                   self._embedder.backend)
        return self._embedder

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(self._council_list(), self.embedder)
        return self._extractor

    @property
    def enabler_scorer(self) -> EnablerScorer:
        if self._enabler_scorer is None:
            self._enabler_scorer = EnablerScorer(self.embedder)
        return self._enabler_scorer

    def run(self, sources: list[Source], missing: list[MissingSource] | None = None) -> IngestSummary:
        started = time.monotonic()
        summary = IngestSummary(run_id=f"run-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}")
        for absent in missing or []:
            self._fail(summary, absent.path, absent.error)
        with ingest_lock(self.settings):
            unique = list({source.id: source for source in sources}.values())
            self.curation()  # a bad curation file stops the run before anything is read
            known = fingerprints(self.graph, [source.id for source in unique])
            start_run(self.graph, summary.run_id, code_version(), len(unique))
            load_catalogue(self.graph)
            status: RunStatus = "failed"
            try:
                self._ingest_all(unique, known, summary)
                status = "finished"
            except (KeyboardInterrupt, SystemExit):
                status = "interrupted"
                raise
            finally:
                summary.seconds = time.monotonic() - started
                end = IngestRunEnd(id=summary.run_id, status=status, documents_added=summary.added,
                                   documents_updated=summary.updated, documents_unchanged=summary.unchanged,
                                   documents_failed=summary.failed, passages=summary.passages)
                try:
                    finish_run(self.graph, end)
                except EvidenceError:
                    pass
        return summary

    def _fail(self, summary: IngestSummary, path: Path, error: str) -> None:
        summary.failed += 1
        summary.failures.append(Failure(str(path), error))

    def _ingest_all(self, sources: list[Source], known: dict[str, str], summary: IngestSummary) -> None:
        """Documents go through in windows: a window is read, then embedded while Neo4j is idle, then
        extracted, each document's write running on the writer's thread while the next is extracted.
        Embedding keeps both cores busy, and anything running beside it (a commit, say) holds the
        model's threads back by more than its own cost; extraction and commits use one core each and
        overlap cleanly, but for extraction's one small embedding call per document (its candidate
        practices, learned_practices.py), which does run beside a commit. In a large run, worker
        processes extract a window's documents instead, one core each, while this process writes. Each
        document still has its own embedding calls and its own transaction."""
        # the writer stops first: a failing run lets only the write under way land, then kills the workers
        with ExtractionWorkers(self.settings, self._council_list, self.settings.extraction_processes) as workers, \
                BackgroundWriter() as writer:
            window: list[tuple[ReadDocument, str]] = []
            size = min(FIRST_WINDOW_PASSAGES, WINDOW_PASSAGES)
            for position, source in enumerate(sources, start=1):
                read = self._read(source, known.get(source.id), summary)
                if read is None:  # unchanged or rejected: done with it already
                    self.on_progress(source.path.name, 0)
                else:
                    window.append(read)
                passages = sum(len(document.passages) for document, _ in window)
                if window and (passages >= size or position == len(sources)):
                    self._ingest_window(window, passages, summary, writer, workers)
                    window, size = [], WINDOW_PASSAGES

    def _ingest_window(self, window: list[tuple[ReadDocument, str]], passages: int, summary: IngestSummary,
                       writer: BackgroundWriter, workers: ExtractionWorkers) -> None:
        writer.wait()  # the previous window's writes: Neo4j is idle while the model runs
        embedded = [(document, change, self._embed(document)) for document, change in window]
        spread = self.settings.extraction_processes > 1 and (
            workers.started or (len(window) > 1 and passages >= WORKERS_FROM_PASSAGES))
        derivations = [self.start_derive(document, vectors, summary.warnings, workers.start if spread else None)
                       for document, _, vectors in embedded]
        for (document, change, vectors), derived in zip(embedded, derivations):
            self._land(document, change, vectors, derived(), summary, writer)

    def _read(self, source: Source, known_fingerprint: str | None,
              summary: IngestSummary) -> tuple[ReadDocument, str] | None:
        """The document and whether it is added or updated; None when it is unchanged or unreadable."""
        try:
            raw = self._read_bytes(source.path)
            sha256 = hashlib.sha256(raw).hexdigest()
            if known_fingerprint == document_fingerprint(sha256, source):
                summary.unchanged += 1
                return None
            document = read_document(source, raw, sha256)
        except BadDocument as error:
            self._fail(summary, source.path, str(error))
            return None
        return document, "updated" if known_fingerprint is not None else "added"

    def _embed(self, document: ReadDocument):
        """A document's own embedding call (so its vectors never depend on the documents beside it);
        the progress bar moves as documents are embedded, the long step."""
        vectors = self.embedder.embed([embedding_text(passage) for passage in document.passages])
        self.on_progress(document.source.path.name, len(document.passages))
        return vectors

    def _land(self, document: ReadDocument, change: str, vectors, derived: DerivedEvidence,
              summary: IngestSummary, writer: BackgroundWriter) -> None:
        source = document.source
        rows = graph_rows(source.id, derived.evidence, derived.enabler_links, _passage_spans(document))
        properties = self._document_properties(document, summary.run_id)
        passages = self._passage_properties(document, vectors)

        def derived_writes(tx) -> None:
            if derived.inspection is not None and derived.inspection_council is not None:
                create_inspection(tx, derived.inspection_council, derived.inspection, derived.judgements)
            if derived.claims:
                create_claims(tx, derived.claims)
            write_evidence(tx, rows, self.curation())

        def write() -> None:
            try:
                write_document(self.graph, properties, passages, derived.council_codes, summary.run_id, change,
                               derived_writes)
            except GraphUnavailable as error:  # nothing of this document landed; the run cannot go on
                raise GraphUnavailable(f"{source.path}: not written, {error}") from error

        def landed() -> None:
            summary.passages += len(document.passages)
            summary.inspections += derived.inspection is not None
            summary.claims += len(derived.claims)
            summary.implementations += len(rows.implementations)
            summary.outcomes += len(rows.outcomes)
            setattr(summary, change, getattr(summary, change) + 1)

        writer.submit(write, landed)

    def start_derive(self, document: ReadDocument, vectors, warnings: list[IngestWarning],
                     start_extraction: ExtractionStarter | None = None) -> Callable[[], DerivedEvidence]:
        """Everything read from a document beyond its passages: inspection, claims, extracted evidence,
        once called. The extraction runs in this process when called, or starts now with
        `start_extraction` (a worker's, ingest/extraction/workers.py)."""
        council_codes = self._council_codes(document.source)
        inspection_council = None
        inspection = judgements = None
        if document.inspection_unread is not None:
            warnings.append(IngestWarning(str(document.source.path), "inspection report: no inspection recorded, "
                                          f"{document.inspection_unread}"))
        if document.inspection is not None:
            inspection_council = self._report_council(document.inspection, council_codes, str(document.source.path),
                                                      warnings)
            if inspection_council is not None:
                inspection, judgements = self._inspection_rows(document, document.inspection, warnings)
        claims = [] if document.inspection else self._claims(document, council_codes)
        text = document.normalised.text
        evidence = (start_extraction(text, council_codes, inspection_council) if start_extraction
                    else lambda: self.extractor.extract(text, council_codes, inspection_council))

        def derived() -> DerivedEvidence:
            links = self.enabler_scorer.score(vectors, [passage.text for passage in document.passages])
            return DerivedEvidence(council_codes, inspection_council, inspection, judgements or [], claims,
                                   evidence(), links)
        return derived

    def examine(self, source: Source) -> dict:
        """The whole extraction of one file, written nowhere: for a curator, and for evaluation."""
        raw = self._read_bytes(source.path)
        document = read_document(source, raw, hashlib.sha256(raw).hexdigest())
        vectors = self.embedder.embed([embedding_text(passage) for passage in document.passages])
        warnings: list[IngestWarning] = []
        derived = self.start_derive(document, vectors, warnings)()
        names = {council.code: council.name for council in self._council_list()}
        judgements = [{"council": derived.inspection_council, "date": str(row.date) if row.date else None,
                       "area": row.area, "grade": row.grade, "quote": row.printed}
                      for row in derived.judgements]
        judgements += [{"council": claim.council_code, "date": f"{claim.year}", "area": claim.area,
                        "grade": claim.grade, "quote": claim.quote} for claim in derived.claims]
        inspection = None
        if derived.inspection is not None:
            inspection = derived.inspection.model_dump(mode="json") | {"council": derived.inspection_council}
        report = extract_report(derived.evidence, derived.enabler_links, _passage_spans(document), names,
                                inspection, judgements)
        return {"document": {"path": str(source.path), "title": document.title, "format": document.fmt,
                             "passages": len(document.passages)},
                **report, "warnings": [warning.warning for warning in warnings]}

    def _inspection_rows(self, document: ReadDocument, record: InspectionRecord,
                         warnings: list[IngestWarning]) -> tuple[Inspection, list[Judgement]]:
        path = str(document.source.path)
        locate = PassageLocator(_passage_spans(document))
        for missing in record.missing:
            warnings.append(IngestWarning(path, f"inspection report: could not read the {missing}"))
        document_id = document.source.id
        inspection = Inspection(
            id=f"inspection:{document_id}", document_id=document_id, framework=record.framework,
            framework_basis=record.framework_basis, reinspection=record.reinspection,
            start=record.start, end=record.end,
            # ILACS reports do not print their publication date; the document's own date is it
            published=record.published or _iso_date(document.source.date),
            council_as_printed=record.council_names[0] if record.council_names else None,
            missing=record.missing,
        )
        judgements = [
            judgement.model_copy(update={
                "id": f"{inspection.id}:{judgement.area}", "document_id": document_id,
                "passage_id": locate.at(judgement.char_start), "date": record.end or record.published})
            for judgement in record.judgements
        ]
        return inspection, judgements

    def _report_council(self, record: InspectionRecord, manifest_codes: list[str], path: str,
                        warnings: list[IngestWarning]) -> str | None:
        """The council the report itself names; the manifest's only when the report's name is unreadable."""
        councils = self._council_list()
        for name in record.council_names:
            try:
                code = resolve(councils, name).code
            except EvidenceError:
                continue
            if manifest_codes and code not in manifest_codes:
                warnings.append(IngestWarning(path, f"inspection report names {name!r} ({code}), not the "
                                              f"council in its metadata ({', '.join(manifest_codes)})"))
            return code
        if len(manifest_codes) == 1:
            return manifest_codes[0]
        warnings.append(IngestWarning(path, "inspection report: the council it names could not be identified; "
                                      "no inspection recorded"))
        return None

    def _claims(self, document: ReadDocument, council_codes: list[str]) -> list[JudgementClaim]:
        """Judgements the document states about councils, with their quotes."""
        if self._matcher is None:
            self._matcher = CouncilMatcher(self._council_list())
        locate = PassageLocator(_passage_spans(document))
        return [
            JudgementClaim(
                id=f"claim:{document.source.id}:{claim.char_start}", document_id=document.source.id,
                council_code=claim.council_code, year=claim.year, month=claim.month, grade=claim.grade,
                area="overall_effectiveness", quote=claim.quote, char_start=claim.char_start,
                char_end=claim.char_end, passage_id=locate.at(claim.char_start))
            for claim in find_claims(document.normalised.text, self._matcher, council_codes)
        ]

    def _read_bytes(self, path: Path) -> bytes:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise BadDocument("no such file") from None
        limit = self.settings.max_file_mb * 1024 * 1024
        if size > limit:
            raise BadDocument(f"file is {size / 1048576:.1f} MB, over the {self.settings.max_file_mb:g} MB limit "
                              "(EVIDENCE_MAX_FILE_MB)")
        if size == 0:
            raise BadDocument("empty file")
        try:
            return path.read_bytes()
        except OSError as error:
            raise BadDocument(f"cannot read file: {error.strerror or error}") from None

    def _council_codes(self, source: Source) -> list[str]:
        if not source.councils:
            return []
        codes = set()
        for name in source.councils:
            try:
                codes.add(resolve(self._council_list(), name).code)
            except EvidenceError:
                continue  # metadata naming no known council links to none rather than a guess
        return sorted(codes)

    def _council_list(self) -> list[Council]:
        if self._councils is None:
            self._councils = all_councils(self.graph)
        return self._councils

    def _document_properties(self, document: ReadDocument, run_id: str) -> Document:
        source = document.source
        path = source.path.resolve()
        try:
            shown_path = str(path.relative_to(self.settings.corpus_dir.resolve()))
        except ValueError:
            shown_path = str(path)
        return Document(
            id=source.id, title=document.title, publisher=source.publisher, date=source.date, kind=source.kind,
            source=source.source, path=shown_path, sha256=document.sha256, bytes=document.size,
            format=document.fmt, pages=document.normalised.page_count, passage_count=len(document.passages),
            text=document.normalised.text, ingest_run=run_id, pipeline_version=PIPELINE_VERSION,
            fingerprint=document_fingerprint(document.sha256, source),
            ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )

    def _passage_properties(self, document: ReadDocument, vectors) -> list[Passage]:
        embedder = self.embedder
        return [
            Passage(
                id=f"{document.source.id}#{passage.ordinal}", document_id=document.source.id,
                ordinal=passage.ordinal, text=passage.text, section=passage.section, page=passage.page,
                page_end=passage.page_end, char_start=passage.start, char_end=passage.end,
                words=len(passage.text.split()), text_hash=text_hash(passage.text),
                credits_change=credits_change(passage.text),
                since_last_inspection=bool(SINCE_LAST_INSPECTION.search(passage.text)), embedding=vector.tolist(),
                embedding_model=embedder.name, embedding_backend=embedder.backend,
            )
            for passage, vector in zip(document.passages, vectors)
        ]
