"""Extraction spread over the machine's cores.

A document's extraction (spaCy's parse of its cued sentences, the rules, its candidates' meaning)
runs on one core, and took more of an ingest than the passages' embedding, which uses them all. So
an ingest of many documents hands each window's extractions to worker processes, each with its own
parser and model on one thread, while the main process writes what they return. The workers are
spawned, not forked (PyTorch's and ONNX Runtime's thread pools do not survive a fork), and started
only when a window is large enough to pay for their start (ingest/pipeline.py); small runs extract
in the ingest's own process. A worker extracts exactly what the main process would
(tests/test_ingest.py).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from embedding.cache import ingest_embedder
from ingest.extraction.document import DocumentEvidence, Extractor
from kg.model.errors import EvidenceError
from kg.model.graph import Council
from kg.model.settings import Settings

Extraction = Callable[[], DocumentEvidence]  # a document's extraction, run or awaited when called
ExtractionStarter = Callable[[str, list[str], "str | None"], Extraction]  # (text, its councils, inspected council)

_extractor: Extractor | None = None  # a worker's own


class ExtractionWorkers:
    """A pool of `processes` workers, started on the first document given to it (`councils` is read then)."""

    def __init__(self, settings: Settings, councils: Callable[[], list[Council]], processes: int):
        self._settings, self._councils, self._processes = settings, councils, processes
        self._pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self._pool is not None

    def start(self, text: str, document_councils: list[str], inspection_council: str | None) -> Extraction:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self._processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self._settings, self._councils()))
        try:
            future = self._pool.submit(_extract, text, document_councils, inspection_council)
        except BrokenProcessPool as error:  # one died before this document was handed over
            raise _stopped(error) from error

        def result() -> DocumentEvidence:
            try:
                return future.result()
            except BrokenProcessPool as error:
                raise _stopped(error) from error
        return result

    def close(self, abandon: bool = False) -> None:
        """Stops the workers once idle; `abandon` (a run failing or interrupted) kills them at once,
        since the extractions queued or running would be thrown away."""
        if self._pool is None:
            return
        if abandon:  # no public way before Python 3.14's terminate_workers()
            for process in list(self._pool._processes.values()):
                process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "ExtractionWorkers":
        return self

    def __exit__(self, exc_type, *_) -> None:
        self.close(abandon=exc_type is not None)


def _stopped(error: BrokenProcessPool) -> EvidenceError:
    return EvidenceError(f"an extraction worker stopped ({error}); EVIDENCE_EXTRACTION_PROCESSES=1 "
                         "extracts in the ingest's own process")


def _start_worker(settings: Settings, councils: list[Council]) -> None:
    """One thread for everything the worker runs; an interrupt is the main process's to handle, and
    a worker outlives no ingest, however it ends (its task queue alone would keep it waiting)."""
    from threadpoolctl import threadpool_limits

    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["TOKENIZERS_PARALLELISM"] = "false"  # Hugging Face's tokenizer would use every core
    parent = multiprocessing.parent_process()
    assert parent is not None, "a worker is spawned by the ingest"
    threading.Thread(target=_exit_after, args=(parent.sentinel,), daemon=True).start()
    threadpool_limits(1)
    _extractor = Extractor(councils, ingest_embedder(settings, threads=1))


def _exit_after(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _extract(text: str, document_councils: list[str], inspection_council: str | None) -> DocumentEvidence:
    assert _extractor is not None, "a worker extracts only once started"
    return _extractor.extract(text, document_councils, inspection_council)
