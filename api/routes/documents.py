"""Documents: read one with its passages and extracted entities; upload one (API key required)
through the same ingestion pipeline as the CLI."""

from __future__ import annotations

import hashlib
import re
import shutil
import uuid
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, File, Form, Path, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.deps import GraphDep, SettingsDep, WriteAccess
from api.limits import BodyTooLarge
from api.models import DocumentDetail, UploadAnswer
from api.problems import problem, problem_responses
from ingest.pipeline import Ingester
from ingest.sources import user_sources
from kg.documents import document_detail
from kg.model.vocabulary import DOCUMENT_KINDS

router = APIRouter(prefix="/api/documents", tags=["documents"])
CHUNK = 1024 * 1024


def safe_name(filename: str | None) -> str:
    """The file's own name without any directory, reduced to harmless characters."""
    name = FilePath((filename or "").replace("\\", "/")).name
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")[:100]
    return name or "upload"


async def store(upload: UploadFile, folder: FilePath, limit: int) -> FilePath:
    """Streams the upload to disk under its content hash, stopping at the size limit."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".incoming-{uuid.uuid4().hex}"
    digest, size = hashlib.sha256(), 0
    try:
        with partial.open("wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise BodyTooLarge(limit)
                digest.update(chunk)
                out.write(chunk)
        target = folder / digest.hexdigest()[:16] / safe_name(upload.filename)
        target.parent.mkdir(exist_ok=True)
        shutil.move(partial, target)
        return target
    finally:
        partial.unlink(missing_ok=True)


@router.get("/{document_id}", response_model=DocumentDetail, responses=problem_responses(404))
def document(graph: GraphDep, document_id: Annotated[str, Path(max_length=200, examples=["000_37e01896d5b40164"])]
             ) -> DocumentDetail:
    return DocumentDetail(**document_detail(graph, document_id))


@router.post("", response_model=UploadAnswer, status_code=201, dependencies=[WriteAccess],
             responses={200: {"model": UploadAnswer, "description": "The same file was already ingested."},
                        **problem_responses(400, 401, 403, 409)})
async def upload(
    graph: GraphDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="PDF, HTML, Markdown or plain text.")],
    kind: Annotated[str | None, Form(json_schema_extra={"enum": list(DOCUMENT_KINDS)})] = None,
    title: Annotated[str | None, Form(max_length=300)] = None,
    publisher: Annotated[str | None, Form(max_length=200)] = None,
    date: Annotated[str | None, Form(pattern=r"^\d{4}(-\d{2}-\d{2})?$")] = None,
    councils: Annotated[list[str] | None, Form(description="Councils the document is about.")] = None,
) -> UploadAnswer | JSONResponse:
    if kind is not None and kind not in DOCUMENT_KINDS:
        return problem(422, f"kind {kind!r} is not one of {', '.join(DOCUMENT_KINDS)}")
    limit = int(settings.max_file_mb * 1024 * 1024)
    path = await store(file, settings.home / "uploads", limit)
    overrides = {"kind": kind, "title": title, "publisher": publisher, "date": date, "councils": councils}
    sources, _ = user_sources([path], settings.corpus_dir, overrides)
    summary = await run_in_threadpool(Ingester(settings, graph).run, sources)
    if summary.failures:
        path.unlink(missing_ok=True)
        return problem(422, f"{safe_name(file.filename)}: {summary.failures[0].error}")
    status = "added" if summary.added else "updated" if summary.updated else "unchanged"
    answer = UploadAnswer(status=status, document_id=sources[0].id, passages=summary.passages,
                          run_id=summary.run_id, warnings=[w.warning for w in summary.warnings])
    if status == "unchanged":
        return JSONResponse(answer.model_dump(), status_code=200)
    return answer
